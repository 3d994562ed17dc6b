#!/bin/sh
# tests/cli/call.sh — `polc call POLICY RULE ARG... [--date D] [--interp]` on tests/cli/call.pol:
# arguments of every type (money, rate, int, bool, date, enum by name and by label, each
# duration unit) print exactly as people read them, and a rule of no arguments that reads only
# params; bad arguments, a wrong count, an unknown rule and a rule that reads the claim (itself
# or through another) are usage errors (exit 2) with one clear message; a
# failure inside the rule (overflow, division by zero, the calendar) names the rule and line
# (exit 3). --date is required when a param or rule has several versions, and refused outside
# the policy's validity (exit 2); a policy of single versions needs none. Every case runs twice: through the JIT (libffi) and with --interp.
#
#   sh tests/cli/call.sh        env: POLC (build/polc)
set -u
cd "$(dirname "$0")/../.." || exit 2
POLC=${POLC:-build/polc}
P=tests/cli/call.pol
WORK=$(mktemp -d "${TMPDIR:-/tmp}/polc-call.XXXXXX") || exit 2
trap 'rm -rf "$WORK"' EXIT

pass=0
fail=0

# t RC TEXT ARG...: `polc call $P ARG...` exits RC and prints exactly TEXT (to stdout when
# RC is 0, to stderr otherwise; the other stream stays empty), with the JIT and --interp.
# call.pol has params and rules of several versions, so polc call needs --date: a case that
# gives none runs on 2026-03-01 (the cases of the date itself use d, which adds none)
t() {
    case " $* " in *" --date "*) ;; *) set -- "$@" --date 2026-03-01 ;; esac
    d "$@"
}
d() {
    want_rc=$1 want=$2
    shift 2
    for mode in jit interp; do
        flag=
        [ $mode = interp ] && flag=--interp
        "$POLC" call "$P" "$@" $flag >"$WORK/out" 2>"$WORK/err"
        rc=$?
        if [ "$want_rc" = 0 ]; then got=$WORK/out other=$WORK/err; else got=$WORK/err other=$WORK/out; fi
        printf '%s\n' "$want" >"$WORK/want"
        label="polc call $* ($mode)"
        if [ "$rc" != "$want_rc" ]; then
            echo "[FAIL] $label: exit $rc, expected $want_rc: $(head -n 1 "$WORK/err")"
            fail=$((fail + 1))
        elif ! cmp -s "$got" "$WORK/want"; then
            echo "[FAIL] $label: printed '$(cat "$got")', expected '$want'"
            fail=$((fail + 1))
        elif [ -s "$other" ]; then
            echo "[FAIL] $label: also printed '$(head -n 1 "$other")'"
            fail=$((fail + 1))
        else
            echo "[PASS] $label"
            pass=$((pass + 1))
        fi
    done
}

# ---- values of every type, printed as people read them --------------------------------
# money and enum arguments; the parameter version in force on --date (80% then 90%)
t 0 "9,636.54 yuan" pay 12345.67 county --date 2017-05-01
t 0 "10,841.10 yuan" pay "12,345.67" 县区 --date 2026-03-01
t 0 "10,841.10 yuan" pay "12345.67 yuan" county --date 2026-03-01
t 0 "0.00 yuan" pay 99 city --date 2017-05-01
# rates: percent and decimal arguments, rate x int, rate / int rounded to a millionth
t 0 "240%" scaled 80% 3
t 0 "25%" scaled 0.125 2
t 0 "6.25%" halved 12.5%
t 0 "33.3333%" share 1 3
# int and bool (English and Chinese spellings)
t 0 "42" twice 21
t 0 "-42" twice -21
t 0 "1.00 yuan" choose true 1 2
t 0 "2.00 yuan" choose 否 2.5 2
t 0 "12,345,678.90 yuan" added 12345678 0.90
# dates and durations: month-end clamping, working days across the National Day holiday
# and a swapped working Saturday (2026-10-10), leap days, 次月
t 0 "2026-02-28" later 2026-01-31 1
t 0 "2026-10-13" deadline 2026-09-30 5
t 0 "2026-03-01" plus_days 2026-02-27 2
t 0 "2025-02-28" plus_years 2024-02-29 1
t 0 "2026-03-01" next_month 2026-02-14
t 0 "59 days" stay 2026-01-01 2026-03-01
t 0 "4 months" waiting 4
# enums in and out, by name and by label
t 0 "county" upgrade township
t 0 "city" upgrade 市级
t 0 "true" is_city city
t 0 "false" is_city 乡镇

# dated rule versions and an exception, chosen by --date
t 0 "80.00 yuan" tiered 100 --date 2019-05-01
t 0 "100.00 yuan" tiered 100 --date 2021-05-01
t 0 "0.00 yuan" tiered 0.99 --date 2021-05-01

# ---- usage errors: exit 2, one message ---------------------------------------------------
t 2 "polc: tests/cli/call.pol has no rule 'nope'" nope 1
t 2 "polc: rule 'pay' takes 2 arguments (cost: money, level: Level), 1 given" pay 1 --date 2017-05-01
t 2 "polc: rule 'pay' takes 2 arguments (cost: money, level: Level), 3 given" pay 1 city 2
t 2 "polc: rule 'twice' takes 1 argument (n: int), 0 given" twice
t 2 "polc: argument 1 of 'pay' (cost) must be money, got 'abc'" pay abc county
t 2 "polc: argument 2 of 'pay' (level) must be Level, got 'village'" pay 1 village
t 2 "polc: argument 2 of 'scaled' (n) must be int, got 'x'" scaled 80% x
t 2 "polc: argument 1 of 'twice' (n) must be int, got '1.5'" twice 1.5
t 2 "polc: argument 1 of 'choose' (flag) must be bool, got 'maybe'" choose maybe 1 2
t 2 "polc: argument 1 of 'later' (d) must be date, got '2026-13-01'" later 2026-13-01 1
t 2 "polc: argument 1 of 'halved' (r) must be rate, got 'half'" halved half
t 2 "polc: --date needs YYYY-MM-DD, got '2026-02-30'" tiered 1 --date 2026-02-30
t 2 "polc: rule 'own' reads the claim; polc call evaluates rules whose only inputs are their arguments" own
t 2 "polc: rule 'with_claim' reads the claim; polc call evaluates rules whose only inputs are their arguments" with_claim 1
# a rule of no arguments that reads only params is evaluated (ratio 90% from 2026-01-01, 80%
# before; doubled = 2 x plain_ratio); one that reads the claim through another is refused
t 0 "90%" plain_ratio
t 0 "80%" plain_ratio --date 2017-05-01
t 0 "180%" doubled
t 2 "polc: rule 'own_twice' reads the claim; polc call evaluates rules whose only inputs are their arguments" own_twice

# ---- failures inside the rule: exit 3, naming the rule and its line --------------------
t 3 "polc: amount overflow in rule twice (line 12, col 27)" twice 9223372036854775807
t 3 "polc: amount overflow in rule added (line 14, col 41)" added 92233720368547758.07 0.01
t 3 "polc: division by zero in rule share (line 15, col 40)" share 1 0
t 3 "polc: working day outside the shipped calendar years (2017 to 2026) in rule deadline (line 17, col 45)" deadline 2030-01-01 1

# ---- the date: required (ratio and tiered have several versions), inside the validity ------
d 2 "polc: tests/cli/call.pol has more than one version of param 'ratio': give --date YYYY-MM-DD (valid from 2017-01-01 on)" tiered 100
d 2 "polc: --date 2016-12-31 is outside the policy's validity (from 2017-01-01 on)" tiered 100 --date 2016-12-31
d 0 "80.00 yuan" tiered 100 --date 2017-01-01
# one version of everything: no --date needed (the policy's start serves); the validity's end
# is its last day, included
printf '%s\n' 'policy "one" valid from 2020-07-01 to 2021-06-30' \
    'param ratio: rate from 2020-07-01: 70%' 'rule pay(x: money): money = x * ratio' >"$WORK/one.pol"
P=$WORK/one.pol
d 0 "70.00 yuan" pay 100
d 0 "70.00 yuan" pay 100 --date 2021-06-30
d 2 "polc: --date 2021-07-01 is outside the policy's validity (2020-07-01 to 2021-06-30)" pay 100 --date 2021-07-01

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
