# tests/serve/pglock.sh — a PostgreSQL ledger's writers' lock held by another process longer
# than the service waits for it (a batch run's long transaction; here psql holds it 12 s):
# the request answers 503 within ~8 s with the reason (another process held the writers'
# lock), the connection is kept (no "connection lost" in the log, /v1/health 200 meanwhile),
# and the claim sent again once the lock is free settles, once. Before, the 10 s bound on a
# statement's answer took the wait for a hung server: the connection given up, its loss
# logged, /v1/health 503, connections made again with backoff. (SQLite's writers wait on
# its own busy timeout: runtime/ledger.c BUSY_TIMEOUT_MS.)
#
# Run by tests/serve/postgresql.sh, which starts the server (SERVE_PG); not by tests/run on its
# own (no #!, not executable), as there is no SQLite form of it.
#   SERVE_PG=postgresql://USER@HOST:PORT sh tests/serve/pglock.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"
[ $BACKEND = postgresql ] || { bad "SERVE_PG" "unset: run by tests/serve/postgresql.sh"; finish; }

cp "$ROOT/tests/runtime/cap.pol" cap.pol # 1,000 yuan a person-year
claim() { # claim ID: a claim of 600 yuan of person P, the request's body in ID.json
    printf '{"claim": {"claim_id": "%s", "person_id": "P", "discharged": "2017-03-0%s", "total": "600"}}' \
        "$1" "${2:-1}" >"$1.json"
}
serve log cap.pol --ledger "$SVC" || { bad "start" "$(cat log)"; finish; }
claim A 1
req POST /v1/settle "" A.json
check "A settles" 200 "$CODE"

# the writers' lock (runtime/ledger.c PG_LOCK_KEY) held 12 s by another session
psql -Atq "$SVC" -c "SELECT pg_advisory_lock(1886350435)" -c "SELECT pg_sleep(12)" \
    >/dev/null 2>&1 &
HOLDER=$!
i=0
until [ "$(psql -Atq "$SVC" -c "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")" = 1 ] ||
    [ $i -ge 50 ]; do
    sleep 0.1
    i=$((i + 1))
done
claim B 2
t0=$(date +%s)
curl -s -o bodyB -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @B.json \
    "$URL/v1/settle" >codeB &
RQ=$!
sleep 3
health=$(curl -s -o /dev/null -w '%{http_code}' "$URL/v1/health")
wait $RQ
t1=$(date +%s)
check "B behind the lock: 503" 503 "$(cat codeB)"
if grep -q "another process held the writers' lock longer than 8 s" bodyB; then
    ok "the reason: another process held the writers' lock"
else
    bad "the reason: another process held the writers' lock" "$(cat bodyB)"
fi
if [ $((t1 - t0)) -le 9 ]; then ok "answered within ~8 s ($((t1 - t0)) s)"; else
    bad "answered within ~8 s" "$((t1 - t0)) s"
fi
check "/v1/health while waiting" 200 "$health"
if grep -q 'connection lost' log; then bad "the connection kept" "$(grep 'connection lost' log)"; else
    ok "the connection kept (no loss logged)"
fi
wait $HOLDER
req POST /v1/settle "" B.json
check "B sent again once the lock is free: settled" 200 "$CODE"
check "B counted once: P's 2017 paid 1000.00 (600 + 400)" "1000.00" \
    "$(jq -r '.ledger.annual.after.paid' body)"
stop
check "SIGTERM: exit 0" 0 "$STOPPED"
finish
