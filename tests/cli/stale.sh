#!/bin/sh
# A built engine remembers the SHA-256 of the policy text it came from: running it after the
# text changed warns with both hashes; an unchanged text gives no warning. Also: .so, exe,
# JIT and interpreter settle the same claims to the same bytes.
set -u
POLC=${POLC:-build/polc}
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
pass() { echo "[PASS] stale: $1"; }
fail() { echo "[FAIL] stale: $1"; }

cat > "$d/p.pol" <<'POL'
policy "stale" valid from 2025-01-01 dated by claim.d
claim { d: date  cost: money }
param ratio: rate from 2025-01-01: 80%
rule pay: money = claim.cost * ratio
output pay
POL
printf 'claim_id,person_id,d,cost\nc1,p1,2025-03-01,100.01\n' > "$d/c.csv"
# 100.01 yuan × 80% = 80.008 → 80.01 (half away from zero at the fen)
"$POLC" build "$d/p.pol" -o "$d/p.so" || fail "build .so"
"$POLC" run "$d/p.so" --claims "$d/c.csv" --out "$d/r1.csv" -q 2> "$d/err1"
if grep -q warning "$d/err1"; then fail "unchanged policy warned: $(cat "$d/err1")"; else pass "no warning when unchanged"; fi
if grep -q '^c1,80.01,settled$' "$d/r1.csv"; then pass ".so result 80.01"; else fail ".so result: $(cat "$d/r1.csv")"; fi

old=$(sha256sum "$d/p.pol" | cut -d' ' -f1)
sed -i 's/80%/75%/' "$d/p.pol"
new=$(sha256sum "$d/p.pol" | cut -d' ' -f1)
"$POLC" run "$d/p.so" --claims "$d/c.csv" --out "$d/r2.csv" -q 2> "$d/err2"
if grep -q "older text" "$d/err2" && grep -q "$old" "$d/err2" && grep -q "$new" "$d/err2"; then
    pass "stale engine warns with both hashes"
else
    fail "no stale warning with both hashes: $(cat "$d/err2")"
fi
# the stale engine still computes with the text it was built from
if cmp -s "$d/r1.csv" "$d/r2.csv"; then pass "stale engine keeps its own rules"; else fail "stale engine result changed"; fi

"$POLC" build "$d/p.pol" -o "$d/engine" --emit exe || fail "build exe"
"$d/engine" --claims "$d/c.csv" --out "$d/r3.csv" -q
"$POLC" run "$d/p.pol" --claims "$d/c.csv" --out "$d/r4.csv" -q
"$POLC" run "$d/p.pol" --interp --claims "$d/c.csv" --out "$d/r5.csv" -q
# 100.01 × 75% = 75.0075 → 75.01
if grep -q '^c1,75.01,settled$' "$d/r3.csv" && cmp -s "$d/r3.csv" "$d/r4.csv" && cmp -s "$d/r4.csv" "$d/r5.csv"; then
    pass "exe, JIT and interpreter agree (75.01)"
else
    fail "exe/JIT/interp differ: $(cat "$d/r3.csv" "$d/r4.csv" "$d/r5.csv")"
fi
# an engine where a policy's text is read: said so (it once gave 20 "unexpected control
# character" errors), exit 1 as any policy that cannot be read
"$POLC" check "$d/p.so" > "$d/out8" 2>&1
if [ $? = 1 ] && grep -q "p.so is a built engine (machine code), not a policy's text: give the .pol file it was built from" "$d/out8" &&
    [ "$(grep -c error "$d/out8")" = 2 ]; then pass "check ENGINE.so: one error, saying what it is"
else fail "check ENGINE.so: $(head -3 "$d/out8")"; fi
"$POLC" simulate --base "$d/p.so" --claims "$d/c.csv" > "$d/out9" 2>&1
if [ $? = 1 ] && grep -q "p.so is a built engine" "$d/out9"; then pass "simulate --base ENGINE.so: said so"
else fail "simulate --base ENGINE.so: $(head -3 "$d/out9")"; fi
# polc test takes policies (spec/LANGUAGE.md §16): an engine carries no test cases, and the
# refusal names the policy to test instead, the file the engine was built from; no count
"$POLC" test "$d/p.so" > "$d/out10" 2>&1
rc=$?
if [ $rc = 1 ] && [ "$(cat "$d/out10")" = "polc: error: $d/p.so is a built engine, which does not carry the policy's test cases: run \`polc test $d/p.pol\`, the policy it was built from (polc test compiles it with polc build's code generator and checks both entries)" ]; then
    pass "test ENGINE.so: refused, naming the policy to test"
else fail "test ENGINE.so: exit $rc: $(head -3 "$d/out10")"; fi

# a reform's engine: its identity is its base's text and its own (the base is found by
# parsing the reform); a policy's own text is hashed unparsed (cli/engine.c): both still warn
printf '%s\n' '# a comment before the reform line' 'reform "r" of "p.pol"' \
    'param ratio from 2025-01-01: 50%' > "$d/r.pol"
"$POLC" build "$d/r.pol" -o "$d/r.so" || fail "build a reform's .so"
"$POLC" run "$d/r.so" --claims "$d/c.csv" --out "$d/r6.csv" -q 2> "$d/err6"
if [ -s "$d/err6" ]; then fail "an unchanged reform warned: $(cat "$d/err6")"; else
    pass "a reform's engine, unchanged: no warning"; fi
sed -i 's/75%/70%/' "$d/p.pol"
"$POLC" run "$d/r.so" --claims "$d/c.csv" --out "$d/r7.csv" -q 2> "$d/err7"
if grep -q "older text of $d/r.pol" "$d/err7"; then pass "its base changed: the reform's engine warns"
else fail "base changed, no warning of the reform's engine: $(cat "$d/err7")"; fi
# 100.01 × 50% = 50.005 → 50.01, the reform's rate whatever the base's
if grep -q '^c1,50.01,settled$' "$d/r7.csv"; then pass "and settles with its own rules (50.01)"; else
    fail "the reform's engine: $(cat "$d/r7.csv")"; fi
# the reform's text broken: its identity cannot be found (it is parsed for its base), and the
# run said nothing; it warns naming the file and its first error, and settles on (50.01)
sed -i 's/50%$/50% +/' "$d/r.pol"
"$POLC" run "$d/r.so" --claims "$d/c.csv" --out "$d/r8.csv" -q 2> "$d/err8"
printf '%s\n' "polc: warning: the engine was built from $d/r.pol, which no longer parses:" \
    "  $d/r.pol:3:34: unexpected +" \
    "  the engine settles with the text it was built from; fix $d/r.pol and rebuild it with polc build" \
    > "$d/want8"
if cmp -s "$d/err8" "$d/want8"; then pass "a reform that no longer parses: warned with its error"
else fail "a reform that no longer parses: $(cat "$d/err8")"; fi
if grep -q '^c1,50.01,settled$' "$d/r8.csv"; then pass "and the engine still settles (50.01)"; else
    fail "a reform that no longer parses: $(cat "$d/r8.csv")"; fi

for k in obj ir asm; do
    if "$POLC" build "$d/p.pol" -o "$d/p.$k" --emit "$k" && [ -s "$d/p.$k" ]; then pass "--emit $k"; else fail "--emit $k"; fi
done
"$POLC" build "$d/p.pol" -o "$d/x" --emit wasm 2>/dev/null
[ $? -eq 2 ] && pass "--emit wasm is a usage error" || fail "--emit wasm exit code"
ls "$d" | grep -q tmp && fail "temporary files left behind" || pass "no temporary files left"
