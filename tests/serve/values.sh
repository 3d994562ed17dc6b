#!/bin/sh
# tests/serve/values.sh — the exact bytes of polc serve's answers (spec/SERVE.md): every kind
# an output, a ledger field or a claim field holds (money negative, 0.05 and absent; bool,
# enum, date, int, rate), claim ids in Chinese (no escape) and with a quote, a backslash and a
# control character (escaped as cJSON escapes them), a failed claim's reason, a stored claim
# (GET /v1/claims/{id}). The service writes its answers as text, not through cJSON's printer:
# these are the bytes cJSON_PrintUnformatted wrote for the same answers (checked on main,
# 2026-12-05, before the change).
#
#   sh tests/serve/values.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"
P=$ROOT/tests/runtime/results_row.pol

# fee 100 yuan, ratio 5%, grace 10 days (tests/runtime/results_row.pol):
#   甲-1      cost 1: refund 1 - 100 = -99.00; tiny 1 x 5% = 0.05; covered 1 > 100 false;
#            township (given by its label 乡镇); due 03-01 + 10 = 2025-03-11; visits 2;
#            share 5%; extra absent (null); ledger annual 2025: paid 0.00 -> 0.05
#   q"\<1>   cost 250.50: refund 150.50; tiny 12.525 -> 12.53 (half away from zero); covered
#            true; county (the default); due 2025-03-12; visits -7; 5%; extra 0.05; p1's
#            annual paid 0.05 -> 12.58
#   C4       dated before the policy (2025-01-01): an error, its reason polc run's
printf '%s\n' '{"claims": [' \
    '{"claim_id": "甲-1", "person_id": "p1", "d": "2025-03-01", "cost": "1", "level": "乡镇", "visits": 2},' \
    '{"claim_id": "q\"\\\u0001", "person_id": "p1", "d": "2025-03-02", "cost": 250.5, "visits": "-7", "extra": "0.05"},' \
    '{"claim_id": "C4", "person_id": "p3", "d": "2024-12-31", "cost": "10"}]}' >batch.json

serve log --ledger "$(ledger values)" "$P" || { bad "start" "$(cat log)"; finish; }
req POST /v1/settle "" batch.json
cat >want <<'JSON'
{"results":[{"claim_id":"甲-1","status":"settled","outputs":{"refund":"-99.00","tiny":"0.05","covered":"false","lvl":"township","due":"2025-03-11","visits":"2","share":"5%","extra":null},"ledger":{"annual":{"key":2025,"before":{"paid":"0.00"},"after":{"paid":"0.05"}}}},{"claim_id":"q\"\\\u0001","status":"settled","outputs":{"refund":"150.50","tiny":"12.53","covered":"true","lvl":"county","due":"2025-03-12","visits":"-7","share":"5%","extra":"0.05"},"ledger":{"annual":{"key":2025,"before":{"paid":"0.05"},"after":{"paid":"12.58"}}}},{"claim_id":"C4","status":"error","reason":"dated 2024-12-31, outside the policy's validity"}]}
JSON
printf '%s' "$(cat want)" >want.json
check "batch: 200" "200" "$CODE"
cmp -s want.json body && ok "batch: the answer's bytes" || bad "batch: the answer's bytes" "$(cat body)"

# a stored claim: its fields (level by name, extra absent) as well as its outputs
req GET /v1/claims/%E7%94%B2-1 ""
cat >want <<'JSON'
{"claim_id":"甲-1","person_id":"p1","status":"already settled","fields":{"d":"2025-03-01","cost":"1.00","level":"township","visits":"2","extra":null},"outputs":{"refund":"-99.00","tiny":"0.05","covered":"false","lvl":"township","due":"2025-03-11","visits":"2","share":"5%","extra":null},"ledger":{"annual":{"key":2025,"before":{"paid":"0.00"},"after":{"paid":"0.05"}}}}
JSON
printf '%s' "$(cat want)" >want.json
check "GET claim: 200" "200" "$CODE"
cmp -s want.json body && ok "GET claim: the answer's bytes" || bad "GET claim: the answer's bytes" "$(cat body)"

# a single claim settled again: "already settled", the same outputs
printf '%s\n' '{"claim": {"claim_id": "甲-1", "person_id": "p1", "d": "2025-03-01", "cost": "1", "level": "乡镇", "visits": 2}}' >one.json
req POST /v1/settle "" one.json
cat >want <<'JSON'
{"claim_id":"甲-1","status":"already settled","outputs":{"refund":"-99.00","tiny":"0.05","covered":"false","lvl":"township","due":"2025-03-11","visits":"2","share":"5%","extra":null},"ledger":{"annual":{"key":2025,"before":{"paid":"0.00"},"after":{"paid":"0.05"}}}}
JSON
printf '%s' "$(cat want)" >want.json
check "again: 200" "200" "$CODE"
cmp -s want.json body && ok "again: the answer's bytes" || bad "again: the answer's bytes" "$(cat body)"

# an error's message escaped: a member name with a quote and a tab
printf '%s\n' '{"claim": {"claim_id": "Z", "person_id": "p1", "d": "2025-03-01", "cost": "1", "b\"a\td": 1}}' >odd.json
req POST /v1/settle "" odd.json
printf '%s' '{"error":"claim.b\"a\td: unknown field"}' >want.json
check "unknown field: 400" "400" "$CODE"
cmp -s want.json body && ok "unknown field: the answer's bytes" || bad "unknown field: the answer's bytes" "$(cat body)"
stop
finish
