#!/bin/sh
# Concurrent runs on one SQLite ledger (issue 15): RUNS `polc run` processes (-j 1, 2 and 4
# in turn) started together on the same claims and the same ledger must settle every claim
# exactly once between them: the settled counts of their summaries add up to the claims a
# clean run settles, each run accounts for every claim (settled + already settled + failed =
# all), and the ledger ends with exactly the ledger rows and settled claims of one clean run.
# Env: POLC (default build/polc), RUNS (default 3), PERSONS (default 2000).
set -u
cd "$(dirname "$0")/../.." || exit 2
ROOT=$(pwd)
POLC=${POLC:-build/polc}
case $POLC in /*) ;; *) POLC=$ROOT/$POLC ;; esac
RUNS=${RUNS:-3}
T=$(mktemp -d "${TMPDIR:-/tmp}/polc-concurrent.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
pass() { echo "[PASS] ledger concurrent: $1"; }
fail() { echo "[FAIL] ledger concurrent: $1"; }
P=$ROOT/policies/anhui/panji-2017.pol
"$POLC" gen --persons "${PERSONS:-2000}" --seed 15 --years 2017 --out "$T/pop" -q ||
    { fail "polc gen"; exit 1; }
cd "$T" || exit 2
dump() {
    sqlite3 "$1" "SELECT person_id, ledger, key, hex(vals) FROM ledger_rows ORDER BY 1, 2, 3;
                  SELECT claim_id, person_id, hex(outputs), hex(ledger_after) FROM settled_claims
                  ORDER BY 1;"
}
# the summary line "F: 1,810 claims: S settled, A already settled, X failed, R rows rejected",
# its figure before WHAT (thousands separators dropped)
field() { grep ' claims: ' "$1" | tr -d , | sed -n "s/.* \([0-9][0-9]*\) $2.*/\1/p" | tail -n 1; }
"$POLC" run "$P" --claims pop/claims.csv --persons pop/persons.csv --ledger ref.db \
    --out ref.csv 2>ref.err
want=$(field ref.err settled)
all=$(field ref.err "claims:")
[ -n "$want" ] && [ "$want" -gt 0 ] && [ -n "$all" ] ||
    { fail "the clean run: $(grep ' claims: ' ref.err)"; exit 1; }
i=0
while [ $i -lt "$RUNS" ]; do
    j=$((1 << (i % 3)))
    "$POLC" run "$P" --claims pop/claims.csv --persons pop/persons.csv --ledger k.db \
        --out "r$i.csv" -j $j 2>"r$i.err" &
    i=$((i + 1))
done
wait
sum=0 bad=""
i=0
while [ $i -lt "$RUNS" ]; do
    s=$(field "r$i.err" settled) a=$(field "r$i.err" "already settled") x=$(field "r$i.err" failed)
    if [ -z "$s" ] || [ $((s + a + x)) -ne "$all" ]; then
        bad="run $i: $(grep ' claims: ' "r$i.err" || tail -n 1 "r$i.err")"
    else
        sum=$((sum + s))
    fi
    i=$((i + 1))
done
if [ -n "$bad" ]; then
    fail "every run accounts for all $all claims: $bad"
elif [ "$sum" -ne "$want" ]; then
    fail "$RUNS runs settled $sum claims between them, expected $want (each exactly once)"
elif ! dump k.db | cmp -s - "$(dump ref.db >ref.dump && echo ref.dump)"; then
    fail "the ledger differs from one clean run's"
else
    pass "$RUNS runs at once settled $want claims exactly once between them; the ledger is a clean run's"
fi
