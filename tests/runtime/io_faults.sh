#!/bin/sh
# I/O-error injection (issue 15): every atomic writer and the SQLite ledger, with write(2)
# failing with ENOSPC or EIO, a short write followed by ENOSPC, fsync failing with EIO and
# rename failing with EIO, through an LD_PRELOAD shim (tests/fault/iofail.c, built here).
# Outputs (run --out, --explain, --rejects; simulate --report; gen; fmt; doc): exit 4, a message
# naming the file and the real cause, the previous file untouched in place, no temporary
# left. The ledger: exit 4, the file passes PRAGMA integrity_check, and a re-run without
# faults ends with the same ledger rows and settled claims as one clean run (nothing lost,
# nothing counted twice). Every case checks that the fault was met (the shim logs it).
# Env: POLC (default build/polc), CC (default cc).
set -u
cd "$(dirname "$0")/../.." || exit 2
ROOT=$(pwd)
POLC=${POLC:-build/polc}
case $POLC in /*) ;; *) POLC=$ROOT/$POLC ;; esac
CC=${CC:-cc}
T=$(mktemp -d "${TMPDIR:-/tmp}/polc-iofail.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
pass() { echo "[PASS] io faults: $1"; }
fail() { echo "[FAIL] io faults: $1"; }
"$CC" -shared -fPIC -O1 -o "$T/libiofail.so" tests/fault/iofail.c -ldl ||
    { fail "cannot build the shim"; exit 1; }
P=$ROOT/policies/anhui/panji-2017.pol
"$POLC" gen --persons 300 --seed 15 --years 2017,2018 --out "$T/pop" -q ||
    { fail "polc gen"; exit 1; }
# one malformed row, so that run writes a rejects file
cp "$T/pop/claims.csv" "$T/claims.csv"
printf 'bad"row\n' >>"$T/claims.csv"

. "$ROOT/tests/fault/preload.sh"
PRELOAD=$(preload "$T/libiofail.so")

# faulty WHAT MATCH OP ERRNO SHORT NTH -- COMMAND...: COMMAND under the shim, in $T/w
faulty() {
    what=$1 match=$2 op=$3 en=$4 short=$5 nth=$6
    shift 7
    rm -f "$T/iofail.log"
    (cd "$T/w" && LD_PRELOAD="$PRELOAD" IOFAIL_OP=$op IOFAIL_MATCH=$match \
        IOFAIL_ERRNO=$en IOFAIL_SHORT=$short IOFAIL_NTH=$nth IOFAIL_LOG="$T/iofail.log" \
        "$@" >"$T/out" 2>"$T/err")
    rc=$?
}

NTH=1 # the failing call among the matching ones (output)
cause() { [ "$1" = EIO ] && echo "Input/output error" || echo "No space left on device"; }

# output NAME FILE FAULT... -- COMMAND: FILE (in $T/w) holds "OLD" before; after the faulty
# COMMAND, exit 4, the message names FILE and the cause, FILE still "OLD", no temporary left
output() {
    name=$1 file=$2 op=$3 en=$4 short=$5
    shift 6
    rm -rf "$T/w"
    mkdir -p "$T/w/$(dirname "$file")"
    [ "$name" = fmt ] && cp "$ROOT/tests/sim/sim.pol" "$T/w/$file" && sed -i 's/  */ /g' "$T/w/$file"
    [ "$name" = fmt ] || echo OLD >"$T/w/$file"
    cp "$T/w/$file" "$T/before"
    base=$(basename "$file")
    match=$base.tmp
    [ "$op" = rename ] && match=$base
    faulty "$name" "$match" "$op" "$en" "$short" "$NTH" -- "$@"
    label="$name: $op $en$([ "$short" = 1 ] && echo ' after a short write')"
    left=$(find "$T/w" -name '*.tmp*' | head -n 1)
    if [ ! -f "$T/iofail.log" ]; then
        fail "$label: the fault was not met (exit $rc)"
    elif [ $rc -ne 4 ]; then
        fail "$label: exit $rc, expected 4: $(head -n 1 "$T/err")"
    elif ! grep -q "$base" "$T/err" || ! grep -q "$(cause "$en")" "$T/err"; then
        fail "$label: the message does not name $base and '$(cause "$en")': $(head -n 1 "$T/err")"
    elif ! cmp -s "$T/w/$file" "$T/before"; then
        fail "$label: $file was changed in place"
    elif [ -n "$left" ]; then
        fail "$label: a temporary was left: $left"
    else
        pass "$label: exit 4, $file untouched, no temporary"
    fi
}

for f in "write ENOSPC 0" "write EIO 0" "write ENOSPC 1" "sync EIO 0" "rename EIO 0"; do
    # shellcheck disable=SC2086
    set -- $f
    output "run --out" res.csv "$1" "$2" "$3" -- "$POLC" run "$P" --claims "$T/claims.csv" \
        --persons "$T/pop/persons.csv" --out res.csv --explain exp.jsonl --rejects rej.csv -q
    output "run --explain" exp.jsonl "$1" "$2" "$3" -- "$POLC" run "$P" \
        --claims "$T/claims.csv" --persons "$T/pop/persons.csv" --out res.csv \
        --explain exp.jsonl --rejects rej.csv -q
    output "run --rejects" rej.csv "$1" "$2" "$3" -- "$POLC" run "$P" --claims "$T/claims.csv" \
        --persons "$T/pop/persons.csv" --out res.csv --rejects rej.csv -q
    output "simulate --report" r/totals.csv "$1" "$2" "$3" -- "$POLC" simulate --no-progress \
        --base "$P" --reform "$ROOT/policies/anhui/reforms/county-cap-4000.pol" \
        --claims "$T/pop/claims.csv" --persons "$T/pop/persons.csv" --report r -q
    output "gen" pop/claims.csv "$1" "$2" "$3" -- "$POLC" gen --persons 50 --seed 3 --out pop -q
    output "fmt" p.pol "$1" "$2" "$3" -- "$POLC" fmt p.pol
    output "doc" d/index.html "$1" "$2" "$3" -- "$POLC" doc "$P" -o d
done

# a batch of results of 64 KB or more goes out in one writev(2) of its own, after the header
# stdio holds (runtime/out.c rt_out_writev): the 2nd write to the file is that block (2,000
# persons: ~700 KB of results in one batch); its failure is the same exit 4, cause and file
"$POLC" gen --persons 2000 --seed 15 --years 2017 --out "$T/big" -q || { fail "polc gen"; exit 1; }
NTH=2
for f in "write ENOSPC 0" "write EIO 0" "write ENOSPC 1"; do
    # shellcheck disable=SC2086
    set -- $f
    output "run --out, a block in one write" res.csv "$1" "$2" "$3" -- "$POLC" run "$P" \
        --claims "$T/big/claims.csv" --persons "$T/big/persons.csv" --out res.csv -q
done
NTH=1

# ---- the ledger ------------------------------------------------------------------------
ledger_dump() { # the rows that matter, without times
    sqlite3 "$1" "SELECT person_id, ledger, key, hex(vals) FROM ledger_rows ORDER BY 1, 2, 3;
                  SELECT claim_id, person_id, hex(outputs), hex(ledger_after) FROM settled_claims
                  ORDER BY 1;"
}
rm -rf "$T/w" && mkdir "$T/w"
# claims of 2018 fall outside the 2017 policy and fail: the run exits 3, as the re-runs must
(cd "$T/w" && "$POLC" run "$P" --claims "$T/pop/claims.csv" --persons "$T/pop/persons.csv" \
    --ledger ref.db --out ref.csv -q 2>"$T/err")
ref_rc=$?
[ $ref_rc -eq 0 ] || [ $ref_rc -eq 3 ] ||
    { fail "the clean ledger run: exit $ref_rc: $(head -n 1 "$T/err")"; exit 1; }
ledger_dump "$T/w/ref.db" >"$T/ref.dump"
nclaims=$(sqlite3 "$T/w/ref.db" "SELECT count(*) FROM settled_claims")
for f in "write ENOSPC 0 1" "write ENOSPC 0 5" "write EIO 0 40" "write ENOSPC 1 3" "sync EIO 0 1" "sync EIO 0 2"; do
    # shellcheck disable=SC2086
    set -- $f
    label="ledger: $1 $2$([ "$3" = 1 ] && echo ' after a short write') at call $4"
    rm -f "$T/w"/k.db*
    faulty ledger k.db "$1" "$2" "$3" "$4" -- "$POLC" run "$P" --claims "$T/pop/claims.csv" \
        --persons "$T/pop/persons.csv" --ledger k.db --out k.csv -q
    if [ ! -f "$T/iofail.log" ]; then
        fail "$label: the fault was not met (exit $rc)"
        continue
    elif [ $rc -ne 4 ]; then
        fail "$label: exit $rc, expected 4: $(head -n 1 "$T/err")"
        continue
    elif ! grep -q "k.db" "$T/err"; then
        fail "$label: the message does not name the ledger: $(head -n 1 "$T/err")"
        continue
    fi
    ic=$(sqlite3 "$T/w/k.db" "PRAGMA integrity_check" 2>&1)
    if [ "$ic" != ok ]; then
        fail "$label: integrity_check: $ic"
        continue
    fi
    (cd "$T/w" && "$POLC" run "$P" --claims "$T/pop/claims.csv" --persons "$T/pop/persons.csv" \
        --ledger k.db --out k.csv -q 2>"$T/err2")
    rc2=$?
    n=$(sqlite3 "$T/w/k.db" "SELECT count(*) FROM settled_claims")
    if [ $rc2 -ne $ref_rc ]; then
        fail "$label: the re-run: exit $rc2: $(head -n 1 "$T/err2")"
    elif [ "$n" -ne "$nclaims" ] || ! ledger_dump "$T/w/k.db" | cmp -s - "$T/ref.dump"; then
        fail "$label: after the re-run the ledger differs from a clean run's ($n of $nclaims claims)"
    else
        pass "$label: exit 4, the ledger intact, the re-run ends as a clean run ($nclaims claims once)"
    fi
done
