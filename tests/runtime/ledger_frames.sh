#!/bin/sh
# tests/runtime/ledger_frames.sh — an SQLite ledger's write-ahead log gets each frame (its
# 24-byte header and its 4,096-byte page) in one write, not two (runtime/ledger.c, "the
# write-ahead log's frames, one write each": the VFS that holds a header back for its page),
# and the frames so written are the log SQLite reads: the claims are in the ledger. Counted
# with strace over a `polc run --ledger` of 200 claims, one commit: every write to the log
# file is a whole frame (4,120 bytes) or the log's own 32-byte header, and there are as many
# frames as the log holds ((size - 32) / 4,120).
#
#   sh tests/runtime/ledger_frames.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"
work frames
command -v strace >/dev/null || { bad "strace" "missing (make deps)"; finish; exit; }

cp "$ROOT/tests/runtime/cap.pol" p.pol # 1,000 yuan a person-year
"$POLC" build p.pol -o p.so 2>build.err || bad "build" "$(cat build.err)"
# claim Ci of person Pi, 600 yuan each: pays 600
awk 'BEGIN { print "claim_id,person_id,discharged,total"
             for (i = 1; i <= 200; i++) printf "C%d,P%d,2017-03-01,600\n", i, i }' >claims.csv
# strace -y names each write's file: the log's writes counted as they happen (the log itself
# is gone after the run: the last connection's close checkpoints and deletes it)
strace -f -y -e trace=pwrite64 -o trace "$POLC" run p.so --claims claims.csv --ledger l.db \
    --out out.csv 2>run.err || bad "run" "$(cat run.err)"
wal=$(grep -c 'pwrite64([0-9]*</[^>]*l\.db-wal>' trace)
whole=$(grep -c 'pwrite64([0-9]*</[^>]*l\.db-wal>.*, 4120, [0-9]*) = 4120$' trace)
head32=$(grep -c 'pwrite64([0-9]*</[^>]*l\.db-wal>.*, 32, 0) = 32$' trace)
halves=$(grep -c 'pwrite64([0-9]*</[^>]*l\.db-wal>.*, 24, [0-9]*) = 24$' trace)
if [ "$wal" -gt 0 ] && [ "$wal" -eq $((whole + head32)) ]; then
    ok "every write to the log a whole frame or the log's header ($whole frames)"
else
    bad "every write to the log a whole frame" "$wal writes: $whole frames, $head32 headers, $halves frame headers alone"
fi
# 200 claims insert into three B-trees (the claims, their person index, the rows) and meta:
# more than one page of each; the count itself is SQLite's
if [ "$whole" -ge 4 ]; then ok "frames written ($whole)"; else bad "frames written" "$whole"; fi
# what the log held was read back: the ledger has every claim, 600 yuan each
n=$(sqlite3 l.db "SELECT count(*) FROM settled_claims")
if [ "$n" = 200 ]; then ok "the ledger holds the 200 claims"; else bad "the ledger holds the 200 claims" "$n"; fi
total=$("$POLC" ledger export p.pol --ledger l.db 2>/dev/null | tail -n +2 | cut -d, -f4 |
    awk '{ s += $1 } END { printf "%.2f", s }')
if [ "$total" = "120000.00" ]; then ok "the rows sum to 200 x 600"; else bad "the rows sum to 200 x 600" "$total"; fi
finish
