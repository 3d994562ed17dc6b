#!/bin/sh
# Regression (newuser8): a claims file cut short inside its last field (a copy or download
# that stopped: ...,2000 where the file had ...,20000.00) settled the cut row, exit 0, not a
# word; nothing tells such a row from a whole one of a file written without its last line
# end. polc now notes a file whose last line has no line end, once it is read, naming it;
# not a file that ends with one, nor with -q. Env: POLC (default build/polc).
set -u
cd "$(dirname "$0")/../.." || exit 2
POLC=${POLC:-build/polc}
case $POLC in /*) ;; *) POLC=$(pwd)/$POLC ;; esac
P=$(pwd)/tests/runtime/capped.pol
T=$(mktemp -d "${TMPDIR:-/tmp}/polc-regress.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 2
pass() { echo "[PASS] regress: $1"; }
fail() { echo "[FAIL] regress: $1"; }
H='claim_id,person_id,医院级别,出院日期,医疗总费用,非合规费用'
N='its last line has no line end: if the file was cut short (a copy or download that stopped), so is its last row'

printf '%s\nC1,P1,county,2024-03-01,1000,0\nC2,P1,county,2024-03-02,2000,10' "$H" >cut.csv
"$POLC" run "$P" --claims cut.csv --out out.csv 2>err
rc=$?
# the cut row settles (it is a whole row to the reader): non-compliant 10 yuan where the
# whole file said 10.50
if [ $rc -eq 0 ] && [ "$(grep -c "^polc: note: cut.csv: $N\$" err)" = 1 ] &&
    [ "$(tail -n 1 out.csv | cut -d, -f1)" = C2 ]; then
    pass "a file without its last line end: settled, and noted once"
else
    fail "cut.csv: exit $rc, said: $(cat err)"
fi
"$POLC" run "$P" --claims cut.csv --out out.csv -q 2>err
if [ ! -s err ]; then pass "-q: no note"; else fail "-q said: $(cat err)"; fi
printf '\n' >>cut.csv
"$POLC" run "$P" --claims cut.csv --out out.csv 2>err
if ! grep -q 'line end' err; then pass "a file that ends with a line end: no note"
else fail "whole file said: $(cat err)"; fi
# standard input too, and the persons file, each named
printf 'person_id,chronic\nP1,0' >persons.csv
printf '%s\nC1,P1,county,2024-03-01,1000,0' "$H" | "$POLC" run "$P" --claims - \
    --persons persons.csv --out out.csv 2>err
rc=$?
if [ $rc -eq 0 ] && grep -q "^polc: note: persons.csv: $N\$" err &&
    [ "$(grep -c "line end" err)" = 2 ]; then
    pass "the persons file and standard input noted, each"
else
    fail "stdin and persons: exit $rc, said: $(cat err)"
fi
