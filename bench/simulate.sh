#!/bin/sh
# bench/simulate.sh — polc simulate at scale (spec/SIMULATE.md): a generated population of
# about 10 million claims settled under the Panji base and the county-cap-4000 reform in one
# pass with -j 2. Target: under 10 s wall on the 2-core reference machine, idle.
#
#   sh bench/simulate.sh            env: PERSONS (2900000: ~10.1M claims), SEED (7), J (2),
#                                        POLC (build/polc), BENCH_DIR (a temp dir, removed)
#
# Prints, per run: claims, input size, wall and CPU seconds, claims/s (wall), peak resident
# memory (getrusage via /usr/bin/time, else the shell's), and the mode. Then the memory
# check: the same 1,000,000 persons with 1x and 3x the claims (gen --claim-scale), sorted
# as gen writes them: peak memory should be about the same, since a streamed run holds the
# persons table and one batch, never the claims. Wall time on a shared machine is inflated
# by other jobs: the host line gives the load average, and CPU seconds are shown beside.
set -u
cd "$(dirname "$0")/.." || exit 2
POLC=${POLC:-build/polc}
PERSONS=${PERSONS:-2900000}
SEED=${SEED:-7}
J=${J:-2}
BASE=policies/anhui/panji-2017.pol
REFORM=policies/anhui/reforms/county-cap-4000.pol
for f in "$POLC" $BASE $REFORM; do
    [ -e "$f" ] || { echo "bench/simulate.sh: $f is missing (make first)"; exit 2; }
done
if [ -n "${BENCH_DIR:-}" ]; then
    D=$BENCH_DIR
    mkdir -p "$D" || exit 2
else
    D=$(mktemp -d "${TMPDIR:-/tmp}/polc-bench-sim.XXXXXX") || exit 2
    trap 'rm -rf "$D"' EXIT
fi
TIME=/usr/bin/time
[ -x $TIME ] || TIME=

echo "host: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), $POLC, -j $J"

# gen DIR PERSONS [SCALE]: a population, timed
gen() {
    t0=$(date +%s.%N)
    "$POLC" gen --no-progress --persons "$2" --seed "$SEED" --claim-scale "${3:-1}" --out "$1" ||
        exit 2
    t1=$(date +%s.%N)
    n=$(($(wc -l < "$1/claims.csv") - 1))
    printf 'gen: %s persons x%s -> %s claims, %s MB, %.1f s\n' "$2" "${3:-1}" "$n" \
        "$(($(wc -c < "$1/claims.csv") / 1048576))" "$(echo "$t1 - $t0" | bc)"
}

# sim DIR LABEL: base + reform over DIR's files; one line of figures
sim() {
    if [ -n "$TIME" ]; then
        $TIME -f '%e %U %S %M' -o "$D/time" "$POLC" simulate --no-progress -j "$J" \
            --base $BASE --reform $REFORM --claims "$1/claims.csv" --persons "$1/persons.csv" \
            > "$D/out" 2> "$D/err"
    else
        t0=$(date +%s.%N)
        "$POLC" simulate --no-progress -j "$J" --base $BASE --reform $REFORM \
            --claims "$1/claims.csv" --persons "$1/persons.csv" > "$D/out" 2> "$D/err"
        t1=$(date +%s.%N)
        echo "$(echo "$t1 - $t0" | bc) 0 0 0" > "$D/time"
    fi
    rc=$?
    if [ $rc -ne 0 ] && [ $rc -ne 3 ]; then
        echo "simulate failed (exit $rc): $(tail -3 "$D/err")"
        exit 1
    fi
    n=$(($(wc -l < "$1/claims.csv") - 1))
    mode=$(head -1 "$D/out" | sed 's/.*(\(.*\)).*/\1/')
    read -r wall user sys rss < "$D/time"
    printf '%-22s %11s %9s %9s %11s %10s  %s\n' "$2" "$n" "$wall" "$(echo "$user + $sys" | bc)" \
        "$(echo "$n / $wall" | bc)" "$((rss / 1024)) MB" "$mode"
}

header() {
    printf '%-22s %11s %9s %9s %11s %10s  %s\n' run claims "wall s" "cpu s" "claims/s" \
        "peak RSS" mode
}

gen "$D/big" "$PERSONS"
echo
header
sim "$D/big" "base+reform, $PERSONS"
grep -E '^  (backstop|patient_pays) ' "$D/out" | sed 's/^/    /'
rm -rf "$D/big"

echo
echo "memory against claims (the same 1,000,000 persons, claims grouped by person):"
gen "$D/m1" 1000000 1
gen "$D/m3" 1000000 3
echo
header
sim "$D/m1" "1M persons, 1x claims"
sim "$D/m3" "1M persons, 3x claims"
exit 0
