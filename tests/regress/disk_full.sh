#!/bin/sh
# Regression (issue 15, 5): a full disk on --out was reported as "Input/output error" (stdio
# keeps only ferror, the errno of the failed write was lost) and exited 2, the usage code.
# Now the writer keeps the errno of its first failed write, and system failures (a file that
# cannot be written, a full or locked ledger) exit 4, naming the file and the real cause.
# /dev/full always; a 64 KiB tmpfs too when this runs as root and may mount one (results,
# explanations, polc gen, the ledger: nothing half-written left, the old results in place).
# Env: POLC (default build/polc).
set -u
cd "$(dirname "$0")/../.." || exit 2
POLC=${POLC:-build/polc}
case $POLC in /*) ;; *) POLC=$(pwd)/$POLC ;; esac
P=$(pwd)/tests/runtime/capped.pol
T=$(mktemp -d "${TMPDIR:-/tmp}/polc-regress.XXXXXX") || exit 2
mounted=0
trap '[ $mounted = 1 ] && umount "$T/m"; rm -rf "$T"' EXIT
trap 'exit 1' INT TERM HUP
cd "$T" || exit 2
pass() { echo "[PASS] regress: $1"; }
fail() { echo "[FAIL] regress: $1"; }

awk 'BEGIN { print "claim_id,person_id,医院级别,出院日期,医疗总费用,非合规费用"
             for (i = 0; i < 5000; i++) printf "C%d,P%d,county,2024-03-01,1000,10\n", i, i }' \
    >claims.csv

# $1 name, $2 expected exit, $3 expected message; the command after
expect() {
    name=$1
    want_rc=$2
    want=$3
    shift 3
    "$@" >out 2>err
    rc=$?
    if [ $rc -ne "$want_rc" ] || [ "$(cat err)" != "$want" ]; then
        fail "$name: exit $rc, said '$(cat err)'; expected exit $want_rc, '$want'"
        return 1
    fi
    pass "$name"
}

expect "--out /dev/full: exit 4, No space left on device" 4 \
    'polc: cannot write /dev/full: No space left on device' \
    "$POLC" run "$P" --claims claims.csv --out /dev/full -q
expect "--explain /dev/full: exit 4, No space left on device" 4 \
    'polc: cannot write /dev/full: No space left on device' \
    "$POLC" run "$P" --claims claims.csv --out o.csv --explain /dev/full -q
expect "a claims file that does not exist is still a usage error" 2 \
    'polc: cannot open none.csv: No such file or directory' \
    "$POLC" run "$P" --claims none.csv -q

mkdir m
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=64k polc-full m 2>/dev/null; then
    mounted=1
    printf 'previous\n' >m/out.csv
    expect "a full disk under --out: exit 4, the file named" 4 \
        'polc: cannot write m/out.csv: No space left on device' \
        "$POLC" run "$P" --claims claims.csv --out m/out.csv -q &&
        if [ "$(cat m/out.csv)" != previous ] || [ -n "$(ls m | grep -v '^out.csv$')" ]; then
            fail "a full disk under --out: the old results changed or a file was left: $(ls m)"
        else
            pass "a full disk under --out leaves the old results and no temporary"
        fi
    rm -f m/out.csv
    "$POLC" gen --persons 3000 --seed 1 --out m/pop 2>err
    rc=$?
    case $rc:$(cat err) in
        "4:polc: cannot write m/pop/"*".csv: No space left on device")
            if [ -n "$(ls m/pop)" ]; then
                fail "polc gen on a full disk left $(ls m/pop)"
            else
                pass "polc gen on a full disk: exit 4, the file named, nothing left"
            fi
            ;;
        *) fail "polc gen on a full disk: exit $rc, said '$(cat err)'" ;;
    esac
    rm -rf m/pop
    # the ledger: SQLite's own words, with the file's name
    expect "a full disk under --ledger: exit 4" 4 \
        'polc: m/l.db: database or disk is full' \
        "$POLC" run "$P" --claims claims.csv --out o.csv --ledger m/l.db -q
fi
