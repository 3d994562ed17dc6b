#!/bin/sh
# The run's summary names the commonest reasons claims failed (most first, at most three, the
# rest counted), each as its results rows word it; failures dated outside the policy are one
# reason whatever their dates. (A run of polc gen's claims before Panji's start once ended
# "2,297 failed" with no word of why on the terminal.)
#   z1-z3 n = 0: division by zero in share (3); v1, v2 dated 2016, before the policy (2);
#   x1 no c: absent value in extra (1); ov 9e14 yuan x 100000 = 9e19 yuan: past int64 fen in
#   big (1); ok settles: share 10 / 2 = 5, extra 1 + 10 = 11, big 10 x 2 = 20
set -u
POLC=${POLC:-build/polc}
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cat > "$d/f.pol" <<'POL'
policy "failures" valid from 2017-01-01 dated by claim.d
claim { d: date  a: money  n: int  c: money? }
rule share: money = claim.a / claim.n
rule extra: money = claim.c + claim.a
rule big: money = claim.a * claim.n
output share, extra, big
POL
printf '%s\n' claim_id,person_id,d,a,n,c z1,p1,2017-02-01,10,0,1 z2,p1,2017-02-02,10,0,1 \
    z3,p1,2017-02-03,10,0,1 v1,p2,2016-02-01,10,1,1 v2,p2,2016-02-02,10,1,1 \
    x1,p1,2017-03-01,10,1, ok,p1,2017-03-02,10,2,1 ov,p1,2017-03-03,900000000000000,100000,1 \
    > "$d/c.csv"
"$POLC" run "$d/f.pol" --claims "$d/c.csv" --out "$d/r.csv" --no-progress 2> "$d/err"
rc=$?
grep -E '^(c.csv|  failed)' "$d/err" | sed "s|$d/||" > "$d/got"
cat > "$d/want" <<'TXT'
  failed: 3 division by zero in rule share (line 3, col 21)
  failed: 2 dated outside the policy's validity (from 2017-01-01)
  failed: 1 amount overflow in rule big (line 5, col 19)
  failed: 1 for 1 other reason (the results' status column)
TXT
if [ $rc = 3 ] && grep -q "c.csv: 8 claims: 1 settled, 0 already settled, 7 failed, 0 rows rejected" "$d/err" &&
    grep '^  failed' "$d/err" | cmp -s - "$d/want"; then
    echo "[PASS] failure reasons: the three commonest, the rest counted"
else
    echo "[FAIL] failure reasons: exit $rc: $(grep -v '^  [^f]' "$d/err" | tr '\n' '|')"
fi
if grep -q '^x1,,,,"error: absent value used in rule extra (line 4, col 21)"$' "$d/r.csv" &&
    grep -q '^ok,5.00,11.00,20.00,settled$' "$d/r.csv"; then
    echo "[PASS] failure reasons: each row keeps its own"
else
    echo "[FAIL] failure reasons: rows: $(tr '\n' '|' < "$d/r.csv")"
fi
# nothing failed: no reasons
printf '%s\n' claim_id,person_id,d,a,n,c ok,p1,2017-03-02,10,2,1 > "$d/c2.csv"
"$POLC" run "$d/f.pol" --claims "$d/c2.csv" --out "$d/r2.csv" --no-progress 2> "$d/err2"
if grep -q '^  failed' "$d/err2"; then echo "[FAIL] failure reasons: told with none failed"
else echo "[PASS] failure reasons: none when none failed"; fi
# one claim and one rejected row are counted in the singular ("1 claims", "1 rows": a
# new-user pass); the empty line is skipped, in the singular too
printf '%s\n' claim_id,person_id,d,a,n,c ok,p1,2017-03-02,10,2,1 bad,p1,2017-13-01,10,2,1 ',,,,,' \
    > "$d/c3.csv"
"$POLC" run "$d/f.pol" --claims "$d/c3.csv" --out "$d/r3.csv" --no-progress 2> "$d/err3"
if grep -q 'c3.csv: 1 claim: 1 settled, 0 already settled, 0 failed, 1 row rejected$' "$d/err3" &&
    grep -q '^  1 empty row skipped$' "$d/err3"; then
    echo "[PASS] failure reasons: one claim, one row, in the singular"
else echo "[FAIL] failure reasons: the singular: $(tr '\n' '|' < "$d/err3")"; fi
