#!/bin/sh
# tests/serve/small.sh — polc serve on a policy with no person fields and no history (a claim
# needs no person object; its person_id keys the ledger) and on a built ENGINE.so (which is
# not reloaded: 409). Amounts by hand: a yearly cap of 1,000 yuan on what the policy pays.
# A request whose body takes longer than --timeout is cut off; a ledger locked by another
# process answers 503 and settles nothing.
#
#   sh tests/serve/small.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"

cp "$ROOT/tests/serve/cap.pol" .
# claims of P: 600 (600 paid), 600 -> 400 (the rest of 1,000), 600 -> 0; Q: 600; P in 2018: 600
cat >batch.json <<'JSON'
{"claims": [
 {"claim_id": "A", "person_id": "P", "discharged": "2017-03-01", "total": "600"},
 {"claim_id": "B", "person_id": "P", "discharged": "2017-04-01", "total": 600},
 {"claim_id": "C", "person_id": "P", "discharged": "2017-05-01", "total": "600.00"},
 {"claim_id": "D", "person_id": "Q", "discharged": "2017-05-01", "total": "600"},
 {"claim_id": "E", "person_id": "P", "discharged": "2018-01-02", "total": "600"}]}
JSON
for engine in cap.pol cap.so; do
    if [ $engine = cap.so ]; then
        "$POLC" build cap.pol -o cap.so 2>/dev/null || { bad "build cap.so" "failed"; continue; }
    fi
    serve log.$engine --ledger "$(ledger ${engine%.*}_${engine#*.})" $engine || { bad "$engine: start" "$(cat log.$engine)"; continue; }
    req POST /v1/settle "" batch.json
    check "$engine: pays by hand" "200 A 600.00 B 400.00 C 0.00 D 600.00 E 600.00" \
        "$CODE $(jq -r '[.results[] | .claim_id, .outputs.pays] | join(" ")' body)"
    check "$engine: P's 2017 ledger after C" "2017 1000.00" \
        "$(jq -r '.results[2].ledger.annual | "\(.key) \(.after.paid)"' body)"
    echo '{"claim": {"claim_id": "F", "discharged": "2017-06-01", "total": "1"}}' >nop.json
    req POST /v1/settle "" nop.json
    check "$engine: a claim without a person_id: 400" "400 claim.person_id: missing" \
        "$CODE $(jq -r .error body)"
    echo '{}' >empty.json
    req POST /v1/reload "" empty.json
    if [ $engine = cap.so ]; then
        check "a built engine: reload refused" "409 refused" "$CODE $(jq -r .result body)"
    else
        check "the same text: reload unchanged" "200 unchanged" "$CODE $(jq -r .result body)"
    fi
    stop
    check "$engine: SIGTERM exits 0" "0" "$STOPPED"
done

# the ledger's write lock held by another process past SQLite's 10 s busy wait: 503, nothing
# settled (the retry after the lock goes settles the claim, not "already settled"). SQLite
# only: PostgreSQL's writers wait for the lock (pg_advisory_xact_lock) as long as it is held
if [ $BACKEND = sqlite ] && command -v sqlite3 >/dev/null; then
    serve log.busy --ledger busy.db cap.pol || { bad "busy: start" "$(cat log.busy)"; finish; }
    (
        echo 'BEGIN IMMEDIATE;'
        sleep 12
        echo 'ROLLBACK;'
    ) | sqlite3 busy.db &
    holder=$!
    sleep 0.5
    echo '{"claim": {"claim_id": "L1", "person_id": "P", "discharged": "2017-03-01",
                     "total": "600"}}' >l1.json
    req POST /v1/settle "" l1.json
    check "the ledger locked by another process: 503" "503" "$CODE"
    case $(jq -r .error body) in
    "ledger: "*"busy.db: the ledger is locked by another process writing to it"*"(nothing settled: send again)") ok "503: the ledger's reason, named as locked" ;;
    *) bad "503: the ledger's reason" "$(cat body)" ;;
    esac
    wait $holder
    req POST /v1/settle "" l1.json
    check "the retry after the lock: settled (nothing was before)" "200 settled 600.00" \
        "$CODE $(jq -r '.status + " " + .outputs.pays' body)"
    stop
fi

# a PostgreSQL ledger that cannot be reached: exit 4 (a system failure), said without the URL;
# no SQLite file named after the URL is made
"$POLC" serve cap.pol --ledger postgresql://nobody:secret@127.0.0.1:1/polc \
    --listen 127.0.0.1:0 2>pg.err
rc=$?
check "serve --ledger postgresql:// unreachable: exit 4 (a system failure)" "4" "$rc"
case $(cat pg.err) in
*secret*) bad "serve: the URL's password not shown" "$(cat pg.err)" ;;
"polc: serve: PostgreSQL ledger: "*) ok "serve: the ledger's reason, not the URL" ;;
*) bad "serve: the ledger's reason, not the URL" "$(cat pg.err)" ;;
esac
printf 'claim_id,person_id,discharged,total\nA,P,2017-03-01,600\n' >c.csv
"$POLC" run cap.pol --claims c.csv --ledger postgresql://127.0.0.1:1/polc -q --out r.csv 2>pg.err
rc=$?
check "run --ledger postgresql:// unreachable: exit 4, no file made" "4 no" \
    "$rc $([ -e postgresql: ] && echo yes || echo no)"

# --timeout 1: a body trickled at 100 bytes/s (6 s for 600) is cut off after about a second;
# the service answers the next client
serve log.slow cap.pol --timeout 1 || { bad "slow: start" "$(cat log.slow)"; finish; }
head -c 600 /dev/zero | tr '\0' ' ' >slow.json
t0=$(date +%s)
code=$(curl -s -o /dev/null -w '%{http_code}' --limit-rate 100 --data-binary @slow.json \
    "$URL/v1/settle")
t1=$(date +%s)
check "a body slower than --timeout: cut off, no answer" "000" "$code"
[ $((t1 - t0)) -le 4 ] && ok "cut off within the timeout" ||
    bad "cut off within the timeout" "$((t1 - t0)) s"
req GET /v1/health ""
check "after it: the service answers" "200" "$CODE"
stop
check "slow: SIGTERM exits 0" "0" "$STOPPED"
finish
