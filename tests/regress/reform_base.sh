#!/bin/sh
# Regression (issue 15, 8): a reform's `of "PATH"` read any file (/etc/passwd,
# /proc/self/environ) and printed its lines in diagnostics, and a FIFO there hung
# `polc check`. Now the base must name a .pol file, be a regular file (opened without
# blocking, checked with fstat) and start as a policy; anything else is refused at the
# `of` with exit 1, and no line of a file that is not a policy is printed.
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

printf 'secret-line-1\nPASSWORD=hunter2\n' >secret.txt
ln -s secret.txt secret.pol
mkfifo fifo.pol
mkdir dir.pol

# $1 name, $2 the base, $3 the expected first message line
refused() {
    printf 'reform "r" of "%s"\nparam cap from 2026-01-01: 1 yuan\n' "$2" >r.pol
    timeout 10 "$POLC" check r.pol >out 2>err
    rc=$?
    if [ $rc -eq 124 ]; then
        fail "$1: polc check hung"
    elif [ $rc -ne 1 ] || [ "$(head -n 1 err)" != "$3" ]; then
        fail "$1: exit $rc, said '$(head -n 1 err)'"
    elif grep -q -e secret-line -e PASSWORD -e 'root:' err; then
        fail "$1: printed a line of the file: $(grep -e secret-line -e PASSWORD -e 'root:' err)"
    else
        pass "$1 is refused at the reform's 'of'"
    fi
}

refused "of \"/etc/passwd\"" /etc/passwd \
    "r.pol:1:15: error: a reform's base is a policy file ending in .pol, not '/etc/passwd'"
refused "of \"/proc/self/environ\"" /proc/self/environ \
    "r.pol:1:15: error: a reform's base is a policy file ending in .pol, not '/proc/self/environ'"
refused "a .pol link to a file that is not a policy" secret.pol \
    "r.pol:1:15: error: './secret.pol' is not a policy (it does not start with 'policy \"NAME\"')"
refused "a FIFO named .pol" fifo.pol \
    "r.pol:1:15: error: cannot read ./fifo.pol: not a regular file (a pipe)"
refused "a directory named .pol" dir.pol \
    "r.pol:1:15: error: cannot read ./dir.pol: not a regular file (a directory)"

# a FIFO given as the policy itself does not hang either
timeout 10 "$POLC" check fifo.pol >out 2>err
rc=$?
if [ $rc -ne 1 ] || [ "$(head -n 1 err)" != "polc: error: cannot read fifo.pol: not a regular file (a pipe)" ]; then
    fail "polc check FIFO: exit $rc, said '$(head -n 1 err)'"
else
    pass "polc check on a FIFO is refused, not hung"
fi

# A reform's param named like the base's rule: the error at the reform's line, a note at the
# base's (tests/check/err/reform_kind.pol checks the errors; its runner skips another file's
# notes, so the base's file:line is checked here)
printf 'policy "b" valid from 2017-01-01 dated by claim.d\nclaim { d: date  cost: money }\nrule share: money = claim.cost\noutput share\n' >b.pol
printf 'reform "r" of "b.pol"\nparam share from 2018-01-01: 100 yuan\n' >k.pol
"$POLC" check k.pol >out 2>err
rc=$?
got=$(grep -E '^[^ ]+:[0-9]+:[0-9]+: (error|note): ' err)
want="k.pol:2:7: error: 'share' is a rule of the base policy \"b\", not a param: a reform replaces it with 'rule share: TYPE = ...'
./b.pol:3:6: note: the base's rule 'share' is here"
if [ $rc -eq 1 ] && [ "$got" = "$want" ]; then
    pass "a reform's param named like a base rule: both declarations named"
else
    fail "a reform's param named like a base rule: exit $rc, said '$got'"
fi
