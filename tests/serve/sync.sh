#!/bin/sh
# tests/serve/sync.sh — on an SQLite ledger polc serve answers a group only once the log
# holding its commit is synced to the disk (its durability stage, thread polc-sync, spec/
# SERVE.md), so an answered claim survives a power cut. Shown through the answer's dependence
# on that sync: with the log's third fdatasync failing (EIO, through tests/fault/iofail.c; the
# first is SQLite's, of the new log's header, and nothing else syncs the log of a few claims:
# SQLite syncs it again only at checkpoints), the first request answers settled, the second
# 503 naming the log and saying to send again; the claim
# was committed all the same, so after a restart without the fault it answers already
# settled, counted once in the ledger. cap.pol: 1,000 yuan a person-year.
#   sh tests/serve/sync.sh        env: POLC (build/polc), CC (cc)
. "$(dirname "$0")/lib.sh"
[ $BACKEND = sqlite ] || { echo "sync.sh: an SQLite ledger's test"; finish; }

shim
one_claim C1 P1 600
one_claim C2 P2 700

faulty l.db IOFAIL_OP=sync IOFAIL_MATCH=l.db-wal IOFAIL_NTH=3 IOFAIL_ERRNO=EIO
req POST /v1/settle "" C1.json
check "C1, its log synced: settled" "200 settled 600.00" "$(outcome)"
req POST /v1/settle "" C2.json
check "C2, the log's sync failing: 503" "503" "$CODE"
msg=$(jq -r .error body 2>/dev/null)
case $msg in
    *"l.db-wal: cannot sync it to the disk: Input/output error"*"send again"*"already settled"*)
        ok "the 503 names the log and says to send again: $msg" ;;
    *) bad "the 503's message" "$msg" ;;
esac
grep -q "^iofail: sync .*l.db-wal" iofail.log 2>/dev/null && ok "the fault met: the log's sync" ||
    bad "the fault met" "$(cat iofail.log 2>/dev/null)"
stop
[ "$STOPPED" = 0 ] && ok "stopped: exit 0" || bad "stopped" "exit $STOPPED"

serve log2 cap.pol --ledger l.db || { bad "restarted" "$(cat log2)"; finish; }
req POST /v1/settle "" C2.json
check "C2 again, without the fault: already settled, as committed" "200 already settled 700.00" \
    "$(outcome)"
one_claim C3 P2 500
req POST /v1/settle "" C3.json
# P2's 2017 had C2's 700: 1,000 - 700 = 300 of C3's 500
check "C3 of P2: 300.00 (C2's 700 counted once)" "200 settled 300.00" "$(outcome)"
stop
finish
