#!/bin/sh
# tests/runtime/ledger_keys.sh — which ledger rows a batch run keeps. A ledger keyed by the
# year of the claim date (the date a person's claims must follow) keeps only its latest
# year's row in memory (spec/SCHEMA.md, key_field): a new year takes the old year's place.
# A ledger keyed by the year of another date can go back a year and must keep every row.
# Exact amounts by hand, the same for the interpreter, the JIT, a .so, -j 1 and -j 2, an
# SQLite ledger (which keeps every row) and a PostgreSQL one (a real server, started once for
# the script by tests/serve/pg.sh).
#
#   sh tests/runtime/ledger_keys.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"
work keys
CLEANUP=pg_stop
. "$ROOT/tests/serve/pg.sh"

# a yearly cap of 1,000 yuan on what the policy pays, keyed by the year of admission
cat >adm.pol <<'EOF'
policy "keys" valid from 2017-01-01 dated by claim.discharged
claim { admitted: date  discharged: date  total: money }
param cap: money from 2017-01-01: 1000 yuan
ledger annual per person per year of claim.admitted { paid: money += pays }
rule pays: money = min(claim.total, pos(cap - annual.paid))
output pays
EOF
# ... and by the year of discharge, the claim date
sed 's/year of claim.admitted/year of claim.discharged/' adm.pol >dis.pol
# every claim 600 yuan, in discharge order; P's admission years go 2017, 2018, back to 2017
cat >claims.csv <<'EOF'
claim_id,person_id,admitted,discharged,total
A,P,2017-12-28,2018-01-03,600
B,P,2018-01-02,2018-01-04,600
C,P,2017-12-30,2018-01-05,600
D,P,2018-01-06,2018-01-08,600
E,P,2019-02-20,2019-03-01,600
F,P,2019-04-20,2019-05-01,600
G,P,2019-12-28,2020-01-02,600
H,Q,2019-12-28,2020-01-02,600
EOF
# by admission year: A 600 (2017: 600 paid); B 600 (2018: 600); C 400, the rest of 2017's
# 1,000 (the 2017 row is read again after 2018's); D 400 (2018 full); E 600 and F 400
# (2019); G, admitted 2019, 0; H another person, 600
printf '%s\n' claim_id,pays,status A,600.00,settled B,600.00,settled C,400.00,settled \
    D,400.00,settled E,600.00,settled F,400.00,settled G,0.00,settled H,600.00,settled \
    >want.adm
# by discharge year: A-D all 2018: 600, 400, 0, 0; E, F 2019: 600, 400 (2019's row takes
# 2018's place); G 2020: 600; H 600
printf '%s\n' claim_id,pays,status A,600.00,settled B,400.00,settled C,0.00,settled \
    D,0.00,settled E,600.00,settled F,400.00,settled G,600.00,settled H,600.00,settled \
    >want.dis

pg_start "$WORK/pg" || bad "PostgreSQL ledger" "cannot start PostgreSQL 15 ($PGBIN; make deps)"
for p in adm dis; do
    "$POLC" build $p.pol -o $p.so 2>build.err || bad "$p: build" "$(cat build.err)"
    pg=""
    if [ -n "$PGURL" ] && psql -Atq "$PGURL" -c "CREATE DATABASE $p" >/dev/null; then
        pg="$p.so --ledger ${PGURL%/polc}/$p"
    fi
    set -- "$p.so -j 1" "$p.so -j 2" "$p.pol" "$p.pol --interp" "$p.so --ledger $p.db"
    [ -n "$pg" ] && set -- "$@" "$pg"
    for how in "$@"; do
        # shellcheck disable=SC2086 # $how is the engine and its options
        "$POLC" run $how --claims claims.csv -q >got 2>err
        rc=$?
        if [ $rc -eq 0 ] && cmp -s got want.$p; then
            ok "$p ($how): every claim's amount"
        else
            bad "$p ($how)" "exit $rc; $(diff want.$p got | head -5) $(head -3 err)"
        fi
    done
done
# the schema says which key is the claim date's year (in the IR: \22 is a quote)
"$POLC" build dis.pol --emit ir -o dis.ll 2>/dev/null
if grep -q 'key_field\\22:\\22discharged\\22' dis.ll; then
    ok "schema: key_field of a discharge-year key"
else
    bad "schema" "no key_field discharged in dis.ll"
fi

echo "ledger_keys: $pass passed, $fail failed"
[ $fail -eq 0 ]
