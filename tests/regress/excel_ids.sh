#!/bin/sh
# Regression (newuser8): a long id that Excel turned into a number in scientific notation
# (a 身份证号 3401231985... shown as 3.40123E+17, its digits past the sixth gone) was taken
# as an id, so every person whose number collapses to the same text shared one ledger,
# silently. Such an id is now refused where ids are read: a claim id or person id of the
# claims file, a person id of the persons file and of an opening-balance import, each
# file:line with its column and what to do; the rows around it settle. Ids that merely
# hold digits, a dot, an E or a plus (P1.5E+3x, 1E+, E+17) are ids as before.
. "$(dirname "$0")/../runtime/lib.sh"
work excel-ids
P=$ROOT/tests/runtime/capped.pol
H='claim_id,person_id,医院级别,出院日期,医疗总费用,非合规费用'
W='is a number Excel shortened (scientific notation), not an id: the digits it hides are lost; export the ids again with their column formatted as Text'

{
    printf '%s\n' "$H"
    printf '2.01812E+11,P1,county,2024-03-01,1000,0\n'
    printf 'C2,3.40123E+17,county,2024-03-02,1000,0\n'
    printf 'C3,3.40123e+17,county,2024-03-02,1000,0\n'
    printf 'C4,4E+17,county,2024-03-02,1000,0\n'
    printf 'C5,P1.5E+3x,county,2024-03-03,1000,0\n'
    printf 'C6,1E+,county,2024-03-03,1000,0\n'
    printf 'E+17,P2,county,2024-03-03,1000,0\n'
} >claims.csv
"$POLC" run "$P" --claims claims.csv --out out.csv -q 2>got
rc=$?
cat >want <<EOF
claims.csv:2: claim_id: '2.01812E+11' $W
claims.csv:3: person_id: '3.40123E+17' $W
claims.csv:4: person_id: '3.40123e+17' $W
claims.csv:5: person_id: '4E+17' $W
EOF
if [ $rc -eq 3 ] && cmp -s want got; then
    ok "polc run: ids in scientific notation refused, file:line and column, exit 3"
else
    bad "polc run" "exit $rc, said: $(cat got)"
fi
# the other three rows are ids and settle: C5, C6 and E+17
if [ "$(cut -d, -f1 out.csv | tail -n +2 | tr '\n' ' ')" = "C5 C6 E+17 " ]; then
    ok "polc run: ids that only look alike settle"
else
    bad "polc run: results" "$(cut -d, -f1 out.csv | tr '\n' ' ')"
fi
if [ "$(cut -d, -f1 out.csv.rejects.csv | tail -n +2 | tr '\n' ' ')" = "2.01812E+11 C2 C3 C4 " ]; then
    ok "polc run: the refused rows in the rejects file"
else
    bad "polc run: rejects" "$(cat out.csv.rejects.csv)"
fi

# the persons file: the row refused, and the claims of that text refused for it
printf 'person_id,chronic\n3.40123E+17,0\nP9,0\n' >persons.csv
printf '%s\n' "$H" 'C1,P9,county,2024-03-01,1000,0' >c2.csv
"$POLC" run "$P" --claims c2.csv --persons persons.csv --out out2.csv -q 2>got
rc=$?
printf '%s\n' "persons.csv:2: person_id: '3.40123E+17' $W" >want
if [ $rc -eq 3 ] && grep -v '^polc: note:' got | cmp -s want -; then
    ok "persons file: an id in scientific notation refused"
else
    bad "persons file" "exit $rc, said: $(cat got)"
fi

# an opening balance
printf 'person_id,year,own_paid\n3.40123E+17,2024,100\nP3,2024,300\n' >open.csv
"$POLC" ledger import "$P" --ledger imp.db open.csv 2>got
rc=$?
printf '%s\n' "open.csv:2: person_id: '3.40123E+17' $W" \
    "polc: ledger import: 1 row imported, 0 unchanged, 1 rejected (open.csv.rejects.csv)" >want
if [ $rc -eq 3 ] && cmp -s want got; then
    ok "ledger import: a person id in scientific notation refused"
else
    bad "ledger import" "exit $rc, said: $(cat got)"
fi
finish
