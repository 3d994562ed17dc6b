#!/bin/sh
# tests/cli/overflow.sh — a claim whose amounts leave the int64 fen range fails alone: its
# status says which rule (or ledger field) overflowed and on which line, its ledger stays
# as it was, and the other claims of the same file settle. The interpreter, the JIT and a
# built .so must write exactly the expected results file.
#
#   sh tests/cli/overflow.sh        env: POLC (build/polc)
set -u
cd "$(dirname "$0")/../.." || exit 2
POLC=${POLC:-build/polc}
P=tests/cli/overflow.pol
WORK=$(mktemp -d "${TMPDIR:-/tmp}/polc-overflow.XXXXXX") || exit 2
trap 'rm -rf "$WORK"' EXIT

pass=0
fail=0

# 92233720368547758.07 yuan is INT64_MAX fen. p3: the second 5e16-yuan claim overflows the
# year's total, and c07 then sees the ledger without c04. p5: the lifetime ledger update
# itself overflows (c09), so the 2018 year ledger stays empty for c10.
cat >"$WORK/claims.csv" <<'EOF'
claim_id,person_id,d,total,extra
c01,p1,2017-03-01,100,
c02,p2,2017-03-01,92233720368547758.07,0.01
c03,p3,2017-03-01,50000000000000000,0
c04,p3,2017-04-01,50000000000000000,0
c05,p4,2017-03-01,70000000000000000,0
c06,p1,2017-05-01,200.50,
c07,p3,2017-05-01,1,0
c08,p5,2017-03-01,60000000000000000,0
c09,p5,2018-03-01,2000000000000000,0
c10,p5,2018-04-01,1,0
c11,p6,2016-12-31,1,0
EOF

# a results file starts with a UTF-8 byte order mark (spec/DATA.md, for Excel)
printf '\357\273\277' >"$WORK/want.csv"
printf '%s\n' \
    'claim_id,gross,scaled,year_paid,status' \
    'c01,100.00,150.00,100.00,settled' \
    'c02,,,,"error: amount overflow in rule gross (line 8, col 33)"' \
    'c03,50000000000000000.00,75000000000000000.00,50000000000000000.00,settled' \
    'c04,,,,"error: amount overflow in rule year_paid (line 10, col 25)"' \
    'c05,,,,"error: amount overflow in rule scaled (line 9, col 22)"' \
    'c06,200.50,300.75,300.50,settled' \
    'c07,1.00,1.50,50000000000000001.00,settled' \
    'c08,60000000000000000.00,90000000000000000.00,60000000000000000.00,settled' \
    'c09,,,,"error: amount overflow in life.scaled_sum (line 7, col 47)"' \
    'c10,1.00,1.50,1.00,settled' \
    "c11,,,,\"error: dated 2016-12-31, outside the policy's validity\"" \
    >>"$WORK/want.csv"

if ! "$POLC" build "$P" -o "$WORK/overflow.so" 2>"$WORK/build.err"; then
    echo "[FAIL] $P: polc build: $(head -n 1 "$WORK/build.err")"
    echo "0 passed, 1 failed"
    exit 1
fi

for ev in interp jit so; do
    case $ev in
        interp) set -- "$P" --interp ;;
        jit) set -- "$P" ;;
        so) set -- "$WORK/overflow.so" ;;
    esac
    "$POLC" run "$@" --claims "$WORK/claims.csv" --out "$WORK/$ev.csv" -q 2>"$WORK/$ev.err"
    rc=$?
    label="overflow: failed claims and the others settled ($ev)"
    # some claims fail (their amounts overflow): bad input data, exit 3; the others settle
    if [ $rc -ne 3 ]; then
        echo "[FAIL] $label: exit $rc, expected 3: $(head -n 1 "$WORK/$ev.err")"
        fail=$((fail + 1))
    elif ! cmp -s "$WORK/$ev.csv" "$WORK/want.csv"; then
        echo "[FAIL] $label: results differ (expected -, got +):"
        diff -u "$WORK/want.csv" "$WORK/$ev.csv" | sed -n '3,$p' | sed 's/^/    /'
        fail=$((fail + 1))
    elif [ -s "$WORK/$ev.err" ]; then
        echo "[FAIL] $label: unexpected message: $(head -n 1 "$WORK/$ev.err")"
        fail=$((fail + 1))
    else
        echo "[PASS] $label"
        pass=$((pass + 1))
    fi
done

# the explanation of a failed claim names the failure, does not list the rule that failed as
# if it had a value (it said "year_paid 0.00 yuan": backend request 6) and leaves the ledgers
"$POLC" explain "$P" --claims "$WORK/claims.csv" --claim c04 >"$WORK/explain.out" 2>&1
if grep -qx 'error: amount overflow in rule year_paid (line 10, col 25)' "$WORK/explain.out" &&
    grep -qx 'ledgers unchanged' "$WORK/explain.out" &&
    ! grep -q '^  year_paid .*yuan' "$WORK/explain.out"; then
    echo "[PASS] overflow: polc explain names the failed rule and line"
    pass=$((pass + 1))
else
    echo "[FAIL] overflow: polc explain of c04:"
    sed 's/^/    /' "$WORK/explain.out"
    fail=$((fail + 1))
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
