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
# log's header): C1 200; C2 503; C2 again and C3 503 (they answered 200 before). Nor is
# anything settled after the failure: a commit would write to a ledger no sync vouches for,
# and one whose checkpoint started the log again (on a reload's new store too, which once
# settled and checkpointed) would write over the only good copy of pages a failed write-back
# lost: C3, and C4 after a reload (SIGHUP), answer 503 with nothing kept. After a restart
# without the fault C2 is already settled (committed in its group; the shim lost nothing), C3
# settles, C1 and C2 counted once. cap.pol: 1,000 yuan a person-year.
#   env: POLC (build/polc), CC (cc)
. "$(dirname "$0")/../serve/lib.sh"
[ $BACKEND = sqlite ] || { echo "serve_sync_sticky.sh: an SQLite ledger's test"; finish; }

shim
one_claim C1 P1 600
one_claim C2 P2 700
one_claim C3 P3 800
one_claim C4 P4 900

faulty l.db IOFAIL_OP=sync IOFAIL_MATCH=l.db-wal IOFAIL_NTH=3 IOFAIL_ONCE=1 IOFAIL_ERRNO=EIO
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
case $(jq -r .error body 2>/dev/null) in
    *"an earlier sync"*"(nothing settled: restart the service, then send again)")
        ok "C3's 503: nothing settled" ;;
    *) bad "C3's 503" "$(cat body)" ;;
esac
echo "# edited: a new engine, a new store" >>cap.pol
kill -HUP $SPID
i=0
while [ $i -lt 100 ]; do
    req GET /metrics ""
    [ "$(sed -n 's/^polc_reloads_total{result="reloaded"} //p' body)" = 1 ] && break
    sleep 0.1
    i=$((i + 1))
done
[ $i -lt 100 ] && ok "reloaded (SIGHUP)" || bad "reloaded (SIGHUP)" "$(tail -3 log)"
req POST /v1/settle "" C4.json
check "C4 on the reload's new store: 503" "503" "$CODE"
req GET /v1/health ""
check "health: 503, unavailable" "503 unavailable" "$CODE $(jq -r .status body 2>/dev/null)"
case $(jq -r .error body 2>/dev/null) in
    *"l.db-wal: cannot sync it to the disk"*"restart the service") ok "health says to restart" ;;
    *) bad "health's error" "$(cat body)" ;;
esac
stop
[ "$STOPPED" = 0 ] && ok "stopped: exit 0" || bad "stopped" "exit $STOPPED"
check "at the stop: C1 and C2 kept, nothing after the failure" "C1 C2" \
    "$(sqlite3 l.db 'SELECT claim_id FROM settled_claims ORDER BY 1' | tr '\n' ' ' | sed 's/ $//')"

serve log2 cap.pol --ledger l.db || { bad "restarted" "$(cat log2)"; finish; }
req POST /v1/settle "" C2.json
check "C2 after the restart: already settled" "200 already settled 700.00" "$(outcome)"
req POST /v1/settle "" C3.json
check "C3 after the restart: settled" "200 settled 800.00" "$(outcome)"
stop
check "each claim kept once" "C1 C2 C3" \
    "$(sqlite3 l.db 'SELECT claim_id FROM settled_claims ORDER BY 1' | tr '\n' ' ' | sed 's/ $//')"
finish
