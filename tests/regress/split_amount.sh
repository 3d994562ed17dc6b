#!/bin/sh
# Regression: an amount written unquoted with its thousands comma (¥1,234.50, as a
# spreadsheet shows money) splits its cell in two, and the row was refused with the field
# count alone, "expected 3 fields, found 4", which did not say which cell or why. The count
# stays the message's first part (tests and users rely on it); the cells that look like one
# amount split at its comma are named, with the two ways to write it. The advice is checked
# too: the amount quoted imports as 1,234.50 yuan. polc ledger import's reader, then polc run's
# claims (the pipeline's decoder): the same words, from rt_csv_count_text.
# Env: POLC (default build/polc).
. "$(dirname "$0")/../runtime/lib.sh"
work split-amount

cat >v.pol <<'POL'
policy "v" valid from 2017-01-01 dated by claim.d
claim { d: date  cost: money }
ledger annual per person per year of claim.d { paid: money += claim.cost }
rule pay: money = claim.cost
output pay
POL
printf 'person_id,year,paid\np1,2017,¥1,234.50\np2,2017,"¥1,234.50"\np3,2017,5,6\n' >open.csv
"$POLC" ledger import v.pol open.csv --ledger l.db >out 2>err
rc=$?
rows=$("$POLC" ledger export v.pol --ledger l.db 2>/dev/null | tail -n +2 | tr -d '\r')
if [ $rc = 3 ] && [ "$(cat err)" = 'open.csv:2: expected 3 fields, found 4 (fields 3 and 4 look like one amount split at its thousands comma: quote the field, "¥1,234.50", or write 1234.50)
open.csv:4: expected 3 fields, found 4
polc: ledger import: 1 row imported, 0 unchanged, 2 rejected (open.csv.rejects.csv)' ] &&
    [ "$rows" = "p2,annual,2017,1234.50" ]; then
    ok "a split amount named with the count; the quoted one imported; 5,6 no amount"
else
    bad "a split amount" "exit $rc, said: $(cat err); rows: $rows"
fi

printf 'claim_id,person_id,d,cost\nc1,p1,2017-03-01,¥1,234.50\nc2,p2,2017-03-01,"¥1,234.50"\n' >c.csv
"$POLC" run v.pol --claims c.csv --out r.csv -q 2>err
rc=$?
if [ $rc = 3 ] && [ "$(head -1 err)" = 'c.csv:2: expected 4 fields, found 5 (fields 4 and 5 look like one amount split at its thousands comma: quote the field, "¥1,234.50", or write 1234.50)' ] &&
    [ "$(tail -n +2 r.csv | tr -d '\r')" = "c2,1234.50,settled" ]; then
    ok "polc run: a split amount named with the count; the quoted one settled"
else
    bad "polc run: a split amount" "exit $rc, said: $(cat err); results: $(cat r.csv)"
fi
# a file Excel saved, its lines ended CRLF: the row's last cell came with its \r, and the
# split amount at the row's end had no hint
printf 'claim_id,person_id,d,cost\r\nc1,p1,2017-03-01,¥1,234.50\r\n' >crlf.csv
"$POLC" run v.pol --claims crlf.csv --out r.csv -q 2>err
if [ "$(head -1 err)" = 'crlf.csv:2: expected 4 fields, found 5 (fields 4 and 5 look like one amount split at its thousands comma: quote the field, "¥1,234.50", or write 1234.50)' ]; then
    ok "polc run: a split amount at a CRLF row's end named"
else
    bad "polc run: a split amount at a CRLF row's end" "said: $(head -1 err)"
fi
# a negative amount, a minus before or after the yuan sign: split, the hint names it and says
# it is negative (quoted it is refused all the same; "write -1234" led there), where ¥-1,234
# had no hint; quoted, -¥1,234 is negative as ¥-1,234 is (it was "not an amount"). Without a
# yuan sign the cell may be an int's: the hint stays.
printf 'claim_id,person_id,d,cost\nc1,p1,2017-03-01,¥-1,234\nc2,p1,2017-03-01,-¥1,234.50\nc3,p1,2017-03-01,"-￥1,234"\nc4,p1,2017-03-01,"¥-1,234"\nc5,p1,2017-03-01,-1,234\n' >neg.csv
"$POLC" run v.pol --claims neg.csv --out r.csv -q 2>err
rc=$?
if [ $rc = 3 ] && [ "$(head -5 err)" = 'neg.csv:2: expected 4 fields, found 5 (fields 4 and 5 look like one amount split at its thousands comma, "¥-1,234", a negative amount: amounts are >= 0)
neg.csv:3: expected 4 fields, found 5 (fields 4 and 5 look like one amount split at its thousands comma, "-¥1,234.50", a negative amount: amounts are >= 0)
neg.csv:4: cost: negative amount '"'"'-￥1,234'"'"' (amounts are >= 0)
neg.csv:5: cost: negative amount '"'"'¥-1,234'"'"' (amounts are >= 0)
neg.csv:6: expected 4 fields, found 5 (fields 4 and 5 look like one amount split at its thousands comma: quote the field, "-1,234", or write -1234)' ]; then
    ok "polc run: a negative amount, split or quoted, told negative"
else
    bad "polc run: a negative amount" "exit $rc, said: $(cat err)"
fi
finish
