#!/bin/sh
# Regression: `polc ledger erase` on an SQLite ledger that a `polc serve` holds open left the
# erased person's rows in the file and its write-ahead log: secure_delete zeroes the pages the
# erasure frees, but the log's earlier frames (the commits that wrote the rows) stay until
# the log starts again and overwrites them, which a service writing little takes months to
# do, and the file keeps its old pages until a checkpoint copies the new ones. The last
# connection's close removes the log, so the ledger_history.sh check (no other process) never
# saw it. Now the erasure's commit is followed by a checkpoint that copies the log into the
# file and empties it (spec/DATA.md "Ledger files"). A reader that keeps the log in use past
# 10 s makes that checkpoint fail: exit 4, the erasure committed, and a message that says so.
# Env: POLC (default build/polc).
. "$(dirname "$0")/../serve/lib.sh"
P=$ROOT/tests/serve/cap.pol # pays = min(total, pos(1000 yuan - the year's paid))

serve serve.log "$P" --ledger s.db || { bad "the service starts" "$(cat serve.log)"; finish; }
# settle ID PERSON DATE TOTAL: the answer's pays
settle() {
    curl -s -X POST -H 'Content-Type: application/json' --data-binary \
        "{\"claim\":{\"claim_id\":\"$1\",\"person_id\":\"$2\",\"discharged\":\"$3\",\"total\":\"$4\"}}" \
        "$URL/v1/settle" | sed -n 's/.*"pays":"\([0-9.]*\)".*/\1/p'
}
# how many times the erased person's id is in the ledger's files
copies() { cat s.db s.db-wal 2>/dev/null | grep -a -o ERASEDPERSON77 | wc -l; }

# 600 each: the first claims of their person-years
got="$(settle A ERASEDPERSON77 2020-03-01 600) $(settle B OTHER 2020-03-01 600)"
[ "$got" = "600.00 600.00" ] || bad "two claims settled" "pays $got"
[ "$(copies)" -gt 0 ] || bad "the person's rows are in the files before the erasure" "none"

"$POLC" ledger erase "$P" --ledger s.db --person ERASEDPERSON77 2>erase.err
rc=$?
n=$(copies)
if [ $rc = 0 ] && [ "$n" = 0 ]; then
    ok "erase beside a service holding the ledger: no copy of the person in the file or its log"
else
    bad "erase beside a service holding the ledger" "exit $rc, $n copies left: $(cat erase.err)"
fi
# the service goes on on the emptied log: the person starts afresh (300 of an empty year),
# OTHER's year goes on from its 600 (1000 - 600 = 400 of 600)
got="$(settle C ERASEDPERSON77 2020-04-01 300) $(settle D OTHER 2020-04-01 600)"
[ "$got" = "300.00 400.00" ] && ok "the service settles on after the erasure: 300.00, 400.00" ||
    bad "the service settles on after the erasure" "pays $got"
stop
"$POLC" ledger export "$P" --ledger s.db >e.csv 2>err
want='person_id,ledger,year,paid
ERASEDPERSON77,annual,2020,300.00
OTHER,annual,2020,1000.00'
[ "$(cat e.csv)" = "$want" ] && ok "the ledger: the person's new row alone, OTHER's 1,000.00" ||
    bad "the ledger after the erasure" "$(cat e.csv err)"

# a reader in a transaction keeps the log in use: the checkpoint waits 10 s, then exit 4 and
# the erasure stays committed
if command -v sqlite3 >/dev/null 2>&1; then
    { echo "BEGIN; SELECT count(*) FROM meta;"; sleep 13; echo "COMMIT;"; } | sqlite3 s.db \
        >/dev/null 2>&1 &
    hold=$!
    sleep 0.5
    "$POLC" ledger erase "$P" --ledger s.db --person OTHER 2>erase2.err
    rc=$?
    wait $hold
    left=$("$POLC" ledger export "$P" --ledger s.db 2>&1 | grep -c OTHER)
    if [ $rc = 4 ] && [ "$left" = 0 ] && grep -q "^polc: s.db-wal: the erasure is committed, but \
the ledger's log still holds copies of the erased rows: another process kept reading or \
writing the ledger past 10 s; they go when the last process using the ledger closes it$" \
        erase2.err; then
        ok "a reader holding the log: exit 4, the erasure committed, said so"
    else
        bad "a reader holding the log" "exit $rc, OTHER in $left rows: $(cat erase2.err)"
    fi
else
    echo "note: no sqlite3 shell: the case of a reader holding the log skipped"
fi
finish
