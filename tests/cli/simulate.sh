#!/bin/sh
# polc simulate (spec/SIMULATE.md §2-3) on the hand-made data set of tests/sim and on a small
# generated population: exact totals, winners and losers, the own-payment distribution and its
# breakdowns against the working below; a reform that changes nothing changes nothing; a sweep
# point equals the same run with --set; -j 1 and -j 2 agree; the base's totals equal polc run's;
# input order, quoting, weights and bad rows; the usage errors (exit 2); report.html renders.
#
# tests/sim/sim.pol: basic = pos(total - deductible[level]) x 80% (deductible township 100,
# county 300, city 500); remainder = total - basic; patient_pays = min(remainder, cap - paid so
# far this year) with cap 3000; backstop = remainder - patient_pays. cap4000.pol: cap 4000.
# persons.csv: p1 poor; p2 dibao; p3 poor until 2017-06-30, then dibao.
#
#   claim          basic      remainder   base: pays / backstop    cap 4000: pays / backstop
#   c1 p1 county 10000   (10000-300)x.8 = 7760   2240   2240 / 0          2240 / 0
#   c2 p1 city   20000   (20000-500)x.8 = 15600  4400   760 / 3640        1760 / 2640
#                        (room 3000-2240 = 760; cap 4000: 4000-2240 = 1760)
#   c3 p2 township 1000  (1000-100)x.8 = 720     280    280 / 0           280 / 0
#   c4 p3 county 30000   (30000-300)x.8 = 23760  6240   3000 / 3240       4000 / 2240
#   c5 p3 township 500 (2018, a new year)  320   180    180 / 0           180 / 0
#   totals: basic 48160 both; patient_pays 6460 -> 8460 (+2000, +30.96%);
#           backstop 6880 -> 4880 (-2000, -29.07%)
# Per person (own payment, all claims): p1 3000 -> 4000 (+1000), p2 280 (0), p3 3180 -> 4180
# (+1000): band "100..1000" 2 persons (+2000), unchanged 1.
# Person-years (own payment; at cap = backstop paid on one of its claims):
#   base   p1/2017 3000 capped, p2/2017 280, p3/2017 3000 capped, p3/2018 180
#          sorted 180 280 3000 3000: mean 6460/4 = 1615, p50 (2nd) 280, p90 (4th) 3000,
#          p99 3000, max 3000, at cap 2/4 = 50%
#   reform p1 4000, p2 280, p3 4000, p3/2018 180: mean 8460/4 = 2115, p50 280, p90 4000
# By level (a person-year's own payment on its claims at that level):
#   township p2/2017 280, p3/2018 180: n 2, mean 230, p50 180, max 280, at cap 0
#   county p1 2240, p3 3000 capped: n 2, mean 2620; city p1 760 capped: n 1, at cap 100%
# By identity (first span): poor p1/2017 3000, p3/2017 3000, p3/2018 180: mean 2060, p50 3000;
#   dibao p2 280.
# Weighted (p1 2, p2 1, p3 0.5): patient_pays 2x3000 + 280 + 0.5x3180 = 7870.00, backstop
#   2x3640 + 0.5x3240 = 8900.00; person-years weigh 4.00; mean 7870/4 = 1967.50; p50: weights
#   in value order 0.5 (180), 1 (280), 2 (3000), 0.5 (3000): half of 4 is reached at 3000;
#   at cap (2 + 0.5)/4 = 62.5%.
set -u
POLC=${POLC:-build/polc}
S=tests/sim
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
pass() { echo "[PASS] simulate: $1"; }
fail() { echo "[FAIL] simulate: $1"; }
check() { if [ "$2" = "$3" ]; then pass "$1"; else fail "$1: got '$2', expected '$3'"; fi; }
has() { # has NAME FILE LINE: FILE holds LINE exactly
    if grep -qxF "$3" "$2"; then pass "$1"; else fail "$1: no line '$3' in $(basename "$2")"; fi
}

sim() { "$POLC" simulate --no-progress "$@"; }

# ---- the hand-made data set --------------------------------------------------------------
if sim --base $S/sim.pol --reform $S/cap4000.pol --claims $S/claims.csv --persons $S/persons.csv \
        --report "$d/r1" > "$d/out1" 2> "$d/err"; then
    pass "base vs cap4000 runs"
else
    fail "exit $?: $(cat "$d/err")"
    exit 1
fi
R=$d/r1

# --set warns of a slip as polc check does of the text: a rate over 100% (750% for 75%), on
# simulate and run alike; the run goes on (a warning)
sim --base $S/sim.pol --set "ratio=750%" --claims $S/claims.csv --persons $S/persons.csv \
    > /dev/null 2> "$d/set750.err"
rc=$?
check "--set ratio=750%: warned, exit 0" "$rc $(head -1 "$d/set750.err")" \
    "0 --set ratio=750%:2:30: warning: ratio is 750%, more than the whole; did you mean 75%?"
"$POLC" run $S/sim.pol --set "ratio=75%" --claims $S/claims.csv --persons $S/persons.csv \
    --out "$d/set75.csv" -q 2> "$d/set75.err"
check "--set ratio=75%: no warning" "$(cat "$d/set75.err")" ""

# a persons row whose span ends before it begins (p3's first, turned round) is refused as
# polc run refuses it: file:line naming both dates, the row in the persons rejects, exit 3
sed 's/^p3,0,poor,2016-01-01,2017-06-30$/p3,0,poor,2017-06-30,2016-01-01/' $S/persons.csv \
    > "$d/backspan.csv"
sim --base $S/sim.pol --claims $S/claims.csv --persons "$d/backspan.csv" \
    --rejects "$d/rejspan.csv" -q > /dev/null 2> "$d/backspan.err"
check "a span ending before it begins: exit 3" $? 3
check "a span ending before it begins: told" "$(head -1 "$d/backspan.err")" \
    "$d/backspan.csv:4: to 2016-01-01 is before from 2017-06-30 (a span ends on or after the day it begins)"
check "a span ending before it begins: the persons rejects" \
    "$(tail -n +2 "$d/rejspan.persons.csv")" "p3,0,poor,2017-06-30,2016-01-01"

# a reform titled "中文 (english)" too wide for a terminal table's column is headed by its
# Chinese part (cut in the middle it read "区内兜底线...y cap 4000)"); two that share it keep
# the middle cut, which tells them apart
ABS_SIM=$(pwd)/$S/sim.pol
for v in first second; do
    printf 'reform "封顶四千元 (the annual cap at 4000 yuan, the %s variant)" of "%s"\nparam cap from 2017-01-01: 4000 yuan\n' \
        "$v" "$ABS_SIM" > "$d/long_$v.pol"
done
sim --base $S/sim.pol --reform "$d/long_first.pol" --claims $S/claims.csv \
    --persons $S/persons.csv > "$d/outl" 2>&1
check "a long reform title: headed by its Chinese part" \
    "$(sed -n 's/^  output  *base  *\([^ ]*\)  *difference.*/\1/p' "$d/outl" | head -1)" "封顶四千元"
sim --base $S/sim.pol --reform "$d/long_first.pol" --reform "$d/long_second.pol" \
    --claims $S/claims.csv --persons $S/persons.csv > "$d/outl2" 2>&1
hdr=$(grep '^  output  *base' "$d/outl2" | head -1)
case "$hdr" in
*"封顶四千元...st variant)"*"封顶四千元...nd variant)"*) pass "two sharing it: cut in the middle, told apart" ;;
*) fail "two sharing it: cut in the middle, told apart: $hdr" ;;
esac
# every table starts with a UTF-8 byte order mark (Excel), then its header
for f in totals counts changes oop; do
    check "$f.csv: a BOM, then the header" "$(head -c 3 $R/$f.csv | od -An -tx1 | tr -d ' \n')" "efbbbf"
done
has "basic unchanged" $R/totals.csv "封顶4000,basic,48160.00,48160.00,0.00,0.000000,,"
has "patient_pays +2000 (+30.96%)" $R/totals.csv "封顶4000,patient_pays,8460.00,6460.00,2000.00,0.309598,,"
has "backstop -2000 (-29.07%)" $R/totals.csv "封顶4000,backstop,4880.00,6880.00,-2000.00,-0.290698,,"
has "base patient_pays 6460" $R/totals.csv "base,patient_pays,6460.00,6460.00,0.00,0.000000,,"
has "claims and persons changed" $R/counts.csv "封顶4000,5,0,2,0.400000,2,0.666667"
has "2 persons pay 100-1000 more" $R/changes.csv "封顶4000,100..1000,2,0.666667,2000.00"
has "1 person unchanged" $R/changes.csv "封顶4000,0,1,0.333333,0.00"
has "base distribution" $R/oop.csv ",all,base,4,1615.00,280.00,3000.00,3000.00,3000.00,0.500000"
has "reform distribution" $R/oop.csv ",all,封顶4000,4,2115.00,280.00,4000.00,4000.00,4000.00,0.500000"
has "by level: township" $R/oop.csv "level,township,base,2,230.00,180.00,280.00,280.00,280.00,0.000000"
has "by level: county" $R/oop.csv "level,county,base,2,2620.00,2240.00,3000.00,3000.00,3000.00,0.500000"
has "by level: city" $R/oop.csv "level,city,封顶4000,1,1760.00,1760.00,1760.00,1760.00,1760.00,1.000000"
has "by identity: poor" $R/oop.csv "identity,poor,base,3,2060.00,3000.00,3000.00,3000.00,3000.00,0.666667"
has "by identity: dibao" $R/oop.csv "identity,dibao,base,1,280.00,280.00,280.00,280.00,280.00,0.000000"
# a person-year's own payment over all its claims is the sum of its levels' (p1/2017: county
# 2240 + city 760 = 3000, capped as the city one); a policy with no claim dimension to sum
# keeps it whole: the same distributions of all and by identity (the policy and claims with
# `level` renamed `lvl`, which no breakdown reads)
sed 's/\blevel\b/lvl/g' $S/sim.pol > "$d/nolevel.pol"
sed '1s/,level,/,lvl,/' $S/claims.csv > "$d/nolevel.csv"
sim --base "$d/nolevel.pol" --claims "$d/nolevel.csv" --persons $S/persons.csv \
    --report "$d/nl" -q 2> "$d/err" || fail "no claim dimension: $(cat "$d/err")"
has "no claim dimension: the distribution" "$d/nl/oop.csv" \
    ",all,base,4,1615.00,280.00,3000.00,3000.00,3000.00,0.500000"
check "no claim dimension: by identity as with level" \
    "$(grep '^identity,.*,base,' "$d/nl/oop.csv")" "$(grep '^identity,.*,base,' $R/oop.csv)"
! grep -q '^level,' "$d/nl/oop.csv" && pass "no claim dimension: no level rows" ||
    fail "no claim dimension: level rows"
grep -q '^  patient_pays   6,460.00   8,460.00   +2,000.00  +30.96%$' "$d/out1" &&
    pass "terminal: aligned totals" || fail "terminal totals: $(grep patient_pays "$d/out1" | head -1)"
grep -q 'more by 100 to 1,000        2  66.67%     +2,000.00' "$d/out1" &&
    pass "terminal: winners and losers" || fail "terminal bands"

# two reforms in one pass: each as in a run of its own
sim --base $S/sim.pol --reform $S/cap4000.pol --reform $S/same.pol --set "cap=5000 yuan" \
    --claims $S/claims.csv --persons $S/persons.csv --report "$d/r2" -q 2> "$d/err" ||
    fail "two reforms and a --set: $(cat "$d/err")"
check "two reforms: the first as alone" "$(grep '^封顶4000,' "$d/r2/totals.csv")" \
    "$(grep '^封顶4000,' $R/totals.csv)"
# cap 5000: c2 pays min(4400, 5000-2240) = 2760, c4 min(6240, 5000) = 5000: +2000 +2000
has "and the --set scenario beside them" "$d/r2/totals.csv" "cap=5000 yuan,patient_pays,10460.00,6460.00,4000.00,0.619195,,"

# a reform that changes nothing: zero difference everywhere
sim --base $S/sim.pol --reform $S/same.pol --claims $S/claims.csv --persons $S/persons.csv \
    --report "$d/r0" -q 2> "$d/err" || fail "same.pol: $(cat "$d/err")"
check "no change: every difference 0" \
    "$(awk -F, 'NR > 1 && $5 != "0.00"' "$d/r0/totals.csv" | wc -l)" 0
has "no change: no claim or person changed" "$d/r0/counts.csv" "不变,5,0,0,0.000000,0,0.000000"
has "no change: everyone unchanged" "$d/r0/changes.csv" "不变,0,3,1.000000,0.00"
check "no change: distributions equal" \
    "$(grep ',base,' "$d/r0/oop.csv" | cut -d, -f1,2,4-)" "$(grep ',不变,' "$d/r0/oop.csv" | cut -d, -f1,2,4-)"

# an output of role info (the room left under the cap, cap - own paid so far) changes with the
# cap on every claim: room base → cap4000, c1 3000 → 4000, c2 760 → 1760, c3 3000 → 4000,
# c4 3000 → 4000, c5 (2018) 3000 → 4000. A change of it alone is none (spec/SIMULATE.md §2.5):
# the terminal, counts.csv and --changes count c2 and c4 (persons p1, p3) as without it
mkdir -p "$d/info"
sed 's/^output basic, patient_pays, backstop$/rule room: money = pos(cap - annual.own_paid)\
output basic payer, patient_pays patient, backstop payer, room info/' $S/sim.pol > "$d/info/sim.pol"
cp $S/cap4000.pol "$d/info/"
sim --base "$d/info/sim.pol" --reform "$d/info/cap4000.pol" --claims $S/claims.csv \
    --persons $S/persons.csv --report "$d/info/r" --changes "$d/info/c.csv" > "$d/info/out" \
    2> "$d/err" || fail "an info output: $(cat "$d/err")"
has "an info output: claims and persons changed as without it" "$d/info/r/counts.csv" \
    "封顶4000,5,0,2,0.400000,2,0.666667"
check "an info output: the terminal agrees" \
    "$(grep '^  封顶4000 ' "$d/info/out" | sed -n 2p | tr -s ' ')" " 封顶4000 5 0 2 40.00% 2 66.67%"
check "an info output: --changes lists c2 and c4, room beside them" \
    "$(tail -n +2 "$d/info/c.csv" | cut -d, -f1,4 | tr '\n' ' ')" \
    "c2,patient_pays c2,backstop c2,room c4,patient_pays c4,backstop c4,room "
# --changes - (and /dev/stdout): standard output carries the CSV only, the tables go to
# stderr (they were printed into the CSV's stream); without -q, as with it
for to in - /dev/stdout; do
    sim --base "$d/info/sim.pol" --reform "$d/info/cap4000.pol" --claims $S/claims.csv \
        --persons $S/persons.csv --changes "$to" > "$d/info/c2.csv" 2> "$d/info/out2" ||
        fail "--changes $to: $(cat "$d/info/out2")"
    check "--changes $to: standard output is the changes file alone" \
        "$(sed '1s/^\xef\xbb\xbf//' "$d/info/c2.csv" | md5sum)" "$(sed '1s/^\xef\xbb\xbf//' "$d/info/c.csv" | md5sum)"
    check "--changes $to: the tables on stderr" \
        "$(grep '^  封顶4000 ' "$d/info/out2" | sed -n 2p | tr -s ' ')" " 封顶4000 5 0 2 40.00% 2 66.67%"
done

sim --base policies/anhui/panji-2017.pol --sweep 'backstop_cap[city]=5000..8000:1000' \
    --claims examples/claims.csv --persons examples/persons.csv >"$d/sweep.txt" 2>&1
# a sweep's tables name each point by its full value (the parameter is in the title): the
# sweep table and the own-payment table, 4 points each, none cut
check "sweep: every point by its full value, in both tables" \
    "$(grep -cE '^  (5000|6000|7000|8000) yuan ' "$d/sweep.txt")/$(grep -c '\.\.\.' "$d/sweep.txt")" \
    "8/0"

# a sweep point is the same run as --set (a scalar and a table member)
sim --base $S/sim.pol --sweep "cap=3000..5000:1000" --claims $S/claims.csv \
    --persons $S/persons.csv --report "$d/sw" -q 2> "$d/err" || fail "sweep: $(cat "$d/err")"
sim --base $S/sim.pol --set "cap=4000 yuan" --claims $S/claims.csv --persons $S/persons.csv \
    --report "$d/set" -q 2> "$d/err" || fail "--set: $(cat "$d/err")"
has "sweep: the 4000 point" "$d/sw/sweep.csv" "4000 yuan,4000,yuan,48160.00,8460.00,4880.00,2115.00,0.500000"
# sweep.csv's numbers are plain (SIMULATE.md §3.2): the point's name (totals.csv's scenario)
# apart from its value and unit; the base row has none (it was "base" and "3000 yuan" in the
# value's column)
check "sweep.csv: its header and base row" "$(sed -n '1s/^\xef\xbb\xbf//; 1,2p' "$d/sw/sweep.csv" | cut -d, -f1-3 | tr '\n' ' ')" \
    "scenario,cap,unit base,, "
check "sweep point = --set cap=4000 yuan" \
    "$(grep '^cap=4000 yuan,' "$d/set/totals.csv" | cut -d, -f2,3 | tr '\n' ' ')" \
    "$(grep '^cap=4000 yuan,' "$d/sw/totals.csv" | cut -d, -f2,3 | tr '\n' ' ')"
sim --base $S/sim.pol --sweep "deductible[county]=300..500:100 yuan" --claims $S/claims.csv \
    --persons $S/persons.csv --report "$d/sw2" -q 2> "$d/err" || fail "table sweep: $(cat "$d/err")"
sim --base $S/sim.pol --set "deductible[county]=400 yuan" --claims $S/claims.csv \
    --persons $S/persons.csv --report "$d/set2" -q 2> "$d/err" || fail "table --set: $(cat "$d/err")"
# c1: (10000-400)x.8 = 7680, c4: (30000-400)x.8 = 23680: basic 48160 - 80 - 80 = 48000
has "table sweep point: basic 48000" "$d/sw2/totals.csv" "deductible[county]=400 yuan,basic,48000.00,48160.00,-160.00,-0.003322,,"
check "table sweep point = --set deductible[county]=400 yuan" \
    "$(grep '^deductible\[county\]=400 yuan,' "$d/set2/totals.csv" | cut -d, -f2,3 | tr '\n' ' ')" \
    "$(grep '^deductible\[county\]=400 yuan,' "$d/sw2/totals.csv" | cut -d, -f2,3 | tr '\n' ' ')"

# weights
awk -F, 'BEGIN { w["p1"] = "2"; w["p2"] = "1"; w["p3"] = "0.5" }
         NR == 1 { print $0 ",w"; next } { print $0 "," w[$1] }' $S/persons.csv > "$d/wpersons.csv"
sim --base $S/sim.pol --claims $S/claims.csv --persons "$d/wpersons.csv" --weight w \
    --report "$d/rw" -q 2> "$d/err" || fail "--weight: $(cat "$d/err")"
has "weighted patient_pays 7870" "$d/rw/totals.csv" "base,patient_pays,7870.00,7870.00,0.00,0.000000,,"
has "weighted backstop 8900" "$d/rw/totals.csv" "base,backstop,8900.00,8900.00,0.00,0.000000,,"
has "weighted distribution" "$d/rw/oop.csv" ",all,base,4.00,1967.50,3000.00,3000.00,3000.00,3000.00,0.625000"

# ---- a generated population under the seed policy -----------------------------------------
P=policies/anhui/panji-2017.pol
REF=policies/anhui/reforms/county-cap-4000.pol
if [ -f $P ] && [ -f $REF ] &&
    "$POLC" gen --no-progress --persons 3000 --seed 5 --years 2017,2018 --out "$d/g" 2> "$d/err"
then
    G=$d/g
    # -j 2 and -j 3 also compile the base and the reform at once (engine_start_all), -j 1
    # one after the other
    for j in 1 2 3; do
        sim --base $P --reform $REF --claims $G/claims.csv --persons $G/persons.csv -j $j \
            --report "$d/j$j" > "$d/outj$j" 2> "$d/errj$j" || fail "-j $j: $(cat "$d/errj$j")"
    done
    for j in 2 3; do
        same=1
        for f in totals counts changes oop failures; do
            cmp -s "$d/j1/$f.csv" "$d/j$j/$f.csv" ||
                { same=0; fail "-j 1 and -j $j: $f.csv differs"; }
        done
        [ $same = 1 ] && pass "-j 1 and -j $j write the same CSV files"
        check "-j 1 and -j $j print the same tables" \
            "$(sed '1d; /^report:/d' "$d/outj1" | md5sum)" \
            "$(sed '1d; /^report:/d' "$d/outj$j" | md5sum)"
    done

    ! grep -q '^kind,' "$d/j2/oop.csv" && pass "--by default: level only" ||
        fail "--by default: kind rows"
    sim --base $P --claims $G/claims.csv --persons $G/persons.csv --by kind --by level \
        --report "$d/by" -q 2> "$d/err" || fail "--by kind --by level: $(cat "$d/err")"
    grep -q '^kind,chronic_outpatient,base,' "$d/by/oop.csv" && grep -q '^level,county,base,' "$d/by/oop.csv" &&
        pass "--by kind --by level: both breakdowns" || fail "--by kind --by level: $(cut -d, -f1,2 "$d/by/oop.csv" | sort -u | tr '\n' ' ')"

    # the base's totals are polc run's
    "$POLC" run $P --claims $G/claims.csv --persons $G/persons.csv --out "$d/run.csv" \
        --labels names -q \
        2> "$d/err"
    rc=$? # 3: some generated claims are dated before the policy's start and fail
    [ $rc -eq 0 ] || [ $rc -eq 3 ] || fail "polc run: $(cat "$d/err")"
    for out in basic critical_illness assistance backstop supplement patient_pays; do
        want=$(awk -F, -v col=$out 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i; next }
                { s += $c * 100 } END { printf "%.2f\n", s / 100 }' "$d/run.csv")
        got=$(grep "^base,$out," "$d/j2/totals.csv" | cut -d, -f3)
        check "base $out = polc run's ($want)" "$got" "$want"
    done

    # the same claims in other orders, and as a spreadsheet may save them: the same report
    { head -1 $G/claims.csv; tail -n +2 $G/claims.csv | sort -t, -k5,5 -s; } > "$d/bydate.csv"
    { head -1 $G/claims.csv; tail -n +2 $G/claims.csv | sort -t, -k2,2 -k5,5r -s; } > "$d/reversed.csv"
    { printf '\357\273\277'; head -3 $G/claims.csv; echo; tail -n +4 $G/claims.csv; } |
        sed 's/$/\r/' > "$d/crlf.csv"
    for v in bydate crlf; do
        sim --base $P --reform $REF --claims "$d/$v.csv" --persons $G/persons.csv -j 2 \
            --report "$d/o_$v" > "$d/out_$v" 2> "$d/err" || fail "$v: $(cat "$d/err")"
        check "$v claims: same totals" "$(md5sum < "$d/o_$v/totals.csv")" "$(md5sum < "$d/j2/totals.csv")"
        check "$v claims: same distribution" "$(md5sum < "$d/o_$v/oop.csv")" "$(md5sum < "$d/j2/oop.csv")"
    done
    grep -q "(streamed)" "$d/out_bydate" && pass "claims by date: streamed in one pass" ||
        fail "claims by date: $(head -1 "$d/out_bydate")"
    # standard input: the same report as the file
    sim --base $P --reform $REF --claims - --persons $G/persons.csv -j 2 --report "$d/o_stdin" \
        < $G/claims.csv > /dev/null 2> "$d/err" || fail "stdin: $(cat "$d/err")"
    check "claims from standard input: same totals" "$(md5sum < "$d/o_stdin/totals.csv")" \
        "$(md5sum < "$d/j2/totals.csv")"
    # each person's claims newest first: only a person's first claim read settles, every other
    # is dated before it and rejected as such (never settled against the future), exit 3
    sim --base $P --reform $REF --claims "$d/reversed.csv" --persons $G/persons.csv -j 2 \
        --rejects "$d/rej_rev.csv" --report "$d/o_reversed" > "$d/out_reversed" 2> "$d/err"
    check "reversed claims: exit 3" $? 3
    nlate=$(grep -c "a person's claims must come in date order" "$d/err")
    check "reversed claims: each rejection is a late claim" \
        "$(grep -c "reversed.csv:" "$d/err")" "$(grep -c "reversed.csv:.*date order" "$d/err")"
    [ "$nlate" -gt 0 ] && pass "reversed claims: late claims told ($nlate)" ||
        fail "reversed claims: none told late: $(head -3 "$d/err")"

    # a bad row: told, copied to the rejects file, settled nowhere, exit 3
    { cat $G/claims.csv; echo "BAD-1,P0000001,住院,2017-05-01,2017-05-03,county,二级,lots,0,0,1,0,0,,0,0,0,1,1,0,0,0,0,0"; } > "$d/bad.csv"
    sim --base $P --reform $REF --claims "$d/bad.csv" --persons $G/persons.csv \
        --rejects "$d/rej.csv" --report "$d/o_bad" > /dev/null 2> "$d/err"
    check "a bad row: exit 3" $? 3
    line=$(wc -l < "$d/bad.csv")
    grep -q "bad.csv:$line: total: not an amount 'lots'" "$d/err" && pass "a bad row is told" ||
        fail "a bad row: $(cat "$d/err")"
    check "the rejects file: a BOM, the header and the row" \
        "$(cut -d, -f1 "$d/rej.csv" | tr '\n' ' ')" "$(printf '\357\273\277')claim_id BAD-1 "
    check "a bad row changes no total" "$(md5sum < "$d/o_bad/totals.csv")" "$(md5sum < "$d/j2/totals.csv")"
    # the rejects file is written through the one writer polc run uses: a FIFO (or a device)
    # named by --rejects is written in place, never replaced by a regular file
    mkfifo "$d/fifo"
    cat "$d/fifo" > "$d/fifo.out" &
    reader=$!
    sim --base $P --claims "$d/bad.csv" --persons $G/persons.csv --rejects "$d/fifo" -q \
        > /dev/null 2> "$d/err"
    check "rejects into a FIFO: exit 3" $? 3
    wait $reader
    [ -p "$d/fifo" ] && pass "rejects into a FIFO: still a FIFO" || fail "rejects: the FIFO was replaced"
    check "rejects into a FIFO: the row went through it" "$(cut -d, -f1 "$d/fifo.out" | tr '\n' ' ')" \
        "$(printf '\357\273\277')claim_id BAD-1 "
    # a missing optional column is an error in simulate as in run (spec/DATA.md): a misspelt
    # header must not read as "absent" on every row
    cut -d, -f1-13,15- $G/claims.csv > "$d/noref.csv"
    head -1 "$d/noref.csv" | grep -q referral_filed && fail "noref.csv still has referral_filed"
    sim --base $P --claims "$d/noref.csv" --persons $G/persons.csv -q > /dev/null 2> "$d/err"
    check "a missing optional column: exit 3" $? 3
    check "a missing optional column: the message" "$(cat "$d/err")" \
        "$d/noref.csv:1: missing column 'referral_filed' (补办转诊日期, required by the policy)"
    "$POLC" run $P --claims "$d/noref.csv" --persons $G/persons.csv --out "$d/noref.out" -q 2> "$d/err2"
    check "a missing optional column: polc run says the same" "$(cat "$d/err2")" "$(cat "$d/err")"
    # nothing settled, nothing written: an earlier report, workbook and --changes file stay
    # (they were written over with 0-claim ones)
    sim --base $S/sim.pol --reform $S/cap4000.pol --claims $S/claims.csv --persons $S/persons.csv \
        --report "$d/keep" --xlsx "$d/keep.xlsx" --changes "$d/keep.csv" -q 2>/dev/null
    (cd "$d" && md5sum keep/* keep.xlsx keep.csv) > "$d/keep.md5"
    cut -d, -f1,2,4- $S/claims.csv > "$d/nolevel.csv"
    cut -d, -f1,2,4- $S/persons.csv > "$d/noident.csv"
    for f in claims persons; do
        [ $f = claims ] && set -- --claims "$d/nolevel.csv" --persons $S/persons.csv ||
            set -- --claims $S/claims.csv --persons "$d/noident.csv"
        sim --base $S/sim.pol --reform $S/cap4000.pol "$@" --report "$d/keep" \
            --xlsx "$d/keep.xlsx" --changes "$d/keep.csv" > "$d/out" 2>/dev/null
        check "a $f header lacking a column: exit 3" $? 3
        (cd "$d" && md5sum -c --quiet keep.md5) >/dev/null 2>&1 && [ ! -s "$d/out" ] &&
            pass "a $f header lacking a column: nothing printed, the earlier report, workbook, changes kept" ||
            fail "a $f header lacking a column: earlier outputs written over: $(cd "$d" && md5sum -c keep.md5 2>&1 | grep -v OK)"
    done
    # a NUL byte is no text: the row is rejected, as polc run rejects it
    { cat $G/claims.csv; printf 'NUL-1,P0000001,inpatient,2017-05-01,2017-05-03,county,grade2,100\000,0,0,1,0,0,,0,0,0,1,1,0,0,0,0,0\n'; } > "$d/nul.csv"
    sim --base $P --claims "$d/nul.csv" --persons $G/persons.csv --rejects "$d/rejn.csv" -q \
        2> "$d/err"
    check "a NUL byte: exit 3" $? 3
    grep -q "nul.csv:$(wc -l < "$d/nul.csv"): NUL byte" "$d/err" && pass "a NUL byte: said so" ||
        fail "a NUL byte: $(cat "$d/err")"
    sim --base $P --claims $G/claims.csv --persons $G/persons.csv --rejects "$d/rej.csv" -q \
        2> "$d/err" || fail "clean run: $(cat "$d/err")"
    [ ! -e "$d/rej.csv" ] && pass "a clean run removes the stale --rejects file" ||
        fail "a clean run left the stale rejects file"

    # the seed policy's sweep is its --set (a table member)
    sim --base $P --sweep "backstop_cap[county]=3000..5000:1000" --claims $G/claims.csv \
        --persons $G/persons.csv -j 2 --report "$d/psw" -q 2> "$d/err" || fail "panji sweep: $(cat "$d/err")"
    sim --base $P --set "backstop_cap[county]=5000 yuan" --claims $G/claims.csv \
        --persons $G/persons.csv -j 2 --report "$d/pset" -q 2> "$d/err" || fail "panji --set: $(cat "$d/err")"
    check "panji: sweep point 5000 = --set backstop_cap[county]=5000 yuan" \
        "$(grep '^backstop_cap\[county\]=5000 yuan,' "$d/pset/totals.csv" | cut -d, -f2,3 | md5sum)" \
        "$(grep '^backstop_cap\[county\]=5000 yuan,' "$d/psw/totals.csv" | cut -d, -f2,3 | md5sum)"
else
    fail "no seed policy or gen failed: $(cat "$d/err")"
fi

# ---- usage errors: exit 2 and a message that says what is wrong ---------------------------
usage() { # usage "MESSAGE" ARGS...: exit 2 and MESSAGE on stderr
    msg=$1
    shift
    "$POLC" simulate --no-progress "$@" > /dev/null 2> "$d/err"
    rc=$?
    if [ $rc = 2 ] && grep -qF -- "$msg" "$d/err"; then pass "exit 2: $msg"
    else fail "$msg: exit $rc, $(head -3 "$d/err")"; fi
}
C="--claims $S/claims.csv --persons $S/persons.csv"
usage "the policy has no param 'nosuch'" --base $S/sim.pol --set "nosuch=1 yuan" $C
usage "expected a money value" --base $S/sim.pol --set "cap=lots" $C
usage "is not a calendar date" --base $S/sim.pol --set "cap=4000 yuan@2017-13-01" $C
printf 'reform "bad" of "sim.pol"\nparam nosuch from 2017-01-01: 1 yuan\n' > $S/.bad_target.pol
usage "has no param 'nosuch' to change" --base $S/sim.pol --reform $S/.bad_target.pol $C
rm -f $S/.bad_target.pol
if [ -f $REF ]; then
    usage "changes policies/anhui/reforms/../panji-2017.pol, not the --base policy tests/sim/sim.pol" \
        --base $S/sim.pol --reform $REF $C
fi
usage "is a policy, not a reform" --base $S/sim.pol --reform $S/sim.pol $C
# a reform copied away from its base ('of "../panji-2017.pol"' names no file from there): the
# compile says so, not "a policy, not a reform" (it was, newuser8)
if [ -f $REF ]; then
    mkdir -p "$d/away" && cp $REF "$d/away/r.pol"
    usage "$d/away/r.pol:4:45: error: cannot open $d/away/../panji-2017.pol: No such file" \
        --base $P --reform "$d/away/r.pol" $C
    check "a reform whose base is not there: not called a policy" \
        "$(grep -c 'is a policy, not a reform' "$d/err")" 0
fi
usage "--sweep: the policy has no param 'nosuch'" --base $S/sim.pol --sweep "nosuch=1..2:1" $C
usage "is a table over Level" --base $S/sim.pol --sweep "deductible=1..2:1" $C
usage "--sweep runs the base alone" --base $S/sim.pol --sweep "cap=1..2:1" --set "cap=1 yuan" $C
usage "--sweep needs NAME=FROM..TO:STEP" --base $S/sim.pol --sweep "cap=5..1:1" $C
usage "no money output 'nosuch'" --base $S/sim.pol --oop nosuch $C
usage "--by tier: the policy has no claim field of that name" --base $S/sim.pol --by tier $C
usage "no column 'w' (the --weight column)" --base $S/sim.pol --weight w $C
# ... and that line alone (an empty "polc: " line followed it)
check "no --weight column: one line" "$(cat "$d/err")" "$S/persons.csv:1: no column 'w' (the --weight column)"
# (followed by a line "polc: " of nothing: the pipeline had told it already)
check "no column 'w': no empty message after it" "$(grep -c '^polc: *$' "$d/err")" 0
usage "--claims FILE is required" --base $S/sim.pol
usage "cannot open" --base $S/sim.pol --claims "$d/none.csv" --persons $S/persons.csv
# two outputs naming one file, or an output an input (rt_outputs_apart, as polc run's):
# --changes (or --xlsx) of the name the report's band table has was overwritten by it, and
# nothing is written when refused (a new-user pass)
CR="--base $S/sim.pol --reform $S/cap4000.pol $C"
usage "--changes $d/rep/changes.csv is a file of the report (--report): writing it would replace that file; name another" \
    $CR --report "$d/rep" --changes "$d/rep/changes.csv"
if [ -e "$d/rep" ]; then fail "a refused simulate wrote its report"
else pass "a refused simulate wrote nothing"; fi
mkdir "$d/rep"
usage "--xlsx $d/rep/./changes.csv is a file of the report (--report)" \
    $CR --report "$d/rep" --xlsx "$d/rep/./changes.csv"
usage "--changes $d/w.xlsx is the workbook (--xlsx): writing it would replace that file" \
    $CR --changes "$d/w.xlsx" --xlsx "$d/w.xlsx"
# on a copy: were the check to fail, the claims file itself would be overwritten
cp $S/claims.csv "$d/in.csv"
usage "--changes $d/in.csv is the claims file (--claims)" --base $S/sim.pol --claims "$d/in.csv" \
    --persons $S/persons.csv --changes "$d/in.csv"
cp $S/claims.csv "$d/rep/totals.csv"
usage "--report $d/rep/totals.csv is the claims file (--claims)" --base $S/sim.pol \
    --claims "$d/rep/totals.csv" --persons $S/persons.csv --report "$d/rep"
rm -r "$d/rep"

# ---- report.html: self-contained, and it renders -------------------------------------------
H=$R/report.html
# the change by payer, the cost by payer, winners and losers, own payment
check "report.html: four charts" "$(grep -o '<svg' $H | wc -l)" 4
check "report.html: nothing fetched" "$(grep -Eo '(src|href)=|@import|url\(' $H | wc -l)" 0
# headless Chromium: installed here when missing and we are root (Debian's package)

# --report naming a file that is no directory: refused before the claims are read (no tables
# printed first, no simulation run for nothing), exit 2 as spec/SIMULATE.md's usage errors
: > "$d/afile"
sim --base $S/sim.pol --claims $S/claims.csv --persons $S/persons.csv --report "$d/afile" \
    > "$d/rf.out" 2> "$d/rf.err"
check "--report a file: exit 2, refused first" "$? $(head -1 "$d/rf.err") $(wc -c < "$d/rf.out")" \
    "2 polc: simulate: --report $d/afile is not a directory 0"
# a --reform file that does not exist: its open error alone, not also "cannot be applied"
sim --base $S/sim.pol --reform "$d/none.pol" --claims $S/claims.csv -q 2> "$d/rn.err"
check "a missing --reform: one message, exit 2" "$? $(cat "$d/rn.err")" \
    "2 polc: error: cannot open $d/none.pol: No such file or directory"

if ! command -v chromium > /dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-wqy-zenhei \
        > "$d/apt.log" 2>&1 || true
fi
if command -v chromium > /dev/null 2>&1; then
    for r in "$R" "$d/sw"; do
        png=$d/$(basename "$r").png
        chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
            --disable-component-update --disable-sync --no-first-run \
            --user-data-dir="$(mktemp -d "$d/chr.XXXXXX")" --screenshot="$png" \
            --window-size=1200,1600 "file://$(cd "$r" && pwd)/report.html" > "$d/chr.log" 2>&1
        size=$(wc -c < "$png" 2> /dev/null || echo 0)
        if [ "$size" -gt 30000 ] && [ "$(head -c 8 "$png" | od -An -c | tr -d ' ')" = '211PNG\r\n032\n' ]
        then pass "report.html renders ($(basename "$r"): $size-byte screenshot)"
        else fail "report.html screenshot of $(basename "$r"): $size bytes; $(tail -2 "$d/chr.log")"; fi
        [ -n "${POLC_KEEP_SHOTS:-}" ] && cp "$png" "$POLC_KEEP_SHOTS/"
    done
else
    pass "report.html render skipped: no chromium (not root, cannot install it)"
fi
exit 0
