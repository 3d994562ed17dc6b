#!/bin/sh
# tests/runtime/ledger_kill.sh — a batch run on a ledger killed with SIGKILL at several points,
# then re-run on the same ledger until it completes, must end exactly where one uninterrupted
# run on a fresh SQLite ledger ends: every claim's outputs the same (the yearly cap of
# tests/runtime/capped.pol makes each depend on the ledger before it, so a claim counted twice
# or lost would show), the summary's totals those of the claims the re-run settled, each claim
# settled exactly once (the ones the killed runs committed say "already settled" on the re-run,
# and they are a prefix of each person's claims: a kill loses only uncommitted work; with -j 2
# a commit also takes the claims workers settled ahead of the results written, so not a prefix
# of the file), every kill landing mid-way (the run neither finished nor left a results file,
# whole or partial). Re-running the completed batch settles nothing and prints no totals. The
# ledger rows and the audit table are compared
# with the reference's as well (sqlite3 shell; psql; sqlcipher through the key).
#
# The backends (KILL_LEDGER): sqlite (the file k.db), pg (a real PostgreSQL,
# tests/serve/pg.sh; skipped with a note when PostgreSQL 15 is not installed), encrypted
# (enc.db, an SQLite ledger encrypted with --ledger-key, SQLCipher), both (the default:
# sqlite, then pg with fixed points).
#
# Progress is counted in claims committed, on every backend; it shows at a commit (one every
# 512 KiB of claims: ~1,800 rows of c.csv, see its note).
# KILL_POINTS chooses the kills: "fixed" (the default: early, then at 5% and 30% of the
# claims with two threads and one), or "random N": N kills at random points of progress,
# each once the ledger has grown since that run started by a random share of 90% / N of the
# claims less a burst of commits (progress, not time: each run goes on from the ledger the last one
# left, and a busy machine stretches every run), so that every kill lands mid-way, at a
# commit after its point; -j 1, 2 or 4 at random. The seed is printed, and KILL_SEED repeats
# a sequence.
#
#   sh tests/runtime/ledger_kill.sh     env: POLC (build/polc), KILL_CLAIMS (40000; 10000 on
#                                       PostgreSQL with fixed points),
#                                       KILL_POINTS, KILL_SEED, KILL_LEDGER
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/serve/pg.sh"
P=$ROOT/tests/runtime/capped.pol
work ledger-kill
CLEANUP=pg_stop
finish() {
    echo "$pass passed, $fail failed"
    [ "$fail" -eq 0 ]
    exit
}

# the claims file c.csv and the reference run on it, for N claims
#
# N claims with a fixed seed, sorted by person and date: 1-19 claims a person, a few weeks to
# three months apart over 2023-2025 (so several ledger years), amounts up to 20,000 yuan
# (many persons reach the 3,000-yuan cap), one in five with some non-compliant cost; and a
# 240-byte note the policy ignores (spec/DATA.md: extra columns are ignored). A run with a
# ledger commits a transaction every 512 KiB of claims (runtime/pipeline.c
# PIPE_BATCH_LEDGER): ~10,800 short rows, ~1,800 padded ones. A kill comes at the first
# commit its poll sees past its point, and commits come in bursts (with -j 4 several batches
# are decoded at once, then committed one after the other within ~100 ms, faster than a poll
# on a loaded machine): with short rows a burst of 4 was 42,000 claims, and a soak round's
# last kills came after the end; padded, 7,200. On PostgreSQL (~1,000 claims a second) the
# padding gives the kills many commits to land between in a file of seconds.
setup() {
    awk -v n="$N" -v seed=42 -v pad="$PAD" '
    function leap(y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    function ymd(day,   y, m, len) {
        y = 2023
        while (day >= (leap(y) ? 366 : 365)) { day -= leap(y) ? 366 : 365; y++ }
        split("31 28 31 30 31 30 31 31 30 31 30 31", len, " ")
        if (leap(y)) len[2] = 29
        for (m = 1; day >= len[m]; m++) day -= len[m]
        return sprintf("%04d-%02d-%02d", y, m, day + 1)
    }
    BEGIN {
        srand(seed)
        print "claim_id,person_id,level,discharged,total,noncompliant,note"
        lv[0] = "township"; lv[1] = "county"; lv[2] = "city"
        p = 0; left = 0
        for (i = 1; i <= n; i++) {
            if (left == 0) { p++; left = 1 + int(rand() * 19); day = int(rand() * 60) }
            day += 1 + int(rand() * 90)
            if (day > 1094) day = 1094
            left--
            total = int(rand() * 2000000) / 100
            nc = rand() < 0.2 ? int(rand() * total * 10) / 100 : 0
            printf "K%07d,P%06d,%s,%s,%.2f,%.2f,%s\n", i, p, lv[int(rand() * 3)], ymd(day), total, nc, pad
        }
    }' >c.csv || exit 2

    # the reference: one uninterrupted run on a fresh ledger
    rm -f ref.db ref.db-wal ref.db-shm
    if ! "$POLC" run "$P" --claims c.csv --ledger ref.db --out ref.csv 2>ref.err; then
        bad "ledger kill: reference run" "$(head -n 1 ref.err)"
        finish
    fi
    cut -d, -f1-4 ref.csv >ref.values
}

# the summary's totals ("  basic   1,234.56 yuan") and its count line without the rate
totals() { grep -E '^  [a-z_]+ +[-0-9,.()a-z]+ yuan$' "$1"; }
# the same as "basic 1234.56" lines, and (sums RESULTS) the results' money outputs summed over
# the claims settled now, in fen (their status "settled"; a claim already settled is not in
# the summary's totals: spec/DATA.md)
amounts() { totals "$1" | awk '{ gsub(",", "", $2); print $1, $2 }'; }
sums() {
    awk -F, 'NR == 1 { for (i = 2; i < NF; i++) name[i] = $i; n = NF; next }
        $NF == "settled" { for (i = 2; i < n; i++) fen[i] += sprintf("%.0f", $i * 100) }
        END { for (i = 2; i < n; i++) printf "%s %d.%02d\n", name[i], fen[i] / 100, fen[i] % 100 }' "$1"
}

# the ledger under test: K, on BACKEND (sqlite: the file k.db; postgresql: a database;
# encrypted: the file enc.db, opened with the key file KEY)
BACKEND=sqlite
K=k.db
KEY=
PASSPHRASE='kill -9 soak passphrase'
umask 077
printf '%s\n' "$PASSPHRASE" >k.key
# polc run on the ledger under test, through its key if it has one: polc_run ARGS...
polc_run() {
    "$POLC" run "$P" --claims c.csv --ledger "$K" ${KEY:+--ledger-key "$KEY"} "$@"
}
# the claims committed to the ledger so far, as the number of the last claim committed
# (claim Kn is the file's n-th, and a run commits its batches in the file's order, the
# claims settled before skipped): its primary key's last entry, which a poll reads at once,
# where counting 200,000 claims took it ~100 ms. Each batch commits its claims at once, so a
# run's progress shows at its commits. Not the bytes of an SQLite file and its log: a commit
# writes into the log every page it changed, index pages and all, and the log is copied into
# the file at checkpoints, so the bytes outgrow the reference ledger long before the claims.
# A read that finds the ledger busy (a checkpoint, the recovery after a kill) says 0 and the
# poll goes on: waiting for the lock (.timeout) let a run go on for several commits. One
# process a poll (the number computed in the query, not by a pipeline): on a loaded machine
# each process a poll spawns lets the run go on further before the kill.
dbsize() {
    { [ $BACKEND = postgresql ] || [ -s "$K" ]; } &&
        sql "$K" "SELECT coalesce(CAST(substr(max(claim_id), 2) AS INTEGER), 0) FROM settled_claims" \
            2>/dev/null || echo 0
}
# sql LEDGER QUERY: the rows of a query on an SQLite ledger, the encrypted one (through the
# key) or a PostgreSQL one (hex(x) is SQLite's; PostgreSQL's bytes read the same as
# upper(encode(x, 'hex')))
sql() {
    case $1 in
    postgres*)
        psql -Atq "$1" -c "$(echo "$2" | sed "s/hex(\([a-z_]*\))/upper(encode(\1, 'hex'))/g")" ;;
    enc.db) sqlcipher "$1" "PRAGMA key = '$PASSPHRASE'; $2" ;;
    *) sqlite3 "$1" "$2" ;;
    esac
}

# start a run on the ledger under test with -j $3 and SIGKILL it when $1 holds: "time T"
# (seconds), "claims C" (the ledger holds more than C claims) or "grow C" (it has grown by
# more than C claims since this run started), polled every 20 ms; prints how it ended
killed_run() {
    limit=$2
    [ "$1" = grow ] && limit=$(($(dbsize) + $2))
    # polc itself in the background, not polc_run (a subshell would take the SIGKILL), at the
    # lowest priority: the poll must see a commit before the run is far past it, and a run
    # of -j 4 settles ~100,000 claims a second, a poll on a loaded machine ~100 ms
    nice -n 19 "$POLC" run "$P" --claims c.csv --ledger "$K" ${KEY:+--ledger-key "$KEY"} \
        --out k.csv -j "$3" 2>/dev/null &
    pid=$!
    case $1 in
        time) sleep "$2" ;;
        claims | grow)
            t=0
            while [ "$(dbsize)" -le "$limit" ] && kill -0 "$pid" 2>/dev/null && [ $t -lt 3000 ]; do
                sleep 0.02
                t=$((t + 1))
            done
            ;;
    esac
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    echo "$?"
}

kill_test() {
    # the kill points, one a line: "time SECONDS J", "claims C J" or "grow C J"
    case ${KILL_POINTS:-fixed} in
        fixed)
            # early (start-up, compiling the policy, checking the file), after the first
            # commits (with two threads), later. The early kill came at 0.2 s, which a fast
            # run outlived: 40,000 claims on SQLite, the policy compiled, results written in
            # under 0.2 s (CI, 2026-12-05); 0.05 s is within compiling the policy
            points="time 0.05 1
    claims $((N / 20)) 2
    claims $((N * 3 / 10)) 1"
            ;;
        random\ *)
            seed=${KILL_SEED:-$(date +%s)}
            echo "ledger kill: random kill points, KILL_SEED=$seed"
            # a kill at "grow G" lands at the first commit its poll sees past G claims, so it
            # costs G and at most a burst of commits (4 of 512 KiB of c.csv, see its note): G
            # up to 90% of the claims shared among the kills, less a burst each, and the last
            # kill still comes before the end
            burst=$((4 * N * 524288 / $(wc -c <c.csv) + 1))
            points=$(awk -v n="${KILL_POINTS#random }" -v seed="$seed" -v claims="$N" \
                -v burst="$burst" 'BEGIN {
                srand(seed)
                span = claims * 0.9 / n - burst
                if (span < 0) span = 0
                for (i = 0; i < n; i++)
                    printf "grow %d %d\n", span * rand(), 2 ^ int(rand() * 3)
            }')
            ;;
        *)
            bad "$BACKEND: ledger kill" "KILL_POINTS: fixed or \"random N\", not $KILL_POINTS"
            return
            ;;
    esac
    npoints=$(echo "$points" | wc -l)

    rm -f "$K" "$K-wal" "$K-shm" k.csv
    got_killed=0
    missed=""
    while read -r point; do
        # shellcheck disable=SC2086
        rc=$(killed_run $point)
        # mid-way: killed before its results were in place (its last act)
        if [ "$rc" -eq 137 ] && [ ! -f k.csv ]; then
            got_killed=$((got_killed + 1))
        else
            missed="$missed; $point: exit $rc$([ -f k.csv ] && echo ", results written"), at claim $(dbsize)"
        fi
        if [ -f k.csv ]; then
            # a run may end before its kill point, and then it has written its results; or be
            # killed after putting them in place (its last act) while the process tears down
            # (the JIT, the libraries): then they are whole, never a part (written aside, renamed)
            [ "$rc" -ne 0 ] && [ "$(wc -l <k.csv)" -ne "$(wc -l <ref.csv)" ] &&
                bad "$BACKEND: ledger kill ($point)" "a killed run left a partial results file"
            rm -f k.csv
        fi
    done <<EOF
$points
EOF
    if [ "$got_killed" -eq "$npoints" ]; then
        ok "$BACKEND: ledger kill: $got_killed of $npoints runs killed mid-way"
    else
        bad "$BACKEND: ledger kill: $got_killed of $npoints runs killed mid-way" "not${missed#;}"
    fi
    committed=$(sql "$K" "SELECT count(*) FROM settled_claims")

    if ! polc_run --out k.csv 2>k.err; then
        bad "$BACKEND: ledger kill: the re-run completes" "$(head -n 1 k.err)"
        return
    fi
    ok "$BACKEND: ledger kill: the re-run completes (the killed runs had written $committed claims)"

    # the same outputs for every claim, in the same order, as the uninterrupted run
    cut -d, -f1-4 k.csv >k.values
    if cmp -s k.values ref.values; then ok "$BACKEND: ledger kill: every claim's outputs as in one run"; else
        bad "$BACKEND: ledger kill: every claim's outputs as in one run" "$(diff ref.values k.values | head -n 2 | tr '\n' ' ')"
    fi
    # the totals of what the re-run settled, the killed runs' claims left out: the outputs being
    # the reference's (above), a claim counted twice or lost shows in these too
    amounts k.err >k.totals
    sums k.csv >k.sums
    if [ -s k.totals ] && cmp -s k.totals k.sums; then
        ok "$BACKEND: ledger kill: the totals are the claims the re-run settled"
    else
        bad "$BACKEND: ledger kill: the totals are the claims the re-run settled" "$(diff k.sums k.totals | head -n 2 | tr '\n' ' ')"
    fi
    # each claim once, settled now or already (committed by a killed run), the latter a prefix
    # of the person's claims (c.csv gives each claim's person)
    awk -F, -v n="$N" '
        FNR == NR { person[$1] = $2; next }
        FNR == 1 { next }
        { rows++; if (seen[$1]++) dup++; p = person[$1] }
        $NF == "already settled" { already++; if (p in now) late++ }
        $NF == "settled" { now[p]++; settled++ }
        END {
            if (rows != n || dup || already + settled != n) { print "rows " rows ", duplicates " dup ", settled " settled ", already " already; exit 1 }
            if (late) { print late " claims already settled after one of their person settled now"; exit 1 }
            print already + 0 " " settled + 0
        }' c.csv k.csv >k.status
    if [ $? -eq 0 ]; then
        set -- $(cat k.status)
        ok "$BACKEND: ledger kill: each claim exactly once, $1 already settled by the killed runs, $2 now"
        if [ "$1" -gt 0 ]; then ok "$BACKEND: ledger kill: the killed runs had committed claims"; else
            bad "$BACKEND: ledger kill: the killed runs had committed claims" "none (killed too early)"
        fi
    else
        bad "$BACKEND: ledger kill: each claim exactly once" "$(cat k.status)"
    fi

    # the completed batch again: nothing settles, every claim already settled with its values
    polc_run --out k2.csv 2>k2.err
    rc=$?
    already=$(awk -F, 'NR > 1 && $NF == "already settled"' k2.csv | wc -l)
    cut -d, -f1-4 k2.csv >k2.values
    if [ "$rc" -eq 0 ] && [ "$already" -eq "$N" ] && cmp -s k2.values ref.values; then
        ok "$BACKEND: ledger kill: re-running the completed batch: all already settled, the same values"
    else
        bad "$BACKEND: ledger kill: re-running the completed batch" "exit $rc, $already of $N already settled: $(head -n 1 k2.err)"
    fi
    # it paid nothing: no totals, and the summary says where the stored results went
    totals k2.err >k2.totals
    if [ ! -s k2.totals ] &&
        grep -qx "  nothing newly settled: the $(echo "$N" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta') claims settled before (ledger) are in k2.csv as stored" k2.err; then
        ok "$BACKEND: ledger kill: the completed batch again: nothing newly settled, no totals"
    else
        bad "$BACKEND: ledger kill: the completed batch again: nothing newly settled, no totals" "$(sed -n 2p k2.err)"
    fi

    # the ledger itself, when the shells are installed (sqlite3; sqlcipher for the encrypted
    # one): the same rows as the reference's, and the audit table holds each claim once
    if command -v sqlite3 >/dev/null 2>&1 &&
        { [ $BACKEND != encrypted ] || command -v sqlcipher >/dev/null 2>&1; }; then
        q="SELECT person_id, ledger, key, hex(vals) FROM ledger_rows ORDER BY 1, 2, 3"
        sql ref.db "$q" >ref.rows && sql "$K" "$q" >k.rows
        if [ -s ref.rows ] && cmp -s ref.rows k.rows; then ok "$BACKEND: ledger kill: the ledger rows as in one run"; else
            bad "$BACKEND: ledger kill: the ledger rows as in one run" "$(diff ref.rows k.rows | head -n 2 | tr '\n' ' ')"
        fi
        a=$(sql "$K" "SELECT count(*), count(DISTINCT claim_id) FROM settled_claims")
        if [ "$a" = "$N|$N" ]; then ok "$BACKEND: ledger kill: the audit table holds each claim once"; else
            bad "$BACKEND: ledger kill: the audit table holds each claim once" "count, distinct: $a"
        fi
        q="SELECT claim_id, person_id, hex(fields), hex(outputs), hex(keys), hex(ledger_before), hex(ledger_after) FROM settled_claims ORDER BY 1"
        sql ref.db "$q" >ref.audit && sql "$K" "$q" >k.audit
        if cmp -s ref.audit k.audit; then ok "$BACKEND: ledger kill: the audit records as in one run"; else
            bad "$BACKEND: ledger kill: the audit records as in one run" "$(diff ref.audit k.audit | head -n 2 | tr '\n' ' ')"
        fi
    else
        echo "note: $BACKEND: ledger kill: ledger rows not compared (no sqlite3 or sqlcipher shell)"
    fi
}

# KILL_LEDGER: both (the default), sqlite, pg or encrypted alone (make soak's rounds). Random
# kills on PostgreSQL in a run of both only with KILL_PG=1 (make soak runs them)
# KILL_CLAIMS claims (default 40,000; on PostgreSQL 10,000 for the fixed points)
N=${KILL_CLAIMS:-40000}
PAD=$(printf '%0240d' 0 | tr 0 n)
case ${KILL_LEDGER:-both} in
both | sqlite)
    setup
    kill_test
    ;;
encrypted)
    setup
    BACKEND=encrypted
    K=enc.db
    KEY=k.key
    kill_test
    ;;
both | pg) ;;
*) bad "ledger kill" "KILL_LEDGER: both, sqlite, pg or encrypted, not $KILL_LEDGER" ;;
esac
case ${KILL_LEDGER:-both} in
both | pg)
    if [ "${KILL_LEDGER:-both}" = both ] && [ "${KILL_POINTS:-fixed}" != fixed ] &&
        [ "${KILL_PG:-0}" != 1 ]; then
        echo "note: random kill points: the PostgreSQL half runs with KILL_PG=1 (or KILL_LEDGER=pg)"
    elif pg_start "$WORK/pg"; then
        BACKEND=postgresql
        K=$PGURL
        # 10,000 claims are 5 commits for the fixed points; 8 random kills take 8 or more
        N=${KILL_CLAIMS:-10000}
        [ "${KILL_POINTS:-fixed}" = fixed ] || N=${KILL_CLAIMS:-40000}
        setup
        kill_test
    else
        echo "note: PostgreSQL 15 not found ($PGBIN): the PostgreSQL half skipped"
    fi
    ;;
esac
finish
