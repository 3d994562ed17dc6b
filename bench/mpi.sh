#!/bin/sh
# bench/mpi.sh — polc simulate across MPI ranks (spec/SCALE.md): a generated population of
# about 10 million claims, base + county-cap-4000 reform, alone and on `mpirun -np 1, 2, 4`
# (oversubscribed: this machine has 2 cores, so -np 4 shows the cost of the exchange, not a
# speed-up), each rank on -j J threads. Every run's report CSVs must equal the single
# process's (else the benchmark fails).
#
#   sh bench/mpi.sh         env: PERSONS (2900000: ~10.1M claims), SEED (7), J (1), NP ("1 2 4"),
#                                POLC (build/polc), BENCH_DIR (a temp dir, removed)
#
# Prints per run: ranks, wall seconds, claims/s (all ranks), claims/s per rank, bytes each
# rank sent to rank 0 (polc's POLC_CLUSTER_STATS line), and per rank its CPU seconds (user +
# system) and peak resident memory (/usr/bin/time around each rank, else bench/maxrss and no
# CPU; each rank's stderr goes to its own file, err.RANK: mpirun forwarding it lost the lines
# written as a rank ended). On a machine shared with other work the wall time
# measures the others too: the CPU seconds per rank do not. Each rank reads its chunks of the
# two files, sends each record to its person's rank, holds and settles its own persons
# (spec/SCALE.md, "What is split"): "bytes moved" is what the ranks sent each other (records,
# claim ids and answers), "persons held" each rank's persons, "s in MPI" the wall time a rank
# spent in collectives (Open MPI polls while it waits: a rank's CPU seconds include its waits).
set -u
cd "$(dirname "$0")/.." || exit 2
POLC=${POLC:-build/polc}
MAXRSS=${MAXRSS:-build/bench/maxrss}
PERSONS=${PERSONS:-2900000}
SEED=${SEED:-7}
J=${J:-1}
NP=${NP:-1 2 4}
BASE=$(pwd)/policies/anhui/panji-2017.pol
REFORM=$(pwd)/policies/anhui/reforms/county-cap-4000.pol
case $POLC in /*) ;; */*) POLC=$(pwd)/$POLC ;; esac
case $MAXRSS in /*) ;; */*) MAXRSS=$(pwd)/$MAXRSS ;; esac
for f in "$POLC" "$MAXRSS"; do
    [ -x "$f" ] || { echo "bench/mpi.sh: $f is missing (make all bench-programs)"; exit 2; }
done
command -v mpirun >/dev/null 2>&1 || { echo "bench/mpi.sh: mpirun missing (make deps)"; exit 2; }
if [ -n "${BENCH_DIR:-}" ]; then
    D=$BENCH_DIR
    mkdir -p "$D" || exit 2
else
    D=$(mktemp -d "${TMPDIR:-/tmp}/polc-bench-mpi.XXXXXX") || exit 2
    trap 'rm -rf "$D"' EXIT
fi
cd "$D" || exit 2
echo "host: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), -j $J per rank"

"$POLC" gen --no-progress --persons "$PERSONS" --seed "$SEED" --out pop || exit 2
n=$(($(wc -l <pop/claims.csv) - 1))
echo "population: $PERSONS persons, $n claims, $(($(wc -c <pop/claims.csv) / 1048576)) MB"
echo

TIME=/usr/bin/time
[ -x $TIME ] || TIME=
# around each rank: its figures on one stderr line "rank-time: WALL USER SYS KIB"
if [ -n "$TIME" ]; then
    WRAP="$TIME -f rank-time:_%e_%U_%S_%M"
else
    WRAP=$MAXRSS
fi
printf '%-6s %8s %9s %13s %11s %-24s %11s %-24s %-18s %-18s %s\n' ranks "wall s" claims/s \
    "claims/s/rank" "bytes to 0" "sent per rank" "bytes moved" "persons held per rank" \
    "CPU s per rank" "s in MPI per rank" "peak RSS per rank (MB)"

# one run: $1 ranks (0: alone, no mpirun); the report in rep$1
run() {
    np=$1
    rm -rf "rep$np"
    t0=$(date +%s.%N)
    rm -f err.*
    if [ "$np" -eq 0 ]; then
        $WRAP "$POLC" simulate --no-progress -q -j "$J" --base "$BASE" --reform "$REFORM" \
            --claims pop/claims.csv --persons pop/persons.csv --report "rep$np" >out 2>err.0
    else
        POLC_CLUSTER_STATS=1 mpirun -np "$np" --oversubscribe --allow-run-as-root \
            -x POLC_CLUSTER_STATS sh -c 'exec "$@" 2>err.$OMPI_COMM_WORLD_RANK' sh \
            $WRAP "$POLC" simulate --no-progress -q -j "$J" \
            --base "$BASE" --reform "$REFORM" --claims pop/claims.csv \
            --persons pop/persons.csv --report "rep$np" >out 2>err
    fi
    rc=$?
    t1=$(date +%s.%N)
    if [ $rc -ne 0 ] && [ $rc -ne 3 ]; then
        echo "simulate on $np ranks failed (exit $rc): $(cat err err.* 2>/dev/null | tail -n 3)"
        exit 1
    fi
    for f in rep0/*.csv; do
        cmp -s "$f" "rep$np/${f#rep0/}" || { echo "-np $np: ${f#rep0/} differs from one process'"; exit 1; }
    done
    wall=$(echo "$t1 - $t0" | bc)
    ranks=$([ "$np" -eq 0 ] && echo "alone" || echo "$np")
    k=$([ "$np" -eq 0 ] && echo 1 || echo "$np")
    # polc: rank R of N: sent B bytes ...; rank-time:_WALL_USER_SYS_KIB or maxrss: SECONDS KIB
    sent=$(sed -n 's/.*polc: rank \([0-9]*\) of [0-9]*: sent \([0-9]*\) bytes.*/\1 \2/p' err.* |
        sort -n | awk '{ printf("%s%d", (NR > 1 ? "," : ""), $2) }')
    total=$(sed -n 's/.*polc: rank [0-9]* of [0-9]*: sent \([0-9]*\) bytes.*/\1/p' err.* |
        awk '{ s += $1 } END { print s + 0 }')
    moved=$(sed -n 's/.*polc: rank [0-9]* of [0-9]*: .* \([0-9]*\) bytes to other ranks.*/\1/p' err.* |
        awk '{ s += $1 } END { print s + 0 }')
    inmpi=$(sed -n 's/.*polc: rank \([0-9]*\) of [0-9]*: .*; \([0-9.]*\) s in MPI$/\1 \2/p' err.* |
        sort -n | awk '{ printf("%s%s", (NR > 1 ? "," : ""), $2) }')
    held=$(sed -n 's/.*polc: rank \([0-9]*\) of [0-9]*: .* held \([0-9]*\) persons.*/\1 \2/p' err.* |
        sort -n | awk '{ printf("%s%d", (NR > 1 ? "," : ""), $2) }')
    # each rank's line, "RANK USER SYS KIB" (maxrss: "RANK - - KIB"), in rank order
    for f in err.*; do sed -n "s/^\(rank-time\|maxrss\)/${f#err.} &/p" "$f"; done |
        sed -n 's/^\([0-9]*\) rank-time:_[0-9.]*_\([0-9.]*\)_\([0-9.]*\)_\([0-9]*\)$/\1 \2 \3 \4/p
                s/^\([0-9]*\) maxrss: [0-9.]* \([0-9]*\)$/\1 - - \2/p' | sort -n >ranks
    cpu=$(awk '{ printf("%s%s", (NR > 1 ? "," : ""), ($2 == "-" ? "-" : $2 + $3)) }' ranks)
    rss=$(awk '{ printf("%s%d", (NR > 1 ? "," : ""), $4 / 1024) }' ranks)
    printf '%-6s %8.2f %9d %13d %11s %-24s %11s %-24s %-18s %-18s %s\n' "$ranks" "$wall" \
        "$(echo "$n / $wall" | bc)" "$(echo "$n / $wall / $k" | bc)" "$total" "${sent:--}" \
        "$moved" "${held:--}" "${cpu:--}" "${inmpi:--}" "$rss"
}

run 0
for np in $NP; do
    run "$np"
done
