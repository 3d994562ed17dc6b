/* sqlite_floor.c — the least a durable record of each settled claim can cost in SQLite: one
 * 64-bit key inserted as the rowid of a one-column table (no other column, no index), in
 * the ledger's own settings (WAL, synchronous=NORMAL) and transactions of COMMIT_EVERY
 * inserts, as `polc run --ledger` commits its batches. Issue 9 asks the SQLite ledger for
 * half the memory ledger's speed; this is the floor under any ledger format that keeps a
 * row (or an index entry) per claim, whatever else it stores (bench/README.md).
 *
 *   sqlite_floor N [seq|random|batch] [FILE]     (FILE: /tmp/polc-sqlite-floor.db, removed)
 *
 * `batch` measures the other kind of format, one that keeps no row per claim: each
 * transaction's claims appended as one row of RECORD_BYTES a claim (the size of the ledger's
 * varint claim records) plus one row of their ids' sorted 16-byte (hash, place) pairs, the
 * run a log-structured id index would merge later (the merging not counted). Beside them, what
 * every ledger format must do whatever it keeps of the claims: the person-year rows of
 * ledger_rows (a WITHOUT ROWID table keyed by (person_id, ledger, key), a blob of ROW_BYTES of
 * varints), read as the ledger reads them (one SELECT of a person's rows the first time the
 * run meets the person) and written at commit as it writes them (one INSERT a new row, one
 * UPDATE a row written by an earlier transaction, in the order the rows first changed), at the
 * gen data's ratio of persons and person-years to claims (PY_*).
 *
 * prints "N inserts (ORDER keys): T s, X ns an insert", or for batch "N claims batched (B a
 * row), P persons' rows read, R rows written: T s, X ns a claim". The figure to compare is the
 * instruction count, which callgrind gives whatever the machine's load:
 *   valgrind --tool=callgrind build/bench/sqlite_floor 10000 seq
 *   valgrind --tool=callgrind build/bench/sqlite_floor 110000 seq
 * and (second - first) / 100,000 is the cost of one insert (of one claim, batch), the set-up
 * taken out. The claims in the order most favourable to SQLite (persons' rows in key order,
 * as claims.csv from `polc gen` has them): a floor, not an estimate of a run. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime under -std=c11 */
#include <sqlcipher/sqlite3.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* claims a transaction of the seq and random modes (as first measured, when `polc run
 * --ledger` committed 51 times over 104,638 claims) */
#define COMMIT_EVERY 2048
/* claims a transaction of batch mode: `polc run --ledger` now commits 25 times over the
 * 104,638 claims (a batch is 512 KiB of claims.csv, PIPE_BATCH_LEDGER in runtime/pipeline.c) */
#define BATCH_CLAIMS 4186
static int run(sqlite3 *db, const char *sql);

/* a claim record's bytes (runtime/ledger.c: "a claim record is ~100 bytes") */
#define RECORD_BYTES 100

/* `polc gen --persons 30000 --seed 1` (bench/README.md's callgrind population): 104,638 claims
 * of 14,886 persons, whose `polc run --ledger` leaves 35,179 rows in ledger_rows (Panji's one
 * ledger, `annual`, a row a person-year), in claims.csv's order (by person, then date) */
#define PY_CLAIMS  104638
#define PY_ROWS    35179
#define PY_PERSONS 14886
/* a ledger row's varints: Panji's 8 fields take 12.0 bytes on average in that file */
#define ROW_BYTES 12
/* the first year of a person's rows (the key of a per-year ledger) */
#define FIRST_YEAR 2017

/* xorshift64: claim-id hashes in random order */
static uint64_t xorshift(uint64_t x)
{
    x ^= x << 13;
    x ^= x >> 7;
    return x ^ x << 17;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* batch mode: the person-year rows a transaction changed, in the order they first changed */
typedef struct Row {
    long person;  /* its person's number (the id "P%07ld") */
    long key;     /* its year */
    int existing; /* written by an earlier transaction: an UPDATE, else an INSERT */
} Row;

/* a person's id as `polc gen` writes it, "P%07ld" (snprintf's ~400 instructions a row would
 * count as SQLite's) */
static const char *person_id(char id[9], long person)
{
    id[0] = 'P';
    for (int d = 7; d >= 1; d--, person /= 10)
        id[d] = (char)('0' + person % 10);
    id[8] = 0;
    return id;
}

/* one SQL statement of batch mode's, prepared */
static sqlite3_stmt *prepare(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK) {
        fprintf(stderr, "sqlite_floor: %s: %s\n", sql, sqlite3_errmsg(db));
        return NULL;
    }
    return q;
}

/* run q to its end: 0, or -1 with SQLite's message */
static int step(sqlite3 *db, sqlite3_stmt *q)
{
    int rc = sqlite3_step(q);
    while (rc == SQLITE_ROW)
        rc = sqlite3_step(q);
    sqlite3_reset(q);
    if (rc != SQLITE_DONE) {
        fprintf(stderr, "sqlite_floor: %s\n", sqlite3_errmsg(db));
        return -1;
    }
    return 0;
}

/* batch mode's statements: the claims' two rows, a person's rows read, a row inserted and
 * updated */
enum { B_LOG, B_IDS, B_GET, B_ADD, B_SET, NB };

/* batch mode's commit: the claims' two rows, then each changed person-year row, then COMMIT */
static int commit_batch(sqlite3 *db, sqlite3_stmt **q, long t, const unsigned char *rec,
                        const uint64_t *ids, long k, const Row *rows, long nrows, uint64_t *x)
{
    char id[9];
    unsigned char vals[ROW_BYTES];
    sqlite3_bind_int64(q[B_LOG], 1, t + 1);
    sqlite3_bind_blob(q[B_LOG], 2, rec, (int)(k * RECORD_BYTES), SQLITE_STATIC);
    sqlite3_bind_int64(q[B_IDS], 1, t + 1);
    sqlite3_bind_blob(q[B_IDS], 2, ids, (int)(k * 2 * sizeof *ids), SQLITE_STATIC);
    if (step(db, q[B_LOG]) < 0 || step(db, q[B_IDS]) < 0)
        return -1;
    for (long r = 0; r < nrows; r++) {
        sqlite3_stmt *w = q[rows[r].existing ? B_SET : B_ADD];
        *x = xorshift(*x);
        for (int b = 0; b < ROW_BYTES; b++) /* varints: the last byte ends one */
            vals[b] = (unsigned char)((*x >> (b % 8 * 8)) & 0x7F);
        sqlite3_bind_text(w, 1, person_id(id, rows[r].person), 8, SQLITE_STATIC);
        sqlite3_bind_text(w, 2, "annual", -1, SQLITE_STATIC);
        sqlite3_bind_int64(w, 3, rows[r].key);
        sqlite3_bind_blob(w, 4, vals, ROW_BYTES, SQLITE_STATIC);
        if (step(db, w) < 0)
            return -1;
        if (sqlite3_changes(db) != 1) {
            fprintf(stderr, "sqlite_floor: a row write changed %d rows\n", sqlite3_changes(db));
            return -1;
        }
    }
    return run(db, "COMMIT");
}

/* batch mode: n claims in transactions of BATCH_CLAIMS, two rows a transaction for the claims,
 * and the person-year rows they change */
static int run_batched(sqlite3 *db, long n, long *nread, long *nwritten)
{
    static unsigned char rec[BATCH_CLAIMS * RECORD_BYTES];
    static uint64_t ids[2 * BATCH_CLAIMS];
    static Row rows[BATCH_CLAIMS];
    static const char *const sql[NB] = {
        [B_LOG] = "INSERT INTO claim_log (seq, recs) VALUES (?1, ?2)",
        [B_IDS] = "INSERT INTO id_runs (seq, pairs) VALUES (?1, ?2)",
        [B_GET] = "SELECT ledger, key, vals FROM ledger_rows WHERE person_id = ?1",
        [B_ADD] = "INSERT INTO ledger_rows (person_id, ledger, key, vals) VALUES (?1, ?2, ?3, ?4)",
        [B_SET] = "UPDATE ledger_rows SET vals = ?4 WHERE person_id = ?1 AND ledger = ?2 AND "
                  "key = ?3",
    };
    sqlite3_stmt *q[NB] = {NULL};
    if (run(db, "CREATE TABLE claim_log (seq INTEGER PRIMARY KEY, recs BLOB NOT NULL);"
                "CREATE TABLE id_runs (seq INTEGER PRIMARY KEY, pairs BLOB NOT NULL);"
                "CREATE TABLE ledger_rows (person_id TEXT NOT NULL, ledger TEXT NOT NULL,"
                " key INTEGER NOT NULL, vals BLOB NOT NULL,"
                " PRIMARY KEY (person_id, ledger, key)) WITHOUT ROWID") < 0)
        return -1;
    int rc = 0;
    for (int i = 0; i < NB && rc == 0; i++)
        rc = (q[i] = prepare(db, sql[i])) ? 0 : -1;
    uint64_t x = UINT64_C(88172645463325252);
    long py = -1, person = -1, key = 0; /* the last claim's person-year */
    char id[9];
    for (long i = 0, t = 0; i < n && rc == 0; t++) {
        long k = n - i < BATCH_CLAIMS ? n - i : BATCH_CLAIMS, nrows = 0;
        rc = run(db, "BEGIN");
        for (long j = 0; j < k && rc == 0; j++) {
            x = xorshift(x);
            /* the record's encoding aside */
            memset(rec + j * RECORD_BYTES, (int)(x & 0x7F), RECORD_BYTES);
            ids[2 * j] = x;
            ids[2 * j + 1] = (uint64_t)(i + j);
            /* claim i + j's person-year: PY_ROWS of them over PY_CLAIMS claims, in order */
            long cpy = (long)((i + j) * (int64_t)PY_ROWS / PY_CLAIMS);
            if (cpy == py && nrows > 0)
                continue; /* a row this transaction changed already */
            int existing = cpy == py;
            if (cpy != py) {
                long cp = (long)(cpy * (int64_t)PY_PERSONS / PY_ROWS);
                key = cp == person ? key + 1 : FIRST_YEAR;
                if (cp != person) { /* a person met the first time: their rows read */
                    person = cp;
                    sqlite3_bind_text(q[B_GET], 1, person_id(id, person), 8, SQLITE_STATIC);
                    rc = step(db, q[B_GET]);
                    ++*nread;
                }
                py = cpy;
            }
            rows[nrows++] = (Row){person, key, existing};
        }
        qsort(ids, (size_t)k, 2 * sizeof *ids, cmp_u64);
        if (rc == 0)
            rc = commit_batch(db, q, t, rec, ids, k, rows, nrows, &x);
        *nwritten += nrows;
        i += k;
    }
    for (int i = 0; i < NB; i++)
        sqlite3_finalize(q[i]);
    return rc;
}

static int run(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        fprintf(stderr, "sqlite_floor: %s: %s\n", sql, msg ? msg : "error");
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

/* the seq and random modes: a row a claim, COMMIT_EVERY a transaction */
static int run_rows(sqlite3 *db, long n, int seq)
{
    sqlite3_stmt *ins = NULL;
    if (run(db, "CREATE TABLE claims (h INTEGER PRIMARY KEY)") < 0 ||
        sqlite3_prepare_v2(db, "INSERT INTO claims (h) VALUES (?1)", -1, &ins, NULL) != SQLITE_OK)
        return -1;
    uint64_t x = UINT64_C(88172645463325252);
    int rc = run(db, "BEGIN");
    for (long i = 0; i < n && rc == 0; i++) {
        x = xorshift(x);
        sqlite3_bind_int64(ins, 1, seq ? (int64_t)i + 1 : (int64_t)(x >> 1));
        if (sqlite3_step(ins) != SQLITE_DONE) {
            fprintf(stderr, "sqlite_floor: insert: %s\n", sqlite3_errmsg(db));
            rc = -1;
        }
        sqlite3_reset(ins);
        if (rc == 0 && i % COMMIT_EVERY == COMMIT_EVERY - 1)
            rc = run(db, "COMMIT") < 0 || run(db, "BEGIN") < 0 ? -1 : 0;
    }
    if (rc == 0)
        rc = run(db, "COMMIT");
    sqlite3_finalize(ins);
    return rc;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? strtol(argv[1], NULL, 10) : 0;
    int seq = argc > 2 && strcmp(argv[2], "seq") == 0;
    int batch = argc > 2 && strcmp(argv[2], "batch") == 0;
    const char *path = argc > 3 ? argv[3] : "/tmp/polc-sqlite-floor.db";
    if (n <= 0 || (argc > 2 && !seq && !batch && strcmp(argv[2], "random") != 0)) {
        fputs("usage: sqlite_floor N [seq|random|batch] [FILE]\n", stderr);
        return 2;
    }
    char wal[4096];
    snprintf(wal, sizeof wal, "%s-wal", path);
    remove(path);
    remove(wal);
    sqlite3 *db = NULL;
    struct timespec t0, t1;
    long nread = 0, nwritten = 0;
    /* batch mode opens the file as runtime/ledger.c does (open_db, sqlite_setup): no memory
     * statistics, no mutex on the connection; seq and random as they were first measured */
    if (batch)
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = sqlite3_open_v2(path, &db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                                 (batch ? SQLITE_OPEN_NOMUTEX : 0),
                             NULL) != SQLITE_OK ||
                     run(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;") < 0
                 ? -1
             : batch ? run_batched(db, n, &nread, &nwritten)
                     : run_rows(db, n, seq);
    if (rc < 0)
        fprintf(stderr, "sqlite_floor: %s: %s\n", path, db ? sqlite3_errmsg(db) : "cannot open");
    clock_gettime(CLOCK_MONOTONIC, &t1);
    sqlite3_close(db);
    remove(path);
    remove(wal);
    if (rc < 0)
        return 1;
    double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    if (batch)
        printf("%ld claims batched (%d a row), %ld persons' rows read, %ld rows written: %.3f s, "
               "%.0f ns a claim\n",
               n, BATCH_CLAIMS, nread, nwritten, s, s * 1e9 / (double)n);
    else
        printf("%ld inserts (%s keys): %.3f s, %.0f ns an insert\n", n,
               seq ? "sequential" : "random", s, s * 1e9 / (double)n);
    return 0;
}
