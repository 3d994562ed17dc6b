#!/bin/sh
# Regression (issue 12): the working-day calendar ships some years only, and nothing said so:
# `polc check` was silent on a policy valid 2017-2026 that counts working days, and
# POLRT_CALENDAR_DIR (later years, corrected ones) had no effect on any command. Now check
# warns naming the years the validity covers and the calendar lacks, and every command (here
# check, run, explain, test, call) loads POLRT_CALENDAR_DIR; a bad one is a usage error.
# Env: POLC (default build/polc).
set -u
cd "$(dirname "$0")/../.." || exit 2
POLC=${POLC:-build/polc}
case $POLC in /*) ;; *) POLC=$(pwd)/$POLC ;; esac
T=$(mktemp -d "${TMPDIR:-/tmp}/polc-regress.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 2
pass() { echo "[PASS] regress: $1"; }
fail() { echo "[FAIL] regress: $1"; }
unset POLRT_CALENDAR_DIR

# 2026-12-31 is a Thursday; 5 working days after it, counted from the next day, with 2027-01-01
# (Friday) a holiday: Mon 01-04, Tue 01-05, Wed 01-06, Thu 01-07, Fri 01-08
cat >c.pol <<'POL'
policy "c" valid from 2017-01-01 to 2028-12-31 dated by claim.d
claim { d: date }
person { birth: date }
param window: workdays from 2017-01-01: 5 workdays
rule deadline: date = claim.d + window
rule after(d: date): date = d + window
output deadline
test "new year" {
  person p { birth: 1950-01-01 }
  claim c of p { d: 2026-12-31 }
  expect c { deadline: 2027-01-08 }
}
POL
printf 'claim_id,person_id,d\nc,p1,2026-12-31\n' >c.csv
printf 'person_id,birth\np1,1950-01-01\n' >p.csv
# a test calendar: the years not shipped (2017-2026 are), each with New Year's Day a holiday
mkdir cal
for y in 2027 2028; do
    printf 'holiday %s-01-01  元旦\n' $y >cal/$y.txt
done

# $1 what, $2 expected exit, $3 expected output (stdout and stderr), command...
is() {
    what=$1 want_rc=$2 want=$3
    shift 3
    "$@" >out 2>&1
    rc=$?
    if [ -n "$want" ]; then printf '%s\n' "$want" >want; else : >want; fi
    if [ $rc -ne "$want_rc" ]; then
        fail "$what: exit $rc, expected $want_rc: $(cat out)"
    elif ! cmp -s out want; then
        fail "$what: printed '$(cat out)', expected '$want'"
    else
        pass "$what"
    fi
}

is "check warns of 2027-2028" 0 \
"c.pol:5:23: warning: working days are counted, but the calendar has no data for 2027-2028, which the policy's validity covers: a claim that needs those years fails (add runtime/calendar/YYYY.txt, or set POLRT_CALENDAR_DIR)
    5 | rule deadline: date = claim.d + window
      |                       ^~~~~~~~~~~~~~~~" "$POLC" check c.pol
is "run without 2027" 3 'claim_id,deadline,status
c,,"error: working day outside the shipped calendar years (2017 to 2026) in rule deadline (line 5, col 23)"' \
    "$POLC" run c.pol --claims c.csv --persons p.csv --out - -q
is "call without 2027" 3 \
    "polc: working day outside the shipped calendar years (2017 to 2026) in rule after (line 6, col 29)" \
    "$POLC" call c.pol after 2026-12-31
# the years in use are named as they are, a gap included (2030 added, 2027 still missing)
mkdir cal2030
printf 'holiday 2030-01-01  元旦\n' >cal2030/2030.txt
is "call without 2027, with 2030" 3 \
    "polc: working day outside the shipped calendar years (2017 to 2026, 2030) in rule after (line 6, col 29)" \
    env POLRT_CALENDAR_DIR=cal2030 "$POLC" call c.pol after 2026-12-31

# an open validity is checked up to the last calendar year, or the year a version starts if
# later (a new-user pass: an amendment from 2027-01-01 checked clean, and its 2027 claims that
# count working days failed only when settled)
cat >open.pol <<'POL'
policy "open" valid from 2017-01-01 dated by claim.d
claim { d: date }
param window: workdays from 2017-01-01: 5 workdays
param cap: money
  from 2017-01-01: 3000 yuan
  from 2027-01-01: 4000 yuan
rule deadline: date = claim.d + window
rule cap_now: money = cap
output deadline, cap_now
POL
is "check warns of 2027, the year a version starts" 0 \
"open.pol:7:23: warning: working days are counted, but the calendar has no data for 2027, which the policy's validity covers: a claim that needs that year fails (add runtime/calendar/YYYY.txt, or set POLRT_CALENDAR_DIR)
    7 | rule deadline: date = claim.d + window
      |                       ^~~~~~~~~~~~~~~~" "$POLC" check open.pol
sed '/2027-01-01: 4000/d' open.pol >open2026.pol
is "check of an open validity with no later version: no warning" 0 "" "$POLC" check open2026.pol
is "check with the year's calendar: no warning" 0 "" env POLRT_CALENDAR_DIR="$T/cal" \
    "$POLC" check open.pol

POLRT_CALENDAR_DIR=$T/cal
export POLRT_CALENDAR_DIR
is "check with POLRT_CALENDAR_DIR: no warning" 0 "" "$POLC" check c.pol
is "run with POLRT_CALENDAR_DIR" 0 'claim_id,deadline,status
c,2027-01-08,settled' "$POLC" run c.pol --claims c.csv --persons p.csv --out - -q
"$POLC" explain c.pol --claims c.csv --persons p.csv --claim c >out 2>&1
if [ $? -eq 0 ] && grep -qxF "  deadline    2027-01-08" out; then
    pass "explain with POLRT_CALENDAR_DIR"
else
    fail "explain with POLRT_CALENDAR_DIR: $(cat out)"
fi
is "test with POLRT_CALENDAR_DIR" 0 "[PASS] c.pol:8: new year
1 passed, 0 failed" "$POLC" test c.pol
is "call with POLRT_CALENDAR_DIR" 0 "2027-01-08" "$POLC" call c.pol after 2026-12-31

POLRT_CALENDAR_DIR=$T/none
is "a POLRT_CALENDAR_DIR that does not exist" 2 \
    "polc: POLRT_CALENDAR_DIR: $T/none: cannot open calendar directory: No such file or directory" \
    "$POLC" check c.pol
