#!/bin/sh
# bench/serve.sh — polc serve under wrk (bench/serve.lua): single-claim POSTs of a `polc gen`
# population to /v1/settle on 32 connections, the SQLite ledger (durable: answered after
# commit), a PostgreSQL ledger (a server started for the run: tests/serve/pg.sh), then the
# ledger in memory. Prints claims/s and p50/p99/p99.9 latency per run, and the service's CPU
# (user + system, all threads) and bytes written to disk a request while wrk ran, from /proc:
# the two that a busy machine does not bend, so SQLite's part of a claim shows against the
# memory run's (bench/README.md keeps the figures). Needs wrk and jq (make deps).
#
#   sh bench/serve.sh        env: POLC (build/polc), SERVE_PERSONS (120000: ~390,000
#                                 claims, so a run at 25,000/s sends none twice), SERVE_SECONDS (10),
#                                 SERVE_CONNECTIONS (32), SERVE_THREADS (2, wrk's),
#                                 SERVE_ARGS (more options of polc serve: -j 1),
#                                 SERVE_LEDGERS (which runs: "sqlite postgresql memory reload")
#
# reload: the SQLite run again on a copy of Panji that is saved half way through with a new
# dated version of the backstop cap (tests/serve/reload.sh's edit): inotify picks it up, and
# the line says wrk's answers other than 200 and the service's log "reload: reloaded in C ms,
# S ms after the save" (the -O0 engine swapped in; the -O2 one follows).
set -u
cd "$(dirname "$0")/.." || exit 2
ROOT=$(pwd)
POLC=${POLC:-build/polc}
case $POLC in /*) ;; */*) POLC=$ROOT/$POLC ;; esac
PERSONS=${SERVE_PERSONS:-120000}
SECONDS_=${SERVE_SECONDS:-10}
CONN=${SERVE_CONNECTIONS:-32}
SERVE_THREADS=${SERVE_THREADS:-2}
export SERVE_THREADS
SERVE_ARGS=${SERVE_ARGS:-}
LEDGERS=${SERVE_LEDGERS:-sqlite postgresql memory reload}
for t in wrk jq; do
    command -v $t >/dev/null || { echo "serve.sh: $t is missing (make deps)" >&2; exit 2; }
done
WORK=$(mktemp -d "${TMPDIR:-/tmp}/polc-bench-serve.XXXXXX") || exit 2
SPID=""
. "$ROOT/tests/serve/pg.sh"
trap '[ -n "$SPID" ] && kill $SPID 2>/dev/null; pg_stop; rm -rf "$WORK"' EXIT
PANJI=$ROOT/policies/anhui/panji-2017.pol
SERVED=$PANJI # the policy the service runs

"$POLC" gen --persons "$PERSONS" --seed 1 --out "$WORK/pop" >/dev/null 2>&1 || exit 2

start() { # start LOG ARGS...
    log=$1
    shift
    : >"$log"
    # shellcheck disable=SC2086 # SERVE_ARGS: several words
    "$POLC" serve "$SERVED" --listen 127.0.0.1:0 $SERVE_ARGS "$@" 2>"$log" &
    SPID=$!
    PORT=""
    while [ -z "$PORT" ] && kill -0 $SPID 2>/dev/null; do
        sleep 0.1
        PORT=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$log")
    done
}

TICKS=$(getconf CLK_TCK)
# the process's CPU time so far, in clock ticks (utime + stime of /proc/PID/stat: fields 14
# and 15, counted after the command's name, which may hold spaces)
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
# bytes the process caused to be written to the disk so far
written() { sed -n 's/^write_bytes: //p' "/proc/$1/io"; }

run() { # run NAME SERVE-ARGS...
    name=$1
    shift
    start "$WORK/log.$name" "$@"
    [ -n "$PORT" ] || { echo "serve.sh: polc serve did not start" >&2; cat "$WORK/log.$name"; exit 2; }
    if [ ! -s "$WORK/requests.jsonl" ]; then
        curl -s "http://127.0.0.1:$PORT/v1/policy" >"$WORK/pol.json"
        jq -n -c --slurpfile pol "$WORK/pol.json" --rawfile persons "$WORK/pop/persons.csv" \
            --rawfile claims "$WORK/pop/claims.csv" --arg order date \
            -f "$ROOT/tests/serve/requests.jq" \
            >"$WORK/requests.jsonl"
        echo "$(wc -l <"$WORK/requests.jsonl") claims of $PERSONS persons"
    fi
    printf '%-28s ' "$name:"
    cpu0=$(cpu_ticks $SPID)
    wb0=$(written $SPID)
    out=$(SERVE_REQUESTS=$WORK/requests.jsonl wrk -t"$SERVE_THREADS" -c"$CONN" -d"${SECONDS_}s" \
        -s "$ROOT/bench/serve.lua" "http://127.0.0.1:$PORT/v1/settle" | tail -1)
    cpu1=$(cpu_ticks $SPID)
    wb1=$(written $SPID)
    # past the last line the claims go again and answer "already settled": cheaper, so said
    sent=$(echo "$out" | sed -n 's/.*requests \([0-9]*\).*/\1/p')
    lines=$(wc -l <"$WORK/requests.jsonl")
    if [ "${sent:-0}" -gt "$lines" ]; then
        echo "$out  ($((sent - lines)) sent again: more SERVE_PERSONS or fewer SERVE_SECONDS)"
    else
        echo "$out"
    fi
    if [ "${sent:-0}" -gt 0 ]; then
        printf '%-28s CPU %d us a request, %d bytes written a request\n' "" \
            $(((cpu1 - cpu0) * 1000000 / TICKS / sent)) $(((wb1 - wb0) / sent))
    fi
    kill $SPID
    wait $SPID
    SPID=""
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for l in $LEDGERS; do
    case $l in
    sqlite) run "SQLite ledger, durable" --ledger "$WORK/ledger.db" ;;
    postgresql)
        if [ -n "${PGURL:-}" ] || pg_start "$WORK/pg"; then
            psql -Atq "$PGURL" -c "DROP TABLE IF EXISTS meta, ledger_rows, settled_claims" \
                >/dev/null 2>&1
            run "PostgreSQL ledger" --ledger "$PGURL"
        else
            echo "PostgreSQL ledger:           not run (no PostgreSQL 15: make deps)"
        fi ;;
    memory) # the late claims it refuses counted apart (bench/serve.lua)
        SERVE_LATE=1 && export SERVE_LATE
        run "ledger in memory"
        unset SERVE_LATE ;;
    reload)
        mkdir -p "$WORK/pol"
        cp "$PANJI" "$WORK/pol/panji.pol"
        SERVED=$WORK/pol/panji.pol
        # 4,000 yuan from 2018 in county and township hospitals (as tests/serve/reload.sh)
        sed '/^param backstop_cap\[Level\]/{n;n;s/$/\n  from 2018-01-01: township 0.4 万元, county 0.4 万元, city 0.5 万元, province 1 万元,\n                   out_of_province 1 万元/}' \
            "$PANJI" >"$WORK/new.pol"
        cmp -s "$PANJI" "$WORK/new.pol" && { echo "serve.sh: the edit did nothing" >&2; exit 2; }
        (
            sleep $((SECONDS_ / 2))
            cp "$WORK/new.pol" "$WORK/pol/.panji.pol.tmp" && mv "$WORK/pol/.panji.pol.tmp" "$SERVED"
        ) &
        saver=$!
        run "SQLite, saved half way" --ledger "$WORK/ledger.db"
        wait $saver
        printf '%-28s %s\n' "" "$(grep -o 'reload: .*' "$WORK/log.SQLite, saved half way" |
            tr '\n' ';' | sed 's/;$//; s/;/; /g')"
        SERVED=$PANJI ;;
    *) echo "serve.sh: SERVE_LEDGERS: $l is none of sqlite, postgresql, memory, reload" >&2; exit 2 ;;
    esac
    rm -f "$WORK/ledger.db" "$WORK/ledger.db-wal" "$WORK/ledger.db-shm"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
