#!/bin/sh
# tests/serve/postgresql.sh — the service's tests on a PostgreSQL ledger: a real PostgreSQL 15
# (tests/serve/pg.sh: initdb and pg_ctl on a temporary directory and a loopback port, as the
# postgres user), then the service's tests (serve, kill, reload, tls, small, late) with SERVE_PG
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

for t in serve kill reload tls small late; do
    sh "tests/serve/$t.sh" | sed 's/^\[\(PASS\|FAIL\)\] /[\1] postgresql: /'
done

# two services on one ledger, the example's claims sent to each in turn (a person's claims
# alternate between them): the answers and the ledger of one polc run
cd "$TOP" || exit 2
psql -Atq "$SERVE_PG/postgres" -c "CREATE DATABASE two" >/dev/null
start() { # start LOG: the port in PORT, the pid in PIDS
    : >"$1"
    "$POLC" serve "$PANJI" --ledger "$SERVE_PG/two" --listen 127.0.0.1:0 2>"$1" &
    PIDS="${PIDS:-} $!"
    PORT=""
    for i in $(seq 1 100); do
        PORT=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$1")
        [ -n "$PORT" ] && break
        sleep 0.1
    done
}
start log.a
PA=$PORT
start log.b
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
{
    echo "claim_id,$(jq -r '[.outputs[].name] | join(",")' pol.json),status"
    jq -r --slurpfile pol pol.json '[.claim_id] + [.outputs[$pol[0].outputs[].name] // ""]
        + [.status] | map(if test("[,\"]") then "\"" + . + "\"" else . end) | join(",")' \
        answers.jsonl
} >two.csv
if cmp -s two.csv s.csv; then echo "[PASS] postgresql: two services, one ledger: polc run's answers"
else echo "[FAIL] postgresql: two services, one ledger: polc run's answers: $(diff s.csv two.csv | head -3)"; rc=1; fi
R="SELECT person_id, ledger, key, hex(vals) FROM ledger_rows ORDER BY 1, 2, 3"
RP=$(echo "$R" | sed "s/hex(\([a-z_]*\))/upper(encode(\1, 'hex'))/g")
if [ "$(psql -Atq "$SERVE_PG/two" -c "$RP")" = "$(sqlite3 s.db "$R")" ]; then
    echo "[PASS] postgresql: two services, one ledger: polc run's ledger rows"
else
    echo "[FAIL] postgresql: two services, one ledger: polc run's ledger rows"; rc=1
fi
for p in $PIDS; do kill -TERM $p; wait $p; done
exit $rc
