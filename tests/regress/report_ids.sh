#!/bin/sh
# Regression (issue 15): simulate's report gave an example claim id for each failure reason
# ("Claims that failed": scenario, claims, reason, for example), so the report, which is
# shared beyond those who may see claim and person ids, named them. Now it gives the claims
# file's line of the first such claim. The claims below: two dated before the policy's start
# (2017-01-01: "dated outside the policy's validity"), on lines 2 and 5 (the header is line
# 1); every output
# of the report (the terminal tables, each CSV, report.html) is searched for every claim and
# person id of the input. Env: POLC (default build/polc).
set -u
cd "$(dirname "$0")/../.." || exit 2
POLC=${POLC:-build/polc}
case $POLC in /*) ;; *) POLC=$(pwd)/$POLC ;; esac
S=$(pwd)/tests/sim
T=$(mktemp -d "${TMPDIR:-/tmp}/polc-regress.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
pass() { echo "[PASS] regress: $1"; }
fail() { echo "[FAIL] regress: $1"; }

cat >"$T/claims.csv" <<'EOC'
claim_id,person_id,level,discharged,total
ZQ7001,PX9001,city,2016-05-01,20000
ZQ7002,PX9001,county,2017-03-01,10000
ZQ7003,PX9002,township,2017-02-01,1000
ZQ7004,PX9003,county,2016-12-31,30000
EOC
cat >"$T/persons.csv" <<'EOC'
person_id,chronic,identity,from,to
PX9001,0,poor,2016-01-01,
PX9002,是,低保对象,2016-05-01,
PX9003,0,poor,2016-01-01,
EOC
cd "$T" || exit 2
"$POLC" simulate --no-progress --base "$S/sim.pol" --reform "$S/cap4000.pol" \
    --claims "$T/claims.csv" --persons "$T/persons.csv" --report "$T/r" >"$T/out" 2>"$T/err"
rc=$?
# failed claims are counted in the report, not rejected rows: exit 0 (a what-if is no
# settlement); but never silently: the header line and stderr count them per scenario (they
# were told only in a table further down; spec/SIMULATE.md §2.6)
if [ $rc -ne 0 ]; then
    fail "simulate with failing claims: exit $rc, expected 0: $(head -n 1 "$T/err")"
    exit 1
fi
said='failed to settle, not in the totals: 2 claims in base, 2 claims in 封顶4000'
if head -n 1 "$T/out" | grep -qF "; $said" &&
    [ "$(cat "$T/err")" = "polc: simulate: $said (the report's failures table says why)" ]; then
    pass "simulate with failing claims: exit 0, the header and stderr count them per scenario"
else
    fail "simulate with failing claims: header '$(head -n 1 "$T/out")', stderr '$(cat "$T/err")'"
fi
# failures.csv: both failures share one reason, once per scenario (the reform is named
# 封顶4000); the first is on line 2
rows=$(sed '1d' "$T/r/failures.csv" | cut -d, -f1,2,4 | tr '\n' ';')
want='base,2,line 2;封顶4000,2,line 2;'
if [ "$rows" = "$want" ]; then
    pass "report: a failure's example is the claims file's line"
else
    fail "report: failures.csv rows (scenario,claims,example) '$rows', expected '$want'"
fi
found=$(grep -l -E 'ZQ700|PX900' "$T/out" "$T/r"/* 2>/dev/null | tr '\n' ' ')
if [ -z "$found" ]; then
    pass "report: no claim or person id in the tables, the CSV files or report.html"
else
    fail "report: claim or person ids in $found"
fi
