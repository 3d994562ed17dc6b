#!/bin/sh
# tests/runtime/big_csv.sh — a claims file is streamed, never loaded whole: settling 4 times
# as many claims (of the same persons, sorted by person and date) takes the same peak memory,
# but for the duplicate check's hashes of the claim ids (spec/DATA.md).
# By default a 12 MB and a 50 MB file (a few seconds); with POLC_SLOW=1 also a 1 GB file
# (about 17 million claims: minutes, so not part of the default suite), whose figures are
# printed. Files are generated on the fly (awk) into a temporary directory.
#
#   sh tests/runtime/big_csv.sh      env: POLC (build/polc), POLC_SLOW (1: the 1 GB file),
#                                    BIG_MB (1024: its size)
. "$(dirname "$0")/lib.sh"
P=$ROOT/tests/runtime/capped.pol
work big-csv
# memory a larger file may take beyond a smaller one's: allocator noise, and the duplicate
# check's hashes of the claim ids (8 bytes each, in a table sized from the first batch's
# estimate and at most three quarters full: 16 bytes a claim here, ID_BYTES), not a copy of
# the claims
SLACK_KB=16384
ID_BYTES=16
PERSONS=20000

# peak memory: GNU time, else a wrapper around wait4's rusage (bench/maxrss.c)
if [ -x /usr/bin/time ]; then
    measure() { /usr/bin/time -f "maxrss: %e %M" "$@"; }
elif ${CC:-cc} -O2 -o maxrss "$ROOT/bench/maxrss.c" 2>/dev/null; then
    measure() { ./maxrss "$@"; }
else
    echo "[PASS] big CSV: skipped (neither /usr/bin/time nor a C compiler to measure memory)"
    echo "1 passed, 0 failed"
    exit 0
fi

# $1 claims of PERSONS persons, each person's claims together and in date order
gen() {
    awk -v n="$1" -v np="$PERSONS" -v seed=7 '
    function leap(y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    BEGIN {
        srand(seed)
        print "claim_id,person_id,level,discharged,total,noncompliant"
        lv[0] = "township"; lv[1] = "county"; lv[2] = "city"
        split("31 28 31 30 31 30 31 31 30 31 30 31", len, " ")
        per = n / np; last = -1
        for (i = 1; i <= n; i++) {
            p = int((i - 1) / per)
            if (p != last) { last = p; y = 2020; m = 1; d = 1 }
            d += int(rand() * 3)
            while (d > len[m] + (m == 2 && leap(y))) { d -= len[m] + (m == 2 && leap(y)); if (++m > 12) { m = 1; y++ } }
            if (y > 2099) y = 2099
            printf "K%09d,P%06d,%s,%04d-%02d-%02d,%.2f,0\n", i, p, lv[int(rand() * 3)], y, m, d, int(rand() * 500000) / 100
        }
    }' >"$2"
}

# Under AddressSanitizer (make asan) freed memory waits in a quarantine, so the peak would
# grow with the work done, not with what is live: turn the quarantine off for this measure.
if [ -n "${ASAN_OPTIONS:-}" ]; then
    ASAN_OPTIONS="$ASAN_OPTIONS:quarantine_size_mb=0"
    export ASAN_OPTIONS
fi

# run the policy on $1; prints "claims seconds KiB"
settle() {
    measure "$POLC" run "$P" --claims "$1" --out /dev/null 2>err >/dev/null
    rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "exit $rc: $(grep -v '^maxrss' err | head -n 1)"
        return 1
    fi
    n=$(sed -n 's/^[^:]*: \([0-9,]*\) claims: .*/\1/p' err | tr -d ,)
    set -- $(grep '^maxrss: ' err | tail -n 1)
    echo "$n $2 $3"
}

gen 250000 small.csv
gen 1000000 large.csv
small=$(settle small.csv) || { bad "big CSV: 250,000 claims" "$small"; echo "$pass passed, $fail failed"; exit 1; }
large=$(settle large.csv) || { bad "big CSV: 1,000,000 claims" "$large"; echo "$pass passed, $fail failed"; exit 1; }
set -- $small
s_n=$1 s_kb=$3
set -- $large
l_n=$1 l_secs=$2 l_kb=$3
if [ "$s_n" = 250000 ] && [ "$l_n" = 1000000 ]; then ok "big CSV: every claim settled"; else
    bad "big CSV: every claim settled" "$s_n of 250000, $l_n of 1000000"
fi
echo "# 250,000 claims ($(($(wc -c <small.csv) / 1048576)) MB): peak $((s_kb / 1024)) MB;" \
    "1,000,000 claims ($(($(wc -c <large.csv) / 1048576)) MB): peak $((l_kb / 1024)) MB, $l_secs s"
if [ "$l_kb" -le $((s_kb + SLACK_KB + (l_n - s_n) * ID_BYTES / 1024)) ]; then
    ok "big CSV: 4 times the claims, the same memory but the ids (+$(((l_kb - s_kb) / 1024)) MB)"
else
    bad "big CSV: 4 times the claims, the same memory" "$((s_kb / 1024)) MB, then $((l_kb / 1024)) MB"
fi
row_bytes=$(($(wc -c <large.csv) / 1000000))
rm -f small.csv large.csv

if [ "${POLC_SLOW:-0}" = 1 ]; then
    mb=${BIG_MB:-1024}
    rows=$((mb * 1048576 / row_bytes))
    t0=$(date +%s)
    gen "$rows" big.csv
    t1=$(date +%s)
    size=$(($(wc -c <big.csv) / 1048576))
    if big=$(settle big.csv); then
        set -- $big
        echo "# $1 claims, $size MB (generated in $((t1 - t0)) s): settled in $2 s," \
            "$(awk -v n="$1" -v s="$2" 'BEGIN { printf("%d", (s > 0 ? n / s : 0)) }') claims/s," \
            "peak $(($3 / 1024)) MB"
        if [ "$1" = "$rows" ]; then ok "big CSV: $size MB, every claim settled"; else
            bad "big CSV: $size MB, every claim settled" "$1 of $rows"
        fi
        if [ "$3" -le $((s_kb + SLACK_KB + ($1 - s_n) * ID_BYTES / 1024)) ]; then
            ok "big CSV: $size MB in the memory of 12 ($(($3 / 1024)) MB)"
        else
            bad "big CSV: $size MB in the memory of 12" "$((s_kb / 1024)) MB, then $(($3 / 1024)) MB"
        fi
    else
        bad "big CSV: $size MB" "$big"
    fi
fi
finish
