#!/bin/sh
# tests/serve/person_twice.sh — the same person given twice in one batch (spec/SERVE.md): the
# two are compared as settling reads them, field by field and history row by history row,
# not as JSON text. "100", 100, 1e2 and 100.0 are one amount, "是", true and 1 one yes, a
# member left out, null and "" one blank (the field's default); a batch whose two copies
# decode otherwise answers 422 naming the member, nothing settled. Before, any difference in
# the text (100 against "100") answered 422.
#
#   sh tests/serve/person_twice.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"

# pays the claim up to the person's 基数 (base, default 0): the amount a batch settles with
# shows which copy's value was read
cat >twice.pol <<'POL'
policy "twice" valid from 2017-01-01 dated by claim.d
claim { d: date  total: money }
person { base: money "基数" = 0 yuan  age: int  poor: bool = false }
history spans { from: date  amount: money }
rule pays: money = min(claim.total, person.base)
output pays
POL
serve log --ledger "$(ledger twice)" twice.pol || { bad "start" "$(cat log)"; finish; }

# batch ID P1 P2: claim ID of 500 yuan for person P, given as P1 and then as P2 (JSON members)
batch() {
    printf '{"persons": [{"person_id": "P", %s}, {"person_id": "P", %s}], "claims": [{"claim_id": "%s", "person_id": "P", "d": "2017-03-01", "total": "500"}]}\n' \
        "$2" "$3" "$1" >"$1.json"
    req POST /v1/settle "" "$1.json"
}
# the same values written otherwise: settled with them (pays min(500, 100) = 100.00)
batch A1 '"基数": "100", "age": "40", "poor": "是", "history": [{"from": "2016-01-01", "amount": "7"}]' \
    '"base": 100, "age": 40, "poor": true, "history": [{"from": "2016-01-01", "amount": 7.0}]'
check "100 and \"100\", 是 and true, a label and a name: one person, settled" "200 settled 100.00" \
    "$CODE $(jq -r '.results[0] | .status + " " + .outputs.pays' body)"
batch A2 '"base": 1e2, "age": 40, "poor": 1' '"base": 100.0, "age": "40", "poor": "true"'
check "1e2 and 100.0, 1 and \"true\": one person, settled" "200 settled 100.00" \
    "$CODE $(jq -r '.results[0] | .status + " " + .outputs.pays' body)"
# left out, null and "" are the blank cell: base's default (0 yuan: pays 0.00), poor's (false)
batch A3 '"age": 40, "base": null' '"age": 40, "base": "", "poor": "否", "history": []'
check "left out, null, \"\" and the default: one person, settled" "200 settled 0.00" \
    "$CODE $(jq -r '.results[0] | .status + " " + .outputs.pays' body)"

# values that differ once decoded: 422, the member named, nothing settled
batch B1 '"base": "100", "age": 40' '"base": "100.01", "age": 40'
check "100 and 100.01: 422 naming the member" "422 person P: base differs from the same person's persons[0]" \
    "$CODE $(jq -r .error body)"
batch B2 '"base": 100, "age": 40' '"age": 40'
check "100 and left out (the default 0): 422" "422 person P: base differs from the same person's persons[0]" \
    "$CODE $(jq -r .error body)"
batch B3 '"age": 40, "history": [{"from": "2016-01-01", "amount": 7}]' \
    '"age": 40, "history": [{"from": "2016-01-01", "amount": "7.01"}]'
check "a history row's amount otherwise: 422 naming the history" \
    "422 person P: history differs from the same person's persons[0]" "$CODE $(jq -r .error body)"
batch B4 '"age": 40, "history": [{"from": "2016-01-01", "amount": 7}]' '"age": 40'
check "history rows left out in the second: 422" \
    "422 person P: history differs from the same person's persons[0]" "$CODE $(jq -r .error body)"
batch B5 '"age": 40' '"age": 40, "poor": "abc"'
check "a value the second cannot decode: 422" \
    "422 person P: poor differs from the same person's persons[0]" "$CODE $(jq -r .error body)"
for c in B1 B2 B3 B4 B5; do
    req GET /v1/claims/$c ""
    check "$c: nothing settled" "404" "$CODE"
done
stop
check "graceful stop" 0 "$STOPPED"
finish
