#!/bin/sh
# tests/cli/doc.sh — polc doc: both seed policies and a reform render to one self-contained
# HTML page (no script, no stylesheet or image to fetch) whose structure holds: every article
# the policy cites has its section; every param has its dated table with every version's
# date; every rule, ledger and test its anchor, and every link a target; every test is a
# worked example; a reform shows what it changes against its base. A policy with errors gives
# its diagnostics and no page; an -o DIR that cannot be made, exit 4 or 2 by the cause.
#
#   sh tests/cli/doc.sh        env: POLC (build/polc)
set -u
cd "$(dirname "$0")/../.." || exit 2
POLC=${POLC:-build/polc}
case $POLC in /*) ;; */*) POLC=$(pwd)/$POLC ;; esac
WORK=$(mktemp -d "${TMPDIR:-/tmp}/polc-doc.XXXXXX") || exit 2
trap 'rm -rf "$WORK"' EXIT

pass=0
fail=0
ok() {
    pass=$((pass + 1))
    echo "[PASS] $1"
}
bad() {
    fail=$((fail + 1))
    echo "[FAIL] $1: $2"
}

# the from-dates of each param of a policy file: "NAME DATE" lines
param_dates() {
    awk '/^(param|参数) / { p = $2; sub(/[:\[].*/, "", p); cur = p; }
         /^[^ #]/ && !/^(param|参数) / { cur = "" }
         cur != "" { s = $0; while (match(s, /(from|自) [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]/)) {
             print cur, substr(s, RSTART + RLENGTH - 10, 10); s = substr(s, RSTART + RLENGTH) } }' "$1"
}

check_page() { # check_page NAME POLICY HTML
    name=$1 pol=$2 html=$3
    # self-contained
    if grep -qiE '<script|<link|<img|<iframe| src=|href="(https?:|file:|//)|url\(' "$html"; then
        bad "$name: self-contained" "$(grep -oiE '<script|<link|<img| src=[^ ]*|href="[a-z]*:[^"]*"' "$html" | head -3)"
    else
        ok "$name: self-contained (no script, no external file)"
    fi
    # balanced blocks
    unbal=""
    for t in section div table tr p pre ul; do
        o=$(grep -o "<$t[ >]" "$html" | wc -l)
        c=$(grep -o "</$t>" "$html" | wc -l)
        [ "$o" = "$c" ] || unbal="$unbal $t($o/$c)"
    done
    [ -z "$unbal" ] && ok "$name: blocks balanced" || bad "$name: blocks balanced" "$unbal"
    # every article cited has its heading
    grep -o '\(cites\|依据\) "[^"]*"' "$pol" | sed 's/^[^"]*"//;s/"$//;s/、/\n/g' | sort -u >"$WORK/arts"
    miss=""
    while read -r a; do
        grep -qF "<h3>$a</h3>" "$html" || miss="$miss $a"
    done <"$WORK/arts"
    [ -z "$miss" ] && [ -s "$WORK/arts" ] && ok "$name: all $(wc -l <"$WORK/arts") cited articles have a section" ||
        bad "$name: articles" "missing:$miss"
    # every param version, with its date, in the param's table
    param_dates "$pol" >"$WORK/dates"
    miss=""
    while read -r p dt; do
        sed -n "/id=\"param-$p-table\"/,/<\/table>/p" "$html" | grep -qF "<td class=\"from\">$dt</td>" ||
            miss="$miss $p@$dt"
    done <"$WORK/dates"
    [ -z "$miss" ] && [ -s "$WORK/dates" ] &&
        ok "$name: all $(wc -l <"$WORK/dates") param versions in their tables, dated" ||
        bad "$name: param versions" "missing:$miss"
    # every rule and ledger has its anchor, once; every link a target
    miss=""
    for r in $(grep -oE '^(rule|规则|ledger|台账) [^ :(]+' "$pol" | awk '{print $2}'); do
        n=$(grep -cE "id=\"(rule|ledger)-$r\"" "$html")
        [ "$n" = 1 ] || miss="$miss $r($n)"
    done
    [ -z "$miss" ] && ok "$name: every rule and ledger has one anchor" || bad "$name: anchors" "$miss"
    grep -o 'href="#[^"]*"' "$html" | sed 's/href="#//;s/"$//' | sort -u >"$WORK/hrefs"
    miss=""
    while read -r h; do grep -qF "id=\"$h\"" "$html" || miss="$miss $h"; done <"$WORK/hrefs"
    [ -z "$miss" ] && ok "$name: all $(wc -l <"$WORK/hrefs") link targets exist" ||
        bad "$name: links" "no target:$miss"
    # tests as worked examples, with their expected amounts
    nt=$(grep -cE '^(test|测试) "' "$pol")
    nc=$(grep -c 'class="card test"' "$html")
    ne=$(grep -c 'class="item expect"' "$html")
    nx=$(grep -cE '^ *(expect|预期) ' "$pol")
    [ "$nt" = "$nc" ] && [ "$ne" = "$nx" ] && ok "$name: $nt tests, $ne expectations shown" ||
        bad "$name: tests" "$nc of $nt tests, $ne of $nx expectations"
}

for p in panji-2017 medical-assistance-2025; do
    "$POLC" doc policies/anhui/$p.pol -o "$WORK/$p" 2>"$WORK/err"
    rc=$?
    [ $rc = 0 ] && [ -s "$WORK/$p/index.html" ] && [ ! -s "$WORK/err" ] && ok "$p: rendered" ||
        bad "$p: rendered" "rc $rc $(head -3 "$WORK/err")"
    check_page "$p" policies/anhui/$p.pol "$WORK/$p/index.html"
done
# the panji page: 第一条, which no rule cites, from its comment; the backstop cap of 第四条
# beside the notice's words, its table by level
sed -n '/<h3>第一条<\/h3>/,/<\/section>/p' "$WORK/panji-2017/index.html" >"$WORK/art1"
grep -q 'class="quote">第一条 为深入贯彻落实' "$WORK/art1" &&
    grep -q 'No parameter or rule cites it' "$WORK/art1" &&
    ok "panji: 第一条, quoted in a comment, cited by no rule" || bad "panji 第一条" "$(head -c 300 "$WORK/art1")"
h=$WORK/panji-2017/index.html
sed -n '/<h3>第四条<\/h3>/,/<\/section>/p' "$h" >"$WORK/art4"
grep -q 'class="quote">第四条 “在区内就诊个人年度自付费用不超过0.3万元' "$WORK/art4" ||
    grep -q 'class="quote">第四条 &quot;在区内就诊个人年度自付费用不超过0.3万元' "$WORK/art4"
q=$?
[ $q = 0 ] && grep -q 'id="param-backstop_cap"' "$WORK/art4" &&
    ok "panji: 第四条 quotes the notice beside param backstop_cap" || bad "panji 第四条" "$(head -c 600 "$WORK/art4")"
sed -n '/id="param-backstop_cap-table"/,/<\/table>/p' "$h" | tr -d '\n' >"$WORK/t4"
grep -qF '<th>township<br><span class="label">乡镇</span></th>' "$WORK/t4" &&
    grep -qF '<td class="from">2017-04-07</td><td class="to">open</td><td>0.3 万元</td><td>0.3 万元</td><td>0.5 万元</td><td>1 万元</td><td>1 万元</td>' "$WORK/t4" &&
    ok "panji: backstop_cap's table, a column a level" || bad "panji backstop_cap table" "$(cat "$WORK/t4")"
grep -q '<li><code>own_paid</code> (money): the sum, over the claims, of <code>selfpay_counted</code>.</li>' "$h" &&
    grep -q '<li><code>top_level</code> (Level): the value of <code>cap_level</code> on the latest claim.</li>' "$h" &&
    ok "panji: ledger annual in words" || bad "panji ledger" "not in words"
# labels and roles (spec/LANGUAGE.md §7.5, §16.3): a rule's label beside its name; the outputs
# as a table in column order, each with its heading, rule, type and role: panji-2017.pol's
# `output gate, covered, compliant, basic payer, …, patient_pays patient, hospital_bears
# hospital, selfpay_counted info, …`: compliant has no role where others have, so reports do
# not count it as a payer
grep -qF '<h4>rule <code>backstop</code> <span class="label">政府兜底</span>: <span class="type">money</span>' "$h" &&
    ok "panji: a rule's label beside its name" || bad "panji rule label" "$(grep -F '<h4>rule <code>backstop</code>' "$h")"
sed -n '/<section id="outputs">/,/<\/section>/p' "$h" | tr -d '\n' >"$WORK/outs"
[ "$(grep -o '<tr><td>[0-9]*</td>' "$WORK/outs" | wc -l)" = 12 ] &&
    grep -qF '<tr><td>1</td><td>结算结论</td><td><a href="#rule-gate">rule <code>gate</code></a></td><td class="type">Gate</td><td>none written: shown, not counted as a cost</td></tr>' "$WORK/outs" &&
    grep -qF '<tr><td>3</td><td>合规医药费用</td><td><a href="#rule-compliant">rule <code>compliant</code></a></td><td class="type">money</td><td>none written: not counted as a payer (other outputs have roles)</td></tr>' "$WORK/outs" &&
    grep -qF '<tr><td>7</td><td>政府兜底</td><td><a href="#rule-backstop">rule <code>backstop</code></a></td><td class="type">money</td><td>payer (基金): money a fund pays, counted as a cost in reports</td></tr>' "$WORK/outs" &&
    grep -qF '<tr><td>9</td><td>个人自付</td><td><a href="#rule-patient_pays">rule <code>patient_pays</code></a></td><td class="type">money</td><td>patient (个人): what the patient pays</td></tr>' "$WORK/outs" &&
    grep -qF '<tr><td>10</td><td>医疗机构承担</td><td><a href="#rule-hospital_bears">rule <code>hospital_bears</code></a></td><td class="type">money</td><td>hospital (医疗机构): what the hospital bears, totalled apart from the funds</td></tr>' "$WORK/outs" &&
    grep -qF '<tr><td>11</td><td>计入兜底线的个人自付</td><td><a href="#rule-selfpay_counted">rule <code>selfpay_counted</code></a></td><td class="type">money</td><td>info (信息): shown, not counted as a cost</td></tr>' "$WORK/outs" &&
    ok "panji: the outputs' table: 12 columns, headings, rules, types, roles" ||
    bad "panji outputs" "$(head -c 900 "$WORK/outs")"

# a reform against its base
r=policies/anhui/reforms/county-cap-4000.pol
"$POLC" doc $r -o "$WORK/reform" 2>"$WORK/err"
rc=$?
h=$WORK/reform/index.html
[ $rc = 0 ] && [ -s "$h" ] && ok "reform: rendered" || bad "reform: rendered" "rc $rc $(head -3 "$WORK/err")"
sed -n '/<section id="changes">/,/<\/section>/p' "$h" | tr -d '\n' >"$WORK/ch"
grep -qF '<h3>changes param <code>backstop_cap</code></h3>' "$WORK/ch" &&
    grep -qF '<td class="from">2018-01-01</td><td class="to">open</td><td class="changed">4000 yuan <span class="was">was 0.3 万元</span></td><td class="changed">4000 yuan <span class="was">was 0.3 万元</span></td><td>0.5 万元</td>' "$WORK/ch" &&
    ok "reform: what it changes, against the base" || bad "reform changes" "$(head -c 800 "$WORK/ch")"
# with the reform, the base's version ends the day before the reform's starts (its cell was
# blank: a new-user pass)
grep -qF '<p>With the reform:</p>' "$WORK/ch" &&
    grep -qF '<td class="from">2017-04-07</td><td class="to">2017-12-31</td>' "$WORK/ch" &&
    ok "reform: the base's version it cuts ends on 2017-12-31" ||
    bad "reform: the cut version's end" "$(grep -o '<td class="to">[^<]*' "$WORK/ch" | tr '\n' ' ')"
check_page reform policies/anhui/panji-2017.pol "$h" 2>/dev/null | grep -E 'param versions|self-contained|balanced|link targets' |
    while read -r l; do echo "$l"; done >"$WORK/rc"
cat "$WORK/rc"
pass=$((pass + $(grep -c '^\[PASS\]' "$WORK/rc")))
fail=$((fail + $(grep -c '^\[FAIL\]' "$WORK/rc")))

# a policy with no ledger and no test: each section says so in one line (they were printed
# with no text at all: a new-user pass); the seed policy, which has both, says neither
printf 'policy "x" valid from 2017-01-01 dated by claim.d\nclaim { d: date  cost: money }\nrule r: money = claim.cost\noutput r\n' >"$WORK/bare.pol"
"$POLC" doc "$WORK/bare.pol" -o "$WORK/bare" 2>"$WORK/err"
rc=$?
h="$WORK/bare/index.html"
if [ $rc = 0 ] &&
    grep -qxF '<section id="ledgers"><h2>Ledgers</h2>' "$h" &&
    grep -A1 -xF '<section id="ledgers"><h2>Ledgers</h2>' "$h" | tail -n 1 |
    grep -qxF '<p class="lead">None: no claim carries anything over to the next.</p>' &&
    grep -A1 -xF '<section id="tests"><h2>Worked examples</h2>' "$h" | tail -n 1 |
    grep -qxF '<p class="lead">None: the policy has no test cases.</p>'; then
    ok "no ledgers, no tests: each section says none"
else
    bad "empty sections" "rc $rc: $(grep -A1 'id="ledgers"\|id="tests"' "$h" | head -4) $(cat "$WORK/err")"
fi
"$POLC" doc policies/anhui/panji-2017.pol -o "$WORK/pj" 2>/dev/null
if [ -s "$WORK/pj/index.html" ] && ! grep -q '<p class="lead">None:' "$WORK/pj/index.html"; then
    ok "ledgers and tests: no 'None' line"
else
    bad "panji's sections" "$(grep '<p class="lead">None:' "$WORK/pj/index.html")"
fi

# errors: diagnostics, exit 1, no page
printf 'policy "x" valid from 2017-01-01 dated by claim.d\nclaim { d: date }\nrule r: money = claim.d * 2\noutput r\n' >"$WORK/bad.pol"
"$POLC" doc "$WORK/bad.pol" -o "$WORK/bad" 2>"$WORK/err"
rc=$?
[ $rc = 1 ] && grep -q 'bad.pol:3:' "$WORK/err" && [ ! -e "$WORK/bad/index.html" ] &&
    ok "a policy with errors: diagnostics, exit 1, no page" || bad "errors" "rc $rc"
"$POLC" doc policies/anhui/panji-2017.pol >/dev/null 2>&1
[ $? = 2 ] && ok "no -o: usage error" || bad "no -o" "not exit 2"

# -o DIR that cannot be made for want of permission is a system failure, exit 4, as when
# index.html cannot be written (it was exit 2, a usage error); a DIR under a missing one stays
# exit 2. As root, the permission is tried as nobody.
mkdir "$WORK/ro" && chmod 555 "$WORK/ro" && chmod 711 "$WORK"
as_user() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi; }
as_user "$POLC" doc "$(pwd)/policies/anhui/panji-2017.pol" -o "$WORK/ro/d" 2>"$WORK/err"
rc=$?
[ $rc = 4 ] && [ "$(cat "$WORK/err")" = "polc: doc: cannot create $WORK/ro/d: Permission denied" ] &&
    ok "-o DIR without permission: exit 4, the cause named" || bad "-o DIR without permission" "rc $rc: $(cat "$WORK/err")"
"$POLC" doc policies/anhui/panji-2017.pol -o "$WORK/none/d" 2>"$WORK/err"
rc=$?
[ $rc = 2 ] && [ "$(cat "$WORK/err")" = "polc: doc: cannot create $WORK/none/d: No such file or directory" ] &&
    ok "-o DIR under a missing directory: exit 2" || bad "-o DIR under a missing one" "rc $rc: $(cat "$WORK/err")"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
