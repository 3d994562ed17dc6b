#!/bin/sh
# Regression: `polc ledger import` took opening balances for years in which no version of the
# policy is in force (before the year of its first day, after the year of its last), silently:
# no claim of such a year settles (it is dated outside the validity), so the balance opened
# nothing. Such a row is now refused as other bad rows are, FILE:LINE: and the reason, exit 3,
# and the good rows are imported. The first and the last year are the policy's, though they
# start before (end after) it: a yearly cap counts from January (spec/DATA.md). A ledger kept
# per year of another date than the claim's (the admission, say) may meet any year: not checked.
# Env: POLC (default build/polc).
. "$(dirname "$0")/../runtime/lib.sh"
work ledger-import-validity

cat >v.pol <<'POL'
policy "v" valid from 2017-04-07 to 2019-12-31 dated by claim.d
claim { d: date  admitted: date  cost: money }
ledger annual per person per year of claim.d { paid: money += claim.cost }
rule pay: money = claim.cost
output pay
POL
cat >open.csv <<'CSV'
person_id,year,paid
p1,2016,10
p1,2017,20
p2,2019,30
p2,2020,40
CSV
"$POLC" ledger import v.pol open.csv --ledger l.db >out 2>err
rc=$?
rows=$("$POLC" ledger export v.pol --ledger l.db 2>/dev/null | tail -n +2 | tr -d '\r')
if [ $rc = 3 ] && [ "$(cat err)" = "open.csv:2: year: 2016 is outside the policy's validity (2017-04-07 to 2019-12-31): no claim of that year settles under it
open.csv:5: year: 2020 is outside the policy's validity (2017-04-07 to 2019-12-31): no claim of that year settles under it
polc: ledger import: 2 rows imported, 0 unchanged, 2 rejected (open.csv.rejects.csv)" ] &&
    [ "$rows" = "p1,annual,2017,20.00
p2,annual,2019,30.00" ]; then
    ok "years outside the validity refused with file:line:, the others imported"
else
    bad "years outside the validity" "exit $rc, said: $(cat err); rows: $rows"
fi
if [ "$(tail -n +2 open.csv.rejects.csv | tr -d '\r')" = "p1,2016,10
p2,2020,40" ]; then
    ok "the refused rows in the rejects file"
else
    bad "the refused rows in the rejects file" "$(cat open.csv.rejects.csv)"
fi

# kept per year of the admission: a claim dated 2017-04-10 may be admitted in 2016
sed 's/year of claim.d/year of claim.admitted/' v.pol >a.pol
printf 'person_id,year,paid\np1,2016,10\n' >adm.csv
"$POLC" ledger import a.pol adm.csv --ledger a.db >out 2>err
rc=$?
if [ $rc = 0 ] && [ "$(cat err)" = "polc: ledger import: 1 row imported, 0 unchanged, 0 rejected" ]; then
    ok "a ledger per year of another date: any year imported"
else
    bad "a ledger per year of another date" "exit $rc, said: $(cat err)"
fi
finish
