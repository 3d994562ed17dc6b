#!/bin/sh
# Regression (issue 15, 10; the 2025 notice §一, 信息保密): results, rejects, explanations
# and ledgers were created 0644, and row messages named person ids. Now files holding
# personal data are created 0600 (a stricter umask is honoured), and a row message names
# file:line, a person id or person values only with --show-ids. Env: POLC (default build/polc).
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

printf 'claim_id,person_id,医院级别,出院日期,医疗总费用,非合规费用\n' >claims.csv
printf 'C1,P1,county,2024-03-01,1000,0\nC2,P1,nowhere,2024-03-02,1000,0\n' >>claims.csv

umask 022
"$POLC" run "$P" --claims claims.csv --out out.csv --explain x.json --ledger l.db -q 2>err
modes=$(stat -c '%a %n' out.csv out.csv.rejects.csv x.json l.db | tr '\n' ' ')
if [ "$modes" != "600 out.csv 600 out.csv.rejects.csv 600 x.json 600 l.db " ]; then
    fail "files with personal data under umask 022: $modes"
else
    pass "results, rejects, explanations and the ledger are created 0600"
fi
rm -f out.csv*
(umask 0277 && "$POLC" run "$P" --claims claims.csv --out out.csv -q 2>err)
if [ "$(stat -c %a out.csv)" != 400 ]; then
    fail "umask 0277: out.csv is $(stat -c %a out.csv)"
else
    pass "a stricter umask is honoured (0277: 0400)"
fi

printf 'person_id\nP1\n' >persons.csv
printf 'claim_id,person_id,医院级别,出院日期,医疗总费用,非合规费用\nC9,张三-110101,county,2024-03-01,1000,0\n' >c2.csv
"$POLC" run "$P" --claims c2.csv --persons persons.csv --out o2.csv -q 2>err
"$POLC" run "$P" --claims c2.csv --persons persons.csv --out o2.csv -q --show-ids 2>err_ids
if [ "$(cat err)" != "c2.csv:2: unknown person (the person_id is not in persons.csv)" ]; then
    fail "row message without --show-ids: $(cat err)"
elif [ "$(cat err_ids)" != "c2.csv:2: unknown person '张三-110101' (not in persons.csv)" ]; then
    fail "row message with --show-ids: $(cat err_ids)"
else
    pass "row messages name a person id only with --show-ids"
fi
