#!/bin/sh
# tests/serve/late.sh — late claims and reversals in polc serve (spec/SERVE.md "Late claims
# and reversals", spec/DATA.md "Late claims and reversals"), at the curl level, on SQLite, or on
# PostgreSQL under tests/serve/postgresql.sh:
#   1. one person-year's 4 claims sent one a request in every order (each order its own
#      person) end in the ledger rows and stored outputs of the date-ordered polc run, and
#      the adjustments the answers carry are exactly polc run --adjustments' for the same
#      order, one claim a run; one order's by hand; a batch of the 4 in reverse date order
#      is the same as one polc run of that file; ?late=reject refuses with polc run's text;
#   2. POST /v1/reverse: polc run --reverse's adjustments and texts (404 for a claim the
#      ledger does not hold), then the claim sent again gives the original ledger;
#   3. ?explain=1 shows an imported opening balance as polc run --explain does.
#
#   sh tests/serve/late.sh        env: POLC (build/polc), SERVE_PG
. "$(dirname "$0")/lib.sh"

# the reference runs on an engine built once (each run then loads it in milliseconds)
"$POLC" build "$PANJI" -o panji.so --emit so 2>build.err || { bad "build" "$(cat build.err)"; finish; }
ENG=$WORK/panji.so
H='claim_id,person_id,就诊类型,入院日期,出院日期,医疗机构级别,医疗总费用,定点医疗机构,转诊备案,补办转诊日期'
# P1's 2017 stays (all compliant, designated, referred) as tests/runtime/ledger_history.sh
# works them out by hand, in date order:
#   A 05-10 county 20,000: basic 13,790, CI 726, MA 3,838.80, the patient 1,645.20, cap 3,000
#   B 06-10 city 30,000: basic 19,175, CI 6,495, MA 3,031, the patient 1,299, cap 5,000
#   C 07-10 county 15,000: basic 10,290, CI 2,826, MA 1,318.80, the patient 565.20, cap 5,000
#   D 08-10 province 40,000: basic 23,400, CI 9,960, MA 4,648, the patient 1,992, cap 10,000
# the year's row then: ci_accumulated 38,345; ma_paid 12,836.60; own_paid 5,501.40.
stays() { # $1 the person (and the claim ids' prefix): the 4 claims, A..D
    printf '%s\n' "$1A,$1,住院,2017-05-01,2017-05-10,县区,20000,是,是," \
        "$1B,$1,住院,2017-06-01,2017-06-10,市级,30000,是,是," \
        "$1C,$1,住院,2017-07-01,2017-07-10,县区,15000,是,是," \
        "$1D,$1,住院,2017-08-01,2017-08-10,省级,40000,是,是,"
}
# the 24 orders of ABCD
PERMS=$(for a in A B C D; do for b in A B C D; do for c in A B C D; do for d in A B C D; do
    [ "$(printf '%s\n' $a $b $c $d | sort -u | wc -l)" = 4 ] && echo $a$b$c$d
done; done; done; done)
{
    echo 'person_id,身份类别,认定日期,退出日期'
    for p in $PERMS BATCH REJ REV; do echo "$p,建档立卡贫困人口,2015-12-31,"; done
} >persons.csv
{ echo "$H"; for p in $PERMS BATCH REJ REV; do stays $p; done; } >claims.csv

serve log --ledger "$SVC" "$PANJI" || { bad "start" "$(cat log)"; finish; }
curl -s "$URL/v1/policy" >pol.json
requests persons.csv claims.csv >requests.jsonl
# the request of claim ID
request() { grep -F "\"claim_id\":\"$1\"" requests.jsonl; }
# the adjustments of answers (JSON lines, a batch's results too) as polc run's CSV rows
adjustments() {
    jq -r '(.results // [.])[] | .adjustments[]?
        | [.claim_id, .output, .old, .new, (.delta // ""), .cause] | join(",")' "$@"
}
# a ledger's rows of person $2 as polc ledger export writes them, the person's name replaced
export_of() { # $1 ledger, $2 person
    "$POLC" ledger export "$ENG" --ledger "$1" --out - | grep "^$2," | sed "s/^$2,/P,/"
}

# ---- 1. every order ----------------------------------------------------------------------
# the reference: the date-ordered run of each order's claims on a ledger of its own
# (on PostgreSQL every 4th order, as tests/runtime/ledger_history.sh: a database is slower)
STEP=1
[ $BACKEND = postgresql ] && STEP=4
n=0
tried=0
good=0
for p in $PERMS; do
    n=$((n + 1))
    [ $(((n - 1) % STEP)) = 0 ] || [ $p = DBAC ] || continue
    tried=$((tried + 1))
    rm -f ref.db*
    { echo "$H"; stays $p; } >ref.csv
    "$POLC" run "$ENG" --labels names --claims ref.csv --persons persons.csv --ledger ref.db \
        --out - -q >ref.out 2>ref.err
    export_of ref.db $p >ref.ledger
    # polc run in this order, one claim a run: its adjustments
    rm -f run.db*
    : >want.adj
    for c in $(echo $p | sed 's/./& /g'); do
        { echo "$H"; stays $p | grep "^$p$c,"; } >one.csv
        "$POLC" run "$ENG" --labels names --claims one.csv --persons persons.csv --ledger run.db \
            --out /dev/null --adjustments one.adj -q 2>>ref.err
        tail -n +2 one.adj >>want.adj
    done
    # the service, one request a claim in this order
    : >answers.jsonl
    for c in $(echo $p | sed 's/./& /g'); do
        request $p$c | curl -s --data-binary @- "$URL/v1/settle" >>answers.jsonl
        echo >>answers.jsonl
    done
    adjustments answers.jsonl >got.adj
    # the stored outputs: each claim again answers already settled with them
    : >again.jsonl
    for c in A B C D; do
        request $p$c | curl -s --data-binary @- "$URL/v1/settle" >>again.jsonl
        echo >>again.jsonl
    done
    as_results again.jsonl | sed 's/,already settled$/,settled/' >got.out
    export_of "$SVC" $p >got.ledger
    if [ "$(jq -r .status answers.jsonl | sort -u)" = settled ] && cmp -s want.adj got.adj &&
        cmp -s ref.out got.out && cmp -s ref.ledger got.ledger && [ -s ref.ledger ]; then
        good=$((good + 1))
    else
        bad "order $p" "$(cat ref.err; diff want.adj got.adj | head -4; diff ref.out got.out | head -4;
            diff ref.ledger got.ledger)"
    fi
    [ $p = DBAC ] && cp got.adj dbac.adj
done
check "$tried orders of 4 claims, one a request: polc run's ledger, outputs and adjustments" \
    "$tried" "$good"

# order D, B, A, C by hand. D first alone: acc 16,600: CI 6,960, left 9,640, MA 6,748,
# R 2,892. B before it: D's acc 10,825 → 27,425, CI 9,960 (+3,000), MA 4,648 (−2,100),
# R 1,992 (−900). B alone: acc 10,825, CI 3,495, left 7,330, MA 5,131, R 2,199. A before B:
# B's CI 6,495 (+3,000), MA 3,031 (−2,100), R 1,299 (−900); D unchanged (its acc stays above
# 5,000 either way, its own_paid room is not reached). C before D: D's CI is 60% of all of its
# 16,600 either way and its cap province's: nothing changes, no adjustment.
printf '%s\n' 'DBACD,critical_illness,6960.00,9960.00,3000.00,late claim DBACB' \
    'DBACD,assistance,6748.00,4648.00,-2100.00,late claim DBACB' \
    'DBACD,patient_pays,2892.00,1992.00,-900.00,late claim DBACB' \
    'DBACD,selfpay_counted,2892.00,1992.00,-900.00,late claim DBACB' \
    'DBACB,critical_illness,3495.00,6495.00,3000.00,late claim DBACA' \
    'DBACB,assistance,5131.00,3031.00,-2100.00,late claim DBACA' \
    'DBACB,patient_pays,2199.00,1299.00,-900.00,late claim DBACA' \
    'DBACB,selfpay_counted,2199.00,1299.00,-900.00,late claim DBACA' >want.adj
if cmp -s want.adj dbac.adj; then ok "order D, B, A, C: the adjustments computed by hand"
else bad "order D, B, A, C: the adjustments computed by hand" "$(diff want.adj dbac.adj)"; fi

# a batch of the 4 in reverse date order, one request: as polc run of that file
{ echo "$H"; stays BATCH | sort -r; } >batch.csv
rm -f run.db*
"$POLC" run "$ENG" --labels names --claims batch.csv --persons persons.csv --ledger run.db \
    --out /dev/null --adjustments batch.adj -q 2>batch.err
tail -n +2 batch.adj >want.adj
export_of run.db BATCH >want.ledger
grep -F '"person_id":"BATCH"' requests.jsonl | sort -r |
    jq -s -c '{persons: [.[0].person], claims: [.[].claim]}' >batch.json
req POST /v1/settle "" batch.json
adjustments body >got.adj
if [ "$CODE" = 200 ] && [ "$(jq -r '.results[].status' body | sort -u)" = settled ] &&
    cmp -s want.adj got.adj && [ "$(export_of "$SVC" BATCH)" = "$(cat want.ledger)" ] &&
    [ "$(wc -l <got.adj)" -gt 0 ]; then
    ok "a batch in reverse date order: polc run's adjustments and ledger"
else bad "a batch in reverse date order" "$CODE $(cat batch.err; diff want.adj got.adj | head -5)"; fi

# ?late=reject: C (07-10) after D (08-10) refused with polc run --late reject's text, nothing
# stored; ?late=other is a 400
request REJD | curl -s --data-binary @- "$URL/v1/settle?late=reject" >/dev/null
export_of "$SVC" REJ >before.ledger
request REJC >c.json
req POST '/v1/settle?late=reject' "" c.json
check "late=reject: 422 with polc run --late reject's reason" \
    "422 rejected dated 2017-07-10, before a claim of the same person and ledger year dated 2017-08-10 already settled (ledger): late claims are refused (--late reject)" \
    "$CODE $(jq -r '.status + " " + .reason' body)"
req GET /v1/claims/REJC ""
if [ "$CODE" = 404 ] && [ "$(export_of "$SVC" REJ)" = "$(cat before.ledger)" ]; then
    ok "late=reject: nothing stored"
else bad "late=reject: nothing stored" "$CODE"; fi
req POST '/v1/settle?late=later' "" c.json
check "late=later: 400" "400 late: takes resettle or reject, not 'later'" \
    "$CODE $(jq -r .error body)"
# a parameter mistyped, or sent where it does nothing, and a bad explain= were ignored without
# a word (the answer lacked its explanation); refused as late=later is, nothing settled
req POST '/v1/settle?late=reject&explian=1' "" c.json
check "explian=1: 400" "400 query: unknown parameter 'explian' (POST /v1/settle takes explain and late)" \
    "$CODE $(jq -r .error body)"
req POST '/v1/settle?explain=banana' "" c.json
check "explain=banana: 400" "400 explain: takes 1 or 0, not 'banana'" "$CODE $(jq -r .error body)"
req GET '/v1/claims/D?explain=1' ""
check "a reprint's explain=1: 400" \
    "400 query: unknown parameter 'explain' (GET /v1/claims/{id} takes none: POST /v1/settle?explain=1 explains a claim)" \
    "$CODE $(jq -r .error body)"
req POST '/v1/settle?explain=0&late=reject' "" c.json
check "explain=0: no explanation (late=reject: 422)" "422 false" \
    "$CODE $(jq -r 'has("explanation")' body)"
# a parameter given twice: the first was read alone, so late=reject&late=later refused C as
# late (422) and never saw 'later', and explain=1&explain=0 explained; a bare ?late was the
# default (resettle: C settled) where a bare ?explain was a 400. A value not UTF-8 text once
# percent-decoded was echoed into the answer's JSON as its raw bytes
req POST '/v1/settle?late=reject&late=later' "" c.json
check "late=reject&late=later: 400" "400 query: late given twice" "$CODE $(jq -r .error body)"
req POST '/v1/settle?explain=1&explain=0&late=reject' "" c.json
check "explain=1&explain=0: 400" "400 query: explain given twice" "$CODE $(jq -r .error body)"
req POST '/v1/settle?late' "" c.json
check "a bare ?late: 400, as ?late= is" "400 late: takes resettle or reject, not ''" \
    "$CODE $(jq -r .error body)"
req POST '/v1/settle?explain=%FF&late=reject' "" c.json
check "explain=%FF: 400, the answer UTF-8" "400 query: not UTF-8 text (percent-decoded)" \
    "$CODE $(iconv -f UTF-8 -t UTF-8 body | jq -r .error)"
req POST '/v1/settle?late=reject%00x' "" c.json
check "late=reject%00x: 400, not late=reject (the NUL ended the value)" \
    "400 query: not UTF-8 text (percent-decoded)" "$CODE $(jq -r .error body)"
req GET /v1/claims/REJC ""
check "refused parameters: nothing settled" "404" "$CODE"
# the same sent without late=reject settles before D. C alone: acc 4,710 (below 5,000: CI 0),
# left 4,710, MA 70% 3,297. D after it: acc 21,310, CI (21310 − 5000) × 60% = 9,786 (was
# 6,960), left 40000 − 23400 − 9786 = 6,814, MA 4,769.80 (was 6,748), R 2,044.20 (was 2,892)
req POST '/v1/settle?late=resettle' "" c.json
printf '%s\n' 'REJD,critical_illness,6960.00,9786.00,2826.00,late claim REJC' \
    'REJD,assistance,6748.00,4769.80,-1978.20,late claim REJC' \
    'REJD,patient_pays,2892.00,2044.20,-847.80,late claim REJC' \
    'REJD,selfpay_counted,2892.00,2044.20,-847.80,late claim REJC' >want.adj
adjustments body >got.adj
if [ "$CODE $(jq -r .status body) $(jq -r .outputs.assistance body)" = "200 settled 3297.00" ] &&
    cmp -s want.adj got.adj; then ok "late=resettle: C settles before D, D's adjustments by hand"
else bad "late=resettle: C before D" "$CODE $(diff want.adj got.adj)"; fi

# ---- 2. reversal --------------------------------------------------------------------------
# REV's 4 claims settled in date order, then B reversed (and X, which the ledger does not
# hold): as polc run --reverse. By hand (tests/runtime/ledger_history.sh): B's amounts go to
# 0; C and D settle again without B: C's cap falls to county's 3,000 (the year's highest level
# is county again), nothing else changes (C's CI is 60% of all of its base either way, D's cap
# is province's and its room is not reached)
rm -f run.db*
{ echo "$H"; stays REV; } >rev.csv
"$POLC" run "$ENG" --labels names --claims rev.csv --persons persons.csv --ledger run.db \
    --out /dev/null -q 2>rev.err
export_of run.db REV >settled.ledger
printf '%s\n' claim_id,person_id REVB,REV X,REV >ids.csv
"$POLC" run "$ENG" --labels names --reverse ids.csv --persons persons.csv --ledger run.db \
    --adjustments rev.adj -q 2>>rev.err
tail -n +2 rev.adj >want.adj
export_of run.db REV >reversed.ledger
printf '%s\n' REVB,compliant,30000.00,0.00,-30000.00,reversed \
    REVB,basic,19175.00,0.00,-19175.00,reversed \
    REVB,critical_illness,6495.00,0.00,-6495.00,reversed \
    REVB,assistance,3031.00,0.00,-3031.00,reversed \
    REVB,patient_pays,1299.00,0.00,-1299.00,reversed \
    REVB,selfpay_counted,1299.00,0.00,-1299.00,reversed \
    REVB,cap,5000.00,0.00,-5000.00,reversed \
    'REVC,cap,5000.00,3000.00,-2000.00,reversal of REVB' >hand.adj
check "reversal: polc run's adjustments are the hand-computed ones" "$(cat hand.adj)" \
    "$(cat want.adj)"
grep -F '"person_id":"REV"' requests.jsonl | jq -s -c '{persons: [.[0].person], claims: [.[].claim]}' \
    >settle.json
req POST /v1/settle "" settle.json
jq -c '{persons: .persons, claims: [{claim_id: "REVB", person_id: "REV"},
    {claim_id: "X", person_id: "REV"}]}' settle.json >reverse.json
req POST /v1/reverse "" reverse.json
adjustments body >got.adj
check "reverse: a batch answers reversed and rejected, with polc run's reason" \
    "200 reversed rejected:not a settled claim of this person (ledger): nothing to reverse" \
    "$CODE $(jq -r '.results[0].status + " " + .results[1].status + ":" + .results[1].reason' body)"
if cmp -s want.adj got.adj && [ "$(export_of "$SVC" REV)" = "$(cat reversed.ledger)" ]; then
    ok "reverse: polc run --reverse's adjustments and ledger"
else bad "reverse: polc run --reverse's adjustments and ledger" "$(diff want.adj got.adj)"; fi
req GET /v1/claims/REVB ""
# an auditor learns it was reversed, when, and the record as it was (the amounts the
# reversal's adjustments took to 0): 410, not a settlement a reprint could pass on
check "reverse: GET the claim: 410 reversed, when, its person and the amounts reversed" \
    "410 reversed true REV 19175.00 5000.00 30000.00" \
    "$CODE $(jq -r '[.status, (.reversed_at | test("^20[0-9-]*T[0-9:.]*Z$") | tostring), .person_id,
        .outputs.basic, .outputs.cap, .fields.total] | join(" ")' body)"
# one claim: 404 when the ledger does not hold it (a retried reversal too)
jq -c '{person: .persons[0], claim: {claim_id: "REVB", person_id: "REV"}}' settle.json >again.json
req POST /v1/reverse "" again.json
check "reverse again: 404, polc run's reason" \
    "404 rejected not a settled claim of this person (ledger): nothing to reverse" \
    "$CODE $(jq -r '.status + " " + .reason' body)"
jq -c '.claim.total = "1"' again.json >bad.json
req POST /v1/reverse "" bad.json
check "reverse: a claim field is an unknown member (400)" "400 claim.total: unknown field" \
    "$CODE $(jq -r .error body)"
req GET /v1/reverse ""
check "GET reverse: 405" "405" "$CODE"
# B sent again settles as a late claim: C's cap back to 5,000; the ledger as before
request REVB >b.json
req POST /v1/settle "" b.json
check "reversal then the claim again: settled, C's cap back" \
    "200 settled REVC,cap,3000.00,5000.00,2000.00,late claim REVB" \
    "$CODE $(jq -r .status body) $(adjustments body)"
check "reversal then the claim again: the original ledger" "$(cat settled.ledger)" \
    "$(export_of "$SVC" REV)"
req GET /v1/claims/REVB ""
check "settled again: GET the claim: 200 already settled" "200 already settled" \
    "$CODE $(jq -r .status body)"
req GET /metrics ""
check "metrics: 1 reversed" "1" "$(sed -n 's/^polc_claims_total{status="reversed"} //p' body)"

# ---- 3. an opening balance in ?explain=1 ------------------------------------------------------
# OPEN paid 10,000 yuan at a provincial hospital in January (imported); September's stay there
# then costs 0 compliant self-pay (tests/runtime/ledger_history.sh, case 1). The answer's
# explanation has the ledger's "opening" as polc run --explain writes it.
printf '%s\n' 'person_id,year,own_paid,top_level' 'OPEN,2017,10000,省级' >opening.csv
printf '%s\n' 'person_id,身份类别,认定日期,退出日期' 'OPEN,建档立卡贫困人口,2015-12-31,' >open_p.csv
printf '%s\n' "$H" 'OPENS,OPEN,住院,2017-09-01,2017-09-10,省级,100000,是,是,' >open_c.csv
rm -f run.db*
"$POLC" ledger import "$ENG" --ledger run.db opening.csv 2>/dev/null
"$POLC" ledger import "$ENG" --ledger "$SVC" opening.csv 2>/dev/null
"$POLC" run "$ENG" --labels names --claims open_c.csv --persons open_p.csv --ledger run.db \
    --out /dev/null --explain open.jsonl -q
requests open_p.csv open_c.csv >open.json
req POST '/v1/settle?explain=1' "" open.json
check "explain=1: the opening balance, as polc run --explain" \
    "200 0.00 opening.csv:2 $(jq -c '.ledgers[0].opening' open.jsonl)" \
    "$CODE $(jq -r '.outputs.patient_pays + " " + .explanation.ledgers[0].opening.source' body) $(jq -c '.explanation.ledgers[0].opening' body)"
# the same claim again, with ?explain=1: the stored result, explained by the rules as it was
# settled (from the ledger before it: own_paid 10,000.00, the opening), as polc explain does
jq -c '.explanation.rules' body >first_rules.json
req POST '/v1/settle?explain=1' "" open.json
check "explain=1 of a claim already settled: its rules, from the ledger before it" \
    "200 already settled $(cat first_rules.json) 1000000" \
    "$CODE $(jq -r '.status' body) $(jq -c '.explanation.rules' body) $(jq -r '.explanation.ledgers[0].fields[] | select(.name == "own_paid") | .before.value' body)"

# ---- 4. a late claim's id whole in its cause -------------------------------------------------
# a late claim whose id is 28 Chinese characters (84 bytes): its adjustments' cause names it
# whole (it was cut at 64 bytes, mid-character: invalid UTF-8 in the answer's JSON), and
# history --claim finds them by it
LID=迟到的住院结算单第二零一七年四月十日至四月二十日省级医院
printf '%s\n' 'person_id,身份类别,认定日期,退出日期' 'LNG,建档立卡贫困人口,2015-12-31,' >lng_p.csv
printf '%s\n' "$H" 'LNGA,LNG,住院,2017-05-01,2017-05-10,省级,20000,是,是,' >lng_a.csv
printf '%s\n' "$H" "$LID,LNG,住院,2017-04-10,2017-04-20,省级,20000,是,是," >lng_l.csv
requests lng_p.csv lng_a.csv >lng_a.json
requests lng_p.csv lng_l.csv >lng_l.json
req POST /v1/settle "" lng_a.json
req POST /v1/settle "" lng_l.json
check "a late claim with a long Chinese id: the cause names it whole" "200 late claim $LID" \
    "$CODE $(jq -r '.adjustments[0].cause' body)"
check "history --claim of that id: its adjustments" "4" \
    "$("$POLC" ledger history "$ENG" --ledger "$SVC" --claim "$LID" 2>/dev/null | sed 1d | wc -l)"

stop
check "SIGTERM: exit 0" "0" "$STOPPED"
# a ledger in memory keeps no history: a reversal is refused (422)
serve log2 "$PANJI" || { bad "start in memory" "$(cat log2)"; finish; }
req POST /v1/reverse "" again.json
check "in memory: reverse 422" "422" "$CODE"
# nor can it settle a late claim in date order: refused, never settled against the future
request REJD >d.json
req POST /v1/settle "" d.json
req POST /v1/settle "" c.json
check "in memory: a late claim refused (422), saying why" \
    "422 rejected dated 2017-07-10, before a claim of the same person and ledger year dated 2017-08-10 already settled (ledger in memory): it keeps no claims to settle again in date order (serve with --ledger FILE)" \
    "$CODE $(jq -r '.status + " " + .reason' body)"
stop
finish
