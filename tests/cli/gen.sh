#!/bin/sh
# polc gen (spec/SIMULATE.md §1): the same seed gives the same bytes and another seed other
# bytes; the files have exactly the shared columns of spec/DATA.md; every person is there,
# claims are sorted by person then date and name known persons; polc run reads every row
# (nothing rejected); --policy dates the claims inside a policy's validity, and without it the
# bytes are unchanged; the options and their errors; nothing is left under a temporary name.
set -u
POLC=${POLC:-build/polc}
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
pass() { echo "[PASS] gen: $1"; }
fail() { echo "[FAIL] gen: $1"; }
check() { if [ "$2" = "$3" ]; then pass "$1"; else fail "$1: got '$2', expected '$3'"; fi; }

gen() { "$POLC" gen --no-progress "$@" 2> "$d/err"; }

if gen --persons 3000 --seed 42 --out "$d/a" && gen --persons 3000 --seed 42 --out "$d/b" &&
    gen --persons 3000 --seed 43 --out "$d/c"; then
    pass "three populations written"
else
    fail "gen exited $?: $(cat "$d/err")"
    exit 1
fi

# determinism
if cmp -s "$d/a/persons.csv" "$d/b/persons.csv" && cmp -s "$d/a/claims.csv" "$d/b/claims.csv"
then pass "same seed, same bytes"; else fail "same seed gave different files"; fi
if ! cmp -s "$d/a/claims.csv" "$d/c/claims.csv" && ! cmp -s "$d/a/persons.csv" "$d/c/persons.csv"
then pass "another seed, other bytes"; else fail "seeds 42 and 43 gave the same files"; fi

# the columns of spec/DATA.md, exactly
check "persons.csv header" "$(head -1 "$d/a/persons.csv")" \
    "person_id,chronic,refused_enrolment,enrolled,years_uninsured,identity,from,to,by_illness"
check "claims.csv header" "$(head -1 "$d/a/claims.csv")" \
    "claim_id,person_id,kind,admitted,discharged,level,tier,total,noncompliant,consented,designated,referred,emergency,referral_filed,refused,special_chronic,listed_disease,in_city,ma_designated,primary_referral,registered,dialysis,whitelist,selfpay"

# row counts: 3000 persons (one row per identity span, 85% one span, 15% two), and claims
persons=$(tail -n +2 "$d/a/persons.csv" | cut -d, -f1 | sort -u | wc -l)
check "3000 distinct persons" "$persons" 3000
rows=$(($(wc -l < "$d/a/persons.csv") - 1))
if [ "$rows" -ge 3300 ] && [ "$rows" -le 3600 ]; then pass "$rows span rows (15% two spans)"
else fail "$rows span rows for 3000 persons, expected about 3450"; fi
claims=$(($(wc -l < "$d/a/claims.csv") - 1))
if [ "$claims" -ge 8000 ] && [ "$claims" -le 13000 ]; then pass "$claims claims (about 3.5 a person)"
else fail "$claims claims for 3000 persons, expected about 10500"; fi
zero=$(tail -n +2 "$d/a/claims.csv" | cut -d, -f2 | sort -u | wc -l)
zero=$((3000 - zero))
if [ "$zero" -ge 1200 ] && [ "$zero" -le 1800 ]; then pass "$zero persons without a claim (about half)"
else fail "$zero persons without a claim, expected about 1500"; fi

# sorted by person, then discharge date; claim ids unique; persons known
if tail -n +2 "$d/a/claims.csv" | awk -F, '
    $2 < lp || ($2 == lp && $5 < ld) { print "line " NR+1 " out of order"; bad = 1; exit }
    { lp = $2; ld = $5 } END { exit bad }'; then pass "claims sorted by person then date"
else fail "claims not sorted"; fi
dups=$(tail -n +2 "$d/a/claims.csv" | cut -d, -f1 | sort | uniq -d | wc -l)
check "claim ids unique" "$dups" 0
unknown=$(tail -n +2 "$d/a/claims.csv" | cut -d, -f2 | sort -u |
    comm -23 - "$(tail -n +2 "$d/a/persons.csv" | cut -d, -f1 | sort -u > "$d/p"; echo "$d/p")" | wc -l)
check "every claim's person is in persons.csv" "$unknown" 0

# as a spreadsheet exports it: labels and names, 1/0 and 是/否, a quoted grouped amount
grep -q '住院' "$d/a/claims.csv" && grep -q ',inpatient,' "$d/a/claims.csv" &&
    grep -q '县区' "$d/a/claims.csv" && grep -q ',county,' "$d/a/claims.csv" &&
    grep -q '是' "$d/a/claims.csv" && grep -q '"[0-9]*,[0-9]' "$d/a/claims.csv" &&
    pass "labels, names, 是/否 and quoted amounts mixed" ||
    fail "the cells are not mixed as a spreadsheet would have them"
if tail -n +2 "$d/a/claims.csv" | grep -v '"' | awk -F, '$3 ~ /门诊|outpatient/ && $4 != $5 { bad = 1 }
    { if (substr($4, 1, 4) != substr($5, 1, 4)) bad = 1 } END { exit bad }'
then pass "visits on one day, stays within a year"; else fail "bad admission dates"; fi
years=$(tail -n +2 "$d/a/claims.csv" | cut -d, -f5 | cut -c1-4 | sort -u | tr '\n' ' ')
check "claims in the shipped calendar years" "$years" "2017 2018 2025 2026 "

# polc run reads every row of it (the seed policy, its checks included)
if [ -f policies/anhui/panji-2017.pol ]; then
    "$POLC" run policies/anhui/panji-2017.pol --claims "$d/a/claims.csv" \
        --persons "$d/a/persons.csv" --out "$d/r.csv" -q 2> "$d/err"
    rc=$?
    # generated claims dated before the policy's start fail (exit 3), but no row is rejected
    case $rc in 0 | 3) rc=ok ;; esac
    check "polc run settles or fails each generated row (exit 0 or 3)" "$rc" ok
    [ ! -e "$d/r.csv.rejects.csv" ] && pass "polc run rejects no generated row" ||
        fail "polc run rejected generated rows: $(head -n 3 "$d/err")"
fi

# --policy: the claims' dates inside the policy's validity, so a first run on them settles
# every claim (without it, Panji fails those before 2017-04-07 and exits 3); persons the same
if [ -f policies/anhui/panji-2017.pol ]; then
    gen --persons 3000 --seed 42 --policy policies/anhui/panji-2017.pol --out "$d/pol" ||
        fail "--policy: $(cat "$d/err")"
    check "--policy: the same persons" "$(md5sum < "$d/pol/persons.csv")" "$(md5sum < "$d/a/persons.csv")"
    early=$(tail -n +2 "$d/pol/claims.csv" | awk -F, '$4 < "2017-04-07" || $5 < "2017-04-07"' | wc -l)
    check "--policy: no claim admitted or discharged before 2017-04-07" "$early" 0
    "$POLC" run policies/anhui/panji-2017.pol --claims "$d/pol/claims.csv" \
        --persons "$d/pol/persons.csv" --out "$d/rp.csv" 2> "$d/err"
    check "--policy: polc run settles every generated claim (exit 0)" "$?" 0
    n=$(($(wc -l < "$d/pol/claims.csv") - 1))
    grep -q "claims.csv: $(echo "$n" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta') claims: $(echo "$n" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta') settled, 0 already settled, 0 failed" "$d/err" &&
        pass "--policy: all $n claims settled" || fail "--policy: $(grep claims: "$d/err")"
    # nor one admitted within 30 days of the shipped calendar's end (2026-12-31): Panji's
    # referral deadline counts 5 working days from admission (seed 1, 30,000 persons had one
    # admitted 2026-12-25 that failed "working day outside the shipped calendar years")
    late=$(tail -n +2 "$d/pol/claims.csv" | awk -F, '$4 > "2026-12-01"' | wc -l)
    check "--policy: no claim admitted in the calendar's last 30 days" "$late" 0
    # a built engine gives the same validity, so the same bytes
    "$POLC" build policies/anhui/panji-2017.pol -o "$d/panji.so" 2> "$d/err" &&
        gen --persons 3000 --seed 42 --policy "$d/panji.so" --out "$d/q" &&
        cmp -s "$d/pol/claims.csv" "$d/q/claims.csv" && pass "--policy ENGINE.so: the same claims" ||
        fail "--policy ENGINE.so: $(cat "$d/err")"
    # no year of the list in the validity (medical-assistance-2025 starts in 2025)
    "$POLC" gen --persons 10 --seed 1 --years 2017 --out "$d/e" \
        --policy policies/anhui/medical-assistance-2025.pol > /dev/null 2> "$d/err"
    check "--policy, no year in the validity: exit 2" "$?" 2
    check "--policy, no year in the validity: message" "$(cat "$d/err")" \
        "polc: --policy: no claim year falls in the policy's validity (from 2025-09-08): give --years"
    [ ! -e "$d/e" ] && pass "--policy, no year in the validity: nothing written" ||
        fail "--policy, no year in the validity: $d/e was created"
fi
# without --policy the bytes are as they were before it (bench/README.md's figures and the
# tests' fixed-seed populations rest on them): persons.csv then claims.csv of 200 persons,
# seed 1, as polc gen wrote them before --policy existed
check "the default population's bytes unchanged" \
    "$(gen --persons 200 --seed 1 --out "$d/f" && cat "$d/f/persons.csv" "$d/f/claims.csv" | md5sum)" \
    "7e8a79b85e50cf46e08f34975b8e6078  -"

# options
gen --persons 500 --seed 1 --years 2017,2018 --out "$d/y" &&
    check "--years 2017,2018" "$(tail -n +2 "$d/y/claims.csv" | cut -d, -f5 | cut -c1-4 | sort -u | tr '\n' ' ')" "2017 2018 " ||
    fail "--years: $(cat "$d/err")"
gen --persons 500 --seed 1 --weights --out "$d/w" &&
    check "--weights adds a weight column" "$(head -1 "$d/w/persons.csv" | awk -F, '{print $NF}')" weight ||
    fail "--weights: $(cat "$d/err")"
gen --persons 500 --seed 1 --out "$d/s1" && gen --persons 500 --seed 1 --claim-scale 3 --out "$d/s3" && {
    n1=$(wc -l < "$d/s1/claims.csv"); n3=$(wc -l < "$d/s3/claims.csv")
    if [ "$n3" -gt $((n1 * 2)) ]; then pass "--claim-scale 3: $n1 -> $n3 claim rows"
    else fail "--claim-scale 3: $n1 -> $n3 claim rows"; fi
    check "--claim-scale keeps the persons" "$(md5sum < "$d/s1/persons.csv")" "$(md5sum < "$d/s3/persons.csv")"
} || fail "--claim-scale: $(cat "$d/err")"
gen --persons 0 --seed 1 --out "$d/z" &&
    check "--persons 0: headers only" "$(cat "$d/z/persons.csv" "$d/z/claims.csv" | wc -l)" 2 ||
    fail "--persons 0: $(cat "$d/err")"

# the closing line counts in the singular where a count is 1 (it said "1 persons, 1 rows")
"$POLC" gen --persons 1 --seed 3 --progress --out "$d/one" 2> "$d/err"
check "one person: the closing line" "$(tail -n 1 "$d/err" | sed 's/ in [0-9.]* s$//')" \
    "polc: wrote $d/one/persons.csv (1 person, 1 row) and $d/one/claims.csv (4 claims)"

# errors: exit 2 with a message
usage() {
    "$POLC" gen "$@" > /dev/null 2> "$d/err"
    rc=$?
    if [ "$rc" = 2 ] && grep -q "polc:" "$d/err"; then pass "exit 2: gen $*"
    else fail "gen $*: exit $rc, $(head -1 "$d/err")"; fi
}
usage --persons 10 --seed 1
usage --persons ten --seed 1 --out "$d/e"
usage --persons 10 --seed -1 --out "$d/e"
usage --persons 10 --seed 1 --out "$d/e" --years 2016
# --years: the year the calendar lacks named (it said "a year outside the shipped working-day
# calendar"), and a year given twice refused (its claims were made twice)
"$POLC" gen --persons 10 --seed 1 --out "$d/e" --years 2017,2016 2> "$d/err"
check "--years 2017,2016: exit 2, 2016 named" "$?: $(head -1 "$d/err")" \
    "2: polc: gen: --years: the working-day calendar has no data for 2016 (add runtime/calendar/2016.txt, or set POLRT_CALENDAR_DIR)"
"$POLC" gen --persons 10 --seed 1 --out "$d/e" --years 2017,2018,2017 2> "$d/err"
check "--years 2017,2018,2017: exit 2" "$?: $(head -1 "$d/err")" "2: polc: gen: --years: 2017 is given twice"
usage --persons 10 --seed 1 --out "$d/e" --claim-scale 0
usage --persons 10 --seed 1 --out "$d/e" --bogus
: > "$d/file"
usage --persons 10 --seed 1 --out "$d/file"

# atomic: nothing left under a temporary name
left=$(find "$d/a" "$d/b" "$d/c" -name "*.tmp*" | wc -l)
check "no temporary files left" "$left" 0
exit 0
