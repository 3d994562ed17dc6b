#!/bin/sh
# Regression: an opening-balance file whose header an analyst got wrong was imported as if
# right. Without a `year` column (headed 年度, say) for a policy whose ledgers are all per
# year, every row was rejected alike, "year: missing value"; with no column naming a ledger
# field (the fields' names misspelt), every row imported as zeros, exit 0, the note "columns
# not read" the only sign. Both now stop at the header, exit 3, saying what it lacks, and
# import nothing; a file for a lifetime ledger still needs no year. A column near a field's
# name, the field left 0, is named in the note with the field.
# Env: POLC (default build/polc).
. "$(dirname "$0")/../runtime/lib.sh"
work ledger-import-header

cat >v.pol <<'POL'
policy "v" valid from 2025-01-01 dated by claim.d
claim { d: date  cost: money }
param ratio: rate from 2025-01-01: 80%
ledger annual per person per year of claim.d {
  paid: money += pay
  visits: int += 1
}
rule pay: money = claim.cost * ratio
output pay
POL
cat >two.pol <<'POL'
policy "two" valid from 2025-01-01 dated by claim.d
claim { d: date  cost: money }
ledger annual per person per year of claim.d { paid: money += claim.cost }
ledger lifetime per person { total: money += claim.cost }
rule pay: money = claim.cost
output pay
POL

import "no year column: exit 3 at the header, nothing imported" v.pol \
    'person_id,年度,paid\np1,2025,10\np2,2025,20\n' 3 \
    "polc: note: open.csv: columns not read: '年度'
polc: open.csv:1: missing column 'year' (ledger annual is per year of claim.d)" ""
import "no column names a ledger field: exit 3 at the header, nothing imported" v.pol \
    'person_id,year,已付\np1,2025,10\n' 3 \
    "polc: note: open.csv: columns not read: '已付'
polc: open.csv:1: no column names a ledger field (paid, visits): every row would import as zeros" ""
import "one field given, the other left out: imported, the other 0" v.pol \
    'person_id,year,visits\np1,2025,2\n' 0 \
    "polc: ledger import: 1 row imported, 0 unchanged, 0 rejected" "p1,annual,2025,0.00,2"
import "a misspelt field column: imported, the note names the field left 0" v.pol \
    'person_id,year,paid,visit\np1,2025,10,3\n' 0 \
    "polc: note: open.csv: columns not read: 'visit' (misspelt 'visits'? that field then takes its default)
polc: ledger import: 1 row imported, 0 unchanged, 0 rejected" "p1,annual,2025,10.00,0"
import "two ledgers, no field column: each named with its ledger" two.pol \
    'person_id,ledger,year\np1,annual,2025\n' 3 \
    "polc: open.csv:1: no column names a ledger field (annual.paid, lifetime.total): every row would import as zeros" ""
import "a lifetime ledger's rows need no year column" two.pol \
    'person_id,ledger,total\np1,lifetime,30\n' 0 \
    "polc: ledger import: 1 row imported, 0 unchanged, 0 rejected" "p1,lifetime,,,30.00"

# a file refused at its header makes no ledger: it made the file, its tables and the
# policy's layout, with nothing imported (newuser8)
rm -f made.db
printf 'person_id,年度,paid\np1,2025,10\n' >open.csv
"$POLC" ledger import v.pol open.csv --ledger made.db >out 2>err
rc=$?
if [ $rc = 3 ] && [ ! -e made.db ] && [ ! -e made.db-wal ]; then
    ok "refused at the header: no ledger made"
else
    bad "refused at the header" "exit $rc; $(ls)"
fi

# a dry run stops at the same header
printf 'person_id,年度,paid\np1,2025,10\n' >open.csv
"$POLC" ledger import v.pol open.csv --ledger dry.db --dry-run >out 2>err
rc=$?
if [ $rc = 3 ] && [ "$(tail -n 1 err)" = "polc: open.csv:1: missing column 'year' (ledger annual is per year of claim.d)" ] &&
    [ ! -e dry.db ]; then
    ok "--dry-run: the same refusal, no ledger made"
else
    bad "--dry-run" "exit $rc, said: $(cat err); $(ls)"
fi
finish
