#!/bin/sh
# tests/serve/postgresql.sh — the service's tests on a PostgreSQL ledger: a real PostgreSQL 15
# (tests/serve/pg.sh: initdb and pg_ctl on a temporary directory and a loopback port, as the
# postgres user), then the service's tests (serve, kill, reload, tls, small, late, layout, keep, and
# pglock: the writers' lock held by another process, a test of PostgreSQL only) with SERVE_PG
# set, each on fresh databases; and polc run --ledger on it, equal to its SQLite ledger byte for byte.
#
#   sh tests/serve/postgresql.sh        env: POLC (build/polc)
set -u
cd "$(dirname "$0")/../.." || exit 2
ROOT=$(pwd)
POLC=${POLC:-build/polc}
case $POLC in /*) ;; */*) POLC=$ROOT/$POLC ;; esac
export POLC
. "$ROOT/tests/serve/pg.sh"
TOP=$(mktemp -d "${TMPDIR:-/tmp}/polc-pg.XXXXXX") || exit 2
trap 'pg_stop; rm -rf "$TOP"' EXIT
if ! pg_start "$TOP/pg"; then
    echo "[FAIL] postgresql: cannot start PostgreSQL 15 ($PGBIN; make deps installs it)"
    cat "$TOP/pg/initdb.log" "$TOP/pg/log" 2>/dev/null | tail -5
    exit 1
fi
SERVE_PG=${PGURL%/polc}
export SERVE_PG
rc=0

# polc run on the PostgreSQL ledger: the results and the stored bytes of an SQLite run
cd "$TOP" || exit 2
EX=$ROOT/examples
PANJI=$ROOT/policies/anhui/panji-2017.pol
"$POLC" run "$PANJI" --labels names --claims "$EX/claims.csv" --persons "$EX/persons.csv" --ledger "$PGURL" \
    --out - -q >pg.csv 2>pg.err
# on standard output: no byte order mark (a results file has one), as the service answers
"$POLC" run "$PANJI" --labels names --claims "$EX/claims.csv" --persons "$EX/persons.csv" --ledger s.db \
    --out - -q >s.csv 2>/dev/null
if grep -q -E 'Sanitizer|runtime error:' pg.err; then
    echo "[FAIL] postgresql: polc run: $(grep -m1 -E 'Sanitizer|runtime error:' pg.err)"; rc=1
fi
if cmp -s pg.csv s.csv; then echo "[PASS] postgresql: polc run's results as on SQLite"; else
    echo "[FAIL] postgresql: polc run's results as on SQLite: $(head -2 pg.err)"; rc=1; fi
Q="SELECT claim_id, person_id, hex(outputs), hex(ledger_after) FROM settled_claims ORDER BY 1"
QP=$(echo "$Q" | sed "s/hex(\([a-z_]*\))/upper(encode(\1, 'hex'))/g")
if [ "$(psql -Atq "$PGURL" -c "$QP")" = "$(sqlite3 s.db "$Q")" ]; then
    echo "[PASS] postgresql: polc run stores the bytes SQLite stores"
else
    echo "[FAIL] postgresql: polc run stores the bytes SQLite stores"; rc=1
fi
"$POLC" run "$PANJI" --labels names --claims "$EX/claims.csv" --persons "$EX/persons.csv" --ledger "$PGURL" \
    --out pg2.csv -q 2>/dev/null
n=$(grep -c ',already settled$' pg2.csv)
if [ "$n" = 46 ]; then echo "[PASS] postgresql: a re-run: 46 already settled"; else
    echo "[FAIL] postgresql: a re-run: 46 already settled: $n"; rc=1; fi
cd "$ROOT" || exit 2

for t in serve kill reload tls small late layout keep pglock; do
    sh "tests/serve/$t.sh" | sed 's/^\[\(PASS\|FAIL\)\] /[\1] postgresql: /'
done

# two services on one ledger, the example's claims sent to each in turn (a person's claims
# alternate between them): the answers and the ledger of one polc run
cd "$TOP" || exit 2
psql -Atq "$SERVE_PG/postgres" -c "CREATE DATABASE two" >/dev/null
start() { # start LOG DB: a service on database DB, its port in PORT, its pid in PIDS
    : >"$1"
    "$POLC" serve "$PANJI" --ledger "$SERVE_PG/$2" --listen 127.0.0.1:0 2>"$1" &
    PIDS="${PIDS:-} $!"
    PORT=""
    for i in $(seq 1 100); do
        PORT=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$1")
        [ -n "$PORT" ] && break
        sleep 0.1
    done
}
as_csv() { # the answers in answers.jsonl as polc run's results: claim_id, outputs, status
    echo "claim_id,$(jq -r '[.outputs[].name] | join(",")' pol.json),status"
    jq -r --slurpfile pol pol.json '[.claim_id] + [.outputs[$pol[0].outputs[].name] // ""]
        + [.status] | map(if test("[,\"]") then "\"" + . + "\"" else . end) | join(",")' \
        answers.jsonl
}
same_rows() { # same_rows DB WHAT: DB's ledger rows are those of polc run's SQLite ledger
    R="SELECT person_id, ledger, key, hex(vals) FROM ledger_rows ORDER BY 1, 2, 3"
    RP=$(echo "$R" | sed "s/hex(\([a-z_]*\))/upper(encode(\1, 'hex'))/g")
    if [ "$(psql -Atq "$SERVE_PG/$1" -c "$RP")" = "$(sqlite3 s.db "$R")" ]; then
        echo "[PASS] postgresql: $2: polc run's ledger rows"
    else
        echo "[FAIL] postgresql: $2: polc run's ledger rows"; rc=1
    fi
}
start log.a two
PA=$PORT
start log.b two
PB=$PORT
curl -s "http://127.0.0.1:$PA/v1/policy" >pol.json
jq -n -c --slurpfile pol pol.json --rawfile persons "$EX/persons.csv" \
    --rawfile claims "$EX/claims.csv" -f "$ROOT/tests/serve/requests.jq" >requests.jsonl
i=0
while IFS= read -r line; do
    port=$PA
    [ $((i % 2)) = 1 ] && port=$PB
    i=$((i + 1))
    printf '%s' "$line" | curl -s --data-binary @- "http://127.0.0.1:$port/v1/settle"
    echo
done <requests.jsonl >answers.jsonl
as_csv >two.csv
if cmp -s two.csv s.csv; then echo "[PASS] postgresql: two services, one ledger: polc run's answers"
else echo "[FAIL] postgresql: two services, one ledger: polc run's answers: $(diff s.csv two.csv | head -3)"; rc=1; fi
same_rows two "two services, one ledger"
for p in $PIDS; do kill -TERM $p; wait $p; done

# A statement that fails in a transaction's pipeline (runtime/ledger.c pg_send) fails the
# whole group, COMMIT included: the claim's record, queued before the failing row write, is
# not kept, and the claim settles once the cause is gone. A CHECK added NOT VALID refuses
# new row versions only: Z003's rows (its person's year) at the commit, then Z005's own
# claim record, queued with its settlement. Every other claim is posted once, in order: the
# answers and the ledger must be one polc run's.
psql -Atq "$SERVE_PG/postgres" -c "CREATE DATABASE fail" >/dev/null
PIDS=""
start log.f fail
post() { # post LINE: the HTTP status of its answer; the answer in ans.json
    printf '%s' "$1" | curl -s -o ans.json -w '%{http_code}' --data-binary @- \
        "http://127.0.0.1:$PORT/v1/settle"
}
refused() { # refused CLAIM WHAT LINE: 503 naming no person (PostgreSQL's DETAIL quotes the
    # failing row), nothing of the claim stored
    code=$(post "$3")
    n=$(psql -Atq "$SERVE_PG/fail" -c "SELECT count(*) FROM settled_claims WHERE claim_id = '$1'")
    pid=$(printf '%s' "$3" | jq -r .person.person_id)
    if [ "$code" = 503 ] && [ "$n" = 0 ] && ! grep -q "$pid" ans.json; then
        echo "[PASS] postgresql: $2 fails in the pipeline: 503, $1 not stored" >&3
    else
        echo "[FAIL] postgresql: $2 fails in the pipeline: 503, $1 not stored: $code, $n stored, $(cat ans.json)" >&3
        rc=1
    fi
}
exec 3>&1
i=0
while IFS= read -r line; do
    i=$((i + 1))
    case $i in
    3)
        psql -Atq "$SERVE_PG/fail" -c "ALTER TABLE ledger_rows ADD CONSTRAINT stop CHECK (key < 0) NOT VALID"
        refused Z003 "a ledger row" "$line"
        psql -Atq "$SERVE_PG/fail" -c "ALTER TABLE ledger_rows DROP CONSTRAINT stop" ;;
    5)
        psql -Atq "$SERVE_PG/fail" -c "ALTER TABLE settled_claims ADD CONSTRAINT stop CHECK (claim_id <> 'Z005') NOT VALID"
        refused Z005 "a claim record" "$line"
        psql -Atq "$SERVE_PG/fail" -c "ALTER TABLE settled_claims DROP CONSTRAINT stop" ;;
    esac
    post "$line" >/dev/null
    cat ans.json
    echo
done <requests.jsonl >answers.jsonl
as_csv >fail.csv
if cmp -s fail.csv s.csv; then echo "[PASS] postgresql: after the failures: polc run's answers"
else echo "[FAIL] postgresql: after the failures: polc run's answers: $(diff s.csv fail.csv | head -3)"; rc=1; fi
same_rows fail "after the failures"
for p in $PIDS; do kill -TERM $p; wait $p; done
exit $rc
