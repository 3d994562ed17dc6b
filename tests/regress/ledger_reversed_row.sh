#!/bin/sh
# Regression (review10, leftover11): a person-year whose claims were all reversed kept an
# all-zero row in the ledger's store, a row a run without those claims never makes: `ledger
# export` printed it (p2,annual,2017,0.00,0), and imported, it made an opening balance of
# nothing. Export now leaves a row of zeros out (an earlier polc's file still holds such rows:
# one is put in with the sqlite3 shell below), and the store keeps none: such a
# row (every field 0, no claim that wrote it) is now deleted at commit, on SQLite and on
# PostgreSQL (a real one, tests/serve/pg.sh; skipped with a note when it is not installed):
# after reversing p2's c2 and c3 and p1's c4, the stored rows are exactly those of a run of
# c1 alone: p1's 2017 row, paid 100.00 yuan (10,000 fen) in 1 visit, its latest claim c1's
# date. A reversal that leaves a row with something in it (p1's c4) keeps it. A claim of p2
# settled afterwards makes the row again: c5 pays 25.00, the row 25.00 in 1 visit.
# Env: POLC (default build/polc).
. "$(dirname "$0")/../runtime/lib.sh"
. "$ROOT/tests/serve/pg.sh"
work ledger-reversed-row
CLEANUP=pg_stop

cat >z.pol <<'POL'
policy "z" valid from 2017-01-01 dated by claim.d
claim { d: date  cost: money }
person { birth: date }
ledger annual per person per year of claim.d {
  paid: money += pay
  visits: int += 1
}
rule pay: money = claim.cost
output pay
POL
printf 'person_id,birth\np1,1950-01-01\np2,1960-01-01\n' >p.csv
printf 'claim_id,person_id,d,cost\nc1,p1,2017-05-02,100\nc4,p1,2017-07-01,30\nc2,p2,2017-05-03,40\nc3,p2,2017-06-01,60\n' >all.csv
printf 'claim_id,person_id,d,cost\nc1,p1,2017-05-02,100\n' >clean.csv
printf 'claim_id,person_id\nc4,p1\nc2,p2\nc3,p2\n' >rev.csv
printf 'claim_id,person_id,d,cost\nc5,p2,2017-09-01,25\n' >again.csv

# the stored rows of a ledger (SQLite's or PostgreSQL's, whose bytes read as SQLite's hex())
rows() {
    q="SELECT person_id, ledger, key, hex(vals), last_date FROM ledger_rows ORDER BY 1, 2, 3"
    case $1 in
    postgres*) psql -Atq "$1" -c "$(echo "$q" | sed "s/hex(vals)/upper(encode(vals, 'hex'))/")" ;;
    *) sqlite3 "$1" "$q" ;;
    esac
}

# check NAME REVERSED CLEAN: the reversal on REVERSED, c1 alone on CLEAN
check() {
    name=$1 r=$2 c=$3
    if ! { "$POLC" run z.pol --claims all.csv --persons p.csv --ledger "$r" -q >/dev/null &&
        "$POLC" run z.pol --reverse rev.csv --persons p.csv --ledger "$r" -q >/dev/null &&
        "$POLC" run z.pol --claims clean.csv --persons p.csv --ledger "$c" -q >/dev/null; } 2>err
    then
        bad "reversed row ($name): a step failed" "$(cat err)"
        return
    fi
    rows "$r" >r.rows
    rows "$c" >c.rows
    # p1's row alone: paid 10,000 fen and visits 1 as the layout's varints, dated 2017-05-02
    if cmp -s r.rows c.rows && [ "$(cut -d'|' -f1-3 r.rows)" = "p1|annual|2017" ] &&
        [ "$("$POLC" ledger export z.pol --ledger "$r" --out - 2>&1)" = "person_id,ledger,year,paid,visits
p1,annual,2017,100.00,1" ]; then
        ok "reversed row ($name): the stored rows are a clean run's (p1 100.00, 1 visit; no p2)"
    else
        bad "reversed row ($name)" "reversed: $(cat r.rows); clean: $(cat c.rows)"
    fi
    "$POLC" run z.pol --claims again.csv --persons p.csv --ledger "$r" --out a.out -q 2>err &&
        [ "$(tail -n 1 a.out)" = "c5,25.00,settled" ] &&
        [ "$("$POLC" ledger export z.pol --ledger "$r" --out - 2>&1 | tail -n 1)" = \
            "p2,annual,2017,25.00,1" ] &&
        ok "reversed row ($name): a claim after it makes the row again (25.00, 1 visit)" ||
        bad "reversed row ($name): a claim after" "$(cat err) $(cat a.out 2>/dev/null)"
}

# a row of zeros an earlier polc left (p9's, beside p1's): export leaves it out
zeros_left_out() {
    sqlite3 r.db "INSERT INTO ledger_rows (person_id, ledger, key, layout, vals, updated_at,
        last_date) SELECT 'p9', ledger, key, layout, x'0000', updated_at, NULL FROM ledger_rows
        WHERE person_id = 'p1'" &&
        [ "$("$POLC" ledger export z.pol --ledger r.db --out - 2>&1)" = \
            "person_id,ledger,year,paid,visits
p1,annual,2017,100.00,1
p2,annual,2017,25.00,1" ] &&
        ok "reversed row: export leaves out a row of zeros an earlier polc stored" ||
        bad "reversed row: a stored row of zeros" "$("$POLC" ledger export z.pol --ledger r.db --out - 2>&1)"
}

if command -v sqlite3 >/dev/null; then
    check sqlite r.db c.db
    zeros_left_out
else
    echo "note: no sqlite3 shell: the SQLite store not read"
fi
if pg_start "$WORK/pg"; then
    psql -Atq "$PGURL" -c "CREATE DATABASE clean" >/dev/null
    check postgresql "$PGURL" "${PGURL%/polc}/clean"
else
    echo "note: PostgreSQL 15 not found ($PGBIN): its case skipped"
fi
finish
