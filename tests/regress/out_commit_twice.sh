#!/bin/sh
# Regression (found by tests/runtime/io_faults.sh, issue 15): polc fmt and polc doc called
# polrt_out_abort after polrt_out_commit had failed, and commit had already freed the writer:
# on a full disk or a failing rename they crashed (doc also exited 2, a usage error). With
# rename failing (EIO, through tests/fault/iofail.c) both must exit 4 with the cause, the
# file left as it was. Env: POLC (default build/polc), CC (default cc).
set -u
cd "$(dirname "$0")/../.." || exit 2
ROOT=$(pwd)
POLC=${POLC:-build/polc}
case $POLC in /*) ;; *) POLC=$ROOT/$POLC ;; esac
T=$(mktemp -d "${TMPDIR:-/tmp}/polc-regress.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
pass() { echo "[PASS] regress: $1"; }
fail() { echo "[FAIL] regress: $1"; }
"${CC:-cc}" -shared -fPIC -o "$T/iofail.so" tests/fault/iofail.c -ldl || { fail "shim"; exit 1; }
. "$ROOT/tests/fault/preload.sh"
PRELOAD=$(preload "$T/iofail.so")
# a policy fmt would change (its layout collapsed), and an old document
sed 's/  */ /g' tests/sim/sim.pol >"$T/p.pol"
cp "$T/p.pol" "$T/p.before"
mkdir "$T/d" && echo OLD >"$T/d/index.html"
check() { # NAME FILE BEFORE
    if [ "$rc" -ne 4 ]; then
        fail "$1 with rename failing: exit $rc, expected 4: $(head -n 1 "$T/err")"
    elif ! grep -q "Input/output error" "$T/err"; then
        fail "$1 with rename failing: no cause in: $(head -n 1 "$T/err")"
    elif ! cmp -s "$2" "$3"; then
        fail "$1 with rename failing: $2 changed"
    else
        pass "$1: a failed commit exits 4, the file as it was"
    fi
}
(cd "$T" && LD_PRELOAD="$PRELOAD" IOFAIL_OP=rename IOFAIL_ERRNO=EIO "$POLC" fmt p.pol) \
    2>"$T/err"
rc=$?
check "polc fmt" "$T/p.pol" "$T/p.before"
echo OLD >"$T/old"
(cd "$T" && LD_PRELOAD="$PRELOAD" IOFAIL_OP=rename IOFAIL_ERRNO=EIO \
    "$POLC" doc "$ROOT/tests/sim/sim.pol" -o d) 2>"$T/err"
rc=$?
check "polc doc" "$T/d/index.html" "$T/old"
