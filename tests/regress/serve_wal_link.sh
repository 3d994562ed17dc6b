#!/bin/sh
# Regression: polc serve's durability stage synced the log by the name it made from --ledger
# (LEDGER-wal, opened at the first sync), not the log SQLite writes, which SQLite names after
# the ledger's real path. A ledger given through a symbolic link (link.db -> data/real.db)
# has its log at data/real.db-wal, so every settle answered 503 ("link.db-wal: cannot open it
# to sync it"), its claims committed all the same; a ledger's folder moved after the start and
# before the first request did the same. The log is now the one SQLite names, opened when the
# ledger is: C1 answers 200, and the sync is shown to be that log's by failing it (as
# tests/serve/sync.sh: the third fdatasync of data/real.db-wal, SQLite's of the new log's
# header being the first): C2 answers 503, naming data/real.db-wal (it named link.db-wal).
# The link dangling, SQLite made data/real.db 0644: polc now makes it 0600 through the link.
# cap.pol: 1,000 yuan a person-year.
#   env: POLC (build/polc), CC (cc)
. "$(dirname "$0")/../serve/lib.sh"
[ $BACKEND = sqlite ] || { echo "serve_wal_link.sh: an SQLite ledger's test"; finish; }

shim
one_claim C1 P1 600
one_claim C2 P2 700
one_claim C3 P3 800

mkdir data
ln -s data/real.db link.db
faulty link.db IOFAIL_OP=sync IOFAIL_MATCH=data/real.db-wal IOFAIL_NTH=3 IOFAIL_ERRNO=EIO
req POST /v1/settle "" C1.json
check "C1 through the link, its log synced: settled" "200 settled 600.00" "$(outcome)"
req POST /v1/settle "" C2.json
check "C2, data/real.db-wal's sync failing: 503" "503" "$CODE"
# the 503 names the log synced, the link's target's (it named link.db-wal, which is not)
case $(cat body) in
*"$WORK/data/real.db-wal: cannot sync it to the disk: Input/output error"*) ok "C2's 503 names data/real.db-wal" ;;
*) bad "C2's 503 names the log synced" "$(cat body)" ;;
esac
# made through the dangling link, the ledger is 0600 as any (SQLite made it 0644)
check "data/real.db made 0600 through the link" "600" "$(stat -c %a data/real.db)"
stop
[ "$STOPPED" = 0 ] && ok "stopped: exit 0" || bad "stopped" "exit $STOPPED"
check "no link.db-wal made beside the link" "" "$(ls link.db-* 2>/dev/null)"

# the ledger's folder moved while the service runs, before its first request
mkdir d1
serve log2 cap.pol --ledger d1/l.db || { bad "served d1/l.db" "$(cat log2)"; finish; }
mv d1 d2
req POST /v1/settle "" C3.json
check "C3 after the ledger's folder moved: settled" "200 settled 800.00" "$(outcome)"
stop
[ "$STOPPED" = 0 ] && ok "stopped: exit 0" || bad "stopped" "exit $STOPPED"
check "C3 kept in the moved ledger" "C3" "$(sqlite3 d2/l.db 'SELECT claim_id FROM settled_claims')"
finish
