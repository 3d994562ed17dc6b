#!/bin/sh
# The optional libraries load on first use (runtime/dl.h): polc is not linked with SQLCipher,
# libpq, libxlsxwriter, libmicrohttpd, Open MPI or LLVM (its back end, cli/backend.h, is
# opened when a command compiles); a run without a ledger or a workbook loads none of them;
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
*libsqlcipher* | *libpq* | *libxlsxwriter* | *libmpi* | *libmicrohttpd* | *libstdc++* | *LLVM* | *libz3*)
    fail "polc is linked with $needed" ;;
*) pass "polc links none of SQLCipher, libpq, libxlsxwriter, libmicrohttpd, Open MPI, LLVM" ;;
esac

run "$d/plain.log" --out "$d/r.csv"
for lib in libsqlcipher libpq libxlsxwriter libmpi; do
    loaded "a run to CSV without a ledger: no $lib" no "$lib" "$d/plain.log"
done
if grep -q '^c1,7760.00,' "$d/r.csv"; then pass "and its results"; else
    fail "results: $(head -2 "$d/r.csv" | tr '\n' ' ')"
fi

loaded "a run of a policy (the JIT): the back end loaded" yes ".*polc-backend.so" "$d/plain.log"
loaded "a run: not libmicrohttpd" no libmicrohttpd "$d/plain.log"
"$POLC" build tests/sim/sim.pol -o "$d/sim.so" 2> "$d/err" || fail "polc build: $(cat "$d/err")"
LD_DEBUG=files LD_DEBUG_OUTPUT="$d/ld" "$POLC" run "$d/sim.so" -q --no-progress \
    --claims tests/sim/claims.csv --persons tests/sim/persons.csv --out "$d/so.csv" 2> "$d/err" ||
    fail "polc run sim.so: $(cat "$d/err")"
cat "$d"/ld.* > "$d/so.log" 2> /dev/null
rm -f "$d"/ld.*
loaded "a run of a built engine: no back end" no ".*polc-backend.so" "$d/so.log"
if cmp -s "$d/so.csv" "$d/r.csv"; then pass "and the same results"; else
    fail "built engine's results differ: $(head -2 "$d/so.csv" | tr '\n' ' ')"
fi

run "$d/sqlite.log" --ledger "$d/l.db" --out "$d/r2.csv"
loaded "an SQLite ledger: SQLCipher loaded" yes libsqlcipher "$d/sqlite.log"
loaded "an SQLite ledger: not libpq" no libpq "$d/sqlite.log"

run "$d/xlsx.log" --xlsx "$d/r.xlsx"
loaded "--xlsx: libxlsxwriter loaded" yes libxlsxwriter "$d/xlsx.log"
loaded "--xlsx: not SQLCipher" no libsqlcipher "$d/xlsx.log"

# an optional library that is there but not the one polc was built against (a stub with none
# of its functions): the run stops with the library's name and its package, exit 4 (a system
# failure, whichever library), nothing written
mkdir "$d/stub"
for so in libsqlcipher.so.0 libxlsxwriter.so.4; do
    echo 'int polc_stub;' | cc -shared -x c - -o "$d/stub/$so" 2>/dev/null
done
LD_LIBRARY_PATH="$d/stub" "$POLC" run tests/sim/sim.pol -q --no-progress \
    --claims tests/sim/claims.csv --persons tests/sim/persons.csv --ledger "$d/s.db" \
    --out "$d/s.csv" 2> "$d/err"
rc=$?
if [ $rc = 4 ] && grep -q "libsqlcipher.so.0 has no sqlite3_[a-z_]*: a version older than polc was built against (Debian package libsqlcipher0)" "$d/err" &&
    [ ! -e "$d/s.csv" ]; then pass "SQLCipher without its functions: exit 4, named"
else fail "SQLCipher without its functions: exit $rc: $(cat "$d/err")"; fi
LD_LIBRARY_PATH="$d/stub" "$POLC" run tests/sim/sim.pol -q --no-progress \
    --claims tests/sim/claims.csv --persons tests/sim/persons.csv --xlsx "$d/s.xlsx" \
    --out "$d/s2.csv" 2> "$d/err"
rc=$?
if [ $rc = 4 ] && grep -q "libxlsxwriter.so.4 has no [a-z_]*: a version older than polc was built against (Debian package libxlsxwriter4)" "$d/err"; then
    pass "libxlsxwriter without its functions: exit 4, named"
else fail "libxlsxwriter without its functions: exit $rc: $(cat "$d/err")"; fi

# polc without its back end (copied alone: neither beside it nor in its ../lib/polc): what
# compiles stops with exit 4 and says what is missing, nothing written; what does not compile
# works (a built engine, polc check). A library in the back end's place that is not polc's
# back end (one int, no functions): exit 4, named.
mkdir -p "$d/alone/bin"
cp "$POLC" "$d/alone/bin/polc"
A=$d/alone/bin/polc
alone_run() { # alone_run OUT: the copy runs sim.pol, results to OUT, stderr in $d/err, exit in rc
    "$A" run tests/sim/sim.pol -q --no-progress --claims tests/sim/claims.csv \
        --persons tests/sim/persons.csv --out "$1" 2> "$d/err"
    rc=$?
}
alone_run "$d/a.csv"
if [ $rc = 4 ] && [ ! -e "$d/a.csv" ] && grep -q "^polc: cannot find the compiler's back end (polc-backend.so) beside polc or in its ../lib/polc: build it (make) or install it (make install)$" "$d/err"; then
    pass "no back end: polc run POLICY exits 4, says so, writes nothing"
else fail "no back end: polc run POLICY: exit $rc: $(cat "$d/err")"; fi
# simulate compiles its scenarios together (engine_start_all): the same words, once
"$A" simulate --base tests/sim/sim.pol --reform tests/sim/cap4000.pol -j 2 -q \
    --claims tests/sim/claims.csv --persons tests/sim/persons.csv --changes "$d/ch.csv" 2> "$d/err"
rc=$?
if [ $rc = 4 ] && [ ! -e "$d/ch.csv" ] && [ "$(grep -c "back end" "$d/err")" = 1 ] &&
    grep -q "^polc: cannot find the compiler's back end (polc-backend.so)" "$d/err"; then
    pass "no back end: polc simulate exits 4, says so once, writes nothing"
else fail "no back end: polc simulate: exit $rc: $(cat "$d/err")"; fi
"$A" build tests/sim/sim.pol -o "$d/a.so" 2> "$d/err"
rc=$?
if [ $rc = 4 ] && [ ! -e "$d/a.so" ] && grep -q "cannot find the compiler's back end" "$d/err"; then
    pass "no back end: polc build exits 4"
else fail "no back end: polc build: exit $rc: $(cat "$d/err")"; fi
if "$A" run "$d/sim.so" -q --no-progress --claims tests/sim/claims.csv \
    --persons tests/sim/persons.csv --out "$d/a2.csv" 2> "$d/err" && cmp -s "$d/a2.csv" "$d/r.csv" &&
    "$A" check tests/sim/sim.pol 2> "$d/err"; then
    pass "no back end: a built engine runs, polc check checks"
else fail "no back end: built engine or check: $(cat "$d/err")"; fi
echo 'int not_the_back_end;' | cc -shared -x c - -o "$d/alone/bin/polc-backend.so" 2>/dev/null
alone_run "$d/a3.csv"
if [ $rc = 4 ] && [ ! -e "$d/a3.csv" ] && grep -q "polc-backend.so has no jit_create: not the one this polc was built with" "$d/err"; then
    pass "a back end that is not polc's: exit 4, named"
else fail "a back end that is not polc's: exit $rc: $(cat "$d/err")"; fi
