#!/bin/sh
# tests/runtime/ledger_locked.sh — a ledger whose write lock another process holds past the
# 10 s polc waits (BUSY_TIMEOUT_MS) was reported in SQLite's words, "polc: l.db: database is
# locked", saying neither that it is the ledger nor what may hold it. The message names the
# ledger's file, says it is locked by another process writing to it and which kinds of
# program do that; exit 4 (system failure: run again once the cause is gone, spec/DATA.md),
# nothing written; once the lock is gone the same run settles. The sqlite3 shell holds the
# lock (skipped without it).
#
#   sh tests/runtime/ledger_locked.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"
work locked
if ! command -v sqlite3 >/dev/null; then
    ok "ledger locked: skipped (no sqlite3 shell to hold the lock)"
    finish
    exit
fi
P=$ROOT/tests/runtime/cap.pol # 1,000 yuan a person-year

printf 'claim_id,person_id,discharged,total\nA,P,2018-01-03,600\n' >a.csv
printf 'claim_id,person_id,discharged,total\nB,P,2018-01-04,600\n' >b.csv
"$POLC" run "$P" --claims a.csv --ledger l.db --out a.out -q 2>a.err ||
    bad "ledger locked: the first run" "$(cat a.err)"
# another program's write transaction, held past polc's 10 s wait
(
    echo 'BEGIN IMMEDIATE;'
    sleep 13
    echo 'ROLLBACK;'
) | sqlite3 l.db &
holder=$!
sleep 0.5
"$POLC" run "$P" --claims b.csv --ledger l.db --out b.out -q 2>b.err
rc=$?
want="polc: l.db: the ledger is locked by another process writing to it (a polc run, serve or ledger command on the same file, or an SQLite tool in a transaction): waited 10 s; run again when it has finished"
if [ $rc = 4 ] && [ "$(cat b.err)" = "$want" ]; then
    ok "ledger locked: exit 4, the ledger named as locked and by what"
else
    bad "ledger locked" "exit $rc, $(cat b.err)"
fi
[ ! -e b.out ] && ok "ledger locked: no results written" || bad "ledger locked" "b.out written"
wait $holder
# B: the rest of P's 1,000 yuan after A's 600
"$POLC" run "$P" --claims b.csv --ledger l.db --out b.out -q 2>b.err &&
    [ "$(tail -n 1 b.out)" = "B,400.00,settled" ] &&
    ok "ledger locked: once it is free, the run settles (400.00: the cap's rest)" ||
    bad "ledger locked: after the lock" "$(cat b.err) $(tail -n 1 b.out 2>/dev/null)"
finish
