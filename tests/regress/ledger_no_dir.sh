#!/bin/sh
# Regression: a --ledger in a directory that does not exist (a typo in the path, a volume not
# mounted) was refused as SQLite words it, `polc: serve: /srv/polc/x.db: unable to open
# database file`, naming no cause. polc run, polc serve and polc ledger import, which create
# a ledger that is missing, now say why it cannot be made (exit 4, as a ledger that cannot
# be opened): `cannot create ledger d/x.db: No such file or directory`.
# Env: POLC (default build/polc).
. "$(dirname "$0")/../runtime/lib.sh"
work ledger-no-dir

cat >v.pol <<'POL'
policy "v" valid from 2017-04-07 dated by claim.d
claim { d: date  cost: money }
ledger annual per person per year of claim.d {
  paid: money += claim.cost
}
rule pay: money = claim.cost
output pay
POL
printf 'claim_id,person_id,d,cost\nc1,p1,2017-05-02,100\n' >c.csv
printf 'person_id,ledger,year,paid\np1,annual,2017,10\n' >open.csv
touch plain

# $1 the ledger, $2 the cause; the rest: the command after polc, with L for the ledger
refused() {
    l=$1 why=$2
    shift 2
    set -- $(echo "$@" | sed "s|L|$l|")
    timeout 20 "$POLC" "$@" >out 2>err
    rc=$?
    cmd=$1
    [ "$1" = ledger ] && cmd="$1 $2"
    want="cannot create ledger $l: $why"
    case $(cat err) in
    "polc: $want" | "polc: serve: $want") ok "$cmd --ledger $l: exit 4, '$want'" ;;
    *) bad "$cmd --ledger $l" "exit $rc: $(head -c 300 err)" ;;
    esac
    [ $rc = 4 ] || bad "$cmd --ledger $l: exit 4" "exit $rc"
}
for case_ in "no/x.db No such file or directory" "plain/x.db Not a directory"; do
    db=${case_%% *} cause=${case_#* }
    refused $db "$cause" run v.pol --claims c.csv --ledger L -q -o r.csv
    refused $db "$cause" ledger import v.pol --ledger L open.csv
    refused $db "$cause" serve v.pol --ledger L --listen 127.0.0.1:0
done
[ ! -e no ] && [ -f plain ] && [ ! -e r.csv ] && ok "nothing made" || bad "left behind" "$(ls)"
finish
