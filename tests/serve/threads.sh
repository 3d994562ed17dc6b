#!/bin/sh
# tests/serve/threads.sh — the service's threads carry names (`top -H`, `ps -L`, perf, gdb
# show them), where every one of polc's was "polc": the group's settling thread polc-settle,
# the other settling workers polc-settle1.., the SQLite ledger's checkpointer polc-ckpt and its
# durability stage polc-sync (answers once the log is synced), the
# reloader polc-reload and the policy file's watcher polc-watch (libmicrohttpd names its own
# MHD-worker). Read from /proc while it serves a claim.
#   sh tests/serve/threads.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"
[ $BACKEND = sqlite ] || { echo "threads.sh: an SQLite ledger's test"; finish; }

cp "$ROOT/tests/runtime/cap.pol" cap.pol
if serve log cap.pol --ledger l.db -j 3; then
    printf '{"claims": [{"claim_id": "C1", "person_id": "P1", "discharged": "2017-03-01", "total": "600"}]}' >r.json
    req POST /v1/settle "" r.json
    [ "$CODE" = 200 ] && ok "a claim settled: 200" || bad "a claim settled" "$CODE $(cat body)"
    names=$(cat /proc/$SPID/task/*/comm | sort | tr '\n' ' ')
    want="MHD-worker polc polc-ckpt polc-reload polc-settle polc-settle1 polc-settle2 polc-sync polc-watch"
    got=$(echo "$names" | tr ' ' '\n' | sort -u | grep . | tr '\n' ' ')
    [ "$got" = "$want " ] && ok "its threads: $want" || bad "its threads" "$got (want $want)"
    stop
    [ "$STOPPED" = 0 ] && ok "stopped: exit 0" || bad "stopped" "exit $STOPPED"
else
    bad "polc serve started" "$(cat log)"
fi
finish
