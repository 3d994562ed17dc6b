#!/bin/sh
# Regression: after a failed sync of an SQLite ledger's log, polc serve answered the next
# groups 200 once a later sync succeeded, among them the failed group's claims sent again
# (already settled). Linux reports a write-back it lost to one fsync of the file and then
# marks the pages clean: the next fdatasync succeeds without the data being on the disk (the
# reason PostgreSQL stops at a failed fsync), so those answers vouched for claims a power cut
# could take. A failed sync now sticks: every later group answers 503 until the service
# restarts (its health too, so a load balancer sends elsewhere), and the restarted service
# finds what the disk kept. Shown with the log's third
# fdatasync failing once (tests/fault/iofail.c, IOFAIL_ONCE; the first is SQLite's, of the new
# log's header): C1 200; C2 503; C2 again and C3 503 (they answered 200 before); after a
# restart without the fault C2 and C3 are already settled (the shim lost nothing), C1 and C2
# counted once. cap.pol: 1,000 yuan a person-year.
#   env: POLC (build/polc), CC (cc)
. "$(dirname "$0")/../serve/lib.sh"
[ $BACKEND = sqlite ] || { echo "serve_sync_sticky.sh: an SQLite ledger's test"; finish; }

shim
one_claim C1 P1 600
one_claim C2 P2 700
one_claim C3 P3 800

export LD_PRELOAD IOFAIL_OP=sync IOFAIL_MATCH=l.db-wal IOFAIL_NTH=3 IOFAIL_ONCE=1 \
    IOFAIL_ERRNO=EIO IOFAIL_LOG=$WORK/iofail.log
LD_PRELOAD=$(preload "$WORK/iofail.so")
serve log cap.pol --ledger l.db
started=$?
unset LD_PRELOAD IOFAIL_OP IOFAIL_MATCH IOFAIL_NTH IOFAIL_ONCE IOFAIL_ERRNO IOFAIL_LOG
[ $started = 0 ] || { bad "polc serve started" "$(cat log)"; finish; }
req POST /v1/settle "" C1.json
check "C1, its log synced: settled" "200 settled 600.00" "$(outcome)"
req POST /v1/settle "" C2.json
check "C2, the log's sync failing: 503" "503" "$CODE"
req POST /v1/settle "" C2.json
check "C2 again, the next sync passing: still 503" "503" "$CODE"
msg=$(jq -r .error body 2>/dev/null)
case $msg in
    *"an earlier sync"*"l.db-wal: cannot sync it to the disk: Input/output error"*restart*)
        ok "the 503 names the failed sync and says to restart: $msg" ;;
    *) bad "the 503's message" "$msg" ;;
esac
req POST /v1/settle "" C3.json
check "C3, a claim of another person: 503" "503" "$CODE"
req GET /v1/health ""
check "health: 503, unavailable" "503 unavailable" "$CODE $(jq -r .status body 2>/dev/null)"
case $(jq -r .error body 2>/dev/null) in
    *"l.db-wal: cannot sync it to the disk"*"restart the service") ok "health says to restart" ;;
    *) bad "health's error" "$(cat body)" ;;
esac
stop
[ "$STOPPED" = 0 ] && ok "stopped: exit 0" || bad "stopped" "exit $STOPPED"

serve log2 cap.pol --ledger l.db || { bad "restarted" "$(cat log2)"; finish; }
req POST /v1/settle "" C2.json
check "C2 after the restart: already settled" "200 already settled 700.00" "$(outcome)"
req POST /v1/settle "" C3.json
check "C3 after the restart: already settled" "200 already settled 800.00" "$(outcome)"
stop
check "each claim kept once" "C1 C2 C3" \
    "$(sqlite3 l.db 'SELECT claim_id FROM settled_claims ORDER BY 1' | tr '\n' ' ' | sed 's/ $//')"
finish
