#!/bin/sh
# tests/serve/kill.sh — polc serve killed with SIGKILL under load (four clients, each sending
# its persons' claims in order), then restarted on the same SQLite ledger: every claim it
# acknowledged (200 settled) is in the ledger, once; what the ledger holds is, per person, a
# prefix of the person's claims, and equals a clean batch run of those claims (the same
# stored outputs and ledger rows, byte for byte); sending everything again settles the rest
# and ends where one batch run of all the claims ends. On SQLite, or on PostgreSQL under
# tests/serve/postgresql.sh (the batch runs' ledgers are SQLite: the stored bytes are the same).
#
#   sh tests/serve/kill.sh        env: POLC (build/polc), KILL_AFTER (seconds, 1)
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "[SKIP] kill: no sqlite3 shell"; exit 0; }

"$POLC" gen --persons 100 --seed 7 --out pop >/dev/null 2>&1 || { bad "gen" "failed"; finish; }
# the reference: one batch run of everything (some generated claims are rejected or fail:
# they are never stored, by the service either)
"$POLC" run "$PANJI" --labels names --claims pop/claims.csv --persons pop/persons.csv --ledger all.db -q \
    --out all.csv 2>/dev/null
awk -F, '$NF == "settled" { print $1 }' all.csv | sort >settleable
serve log --ledger "$SVC" "$PANJI" || { bad "start" "$(cat log)"; finish; }
req GET /v1/policy ""
cp body pol.json
requests pop/persons.csv pop/claims.csv >requests.jsonl
N=$(wc -l <requests.jsonl | tr -d ' ')

# client K of 4 (lib.sh clients) writes "CLAIM CODE" per request, CODE 200 only for an
# answer "settled"
client() {
    while IFS= read -r line; do
        printf '%s' "$line" >req.$1
        id=${line#*\"claim_id\":\"}
        rm -f ans.$1
        code=$(curl -s -o ans.$1 -w '%{http_code}' --data-binary @req.$1 "$URL/v1/settle")
        grep -qs '"status":"settled"' ans.$1 || code="$code-"
        echo "${id%%\"*} $code"
        [ "$code" = 000- ] && break # killed: the rest would fail the same way
    done <mine.$1 >acks.$1
}
clients requests.jsonl
sleep "${KILL_AFTER:-1}"
kill -9 $SPID
wait $SPID 2>/dev/null
SPID=""
wait $CLIENTS
cat acks.0 acks.1 acks.2 acks.3 >acks
awk '$2 == 200 { print $1 }' acks | sort >acked
echo "  $(wc -l <acked | tr -d ' ') of $N claims acknowledged before the kill; answers:" $(awk '{ print $2 }' acks | sort | uniq -c)
[ -s acked ] || bad "acknowledged claims" "none before the kill (KILL_AFTER too short?)"
check "a claim not acknowledged after the kill" "1" "$(grep -v ' 200$' acks | head -1 | wc -l)"

sql "$SVC" 'SELECT claim_id FROM settled_claims ORDER BY 1' >stored
check "every acknowledged claim is in the ledger" "" "$(comm -23 acked stored | head -3)"
check "each stored once" "$(wc -l <stored)" "$(sort -u stored | wc -l)"

# the stored claims, as a claims file: a prefix of each person's claims that settle
awk -F, 'NR == FNR { keep[$1] = 1; next } FNR == 1 || keep[$1]' stored pop/claims.csv >held.csv
prefix=$(awk -F, 'FILENAME == "stored" { keep[$1] = 1; next }
    FILENAME == "settleable" { ok[$1] = 1; next }
    FNR > 1 && ok[$1] { if (keep[$1] && gap[$2]) { print $1; exit } if (!keep[$1]) gap[$2] = 1 }' \
    stored settleable pop/claims.csv)
check "the ledger holds a prefix of each person's claims" "" "$prefix"
"$POLC" run "$PANJI" --labels names --claims held.csv --persons pop/persons.csv --ledger batch.db -q \
    --out /dev/null 2>/dev/null
same() { # same DB1 DB2 SQL
    [ "$(sql "$1" "$3")" = "$(sql "$2" "$3")" ]
}
same "$SVC" batch.db "$Q_CLAIMS" && ok "stored claims equal a batch run of them" ||
    bad "stored claims equal a batch run of them" "they differ"
same "$SVC" batch.db "$Q_ROWS" && ok "ledger rows equal a batch run's" ||
    bad "ledger rows equal a batch run's" "they differ"

# restart, everything again in one batch: the stored answer "already settled", the rest
# settles as the batch run settled it
serve log2 --ledger "$SVC" "$PANJI" --max-claims 5000 || { bad "restart" "$(cat log2)"; finish; }
jq -c -s '{persons: map(.person) | unique_by(.person_id), claims: map(.claim)}' \
    requests.jsonl >all.json
req POST /v1/settle "" all.json
jq -r '.results[] | .claim_id + " " + .status' body >again
check "after the restart: the stored claims already settled" "$(wc -l <stored | tr -d ' ')" \
    "$(grep -c ' already settled$' again)"
check "after the restart: the others settled, rejected or failed as in the batch run" \
    "$(tail -n +2 all.csv | awk -F, '{ print /,"?error: / ? "error" : $NF }' | sort | uniq -c)" \
    "$(awk '{ $1 = ""; print substr($0, 2) }' again | sed 's/^already settled$/settled/' |
        sort | uniq -c)"
stop
check "SIGTERM: exit 0" "0" "$STOPPED"
same "$SVC" all.db "$Q_CLAIMS" && ok "in the end: the claims of one batch run" ||
    bad "in the end: the claims of one batch run" "they differ"
same "$SVC" all.db "$Q_ROWS" && ok "in the end: the ledger rows of one batch run" ||
    bad "in the end: the ledger rows of one batch run" "they differ"
finish
