#!/bin/sh
# bench/run_claims.sh — settlement throughput and memory of `polc run` on a built engine
# (bench/README.md says how to read it): a seed policy built to a .so, a synthetic population
# from `polc gen` (its claims sorted by person and date), then the first CLAIMS claims and the
# first half of them settled with -j 1 and -j 2, in memory and on an SQLite ledger. Prints
# claims per second and peak resident memory per run; with the input sorted, the memory must
# not depend on the number of claims (only on the persons file, which every run loads whole).
#
#   sh bench/run_claims.sh      env: BUILD (build), POLC ($BUILD/polc), CLAIMS (1000000),
#                               POLICY (policies/anhui/panji-2017.pol), LEDGER (1: also the
#                               SQLite runs; 0: skip them), KEEP (a directory to keep the data)
set -u
cd "$(dirname "$0")/.." || exit 2
BUILD=${BUILD:-build}
POLC=${POLC:-$BUILD/polc}
case $POLC in /*) ;; */*) POLC=$(pwd)/$POLC ;; esac
CLAIMS=${CLAIMS:-1000000}
POLICY=${POLICY:-policies/anhui/panji-2017.pol}
LEDGER=${LEDGER:-1}

${MAKE:-make} --no-print-directory BUILD="$BUILD" "$BUILD/polc" >&2 || exit 2
if [ -n "${KEEP:-}" ]; then
    TMP=$KEEP
    mkdir -p "$TMP" || exit 2
else
    TMP=$(mktemp -d "${TMPDIR:-/tmp}/polc-bench-run.XXXXXX") || exit 2
    trap 'rm -rf "$TMP"' EXIT
fi

# peak memory: GNU time, installed when missing and we may (root, apt), else a tiny wrapper
# around wait4's rusage
if [ ! -x /usr/bin/time ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get install -y -qq time >/dev/null 2>&1 || true
fi
if [ -x /usr/bin/time ]; then
    measure() { /usr/bin/time -f "maxrss: %e %M" "$@"; }
else
    ${CC:-cc} -O2 -o "$TMP/maxrss" bench/maxrss.c || exit 2
    measure() { "$TMP/maxrss" "$@"; }
fi

# the policy: the seed if it checks clean, else a small representative one of our own
if ! "$POLC" check "$POLICY" >/dev/null 2>&1; then
    echo "(the seed $POLICY does not check clean: using tests/runtime/capped.pol)"
    POLICY=tests/runtime/capped.pol
fi
"$POLC" build "$POLICY" -o "$TMP/engine.so" || exit 2

# ~3.1 claims per person: enough persons for CLAIMS claims, then exactly CLAIMS of them and
# the first half (same persons file: only the number of claims changes)
persons=$((CLAIMS * 10 / 31 + 1000))
if [ ! -s "$TMP/pop/claims.csv" ]; then
    "$POLC" gen --persons "$persons" --seed 1 --out "$TMP/pop" >/dev/null || exit 2
fi
have=$(($(wc -l <"$TMP/pop/claims.csv") - 1))
[ "$have" -lt "$CLAIMS" ] && CLAIMS=$have
half=$((CLAIMS / 2))
head -n $((CLAIMS + 1)) "$TMP/pop/claims.csv" >"$TMP/all.csv"
head -n $((half + 1)) "$TMP/pop/claims.csv" >"$TMP/half.csv"
head -n 1 "$TMP/pop/claims.csv" >"$TMP/none.csv"

echo "host: $(nproc) cpu, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
echo "policy: $POLICY (built to a .so); $(($(wc -l <"$TMP/pop/persons.csv") - 1)) persons rows;" \
    "claims sorted by person and date"
echo
printf '%-10s %-7s %3s %9s %9s %12s %9s\n' claims ledger -j "run s" "wall s" "claims/s" "peak MB"

# one run: $1 the claims file, $2 threads, $3 memory or sqlite
bench() {
    n=$(($(wc -l <"$1") - 1))
    rm -f "$TMP"/ledger.db "$TMP"/ledger.db-*
    if [ "$3" = sqlite ]; then set -- "$@" --ledger "$TMP/ledger.db"; fi
    file=$1 j=$2 ledger=$3
    shift 3
    measure "$POLC" run "$TMP/engine.so" --claims "$file" --persons "$TMP/pop/persons.csv" \
        --out "$TMP/results.csv" -j "$j" "$@" >/dev/null 2>"$TMP/err"
    rc=$?
    if [ "$rc" -ne 0 ] && [ "$rc" -ne 3 ]; then
        echo "polc run failed (exit $rc): $(grep -v '^maxrss' "$TMP/err" | head -n 3)"
        status=1
        return
    fi
    set -- $(grep '^maxrss: ' "$TMP/err" | tail -n 1)
    wall=$2 kb=$3
    # polrt_run's own time (persons, both passes over the claims, results), from its summary
    run_s=$(sed -n 's/.* claims\/s (\([0-9.]*\) s)$/\1/p' "$TMP/err")
    printf '%-10s %-7s %3s %9s %9s %12s %9s\n' "$n" "$ledger" "$j" "$run_s" "$wall" \
        "$(awk -v n="$n" -v s="$run_s" 'BEGIN { printf("%d", (s > 0 ? n / s : 0)) }')" \
        "$(awk -v k="$kb" 'BEGIN { printf "%.0f", k / 1024 }')"
}

status=0
bench "$TMP/none.csv" 1 memory
for j in 1 2; do
    bench "$TMP/half.csv" "$j" memory
    bench "$TMP/all.csv" "$j" memory
done
if [ "$LEDGER" = 1 ]; then
    bench "$TMP/half.csv" 1 sqlite
    bench "$TMP/all.csv" 1 sqlite
fi
echo
echo "run s: polrt_run (persons, both passes over the claims, results); wall s: the whole"
echo "process (loading the engine too); peak MB: maximum resident set, engine and persons"
echo "included (the 0-claims row)."
exit $status
