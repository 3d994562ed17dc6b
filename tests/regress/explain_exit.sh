#!/bin/sh
# Regression (issue 12): `polc explain --claim ID` of a claim that settled exited 3, with
# nothing on stderr, when another claim of the file failed or was rejected: the exit code was
# the whole run's. When the explanation is all the run writes, the exit code is the explained
# claim's: 0 settled, 3 failed or rejected. `polc run --claim ID --out F` still reports the file.
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

cat >v.pol <<'POL'
policy "v" valid from 2017-04-07 dated by claim.d
claim { d: date  cost: money }
person { birth: date }
param ratio: rate from 2017-04-07: 80%
rule pay: money = claim.cost * ratio
output pay
POL
# early fails (before the validity), bad is rejected (no amount), ok settles: 80% of 100.00
printf 'claim_id,person_id,d,cost\nearly,p1,2017-01-20,100\nbad,p1,2017-05-01,x\nok,p1,2017-05-02,100\n' >c.csv
printf 'person_id,birth\np1,1950-01-01\n' >p.csv

# $1 claim, $2 expected exit, $3 a line the output must hold
explain() {
    "$POLC" explain v.pol --claims c.csv --persons p.csv --claim "$1" >out 2>err
    rc=$?
    if [ $rc -ne "$2" ]; then
        fail "explain $1: exit $rc, expected $2 ($(cat err))"
    elif ! grep -qxF -- "$3" out err; then
        fail "explain $1: no line '$3' in: $(cat out err)"
    else
        pass "explain $1 exits $2"
    fi
}
explain ok 0 "  pay         80.00 yuan"
explain early 3 "error: dated 2017-01-20, outside the policy's validity"
explain bad 3 "polc: claim 'bad' was rejected: nothing to explain"

# with results written, the exit code is the run's: one claim failed, one was rejected
"$POLC" run v.pol --claims c.csv --persons p.csv --claim ok --out res.csv -q >out 2>err
rc=$?
if [ $rc -eq 3 ] && grep -qxF "ok,80.00,settled" res.csv; then
    pass "run --claim ok --out: exit 3 for the file's failed and rejected claims"
else
    fail "run --claim ok --out: exit $rc, results: $(cat res.csv)"
fi
