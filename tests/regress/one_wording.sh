#!/bin/sh
# Regression (issue 12): one failure had three texts. A claim dated before the policy's
# validity read "dated 2017-01-20, outside the policy's validity" in `polc run`, "no version
# in force on the claim date" in `polc explain`, and both in `polc test` (its verdict said
# "the claim is dated outside the policy's validity", its explanation the other); polc test
# and polc call worded every other failure their own way too ("date outside the shipped
# working-day calendar"). Now every command prints the runtime's one text
# (polrt_failure_text): run's status cell, explain's error line, the --explain JSON's
# "message", test's verdict and explanation, call's message are the same words.
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

# share overflows for 100,000,000 yuan: 10^10 fen * 10^9 = 10^19 > 2^63-1 (9.22 * 10^18)
cat >w.pol <<'POL'
policy "w" valid from 2017-04-07 dated by claim.d
claim { d: date  cost: money }
person { birth: date }
param k: int from 2017-04-07: 1000000000
rule share(amount: money): money = amount * k
rule pay: money = share(claim.cost)
output pay
test "early" {
  person p { birth: 1950-01-01 }
  claim early of p { d: 2017-01-20, cost: 100 yuan }
  expect early { pay: 1 yuan }
}
test "big" {
  person p { birth: 1950-01-01 }
  claim big of p { d: 2017-05-01, cost: 100000000 yuan }
  expect big { pay: 1 yuan }
}
POL
printf 'claim_id,person_id,d,cost\nearly,p1,2017-01-20,100\nbig,p1,2017-05-01,100000000\n' >c.csv
printf 'person_id,birth\np1,1950-01-01\n' >p.csv
EARLY="dated 2017-01-20, outside the policy's validity"
BIG="amount overflow in rule share (line 5, col 36)"

# $1 what, $2 file, $3 the exact text expected in it
has() {
    if grep -qxF -- "$3" "$2"; then
        pass "$1"
    else
        fail "$1: expected the line '$3', got: $(cat "$2")"
    fi
}

"$POLC" run w.pol --claims c.csv --persons p.csv --out run.csv --explain x.json -q 2>err
has "run: early's status" run.csv "early,,\"error: $EARLY\""
has "run: big's status" run.csv "big,,\"error: $BIG\""
grep -o '"message":"[^"]*"' x.json >msg
has "--explain JSON: early's message" msg "\"message\":\"$EARLY\""
has "--explain JSON: big's message" msg "\"message\":\"$BIG\""
for c in early big; do
    "$POLC" explain w.pol --claims c.csv --persons p.csv --claim $c >ex.$c 2>&1
done
has "explain: early's error" ex.early "error: $EARLY"
has "explain: big's error" ex.big "error: $BIG"
"$POLC" test w.pol >test.out 2>&1
has "test: early's verdict" test.out \
    "[FAIL] w.pol:8: early: claim early failed: $EARLY (interpreter)"
has "test: early's explanation" test.out "error: $EARLY"
has "test: big's verdict" test.out "[FAIL] w.pol:13: big: claim big failed: $BIG (interpreter)"
"$POLC" call w.pol share 100000000 --date 2017-05-01 >call.out 2>&1
has "call: share's failure" call.out "polc: $BIG"
