#!/bin/sh
# Regression (issue 15, 4): `--rejects FILE` deleted any regular file there when no row was
# rejected (the stale-rejects cleanup), the claims input itself included; `--out` naming an
# input replaced the input with results, exit 0. Now an output naming an input (the same
# file, under any name) is refused before anything is read (exit 2, the input untouched),
# and a clean run removes only a recognisable earlier rejects file: one whose first line is
# the header of the file just read. --ledger naming an input (run, ledger import) is such an
# output too: it was opened as a ledger, exit 4 "not an SQLite file". Env: POLC (default
# build/polc).
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
printf '%s\nC1,P1,county,2024-03-01,1000,10\n' "$H" >claims.csv
printf 'person_id\nP1\n' >persons.csv
cp claims.csv claims.orig
cp persons.csv persons.orig
ln -s claims.csv link.csv

# $1 name, $2 expected message, then the run's arguments: refused, exit 2, inputs untouched
refused() {
    name=$1
    want=$2
    shift 2
    "$POLC" run "$P" "$@" -q >out 2>err </dev/null
    rc=$?
    if [ $rc -ne 2 ]; then
        fail "$name: exit $rc, expected 2 (usage): $(head -n 1 err)"
    elif ! cmp -s claims.csv claims.orig || ! cmp -s persons.csv persons.orig; then
        fail "$name: an input changed"
    elif [ "$(cat err)" != "$want" ]; then
        fail "$name: said '$(cat err)', expected '$want'"
    else
        pass "$name is refused"
    fi
}

refused "--rejects naming the claims file" \
    'polc: the rejects file claims.csv is the claims file claims.csv: name another (--rejects)' \
    --claims claims.csv --out out.csv --rejects claims.csv
refused "--out naming the claims file" \
    'polc: --out claims.csv is the claims file (--claims): writing it would replace that file; name another' \
    --claims claims.csv --out claims.csv
refused "--out naming the claims file through a link" \
    'polc: --out link.csv is the claims file (--claims): writing it would replace that file; name another' \
    --claims claims.csv --out link.csv
refused "--out naming the persons file" \
    'polc: --out persons.csv is the persons file (--persons): writing it would replace that file; name another' \
    --claims claims.csv --persons persons.csv --out persons.csv
refused "--explain naming the claims file" \
    'polc: --explain claims.csv is the claims file (--claims): writing it would replace that file; name another' \
    --claims claims.csv --out out.csv --explain claims.csv
# --ledger naming an input: it was opened as a ledger, exit 4 "not an SQLite file"
refused "--ledger naming the claims file" \
    'polc: --ledger claims.csv is the claims file (--claims): writing it would replace that file; name another' \
    --claims claims.csv --out out.csv --ledger claims.csv
printf 'person_id,year,own\nP1,2024,1\n' >open.csv
cp open.csv open.orig
for args in "--ledger open.csv" "--ledger l.db --rejects open.csv"; do
    # shellcheck disable=SC2086
    "$POLC" ledger import "$P" open.csv $args 2>err
    rc=$?
    case $args in *--rejects*) what="the rejects file (--rejects)" ;; *) what=--ledger ;; esac
    want="polc: $what open.csv is the file imported: writing it would replace that file; name another"
    if [ $rc -eq 2 ] && cmp -s open.csv open.orig && [ "$(cat err)" = "$want" ]; then
        pass "ledger import: $what naming the file imported is refused"
    else
        fail "ledger import: $what naming the file imported: exit $rc, said $(cat err)"
    fi
done
"$POLC" run "$P" --claims - --out claims.csv -q <claims.csv >out 2>err
rc=$?
if [ $rc -ne 2 ] || ! cmp -s claims.csv claims.orig; then
    fail "--out naming the file on standard input (--claims -): exit $rc: $(head -n 1 err)"
else
    pass "--out naming the file on standard input is refused"
fi

# a clean run leaves a file under --rejects alone unless it is an earlier rejects file
printf 'my notes\n' >notes.txt
"$POLC" run "$P" --claims claims.csv --out out.csv --rejects notes.txt -q 2>err
rc=$?
if [ $rc -ne 0 ] || [ "$(cat notes.txt 2>/dev/null)" != "my notes" ]; then
    fail "a clean run with --rejects notes.txt: exit $rc, notes.txt $(cat notes.txt 2>&1)"
else
    pass "a clean run does not delete a file that is not a rejects file"
fi
# ... and removes one an earlier run wrote (the data since corrected)
printf '%s\nC1,P1,nowhere,2024-03-01,1000,10\n' "$H" >bad.csv
"$POLC" run "$P" --claims bad.csv --out out.csv --rejects rj.csv -q 2>err
rc1=$?
cp claims.csv bad.csv
"$POLC" run "$P" --claims bad.csv --out out.csv --rejects rj.csv -q 2>err
rc2=$?
if [ $rc1 -ne 3 ] || [ $rc2 -ne 0 ] || [ -e rj.csv ]; then
    fail "stale rejects: exits $rc1 $rc2, rj.csv $([ -e rj.csv ] && echo kept || echo removed)"
else
    pass "a clean run removes the rejects file an earlier run left"
fi

# polc build -o naming the policy it builds would replace the policy with an engine
cp "$P" self.pol
"$POLC" build self.pol -o self.pol >out 2>err
rc=$?
if [ $rc -ne 2 ] || ! cmp -s self.pol "$P"; then
    fail "polc build -o POLICY: exit $rc, the policy $(cmp -s self.pol "$P" && echo kept || echo replaced)"
else
    pass "polc build -o naming the policy is refused"
fi

# two outputs of one name would replace each other (the file not there yet); a device may be both
rm -f same.csv
"$POLC" run "$P" --claims claims.csv --out same.csv --explain same.csv -q >out 2>err
rc=$?
"$POLC" run "$P" --claims claims.csv --out /dev/null --explain /dev/null -q >out 2>err2
rc2=$?
if [ $rc -ne 2 ] || [ "$(cat err)" != 'polc: --explain same.csv is the results file (--out): writing it would replace that file; name another' ]; then
    fail "--out and --explain of one name: exit $rc: $(cat err)"
elif [ $rc2 -ne 0 ]; then
    fail "--out and --explain both /dev/null: exit $rc2: $(cat err2)"
else
    pass "--out and --explain of one name are refused (a device may be both)"
fi

# two outputs on one stream would mix their lines (CSV and JSON in one file, exit 0): "-"
# twice, the results' default standard output and "-", "-" and /dev/stdout (a regular file
# here: refused() sends stdout to a file), the rejects on "-" beside the results; not when
# one of them has a file of its own
MIX='write to one stream (standard output): their lines would mix; name a file for one'
refused "--out - and --explain -" "polc: the results and --explain - $MIX" \
    --claims claims.csv --out - --explain -
refused "--explain - without --out" "polc: the results and --explain - $MIX" \
    --claims claims.csv --explain -
refused "--out /dev/stdout and --explain -" "polc: --out /dev/stdout and --explain - $MIX" \
    --claims claims.csv --out /dev/stdout --explain -
refused "--rejects - without --out" "polc: the results and the rejects file $MIX" \
    --claims claims.csv --rejects -
"$POLC" run "$P" --claims claims.csv --out out.csv --explain - -q >ex.jsonl 2>err
rc=$?
if [ $rc -eq 0 ] && [ "$(head -c 20 ex.jsonl)" = '{"explain_version":1' ]; then
    pass "--explain - with --out FILE: the explanations alone on standard output"
else
    fail "--explain - with --out FILE: exit $rc: $(cat err)"
fi
