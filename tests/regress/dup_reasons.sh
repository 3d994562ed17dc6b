#!/bin/sh
# Regression: a claims row with a claim id an earlier row has and a reason of its own (no
# person_id, a bad cell) was told only its own reason ("person_id: missing value"), and the
# duplicate only once that was fixed, a second run later. Both are now told in one line, its
# own reason first; a good row with a taken id is "duplicate claim id" alone, as before, and
# a rejected row's id is taken still. The same lines with -j 1 and -j 3.
#   C1 p1 settles (5.00); C1 without person: both; C2 without person: its own (the first
#   C2, its id taken); C2 with a bad amount: both; C2 good: the duplicate alone; C3 settles
# Env: POLC (default build/polc).
. "$(dirname "$0")/../runtime/lib.sh"
work dup-reasons

cat >m.pol <<'POL'
policy "m" valid from 2025-01-01 dated by claim.d
claim { d: date  cost: money }
rule pays: money = claim.cost
output pays
POL
printf 'claim_id,person_id,d,cost\nC1,p1,2025-03-01,5\nC1,,2025-03-01,5\nC2,,2025-03-01,5\nC2,p2,2025-03-01,abc\nC2,p2,2025-03-01,5\nC3,p3,2025-03-01,7\n' >dup.csv
want="dup.csv:3: person_id: missing value; duplicate claim id 'C1'
dup.csv:4: person_id: missing value
dup.csv:5: cost: not an amount 'abc' (expected 1234.56 or 1,234.56); duplicate claim id 'C2'
dup.csv:6: duplicate claim id 'C2'"
for j in 1 3; do
    "$POLC" run m.pol --claims dup.csv --out r.csv -j $j -q 2>err
    rc=$?
    if [ $rc = 3 ] && [ "$(grep '^dup.csv:[0-9]' err)" = "$want" ] &&
        [ "$(tail -n +2 r.csv | tr -d '\r')" = "C1,5.00,settled
C3,7.00,settled" ] && [ "$(tail -n +2 r.csv.rejects.csv | tr -d '\r')" = "$(sed -n '3,6p' dup.csv)" ]; then
        ok "-j $j: both reasons in one line, the good rows settled"
    else
        bad "-j $j" "exit $rc, said: $(cat err); results: $(cat r.csv)"
    fi
done
finish
