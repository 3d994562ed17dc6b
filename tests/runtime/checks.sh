#!/bin/sh
# tests/runtime/checks.sh — a policy's own input checks (reject "..." when ...) end to end:
# a row that fails one is reported as file:line: MESSAGE, copied unchanged to the rejects
# file, never settled, and the run exits 3; a check that itself fails (an overflowing sum)
# rejects its row with the failure's words. The interpreter, the JIT, a built .so and a
# built engine executable must write exactly the same results, rejects and messages.
#
#   sh tests/runtime/checks.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"
P=$ROOT/tests/runtime/capped.pol
work checks

# C2: non-compliant above the total; C4: the check's sum overflows; C5: the second check;
# C7: the same id again, failing the first check too (both reasons, in one line); C8: outside
# the policy's validity, where nothing is in force (checks included): settling says so
cat >claims.csv <<'EOF'
claim_id,person_id,医院级别,出院日期,医疗总费用,非合规费用
C1,P1,county,2024-03-01,10000,500
C2,P1,city,2024-05-01,8000,8000.01
C3,P1,township,2024-06-01,2000,
C4,P2,county,2024-02-01,"90,000,000,000,000,000.00","50,000,000,000,000,000.00"
C5,P2,county,2024-02-02,"20,000,000",0
C6,P2,county,2024-03-01,1000,100
C1,P2,county,2024-03-02,1000,2000
C8,P3,county,2019-12-31,1000,2000
EOF
printf '%s\n' \
    'claims.csv:3: 非合规费用大于总费用' \
    'claims.csv:5: amount overflow in reject "费用合计超出结算范围" (line 29, col 26)' \
    'claims.csv:6: 费用合计超出结算范围' \
    "claims.csv:8: 非合规费用大于总费用; duplicate claim id 'C1'" \
    >want.err
# the rejects file starts with a BOM, as the results (spec/DATA.md "Results")
printf '%s\n' \
    "${BOM}claim_id,person_id,医院级别,出院日期,医疗总费用,非合规费用" \
    'C2,P1,city,2024-05-01,8000,8000.01' \
    'C4,P2,county,2024-02-01,"90,000,000,000,000,000.00","50,000,000,000,000,000.00"' \
    'C5,P2,county,2024-02-02,"20,000,000",0' \
    'C1,P2,county,2024-03-02,1000,2000' \
    >want.rejects
# C1: compliant 9500, basic (9500 - 300) × 70% = 6440, remainder 3060, own capped at 3000;
# C3: the cap is used up, the backstop pays all 670 of the remainder
printf '%s' "$BOM" >want.csv
printf '%s\n' \
    'claim_id,basic,own,backstop,status' \
    'C1,6440.00,3000.00,60.00,settled' \
    'C3,1330.00,0.00,670.00,settled' \
    'C6,420.00,480.00,0.00,settled' \
    "C8,,,,\"error: dated 2019-12-31, outside the policy's validity\"" \
    >>want.csv

if ! "$POLC" build "$P" -o capped.so 2>build.err || ! "$POLC" build "$P" --emit exe -o capped.exe 2>>build.err; then
    bad "$P: polc build" "$(head -n 1 build.err)"
    echo "$pass passed, $fail failed"
    exit 1
fi

for ev in interp jit so exe; do
    rm -f out.csv out.csv.rejects.csv
    case $ev in
        interp) "$POLC" run "$P" --interp --claims claims.csv --out out.csv -q 2>got.err ;;
        jit) "$POLC" run "$P" --claims claims.csv --out out.csv -q 2>got.err ;;
        so) "$POLC" run ./capped.so --claims claims.csv --out out.csv -q 2>got.err ;;
        exe) ./capped.exe --claims claims.csv --out out.csv -q 2>got.err ;;
    esac
    rc=$?
    if [ "$rc" -ne 3 ]; then
        bad "checks ($ev): exit code" "$rc, expected 3: $(head -n 1 got.err)"
        continue
    fi
    if cmp -s got.err want.err; then ok "checks ($ev): messages"; else
        bad "checks ($ev): messages" "$(diff want.err got.err | head -n 3 | tr '\n' ' ')"
    fi
    if cmp -s out.csv.rejects.csv want.rejects; then ok "checks ($ev): rejects file"; else
        bad "checks ($ev): rejects file" "$(diff want.rejects out.csv.rejects.csv | head -n 3 | tr '\n' ' ')"
    fi
    if cmp -s out.csv want.csv; then ok "checks ($ev): results"; else
        bad "checks ($ev): results" "$(diff want.csv out.csv | head -n 3 | tr '\n' ' ')"
    fi
done

# The checks of a block's rows run once it is decoded, under one landing place: two rows in
# a row whose check overflows are each rejected with its words and the rows after them are
# still checked; a row a check rejects whose person the persons file lacks is told the
# check's reason, as when each row was checked before its person was looked up (D4), and a
# row that passes them, the unknown person (D5)
cat >claims2.csv <<'EOF'
claim_id,person_id,医院级别,出院日期,医疗总费用,非合规费用
D1,P1,county,2024-03-01,"90,000,000,000,000,000.00","50,000,000,000,000,000.00"
D2,P1,county,2024-03-02,"90,000,000,000,000,000.00","50,000,000,000,000,000.00"
D3,P1,county,2024-03-03,100,200
D4,P9,county,2024-03-04,100,200
D5,P9,county,2024-03-05,100,50
D6,P1,county,2024-03-06,1000,100
EOF
printf 'person_id\nP1\n' >persons2.csv
printf '%s\n' \
    'claims2.csv:2: amount overflow in reject "费用合计超出结算范围" (line 29, col 26)' \
    'claims2.csv:3: amount overflow in reject "费用合计超出结算范围" (line 29, col 26)' \
    'claims2.csv:4: 非合规费用大于总费用' \
    'claims2.csv:5: 非合规费用大于总费用' \
    'claims2.csv:6: unknown person (the person_id is not in persons2.csv)' \
    >want2.err
# D6: compliant 900, basic (900 - 300) × 70% = 420, own 480
printf '%s' "$BOM" >want2.csv
printf '%s\n' 'claim_id,basic,own,backstop,status' 'D6,420.00,480.00,0.00,settled' >>want2.csv
for ev in interp so; do
    rm -f out2.csv
    case $ev in
        interp) "$POLC" run "$P" --interp --claims claims2.csv --persons persons2.csv --out out2.csv -q 2>got2.err ;;
        so) "$POLC" run ./capped.so --claims claims2.csv --persons persons2.csv --out out2.csv -q 2>got2.err ;;
    esac
    rc=$?
    if [ "$rc" -eq 3 ] && cmp -s got2.err want2.err && cmp -s out2.csv want2.csv; then
        ok "checks ($ev): failing checks in a row, and before the person"
    else
        bad "checks ($ev): failing checks in a row, and before the person" \
            "exit $rc: $(diff want2.err got2.err | head -n 3 | tr '\n' ' ') $(diff want2.csv out2.csv | head -n 3 | tr '\n' ' ')"
    fi
done

# one claim at a time (polc explain settles through a session): a rejected claim is said so
"$POLC" explain "$P" --claims claims.csv --claim C2 >explain.out 2>explain.err
rc=$?
if [ "$rc" -eq 3 ] && grep -q "^polc: claim 'C2' was rejected: nothing to explain" explain.err; then
    ok "checks: explain a rejected claim"
else
    bad "checks: explain a rejected claim" "exit $rc: $(tail -n 1 explain.err)"
fi

finish
