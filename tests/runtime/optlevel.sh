#!/bin/sh
# optlevel.sh — the JIT's level chosen by the work when -O is not given (spec/LANGUAGE.md §16
# "The JIT's level"): -O0 below 500,000 claims settled per compiled policy, -O2 from there and
# when the claims come from a pipe; -O given always wins. The results are the same bytes at
# every level. The level is named on the progress line (--progress) while the JIT compiles.
#   sh tests/runtime/optlevel.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"
work optlevel
T=$WORK
P=$ROOT/policies/anhui/panji-2017.pol
R=$ROOT/policies/anhui/reforms/county-cap-4000.pol
EX=$ROOT/examples
PERSONS="--persons $EX/persons.csv"
pass() { ok "optlevel: $1"; }
fail() { bad "optlevel" "$1"; }

# the progress line's words while the JIT compiles: "compiling at -O0: ~46 claims  1 policy"
said() { tr '\r' '\n' <"$1" | sed -n 's/^polc: \(compiling at [^ ]*.*polic[iesy]*\)  [0-9]* s *$/\1/p'; }
# level NAME WANT COMMAND...: the run's progress line is WANT
level() {
    name=$1 want=$2
    shift 2
    "$@" --progress >"$T/level.out" 2>"$T/level.err"
    got=$(said "$T/level.err")
    if [ "$got" = "$want" ]; then pass "$name"; else fail "$name: got '$got', expected '$want'"; fi
}

# ---- the same bytes at every level ---------------------------------------------------------
for o in auto 0 1 2; do
    flag=; [ $o = auto ] || flag="-O $o"
    # shellcheck disable=SC2086 # flag is empty or two words
    "$POLC" run "$P" --claims "$EX/claims.csv" $PERSONS $flag -q -o "$T/run-$o.csv" ||
        fail "run at -O $o: exit $?"
    # shellcheck disable=SC2086
    "$POLC" simulate --base "$P" --reform "$R" --claims "$EX/claims.csv" $PERSONS $flag \
        --changes "$T/chg-$o.csv" --rejects "$T/rej-$o.csv" >"$T/sim-$o.txt" ||
        fail "simulate at -O $o: exit $?"
    tail -n +2 "$T/sim-$o.txt" >"$T/tables-$o.txt" # the first line ends with the time taken
done
for o in 0 1 2; do
    if cmp -s "$T/run-auto.csv" "$T/run-$o.csv"; then
        pass "run: the automatic level's results are -O $o's"
    else
        fail "run: the automatic level's results differ from -O $o's"
    fi
    if cmp -s "$T/tables-auto.txt" "$T/tables-$o.txt" && cmp -s "$T/chg-auto.csv" "$T/chg-$o.csv"
    then
        pass "simulate: the automatic level's tables and changed claims are -O $o's"
    else
        fail "simulate: the automatic level's report differs from -O $o's"
    fi
done
# 46 claims and the header; 4 claims the reform changes (the report's "claims with a change")
[ "$(wc -l <"$T/run-auto.csv")" -eq 47 ] || fail "run: $(wc -l <"$T/run-auto.csv") lines, not 47"
n=$(tail -n +2 "$T/chg-auto.csv" | cut -d, -f1 | sort -u | wc -l)
[ "$n" -eq 4 ] || fail "simulate --changes: $n claims changed, not 4"

# ---- the choice ----------------------------------------------------------------------------
# examples/claims.csv is shorter than the 64 KiB sample: its 46 rows are counted
level "the example's 46 claims: -O0" "compiling at -O0: ~46 claims  1 policy" \
    "$POLC" run "$P" --claims "$EX/claims.csv" $PERSONS -o "$T/r.csv"
level "explain reads the same rule" "compiling at -O0: ~46 claims  1 policy" \
    "$POLC" explain "$P" --claims "$EX/claims.csv" $PERSONS --claim Z005
level "a simulation of a reform compiles two" "compiling at -O0: ~46 claims × 2 scenarios  2 policies" \
    "$POLC" simulate --base "$P" --reform "$R" --claims "$EX/claims.csv" $PERSONS -q
level "-O given wins" "compiling at -O1 (-O given)  1 policy" \
    "$POLC" run "$P" --claims "$EX/claims.csv" $PERSONS -o "$T/r.csv" -O1
level "claims from a pipe: -O2" "compiling at -O2: claims of unknown number  1 policy" \
    sh -c "\"\$0\" run $P --claims - $PERSONS -o $T/r.csv --progress <$EX/claims.csv" "$POLC"
level "the interpreter compiles nothing" "" \
    "$POLC" run "$P" --claims "$EX/claims.csv" $PERSONS -o "$T/r.csv" --interp

# Larger files, their size faked: the example's rows, then zero bytes to SIZE (a sparse file,
# rejected as one record of over 16 MiB once read). Their estimate is the size over the mean
# row: (SIZE - 256 header bytes) × 46 rows / 5,064 bytes of rows (examples/claims.csv is
# 5,320 bytes). 50 MB: 454,184 claims, below 500,000: -O0; 60 MB: 545,021: -O2.
head=$(head -n 1 "$EX/claims.csv" | wc -c) size=$(wc -c <"$EX/claims.csv")
[ "$head" -eq 256 ] && [ "$size" -eq 5320 ] || fail "examples/claims.csv changed: $head, $size bytes"
for mb in 20 50 60; do
    cp "$EX/claims.csv" "$T/c$mb.csv" && truncate -s ${mb}000000 "$T/c$mb.csv"
done
level "50 MB (454,184 claims): -O0" "compiling at -O0: ~454184 claims  1 policy" \
    "$POLC" run "$P" --claims "$T/c50.csv" $PERSONS -o "$T/r.csv"
level "60 MB (545,021 claims): -O2" "compiling at -O2: ~545021 claims  1 policy" \
    "$POLC" run "$P" --claims "$T/c60.csv" $PERSONS -o "$T/r.csv"
# a sweep's points share the base's code: 181,672 claims (20 MB) × 4 scenarios, 726,688 for
# the one compile: -O2, where a reform's 2 scenarios are 2 compiles, 181,672 each: -O0
level "a sweep of 3 points on 20 MB: -O2" "compiling at -O2: ~181672 claims × 4 scenarios  1 policy" \
    "$POLC" simulate --base "$P" --sweep "backstop_cap[county]=3000..5000:1000" \
    --claims "$T/c20.csv" $PERSONS -q
level "a reform on 20 MB: -O0" "compiling at -O0: ~181672 claims × 2 scenarios  2 policies" \
    "$POLC" simulate --base "$P" --reform "$R" --claims "$T/c20.csv" $PERSONS -q
level "--reverse's file is the work" "compiling at -O0: ~46 claims  1 policy" \
    "$POLC" run "$P" --reverse "$EX/claims.csv" --ledger "$T/l.db" $PERSONS -o "$T/r.csv"

# ---- --help says it ------------------------------------------------------------------------
for cmd in run simulate; do
    if "$POLC" "$cmd" --help | grep -q -- '-O N .*(default: 0, or 2 from 500,000 claims'; then
        pass "$cmd --help names the automatic default"
    else
        fail "$cmd --help: $("$POLC" "$cmd" --help | grep -- '-O N')"
    fi
done
finish
