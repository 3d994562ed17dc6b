#!/bin/sh
# tests/runtime/ledger_trail.sh — polc ledger history (spec/DATA.md "Ledger files"): the audit
# trail an auditor reads, on SQLite and on a real PostgreSQL (tests/serve/pg.sh; skipped with
# a note when PostgreSQL 15 is not installed). One person with an opening balance, two claims,
# a late claim that settles both again, and a reversal: the exact history rows, in yuan, in
# time order, each adjustment with the claim that caused it; --claim, --person, --labels.
#
#   sh tests/runtime/ledger_trail.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/serve/pg.sh"
work trail
CLEANUP=pg_stop
PANJI=$ROOT/policies/anhui/panji-2017.pol
# check NAME WANT-FILE GOT-FILE
check() {
    if cmp -s "$2" "$3"; then ok "$1"; else bad "$1" "$(diff "$2" "$3" | head -4 | tr '\n' ' ')"; fi
}

printf '%s\n' 'person_id,身份类别,认定日期,退出日期' 'P1,建档立卡贫困人口,2015-12-31,' >persons.csv
H='claim_id,person_id,就诊类型,入院日期,出院日期,医疗机构级别,医疗总费用,定点医疗机构,转诊备案,补办转诊日期'
printf '%s\n' "$H" 'A,P1,住院,2017-05-01,2017-05-10,省级,20000,是,是,' \
    'B,P1,住院,2017-07-01,2017-07-10,省级,20000,是,是,' >run1.csv
printf '%s\n' "$H" 'L,P1,住院,2017-04-10,2017-04-20,省级,20000,是,是,' >late.csv
printf '%s\n' 'claim_id,person_id' 'A,P1' >reverse.csv
printf '%s\n' 'person_id,year,own_paid,top_level' 'P1,2017,8000,省级' >opening.csv

# Each stay: 20,000 yuan at a provincial hospital, all compliant (as ledger_history.sh case 1):
#   basic = (20000 − 1000) × 60% = 11,400; CI base 8,600 a stay, accumulated in the year:
#   the year's first stay CI = (8600 − 5000) × 60% = 2,160, a later one 8600 × 60% = 5,160;
#   assistance 70% of what is left: 4,508 (first), 2,408 (later); remainder 1,932 / 1,032.
#   The yearly cap (province) is 10,000 of own payment; 8,000 imported as paid in January.
# Run 1 (A, B): A first: pays 1,932 (own 9,932); B: room 68, pays 68, backstop 964.
# Late claim L (April) settles first: pays 1,932 (own 9,932); A again as a later stay: CI
#   2160 → 5160, assistance 4508 → 2408, remainder 1,032 of which room 68: patient 1932 → 68,
#   backstop 0 → 964; B again: room 0: patient 68 → 0, backstop 964 → 1032.
# Reversal of A: A's own amounts to 0 (cause: itself, "reversed"), then B settles again
#   after L alone: room 68: backstop 1032 → 964, patient 0 → 68.
# The at column is left out of the comparison (the time of each commit) and checked apart.
cat >want <<'EOF'
event,person_id,claim_id,output,old,new,delta,caused_by,detail
import,P1,,,,,,,"ledger annual 2017: opening balance from opening.csv:2: ci_accumulated 0.00, ma_paid 0.00, own_paid 8000.00, top_level province, outpatient_basic 0.00, own_district 0.00, own_city 0.00, own_province 0.00"
adjust,P1,A,critical_illness,2160.00,5160.00,3000.00,L,late claim L
adjust,P1,A,assistance,4508.00,2408.00,-2100.00,L,late claim L
adjust,P1,A,backstop,0.00,964.00,964.00,L,late claim L
adjust,P1,A,patient_pays,1932.00,68.00,-1864.00,L,late claim L
adjust,P1,A,selfpay_counted,1932.00,68.00,-1864.00,L,late claim L
adjust,P1,B,backstop,964.00,1032.00,68.00,L,late claim L
adjust,P1,B,patient_pays,68.00,0.00,-68.00,L,late claim L
adjust,P1,B,selfpay_counted,68.00,0.00,-68.00,L,late claim L
adjust,P1,A,compliant,20000.00,0.00,-20000.00,A,reversed
adjust,P1,A,basic,11400.00,0.00,-11400.00,A,reversed
adjust,P1,A,critical_illness,5160.00,0.00,-5160.00,A,reversed
adjust,P1,A,assistance,2408.00,0.00,-2408.00,A,reversed
adjust,P1,A,backstop,964.00,0.00,-964.00,A,reversed
adjust,P1,A,patient_pays,68.00,0.00,-68.00,A,reversed
adjust,P1,A,selfpay_counted,68.00,0.00,-68.00,A,reversed
adjust,P1,A,cap,10000.00,0.00,-10000.00,A,reversed
reverse,P1,A,,,,,,record kept in reversed_claims (settled T)
adjust,P1,B,backstop,1032.00,964.00,-68.00,A,reversal of A
adjust,P1,B,patient_pays,0.00,68.00,68.00,A,reversal of A
adjust,P1,B,selfpay_counted,0.00,68.00,68.00,A,reversal of A
EOF
# --claim L: the adjustments L caused, and none of its own (it settled once); --claim B:
# B's own rows, whatever caused them
{ head -1 want; grep ',L,late claim L$' want; } >want.L
{ head -1 want; grep '^adjust,P1,B,' want; } >want.B
# the labelled heading and the first adjustment as a person reads them (default: the policy
# labels its outputs), the detail's words in Chinese too (they were English: "late claim L")
printf '%s\n' '时间,事件,个人编号,结算单号,输出项,原值,新值,差额,起因结算单号,说明' \
    '调整,P1,A,大病保险,2160.00,5160.00,3000.00,L,迟到结算单 L' >want.zh
# and every other kind of detail, labelled: the opening balance (the policy's names and
# values as stored), a reversed claim's own amounts, the reversal, an adjustment it caused
printf '%s\n' \
    '期初余额导入,P1,,,,,,,"台账 annual 2017：期初余额，来自 opening.csv:2: ci_accumulated 0.00, ma_paid 0.00, own_paid 8000.00, top_level province, outpatient_basic 0.00, own_district 0.00, own_city 0.00, own_province 0.00"' \
    '调整,P1,A,合规医药费用,20000.00,0.00,-20000.00,A,已冲销' \
    '冲销,P1,A,,,,,,记录保留在 reversed_claims（原结算于 T）' \
    '调整,P1,B,政府兜底,1032.00,964.00,-68.00,A,冲销结算单 A' >want.zh.details

# the history without its at column, the reversed claim's settlement time as T
strip() { cut -d, -f2- "$1" | sed 's/(settled [0-9TZ:.-]*)/(settled T)/; s/（原结算于 [0-9TZ:.-]*）/（原结算于 T）/'; }

trail() { # $1 backend name, $2 ledger
    B=$1
    L=$2
    "$POLC" ledger import "$PANJI" --ledger "$L" opening.csv 2>imp.err &&
        "$POLC" run "$PANJI" --claims run1.csv --persons persons.csv --ledger "$L" -o r1.csv -q &&
        "$POLC" run "$PANJI" --claims late.csv --persons persons.csv --ledger "$L" -o r2.csv -q &&
        "$POLC" run "$PANJI" --reverse reverse.csv --persons persons.csv --ledger "$L" -q ||
        { bad "$B: the ledger's history made" "$(cat imp.err)"; return; }
    "$POLC" ledger history "$PANJI" --ledger "$L" --labels names -o h.csv 2>h.err
    rc=$?
    strip h.csv >got
    check "$B: history: every event, in yuan, with its cause, in time order" want got
    if [ $rc = 0 ] && [ "$(cat h.err)" = "polc: ledger history: 21 events" ]; then
        ok "$B: history: exit 0, the events counted"
    else bad "$B: history's exit and count" "rc $rc: $(cat h.err)"; fi
    # at: the time of each commit, ISO 8601 UTC, never decreasing; the import, run 2 and the
    # reversal are three commits
    cut -d, -f1 h.csv | sed 1d >at
    if ! grep -Evq '^20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-9:]{8}\.[0-9]{3}Z$' at &&
        sort -c at && [ "$(uniq at | wc -l)" = 3 ]; then
        ok "$B: history: at is each commit's time, in order"
    else bad "$B: history's at column" "$(uniq at | tr '\n' ' ')"; fi
    "$POLC" ledger history "$PANJI" --ledger "$L" --labels names --claim L 2>/dev/null >hl.csv
    strip hl.csv >got
    check "$B: history --claim L: the adjustments the late claim caused" want.L got
    "$POLC" ledger history "$PANJI" --ledger "$L" --labels names --claim B 2>/dev/null >hb.csv
    strip hb.csv >got
    check "$B: history --claim B: the claim's own adjustments" want.B got
    "$POLC" ledger history "$PANJI" --ledger "$L" --person P1 2>/dev/null >hp.csv
    { head -1 hp.csv; sed -n 3p hp.csv; } | strip /dev/stdin >got
    { sed -n 1p want.zh | cut -d, -f2-; sed -n 2p want.zh; } >want.zh2
    check "$B: history --person, labelled by default: headings and outputs in Chinese" want.zh2 got
    strip hp.csv | sed -n '2p;11p;19p;20p' >got
    check "$B: history --person, labelled: every kind of detail in Chinese" want.zh.details got
    if [ "$(wc -l <hp.csv)" = 22 ]; then ok "$B: history --person P1: the person's 21 events"
    else bad "$B: history --person P1" "$(wc -l <hp.csv) lines"; fi
    # a person the trail has nothing of: the heading alone, exit 0, the reason said (a person
    # whose claims settled once in date order has no event), no person id in the message
    "$POLC" ledger history "$PANJI" --ledger "$L" --person P9 >h9.csv 2>h9.err
    rc=$?
    if [ $rc = 0 ] && [ "$(wc -l <h9.csv)" = 1 ] && grep -q '0 events: a person' h9.err &&
        ! grep -q P9 h9.err; then
        ok "$B: history --person with no event: the heading, exit 0, why"
    else bad "$B: history --person with no event" "rc $rc: $(cat h9.err)"; fi
    # so for a claim with no event (it said "0 events" and no more, as for a claim id the
    # ledger never saw)
    "$POLC" ledger history "$PANJI" --ledger "$L" --claim Z9 >z9.csv 2>z9.err
    rc=$?
    if [ $rc = 0 ] && [ "$(wc -l <z9.csv)" = 1 ] && [ "$(cat z9.err)" = "polc: ledger history: 0 events: a claim settled once, in date order, and never reversed, leaves none, as does a claim the ledger never held or has erased (polc explain --ledger shows how it was paid)" ]; then
        ok "$B: history --claim with no event: the heading, exit 0, why"
    else bad "$B: history --claim with no event" "rc $rc: $(cat z9.err)"; fi
}

# twice NAME LEDGER: a file that gives a person-year twice with other values has its later
# line refused (exit 3, spec/DATA.md: an opening balance is not silently replaced), and the
# explanation names the line imported as the opening balance
printf '%s\n' 'person_id,year,own_paid,top_level' 'P1,2017,8000,省级' 'P1,2017,9000,省级' >twice.csv
twice() {
    "$POLC" ledger import "$PANJI" --ledger "$2" twice.csv 2>twice.err
    rc=$?
    "$POLC" explain "$PANJI" --claims run1.csv --persons persons.csv --ledger "$2" --claim A \
        >twice.txt 2>&1
    if [ $rc = 3 ] && grep -q '^twice.csv:3: own_paid differs' twice.err &&
        tail -1 twice.txt | grep -q '^ledger annual 2017: opening balance from twice.csv:2: .*own_paid 8000.00'
    then ok "$1: a person-year imported twice: the later line refused, the earlier explained"
    else bad "$1: a person-year imported twice" "rc $rc: $(cat twice.err) / $(tail -1 twice.txt)"; fi
}

trail sqlite l.db
strip h.csv >sqlite.h
# a late claim whose id is 28 Chinese characters (84 bytes), then reversed: the causes name it
# whole, valid UTF-8, in the adjustments file and the history (they were cut at 64 bytes,
# mid-character, and history --claim of the id found none of them)
LID=迟到的住院结算单第二零一七年四月十日至四月二十日省级医院
printf '%s\n' "$H" "$LID,P1,住院,2017-04-10,2017-04-20,省级,20000,是,是," >late_long.csv
printf '%s\n' claim_id,person_id "$LID,P1" >rev_long.csv
"$POLC" run "$PANJI" --claims run1.csv --persons persons.csv --ledger long.db -o /dev/null -q
"$POLC" run "$PANJI" --claims late_long.csv --persons persons.csv --ledger long.db -o /dev/null \
    --adjustments late_long.adj -q
"$POLC" run "$PANJI" --reverse rev_long.csv --persons persons.csv --ledger long.db \
    --adjustments rev_long.adj -q
if [ "$(sed 1d late_long.adj | cut -d, -f6 | sort -u)" = "late claim $LID" ] &&
    [ "$(sed 1d rev_long.adj | cut -d, -f6 | sort -u | tr '\n' '|')" = "reversal of $LID|reversed|" ] &&
    iconv -f UTF-8 -t UTF-8 late_long.adj rev_long.adj >/dev/null; then
    ok "sqlite: a long Chinese claim id whole in the causes of its adjustments"
else bad "sqlite: a long Chinese claim id in the causes" "$(cat late_long.adj rev_long.adj)"; fi
# its events: the 4 adjustments of A it caused (without the opening balance, B stays within
# its cap: unchanged), its own 7 money outputs to 0, the reversal, A's 4 back: 16
"$POLC" ledger history "$PANJI" --ledger long.db --claim "$LID" -o hlong.csv 2>/dev/null
if [ "$(sed 1d hlong.csv | wc -l)" = 16 ]; then ok "sqlite: history --claim of a long id: its 16 events"
else bad "sqlite: history --claim of a long id" "$(wc -l <hlong.csv) lines"; fi
twice sqlite twice.db
# the file holds people's ids: created 0600 as the other files that do
if [ "$(stat -c %a h.csv)" = 600 ]; then ok "sqlite: history file mode 0600"
else bad "sqlite: history file mode" "$(stat -c %a h.csv)"; fi
# a policy without the ledger's outputs (tests/sim/sim.pol has no critical_illness): their
# values as stored, in fen, and a note says so; the outputs it has (patient_pays) in yuan
cp l.db other.db
"$POLC" ledger history "$ROOT/tests/sim/sim.pol" --ledger other.db --claim L --labels names \
    2>other.err | strip /dev/stdin | sed -n '2p;5p' >got
printf '%s\n' 'adjust,P1,A,critical_illness,216000,516000,300000,L,late claim L' \
    'adjust,P1,A,patient_pays,1932.00,68.00,-1864.00,L,late claim L' >want.other
check "history with a policy that lacks an output: its values in fen" want.other got
if [ "$(cat other.err)" = "polc: note: output critical_illness, and any other the policy does not have: values shown as stored (money in fen)
polc: ledger history: 8 events" ]; then ok "history with a policy that lacks an output: said once"
else bad "history with a policy that lacks an output: the note" "$(cat other.err)"; fi
# usage: --person and --claim together, an option of another command, a ledger that is not
"$POLC" ledger history "$PANJI" --ledger l.db --person P1 --claim A >/dev/null 2>u1.err
rc1=$?
"$POLC" ledger history "$PANJI" --ledger l.db --rejects x.csv >/dev/null 2>u2.err
rc2=$?
"$POLC" ledger history "$PANJI" --ledger nosuch.db >/dev/null 2>u3.err
rc3=$?
"$POLC" ledger export "$PANJI" --ledger l.db --claim A >/dev/null 2>u4.err
rc4=$?
if [ "$rc1 $rc2 $rc3 $rc4" = "2 2 2 2" ] && grep -q 'give --person or --claim, not both' u1.err &&
    grep -q -- '--rejects is not an option of ledger history' u2.err &&
    grep -q -- '--claim is not an option of ledger export' u4.err && [ ! -e nosuch.db ]; then
    ok "history: usage errors exit 2, named; a ledger that is not is not created"
else bad "history: usage errors" "$rc1 $rc2 $rc3 $rc4: $(cat u1.err u2.err u3.err u4.err)"; fi

if pg_start "$WORK/pg"; then
    trail postgresql "$PGURL"
    # rows an UPDATE moved (a correction by hand; any tool's) and VACUUM FULL compacted: the
    # history in the order written, as SQLite's; it came in ctid order, the moved rows last
    # of their commit
    psql -Atq "$PGURL" -c "UPDATE ledger_audit SET detail = detail WHERE output = 'critical_illness'" \
        -c "VACUUM FULL ledger_audit"
    "$POLC" ledger history "$PANJI" --ledger "$PGURL" --labels names -o hm.csv 2>/dev/null
    strip hm.csv >got
    check "postgresql: history after rows were moved (UPDATE, VACUUM FULL): SQLite's, byte for byte" \
        sqlite.h got
    psql -Atq "$PGURL" -c "CREATE DATABASE twice" >/dev/null
    twice postgresql "${PGURL%/polc}/twice"
else
    echo "note: PostgreSQL 15 not installed: the PostgreSQL half skipped"
fi
finish
