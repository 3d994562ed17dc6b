#!/bin/sh
# tests/cli/test_fast.sh — `polc test` settles every case through the JIT's fast entry too
# (polc_settle_fast: what polc run, serve and simulate settle with) and fails a case whose
# fast results differ from the traced ones, saying it is polc's fault. A real polc has no
# such fault to show, and no hook to fake one: the fault comes from a stand-in back end
# (tests/fault/fastfault.c) beside a copy of polc, which wraps the real back end's fast
# entry and changes what it gives (FASTFAULT: out, ledger, fail).
#
#   sh tests/cli/test_fast.sh        env: POLC (build/polc), CC (cc)
. "$(dirname "$0")/../runtime/lib.sh"
CC=${CC:-cc}
BACKEND=$(dirname "$POLC")/polc-backend.so
work test-fast

# pay = 80% of cost; the year's ledger adds it up: c1 100 yuan -> 80, c2 50 -> 40, paid
# 80 then 120. c2 is a person's second claim, settled on the ledger c1 left (in each entry,
# its own).
cat >t.pol <<'POL'
policy "t" valid from 2017-01-01 dated by claim.d
claim { d: date  cost: money }
param ratio: rate from 2017-01-01: 80%
ledger annual per person per year of claim.d { paid: money += pay }
rule pay: money = claim.cost * ratio
output pay
test "two claims of one person" {
  person p {}
  claim c1 of p { d: 2017-03-01, cost: 100 yuan }
  expect c1 { pay: 80 yuan, annual.paid: 80 yuan }
  claim c2 of p { d: 2017-04-01, cost: 50 yuan }
  expect c2 { pay: 40 yuan, annual.paid: 120 yuan }
}
test "one claim" {
  person q {}
  claim c3 of q { d: 2017-05-01, cost: 10 yuan }
  expect c3 { pay: 8 yuan, annual.paid: 8 yuan }
}
POL

"$POLC" test t.pol >out 2>err
rc=$?
if [ $rc = 0 ] && [ "$(tail -n 1 out)" = "2 passed, 0 failed" ] && [ ! -s err ]; then
    ok "test_fast: the policy's cases pass through both entries"
else bad "test_fast: polc test" "exit $rc: $(cat out err)"; fi

mkdir bin && cp "$POLC" bin/polc &&
    "$CC" -shared -fPIC -O1 -I"$ROOT/runtime/include" -o bin/polc-backend.so \
        "$ROOT/tests/fault/fastfault.c" -Wl,--no-as-needed "$BACKEND" -ldl 2>cc.err
if [ ! -s bin/polc-backend.so ]; then
    bad "test_fast: the stand-in back end" "$(cat cc.err)"
    finish
    exit
fi

# FAULT WANT...: polc test ${POL:-t.pol} with the stand-in's fault FAULT (empty: none); its
# exit code and the lines of its output that are not the explanation, one a line, must be WANT
run_fault() {
    fault=$1
    shift
    FASTFAULT=$fault bin/polc test "${POL:-t.pol}" >out 2>err
    echo "exit $?" >got
    grep -e '^\[' -e 'passed, ' out >>got
    printf '%s\n' "$@" >want
    if cmp -s got want && [ ! -s err ]; then
        ok "test_fast: fault '$fault'"
    else bad "test_fast: fault '$fault'" "$(diff want got) $(cat err)"; fi
}
# how a fault's message ends: whose fault, and what to report
POLC_FAULT=": this is a fault of polc, not of the policy; please report it with the policy \
and the output of \`polc build t.pol --emit ir -o policy.ll\`"
TRACED="through the traced entry (polc test, explain)"
FAST="through the fast entry (polc run, serve, simulate)"

# the stand-in alone changes nothing: every difference below is its fault's
run_fault "" "exit 0" "[PASS] t.pol:7: two claims of one person" "[PASS] t.pol:14: one claim" \
    "2 passed, 0 failed"
# an output a fen off, on every claim: each case fails at its first claim
run_fault out "exit 1" \
    "[FAIL] t.pol:7: two claims of one person: claim c1: output pay is 80.00 yuan $TRACED but 80.01 yuan $FAST$POLC_FAULT" \
    "[FAIL] t.pol:14: one claim: claim c3: output pay is 8.00 yuan $TRACED but 8.01 yuan $FAST$POLC_FAULT" \
    "0 passed, 2 failed"
# a ledger a fen off where the ledger before the claim is not empty: only c2, a person's
# second claim; c1 and c3 agree
run_fault ledger "exit 1" \
    "[FAIL] t.pol:7: two claims of one person: claim c2: annual.paid after the claim is 120.00 yuan $TRACED but 120.01 yuan $FAST$POLC_FAULT" \
    "[PASS] t.pol:14: one claim" "1 passed, 1 failed"
# the fast entry fails where the traced one settles
run_fault fail "exit 1" \
    "[FAIL] t.pol:7: two claims of one person: claim c1: the traced entry (polc test, explain) settled it, but the fast entry (polc run, serve, simulate) failed: division by zero$POLC_FAULT" \
    "[FAIL] t.pol:14: one claim: claim c3: the traced entry (polc test, explain) settled it, but the fast entry (polc run, serve, simulate) failed: division by zero$POLC_FAULT" \
    "0 passed, 2 failed"
# the failed case shows the claim's explanation, as any failed case does
if grep -q '^  explanation of claim c1:$' out && grep -q '^  pay  *80.00 yuan$' out; then
    ok "test_fast: the failed claim explained"
else bad "test_fast: the failed claim explained" "$(cat out)"; fi

# the JIT's traced entry a fen off on a rule no case expects: the cases' expectations hold in
# both engines, and the interpreter and the JIT disagree on the rule, in yuan as every other
# message has money (base: 100 yuan, 100.01 through the faulty JIT)
cat >u.pol <<'POL'
policy "u" valid from 2017-01-01 dated by claim.d
claim { d: date  cost: money }
param ratio: rate from 2017-01-01: 80%
rule base: money = claim.cost
rule pay: money = base * ratio
output pay
test "a rule no case expects" {
  person p {}
  claim c1 of p { d: 2017-03-01, cost: 100 yuan }
  expect c1 { pay: 80 yuan }
}
POL
POL=u.pol run_fault rule "exit 1" \
    "[FAIL] u.pol:7: a rule no case expects: claim c1: interpreter and JIT disagree on rule base (100.00 yuan vs 100.01 yuan)" \
    "0 passed, 1 failed"

# --interp-only runs no JIT, so neither entry of its code: the fault is not reached
FASTFAULT=out bin/polc test --interp-only t.pol >out 2>err
rc=$?
if [ $rc = 0 ] && [ "$(tail -n 1 out)" = "2 passed, 0 failed" ]; then
    ok "test_fast: --interp-only settles through the interpreter alone"
else bad "test_fast: --interp-only" "exit $rc: $(cat out err)"; fi
finish
