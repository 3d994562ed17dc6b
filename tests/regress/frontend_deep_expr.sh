#!/bin/sh
# Regression (frontend request 1, 2): a 50,000-term `a + b + ...` chain crashed `polc check`,
# `polc test` and `polc ir` with a C stack overflow in sema (SIGSEGV); 1,000,000 prefix
# minus signs said Bison's "memory exhausted". Both must now stop at the expression depth
# limit with a diagnostic and exit 1. Env: POLC (default build/polc).
set -u
cd "$(dirname "$0")/../.." || exit 2
POLC=${POLC:-build/polc}
T=$(mktemp -d "${TMPDIR:-/tmp}/polc-regress.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
rep() { awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }
HDR='policy "t" valid from 2017-01-01 dated by claim.d
claim { d: date  x: money }
param k: money from 2017-01-01: 1 yuan
output r
'
{ printf '%s' "$HDR"; printf 'rule r: money = claim.x'; rep 50000 ' + k'; echo; } >"$T/chain.pol"
{ printf '%s' "$HDR"; printf 'rule r: money = '; rep 1000000 '- '; printf 'claim.x\n'; } >"$T/neg.pol"
for cmd in check test ir; do
    for f in chain neg; do
        timeout 60 "$POLC" $cmd "$T/$f.pol" >"$T/out" 2>&1
        rc=$?
        if [ "$rc" -eq 1 ] && grep -q 'expression nested more than 1000 deep' "$T/out"; then
            echo "[PASS] regress: polc $cmd on a deep $f expression: exit 1, depth diagnostic"
        else
            echo "[FAIL] regress: polc $cmd on a deep $f expression: exit $rc: $(head -c 200 "$T/out" | head -n 1)"
        fi
    done
done
