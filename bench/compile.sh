#!/bin/sh
# bench/compile.sh — compile time per policy (bench/README.md says how to read it): for each
# seed policy (policies/anhui/*.pol) and tests/check/ok/mini.pol as a small one, the median
# of 10 in-process compiles to a JIT-loaded engine and to a .so on disk, with the phases, and
# the wall time of a whole `polc build` process. Missing policy files are skipped.
# Targets: < 100 ms to JIT, < 300 ms to .so (at -O2, the level polc run and polc build use).
#
#   sh bench/compile.sh [POLICY...]    env: BUILD (build), POLC ($BUILD/polc), RUNS (10),
#                                      OPT (2)
set -u
cd "$(dirname "$0")/.." || exit 2
BUILD=${BUILD:-build}
POLC=${POLC:-$BUILD/polc}
RUNS=${RUNS:-10}
OPT=${OPT:-2}

${MAKE:-make} --no-print-directory BUILD="$BUILD" "$BUILD/polc" "$BUILD/bench/compile_bench" >&2 ||
    exit 2

if [ $# -gt 0 ]; then list="$*"; else list="$(ls policies/anhui/*.pol 2>/dev/null) tests/check/ok/mini.pol"; fi
pols=""
for p in $list; do
    if [ -f "$p" ]; then pols="$pols $p"; else echo "(skipped $p: no such file)"; fi
done
[ -n "$pols" ] || { echo "no policy to measure"; exit 0; }

TMP=$(mktemp -d "${TMPDIR:-/tmp}/polc-bench.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT
echo "host: $(nproc) cpu, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
# shellcheck disable=SC2086
"$BUILD/bench/compile_bench" -n "$RUNS" -O"$OPT" --polc "$POLC" --tmp "$TMP" $pols
