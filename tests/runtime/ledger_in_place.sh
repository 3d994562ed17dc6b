#!/bin/sh
# tests/runtime/ledger_in_place.sh — the batch pipeline hands an engine flagged
# POLRT_FAST_LEDGER_IN_PLACE the person's ledger row itself (pipeline.c, settle_in_place): a
# claim that fails must leave the row as it was, whether the row was found, taken over from
# an earlier year or new (the person's first claim). Every engine kind must give the same:
# the JIT, a built .so, the interpreter (no flag: it copies), an engine built before the flag
# (stand-in: the .so's object with polc_fast_flags 1, POLRT_FAST_NO_MEMO alone, as main built
# them), -j 1 and -j 3, and with --explain (traced, not in place). A policy of two ledgers is
# not settled in place, but its entry writes every field: after is no longer copied from before.
#
# p.pol: n sums claim.a and big sums claim.a x 20000% a person-year; seen and seen_big are
# them before the claim. An amount of 900,000,000,000,000 yuan (9e16 fen) fails in big's
# update (x 200 = 1.8e19 fen, past int64's 9.22e18), after n's new value is computed.
#   p1 c1 2017-02-01 10: 0, 0 (then n 10, big 2,000)
#   p1 c2 2017-02-02 9e14: fails (the row found)
#   p1 c3 2017-03-01 1: 10, 2,000 (c2 left nothing)
#   p1 c4 2018-01-05 9e14: fails (2017's row would be taken over for 2018)
#   p1 c5 2018-01-06 1: 0, 0 (a new year: then n 1, big 200)
#   p1 c6 2018-02-01 2: 1, 200
#   p2 c7 2017-05-01 9e14: fails (the person's first claim: a new row)
#   p2 c8 2017-05-02 3: 0, 0
#   p2 c9 2017-06-01 4: 3, 600
#
#   sh tests/runtime/ledger_in_place.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"
work inplace

cat > p.pol <<'POL'
policy "in place" valid from 2017-01-01 dated by claim.d
claim { d: date  a: money }
param k: rate from 2017-01-01: 20000%
ledger acc per person per year of claim.d { n: money += claim.a  big: money += claim.a * k }
rule seen: money = acc.n
rule seen_big: money = acc.big
output seen, seen_big
POL
# the same with a lifetime ledger: no year's row to take over, a key with no row appends one
sed 's/ per year of claim.d//' p.pol > l.pol
# two ledgers: the year's and a lifetime total
sed -e '/^ledger acc/a\
ledger life per person { total: money += claim.a }' -e '/^rule seen_big/a\
rule seen_total: money = life.total' -e 's/^output seen, seen_big$/&, seen_total/' p.pol > t.pol
printf '%s\n' claim_id,person_id,d,a c1,p1,2017-02-01,10 c2,p1,2017-02-02,900000000000000 \
    c3,p1,2017-03-01,1 c4,p1,2018-01-05,900000000000000 c5,p1,2018-01-06,1 c6,p1,2018-02-01,2 \
    c7,p2,2017-05-01,900000000000000 c8,p2,2017-05-02,3 c9,p2,2017-06-01,4 > c.csv

if ! "$POLC" build p.pol -o p.so 2>err || ! "$POLC" build l.pol -o l.so 2>>err ||
    ! "$POLC" build t.pol -o t.so 2>>err || ! "$POLC" build p.pol --emit obj -o p.o 2>>err; then
    bad "ledger_in_place: build" "$(head -n 3 err)"
    finish
    exit
fi
# want FILE COLUMNS ERROR ROW...: the results polc run must write into FILE: the header
# claim_id,COLUMNS,status; a ROW "cN,v,..." settled with those values, a bare "cN" failed
# with ERROR
want() {
    f=$1 none=$(echo ",$2" | sed 's/[^,]//g') err=$3
    echo "claim_id,$2,status" > "$f"
    shift 3
    for row in "$@"; do
        case $row in
        *,*) echo "$row,settled" ;;
        *) echo "$row$none,$err" ;;
        esac
    done >> "$f"
}
# c2, c4 and c7 fail in big's update: claim.a * k, line 4, col 80 (60 without "per year of
# claim.d")
over='"error: amount overflow in acc.big (line 4, col 80)"'
want want.p seen,seen_big "$over" c1,0.00,0.00 c2 c3,10.00,2000.00 c4 c5,0.00,0.00 \
    c6,1.00,200.00 c7 c8,0.00,0.00 c9,3.00,600.00
# lifetime: c5 and c6 see the 2017 claims (n 11, big 2,200 after c3; 12, 2,400 after c5)
want want.l seen,seen_big '"error: amount overflow in acc.big (line 4, col 60)"' \
    c1,0.00,0.00 c2 c3,10.00,2000.00 c4 c5,11.00,2200.00 c6,12.00,2400.00 c7 c8,0.00,0.00 \
    c9,3.00,600.00
# two ledgers: seen_total sums the person's earlier settled claims (c1 10, c3 1, c5 1, c8 3)
want want.t seen,seen_big,seen_total "$over" c1,0.00,0.00,0.00 c2 c3,10.00,2000.00,10.00 c4 \
    c5,0.00,0.00,11.00 c6,1.00,200.00,12.00 c7 c8,0.00,0.00,0.00 c9,3.00,600.00,3.00

# the engine built before POLRT_FAST_LEDGER_IN_PLACE: the same code, polc_fast_flags 1
if command -v objcopy >/dev/null 2>&1; then
    echo 'const long long polc_fast_flags = 1;' > flags1.c
    objcopy --localize-symbol=polc_fast_flags p.o old.o &&
        cc -shared -Wl,-Bsymbolic -o old.so old.o flags1.c 2>link.err
    if [ "$(nm -D old.so 2>/dev/null | grep -c ' polc_fast_flags$')" != 1 ]; then
        bad "ledger_in_place: the engine with flags 1" "$(head -n 2 link.err)"
    fi
fi

# check NAME WANT ARGS...: polc run ARGS must write the results WANT
check() {
    name=$1 want=$2
    shift 2
    "$POLC" run "$@" --claims c.csv --out - -q --no-progress 2>got.err | tr -d "$BOM" > got
    if cmp -s got "$want"; then
        ok "ledger_in_place: $name"
    else
        bad "ledger_in_place: $name" "$(diff "$want" got | head -n 4 | tr '\n' '|')"
    fi
}
for j in 1 3; do
    for e in p.pol p.so old.so; do
        [ -f "$e" ] || continue
        check "$e -j $j" want.p "$e" -j "$j"
    done
    check "p.pol --interp -j $j" want.p p.pol --interp -j "$j"
    check "p.so --explain -j $j" want.p p.so --explain x.jsonl -j "$j"
    check "lifetime: l.so -j $j" want.l l.so -j "$j"
    check "lifetime: l.pol --interp -j $j" want.l l.pol --interp -j "$j"
    check "two ledgers: t.so -j $j" want.t t.so -j "$j"
    check "two ledgers: t.pol --interp -j $j" want.t t.pol --interp -j "$j"
done

# simulate: two engines, each on its own rows; the base (k 20000%) fails c2, c4 and c7, the
# reform (k 100%) settles them (9e14 yuan x 100% = 9e16 fen), so its rows hold them:
#   c3 seen 900,000,000,000,010 (c1 10 + c2 9e14) both; c5 9e14 both (c4); c6 9e14 + 1 both;
#   c8 9e14 both (c7); c9 9e14 + 3 both. The changes leave out the claims the base failed.
cat > want.sim <<'TXT'
claim_id,person_id,scenario,output,label,base,value,difference
c3,p1,k=100%,seen,seen,10.00,900000000000010.00,900000000000000.00
c3,p1,k=100%,seen_big,seen_big,2000.00,900000000000010.00,899999999998010.00
c5,p1,k=100%,seen,seen,0.00,900000000000000.00,900000000000000.00
c5,p1,k=100%,seen_big,seen_big,0.00,900000000000000.00,900000000000000.00
c6,p1,k=100%,seen,seen,1.00,900000000000001.00,900000000000000.00
c6,p1,k=100%,seen_big,seen_big,200.00,900000000000001.00,899999999999801.00
c8,p2,k=100%,seen,seen,0.00,900000000000000.00,900000000000000.00
c8,p2,k=100%,seen_big,seen_big,0.00,900000000000000.00,900000000000000.00
c9,p2,k=100%,seen,seen,3.00,900000000000003.00,900000000000000.00
c9,p2,k=100%,seen_big,seen_big,600.00,900000000000003.00,899999999999403.00
TXT
for how in "-j 1" "-j 3" "--interp"; do
    # shellcheck disable=SC2086 # $how is two words
    "$POLC" simulate --base p.pol --set k=100% --claims c.csv --changes - -q $how 2>sim.err |
        tr -d "$BOM" > got.sim
    if cmp -s got.sim want.sim; then
        ok "ledger_in_place: simulate $how"
    else
        bad "ledger_in_place: simulate $how" "$(diff want.sim got.sim | head -n 4 | tr '\n' '|')"
    fi
done
finish
