#!/bin/sh
# Regression: `polc test` passed a test that settles claims but expects nothing ("[PASS] ...",
# exit 0), though such a test cannot fail. Now the checker refuses it, as it refuses a test
# with no claim: `polc test` prints the error at the test's name and exits 1 (the policy has
# errors, DESIGN.md), and runs no test. The test's name is quoted "x" as written, like "two
# tests are named "x"" (identifiers are quoted 'x').
# Env: POLC (default build/polc). The runtime tests' preamble (ok/bad/finish, work DIR).
. "$(dirname "$0")/../runtime/lib.sh"
work regress-asserts

cat >t.pol <<'POL'
policy "t" valid from 2017-01-01 dated by claim.d
claim { d: date  x: money }
rule r: money = claim.x
output r
test "asserts" {
  person p {}
  claim c of p { d: 2017-05-01, x: 1 yuan }
  expect c { r: 1 yuan }
}
test "asserts nothing" {
  person p {}
  claim c of p { d: 2017-05-01, x: 1 yuan }
}
POL
"$POLC" test t.pol >out 2>err
rc=$?
[ "$rc" -eq 1 ] && ok "polc test: exit 1" || bad "polc test" "exit $rc, expected 1"
want='t.pol:10:6: error: test "asserts nothing" expects nothing, so it cannot fail: add '\''expect CLAIM { RULE: VALUE }'\'' or '\''expect CLAIM fails "TEXT"'\'' after a claim'
got=$(head -n 1 err)
[ "$got" = "$want" ] && ok "polc test: the error at the test's name" ||
    bad "polc test" "expected '$want', got '$got'"
# no test ran: nothing after the checker runs once an error is counted (STYLE.md)
[ ! -s out ] && ok "polc test: no test ran" || bad "polc test" "printed $(cat out)"

# the same test with an expectation (of a failure) passes
sed -i -e '12s/2017-05-01/2016-12-31/' -e '$i\  expect c fails "outside the policy'\''s validity"' t.pol
"$POLC" test t.pol >out 2>err
rc=$?
[ "$rc" -eq 0 ] && [ "$(tail -n 1 out)" = "2 passed, 0 failed" ] &&
    ok "polc test: 'expect c fails' is an expectation" ||
    bad "polc test: 'expect c fails' is an expectation" "exit $rc: $(cat out err)"

# A wrong expected value: the verdict named the test's line only, and a test expects many
# values over many lines; it names the line of the expectation that failed too
cat >w.pol <<'POL'
policy "w" valid from 2017-01-01 dated by claim.d
claim { d: date  x: money }
rule r: money = claim.x
output r
test "two claims" {
  person p {}
  claim a of p { d: 2017-05-01, x: 1 yuan }
  expect a { r: 1 yuan }
  claim b of p { d: 2017-05-02, x: 2 yuan }
  # 2 yuan, not 3
  expect b {
    r: 3 yuan
  }
}
POL
"$POLC" test w.pol >out 2>err
rc=$?
want='[FAIL] w.pol:5: two claims: claim b: r = 2.00 yuan, expected 3.00 yuan on line 12 (interpreter)'
[ "$rc" -eq 1 ] && [ "$(head -n 1 out)" = "$want" ] &&
    ok "polc test: a wrong expected value names its line" ||
    bad "polc test: a wrong expected value" "exit $rc: $(head -n 1 out)"
finish
