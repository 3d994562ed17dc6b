#!/bin/sh
# tests/cli/fmt.sh — polc fmt. On every .pol of the repository (policies, examples, the test
# and fuzz corpora): fmt is idempotent (fmt(fmt(x)) = fmt(x)) and never changes meaning — the
# same diagnostics (positions aside: spacing moves columns), the same IR (`polc ir`), the same
# `polc test` results; a file with syntax errors is refused and left alone. The shipped
# policies and reforms are kept formatted (`polc fmt --check`). One messy policy against its
# exact canonical layout; --check names the files that would change and exits 1; "-" reads
# standard input and writes standard output.
#
#   sh tests/cli/fmt.sh        env: POLC (build/polc)
set -u
cd "$(dirname "$0")/../.." || exit 2
POLC=${POLC:-build/polc}
case $POLC in /*) ;; */*) POLC=$(pwd)/$POLC ;; esac
ROOT=$(pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/polc-fmt.XXXXXX") || exit 2
trap 'rm -rf "$WORK"' EXIT

pass=0
fail=0
ok() {
    pass=$((pass + 1))
    echo "[PASS] $1"
}
bad() {
    fail=$((fail + 1))
    echo "[FAIL] $1: $2"
}

# diagnostics without positions and source lines: "file: error: message"
diags() {
    sed -n -e 's/^\([^:]*\):[0-9]*:[0-9]*: \(error\|note\|warning\): /\1: \2: /p' \
        -e '/^polc: /p' -e '/^[^ ].*: [0-9]* errors\?$/p'
}

# two copies of every policy of the repository (policies/, examples/, tests/), paths kept (reforms name their base by a
# relative path); fmt rewrites the second in place
find policies examples tests -name '*.pol' | LC_ALL=C sort >"$WORK/list"
while read -r f; do
    mkdir -p "$WORK/a/$(dirname "$f")" "$WORK/b/$(dirname "$f")"
    cp "$f" "$WORK/a/$f"
    cp "$f" "$WORK/b/$f"
done <"$WORK/list"
cd "$WORK/b" || exit 2
xargs "$POLC" fmt <"$WORK/list" >"$WORK/fmt.out" 2>"$WORK/fmt.err"
refused=$(grep -c ': not formatted: it has syntax errors$' "$WORK/fmt.err")
if grep -q 'internal error' "$WORK/fmt.err"; then
    bad "fmt of every .pol" "$(grep -m1 'internal error' "$WORK/fmt.err")"
else
    ok "fmt of every .pol ($(wc -l <"$WORK/list") files, $refused refused for syntax errors)"
fi
# a refused file is left as it was
nref=0
while read -r f; do
    if grep -q "^$f: not formatted" "$WORK/fmt.err" && ! cmp -s "$WORK/a/$f" "$f"; then
        nref=$((nref + 1))
    fi
done <"$WORK/list"
[ "$nref" = 0 ] && ok "files with syntax errors left alone" || bad "refused files" "$nref changed"

# idempotent: formatting the formatted files changes none
if xargs "$POLC" fmt --check <"$WORK/list" >"$WORK/again" 2>/dev/null ||
    [ "$(grep -c . "$WORK/again")" = 0 ]; then
    ok "fmt(fmt(x)) = fmt(x) on every .pol"
else
    bad "idempotence" "$(head -3 "$WORK/again" | tr '\n' ' ')"
fi

# the same diagnostics before and after (one polc check for all), the same IR for each
# policy that checks
(cd "$WORK/a" && xargs "$POLC" check <"$WORK/list" 2>&1 | diags) >"$WORK/d.a"
xargs "$POLC" check <"$WORK/list" 2>&1 | diags >"$WORK/d.b"
if cmp -s "$WORK/d.a" "$WORK/d.b" && [ "$(grep -c ': error: ' "$WORK/d.a")" -gt 100 ]; then
    ok "same diagnostics after fmt ($(grep -c ': error: ' "$WORK/d.a") errors)"
else
    bad "same diagnostics after fmt" "$(diff "$WORK/d.a" "$WORK/d.b" | head -5)"
fi
nir=0
ndiff=0
while read -r f; do
    grep -q "^$f: " "$WORK/d.a" && continue
    nir=$((nir + 1))
    (cd "$WORK/a" && "$POLC" ir "$f") >"$WORK/ir.a" 2>&1
    "$POLC" ir "$f" >"$WORK/ir.b" 2>&1
    cmp -s "$WORK/ir.a" "$WORK/ir.b" || { ndiff=$((ndiff + 1)); echo "  IR differs for $f"; }
done <"$WORK/list"
[ "$ndiff" = 0 ] && [ "$nir" -gt 40 ] && ok "same IR after fmt ($nir policies)" ||
    bad "same IR after fmt" "$ndiff of $nir differ"

# the same test results (line numbers aside: a long line may have been broken), for every
# policy with test cases that checks
xargs grep -l '^test \|^测试 ' <"$WORK/list" | while read -r f; do
    grep -q "^$f: " "$WORK/d.a" || echo "$f"
done >"$WORK/tests"
(cd "$WORK/a" && xargs "$POLC" test <"$WORK/tests" 2>&1 | sed 's/:[0-9]*:/:/') >"$WORK/t.a"
xargs "$POLC" test <"$WORK/tests" 2>&1 | sed 's/:[0-9]*:/:/' >"$WORK/t.b"
ntest=$(grep -c '^\[PASS\]' "$WORK/t.a")
if cmp -s "$WORK/t.a" "$WORK/t.b" && [ "$ntest" -gt 100 ]; then
    ok "same polc test results after fmt ($(wc -l <"$WORK/tests") policies, $ntest cases)"
else
    bad "polc test after fmt" "$(diff "$WORK/t.a" "$WORK/t.b" | head -5)"
fi

# the shipped policies are formatted
cd "$ROOT" || exit 2
out=$("$POLC" fmt --check policies/anhui/*.pol policies/anhui/reforms/*.pol 2>&1)
rc=$?
[ $rc = 0 ] && [ -z "$out" ] && ok "policies/ are formatted" ||
    bad "policies/ are formatted" "rc $rc: $out (run polc fmt on them)"

# one messy policy and its canonical layout, exactly
cd "$WORK" || exit 2
cat >messy.pol <<'EOF'
# a header comment
policy  "x"   source "文号"
valid from 2017-01-01   dated by claim.d
enum Level "级别" { township "乡镇",county "县区",
city "市级" }
claim {
d : date "日期"    # the claim's date
total:money
  level: Level
}


param cap [ Level ] : money cites "第四条"
from 2017-01-01 : township 1 yuan , county 2 yuan ,
city 3万元
   from 2018-01-01 to 2018-12-31: township 10 yuan, county 20 yuan, city 30 yuan, township 10 yuan, city 3 yuan
param r: rate from 2017-01-01: 80 %
ledger annual per person per year of claim.d {
  paid: money += pays   # paid this year
  n: int += 1
}
rule pays : money cites "第四条" = min ( claim.total*r , pos(cap[claim.level]-annual.paid) ) - - 1 yuan
  exception none over x cites "x" when claim.total<0 yuan then 0 yuan
rule x(a: date, b: date?): bool = any(h in hs where h.from <= a and
  h.to >= a) rule y: int = 1
output pays, x,
  y
test "t" { person p {}
  claim c of p { d: 2017-03-01, total: -5 yuan }
    # expected
  expect c { pays: 0 yuan }
}
EOF
cat >want.pol <<'EOF'
# a header comment
policy "x" source "文号"
  valid from 2017-01-01 dated by claim.d
enum Level "级别" {
  township "乡镇", county "县区",
  city "市级"
}
claim {
  d: date "日期"  # the claim's date
  total: money
  level: Level
}

param cap[Level]: money cites "第四条"
  from 2017-01-01: township 1 yuan, county 2 yuan,
                   city 3万元
  from 2018-01-01 to 2018-12-31: township 10 yuan, county 20 yuan, city 30 yuan, township 10 yuan,
                                 city 3 yuan
param r: rate from 2017-01-01: 80%
ledger annual per person per year of claim.d {
  paid: money += pays  # paid this year
  n: int += 1
}
rule pays: money cites "第四条" = min(claim.total * r,
                                      pos(cap[claim.level] - annual.paid)) - -1 yuan
  exception none over x cites "x" when claim.total < 0 yuan then 0 yuan
rule x(a: date, b: date?): bool = any(h in hs where h.from <= a and
                                                    h.to >= a)
rule y: int = 1
output pays, x,
       y
test "t" {
  person p {}
  claim c of p { d: 2017-03-01, total: -5 yuan }
  # expected
  expect c { pays: 0 yuan }
}
EOF
cp messy.pol messy2.pol
out=$("$POLC" fmt --check messy.pol want.pol)
rc=$?
[ $rc = 1 ] && [ "$out" = messy.pol ] && cmp -s messy.pol messy2.pol &&
    ok "--check names the file that would change, exit 1, changes nothing" ||
    bad "--check" "rc $rc, '$out'"
"$POLC" fmt messy.pol
if cmp -s messy.pol want.pol; then
    ok "the canonical layout, exactly"
else
    bad "the canonical layout" "$(diff want.pol messy.pol | head -20)"
fi
"$POLC" fmt --stdout messy2.pol | cmp -s - want.pol && cmp -s messy2.pol "$WORK/messy2.pol" &&
    ok "--stdout prints it" || bad "--stdout" "differs"

# a line of 124 columns, whose last place that fits (after `or`, inside the parentheses) left
# a rest of 104 columns under the `(`: broken after the outer `and`, the rest fits (a new-user
# pass; spec/LANGUAGE.md §16.1)
{
    printf '%s\n' 'policy "w" valid from 2025-01-01 dated by claim.discharged' \
        'claim { admitted: date discharged: date }' \
        'history identities { from: date to: date? }' \
        'rule eligible: bool = any(h in identities where h.from <= claim.discharged and (not present(h.to) or claim.admitted <= h.to))' \
        'output eligible'
} >wide.pol
{
    printf '%s\n' 'policy "w" valid from 2025-01-01 dated by claim.discharged' \
        'claim { admitted: date discharged: date }' \
        'history identities { from: date to: date? }' \
        'rule eligible: bool = any(h in identities where h.from <= claim.discharged and'
    printf '%48s%s\n' '' '(not present(h.to) or claim.admitted <= h.to))'
    printf '%s\n' 'output eligible'
} >wide.want
"$POLC" fmt --stdout wide.pol >wide.out 2>&1
if cmp -s wide.out wide.want && "$POLC" fmt --stdout wide.out | cmp -s - wide.out; then
    ok "a wide line broken where the rest fits too (after the outer and), idempotent"
else bad "a wide line" "$(diff wide.want wide.out | head -6)"; fi

printf 'policy "x"\nrule r: money = (1 yuan\n' >broken.pol
cp broken.pol broken0.pol
"$POLC" fmt broken.pol >out 2>err
rc=$?
[ $rc = 1 ] && grep -q '^broken.pol: not formatted: it has syntax errors$' err &&
    grep -q '^broken.pol:2:24: error: unexpected end of file' err && cmp -s broken.pol broken0.pol &&
    ok "syntax errors: diagnostics, exit 1, the file left alone" || bad "syntax errors" "rc $rc: $(cat err)"
: >empty.pol
"$POLC" fmt --check empty.pol && [ ! -s empty.pol ] && ok "an empty file stays empty" ||
    bad "empty file" "changed"
"$POLC" fmt >/dev/null 2>&1
[ $? = 2 ] && ok "no FILE: usage error" || bad "no FILE" "not exit 2"

# "-" is standard input, as for the data commands' files: the formatted text on standard
# output (it cannot be rewritten); --check names it "<stdin>", exit 1, and prints nothing else
"$POLC" fmt - <messy2.pol >out 2>err
rc=$?
[ $rc = 0 ] && cmp -s out want.pol && [ ! -s err ] && ok "fmt -: standard input formatted to standard output" ||
    bad "fmt -" "rc $rc: $(diff want.pol out | head -4) $(cat err)"
out=$("$POLC" fmt --check - <messy2.pol 2>&1)
rc=$?
[ $rc = 1 ] && [ "$out" = "<stdin>" ] && ok "fmt --check -: names <stdin>, exit 1" ||
    bad "fmt --check -" "rc $rc, '$out'"
out=$("$POLC" fmt --check - <want.pol 2>&1)
rc=$?
[ $rc = 0 ] && [ -z "$out" ] && ok "fmt --check - of a formatted text: nothing, exit 0" ||
    bad "fmt --check - formatted" "rc $rc, '$out'"
"$POLC" fmt - <broken.pol >out 2>err
rc=$?
[ $rc = 1 ] && [ ! -s out ] && grep -qx '<stdin>: not formatted: it has syntax errors' err &&
    grep -q '^<stdin>:2:24: error: unexpected end of file' err &&
    ok "fmt - with syntax errors: named <stdin>, exit 1, nothing on standard output" ||
    bad "fmt - broken" "rc $rc: $(cat err)"
"$POLC" fmt - - <want.pol >out 2>err
rc=$?
[ $rc = 2 ] && grep -qx 'polc: fmt: - (standard input) given 2 times' err &&
    ok "fmt - -: usage error" || bad "fmt - -" "rc $rc: $(cat err)"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
