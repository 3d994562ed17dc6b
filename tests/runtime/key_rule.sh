#!/bin/sh
# tests/runtime/key_rule.sh — a yearly ledger whose year is a date rule's (spec/LANGUAGE.md:
# "usually the claim's date; a `date` rule may give it"). polc_keys computes the rule through
# the PolCtx memo (rule_state); an untraced settle whose fast entry keeps its own memo in
# locals (POLRT_FAST_NO_MEMO) had the runtime stop clearing rule_state, so the first claim's
# year was every later claim's on that thread: a new year's cap never started again, and a
# key that fails (an overflow) did not fail. The interpreter, the traced JIT, the untraced
# JIT, a built engine, -j 1 and -j 2 must all give the same, worked by hand below.
#
#   sh tests/runtime/key_rule.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"
work keyrule
cat >k.pol <<'EOF'
policy "key rule" valid from 2017-01-01 dated by claim.d
claim { d: date  a: money  lag: days }
param cap: money from 2017-01-01: 100 yuan
rule booked: date = claim.d + claim.lag
ledger annual per person per year of booked { paid: money += pay }
rule pay: money = min(claim.a, pos(cap - annual.paid))
rule so_far: money = annual.paid
output pay, so_far
EOF
# a cap of 100 yuan a person and booking year:
#   c1 p1 2017-05-01 +0      booked 2017: so_far 0, pay 80
#   c2 p1 2017-12-20 +30     booked 2018-01-19, a new row: so_far 0, pay 80
#   c3 p1 2018-02-01 +0      booked 2018: so_far 80, pay 20 (the rest of 100)
#   c4 p1 2018-03-01 +9223372036854770000 days: 17,591 (the date) more is past int64, fails
#   c5 p1 2018-04-01 +0      booked 2018: so_far 100 (c4 stored nothing), pay 0
#   c6 p2 2019-03-01 +0      p2's 2019: so_far 0, pay 50
#   c7 p2 2019-04-01 +0      so_far 50, pay 50
# (with the first claim's year kept: c2 so_far 80 pay 20, c3 100 and 0, c4 settled)
printf '%s\n' claim_id,person_id,d,a,lag c1,p1,2017-05-01,80,0 c2,p1,2017-12-20,80,30 \
    c3,p1,2018-02-01,80,0 c4,p1,2018-03-01,80,9223372036854770000 c5,p1,2018-04-01,80,0 \
    c6,p2,2019-03-01,50,0 c7,p2,2019-04-01,80,0 >c.csv
cat >want <<'EOF'
claim_id,pay,so_far,status
c1,80.00,0.00,settled
c2,80.00,0.00,settled
c3,20.00,80.00,settled
c4,,,"error: amount overflow in rule booked (line 4, col 21)"
c5,0.00,100.00,settled
c6,50.00,0.00,settled
c7,50.00,50.00,settled
EOF
"$POLC" build k.pol -o k.so 2>build.err || bad "key_rule: build" "$(cat build.err)"
for how in "k.pol --interp" "k.pol -j 1" "k.pol -j 2" "k.so -j 1" "k.so -j 2" \
    "k.pol --explain /dev/null"; do
    # shellcheck disable=SC2086 # $how is several words
    "$POLC" run $how --claims c.csv --out - --no-progress 2>err | tr -d "$BOM" >got
    if cmp -s got want; then
        ok "key_rule: run $how: each claim's own booking year"
    else
        bad "key_rule: run $how" "$(tr '\n' '|' <got) $(tr '\n' '|' <err)"
    fi
done
finish
