#!/bin/sh
# tests/serve/wal.sh — an SQLite ledger's write-ahead log is copied into the database and
# starts again while polc serve runs. Each single-claim request is a commit of its own, of a
# few pages (the claim record, the person index, the ledger row, the sequence number: ~6
# frames): 5,000 of them append ~30,000 frames to the log. The checkpointer thread copies
# them into the database, and with requests one after another the log starts again from the
# top whenever it has caught up. Before, the checkpointer's connection had never read the
# file and checkpointed nothing: the database stayed empty and the log took every claim
# (128 MB here) for as long as the service ran. (Under a writer that never pauses, where the
# log only starts again because the store's own connection checkpoints past CKPT_WRAP_PAGES
# in runtime/ledger.c, bench/README.md has the measurement.) Exact amounts by hand.
#
#   sh tests/serve/wal.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"
[ $BACKEND = sqlite ] || { echo "wal.sh: an SQLite ledger's test"; finish; }

cp "$ROOT/tests/runtime/cap.pol" cap.pol # 1,000 yuan a person-year
N=5000
# claim Ci of person Pi, 600 yuan, each the person's first of 2017: pays 600 (under 1,000)
awk -v n=$N 'BEGIN {
    for (i = 1; i <= n; i++) {
        f = sprintf("r%d.json", i)
        printf "{\"claims\": [{\"claim_id\": \"C%d\", \"person_id\": \"P%d\", " \
               "\"discharged\": \"2017-03-01\", \"total\": \"600\"}]}\n", i, i > f
        close(f)
        if (i > 1) print "next"
        printf "url = \"URL/v1/settle\"\ndata-binary = \"@r%d.json\"\n", i
        printf "header = \"Content-Type: application/json\"\noutput = \"/dev/null\"\n"
        printf "write-out = \"%%{http_code}\\\\n\"\nsilent\n"
    }
}' >curl.cfg

serve log cap.pol --ledger svc.db || { bad "start" "$(cat log)"; finish; }
sed -i "s|URL|$URL|" curl.cfg
# one curl, one connection kept alive, the requests one after another: each its own commit
curl -K curl.cfg >codes
check "every request answered 200" "$N" "$(grep -c '^200$' codes)"
# the log while the service runs: at most CKPT_LOG_MAX frames (runtime/ledger.c: 16,896),
# where the store's checkpoint waits for the other thread's rather than fail on its lock,
# and the frames of the one commit that crossed it (~6; 64 allowed): 16,960 frames (a frame
# is a 4,096-byte page and a 24-byte header, after the log's 32-byte header), where the
# 5,000 commits write ~30,000. (The bound was 17,500 frames, of which the commits made while
# the other thread held the lock took an unbounded share: it failed now and then with two
# suites at once on 2 cores.)
wal=$(stat -c %s svc.db-wal)
max=$((32 + (16896 + 64) * (4096 + 24)))
if [ "$wal" -le $max ]; then ok "log bounded ($wal bytes)"; else
    bad "log bounded" "$wal bytes, more than $max"
fi
# ... and the checkpoints reached the database itself: it holds the claims, read by another
# connection from the file and the log (5,000 x 600 yuan = 3,000,000 yuan)
check "claims in the ledger" "$N" "$(sqlite3 svc.db 'SELECT count(*) FROM settled_claims')"
pages=$(sqlite3 svc.db 'PRAGMA page_count')
if [ "$(stat -c %s svc.db)" -ge $((pages / 2 * 4096)) ]; then ok "checkpointed into the file"
else bad "checkpointed into the file" "$(stat -c %s svc.db) bytes for $pages pages"; fi
stop
check "graceful stop" 0 "$STOPPED"
check "the ledger's total" "3000000.00" \
    "$("$POLC" ledger export cap.pol --ledger svc.db | awk -F, 'NR > 1 {s += $4} END {printf "%.2f", s}')"
finish
