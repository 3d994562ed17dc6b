# tests/serve/pg.sh — sourced: a real PostgreSQL for a test (never a mock), started on a
# temporary directory and a free loopback port as the postgres user (PostgreSQL refuses to
# run as root, and CI runs as root), stopped at exit. Sets PGURL, or PGURL="" when there is
# no PostgreSQL 15 (the caller skips).
#   pg_start DIR; pg_stop
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
pg_start() {
    PGURL=""
    PGDIR=$1
    [ -x "$PGBIN/initdb" ] || return 1
    mkdir -p "$PGDIR"
    if [ "$(id -u)" = 0 ]; then
        chown postgres "$PGDIR"
        chmod 755 "$(dirname "$PGDIR")"
        AS="runuser -u postgres --"
    else
        AS=""
    fi
    $AS "$PGBIN/initdb" -D "$PGDIR/data" -U postgres -A trust --locale=C -E UTF8 \
        >"$PGDIR/initdb.log" 2>&1 || return 1
    # A random port; another test (or a service) may hold it, so a refused bind tries the next.
    tries=0
    while :; do
        PGPORT=$(( (($$ + $(date +%N | sed 's/^0*//')0) % 20000) + 30000 ))
        $AS "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w -t 30 \
            -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=on" start \
            >/dev/null 2>&1 && break
        tries=$((tries + 1))
        grep -q 'Address already in use' "$PGDIR/log" 2>/dev/null && [ $tries -lt 8 ] || return 1
        $AS sh -c ": >'$PGDIR/log'"
    done
    $AS "$PGBIN/createdb" -h 127.0.0.1 -p $PGPORT -U postgres polc >/dev/null 2>&1 || return 1
    PGURL=postgresql://postgres@127.0.0.1:$PGPORT/polc
}
pg_stop() {
    [ -n "${PGDIR:-}" ] && [ -d "$PGDIR/data" ] &&
        $AS "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast -w stop >/dev/null 2>&1
}
