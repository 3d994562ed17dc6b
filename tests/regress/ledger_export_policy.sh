#!/bin/sh
# Regression (a new-user pass): `polc ledger export` through a policy other than the one that
# wrote the ledger, the two sharing a ledger name, exported that policy's fields without a
# word: a stored field it lacks was dropped, and a ledger it lacks left out whole. Such an
# export is refused (exit 4, as polc run refuses a row written with fields it lacks), naming
# the ledger, what would be dropped and both policies, before any row or heading is written.
# A field the exporting policy adds reads 0, as settling under it reads (spec/DATA.md).
# Env: POLC (default build/polc).
. "$(dirname "$0")/../runtime/lib.sh"
work ledger-export-policy

# $1 name, $2 the annual ledger's fields after paid, $3 more declarations
policy() {
    cat >"$1.pol" <<POL
policy "$1" valid from 2017-01-01 dated by claim.d
claim { d: date  cost: money }
person { birth: date }
ledger annual per person per year of claim.d {
  paid: money += pay
$2
}
$3
rule pay: money = claim.cost
output pay
POL
}
policy a "  visits: int += 1" "ledger life per person { total: money += pay }"
policy lacks_field "" "ledger life per person { total: money += pay }"
policy lacks_ledger "  visits: int += 1" ""
policy adds "  visits: int += 1
  extra: money += 0 yuan" "ledger life per person { total: money += pay }"
printf 'claim_id,person_id,d,cost\nc1,p1,2017-05-02,100\n' >c.csv
printf 'person_id,birth\np1,1950-01-01\n' >p.csv
if ! "$POLC" run a.pol --claims c.csv --persons p.csv --ledger l.db -q >/dev/null 2>err; then
    bad "regress: run a.pol" "$(cat err)"
    finish
    exit
fi
# the writer is named by the first 12 hex digits of its source's sha256
sha=$(sha256sum a.pol | cut -c1-12)

# $1 label, $2 policy, $3 expected exit, $4 expected stdout, $5 expected stderr
export_as() {
    "$POLC" ledger export "$2.pol" --ledger l.db >out 2>err
    rc=$?
    if [ $rc -ne "$3" ]; then
        bad "regress: $1" "exit $rc, expected $3: $(cat err)"
    elif [ "$(cat out)" != "$4" ]; then
        bad "regress: $1" "output $(cat out)"
    elif [ "$(cat err)" != "$5" ]; then
        bad "regress: $1" "stderr $(cat err)"
    else
        ok "regress: $1"
    fi
}
export_as "export by the writer: every row" a 0 "person_id,ledger,year,paid,visits,total
p1,annual,2017,100.00,1,
p1,life,,,,100.00" ""
export_as "export by a policy lacking a stored field: refused" lacks_field 4 "" \
    "polc: l.db: ledger annual holds annual.visits, which policy \"lacks_field\" does not have (rows written by policy sha256 $sha... (layout 1)): exporting through this policy would drop its values; export with the one that wrote them"
export_as "export by a policy lacking a stored ledger: refused" lacks_ledger 4 "" \
    "polc: l.db: ledger life, which policy \"lacks_ledger\" does not have, holds rows written by policy sha256 $sha... (layout 1): exporting through this policy would drop them; export with the one that wrote them"
# extra, which a.pol did not store, reads 0.00 as it would when settling under adds.pol
export_as "export by a policy adding a field: it reads 0" adds 0 "person_id,ledger,year,paid,visits,extra,total
p1,annual,2017,100.00,1,0.00,
p1,life,,,,,100.00" ""
finish
