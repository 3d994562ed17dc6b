#!/bin/sh
# tests/cli/report.sh — what simulate's report.html shows a reader (spec/SIMULATE.md §3.2), on
# the shipped example (examples/, policies/anhui/), as fixed after looking at a headless-
# Chromium screenshot of it (make report-shot, issue 11):
#   - each bar of "Change by payer" and "Cost by payer" says its value in 万元 to the yuan:
#     county-cap-4000 moves the backstop (政府兜底) 7,200.40 → 5,510.40 yuan, −1,690.00 =
#     −0.1690 万元, and the chronic supplement (慢性病门诊补充医保) 2,339.84 → 2,720.00,
#     +380.16 = +0.0380 万元; a payer it leaves alone says 0; the base's basic insurance
#     811,200.00 yuan is 81.1200 万元;
#   - the persons left unchanged are told under the chart in HTML, which wraps (an SVG line
#     ran off the chart with three reforms), each reform's name then its count (23 of 26);
#   - a table's text columns (the scenario of "By level") are left-aligned, numbers right;
#   - a sweep leads with each payer's change against the base: backstop at 1000 yuan
#     21,652.60 − 7,200.40 = 14,452.20 yuan = 1.45 万元 (the point's tooltip); its x axis names
#     the unit; its 8 points have 8 colours of one ramp, none the base's grey.
#
#   sh tests/cli/report.sh        env: POLC (build/polc)
set -u
cd "$(dirname "$0")/../.." || exit 2
POLC=${POLC:-build/polc}
P=policies/anhui/panji-2017.pol
R=policies/anhui/reforms
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
pass=0
fail=0
check() {
    if [ "$2" = "$3" ]; then
        pass=$((pass + 1))
        echo "[PASS] report: $1"
    else
        fail=$((fail + 1))
        echo "[FAIL] report: $1: got '$2', expected '$3'"
    fi
}

"$POLC" simulate --no-progress -q --base $P --reform $R/county-cap-4000.pol \
    --claims examples/claims.csv --persons examples/persons.csv --report "$d/r" 2> "$d/err"
check "simulate exits 0" "$?" 0
H=$d/r/report.html
# the first chart's value labels, in the order drawn: 5 payers × 1 reform
check "Change by payer: each bar's value (万元)" \
    "$(sed -n '/Change by payer/,/<\/svg>/p' "$H" | grep -o 'class="val">[^<]*<' | sed 's/.*">//;s/<//' | tr '\n' ' ')" \
    "0 0 0 -0.1690 +0.0380 "
check "Cost by payer: the base's basic insurance, 81.1200 万元" \
    "$(sed -n '/Cost by payer (万元)/,/<\/svg>/p' "$H" | grep -o 'class="val">[^<]*<' | head -n 1)" \
    'class="val">81.1200<'
check "unchanged persons: a caption under the chart" \
    "$(grep -o '<figcaption class=note>[^<]*</figcaption>' "$H")" \
    "<figcaption class=note>Unchanged, not drawn: 区内兜底线提高到4000元 (county cap 4000): 23</figcaption>"
check "By level: the scenario column left-aligned" \
    "$(sed -n '/<h3>By level/,/<\/table>/p' "$H" | grep -c '<td class=l>区内兜底线提高到4000元 (county cap 4000)</td>')" 5
check "By level: numbers right-aligned" \
    "$(grep -c '<td class=l>[0-9]' "$H")" 0

"$POLC" simulate --no-progress -q --base $P --sweep 'backstop_cap[county]=1000..8000:1000' \
    --claims examples/claims.csv --persons examples/persons.csv --report "$d/s" 2> "$d/err"
check "sweep exits 0" "$?" 0
H=$d/s/report.html
check "sweep: the change chart first, then the totals" \
    "$(grep -o '"title">[^<]*against[^<]*<' "$H" | tr '\n' ' ')" \
    '"title">Change by payer against backstop_cap[county] (万元, point − base)< "title">Totals by payer against backstop_cap[county] (万元)< '
# the change chart's fourth series (政府兜底, colour palette[4]) at its first point
check "sweep: the backstop's change at 1000 yuan, 1.45 万元" \
    "$(sed -n '/Change by payer against/,/<\/svg>/p' "$H" | grep '<circle.*fill="#cc79a7"' | head -n 1 | grep -o '<title>[^<]*</title>')" \
    "<title>1.45</title>"
check "sweep: the x axis in yuan" \
    "$(grep -c 'class="ax">backstop_cap\[county\] (yuan)<' "$H")" 2
oop=$(sed -n '/Yearly own payment per person (share/,/<\/svg>/p' "$H")
check "sweep: 9 series of 9 colours (the base and a ramp of 8)" \
    "$(printf '%s\n' "$oop" | grep -o '<rect x="[0-9.]*" y="[0-9.]*" width="12" height="12" fill="#[0-9a-f]*"' | sed 's/.*fill=//' | sort -u | wc -l | tr -d ' ')" 9
check "sweep: the points by their value in the legend" \
    "$(printf '%s\n' "$oop" | grep -o 'class="lg">[^<]*<' | sed 's/.*">//;s/<//' | tr '\n' ',')" \
    "base,1000 yuan,2000 yuan,3000 yuan,4000 yuan,5000 yuan,6000 yuan,7000 yuan,8000 yuan,"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
