#!/bin/sh
# tests/runtime/sink_spans.sh — the results in input order however many threads settle them.
# Each settling thread keeps spans of its rows (rows one after another in the file, their text
# one after another in its buffer) and the batch step writes a span whole, stepping past its
# rows (runtime/run.c RunSpan). A span is broken by a row another thread settles, by a row
# rejected between two of a person's claims, and may run across the blocks and batches a file
# is read in. On a polc gen population of ~70,000 claims (8.7 MB: five batches of 2 MiB) with a
# duplicate claim id after every 97th row and a bad date after every 131st (rows rejected
# while settling and while decoding), -j 2, 3 and 8 write the results and rejects of -j 1
# byte for byte, and one results row for each claim not rejected; --out - writes the same
# rows; on 300 persons the explanations (--explain), the workbook (--xlsx) and one claim's
# explanation (--claim) are -j 1's too.
#   sh tests/runtime/sink_spans.sh     env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"
work spans
POL=$ROOT/policies/anhui/panji-2017.pol
"$POLC" gen --persons 20000 --seed 21 --out pop -q || exit 2
"$POLC" build "$POL" -o p.so || exit 2
# the rows rejected: a duplicate claim id (its thread rejects it while settling) and a bad
# date (decode rejects it), each after the row it copies
awk -F, -v OFS=, 'NR == 1 { print; next }
{ print }
NR % 97 == 5 { print }
NR % 131 == 7 { $1 = $1 "x"; $4 = "2017-13-40"; print }' pop/claims.csv >claims.csv
rows=$(($(wc -l <claims.csv) - 1))
dups=$(awk 'NR > 1 && NR % 97 == 5' pop/claims.csv | wc -l)
dates=$(awk 'NR > 1 && NR % 131 == 7' pop/claims.csv | wc -l)

run() { # -j N, then more options
    j=$1
    shift
    "$POLC" run p.so --claims claims.csv --persons pop/persons.csv --labels names -j "$j" -q "$@"
}
run 1 --out ref.csv 2>ref.err
rc=$?
[ $rc -eq 3 ] || bad "spans: -j 1" "exit $rc, expected 3 (rows rejected): $(head -n 2 ref.err)"
nrej=$(($(wc -l <ref.csv.rejects.csv) - 1))
nres=$(($(wc -l <ref.csv) - 1))
if [ "$nrej" -eq $((dups + dates)) ] && [ "$nres" -eq $((rows - nrej)) ]; then
    ok "spans: -j 1: $nres results rows, $nrej rejected ($dups duplicates, $dates bad dates)"
else
    bad "spans: -j 1" "$nres results and $nrej rejects of $rows rows, $dups duplicates and" \
        "$dates bad dates added"
fi
for j in 2 3 8; do
    run $j --out r$j.csv 2>r$j.err
    rc=$?
    if [ $rc -eq 3 ] && cmp -s ref.csv r$j.csv && cmp -s ref.csv.rejects.csv r$j.csv.rejects.csv
    then
        ok "spans: -j $j: results and rejects as -j 1"
    else
        bad "spans: -j $j" "exit $rc, or results or rejects differ: $(cmp ref.csv r$j.csv)"
    fi
done
# standard output: the same rows (no byte order mark: the input has none)
run 2 --out - --rejects rj.csv >out.csv 2>out.err
rc=$?
tail -c +4 ref.csv >ref-nobom.csv
if [ $rc -eq 3 ] && cmp -s ref-nobom.csv out.csv; then
    ok "spans: -j 2 --out -: the results of -j 1"
else
    bad "spans: -j 2 --out -" "exit $rc, or the rows differ: $(cmp ref-nobom.csv out.csv)"
fi

# ---- explanations, the workbook, one claim's explanation: 300 persons -------------------
awk -F, 'NR == 1 || substr($2, 2) + 0 <= 300' claims.csv >small.csv
# a claim of 2017 well into the file, which the policy settles (its explanation exits 0)
who=$(awk -F, 'NR > 30 && $4 ~ /^2017-0[3-9]/ { print $1; exit }' small.csv)
for j in 1 3; do
    "$POLC" run p.so --claims small.csv --persons pop/persons.csv -j $j -q --out s$j.csv \
        --explain s$j.jsonl --xlsx s$j.xlsx 2>s$j.err
    echo $? >s$j.rc
    "$POLC" explain p.so --claims small.csv --persons pop/persons.csv -j $j --claim "$who" \
        >e$j.txt 2>e$j.err
    echo $? >e$j.rc
done
lines=$(wc -l <s1.jsonl)
if [ "$(cat s1.rc)" = 3 ] && [ "$lines" -eq $(($(wc -l <s1.csv) - 1)) ] &&
    [ "$(cat s3.rc)" = 3 ] && cmp -s s1.csv s3.csv && cmp -s s1.jsonl s3.jsonl; then
    ok "spans: --explain -j 3: results and $lines explanations as -j 1"
else
    bad "spans: --explain -j 3" "exit $(cat s3.rc) (-j 1: $(cat s1.rc)), $lines explanations," \
        "or results or explanations differ: $(cmp s1.jsonl s3.jsonl)"
fi
if unzip -p s1.xlsx xl/worksheets/sheet1.xml >x1.xml 2>/dev/null &&
    unzip -p s3.xlsx xl/worksheets/sheet1.xml >x3.xml 2>/dev/null &&
    [ "$(grep -o '<row ' x1.xml | wc -l)" -eq "$(wc -l <s1.csv)" ] && cmp -s x1.xml x3.xml; then
    ok "spans: --xlsx -j 3: the sheet of -j 1, a row for each results line"
else
    bad "spans: --xlsx -j 3" "the sheets differ, or hold another number of rows: $(head -n 2 s3.err)"
fi
if [ "$(cat e1.rc)" = 0 ] && [ "$(cat e3.rc)" = 0 ] && grep -q "$who" e1.txt &&
    cmp -s e1.txt e3.txt; then
    ok "spans: explain --claim $who -j 3: the text of -j 1"
else
    bad "spans: explain --claim $who -j 3" "exit $(cat e3.rc) (-j 1: $(cat e1.rc)), or the" \
        "texts differ: $(head -n 2 e3.err)"
fi
finish
