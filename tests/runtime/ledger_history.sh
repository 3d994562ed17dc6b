#!/bin/sh
# tests/runtime/ledger_history.sh — a ledger's history (spec/DATA.md "Ledger files", "Late
# claims and reversals"), on SQLite and on a real PostgreSQL (tests/serve/pg.sh; skipped
# with a note when PostgreSQL 15 is not installed):
#   1. issue 12 case 1: Panji's policy starts 2017-04-07, its 第四条 cap is yearly; the
#      January self-pay of the previous arrangement imported as an opening balance makes
#      September's stay cost 0 compliant self-pay; import is idempotent, --dry-run writes
#      nothing, bad rows are rejected with file:line and exit 3;
#   2. late claims: an order of 4 claims of one person-year split across 2 runs ends in the
#      ledger and stored outputs of the date-ordered run, and the results plus the
#      adjustments are exactly the date-ordered results (each adjustment's old value is the
#      value reported before it), for every third of the 24 orders on SQLite (each claim
#      first in two of them; HISTORY_ORDERS=all for all 24, as make soak runs it) and every
#      sixth on PostgreSQL; --late reject refuses;
#   3. reversal: reversing a claim and submitting it again gives the original ledger;
#   4. polc ledger erase --person: nothing of the person is left, one audit row says so;
#   5. a ledger whose rows name a later claim it no longer holds (deleted by hand): a claim
#      dated before it is refused with the reason, exit 4, no results (it looped for ever);
#      a stored row that does not decode is named by ledger and key, not by person.
# Exact amounts computed by hand below.
#
#   sh tests/runtime/ledger_history.sh        env: POLC (build/polc), HISTORY_ORDERS (3)
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/serve/pg.sh"
work history
CLEANUP=pg_stop
PANJI=$ROOT/policies/anhui/panji-2017.pol
# check NAME WANT-FILE GOT-FILE
check() {
    if cmp -s "$2" "$3"; then ok "$1"; else bad "$1" "$(diff "$2" "$3" | head -4 | tr '\n' ' ')"; fi
}

# the policy built once: every run below opens the same engine
"$POLC" build "$PANJI" -o panji.so --emit so 2>build.err || { cat build.err; exit 1; }
ENG=$WORK/panji.so

printf '%s\n' 'person_id,身份类别,认定日期,退出日期' 'P1,建档立卡贫困人口,2015-12-31,' \
    'P2,建档立卡贫困人口,2015-12-31,' >persons.csv
H='claim_id,person_id,就诊类型,入院日期,出院日期,医疗机构级别,医疗总费用,定点医疗机构,转诊备案,补办转诊日期'

# ---- 1. opening balances ------------------------------------------------------------------
# September's stay at a provincial hospital, 100,000 yuan, all compliant:
#   B = (100000 − 1000 deductible) × 60% = 59,400; CI base 40,600, acc 0 → 40,600:
#   CI = (40600 − 5000) × 60% = 21,360; left 100000 − 59400 − 21360 = 19,240; MA 70% = 13,468;
#   remainder R = 5,772. Cap (province) 10,000.
#   No opening balance: own_paid 0, the patient owes min(5772, 10000) = 5,772, backstop 0.
#   January's 10,000 self-pay at a provincial hospital imported (own_paid 10,000, top_level
#   province): room 10000 − 10000 = 0, the patient owes 0, the backstop pays 5,772.
printf '%s\n' "$H" 'S1,P1,住院,2017-09-01,2017-09-10,省级,100000,是,是,' >sept.csv
printf '%s\n' 'person_id,year,own_paid,top_level' 'P1,2017,10000,省级' >opening.csv
# labels and the ledger column bind too; a row per reason to reject
# (lines 7-10: a short row was filled from the row before it, an extra cell dropped, and a
# second row for P2's 2017 with other values won, all without a word; the same values again
# are unchanged. Line 11: a year in full-width digits, as polc run reads an int, was refused)
printf '%s\n' 'person_id,ledger,year,own_paid,top_level' 'P2,annual,2017,500,县区' \
    'P2,annual,17,1,县区' 'P2,yearly,2017,1,县区' ',annual,2017,1,县区' 'P2,annual,2017,-5,县区' \
    'P3,annual' 'P3,annual,2017,1,县区,x' 'P2,annual,2017,700,县区' 'P2,annual,2017,500,县区' \
    'P4,annual,２０１７,1,县区' >bad.csv
OUT_HEAD=${BOM}claim_id,gate,covered,compliant,basic,critical_illness,assistance,backstop,supplement,patient_pays,hospital_bears,selfpay_counted,cap,status
EXPORT_HEAD=person_id,ledger,year,ci_accumulated,ma_paid,own_paid,top_level,outpatient_basic,own_district,own_city,own_province

opening() { # $1 backend name, $2 ledger
    B=$1
    L=$2
    "$POLC" run "$ENG" --labels names --claims sept.csv --persons persons.csv --out none.csv -q
    printf '%s\n' $OUT_HEAD \
        S1,comprehensive,true,100000.00,59400.00,21360.00,13468.00,0.00,0.00,5772.00,0.00,5772.00,10000.00,settled \
        >want
    check "$B: case 1 without an opening balance: the patient owes 5,772" want none.csv
    # --dry-run into a ledger not made yet: checked against an empty ledger, and nothing
    # created, no file (SQLite), no table (PostgreSQL); it made both, and recorded a layout
    made() {
        if [ "$B" = sqlite ]; then ls "$L"* 2>/dev/null
        else psql -Atq "$L" -c "SELECT table_name FROM information_schema.tables WHERE
            table_schema = current_schema()"; fi
    }
    "$POLC" ledger import "$ENG" --ledger "$L" opening.csv --dry-run 2>dry.err
    rc=$?
    if [ $rc = 0 ] && [ -z "$(made)" ] &&
        grep -q '1 row to import, 0 unchanged, 0 rejected; dry run' dry.err; then
        ok "$B: import --dry-run into no ledger yet: checked, nothing created"
    else bad "$B: import --dry-run into no ledger yet" "rc $rc: $(cat dry.err; made)"; fi
    # the same file as Chinese Excel saves it (GBK): read as the batch commands read it (it
    # was refused as "not UTF-8 text")
    iconv -f UTF-8 -t GB18030 opening.csv >opening.gbk.csv
    "$POLC" ledger import "$ENG" --ledger "$L" opening.gbk.csv --dry-run 2>gbk.err
    rc=$?
    if [ $rc = 0 ] && grep -q '1 row to import, 0 unchanged, 0 rejected; dry run' gbk.err; then
        ok "$B: import of a GBK file (Excel's CSV): read as UTF-8's"
    else bad "$B: import of a GBK file" "rc $rc: $(cat gbk.err)"; fi
    # the same through a pipe: standard input is looked at as a file is (it was taken for
    # UTF-8 and the row refused), or told by --encoding; an encoding not known: exit 2
    cat opening.gbk.csv | "$POLC" ledger import "$ENG" --ledger "$L" - --dry-run 2>gbk2.err
    rc=$?
    if [ $rc = 0 ] && grep -q '1 row to import, 0 unchanged, 0 rejected; dry run' gbk2.err; then
        ok "$B: import of a GBK file from standard input: found so"
    else bad "$B: import of a GBK file from standard input" "rc $rc: $(cat gbk2.err)"; fi
    cat opening.gbk.csv |
        "$POLC" ledger import "$ENG" --ledger "$L" - --encoding gbk --dry-run 2>gbk3.err
    rc=$?
    if [ $rc = 0 ] && grep -q '1 row to import, 0 unchanged, 0 rejected; dry run' gbk3.err; then
        ok "$B: import --encoding gbk from standard input"
    else bad "$B: import --encoding gbk from standard input" "rc $rc: $(cat gbk3.err)"; fi
    "$POLC" ledger import "$ENG" --ledger "$L" opening.gbk.csv --encoding latin9 --dry-run \
        2>gbk4.err
    rc=$?
    if [ "$rc $(cat gbk4.err)" = \
        "2 polc: unknown encoding 'latin9' (expected utf-8 or gb18030; gbk is read as gb18030)" ]
    then ok "$B: import --encoding latin9: exit 2, named"
    else bad "$B: import --encoding latin9" "rc $rc: $(cat gbk4.err)"; fi
    "$POLC" ledger import "$ENG" --ledger "$L" opening.csv 2>imp1.err &&
        "$POLC" ledger export "$ENG" --ledger "$L" --out exp1.csv &&
        "$POLC" ledger import "$ENG" --ledger "$L" opening.csv 2>imp2.err &&
        "$POLC" ledger export "$ENG" --ledger "$L" --out exp2.csv
    printf '%s\n' $EXPORT_HEAD P1,annual,2017,0.00,0.00,10000.00,province,0.00,0.00,0.00,0.00 \
        >want
    check "$B: the opening balance imported" want exp1.csv
    if cmp -s exp1.csv exp2.csv && grep -q '0 rows imported, 1 unchanged' imp2.err; then
        ok "$B: importing twice gives the same ledger"
    else bad "$B: importing twice gives the same ledger" "$(cat imp2.err)"; fi
    # a dry run reads the ledger as export does: its bytes as they were (a reader may leave
    # an empty -wal, as SQLite readers do), and no write lock, so it runs while another
    # process holds that lock, which a writer waits 10 s for (an SQLite shell's transaction;
    # PostgreSQL: polc's advisory lock, held by psql)
    snap() {
        if [ "$B" = sqlite ]; then sha256sum <"$L"; cat "$L-wal" 2>/dev/null | sha256sum
        else "$PGBIN/pg_dump" "$L" | grep -Ev '^\\(un)?restrict ' | sha256sum; fi # (a random key)
    }
    snap >snap.before
    if [ "$B" = sqlite ]; then
        (echo 'BEGIN IMMEDIATE;'; sleep 6; echo 'ROLLBACK;') | sqlite3 "$L" &
    else
        psql -Atq "$L" -c "SELECT pg_advisory_xact_lock(1886350435); SELECT pg_sleep(6)" \
            >/dev/null &
    fi
    holder=$!
    sleep 1
    printf '%s\n' 'person_id,year,own_paid,top_level' 'P2,2017,500,县区' >p2.csv
    "$POLC" ledger import "$ENG" --ledger "$L" p2.csv --dry-run 2>dry2.err
    rc=$?
    kill -0 $holder 2>/dev/null && held=yes || held=no
    wait $holder
    snap >snap.after
    if [ $rc = 0 ] && [ $held = yes ] && cmp -s snap.before snap.after &&
        grep -q '1 row to import, 0 unchanged, 0 rejected; dry run' dry2.err; then
        ok "$B: import --dry-run beside a writer's lock: not blocked, the ledger's bytes unchanged"
    else bad "$B: import --dry-run beside a writer's lock" "rc $rc held $held: $(cat dry2.err)"; fi
    "$POLC" run "$ENG" --labels names --claims sept.csv --persons persons.csv --ledger "$L" --out with.csv \
        --explain so.jsonl -q
    printf '%s\n' $OUT_HEAD \
        S1,comprehensive,true,100000.00,59400.00,21360.00,13468.00,5772.00,0.00,0.00,0.00,0.00,10000.00,settled \
        >want
    check "$B: case 1: January's 10,000 imported, September costs 0 compliant self-pay" want with.csv
    "$POLC" explain "$ENG" --claims sept.csv --persons persons.csv --ledger "$L" --claim S1 \
        >explain.txt 2>&1
    OPENING='ledger annual 2017: opening balance from opening.csv:2: ci_accumulated 0.00, ma_paid 0.00, own_paid 10000.00, top_level province, outpatient_basic 0.00, own_district 0.00, own_city 0.00, own_province 0.00'
    if [ "$(tail -1 explain.txt)" = "$OPENING" ]
    then ok "$B: the explanation shows the opening balance on its own line, with its source"
    else bad "$B: the explanation's opening balance" "$(tail -2 explain.txt)"; fi
    # explain is a question: with --ledger it reads the opening balances and leaves the
    # ledger as it was, though the file holds claims it has not settled (it settled and
    # committed them all: a new-user pass). October's stay of P1 (the same as September's)
    # starts from the row September left, own_paid 10,000 (September owed 0); P2's claim
    # would add a row.
    printf '%s\n' "$H" 'S2,P1,住院,2017-10-01,2017-10-10,省级,100000,是,是,' \
        'S3,P2,住院,2017-10-01,2017-10-10,省级,100000,是,是,' >oct.csv
    dump() { # the ledger's every table, rows as stored (SQLite); its rows (PostgreSQL)
        if [ "$B" = sqlite ]; then sqlite3 "$L" .dump; fi
        "$POLC" ledger export "$ENG" --ledger "$L"
    }
    dump >before.txt
    "$POLC" explain "$ENG" --claims oct.csv --persons persons.csv --ledger "$L" --claim S2 \
        >oct.txt 2>&1
    rc=$?
    dump >after.txt
    if [ $rc = 0 ] && grep -q '^status: settled' oct.txt &&
        grep -Eq 'own_paid +10,000.00 yuan → 10,000.00 yuan' oct.txt; then
        check "$B: explain of claims the ledger has not seen leaves it as it was" before.txt after.txt
    else bad "$B: explain of a claim not yet settled" "rc $rc: $(head -3 oct.txt)"; fi
    # the JSON explanation: the ledger's "opening", its values encoded (fen; province is
    # member 3 of Level) and worded; the same from the .so (settling it), the JIT and the
    # interpreter (already settled: the stored ledgers)
    "$POLC" run "$PANJI" --labels names --claims sept.csv --persons persons.csv --ledger "$L" \
        --out /dev/null --explain jit.jsonl -q
    "$POLC" run "$PANJI" --interp --labels names --claims sept.csv --persons persons.csv \
        --ledger "$L" --out /dev/null --explain interp.jsonl -q
    z='"value":0,"text":"0.00"}'
    want='{"source":"opening.csv:2","fields":[{"name":"ci_accumulated",'$z',{"name":"ma_paid",'$z',{"name":"own_paid","value":1000000,"text":"10000.00"},{"name":"top_level","value":3,"text":"province"},{"name":"outpatient_basic",'$z',{"name":"own_district",'$z',{"name":"own_city",'$z',{"name":"own_province",'$z'],"text":"'$OPENING'"}'
    got=$(for f in so jit interp; do jq -c '.ledgers[0].opening' $f.jsonl; done | sort -u)
    if [ "$got" = "$want" ] && [ "$(jq -r .status so.jsonl interp.jsonl)" = "$(printf 'settled\nalready_settled')" ]
    then ok "$B: the JSON explanation's opening balance, the same from .so, JIT and interpreter"
    else bad "$B: the JSON explanation's opening balance" "$got"; fi
    # the file again after the claim: the first claim found those values, so unchanged
    "$POLC" ledger import "$ENG" --ledger "$L" opening.csv 2>imp3.err
    rc=$?
    sed 's/10000/9000/' opening.csv >other.csv
    "$POLC" ledger import "$ENG" --ledger "$L" other.csv --rejects other.rej 2>imp4.err
    rc4=$?
    if [ $rc = 0 ] && [ $rc4 = 3 ] && grep -q 'other.csv:2: the person.s annual 2017 already has 1 settled claim' imp4.err &&
        [ "$(sed -n 2p other.rej)" = "P1,2017,9000,省级" ]; then
        ok "$B: an opening balance under settled claims: the same is unchanged, another refused"
    else bad "$B: an opening balance under settled claims" "rc $rc $rc4: $(cat imp3.err imp4.err)"; fi
    "$POLC" ledger import "$ENG" --ledger "$L" bad.csv --rejects bad.rej 2>bad.err
    rc=$?
    printf '%s\n' 'bad.csv:3: year: '"'"'17'"'"' is not a year (1900 to 2199)' \
        "bad.csv:4: ledger: 'yearly' is not a ledger of the policy" \
        'bad.csv:5: person_id: missing value' 'bad.csv:7: expected 5 fields, found 2' \
        'bad.csv:8: expected 5 fields, found 6' \
        "bad.csv:9: own_paid differs from the same person's row on line 2" >want
    grep '^bad.csv:' bad.err | grep -v ':6:' >got
    if [ $rc = 3 ] && cmp -s want got && grep -q '^bad.csv:6: own_paid: ' bad.err &&
        [ "$(wc -l <bad.rej)" = 8 ] && grep -q '2 rows imported, 1 unchanged, 7 rejected' bad.err; then
        ok "$B: bad import rows rejected with file:line, exit 3, the good one imported"
    else bad "$B: bad import rows" "rc $rc: $(cat bad.err)"; fi
}

# ---- 2. late claims -----------------------------------------------------------------------
# P1's 2017 stays (all compliant, designated, referred), in date order:
#   A 05-10 county 20,000: B = 19700 × 70% = 13,790; CIb 6,210, acc 0 → 6,210:
#     CI = 1210 × 60% = 726; left 5,484; MA 3,838.80; R 1,645.20; cap county 3,000: owes 1,645.20
#   B 06-10 city 30,000: B = 29500 × 65% = 19,175; CIb 10,825, acc → 17,035:
#     CI = 12035 × 60% − 726 = 6,495; left 4,330; MA 3,031; R 1,299; cap city 5,000, used
#     1,645.20: owes 1,299
#   C 07-10 county 15,000: B = 14700 × 70% = 10,290; CIb 4,710, acc → 21,745: CI 2,826;
#     left 1,884; MA 1,318.80; R 565.20; cap city (the year's highest) 5,000, used 2,944.20:
#     owes 565.20
#   D 08-10 province 40,000: B = 39000 × 60% = 23,400; CIb 16,600, acc → 38,345: CI 9,960;
#     left 6,640; MA 4,648; R 1,992; cap province 10,000, used 3,509.40: owes 1,992
# The year's row then: ci_accumulated 38,345; ma_paid 12,836.60; own_paid 5,501.40.
cat >all.csv <<EOF
$H
A,P1,住院,2017-05-01,2017-05-10,县区,20000,是,是,
B,P1,住院,2017-06-01,2017-06-10,市级,30000,是,是,
C,P1,住院,2017-07-01,2017-07-10,县区,15000,是,是,
D,P1,住院,2017-08-01,2017-08-10,省级,40000,是,是,
EOF
printf '%s\n' $OUT_HEAD \
    A,comprehensive,true,20000.00,13790.00,726.00,3838.80,0.00,0.00,1645.20,0.00,1645.20,3000.00,settled \
    B,comprehensive,true,30000.00,19175.00,6495.00,3031.00,0.00,0.00,1299.00,0.00,1299.00,5000.00,settled \
    C,comprehensive,true,15000.00,10290.00,2826.00,1318.80,0.00,0.00,565.20,0.00,565.20,5000.00,settled \
    D,comprehensive,true,40000.00,23400.00,9960.00,4648.00,0.00,0.00,1992.00,0.00,1992.00,10000.00,settled \
    >ref.csv
printf '%s\n' $EXPORT_HEAD \
    P1,annual,2017,38345.00,12836.60,5501.40,province,0.00,2210.40,1299.00,1992.00 >ref.ledger
sed 's/,settled$/,already settled/' ref.csv >ref.again

# the value of each (claim, output) reported first (results) plus the adjustments, each of
# whose old value must be the value last reported: prints "claim,v1,...,status" as results,
# or "chain CLAIM OUTPUT" at the first adjustment whose old value is not the last one
replay() { # $1 $2 results files, $3 $4 adjustments files
    awk -F, '
        FNR == 1 { if (!adj) { for (i = 1; i <= NF; i++) col[$i] = i; nf = NF } next }
        !adj { if (!($1 in seen)) { order[n++] = $1; seen[$1] = 1 }
               for (i = 2; i < NF; i++) v[$1, i] = $i; next }
        { k = col[$2]
          if (!k || v[$1, k] != $3) { print "chain " $1 " " $2; bad = 1; exit }
          v[$1, k] = $4 }
        END { if (bad) exit
              for (j = 0; j < n; j++) { c = order[j]; line = c
                  for (i = 2; i < nf; i++) line = line "," v[c, i]
                  print line ",settled" } }
    ' "$1" "$2" adj=1 "$3" "$4"
}

# a fresh ledger of backend $1 into L
fresh() {
    if [ "$1" = sqlite ]; then
        rm -f l.db l.db-wal l.db-shm
        L=l.db
    else
        DBN=$((DBN + 1))
        psql -Atq "${PGURL%/polc}/postgres" -c "CREATE DATABASE h$DBN" >/dev/null || exit 2
        L=${PGURL%/polc}/h$DBN
    fi
}
DBN=0

# the 24 orders of ABCD
PERMS=$(for a in A B C D; do for b in A B C D; do for c in A B C D; do for d in A B C D; do
    [ "$(printf '%s\n' $a $b $c $d | sort -u | wc -l)" = 4 ] && echo $a$b$c$d
done; done; done; done)

late() { # $1 backend, $2 "all" or a step through the orders
    B=$1
    n=0
    good=0
    for p in $PERMS; do
        n=$((n + 1))
        [ "$2" != all ] && [ $((n % $2)) != 1 ] && continue
        for k in 1 2 3; do
            fresh "$B"
            first=$(echo $p | cut -c1-$k)
            rest=$(echo $p | cut -c$((k + 1))-)
            { echo "$H"; for c in $(echo $first | sed 's/./& /g'); do grep "^$c," all.csv; done; } >r1.csv
            { echo "$H"; for c in $(echo $rest | sed 's/./& /g'); do grep "^$c," all.csv; done; } >r2.csv
            "$POLC" run "$ENG" --labels names --claims r1.csv --persons persons.csv --ledger "$L" --out o1.csv \
                --adjustments a1.csv -q 2>run.err &&
                "$POLC" run "$ENG" --labels names --claims r2.csv --persons persons.csv --ledger "$L" \
                    --out o2.csv --adjustments a2.csv -q 2>>run.err &&
                "$POLC" ledger export "$ENG" --ledger "$L" --out got.ledger 2>>run.err
            # the stored outputs, once an order (the results and adjustments say the rest)
            if [ $k = 1 ]; then
                "$POLC" run "$ENG" --labels names --claims all.csv --persons persons.csv --ledger "$L" \
                    --out again.csv -q 2>>run.err
            fi
            # the results in date order, as the reference lists them
            { head -1 ref.csv; replay o1.csv o2.csv a1.csv a2.csv | sort; } >got.csv
            if cmp -s ref.ledger got.ledger && cmp -s ref.again again.csv && cmp -s ref.csv got.csv
            then
                good=$((good + 1))
            else
                bad "$B: late claims: order $first | $rest" \
                    "$(cat run.err; diff ref.ledger got.ledger; diff ref.csv got.csv | head -5)"
                return
            fi
        done
    done
    ok "$B: late claims: $good splits of the orders of 4 claims across 2 runs equal the date-ordered run, adjustments exact"
}

late_examples() { # $1 backend: the adjustments of one order, exactly
    B=$1
    fresh "$B"
    # run 1: D, then B (late: D settled again); run 2: A (late: B and D again; C not yet)
    { echo "$H"; grep '^D,' all.csv; grep '^B,' all.csv; } >r1.csv
    { echo "$H"; grep '^A,' all.csv; } >r2.csv
    "$POLC" run "$ENG" --labels names --claims r1.csv --persons persons.csv --ledger "$L" --out o1.csv \
        --adjustments a1.csv --no-progress 2>run1.err
    "$POLC" run "$ENG" --labels names --claims r2.csv --persons persons.csv --ledger "$L" --out o2.csv \
        --adjustments a2.csv -q 2>>run.err
    # D first alone: acc 16,600: CI 6,960, left 9,640, MA 6,748, R 2,892 (room 10,000).
    # Then B before it: D's acc 10,825 → 27,425, CI 9,960 (+3,000), MA 4,648 (−2,100),
    # R 1,992 (−900). B alone: acc 10,825, CI 3,495, left 7,330, MA 5,131, R 2,199.
    # A before B: B's CI 6,495 (+3,000), MA 3,031 (−2,100), R 1,299 (−900); D unchanged
    # (its acc stays above 5,000 either way, and its own_paid room is not reached).
    printf '%s\n' ${BOM}claim_id,output,old,new,delta,cause \
        'D,critical_illness,6960.00,9960.00,3000.00,late claim B' \
        'D,assistance,6748.00,4648.00,-2100.00,late claim B' \
        'D,patient_pays,2892.00,1992.00,-900.00,late claim B' \
        'D,selfpay_counted,2892.00,1992.00,-900.00,late claim B' >want
    check "$B: late claim B: D's adjustments" want a1.csv
    printf '%s\n' ${BOM}claim_id,output,old,new,delta,cause \
        'B,critical_illness,3495.00,6495.00,3000.00,late claim A' \
        'B,assistance,5131.00,3031.00,-2100.00,late claim A' \
        'B,patient_pays,2199.00,1299.00,-900.00,late claim A' \
        'B,selfpay_counted,2199.00,1299.00,-900.00,late claim A' >want
    check "$B: late claim A: B's adjustments" want a2.csv
    # the summary tells of the claims settled again and where their adjustments went (it said
    # "2 settled" and nothing of them), and how to have them when not asked for
    grep -qx '  1 settlement of earlier claims redone (late claims): 4 adjustments written to a1.csv' \
        run1.err && ok "$B: the summary: the claims settled again, the adjustments' file" ||
        bad "$B: the summary of a late claim" "$(cat run1.err)"
    fresh "$B"
    "$POLC" run "$ENG" --labels names --claims r1.csv --persons persons.csv --ledger "$L" --out o1.csv \
        --no-progress 2>run1.err
    grep -qx '  1 settlement of earlier claims redone (late claims): 4 adjustments; write them with --adjustments FILE' \
        run1.err && ok "$B: the summary: adjustments not written, and how to write them" ||
        bad "$B: the summary of a late claim, no --adjustments" "$(cat run1.err)"
    fresh "$B"
    "$POLC" run "$ENG" --labels names --claims r1.csv --persons persons.csv --ledger "$L" --out o1.csv \
        -q 2>>run.err
    "$POLC" run "$ENG" --labels names --claims r2.csv --persons persons.csv --ledger "$L" --out o2.csv \
        -q 2>>run.err
    # --late reject: C (07-10) after D (08-10) is refused, the ledger unchanged
    "$POLC" ledger export "$ENG" --ledger "$L" --out before.ledger
    { echo "$H"; grep '^C,' all.csv; } >r3.csv
    "$POLC" run "$ENG" --labels names --claims r3.csv --persons persons.csv --ledger "$L" --out o3.csv \
        --late reject --rejects r3.rej -q 2>r3.err
    rc=$?
    "$POLC" ledger export "$ENG" --ledger "$L" --out after.ledger
    if [ $rc = 3 ] && cmp -s before.ledger after.ledger &&
        grep -q 'r3.csv:2: dated 2017-07-10, before a claim of the same person and ledger year dated 2017-08-10 already settled (ledger): late claims are refused (--late reject)' r3.err
    then ok "$B: --late reject refuses a late claim with its dates, exit 3"
    else bad "$B: --late reject" "rc $rc: $(cat r3.err)"; fi
}

# ---- 3. reversal --------------------------------------------------------------------------
reversal() { # $1 backend
    B=$1
    fresh "$B"
    "$POLC" run "$ENG" --labels names --claims all.csv --persons persons.csv --ledger "$L" --out o.csv -q
    # line 3: an unknown claim, rejected as it is reversed; line 4: no claim id, rejected as
    # it is read. The summary counts the one claim reversed (it once subtracted both rejects
    # from the good rows alone: "0 claims reversed")
    printf '%s\n' claim_id,person_id B,P1 X,P1 ,P1 >rev.csv
    "$POLC" run "$ENG" --labels names --reverse rev.csv --persons persons.csv --ledger "$L" \
        --adjustments ra.csv --rejects rev.rej --no-progress 2>rev.err
    rc=$?
    # B's amounts back to 0; C and D settled again without B: C's acc 6,210 → 10,920,
    # CI 2,826 (unchanged: all of it above 5,000), MA and R unchanged, cap: the year's highest
    # level is county again: 3,000 (was city's 5,000); D unchanged but for nothing (its cap
    # is province's either way, room enough)
    printf '%s\n' ${BOM}claim_id,output,old,new,delta,cause \
        B,compliant,30000.00,0.00,-30000.00,reversed B,basic,19175.00,0.00,-19175.00,reversed \
        B,critical_illness,6495.00,0.00,-6495.00,reversed \
        B,assistance,3031.00,0.00,-3031.00,reversed B,patient_pays,1299.00,0.00,-1299.00,reversed \
        B,selfpay_counted,1299.00,0.00,-1299.00,reversed B,cap,5000.00,0.00,-5000.00,reversed \
        'C,cap,5000.00,3000.00,-2000.00,reversal of B' >want
    if [ $rc = 3 ] && cmp -s want ra.csv &&
        grep -q '^rev.csv:3: not a settled claim of this person (ledger): nothing to reverse' rev.err &&
        grep -q '^rev.csv: 1 claim reversed, 2 rows rejected: rev.rej$' rev.err &&
        grep -qx '  2 settlements of later claims redone: 8 adjustments written to ra.csv' rev.err
    then ok "$B: reversal: the claim's amounts to 0, the later claims' changes, an unknown id rejected"
    else bad "$B: reversal" "rc $rc: $(cat rev.err; diff want ra.csv)"; fi
    { echo "$H"; grep '^B,' all.csv; } >rb.csv
    "$POLC" run "$ENG" --labels names --claims rb.csv --persons persons.csv --ledger "$L" --out ob.csv \
        --adjustments rba.csv -q
    "$POLC" ledger export "$ENG" --ledger "$L" --out got.ledger
    "$POLC" run "$ENG" --labels names --claims all.csv --persons persons.csv --ledger "$L" --out again.csv -q
    if cmp -s ref.ledger got.ledger && cmp -s ref.again again.csv &&
        [ "$(sed -n 2p rba.csv)" = "C,cap,3000.00,5000.00,2000.00,late claim B" ]; then
        ok "$B: reversal then the claim again equals the original"
    else bad "$B: reversal then the claim again" "$(diff ref.ledger got.ledger; diff ref.again again.csv)"; fi
}

# ---- 4. erasure ---------------------------------------------------------------------------
erase() { # $1 backend
    B=$1
    fresh "$B"
    printf '%s\n' "$H" 'Q1,P2,住院,2017-05-01,2017-05-10,县区,20000,是,是,' >p2.csv
    "$POLC" run "$ENG" --labels names --claims all.csv --persons persons.csv --ledger "$L" --out o.csv -q
    "$POLC" run "$ENG" --labels names --claims p2.csv --persons persons.csv --ledger "$L" --out o2.csv -q
    printf '%s\n' claim_id,person_id C,P1 >rev.csv
    "$POLC" run "$ENG" --labels names --reverse rev.csv --persons persons.csv --ledger "$L" -q
    "$POLC" ledger erase "$ENG" --ledger "$L" --person P1 2>erase.err
    rc=$?
    "$POLC" ledger erase "$ENG" --ledger "$L" --person P1 2>erase2.err
    rc2=$?
    "$POLC" ledger export "$ENG" --ledger "$L" --out got.ledger
    Q="SELECT (SELECT count(*) FROM settled_claims WHERE person_id = 'P1') + (SELECT count(*) FROM reversed_claims WHERE person_id = 'P1') + (SELECT count(*) FROM ledger_audit WHERE person_id = 'P1' OR detail LIKE '%P1%') + (SELECT count(*) FROM ledger_rows WHERE person_id = 'P1'), (SELECT count(*) FROM ledger_audit WHERE event = 'erase' AND person_id IS NULL AND claim_id IS NULL), (SELECT count(*) FROM settled_claims)"
    if [ "$B" = sqlite ]; then left=$(sqlite3 "$L" "$Q" | tr '|' ' ')
    else left=$(psql -Atq "$L" -c "$Q" | tr '|' ' '); fi
    printf '%s\n' $EXPORT_HEAD \
        P2,annual,2017,6210.00,3838.80,1645.20,county,0.00,1645.20,0.00,0.00 >want
    # a PostgreSQL ledger is "the ledger": its URL may hold a password (the message named it)
    if [ "$B" = sqlite ]; then nothing="polc: ledger $L holds nothing of that person: nothing erased"
    else nothing="polc: the ledger holds nothing of that person: nothing erased"; fi
    if [ $rc = 0 ] && [ $rc2 = 3 ] && cmp -s want got.ledger && [ "$left" = "0 1 1" ] &&
        [ "$(cat erase2.err)" = "$nothing" ]; then
        ok "$B: ledger erase: nothing of the person left, one audit row without them"
    else bad "$B: ledger erase" "rc $rc $rc2 left '$left': $(cat erase.err erase2.err)"; fi
    # the erased person's history: no event, and the message says an erased person has none
    # too (it said only that claims settled once in date order leave none: newuser8)
    "$POLC" ledger history "$ENG" --ledger "$L" --person P1 --out h1.csv 2>h1.err
    if [ $? = 0 ] && [ "$(cat h1.err)" = "polc: ledger history: 0 events: a person's claims settled once, in date order, leave none, as does a person the ledger never held or has erased (polc explain --ledger shows how a claim was paid)" ]; then
        ok "$B: ledger history of an erased person: no event, and why"
    else bad "$B: ledger history of an erased person" "$(cat h1.err)"; fi
    # the message counts what was removed by kind, as the erasure's audit row does (it said "N
    # records removed (claims and ledger rows)", the audit rows not counted, "1 records"). P1:
    # the 3 claims of all.csv that stay settled, C reversed, its one 2017 row, 8 audit rows (its
    # claims' adjustments and the reversal's)
    DQ="SELECT detail FROM ledger_audit WHERE event = 'erase'"
    if [ "$B" = sqlite ]; then detail=$(sqlite3 "$L" "$DQ"); else detail=$(psql -Atq "$L" -c "$DQ"); fi
    printf '%s\n' "polc: ledger erase: removed 3 settled claims, 1 reversed claim, 1 ledger row, 8 audit rows; the audit trail records the erasure, not the person" \
        "a person's data erased: 3 settled claims, 1 reversed claim, 1 ledger row, 8 audit rows" >erase.want
    { cat erase.err; echo "$detail"; } >erase.got
    check "$B: ledger erase: the message counts by kind, as the audit row" erase.want erase.got
    # the history in Chinese words the erasure in Chinese (it kept polc's English words)
    "$POLC" ledger history "$ENG" --ledger "$L" --labels zh 2>/dev/null | cut -d, -f2- |
        grep '^删除个人数据' >erase.zh
    printf '%s\n' '删除个人数据,,,,,,,,删除个人数据：3 条已结算单，1 条已冲销结算单，1 条台账行，8 条审计行' \
        >erase.zhwant
    check "$B: ledger history --labels zh: the erasure in Chinese" erase.zhwant erase.zh
    if [ "$B" = sqlite ]; then
        "$POLC" ledger export "$ENG" --ledger none.db 2>none.err
        rc=$?
        if [ $rc = 2 ] && [ ! -e none.db ] &&
            grep -q 'cannot open ledger none.db: No such file or directory' none.err; then
            ok "sqlite: export of a ledger that is not there: exit 2, none created"
        else bad "sqlite: export of a missing ledger" "rc $rc: $(cat none.err)"; fi
        # nothing of the person in the file's bytes either (secure_delete, log checkpointed)
        if ! grep -a -q 'P1' "$L" && [ ! -s "$L-wal" ]; then ok "sqlite: no byte of the erased person's id in the file"
        else bad "sqlite: erased bytes" "P1 still in the file"; fi
    fi
}

# ---- 5. rows and claims that disagree --------------------------------------------------------
disagree() {
    rm -f d.db*
    printf '%s\n' "$H" 'D2,P1,住院,2017-05-02,2017-05-20,县区,20000.00,是,否,' >d2.csv
    printf '%s\n' "$H" 'D1,P1,住院,2017-04-10,2017-04-20,县区,20000.00,是,否,' >d1.csv
    "$POLC" run "$ENG" --claims d2.csv --persons persons.csv --ledger d.db --out d2.out -q 2>/dev/null
    sqlite3 d.db "DELETE FROM settled_claims WHERE claim_id = 'D2'"
    timeout 60 "$POLC" run "$ENG" --claims d1.csv --persons persons.csv --ledger d.db --out d1.out \
        -q 2>d1.err
    rc=$?
    if [ $rc = 4 ] && [ ! -e d1.out ] && grep -q "claim D1: the ledger's rows say a claim of this person dated after this one was settled, but no such claim is stored" d1.err; then
        ok "sqlite: rows naming a claim the ledger lacks: refused, exit 4, no results"
    else bad "sqlite: rows naming a claim the ledger lacks" "rc $rc: $(cat d1.err)"; fi
    # a row whose bytes do not decode (a varint cut short) names its ledger and key, not the person
    sqlite3 d.db "UPDATE ledger_rows SET vals = x'ff'"
    "$POLC" run "$ENG" --claims d1.csv --persons persons.csv --ledger d.db --out d1.out -q 2>d1.err
    rc=$?
    if [ $rc = 4 ] && grep -q "d.db: ledger annual, key 2017: a stored row is malformed" d1.err &&
        ! grep -q P1 d1.err; then
        ok "sqlite: a stored row that does not decode: its ledger and key, no person id, exit 4"
    else bad "sqlite: a stored row that does not decode" "rc $rc: $(cat d1.err)"; fi
}

opening sqlite l.db
rm -f l.db*
disagree
late sqlite "${HISTORY_ORDERS:-3}"
late_examples sqlite
reversal sqlite
erase sqlite

if pg_start "$WORK/pg"; then
    fresh pg
    opening postgresql "$L"
    late postgresql 6
    late_examples postgresql
    reversal postgresql
    erase postgresql
else
    echo "note: PostgreSQL 15 not found ($PGBIN): the PostgreSQL half skipped"
fi

finish
