#!/bin/sh
# tests/diff/run.sh — differential testing: the reference interpreter, the ORC JIT and a built
# engine .so must settle the same random claims to the same bytes.
#
# For every policy in tests/check/ok/*.pol, tests/diff/*.pol and policies/**/*.pol that checks
# clean: build ENGINE.so, write N random claims over M persons with randdata (seeded, drawn
# from the policy's own schema), then `polc run` the claims three ways (--interp, JIT, the
# .so) and compare, byte for byte against the interpreter: the results CSV (outputs and the
# per-claim status, error rows included), the JSON-lines explanation of every claim (rule
# values, branches, parameter versions, ledgers, the person, the history spans read and the
# calls of rules with arguments, the candidates of each max or min over history), the exit code
# and the messages; where the policy has rules with arguments or aggregates over its history,
# some explanation must show them. A policy
# may ask for other data with a comment line "# diff-args: --huge 0.2" (randdata options).
# A policy in policies/ that does not check is a [FAIL]; elsewhere it is skipped.
#
# Those runs explain, so compiled code settles through its traced entry (polc_settle). The
# fast entry (polc_settle_fast, which polc run uses when it explains nothing) is then held
# to the traced one: fastcmp settles every claim of the .so through both entries in one
# process and compares the outputs, the ledger after the claim, and a failure's code and
# location; and the JIT and the .so run again without --explain, which must give the same
# exit code, results and messages as their explaining runs (the JIT's again at -O2, its
# explaining run having taken -O0, the level chosen for so few claims).
#
#   sh tests/diff/run.sh [POLICY...]      env: POLC (build/polc), BUILD (build),
#        DIFF_CLAIMS (10000), DIFF_SEED (1), DIFF_SO_OPT (2: the .so's -O level),
#        DIFF_KEEP=1 keeps the work directory
set -u
BUILD=${BUILD:-build}
POLC=${POLC:-$BUILD/polc}
RANDDATA=${RANDDATA:-$BUILD/tests/diff/randdata}
FASTCMP=${FASTCMP:-$BUILD/tests/diff/fastcmp}
CLAIMS=${DIFF_CLAIMS:-10000}
SEED=${DIFF_SEED:-1}

for tool in "$POLC" "$RANDDATA" "$FASTCMP"; do
    if [ ! -x "$tool" ]; then
        echo "[FAIL] tests/diff: $tool is not built (make all)"
        echo "0 passed, 1 failed"
        exit 1
    fi
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/polc-diff.XXXXXX")
if [ "${DIFF_KEEP:-0}" = 1 ]; then
    echo "work directory: $WORK"
else
    trap 'rm -rf "$WORK"' EXIT
fi
trap 'exit 130' INT TERM

pass=0
fail=0
ok() { echo "[PASS] $*"; pass=$((pass + 1)); }
bad() { echo "[FAIL] $*"; fail=$((fail + 1)); }

if [ $# -gt 0 ]; then
    list="$*"
else
    list=$(ls tests/check/ok/*.pol tests/diff/*.pol 2>/dev/null;
           find policies -name '*.pol' 2>/dev/null | sort)
fi

# the claim id on line $2 of results file $1 (the first cell, unquoted)
claim_id_at() { sed -n "${2}p" "$1" | sed 's/^"//; s/[",].*//'; }

# compare evaluator $2's outputs with the interpreter's, in directory $1
compare() {
    d=$1 ev=$2 name=$3
    for e in interp "$ev"; do
        if [ ! -f "$d/$e.csv" ]; then
            bad "$name: interp vs $ev: no results from $e (exit $(cat "$d/$e.rc"))"
            sed 's/^/    /' "$d/$e.err" | head -3
            return
        fi
    done
    what=""
    cmp -s "$d/interp.rc" "$d/$ev.rc" ||
        what="$what exit code $(cat "$d/interp.rc") vs $(cat "$d/$ev.rc");"
    cmp -s "$d/interp.csv" "$d/$ev.csv" || what="$what results differ;"
    cmp -s "$d/interp.jsonl" "$d/$ev.jsonl" || what="$what explanations differ;"
    cmp -s "$d/interp.err" "$d/$ev.err" || what="$what messages differ;"
    if [ -z "$what" ]; then
        ok "$name: interp = $ev ($(($(wc -l <"$d/interp.csv") - 1)) claims)"
        return
    fi
    bad "$name: interp vs $ev:$what"
    for f in csv jsonl; do
        line=$(cmp "$d/interp.$f" "$d/$ev.$f" 2>/dev/null | sed -n 's/.* line \([0-9]*\)$/\1/p')
        [ -n "$line" ] || continue
        if [ "$f" = csv ]; then
            id=$(claim_id_at "$d/interp.csv" "$line")
        else
            id=$(sed -n "${line}p" "$d/interp.jsonl" | sed 's/.*"claim_id":"\([^"]*\)".*/\1/')
        fi
        echo "    first difference in the $f, line $line, claim $id"
        echo "      interp: $(sed -n "${line}p" "$d/interp.$f" | cut -c1-400)"
        echo "      $ev:$(printf '%*s' $((6 - ${#ev})) '') $(sed -n "${line}p" "$d/$ev.$f" | cut -c1-400)"
        if [ -n "$id" ] && [ ! -e "$d/explained" ]; then
            : >"$d/explained"
            "$POLC" explain "$policy" --claims "$d/data/claims.csv" --persons "$d/data/persons.csv" \
                --claim "$id" --interp >"$d/explain.interp" 2>&1
            "$POLC" explain "$policy" --claims "$d/data/claims.csv" --persons "$d/data/persons.csv" \
                --claim "$id" >"$d/explain.jit" 2>&1
            echo "    polc explain --claim $id, interpreter (-) vs JIT (+):"
            diff -u "$d/explain.interp" "$d/explain.jit" | sed -n '3,$p' | sed 's/^/      /'
            if cmp -s "$d/explain.interp" "$d/explain.jit"; then
                echo "      (identical; the interpreter's:)"
                sed 's/^/      /' "$d/explain.interp"
            fi
        fi
    done
    if ! cmp -s "$d/interp.err" "$d/$ev.err"; then
        echo "    messages, interpreter (-) vs $ev (+):"
        diff -u "$d/interp.err" "$d/$ev.err" | sed -n '3,12p' | sed 's/^/      /'
    fi
}

# The explanations compared above must show what decided rules beyond the claim, or their
# agreement says nothing about it: in directory $1, when policy $2 (comments stripped) matches
# the extended regex $3, some line of the interpreter's explanations must match $4 (what: $5).
# Only for the policies of tests/diff/ and policies/, whose outputs reach such rules (some in
# tests/check/ok/ declare rules no output needs).
traced() {
    d=$1 name=$2
    case $policy in tests/check/*) return 0 ;; esac
    sed 's/#.*//' "$policy" | grep -Eq "$3" || return 0
    if grep -q "$4" "$d/interp.jsonl"; then
        ok "$name: the explanations show the $5 ($(grep -c "$4" "$d/interp.jsonl") claims)"
    else
        bad "$name: no explanation shows the $5"
    fi
}

# what differs between run $2 and run $3 in directory $1 (exit code, results, messages)
differences() {
    d=$1 a=$2 b=$3
    cmp -s "$d/$a.rc" "$d/$b.rc" || printf ' exit code %s vs %s;' "$(cat "$d/$a.rc")" "$(cat "$d/$b.rc")"
    cmp -s "$d/$a.csv" "$d/$b.csv" || printf ' results differ;'
    cmp -s "$d/$a.err" "$d/$b.err" || printf ' messages differ;'
}

# the fast entry against the traced one, in directory $1 (after the runs above)
compare_fast() {
    d=$1 name=$2
    "$FASTCMP" "$d/engine.so" --claims "$d/data/claims.csv" --persons "$d/data/persons.csv" \
        --out "$d/so-both.csv" --rejects "$d/rejects.csv" >"$d/so-both.out" 2>"$d/so-both.err"
    echo $? >"$d/so-both.rc"
    summary=$(tail -n 1 "$d/so-both.out")
    what=$(differences "$d" so so-both)
    case $summary in
        *" claims compared, 0 differ") ;;
        *) what=" $summary;$what" ;;
    esac
    if [ -z "$what" ]; then
        ok "$name: so fast = so traced, claim by claim ($summary)"
    else
        bad "$name: so fast vs traced:$what"
        grep -v 'claims compared' "$d/so-both.out" | head -12 | sed 's/^/    /'
        diff -u "$d/so.err" "$d/so-both.err" | sed -n '3,8p' | sed 's/^/    /'
    fi
    for ev in jit so; do
        # the JIT's fast run at -O2: its explaining run took the level the work chose (-O0
        # for these few claims, spec/LANGUAGE.md §16), so both levels are held to the same bytes
        case $ev in
            jit) engine=$policy; opt=-O2 ;;
            so) engine=$d/engine.so; opt= ;;
        esac
        # shellcheck disable=SC2086 # $opt: none or one word
        "$POLC" run "$engine" $opt --claims "$d/data/claims.csv" --persons "$d/data/persons.csv" \
            --out "$d/$ev-fast.csv" --rejects "$d/rejects.csv" -q >"$d/$ev-fast.out" \
            2>"$d/$ev-fast.err"
        echo $? >"$d/$ev-fast.rc"
        what=$(differences "$d" "$ev" "$ev-fast")
        if [ -z "$what" ]; then
            ok "$name: $ev without --explain (fast) = with (traced)"
            continue
        fi
        bad "$name: $ev without --explain (fast) vs with (traced):$what"
        line=$(cmp "$d/$ev.csv" "$d/$ev-fast.csv" 2>/dev/null | sed -n 's/.* line \([0-9]*\)$/\1/p')
        if [ -n "$line" ]; then
            echo "    first difference in the results, line $line:"
            echo "      traced: $(sed -n "${line}p" "$d/$ev.csv" | cut -c1-400)"
            echo "      fast:   $(sed -n "${line}p" "$d/$ev-fast.csv" | cut -c1-400)"
        fi
    done
}

n=0
for policy in $list; do
    n=$((n + 1))
    d="$WORK/$n"
    mkdir -p "$d"
    name="$policy"
    case "$policy" in policies/*) must=1 ;; *) must=0 ;; esac
    if ! "$POLC" check "$policy" >"$d/check.err" 2>&1; then
        if [ $must = 1 ]; then
            bad "$name: does not check clean"
            sed 's/^/    /' "$d/check.err" | head -5
        else
            echo "[SKIP] $name: does not check clean"
        fi
        continue
    fi
    if ! "$POLC" build "$policy" -O"${DIFF_SO_OPT:-2}" -o "$d/engine.so" >"$d/build.err" 2>&1; then
        bad "$name: polc build failed"
        sed 's/^/    /' "$d/build.err" | head -5
        continue
    fi
    # a seed per policy, so that adding a policy leaves the others' data as it was
    sum=$(printf '%s' "$policy" | cksum | cut -d' ' -f1)
    # a policy may ask for other data: "# diff-args: --huge 0.2" (randdata options)
    extra=$(sed -n 's/^# diff-args://p' "$policy" | head -1)
    # shellcheck disable=SC2086
    if ! "$RANDDATA" --engine "$d/engine.so" --out "$d/data" --claims "$CLAIMS" \
            --seed $((SEED * 1000003 + sum % 1000003)) $extra >"$d/gen.err" 2>&1; then
        bad "$name: randdata failed"
        sed 's/^/    /' "$d/gen.err" | head -5
        continue
    fi
    for ev in interp jit so; do
        case $ev in
            interp) engine=$policy; flag=--interp ;;
            jit) engine=$policy; flag= ;;
            so) engine=$d/engine.so; flag= ;;
        esac
        # one rejects path for all three, so that the messages naming it are comparable
        "$POLC" run "$engine" $flag --claims "$d/data/claims.csv" \
            --persons "$d/data/persons.csv" --out "$d/$ev.csv" --explain "$d/$ev.jsonl" \
            --rejects "$d/rejects.csv" -q >"$d/$ev.out" 2>"$d/$ev.err"
        echo $? >"$d/$ev.rc"
    done
    compare "$d" jit "$name"
    compare "$d" so "$name"
    compare_fast "$d" "$name"
    traced "$d" "$name" '^rule [A-Za-z_][A-Za-z0-9_]*\(' '"calls":\[{' 'calls of rules with arguments'
    traced "$d" "$name" '[a-z_]+ in [a-z_]+( where|\))' '"history":\[{' 'history spans read'
    traced "$d" "$name" '(max|min)\(.* for [a-z_]+ in ' '"candidates":\[{' 'candidates of a max or min'
done

echo "$pass passed, $fail failed"
[ $fail = 0 ]
