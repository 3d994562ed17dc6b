#!/bin/sh
# Labels, kept columns, changed claims and --set in yuan (issue 11): what a person reads.
#
# results.csv of four example claims under the Panji policy, headed by the rules' labels with
# enum members by label and bools 是/否, 结算单号 … 结算状态 已结算 (the default for a labelled
# policy), four input columns kept (姓名 from the persons file); the same numbers by identifier
# with --labels names. The amounts (yuan):
#   Z001 county 20000: B = 19700 × 70% = 13790; CIb 6210, CI = 1210 × 60% = 726; after 5484,
#        MA = 5484 × 70% = 3838.80; R 1645.20 < cap 3000: patient 1645.20
#   Z002 township 5000: B = 4900 × 80% = 3920; CIb 1080 below 5000: CI 0; MA 756; patient 324
#   Z007 out of the province, referred: basic only, B = 49000 × 60% = 29400; patient 20600
#   Z008 out of the province, not referred: 区外就诊未转诊, patient 50000
#
# simulate --changes with the three shipped reforms (tests/cli/labels/changes.csv), each listed
# claim worked by hand (examples/claims.csv; R = compliant left after B, CI and MA):
#   county-cap-4000, claims of 2018: every county/township claim's cap (role info) 3000 →
#   4000, a change that alone is none (spec/SIMULATE.md §2.5); listed beside these four:
#   Z034 (P22) county 100000: B 69790, CI 15126, MA 10558.80, R 4525.20: patient 3000 → 4000,
#        backstop 1525.20 → 525.20
#   Z037 (P23) county 60000 after Z036 (own 324): B 41790, CI 8574, MA 6745.20, R 2890.80;
#        room 2676 → 3676: patient 2676 → 2890.80, backstop 214.80 → 0
#   M042 (P25) outpatient 1000 after Z040 and M041 (own 2975.20): B 750, R 250; room
#        24.80 → 1024.80: counted 24.80 → 250, backstop 225.20 → 0, supplement 19.84 → 200,
#        patient 4.96 → 50
#   M043 (P25) 1200 with 200 consented: C 1000, B 750, R 250; room 0 → 774.80: backstop
#        250 → 0, supplement 0 → 200, patient 200 → 250
#   current-stay-level and separate-cap-per-level, claims of 2017:
#   Z005 (P03) county 80000 after a city stay Z004 (own 2199): R 2905.20; base cap 5000 (the
#        year's highest level), room 2801: patient 2801, backstop 104.20; current stay's
#        county cap 3000, room 801: patient 801, backstop 2104.20; a separate county cap
#        3000 with nothing counted at county level: patient 2905.20, backstop 0
#   Z027 (P17) county 20000 after Z025 county (own 3000) and Z026 city (own 1299): R 745.20;
#        base cap 5000, room 701: patient 701, backstop 44.20; both readings: the county cap
#        3000 is used up: patient 0, backstop 745.20
set -u
cd "$(dirname "$0")/../.." || exit 2
POLC=${POLC:-build/polc}
P=policies/anhui/panji-2017.pol
L=tests/cli/labels
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
pass() { echo "[PASS] labels: $1"; }
fail() { echo "[FAIL] labels: $1"; }
check() { if [ "$2" = "$3" ]; then pass "$1"; else fail "$1: got '$2', expected '$3'"; fi; }
BOM=$(printf '\357\273\277') # a results file starts with one, for Excel (spec/DATA.md)
same() { # same NAME GOT WANT: two files byte for byte
    if cmp -s "$2" "$3"; then pass "$1"; else fail "$1: $(diff "$3" "$2" | head -n 4 | tr '\n' ' ')"; fi
}

# ---- results by label, columns kept ----------------------------------------------------
# 姓名 is a column of examples/persons.csv, not of the claims: each claim's person's name
"$POLC" run $P --claims $L/claims.csv --persons examples/persons.csv -q \
    --keep 'person_id, 姓名,医疗机构名称,医疗机构级别' --out "$d/r.csv" 2> "$d/err"
check "labelled run exits 0" "$?" 0
same "results headed by labels (结算单号 … 结算状态), members by label, bools 是/否, 已结算, kept columns of both files" \
    "$d/r.csv" $L/results.csv

"$POLC" run $P --claims $L/claims.csv --persons examples/persons.csv -q --labels names \
    --out "$d/n.csv" 2> "$d/err"
check "--labels names: the identifiers" "$(head -n 1 "$d/n.csv")" \
    "${BOM}claim_id,gate,covered,compliant,basic,critical_illness,assistance,backstop,supplement,patient_pays,hospital_bears,selfpay_counted,cap,status"
check "--labels names: members and bools as written in the policy" \
    "$(cut -d, -f1-3,5,10 "$d/n.csv" | tail -n 4 | tr '\n' ' ')" \
    "Z001,comprehensive,true,13790.00,1645.20 Z002,comprehensive,true,3920.00,324.00 Z007,basic_only,false,29400.00,20600.00 Z008,unreferred,false,0.00,50000.00 "
check "the same numbers either way" "$(cut -d, -f8-17 $L/results.csv | tail -n 4)" \
    "$(cut -d, -f4-13 "$d/n.csv" | tail -n 4)"
check "--labels names: status settled" "$(cut -d, -f14 "$d/n.csv" | tail -n 4 | tr '\n' ' ')" \
    "settled settled settled settled "

# a policy without output labels keeps its identifiers by default
"$POLC" run tests/sim/sim.pol --claims tests/sim/claims.csv --persons tests/sim/persons.csv -q \
    --out "$d/s.csv" 2> /dev/null
check "an unlabelled policy: names by default" "$(head -c 12 "$d/s.csv")" "${BOM}claim_id,"
"$POLC" run tests/sim/sim.pol --claims tests/sim/claims.csv --persons tests/sim/persons.csv -q \
    --labels zh --out "$d/z.csv" 2> /dev/null
check "an unlabelled policy with --labels zh: output names where there is no label" \
    "$(head -n 1 "$d/z.csv")" "${BOM}结算单号,basic,patient_pays,backstop,结算状态"

# the statuses in Chinese: tests/cli/overflow.pol (no persons file needed), a claim that
# settles (100 yuan: gross 100, scaled 150% = 150), one that fails (92233720368547758.07 +
# 0.01 yuan overflows gross, line 8 col 33), and the same claims again on a ledger
printf '%s\n' claim_id,person_id,d,total,extra c01,p1,2017-03-01,100, \
    c02,p2,2017-03-01,92233720368547758.07,0.01 > "$d/o.csv"
"$POLC" run tests/cli/overflow.pol --claims "$d/o.csv" -q --labels zh --ledger "$d/o.db" \
    --out "$d/o1.csv" 2> /dev/null
"$POLC" run tests/cli/overflow.pol --claims "$d/o.csv" -q --labels zh --ledger "$d/o.db" \
    --out "$d/o2.csv" 2> /dev/null
check "--labels zh: 已结算 and 结算失败：" "$(tail -n 2 "$d/o1.csv" | tr '\n' ' ')" \
    'c01,100.00,150.00,100.00,已结算 c02,,,,"结算失败：amount overflow in rule gross (line 8, col 33)" '
check "--labels zh: 此前已结算 on the ledger's second run" "$(sed -n 2p "$d/o2.csv")" \
    "c01,100.00,150.00,100.00,此前已结算"

# bad options: a usage error naming the option, nothing written
"$POLC" run $P --claims $L/claims.csv --persons examples/persons.csv -q --labels en \
    --out "$d/bad.csv" 2> "$d/err"
check "--labels en: exit 2" "$?" 2
check "--labels en: the message" "$(cat "$d/err")" "polc: --labels takes zh or names, not 'en'"
"$POLC" run $P --claims $L/claims.csv --persons examples/persons.csv -q --keep 姓名,电话 \
    --out "$d/bad.csv" 2> "$d/err"
check "--keep of a column neither file has: exit 2" "$?" 2
check "--keep 电话: the message names both files" "$(cat "$d/err")" \
    "polc: --keep: neither $L/claims.csv nor examples/persons.csv has a column '电话'"
[ ! -e "$d/bad.csv" ] && pass "a refused run writes no results" || fail "results written"
# a field's name where the file heads it by its label: the header it has named
"$POLC" run $P --claims $L/claims.csv --persons examples/persons.csv -q --keep level \
    --out "$d/bad.csv" 2> "$d/err"
check "--keep level (headed 医疗机构级别): exit 2, the header named" "$? $(cat "$d/err")" \
    "2 polc: --keep: neither $L/claims.csv nor examples/persons.csv has a column 'level' (the name of claim field 'level'; --keep takes a header as the file writes it: '医疗机构级别'?)"
"$POLC" run tests/cli/overflow.pol --claims "$d/o.csv" -q --keep 姓名 --out "$d/bad.csv" \
    2> "$d/err"
check "--keep without --persons: exit 2" "$?" 2
check "--keep without --persons: the message" "$(cat "$d/err")" \
    "polc: --keep: $d/o.csv has no column '姓名'"

# a column both files have comes from the claims file; one a file has twice is refused
awk -F, 'BEGIN { OFS = "," } { print $0, (NR == 1 ? "姓名" : "claims-" $2) }' $L/claims.csv \
    > "$d/named.csv"
"$POLC" run $P --claims "$d/named.csv" --persons examples/persons.csv -q --labels names \
    --keep 姓名 --out "$d/k.csv" 2> "$d/err"
check "--keep of a column both files have: the claims file's" \
    "$(cut -d, -f1,2 "$d/k.csv" | tail -n 4 | tr '\n' ' ')" \
    "Z001,claims-P01 Z002,claims-P02 Z007,claims-P05 Z008,claims-P06 "
# a person of two rows (P24: 低保对象 to 2017-07-31, then 建档立卡贫困人口): the first row's text
"$POLC" run $P --claims examples/claims.csv --persons examples/persons.csv -q --labels names \
    --keep 姓名,身份类别 --out "$d/k2.csv" 2> "$d/err"
check "--keep of a persons column: the person's first row" \
    "$(grep '^Z03[89],' "$d/k2.csv" | cut -d, -f1-3 | tr '\n' ' ')" \
    "Z038,韩志明,低保对象 Z039,韩志明,低保对象 "
awk -F, 'BEGIN { OFS = "," } { print $0, $4 }' $L/claims.csv > "$d/twice.csv"
"$POLC" run $P --claims "$d/twice.csv" --persons examples/persons.csv -q \
    --keep 医疗机构名称 --out "$d/bad.csv" 2> "$d/err"
check "--keep of a column the claims file has twice: exit 2" "$?" 2
check "--keep of a column the claims file has twice: the message" "$(cat "$d/err")" \
    "polc: --keep: $d/twice.csv has two columns '医疗机构名称' (rename one)"
awk -F, 'BEGIN { OFS = "," } { print $0, $2 }' examples/persons.csv > "$d/ptwice.csv"
"$POLC" run $P --claims $L/claims.csv --persons "$d/ptwice.csv" -q --keep 姓名 \
    --out "$d/bad.csv" 2> "$d/err"
check "--keep of a column the persons file has twice: exit 2" "$?" 2
check "--keep of a column the persons file has twice: the message" "$(cat "$d/err")" \
    "polc: --keep: $d/ptwice.csv has two columns '姓名' (rename one), $L/claims.csv none"
[ ! -e "$d/bad.csv" ] && pass "refused runs write no results" || fail "results written"
"$POLC" run $P --claims $L/claims.csv --persons examples/persons.csv -q --keep 'person_id,,x' \
    --out "$d/bad.csv" 2> "$d/err"
check "--keep with an empty name: exit 2" "$?" 2
# a name twice, or the claim id, gave the results two columns of one heading
for keep in person_id,person_id claim_id; do
    rm -f "$d/bad.csv"
    "$POLC" run $P --claims $L/claims.csv --persons examples/persons.csv -q --keep $keep \
        --out "$d/bad.csv" 2> "$d/err"
    rc=$?
    [ $keep = claim_id ] && want="polc: --keep: 'claim_id' is the claim id, the results' first column" ||
        want="polc: --keep: column 'person_id' named twice"
    check "--keep $keep: exit 2" "$rc" 2
    check "--keep $keep: the message" "$(cat "$d/err")" "$want"
    [ ! -e "$d/bad.csv" ] && pass "--keep $keep: no results" || fail "--keep $keep: results written"
done

# ---- explain reads the labels -----------------------------------------------------------
"$POLC" explain $P --claims $L/claims.csv --persons examples/persons.csv --claim Z001 > "$d/x.txt"
check "explain: a rule and an output by label and name" \
    "$(grep -c '^  政府兜底 (backstop) *0.00 yuan  — 第四条$' "$d/x.txt")/$(grep -c '^  政府兜底 (backstop) *0.00 yuan$' "$d/x.txt")" \
    "1/1"
check "explain: an input by label and name" \
    "$(grep -c '^  医疗机构级别 (level) *county (县区)$' "$d/x.txt")" 1

# ---- simulate --changes: the shipped reforms -----------------------------------------------
R=policies/anhui/reforms
"$POLC" simulate --no-progress --base $P --reform $R/county-cap-4000.pol \
    --reform $R/current-stay-level.pol --reform $R/separate-cap-per-level.pol \
    --claims examples/claims.csv --persons examples/persons.csv -q --changes "$d/c.csv" 2> "$d/err"
check "simulate --changes exits 0" "$?" 0
same "--changes: every changed claim and output, both values" "$d/c.csv" $L/changes.csv
# the claims listed are the claims simulate counts as changed
"$POLC" simulate --no-progress --base $P --reform $R/county-cap-4000.pol \
    --claims examples/claims.csv --persons examples/persons.csv --report "$d/rep" > /dev/null 2>&1
check "changed claims of county-cap-4000 listed: 4" \
    "$(grep ',区内' $L/changes.csv | cut -d, -f1 | sort -u | wc -l | tr -d ' ')" 4
check "changed claims of county-cap-4000: 4, as counts.csv says" \
    "$(grep '^区内' "$d/rep/counts.csv" | cut -d, -f4)" 4
"$POLC" simulate --no-progress --base $P --reform $R/county-cap-4000.pol \
    --claims examples/claims.csv --persons examples/persons.csv -q --changes /nonexistent/c.csv \
    2> "$d/err"
check "--changes into a missing directory: exit 2" "$?" 2

# ---- --set takes bare yuan, as --sweep does ------------------------------------------------
# Z001 with the county cap at 1000: R 1645.20, counted min(1645.20, 1000) = 1000: patient 1000,
# backstop 645.20
"$POLC" run $P --claims $L/claims.csv --persons examples/persons.csv -q --labels names \
    --set 'backstop_cap[county]=1000' --out "$d/set1.csv" 2> "$d/err"
"$POLC" run $P --claims $L/claims.csv --persons examples/persons.csv -q --labels names \
    --set 'backstop_cap[county]=1000 yuan' --out "$d/set2.csv" 2>> "$d/err"
check "--set NAME=1000: Z001's backstop and patient share" \
    "$(grep '^Z001,' "$d/set1.csv" | cut -d, -f8,10)" "645.20,1000.00"
same "--set NAME=1000 is --set NAME='1000 yuan'" "$d/set1.csv" "$d/set2.csv"
"$POLC" run $P --claims $L/claims.csv --persons examples/persons.csv -q \
    --set 'backstop_capp[county]=1000' --out "$d/set3.csv" 2> "$d/err"
check "--set of a misspelt param: exit 2" "$?" 2
check "--set of a misspelt param: did you mean" "$(cat "$d/err")" \
    "polc: error: --set: the policy has no param 'backstop_capp'; did you mean 'backstop_cap'?"

# ---- explain --reform: one claim under both, only what differs ----------------------------
# M042 as worked above (county-cap-4000): the cap, the counted self-pay, backstop, supplement
# and patient share, the param in force, and the year's own payment after the claim
# (2975.20 + 24.80 = 3000 in the base, 2975.20 + 250 = 3225.20 under the reform)
"$POLC" explain $P --claims examples/claims.csv --persons examples/persons.csv --claim M042 \
    --reform $R/county-cap-4000.pol > "$d/xr.txt" 2> "$d/err"
check "explain --reform exits 0" "$?" 0
same "explain --reform: the rules, params, ledger values and outputs that differ" "$d/xr.txt" \
    $L/explain_M042.txt
# a param the reform adds (a new-user pass: a waiting period) is a param that differs, the
# base having none; M042's supplement 24.80 × (80% + 0%) = 19.84 is unchanged
cat > "$d/extra.pol" <<EOF
reform "extra" of "$(pwd)/$P"
param extra: rate from 2017-04-07: 0%
rule supplement: money = if covered and claim.kind = chronic_outpatient
  then selfpay_counted * (supplement_ratio + extra) else 0 yuan
EOF
"$POLC" explain $P --claims examples/claims.csv --persons examples/persons.csv --claim M042 \
    --reform "$d/extra.pol" > "$d/xe.txt" 2> "$d/err"
check "explain --reform of a param the reform adds" \
    "$? $(sed -n '/^parameters/,/^  reform/p' "$d/xe.txt")" "0 parameters that differ:
  base:   (not used)
  reform: extra = 0% (from 2017-04-07)"
"$POLC" explain $P --claims examples/claims.csv --persons examples/persons.csv --claim Z001 \
    --reform $R/county-cap-4000.pol > "$d/xz.txt" 2> "$d/err"
check "explain --reform of a claim the reform leaves alone" "$(tail -n 1 "$d/xz.txt")" \
    "the reform changes nothing in this claim's settlement"
"$POLC" explain $P --claims examples/claims.csv --persons examples/persons.csv --claim NOPE \
    --reform $R/county-cap-4000.pol > /dev/null 2> "$d/err"
check "explain --reform of a claim not in the file: exit 2" "$?" 2
check "explain --reform of a claim not in the file: said once" "$(cat "$d/err")" \
    "polc: claim 'NOPE' is not in examples/claims.csv"
# a rejected claim: bad input data (exit 3), with --reform or without, its row told once and
# "nothing to explain" once (with --reform it was exit 2 and every rejected row told twice:
# once per policy run)
{ head -n 1 examples/claims.csv; echo 'Z002,P02,住院,平圩镇卫生院,乡镇,nowhere,否,否,,否,否,否,2017-05-08,2017-05-15,5000.00,0,否'; } > "$d/bad.csv"
for how in plain reform; do
    set -- ; [ $how = reform ] && set -- --reform $R/county-cap-4000.pol
    "$POLC" explain $P --claims "$d/bad.csv" --persons examples/persons.csv --claim Z002 "$@" \
        --rejects "$d/rej.csv" > /dev/null 2> "$d/err"
    check "explain ($how) of a rejected claim: exit 3, told once" "$? $(cat "$d/err")" \
        "3 $d/bad.csv:2: 定点医疗机构: not a yes/no value 'nowhere' (expected true/false, yes/no (any case), 1/0, 是/否)
polc: claim 'Z002' was rejected: nothing to explain"
done
"$POLC" run $P --claims examples/claims.csv --persons examples/persons.csv -q \
    --reform $R/county-cap-4000.pol > /dev/null 2> "$d/err"
check "run --reform: a usage error" "$?" 2
