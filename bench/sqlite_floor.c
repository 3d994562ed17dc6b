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
 * run a log-structured id index would merge later (the merging not counted).
 *
 * prints "N inserts (ORDER keys): T s, X ns an insert". The figure to compare is the
 * instruction count, which callgrind gives whatever the machine's load:
 *   valgrind --tool=callgrind build/bench/sqlite_floor 10000 seq
 *   valgrind --tool=callgrind build/bench/sqlite_floor 110000 seq
 * and (second - first) / 100,000 is the cost of one insert, the set-up taken out. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime under -std=c11 */
#include <sqlcipher/sqlite3.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* claims a transaction: `polc run --ledger` commits 51 times over 104,638 claims */
#define COMMIT_EVERY 2048
static int run(sqlite3 *db, const char *sql);

/* a claim record's bytes (runtime/ledger.c: "a claim record is ~100 bytes") */
#define RECORD_BYTES 100

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

/* batch mode: n claims in transactions of COMMIT_EVERY, two rows a transaction */
static int run_batched(sqlite3 *db, long n)
{
    static unsigned char rec[COMMIT_EVERY * RECORD_BYTES];
    static uint64_t ids[2 * COMMIT_EVERY];
    sqlite3_stmt *ins = NULL;
    if (sqlite3_exec(db,
                     "CREATE TABLE claim_log (seq INTEGER PRIMARY KEY, recs BLOB NOT NULL);"
                     "CREATE TABLE id_runs (seq INTEGER PRIMARY KEY, pairs BLOB NOT NULL)",
                     NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db, "INSERT INTO claim_log (seq, recs) VALUES (?1, ?2)", -1, &ins,
                           NULL) != SQLITE_OK)
        return -1;
    sqlite3_stmt *ins2 = NULL;
    if (sqlite3_prepare_v2(db, "INSERT INTO id_runs (seq, pairs) VALUES (?1, ?2)", -1, &ins2,
                           NULL) != SQLITE_OK) {
        sqlite3_finalize(ins);
        return -1;
    }
    uint64_t x = UINT64_C(88172645463325252);
    int rc = 0;
    for (long i = 0, t = 0; i < n && rc == 0; t++) {
        long k = n - i < COMMIT_EVERY ? n - i : COMMIT_EVERY;
        for (long j = 0; j < k; j++) {
            x = xorshift(x);
            /* the record's encoding aside */
            memset(rec + j * RECORD_BYTES, (int)(x & 0x7F), RECORD_BYTES);
            ids[2 * j] = x;
            ids[2 * j + 1] = (uint64_t)(i + j);
        }
        qsort(ids, (size_t)k, 2 * sizeof *ids, cmp_u64);
        rc = run(db, "BEGIN");
        sqlite3_bind_int64(ins, 1, t + 1);
        sqlite3_bind_blob(ins, 2, rec, (int)(k * RECORD_BYTES), SQLITE_STATIC);
        sqlite3_bind_int64(ins2, 1, t + 1);
        sqlite3_bind_blob(ins2, 2, ids, (int)(k * 2 * sizeof *ids), SQLITE_STATIC);
        if (rc == 0 && (sqlite3_step(ins) != SQLITE_DONE || sqlite3_step(ins2) != SQLITE_DONE)) {
            fprintf(stderr, "sqlite_floor: insert: %s\n", sqlite3_errmsg(db));
            rc = -1;
        }
        sqlite3_reset(ins);
        sqlite3_reset(ins2);
        if (rc == 0)
            rc = run(db, "COMMIT");
        i += k;
    }
    sqlite3_finalize(ins);
    sqlite3_finalize(ins2);
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
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = sqlite3_open(path, &db) != SQLITE_OK ||
                     run(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;") < 0
                 ? -1
             : batch ? run_batched(db, n)
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
        printf("%ld claims batched (%d a row): %.3f s, %.0f ns a claim\n", n, COMMIT_EVERY, s,
               s * 1e9 / (double)n);
    else
        printf("%ld inserts (%s keys): %.3f s, %.0f ns an insert\n", n,
               seq ? "sequential" : "random", s, s * 1e9 / (double)n);
    return 0;
}
