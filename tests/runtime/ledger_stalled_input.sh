#!/bin/sh
# tests/runtime/ledger_stalled_input.sh — `polc run --ledger l.db --claims -` whose input
# stalls (a pipe whose writer pauses) held the ledger's writers' lock while it waited: the
# transaction of the next batch was begun as the last one committed, and at the start, before
# a byte was read. Another run (or a polc serve) on the same file waited its 10 s and failed
# with exit 4. Now a batch's transaction is begun once the batch is read: while the first run
# waits for its input (batches of its 60,000 claims committed, the rest not yet sent), a second
# run on l.db settles at once. cap.pol pays at most 1,000 yuan a person-year: the second
# run's B (600 yuan, P) pays 600.00; the first run's A for P, sent after the pause, pays the
# rest, 1,000 - 600 = 400.00; each Q's one claim of 600 pays 600.00.
#
#   sh tests/runtime/ledger_stalled_input.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"
work stalled
P=$ROOT/tests/runtime/cap.pol # 1,000 yuan a person-year

# more than the 1 MiB standard input is read ahead for its encoding (csv.c CSV_SNIFF) and a
# batch (512 KiB with a ledger, spec/DATA.md): ~28 bytes a row, 60,000 rows
awk 'BEGIN { print "claim_id,person_id,discharged,total";
             for (i = 1; i <= 60000; i++) printf "Q%d,Q%d,2018-01-03,600\n", i, i }' >part1.csv
printf 'A,P,2018-01-05,600\n' >part2.csv
printf 'claim_id,person_id,discharged,total\nB,P,2018-01-04,600\n' >b.csv
mkfifo in.fifo
# the writer: part 1, then a pause until the file go exists, then part 2 and the end
(
    cat part1.csv
    i=0
    while [ ! -e go ] && [ $i -lt 600 ]; do
        sleep 0.1
        i=$((i + 1))
    done
    cat part2.csv
) >in.fifo &
writer=$!
"$POLC" run "$P" --claims - --ledger l.db --out a.out -q <in.fifo 2>a.err &
first=$!
# the first batch committed (the sqlite3 shell, when there is one, sees it), the input paused
if command -v sqlite3 >/dev/null; then
    i=0
    while [ "$(sqlite3 l.db 'SELECT count(*) FROM settled_claims' 2>/dev/null || echo 0)" = 0 ] &&
        [ $i -lt 300 ]; do
        sleep 0.1
        i=$((i + 1))
    done
    [ $i -lt 300 ] && ok "stalled input: the first batch committed before the pause ended" ||
        bad "stalled input" "no claim committed in 30 s"
else
    sleep 3
fi
t0=$(date +%s)
"$POLC" run "$P" --claims b.csv --ledger l.db --out b.out -q 2>b.err
rc=$?
t1=$(date +%s)
# SQLite's wait for a held lock is 10 s: well under it, nothing was waited for
if [ $rc = 0 ] && [ $((t1 - t0)) -lt 6 ] && [ "$(tail -n 1 b.out)" = "B,600.00,settled" ]; then
    ok "stalled input: a second run on the ledger settles while the first waits (B 600.00)"
else
    bad "stalled input: the second run" "exit $rc after $((t1 - t0)) s: $(cat b.err)"
fi
touch go
wait $writer
wait $first
rc=$?
if [ $rc = 0 ] && [ "$(tail -n 1 a.out)" = "A,400.00,settled" ] &&
    [ "$(grep -c ',600.00,settled$' a.out)" = 60000 ]; then
    ok "stalled input: the first run ends, A pays the rest after B (400.00), each Q 600.00"
else
    bad "stalled input: the first run" "exit $rc: $(cat a.err) $(tail -n 1 a.out 2>/dev/null)"
fi
# the ledger: P's year paid 1,000 yuan once (B then A), every claim stored once
"$POLC" run "$P" --claims b.csv --ledger l.db --out c.out -q 2>c.err &&
    [ "$(tail -n 1 c.out)" = "B,600.00,already settled" ] &&
    ok "stalled input: B again answers its stored 600.00 (settled once)" ||
    bad "stalled input: B again" "$(cat c.err) $(tail -n 1 c.out 2>/dev/null)"
finish
