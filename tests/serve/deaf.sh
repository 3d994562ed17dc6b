#!/bin/sh
# tests/serve/deaf.sh — a client that sends requests and never reads the answers holds no
# service thread: libmicrohttpd's sockets are non-blocking, so an answer that does not fit in
# the connection's send buffer waits for the socket to drain (epoll) while the polling thread
# serves the other connections, and the connection is closed once --timeout passes without
# progress. The deaf client pipelines GET /v1/policy (a few KB an answer) on a connection
# whose receive buffer is small, until its own send buffer is full; meanwhile fresh
# connections are answered at once, and after --timeout (3 s here) the deaf connection is
# closed with its answers unsent. Then SIGTERM stops the service (exit 0).
#
#   sh tests/serve/deaf.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"

serve log "$PANJI" --ledger "$SVC" --timeout 3 || { bad "start" "$(cat log)"; finish; }
cat >deaf.py <<'PY'
import http.client, socket, sys, time
port, timeout = int(sys.argv[1]), 3
one = b"GET /v1/policy HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
deaf = socket.socket()
deaf.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # before connect: a small window
deaf.connect(("127.0.0.1", port))
deaf.setblocking(False)
sent, t0 = 0, time.monotonic()
# pipelined requests until the client's own send buffer is full: the service has stopped
# reading them, its answers stuck behind the unread ones (2 s at most)
while time.monotonic() - t0 < 2:
    try:
        n = deaf.send(one * 64)
    except BlockingIOError:
        time.sleep(0.05)
        try:
            deaf.send(one)
        except BlockingIOError:
            break
        sent += 1
        continue
    sent += n // len(one)
print("sent", sent)
time.sleep(0.5)
# others are served while the deaf connection is stuck: each within 2 s
slow = 0
for i in range(8):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    t = time.monotonic()
    try:
        c.request("GET", "/v1/health")
        r = c.getresponse()
        r.read()
        if r.status != 200:
            slow += 1
    except OSError:
        slow += 1
    if time.monotonic() - t > 2:
        slow += 1
    c.close()
print("unanswered others", slow)
# past --timeout without progress: closed by the service; reading now drains what it had
# sent, then meets the end (or a reset), well before all the answers
time.sleep(timeout + 2)
deaf.setblocking(True)
deaf.settimeout(10)
got, answers, closed = b"", 0, "no"
try:
    while True:
        b = deaf.recv(65536)
        if not b:
            closed = "yes"
            break
        got += b
except ConnectionResetError:
    closed = "yes"
except socket.timeout:
    closed = "no (still open after 10 s more)"
answers = got.count(b"HTTP/1.1 200 OK")
print("closed", closed)
print("all answered", "yes" if answers >= sent else "no")
PY
python3 deaf.py "$PORT" >deaf.out 2>&1
sent=$(sed -n 's/^sent //p' deaf.out)
if [ "${sent:-0}" -gt 100 ]; then ok "the deaf client pipelined $sent requests"; else
    bad "the deaf client pipelined requests" "$(cat deaf.out)"
fi
check "the others answered while it was stuck" "unanswered others 0" "$(grep '^unanswered' deaf.out)"
check "the deaf connection closed after --timeout" "closed yes" "$(grep '^closed' deaf.out)"
check "its answers not all sent" "all answered no" "$(grep '^all answered' deaf.out)"
req GET /v1/health ""
check "the service answers after" 200 "$CODE"
stop
check "SIGTERM: exit 0" 0 "$STOPPED"
finish
