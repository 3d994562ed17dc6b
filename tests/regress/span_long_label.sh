#!/bin/sh
# Regression: a span ending before it begins was told with its columns' names, which a
# fixed buffer cut anywhere: a history field's long Chinese label (decode.c span_column's
# 160 bytes, the C API's 160-byte reason) or header (polc run's 512-byte reason) was cut in
# the middle of a character, an answer or message that was not UTF-8. A column too long is
# now cut on a character and marked "...", as an id is (rt_show). Labels here: A or B, then
# 100 × 长 (301 bytes).
#   env: POLC (build/polc)
. "$(dirname "$0")/../serve/lib.sh"

L=$(printf '长%.0s' $(seq 100))
cat >span.pol <<POL
policy "span" valid from 2020-01-01 dated by claim.d
claim { d: date  cost: money }
history spans { from: date "A$L"  to: date "B$L" }
rule pays: money = claim.cost
output pays
POL
# cut: 160 bytes at most with "..." and the NUL: 156 bytes of text, back to a character's
# first byte. A header: "B" + 51 × 长 (154 bytes). Told by name and label: "to (B" + 50 × 长
# (155 bytes), "from (A" + 49 × 长 (154 bytes).
C51=$(printf '长%.0s' $(seq 51))
C50=$(printf '长%.0s' $(seq 50))
C49=$(printf '长%.0s' $(seq 49))

# polc run: persons.csv headed by the labels
printf 'person_id,A%s,B%s\nP1,2020-01-01,2019-12-31\n' "$L" "$L" >persons.csv
printf 'claim_id,person_id,d,cost\nc1,P1,2020-03-01,5\n' >claims.csv
"$POLC" run span.pol --claims claims.csv --persons persons.csv --out r.csv 2>err
check "polc run: the headers cut on a character" \
    "3 persons.csv:2: B$C51... 2019-12-31 is before A$C51... 2020-01-01 (a span ends on or after the day it begins)" \
    "$? $(grep '^persons.csv:2:' err)"
iconv -f UTF-8 -t UTF-8 err >/dev/null 2>&1 && ok "polc run: its messages UTF-8" ||
    bad "polc run: its messages UTF-8" "$(od -c err | head -3)"

# the service: a request's history, told by each field's name and label
serve log --ledger "$(ledger span)" span.pol || { bad "start" "$(cat log)"; finish; }
printf '{"persons": [{"person_id": "P1", "history": [{"from": "2020-01-01", "to": "2019-12-31"}]}], "claims": [{"claim_id": "c1", "person_id": "P1", "d": "2020-03-01", "cost": "5"}]}\n' >req.json
req POST /v1/settle "" req.json
check "serve: the name and label cut on a character" \
    "422 person P1, history row 1: to (B$C50... 2019-12-31 is before from (A$C49... 2020-01-01 (a span ends on or after the day it begins)" \
    "$CODE $(jq -r .error body)"
iconv -f UTF-8 -t UTF-8 body >/dev/null 2>&1 && ok "serve: the answer UTF-8" ||
    bad "serve: the answer UTF-8" "$(od -c body | head -3)"
stop
finish
