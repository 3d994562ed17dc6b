#!/bin/sh
# Regression (issue 15, 6): misleading data messages. An amount too large said "not an
# amount" (it is one, out of range: say the limit); a NUL byte said "not UTF-8 text"; an
# unbalanced quote that swallows the rest of the file was one row rejected with no word of
# the lines it took; one record over 16 MiB stopped the whole run (exit 2) instead of being
# rejected as a row. Now each gets file:line and its own reason, the long record is copied
# whole to the rejects file, and the rows after it settle. Env: POLC (default build/polc).
set -u
cd "$(dirname "$0")/../.." || exit 2
POLC=${POLC:-build/polc}
case $POLC in /*) ;; *) POLC=$(pwd)/$POLC ;; esac
P=$(pwd)/tests/runtime/capped.pol
T=$(mktemp -d "${TMPDIR:-/tmp}/polc-regress.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 2
pass() { echo "[PASS] regress: $1"; }
fail() { echo "[FAIL] regress: $1"; }
H='claim_id,person_id,医院级别,出院日期,医疗总费用,非合规费用'

# $1 name, $2 file; stdin: the expected messages (stderr before the summary); polc run, or
# with IMPORT=1 polc ledger import (into imp.db), exits 3
messages() {
    cat >want
    if [ "${IMPORT:-}" ]; then
        "$POLC" ledger import "$P" --ledger imp.db "$2" 2>got
    else
        "$POLC" run "$P" --claims "$2" --out out.csv -q 2>got
    fi
    rc=$?
    if [ $rc -ne 3 ] || ! cmp -s want got; then
        fail "$1: exit $rc, said: $(cat got)"
    else
        pass "$1"
    fi
}
# $1 name, $2 a rejects file; stdin: what it holds
rejects() {
    cat >want.rejects
    if cmp -s want.rejects "$2"; then
        pass "$1"
    else
        fail "$1: the rejects file holds $(wc -c <"$2") bytes: $(head -c 300 "$2")"
    fi
}

{
    printf '%s\n' "$H"
    printf 'C1,P1,county,2024-03-01,"99,999,999,999,999,999,999.00",0\n'
    printf 'C2,P1,county,2024-03-02,1000,0\000\n'
    printf 'C3,P1,county,2024-03-03,1000,0\n'
} >small.csv
messages "an amount out of range and a NUL byte say so" small.csv <<'EOF'
small.csv:2: 医疗总费用: amount '99,999,999,999,999,999,999.00' out of range (at most 92,233,720,368,547,758.07 yuan)
small.csv:3: NUL byte (a binary or UTF-16 file? save the file as CSV UTF-8)
EOF

{
    printf '%s\n' "$H"
    printf 'C1,P1,county,2024-03-01,1000,0\n'
    printf 'C2,P1,county,2024-03-02,"1000,0\n'
    i=3
    while [ $i -le 26 ]; do
        printf 'C%d,P1,county,2024-03-03,1000,0\n' $i
        i=$((i + 1))
    done
} >quote.csv
messages "a quote left open says where it starts and how many lines it took" quote.csv <<'EOF'
quote.csv:3: unterminated quoted field: the record starts on this line and runs to the end of the file (25 lines read as one record; close the quote)
EOF

# one line taken is "1 line", not "1 lines" (the quote opened on the last line)
{
    printf '%s\n' "$H"
    printf 'C1,P1,county,2024-03-01,1000,0\n'
    printf 'C2,P1,county,2024-03-02,"1000,0\n'
} >quote1.csv
messages "a quote left open on the last line: 1 line" quote1.csv <<'EOF'
quote1.csv:3: unterminated quoted field: the record starts on this line and runs to the end of the file (1 line read as one record; close the quote)
EOF
# --max-rejects 1: "stopped after 1 rejected row" (it said "1 rejected rows")
printf '%s\nC1,P1,nowhere,2024-03-01,1000,0\nC2,P1,county,2024-03-02,1000,0\n' "$H" >one.csv
"$POLC" run "$P" --claims one.csv --out out.csv -q --max-rejects 1 2>got
rc=$?
if [ $rc -eq 3 ] && [ "$(tail -n 1 got)" = "polc: one.csv: stopped after 1 rejected row (max 1); nothing was settled" ]; then
    pass "--max-rejects 1: stopped after 1 rejected row"
else
    fail "--max-rejects 1: exit $rc, said: $(cat got)"
fi
# a stray opening quote closed lines later: the record ran from line 3 to line 6 (where a
# quote closed and a cell went on after it), and the claims on lines 4 and 5 went into it
# unnamed. How many lines it took is said, and the rejects file holds them all.
{
    printf '%s\n' "$H"
    printf 'C1,P1,county,2024-03-01,1000,0\n'
    printf 'C2,P1,"county,2024-03-02,1000,0\n'
    printf 'C3,P1,county,2024-03-03,1000,0\n'
    printf 'C4,P1,county,2024-03-04,1000,0\n'
    printf 'C5,P1,county,2024-03-05,"1,000",0\n'
    printf 'C6,P1,county,2024-03-06,1000,0\n'
} >stray.csv
messages "a stray quote closed later says how many lines it took" stray.csv <<'EOF'
stray.csv:3: malformed quotes (a '"' inside a cell must be doubled and the cell quoted): 4 lines read as one record, this one and the 3 after it (a quoted cell ran over their line ends)
EOF
{
    printf '\357\273\277%s\n' "$H"
    sed -n '3,6p' stray.csv
} | rejects "the stray quote's record is in the rejects file whole" out.csv.rejects.csv

# a record of 17 MB inside a quoted cell (three lines), a bad row after it: line numbers
# go on right after it
{
    printf '%s\n' "$H"
    printf 'C1,P1,county,2024-03-01,1000,0\n'
    printf 'C2,P1,county,2024-03-02,"'
    head -c 17000000 /dev/zero | tr '\0' x
    printf '\n\nyy",0\n'
    printf 'C3,P1,county,2024-03-03,1000,0\n'
    printf 'C4,P1,nowhere,2024-03-04,1000,0\n'
} >long.csv
messages "a record over 16 MiB is one rejected row, and the run goes on" long.csv <<'EOF'
long.csv:3: record longer than 16 MiB (3 lines; a quote left open, or not a CSV file?): rejected whole
long.csv:7: 医院级别: unknown Level label 'nowhere' (expected 乡镇, 县区 or 市级)
EOF
{
    printf '\357\273\277%s\n' "$H" # a BOM, as every CSV for people (spec/DATA.md)
    sed -n '3,5p' long.csv
    printf 'C4,P1,nowhere,2024-03-04,1000,0\n'
} >want.rejects
if ! cmp -s want.rejects out.csv.rejects.csv; then
    fail "the long record is not copied whole to the rejects file ($(wc -c <out.csv.rejects.csv) bytes)"
elif [ "$(cut -d, -f1,5 out.csv | tr '\n' ' ')" != "$(printf '\357\273\277')claim_id,status C1,settled C3,settled " ]; then
    fail "the rows around the long record: $(cat out.csv)"
else
    pass "the long record is copied whole to the rejects file; the rows around it settle"
fi

# lines that end in CR alone (an old Mac file) were one header row: 0 claims, exit 0; with a
# quote in it, "header: malformed quotes". Said as what it is, exit 3.
{
    printf '%s\r' "$H"
    printf 'C1,P1,county,2024-03-01,"1,000",0\r'
} >cr.csv
messages "lines ending in CR only are said so" cr.csv <<'EOF'
cr.csv:1: header: its lines end in CR only, as an old Mac file's: save it with LF or CRLF line ends
EOF
# a header of 17 MB with no quote in it was "(unterminated quoted field?)"
head -c 17000000 /dev/zero | tr '\0' x >longh.csv
"$POLC" run "$P" --claims longh.csv --out out.csv -q 2>got
rc=$?
if [ $rc -eq 3 ] && [ "$(cat got)" = "longh.csv:1: header: record longer than 16 MiB (no line end in it: not a CSV file?)" ]; then
    pass "a header over 16 MiB without a quote says no line end, not a quote; bad data, exit 3"
else
    fail "a header over 16 MiB without a quote: exit $rc, said: $(cat got)"
fi
# polc ledger import said it with exit 4, a system failure: it is bad input data, exit 3, in
# the words of polc run (import's fatal errors start "polc: ")
"$POLC" ledger import "$P" --ledger imp.db longh.csv 2>got
rc=$?
if [ $rc -eq 3 ] && [ "$(cat got)" = "polc: longh.csv:1: header: record longer than 16 MiB (no line end in it: not a CSV file?)" ]; then
    pass "ledger import: a header over 16 MiB is bad data, exit 3, file:line, run's words"
else
    fail "ledger import: a header over 16 MiB: exit $rc, said: $(cat got)"
fi
# A row of the import over 16 MiB stopped the import with nothing imported, where polc run
# rejects such a row and goes on. Now import does as run: the row told in run's words,
# copied whole to the rejects file, the rows around it imported (a bad one after it rejected
# on its own line), exit 3. Here a quoted cell of 17 MB over three lines (3 to 5).
{
    echo 'person_id,year,own_paid'
    echo 'P1,2024,100'
    printf '"P2,2024,'
    head -c 17000000 /dev/zero | tr '\0' x
    printf '\n\nyy",0\n'
    echo 'P3,2024,300'
    echo 'P4,2024,nope'
} >longr.csv
IMPORT=1 messages "ledger import: a row over 16 MiB is one rejected row, told as polc run tells it" \
    longr.csv <<'EOF'
longr.csv:3: record longer than 16 MiB (3 lines; a quote left open, or not a CSV file?): rejected whole
longr.csv:7: own_paid: not an amount 'nope' (expected 1234.56 or 1,234.56)
polc: ledger import: 2 rows imported, 0 unchanged, 2 rejected (longr.csv.rejects.csv)
EOF
"$POLC" ledger export "$P" --ledger imp.db 2>&1 | sed 1d | cut -d, -f1-4 >got
if [ "$(cat got)" = "$(printf 'P1,annual,2024,100.00\nP3,annual,2024,300.00')" ]; then
    pass "ledger import: the rows around the long one are imported"
else
    fail "ledger import: the rows around the long one: $(cat got)"
fi
{
    printf '\357\273\277'
    sed -n '1p;3,5p;7p' longr.csv
} | rejects "ledger import: the long row is copied whole to the rejects file, with the bad one" \
    longr.csv.rejects.csv
# a bad last row without its line end: copied with one, of the header's kind (LF, CRLF), as
# polc run copies it (import left the rejects file ending in the middle of a line)
printf 'person_id,year,own_paid\nP7,2024,700\nP8,2024,bad' >lastlf.csv
printf 'person_id,year,own_paid\r\nP9,2024,bad' >lastcr.csv
for f in lastlf lastcr; do
    "$POLC" ledger import "$P" --ledger imp.db $f.csv 2>/dev/null
done
printf '\357\273\277person_id,year,own_paid\nP8,2024,bad\n' |
    rejects "ledger import: a bad last row without a line end gets one (LF)" lastlf.csv.rejects.csv
printf '\357\273\277person_id,year,own_paid\r\nP9,2024,bad\r\n' |
    rejects "ledger import: a bad last row without a line end gets one (CRLF)" lastcr.csv.rejects.csv
# a quote never closed: the record runs to the end of the file, one line without a line end
{
    echo 'person_id,year,own_paid'
    echo 'P5,2024,500'
    printf '"P6,2024,'
    head -c 17000000 /dev/zero | tr '\0' x
} >longe.csv
IMPORT=1 messages "ledger import: a quote left open to the end of the file: one rejected row" \
    longe.csv <<'EOF'
longe.csv:3: record longer than 16 MiB (1 line; a quote left open, or not a CSV file?): rejected whole
polc: ledger import: 1 row imported, 0 unchanged, 1 rejected (longe.csv.rejects.csv)
EOF

# A row with more than one bad cell is refused for the first bad field in the policy's
# order (the level, then the date, then the amount), though the decoder reads a row's dates
# and amounts before its enum labels (decode.c decode_planned): the ordered pass words it
{
    printf '%s\n' "$H"
    printf 'C1,P1,nowhere,2024-13-01,12x,0\n'
    printf 'C2,P1,county,2024-13-01,12x,0\n'
    printf 'C3,P1,county,2024-03-01,1000,-5\n'
} >several.csv
messages "several bad cells: the first field's reason" several.csv <<'EOF'
several.csv:2: 医院级别: unknown Level label 'nowhere' (expected 乡镇, 县区 or 市级)
several.csv:3: 出院日期: not a date '2024-13-01' (there is no month 13)
several.csv:4: 非合规费用: negative amount '-5' (amounts are >= 0)
EOF

# A date cell of a long run of digits: rt_date_problem multiplied the run up to its end, a
# signed overflow past 18 digits (UBSan stops `make asan` here); a run past 6 digits is no
# part of a date, so the message is the plain one
{
    printf '%s\n' "$H"
    printf 'C1,P1,county,99999999999999999999,1000,0\n'
    printf 'C2,P1,county,2024-03-01,1000,0\n'
} >longdate.csv
messages "a date cell of 20 digits: the plain message, no overflow" longdate.csv <<'EOF'
longdate.csv:2: 出院日期: not a date '99999999999999999999' (expected YYYY-MM-DD)
EOF
