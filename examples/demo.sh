#!/bin/sh
# examples/demo.sh — what `make demo` runs after building polc: the Panji 2017 policy
# (policies/anhui/panji-2017.pol) compiled to a native engine, the example claims settled with
# it, a table of the results, the explanation of one claim, and — when this build of polc has
# `simulate` — what raising the district backstop cap to 4,000 yuan from 2018 would change.
# Run from the repository root: sh examples/demo.sh. examples/README.md walks through it.
set -eu

POLC=${POLC:-build/polc}
POLICY=policies/anhui/panji-2017.pol
REFORM=policies/anhui/reforms/county-cap-4000.pol
OUT=build/demo
mkdir -p "$OUT"

say() { printf '\n== %s\n\n' "$1"; }

say "1. Compile the policy to a native engine"
echo "\$ $POLC build $POLICY -o $OUT/panji.so"
"$POLC" build "$POLICY" -o "$OUT/panji.so"
ls -l "$OUT/panji.so" | awk '{ print "   " $NF ": " $5 " bytes" }'

say "2. Settle the example claims with it"
# results.csv is headed by the policy's Chinese labels; the table below reads the columns by
# their names, so this run asks for names (--labels names); --keep carries the person, the
# person's name (from persons.csv), the level and the total cost into it
echo "\$ $POLC run $OUT/panji.so --claims examples/claims.csv --persons examples/persons.csv --out $OUT/results.csv --labels names --keep person_id,姓名,医疗机构级别,医疗总费用"
"$POLC" run "$OUT/panji.so" --claims examples/claims.csv --persons examples/persons.csv \
    --out "$OUT/results.csv" --labels names --keep person_id,姓名,医疗机构级别,医疗总费用

say "3. The results (yuan)"
# Print results.csv aligned. Chinese text is two columns wide per character: pad by display
# width.
awk -F, '
function width(s,   t, n) { t = s; n = gsub(/[\340-\357]/, "", t); return length(s) - n }
function pad(s, w,   k) { k = w - width(s); while (k-- > 0) s = s " "; return s }
function lpad(s, w,   k) { k = w - width(s); while (k-- > 0) s = " " s; return s }
# a CSV line with quoted cells ("80,000.00"): unquote, drop the thousands commas inside quotes
function unq(line,   out, i, c, q) {
    out = ""; q = 0
    for (i = 1; i <= length(line); i++) {
        c = substr(line, i, 1)
        if (c == "\"") { q = !q; continue }
        if (q && c == ",") continue
        out = out c
    }
    return out
}
NR == 1 {
    sub(/^\357\273\277/, "")
    for (i = 1; i <= NF; i++) h[$i] = i
    printf "%s %s %s %s %s %s %s %s %s %s %s  %s\n", pad("claim", 5), pad("person", 11),
        pad("level", 5), lpad("total", 10), lpad("basic", 10), lpad("CI", 9), lpad("MA", 9),
        lpad("backstop", 8), lpad("180", 7), lpad("patient", 9), lpad("hospital", 8), "gate"
    next
}
{
    n = split(unq($0), f, ",")
    tot = f[h["医疗总费用"]]
    printf "%s %s %s %s %s %s %s %s %s %s %s  %s\n", pad(f[1], 5),
        pad(f[h["person_id"]] " " f[h["姓名"]], 11), pad(f[h["医疗机构级别"]], 5),
        lpad(sprintf("%.2f", tot), 10), lpad(f[h["basic"]], 10),
        lpad(f[h["critical_illness"]], 9), lpad(f[h["assistance"]], 9), lpad(f[h["backstop"]], 8),
        lpad(f[h["supplement"]], 7), lpad(f[h["patient_pays"]], 9), lpad(f[h["hospital_bears"]], 8),
        f[h["gate"]]
    S["total"] += tot; S["basic"] += f[h["basic"]]; S["ci"] += f[h["critical_illness"]]
    S["ma"] += f[h["assistance"]]; S["bs"] += f[h["backstop"]]; S["sup"] += f[h["supplement"]]
    S["pp"] += f[h["patient_pays"]]; S["hb"] += f[h["hospital_bears"]]
}
END {
    printf "%s %s %s %s %s %s %s %s %s\n", pad("all", 23), lpad(sprintf("%.2f", S["total"]), 10),
        lpad(sprintf("%.2f", S["basic"]), 10), lpad(sprintf("%.2f", S["ci"]), 9),
        lpad(sprintf("%.2f", S["ma"]), 9), lpad(sprintf("%.2f", S["bs"]), 8),
        lpad(sprintf("%.2f", S["sup"]), 7), lpad(sprintf("%.2f", S["pp"]), 9),
        lpad(sprintf("%.2f", S["hb"]), 8)
}' "$OUT/results.csv"

say "4. Why did claim Z005 pay what it paid?"
echo "王桂兰 (P03) had a referred city stay in May (Z004); Z005 is her county stay in August."
echo "Her year's cap is the city's 5,000 yuan, the highest level she used (第四条)."
echo
echo "\$ $POLC explain $POLICY --claims examples/claims.csv --persons examples/persons.csv --claim Z005"
"$POLC" explain "$POLICY" --claims examples/claims.csv --persons examples/persons.csv --claim Z005

say "5. What if the district cap were 4,000 yuan from 2018? ($REFORM)"
if "$POLC" simulate --base "$POLICY" --reform "$REFORM" --claims examples/claims.csv \
        --persons examples/persons.csv --report "$OUT/whatif" > "$OUT/whatif.txt" 2>&1; then
    echo "\$ $POLC simulate --base $POLICY --reform $REFORM --claims examples/claims.csv --persons examples/persons.csv --report $OUT/whatif"
    cat "$OUT/whatif.txt"
else
    echo "(this build of polc cannot simulate yet: skipped)"
fi
echo
echo "Results: $OUT/results.csv; engine: $OUT/panji.so"
