#!/bin/sh
# tests/runtime/explain_beyond.sh — explanations show what decided rules that look beyond the
# claim (issue 12, 4): the person's fields, the identity-history spans the rules read, and
# every call of a rule with arguments with its value, so a 就高不就低 stay shows both
# identities and the alternative it rejected, and a waiting period its enrolment date and
# years uninsured. Text (polc explain) and JSON (--explain); the interpreter, the JIT and a
# built .so must write the same bytes.
#
#   sh tests/runtime/explain_beyond.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"
P=$ROOT/policies/anhui/medical-assistance-2025.pol
work explain

# P1: 低保边缘 from 2025-10-01, exits 2026-03-14; 特困 recognised 2026-03-15. Both changes are
# from 2026, so 低保边缘 stops on 2026-04-01 (the month after its exit) and 特困 starts on
# 2026-04-01 (the month after its recognition): the stay 03-30 … 04-08 is 低保边缘 on days 1–2
# and 特困 from day 3, and 就高不就低 takes the better of the two for the whole stay.
# P2: refused enrolment, enrolled late on 2026-01-15 after 2 years uninsured (still 低保).
cat >persons.csv <<'CSV'
person_id,refused_enrolment,enrolled,years_uninsured,identity,from,to,by_illness
P1,false,,0,dibao_edge,2025-10-01,2026-03-14,false
P1,false,,0,tekun,2026-03-15,,false
P2,true,2026-01-15,2,dibao,2025-10-01,,false
CSV
cat >claims.csv <<'CSV'
claim_id,person_id,kind,admitted,discharged,tier,in_city,ma_designated,primary_referral,selfpay
C1,P1,inpatient,2026-03-30,2026-04-08,primary,true,true,true,12000
C2,P2,inpatient,2026-06-01,2026-06-10,primary,true,true,true,10000
CSV

if ! "$POLC" build "$P" -o ma.so >build.err 2>&1; then
    bad "explain beyond the claim: build" "$(head -3 build.err)"
    echo "$pass passed, $fail failed"
    exit 1
fi

# the lines of file $1 from the one equal to $2 up to (not including) the next line that
# does not start with two spaces
section() {
    awk -v h="$2" '$0 == h { on = 1; print; next } on && /^  / { print; next } { on = 0 }' "$1"
}

# $1 claim, $2 what, $3 section heading, then the expected section on stdin
expect_section() {
    cat >want
    section interp."$1".txt "$3" >got
    if cmp -s want got; then
        ok "explain $1: $2"
    else
        bad "explain $1: $2" "$(diff want got | head -20)"
    fi
}

for c in C1 C2; do
    "$POLC" explain "$P" --interp --claims claims.csv --persons persons.csv --claim $c \
        >interp.$c.txt 2>interp.$c.err
    echo $? >interp.$c.rc
    "$POLC" explain "$P" --claims claims.csv --persons persons.csv --claim $c >jit.$c.txt 2>&1
    "$POLC" explain ma.so --claims claims.csv --persons persons.csv --claim $c >so.$c.txt 2>&1
    if [ "$(cat interp.$c.rc)" = 0 ] && cmp -s interp.$c.txt jit.$c.txt &&
        cmp -s interp.$c.txt so.$c.txt; then
        ok "explain $c: exit 0, interpreter = JIT = .so ($(wc -l <interp.$c.txt) lines)"
    else
        bad "explain $c: interpreter, JIT, .so" "exit $(cat interp.$c.rc); $(cat interp.$c.err)
$(diff interp.$c.txt jit.$c.txt | head -5)
$(diff interp.$c.txt so.$c.txt | head -5)"
    fi
done

# C1, 就高不就低. Deductible left this year 0 used; selfpay 12,000:
#   低保边缘: deductible 3,000, 60%: (12,000 − 3,000) × 60% = 5,400; rest 12,000 − 5,400 =
#     6,600 < 15,000, no extra: total 5,400 (rejected)
#   特困: no deductible, 80%: 12,000 × 80% = 9,600; rest 2,400 < 15,000, no extra: total 9,600
# the whole stay as 特困: assistance 9,600, the patient pays 2,400
expect_section C1 "both identities, as the rules read them" "history (the spans the rules read):" <<'TXT'
history (the spans the rules read):
  #1  identity dibao_edge (低保边缘家庭成员), from 2025-10-01, to 2026-03-14, by_illness false
  #2  identity tekun (特困人员), from 2026-03-15, to (open), by_illness false
TXT
expect_section C1 "each identity's candidate, 5,400.00 rejected for 9,600.00" \
    "calls of rules with arguments (in policy order):" <<'TXT'
calls of rules with arguments (in policy order):
  benefit_start(2025-10-01)                          2025-10-01  — 三
  benefit_start(2026-03-15)                          2026-04-01  — 三
  benefit_stop(2026-03-14)                           2026-04-01  — 三
  covers_now(2025-10-01, 2026-03-14)                 true  — 三
  covers_now(2026-03-15, none)                       true  — 三
  is_ma(dibao_edge)                                  true  — 三
  is_ma(tekun)                                       true  — 三
  covers(dibao_edge, 2025-10-01, 2026-03-14, false)  true  — 三
  covers(tekun, 2026-03-15, none, false)             true  — 三
  held_in_year(2025-10-01, 2026-03-14)               true  — 三
  held_in_year(2026-03-15, none)                     true  — 三
  ded_for(dibao_edge)                                3,000.00 yuan  — 三
  ded_for(tekun)                                     0.00 yuan  — 三
  ma_for(dibao_edge)                                 5,400.00 yuan  — 三
  ma_for(tekun)                                      9,600.00 yuan  — 三
  extra_for(dibao_edge)                              0.00 yuan  — 三
  extra_for(tekun)                                   0.00 yuan  — 三
  total_for(dibao_edge)                              5,400.00 yuan  — 三
  total_for(tekun)                                   9,600.00 yuan  — 三
TXT
# each max over history lists its candidates by span: both identities have the same annual
# limits (50,000 and 20,000), best_total takes #2 (特困) 9,600 over #1 (低保边缘) 5,400, and
# assistance and deductible_used look only at the spans whose total is that best (#2)
expect_section C1 "the best-of's candidates, 5,400.00 rejected" \
    "candidates (each max or min over history, by span):" <<'TXT'
candidates (each max or min over history, by span):
  max of year_limit (line 242, col 3):
    #1  50,000.00 yuan  (taken)
    #2  50,000.00 yuan
  max of year_extra_limit (line 246, col 3):
    #1  20,000.00 yuan  (taken)
    #2  20,000.00 yuan
  max of best_total (line 262, col 3):
    #1  5,400.00 yuan
    #2  9,600.00 yuan  (taken)
  max of assistance (line 266, col 3):
    #2  9,600.00 yuan  (taken)
  min of deductible_used (line 272, col 3):
    #2  0.00 yuan  (taken)
TXT
expect_section C1 "the best total taken" "outputs:" <<'TXT'
outputs:
  结算结论 (outcome)                    one_stop (一站式结算)
  医疗救助 (assistance)                 9,600.00 yuan
  倾斜救助 (extra_assistance)           0.00 yuan
  个人自付 (patient_pays)               2,400.00 yuan
  一站式结算支付 (paid_at_discharge)    9,600.00 yuan
  达到市级监测住院次数 (city_flag)      false
  达到省级监测住院次数 (province_flag)  false
TXT

# C2, waiting period: 3 months + 1 month × 2 years uninsured = 5 months (2 < 4 years: no
# long-gap minimum); benefits again from 2026-01-15 + 5 months = 2026-06-15, after the
# admission on 2026-06-01: not entitled, not covered, the patient pays all 10,000
expect_section C2 "enrolment date and years uninsured" "person:" <<'TXT'
person:
  refused_enrolment             true
  enrolled                      2026-01-15
  years_uninsured               2
TXT
# a labelled rule shows its label, then its name
section interp.C2.txt "rules (in policy order, those this claim needed):" |
    grep -E '^  (waiting_months|[^ ]+ \((waiting_end|entitled|outcome)\)) ' >got
cat >want <<'TXT'
  waiting_months                        5 months  — 三
  待遇等待期截止日期 (waiting_end)      2026-06-15  — 三
  享受医疗救助 (entitled)               false  (exception waiting)  — 三
  结算结论 (outcome)                    not_covered (不纳入医疗救助)  (exception not_entitled)  — 三
TXT
if cmp -s want got; then
    ok "explain C2: the waiting period's rules"
else
    bad "explain C2: the waiting period's rules" "$(diff want got)"
fi

# JSON: the same three ways, one line per claim
for ev in interp jit so; do
    case $ev in
        interp) engine=$P flag=--interp ;;
        jit) engine=$P flag= ;;
        so) engine=ma.so flag= ;;
    esac
    # shellcheck disable=SC2086
    "$POLC" run "$engine" $flag --claims claims.csv --persons persons.csv --out $ev.csv \
        --explain $ev.jsonl -q >/dev/null 2>$ev.err
done
if cmp -s interp.jsonl jit.jsonl && cmp -s interp.jsonl so.jsonl; then
    ok "explain JSON: interpreter = JIT = .so"
else
    bad "explain JSON: interpreter, JIT, .so" "$(cmp interp.jsonl jit.jsonl; cmp interp.jsonl so.jsonl)"
fi
# $1 claim line, $2 what, $3 a fragment the line must hold exactly
json_has() {
    if sed -n "$1p" interp.jsonl | grep -qF -- "$3"; then
        ok "explain JSON: $2"
    else
        bad "explain JSON: $2" "no $3 in line $1"
    fi
}
json_has 1 "the rejected candidate 5,400.00 (540000 fen)" \
    '{"rule":"total_for","args":[{"value":4,"text":"dibao_edge","name":"id"}],"value":540000,"text":"5400.00","cites":"三"}'
json_has 1 "the candidate taken 9,600.00 (960000 fen)" \
    '{"rule":"total_for","args":[{"value":1,"text":"tekun","name":"id"}],"value":960000,"text":"9600.00","cites":"三"}'
json_has 1 "the best-of's candidates, by span" \
    '{"rule":"best_total","line":262,"col":3,"best":"max","spans":[{"value":540000,"text":"5400.00","span":1,"taken":false},{"value":960000,"text":"9600.00","span":2,"taken":true}]}'
# 2026-03-15 is day 20527 since 1970-01-01 (2026-01-01 is 20454, + 31 + 28 + 14)
json_has 1 "the 特困 span" \
    '{"span":2,"fields":{"identity":{"value":1,"text":"tekun"},"from":{"value":20527,"text":"2026-03-15"},"to":{"value":null,"text":""},"by_illness":{"value":0,"text":"false"}}}'
# 2026-01-15 is day 20468
json_has 2 "the person's enrolment and years uninsured" \
    '"person":{"refused_enrolment":{"value":1,"text":"true"},"enrolled":{"value":20468,"text":"2026-01-15"},"years_uninsured":{"value":2,"text":"2"}}'

finish
