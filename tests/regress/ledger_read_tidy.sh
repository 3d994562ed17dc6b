#!/bin/sh
# Regression: the commands that only read a SQLite ledger (ledger export, ledger history,
# explain) opened it read-only, and a read-only connection cannot remove the -wal and -shm
# files SQLite makes beside a WAL database when it closes: every `polc ledger export` left
# l.db-wal and l.db-shm behind. The ledger's owner, who may write it, now opens it for
# writing with query_only (nothing written by its queries), and its close removes them. The
# exports before and after are the same rows: the reads changed nothing.
# Env: POLC (default build/polc).
. "$(dirname "$0")/../runtime/lib.sh"
work ledger-read-tidy

cp "$ROOT/tests/regress/annual_paid.pol" v.pol
printf 'claim_id,person_id,d,cost\nc1,p1,2017-05-02,100\nc2,p2,2017-06-01,50.50\n' >c.csv
"$POLC" run v.pol --claims c.csv --ledger l.db -q -o r.csv 2>err ||
    bad "the run" "$(cat err)"

left() { ls l.db-wal l.db-shm 2>/dev/null | tr '\n' ' '; }
# paid: c1 100 x 80% = 80.00, c2 50.50 x 80% = 40.40
want='person_id,ledger,year,paid
p1,annual,2017,80.00
p2,annual,2017,40.40'
for cmd in "ledger export v.pol --ledger l.db -o e.csv" "ledger history v.pol --ledger l.db" \
    "explain v.pol --claims c.csv --ledger l.db --claim c2"; do
    # shellcheck disable=SC2086 # the command's words
    "$POLC" $cmd >out 2>err
    rc=$?
    if [ $rc = 0 ] && [ -z "$(left)" ]; then
        ok "polc ${cmd%% v.pol*}: exit 0, no -wal or -shm left"
    else
        bad "polc ${cmd%% v.pol*}" "exit $rc, left: $(left) $(head -c 300 err)"
    fi
done
got=$(sed '1s/^\xef\xbb\xbf//' e.csv | tr -d '\r')
[ "$got" = "$want" ] && ok "the export: both rows, as settled" || bad "the export" "$got"
"$POLC" ledger export v.pol --ledger l.db -o e2.csv 2>err && cmp -s e.csv e2.csv &&
    ok "a second export: the same bytes" || bad "a second export" "$(cat err)"
# the ledger still settles: a claim of p1 again adds to its row (20 x 80% = 16.00)
printf 'claim_id,person_id,d,cost\nc3,p1,2017-07-01,20\n' >c3.csv
"$POLC" run v.pol --claims c3.csv --ledger l.db -q -o r3.csv 2>err &&
    "$POLC" ledger export v.pol --ledger l.db -o e3.csv 2>>err &&
    grep -q '^p1,annual,2017,96.00' e3.csv && [ -z "$(left)" ] &&
    ok "settled after the reads: p1 paid 96.00, nothing left beside" ||
    bad "settled after the reads" "$(cat err e3.csv)"
finish
