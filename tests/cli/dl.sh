#!/bin/sh
# The optional libraries load on first use (runtime/dl.h): polc is not linked with SQLCipher,
# libpq, libxlsxwriter or Open MPI; a run without a ledger or a workbook loads none of them;
# an SQLite ledger loads SQLCipher (and not libpq), --xlsx libxlsxwriter. What each then does
# is tested where it is used (tests/runtime, tests/serve, tests/cli/excel.sh, mpi.sh). The
# dynamic loader says what it loads (LD_DEBUG=files: "file=SONAME [0];  dynamically loaded").
#
# tests/sim/sim.pol on tests/sim's claims: c1 p1 county 10000 settles with basic 7760.00
# (tests/cli/excel.sh has the working).
set -u
POLC=${POLC:-build/polc}
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
pass() { echo "[PASS] dl: $1"; }
fail() { echo "[FAIL] dl: $1"; }
# loaded NAME WANT LIB-PATTERN LOG: the log names a library matching the pattern (WANT yes/no)
loaded() {
    if grep -q "file=$3" "$4"; then got=yes; else got=no; fi
    if [ "$got" = "$2" ]; then pass "$1"; else fail "$1: loaded $3: $got, expected $2"; fi
}
run() { # run LOG ARGS...: polc run on sim.pol, the loader's log in LOG
    log=$1
    shift
    LD_DEBUG=files LD_DEBUG_OUTPUT="$d/ld" "$POLC" run tests/sim/sim.pol -q --no-progress \
        --claims tests/sim/claims.csv --persons tests/sim/persons.csv "$@" > /dev/null 2> "$d/err"
    rc=$?
    cat "$d"/ld.* > "$log" 2> /dev/null
    rm -f "$d"/ld.*
    [ "$rc" = 0 ] || fail "polc run $*: exit $rc: $(head -2 "$d/err")"
}

needed=$(objdump -p "$POLC" | sed -n 's/^ *NEEDED *//p' | tr '\n' ' ')
case "$needed" in
*libsqlcipher* | *libpq* | *libxlsxwriter* | *libmpi*) fail "polc is linked with $needed" ;;
*) pass "polc links none of SQLCipher, libpq, libxlsxwriter, Open MPI" ;;
esac

run "$d/plain.log" --out "$d/r.csv"
for lib in libsqlcipher libpq libxlsxwriter libmpi; do
    loaded "a run to CSV without a ledger: no $lib" no "$lib" "$d/plain.log"
done
if grep -q '^c1,7760.00,' "$d/r.csv"; then pass "and its results"; else
    fail "results: $(head -2 "$d/r.csv" | tr '\n' ' ')"
fi

run "$d/sqlite.log" --ledger "$d/l.db" --out "$d/r2.csv"
loaded "an SQLite ledger: SQLCipher loaded" yes libsqlcipher "$d/sqlite.log"
loaded "an SQLite ledger: not libpq" no libpq "$d/sqlite.log"

run "$d/xlsx.log" --xlsx "$d/r.xlsx"
loaded "--xlsx: libxlsxwriter loaded" yes libxlsxwriter "$d/xlsx.log"
loaded "--xlsx: not SQLCipher" no libsqlcipher "$d/xlsx.log"
