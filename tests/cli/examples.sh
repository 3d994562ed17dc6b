#!/bin/sh
# The shipped example (examples/persons.csv, examples/claims.csv) settled by the Panji policy:
# every output's total over the 46 claims, the number of claims per gate, and conservation
# (the payers, the patient and the hospital share every claim's total cost exactly); and a row
# breaking the policy's input check (non-compliant above total) rejected, the rest unchanged.
#
# The working, claim by claim (yuan; B basic, CI critical illness, MA assistance, BS backstop,
# S supplement, PP patient pays, HB hospital bears; a dash is 0). Each line is worked as in the
# policy's tests (policies/anhui/panji-2017.pol), which name the same amounts:
#   Z001 county 20000: B 13790, CI 726, MA 3838.80, PP 1645.20
#   Z002 township 5000: B 3920, MA 756, PP 324
#   Z003 county 250 (< deductible): MA 175, PP 75
#   Z004 city 30000 referred: B 19175, CI 3495, MA 5131, PP 2199
#   Z005 county 80000 after Z004 (acc 10825 → 35035): B 55790, CI 14526, MA 6778.80,
#        R 2905.20, cap 5000 − 2199 = 2801: PP 2801, BS 104.20
#   Z006 province 250000: B 149400, CI 62480, MA 26684, R 11436: PP 10000, BS 1436
#   Z007 out of province referred 50000: B 29400, PP 20600 (basic only)
#   Z008 out of province unreferred 50000: PP 50000
#   Z009 city emergency, referral on the 5th working day: as Z004: B 19175, CI 3495, MA 5131,
#        PP 2199
#   Z010 same, 6th working day: late, PP 30000
#   Z011 refused discharge 20000: PP 20000
#   M012 outpatient 3000: B 2250, S 600, PP 150;  M013 2000: B 750 (limit), S 1000, PP 250
#   M014 400: B 0, S 320, PP 80;  Z015 county 20000: B 13790, CI 726, MA 3838.80, R 1645.20,
#        room 3000 − 2400 = 600: PP 600, BS 1045.20
#   M016 outpatient 1000: B 750, S 200, PP 50;  M017 unlisted disease 800: PP 800
#   Z018 county 20000 (poor until 06-30): B 13790, CI 726, MA 3838.80, PP 1645.20
#   Z019 same person in September: not poor, PP 20000
#   Z020 低保 only, 20000 with 500 unconsented: PP 19500, HB 500
#   Z021 21000 with 1000 consented: B 13790, CI 726, MA 3838.80, PP 1645.20 + 1000 = 2645.20
#   Z022 same, not consented: B 13790, CI 726, MA 3838.80, PP 1645.20, HB 1000
#   Z023 county 80000 (2017): B 55790, CI 11526, MA 8878.80, PP 3000, BS 805.20
#   Z024 county 20000 discharged 2018: a fresh year: B 13790, CI 726, MA 3838.80, PP 1645.20
#   Z025 county 80000: B 55790, CI 11526, MA 8878.80, PP 3000, BS 805.20
#   Z026 city 30000 (acc 24210 → 35035): B 19175, CI 6495, MA 3031, PP 1299 (cap 5000)
#   Z027 county 20000: B 13790, CI 3726, MA 1738.80, R 745.20, room 701: PP 701, BS 44.20
#   Z028 province 50000: B 29400, CI 13544.50, MA 4938.85, PP 2116.65 (cap 10000)
#   Z029 county 10000: B 6790, MA 2247, PP 963;  Z030 again: B 6790, CI 852, MA 1650.60,
#        PP 707.40
#   Z031 non-designated clinic 5000: PP 5000
#   Z032 province emergency, Spring Festival 2018, in time: B 11400, CI 2160, MA 4508, PP 1932
#   Z033 special chronic county 10000: B 7275, MA 1907.50, PP 817.50
#   Z034 county 100000 (2018): B 69790, CI 15126, MA 10558.80, R 4525.20: PP 3000, BS 1525.20
#   Z035 county 20000 (acc 30210 → 36420): B 13790, CI 3726, MA 1738.80, BS 745.20
#   Z036 township 5000: B 3920, MA 756, PP 324
#   Z037 county 60000: B = 59700 × 70% = 41790; CIb 18210, acc 1080 → 19290:
#        CI = 14290 × 60% = 8574; after 9636; MA 6745.20; R 2890.80; room 3000 − 324 = 2676:
#        PP 2676, BS 214.80
#   Z038 admitted while still 低保 (poor from 08-01): PP 5000;  Z039 township 5000: B 3920,
#        MA 756, PP 324
#   Z040 county 50000: B 34790, CI 6126, MA 6358.80, PP 2725.20
#   M041 outpatient 1000: B 750, S 200, PP 50 (counted 250, total 2975.20)
#   M042 1000: B 750, R 250, room 24.80: BS 225.20, S 19.84, PP 4.96
#   M043 1200 with 200 consented: B 750, R 250, room 0: BS 250, PP 200
#   Z044 no identity: PP 8000
#   Z045 province 120000 (2018): B = 119000 × 60% = 71400; CIb 48600: CI = 43600 × 60% = 26160;
#        after 22440; MA 15708; PP 6732
#   Z046 city without referral: PP 30000
#
# Totals:
#   basic = 13790 × 8 (Z001 Z015 Z018 Z021 Z022 Z024 Z027 Z035) = 110320
#     + 3920 × 3 (Z002 Z036 Z039) = 11760  + 19175 × 3 (Z004 Z009 Z026) = 57525
#     + 55790 × 3 (Z005 Z023 Z025) = 167370  + 149400 (Z006) + 29400 × 2 (Z007 Z028) = 58800
#     + 6790 × 2 (Z029 Z030) = 13580  + 11400 (Z032) + 7275 (Z033) + 69790 (Z034)
#     + 41790 (Z037) + 34790 (Z040) + 71400 (Z045)
#     outpatient: 2250 + 750 + 0 + 750 + 750 × 3 (M041–M043) = 6000
#     = 110320 + 11760 + 57525 + 167370 + 149400 + 58800 + 13580 + 11400 + 7275 + 69790
#       + 41790 + 34790 + 71400 + 6000 = 811200.00
#   critical_illness = 726 × 5 (Z001 Z015 Z018 Z021 Z022) + 726 (Z024) = 4356
#     + 3495 × 2 (Z004 Z009) = 6990 + 14526 (Z005) + 62480 (Z006) + 11526 × 2 (Z023 Z025)
#     = 23052 + 6495 (Z026) + 3726 × 2 (Z027 Z035) = 7452 + 13544.50 (Z028) + 852 (Z030)
#     + 2160 (Z032) + 15126 (Z034) + 8574 (Z037) + 6126 (Z040) + 26160 (Z045)
#     = 4356 + 6990 + 14526 + 62480 + 23052 + 6495 + 7452 + 13544.50 + 852 + 2160 + 15126
#       + 8574 + 6126 + 26160 = 197893.50
#   assistance = 3838.80 × 6 (Z001 Z015 Z018 Z021 Z022 Z024) = 23032.80 + 756 × 3 = 2268
#     + 175 + 5131 × 2 = 10262 + 6778.80 + 26684 + 8878.80 × 2 = 17757.60 + 3031
#     + 1738.80 × 2 = 3477.60 + 4938.85 + 2247 + 1650.60 + 4508 + 1907.50 + 10558.80
#     + 6745.20 + 6358.80 + 15708 = 148089.55
#   backstop = 104.20 + 1436 + 1045.20 + 805.20 × 2 + 44.20 + 1525.20 + 745.20 + 214.80
#     + 225.20 + 250 = 7200.40
#   supplement = 600 + 1000 + 320 + 200 + 200 + 19.84 = 2339.84
#   hospital_bears = 500 (Z020) + 1000 (Z022) = 1500.00
#   patient_pays = total cost − all the others: the claims' totals sum to 1435650.00, so
#     1435650 − 811200 − 197893.50 − 148089.55 − 7200.40 − 2339.84 − 1500 = 267426.71,
#     which is also the sum of the PP column above.
set -u
POLC=${POLC:-build/polc}
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
pass() { echo "[PASS] examples: $1"; }
fail() { echo "[FAIL] examples: $1"; }

if "$POLC" run policies/anhui/panji-2017.pol --claims examples/claims.csv \
        --persons examples/persons.csv --out "$d/r.csv" --labels names -q 2> "$d/err"; then
    pass "polc run settles the example"
else
    fail "polc run exited $?: $(cat "$d/err")"
    exit 1
fi

# the value of column NAME summed over the result rows, to the fen
total() {
    awk -F, -v col="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
                         { s += $c * 100 } END { printf "%.2f\n", s / 100 }' "$d/r.csv"
}
check() {
    got=$(total "$1")
    if [ "$got" = "$2" ]; then pass "total $1 = $2"; else fail "total $1 = $got, expected $2"; fi
}
rows=$(($(wc -l < "$d/r.csv") - 1))
if [ "$rows" -eq 46 ]; then pass "46 results"; else fail "$rows results, expected 46"; fi
settled=$(grep -c ',settled$' "$d/r.csv")
if [ "$settled" -eq 46 ]; then pass "46 settled"; else fail "$settled settled, expected 46"; fi

check compliant 1432950.00
check basic 811200.00
check critical_illness 197893.50
check assistance 148089.55
check backstop 7200.40
check supplement 2339.84
check patient_pays 267426.71
check hospital_bears 1500.00

# the summary's totals, those above; hospital_bears (role hospital, 第七条) among them, said
# to be the hospital's, not a fund's; selfpay_counted and cap (role info: a cap summed over
# claims is no amount anyone paid) not
"$POLC" run policies/anhui/panji-2017.pol --claims examples/claims.csv \
    --persons examples/persons.csv --out "$d/r2.csv" --labels names --no-progress 2> "$d/sum"
sed -n '/46 claims: /,/claims\/s/p' "$d/sum" | sed '1d;$d' > "$d/totals"
cat > "$d/want" <<'EOF'
  compliant              1,432,950.00 yuan
  basic                    811,200.00 yuan
  critical_illness         197,893.50 yuan
  assistance               148,089.55 yuan
  backstop                   7,200.40 yuan
  supplement                 2,339.84 yuan
  patient_pays             267,426.71 yuan
  hospital_bears             1,500.00 yuan  (borne by the hospital, not a fund)
EOF
if cmp -s "$d/totals" "$d/want"; then pass "the summary's totals, the hospital's apart"
else fail "the summary's totals: $(diff "$d/want" "$d/totals" | tr '\n' ' ')"; fi

# claims per gate: 35 comprehensive, and one or more of every refusal
gates=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "gate") c = i; next } { n[$c]++ }
                 END { for (g in n) print g "=" n[g] }' "$d/r.csv" | sort | tr '\n' ' ')
want="basic_only=1 comprehensive=35 late_referral=1 not_chronic=1 not_designated=1 not_poor=4 refused=1 unreferred=2 "
if [ "$gates" = "$want" ]; then pass "claims per gate: $want"; else fail "claims per gate: $gates, expected $want"; fi

# conservation, claim by claim: basic + CI + MA + backstop + supplement + patient + hospital
# = the claim's total cost (compliant + non-compliant)
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next }
         { print $1, $h["basic"] + $h["critical_illness"] + $h["assistance"] + $h["backstop"] \
                     + $h["supplement"] + $h["patient_pays"] + $h["hospital_bears"] }' \
    "$d/r.csv" > "$d/paid"
# total cost per claim from the input (quoted "80,000.00" cells: strip the thousands commas)
awk 'BEGIN { FS = "" } NR > 1 {
       line = ""; q = 0
       for (i = 1; i <= length($0); i++) { ch = substr($0, i, 1)
         if (ch == "\"") { q = !q; continue }
         if (q && ch == ",") continue
         line = line ch }
       n = split(line, f, ","); print f[1], f[15] }' examples/claims.csv > "$d/cost"
if awk 'NR == FNR { cost[$1] = $2; next } { if (sprintf("%.2f", $2) != sprintf("%.2f", cost[$1])) { print $1; bad = 1 } }
        END { exit bad }' "$d/cost" "$d/paid" > "$d/unbalanced"; then
    pass "every claim's total is shared out exactly"
else
    fail "claims not balanced: $(tr '\n' ' ' < "$d/unbalanced")"
fi

# 第七条 / spec/DATA.md: a row whose non-compliant cost exceeds its total is rejected by the
# policy's own check (reject … when), reported as file:line, copied to the rejects file, and
# the other claims settle as before; the exit code is 3 (bad input data)
cp examples/claims.csv "$d/bad.csv"
echo 'Z999,P01,住院,潘集区人民医院,县区,是,否,否,,否,否,否,2017-12-01,2017-12-05,100.00,300.00,否' \
    >> "$d/bad.csv"
"$POLC" run policies/anhui/panji-2017.pol --claims "$d/bad.csv" --persons examples/persons.csv \
    --out "$d/r2.csv" --rejects "$d/rej.csv" --labels names -q 2> "$d/err2"
rc=$?
if [ "$rc" -eq 3 ]; then pass "a bad row: exit 3"; else fail "a bad row: exit $rc, expected 3"; fi
if grep -q 'bad.csv:48: 非合规费用大于医疗总费用' "$d/err2"; then
    pass "the bad row is reported as file:line with the policy's message"
else
    fail "no report of the bad row: $(cat "$d/err2")"
fi
if grep -q '^Z999,' "$d/rej.csv" 2>/dev/null; then pass "the bad row is in the rejects file"
else fail "the bad row is not in the rejects file"; fi
if cmp -s "$d/r.csv" "$d/r2.csv"; then pass "the other 46 claims settle as before"
else fail "results changed by a rejected row"; fi
