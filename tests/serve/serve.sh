#!/bin/sh
# tests/serve/serve.sh — polc serve at the curl level (spec/SERVE.md), on an SQLite ledger
# and in memory: every endpoint and error code; the answers equal polc run's results on the
# shipped example claim for claim, one claim a request and all in one batch; retries and
# concurrent duplicates count once (the service's ledger rows equal a batch run's); the
# reasons of rejected claims are polc run's; no person id in the log; SIGTERM exits 0. On
# SQLite, or on PostgreSQL under tests/serve/postgresql.sh.
#
#   sh tests/serve/serve.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"

printf 'settle s3cret\nadmin 4dmin\n# a comment\n\n' >tokens
# a tokens file its group or others may read is refused, as --ledger-key's is (a token is a
# password): exit 2, the same words
chmod 640 tokens
timeout 20 "$POLC" serve "$PANJI" --tokens tokens --listen 127.0.0.1:0 2>tokens.err
check "a tokens file its group may read: exit 2, said" \
    "2 polc: serve: the tokens file tokens: refused: its group can read or write it (mode 0640): chmod 600 tokens" \
    "$? $(cat tokens.err)"
chmod 600 tokens
S=s3cret
A=4dmin

# the reference: polc run on the shipped example (on standard output: no byte order mark,
# which a results file has for Excel)
"$POLC" run "$PANJI" --labels names --claims "$EX/claims.csv" --persons "$EX/persons.csv" --out - \
    --explain want.explain --ledger want.db -q >want.csv 2>/dev/null
[ -s want.csv ] || { bad "reference run" "polc run wrote no results"; finish; }

serve log --ledger "$SVC" --tokens tokens "$PANJI" --max-body 65536 --max-claims 50 ||
    { bad "start" "$(cat log)"; finish; }

# a second service on the same port: refused with the cause, before a ledger file is made
# (it once said libmicrohttpd's "Failed to bind to port 0" and left the file behind)
"$POLC" serve "$PANJI" --listen "127.0.0.1:$PORT" --ledger second.db 2>second.err
check "the port in use: exit 2, with the cause" \
    "2 polc: serve: cannot listen on 127.0.0.1:$PORT: Address already in use" "$? $(cat second.err)"
[ -e second.db ] && bad "the port in use: no ledger file" "second.db was made" ||
    ok "the port in use: no ledger file made"
# --listen by a name, or with a port out of range: exit 2 saying which part is wrong (both
# said "expected ADDR:PORT (127.0.0.1:8080)", the name given as ADDR)
"$POLC" serve "$PANJI" --listen localhost:8443 2>listen.err
check "--listen localhost:8443: exit 2, not an IPv4 address" "2 polc: serve: --listen \
localhost:8443: 'localhost' is not an IPv4 address (a name is not looked up: 127.0.0.1 for this \
machine alone, 0.0.0.0 for every interface)" "$? $(head -1 listen.err)"
# a port is decimal digits alone: a sign, a leading space or zero were taken by strtol (+80,
# ' 80' and 080 as port 80, -0 as port 0: any free one); timeout: a port taken would serve
for port in 84430 65536 +80 ' 80' '80 ' 0x50 080 -0 ''; do
    timeout 10 "$POLC" serve "$PANJI" --listen "0.0.0.0:$port" 2>listen.err
    check "--listen 0.0.0.0:$port: exit 2, the port" "2 polc: serve: --listen 0.0.0.0:$port: the \
port '$port' is not a number from 0 to 65535 (digits only: no sign, space or leading zero; 0: any \
free one)" "$? $(head -1 listen.err)"
done

# ---- the endpoints without a token: health, metrics ----------------------------------------
req GET /v1/health ""
check "health 200" "200 ok $BACKEND" "$CODE $(jq -r '.status + " " + .ledger' body)"
# the headers a connection's 8 KiB holds (serve.c CONN_MEMORY): a 6,000-byte header is taken,
# a 9,000-byte one answered 431 by libmicrohttpd (spec/SERVE.md)
big=$(head -c 6000 /dev/zero | tr '\0' a)
CODE=$(curl -s -o body -w '%{http_code}' -H "X-Note: $big" "$URL/v1/health")
check "headers of 6,000 bytes: 200" "200" "$CODE"
big=$(head -c 9000 /dev/zero | tr '\0' a)
CODE=$(curl -s -o body -w '%{http_code}' -H "X-Note: $big" "$URL/v1/health")
check "headers of 9,000 bytes: 431" "431" "$CODE"
req GET /metrics ""
check "metrics 200" "200" "$CODE"
grep -q '^polc_claims_total{status="settled"} 0$' body && ok "metrics: no claims yet" ||
    bad "metrics: no claims yet" "$(head -5 body)"

# ---- tokens: 401, 403 -------------------------------------------------------------------
req GET /v1/policy ""
check "no token: 401" "401" "$CODE"
req GET /v1/policy nope
check "unknown token: 401" "401 unknown token" "$CODE $(jq -r .error body)"
echo '{}' >empty.json
req POST /v1/reload $S empty.json
check "settle token on reload: 403" "403" "$CODE"
req GET /v1/policy $S
check "policy 200" "200 潘政办秘〔2017〕31号" "$CODE $(jq -r .source body)"
check "policy: last_reload null before a reload" "null 0" \
    "$(jq -c '.last_reload' body) $(jq -r '.reloads' body)"
check "policy: last_reload is a member" "true" "$(jq -r 'has("last_reload")' body)"
cp body pol.json
# the deductible table's first version, worded as results are: township 200 yuan (第四条)
check "policy: a param's values" "$(jq -r '.params[] | select(.name == "deductible")
    | .versions[0].values | length' pol.json)" "5"
check "policy: sha256 is the engine's" "$(jq -r .sha256 pol.json)" \
    "$(sed -n 's/.*(policy \([0-9a-f]*\),.*/\1/p' log)"

# ---- 404, 405 ---------------------------------------------------------------------------------
req GET /v2/nothing $S
check "unknown path: 404" "404" "$CODE"
req GET /v1/settle $S
check "GET settle: 405" "405 method not allowed: use POST" "$CODE $(jq -r .error body)"
req GET /v1/claims/Z001 $S
check "no such claim yet: 404" "404" "$CODE"

# ---- claim for claim: one request each, the first ten sent four times at once ----------------
requests "$EX/persons.csv" "$EX/claims.csv" >requests.jsonl
check "46 requests" "46" "$(wc -l <requests.jsonl | tr -d ' ')"
n=0
: >answers.jsonl
: >dups.jsonl
while IFS= read -r line; do
    n=$((n + 1))
    printf '%s' "$line" >one.json
    if [ $n -le 10 ]; then
        pids=""
        for k in 1 2 3 4; do
            curl -s -H "Authorization: Bearer $S" --data-binary @one.json "$URL/v1/settle" \
                >dup.$k &
            pids="$pids $!"
        done
        wait $pids
        for k in 1 2 3 4; do
            cat dup.$k
            echo
        done >>dups.jsonl
        # the one that settled it is the answer; the others answer "already settled"
        for k in 1 2 3 4; do
            if [ "$(jq -r .status dup.$k)" = settled ]; then
                cat dup.$k
                echo
            fi
        done >>answers.jsonl
    elif [ $n -eq 11 ]; then
        # with its explanation
        curl -s -H "Authorization: Bearer $S" --data-binary @one.json \
            "$URL/v1/settle?explain=1" >x11.json
        cat x11.json >>answers.jsonl
        echo >>answers.jsonl
    else
        curl -s -H "Authorization: Bearer $S" --data-binary @one.json "$URL/v1/settle" \
            >>answers.jsonl
        echo >>answers.jsonl
    fi
done <requests.jsonl
as_results answers.jsonl >got.csv
if cmp -s got.csv want.csv; then ok "46 claims: the answers equal polc run's"; else
    bad "46 claims: the answers equal polc run's" "$(diff want.csv got.csv | head -5)"; fi
check "concurrent duplicates: one settled, three already settled, each" \
    "10 30" "$(jq -r .status dups.jsonl | grep -c '^settled$') $(jq -r .status dups.jsonl |
        grep -c '^already settled$')"
check "concurrent duplicates: the same outputs" "10" \
    "$(jq -c '[.claim_id, .outputs]' dups.jsonl | sort -u | wc -l | tr -d ' ')"

# a retry: the stored answer, nothing counted again
sed -n 12p requests.jsonl >retry.json
req POST /v1/settle $S retry.json
check "retry: already settled, the same outputs" "200 already settled $(sed -n 12p answers.jsonl |
    jq -c .outputs)" "$CODE $(jq -r .status body) $(jq -c .outputs body)"
check "retry: the ledger as the first answer left it" "$(sed -n 12p answers.jsonl |
    jq -c .ledger)" "$(jq -c .ledger body)"

# the ledger: every claim once, the rows a batch run writes
req GET /metrics ""
check "metrics: 46 settled, 31 already settled" "46 31" \
    "$(sed -n 's/^polc_claims_total{status="settled"} //p' body) $(sed -n \
        's/^polc_claims_total{status="already settled"} //p' body)"
# 40 + 36 + the retry, and the GET answered 405
grep -q '^polc_settle_seconds_count 78$' body && ok "metrics: 78 settle requests timed" ||
    bad "metrics: 78 settle requests timed" "$(grep settle_seconds_count body)"
rows() {
    sql "$1" "SELECT person_id, ledger, key, hex(vals) FROM ledger_rows ORDER BY 1, 2, 3"
}
if command -v sqlite3 >/dev/null; then
    check "ledger: 46 claims stored" "46" "$(sql "$SVC" 'SELECT count(*) FROM settled_claims')"
    if [ "$(rows "$SVC")" = "$(rows want.db)" ]; then ok "ledger rows equal polc run's"; else
        bad "ledger rows equal polc run's" "$(rows "$SVC" | head -3)"; fi
fi

# ---- GET /v1/claims/{id} --------------------------------------------------------------------
req GET /v1/claims/Z005 $S
check "claims/Z005: 200, its person, its outputs" \
    "200 P03 $(jq -c 'select(.claim_id == "Z005") | .outputs' answers.jsonl)" \
    "$CODE $(jq -r .person_id body) $(jq -c .outputs body)"
check "claims/Z005: its fields, by name" "80000.00 county" \
    "$(jq -r '.fields.total + " " + .fields.level' body)"
# an id with a slash, sent percent-encoded: it settled, but its reprint was "no such endpoint"
sed -n 1p requests.jsonl | jq -c '.claim.claim_id = "ZY2017/0001"' >slash.json
req POST /v1/settle $S slash.json
req GET /v1/claims/ZY2017%2F0001 $S
check "claims/ZY2017%2F0001: 200, the claim with a slash in its id" "200 ZY2017/0001 P01" \
    "$CODE $(jq -r '.claim_id + " " + .person_id' body)"
# a %00 in the id: decoded to a NUL, it ended the id there, and Z005%00x answered Z005's record
req GET /v1/claims/Z005%00x $S
check "claims/Z005%00x: 400, not Z005's record" \
    "400 claim id: not UTF-8 text (no claim has such an id)" "$CODE $(jq -r .error body)"
# an id of 30 Chinese characters (90 bytes) not found: the message shows 21 (63 bytes) and
# "...", never the 22nd character's first byte (%.64s cut it there: not UTF-8)
long=$(printf '%%E7%%94%%B2%.0s' $(seq 30))
req GET "/v1/claims/$long" $S
check "claims/<30 Chinese characters>: 404, the id cut on a character" \
    "404 no claim $(printf '甲%.0s' $(seq 21))..." "$CODE $(jq -r .error body)"

# ---- explain=1 (the 11th claim above): the explanation polc run --explain writes ------------
id11=$(jq -r .claim_id x11.json)
jq -c --arg id "$id11" 'select(.claim_id == $id)' want.explain >want.x11
if [ -s want.x11 ] && [ "$(jq -S . want.x11)" = "$(jq -S .explanation x11.json)" ]; then
    ok "explain=1: polc run's explanation of $id11"
else
    bad "explain=1: polc run's explanation of $id11" "$(jq -c .explanation x11.json | head -c 200)"
fi

# ---- 422: the reasons polc run gives ------------------------------------------------------------
mk() { # mk FILE JQ: the request of Z001 changed by JQ
    sed -n 1p requests.jsonl | jq -c "$2" >"$1"
}
mk r1.json '.claim.claim_id = "B1" | .claim["医疗总费用"] = "abc"'
req POST /v1/settle $S r1.json
check "bad amount: 422, polc run's reason" \
    "422 rejected 医疗总费用: not an amount 'abc' (expected 1234.56 or 1,234.56)" \
    "$CODE $(jq -r '.status + " " + .reason' body)"
# a negative amount, the yuan sign before or after the minus: refused as negative (-¥1,234
# was "not an amount", ¥-1,234 "negative amount"), in polc run's words
for amount in '¥-1,234' '-¥1,234'; do
    mk r1n.json ".claim.claim_id = \"BN\" | .claim[\"医疗总费用\"] = \"$amount\""
    req POST /v1/settle $S r1n.json
    check "amount $amount: 422, negative" \
        "422 rejected 医疗总费用: negative amount '$amount' (amounts are >= 0)" \
        "$CODE $(jq -r '.status + " " + .reason' body)"
done
# a required field left out is named by its name and its label, either of which a client
# sends (it was "total: missing value" to a client that sent every other field by its label)
mk r1b.json '.claim.claim_id = "B1b" | del(.claim["医疗总费用"])'
req POST /v1/settle $S r1b.json
check "a required field left out: 422, named both ways" \
    "422 rejected total (医疗总费用): missing value" "$CODE $(jq -r '.status + " " + .reason' body)"
mk r2.json '.claim.claim_id = "B2" | .claim["就诊类型"] = "xx"'
req POST /v1/settle $S r2.json
check "bad label: 422" "422 就诊类型: unknown Kind label 'xx' (expected 住院 or 慢性病门诊)" \
    "$CODE $(jq -r .reason body)"
mk r3.json '.claim.claim_id = "B5" | .claim["非合规费用"] = 30000'
req POST /v1/settle $S r3.json
check "the policy's own check: 422" "422 非合规费用大于医疗总费用 (noncompliant > total)" \
    "$CODE $(jq -r .reason body)"
mk r4.json '.claim.claim_id = "B4" | .claim["出院日期"] = "2016-05-20" |
    .claim["入院日期"] = "2016-05-02"'
req POST /v1/settle $S r4.json
check "outside the policy's validity: 422 error" \
    "422 error dated 2016-05-20, outside the policy's validity" \
    "$CODE $(jq -r '.status + " " + .reason' body)"
mk r5.json '.claim.total = 1 | del(.claim["医疗总费用"]) | .claim.claim_id = "B6"'
req POST /v1/settle $S r5.json
check "a field by its name, a JSON number" "200 settled 1.00" \
    "$CODE $(jq -r '.status + " " + .outputs.compliant' body)"
# a history span that ends before it begins (Z001's person P01 held poor from 2015-12-31):
# refused by the one check polc run's persons rows go through (rt_span_check); the dates named
# by name and label, either of which a request may use (it said "to ... is before from ...")
mk r6.json '.claim.claim_id = "B8" | .person.history[0]["退出日期"] = "2015-12-30"'
req POST /v1/settle $S r6.json
check "a span ending before it begins: 422" \
    "422 person P01, history row 1: to (退出日期) 2015-12-30 is before from (认定日期) 2015-12-31 (a span ends on or after the day it begins)" \
    "$CODE $(jq -r .error body)"

# ---- 409: a claim id settled with other data ----------------------------------------------------
mk c1.json '.claim["医疗总费用"] = "20001.00"'
req POST /v1/settle $S c1.json
check "same id, other fields: 409" "409 conflict claim Z001 was already settled with different fields" \
    "$CODE $(jq -r '.status + " " + .reason' body)"
# the same id for another person: the reason names no person (the stored one is another
# patient's; it once said "already settled for person P01, not P02")
mk c2.json '.claim.person_id = "PX-2" | .person.person_id = "PX-2"'
req POST /v1/settle $S c2.json
check "same id, another person: 409, no person named" \
    "409 conflict claim Z001 was already settled for another person" "$CODE $(jq -r '.status + " " + .reason' body)"

# ---- 400: the message names the member -------------------------------------------------------
printf '{"claim": ' >b1.json
req POST /v1/settle $S b1.json
check "not JSON: 400" "400" "$CODE"
mk b2.json '.claim.foo = 1'
req POST /v1/settle $S b2.json
check "unknown field: 400" "400 claim.foo: unknown field" "$CODE $(jq -r .error body)"
mk b3.json '.claim["医疗总费用"] = {"yuan": 1}'
req POST /v1/settle $S b3.json
check "wrong type: 400" "400 claim.医疗总费用: expected a string, number, boolean or null" \
    "$CODE $(jq -r .error body)"
# mk_raw FILE JQ TEXT: as mk, with the string "RAW" then written as TEXT verbatim (jq would
# round a number first, or escape a backslash)
mk_raw() {
    body=$(sed -n 1p requests.jsonl | jq -c "$2")
    printf '%s\n' "${body%%\"RAW\"*}$3${body#*\"RAW\"}" >"$1"
}
# a number a double cannot hold as written; it was once refused as "not an amount
# '1.23456789012346e+16'", a number never sent
mk_raw b8.json '.claim["医疗总费用"] = "RAW"' 12345678901234567
req POST /v1/settle $S b8.json
check "17 significant digits: 400" \
    "400 claim.医疗总费用: a number of more than 15 significant digits (send it as a string)" \
    "$CODE $(jq -r .error body)"
# a whole number a double holds, printed 1e+16 by %g: written out, it is an amount (1e16
# yuan: within int64 fen)
mk_raw b9.json '.claim.claim_id = "BIG16" | .claim["医疗总费用"] = "RAW"' 10000000000000000
req POST /v1/settle $S b9.json
check "1e16 written out: read as 10000000000000000.00 yuan" "200 10000000000000000.00" \
    "$CODE $(jq -r '.outputs.compliant' body)"
# a fraction too small for a cell, and a number past a double
mk_raw b10.json '.claim["医疗总费用"] = "RAW"' 1e-7
req POST /v1/settle $S b10.json
check "1e-7: 400 naming the field" \
    "400 claim.医疗总费用: 1e-07 is too large or too small to send as a number (send it as a string)" \
    "$CODE $(jq -r .error body)"
mk_raw b10.json '.claim["医疗总费用"] = "RAW"' 1e400
req POST /v1/settle $S b10.json
check "1e400: 400 naming the field" \
    "400 claim.医疗总费用: a number of more than 15 significant digits (send it as a string)" \
    "$CODE $(jq -r .error body)"
# a NUL in a string: cJSON would end the id there ("N1\u0000X" settled as claim "N1"); an
# escaped backslash before u0000 is text, not one
mk_raw b11.json '.claim.claim_id = "RAW"' '"N1\u0000X"'
req POST /v1/settle $S b11.json
check "a \\u0000 in a string: 400" "400" "$CODE"
mk_raw b12.json '.claim.claim_id = "RAW"' '"N2\\u0000X"'
req POST /v1/settle $S b12.json
check "an escaped backslash and u0000: an id like any other" "200 N2\\u0000X" \
    "$CODE $(jq -r .claim_id body)"
mk b4.json '.person.history = "poor"'
req POST /v1/settle $S b4.json
check "history not an array: 400" "400 person.history: expected an array" \
    "$CODE $(jq -r .error body)"
mk b5.json '.claim.person_id = "P99"'
req POST /v1/settle $S b5.json
check "a claim's person not in the request: 400" "400 claim: person P99 is not in the request" \
    "$CODE $(jq -r .error body)"
mk b6.json '.claim.claim_id = 7'
req POST /v1/settle $S b6.json
check "claim_id a number: 400" "400 claim.claim_id: expected a non-empty string" \
    "$CODE $(jq -r .error body)"

# refused FILE NAME WANT: FILE posted to /v1/settle answers WANT, "CODE error"
refused() {
    req POST /v1/settle $S "$1"
    check "$2" "$3" "$CODE $(jq -r .error body)"
}
# bytes that are not UTF-8 in an id were settled, stored and echoed raw (no JSON reader takes
# the answer); a GBK body was "person.<bytes>: unknown field". Refused as polc run refuses
# such a row: byte 23 (from 0) is the \377 after '{"claim":{"claim_id":"Z'
printf '{"claim":{"claim_id":"Z\377\376","person_id":"P01"},"person":{"person_id":"P01"}}' >u1.json
refused u1.json "an id not UTF-8: 400 naming the byte" \
    "400 body: not UTF-8 text (near byte 23): send JSON as UTF-8"
# (looked up, PostgreSQL refused the id: 503)
req GET /v1/claims/Z%FF%FE $S
check "an id not UTF-8: looked up, 400" "400 claim id: not UTF-8 text (no claim has such an id)" \
    "$CODE $(jq -r .error body)"
sed -n 1p requests.jsonl | iconv -f UTF-8 -t GB18030 >u2.json
req POST /v1/settle $S u2.json
check "a GBK body: 400, not UTF-8" "400 body: not UTF-8 text" \
    "$CODE $(jq -r .error body | sed 's/ (near.*//')"
# a member given twice: cJSON finds the first and the second was ignored without a word
# (a policy field twice was already refused)
mk_raw d1.json '.claim.claim_id = "RAW"' '"D1","claim_id":"D2"'
refused d1.json "claim_id twice: 400" "400 claim.claim_id: given twice"
mk_raw d2.json '.claim.claim_id = "D3" | .person.history = "RAW"' '[],"history":[]'
refused d2.json "history twice: 400" "400 person.history: given twice"
mk_raw d3.json '.claim.claim_id = "D4" | .person.person_id = "RAW"' '"P01","person_id":"P02"'
refused d3.json "person_id twice: 400" "400 person.person_id: given twice"
one=$(sed -n 1p requests.jsonl | jq -c '.claim.claim_id = "D5"')
printf '{"claim":{},%s\n' "${one#?}" >d4.json
refused d4.json "claim twice: 400" "400 claim: given twice"
# text after the object: a second request in the body was ignored; byte = the first's length
# and the blank between them
printf '%s %s\n' "$one" "$one" >t1.json
refused t1.json "two objects in one body: 400 naming the byte" \
    "400 body: text after the JSON object (at byte $((${#one} + 1))): send one object"
printf '%s x' "$one" >t2.json
refused t2.json "trailing garbage: 400" \
    "400 body: text after the JSON object (at byte $((${#one} + 1))): send one object"
req GET /v1/claims/D5 $S
check "two objects, trailing garbage, a member twice: nothing settled" "404" "$CODE"
# valid JSON nested past cJSON's 1,000 levels was "not JSON"
awk 'BEGIN { for (i = 0; i < 1001; i++) printf "["; for (i = 0; i < 1001; i++) printf "]" }' >n1.json
req POST /v1/settle $S n1.json
check "nested too deep: 400, said so" "400 body: nested deeper than 1000 levels" \
    "$CODE $(jq -r .error body | sed 's/ (near.*//')"
# the same person twice in a batch with other data: the last won; refused as persons.csv's
# rows that differ are (422, nothing settled); given twice alike it is one person
head -1 requests.jsonl | jq -c -s '{persons: (map(.person) + map(.person)), claims: map(.claim)}
    | .claims[0].claim_id = "D6" | .persons[1]["慢性病患者"] = "是"' >p1.json
refused p1.json "a person twice, differing: 422 naming the member" \
    "422 person P01: 慢性病患者 differs from the same person's persons[0]"
req GET /v1/claims/D6 $S
check "a person twice, differing: nothing settled" "404" "$CODE"
jq -c '.persons[1] = .persons[0]' p1.json >p2.json
req POST /v1/settle $S p2.json
check "a person twice alike: settled" "200 settled" "$CODE $(jq -r '.results[0].status' body)"

head -3 requests.jsonl | jq -c -s '{persons: map(.person), claims: map(.claim)}
    | .claims[0].claim_id = "N1" | .claims[1].claim_id = "N2" | .claims[2].claim_id = "N3"
    | .claims[2].foo = 1' >b7.json
req POST /v1/settle $S b7.json
check "a batch with a bad member: 400 naming it" "400 claims[2].foo: unknown field" \
    "$CODE $(jq -r .error body)"
req GET /v1/claims/N1 $S
check "a batch with a bad member: nothing of it settled" "404" "$CODE"

# ---- 413: --max-body, --max-claims ------------------------------------------------------------
jq -c -s '{persons: map(.person), claims: map(.claim)}' requests.jsonl >all.json
req POST /v1/settle $S all.json
check "46 claims, --max-claims 50: 200" "200 46" "$CODE $(jq '.results | length' body)"
jq -c '.claims += .claims[0:5]' all.json >51.json
req POST /v1/settle $S 51.json
check "51 claims, --max-claims 50: 413" "413" "$CODE"
head -c 70000 /dev/zero | tr '\0' ' ' >big.json
req POST /v1/settle $S big.json
check "a body over --max-body: 413" "413" "$CODE"

# ---- the log: no person id -----------------------------------------------------------------------
ids=$(cut -d, -f1 "$EX/persons.csv" | tail -n +2 | sort -u)
leak=""
for id in $ids P99; do grep -q "$id" log && leak="$leak $id"; done
check "no person id in the log" "" "$leak"
grep -q 'POST /v1/settle 200 1 claim [0-9.]* ms$' log && ok "the log has the requests, 1 claim in the singular" ||
    bad "the log has the requests, 1 claim in the singular" "$(tail -3 log)"
grep -q 'POST /v1/settle 200 46 claims [0-9.]* ms$' log && ok "the log: 46 claims in the plural" ||
    bad "the log: 46 claims in the plural" "$(grep ' 46 claim' log | head -1)"

# ---- SIGTERM: exit 0, the ledger closed whole -------------------------------------------------
stop
check "SIGTERM: exit 0" "0" "$STOPPED"
grep -q 'polc: serve: stopped' log && ok "SIGTERM: stopped" || bad "SIGTERM: stopped" "$(tail -2 log)"
if command -v sqlite3 >/dev/null && [ $BACKEND = sqlite ]; then
    check "ledger intact after stop" "ok" "$(sqlite3 svc.db 'PRAGMA integrity_check')"
fi

# ---- a batch in memory: claim for claim as polc run ------------------------------------------------
serve log2 "$PANJI" --max-claims 100 || { bad "start in memory" "$(cat log2)"; finish; }
req POST /v1/settle "" all.json
jq -c '.results[]' body >batch.jsonl
as_results batch.jsonl >got2.csv
if cmp -s got2.csv want.csv; then ok "a batch of 46 in memory equals polc run"; else
    bad "a batch of 46 in memory equals polc run" "$(diff want.csv got2.csv | head -5)"; fi
req POST /v1/settle "" all.json
check "the batch again: 46 already settled" "46" \
    "$(jq '[.results[] | select(.status == "already settled")] | length' body)"
req POST /v1/reload "" empty.json
check "reload with a ledger in memory: refused, 409" "409 refused" \
    "$CODE $(jq -r .result body)"
stop
check "in memory: SIGTERM exits 0" "0" "$STOPPED"

finish
