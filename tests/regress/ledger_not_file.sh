#!/bin/sh
# Regression: a --ledger that names a directory or a FIFO. SQLite was handed the name and
# answered `d: disk I/O error` or `d: unable to open database file` (naming no real cause),
# and on a FIFO `polc ledger export` (and every read-only opening) waited forever for a writer.
# Every command that opens a ledger now refuses anything but a regular file before SQLite sees
# it, exit 4 as any unusable ledger: `cannot open ledger d: not a regular file (a directory)`.
# Env: POLC (default build/polc).
. "$(dirname "$0")/../runtime/lib.sh"
work ledger-not-file

cp "$ROOT/tests/regress/annual_paid.pol" v.pol
printf 'claim_id,person_id,d,cost\nc1,p1,2017-05-02,100\n' >c.csv
printf 'person_id,ledger,year,paid\np1,annual,2017,10\n' >open.csv
mkdir d
mkfifo f

# $1 the ledger; the rest: the command after polc, with L for the ledger
refused() {
    l=$1
    shift
    set -- $(echo "$@" | sed "s|L|$l|")
    timeout 20 "$POLC" "$@" >out 2>err
    rc=$?
    what=$(case $l in d) echo "a directory" ;; f) echo "a pipe" ;; esac)
    cmd=$1
    [ "$1" = ledger ] && cmd="$1 $2"
    want="polc: cannot open ledger $l: not a regular file ($what)"
    if [ $rc = 4 ] && [ "$(cat err)" = "$want" ]; then
        ok "$cmd --ledger $what: exit 4, '$want'"
    else
        bad "$cmd --ledger $what" "exit $rc: $(head -c 300 err)"
    fi
}
for l in d f; do
    refused $l run v.pol --claims c.csv --ledger L -q -o r.csv
    refused $l explain v.pol --claims c.csv --ledger L --claim c1
    refused $l ledger import v.pol --ledger L open.csv
    refused $l ledger export v.pol --ledger L
    refused $l ledger history v.pol --ledger L
    refused $l ledger erase v.pol --ledger L --person p1
done
[ -d d ] && [ -z "$(ls d)" ] && [ -p f ] && ok "the directory and the FIFO as they were" ||
    bad "left behind" "$(ls -la d f)"
finish
