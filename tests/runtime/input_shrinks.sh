#!/bin/sh
# A claims file that another program truncates while `polc run` reads it: what was read is not
# the file, so the run stops with exit 4 (a file that cannot be read, spec/DATA.md) and a
# message naming the file, the previous results stay in place and no temporary is left
# (before, the half read was settled and written, its last record rejected as cut). The run
# is held in the middle of the file without timing: its explanations go to a FIFO, which the
# test reads one byte of (the first batch is settled), then truncates the claims file, then
# drains. The file holds about two batches of claims (the first batch's explanations fill the
# FIFO's buffer long before its end), so the next batch is read after the truncation. With
# --ledger the message tells the claims the committed batches left in the ledger, and a run
# again on the whole file finds them already settled.
. "$(dirname "$0")/lib.sh"
work shrink
"$POLC" gen --persons 20000 --seed 3 --years 2017,2018 --out pop -q 2>err ||
    { bad "polc gen" "$(head -n 3 err)"; finish; exit; }
"$POLC" build "$ROOT/policies/anhui/panji-2017.pol" -o panji.so 2>err ||
    { bad "polc build" "$(head -n 3 err)"; finish; exit; }
size=$(wc -c <pop/claims.csv)
[ "$size" -gt 3000000 ] || bad "fixture" "claims.csv is $size bytes, not more than a batch"

# shrunk [ARGS...]: pop/claims.csv truncated under a run (ARGS added), held by the FIFO; its
# exit code in rc, its stderr in err
shrunk() {
    rm -f x.fifo
    mkfifo x.fifo
    "$POLC" run panji.so --claims pop/claims.csv --persons pop/persons.csv --out results.csv \
        --explain x.fifo -q "$@" 2>err &
    pid=$!
    exec 3<x.fifo
    dd bs=1 count=1 <&3 >/dev/null 2>&1
    : >pop/claims.csv
    cat <&3 >/dev/null
    exec 3<&-
    wait $pid
    rc=$?
}
echo OLD >results.csv
shrunk
if [ "$rc" -eq 4 ]; then ok "truncated under the run: exit 4"; else bad "truncated under the run" "exit $rc, expected 4: $(head -n 3 err)"; fi
want="polc: cannot read pop/claims.csv: it shrank while it was read (another program truncated or rewrote it); nothing written"
if [ "$(cat err)" = "$want" ]; then ok "the message names the file"; else bad "the message" "$(head -n 3 err)"; fi
if [ "$(cat results.csv)" = OLD ]; then ok "the previous results in place"; else bad "results.csv" "$(head -c 200 results.csv)"; fi
left=$(ls -a | grep '\.tmp' || true)
if [ -z "$left" ]; then ok "no temporary left"; else bad "temporaries left" "$left"; fi

# with --ledger the batches settled before the truncation are committed: the message said
# "nothing written" all the same. It says how many claims the ledger holds, and the run again
# on the whole file finds exactly those already settled and settles the rest.
"$POLC" gen --persons 20000 --seed 3 --years 2017,2018 --out pop -q 2>err
cp pop/claims.csv whole.csv
shrunk --ledger l.db
n=$(sed -n 's/.*the ledger l.db holds the \([0-9]*\) claims settled in the batches committed before: a run again settles the rest, each claim once$/\1/p' err)
want="polc: cannot read pop/claims.csv: it shrank while it was read (another program truncated or rewrote it); the results were not written, and the ledger l.db holds the $n claims settled in the batches committed before: a run again settles the rest, each claim once"
if [ "$rc" -eq 4 ] && [ -n "$n" ] && [ "$n" -gt 0 ] && [ "$(cat err)" = "$want" ]; then
    ok "truncated under a run with --ledger: exit 4, the ledger's committed claims told ($n)"
else bad "truncated under a run with --ledger" "exit $rc: $(head -n 3 err)"; fi
if [ "$(cat results.csv)" = OLD ]; then ok "--ledger: the previous results in place"; else bad "--ledger: results.csv" "$(head -c 200 results.csv)"; fi
"$POLC" run panji.so --claims whole.csv --persons pop/persons.csv --out again.csv --ledger l.db 2>again.err
total=$(($(wc -l <whole.csv) - 1))
commas() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; } # as the summary writes counts
if grep -q "^whole.csv: $(commas $total) claims: [0-9,]* settled, $(commas $n) already settled, " again.err; then
    ok "--ledger: the run again finds the $n told claims already settled"
else bad "--ledger: the run again" "$(grep claims: again.err) (told $n of $total)"; fi

# the same bytes on standard input, whose size is not known before the end: the same results
"$POLC" gen --persons 300 --seed 4 --years 2017 --out small -q 2>err
"$POLC" run panji.so --claims small/claims.csv --persons small/persons.csv --out a.csv -q 2>/dev/null
"$POLC" run panji.so --claims - --persons small/persons.csv --out b.csv -q <small/claims.csv 2>/dev/null
if [ -s a.csv ] && cmp -s a.csv b.csv; then ok "a file and the same bytes on standard input: the same results"; else bad "file vs stdin" "results differ"; fi
# standard input that is a file a script has read the first line of (an Excel title row): the
# rest is the input, read whole, not a file that shrank
{ echo "a title line"; cat small/claims.csv; } >titled.csv
{ read -r _title; "$POLC" run panji.so --claims - --persons small/persons.csv --out c.csv -q; } \
    <titled.csv 2>c.err
if [ -s c.csv ] && cmp -s a.csv c.csv; then ok "standard input read from a line in: the rest settles"; else bad "standard input from a line in" "$(head -n 2 c.err)"; fi
finish
