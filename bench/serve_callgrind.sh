#!/bin/sh
# bench/serve_callgrind.sh — instructions a request of polc serve, counted by callgrind (which a
# busy machine does not bend, unlike bench/serve.sh's wall clock): a `polc gen` population's
# claims as single-claim POSTs (tests/serve/requests.jq, in date order), a fixed number of
# them sent on 32 keep-alive connections (a person's claims on one connection, in order, as
# bench/serve.lua), the service counted only from its first request to its stop (SIGTERM: the
# last commit included), on an SQLite ledger and with the ledger in memory. Prints the
# instructions a request and, per run, the costliest functions (inclusive) a request.
# callgrind counts `rep stosb` a byte an instruction: libmicrohttpd's zeroing of a
# connection's memory after each request (memset) shows far above its CPU time.
#
#   sh bench/serve_callgrind.sh    env: POLC (build/polc), SERVE_PERSONS (30000),
#                                       SERVE_REQUESTS (3000), SERVE_LEDGERS ("sqlite memory"),
#                                       SERVE_TOP (25 functions)
set -u
cd "$(dirname "$0")/.." || exit 2
ROOT=$(pwd)
POLC=${POLC:-build/polc}
case $POLC in /*) ;; */*) POLC=$ROOT/$POLC ;; esac
PERSONS=${SERVE_PERSONS:-30000}
N=${SERVE_REQUESTS:-3000}
LEDGERS=${SERVE_LEDGERS:-sqlite memory}
TOP=${SERVE_TOP:-25}
for t in valgrind callgrind_annotate callgrind_control jq python3 curl; do
    command -v $t >/dev/null || { echo "serve_callgrind.sh: $t is missing" >&2; exit 2; }
done
WORK=$(mktemp -d "${TMPDIR:-/tmp}/polc-bench-cg.XXXXXX") || exit 2
VPID=""
trap '[ -n "$VPID" ] && kill $VPID 2>/dev/null; rm -rf "$WORK"' EXIT
PANJI=$ROOT/policies/anhui/panji-2017.pol

"$POLC" gen --persons "$PERSONS" --seed 1 --out "$WORK/pop" -q || exit 2

# the client: the first N lines of the requests, each connection a share of the persons
cat >"$WORK/client.py" <<'EOF'
import collections, http.client, re, sys, threading
path, n, conns, port = sys.argv[1], int(sys.argv[2]), 32, int(sys.argv[3])
parts = [[] for _ in range(conns)]
with open(path, 'rb') as f:
    for i, line in enumerate(f):
        if i >= n:
            break
        h = 0
        for c in re.search(rb'"person_id":"([^"]*)"', line).group(1):
            h = (h * 31 + c) % 1000003
        parts[h % conns].append(line.rstrip(b'\n'))
codes = collections.Counter()
lock = threading.Lock()
def run(lines):
    c = http.client.HTTPConnection('127.0.0.1', port)
    got = collections.Counter()
    for body in lines:
        c.request('POST', '/v1/settle', body=body, headers={'Content-Type': 'application/json'})
        r = c.getresponse()
        r.read()
        got[r.status] += 1
    with lock:
        codes.update(got)
ts = [threading.Thread(target=run, args=(p,)) for p in parts]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(' '.join('%d: %d' % kv for kv in sorted(codes.items())))
EOF

run() { # run NAME SERVE-ARGS...
    name=$1
    shift
    : >"$WORK/log"
    valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$WORK/cg.$name" \
        "$POLC" serve "$PANJI" --listen 127.0.0.1:0 "$@" 2>"$WORK/log" &
    VPID=$!
    PORT=""
    while [ -z "$PORT" ] && kill -0 $VPID 2>/dev/null; do
        sleep 0.5
        PORT=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$WORK/log")
    done
    [ -n "$PORT" ] || { echo "serve_callgrind.sh: polc serve did not start" >&2; cat "$WORK/log"; exit 2; }
    if [ ! -s "$WORK/requests.jsonl" ]; then
        curl -s "http://127.0.0.1:$PORT/v1/policy" >"$WORK/pol.json"
        jq -n -c --slurpfile pol "$WORK/pol.json" --rawfile persons "$WORK/pop/persons.csv" \
            --rawfile claims "$WORK/pop/claims.csv" --arg order date \
            -f "$ROOT/tests/serve/requests.jq" >"$WORK/requests.jsonl"
    fi
    callgrind_control -i on $VPID >/dev/null 2>&1
    codes=$(python3 "$WORK/client.py" "$WORK/requests.jsonl" "$N" "$PORT")
    kill -TERM $VPID
    wait $VPID
    VPID=""
    total=$(callgrind_annotate "$WORK/cg.$name" 2>/dev/null |
        sed -n 's/^ *\([0-9,]*\) .*PROGRAM TOTALS.*/\1/p' | tr -d ,)
    printf '%-24s %d requests (%s): %d instructions a request\n' "$name:" "$N" "$codes" \
        $((total / N))
    callgrind_annotate --inclusive=yes --auto=no "$WORK/cg.$name" 2>/dev/null |
        sed -n 's/^ *\([0-9,]*\) ([ 0-9.]*%)  \(.*\)$/\1 \2/p' | sed 's/ \[.*\]$//' |
        awk -v n="$N" '!seen[$2]++ { x = $1; gsub(",", "", x); printf "    %8d  %s\n", x / n, $2 }' |
        sed -n "3,$((TOP + 2))p"
}

for l in $LEDGERS; do
    case $l in
    sqlite) run "SQLite ledger" --ledger "$WORK/ledger.db" ;;
    memory) run "ledger in memory" ;;
    *) echo "serve_callgrind.sh: SERVE_LEDGERS: $l is neither sqlite nor memory" >&2; exit 2 ;;
    esac
done
