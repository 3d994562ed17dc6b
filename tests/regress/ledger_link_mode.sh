#!/bin/sh
# Regression: an SQLite ledger created through a symbolic link not yet pointing at a file
# (`--ledger link.db`, link.db -> real.db) was made 0644: polc's 0600 create (O_EXCL, which
# never follows a link) said EEXIST, and SQLite, which follows the link, made real.db with
# its own mode. The ledger holds personal data (spec/PRIVACY.md): polc now makes the file the
# link names 0600 (through a link to a link too), and a link into a folder that does not
# exist is refused naming both, exit 4, as ledger_no_dir.sh's ledgers are.
# Env: POLC (default build/polc).
. "$(dirname "$0")/../runtime/lib.sh"
work ledger-link-mode

cp "$ROOT/tests/regress/annual_paid.pol" v.pol
printf 'claim_id,person_id,d,cost\nc1,p1,2017-05-02,100\n' >c.csv
printf 'person_id,ledger,year,paid\np1,annual,2017,10\n' >open.csv
mkdir d
ln -s real.db run.db           # run makes real.db
ln -s d/imp.db imp.db          # ledger import makes d/imp.db
ln -s ../d/chain.db d/hop      # a link to a link: run makes d/chain.db
ln -s d/hop chain.db
umask 022

"$POLC" run v.pol --claims c.csv --ledger run.db -q -o r.csv 2>err1
rc1=$?
"$POLC" ledger import v.pol --ledger imp.db open.csv 2>err2
rc2=$?
"$POLC" run v.pol --claims c.csv --ledger chain.db -q -o r2.csv 2>err3
rc3=$?
modes="$(stat -c %a real.db) $(stat -c %a d/imp.db) $(stat -c %a d/chain.db)"
if [ "$rc1 $rc2 $rc3" = "0 0 0" ] && [ "$modes" = "600 600 600" ] && [ -L run.db ]; then
    ok "ledgers made through links (run, import, a link to a link): 0600, the links kept"
else bad "ledgers made through links" "rc $rc1 $rc2 $rc3, modes $modes: $(cat err1 err2 err3)"; fi
# settled in the file the link names: the claim there once
if [ "$(sqlite3 real.db 'SELECT claim_id FROM settled_claims')" = c1 ]; then
    ok "the claim settled in real.db"
else bad "the claim settled in real.db" "$(sqlite3 real.db 'SELECT * FROM settled_claims')"; fi

# a link into a folder that does not exist: refused, naming the link and what it names
ln -s no/real.db nodir.db
"$POLC" run v.pol --claims c.csv --ledger nodir.db -q -o r3.csv 2>err4
rc=$?
want="polc: cannot create ledger nodir.db (a symbolic link to no/real.db): No such file or directory"
if [ $rc = 4 ] && [ "$(cat err4)" = "$want" ] && [ ! -e no ] && [ ! -e r3.csv ]; then
    ok "a link into a missing folder: exit 4, '$want'"
else bad "a link into a missing folder" "exit $rc: $(cat err4)"; fi
# a link loop: refused, not followed for ever
ln -s loop2.db loop1.db
ln -s loop1.db loop2.db
"$POLC" run v.pol --claims c.csv --ledger loop1.db -q -o r4.csv 2>err5
rc=$?
want="polc: cannot create ledger loop1.db: Too many levels of symbolic links"
if [ $rc = 4 ] && [ "$(cat err5)" = "$want" ]; then ok "a link loop: exit 4, '$want'"
else bad "a link loop" "exit $rc: $(cat err5)"; fi
finish
