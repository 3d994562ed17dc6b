#!/bin/sh
# tests/regress/backend.sh — regression cases for the back-end bugs the differential test
# found (/tmp/polc-requests/backend.md), each settled by the interpreter, the JIT and a
# built .so, which must all print exactly the expected results:
#   1. a brackets param made the runtime refuse the compiler's schema (no such policy ran)
#   2. an optional argument passed to an optional rule parameter was unwrapped (failed absent)
#   3. the builtin year(d) did not parse: `year` was lexed as the duration keyword
#   7. all() read every span in the interpreter but stopped at the first false one in
#      compiled code, so a later span's failure failed the claim in one evaluator only
#
#   sh tests/regress/backend.sh        env: POLC (build/polc)
set -u
cd "$(dirname "$0")/../.." || exit 2
POLC=${POLC:-build/polc}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/polc-regress.XXXXXX") || exit 2
trap 'rm -rf "$WORK"' EXIT

pass=0
PERSONS=   # a persons file for the next case_, when it needs one
fail=0

# case NAME: $WORK/NAME.pol and NAME.csv settle to exactly NAME.want three ways
case_() {
    name=$1
    if ! "$POLC" build "$WORK/$name.pol" -o "$WORK/$name.so" 2>"$WORK/$name.err"; then
        echo "[FAIL] $name: polc build: $(head -n 1 "$WORK/$name.err")"
        fail=$((fail + 1))
        return
    fi
    for ev in interp jit so; do
        case $ev in
            interp) set -- "$WORK/$name.pol" --interp ;;
            jit) set -- "$WORK/$name.pol" ;;
            so) set -- "$WORK/$name.so" ;;
        esac
        # on standard output: the rows alone, without the byte order mark of a results file
        "$POLC" run "$@" --claims "$WORK/$name.csv" ${PERSONS:+--persons "$PERSONS"} \
            --out - -q >"$WORK/$name.res.$ev" 2>"$WORK/$name.err"
        rc=$?
        # claims that fail (an "error:" status) make the run exit 3, else 0
        want_rc=0
        grep -q 'error:' "$WORK/$name.want" && want_rc=3
        if [ $rc -ne $want_rc ]; then
            echo "[FAIL] $name ($ev): exit $rc, expected $want_rc: $(head -n 1 "$WORK/$name.err")"
            fail=$((fail + 1))
        elif ! cmp -s "$WORK/$name.res.$ev" "$WORK/$name.want"; then
            echo "[FAIL] $name ($ev): results differ (expected -, got +):"
            diff -u "$WORK/$name.want" "$WORK/$name.res.$ev" | sed -n '3,$p' | sed 's/^/    /'
            fail=$((fail + 1))
        else
            echo "[PASS] $name ($ev)"
            pass=$((pass + 1))
        fi
    done
}

# ---- 1. brackets in the schema: 0..10000 at 50% + 10000..20000 at 60% = 11000 ----------
cat >"$WORK/brackets.pol" <<'EOF'
policy "t" valid from 2017-01-01 dated by claim.d
claim { d: date  x: money }
param segs: brackets from 2017-01-01: above 0 yuan at 50%, above 10000 yuan at 60%
rule r: money = progressive(segs, claim.x)
output r
EOF
printf 'claim_id,person_id,d,x\nc1,p1,2017-02-01,20000\nc2,p1,2017-02-01,9999.99\n' >"$WORK/brackets.csv"
printf 'claim_id,r,status\nc1,11000.00,settled\nc2,5000.00,settled\n' >"$WORK/brackets.want"
case_ brackets

# ---- 2. an absent optional argument reaches an optional parameter as absent ------------
cat >"$WORK/optarg.pol" <<'EOF'
policy "t" valid from 2017-01-01 dated by claim.d
claim { d: date  x: money  until: date? }
rule held(d: date, t: date?): bool = not present(t) or d < t
rule r: money = if held(claim.d, claim.until) then claim.x else 0 yuan
output r
EOF
printf 'claim_id,person_id,d,x,until\nc1,p1,2017-02-01,100,\nc2,p1,2017-02-01,100,2017-02-01\nc3,p1,2017-02-01,100,2017-02-02\n' \
    >"$WORK/optarg.csv"
printf 'claim_id,r,status\nc1,100.00,settled\nc2,0.00,settled\nc3,100.00,settled\n' >"$WORK/optarg.want"
case_ optarg

# ---- 3. year(d) is the builtin, not the duration keyword -------------------------------
cat >"$WORK/year.pol" <<'EOF'
policy "t" valid from 2017-01-01 dated by claim.d
claim { d: date  since: date }
rule gap: int = year(claim.d) - year(claim.since)
output gap
EOF
printf 'claim_id,person_id,d,since\nc1,p1,2018-01-01,2017-12-31\nc2,p2,2017-06-01,2015-06-01\n' >"$WORK/year.csv"
printf 'claim_id,gap,status\nc1,1,settled\nc2,2,settled\n' >"$WORK/year.want"
case_ year

# ---- 7. all() stops at the first span whose condition is false, in every evaluator -------
cat >"$WORK/all.pol" <<'EOF'
policy "t" valid from 2025-01-01 dated by claim.d
claim { d: date }
history spans { from: date  to: date? }
rule all_open: bool = all(h in spans where h.to > claim.d)
output all_open
EOF
# p1: the closed span is false before the open one (absent to) is reached; p2: the open span
# comes first and fails the claim
printf 'person_id,from,to\np1,2024-01-01,2024-06-30\np1,2024-07-01,\np2,2024-07-01,\np2,2024-01-01,2024-06-30\n' \
    >"$WORK/all.persons"
printf 'claim_id,person_id,d\nc1,p1,2025-03-01\nc2,p2,2025-03-01\n' >"$WORK/all.csv"
printf 'claim_id,all_open,status\nc1,false,settled\nc2,,"error: absent value used in rule all_open (line 4, col 44)"\n' \
    >"$WORK/all.want"
PERSONS=$WORK/all.persons
case_ all
PERSONS=

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
