#!/bin/sh
# tests/runtime/ledger_rows.sh — how an SQLite ledger writes its rows at commit: an INSERT for
# a person-year the file lacks, an UPDATE for one it holds, each checked to change exactly one
# row. Exact amounts by hand over three runs on one file (new rows, updated rows, a re-run
# that counts nothing twice, in the ledger or in the summary's totals); then a file whose rows do not take the write (a trigger that
# skips it, as a tampered or damaged file would): the batch is refused with exit 4 and a
# message naming the ledger and key, nothing of it is stored, and once the file is mended a
# run settles the claim once.
#
#   sh tests/runtime/ledger_rows.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"
work rows

cp "$ROOT/tests/runtime/cap.pol" p.pol # 1,000 yuan a person-year
"$POLC" build p.pol -o p.so 2>build.err || bad "build" "$(cat build.err)"

# run NAME CSV-ROWS...: the claims as a file, polc run on the ledger; $rc its exit code
run() {
    name=$1
    shift
    printf '%s\n' claim_id,person_id,discharged,total "$@" >"$name.csv"
    "$POLC" run p.so --claims "$name.csv" --ledger l.db --out "$name.out" 2>"$name.err"
    rc=$?
}
# same NAME GOT WANT
same() {
    if [ "$2" = "$3" ]; then ok "$1"; else bad "$1" "got '$2', want '$3'"; fi
}
results() { tail -n +2 "$1.out" | tr '\n' ' '; }
rows() { "$POLC" ledger export p.pol --ledger l.db 2>/dev/null | tail -n +2 | tr '\n' ' '; }

# 1: every row new (INSERT). A 600; B 400, the rest of P's 1,000 in 2018; C, Q's first, 600
run one A,P,2018-01-03,600 B,P,2018-01-04,600 C,Q,2018-01-05,600
same "new rows: exit" "$rc" 0
same "new rows: results" "$(results one)" "A,600.00,settled B,400.00,settled C,600.00,settled "
same "new rows: ledger" "$(rows)" "P,annual,2018,1000.00 Q,annual,2018,600.00 "

# 2: P 2018 and Q 2018 updated, P 2019 new. D 0 (P's 2018 is full); E 600 in 2019;
# F 300 (Q: 600 + 300 = 900, under the cap)
seq_row=$(sqlite3 l.db "SELECT rowid FROM meta WHERE name = 'seq'")
run two D,P,2018-02-01,600 E,P,2019-01-02,600 F,Q,2018-03-01,300
same "updated rows: exit" "$rc" 0
same "updated rows: results" "$(results two)" "D,0.00,settled E,600.00,settled F,300.00,settled "
same "updated rows: ledger" "$(rows)" \
    "P,annual,2018,1000.00 P,annual,2019,600.00 Q,annual,2018,900.00 "
same "one row a person-year" "$(sqlite3 l.db 'SELECT count(*) FROM ledger_rows')" 3
# the claims' number (meta 'seq'): written by the first run, changed in place by the second
# (an UPDATE, not a delete and an insert: ledger.c Q_SET_SEQ), 6 = the six claims A to F
same "claims numbered: one row, the last number" \
    "$(sqlite3 l.db "SELECT count(*), max(value) FROM meta WHERE name = 'seq'")" "1|6"
same "claims numbered: as stored" "$(sqlite3 l.db 'SELECT max(seq) FROM settled_claims')" 6
same "claims numbered: the row kept" "$(sqlite3 l.db "SELECT rowid FROM meta WHERE name = 'seq'")" \
    "$seq_row"

# 3: the same claims again: settled before, the ledger unchanged
run three D,P,2018-02-01,600 E,P,2019-01-02,600 F,Q,2018-03-01,300
same "re-run: exit" "$rc" 0
same "re-run: already settled" "$(results three)" \
    "D,0.00,already settled E,600.00,already settled F,300.00,already settled "
same "re-run: ledger unchanged" "$(rows)" \
    "P,annual,2018,1000.00 P,annual,2019,600.00 Q,annual,2018,900.00 "
# the summary's totals are what this run paid: nothing (they read 900.00, D + E + F again,
# as if the claims were paid twice)
same "re-run: summary" "$(grep -v '/s (' three.err | tr '\n' '|')" \
    "three.csv: 3 claims: 0 settled, 3 already settled, 0 failed, 0 rows rejected|  nothing newly settled: the 3 claims settled before (ledger) are in three.out as stored|"

# 4: an UPDATE that changes no row: G would be P's 2019 row's second claim
sqlite3 l.db "CREATE TRIGGER skip BEFORE UPDATE ON ledger_rows BEGIN SELECT RAISE(IGNORE); END"
run four G,P,2019-02-01,100
same "update of no row: exit 4" "$rc" 4
same "update of no row: message" "$(tail -1 four.err)" \
    "polc: l.db: ledger annual, key 2019: 0 rows written where 1 was expected (the file disagrees with the rows read from it)"
same "update of no row: G not stored" \
    "$(sqlite3 l.db "SELECT count(*) FROM settled_claims WHERE claim_id = 'G'")" 0
same "update of no row: ledger as before" "$(rows)" \
    "P,annual,2018,1000.00 P,annual,2019,600.00 Q,annual,2018,900.00 "
if grep -q 'P,' four.err; then bad "update of no row: no person id" "$(cat four.err)"; else
    ok "update of no row: no person id"
fi

# 5: an INSERT that adds no row: H, Q's first claim of 2019
sqlite3 l.db "DROP TRIGGER skip;
    CREATE TRIGGER skip BEFORE INSERT ON ledger_rows BEGIN SELECT RAISE(IGNORE); END"
run five H,Q,2019-03-01,200
same "insert of no row: exit 4" "$rc" 4
same "insert of no row: message" "$(tail -1 five.err)" \
    "polc: l.db: ledger annual, key 2019: 0 rows written where 1 was expected (the file disagrees with the rows read from it)"
same "insert of no row: H not stored" \
    "$(sqlite3 l.db "SELECT count(*) FROM settled_claims WHERE claim_id = 'H'")" 0

# 6: mended: G 100 (P 2019: 600 + 100) and H 200, each once; again: already settled
sqlite3 l.db "DROP TRIGGER skip"
run six G,P,2019-02-01,100 H,Q,2019-03-01,200
same "mended: results" "$(results six)" "G,100.00,settled H,200.00,settled "
run six G,P,2019-02-01,100 H,Q,2019-03-01,200
same "mended, again: results" "$(results six)" "G,100.00,already settled H,200.00,already settled "
same "mended: ledger" "$(rows)" \
    "P,annual,2018,1000.00 P,annual,2019,700.00 Q,annual,2018,900.00 Q,annual,2019,200.00 "

# 7: a batch of one claim settled before (G, 100) and one new (I, R's first, 250): the total
# is I's 250.00 alone
run seven G,P,2019-02-01,100 I,R,2018-04-01,250
same "mixed: results" "$(results seven)" "G,100.00,already settled I,250.00,settled "
same "mixed: summary" "$(grep -v '/s (' seven.err | tr '\n' '|')" \
    "seven.csv: 2 claims: 1 settled, 1 already settled, 0 failed, 0 rows rejected|  totals of the 1 claim settled now, not of the 1 settled before (ledger, in seven.out as stored)|  pays             250.00 yuan|"
finish
