#!/bin/sh
# Regression (review10): reversing every claim of a person-year left the ledger a row of zeros
# that a run without those claims never makes, so `polc ledger export` differed from a clean
# run's by lines like `p2,annual,2017,0.00,0`, and importing that export made an opening
# balance of nothing, with its audit event. A row of zeros reads as no row, and export leaves
# it out (spec/DATA.md): after the reversal, the export is the clean run's byte for byte.
# Env: POLC (default build/polc).
. "$(dirname "$0")/../runtime/lib.sh"
work ledger-export-zero

cat >z.pol <<'POL'
policy "z" valid from 2017-01-01 dated by claim.d
claim { d: date  cost: money }
person { birth: date }
ledger annual per person per year of claim.d {
  paid: money += pay
  visits: int += 1
}
rule pay: money = claim.cost
output pay
POL
printf 'person_id,birth\np1,1950-01-01\np2,1960-01-01\n' >p.csv
# p1 keeps its claim; both of p2's claims are reversed
printf 'claim_id,person_id,d,cost\nc1,p1,2017-05-02,100\nc2,p2,2017-05-03,40\nc3,p2,2017-06-01,60\n' >all.csv
printf 'claim_id,person_id,d,cost\nc1,p1,2017-05-02,100\n' >clean.csv
printf 'claim_id,person_id\nc2,p2\nc3,p2\n' >rev.csv
if "$POLC" run z.pol --claims all.csv --persons p.csv --ledger r.db -q >/dev/null 2>err &&
    "$POLC" run z.pol --reverse rev.csv --persons p.csv --ledger r.db -q >/dev/null 2>>err &&
    "$POLC" run z.pol --claims clean.csv --persons p.csv --ledger c.db -q >/dev/null 2>>err &&
    "$POLC" ledger export z.pol --ledger r.db --out r.ledger 2>>err &&
    "$POLC" ledger export z.pol --ledger c.db --out c.ledger 2>>err; then
    # p2's row, all zeros, is gone from the store too (tests/regress/ledger_reversed_row.sh)
    zeros=$(sqlite3 r.db "select count(*) from ledger_rows where person_id = 'p2'")
    if [ "$zeros" = 0 ] && cmp -s r.ledger c.ledger &&
        [ "$(cat r.ledger)" = "person_id,ledger,year,paid,visits
p1,annual,2017,100.00,1" ]; then
        ok "regress: export after reversing a person-year's claims = the clean run's"
    else
        bad "regress: export after a reversal" "rows of p2 stored: $zeros; $(cat r.ledger)"
    fi
else
    bad "regress: export after a reversal: a step failed" "$(cat err)"
fi
finish
