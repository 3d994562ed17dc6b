#!/bin/sh
# The invariant of 第四条 over generated claims: a person's compliant self-pay counted in a year
# (the backstop accumulator, output selfpay_counted) never exceeds the cap in force, which is the
# cap of the highest level used so far that year (DOMAIN.md step 5). A few thousand random claims
# of a few hundred persons, fixed seed (awk), settled by `polc run`; then, per person and year in
# settlement order (discharge date, ties in file order):
#   - running sum of selfpay_counted <= cap of the claim;
#   - cap = backstop cap of the highest level of the year's comprehensive claims so far
#     (3000 township/county, 5000 city, 10000 province; re-derived here, not read back);
#   - no payer is negative; every claim's total is shared out exactly among basic, CI, MA,
#     backstop, supplement, patient and hospital.
set -u
POLC=${POLC:-build/polc}
POLICY=${POLICY:-policies/anhui/panji-2017.pol}
SEED=${SEED:-2017}
NPERSONS=${NPERSONS:-400}
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
pass() { echo "[PASS] panji_invariant: $1"; }
fail() { echo "[FAIL] panji_invariant: $1"; }

# ---- generate --------------------------------------------------------------------------
awk -v seed="$SEED" -v np="$NPERSONS" -v dir="$d" '
# civil date from days since 1970-01-01 (H. Hinnant), and back
function civil(z,   era, doe, yoe, doy, mp, dd, m, y) {
    z += 719468; era = int(z / 146097); doe = z - era * 146097
    yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
    y = yoe + era * 400; doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
    mp = int((5 * doy + 2) / 153); dd = doy - int((153 * mp + 2) / 5) + 1
    m = mp < 10 ? mp + 3 : mp - 9; if (m <= 2) y++
    return sprintf("%04d-%02d-%02d", y, m, dd)
}
function pick(n) { return int(rand() * n) }
function money(x) { return sprintf("%.2f", int(x * 100 + 0.5) / 100) }
BEGIN {
    srand(seed)
    split("乡镇 县区 市级 省级 省外", LV, " ")
    first = 17263   # 2017-04-07
    last = 17885    # 2018-12-20 (an emergency referral deadline stays inside the 2018 calendar)
    P = dir "/persons.csv"; C = dir "/claims.csv"
    print "person_id,chronic,identity,from,to" > P
    print "claim_id,person_id,kind,admitted,discharged,level,total,noncompliant,consented," \
          "designated,referred,emergency,referral_filed,refused,special_chronic,listed_disease" > C
    nc = 0
    for (p = 1; p <= np; p++) {
        pid = sprintf("P%04d", p)
        chronic = rand() < 0.3 ? "是" : "否"
        r = rand()
        if (r < 0.75)       print pid "," chronic ",建档立卡贫困人口,2015-12-31," > P
        else if (r < 0.85)  print pid "," chronic ",建档立卡贫困人口,2015-12-31," civil(first + pick(last - first)) > P
        else if (r < 0.92) { print pid "," chronic ",低保对象,2016-01-01," > P
                             print pid "," chronic ",建档立卡贫困人口," civil(first + pick(last - first)) "," > P }
        else                print pid "," chronic ",,," > P
        n = 1 + pick(14)
        # this person discharge days, in order
        for (k = 1; k <= n; k++) dis[k] = first + pick(last - first)
        for (i = 2; i <= n; i++) { v = dis[i]; j = i - 1
            while (j >= 1 && dis[j] > v) { dis[j + 1] = dis[j]; j-- }
            dis[j + 1] = v }
        for (k = 1; k <= n; k++) {
            cid = sprintf("C%06d", ++nc)
            outp = chronic == "是" && rand() < 0.4
            lr = rand()
            lvl = lr < 0.25 ? 1 : lr < 0.6 ? 2 : lr < 0.82 ? 3 : lr < 0.96 ? 4 : 5
            if (outp) {
                kind = "慢性病门诊"; adm = dis[k]
                total = 50 + rand() * rand() * 4000
            } else {
                kind = "住院"; adm = dis[k] - pick(lvl >= 3 ? 40 : 15)
                # skewed costs: most stays small, a few very large
                total = (300 + rand() * 20000) * (rand() < 0.15 ? 1 + rand() * 25 : 1)
            }
            noncomp = rand() < 0.3 ? total * rand() * 0.2 : 0
            cons = rand() < 0.6 ? "是" : "否"
            desig = rand() < 0.95 ? "是" : "否"
            refd = lvl >= 3 && rand() < 0.85 ? "是" : "否"
            emerg = !outp && rand() < 0.1 ? "是" : "否"
            filed = emerg == "是" && rand() < 0.8 ? civil(adm + pick(12)) : ""
            refus = rand() < 0.02 ? "是" : "否"
            spec = !outp && rand() < 0.1 ? "是" : "否"
            listed = outp && rand() < 0.9 ? "是" : "否"
            print cid "," pid "," kind "," civil(adm) "," civil(dis[k]) "," LV[lvl] "," money(total) \
                  "," money(noncomp) "," cons "," desig "," refd "," emerg "," filed "," refus "," \
                  spec "," listed > C
        }
    }
}'
nclaims=$(($(wc -l < "$d/claims.csv") - 1))

# ---- settle ----------------------------------------------------------------------------
if "$POLC" run "$POLICY" --claims "$d/claims.csv" --persons "$d/persons.csv" \
        --out "$d/r.csv" --labels names -q 2> "$d/err"; then
    pass "polc run settled $nclaims generated claims"
else
    fail "polc run exited $?: $(head -5 "$d/err")"
    exit 1
fi

# ---- check -----------------------------------------------------------------------------
# join inputs and results by claim id (results are in input order), then sort by person,
# discharge date and input order: the order the engine settled each person's claims in
awk -F, 'NR == FNR { if (FNR > 1) { pid[$1] = $2; lvl[$1] = $6; dis[$1] = $5
                                    tot[$1] = $7; seq[$1] = FNR } next }
         FNR == 1 { for (i = 1; i <= NF; i++) h[$i] = i; next }
         { print pid[$1], dis[$1], sprintf("%07d", seq[$1]), $1, lvl[$1], tot[$1],
                 $h["gate"], $h["status"], $h["selfpay_counted"], $h["cap"], $h["basic"],
                 $h["critical_illness"], $h["assistance"], $h["backstop"], $h["supplement"],
                 $h["patient_pays"], $h["hospital_bears"] }' \
    "$d/claims.csv" "$d/r.csv" | sort -k1,1 -k2,2 -k3,3 > "$d/joined"

awk -v out="$d/violations" '
BEGIN { CAP["乡镇"] = 1; CAP["县区"] = 1; CAP["市级"] = 2; CAP["省级"] = 3
        CAPV[0] = 300000; CAPV[1] = 300000; CAPV[2] = 500000; CAPV[3] = 1000000 }
function fen(x) { return int(x * 100 + (x < 0 ? -0.5 : 0.5)) }
{
    pid = $1; year = substr($2, 1, 4); cid = $4; lvl = $5
    if ($8 != "settled") { print cid ": not settled (" $8 ")" > out; bad++; next }
    if (pid != lp || year != ly) { used = 0; top = 0; lp = pid; ly = year; py++ }
    if ($7 == "comprehensive" && CAP[lvl] > top) top = CAP[lvl]
    used += fen($9); cap = fen($10)
    if (cap != CAPV[top]) { print cid ": cap " $10 ", expected " CAPV[top] / 100 > out; bad++ }
    if (used > cap) { print cid ": year self-pay " used / 100 " > cap " cap / 100 > out; bad++ }
    for (i = 9; i <= 17; i++) if (fen($i) < 0) { print cid ": negative field " i > out; bad++ }
    paid = 0; for (i = 11; i <= 17; i++) paid += fen($i)
    if (paid != fen($6)) { print cid ": shared out " paid / 100 ", total " $6 > out; bad++ }
    if (used == cap && cap > 0) full++
    n++
}
END { print n, py, full + 0, bad + 0 > (out ".stats") }' "$d/joined"
read -r n py full nbad < "$d/violations.stats"
if [ "$nbad" -eq 0 ]; then
    pass "$n claims, $py person-years ($full claims at the cap): yearly self-pay within the cap of the highest level"
else
    fail "$nbad violations, e.g. $(head -3 "$d/violations" | tr '\n' ';')"
fi
if [ "$n" -eq "$nclaims" ]; then pass "every claim checked"; else fail "$n of $nclaims claims checked"; fi
# the generator must actually reach the cap, or the check proves nothing
if [ "$full" -ge 20 ]; then pass "the cap is reached ($full claims)"; else fail "only $full claims reach the cap"; fi
