#!/bin/sh
# Regression: a ledger transaction's time (settled_at of its claims, `at` of its audit rows:
# spec/DATA.md) was read before the writers' lock was taken (SQLite's BEGIN IMMEDIATE,
# PostgreSQL's advisory lock), so a writer that waited for another process's commit stamped
# its rows earlier than that commit's, and `polc ledger history`, in time order, listed
# them before the rows they followed: two polc runs of late claims on one SQLite ledger gave
# a history whose adjustments' old values were not the previous new ones (632 such breaks
# in 146,228 rows). The time is now read once the lock is held.
# Shown deterministically with polc serve: another process holds the writers' lock 2 s,
# stamps the time it lets go, and a late claim sent meanwhile waits for it: the claim's
# settled_at and its adjustment's `at` are at or after that time (they were ~1.7 s before).
# On SQLite (the sqlite3 shell holds the lock) and on PostgreSQL (tests/serve/pg.sh; psql
# holds the advisory lock), each skipped with a note when its tools are missing.
# cap.pol: pays = min(total, pos(1000 yuan - the year's paid)).
# Env: POLC (default build/polc).
. "$(dirname "$0")/../serve/lib.sh"
. "$ROOT/tests/serve/pg.sh"
trap '[ -n "$SPID" ] && kill -9 $SPID 2>/dev/null; pg_stop; rm -rf "$WORK"' EXIT
P=$ROOT/tests/serve/cap.pol
LOCK=1886350435 # runtime/ledger.c PG_LOCK_KEY

# held LEDGER: 0 when another process holds the writers' lock
held() {
    case $1 in
    postgres*)
        [ "$(psql -Atq "$1" -c "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND
            objid = $LOCK AND granted")" = 1 ] ;;
    *) ! sqlite3 "$1" "BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1 ;;
    esac
}
# settle ID DATE: the answer's pays
settle() {
    curl -s -X POST -H 'Content-Type: application/json' --data-binary \
        "{\"claim\":{\"claim_id\":\"$1\",\"person_id\":\"P\",\"discharged\":\"$2\",\"total\":\"600\"}}" \
        "$URL/v1/settle" | sed -n 's/.*"pays":"\([0-9.]*\)".*/\1/p'
}

tx_time() { # $1 backend name, $2 ledger
    B=$1
    L=$2
    serve serve.log "$P" --ledger "$L" || { bad "$B: the service starts" "$(cat serve.log)"; return; }
    # B of May pays 600 of the year's 1,000
    [ "$(settle B 2020-05-01)" = 600.00 ] || bad "$B: B settles" "$(cat serve.log)"

    # the lock held 2 s by another process, which prints the time it lets go
    case $L in
    postgres*)
        { echo "SELECT pg_advisory_lock($LOCK);"; sleep 2
          echo "SELECT 'released ' || to_char(clock_timestamp() AT TIME ZONE 'UTC',
                'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'); SELECT pg_advisory_unlock($LOCK);"
        } | psql -Atq "$L" >holder.out 2>&1 &
        ;;
    *)
        { echo ".timeout 5000"; echo "BEGIN IMMEDIATE;"; sleep 2
          echo "SELECT 'released ' || strftime('%Y-%m-%dT%H:%M:%fZ', 'now'); COMMIT;"
        } | sqlite3 "$L" >holder.out 2>&1 &
        ;;
    esac
    holder=$!
    i=0
    until held "$L" || [ $i -ge 50 ]; do
        sleep 0.05
        i=$((i + 1))
    done
    # A of March, late: it waits for the lock, pays 600, and B is settled again after it:
    # 1000 - 600 = 400 (an adjustment of B's pays, 600.00 to 400.00)
    got=$(settle A 2020-03-01)
    wait $holder
    rel=$(sed -n 's/^released //p' holder.out)
    at=$(sql "$L" "SELECT settled_at FROM settled_claims WHERE claim_id = 'A'")
    adj=$(sql "$L" "SELECT at || ' ' || old_value || ' ' || new_value FROM ledger_audit WHERE
        event = 'adjust' AND claim_id = 'B'")
    # (the times are of one format: in text order, the earlier first)
    first=$(printf '%s\n%s\n' "$rel" "$at" | LC_ALL=C sort | head -n 1)
    if [ "$got" = 600.00 ] && [ -n "$rel" ] && [ -n "$at" ] && [ "$first" = "$rel" ] &&
        [ "$adj" = "$at 60000 40000" ]; then
        ok "$B: a claim that waited for another writer's lock: stamped after that commit"
    else
        bad "$B: a claim that waited for another writer's lock" \
            "pays $got, lock let go at $rel, settled_at $at, adjustment '$adj': $(cat holder.out)"
    fi
    stop
}

if command -v sqlite3 >/dev/null 2>&1; then tx_time sqlite s.db
else echo "note: no sqlite3 shell: the SQLite half skipped"; fi
if command -v psql >/dev/null 2>&1 && pg_start "$WORK/pg"; then tx_time postgresql "$PGURL"
else echo "note: PostgreSQL 15 not found ($PGBIN): the PostgreSQL half skipped"; fi
finish
