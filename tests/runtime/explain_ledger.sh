#!/bin/sh
# tests/runtime/explain_ledger.sh — polc explain --ledger reads the ledger and never writes it
# (spec/DATA.md "Late claims and reversals"), on SQLite and on a real PostgreSQL
# (tests/serve/pg.sh; skipped with a note when PostgreSQL 15 is not installed):
#   1. the ledger is the same after an explain, byte for byte (SQLite: the .db, and the -wal
#      when there was one; a reader may leave an empty one, no frames. PostgreSQL: every
#      table, pg_dump), for claims it holds and claims it does not, under the policy that
#      wrote it and under one of another value layout (cap2.pol, a ledger field more), which
#      opening recorded in the ledger's meta table before; and after polc ledger export;
#   2. polc run --ledger on other claims completes while an explain over the same ledger is
#      held in the middle of its claims file (a FIFO the test keeps open): the explain held
#      SQLite's write lock (PostgreSQL's writers' lock) for its whole run, and the run failed
#      after its 10 s busy timeout (waited, on PostgreSQL);
#   3. a ledger that does not exist: exit 2, the message, no file made; a file without a
#      ledger's tables and one of an older format to upgrade: exit 4, said, the file as it was;
#   4. claims of one person in the explained file see the ones before them (kept in memory),
#      and a late one settles the others again in date order, those in memory and the
#      ledger's;
#   5. another user's ledger no process has open is refused (exit 4) before SQLite leaves
#      its -wal and -shm beside it, which would lock the owner out (as root, with runuser).
# Exact amounts by hand below (cap.pol: pays = min(total, 1,000 − the year's paid)).
#
#   sh tests/runtime/explain_ledger.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/serve/pg.sh"
work explain_ledger
CLEANUP=pg_stop

cp "$ROOT/tests/runtime/cap.pol" p.pol
# the same policy with a ledger field more: another layout of the ledger's values
sed 's/{ paid: money += pays }/{\n  paid: money += pays\n  stays: int += 1\n}/' p.pol >cap2.pol
"$POLC" build p.pol -o p.so 2>build.err || { cat build.err; exit 1; }
grep -q 'stays: int' cap2.pol && "$POLC" check cap2.pol 2>check.err ||
    { bad "cap2.pol" "$(cat check.err)"; finish; exit; }
H=claim_id,person_id,discharged,total

# The ledger: P1's L1 (2017-06-01, 200 yuan) pays 200, paid 200; P2's L2 (05-01, 900) pays
# 900, paid 900.
printf '%s\n' $H L1,P1,2017-06-01,200 L2,P2,2017-05-01,900 >ledger.csv
# The explained file, in this order:
#   E1 P1 08-01 300: paid 200 → min(300, 800) = 300 → paid 500 (sees L1, from the ledger)
#   E2 P1 03-01 100: late (L1 and E1 are dated after it): both undone, the row back to 0;
#     E2 pays 100 (paid 0 → 100), then in date order L1 200 (→ 300) and E1 300 (→ 600): E1
#     is a claim settled in memory, L1 one of the ledger's, both settled again
#   E3 P1 09-01 50: paid 600 → 650, pays 50 (sees all three, in memory)
#   F1 P2 07-01 400: paid 900 → min(400, 100) = 100 → paid 1,000
printf '%s\n' $H E1,P1,2017-08-01,300 E2,P1,2017-03-01,100 E3,P1,2017-09-01,50 \
    F1,P2,2017-07-01,400 >e.csv
# explain reports each claim as it first settled (E1 300): its results
printf '%s\n' "${BOM}claim_id,pays,status" E1,300.00,settled E2,100.00,settled E3,50.00,settled \
    F1,100.00,settled >e.want

# same NAME GOT WANT
same() {
    if [ "$2" = "$3" ]; then ok "$1"; else bad "$1" "got '$2', want '$3'"; fi
}
# the ledger as stored: $B sqlite: the file's bytes and its log's (an empty log counts as
# none: a reader's, no frames); postgresql: every table's rows
state() {
    if [ "$B" = sqlite ]; then
        sha256sum "$L"
        [ -s "$L-wal" ] && sha256sum "$L-wal"
        :
    else
        # (less the \restrict key pg_dump draws anew each time)
        "$PGBIN/pg_dump" --data-only --no-owner "$L" | grep -Ev '^\\(un)?restrict '
    fi
}

# one backend: $1 its name, $2 the ledger (made by polc run on ledger.csv)
backend() {
    B=$1
    L=$2
    "$POLC" run p.so --claims ledger.csv --ledger "$L" --out ledger.out -q 2>run.err ||
        { bad "$B: the ledger made" "$(cat run.err)"; return; }

    # ---- 1 and 4: the ledger unchanged; the explained claims see each other ----
    state >before
    "$POLC" explain p.so --claims e.csv --ledger "$L" --claim E3 --out e.out >e3.txt 2>e3.err
    rc=$?
    state >after
    if [ $rc = 0 ] && grep -Eq '^  paid +600\.00 yuan → 650\.00 yuan$' e3.txt &&
        grep -Eq '^  pays +50\.00 yuan$' e3.txt && cmp -s e.want e.out; then
        ok "$B: E3 sees E1, E2 and L1 settled again in date order (paid 600 → 650, pays 50)"
    else bad "$B: E3's explanation" "rc $rc: $(cat e3.err; grep -E 'paid|pays' e3.txt)"; fi
    if cmp -s before after; then ok "$B: the ledger unchanged by an explain (its policy)"
    else bad "$B: the ledger changed by an explain" "$(diff before after | head -4)"; fi
    "$POLC" explain p.so --claims e.csv --ledger "$L" --claim E2 >e2.txt 2>&1
    rc=$?
    if [ $rc = 0 ] && grep -Eq '^  paid +0\.00 yuan → 100\.00 yuan$' e2.txt &&
        grep -Eq '^  pays +100\.00 yuan$' e2.txt; then
        ok "$B: late E2 starts from the row before L1 and E1 (paid 0 → 100)"
    else bad "$B: E2's explanation" "rc $rc: $(grep -E 'paid|pays|error' e2.txt)"; fi
    "$POLC" explain p.so --claims e.csv --ledger "$L" --claim F1 >f1.txt 2>&1
    if grep -Eq '^  paid +900\.00 yuan → 1,000\.00 yuan$' f1.txt &&
        grep -Eq '^  pays +100\.00 yuan$' f1.txt; then
        ok "$B: F1 starts from the ledger's row (paid 900 → 1,000, pays 100)"
    else bad "$B: F1's explanation" "$(grep -E 'paid|pays|error' f1.txt)"; fi
    # another layout: read through the layout that wrote the rows (stays absent: 0), and not
    # recorded
    "$POLC" explain cap2.pol --claims e.csv --ledger "$L" --claim F1 >c2.txt 2>&1
    rc=$?
    state >after2
    if [ $rc = 0 ] && grep -Eq '^  paid +900\.00 yuan → 1,000\.00 yuan$' c2.txt &&
        grep -Eq '^  stays +0 → 1$' c2.txt; then
        ok "$B: a policy of another layout reads the ledger's rows through theirs"
    else bad "$B: another layout's explanation" "rc $rc: $(grep -E 'paid|stays|error' c2.txt)"; fi
    if cmp -s before after2; then ok "$B: the ledger unchanged by an explain (another layout)"
    else bad "$B: the ledger changed by another layout's explain" "$(diff before after2 | head -4)"; fi
    # polc ledger export only reads too: the same store, read-only
    "$POLC" ledger export cap2.pol --ledger "$L" >export.csv 2>export.err
    rc=$?
    state >after3
    same "$B: export under another layout: the rows through theirs (stays 0), the ledger unchanged" \
        "$rc $(tr '\n' ' ' <export.csv) $(cmp -s before after3 && echo same)" \
        "0 person_id,ledger,year,paid,stays P1,annual,2017,200.00,0 P2,annual,2017,900.00,0  same"

    # ---- 2: a run completes while an explain is held in the middle of its claims ----
    rm -f held.fifo
    mkfifo held.fifo
    "$POLC" explain p.so --claims held.fifo --ledger "$L" --claim H1 >held.txt 2>&1 &
    pid=$!
    exec 3>held.fifo # opened once the explain has opened the ledger and reads its claims
    printf '%s\n' $H H1,P3,2017-04-01,100 >&3
    printf '%s\n' $H R1,P4,2017-04-01,700 >r.csv
    timeout 60 "$POLC" run p.so --claims r.csv --ledger "$L" --out r.out -q 2>r.err
    rc=$?
    exec 3>&-
    wait $pid
    erc=$?
    if [ $rc = 0 ] && grep -q '^R1,700.00,settled$' r.out; then
        ok "$B: polc run on the ledger completes while an explain of it is held"
    else bad "$B: polc run beside a held explain" "rc $rc: $(cat r.err)"; fi
    if [ $erc = 0 ] && grep -Eq '^  pays +100\.00 yuan$' held.txt; then
        ok "$B: the held explain then completes"
    else bad "$B: the held explain" "rc $erc: $(head -3 held.txt)"; fi
}

backend sqlite l.db

# ---- 3: what is not a ledger is said, and made none ----
"$POLC" explain p.so --claims e.csv --ledger missing.db --claim E1 >missing.out 2>missing.err
rc=$?
same "a ledger that does not exist: exit 2, said, no file made" \
    "$rc $(cat missing.err) $(ls missing.db* 2>/dev/null)" \
    "2 polc: cannot open ledger missing.db: No such file or directory "
: >empty.db
"$POLC" explain p.so --claims e.csv --ledger empty.db --claim E1 >empty.out 2>empty.err
rc=$?
same "an empty file: exit 4, not a ledger, left empty" \
    "$rc $(cat empty.err) $(wc -c <empty.db)" \
    "4 polc: empty.db: not a ledger yet (it has no ledger tables): polc run or polc ledger import makes one 0"
# format 1 (text values; tests/unit/test_session.c test_format1 writes one): upgraded when a
# writer opens it; explain reads only what needs no upgrade
sqlite3 old.db "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE ledger_rows (person_id TEXT NOT NULL, ledger TEXT NOT NULL,
     key INTEGER NOT NULL, vals TEXT NOT NULL, updated_at TEXT NOT NULL,
     PRIMARY KEY (person_id, ledger, key)) WITHOUT ROWID;
    CREATE TABLE settled_claims (claim_id TEXT PRIMARY KEY, person_id TEXT NOT NULL,
     policy_sha256 TEXT NOT NULL, fields TEXT NOT NULL, outputs TEXT NOT NULL,
     keys TEXT NOT NULL, ledger_before TEXT NOT NULL, ledger_after TEXT NOT NULL,
     settled_at TEXT NOT NULL) WITHOUT ROWID;
    INSERT INTO meta VALUES ('format', '1'), ('created_at', '2026-01-01');"
sum=$(sha256sum old.db)
"$POLC" explain p.so --claims e.csv --ledger old.db --claim E1 >old.out 2>old.err
rc=$?
same "a ledger of format 1: exit 4, the commands that upgrade it named, the file as it was" \
    "$rc $(cat old.err) $(sha256sum old.db | cut -c1-16)" \
    "4 polc: old.db: a ledger of an older polc (format 1), to be upgraded before it is read: polc run, polc serve or polc ledger import upgrades it when it opens it $(echo "$sum" | cut -c1-16)"

# 5. another user's ledger that no process has open (no -shm): reading it would leave -wal and
# -shm files owned by the reader that the owner could not open (review: the owner's next run
# failed "unable to open database file"). Refused, nothing created, the owner's run goes on.
if [ "$(id -u)" = 0 ] && id daemon >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
    # outside the work directory (which others cannot enter): the engine and files, and the
    # ledger in a directory all may write (polc loads no engine from such a directory)
    SHARED=$(mktemp -d "${TMPDIR:-/tmp}/polc-shared.XXXXXX") && CLEANUP="$CLEANUP; rm -rf '$SHARED'"
    chmod 0755 "$SHARED" && cp p.so ledger.csv e.csv "$SHARED" && chmod 0644 "$SHARED"/* &&
        mkdir -m 0777 "$SHARED/led"
    as() { (cd "$SHARED" && runuser -u "$@"); }
    as daemon -- "$POLC" run p.so --claims ledger.csv --ledger led/d.db --out /dev/null -q &&
        chmod 0644 "$SHARED/led/d.db"
    as nobody -- "$POLC" explain p.so --claims e.csv --ledger led/d.db --claim E1 >/dev/null \
        2>nobody.err
    rc=$?
    same "another user's ledger: refused (exit 4), said, nothing left beside it" \
        "$rc $(cat nobody.err) $(ls "$SHARED/led" | grep -c 'd.db-')" \
        "4 polc: led/d.db: owned by another user (uid $(id -u daemon)): reading it as this one (uid $(id -u nobody)) would leave its -wal and -shm files beside it, owned by this user, and the owner could then not open the ledger; run this as the ledger's owner 0"
    as daemon -- "$POLC" run p.so --claims e.csv --ledger led/d.db --out /dev/null -q 2>daemon.err
    same "another user's ledger: its owner's next run" "$? $(cat daemon.err)" "0 "
else
    echo "note: not root, or no daemon/nobody users: the other user's ledger case skipped"
fi

if pg_start "$WORK/pg"; then
    backend postgresql "$PGURL"
else
    echo "note: PostgreSQL 15 not found ($PGBIN): the PostgreSQL half skipped"
fi
finish
