#!/bin/sh
# tests/runtime/person_tags.sh — the persons table finds a person by a 32-bit tag of its id's
# hash (rt_map_tag of rt_hash_id), keeping 16 bits of it a slot (runtime/ledger.c RtMap): two
# ids whose tags agree must stay two persons, whatever the threads. The ids are four pairs
# found by search whose tags agree (tests/unit/test_session.c checks the first pair still
# does): Q0071811/Q0102802 also agree in their partition at -j 3 (hash % 3), Q0076938/
# Q0167325 at -j 2 and -j 3, Q0056649/Q0195502 at -j 3, Q0155786/Q0168671 in none.
# Person k (1..8) has base k yuan and s spans v = 1..s, s = 1 2 3 4 5 8 9 17 (span room grows
# 1, 2, 4, 8, 16, 32: full at 1, 2, 4, 8 and 16 spans), its rows interleaved with its pair's;
# its claim of 1 yuan gives n = s, tot = s(s+1)/2 and pay = 1 + k yuan. X1's first row is
# rejected (a bad date), its later good rows do not make it good: its claim is rejected.
#
#   sh tests/runtime/person_tags.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"
work person_tags

cat > h.pol <<'POL'
policy "spans" valid from 2020-01-01 dated by claim.d
claim { d: date  a: money }
person { base: money = 0 yuan }
history hs { v: int  from: date }
rule n: int = count(h in hs)
rule tot: int = sum(h.v for h in hs)
rule pay: money = claim.a + person.base
output n, tot, pay
POL
ids="Q0071811 Q0102802 Q0076938 Q0167325 Q0155786 Q0168671 Q0056649 Q0195502"
spans="1 2 3 4 5 8 9 17"
{
    echo person_id,base,v,from,note
    echo X1,1,1,2020-13-01,x1
    # round s: span s of every person with s spans or more
    for s in $(seq 1 17); do
        k=0
        for id in $ids; do
            k=$((k + 1))
            [ "$(echo "$spans" | cut -d' ' -f$k)" -ge "$s" ] && echo "$id,$k,$s,2020-01-01,n$k"
        done
        [ "$s" -le 2 ] && echo "X1,1,$((s + 1)),2020-01-02,x1"
    done
} > persons.csv
{
    echo claim_id,person_id,d,a
    k=0
    for id in $ids X1; do
        k=$((k + 1))
        echo "c$k,$id,2020-02-01,1"
    done
} > claims.csv
# claim k: n = s, tot = s(s+1)/2, pay = 1 + k
printf '%s\n' claim_id,note,n,tot,pay,status c1,n1,1,1,2.00,settled c2,n2,2,3,3.00,settled \
    c3,n3,3,6,4.00,settled c4,n4,4,10,5.00,settled c5,n5,5,15,6.00,settled \
    c6,n6,8,36,7.00,settled c7,n7,9,45,8.00,settled c8,n8,17,153,9.00,settled > want.keep
grep -v '^claim_id' want.keep | sed 's/^\(c[0-9]*\),n[0-9]*,/\1,/' > want.rows
{
    echo claim_id,n,tot,pay,status
    cat want.rows
} > want

for j in 1 2 3; do
    "$POLC" run h.pol --persons persons.csv --claims claims.csv -j "$j" --out - -q \
        --no-progress 2>err | tr -d "$BOM" > got
    if cmp -s got want && grep -q '^claims.csv:10: the person has a rejected row (persons.csv:2)$' err
    then
        ok "person_tags: ids of one tag, -j $j: each its own person"
    else
        bad "person_tags: -j $j" "$(diff want got | head -n 4 | tr '\n' '|') $(head -n 2 err)"
    fi
    "$POLC" run h.pol --persons persons.csv --claims claims.csv -j "$j" --keep note --out - -q \
        --no-progress 2>/dev/null | tr -d "$BOM" > got
    if cmp -s got want.keep; then
        ok "person_tags: --keep note -j $j: each its own row's cell"
    else
        bad "person_tags: --keep note -j $j" "$(diff want.keep got | head -n 4 | tr '\n' '|')"
    fi
done
finish
