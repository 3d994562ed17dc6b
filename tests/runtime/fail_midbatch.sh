#!/bin/sh
# tests/runtime/fail_midbatch.sh — a claim whose policy fails part-way (polrt_fail: an amount
# overflow) in the middle of a batch, in one engine of several: the batch pipeline lands such a
# failure once a batch (task_settle), not once a claim, and must then finish that claim in the
# engines after the one that failed, leave the failed engine's ledger as it was, and go on
# with the next claims. Every engine kind: the JIT and the interpreter (simulate, run), a
# built engine (run .so), -j 1 and -j 2.
#
# m.pol: pay = claim.a x m; the ledger acc.paid sums pay per person-year; so_far = acc.paid
# before the claim. Claims of p1: c1 10 yuan, c2 900,000,000,000,000 yuan (9e16 fen), c3 10;
# p2: c4 5. x 20000% = x 200: c2 is 1.8e19 fen, past int64 (9.22e18): it fails.
#   base 100%:  pay c1 10, c2 9e14, c3 10 (so_far 9e14 + 10), c4 5
#   m=20000%:   c1 2000, c2 fails, c3 2000 (so_far 2000: c2 left the ledger alone), c4 1000
#   m=200%:     c1 20, c2 1.8e15, c3 20 (so_far 1.8e15 + 20), c4 10
# With the base at 20000% the base fails c2 (engine 0, the reforms after it still settle it)
# and the changes omit c2 (no base to compare with).
. "$(dirname "$0")/lib.sh"
work failmid
cat > m.pol <<'POL'
policy "mixed" valid from 2017-01-01 dated by claim.d
claim { d: date  a: money }
param m: rate from 2017-01-01: 100%
ledger acc per person per year of claim.d { paid: money += pay }
rule pay: money = claim.a * m
rule so_far: money = acc.paid
output pay, so_far
POL
sed 's/100%/20000%/' m.pol > b.pol
printf '%s\n' claim_id,person_id,d,a c1,p1,2017-02-01,10 c2,p1,2017-02-02,900000000000000 \
    c3,p1,2017-03-01,10 c4,p2,2017-03-01,5 > c.csv

# a reform in the middle fails: the one after it still settles c2
cat > want1 <<'TXT'
claim_id,person_id,scenario,output,label,base,value,difference
c1,p1,m=20000%,pay,pay,10.00,2000.00,1990.00
c1,p1,m=200%,pay,pay,10.00,20.00,10.00
c2,p1,m=200%,pay,pay,900000000000000.00,1800000000000000.00,900000000000000.00
c2,p1,m=200%,so_far,so_far,10.00,20.00,10.00
c3,p1,m=20000%,pay,pay,10.00,2000.00,1990.00
c3,p1,m=20000%,so_far,so_far,900000000000010.00,2000.00,-899999999998010.00
c3,p1,m=200%,pay,pay,10.00,20.00,10.00
c3,p1,m=200%,so_far,so_far,900000000000010.00,1800000000000020.00,900000000000010.00
c4,p2,m=20000%,pay,pay,5.00,1000.00,995.00
c4,p2,m=200%,pay,pay,5.00,10.00,5.00
TXT
# the base fails: the reforms settle c2 all the same (their ledgers hold it)
cat > want2 <<'TXT'
claim_id,person_id,scenario,output,label,base,value,difference
c1,p1,m=100%,pay,pay,2000.00,10.00,-1990.00
c1,p1,m=200%,pay,pay,2000.00,20.00,-1980.00
c3,p1,m=100%,pay,pay,2000.00,10.00,-1990.00
c3,p1,m=100%,so_far,so_far,2000.00,900000000000010.00,899999999998010.00
c3,p1,m=200%,pay,pay,2000.00,20.00,-1980.00
c3,p1,m=200%,so_far,so_far,2000.00,1800000000000020.00,1799999999998020.00
c4,p2,m=100%,pay,pay,1000.00,5.00,-995.00
c4,p2,m=200%,pay,pay,1000.00,10.00,-990.00
TXT
for how in "-j 1" "-j 2" "--interp"; do
    # shellcheck disable=SC2086 # $how is two words
    "$POLC" simulate --base m.pol --set m=20000% --set m=200% --claims c.csv --changes - -q \
        $how 2> err1 | tr -d '\357\273\277' > got1
    # shellcheck disable=SC2086
    "$POLC" simulate --base b.pol --set m=100% --set m=200% --claims c.csv --changes - -q \
        $how 2> err2 | tr -d '\357\273\277' > got2
    if cmp -s got1 want1 && grep -q "1 claim in m=20000%" err1; then
        ok "fail_midbatch: a reform fails mid-batch, the next reform settles ($how)"
    else
        bad "fail_midbatch: reform fails ($how)" "$(tr '\n' '|' < got1) $(tr '\n' '|' < err1)"
    fi
    if cmp -s got2 want2 && grep -q "1 claim in base" err2; then
        ok "fail_midbatch: the base fails mid-batch, the reforms settle ($how)"
    else
        bad "fail_midbatch: base fails ($how)" "$(tr '\n' '|' < got2) $(tr '\n' '|' < err2)"
    fi
done

# polc run with a built engine and the JIT: c2 fails, c3 sees the ledger without it
#   (20000%: c1 2000, c3 2000 with so_far 2000, c4 1000)
cat > want3 <<'TXT'
claim_id,pay,so_far,status
c1,2000.00,0.00,settled
c2,,,"error: amount overflow in rule pay (line 5, col 19)"
c3,2000.00,2000.00,settled
c4,1000.00,0.00,settled
TXT
if "$POLC" build b.pol -o b.so 2> errb; then
    for eng in b.so b.pol; do
        for j in 1 2; do
            "$POLC" run $eng --claims c.csv --out - -j $j --no-progress 2> err3 |
                tr -d '\357\273\277' > got3
            if cmp -s got3 want3; then
                ok "fail_midbatch: run $eng -j $j: the failed claim alone"
            else
                bad "fail_midbatch: run $eng -j $j" "$(tr '\n' '|' < got3)"
            fi
        done
    done
else
    bad "fail_midbatch: build" "$(cat errb)"
fi
finish
