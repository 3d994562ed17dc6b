#!/bin/sh
# tests/runtime/money_fen.sh — a money column declared `in fen` (issue 12: an export in integer
# fen bound to a money field as yuan was 100 times too large, with no warning): its cells are
# read as whole fen, anything else in it is a rejected row with a reason naming the unit, and
# the yuan columns beside it are read as before. The interpreter, the JIT and a built .so must
# write the same results and messages.
#
#   sh tests/runtime/money_fen.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"
P=$ROOT/tests/check/ok/money_fen.pol
work fen

# total (总费用) and extra (其他) in fen, paid (已付) in yuan; balance (person) in fen
printf 'person_id,balance\np,5\nq,\n' >persons.csv
cat >claims.csv <<'CSV'
claim_id,person_id,on,总费用,已付,其他
C1,p,2025-03-01,123457,12.34,
C2,p,2025-03-02,12.50,1,
C3,p,2025-03-03,-5,1,
C4,p,2025-03-04,99999999999999999999,1,
C5,p,2025-03-05,"1,234",1,7
C6,q,2025-03-06,1,0.01,100
CSV
# C1: total 123457 fen = 1,234.57 yuan; pay = 1,234.57 × 80% = 987.656 → 987.66;
#     sum = 1,234.57 + 12.34 + extra 0 (blank: the default) + balance 0.05 = 1,246.96
# C6: total 1 fen; pay = 0.01 × 80% = 0.008 → 0.01; sum = 0.01 + 0.01 + 1.00 + 0 = 1.02
cat >want.csv <<'CSV'
claim_id,pay,sum,status
C1,987.66,1246.96,settled
C6,0.01,1.02,settled
CSV
{ printf '%s' "$BOM"; cat want.csv; } >want.tmp && mv want.tmp want.csv
cat >want.err <<'ERR'
claims.csv:3: 总费用: not a whole number of fen '12.50' (the column is money in fen: 123456 for 1,234.56 yuan)
claims.csv:4: 总费用: negative amount '-5' (amounts are >= 0)
claims.csv:5: 总费用: amount '99999999999999999999' out of range (at most 9223372036854775807 fen)
claims.csv:6: 总费用: not a whole number of fen '1,234' (the column is money in fen: 123456 for 1,234.56 yuan)
ERR

if ! "$POLC" build "$P" -o fen.so >build.err 2>&1; then
    bad "money in fen: build" "$(head -3 build.err)"
    echo "$pass passed, $fail failed"
    exit 1
fi
for ev in interp jit so; do
    case $ev in
        interp) engine=$P flag=--interp ;;
        jit) engine=$P flag= ;;
        so) engine=fen.so flag= ;;
    esac
    # shellcheck disable=SC2086
    "$POLC" run "$engine" $flag --claims claims.csv --persons persons.csv --out $ev.csv \
        --rejects rejects.csv -q >$ev.out 2>$ev.err
    rc=$?
    if [ $rc = 3 ] && cmp -s want.csv $ev.csv && cmp -s want.err $ev.err; then
        ok "money in fen ($ev): exact amounts, 4 rows rejected naming the unit, exit 3"
    else
        bad "money in fen ($ev)" "exit $rc; $(diff want.csv $ev.csv; diff want.err $ev.err)"
    fi
done
if [ "$(wc -l <rejects.csv)" = 5 ] && sed -n 1p rejects.csv | grep -qxF "${BOM}claim_id,person_id,on,总费用,已付,其他"; then
    ok "money in fen: the rejected rows go to the rejects file unchanged"
else
    bad "money in fen: rejects file" "$(cat rejects.csv)"
fi

# the explanation shows the amount read, in yuan
"$POLC" explain "$P" --claims claims.csv --persons persons.csv --claim C1 >x.txt 2>&1
if grep -qxF '  总费用 (total)  1,234.57 yuan' x.txt && grep -qxF '  balance     0.05 yuan' x.txt; then
    ok "money in fen: explain shows 123457 fen as 1,234.57 yuan"
else
    bad "money in fen: explain" "$(cat x.txt)"
fi

# the schema says the unit: a runtime that reads every money cell as yuan refuses the type
if grep -aqF '"name":"total","type":"money:fen"' fen.so; then
    ok "money in fen: the schema types the column money:fen"
else
    bad "money in fen: schema" "no money:fen in the engine's schema"
fi

finish
