#!/bin/sh
# tests/serve/restart.sh — polc serve on a PostgreSQL ledger whose server restarts (spec/SERVE.md
# "PostgreSQL": the connection lost and made again). A real PostgreSQL 15 (tests/serve/pg.sh),
# stopped with pg_ctl -m fast under the service: /v1/health answers 503 with the reason while
# it is down, from the first health request after the stop (no claim need fail first) (a load balancer stops sending), a settle answers 503 naming it; started again,
# the service connects again by itself (no request needed), health answers 200, claims
# settle; the log has one line for the loss and one for the return. Then a restart under a
# stream of requests (four clients, each sending its persons' claims in order and sending a
# 503 or a cut connection again): every claim acknowledged is in the ledger once, and in the
# end the ledger is one batch run's of all the claims, byte for byte: nothing lost, nothing
# counted twice (a commit whose answer the restart swallowed answers already settled when
# sent again). Between the two, a hung server (its processes SIGSTOPped): health 503 within
# seconds, a settle 503 within 20 s, both 200 again after SIGCONT.
#
#   sh tests/serve/restart.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/serve/pg.sh"
command -v sqlite3 >/dev/null || { echo "[SKIP] restart: no sqlite3 shell"; exit 0; }
trap '[ -n "$SPID" ] && kill -9 $SPID 2>/dev/null; pg_stop; rm -rf "$WORK"' EXIT
if ! pg_start "$WORK/pg"; then
    bad "postgresql" "cannot start PostgreSQL 15 ($PGBIN; make deps installs it)"
    finish
fi
pg_down() {
    $AS "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1
}
pg_up() {
    $AS "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w -t 30 \
        -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=on" start >/dev/null 2>&1
}
# health_is CODE: /v1/health answers CODE within 10 s (the service's retry is at most 5 s away)
health_is() {
    i=0
    while [ $i -lt 100 ]; do
        req GET /v1/health ""
        [ "$CODE" = "$1" ] && return 0
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}

# ---- down and up again, no request meanwhile ----
serve log --ledger "$PGURL" "$PANJI" || { bad "start" "$(cat log)"; finish; }
req GET /v1/policy ""
cp body pol.json
requests "$EX/persons.csv" "$EX/claims.csv" >requests.jsonl
sed -n 1p requests.jsonl >one.json
sed -n 2p requests.jsonl >two.json
req POST /v1/settle "" one.json
check "before the restart: settled" "200 settled" "$CODE $(jq -r .status body)"
pg_down
# the first health after the stop already answers 503: the server's goodbye (its FATAL
# message) read without error once hid the closed socket, and health answered 200 until a
# settle failed
req GET /v1/health ""
check "stopped: the first health after the stop answers 503" "503" "$CODE"
health_is 503 || bad "stopped: health" "answers $CODE: $(cat body)"
check "stopped: health names the loss" "unavailable PostgreSQL ledger: no connection to the server" \
    "$(jq -r '.status + " " + (.error | sub(" \\(.*"; ""))' body)"
req POST /v1/settle "" two.json
check "stopped: a settle answers 503" "503" "$CODE"
check "stopped: naming the cause, nothing settled" "1 1" \
    "$(grep -c 'no connection to the server' body) $(grep -c 'nothing settled: send again' body)"
pg_up
health_is 200 || bad "started again: health" "answers $CODE: $(cat body)"
check "started again: health ok" "ok" "$(jq -r .status body)"
req POST /v1/settle "" two.json
check "started again: the claim settles" "200 settled" "$CODE $(jq -r .status body)"
req POST /v1/settle "" one.json
check "started again: the first one already settled" "200 already settled" \
    "$CODE $(jq -r .status body)"
check "the log: one line for the loss" "1" "$(grep -c 'serve: ledger: PostgreSQL ledger: connection lost (' log)"
check "the log: one line for the return" "1" "$(grep -c 'serve: ledger: PostgreSQL ledger: connected again' log)"
check "the log: nothing from libpq raw" "" "$(grep -v '^polc: serve: ' log | head -2)"
stop
check "SIGTERM: exit 0" "0" "$STOPPED"

# ---- a hung server: its processes stopped (SIGSTOP), the connection open ----
# Before, libpq waited for ever: health answered 200 (the socket looked fine) and a settle
# never answered. Now an idle connection is asked SELECT 1 at most once a second, given 2 s
# (health: 503 within 1 + 2 s), and a statement is given 10 s (a settle: 503 within 10 s;
# one on a connection already lost waits for a new one's try, libpq's connect_timeout 5 s).
pg_signal() { # SIG: the postmaster and its children (the service's backend among them)
    pm=$(head -n 1 "$PGDIR/data/postmaster.pid")
    kill -"$1" "$pm" $(pgrep -P "$pm")
}
# a settle given 60 s at most (req waits as long as it takes: before, for ever)
settle_within() {
    CODE=$(curl -s -m 60 -o body -w '%{http_code}' -H 'Content-Type: application/json' \
        --data-binary "@$1" "$URL/v1/settle")
}
serve log3 --ledger "$PGURL" "$PANJI" || { bad "start" "$(cat log3)"; finish; }
sed -n 3p requests.jsonl >three.json
sed -n 4p requests.jsonl >four.json
req GET /v1/health ""
check "before the hang: health 200" "200" "$CODE"
pg_signal STOP
t0=$(date +%s)
health_is 503 || bad "hung: health" "answers $CODE: $(cat body)"
check "hung: health answers 503 within 8 s" "1" "$(($(date +%s) - t0 <= 8))"
check "hung: health names it" \
    "unavailable PostgreSQL ledger: no connection to the server (no answer from the server within 2 s)" \
    "$(jq -r '.status + " " + .error' body)"
t0=$(date +%s)
settle_within three.json
check "hung: a settle answers 503 within 20 s" "503 1" "$CODE $(($(date +%s) - t0 <= 20))"
pg_signal CONT
health_is 200 || bad "woken: health" "answers $CODE: $(cat body)"
req POST /v1/settle "" three.json
check "woken: the claim settles" "200 settled" "$CODE $(jq -r .status body)"
# the hang met inside a settle's transaction (no health asked: the probe does not see it)
pg_signal STOP
t0=$(date +%s)
settle_within four.json
check "hung mid-settle: 503 within 20 s, named, nothing settled" "503 1 1 1" \
    "$CODE $(($(date +%s) - t0 <= 20)) $(grep -c 'no answer from the server within 10 s' body) $(grep -c 'nothing settled: send again' body)"
req GET /v1/health ""
check "hung mid-settle: health 503 after it" "503" "$CODE"
pg_signal CONT
health_is 200 || bad "woken again: health" "answers $CODE: $(cat body)"
req POST /v1/settle "" four.json
check "woken again: the claim settles (once)" "200 settled" "$CODE $(jq -r .status body)"
check "the log: the two hangs, a line each" "2" \
    "$(grep -c 'connection lost (no answer from the server within' log3)"
stop
check "SIGTERM: exit 0" "0" "$STOPPED"

# ---- a restart under a stream of requests ----
"$POLC" gen --persons 60 --seed 11 --out pop >/dev/null 2>&1 || { bad "gen" "failed"; finish; }
"$POLC" run "$PANJI" --labels names --claims pop/claims.csv --persons pop/persons.csv --ledger all.db -q \
    --out all.csv 2>/dev/null
awk -F, '$NF == "settled" { print $1 }' all.csv | sort >settleable
psql -Atq "$PGURL" -c "CREATE DATABASE stream" >/dev/null
DB=${PGURL%/polc}/stream
serve log2 --ledger "$DB" "$PANJI" || { bad "start" "$(cat log2)"; finish; }
requests pop/persons.csv pop/claims.csv >requests.jsonl
# client K (lib.sh clients): each request until it is answered (not 503, not a cut connection); "CLAIM CODE
# STATUS TRIES" a request
client() {
    while IFS= read -r line; do
        printf '%s' "$line" >req.$1
        id=${line#*\"claim_id\":\"}
        n=0
        while :; do
            n=$((n + 1))
            code=$(curl -s -o ans.$1 -w '%{http_code}' --data-binary @req.$1 "$URL/v1/settle")
            case $code in 503 | 000) ;; *) break ;; esac
            [ $n -ge 300 ] && break
            sleep 0.05
        done
        echo "${id%%\"*} $code $(jq -r .status ans.$1 2>/dev/null | tr ' ' _) $n"
    done <mine.$1 >acks.$1
}
clients requests.jsonl
sleep 1
pg_down
sleep 1
pg_up
wait $CLIENTS
cat acks.0 acks.1 acks.2 acks.3 >acks
echo "  $(wc -l <acks | tr -d ' ') requests, $(awk '$4 > 1' acks | wc -l | tr -d ' ') sent again; answers:" \
    $(awk '{ print $2 "/" $3 }' acks | sort | uniq -c)
check "every request answered in the end (none left at 503)" "" "$(awk '$2 == 503 || $2 == "000"' acks | head -2)"
check "some requests were sent again (the restart was met)" "1" \
    "$(awk '$4 > 1 { n++ } END { print (n > 0) }' acks)"
awk '$3 == "settled" || $3 == "already_settled" { print $1 }' acks | sort >answered
check "the claims answered settled are the batch run's" "" "$(diff settleable answered | head -3)"
sql "$DB" 'SELECT claim_id FROM settled_claims ORDER BY 1' >stored
check "every claim settled is stored once" "$(cat settleable)" "$(cat stored)"
[ "$(sql "$DB" "$Q_CLAIMS")" = "$(sql all.db "$Q_CLAIMS")" ] &&
    ok "stored claims equal one batch run's" || bad "stored claims equal one batch run's" "they differ"
[ "$(sql "$DB" "$Q_ROWS")" = "$(sql all.db "$Q_ROWS")" ] &&
    ok "ledger rows equal one batch run's" || bad "ledger rows equal one batch run's" "they differ"
stop
check "SIGTERM: exit 0" "0" "$STOPPED"
finish
