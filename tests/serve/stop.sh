#!/bin/sh
# tests/serve/stop.sh — SIGTERM while a client has sent its headers and half a body and then
# stalls (spec/SERVE.md "Shutdown"): the service does not wait for the rest up to --timeout
# (30 s) but a grace of 2 s, closes that connection, answers the request it was settling,
# commits and exits 0; the log says what it closed.
#
#   sh tests/serve/stop.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || { echo "[SKIP] stop: no python3"; exit 0; }

serve log --ledger "$SVC" "$PANJI" || { bad "start" "$(cat log)"; finish; }
req GET /v1/policy ""
cp body pol.json
requests "$EX/persons.csv" "$EX/claims.csv" >requests.jsonl
sed -n 1p requests.jsonl >one.json
# the stalled client: headers, half of a body of 1000 bytes, then nothing for 60 s; prints
# what it got back (nothing: the connection closed)
cat >stall.py <<'EOF'
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(b"POST /v1/settle HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
          b"Content-Length: 1000\r\n\r\n" + b"{" + b" " * 499)
s.settimeout(60)
try:
    got = s.recv(4096)
except OSError:
    got = b""
print("closed" if not got else got.decode("utf-8", "replace").split("\r\n")[0])
EOF
python3 stall.py "$PORT" >stall.out 2>&1 &
STALL=$!
sleep 0.5
req POST /v1/settle "" one.json
check "a request before the stop settles" "200 settled" "$CODE $(jq -r .status body)"
t0=$(date +%s%N)
stop
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
wait $STALL
check "SIGTERM: exit 0" "0" "$STOPPED"
# the grace (2 s) and the stop; not the 30 s of --timeout
[ "$ms" -ge 1900 ] && [ "$ms" -lt 8000 ] && ok "SIGTERM: stopped after the 2 s grace ($ms ms)" ||
    bad "SIGTERM: stopped after the 2 s grace" "$ms ms"
check "the stalled client's connection closed, unanswered" "closed" "$(cat stall.out)"
check "the log says so" "1" "$(grep -c '^polc: serve: stopping: closed 1 connection with a body still arriving$' log)"
check "the settled claim is in the ledger" "1" "$(sql "$SVC" "SELECT count(*) FROM settled_claims")"
finish
