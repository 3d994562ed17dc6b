#!/bin/sh
# Regression: two ledgers of one policy that share a field name. A ledger file's column was
# bound to the first ledger's field of that name only, so a row of the second ledger giving
# it was refused ("paid: a field of another ledger than lifetime"), and export headed the name
# twice, a file its own import refused ("columns 'paid' and 'paid' both give 'paid'"). A
# column now reads as the field of its name within the ledger the row names, and export
# heads a shared name once.
# Env: POLC (default build/polc).
. "$(dirname "$0")/../runtime/lib.sh"
work ledger-shared-field

cat >two.pol <<'POL'
policy "two" valid from 2025-01-01 dated by claim.d
claim { d: date  cost: money }
ledger annual per person per year of claim.d { paid: money += claim.cost  visits: int += 1 }
ledger lifetime per person { paid: money += claim.cost }
rule pay: money = claim.cost
output pay
POL

import "a shared name: each row's column read within its ledger" two.pol \
    'person_id,ledger,year,paid,visits\np1,annual,2025,10,2\np1,lifetime,,30,\n' 0 \
    "polc: ledger import: 2 rows imported, 0 unchanged, 0 rejected" \
    "p1,annual,2025,10.00,2
p1,lifetime,,30.00,"
import "a field only another ledger has: still refused" two.pol \
    'person_id,ledger,year,paid,visits\np1,lifetime,,30,2\n' 3 \
    "open.csv:2: visits: a field of another ledger than lifetime
polc: ledger import: 0 rows imported, 0 unchanged, 1 rejected (open.csv.rejects.csv)" ""

# an export, headed by a shared name once, imports into an empty ledger as the same rows: a
# claim of 5 yuan on the rows above makes annual 2025 paid 15.00 visits 3 and lifetime paid
# 35.00
printf 'person_id,ledger,year,paid,visits\np1,annual,2025,10,2\np1,lifetime,,30,\n' >open.csv
printf 'claim_id,person_id,d,cost\nc1,p1,2025-03-01,5\n' >claims.csv
rm -f l.db l.db-wal l.db-shm
"$POLC" ledger import two.pol open.csv --ledger l.db 2>/dev/null &&
    "$POLC" run two.pol --claims claims.csv --ledger l.db --out r.csv >/dev/null 2>&1 &&
    "$POLC" ledger export two.pol --ledger l.db >e.csv
"$POLC" ledger import two.pol e.csv --ledger m.db >out 2>err
rc=$?
"$POLC" ledger export two.pol --ledger m.db >e2.csv 2>&1
want='person_id,ledger,year,paid,visits
p1,annual,2025,15.00,3
p1,lifetime,,35.00,'
if [ $rc = 0 ] && [ "$(cat e.csv)" = "$want" ] && cmp -s e.csv e2.csv; then
    ok "export, imported into an empty ledger: the same rows"
else
    bad "export round trip" "exit $rc, said: $(cat err); export: $(cat e.csv); again: $(cat e2.csv)"
fi
finish
