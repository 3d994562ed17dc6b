# tests/serve/lib.sh — sourced by the tests of polc serve (not run itself): a work directory,
# ok/bad, starting and stopping a service on a free loopback port, requests with curl, and
# the service's ledger: an SQLite file, or (SERVE_PG=postgresql://USER@HOST:PORT, set by
# tests/serve/postgresql.sh) a fresh database of a running PostgreSQL.
#   env: POLC (build/polc), SERVE_PG
set -u
cd "$(dirname "$0")/../.." || exit 2
ROOT=$(pwd)
POLC=${POLC:-build/polc}
case $POLC in /*) ;; */*) POLC=$ROOT/$POLC ;; esac
PANJI=$ROOT/policies/anhui/panji-2017.pol
EX=$ROOT/examples
WORK=$(mktemp -d "${TMPDIR:-/tmp}/polc-serve.XXXXXX") || exit 2
SPID=""
trap '[ -n "$SPID" ] && kill -9 $SPID 2>/dev/null; rm -rf "$WORK"' EXIT
cd "$WORK" || exit 2

pass=0
fail=0
ok() {
    pass=$((pass + 1))
    echo "[PASS] $1"
}
bad() {
    fail=$((fail + 1))
    echo "[FAIL] $1: $2"
}
# ledger NAME: a new ledger for a service under test: the SQLite file NAME.db, or (SERVE_PG)
# the URL of a new PostgreSQL database
BACKEND=sqlite
[ -n "${SERVE_PG:-}" ] && BACKEND=postgresql
ledger() {
    if [ $BACKEND = postgresql ]; then
        db=t$$_$(date +%s%N)_$1
        psql -Atq "$SERVE_PG/postgres" -c "CREATE DATABASE $db" >/dev/null || exit 2
        echo "$SERVE_PG/$db"
    else
        echo "$1.db"
    fi
}
# the ledger the service under test keeps
SVC=$(ledger svc)

# sql LEDGER QUERY: the rows of a query on an SQLite ledger or a PostgreSQL one (hex(x) is
# SQLite's; PostgreSQL's bytes read the same as upper(encode(x, 'hex')))
sql() {
    case $1 in
    postgres*)
        psql -Atq "$1" -c "$(echo "$2" | sed "s/hex(\([a-z_]*\))/upper(encode(\1, 'hex'))/g")" ;;
    *) sqlite3 "$1" "$2" ;;
    esac
}

# check NAME WANT GOT
check() {
    if [ "$2" = "$3" ]; then ok "$1"; else bad "$1" "want '$2', got '$3'"; fi
}
finish() {
    echo "$pass passed, $fail failed"
    [ "$fail" -eq 0 ]
    exit $?
}

# serve LOG ARGS...: start polc serve ARGS on a free port, logging to LOG; sets SPID, PORT,
# URL once it listens (10 s at most: a JIT compile of Panji takes well under one)
serve() {
    log=$1
    SLOG=$log
    shift
    : >"$log"
    # shellcheck disable=SC2086 # SERVE_ENV: NAME=VALUE words (faulty)
    env ${SERVE_ENV:-} "$POLC" serve "$@" --listen 127.0.0.1:0 2>"$log" &
    SPID=$!
    PORT=""
    i=0
    while [ $i -lt 100 ]; do
        PORT=$(sed -n 's/.*listening on https*:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$log")
        [ -n "$PORT" ] && break
        kill -0 $SPID 2>/dev/null || break
        sleep 0.1
        i=$((i + 1))
    done
    URL=http://127.0.0.1:$PORT
    [ -n "$PORT" ]
}

# stop: SIGTERM and wait; the exit code in STOPPED. A sanitizer's report in the service's log
# (make asan) fails.
stop() {
    kill -TERM $SPID
    wait $SPID
    STOPPED=$?
    SPID=""
    if grep -q -E 'Sanitizer|runtime error:|polc: internal error' "$SLOG"; then
        bad "sanitizer ($SLOG)" "$(grep -m1 -E 'Sanitizer|runtime error:|polc: internal error' "$SLOG")"
    fi
}

# req METHOD PATH TOKEN [BODYFILE]: the answer's body in $WORK/body, its status in CODE
req() {
    set -- "$1" "$2" "$3" "${4:-}"
    if [ -n "$4" ]; then
        CODE=$(curl -s -o body -w '%{http_code}' -X "$1" ${3:+-H "Authorization: Bearer $3"} \
            -H 'Content-Type: application/json' --data-binary "@$4" "$URL$2")
    else
        CODE=$(curl -s -o body -w '%{http_code}' -X "$1" ${3:+-H "Authorization: Bearer $3"} \
            "$URL$2")
    fi
}

# the answers (JSON lines) as results CSV rows: claim_id, outputs in the schema's order, status
# (pol.json: GET /v1/policy)
as_results() {
    echo "claim_id,$(jq -r '[.outputs[].name] | join(",")' pol.json),status"
    jq -r --slurpfile pol pol.json '[.claim_id] + [.outputs[$pol[0].outputs[].name] // ""]
        + [.status] | map(if test("[,\"]") then "\"" + . + "\"" else . end) | join(",")' "$@"
}

# requests.jsonl: one request a claim of CLAIMS, with its person from PERSONS (pol.json)
requests() {
    jq -n -c --slurpfile pol pol.json --rawfile persons "$1" --rawfile claims "$2" \
        -f "$ROOT/tests/serve/requests.jq"
}

# clients FILE: four clients, in the background (their pids in CLIENTS), each sending the
# requests of FILE (requests.jsonl) of its persons (a hash of the person id), in order: client
# K calls the caller's `client K` on its requests, in mine.K
clients() {
    CLIENTS=""
    for k in 0 1 2 3; do
        jq -c --argjson k "$k" 'select((.claim.person_id | explode | add) % 4 == $k)' \
            "$1" >mine.$k
        client $k &
        CLIENTS="$CLIENTS $!"
    done
}
# a ledger's claims and rows, as sql reads them to compare two ledgers byte for byte
Q_CLAIMS="SELECT claim_id, person_id, hex(outputs), hex(ledger_before), hex(ledger_after)
          FROM settled_claims ORDER BY 1"
Q_ROWS="SELECT person_id, ledger, key, hex(vals) FROM ledger_rows ORDER BY 1, 2, 3"

# For the tests that make an SQLite ledger's file system fail: shim builds tests/fault/iofail.c
# as $WORK/iofail.so and defines preload (tests/fault/preload.sh); on failure it says so and
# ends the test. one_claim ID PERSON TOTAL writes ID.json, a request of one claim of
# tests/runtime/cap.pol (copied here, 1,000 yuan a person-year) discharged 2017-03-01.
# outcome: the last answer's status code, and its first result's status and payout.
shim() {
    "${CC:-cc}" -shared -fPIC -o iofail.so "$ROOT/tests/fault/iofail.c" -ldl 2>cc.err ||
        { bad "the shim builds" "$(cat cc.err)"; finish; }
    . "$ROOT/tests/fault/preload.sh"
    cp "$ROOT/tests/runtime/cap.pol" cap.pol
}
# faulty LEDGER NAME=VALUE...: serve cap.pol on LEDGER (log in log) with the shim loaded and
# set by the NAME=VALUEs (IOFAIL_LOG is $WORK/iofail.log), in that process alone; the test
# ends when it does not start
faulty() {
    ledger=$1
    shift
    SERVE_ENV="LD_PRELOAD=$(preload "$WORK/iofail.so") IOFAIL_LOG=$WORK/iofail.log $*"
    serve log cap.pol --ledger "$ledger"
    started=$?
    SERVE_ENV=""
    [ $started = 0 ] || { bad "polc serve started" "$(cat log)"; finish; }
}
one_claim() {
    printf '{"claims": [{"claim_id": "%s", "person_id": "%s", %s, "total": "%s"}]}' \
        "$1" "$2" '"discharged": "2017-03-01"' "$3" >"$1.json"
}
outcome() {
    echo "$CODE $(jq -r '.results[0].status + " " + .results[0].outputs.pays' body 2>/dev/null)"
}
