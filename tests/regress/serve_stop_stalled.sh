#!/bin/sh
# Regression: SIGTERM waits 30 s (STOP_WAIT_MS) for the requests in flight and then stopped
# libmicrohttpd, which refuses to stop with a request suspended: a group whose log sync took
# longer (a disk stalling; here the log's third fdatasync takes 33 s, then fails with EIO once,
# through tests/fault/iofail.c) aborted polc serve ("MHD_stop_daemon() called while we have
# suspended connections", exit 134). The stop now waits for the requests in the settle core
# before it stops the daemon: C2's client has its 503 (the sync failed), and the service
# exits 0. After a restart C2 answers already settled (it was committed). cap.pol: 1,000 yuan
# a person-year. Takes ~35 s.
#   env: POLC (build/polc), CC (cc)
. "$(dirname "$0")/../serve/lib.sh"
[ $BACKEND = sqlite ] || { echo "serve_stop_stalled.sh: an SQLite ledger's test"; finish; }

shim
one_claim C1 P1 600
one_claim C2 P2 700

faulty l.db IOFAIL_OP=sync IOFAIL_MATCH=l.db-wal IOFAIL_NTH=3 IOFAIL_ONCE=1 IOFAIL_SLEEP=33 IOFAIL_ERRNO=EIO
req POST /v1/settle "" C1.json
check "C1: settled" "200" "$CODE"
curl -s -o c2.body -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
    --data-binary @C2.json "$URL/v1/settle" >c2.code &
client=$!
sleep 1 # C2 committed, its sync stalling
stop
wait $client
check "stopped with C2's sync stalled past 30 s: exit 0" "0" "$STOPPED"
grep -q "suspended connections" log && bad "the stop aborted" "$(grep suspended log)" ||
    ok "no abort"
check "C2's client answered: 503" "503" "$(cat c2.code)"

serve log2 cap.pol --ledger l.db || { bad "restarted" "$(cat log2)"; finish; }
req POST /v1/settle "" C2.json
check "C2 after the restart: already settled" "200 already settled 700.00" "$(outcome)"
stop
finish
