#!/bin/sh
# tests/runtime/explain_stored.sh — `polc explain --ledger` of a claim the ledger has settled
# (spec/DATA.md "explain and the ledger"): the stored result is explained by the policy run
# again from the ledgers as they stood before the claim (its record's ledger_before), not
# from the rows later claims moved; a policy that no longer gives the stored result shows it
# alone, with no rule. Panji, one poor person, two stays of 2017 at a provincial hospital,
# all costs compliant:
#   S1 100,000: basic (100000 − 1000) × 60% = 59,400; CI base 40,600 → (40600 − 5000) × 60%
#      = 21,360; left 19,240, assistance 70% = 13,468; the patient owes 5,772 (cap 10,000).
#   S2 20,000: basic (20000 − 1000) × 60% = 11,400; CI base 8,600, the year's CI total
#      40,600 → 49,200 (all in the 60% segment): 5,160; left 3,440, assistance 70% = 2,408
#      (room 50,000 − 13,468); the patient owes 1,032: own_paid 5,772 → 6,804.
#   With ma_ratio 80% instead, S2's assistance would be 2,752: not the stored 2,408.
#
#   sh tests/runtime/explain_stored.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"
work explain-stored
PANJI=$ROOT/policies/anhui/panji-2017.pol
printf '%s\n' 'person_id,身份类别,认定日期,退出日期' 'P1,建档立卡贫困人口,2015-12-31,' >persons.csv
printf '%s\n' 'claim_id,person_id,就诊类型,入院日期,出院日期,医疗机构级别,医疗总费用,定点医疗机构,转诊备案,补办转诊日期' \
    'S1,P1,住院,2017-09-01,2017-09-10,省级,100000,是,是,' \
    'S2,P1,住院,2017-10-01,2017-10-05,省级,20000,是,是,' >claims.csv
"$POLC" run "$PANJI" --persons persons.csv --claims claims.csv --ledger l.db --out r.csv -q ||
    bad "the run" "exit $?"
# the same claims, explained afresh without a ledger: the reference
"$POLC" explain "$PANJI" --persons persons.csv --claims claims.csv --claim S2 >fresh.txt 2>&1 ||
    bad "explain without a ledger" "exit $?"

"$POLC" explain "$PANJI" --persons persons.csv --claims claims.csv --ledger l.db --claim S2 \
    >stored.txt 2>&1
rc=$?
want='status: already settled earlier; nothing was applied again (the stored result, explained from the ledgers as they stood before this claim)'
if [ $rc -eq 0 ] && [ "$(sed -n 2p stored.txt)" = "$want" ]; then
    ok "a stored claim: its status says it is explained"
else bad "a stored claim's status" "rc $rc: $(sed -n 2p stored.txt)"; fi
# everything after the status line is the fresh explanation's: rules, params, ledgers
if sed 1,2d fresh.txt >a && sed 1,2d stored.txt >b && cmp -s a b; then
    ok "a stored claim: rules, params, ledger and outputs as when it was settled"
else bad "a stored claim's explanation" "$(diff a b | head -4 | tr '\n' ' ')"; fi
if grep -q '^  own_paid          5,772.00 yuan → 6,804.00 yuan$' stored.txt &&
    grep -q '医疗救助 (assistance)  *2,408.00 yuan  — 第三条$' stored.txt; then
    ok "a stored claim: the ledger before it (5,772.00), not as later claims left it"
else bad "a stored claim's ledger" "$(grep -n 'own_paid\|(assistance)' stored.txt | tr '\n' ' ')"; fi

# the JSON explanation (polc run --explain over claims the ledger has): "explained"
"$POLC" run "$PANJI" --persons persons.csv --claims claims.csv --ledger l.db --out /dev/null \
    --explain again.jsonl -q
if [ "$(jq -r '[.claim_id, .status, .explained, .resettled, (.rules | length > 0)] | join(" ")' again.jsonl | tr '\n' ' ')" = \
    "S1 already_settled true false true S2 already_settled true false true " ]; then
    ok "JSON: already_settled, explained, with its rules"
else bad "JSON of stored claims" "$(jq -c '[.claim_id, .status, .explained]' again.jsonl | tr '\n' ' ')"; fi

# a claim settled again by a late one: S2 first, then S1 dated before it; S2's record is
# now the date-ordered settlement, and so is its explanation
sed -n '1p;3p' claims.csv >s2.csv
sed -n '1,2p' claims.csv >s1.csv
"$POLC" run "$PANJI" --persons persons.csv --claims s2.csv --ledger late.db --out r2.csv -q &&
    "$POLC" run "$PANJI" --persons persons.csv --claims s1.csv --ledger late.db --out r1.csv -q ||
    bad "the late claim's runs" "exit $?"
"$POLC" explain "$PANJI" --persons persons.csv --claims claims.csv --ledger late.db --claim S2 \
    >late.txt 2>&1
if sed 1,2d late.txt >c && cmp -s a c; then
    ok "a claim settled again by a late claim: explained as it now stands"
else bad "a claim settled again by a late claim" "$(diff a c | head -4 | tr '\n' ' ')"; fi

# the late claim in the same run as the claim it settles again: a ledger holding S2 alone,
# explained over S1 (dated before S2: late) then S2. S2's stored result is then the one this
# run left, S2 settled after S1, not the one stored before the run (S2 settled alone): the
# status line says so (it said "nothing was applied again (the stored result...)" over the
# new figures: newuser8), and the explanation is the date-ordered one, as above
"$POLC" run "$PANJI" --persons persons.csv --claims s2.csv --ledger same.db --out r3.csv -q ||
    bad "S2 alone" "exit $?"
"$POLC" explain "$PANJI" --persons persons.csv --claims claims.csv --ledger same.db --claim S2 \
    >same.txt 2>&1
rc=$?
want='status: already settled earlier, and settled again in this run after a late claim dated before it: shown is the result it now has (explained from the ledgers as they stood before this claim); what changed is an adjustment (--adjustments)'
if [ $rc -eq 0 ] && [ "$(sed -n 2p same.txt)" = "$want" ] && sed 1,2d same.txt >d && cmp -s a d; then
    ok "settled again by a late claim earlier in the run: said so, explained as it now stands"
else bad "settled again in the run" "rc $rc: $(sed -n 2p same.txt); $(diff a d | head -4 | tr '\n' ' ')"; fi
# resettled_json NAME STORED: a fresh ledger holding the claims of STORED, then claims.csv (S1,
# late, then S2) run with --explain: S1 settled now, S2 already settled and settled again
resettled_json() {
    rm -f same.db*
    "$POLC" run "$PANJI" --persons persons.csv --claims "$2" --ledger same.db --out r3.csv -q
    "$POLC" run "$PANJI" --persons persons.csv --claims claims.csv --ledger same.db --out /dev/null \
        --explain same.jsonl -q
    if [ "$(jq -r '[.claim_id, .status, .resettled] | join(" ")' same.jsonl | tr '\n' ' ')" = \
        "S1 settled  S2 already_settled true " ]; then
        ok "JSON: \"resettled\": true $1"
    else bad "JSON resettled $1" "$(jq -c '[.claim_id, .status, .resettled]' same.jsonl | tr '\n' ' ')"; fi
}
resettled_json "for the claim a late one settled again in the run" s2.csv
# and behind a claim the late one does not settle again: S0 (August, before S1) and S2 stored;
# of the person's claims in date order [S0, S2] only S2, the second, is settled again
{ sed -n 1p claims.csv; echo 'S0,P1,住院,2017-08-01,2017-08-03,省级,5000,是,是,'; sed -n 3p claims.csv; } >s02.csv
resettled_json "for the second of the person's claims, the first kept" s02.csv

# the policy edited since: the stored result alone, no rule pretends to explain it
sed 's/^  from 2017-04-07: 70%$/  from 2017-04-07: 80%/' "$PANJI" >edited.pol
if cmp -s "$PANJI" edited.pol; then bad "the edit" "ma_ratio's line not found"; fi
"$POLC" explain edited.pol --persons persons.csv --claims claims.csv --ledger l.db --claim S2 \
    >edited.txt 2>&1
rc=$?
want='status: already settled earlier; the stored result is shown and nothing was applied again'
if [ $rc -eq 0 ] && [ "$(sed -n 2p edited.txt)" = "$want" ] && ! grep -q '^rules' edited.txt &&
    grep -q '医疗救助 (assistance)  *2,408.00 yuan$' edited.txt; then
    ok "a policy edited since: the stored 2,408.00 shown alone, no rules"
else bad "a policy edited since" "rc $rc: $(sed -n 2p edited.txt); $(grep -n 'rules\|(assistance)' edited.txt | tr '\n' ' ')"; fi
"$POLC" run edited.pol --persons persons.csv --claims claims.csv --ledger l.db --out /dev/null \
    --explain edited.jsonl -q
if [ "$(jq -r 'select(.claim_id == "S2") | [.status, .explained, (.rules | length)] | join(" ")' edited.jsonl)" = \
    "already_settled false 0" ]; then
    ok "JSON, a policy edited since: explained false, no rules"
else bad "JSON, a policy edited since" "$(jq -c 'select(.claim_id == "S2") | [.status, .explained, (.rules | length)]' edited.jsonl)"; fi
finish
