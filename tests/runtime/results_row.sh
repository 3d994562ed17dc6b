#!/bin/sh
# tests/runtime/results_row.sh — the exact bytes of results rows (issue 9: each output column's
# writer is chosen once from its type and the label mode): every kind an output holds by name
# (--labels names) and by label (--labels zh), claim ids and kept cells that need quotes, a
# failed claim's error text, the same claims already settled on a ledger, the summary's money
# totals; the interpreter, the JIT and a built .so, -j 1 and -j 3, all byte for byte.
#
#   sh tests/runtime/results_row.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"
P=$ROOT/tests/runtime/results_row.pol
work results-row

cat >claims.csv <<'CSV'
claim_id,person_id,d,cost,level,visits,extra,note
"C,1",p1,2025-03-01,1,乡镇,2,,"a,b"
"say ""hi""",p1,2025-03-02,250.5,"县,区",0,0.05,plain
C3,p2,2025-03-03,100,city,-7,12.3,
C4,p3,2024-12-31,10,county,0,,x
CSV
# fee 100 yuan, ratio 5%, grace 10 days (results_row.pol):
#   C,1      cost 1: refund 1 - 100 = -99.00; tiny 1 × 5% = 0.05; covered 1 > 100 false;
#            township (乡镇); due 03-01 + 10 = 2025-03-11; visits 2; share 5%; extra absent
#   say "hi" cost 250.50: refund 150.50; tiny 12.525 → 12.53 (half away from zero);
#            covered true; county (县,区: quoted for its comma); due 2025-03-12; 0; 5%; 0.05
#   C3       cost 100: refund 0.00; tiny 5.00; covered 100 > 100 false; city (市级);
#            due 2025-03-13; visits -7; 5%; extra 12.30
#   C4       dated before the policy (2025-01-01): fails, its outputs empty, the status its
#            reason (quoted: it holds a comma)
# ids: "C,1" and say ""hi"" quoted as they were read; note "a,b" kept quoted, C3's empty
cat >names.csv <<'CSV'
claim_id,note,refund,tiny,covered,lvl,due,visits,share,extra,status
"C,1","a,b",-99.00,0.05,false,township,2025-03-11,2,5%,,settled
"say ""hi""",plain,150.50,12.53,true,county,2025-03-12,0,5%,0.05,settled
C3,,0.00,5.00,false,city,2025-03-13,-7,5%,12.30,settled
C4,x,,,,,,,,,"error: dated 2024-12-31, outside the policy's validity"
CSV
cat >zh.csv <<'CSV'
结算单号,退款,tiny,是否报销,lvl,due,visits,share,extra,结算状态
"C,1",-99.00,0.05,否,乡镇,2025-03-11,2,5%,,已结算
"say ""hi""",150.50,12.53,是,"县,区",2025-03-12,0,5%,0.05,已结算
C3,0.00,5.00,否,市级,2025-03-13,-7,5%,12.30,已结算
C4,,,,,,,,,"结算失败：dated 2024-12-31, outside the policy's validity"
CSV
# the same claims again on the ledger: the stored outputs, the status "already settled"
sed 's/,settled$/,already settled/' names.csv >again.csv
for f in names zh again; do { printf '%s' "$BOM"; cat $f.csv; } >$f.tmp && mv $f.tmp $f.csv; done
# the totals of the money outputs: refund -99 + 150.50 + 0 = 51.50; extra 0.05 + 12.30 =
# 12.35 (the absent one adds nothing); C4 failed: nothing. tiny (17.58) is of role info, no
# amount paid: not totalled
cat >totals.txt <<'TXT'
  refund              51.50 yuan
  extra               12.35 yuan
TXT

if ! "$POLC" build "$P" -o rr.so >build.err 2>&1; then
    bad "results rows: build" "$(head -3 build.err)"
    finish
    exit 1
fi
for ev in interp jit so; do
    case $ev in
        interp) engine=$P flag=--interp ;;
        jit) engine=$P flag= ;;
        so) engine=rr.so flag= ;;
    esac
    for j in 1 3; do
        # shellcheck disable=SC2086
        "$POLC" run "$engine" $flag --claims claims.csv --labels names --keep note -j $j \
            --out n.csv >/dev/null 2>n.err
        rc=$?
        if [ $rc = 3 ] && cmp -s names.csv n.csv; then
            ok "results rows by name ($ev, -j $j): each kind's text, quotes, the failure, exit 3"
        else
            bad "results rows by name ($ev, -j $j)" "exit $rc; $(diff names.csv n.csv)"
        fi
        # shellcheck disable=SC2086
        "$POLC" run "$engine" $flag --claims claims.csv --labels zh -q -j $j --out z.csv \
            2>/dev/null
        if cmp -s zh.csv z.csv; then
            ok "results rows by label ($ev, -j $j): 是/否, members by label, 已结算, 结算失败："
        else
            bad "results rows by label ($ev, -j $j)" "$(diff zh.csv z.csv)"
        fi
    done
    if grep -E '^  (refund|tiny|extra) ' n.err | cmp -s totals.txt -; then
        ok "results rows ($ev): the money totals, absent amounts, info and the failed claim aside"
    else
        bad "results rows ($ev): totals" "$(cat n.err)"
    fi
done

# on a ledger, the second run finds every good claim settled: the ledger's stored outputs
"$POLC" run rr.so --claims claims.csv --labels names --keep note -q --ledger l.db --out l1.csv \
    2>/dev/null
"$POLC" run rr.so --claims claims.csv --labels names --keep note -q --ledger l.db --out l2.csv \
    2>/dev/null
if cmp -s names.csv l1.csv && cmp -s again.csv l2.csv; then
    ok "results rows on a ledger: settled, then already settled with the same outputs"
else
    bad "results rows on a ledger" "$(diff names.csv l1.csv; diff again.csv l2.csv)"
fi
finish
