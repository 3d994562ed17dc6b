#!/bin/sh
# tests/serve/stall.sh — a log whose reader stops does not stop settlement. The service's
# stderr is a pipe nobody reads after the first line (a stuck journal or `| logger`): its
# 64 KiB fill after a few hundred requests' lines, and a blocking write would have held the
# settling thread (a group's lines are written before its answers go out) and with it every
# request. Now each of 3,000 single-claim requests is answered 200 (memory ledger, cap.pol as
# in small.sh: 1,000 yuan a person-year, so the first claim of a person of 600 yuan pays 600);
# once the pipe is read again, the next line is preceded by how many were dropped; SIGTERM
# exits 0.
#
#   sh tests/serve/stall.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"

cp "$ROOT/tests/serve/cap.pol" .
cat >stall.py <<'PY'
import http.client, json, os, re, select, signal, subprocess, sys, time
r, w = os.pipe()
p = subprocess.Popen([sys.argv[1], "serve", "cap.pol", "--listen", "127.0.0.1:0"],
                     stderr=w, stdout=subprocess.DEVNULL)
os.close(w)
head, port = b"", None
t0 = time.monotonic()
while port is None and time.monotonic() - t0 < 20:
    if select.select([r], [], [], 1)[0]:
        head += os.read(r, 4096)
    m = re.search(rb"listening on http://127\.0\.0\.1:(\d+)", head)
    port = int(m.group(1)) if m else None
if port is None:
    print("no port:", head.decode(errors="replace")); p.kill(); sys.exit(1)
# the pipe is not read from here on; a service that hangs is killed at the end
import atexit
atexit.register(lambda: p.poll() is None and p.kill())
c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
bad, paid = 0, 0
t0 = time.monotonic()
for i in range(3000):
    body = json.dumps({"claim": {"claim_id": "C%d" % i, "person_id": "P%d" % i,
                                 "discharged": "2017-03-01", "total": "600"}})
    try:
        c.request("POST", "/v1/settle", body, {"Content-Type": "application/json"})
        a = c.getresponse()
        d = json.loads(a.read())
        if a.status != 200:
            bad += 1
        elif d.get("outputs", {}).get("pays") in ("600.00", 600, "600"):
            paid += 1
    except OSError as e:
        print("request", i, "failed:", e); bad += 1; break
print("answered", 3000 - bad, "paid 600:", paid, "in %.1f s" % (time.monotonic() - t0))
# read what the pipe holds, then one more request: its line follows the count of the dropped
os.set_blocking(r, False)
try:
    while os.read(r, 65536):
        pass
except BlockingIOError:
    pass
c.request("POST", "/v1/settle", json.dumps({"claim": {"claim_id": "last", "person_id": "Q",
          "discharged": "2017-03-01", "total": "1"}}), {"Content-Type": "application/json"})
print("last", c.getresponse().status)
time.sleep(0.3)
tail = b""
try:
    while True:
        b = os.read(r, 65536)
        if not b:
            break
        tail += b
except BlockingIOError:
    pass
m = re.search(rb"polc: serve: (\d+) log lines dropped: the log's reader did not keep up\n"
              rb"polc: serve: POST /v1/settle 200", tail)
print("dropped told:", int(m.group(1)) if m else 0)
p.send_signal(signal.SIGTERM)
print("exit", p.wait(timeout=20))
PY
python3 stall.py "$POLC" >out 2>&1
if grep -q '^answered 3000 paid 600: 3000 in' out; then
    ok "a stalled log: 3,000 requests answered, each paying 600"
else
    bad "a stalled log" "$(tr '\n' '|' <out)"
fi
n=$(sed -n 's/^dropped told: //p' out)
if grep -q '^last 200$' out && [ -n "$n" ] && [ "$n" -gt 0 ] && [ "$n" -le 3000 ]; then
    ok "a stalled log: the lines dropped told once it reads again ($n)"
else
    bad "a stalled log: the dropped lines" "$(tr '\n' '|' <out)"
fi
check "a stalled log: SIGTERM exits 0" "$(sed -n 's/^exit //p' out)" 0
finish
