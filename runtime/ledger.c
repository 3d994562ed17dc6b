/* ledger.c — where ledgers live between claims: per (person, ledger, key) the ledger's
 * int64 fields, and every settled claim (the audit trail that keeps a re-run from counting
 * a claim twice). Rows are kept per person, and a session holds the person it settles, so a
 * claim finds its rows without a lookup. Two back ends: memory for a run's life, or an
 * SQLite file that persists across runs, its rows cached per person and written at commit
 * (or a PostgreSQL database); a file opened to read keeps what a run settles in memory over
 * what it reads, and writes nothing. Also the runtime's hash map. */
#include "dl.h"
#include "rt_int.h"

#include <errno.h>
#include <limits.h>
#include <endian.h>
#include <fcntl.h>
#include <glob.h>
#include <inttypes.h>
#include <libpq-fe.h>
#include <poll.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* SQLCipher and libpq, opened by rt_ledger_open when a ledger file or URL first needs one
 * (dl.h: neither is loaded by a run without a ledger) */
// clang-format off
#define SQ_FUNCS(X) X(sqlite3_bind_blob) X(sqlite3_bind_int64) X(sqlite3_bind_null) \
    X(sqlite3_bind_parameter_index) X(sqlite3_bind_text) X(sqlite3_busy_timeout) \
    X(sqlite3_changes) X(sqlite3_clear_bindings) X(sqlite3_close) X(sqlite3_column_blob) \
    X(sqlite3_column_bytes) X(sqlite3_column_count) X(sqlite3_column_int64) X(sqlite3_column_text) \
    X(sqlite3_column_type) X(sqlite3_config) X(sqlite3_db_filename) X(sqlite3_errcode) \
    X(sqlite3_errmsg) X(sqlite3_exec) \
    X(sqlite3_extended_result_codes) X(sqlite3_file_control) X(sqlite3_finalize) X(sqlite3_free) \
    X(sqlite3_get_autocommit) X(sqlite3_key) X(sqlite3_open_v2) X(sqlite3_prepare_v2) X(sqlite3_reset) X(sqlite3_step) \
    X(sqlite3_vfs_find) X(sqlite3_vfs_register) X(sqlite3_wal_checkpoint_v2) X(sqlite3_wal_hook)
#define PQ_FUNCS(X) X(PQclear) X(PQcmdTuples) X(PQconnectdbParams) X(PQconsumeInput) X(PQenterPipelineMode) \
    X(PQerrorMessage) X(PQexitPipelineMode) \
    X(PQfinish) X(PQftype) X(PQgetResult) X(PQgetisnull) X(PQgetlength) X(PQgetvalue) X(PQisBusy) \
    X(PQnfields) X(PQntuples) X(PQpipelineStatus) X(PQpipelineSync) X(PQresultErrorField) \
    X(PQresultErrorMessage) X(PQresultStatus) X(PQsendPrepare) X(PQsendQuery) X(PQsendQueryParams) \
    X(PQsendQueryPrepared) X(PQsetNoticeProcessor) X(PQsocket) X(PQstatus)
// clang-format on
static struct {
    SQ_FUNCS(RT_DL_SLOT)
} sq;
static struct {
    PQ_FUNCS(RT_DL_SLOT)
} pq;
static const char *const sq_names[] = {SQ_FUNCS(RT_DL_NAME)};
static const char *const pq_names[] = {PQ_FUNCS(RT_DL_NAME)};
RT_DL_CHECK(sq, sq_names, RT_SONAME_sqlcipher);
RT_DL_CHECK(pq, pq_names, RT_SONAME_pq);
static RtDl sq_dl = RT_DL_INIT(RT_SONAME_sqlcipher, "libsqlcipher0", sq_names, &sq, 0);
static RtDl pq_dl = RT_DL_INIT(RT_SONAME_pq, "libpq5", pq_names, &pq, 0);

/* ---- the hash map ----------------------------------------------------------------------
 * Open addressing, linear probing, at most half full. Written here rather than taken from a
 * library: Debian's candidates are glib (a large dependency for one table) and hsearch_r
 * (fixed size, string keys only, no growth, no removal); persons and claim ids need a
 * growable table with removal, and ~80 lines do it. Removal shifts the rest of the probe
 * run back (no tombstones), so a table with entries coming and going never degrades. */

/* first table size, and the load factor bound (n / cap <= 1/2: short probe runs) */
#define MAP_MIN_CAP 16

/* FNV's low bits are weak; the table indexes by low bits, so mix first (splitmix64's end) */
static size_t slot_of(uint64_t h, size_t cap)
{
    h ^= h >> 30;
    h *= UINT64_C(0xbf58476d1ce4e5b9);
    h ^= h >> 27;
    h *= UINT64_C(0x94d049bb133111eb);
    h ^= h >> 31;
    return (size_t)h & (cap - 1);
}

/* a map with tag_in: entry e's tag */
static inline uint32_t tag_of(const RtMap *m, const void *e)
{
    return *(const uint32_t *)(const void *)((const char *)e + m->tag_in - 1);
}

/* what places an entry: its hash, or with tag_in its tag (then slot_of(tag) as well) */
static inline uint64_t key_of(const RtMap *m, uint64_t h)
{
    return m->tag_in ? rt_map_tag(h) : h;
}

/* what placed the entry in slot i */
static uint64_t key_at(const RtMap *m, size_t i)
{
    return m->tag_in ? tag_of(m, m->slots[i]) : m->hashes[i];
}

void *rt_map_find(const RtMap *m, uint64_t h, int (*eq)(const void *entry, const void *key),
                  const void *key)
{
    if (m->cap == 0)
        return NULL;
    size_t mask = m->cap - 1;
    if (m->tag_in) { /* the entries' tags: one test a call, not one a slot */
        uint32_t t = rt_map_tag(h);
        for (size_t i = slot_of(t, m->cap); m->slots[i]; i = (i + 1) & mask)
            if (m->tags[i] == (uint16_t)(t >> 16) && tag_of(m, m->slots[i]) == t &&
                eq(m->slots[i], key))
                return m->slots[i];
        return NULL;
    }
    for (size_t i = slot_of(h, m->cap); m->slots[i]; i = (i + 1) & mask)
        if (m->hashes[i] == h && eq(m->slots[i], key))
            return m->slots[i];
    return NULL;
}

void rt_map_prefetch(const RtMap *m, uint64_t h)
{
    if (m->cap) {
        size_t i = slot_of(key_of(m, h), m->cap);
        __builtin_prefetch(&m->slots[i]);
        if (m->tag_in)
            __builtin_prefetch(&m->tags[i], 1);
        else
            __builtin_prefetch(&m->hashes[i], 1);
    }
}

int rt_map_reserve(RtMap *m, size_t extra)
{
    if ((m->n + extra) * 2 <= m->cap)
        return 0;
    size_t cap = m->cap ? m->cap : MAP_MIN_CAP;
    while ((m->n + extra) * 2 > cap) {
        if (cap > SIZE_MAX / 2 / sizeof(void *))
            return -1;
        cap *= 2;
    }
    void **slots = rt_huge_alloc(cap * sizeof *slots);
    uint64_t *hashes = m->tag_in ? NULL : rt_huge_alloc(cap * sizeof *hashes);
    uint16_t *tags = m->tag_in ? rt_huge_alloc(cap * sizeof *tags) : NULL;
    if (!slots || (m->tag_in ? !tags : !hashes)) {
        rt_huge_free(slots, cap * sizeof *slots);
        rt_huge_free(hashes, cap * sizeof *hashes);
        rt_huge_free(tags, cap * sizeof *tags);
        return -1;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->slots[i])
            continue;
        uint64_t h = key_at(m, i);
        size_t j = slot_of(h, cap);
        while (slots[j])
            j = (j + 1) & (cap - 1);
        slots[j] = m->slots[i];
        if (hashes)
            hashes[j] = h;
        else
            tags[j] = (uint16_t)(h >> 16);
    }
    rt_huge_free(m->slots, m->cap * sizeof *m->slots);
    rt_huge_free(m->hashes, m->cap * sizeof *m->hashes);
    rt_huge_free(m->tags, m->cap * sizeof *m->tags);
    m->slots = slots;
    m->hashes = hashes;
    m->tags = tags;
    m->cap = cap;
    return 0;
}

/* Backward-shift deletion: after emptying slot i, each later entry of the run moves into
 * the hole unless its home slot lies cyclically in (i, j], where it must stay reachable. */
void *rt_map_remove(RtMap *m, uint64_t h, int (*eq)(const void *entry, const void *key),
                    const void *key)
{
    if (m->cap == 0)
        return NULL;
    uint64_t hk = key_of(m, h);
    size_t mask = m->cap - 1, i = slot_of(hk, m->cap);
    while (m->slots[i] && !(key_at(m, i) == hk && eq(m->slots[i], key)))
        i = (i + 1) & mask;
    void *entry = m->slots[i];
    if (!entry)
        return NULL;
    for (size_t j = (i + 1) & mask; m->slots[j]; j = (j + 1) & mask) {
        size_t k = slot_of(key_at(m, j), m->cap);
        if (i <= j ? (i < k && k <= j) : (i < k || k <= j))
            continue;
        m->slots[i] = m->slots[j];
        if (m->hashes)
            m->hashes[i] = m->hashes[j];
        else
            m->tags[i] = m->tags[j];
        i = j;
    }
    m->slots[i] = NULL;
    m->n--;
    return entry;
}

int rt_map_put(RtMap *m, uint64_t h, void *entry)
{
    if (rt_map_reserve(m, 1))
        return -1;
    uint64_t k = key_of(m, h);
    size_t i = slot_of(k, m->cap);
    while (m->slots[i])
        i = (i + 1) & (m->cap - 1);
    m->slots[i] = entry;
    if (m->hashes)
        m->hashes[i] = h;
    else
        m->tags[i] = (uint16_t)(k >> 16);
    m->n++;
    return 0;
}

void rt_map_clear(RtMap *m)
{
    if (m->n)
        memset(m->slots, 0, m->cap * sizeof *m->slots);
    m->n = 0;
}

void rt_map_free(RtMap *m)
{
    rt_huge_free(m->slots, m->cap * sizeof *m->slots);
    rt_huge_free(m->hashes, m->cap * sizeof *m->hashes);
    rt_huge_free(m->tags, m->cap * sizeof *m->tags);
    *m = (RtMap){.tag_in = m->tag_in};
}

/* ---- the store -------------------------------------------------------------------------- */

/* The ledger file format this runtime writes (meta 'format'). 1: every value as
 * "name=value" text and the policy's hash on every claim; 2: values as binary blobs laid
 * out by a named layout (below). A format-1 file is upgraded in place when opened: its rows
 * stay text and are still read, new rows are format 2. Any other format is refused. */
#define LEDGER_FORMAT     "2"
#define LEDGER_FORMAT_OLD "1"
/* How long a writer waits for another process holding the file's write lock. */
#define BUSY_TIMEOUT_MS 10000
/* Text of one int64 with its separator: "-9223372036854775808," */
#define I64_TEXT_MAX 24
/* bytes of one int64 as a zigzag varint: 64 bits in 7-bit groups */
#define VARINT_MAX 10
/* pages in the write-ahead log after which a checkpoint is due: SQLite's own default
 * (wal_autocheckpoint), so the log stays a few MB */
#define CKPT_PAGES 1000
/* pages in the log past which the store's own connection checkpoints, in the commit's WAL
 * hook (as SQLite's automatic checkpoint does): a checkpoint on another thread copies frames
 * but never ends the log (only a writer that finds every frame copied starts it again from
 * the top), so under a writer that never pauses (polc serve under wrk) the log grew for as
 * long as the service ran, 60 MB a second. The checkpointer has copied most frames by then,
 * so this one copies the rest and syncs, and the next transaction starts the log again:
 * 64 MB, several times a second under bench/serve.sh's load. Its syncs cost what the
 * checkpointer left unsynced: the database's pages copied since the last wrap until the
 * checkpointer synced them after each pass (ckpt_main), 6-7 ms a wrap then, 1.5-7 ms now,
 * mostly the few hundred frames it copies. */
#define CKPT_WRAP_PAGES 16384
/* pages in the log past which that checkpoint waits for the checkpointer's to end rather
 * than fail on its lock: the log's bound, whatever the scheduler does. Without it, the commits
 * made while the checkpointer held the lock (its thread off the CPU on a loaded machine) each
 * added to the log, without limit (tests/serve/wal.sh's bound failed now and then with two
 * suites at once on 2 cores). 512 pages (2 MB) past CKPT_WRAP_PAGES: under a steady writer
 * the checkpointer's checkpoint has ended long before, and nothing waits. */
#define CKPT_LOG_MAX (CKPT_WRAP_PAGES + 512)
/* KiB of SQLite's page cache a person kept (rt_ledger_keep: polc serve's 65,536, so 64 MiB at
 * most, taken as pages are read): the default 2 MB (~500 pages) held a small part of the
 * B-tree leaves that claims are inserted into (a 130,000-claim ledger is ~7,000 pages), and
 * the settling thread read 1.6 pages a request back from the file and its log: pread64
 * 4.28 -> 2.69 a request under bench/serve.sh (the rest is the checkpointer's copying) */
#define KEEP_PAGE_KB 1
/* KiB of SQLite's page cache for every writer (polc run, polc ledger import), taken as pages
 * are read; polc serve then sets its own (KEEP_PAGE_KB). The default 2 MB held a small part
 * of the B-trees a run writes into when its claims come by date, as they arrive: each batch's
 * rows and claim records are spread over the whole file, and its pages were read back from
 * the file and its log. 64 MiB, as polc serve's: callgrind, `polc run panji.so --ledger` on
 * `polc gen --persons 30000 --seed 1` in date order 4,165.7 -> 3,849.2 M instructions (-7.6%),
 * its 1,047,029 claims 62,159.8 -> 54,072.3 M (-13.0%); claims.csv as gen writes it, by person,
 * 2,555.3 -> 2,564.2 M (+0.3%); peak memory 31 -> 51 MB (bench/README.md) */
#define WRITE_CACHE_KB 65536

/* A person's ledger rows, one after another in one array: a header word (the ledger's index,
 * ROW_DIRTY when the row changed since it was last written to the file, ROW_NEW when the file
 * has no such row yet, so writing it is an INSERT, else an UPDATE), the key, the
 * date of the latest claim that wrote the row (POLRT_NONE: none known, e.g. an opening
 * balance; a claim dated before it is late), then the ledger's fields. A person has a
 * handful (ledgers × years), so a scan finds one. */
#define ROW_LEDGER INT64_C(0xffffffff)
#define ROW_DIRTY  (INT64_C(1) << 32)
#define ROW_NEW    (INT64_C(1) << 33)
#define ROW_NEWER  (INT64_C(1) << 34) /* written by a later policy with fields this one lacks */
#define ROW_LAYOUT 40                 /* ROW_NEWER: the bits from here hold that layout's id */
#define ROW_LAST   2                  /* the word of the row's latest claim date */
#define ROW_HEAD   3                  /* words before a row's fields */

/* A person's ledger rows as the store keeps them (rt_int.h's RtLedgerPerson). Found by id in
 * RtStore.persons; a session that settles the person holds it, so its claims reach the rows
 * without a lookup. In memory the rows are the ledger; for SQLite they are the file's rows,
 * read once (when first held, or again after another process wrote the file) and written
 * back at commit. Sessions settle a person one at a time, so only the holder touches rows;
 * the other fields are the store's, under its mutex. */
struct RtLedgerPerson {
    uint64_t hash;  /* of id: its slot in RtStore.persons */
    int holders;    /* sessions holding it */
    int in_map;     /* findable by id; else it goes when unheld and written */
    int dirty;      /* SQLite: rows to write at commit; it is on RtStore.dirty */
    int forgotten;  /* SQLite: forgotten while dirty: leaves the map once written */
    int kept;       /* forgotten, its rows kept for its next claim: on RtStore's kept list */
    uint64_t epoch; /* SQLite: RtStore.epoch when the rows were read (0: never) */
    RtLedgerPerson *next_dirty;
    RtLedgerPerson *kept_prev, *kept_next; /* the kept list, oldest first */
    /* read-only store: the claims settled (or settled again) in memory, last first */
    struct MemClaim *claims;
    int64_t *rows; /* the rows (layout above) */
    size_t nwords; /* words of rows used */
    size_t cap;    /* words allocated */
    char id[];     /* the person's id */
};

/* a settled claim in memory: ids after the data */
typedef struct MemClaim {
    const char *id, *person;
    /* read-only store: the next of the person's (RtLedgerPerson.claims), and the number a
     * claim settled in memory was given (0: a stored claim settled again, which keeps the
     * number the file gave it) */
    struct MemClaim *next;
    int64_t seq;
    int64_t data[]; /* fields, out, keys, before, after (schema sizes) */
} MemClaim;

/* The groups of values a claim record holds, named by the schema. */
typedef enum {
    G_FIELDS, /* claim fields: "total" */
    G_OUT,    /* outputs: "basic" */
    G_KEYS,   /* ledger keys, by ledger name: "year" */
    G_LEDGER, /* every ledger's fields: "year.own_paid" */
    G_ROW     /* one ledger's fields (a ledger row): "own_paid" */
} Group;
/* the groups a layout names (G_ROW is a part of G_LEDGER) */
#define NGROUPS 4
static const char *const group_key[NGROUPS] = {"fields", "outputs", "keys", "ledger"};

/* A layout: which value is where in the blobs a writer stored, by name, so a ledger carries
 * over to a later version of the policy that adds, drops or reorders fields (an absent name
 * reads as 0, or as absent for outputs and keys). Kept in meta as 'layout:ID' = "policy=SHA"
 * then one line per group, "fields=level,discharged,...". For another writer's layout: per
 * group, where each stored value goes in this schema (-1: nowhere); per ledger of this
 * schema, the same for a stored row. This schema's own layout has no maps (NULL). */
typedef struct Layout {
    int64_t id;
    int n[NGROUPS];    /* values stored per group */
    int *map[NGROUPS]; /* stored position -> this schema's, or -1 */
    int *rown;         /* per ledger: values in a stored row */
    int **rowmap;      /* per ledger: stored position -> this ledger's field, or -1 */
    int fields_same;   /* the stored claim fields are this schema's, in some order */
    char **unknown;    /* per ledger: the first stored field this schema lacks (malloc'd,
                          "ledger.field"), or NULL */
    char policy[16];   /* the writer's policy, as messages name it: its sha256's first 12 */
} Layout;

/* the prepared statements, reused for every claim */
enum {
    Q_GET_ROWS,
    Q_ADD_ROW,
    Q_SET_ROW,
    Q_DEL_ROW,
    Q_GET_CLAIM,
    Q_PUT_CLAIM,
    Q_BEGIN,
    Q_COMMIT,
    Q_ROLLBACK,
    Q_DATA_VERSION,
    Q_GET_LAYOUT,
    Q_GET_SEQ,
    Q_SET_SEQ,
    Q_PUT_SEQ,
    NQ
};
static const char *const queries[NQ] = {
    [Q_GET_ROWS] = "SELECT ledger, key, vals, layout, last_date FROM ledger_rows "
                   "WHERE person_id = ?1",
    /* a row the file lacks (ROW_NEW), and one it has: the SQLite of SQLCipher 3.4 (3.15) has
     * no ON CONFLICT ... DO UPDATE, and INSERT OR REPLACE (a delete, then an insert) cost
     * 16,600 instructions a row against 9,700 for an INSERT (callgrind, bench/README.md) */
    [Q_ADD_ROW] = "INSERT INTO ledger_rows (person_id, ledger, key, layout, vals, updated_at, "
                  "last_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    [Q_SET_ROW] = "UPDATE ledger_rows SET layout = ?4, vals = ?5, updated_at = ?6, last_date = ?7 "
                  "WHERE person_id = ?1 AND ledger = ?2 AND key = ?3",
    /* a row that went back to nothing (row_void) */
    [Q_DEL_ROW] = "DELETE FROM ledger_rows WHERE person_id = ?1 AND ledger = ?2 AND key = ?3",
    [Q_GET_CLAIM] = "SELECT person_id, fields, outputs, keys, ledger_before, ledger_after, "
                    "layout FROM settled_claims WHERE claim_id = ?1",
    [Q_PUT_CLAIM] = "INSERT OR IGNORE INTO settled_claims (claim_id, person_id, layout, fields, "
                    "outputs, keys, ledger_before, ledger_after, settled_at, seq) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    [Q_BEGIN] = "BEGIN IMMEDIATE",
    [Q_COMMIT] = "COMMIT",
    [Q_ROLLBACK] = "ROLLBACK",
    [Q_DATA_VERSION] = "PRAGMA data_version",
    [Q_GET_LAYOUT] = "SELECT value FROM meta WHERE name = 'layout:' || ?1",
    [Q_GET_SEQ] = "SELECT value FROM meta WHERE name = 'seq'",
    /* the number changed in place (its row is there after the first commit that gave numbers
     * out): INSERT OR REPLACE, a delete and an insert, wrote meta's page and its key index's,
     * two of the 6.2 pages a one-claim commit wrote to the log (bench/README.md) */
    [Q_SET_SEQ] = "UPDATE meta SET value = ?1 WHERE name = 'seq'",
    [Q_PUT_SEQ] = "INSERT INTO meta (name, value) VALUES ('seq', ?1)",
};
/* Q_PUT_CLAIM in a file upgraded from format 1, whose claims carry the policy's hash */
static const char *const put_claim_v1 =
    "INSERT OR IGNORE INTO settled_claims (claim_id, person_id, layout, fields, outputs, keys, "
    "ledger_before, ledger_after, settled_at, seq, policy_sha256) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";

/* The tables of a ledger's history, the same in SQLite and PostgreSQL (BIGINT and BYTEA are
 * SQLite type names too): reversed_claims keeps a reversed claim's record as it was, with
 * when it was reversed (settled_claims then no longer holds the id, so the claim may be
 * submitted again); ledger_audit every change to the ledger that is not a claim settled
 * once: an adjustment (a claim settled again: output, old, new, delta, and the claim whose
 * arrival or reversal caused it), a reversal, an opening balance imported (its source), an
 * erasure (what was removed, never whose). The index finds a person's claims (late claims,
 * reversals, erasure). */
#define HISTORY_TABLES                                                                             \
    "CREATE TABLE IF NOT EXISTS reversed_claims ("                                                 \
    " claim_id TEXT NOT NULL, person_id TEXT NOT NULL, fields BYTEA NOT NULL,"                     \
    " outputs BYTEA NOT NULL, keys BYTEA NOT NULL, ledger_before BYTEA NOT NULL,"                  \
    " ledger_after BYTEA NOT NULL, settled_at TEXT NOT NULL, layout BIGINT, seq BIGINT,"           \
    " reversed_at TEXT NOT NULL);"                                                                 \
    "CREATE TABLE IF NOT EXISTS ledger_audit ("                                                    \
    " at TEXT NOT NULL, event TEXT NOT NULL, claim_id TEXT, person_id TEXT, output TEXT,"          \
    " old_value BIGINT, new_value BIGINT, delta BIGINT, detail TEXT);"                             \
    "CREATE INDEX IF NOT EXISTS settled_claims_person ON settled_claims (person_id);"              \
    "CREATE INDEX IF NOT EXISTS ledger_audit_person ON ledger_audit (person_id);"

/* The file's tables. ledger_rows holds the ledgers between claims, settled_claims the audit
 * trail. Values are blobs of zigzag varints (small and fast to write; a claim record is
 * ~100 bytes where text took ~1 KB), in the order of the row's layout (meta 'layout:ID',
 * which also names the policy that wrote it); rows of format 1 hold "name=value,..." text
 * instead, and no layout. */
static const char *const create_sql =
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS ledger_rows ("
    " person_id TEXT NOT NULL, ledger TEXT NOT NULL, key INTEGER NOT NULL,"
    " vals NOT NULL, updated_at TEXT NOT NULL, layout INTEGER, last_date INTEGER,"
    " PRIMARY KEY (person_id, ledger, key)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS settled_claims ("
    " claim_id TEXT PRIMARY KEY, person_id TEXT NOT NULL,"
    " fields NOT NULL, outputs NOT NULL, keys NOT NULL,"
    " ledger_before NOT NULL, ledger_after NOT NULL,"
    " settled_at TEXT NOT NULL, layout INTEGER, seq INTEGER) WITHOUT ROWID;" HISTORY_TABLES
    "INSERT OR IGNORE INTO meta (name, value) VALUES ('format', '" LEDGER_FORMAT "');"
    "INSERT OR IGNORE INTO meta (name, value) VALUES ('created_at',"
    " strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));";
/* format 1 to 2: the tables gain a layout column (NULL in the old rows, which are text) */
static const char *const upgrade_sql =
    "ALTER TABLE ledger_rows ADD COLUMN layout INTEGER;"
    "ALTER TABLE settled_claims ADD COLUMN layout INTEGER;"
    "UPDATE meta SET value = '" LEDGER_FORMAT "' WHERE name = 'format';";

/* The checkpointer: a thread with its own connection that copies the write-ahead log into
 * the database (a PASSIVE checkpoint, which never blocks the writer) whenever a commit has
 * left CKPT_PAGES in the log. SQLite would otherwise do it inside the COMMIT that crosses
 * the mark, on the settling thread, with the two fsyncs of a checkpoint: ~10% of an SQLite
 * claim's CPU, and more of its wall time (ledger_bench: see bench/README.md). */
typedef struct Ckpt {
    pthread_t th;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int want, stop; /* a checkpoint is due; the store closes */
    int busy;       /* a checkpoint running on the thread (idle: signalled at its end) */
    pthread_cond_t idle;
    int copied;        /* frames of the log the last checkpoint had copied (0: none, or the log
                          started again since) */
    sqlite3 *db;       /* its own connection to the file */
    sqlite3_file *dbf; /* that connection's database file, synced after each pass, or NULL */
    atomic_int failed; /* a checkpoint could not sync the database (rt_ledger_sync says so) */
} Ckpt;

/* a growing text (buf_add) */
typedef struct Buf {
    char *p;
    size_t n, cap;
    int oom;
} Buf;

struct RtStore {
    pthread_mutex_t mu;     /* guards the maps, the file and every field below but refs */
    atomic_int refs;        /* owners (sessions); the last close frees */
    const RtSchema *s;      /* the engine's (outlives every session, so the store) */
    char *path;             /* NULL: in memory */
    int *stride;            /* per ledger: words of one of its rows (ROW_HEAD + fields) */
    RtMap persons;          /* RtLedgerPerson by id */
    RtMap claims;           /* MemClaim by claim id: memory (keep_claims), or read-only */
    atomic_int keep_claims; /* memory: record settled claims (rt_ledger_keep_claims) */
    /* opened to read (polc explain, polc ledger export): the file or database is never
     * written, and no lock is taken; what a run settles (claims, rows) is kept in memory, as
     * a memory store keeps it, over what was read (rt_ledger_open) */
    int read_only;
    int no_tables; /* read-only: refused as not a ledger yet (RT_LEDGER_READ_OR_EMPTY) */
    /* SQLite */
    sqlite3 *db;
    int wal_fd; /* its write-ahead log, for rt_ledger_sync (wal_open; -1: not yet) */
    sqlite3_stmt *q[NQ];
    int in_tx;        /* a transaction is open (rt_ledger_begin, or one save's own) */
    int tx_wrote;     /* rows were changed in it (a rollback must drop cached rows) */
    int has_sha;      /* upgraded from format 1: claims carry policy_sha256 */
    int64_t layout;   /* this schema's layout id */
    Layout **layouts; /* other writers' layouts met so far */
    int nlayouts;
    uint64_t epoch;        /* cached rows read in an earlier epoch are read again */
    int64_t data_version;  /* PRAGMA data_version when last looked: another process wrote
                              the file when it changes, and then the epoch moves on */
    RtLedgerPerson *dirty; /* persons with rows to write at commit */
    /* persons forgotten whose rows stay findable, read in their epoch (rt_ledger_keep):
     * at most keep_max, the one forgotten longest ago let go first */
    size_t keep_max, nkept;
    RtLedgerPerson *kept_old, *kept_new;
    unsigned char *enc; /* scratch: a claim record's blobs */
    int64_t *tmp;       /* scratch: claim fields read back */
    char now[48];       /* settled_at / updated_at text of now_ms */
    int date_idx;       /* the claim date field (a row's latest claim date), or -1 */
    int late_check;     /* rt_ledger_save refuses a late claim (3) */
    int64_t seq;        /* the last claim sequence number given (meta 'seq'), in a tx */
    int64_t seq_read;   /* seq as read at the transaction's start */
    int seq_known;      /* SQLite: seq_read is the file's (no other process committed since) */
    int64_t now_ms;
    Ckpt *ckpt; /* NULL: SQLite checkpoints in the commit itself */
    /* PostgreSQL (a postgresql:// path): the same tables, values and layouts as SQLite */
    PGconn *pg;
    int pg_ready[8];     /* the statements of pg_run's stmt prepared on this connection */
    struct PgSent *sent; /* statements queued in the transaction's pipeline (pg_send) */
    size_t nsent, cap_sent;
    RtMap absent; /* hashes of the claim ids pg_find found absent in the transaction */
    /* rows prefetched for the transaction (rt_ledger_prefetch): persons' ids (offsets into
     * pre_ids) and where their rows are in pre_rows, found through pre_map */
    struct PrePerson *pre;
    size_t npre, cap_pre;
    Buf pre_ids;
    RtMap pre_map;
    PGresult *pre_rows;
    /* the connection lost (pg_note_lost) and made again (pg_reconnect) */
    int pg_lost;         /* no connection now: a transaction first connects again */
    long pg_losses;      /* connections lost so far (rt_ledger_link) */
    int64_t pg_retry_ms; /* pg_lost: the next try not before (CLOCK_MONOTONIC ms) */
    int64_t pg_backoff;  /* pg_lost: ms from a failed try to the next */
    char pg_why[200];    /* the last loss's reason, or the last failed try's */
    int answer_ms;       /* the longest wait for the server's answer (0: no limit) */
    int pg_silent;       /* pg_lost: lost for want of an answer (pg_wait) */
    int64_t probe_ms;    /* when rt_ledger_link last sent the server a query (a probe) */
};

__attribute__((format(printf, 3, 4))) static int fail(char *err, size_t errlen, const char *fmt,
                                                      ...)
{
    if (err && errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err, errlen, fmt, ap);
        va_end(ap);
    }
    return -1;
}

/* An SQLite failure on the ledger file, in SQLite's words (msg, else its last message) but
 * for the one a user meets most: another process holding the write lock past BUSY_TIMEOUT_MS,
 * which SQLite calls "database is locked", naming neither the ledger nor who holds it */
static int sq_fail(RtStore *st, const char *msg, char *err, size_t errlen)
{
    if ((sq.sqlite3_errcode(st->db) & 0xff) == SQLITE_BUSY)
        return fail(err, errlen,
                    "%s: the ledger is locked by another process writing to it (a polc run, "
                    "serve or ledger command on the same file, or an SQLite tool in a "
                    "transaction): waited %d s; run again when it has finished",
                    st->path, BUSY_TIMEOUT_MS / 1000);
    return fail(err, errlen, "%s: %s", st->path, msg ? msg : sq.sqlite3_errmsg(st->db));
}

static int db_fail(RtStore *st, char *err, size_t errlen)
{
    return sq_fail(st, NULL, err, errlen);
}

static uint64_t hash_str(const char *s)
{
    return rt_hash_bytes(RT_HASH_SEED, s, strlen(s));
}

/* ---- "name=value,..." text (format 1) ----------------------------------------------------
 * Rows written by format 1 are still read; nothing is written this way any more. */

static int group_size(const RtSchema *s, Group g, int ledger)
{
    switch (g) {
    case G_ROW: return s->ledgers[ledger].nfields;
    case G_FIELDS: return s->nclaim;
    case G_OUT: return s->noutputs;
    case G_KEYS: return s->nledgers;
    case G_LEDGER: return s->nledger_fields;
    }
    return 0;
}

/* the name of value i of group g: "total", "basic", "year", "year.own_paid" */
static void group_name(const RtSchema *s, Group g, int ledger, int i, char *buf, size_t len)
{
    switch (g) {
    case G_ROW: snprintf(buf, len, "%s", s->ledgers[ledger].fields[i].name); return;
    case G_FIELDS: snprintf(buf, len, "%s", s->claim[i].name); return;
    case G_OUT: snprintf(buf, len, "%s", s->outputs[i].name); return;
    case G_KEYS: snprintf(buf, len, "%s", s->ledgers[i].name); return;
    case G_LEDGER:
        for (int l = 0; l < s->nledgers; l++) {
            const RtLedger *led = &s->ledgers[l];
            if (i < led->offset + led->nfields) {
                snprintf(buf, len, "%s.%s", led->name, led->fields[i - led->offset].name);
                return;
            }
        }
        buf[0] = '\0';
        return;
    }
}

/* names are identifiers (no ',' or '='), so this is long enough for any real one */
#define NAME_MAX_LEN 256

static void buf_add(Buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 128;
        while (b->n + n + 1 > cap)
            cap *= 2;
        char *p = polrt_realloc(b->p, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

/* vals of group g as "name=value,..." into b (reset first): format 1's claim fields, to
 * compare with a claim format 1 stored */
static void encode_text(const RtSchema *s, Group g, int ledger, const int64_t *vals, Buf *b)
{
    char name[NAME_MAX_LEN], num[I64_TEXT_MAX];
    b->n = 0;
    buf_add(b, "", 0);
    for (int i = 0; i < group_size(s, g, ledger); i++) {
        group_name(s, g, ledger, i, name, sizeof name);
        int k = snprintf(num, sizeof num, "%" PRId64, vals[i]);
        if (i)
            buf_add(b, ",", 1);
        buf_add(b, name, strlen(name));
        buf_add(b, "=", 1);
        buf_add(b, num, (size_t)k);
    }
}

/* "name=value,..." into vals of group g: names not in the schema are skipped, schema names
 * not in the text get missing; 0, or -1 when the text is malformed */
static int decode_text(const RtSchema *s, Group g, int ledger, const char *text, int64_t *vals,
                       int64_t missing)
{
    char name[NAME_MAX_LEN];
    int n = group_size(s, g, ledger);
    for (int i = 0; i < n; i++)
        vals[i] = missing;
    const char *p = text;
    while (*p) {
        const char *eq = strchr(p, '=');
        if (!eq)
            return -1;
        size_t len = (size_t)(eq - p);
        errno = 0;
        char *end;
        long long v = strtoll(eq + 1, &end, 10);
        if (end == eq + 1 || errno || (*end && *end != ','))
            return -1;
        for (int i = 0; i < n; i++) {
            group_name(s, g, ledger, i, name, sizeof name);
            if (strlen(name) == len && memcmp(name, p, len) == 0) {
                vals[i] = v;
                break;
            }
        }
        p = *end ? end + 1 : end;
    }
    return 0;
}

/* ---- blobs of varints (format 2) --------------------------------------------------------- */

/* v[0..n) as zigzag LEB128 varints into b (room for VARINT_MAX each): the bytes written */
static size_t put_varints(unsigned char *b, const int64_t *v, int n)
{
    size_t k = 0;
    for (int i = 0; i < n; i++) {
        uint64_t u = ((uint64_t)v[i] << 1) ^ (UINT64_C(0) - ((uint64_t)v[i] >> 63));
        while (u >= 0x80) {
            b[k++] = (unsigned char)(u | 0x80);
            u >>= 7;
        }
        b[k++] = (unsigned char)u;
    }
    return k;
}

/* the next varint of b[*at..len): 0, or -1 when cut short or too long */
static int get_varint(const unsigned char *b, size_t len, size_t *at, int64_t *v)
{
    uint64_t u = 0;
    for (int shift = 0; shift < 64 && *at < len; shift += 7) {
        unsigned char c = b[(*at)++];
        u |= (uint64_t)(c & 0x7f) << shift;
        if (!(c & 0x80)) {
            *v = (int64_t)((u >> 1) ^ (UINT64_C(0) - (u & 1)));
            return 0;
        }
    }
    return -1;
}

/* A blob of nstored varints into vals[0..n): value i goes to map[i] (skipped when -1), or to
 * i when map is NULL (then nstored is n); the rest get missing. 0, or -1 when malformed. */
static int get_values(const void *blob, size_t len, const int *map, int nstored, int64_t *vals,
                      int n, int64_t missing)
{
    const unsigned char *b = blob;
    size_t at = 0;
    if (map)
        for (int i = 0; i < n; i++)
            vals[i] = missing;
    for (int i = 0; i < nstored; i++) {
        int64_t v;
        if (get_varint(b, len, &at, &v))
            return -1;
        int j = map ? map[i] : i;
        if (j >= 0 && j < n)
            vals[j] = v;
    }
    return at == len ? 0 : -1;
}

/* ---- layouts ------------------------------------------------------------------------------ */

/* this schema's layout text: "policy=SHA\nfields=a,b\noutputs=...\nkeys=...\nledger=...\n" */
static void layout_text(const RtSchema *s, Buf *b)
{
    static const Group groups[NGROUPS] = {G_FIELDS, G_OUT, G_KEYS, G_LEDGER};
    char name[NAME_MAX_LEN];
    buf_add(b, "policy=", 7);
    buf_add(b, s->sha256, strlen(s->sha256));
    for (int g = 0; g < NGROUPS; g++) {
        buf_add(b, "\n", 1);
        buf_add(b, group_key[g], strlen(group_key[g]));
        buf_add(b, "=", 1);
        for (int i = 0; i < group_size(s, groups[g], 0); i++) {
            group_name(s, groups[g], 0, i, name, sizeof name);
            if (i)
                buf_add(b, ",", 1);
            buf_add(b, name, strlen(name));
        }
    }
    buf_add(b, "\n", 1);
}

static void layout_free(const RtSchema *s, Layout *L)
{
    if (!L)
        return;
    for (int g = 0; g < NGROUPS; g++)
        polrt_realloc(L->map[g], 0);
    for (int l = 0; L->rowmap && l < s->nledgers; l++)
        polrt_realloc(L->rowmap[l], 0);
    for (int l = 0; L->unknown && l < s->nledgers; l++)
        polrt_realloc(L->unknown[l], 0);
    polrt_realloc(L->unknown, 0);
    polrt_realloc(L->rowmap, 0);
    polrt_realloc(L->rown, 0);
    polrt_realloc(L, 0);
}

/* where name[0..len) is in group g of this schema (G_LEDGER: "ledger.field"), or -1 */
static int name_index(const RtSchema *s, Group g, const char *name, size_t len)
{
    char buf[NAME_MAX_LEN];
    for (int i = 0; i < group_size(s, g, 0); i++) {
        group_name(s, g, 0, i, buf, sizeof buf);
        if (strlen(buf) == len && memcmp(buf, name, len) == 0)
            return i;
    }
    return -1;
}

/* The layout's groups from its lines "key=name,name,...": each name's index in this schema
 * (-1: none) into L->map, L->n. 0, or -1 when out of memory or a group is missing. */
static int layout_groups(const RtSchema *s, Layout *L, const char *text)
{
    static const Group groups[NGROUPS] = {G_FIELDS, G_OUT, G_KEYS, G_LEDGER};
    int seen = 0;
    for (const char *line = text; *line;) {
        const char *end = strchr(line, '\n'), *eq = strchr(line, '=');
        if (!end)
            end = line + strlen(line);
        int g = -1;
        for (int k = 0; eq && eq < end && k < NGROUPS; k++)
            if ((size_t)(eq - line) == strlen(group_key[k]) &&
                memcmp(line, group_key[k], (size_t)(eq - line)) == 0)
                g = k;
        if (g >= 0) {
            /* the names between eq and end, comma-separated */
            int n = eq + 1 < end;
            for (const char *c = eq + 1; c < end; c++)
                n += *c == ',';
            if (!(L->map[g] = polrt_realloc(NULL, ((size_t)n + 1) * sizeof *L->map[g])))
                return -1;
            L->n[g] = n;
            const char *nm = eq + 1;
            for (int i = 0; i < n; i++) {
                const char *c = memchr(nm, ',', (size_t)(end - nm));
                if (!c)
                    c = end;
                L->map[g][i] = name_index(s, groups[g], nm, (size_t)(c - nm));
                nm = c + 1;
            }
            seen |= 1 << g;
        }
        line = *end ? end + 1 : end;
    }
    return seen == (1 << NGROUPS) - 1 ? 0 : -1;
}

/* A stored row of ledger l: the stored G_LEDGER values that map into ledger l, in order (this
 * schema's ledger fields are contiguous per ledger, so the map says which), into L->rowmap,
 * L->rown. 0, or -1 when out of memory. */
static int layout_rows(const RtSchema *s, Layout *L, const char *text)
{
    for (int l = 0; l < s->nledgers; l++) {
        const RtLedger *led = &s->ledgers[l];
        int n = 0;
        if (!(L->rowmap[l] = polrt_realloc(NULL, ((size_t)L->n[G_LEDGER] + 1) * sizeof(int))))
            return -1;
        /* the stored ledger's values are those whose names start with "NAME." */
        size_t pl = strlen(led->name);
        const char *p = strstr(text, "\nledger=");
        p = p ? p + 8 : "";
        for (int i = 0; i < L->n[G_LEDGER]; i++) {
            const char *c = p + strcspn(p, ",\n");
            if ((size_t)(c - p) > pl && memcmp(p, led->name, pl) == 0 && p[pl] == '.') {
                int j = L->map[G_LEDGER][i];
                L->rowmap[l][n++] =
                    j >= led->offset && j < led->offset + led->nfields ? j - led->offset : -1;
                if (L->rowmap[l][n - 1] < 0 && !L->unknown[l]) {
                    if (!(L->unknown[l] = polrt_realloc(NULL, (size_t)(c - p) + 1)))
                        return -1;
                    memcpy(L->unknown[l], p, (size_t)(c - p));
                    L->unknown[l][c - p] = '\0';
                }
            }
            p = *c == ',' ? c + 1 : c;
        }
        L->rown[l] = n;
    }
    return 0;
}

/* Another writer's layout from its text: NULL when out of memory or malformed. */
static Layout *layout_parse(const RtSchema *s, int64_t id, const char *text)
{
    Layout *L = polrt_realloc(NULL, sizeof *L);
    if (!L)
        return NULL;
    memset(L, 0, sizeof *L);
    L->id = id;
    size_t nl = (size_t)s->nledgers + 1;
    L->rown = polrt_realloc(NULL, nl * sizeof *L->rown);
    L->rowmap = polrt_realloc(NULL, nl * sizeof *L->rowmap);
    L->unknown = polrt_realloc(NULL, nl * sizeof *L->unknown);
    if (!L->rown || !L->rowmap || !L->unknown)
        goto bad;
    memset(L->rown, 0, nl * sizeof *L->rown);
    memset(L->rowmap, 0, nl * sizeof *L->rowmap);
    memset(L->unknown, 0, nl * sizeof *L->unknown);
    if (layout_groups(s, L, text) < 0)
        goto bad;
    L->fields_same = L->n[G_FIELDS] == s->nclaim;
    for (int i = 0; i < L->n[G_FIELDS]; i++)
        L->fields_same &= L->map[G_FIELDS][i] >= 0;
    if (layout_rows(s, L, text) < 0)
        goto bad;
    if (!strncmp(text, "policy=", 7))
        snprintf(L->policy, sizeof L->policy, "%.12s", text + 7);
    return L;

bad:
    layout_free(s, L);
    return NULL;
}

/* the PostgreSQL store (at the end of the file); its name in messages, never the URL (it may
 * hold a password) */
#define PG_NAME "PostgreSQL ledger"
static const Layout *pg_layout_get(RtStore *st, int64_t id, int *bad, char *err, size_t errlen);
static int pg_open(RtStore *st, const char *url, char *err, size_t errlen);
static int pg_fetch_rows(RtStore *st, RtLedgerPerson *lp, char *err, size_t errlen);
static int pg_tx_begin(RtStore *st, char *err, size_t errlen);
static int pg_reconnect(RtStore *st, char *err, size_t errlen);
static int pg_flush_person(RtStore *st, RtLedgerPerson *lp, const char *now, char *err,
                           size_t errlen);
static int pg_commit(RtStore *st, char *err, size_t errlen);
static int pg_find(RtStore *st, RtClaimRec *r, int64_t *fields, char *person, size_t plen,
                   char *err, size_t errlen);
static int pg_put_claim(RtStore *st, const RtClaimRec *r, char *err, size_t errlen);
static int pg_cmd(RtStore *st, const char *sql, char *err, size_t errlen);
static int pg_bound_locks(RtStore *st, char *err, size_t errlen);
static void pg_rollback(RtStore *st);
static void pg_tx_end(RtStore *st);
static int pg_seq_write(RtStore *st, const char *val, char *err, size_t errlen);
static int pg_text(RtStore *st, const char *sql, const char *param, char *buf, size_t len,
                   char *err, size_t errlen);

/* ROW_NEWER for a row of ledger l stored in layout L, when L is a later policy's (layouts are
 * numbered as the ledger first meets them) with a field of l this one lacks: rewriting the row
 * in this layout would drop that field's value, silently (an instance behind on a rolling
 * reload, two instances on one ledger). An earlier policy's fields this one lacks are
 * dropped: a reload that removes a field is allowed (spec/SERVE.md "Engine regeneration"). */
static int64_t row_newer(const RtStore *st, const Layout *L, int l)
{
    return L && L->id > st->layout && L->unknown[l] ? ROW_NEWER | L->id << ROW_LAYOUT : 0;
}

/* A ROW_NEWER row refused: 1, the field it has and this policy lacks named in err (no
 * person id: spec/PRIVACY.md) */
static int newer_fail(const RtStore *st, const int64_t *row, char *err, size_t errlen)
{
    int l = (int)(row[0] & ROW_LEDGER);
    const char *field = "?";
    for (int i = 0; i < st->nlayouts; i++)
        if (st->layouts[i]->id == row[0] >> ROW_LAYOUT)
            field = st->layouts[i]->unknown[l];
    fail(err, errlen,
         "%s: ledger %s, key %lld: written by a newer policy, with fields this one lacks (%s): "
         "writing it here would drop them; settle with the newer policy (polc serve: reload "
         "this instance)",
         st->pg ? PG_NAME : st->path, st->s->ledgers[l].name, (long long)row[1], field);
    return 1;
}

/* a layout just read (NULL: it could not be, err says why) into the store's cache of them;
 * *bad set and NULL when it is not there */
static Layout *layout_keep(RtStore *st, Layout *L, char *err, size_t errlen, int *bad)
{
    Layout **a = L ? polrt_realloc(st->layouts, ((size_t)st->nlayouts + 1) * sizeof *a) : NULL;
    if (L && !a)
        fail(err, errlen, "out of memory");
    if (!a) {
        layout_free(st->s, L);
        *bad = 1;
        return NULL;
    }
    st->layouts = a;
    a[st->nlayouts++] = L;
    return L;
}

/* The layout with that id: NULL for this schema's own (nothing to map); else another's,
 * read from meta once. *bad: set when it cannot be had (message in err). */
static const Layout *layout_get(RtStore *st, int64_t id, int *bad, char *err, size_t errlen)
{
    *bad = 0;
    if (id == st->layout)
        return NULL;
    for (int i = 0; i < st->nlayouts; i++)
        if (st->layouts[i]->id == id)
            return st->layouts[i];
    if (st->pg)
        return pg_layout_get(st, id, bad, err, errlen);
    sqlite3_stmt *q = st->q[Q_GET_LAYOUT];
    Layout *L = NULL;
    sq.sqlite3_bind_int64(q, 1, id);
    int step = sq.sqlite3_step(q);
    if (step == SQLITE_ROW && sq.sqlite3_column_text(q, 0))
        L = layout_parse(st->s, id, (const char *)sq.sqlite3_column_text(q, 0));
    if (step != SQLITE_ROW && step != SQLITE_DONE)
        db_fail(st, err, errlen);
    else if (!L)
        fail(err, errlen, "%s: layout %lld of stored values is %s", st->path, (long long)id,
             step == SQLITE_DONE ? "missing" : "unreadable");
    sq.sqlite3_reset(q);
    return layout_keep(st, L, err, errlen, bad);
}

/* ---- opening ---------------------------------------------------------------------------- */

static int exec_sql(RtStore *st, const char *sql, char *err, size_t errlen)
{
    char *msg = NULL;
    if (sq.sqlite3_exec(st->db, sql, NULL, NULL, &msg) == SQLITE_OK)
        return 0;
    sq_fail(st, msg, err, errlen);
    sq.sqlite3_free(msg);
    return -1;
}

/* one text value of a one-row query into buf ("" when no row): 0, or -1. bind: ?1, or NULL */
static int query_text(RtStore *st, const char *sql, const char *bind, char *buf, size_t len,
                      char *err, size_t errlen)
{
    sqlite3_stmt *q;
    buf[0] = '\0';
    if (sq.sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK)
        return db_fail(st, err, errlen);
    if (bind)
        sq.sqlite3_bind_text(q, 1, bind, -1, SQLITE_STATIC);
    int rc = sq.sqlite3_step(q);
    if (rc == SQLITE_ROW && sq.sqlite3_column_text(q, 0))
        snprintf(buf, len, "%s", (const char *)sq.sqlite3_column_text(q, 0));
    sq.sqlite3_finalize(q);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_fail(st, err, errlen);
    return 0;
}

/* PRAGMA data_version: changes when another connection has committed to the file */
static int data_version(RtStore *st, int64_t *v, char *err, size_t errlen)
{
    sqlite3_stmt *q = st->q[Q_DATA_VERSION];
    int rc = sq.sqlite3_step(q);
    if (rc == SQLITE_ROW)
        *v = sq.sqlite3_column_int64(q, 0);
    sq.sqlite3_reset(q);
    return rc == SQLITE_ROW ? 0 : db_fail(st, err, errlen);
}

/* does table have column col? (PRAGMA table_info: the pragma_table_info function is newer
 * than the SQLite of SQLCipher 3.4) 1 yes, 0 no, -1 error */
static int has_column(RtStore *st, const char *table, const char *col, char *err, size_t errlen)
{
    char sql[64];
    sqlite3_stmt *q;
    snprintf(sql, sizeof sql, "PRAGMA table_info(%s)", table);
    if (sq.sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK)
        return db_fail(st, err, errlen);
    int rc, found = 0;
    while ((rc = sq.sqlite3_step(q)) == SQLITE_ROW)
        if (sq.sqlite3_column_text(q, 1) &&
            !strcmp((const char *)sq.sqlite3_column_text(q, 1), col))
            found = 1;
    sq.sqlite3_finalize(q);
    return rc == SQLITE_DONE ? found : db_fail(st, err, errlen);
}

/* the tables, the format (upgrading format 1) and this schema's layout id, in one
 * transaction; 0, or -1 with the transaction rolled back */
static int open_tables(RtStore *st, char *err, size_t errlen)
{
    char val[64];
    if (exec_sql(st, create_sql, err, errlen) ||
        query_text(st, "SELECT value FROM meta WHERE name = 'format'", NULL, val, sizeof val, err,
                   errlen))
        return -1;
    if (strcmp(val, LEDGER_FORMAT_OLD) == 0) {
        if (exec_sql(st, upgrade_sql, err, errlen))
            return -1;
    } else if (strcmp(val, LEDGER_FORMAT) != 0) {
        return fail(err, errlen,
                    "%s: ledger format '%s' (this runtime reads formats " LEDGER_FORMAT_OLD
                    " and " LEDGER_FORMAT ": a newer polc wrote it)",
                    st->path, val);
    }
    if ((st->has_sha = has_column(st, "settled_claims", "policy_sha256", err, errlen)) < 0)
        return -1;
    /* a file written before late claims and reversals: its rows gain the date of their latest
     * claim (unknown in the old rows: NULL), its claims a sequence number (NULL: before any) */
    static const char *const added[][3] = {
        {"ledger_rows", "last_date", "ALTER TABLE ledger_rows ADD COLUMN last_date INTEGER"},
        {"settled_claims", "seq", "ALTER TABLE settled_claims ADD COLUMN seq INTEGER"},
    };
    for (size_t i = 0; i < sizeof added / sizeof added[0]; i++) {
        int has = has_column(st, added[i][0], added[i][1], err, errlen);
        if (has < 0 || (has == 0 && exec_sql(st, added[i][2], err, errlen)))
            return -1;
    }
    /* this schema's layout: found by its text, else added as the next id */
    Buf lt = {0};
    layout_text(st->s, &lt);
    if (lt.oom) {
        polrt_realloc(lt.p, 0);
        return fail(err, errlen, "out of memory");
    }
    int rc = query_text(st,
                        "SELECT substr(name, 8) FROM meta WHERE name GLOB 'layout:*' AND "
                        "value = ?1",
                        lt.p, val, sizeof val, err, errlen);
    if (rc == 0 && !val[0]) {
        rc = query_text(st, "SELECT count(*) + 1 FROM meta WHERE name GLOB 'layout:*'", NULL, val,
                        sizeof val, err, errlen);
        char sql[96];
        snprintf(sql, sizeof sql, "INSERT INTO meta (name, value) VALUES ('layout:%lld', ?1)",
                 strtoll(val, NULL, 10));
        char none[8];
        if (rc == 0)
            rc = query_text(st, sql, lt.p, none, sizeof none, err, errlen);
    }
    polrt_realloc(lt.p, 0);
    if (rc)
        return -1;
    st->layout = strtoll(val, NULL, 10);
    return 0;
}

/* one text value of a one-row query, $1 bound to param (NULL: none), on either back end */
static int meta_text(RtStore *st, const char *sql, const char *param, char *buf, size_t len,
                     char *err, size_t errlen)
{
    return st->pg ? pg_text(st, sql, param, buf, len, err, errlen)
                  : query_text(st, sql, param, buf, len, err, errlen);
}

/* A ledger opened to read (rt_ledger_open's read_only), SQLite or PostgreSQL: what
 * open_tables (pg_open) finds, with nothing created, upgraded or recorded. No ledger's tables,
 * or a format that needs the upgrade a writer makes when it opens the ledger, is refused,
 * naming the commands that upgrade it. This schema's layout is the one recorded with its
 * text, else none (0, no layout's id: every stored value maps through its writer's layout);
 * the claims' sequence number as it stands numbers the claims settled in memory. */
static int read_tables(RtStore *st, char *err, size_t errlen)
{
    const char *name = st->pg ? PG_NAME : st->path;
    char val[64];
    int rc = meta_text(st,
                       st->pg ? "SELECT count(*)::text FROM information_schema.tables WHERE "
                                "table_schema = current_schema() AND table_name IN "
                                "('meta', 'ledger_rows', 'settled_claims')"
                              : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                                "name IN ('meta', 'ledger_rows', 'settled_claims')",
                       NULL, val, sizeof val, err, errlen);
    if (rc == 0 && strcmp(val, "3") != 0) {
        st->no_tables = 1;
        return fail(err, errlen,
                    "%s: not a ledger yet (it has no ledger tables): polc run or polc ledger "
                    "import makes one",
                    name);
    }
    if (rc == 0)
        rc = meta_text(st, "SELECT value FROM meta WHERE name = 'format'", NULL, val, sizeof val,
                       err, errlen);
    if (rc)
        return -1;
    const char *old = strcmp(val, LEDGER_FORMAT_OLD) == 0 ? "format " LEDGER_FORMAT_OLD : NULL;
    if (!old && strcmp(val, LEDGER_FORMAT) != 0)
        return fail(err, errlen,
                    "%s: ledger format '%s' (this runtime reads formats " LEDGER_FORMAT_OLD
                    " and " LEDGER_FORMAT ": a newer polc wrote it)",
                    name, val);
    /* the columns a format-2 ledger gained for late claims (open_tables' ALTERs) */
    char none[8];
    if (!old && (meta_text(st, "SELECT last_date FROM ledger_rows WHERE 1 = 0", NULL, none,
                           sizeof none, NULL, 0) ||
                 meta_text(st, "SELECT seq FROM settled_claims WHERE 1 = 0", NULL, none,
                           sizeof none, NULL, 0)))
        old = "format " LEDGER_FORMAT ", before late claims";
    if (!old && st->pg &&
        meta_text(st, "SELECT seq FROM ledger_audit WHERE 1 = 0", NULL, none, sizeof none, NULL, 0))
        old = "format " LEDGER_FORMAT ", before its audit rows were numbered";
    if (old)
        return fail(err, errlen,
                    "%s: a ledger of an older polc (%s), to be upgraded before it is read: polc "
                    "run, polc serve or polc ledger import upgrades it when it opens it",
                    name, old);
    Buf lt = {0};
    layout_text(st->s, &lt);
    if (lt.oom) {
        polrt_realloc(lt.p, 0);
        return fail(err, errlen, "out of memory");
    }
    rc = meta_text(st, "SELECT substr(name, 8) FROM meta WHERE name LIKE 'layout:%' AND value = $1",
                   lt.p, val, sizeof val, err, errlen);
    polrt_realloc(lt.p, 0);
    st->layout = strtoll(val, NULL, 10);
    if (rc == 0)
        rc = meta_text(st, "SELECT value FROM meta WHERE name = 'seq'", NULL, val, sizeof val, err,
                       errlen);
    st->seq = st->seq_read = strtoll(val, NULL, 10);
    return rc;
}

/* after a commit on the store's connection: wake the checkpointer when the log is long */
static int wal_hook(void *arg, sqlite3 *db, const char *name, int pages)
{
    Ckpt *c = arg;
    if (atomic_load(&c->failed))
        return SQLITE_OK; /* checkpoints no more (ckpt_main) */
    if (pages >= CKPT_WRAP_PAGES) {
        if (pages >= CKPT_LOG_MAX) {
            pthread_mutex_lock(&c->mu);
            c->want = 0; /* this one copies what it would */
            while (c->busy)
                pthread_cond_wait(&c->idle, &c->mu);
            pthread_mutex_unlock(&c->mu);
        }
        if ((sq.sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL) &
             0xff) == SQLITE_IOERR)
            atomic_store(&c->failed, 1);
    } else if (pages >= CKPT_PAGES) {
        /* due when CKPT_PAGES are left to copy, not at every commit past the mark: a
         * checkpoint with little to copy still costs its two fsyncs */
        pthread_mutex_lock(&c->mu);
        if (pages < c->copied)
            c->copied = 0; /* the log started again */
        if (pages - c->copied >= CKPT_PAGES) {
            c->want = 1;
            pthread_cond_signal(&c->cv);
        }
        pthread_mutex_unlock(&c->mu);
    }
    return SQLITE_OK;
}

static void *ckpt_main(void *arg)
{
    Ckpt *c = arg;
    rt_thread_name("polc-ckpt", 0);
    pthread_mutex_lock(&c->mu);
    for (;;) {
        while (!c->want && !c->stop)
            pthread_cond_wait(&c->cv, &c->mu);
        if (c->stop)
            break;
        c->want = 0;
        c->busy = 1;
        pthread_mutex_unlock(&c->mu);
        /* a failure (the file busy with another process's checkpoint) leaves the frames for
         * the next one, or for the last connection's close, which checkpoints everything;
         * one of I/O (the sync SQLite makes when it reached the log's end) is the failed
         * sync below */
        int copied = 0, rc = SQLITE_OK;
        if (!atomic_load(&c->failed))
            rc =
                sq.sqlite3_wal_checkpoint_v2(c->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, &copied);
        if (rc != SQLITE_OK)
            copied = 0;
        if ((rc & 0xff) == SQLITE_IOERR)
            atomic_store(&c->failed, 1);
        /* The pages it copied made durable here: SQLite syncs the database only at the end of
         * a checkpoint that reached the log's end, which under a steady writer is never
         * this thread's but the wrap's, on the settling thread (wal_hook), whose fdatasync
         * then wrote every page copied since the last wrap: 6-7 ms, the requests of the
         * group held meanwhile, ~6 times a second under bench/serve.sh's load: the p99 of
         * 14-16 ms. With this, the wrap's sync writes the few pages it copies itself: p99
         * 6.5-8.0 ms (ten alternated runs, quiet), for 12-15% more CPU a request (pages
         * written back at each pass rather than once a wrap). */
        /* Failing, the pages it wrote may be lost (Linux reports a lost write-back once and
         * marks them clean) while SQLite counts them copied, so no later checkpoint writes
         * them again and a later sync vouches for nothing: the ledger's syncs fail from then
         * on (rt_ledger_sync), and polc serve answers 503 until it restarts. Nor does anything
         * checkpoint again, the close included (rt_ledger_close): a checkpoint that reached
         * the log's end would let SQLite start the log again over the only good copy of those
         * pages. The next open finds the log, rebuilds its index, and copies all of it. */
        if (copied > 0 && c->dbf &&
            c->dbf->pMethods->xSync(c->dbf, SQLITE_SYNC_NORMAL) != SQLITE_OK)
            atomic_store(&c->failed, 1);
        pthread_mutex_lock(&c->mu);
        c->copied = copied;
        c->busy = 0;
        pthread_cond_broadcast(&c->idle);
    }
    pthread_mutex_unlock(&c->mu);
    return NULL;
}

static void ckpt_free(Ckpt *c, int started)
{
    if (started) {
        pthread_mutex_lock(&c->mu);
        c->stop = 1;
        pthread_cond_signal(&c->cv);
        pthread_mutex_unlock(&c->mu);
        pthread_join(c->th, NULL);
    }
    pthread_cond_destroy(&c->cv);
    pthread_cond_destroy(&c->idle);
    pthread_mutex_destroy(&c->mu);
    sq.sqlite3_close(c->db);
    polrt_realloc(c, 0);
}

/* ---- the write-ahead log's frames, one write each ----------------------------------------
 * SQLite appends a frame to the log as two writes, its 24-byte header and then its page
 * (wal.c, walWriteOneFrame): under bench/serve.sh's single-claim POSTs pwrite64 was 10.3
 * calls of a request's 22.6 (perf stat's syscall counts) and 18% of the service's CPU (perf
 * record; ext4's write_begin/write_end run per call, a page at a time). This VFS, the
 * default one (unix) with the log files' writes wrapped, holds a frame header back and writes
 * it with the page that follows it at once, in one pwrite64. The header is held only between
 * those two xWrite calls of one thread: any other call on the file writes it first. Nothing
 * else changes: the main database file and every other call are the default VFS's own.
 * Measured: pwrite64 10.3 -> 6.1 calls a request, all system calls 22.6 -> 18.1; CPU a
 * request 96.6 -> 89.7 us (user + system, medians of 3 alternated 8 s runs: rough, noisy
 * machine). tests/runtime/ledger_frames.sh counts the writes. */
#define WAL_FRAME_HDR 24
#define LOG_VFS       "polc-log"

typedef struct LogFile {
    sqlite3_file base;  /* pMethods: log_io */
    sqlite3_int64 at;   /* where the header held goes */
    int held;           /* a frame header is held in buf[0..WAL_FRAME_HDR) */
    int cap;            /* bytes of buf */
    unsigned char *buf; /* the header, then the page, written as one */
    sqlite3_file *real; /* the default VFS's file, right after this struct */
} LogFile;

static sqlite3_vfs log_vfs;
static sqlite3_vfs *log_real; /* the default VFS */
static const sqlite3_io_methods log_io;

/* the header held, written (before anything else touches the file) */
static int log_flush(LogFile *f)
{
    if (!f->held)
        return SQLITE_OK;
    f->held = 0;
    return f->real->pMethods->xWrite(f->real, f->buf, WAL_FRAME_HDR, f->at);
}

static int log_write(sqlite3_file *pf, const void *p, int n, sqlite3_int64 off)
{
    LogFile *f = (LogFile *)pf;
    if (f->held && off == f->at + WAL_FRAME_HDR && n > 0) { /* the header's page */
        if (WAL_FRAME_HDR + n > f->cap) {
            unsigned char *b = realloc(f->buf, (size_t)(WAL_FRAME_HDR + n));
            if (!b) { /* out of memory: the two writes */
                int rc = log_flush(f);
                return rc != SQLITE_OK ? rc : f->real->pMethods->xWrite(f->real, p, n, off);
            }
            f->buf = b;
            f->cap = WAL_FRAME_HDR + n;
        }
        memcpy(f->buf + WAL_FRAME_HDR, p, (size_t)n);
        f->held = 0;
        return f->real->pMethods->xWrite(f->real, f->buf, WAL_FRAME_HDR + n, f->at);
    }
    int rc = log_flush(f);
    if (rc != SQLITE_OK)
        return rc;
    if (n != WAL_FRAME_HDR)
        return f->real->pMethods->xWrite(f->real, p, n, off);
    if (!f->buf) {
        if (!(f->buf = malloc(WAL_FRAME_HDR + 4096)))
            return f->real->pMethods->xWrite(f->real, p, n, off);
        f->cap = WAL_FRAME_HDR + 4096;
    }
    memcpy(f->buf, p, WAL_FRAME_HDR);
    f->at = off;
    f->held = 1;
    return SQLITE_OK;
}

static int log_close(sqlite3_file *pf)
{
    LogFile *f = (LogFile *)pf;
    int rc = log_flush(f), rc2 = f->real->pMethods ? f->real->pMethods->xClose(f->real) : 0;
    free(f->buf);
    f->buf = NULL;
    return rc != SQLITE_OK ? rc : rc2;
}

/* every other call: the header held written first, then the default VFS's */
#define LOG_PASS(name, params, args)                                                               \
    static int log_##name params                                                                   \
    {                                                                                              \
        LogFile *f = (LogFile *)pf;                                                                \
        int rc = log_flush(f);                                                                     \
        return rc != SQLITE_OK ? rc : f->real->pMethods->name args;                                \
    }
LOG_PASS(xRead, (sqlite3_file * pf, void *p, int n, sqlite3_int64 off), (f->real, p, n, off))
LOG_PASS(xTruncate, (sqlite3_file * pf, sqlite3_int64 size), (f->real, size))
LOG_PASS(xSync, (sqlite3_file * pf, int flags), (f->real, flags))
LOG_PASS(xFileSize, (sqlite3_file * pf, sqlite3_int64 *size), (f->real, size))
LOG_PASS(xLock, (sqlite3_file * pf, int lock), (f->real, lock))
LOG_PASS(xUnlock, (sqlite3_file * pf, int lock), (f->real, lock))
LOG_PASS(xCheckReservedLock, (sqlite3_file * pf, int *out), (f->real, out))
LOG_PASS(xFileControl, (sqlite3_file * pf, int op, void *arg), (f->real, op, arg))
LOG_PASS(xShmMap, (sqlite3_file * pf, int pg, int size, int extend, void volatile **p),
         (f->real, pg, size, extend, p))
LOG_PASS(xShmLock, (sqlite3_file * pf, int off, int n, int flags), (f->real, off, n, flags))
LOG_PASS(xShmUnmap, (sqlite3_file * pf, int del), (f->real, del))
LOG_PASS(xFetch, (sqlite3_file * pf, sqlite3_int64 off, int n, void **p), (f->real, off, n, p))
LOG_PASS(xUnfetch, (sqlite3_file * pf, sqlite3_int64 off, void *p), (f->real, off, p))
#undef LOG_PASS
static int log_sector(sqlite3_file *pf)
{
    LogFile *f = (LogFile *)pf;
    return f->real->pMethods->xSectorSize(f->real);
}
static int log_device(sqlite3_file *pf)
{
    LogFile *f = (LogFile *)pf;
    return f->real->pMethods->xDeviceCharacteristics(f->real);
}
static void log_barrier(sqlite3_file *pf)
{
    LogFile *f = (LogFile *)pf;
    log_flush(f);
    f->real->pMethods->xShmBarrier(f->real);
}

/* a log file wrapped; any other file is the default VFS's own */
static int log_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *pf, int flags, int *out)
{
    (void)vfs;
    if (!(flags & SQLITE_OPEN_WAL))
        return log_real->xOpen(log_real, name, pf, flags, out);
    LogFile *f = (LogFile *)pf;
    memset(f, 0, sizeof *f);
    f->real = (sqlite3_file *)(f + 1);
    int rc = log_real->xOpen(log_real, name, f->real, flags, out);
    if (rc != SQLITE_OK) {
        if (f->real->pMethods) /* SQLite calls xClose on a file whose pMethods is set */
            f->real->pMethods->xClose(f->real);
        f->base.pMethods = NULL;
        return rc;
    }
    if (f->real->pMethods->iVersion < log_io.iVersion) { /* an older default VFS: its own */
        f->real->pMethods->xClose(f->real);
        return log_real->xOpen(log_real, name, pf, flags, out);
    }
    f->base.pMethods = &log_io;
    return SQLITE_OK;
}

static const sqlite3_io_methods log_io = {.iVersion = 3,
                                          .xClose = log_close,
                                          .xRead = log_xRead,
                                          .xWrite = log_write,
                                          .xTruncate = log_xTruncate,
                                          .xSync = log_xSync,
                                          .xFileSize = log_xFileSize,
                                          .xLock = log_xLock,
                                          .xUnlock = log_xUnlock,
                                          .xCheckReservedLock = log_xCheckReservedLock,
                                          .xFileControl = log_xFileControl,
                                          .xSectorSize = log_sector,
                                          .xDeviceCharacteristics = log_device,
                                          .xShmMap = log_xShmMap,
                                          .xShmLock = log_xShmLock,
                                          .xShmBarrier = log_barrier,
                                          .xShmUnmap = log_xShmUnmap,
                                          .xFetch = log_xFetch,
                                          .xUnfetch = log_xUnfetch};

static void log_vfs_register(void)
{
    if (!(log_real = sq.sqlite3_vfs_find(NULL)))
        return;
    log_vfs = *log_real;
    log_vfs.zName = LOG_VFS;
    log_vfs.szOsFile = (int)sizeof(LogFile) + log_real->szOsFile;
    log_vfs.xOpen = log_open;
    log_vfs.pNext = NULL;
    if (sq.sqlite3_vfs_register(&log_vfs, 0) != SQLITE_OK)
        log_real = NULL;
}

/* the VFS a connection opens the file with: LOG_VFS, or NULL (the default) when it could not
 * be made */
static const char *log_vfs_name(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, log_vfs_register);
    return log_real ? LOG_VFS : NULL;
}

/* Start the checkpointer; when it cannot start (memory, threads), SQLite checkpoints as it
 * always does, in the commits: nothing is lost but speed. */
static void ckpt_start(RtStore *st, const RtLedgerKey *key)
{
    Ckpt *c = polrt_realloc(NULL, sizeof *c);
    if (!c)
        return;
    memset(c, 0, sizeof *c);
    if (pthread_mutex_init(&c->mu, NULL)) {
        polrt_realloc(c, 0);
        return;
    }
    if (pthread_cond_init(&c->cv, NULL)) {
        pthread_mutex_destroy(&c->mu);
        polrt_realloc(c, 0);
        return;
    }
    if (pthread_cond_init(&c->idle, NULL)) {
        pthread_cond_destroy(&c->cv);
        pthread_mutex_destroy(&c->mu);
        polrt_realloc(c, 0);
        return;
    }
    if (sq.sqlite3_open_v2(st->path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                           log_vfs_name()) != SQLITE_OK ||
        (key && key->len && sq.sqlite3_key(c->db, key->text, key->len) != SQLITE_OK) ||
        /* a connection that has never read the file has not opened its log, and SQLite 3.15
         * then takes a checkpoint for one with nothing to do: without this read the thread
         * checkpointed nothing, and the log kept every claim until the last close */
        sq.sqlite3_exec(c->db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) !=
            SQLITE_OK) {
        ckpt_free(c, 0);
        return;
    }
    if (sq.sqlite3_file_control(c->db, "main", SQLITE_FCNTL_FILE_POINTER, &c->dbf) != SQLITE_OK ||
        !c->dbf || !c->dbf->pMethods)
        c->dbf = NULL; /* not synced by the thread: the wrap's checkpoint syncs it */
    if (pthread_create(&c->th, NULL, ckpt_main, c) != 0) {
        ckpt_free(c, 0);
        return;
    }
    st->ckpt = c;
    sq.sqlite3_wal_hook(st->db, wal_hook, c); /* replaces the automatic checkpoint */
}

/* Read-only, by a user other than the ledger's owner, of a ledger no process has open (no
 * -shm beside it): SQLite would create its -wal and -shm, owned by this user, which a
 * read-only connection cannot remove when it closes, and the owner's next run could not open
 * them ("unable to open database file": review, with explain run as nobody on a ledger of
 * daemon's in a shared directory). Refused before anything is created: 0, or -1 (err set).
 * Root's files SQLite gives to the database's owner itself. */
static int read_only_leaves_files(const RtStore *st, char *err, size_t errlen)
{
    struct stat db, shm;
    char path[PATH_MAX];
    if (geteuid() == 0 || stat(st->path, &db) != 0 || db.st_uid == geteuid())
        return 0;
    if ((size_t)snprintf(path, sizeof path, "%s-shm", st->path) >= sizeof path ||
        stat(path, &shm) == 0 || errno != ENOENT)
        return 0;
    return fail(err, errlen,
                "%s: owned by another user (uid %u): reading it as this one (uid %u) would leave "
                "its -wal and -shm files beside it, owned by this user, and the owner could then "
                "not open the ledger; run this as the ledger's owner",
                st->path, (unsigned)db.st_uid, (unsigned)geteuid());
}

/* Read-only by the ledger's owner (or root), who may write the file and its folder: opened
 * for writing but answering queries only (query_only), so that its close, the last
 * connection's, removes the -wal and -shm files SQLite makes beside a WAL ledger, which a
 * read-only connection cannot remove (`polc ledger export` left them behind). Its queries
 * write nothing; the close copies the log into the file, as any writer's close does. */
static int tidy_read_only(const RtStore *st)
{
    struct stat db;
    char dir[PATH_MAX];
    if (!st->read_only || stat(st->path, &db) != 0 || !S_ISREG(db.st_mode) ||
        (geteuid() != 0 && db.st_uid != geteuid()) || access(st->path, W_OK) != 0 ||
        (size_t)snprintf(dir, sizeof dir, "%s", st->path) >= sizeof dir)
        return 0;
    char *slash = strrchr(dir, '/');
    const char *d = !slash ? "." : slash == dir ? "/" : (*slash = 0, dir);
    return access(d, W_OK) == 0;
}

/* The log's file opened for rt_ledger_sync, by the name SQLite gave it: the database's full
 * path, a symbolic link resolved, and -wal (the path as given named no file when it was a
 * link: every sync failed). Opened with the ledger, so a ledger moved while served is still
 * synced (SQLite writes on by its descriptors). 0, or -1 with errno set. */
static int wal_open(RtStore *st)
{
    char path[PATH_MAX];
    const char *db = sq.sqlite3_db_filename(st->db, "main");
    if (!db || !*db || (size_t)snprintf(path, sizeof path, "%s-wal", db) >= sizeof path) {
        errno = ENAMETOOLONG;
        return -1;
    }
    st->wal_fd = open(path, O_RDONLY | O_CLOEXEC);
    return st->wal_fd < 0 ? -1 : 0;
}

/* symbolic links followed to a ledger not made yet, at most: the kernel's own limit */
#define LEDGER_LINK_HOPS 40

/* A new ledger file made 0600 at path or, path a symbolic link to no file yet, at the file the
 * link names (a link to a link followed too): SQLite follows the link and would make that file
 * 0644, and O_EXCL never follows one (it said EEXIST). made: the name tried last. The
 * descriptor, or -1 with errno (EEXIST: a file is there, through any link). */
static int create_ledger_file(const char *path, char *made, size_t len)
{
    char link[PATH_MAX];
    snprintf(made, len, "%s", path);
    for (int hop = 0;; hop++) {
        int fd = open(made, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        struct stat sb;
        if (fd >= 0 || errno != EEXIST)
            return fd;
        if (lstat(made, &sb) != 0 || !S_ISLNK(sb.st_mode) || stat(made, &sb) == 0) {
            errno = EEXIST;
            return -1;
        }
        if (errno != ENOENT) /* a loop of links (ELOOP): not followed */
            return -1;
        ssize_t n = readlink(made, link, sizeof link);
        if (hop == LEDGER_LINK_HOPS || n < 0 || (size_t)n >= sizeof link) {
            errno = n < 0 ? errno : hop == LEDGER_LINK_HOPS ? ELOOP : ENAMETOOLONG;
            return -1;
        }
        link[n] = 0;
        char *slash = strrchr(made, '/'); /* a relative target: from the link's folder */
        size_t dir = link[0] == '/' || !slash ? 0 : (size_t)(slash - made) + 1;
        if (dir + (size_t)n >= len) {
            errno = ENAMETOOLONG;
            return -1;
        }
        memcpy(made + dir, link, (size_t)n + 1);
    }
}

/* SQLite's page cache for the file at most kb KiB (a hint: failing leaves the last size) */
static void cache_kb(RtStore *st, size_t kb)
{
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA cache_size = -%zu", kb);
    sq.sqlite3_exec(st->db, sql, NULL, NULL, NULL);
}

/* Open or create the file. Durability: journal_mode=WAL (readers never block the writer, a
 * commit is one append to the log) with synchronous=NORMAL, chosen over FULL: a process
 * killed at any point (SIGKILL, a crash, OOM) loses nothing committed and never corrupts the
 * file, because a commit is complete in the log (in the OS's page cache) before COMMIT
 * returns; only a power cut or an OS crash may undo the last commits (the log is synced at
 * checkpoints, not at every commit). Then it undoes the claim records and the ledger rows
 * together, so a re-run settles those claims again and nothing is counted twice. FULL would
 * add an fsync to every commit to survive power loss too, at a few ms a commit. */
static int open_db(RtStore *st, const RtLedgerKey *key, char *err, size_t errlen)
{
    char val[64];
    /* a new ledger holds personal data: created 0600 (less with a stricter umask) before
     * SQLite opens it, as SQLite would make it 0644; its -wal and -shm files take the
     * database file's mode. An empty file is an empty database. Read-only: never created. */
    char made[PATH_MAX];
    int fd = st->read_only ? -1 : create_ledger_file(st->path, made, sizeof made);
    if (fd >= 0) {
        close(fd);
    } else if (!st->read_only && errno != EEXIST) {
        /* neither made nor there (its directory missing or closed to us): SQLite would say
         * only "unable to open database file" (a new-user pass, --ledger in a missing
         * directory) */
        int e = errno, link = strcmp(made, st->path) != 0;
        return fail(err, errlen, "cannot create ledger %s%s%s%s: %s", st->path,
                    link ? " (a symbolic link to " : "", link ? made : "", link ? ")" : "",
                    strerror(e));
    }
    if (st->read_only && read_only_leaves_files(st, err, errlen) < 0)
        return -1;
    int tidy = tidy_read_only(st);
    int rc = sq.sqlite3_open_v2(st->path, &st->db,
                                (tidy            ? SQLITE_OPEN_READWRITE
                                 : st->read_only ? SQLITE_OPEN_READONLY
                                                 : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                                    SQLITE_OPEN_NOMUTEX,
                                log_vfs_name());
    if (rc != SQLITE_OK) {
        if (!st->db)
            return fail(err, errlen, "%s: out of memory", st->path);
        return db_fail(st, err, errlen);
    }
    sq.sqlite3_extended_result_codes(st->db, 1);
    sq.sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
    /* Encrypted at rest (--ledger-key): SQLCipher encrypts every page of the file and of its
     * write-ahead log (AES-256, the key derived from the passphrase with PBKDF2, or a raw
     * key as given), and copies the key. A wrong key, none for an encrypted file or one for
     * a plain file shows at the first read as "file is not a database": said in words. */
    if (key && key->len && sq.sqlite3_key(st->db, key->text, key->len) != SQLITE_OK)
        return db_fail(st, err, errlen);
    int first = sq.sqlite3_exec(st->db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
    if ((first & 0xff) == SQLITE_NOTADB) {
        static const RtLedgerKey none = {.len = 0};
        return rt_ledger_key_mismatch(st->path, key ? key : &none, err, errlen);
    }
    if (first != SQLITE_OK || (tidy && exec_sql(st, "PRAGMA query_only=1", err, errlen)))
        return first != SQLITE_OK ? db_fail(st, err, errlen) : -1;
    /* (a reader takes the file's journal mode as it is: in WAL, it never blocks the writer) */
    if (!st->read_only &&
        (query_text(st, "PRAGMA journal_mode=WAL", NULL, val, sizeof val, err, errlen) ||
         exec_sql(st, "PRAGMA synchronous=NORMAL", err, errlen)))
        return -1;
    if (!st->read_only && strcmp(val, "wal") != 0)
        return fail(err, errlen, "%s: cannot use write-ahead logging (journal mode %s)", st->path,
                    val);
    if (!st->read_only)
        cache_kb(st, WRITE_CACHE_KB);
    /* a database of some other program is not ours to add tables to */
    if (query_text(st,
                   "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT IN "
                   "('meta', 'ledger_rows', 'settled_claims', 'reversed_claims', "
                   "'ledger_audit') AND name NOT LIKE 'sqlite_%'",
                   NULL, val, sizeof val, err, errlen))
        return -1;
    if (strcmp(val, "0") != 0)
        return fail(err, errlen, "%s: not a polc ledger (it holds other tables)", st->path);
    if (st->read_only) {
        if (read_tables(st, err, errlen))
            return -1;
    } else {
        if (exec_sql(st, "BEGIN IMMEDIATE", err, errlen))
            return -1;
        if (open_tables(st, err, errlen)) {
            exec_sql(st, "ROLLBACK", NULL, 0);
            return -1;
        }
        if (exec_sql(st, "COMMIT", err, errlen))
            return -1;
    }
    for (int i = 0; i < NQ; i++) {
        const char *sql = i == Q_PUT_CLAIM && st->has_sha ? put_claim_v1 : queries[i];
        if (sq.sqlite3_prepare_v2(st->db, sql, -1, &st->q[i], NULL) != SQLITE_OK)
            return db_fail(st, err, errlen);
    }
    if (data_version(st, &st->data_version, err, errlen))
        return -1;
    if (!st->read_only) { /* a reader has nothing to copy back, nor a log to sync */
        ckpt_start(st, key);
        wal_open(st);
    }
    return 0;
}

/* Once a process, before SQLite starts: no memory statistics, which SQLite keeps under a
 * global mutex taken on every allocation of every statement (~4% of an SQLite claim's time
 * in ledger_bench) and which polc never reads. When SQLite is already running (a program
 * that uses it itself), sqlite3_config refuses and nothing changes. */
static void sqlite_setup(void)
{
    sq.sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int rt_ledger_is_pg(const char *db)
{
    return db && (!strncmp(db, "postgresql://", 13) || !strncmp(db, "postgres://", 11));
}

const char *rt_ledger_said(const char *db, char *buf, size_t len)
{
    if (rt_ledger_is_pg(db))
        return "the ledger";
    snprintf(buf, len, "ledger %s", db);
    return buf;
}

int rt_ledger_ranks_agree(const char *db, int nranks, const char *cmd, char *err, size_t errlen)
{
    if (rt_ledger_is_pg(db))
        return 0; /* one ledger every rank shares */
    size_t len = strlen(db) + sizeof ".rank*of*";
    char *pat = polrt_realloc(NULL, len);
    if (!pat)
        return 0; /* the open fails on memory next */
    snprintf(pat, len, "%s.rank*of*", db);
    glob_t g;
    int rc = 0;
    if (glob(pat, 0, NULL, &g) == 0) {
        for (size_t i = 0; i < g.gl_pathc && rc == 0; i++) {
            const char *of = strrchr(g.gl_pathv[i], 'f');
            int m = of ? atoi(of + 1) : 0;
            if (m <= 0 || (nranks > 1 && m == nranks))
                continue;
            if (cmd)
                snprintf(err, errlen,
                         "ledger %s was kept by %d rank%s (%s): %s works on one of their files "
                         "at a time (--ledger %s); it does not yet split a ledger across ranks "
                         "(spec/SCALE.md)",
                         db, m, rt_plural(m), g.gl_pathv[i], cmd, g.gl_pathv[i]);
            else
                snprintf(err, errlen,
                         "ledger %s was kept by %d rank%s (%s): run on %d rank%s (mpirun -np "
                         "%d), or the persons' rows would be looked for where they are not",
                         db, m, rt_plural(m), g.gl_pathv[i], m, rt_plural(m), m);
            rc = -1;
        }
        globfree(&g);
    }
    polrt_realloc(pat, 0);
    return rc;
}

int rt_ledger_exists(const char *db, char *err, size_t errlen)
{
    struct stat sb;
    if (rt_ledger_is_pg(db) || stat(db, &sb) == 0)
        return 0;
    int e = errno;
    snprintf(err, errlen, "cannot open ledger %s: %s", db, strerror(e));
    return polrt_exit_for_errno(e);
}

RtStore *rt_ledger_open(const RtSchema *s, const char *path, const RtLedgerKey *key, int read_only,
                        char *err, size_t errlen)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    /* a PostgreSQL URL is not a file name */
    int pg = rt_ledger_is_pg(path);
    struct stat sb;
    /* one look at the file: absent (errno ENOENT), or there and of its kind */
    int there = path && !pg && stat(path, &sb) == 0,
        absent = path && !pg && !there && errno == ENOENT;
    /* SQLite handed a directory or a device says "disk I/O error", naming no cause, and a
     * read-only opening of a FIFO waits for a writer for ever: a ledger is a regular file */
    if (there && !S_ISREG(sb.st_mode)) {
        fail(err, errlen, "cannot open ledger %s: not a regular file (a %s)", path,
             S_ISDIR(sb.st_mode)    ? "directory"
             : S_ISFIFO(sb.st_mode) ? "pipe"
             : S_ISSOCK(sb.st_mode) ? "socket"
                                    : "device");
        return NULL;
    }
    if (read_only == RT_LEDGER_READ_OR_EMPTY && absent)
        path = NULL; /* no file: an empty ledger, in memory (opening it would create it) */
    if (path && rt_dl_load(pg ? &pq_dl : &sq_dl, err, errlen) < 0)
        return NULL;
    if (path && !pg)
        pthread_once(&once, sqlite_setup);
    RtStore *st = polrt_realloc(NULL, sizeof *st);
    if (!st) {
        fail(err, errlen, "out of memory");
        return NULL;
    }
    memset(st, 0, sizeof *st);
    st->wal_fd = -1;
    if (pthread_mutex_init(&st->mu, NULL)) {
        polrt_realloc(st, 0);
        fail(err, errlen, "cannot create a mutex");
        return NULL;
    }
    atomic_init(&st->refs, 1);
    atomic_init(&st->keep_claims, 1);
    st->s = s;
    st->read_only = path && read_only;
    st->date_idx = s->claim_date ? rt_schema_field(s->claim, s->nclaim, s->claim_date) : -1;
    st->epoch = 1; /* a person's rows start at epoch 0: read when first held */
    /* scratch: every value of a claim record as varints; the claim fields */
    size_t nv = (size_t)s->nclaim + (size_t)s->noutputs + (size_t)s->nledgers +
                2 * (size_t)s->nledger_fields + 1;
    st->stride = polrt_realloc(NULL, ((size_t)s->nledgers + 1) * sizeof *st->stride);
    st->enc = path ? polrt_realloc(NULL, nv * VARINT_MAX) : NULL;
    st->tmp = path ? polrt_realloc(NULL, nv * sizeof *st->tmp) : NULL;
    if (!st->stride || (path && (!st->enc || !st->tmp))) {
        fail(err, errlen, "out of memory");
        rt_ledger_close(st);
        return NULL;
    }
    for (int l = 0; l < s->nledgers; l++)
        st->stride[l] = ROW_HEAD + s->ledgers[l].nfields;
    if (path) {
        if (!(st->path = rt_strdup(path))) {
            fail(err, errlen, "out of memory");
            rt_ledger_close(st);
            return NULL;
        }
        if (pg ? pg_open(st, path, err, errlen) : open_db(st, key, err, errlen)) {
            int empty = st->no_tables && read_only == RT_LEDGER_READ_OR_EMPTY;
            rt_ledger_close(st);
            return empty ? rt_ledger_open(s, NULL, NULL, 0, err, errlen) : NULL;
        }
    }
    return st;
}

RtStore *rt_ledger_retain(RtStore *st)
{
    atomic_fetch_add(&st->refs, 1);
    return st;
}

/* ---- persons' rows ------------------------------------------------------------------------ */

static int lp_eq(const void *entry, const void *key)
{
    return strcmp(((const RtLedgerPerson *)entry)->id, key) == 0;
}

static int lp_same(const void *entry, const void *key)
{
    return entry == key;
}

static void lp_unmap(RtStore *st, RtLedgerPerson *lp)
{
    if (lp->in_map) {
        rt_map_remove(&st->persons, lp->hash, lp_same, lp);
        lp->in_map = 0;
    }
}

/* free lp once nothing needs it: no holder, not findable, nothing left to write */
static void lp_drop_if_unused(RtLedgerPerson *lp)
{
    if (lp->holders == 0 && !lp->in_map && !lp->dirty) {
        polrt_realloc(lp->rows, 0);
        polrt_realloc(lp, 0);
    }
}

/* lp off the kept list (held again, or let go) */
static void kept_unlink(RtStore *st, RtLedgerPerson *lp)
{
    if (!lp->kept)
        return;
    if (lp->kept_prev)
        lp->kept_prev->kept_next = lp->kept_next;
    else
        st->kept_old = lp->kept_next;
    if (lp->kept_next)
        lp->kept_next->kept_prev = lp->kept_prev;
    else
        st->kept_new = lp->kept_prev;
    lp->kept_prev = lp->kept_next = NULL;
    lp->kept = 0;
    st->nkept--;
}

/* A person forgotten with nothing left to write: unfindable (it goes once unheld), or, when
 * the store keeps persons (rt_ledger_keep) and no one holds it, findable still, so its next
 * claim reads its rows from here, not the file, unless another process wrote the file since
 * (the epoch); past keep_max the one forgotten longest ago goes. */
static void let_go(RtStore *st, RtLedgerPerson *lp)
{
    kept_unlink(st, lp); /* (never on it here: holding took it off) */
    if (!st->keep_max || lp->holders > 0 || !lp->in_map) {
        lp_unmap(st, lp);
        return;
    }
    lp->kept_prev = st->kept_new;
    if (st->kept_new)
        st->kept_new->kept_next = lp;
    else
        st->kept_old = lp;
    st->kept_new = lp;
    lp->kept = 1;
    st->nkept++;
    while (st->nkept > st->keep_max) {
        RtLedgerPerson *old = st->kept_old;
        kept_unlink(st, old);
        lp_unmap(st, old);
        lp_drop_if_unused(old);
    }
}

/* a person none of whose claims is still to come: in memory the rows go (the ledger of a
 * person forgotten is forgotten); SQLite keeps them in the file, and in memory until written
 * (and after, let_go) */
static void forget_locked(RtStore *st, RtLedgerPerson *lp)
{
    if (lp->dirty)
        lp->forgotten = 1;
    else
        let_go(st, lp);
}

void rt_ledger_keep(RtStore *st, size_t persons)
{
    pthread_mutex_lock(&st->mu);
    if (!rt_ledger_is_memory(st) && !st->read_only) {
        st->keep_max = persons;
        /* and the pages of their B-trees (KEEP_PAGE_KB) */
        if (st->db && persons)
            cache_kb(st, persons * KEEP_PAGE_KB);
    }
    pthread_mutex_unlock(&st->mu);
}

RtLedgerPerson *rt_ledger_hold(RtStore *st, const char *person_id, uint64_t hash, char *err,
                               size_t errlen)
{
    pthread_mutex_lock(&st->mu);
    RtLedgerPerson *lp = rt_map_find(&st->persons, hash, lp_eq, person_id);
    if (!lp) {
        size_t n = strlen(person_id) + 1;
        if ((lp = polrt_realloc(NULL, sizeof *lp + n))) {
            memset(lp, 0, sizeof *lp);
            memcpy(lp->id, person_id, n);
            lp->hash = hash;
            lp->in_map = 1;
            if (rt_map_put(&st->persons, hash, lp)) {
                polrt_realloc(lp, 0);
                lp = NULL;
            }
        }
    }
    if (lp) {
        kept_unlink(st, lp);
        lp->holders++;
        lp->forgotten = 0;
    }
    pthread_mutex_unlock(&st->mu);
    if (!lp)
        fail(err, errlen, "out of memory");
    return lp;
}

void rt_ledger_release(RtStore *st, RtLedgerPerson *lp, int forget)
{
    pthread_mutex_lock(&st->mu);
    lp->holders--;
    if (forget)
        forget_locked(st, lp);
    lp_drop_if_unused(lp);
    pthread_mutex_unlock(&st->mu);
}

void rt_ledger_forget(RtStore *st, const char *person_id)
{
    pthread_mutex_lock(&st->mu);
    RtLedgerPerson *lp = rt_map_find(&st->persons, hash_str(person_id), lp_eq, person_id);
    if (lp) {
        forget_locked(st, lp);
        lp_drop_if_unused(lp);
    }
    pthread_mutex_unlock(&st->mu);
}

/* the person's row of ledger l under key, or NULL */
static int64_t *find_row(const RtStore *st, const RtLedgerPerson *lp, int l, int64_t key)
{
    for (size_t i = 0; i < lp->nwords;) {
        int64_t *w = lp->rows + i;
        int rl = (int)(w[0] & ROW_LEDGER);
        if (rl == l && w[1] == key)
            return w;
        i += (size_t)st->stride[rl];
    }
    return NULL;
}

/* the person's row of ledger l under key, a new one (ROW_NEW: the file lacks it; no latest
 * claim date) added when there is none: the one place a row is made. NULL out of memory,
 * which room reserved before (rows_reserve) rules out */
static int64_t *add_row(const RtStore *st, RtLedgerPerson *lp, int l, int64_t key)
{
    int64_t *row = find_row(st, lp, l, key);
    if (row)
        return row;
    if (rt_grow(&lp->rows, &lp->cap, lp->nwords + (size_t)st->stride[l], sizeof *lp->rows))
        return NULL;
    row = lp->rows + lp->nwords;
    lp->nwords += (size_t)st->stride[l];
    row[0] = l | ROW_NEW;
    row[1] = key;
    row[ROW_LAST] = POLRT_NONE;
    return row;
}

/* room for the rows under keys[] that lp lacks, so put_rows cannot fail: 0, or -1 (memory) */
static int rows_reserve(const RtStore *st, RtLedgerPerson *lp, const int64_t *keys)
{
    size_t need = lp->nwords;
    for (int l = 0; l < st->s->nledgers; l++)
        if (!find_row(st, lp, l, keys[l]))
            need += (size_t)st->stride[l];
    return rt_grow(&lp->rows, &lp->cap, need, sizeof *lp->rows);
}

/* the claim date of a claim's fields, or POLRT_NONE */
static int64_t claim_date(const RtStore *st, const int64_t *fields)
{
    return st->date_idx >= 0 && fields ? fields[st->date_idx] : POLRT_NONE;
}

/* every ledger's fields after a claim dated date into the rows under keys[] (room reserved),
 * marked; a row's latest claim date becomes date when that is later */
static void put_rows(const RtStore *st, RtLedgerPerson *lp, const int64_t *keys,
                     const int64_t *after, int64_t mark, int64_t date)
{
    const RtSchema *s = st->s;
    for (int l = 0; l < s->nledgers; l++) {
        const RtLedger *led = &s->ledgers[l];
        int64_t *row = add_row(st, lp, l, keys[l]); /* room reserved: not NULL */
        for (int f = 0; f < led->nfields; f++)
            row[ROW_HEAD + f] = after[led->offset + f];
        if (date != POLRT_NONE && (row[ROW_LAST] == POLRT_NONE || date > row[ROW_LAST]))
            row[ROW_LAST] = date;
        row[0] |= mark;
    }
}

/* every ledger's fields under keys[] into vals (zeros for a row not there) */
/* the rows under keys into vals: 0, or 1 when one was written by a later policy with fields
 * this one lacks (ROW_NEWER: said in err) */
static int get_rows(const RtStore *st, const RtLedgerPerson *lp, const int64_t *keys, int64_t *vals,
                    char *err, size_t errlen)
{
    const RtSchema *s = st->s;
    for (int l = 0; l < s->nledgers; l++) {
        const RtLedger *led = &s->ledgers[l];
        const int64_t *row = find_row(st, lp, l, keys[l]);
        if (row && (row[0] & ROW_NEWER))
            return newer_fail(st, row, err, errlen);
        for (int f = 0; f < led->nfields; f++)
            vals[led->offset + f] = row ? row[ROW_HEAD + f] : 0;
    }
    return 0;
}

/* SQLite: the person's rows from the file, replacing what lp held (never unwritten rows:
 * the epoch moves on only with nothing dirty). Rows of ledgers this schema lacks stay in the
 * file untouched. 0, or -1 with a message. */
static int fetch_rows(RtStore *st, RtLedgerPerson *lp, char *err, size_t errlen)
{
    const RtSchema *s = st->s;
    sqlite3_stmt *q = st->q[Q_GET_ROWS];
    int rc = 0, step = SQLITE_DONE;
    lp->nwords = 0;
    sq.sqlite3_bind_text(q, 1, lp->id, -1, SQLITE_STATIC);
    while (rc == 0 && (step = sq.sqlite3_step(q)) == SQLITE_ROW) {
        const char *name = (const char *)sq.sqlite3_column_text(q, 0);
        int l = 0;
        while (name && l < s->nledgers && strcmp(s->ledgers[l].name, name) != 0)
            l++;
        if (!name || l == s->nledgers)
            continue;
        if (rt_grow(&lp->rows, &lp->cap, lp->nwords + (size_t)st->stride[l], sizeof *lp->rows)) {
            rc = fail(err, errlen, "out of memory");
            break;
        }
        int64_t *row = lp->rows + lp->nwords;
        const RtLedger *led = &s->ledgers[l];
        row[0] = l;
        row[1] = sq.sqlite3_column_int64(q, 1);
        row[ROW_LAST] = sq.sqlite3_column_type(q, 4) == SQLITE_NULL ? POLRT_NONE
                                                                    : sq.sqlite3_column_int64(q, 4);
        int bad = 0;
        if (sq.sqlite3_column_type(q, 2) == SQLITE_TEXT) {
            bad = decode_text(s, G_ROW, l, (const char *)sq.sqlite3_column_text(q, 2),
                              row + ROW_HEAD, 0);
        } else {
            const Layout *L = layout_get(st, sq.sqlite3_column_int64(q, 3), &bad, err, errlen);
            if (bad) {
                rc = -1;
                break;
            }
            const void *b = sq.sqlite3_column_blob(q, 2);
            size_t n = (size_t)sq.sqlite3_column_bytes(q, 2);
            bad = L ? get_values(b, n, L->rowmap[l], L->rown[l], row + ROW_HEAD, led->nfields, 0)
                    : get_values(b, n, NULL, led->nfields, row + ROW_HEAD, led->nfields, 0);
            row[0] |= row_newer(st, L, l);
        }
        if (bad)
            rc = fail(err, errlen, "%s: ledger %s, key %lld: a stored row is malformed", st->path,
                      led->name, (long long)row[1]); /* no person id: spec/PRIVACY.md */
        else
            lp->nwords += (size_t)st->stride[l];
    }
    if (rc == 0 && step != SQLITE_DONE)
        rc = db_fail(st, err, errlen);
    sq.sqlite3_reset(q);
    sq.sqlite3_clear_bindings(q);
    if (rc)
        lp->nwords = 0;
    else
        lp->epoch = st->epoch;
    return rc;
}

int rt_ledger_load(RtStore *st, RtLedgerPerson *lp, const int64_t *keys, int64_t *vals, char *err,
                   size_t errlen)
{
    if (!st->db && !st->pg) {
        return get_rows(st, lp, keys, vals, err, errlen); /* the holder's own rows: no lock */
    }
    pthread_mutex_lock(&st->mu);
    int rc = lp->epoch == st->epoch ? 0
             : st->pg               ? pg_fetch_rows(st, lp, err, errlen)
                                    : fetch_rows(st, lp, err, errlen);
    if (rc == 0)
        rc = get_rows(st, lp, keys, vals, err, errlen);
    pthread_mutex_unlock(&st->mu);
    return rc;
}

/* ---- transactions ----------------------------------------------------------------------- */

/* run a prepared statement that returns no rows */
static int step_done(RtStore *st, int qi, char *err, size_t errlen)
{
    sqlite3_stmt *q = st->q[qi];
    int rc = sq.sqlite3_step(q);
    sq.sqlite3_reset(q);
    if (rc != SQLITE_DONE)
        return db_fail(st, err, errlen);
    return 0;
}

/* take the first person off the dirty list (written or not), and let go of it when no one
 * holds it any more */
static void pop_dirty(RtStore *st)
{
    RtLedgerPerson *lp = st->dirty;
    st->dirty = lp->next_dirty;
    lp->next_dirty = NULL;
    lp->dirty = 0;
    if (lp->forgotten) {
        lp->forgotten = 0;
        let_go(st, lp);
    }
    lp_drop_if_unused(lp);
}

/* take persons off the dirty list without writing them (their rows will be read again) */
static void discard_dirty(RtStore *st)
{
    while (st->dirty)
        pop_dirty(st);
}

/* End the open transaction undone. Rows changed in it no longer match the file: every
 * cached row is read again (a new epoch). */
static void tx_rollback(RtStore *st)
{
    if (st->pg) {
        if (st->in_tx)
            pg_rollback(st);
    } else if (!sq.sqlite3_get_autocommit(st->db))
        step_done(st, Q_ROLLBACK, NULL, 0);
    st->in_tx = 0;
    st->seq_known = 0; /* a number written in the transaction is undone with it */
    if (st->tx_wrote || st->dirty) {
        discard_dirty(st);
        st->epoch++;
    }
    st->tx_wrote = 0;
}

/* the claims' sequence number as the transaction starts (meta 'seq', under the write lock):
 * claims of one date settle in the order of their numbers when settled again */
static int seq_read(RtStore *st, char *err, size_t errlen)
{
    char val[32] = "";
    int rc;
    if (st->pg) {
        rc = pg_text(st, "SELECT value FROM meta WHERE name = 'seq'", NULL, val, sizeof val, err,
                     errlen);
    } else {
        sqlite3_stmt *q = st->q[Q_GET_SEQ];
        rc = sq.sqlite3_step(q);
        if (rc == SQLITE_ROW && sq.sqlite3_column_text(q, 0))
            snprintf(val, sizeof val, "%s", (const char *)sq.sqlite3_column_text(q, 0));
        sq.sqlite3_reset(q);
        rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(st, err, errlen);
    }
    if (rc) {
        tx_rollback(st);
        return -1;
    }
    st->seq = st->seq_read = strtoll(val, NULL, 10);
    st->seq_known = 1;
    return 0;
}

/* the sequence number written back before a commit that gave numbers out */
static int seq_write(RtStore *st, char *err, size_t errlen)
{
    if (st->seq == st->seq_read)
        return 0;
    char val[I64_TEXT_MAX];
    snprintf(val, sizeof val, "%lld", (long long)st->seq);
    int rc;
    if (st->pg) {
        rc = pg_seq_write(st, val, err, errlen);
    } else {
        sq.sqlite3_bind_text(st->q[Q_SET_SEQ], 1, val, -1, SQLITE_STATIC);
        rc = step_done(st, Q_SET_SEQ, err, errlen);
        if (rc == 0 && sq.sqlite3_changes(st->db) == 0) { /* no row yet: a new ledger */
            sq.sqlite3_bind_text(st->q[Q_PUT_SEQ], 1, val, -1, SQLITE_STATIC);
            rc = step_done(st, Q_PUT_SEQ, err, errlen);
        }
    }
    if (rc == 0)
        st->seq_read = st->seq;
    return rc;
}

/* "2026-12-03T22:06:40.288Z", as strftime('%Y-%m-%dT%H:%M:%fZ', 'now') wrote it, into
 * st->now: made once a millisecond, as every row written in a millisecond shares it */
static const char *now_text(RtStore *st)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    int64_t ms = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
    if (ms != st->now_ms) {
        struct tm tm;
        time_t sec = ts.tv_sec;
        gmtime_r(&sec, &tm);
        snprintf(st->now, sizeof st->now, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                 tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, (int)(ms % 1000));
        st->now_ms = ms;
    }
    return st->now;
}

/* The time a row of a transaction carries (settled_at, updated_at, reversed_at, the audit's
 * at): the one read when it began, so every row of one commit shows the same time, as an
 * auditor reads them (spec/DATA.md); outside one, a statement is its own transaction and
 * the time is now. Reading the clock again mid-transaction moved st->now, so the rows
 * written at commit carried a later time than the claims saved before it. */
static const char *tx_time(RtStore *st)
{
    return st->in_tx ? st->now : now_text(st);
}

/* BEGIN IMMEDIATE (the write lock, waiting up to BUSY_TIMEOUT_MS for another process), and
 * a new epoch when another process has written the file since we last looked */
static int tx_begin(RtStore *st, char *err, size_t errlen)
{
    /* the time of the transaction's claims (settled_at) and rows (updated_at): a clock read
     * a batch, not one a claim, once the writers' lock is held. Read before it, a writer that
     * waited for another process's commits stamped its rows earlier than theirs, and polc
     * ledger history, in time order, listed its adjustments before the ones they followed */
    if (st->pg) {
        int rc = pg_tx_begin(st, err, errlen);
        if (rc == 0)
            now_text(st);
        return rc;
    }
    int64_t v = 0;
    if (step_done(st, Q_BEGIN, err, errlen))
        return -1;
    now_text(st);
    st->in_tx = 1;
    st->tx_wrote = 0;
    if (data_version(st, &v, err, errlen)) {
        tx_rollback(st);
        return -1;
    }
    if (v != st->data_version) {
        st->data_version = v;
        st->epoch++;
        st->seq_known = 0;
    }
    /* the number this connection last wrote or read holds until another process commits:
     * reading it each transaction was 4.5% of polc serve's CPU on an SQLite ledger (perf) */
    if (st->seq_known) {
        st->seq = st->seq_read;
        return 0;
    }
    return seq_read(st, err, errlen);
}

/* A row gone back to nothing: every field 0 and no claim that wrote it (ROW_LAST unknown), as
 * when every claim of a person-year was reversed (rt_resettle_undo). A missing row reads the
 * same (zeros, nothing late against it), so such a row is deleted at commit, not written: a
 * ledger after reversals stores what a run without those claims stores (spec/DATA.md). */
static int row_void(const RtStore *st, const int64_t *row)
{
    if (row[ROW_LAST] != POLRT_NONE)
        return 0;
    const RtLedger *led = &st->s->ledgers[row[0] & ROW_LEDGER];
    for (int f = 0; f < led->nfields; f++)
        if (row[ROW_HEAD + f] != 0)
            return 0;
    return 1;
}

/* the rows of lp just written: none changed since, and a void one is not in the store */
static void rows_written(const RtStore *st, RtLedgerPerson *lp)
{
    for (size_t i = 0; i < lp->nwords; i += (size_t)st->stride[lp->rows[i] & ROW_LEDGER]) {
        int64_t *row = lp->rows + i;
        if (row[0] & ROW_DIRTY)
            row[0] = (row[0] & ~(ROW_DIRTY | ROW_NEW)) | (row_void(st, row) ? ROW_NEW : 0);
    }
}

/* Write the changed rows of one person: an INSERT for a row the file lacks (ROW_NEW), else an
 * UPDATE, or a DELETE for one gone back to nothing (row_void; nothing when the file lacks it).
 * The rows were read under the write lock, and read again whenever another process wrote the
 * file (the epoch), so each statement changes exactly one row; any other count means the file
 * and the cache disagree, and the transaction is refused rather than a guess written over
 * it. */
static int flush_person(RtStore *st, RtLedgerPerson *lp, const char *now, char *err, size_t errlen)
{
    const RtSchema *s = st->s;
    for (size_t i = 0; i < lp->nwords;) {
        int64_t *row = lp->rows + i;
        int l = (int)(row[0] & ROW_LEDGER);
        i += (size_t)st->stride[l];
        if (!(row[0] & ROW_DIRTY))
            continue;
        int gone = row_void(st, row);
        if (gone && (row[0] & ROW_NEW))
            continue;
        int qi = gone ? Q_DEL_ROW : row[0] & ROW_NEW ? Q_ADD_ROW : Q_SET_ROW;
        sqlite3_stmt *q = st->q[qi];
        /* every parameter bound each time, so no sqlite3_clear_bindings */
        sq.sqlite3_bind_text(q, 1, lp->id, -1, SQLITE_STATIC);
        sq.sqlite3_bind_text(q, 2, s->ledgers[l].name, -1, SQLITE_STATIC);
        sq.sqlite3_bind_int64(q, 3, row[1]);
        if (!gone) {
            size_t n = put_varints(st->enc, row + ROW_HEAD, s->ledgers[l].nfields);
            sq.sqlite3_bind_int64(q, 4, st->layout);
            sq.sqlite3_bind_blob(q, 5, st->enc, (int)n, SQLITE_STATIC);
            sq.sqlite3_bind_text(q, 6, now, -1, SQLITE_STATIC);
            if (row[ROW_LAST] == POLRT_NONE)
                sq.sqlite3_bind_null(q, 7);
            else
                sq.sqlite3_bind_int64(q, 7, row[ROW_LAST]);
        }
        if (step_done(st, qi, err, errlen))
            return -1;
        int changed = sq.sqlite3_changes(st->db);
        if (changed != 1) /* no person id: spec/PRIVACY.md */
            return fail(err, errlen,
                        "%s: ledger %s, key %lld: %d rows written where 1 was expected (the "
                        "file disagrees with the rows read from it)",
                        st->path, s->ledgers[l].name, (long long)row[1], changed);
    }
    rows_written(st, lp);
    return 0;
}

/* Write every changed row, then COMMIT; on failure roll back (the transaction's claims are
 * lost, as if killed, and the cache is read again): 0, or -1 with a message. */
static int tx_commit(RtStore *st, char *err, size_t errlen)
{
    const char *now = st->now; /* the transaction's time (tx_begin) */
    if (seq_write(st, err, errlen)) {
        tx_rollback(st);
        return -1;
    }
    /* in the order the persons first changed (the list is last first): for claims in
     * person order, keys ascending, which SQLite's B-tree takes most cheaply */
    RtLedgerPerson *rev = NULL;
    while (st->dirty) {
        RtLedgerPerson *lp = st->dirty;
        st->dirty = lp->next_dirty;
        lp->next_dirty = rev;
        rev = lp;
    }
    st->dirty = rev;
    while (st->dirty) {
        if ((st->pg ? pg_flush_person : flush_person)(st, st->dirty, now, err, errlen)) {
            tx_rollback(st);
            return -1;
        }
        pop_dirty(st);
    }
    int rc = st->pg ? pg_commit(st, err, errlen) : step_done(st, Q_COMMIT, err, errlen);
    if (rc) {
        tx_rollback(st);
        return rc;
    }
    st->in_tx = 0;
    st->tx_wrote = 0;
    return 0;
}

/* the store writes a file or database (not memory, not opened to read) */
static int writes(const RtStore *st)
{
    return (st->db || st->pg) && !st->read_only;
}

int rt_ledger_begin(RtStore *st, char *err, size_t errlen)
{
    int rc = 0;
    if (!writes(st))
        return 0; /* memory, or read-only: every save is complete at once, in memory */
    pthread_mutex_lock(&st->mu);
    if (!st->in_tx)
        rc = tx_begin(st, err, errlen);
    pthread_mutex_unlock(&st->mu);
    return rc;
}

int rt_ledger_commit(RtStore *st, char *err, size_t errlen)
{
    int rc = 0;
    if (!writes(st))
        return 0;
    pthread_mutex_lock(&st->mu);
    if (st->in_tx)
        rc = tx_commit(st, err, errlen);
    pthread_mutex_unlock(&st->mu);
    return rc;
}

int rt_ledger_needs_sync(const RtStore *st)
{
    return st->db && !st->read_only;
}

/* the log's name for a message: the ledger's as given and -wal, or, the ledger a symbolic
 * link, the name of the log SQLite writes and wal_open opens (the link resolved) */
static const char *wal_name(const RtStore *st, char *buf, size_t len)
{
    struct stat sb;
    const char *db = sq.sqlite3_db_filename(st->db, "main");
    int link = db && *db && lstat(st->path, &sb) == 0 && S_ISLNK(sb.st_mode);
    snprintf(buf, len, "%s-wal", link ? db : st->path);
    return buf;
}

/* The log's file synced: what every commit made before the call wrote there is on the disk.
 * Its own descriptor, not the connection's: the caller's thread syncs while the settling
 * thread goes on writing (fdatasync covers what was written before it began). SQLite never
 * removes the log while a connection is open, and starts it again in place, so the descriptor
 * stays the log's. */
int rt_ledger_sync(RtStore *st, char *err, size_t errlen)
{
    if (!rt_ledger_needs_sync(st))
        return 0;
    if (st->ckpt && atomic_load(&st->ckpt->failed))
        return fail(err, errlen, "%s: a checkpoint could not sync it to the disk", st->path);
    const char *what = NULL;
    if (st->wal_fd < 0 && wal_open(st) != 0)
        what = "cannot open it to sync it";
    else if (fdatasync(st->wal_fd) != 0)
        what = "cannot sync it to the disk";
    if (!what)
        return 0;
    int e = errno; /* (wal_name's lstat may set it) */
    char wal[PATH_MAX + 8];
    return fail(err, errlen, "%s: %s: %s", wal_name(st, wal, sizeof wal), what, strerror(e));
}

void rt_ledger_rollback(RtStore *st)
{
    if (!writes(st))
        return;
    pthread_mutex_lock(&st->mu);
    if (st->in_tx)
        tx_rollback(st);
    pthread_mutex_unlock(&st->mu);
}

/* The last owner closes. An open batch is rolled back: its claims were never committed, so
 * a re-run settles them; committing a caller's half-finished batch would be a guess. */
void rt_ledger_close(RtStore *st)
{
    if (!st || atomic_fetch_sub(&st->refs, 1) > 1)
        return;
    if ((st->db || st->pg) && st->in_tx)
        tx_rollback(st);
    discard_dirty(st);
    for (size_t i = 0; i < st->persons.cap; i++) {
        RtLedgerPerson *lp = st->persons.slots[i];
        if (lp) {
            polrt_realloc(lp->rows, 0);
            polrt_realloc(lp, 0);
        }
    }
    for (size_t i = 0; i < st->claims.cap; i++)
        polrt_realloc(st->claims.slots[i], 0);
    rt_map_free(&st->persons);
    rt_map_free(&st->claims);
    int keep_log = st->ckpt && atomic_load(&st->ckpt->failed); /* (ckpt_main) */
    if (st->ckpt)
        ckpt_free(st->ckpt, 1); /* first: the store's connection, the last, checkpoints */
    if (st->db) {
        for (int i = 0; i < NQ; i++)
            sq.sqlite3_finalize(st->q[i]);
        /* After a checkpoint's failed sync, left open as a crash leaves it: its close, the
         * last, would checkpoint from where the failed pass ended and remove the log, the
         * only good copy of its pages (SQLCipher's SQLite 3.15 has no NO_CKPT_ON_CLOSE). The
         * process's end keeps the log for the next open's recovery, which copies all of it. */
        if (!keep_log)
            sq.sqlite3_close(st->db);
    }
    if (st->pg)
        pq.PQfinish(st->pg);
    polrt_realloc(st->sent, 0);
    rt_map_free(&st->absent);
    pg_tx_end(st);
    polrt_realloc(st->pre, 0);
    polrt_realloc(st->pre_ids.p, 0);
    rt_map_free(&st->pre_map);
    for (int i = 0; i < st->nlayouts; i++)
        layout_free(st->s, st->layouts[i]);
    polrt_realloc(st->layouts, 0);
    polrt_realloc(st->stride, 0);
    polrt_realloc(st->enc, 0);
    polrt_realloc(st->tmp, 0);
    if (st->wal_fd >= 0)
        close(st->wal_fd);
    polrt_realloc(st->path, 0);
    pthread_mutex_destroy(&st->mu);
    polrt_realloc(st, 0);
}

/* ---- claims ----------------------------------------------------------------------------- */

static int claim_eq(const void *entry, const void *key)
{
    return strcmp(((const MemClaim *)entry)->id, key) == 0;
}

/* the settled claim's stored person and fields against r's: 0 same, else -1 and a message */
static int same_claim(const RtClaimRec *r, const char *person, int fields_same, char *err,
                      size_t errlen)
{
    if (strcmp(person, r->person_id) != 0)
        /* no person id: the stored one is another patient's (a 409 answer would hand it to
         * the hospital asking), and diagnostics name none (spec/PRIVACY.md) */
        return fail(err, errlen, "claim %s was already settled for another person", r->claim_id);
    if (!fields_same)
        return fail(err, errlen, "claim %s was already settled with different fields", r->claim_id);
    return 0;
}

static int mem_find(RtStore *st, RtClaimRec *r, char *err, size_t errlen)
{
    const RtSchema *s = st->s;
    const MemClaim *c = rt_map_find(&st->claims, hash_str(r->claim_id), claim_eq, r->claim_id);
    if (!c)
        return 0;
    const int64_t *d = c->data;
    size_t nf = (size_t)s->nclaim;
    int fields_same = nf == 0 || memcmp(d, r->fields, nf * sizeof *d) == 0;
    if (same_claim(r, c->person, fields_same, err, errlen))
        return 2;
    d += nf;
    memcpy(r->out, d, (size_t)s->noutputs * sizeof *d);
    d += s->noutputs;
    memcpy(r->keys, d, (size_t)s->nledgers * sizeof *d);
    d += s->nledgers;
    memcpy(r->before, d, (size_t)s->nledger_fields * sizeof *d);
    d += s->nledger_fields;
    memcpy(r->after, d, (size_t)s->nledger_fields * sizeof *d);
    return 1;
}

/* a format-1 claim record (text columns 1-5 of Q_GET_CLAIM): as rt_ledger_find */
static int sql_find_text(RtStore *st, sqlite3_stmt *q, RtClaimRec *r, char *err, size_t errlen)
{
    const RtSchema *s = st->s;
    const char *col[6];
    Buf b = {0};
    int rc;
    for (int i = 0; i < 6; i++)
        col[i] = (const char *)sq.sqlite3_column_text(q, i);
    encode_text(s, G_FIELDS, 0, r->fields, &b);
    if (b.oom)
        rc = fail(err, errlen, "out of memory");
    else if (!col[0] || !col[1] || !col[2] || !col[3] || !col[4] || !col[5])
        rc = fail(err, errlen, "%s: claim %s: stored record is incomplete", st->path, r->claim_id);
    else if (same_claim(r, col[0], strcmp(col[1], b.p) == 0, err, errlen))
        rc = 2;
    else if (decode_text(s, G_OUT, 0, col[2], r->out, POLRT_NONE) ||
             decode_text(s, G_KEYS, 0, col[3], r->keys, POLRT_NONE) ||
             decode_text(s, G_LEDGER, 0, col[4], r->before, 0) ||
             decode_text(s, G_LEDGER, 0, col[5], r->after, 0))
        rc = fail(err, errlen, "%s: claim %s: stored record is malformed", st->path, r->claim_id);
    else
        rc = 1;
    polrt_realloc(b.p, 0);
    return rc;
}

/* column i of q as values of group g through layout L (NULL: this schema's): 0, or -1 */
static int column_values(sqlite3_stmt *q, int i, const Layout *L, Group g, int64_t *vals, int n,
                         int64_t missing)
{
    const void *b = sq.sqlite3_column_blob(q, i);
    size_t len = (size_t)sq.sqlite3_column_bytes(q, i);
    return L ? get_values(b, len, L->map[g], L->n[g], vals, n, missing)
             : get_values(b, len, NULL, n, vals, n, missing);
}

static int sql_find(RtStore *st, RtClaimRec *r, char *err, size_t errlen)
{
    const RtSchema *s = st->s;
    sqlite3_stmt *q = st->q[Q_GET_CLAIM];
    int rc, bad = 0;
    sq.sqlite3_bind_text(q, 1, r->claim_id, -1, SQLITE_STATIC);
    int step = sq.sqlite3_step(q);
    const char *person = step == SQLITE_ROW ? (const char *)sq.sqlite3_column_text(q, 0) : NULL;
    if (step == SQLITE_DONE) {
        rc = 0;
    } else if (step != SQLITE_ROW) {
        rc = db_fail(st, err, errlen);
    } else if (sq.sqlite3_column_type(q, 1) == SQLITE_TEXT) {
        rc = sql_find_text(st, q, r, err, errlen);
    } else if (!person) {
        rc = fail(err, errlen, "%s: claim %s: stored record is incomplete", st->path, r->claim_id);
    } else {
        const Layout *L = layout_get(st, sq.sqlite3_column_int64(q, 6), &bad, err, errlen);
        int same;
        if (bad) {
            rc = -1;
        } else if (!L) {
            /* this schema's layout: the same fields encode to the same bytes */
            size_t n = put_varints(st->enc, r->fields, s->nclaim);
            same = (size_t)sq.sqlite3_column_bytes(q, 1) == n &&
                   (n == 0 || memcmp(sq.sqlite3_column_blob(q, 1), st->enc, n) == 0);
            rc = same_claim(r, person, same, err, errlen) ? 2 : 1;
        } else {
            same = L->fields_same &&
                   column_values(q, 1, L, G_FIELDS, st->tmp, s->nclaim, POLRT_NONE) == 0 &&
                   (s->nclaim == 0 ||
                    memcmp(st->tmp, r->fields, (size_t)s->nclaim * sizeof *st->tmp) == 0);
            rc = same_claim(r, person, same, err, errlen) ? 2 : 1;
        }
        if (rc == 1 && (column_values(q, 2, L, G_OUT, r->out, s->noutputs, POLRT_NONE) ||
                        column_values(q, 3, L, G_KEYS, r->keys, s->nledgers, POLRT_NONE) ||
                        column_values(q, 4, L, G_LEDGER, r->before, s->nledger_fields, 0) ||
                        column_values(q, 5, L, G_LEDGER, r->after, s->nledger_fields, 0)))
            rc = fail(err, errlen, "%s: claim %s: stored record is malformed", st->path,
                      r->claim_id);
    }
    sq.sqlite3_reset(q);
    sq.sqlite3_clear_bindings(q);
    return rc;
}

int rt_ledger_find(RtStore *st, RtClaimRec *r, char *err, size_t errlen)
{
    pthread_mutex_lock(&st->mu);
    /* memory; a read-only store's claims settled in memory, then those of the file */
    int rc = !st->path || st->read_only ? mem_find(st, r, err, errlen) : 0;
    if (rc == 0 && st->path)
        rc = st->pg ? pg_find(st, r, NULL, NULL, 0, err, errlen) : sql_find(st, r, err, errlen);
    pthread_mutex_unlock(&st->mu);
    return rc;
}

/* rt_ledger_get in memory: the record as stored, whoever it was settled for */
static int mem_get(RtStore *st, RtClaimRec *r, int64_t *fields, char *person, size_t plen)
{
    const RtSchema *s = st->s;
    const MemClaim *c = rt_map_find(&st->claims, hash_str(r->claim_id), claim_eq, r->claim_id);
    if (!c)
        return 0;
    const int64_t *d = c->data;
    snprintf(person, plen, "%s", c->person);
    memcpy(fields, d, (size_t)s->nclaim * sizeof *d);
    d += s->nclaim;
    memcpy(r->out, d, (size_t)s->noutputs * sizeof *d);
    d += s->noutputs;
    memcpy(r->keys, d, (size_t)s->nledgers * sizeof *d);
    d += s->nledgers;
    memcpy(r->before, d, (size_t)s->nledger_fields * sizeof *d);
    d += s->nledger_fields;
    memcpy(r->after, d, (size_t)s->nledger_fields * sizeof *d);
    return 1;
}

/* rt_ledger_get in the file: format 2 blobs through their layout, or format 1 text */
static int sql_get(RtStore *st, RtClaimRec *r, int64_t *fields, char *person, size_t plen,
                   char *err, size_t errlen)
{
    const RtSchema *s = st->s;
    sqlite3_stmt *q = st->q[Q_GET_CLAIM];
    int rc = 1, bad = 0;
    sq.sqlite3_bind_text(q, 1, r->claim_id, -1, SQLITE_STATIC);
    int step = sq.sqlite3_step(q);
    const char *pid = step == SQLITE_ROW ? (const char *)sq.sqlite3_column_text(q, 0) : NULL;
    if (step == SQLITE_DONE) {
        rc = 0;
    } else if (step != SQLITE_ROW) {
        rc = db_fail(st, err, errlen);
    } else if (!pid) {
        rc = fail(err, errlen, "%s: claim %s: stored record is incomplete", st->path, r->claim_id);
    } else if (sq.sqlite3_column_type(q, 1) == SQLITE_TEXT) {
        const char *col[5];
        for (int i = 0; i < 5; i++)
            col[i] = (const char *)sq.sqlite3_column_text(q, i + 1);
        if (!col[0] || !col[1] || !col[2] || !col[3] || !col[4] ||
            decode_text(s, G_FIELDS, 0, col[0], fields, POLRT_NONE) ||
            decode_text(s, G_OUT, 0, col[1], r->out, POLRT_NONE) ||
            decode_text(s, G_KEYS, 0, col[2], r->keys, POLRT_NONE) ||
            decode_text(s, G_LEDGER, 0, col[3], r->before, 0) ||
            decode_text(s, G_LEDGER, 0, col[4], r->after, 0))
            rc = fail(err, errlen, "%s: claim %s: stored record is malformed", st->path,
                      r->claim_id);
    } else {
        const Layout *L = layout_get(st, sq.sqlite3_column_int64(q, 6), &bad, err, errlen);
        if (bad)
            rc = -1;
        else if (column_values(q, 1, L, G_FIELDS, fields, s->nclaim, POLRT_NONE) ||
                 column_values(q, 2, L, G_OUT, r->out, s->noutputs, POLRT_NONE) ||
                 column_values(q, 3, L, G_KEYS, r->keys, s->nledgers, POLRT_NONE) ||
                 column_values(q, 4, L, G_LEDGER, r->before, s->nledger_fields, 0) ||
                 column_values(q, 5, L, G_LEDGER, r->after, s->nledger_fields, 0))
            rc = fail(err, errlen, "%s: claim %s: stored record is malformed", st->path,
                      r->claim_id);
    }
    if (rc == 1)
        snprintf(person, plen, "%s", pid);
    sq.sqlite3_reset(q);
    sq.sqlite3_clear_bindings(q);
    return rc;
}

int rt_ledger_get(RtStore *st, RtClaimRec *r, int64_t *fields, char *person, size_t plen, char *err,
                  size_t errlen)
{
    pthread_mutex_lock(&st->mu);
    int rc = !st->path || st->read_only ? mem_get(st, r, fields, person, plen) : 0;
    if (rc == 0 && st->path)
        rc = st->pg ? pg_find(st, r, fields, person, plen, err, errlen)
                    : sql_get(st, r, fields, person, plen, err, errlen);
    pthread_mutex_unlock(&st->mu);
    return rc;
}

/* ---- saving a settled claim --------------------------------------------------------------- */

/* a claim record's values, one group after another (MemClaim.data, RtStoredClaim.fields) */
static void claim_data(const RtSchema *s, int64_t *d, const RtClaimRec *r)
{
    memcpy(d, r->fields, (size_t)s->nclaim * sizeof *d);
    d += s->nclaim;
    memcpy(d, r->out, (size_t)s->noutputs * sizeof *d);
    d += s->noutputs;
    memcpy(d, r->keys, (size_t)s->nledgers * sizeof *d);
    d += s->nledgers;
    memcpy(d, r->before, (size_t)s->nledger_fields * sizeof *d);
    d += s->nledger_fields;
    memcpy(d, r->after, (size_t)s->nledger_fields * sizeof *d);
}

/* the claim record: data then the two ids, one allocation */
static MemClaim *mem_claim_new(const RtSchema *s, const RtClaimRec *r)
{
    size_t nd = (size_t)s->nclaim + (size_t)s->noutputs + (size_t)s->nledgers +
                2 * (size_t)s->nledger_fields;
    size_t lid = strlen(r->claim_id) + 1, lp = strlen(r->person_id) + 1;
    MemClaim *c = polrt_realloc(NULL, sizeof *c + nd * sizeof(int64_t) + lid + lp);
    if (!c)
        return NULL;
    int64_t *d = c->data;
    char *ids = (char *)(d + nd);
    memcpy(ids, r->claim_id, lid);
    memcpy(ids + lid, r->person_id, lp);
    c->id = ids;
    c->person = ids + lid;
    c->next = NULL;
    c->seq = 0;
    claim_data(s, d, r);
    return c;
}

static int is_late(const RtStore *st, const RtLedgerPerson *lp, const int64_t *keys, int64_t date);
static void mark_dirty(RtStore *st, RtLedgerPerson *lp);

/* A claim's record into st->claims (and, on a read-only store, onto its person's list with
 * the next number), then its rows: room first, so it is kept whole or not at all. 0, 1 when
 * the id is there already, -1. A read-only store's person is marked changed, so its rows stay
 * in memory for the run, never read from the file over them (and never written: nothing
 * commits). The caller holds st->mu. */
static int mem_keep(RtStore *st, RtLedgerPerson *lp, const RtClaimRec *r, char *err, size_t errlen)
{
    uint64_t hc = hash_str(r->claim_id);
    if (rt_map_find(&st->claims, hc, claim_eq, r->claim_id))
        return 1;
    MemClaim *c = mem_claim_new(st->s, r);
    if (!c || rt_map_reserve(&st->claims, 1) || rows_reserve(st, lp, r->keys)) {
        polrt_realloc(c, 0);
        return fail(err, errlen, "out of memory");
    }
    rt_map_put(&st->claims, hc, c); /* room reserved: cannot fail */
    put_rows(st, lp, r->keys, r->after, st->read_only ? ROW_DIRTY : 0, claim_date(st, r->fields));
    if (st->read_only) {
        c->seq = ++st->seq;
        c->next = lp->claims;
        lp->claims = c;
        mark_dirty(st, lp);
    }
    return 0;
}

/* Memory: the claim kept (mem_keep). Without kept claims nothing is shared: the rows are the
 * holder's, and no lock is taken. */
static int mem_save(RtStore *st, RtLedgerPerson *lp, const RtClaimRec *r, char *err, size_t errlen)
{
    /* a late claim (rt_ledger_late_check): memory keeps no claims to settle again, so the
     * caller refuses it rather than settle it against the future */
    if (st->late_check && is_late(st, lp, r->keys, claim_date(st, r->fields)))
        return 3;
    if (!atomic_load_explicit(&st->keep_claims, memory_order_relaxed)) {
        if (rows_reserve(st, lp, r->keys))
            return fail(err, errlen, "out of memory");
        put_rows(st, lp, r->keys, r->after, 0, claim_date(st, r->fields));
        return 0;
    }
    pthread_mutex_lock(&st->mu);
    int rc = mem_keep(st, lp, r, err, errlen);
    pthread_mutex_unlock(&st->mu);
    return rc;
}

/* lp has rows to write at commit */
static void mark_dirty(RtStore *st, RtLedgerPerson *lp)
{
    st->tx_wrote = 1;
    if (!lp->dirty) {
        lp->dirty = 1;
        lp->next_dirty = st->dirty;
        st->dirty = lp;
    }
}

/* a claim dated date under keys[] is late: one of its rows was written by a claim dated after
 * it (rows whose latest claim is unknown, an opening balance or a file from before dates were
 * kept, make nothing late) */
static int is_late(const RtStore *st, const RtLedgerPerson *lp, const int64_t *keys, int64_t date)
{
    if (date == POLRT_NONE)
        return 0;
    for (int l = 0; l < st->s->nledgers; l++) {
        const int64_t *row = find_row(st, lp, l, keys[l]);
        if (row && row[ROW_LAST] != POLRT_NONE && row[ROW_LAST] > date)
            return 1;
    }
    return 0;
}

/* SQLite: the claim record (its primary key settles a race between sessions and processes),
 * and the new rows in the cache, to be written at commit; in the caller's transaction, or in
 * one of its own. Rows read in an earlier epoch are stale (another process wrote the file
 * since): nothing is written and the claim must be settled again (2). */
static int sql_save(RtStore *st, RtLedgerPerson *lp, const RtClaimRec *r, char *err, size_t errlen)
{
    const RtSchema *s = st->s;
    int own = !st->in_tx, rc = 0;
    if (own && tx_begin(st, err, errlen))
        return -1;
    if (lp->epoch != st->epoch)
        rc = 2;
    else if (st->late_check && is_late(st, lp, r->keys, claim_date(st, r->fields)))
        rc = 3;
    else if (rows_reserve(st, lp, r->keys))
        rc = fail(err, errlen, "out of memory");
    if (rc == 0 && st->pg) {
        rc = pg_put_claim(st, r, err, errlen);
    } else if (rc == 0) {
        sqlite3_stmt *q = st->q[Q_PUT_CLAIM];
        unsigned char *b = st->enc;
        size_t at = 0, len[5];
        const int64_t *g[5] = {r->fields, r->out, r->keys, r->before, r->after};
        const int n[5] = {s->nclaim, s->noutputs, s->nledgers, s->nledger_fields,
                          s->nledger_fields};
        sq.sqlite3_bind_text(q, 1, r->claim_id, -1, SQLITE_STATIC);
        sq.sqlite3_bind_text(q, 2, r->person_id, -1, SQLITE_STATIC);
        sq.sqlite3_bind_int64(q, 3, st->layout);
        for (int i = 0; i < 5; i++) {
            len[i] = put_varints(b + at, g[i], n[i]);
            sq.sqlite3_bind_blob(q, 4 + i, b + at, (int)len[i], SQLITE_STATIC);
            at += len[i];
        }
        sq.sqlite3_bind_text(q, 9, st->now, -1, SQLITE_STATIC); /* the transaction's time */
        sq.sqlite3_bind_int64(q, 10, st->seq + 1);
        if (st->has_sha)
            sq.sqlite3_bind_text(q, 11, s->sha256, -1, SQLITE_STATIC);
        rc = step_done(st, Q_PUT_CLAIM, err, errlen); /* every parameter bound again next time */
        if (rc == 0 && sq.sqlite3_changes(st->db) == 0)
            rc = 1; /* stored before, or meanwhile by another session */
    }
    if (rc == 0) {
        put_rows(st, lp, r->keys, r->after, ROW_DIRTY, claim_date(st, r->fields));
        mark_dirty(st, lp);
        st->seq++; /* the number it was stored with */
    }
    if (own) {
        if (rc == 0)
            rc = tx_commit(st, err, errlen);
        else
            tx_rollback(st);
    }
    return rc;
}

/* rt_ledger_save on a store opened to read: sql_save's answers (3 late; 1 the id stored
 * before, in memory or in the file), the claim kept in memory (mem_keep). The caller holds
 * st->mu. */
static int read_save(RtStore *st, RtLedgerPerson *lp, const RtClaimRec *r, char *err, size_t errlen)
{
    if (st->late_check && is_late(st, lp, r->keys, claim_date(st, r->fields)))
        return 3;
    /* stored in the file: the caller's rt_ledger_find reads the record next (this claim's,
     * or one of other data), so SQLite only looks the id up here. Decoding it here too (as
     * sql_find) cost 440 instructions a claim of an explain whose file holds 50,000 settled
     * claims of 104,638 (22,413 -> 21,973, callgrind) */
    int found;
    if (st->pg) {
        RtClaimRec probe = *r; /* the record read into r's arrays, where the find puts it */
        found = pg_find(st, &probe, NULL, NULL, 0, err, errlen);
    } else {
        sqlite3_stmt *q = st->q[Q_GET_CLAIM];
        sq.sqlite3_bind_text(q, 1, r->claim_id, -1, SQLITE_STATIC);
        int step = sq.sqlite3_step(q);
        found = step == SQLITE_ROW ? 1 : step == SQLITE_DONE ? 0 : db_fail(st, err, errlen);
        sq.sqlite3_reset(q);
        sq.sqlite3_clear_bindings(q);
    }
    return found < 0 ? -1 : found ? 1 : mem_keep(st, lp, r, err, errlen);
}

int rt_ledger_save(RtStore *st, RtLedgerPerson *lp, const RtClaimRec *r, char *err, size_t errlen)
{
    if (!st->db && !st->pg)
        return mem_save(st, lp, r, err, errlen);
    pthread_mutex_lock(&st->mu);
    int rc = st->read_only ? read_save(st, lp, r, err, errlen) : sql_save(st, lp, r, err, errlen);
    pthread_mutex_unlock(&st->mu);
    return rc;
}

void rt_ledger_keep_claims(RtStore *st, int keep)
{
    atomic_store(&st->keep_claims, keep != 0);
}

int rt_ledger_keeps_claims(const RtStore *st)
{
    return st->db || st->pg || atomic_load_explicit(&st->keep_claims, memory_order_relaxed);
}

int rt_ledger_is_memory(const RtStore *st)
{
    return st->path == NULL;
}

const char *rt_ledger_path(const RtStore *st)
{
    return st->path;
}

/* ---- PostgreSQL ------------------------------------------------------------------------------
 * The same store on a PostgreSQL database (a postgresql:// path), so several processes share
 * one ledger: the same three tables, the same varint blobs and layouts (a ledger moves
 * between the two by copying rows), the same cache of persons' rows with epochs. SQLite's
 * BEGIN IMMEDIATE (one writer at a time) is a transaction-scoped advisory lock here, and its
 * data_version a counter in meta that every writing commit bumps: a process that finds it
 * moved since its own last commit reads its cached rows again. */

/* the advisory lock every writing transaction takes: "polc" */
#define PG_LOCK_KEY "1886350435"

static const char *const pg_create_sql =
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS ledger_rows ("
    " person_id TEXT NOT NULL, ledger TEXT NOT NULL, key BIGINT NOT NULL,"
    " vals BYTEA NOT NULL, updated_at TEXT NOT NULL, layout BIGINT,"
    " PRIMARY KEY (person_id, ledger, key));"
    "CREATE TABLE IF NOT EXISTS settled_claims ("
    " claim_id TEXT PRIMARY KEY, person_id TEXT NOT NULL,"
    " fields BYTEA NOT NULL, outputs BYTEA NOT NULL, keys BYTEA NOT NULL,"
    " ledger_before BYTEA NOT NULL, ledger_after BYTEA NOT NULL,"
    " settled_at TEXT NOT NULL, layout BIGINT);"
    "ALTER TABLE ledger_rows ADD COLUMN IF NOT EXISTS last_date BIGINT;"
    "ALTER TABLE settled_claims ADD COLUMN IF NOT EXISTS seq BIGINT;" HISTORY_TABLES
    /* the order audit rows were written in (rt_ledger_history), SQLite's rowid: a heap row's
     * ctid is no order, as an UPDATE or VACUUM moves rows (existing rows are numbered in
     * the table's order, all an older ledger has) */
    "ALTER TABLE ledger_audit ADD COLUMN IF NOT EXISTS seq BIGINT GENERATED ALWAYS AS IDENTITY;"
    "INSERT INTO meta (name, value) VALUES ('format', '" LEDGER_FORMAT "') ON CONFLICT DO NOTHING;"
    "INSERT INTO meta (name, value) VALUES ('version', '0') ON CONFLICT DO NOTHING;"
    "INSERT INTO meta (name, value) VALUES ('created_at',"
    " to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'))"
    " ON CONFLICT DO NOTHING;";

static const char *const pg_version_sql = "SELECT value FROM meta WHERE name = 'version'";

/* the connection lost and found again:
 * A server restarted (or a network cut) leaves the connection broken, and libpq says so
 * (CONNECTION_BAD) once a statement fails on it. The store then connects again at the next
 * transaction's start (pg_tx_begin), with a backoff between tries (PG_RETRY_MIN_MS, doubled
 * at each failed try up to PG_RETRY_MAX_MS), so a database that stays down costs a
 * connection attempt per backoff, not one per request: between tries a transaction fails at
 * once, with the reason. After a new connection every cached row is read again (a new
 * epoch): another process may have committed meanwhile, and so may a commit whose answer
 * the loss swallowed (rt_ledger_commit's -2). */
#define PG_RETRY_MIN_MS    250
#define PG_RETRY_MAX_MS    5000
#define PG_CONNECT_TIMEOUT "5" /* seconds: a host that drops packets holds no thread longer */
/* A server that keeps the connection open but answers nothing (its processes stopped, a hung
 * host) is not seen by libpq, which waits for ever, nor by TCP keepalives (the host's kernel
 * still answers them). Where the store is told to bound its waits (rt_ledger_answer_within:
 * polc serve), a statement with no answer by then gives the connection up, as lost, and
 * rt_ledger_link's probe asks an idle connection SELECT 1 at most once a PG_PROBE_EVERY_MS,
 * waiting PG_PROBE_MS for it (no lock to wait for: 2 s of silence is a hung server), so a
 * health check costs a round trip at most once a second however often it is asked. */
#define PG_PROBE_EVERY_MS 1000
#define PG_PROBE_MS       2000
/* A wait for the writers' lock (PG_LOCK_KEY) behind another process's long transaction (a
 * batch run's, or one stopped midway) is no hung server: bounded by the server itself
 * (lock_timeout) this much before the store's bound, it fails as the server's own error
 * (55P03: "... the writers' lock ..."), the group answers 503 and the connection is kept.
 * Bounded only by the store's wait, it was taken for a hung server: the connection given up,
 * /v1/health 503 and connections made again with backoff, for a lock held 10 s. */
#define PG_LOCK_MARGIN_MS 2000

/* the first line of msg into buf, libpq's "FATAL:  " or "ERROR:  " cut */
static void first_line(char *buf, size_t len, const char *msg)
{
    if (!strncmp(msg, "FATAL:  ", 8) || !strncmp(msg, "ERROR:  ", 8))
        msg += 8;
    size_t n = strcspn(msg, "\n");
    snprintf(buf, len, "%.*s", (int)n, msg);
}

/* the connection lost, for why */
static void pg_lose(RtStore *st, const char *why)
{
    st->pg_lost = 1;
    st->pg_losses++;
    snprintf(st->pg_why, sizeof st->pg_why, "%s", why);
    st->pg_retry_ms = rt_now_ms(); /* the first try at once: nothing may be wrong but the socket */
    st->pg_backoff = PG_RETRY_MIN_MS;
}

/* after a failure: the connection broken? then it is lost (once) */
static void pg_note_lost(RtStore *st)
{
    if (st->pg_lost || !st->pg || pq.PQstatus(st->pg) != CONNECTION_BAD)
        return;
    char why[sizeof st->pg_why];
    first_line(why, sizeof why, pq.PQerrorMessage(st->pg));
    pg_lose(st, why[0] ? why : "the connection broke");
}

/* The server's next answer awaited at most ms (0: as long as it takes, libpq's own wait): 0
 * when PQgetResult will not block on it, else -1 with the connection given up: lost, and its
 * socket shut, so that whatever is still asked of it (a ROLLBACK) fails at once instead of
 * waiting as long again. */
static int pg_wait(RtStore *st, int ms, char *err, size_t errlen)
{
    if (ms <= 0 || st->pg_lost)
        return 0;
    int64_t until = rt_now_ms() + ms;
    while (pq.PQisBusy(st->pg)) {
        int64_t left = until - rt_now_ms();
        struct pollfd pf = {.fd = pq.PQsocket(st->pg), .events = POLLIN};
        int n = left > 0 ? poll(&pf, 1, (int)left) : 0;
        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0) {
            char why[64];
            snprintf(why, sizeof why, "no answer from the server within %d s", ms / 1000);
            pg_lose(st, why);
            st->pg_silent = 1;
            shutdown(pq.PQsocket(st->pg), SHUT_RDWR);
            return fail(err, errlen, PG_NAME ": %s", why);
        }
        if (n < 0 || !pq.PQconsumeInput(st->pg))
            return 0; /* the connection's failure: PQgetResult says it */
    }
    return 0;
}

static int pg_fail(RtStore *st, char *err, size_t errlen)
{
    pg_note_lost(st);
    char msg[256];
    snprintf(msg, sizeof msg, "%s", st->pg ? pq.PQerrorMessage(st->pg) : "no connection");
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    return fail(err, errlen, PG_NAME ": %s", msg);
}

/* the statements run for every claim, prepared once per connection (a parse and a plan
 * saved per call) */
enum {
    PGS_NONE = -1,
    PGS_ROWS,
    PGS_PUT_ROW,
    PGS_GET_CLAIM,
    PGS_PUT_CLAIM,
    PGS_VERSION,
    PGS_NEW_CLAIM
};
static const char *const pg_names[] = {"polc0", "polc1", "polc2", "polc3", "polc4", "polc5"};

/* A transaction runs in libpq's pipeline mode: a statement whose answer is not needed at
 * once (BEGIN and its reads, a claim record found absent, the rows and the version at
 * commit, COMMIT) is queued by pg_send and its result read at the next sync, which
 * pg_run makes for a statement whose answer is needed. A claim the service settles costs
 * the round trip of its lookup, no longer four, and a commit one, no longer three and one a
 * row (bench/README.md). A queued statement that fails aborts the rest of the pipeline,
 * COMMIT included: nothing of the transaction is kept. */
typedef struct PgSent {
    int want;    /* its ExecStatusType, or PG_ANY_OK */
    int prepare; /* the preparation of statement stmt (unprepared again if it fails) */
    int stmt;
    PGresult **out; /* where its result goes (the caller clears it), or NULL */
} PgSent;
#define PG_ANY_OK     (-1) /* PGRES_COMMAND_OK or PGRES_TUPLES_OK */
#define PG_SYNC_EVERY 256  /* statements queued at most: their results, ~10 KiB, fit a socket */

/* rt_map's eq for a set of hashes (st->absent): the hash alone decides */
static int any_entry(const void *entry, const void *key)
{
    (void)entry;
    (void)key;
    return 1;
}

/* claim_id is not stored: known under the writers' lock, until the transaction ends or its
 * record is queued (best effort: without memory a lookup asks) */
static void absent_add(RtStore *st, const char *claim_id)
{
    uint64_t h = hash_str(claim_id);
    if (!rt_map_find(&st->absent, h, any_entry, NULL))
        rt_map_put(&st->absent, h, st);
}

static int pg_piped(const RtStore *st)
{
    return pq.PQpipelineStatus(st->pg) != PQ_PIPELINE_OFF;
}

/* A result's failure as the message: the server's primary text, without the DETAIL that
 * quotes a failing row (person and claim ids: spec/PRIVACY.md); the connection's message
 * when there is no result. Trailing newlines cut. */
static int pg_res_fail(RtStore *st, const PGresult *res, char *err, size_t errlen)
{
    pg_note_lost(st);
    const char *primary = res ? pq.PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    const char *state = res ? pq.PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
    if (state && !strcmp(state, "55P03")) /* lock_not_available: lock_timeout passed */
        fail(err, errlen,
             PG_NAME ": another process held the writers' lock longer than %d s (a batch run's "
                     "transaction?)",
             (st->answer_ms - PG_LOCK_MARGIN_MS) / 1000);
    else if (primary)
        fail(err, errlen, PG_NAME ": %s", primary);
    else
        fail(err, errlen, PG_NAME ": %s",
             res && pq.PQresultErrorMessage(res)[0] ? pq.PQresultErrorMessage(res)
                                                    : pq.PQerrorMessage(st->pg));
    size_t len = err ? strlen(err) : 0;
    while (len && err[len - 1] == '\n')
        err[--len] = '\0';
    return -1;
}

static int pg_sync(RtStore *st, char *err, size_t errlen);

/* Queue sql (stmt: prepared under that number on first use, or PGS_NONE) with text
 * parameters, except those with a length (binary: bytea), for binary results; its result,
 * when out is not NULL, lands in *out at the next pg_sync. Pipeline mode only. */
static int pg_send(RtStore *st, int stmt, const char *sql, int n, const char *const *vals,
                   const int *lens, int want, PGresult **out, char *err, size_t errlen)
{
    int fmts[12];
    for (int i = 0; i < n; i++)
        fmts[i] = lens && lens[i] >= 0 ? 1 : 0;
    if (out)
        *out = NULL;
    /* a long pipeline synced now and then: on a blocking connection, a server waiting for us
     * to read its results while we wait for it to read our statements would deadlock */
    if (st->nsent >= PG_SYNC_EVERY && pg_sync(st, err, errlen))
        return -1;
    if (rt_grow(&st->sent, &st->cap_sent, st->nsent + 2, sizeof *st->sent))
        return fail(err, errlen, "out of memory");
    if (stmt >= 0 && !st->pg_ready[stmt]) {
        if (!pq.PQsendPrepare(st->pg, pg_names[stmt], sql, n, NULL))
            return pg_fail(st, err, errlen);
        st->sent[st->nsent++] = (PgSent){PGRES_COMMAND_OK, 1, stmt, NULL};
        st->pg_ready[stmt] = 1;
    }
    int ok = stmt >= 0 ? pq.PQsendQueryPrepared(st->pg, pg_names[stmt], n, vals, lens, fmts, 1)
                       : pq.PQsendQueryParams(st->pg, sql, n, NULL, vals, lens, fmts, 1);
    if (!ok)
        return pg_fail(st, err, errlen);
    st->sent[st->nsent++] = (PgSent){want, 0, stmt, out};
    return 0;
}

/* A sync point: every queued result read in order and checked. 0, or -1 with the first
 * failure (the statements after it were skipped by the server, their outs stay NULL). */
static int pg_sync(RtStore *st, char *err, size_t errlen)
{
    int rc = pq.PQpipelineSync(st->pg) ? 0 : pg_fail(st, err, errlen);
    for (size_t i = 0; i < st->nsent; i++) {
        const PgSent *q = &st->sent[i];
        if (pg_wait(st, st->answer_ms, rc ? NULL : err, errlen)) {
            st->nsent = 0; /* the connection given up: no result will come */
            return -1;
        }
        PGresult *res = pq.PQgetResult(st->pg);
        ExecStatusType got = res ? pq.PQresultStatus(res) : PGRES_FATAL_ERROR;
        int ok = q->want == PG_ANY_OK ? got == PGRES_COMMAND_OK || got == PGRES_TUPLES_OK
                                      : got == (ExecStatusType)q->want;
        if (!ok && q->prepare)
            st->pg_ready[q->stmt] = 0;
        if (!ok && rc == 0)
            rc = pg_res_fail(st, res, err, errlen);
        if (ok && q->out)
            *q->out = res;
        else
            pq.PQclear(res);
        /* a statement's results end with a NULL */
        for (PGresult *more; res && (more = pq.PQgetResult(st->pg)) != NULL;)
            pq.PQclear(more);
    }
    st->nsent = 0;
    for (;;) { /* the sync's own result */
        if (pg_wait(st, st->answer_ms, rc ? NULL : err, errlen))
            return -1;
        PGresult *res = pq.PQgetResult(st->pg);
        if (!res) {
            if (rc == 0)
                rc = pg_fail(st, err, errlen);
            break;
        }
        ExecStatusType got = pq.PQresultStatus(res);
        pq.PQclear(res);
        if (got == PGRES_PIPELINE_SYNC)
            break;
    }
    return rc;
}

/* A statement sent outside a pipeline (sent: what PQsend* returned) run to its end as PQexec
 * runs it, each answer awaited within the store's bound (pg_wait): its last result, or NULL
 * after a message (not sent, no answer in time) */
static PGresult *pg_last(RtStore *st, int sent, char *err, size_t errlen)
{
    if (!sent)
        return pg_fail(st, err, errlen), NULL;
    PGresult *last = NULL;
    for (;;) {
        if (pg_wait(st, st->answer_ms, err, errlen)) {
            pq.PQclear(last);
            return NULL;
        }
        PGresult *res = pq.PQgetResult(st->pg);
        if (!res)
            break;
        pq.PQclear(last);
        last = res;
    }
    if (!last)
        pg_fail(st, err, errlen);
    return last;
}

/* sql run for its result (pg_send's arguments), after whatever the pipeline holds: the
 * result, or NULL after a message when it is not want */
static PGresult *pg_run(RtStore *st, int stmt, const char *sql, int n, const char *const *vals,
                        const int *lens, ExecStatusType want, char *err, size_t errlen)
{
    if (pg_piped(st)) {
        PGresult *res = NULL;
        if (pg_send(st, stmt, sql, n, vals, lens, want, &res, err, errlen) ||
            pg_sync(st, err, errlen)) {
            pq.PQclear(res);
            return NULL;
        }
        return res;
    }
    int fmts[12];
    for (int i = 0; i < n; i++)
        fmts[i] = lens && lens[i] >= 0 ? 1 : 0;
    if (stmt >= 0 && !st->pg_ready[stmt]) {
        PGresult *p =
            pg_last(st, pq.PQsendPrepare(st->pg, pg_names[stmt], sql, n, NULL), err, errlen);
        int ok = p && pq.PQresultStatus(p) == PGRES_COMMAND_OK;
        if (p && !ok)
            pg_res_fail(st, p, err, errlen);
        pq.PQclear(p);
        if (!ok)
            return NULL;
        st->pg_ready[stmt] = 1;
    }
    PGresult *res =
        pg_last(st,
                stmt >= 0 ? pq.PQsendQueryPrepared(st->pg, pg_names[stmt], n, vals, lens, fmts, 1)
                          : pq.PQsendQueryParams(st->pg, sql, n, NULL, vals, lens, fmts, 1),
                err, errlen);
    if (res && pq.PQresultStatus(res) != want) {
        pg_res_fail(st, res, err, errlen);
        pq.PQclear(res);
        return NULL;
    }
    return res;
}

/* sql whose result is not needed: queued in a transaction, else run */
static int pg_queue(RtStore *st, int stmt, const char *sql, int n, const char *const *vals,
                    const int *lens, ExecStatusType want, char *err, size_t errlen)
{
    if (pg_piped(st))
        return pg_send(st, stmt, sql, n, vals, lens, want, NULL, err, errlen);
    PGresult *res = pg_run(st, stmt, sql, n, vals, lens, want, err, errlen);
    pq.PQclear(res);
    return res ? 0 : -1;
}

/* a statement without parameters (several outside a transaction) */
static int pg_cmd(RtStore *st, const char *sql, char *err, size_t errlen)
{
    if (pg_piped(st))
        return pg_send(st, PGS_NONE, sql, 0, NULL, NULL, PG_ANY_OK, NULL, err, errlen) ||
                       pg_sync(st, err, errlen)
                   ? -1
                   : 0;
    PGresult *res = pg_last(st, pq.PQsendQuery(st->pg, sql), err, errlen);
    int ok = res && (pq.PQresultStatus(res) == PGRES_COMMAND_OK ||
                     pq.PQresultStatus(res) == PGRES_TUPLES_OK);
    if (res && !ok)
        pg_res_fail(st, res, err, errlen);
    pq.PQclear(res);
    return ok ? 0 : -1;
}

/* the transaction undone, whatever its pipeline held, and the pipeline left */
static void pg_rollback(RtStore *st)
{
    if (pg_piped(st)) {
        if (st->nsent)
            pg_sync(st, NULL, 0); /* a failure there is why we roll back */
        pg_cmd(st, "ROLLBACK", NULL, 0);
        pq.PQexitPipelineMode(st->pg);
    } else {
        pg_cmd(st, "ROLLBACK", NULL, 0);
    }
    pg_tx_end(st);
}

/* the prefetched rows forgotten */
static void pg_tx_end_rows(RtStore *st)
{
    rt_map_clear(&st->pre_map);
    st->npre = 0;
    st->pre_ids.n = 0;
    if (st->pre_rows) /* (a store on SQLite or in memory has not loaded libpq) */
        pq.PQclear(st->pre_rows);
    st->pre_rows = NULL;
}

/* what a transaction knew of the ledger forgotten at its end */
static void pg_tx_end(RtStore *st)
{
    rt_map_clear(&st->absent);
    pg_tx_end_rows(st);
}

static int64_t pg_i64(const PGresult *res, int row, int col)
{
    uint64_t be;
    memcpy(&be, pq.PQgetvalue(res, row, col), sizeof be);
    return (int64_t)be64toh(be);
}

/* one text value of a one-row query (binary results: the bytes) into buf; "" when no row */
static int pg_text(RtStore *st, const char *sql, const char *param, char *buf, size_t len,
                   char *err, size_t errlen)
{
    const char *vals[1] = {param};
    PGresult *res = pg_run(st, strcmp(sql, pg_version_sql) ? PGS_NONE : PGS_VERSION, sql,
                           param ? 1 : 0, vals, NULL, PGRES_TUPLES_OK, err, errlen);
    if (!res)
        return -1;
    buf[0] = '\0';
    if (pq.PQntuples(res) > 0)
        snprintf(buf, len, "%.*s", pq.PQgetlength(res, 0, 0), pq.PQgetvalue(res, 0, 0));
    pq.PQclear(res);
    return 0;
}

/* libpq's notices: none is printed raw on stderr (the FATAL a server sends to an idle
 * connection as it stops arrives as one); a lost connection is told by rt_ledger_link */
static void pg_notice(void *arg, const char *msg)
{
    (void)arg;
    (void)msg;
}

static int pg_open(RtStore *st, const char *url, char *err, size_t errlen)
{
    /* the URL's own connect_timeout, when it has one, overrides ours (it comes after) */
    const char *const keys[] = {"connect_timeout", "dbname", NULL};
    const char *const vals[] = {PG_CONNECT_TIMEOUT, url, NULL};
    PGconn *c = pq.PQconnectdbParams(keys, vals, 1);
    if (!c)
        return fail(err, errlen, "out of memory");
    if (st->pg) /* a lost one (pg_reconnect) */
        pq.PQfinish(st->pg);
    st->pg = c;
    if (pq.PQstatus(st->pg) != CONNECTION_OK)
        return pg_fail(st, err, errlen);
    pq.PQsetNoticeProcessor(st->pg, pg_notice, NULL);
    char val[64];
    Buf lt = {0};
    if (pg_cmd(st, "SET client_min_messages = warning", err, errlen) ||
        pg_bound_locks(st, err, errlen))
        return -1;
    /* to read: every transaction of the session read-only, so the server refuses a write */
    if (st->read_only)
        return pg_cmd(st, "SET default_transaction_read_only = on", err, errlen)
                   ? -1
                   : read_tables(st, err, errlen);
    if (pg_cmd(st, "BEGIN", err, errlen))
        return -1;
    int rc = pg_cmd(st, "SELECT pg_advisory_xact_lock(" PG_LOCK_KEY ")", err, errlen);
    if (rc == 0)
        rc = pg_cmd(st, pg_create_sql, err, errlen);
    if (rc == 0)
        rc = pg_text(st, "SELECT value FROM meta WHERE name = 'format'", NULL, val, sizeof val, err,
                     errlen);
    if (rc == 0 && strcmp(val, LEDGER_FORMAT) != 0)
        rc = fail(err, errlen,
                  PG_NAME ": format '%s' (this runtime reads format " LEDGER_FORMAT ")", val);
    if (rc == 0) {
        layout_text(st->s, &lt);
        if (lt.oom)
            rc = fail(err, errlen, "out of memory");
    }
    if (rc == 0)
        rc = pg_text(st,
                     "SELECT substr(name, 8) FROM meta WHERE name LIKE 'layout:%' AND value = $1",
                     lt.p, val, sizeof val, err, errlen);
    if (rc == 0 && !val[0]) {
        rc = pg_text(st, "SELECT (count(*) + 1)::text FROM meta WHERE name LIKE 'layout:%'", NULL,
                     val, sizeof val, err, errlen);
        char sql[128];
        snprintf(sql, sizeof sql,
                 "INSERT INTO meta (name, value) VALUES ('layout:%lld', $1) RETURNING name",
                 strtoll(val, NULL, 10));
        char none[32];
        if (rc == 0)
            rc = pg_text(st, sql, lt.p, none, sizeof none, err, errlen);
    }
    polrt_realloc(lt.p, 0);
    if (rc == 0) {
        st->layout = strtoll(val, NULL, 10);
        rc = pg_text(st, pg_version_sql, NULL, val, sizeof val, err, errlen);
        st->data_version = strtoll(val, NULL, 10);
    }
    if (rc == 0)
        rc = pg_cmd(st, "COMMIT", err, errlen);
    else
        pg_cmd(st, "ROLLBACK", NULL, 0);
    return rc;
}

static const Layout *pg_layout_get(RtStore *st, int64_t id, int *bad, char *err, size_t errlen)
{
    char num[I64_TEXT_MAX], text[4096];
    snprintf(num, sizeof num, "%lld", (long long)id);
    Layout *L = NULL;
    if (pg_text(st, "SELECT value FROM meta WHERE name = 'layout:' || $1", num, text, sizeof text,
                err, errlen) == 0) {
        if (text[0])
            L = layout_parse(st->s, id, text);
        if (!L)
            fail(err, errlen, PG_NAME ": layout %lld of stored values is %s", (long long)id,
                 text[0] ? "unreadable" : "missing");
    }
    return layout_keep(st, L, err, errlen, bad);
}

/* the server's own bound on lock waits (PG_LOCK_MARGIN_MS), on this connection; 0, or -1 */
static int pg_bound_locks(RtStore *st, char *err, size_t errlen)
{
    char sql[64];
    if (st->answer_ms <= PG_LOCK_MARGIN_MS)
        return 0;
    snprintf(sql, sizeof sql, "SET lock_timeout = %d", st->answer_ms - PG_LOCK_MARGIN_MS);
    return pg_cmd(st, sql, err, errlen);
}

void rt_ledger_answer_within(RtStore *st, int ms)
{
    char err[256];
    st->answer_ms = ms;
    if (st->pg && !st->pg_lost && !st->in_tx) /* a failure: the store's own bound only */
        pg_bound_locks(st, err, sizeof err);
}

int rt_ledger_link(RtStore *st, int mode, RtLink *l)
{
    if (!st->path || st->db) /* in memory, SQLite (both fixed at open) */
        return -1;
    if (mode == RT_LINK_PROBE ? pthread_mutex_trylock(&st->mu) != 0
                              : pthread_mutex_lock(&st->mu) != 0)
        return -1;
    if (!st->in_tx) {
        /* idle: the socket read without blocking (libpq's is non-blocking), so a server that
         * closed it is seen before a claim fails on it. Read twice: a server shut down (pg_ctl
         * stop) first sends its FATAL message, which one read takes without error, and the
         * end of the stream is seen by the next (health answered 200 once after the stop) */
        if (!st->pg_lost && (!pq.PQconsumeInput(st->pg) || !pq.PQconsumeInput(st->pg) ||
                             pq.PQstatus(st->pg) == CONNECTION_BAD))
            pg_note_lost(st);
        /* open but answering nothing (PG_PROBE_MS): a query, at most one a PG_PROBE_EVERY_MS
         * (between them the state last seen is the answer) */
        int64_t now = rt_now_ms();
        if (mode == RT_LINK_PROBE && st->answer_ms && !st->pg_lost &&
            now - st->probe_ms >= PG_PROBE_EVERY_MS && !pg_piped(st)) {
            st->probe_ms = now;
            int bound = st->answer_ms;
            st->answer_ms = PG_PROBE_MS;
            PGresult *res = pg_last(st, pq.PQsendQuery(st->pg, "SELECT 1"), NULL, 0);
            st->answer_ms = bound;
            pq.PQclear(res);
        }
        if (mode == RT_LINK_RETRY && st->pg_lost)
            pg_reconnect(st, NULL, 0);
    }
    l->lost = st->pg_lost;
    l->losses = st->pg_losses;
    int64_t wait = st->pg_retry_ms - rt_now_ms();
    l->wait_ms = !st->pg_lost ? 0 : wait > 0 ? wait : 0;
    snprintf(l->why, sizeof l->why, "%s", st->pg_why);
    pthread_mutex_unlock(&st->mu);
    return 0;
}

/* A person's rows prefetched for the transaction (rt_ledger_prefetch) */
typedef struct PrePerson {
    const char *id;   /* in RtStore.pre_ids */
    int first, nrows; /* its rows in RtStore.pre_rows (nrows 0: none stored) */
} PrePerson;

static int pre_eq(const void *entry, const void *key)
{
    return strcmp(((const PrePerson *)entry)->id, key) == 0;
}

static const PrePerson *pre_find(const RtStore *st, const char *person_id)
{
    return rt_map_find(&st->pre_map, hash_str(person_id), pre_eq, person_id);
}

/* lp's rows from rows first .. first + n - 1 of res (columns ledger, key, vals, layout,
 * last_date) */
static int rows_from(RtStore *st, RtLedgerPerson *lp, const PGresult *res, int first, int n,
                     char *err, size_t errlen)
{
    const RtSchema *s = st->s;
    int rc = 0;
    lp->nwords = 0;
    for (int i = first; rc == 0 && i < first + n; i++) {
        const char *name = pq.PQgetvalue(res, i, 0);
        int l = 0;
        while (l < s->nledgers && strcmp(s->ledgers[l].name, name) != 0)
            l++;
        if (l == s->nledgers)
            continue;
        if (rt_grow(&lp->rows, &lp->cap, lp->nwords + (size_t)st->stride[l], sizeof *lp->rows)) {
            rc = fail(err, errlen, "out of memory");
            break;
        }
        int64_t *row = lp->rows + lp->nwords;
        const RtLedger *led = &s->ledgers[l];
        row[0] = l;
        row[1] = pg_i64(res, i, 1);
        row[ROW_LAST] = pq.PQgetisnull(res, i, 4) ? POLRT_NONE : pg_i64(res, i, 4);
        int bad = 0;
        const Layout *L =
            pq.PQgetisnull(res, i, 3) ? NULL : layout_get(st, pg_i64(res, i, 3), &bad, err, errlen);
        if (bad) {
            rc = -1;
            break;
        }
        const void *b = pq.PQgetvalue(res, i, 2);
        size_t len = (size_t)pq.PQgetlength(res, i, 2);
        bad = L ? get_values(b, len, L->rowmap[l], L->rown[l], row + ROW_HEAD, led->nfields, 0)
                : get_values(b, len, NULL, led->nfields, row + ROW_HEAD, led->nfields, 0);
        row[0] |= row_newer(st, L, l);
        if (bad)
            rc = fail(err, errlen, PG_NAME ": ledger %s, key %lld: a stored row is malformed",
                      led->name, (long long)row[1]); /* no person id: spec/PRIVACY.md */
        else
            lp->nwords += (size_t)st->stride[l];
    }
    if (rc)
        lp->nwords = 0;
    else
        lp->epoch = st->epoch;
    return rc;
}

static int pg_fetch_rows(RtStore *st, RtLedgerPerson *lp, char *err, size_t errlen)
{
    const PrePerson *pp = st->npre ? pre_find(st, lp->id) : NULL;
    if (pp) /* prefetched: no round trip of its own */
        return rows_from(st, lp, st->pre_rows, pp->first, pp->nrows, err, errlen);
    const char *vals[1] = {lp->id};
    PGresult *res = pg_run(st, PGS_ROWS,
                           "SELECT ledger, key, vals, layout, last_date FROM ledger_rows "
                           "WHERE person_id = $1",
                           1, vals, NULL, PGRES_TUPLES_OK, err, errlen);
    if (!res)
        return -1;
    int rc = rows_from(st, lp, res, 0, pq.PQntuples(res), err, errlen);
    pq.PQclear(res);
    return rc;
}

/* A new connection for a lost one, when the backoff allows a try: 0, or -1 with the reason
 * (no connection: the old one is kept, broken, for the next try) */
static int pg_reconnect(RtStore *st, char *err, size_t errlen)
{
    int64_t now = rt_now_ms();
    if (now < st->pg_retry_ms)
        return fail(err, errlen, PG_NAME ": no connection to the server (%s; next try in %lld ms)",
                    st->pg_why, (long long)(st->pg_retry_ms - now));
    memset(st->pg_ready, 0, sizeof st->pg_ready); /* prepared statements die with it */
    st->nsent = 0;
    pg_tx_end(st);
    char why[256];
    if (pg_open(st, st->path, why, sizeof why)) {
        const char *w =
            strncmp(why, PG_NAME ": ", sizeof PG_NAME + 1) ? why : why + sizeof PG_NAME + 1;
        first_line(st->pg_why, sizeof st->pg_why, w);
        st->pg_backoff =
            st->pg_backoff * 2 < PG_RETRY_MAX_MS ? st->pg_backoff * 2 : PG_RETRY_MAX_MS;
        st->pg_retry_ms = rt_now_ms() + st->pg_backoff;
        return fail(err, errlen, PG_NAME ": no connection to the server (%s; next try in %lld ms)",
                    st->pg_why, (long long)st->pg_backoff);
    }
    st->pg_lost = st->pg_silent = 0;
    st->epoch++;
    st->seq_known = 0;
    return 0;
}

static int pg_tx_begin1(RtStore *st, char *err, size_t errlen);

/* A transaction's start, on a new connection when the last one was lost; a loss found at
 * BEGIN (the server restarted while we were idle) is tried again once on a new connection
 * at once: nothing was written. Not a server that answered nothing: a new connection would
 * wait as long again (PG_CONNECT_TIMEOUT), and the loss's reason would be the try's. */
static int pg_tx_begin(RtStore *st, char *err, size_t errlen)
{
    if (st->pg_lost && pg_reconnect(st, err, errlen))
        return -1;
    int rc = pg_tx_begin1(st, err, errlen);
    if (rc && st->pg_lost && !st->pg_silent && pg_reconnect(st, err, errlen) == 0)
        rc = pg_tx_begin1(st, err, errlen);
    return rc;
}

/* BEGIN, the writers' lock, and a new epoch when another process committed since our last
 * look; the claims' sequence number. One round trip: the pipeline of the transaction. */
static int pg_tx_begin1(RtStore *st, char *err, size_t errlen)
{
    if (!pq.PQenterPipelineMode(st->pg))
        return pg_fail(st, err, errlen);
    st->in_tx = 1;
    st->tx_wrote = 0;
    PGresult *ver = NULL, *seq = NULL;
    int rc = pg_send(st, PGS_NONE, "BEGIN", 0, NULL, NULL, PGRES_COMMAND_OK, NULL, err, errlen);
    if (rc == 0)
        rc = pg_send(st, PGS_NONE, "SELECT pg_advisory_xact_lock(" PG_LOCK_KEY ")", 0, NULL, NULL,
                     PGRES_TUPLES_OK, NULL, err, errlen);
    if (rc == 0)
        rc = pg_send(st, PGS_VERSION, pg_version_sql, 0, NULL, NULL, PGRES_TUPLES_OK, &ver, err,
                     errlen);
    if (rc == 0)
        rc = pg_send(st, PGS_NONE, "SELECT value FROM meta WHERE name = 'seq'", 0, NULL, NULL,
                     PGRES_TUPLES_OK, &seq, err, errlen);
    if (rc == 0)
        rc = pg_sync(st, err, errlen);
    char val[32] = "";
    if (rc == 0 && pq.PQntuples(ver) > 0)
        snprintf(val, sizeof val, "%.*s", pq.PQgetlength(ver, 0, 0), pq.PQgetvalue(ver, 0, 0));
    int64_t v = strtoll(val, NULL, 10);
    val[0] = '\0';
    if (rc == 0 && pq.PQntuples(seq) > 0)
        snprintf(val, sizeof val, "%.*s", pq.PQgetlength(seq, 0, 0), pq.PQgetvalue(seq, 0, 0));
    pq.PQclear(ver);
    pq.PQclear(seq);
    if (rc) {
        tx_rollback(st);
        return -1;
    }
    if (v != st->data_version) {
        st->data_version = v;
        st->epoch++;
    }
    st->seq = st->seq_read = strtoll(val, NULL, 10);
    st->seq_known = 1;
    return 0;
}

/* meta's 'seq' (val) written with the commit */
static int pg_seq_write(RtStore *st, const char *val, char *err, size_t errlen)
{
    const char *vals[1] = {val};
    return pg_queue(st, PGS_NONE,
                    "INSERT INTO meta (name, value) VALUES ('seq', $1) ON CONFLICT (name) DO "
                    "UPDATE SET value = excluded.value",
                    1, vals, NULL, PGRES_COMMAND_OK, err, errlen);
}

static int pg_flush_person(RtStore *st, RtLedgerPerson *lp, const char *now, char *err,
                           size_t errlen)
{
    const RtSchema *s = st->s;
    char key[I64_TEXT_MAX], layout[I64_TEXT_MAX], last[I64_TEXT_MAX];
    snprintf(layout, sizeof layout, "%lld", (long long)st->layout);
    for (size_t i = 0; i < lp->nwords;) {
        int64_t *row = lp->rows + i;
        int l = (int)(row[0] & ROW_LEDGER);
        i += (size_t)st->stride[l];
        if (!(row[0] & ROW_DIRTY))
            continue;
        snprintf(key, sizeof key, "%lld", (long long)row[1]);
        if (row_void(st, row)) { /* gone back to nothing: deleted, as flush_person */
            const char *del[3] = {lp->id, s->ledgers[l].name, key};
            if (pg_queue(st, PGS_NONE,
                         "DELETE FROM ledger_rows WHERE person_id = $1 AND ledger = $2 AND "
                         "key = $3",
                         3, del, NULL, PGRES_COMMAND_OK, err, errlen))
                return -1;
            continue;
        }
        size_t n = put_varints(st->enc, row + ROW_HEAD, s->ledgers[l].nfields);
        snprintf(last, sizeof last, "%lld", (long long)row[ROW_LAST]);
        const char *vals[7] = {lp->id,
                               s->ledgers[l].name,
                               key,
                               layout,
                               (const char *)st->enc,
                               now,
                               row[ROW_LAST] == POLRT_NONE ? NULL : last};
        const int lens[7] = {-1, -1, -1, -1, (int)n, -1, -1};
        if (pg_queue(st, PGS_PUT_ROW,
                     "INSERT INTO ledger_rows (person_id, ledger, key, layout, vals, "
                     "updated_at, last_date) VALUES ($1, $2, $3, $4, $5, $6, $7) ON "
                     "CONFLICT (person_id, ledger, key) DO UPDATE SET layout = "
                     "excluded.layout, vals = excluded.vals, updated_at = "
                     "excluded.updated_at, last_date = excluded.last_date",
                     7, vals, lens, PGRES_COMMAND_OK, err, errlen))
            return -1;
    }
    rows_written(st, lp);
    return 0;
}

/* the commit's end, after what tx_commit queued: bump the version when it wrote (other
 * processes then read again), remember the new one as seen, and leave the pipeline */
static int pg_commit(RtStore *st, char *err, size_t errlen)
{
    PGresult *ver = NULL;
    int rc = 0;
    if (st->tx_wrote)
        rc = pg_send(st, PGS_NONE,
                     "UPDATE meta SET value = (value::bigint + 1)::text WHERE name = 'version' "
                     "RETURNING value",
                     0, NULL, NULL, PGRES_TUPLES_OK, &ver, err, errlen);
    if (rc == 0)
        rc = pg_send(st, PGS_NONE, "COMMIT", 0, NULL, NULL, PGRES_COMMAND_OK, NULL, err, errlen);
    if (rc == 0)
        rc = pg_sync(st, err, errlen);
    if (rc == 0 && ver && pq.PQntuples(ver) > 0) {
        char val[32];
        snprintf(val, sizeof val, "%.*s", pq.PQgetlength(ver, 0, 0), pq.PQgetvalue(ver, 0, 0));
        st->data_version = strtoll(val, NULL, 10);
    }
    pq.PQclear(ver);
    if (rc == 0) {
        pq.PQexitPipelineMode(st->pg);
        pg_tx_end(st);
    }
    /* the connection broke with COMMIT sent or about to be: whether the server committed is
     * not known (-2) */
    return rc && st->pg_lost ? -2 : rc;
}

/* the claim r->claim_id as stored: as sql_find (fields NULL: compared with r's) or sql_get
 * (fields: read into it, the person into person) */
static int pg_find(RtStore *st, RtClaimRec *r, int64_t *fields, char *person, size_t plen,
                   char *err, size_t errlen)
{
    const RtSchema *s = st->s;
    /* known absent in this transaction (rt_ledger_prefetch, or an earlier lookup) */
    if (st->in_tx && !fields && st->absent.n &&
        rt_map_find(&st->absent, hash_str(r->claim_id), any_entry, NULL))
        return 0;
    const char *vals[1] = {r->claim_id};
    PGresult *res = pg_run(st, PGS_GET_CLAIM,
                           "SELECT person_id, fields, outputs, keys, ledger_before, ledger_after, "
                           "layout FROM settled_claims WHERE claim_id = $1",
                           1, vals, NULL, PGRES_TUPLES_OK, err, errlen);
    if (!res)
        return -1;
    if (pq.PQntuples(res) == 0) {
        pq.PQclear(res);
        /* absent under the writers' lock: its record may go out with the commit (pg_put_claim) */
        if (st->in_tx && !fields)
            absent_add(st, r->claim_id);
        return 0;
    }
    int bad = 0, rc = 1;
    const Layout *L =
        pq.PQgetisnull(res, 0, 6) ? NULL : layout_get(st, pg_i64(res, 0, 6), &bad, err, errlen);
    const char *pid = pq.PQgetvalue(res, 0, 0);
#define COL(i) pq.PQgetvalue(res, 0, i), (size_t)pq.PQgetlength(res, 0, i)
#define MAP(g) L ? L->map[g] : NULL, L ? L->n[g] : 0
    if (bad) {
        rc = -1;
    } else if (fields) {
        if ((L ? get_values(COL(1), L->map[G_FIELDS], L->n[G_FIELDS], fields, s->nclaim, POLRT_NONE)
               : get_values(COL(1), NULL, s->nclaim, fields, s->nclaim, POLRT_NONE)))
            rc = fail(err, errlen, PG_NAME ": claim %s: stored record is malformed", r->claim_id);
        snprintf(person, plen, "%s", pid);
    } else {
        int same;
        if (!L) {
            size_t n = put_varints(st->enc, r->fields, s->nclaim);
            same = (size_t)pq.PQgetlength(res, 0, 1) == n &&
                   (n == 0 || memcmp(pq.PQgetvalue(res, 0, 1), st->enc, n) == 0);
        } else {
            same = L->fields_same &&
                   get_values(COL(1), L->map[G_FIELDS], L->n[G_FIELDS], st->tmp, s->nclaim,
                              POLRT_NONE) == 0 &&
                   (s->nclaim == 0 ||
                    memcmp(st->tmp, r->fields, (size_t)s->nclaim * sizeof *st->tmp) == 0);
        }
        rc = same_claim(r, pid, same, err, errlen) ? 2 : 1;
    }
    if (rc == 1) {
        int badv =
            L ? get_values(COL(2), L->map[G_OUT], L->n[G_OUT], r->out, s->noutputs, POLRT_NONE) ||
                    get_values(COL(3), L->map[G_KEYS], L->n[G_KEYS], r->keys, s->nledgers,
                               POLRT_NONE) ||
                    get_values(COL(4), L->map[G_LEDGER], L->n[G_LEDGER], r->before,
                               s->nledger_fields, 0) ||
                    get_values(COL(5), L->map[G_LEDGER], L->n[G_LEDGER], r->after,
                               s->nledger_fields, 0)
              : get_values(COL(2), NULL, s->noutputs, r->out, s->noutputs, POLRT_NONE) ||
                    get_values(COL(3), NULL, s->nledgers, r->keys, s->nledgers, POLRT_NONE) ||
                    get_values(COL(4), NULL, s->nledger_fields, r->before, s->nledger_fields, 0) ||
                    get_values(COL(5), NULL, s->nledger_fields, r->after, s->nledger_fields, 0);
        if (badv)
            rc = fail(err, errlen, PG_NAME ": claim %s: stored record is malformed", r->claim_id);
    }
#undef COL
#undef MAP
    pq.PQclear(res);
    return rc;
}

/* The claim record into settled_claims: 0 stored, 1 there before (nothing written), -1.
 * A claim pg_find found absent in this transaction cannot be there (every writer holds the
 * lock): its INSERT is queued, without ON CONFLICT, so that a record there after all fails
 * the statement and with it the commit, rather than count twice. Any other claim (polc
 * run saves without looking first; a claim id found absent twice) waits for its answer. */
static int pg_put_claim(RtStore *st, const RtClaimRec *r, char *err, size_t errlen)
{
    const RtSchema *s = st->s;
    unsigned char *b = st->enc;
    size_t at = 0;
    const int64_t *g[5] = {r->fields, r->out, r->keys, r->before, r->after};
    const int n[5] = {s->nclaim, s->noutputs, s->nledgers, s->nledger_fields, s->nledger_fields};
    char layout[I64_TEXT_MAX];
    snprintf(layout, sizeof layout, "%lld", (long long)st->layout);
    char seq[I64_TEXT_MAX];
    snprintf(seq, sizeof seq, "%lld", (long long)st->seq + 1);
    const char *vals[10] = {r->claim_id, r->person_id, layout};
    int lens[10] = {-1, -1, -1};
    for (int i = 0; i < 5; i++) {
        size_t len = put_varints(b + at, g[i], n[i]);
        vals[3 + i] = (const char *)b + at;
        lens[3 + i] = (int)len;
        at += len;
    }
    vals[8] = st->now; /* the transaction's time */
    lens[8] = -1;
    vals[9] = seq;
    lens[9] = -1;
    if (st->in_tx && st->absent.n &&
        rt_map_remove(&st->absent, hash_str(r->claim_id), any_entry, NULL))
        return pg_send(st, PGS_NEW_CLAIM,
                       "INSERT INTO settled_claims (claim_id, person_id, layout, fields, outputs, "
                       "keys, ledger_before, ledger_after, settled_at, seq) VALUES ($1, $2, $3, "
                       "$4, $5, $6, $7, $8, $9, $10)",
                       10, vals, lens, PGRES_COMMAND_OK, NULL, err, errlen);
    PGresult *res =
        pg_run(st, PGS_PUT_CLAIM,
               "INSERT INTO settled_claims (claim_id, person_id, layout, fields, outputs, keys, "
               "ledger_before, ledger_after, settled_at, seq) VALUES ($1, $2, $3, $4, $5, $6, $7, "
               "$8, $9, $10) ON CONFLICT (claim_id) DO NOTHING",
               10, vals, lens, PGRES_COMMAND_OK, err, errlen);
    if (!res)
        return -1;
    int inserted = strcmp(pq.PQcmdTuples(res), "0") != 0;
    pq.PQclear(res);
    return inserted ? 0 : 1;
}

/* ids as a PostgreSQL array literal: each quoted, its quotes and backslashes escaped */
static void array_literal(Buf *b, const char *const *ids, size_t n)
{
    b->n = 0;
    buf_add(b, "{", 1);
    for (size_t i = 0; i < n; i++) {
        buf_add(b, i ? ",\"" : "\"", i ? 2 : 1);
        for (const char *c = ids[i]; *c; c++) {
            if (*c == '"' || *c == '\\')
                buf_add(b, "\\", 1);
            buf_add(b, c, 1);
        }
        buf_add(b, "\"", 1);
    }
    buf_add(b, "}", 1);
}

/* pre_rows (ordered by person) indexed by the persons asked for: those without rows too */
static int pre_index(RtStore *st, const char *const *pids, size_t np)
{
    st->pre_ids.n = 0;
    size_t *at = polrt_realloc(NULL, (np ? np : 1) * sizeof *at);
    if (!at || rt_grow(&st->pre, &st->cap_pre, np, sizeof *st->pre) ||
        rt_map_reserve(&st->pre_map, np)) {
        polrt_realloc(at, 0);
        return -1;
    }
    for (size_t i = 0; i < np; i++) {
        at[i] = st->pre_ids.n;
        buf_add(&st->pre_ids, pids[i], strlen(pids[i]) + 1);
    }
    if (st->pre_ids.oom) {
        polrt_realloc(at, 0);
        return -1;
    }
    /* the ids are where they stay now: the entries point at them */
    for (size_t i = 0; i < np; i++) {
        const char *id = st->pre_ids.p + at[i];
        if (pre_find(st, id))
            continue;
        PrePerson *pp = &st->pre[st->npre++];
        *pp = (PrePerson){id, 0, 0};
        rt_map_put(&st->pre_map, hash_str(id), pp); /* room reserved */
    }
    polrt_realloc(at, 0);
    const PGresult *res = st->pre_rows;
    for (int r = 0, end; r < pq.PQntuples(res); r = end) {
        const char *id = pq.PQgetvalue(res, r, 5); /* the columns of rows_from, then the person */
        for (end = r + 1; end < pq.PQntuples(res) && strcmp(pq.PQgetvalue(res, end, 5), id) == 0;)
            end++;
        PrePerson *pp = rt_map_find(&st->pre_map, hash_str(id), pre_eq, id);
        if (pp) {
            pp->first = r;
            pp->nrows = end - r;
        }
    }
    return 0;
}

/* rt_ledger_prefetch on PostgreSQL: which claims of ids are stored, and the rows of the
 * persons pids, in one round trip */
static int pg_prefetch(RtStore *st, const char *const *ids, size_t n, const char *const *pids,
                       size_t np, char *err, size_t errlen)
{
    Buf a = {0}, b = {0};
    array_literal(&a, ids, n);
    array_literal(&b, pids, np);
    PGresult *claims = NULL, *rows = NULL;
    int rc = a.oom || b.oom ? fail(err, errlen, "out of memory") : 0;
    const char *va[1] = {a.p}, *vb[1] = {b.p};
    if (rc == 0)
        rc = pg_send(st, PGS_NONE,
                     "SELECT claim_id FROM settled_claims WHERE claim_id = ANY($1::text[])", 1, va,
                     NULL, PGRES_TUPLES_OK, &claims, err, errlen);
    if (rc == 0)
        rc = pg_send(st, PGS_NONE,
                     "SELECT ledger, key, vals, layout, last_date, person_id FROM ledger_rows "
                     "WHERE person_id = ANY($1::text[]) ORDER BY person_id",
                     1, vb, NULL, PGRES_TUPLES_OK, &rows, err, errlen);
    if (rc == 0)
        rc = pg_sync(st, err, errlen);
    polrt_realloc(a.p, 0);
    polrt_realloc(b.p, 0);
    if (rc == 0 && rt_map_reserve(&st->absent, n) == 0) {
        for (size_t i = 0; i < n; i++)
            absent_add(st, ids[i]);
        for (int i = 0; i < pq.PQntuples(claims); i++)
            rt_map_remove(&st->absent, hash_str(pq.PQgetvalue(claims, i, 0)), any_entry, NULL);
    }
    pq.PQclear(claims);
    if (rc == 0) {
        /* the rows are read under the lock: another process cannot change them before the
         * commit, and this one writes them only then */
        pg_tx_end_rows(st);
        st->pre_rows = rows;
        if (pre_index(st, pids, np) != 0)
            pg_tx_end_rows(st); /* without memory each person's rows are asked for */
    } else {
        pq.PQclear(rows);
    }
    return rc;
}

int rt_ledger_prefetches(const RtStore *st)
{
    return st->pg != NULL;
}

int rt_ledger_prefetch(RtStore *st, const char *const *ids, size_t n, const char *const *pids,
                       size_t np, char *err, size_t errlen)
{
    if (!st->pg || n + np == 0)
        return 0;
    pthread_mutex_lock(&st->mu);
    int rc = st->in_tx ? pg_prefetch(st, ids, n, pids, np, err, errlen) : 0;
    pthread_mutex_unlock(&st->mu);
    return rc;
}

/* ---- a ledger's history: a person's claims, late claims, reversals, opening balances,
 * erasure. Not on the path of a claim settled in date order: plain SQL, the same text for
 * SQLite and PostgreSQL ($1... parameters), through one helper. ---------------------------- */

/* a parameter or a result column: text, blob, integer or NULL */
typedef struct DbVal {
    char kind; /* 'T', 'B', 'I', 'N' */
    const char *text;
    const void *blob;
    size_t n;
    int64_t i;
} DbVal;
#define DB_T(s)      db_text(s)
#define DB_I(v)      ((DbVal){.kind = (v) == POLRT_NONE ? 'N' : 'I', .i = (v)})
#define DB_B(p, len) ((DbVal){.kind = 'B', .blob = (p), .n = (len)})
/* text, or NULL for SQL NULL */
static DbVal db_text(const char *s)
{
    return (DbVal){.kind = s ? 'T' : 'N', .text = s};
}
/* most parameters and columns of a history statement */
#define DB_MAX 16
typedef int (*DbRowFn)(void *arg, const DbVal *cols, int ncols);

/* db_query on PostgreSQL: the arguments as text (integers) or binary (blobs) */
static int pg_query(RtStore *st, const char *sql, const DbVal *args, int nargs, DbRowFn fn,
                    void *arg, int64_t *changes, char *err, size_t errlen)
{
    DbVal cols[DB_MAX];
    int rc = 0;
    const char *vals[DB_MAX];
    int lens[DB_MAX];
    char num[DB_MAX][I64_TEXT_MAX];
    for (int i = 0; i < nargs; i++) {
        lens[i] = -1;
        switch (args[i].kind) {
        case 'T': vals[i] = args[i].text; break;
        case 'B':
            vals[i] = args[i].n ? args[i].blob : "";
            lens[i] = (int)args[i].n;
            break;
        case 'I':
            snprintf(num[i], sizeof num[i], "%lld", (long long)args[i].i);
            vals[i] = num[i];
            break;
        default: vals[i] = NULL;
        }
    }
    /* a statement returns rows when it reads (SELECT) or says what it changed */
    int rows = strncmp(sql, "SELECT", 6) == 0 || strstr(sql, "RETURNING") != NULL;
    PGresult *res = pg_run(st, PGS_NONE, sql, nargs, vals, lens,
                           rows ? PGRES_TUPLES_OK : PGRES_COMMAND_OK, err, errlen);
    if (!res)
        return -1;
    int nc = pq.PQnfields(res) < DB_MAX ? pq.PQnfields(res) : DB_MAX;
    for (int r = 0; fn && rc == 0 && r < pq.PQntuples(res); r++) {
        for (int c = 0; c < nc; c++) {
            memset(&cols[c], 0, sizeof cols[c]);
            Oid t = pq.PQftype(res, c);
            if (pq.PQgetisnull(res, r, c))
                cols[c].kind = 'N';
            else if (t == 20) /* int8 */
                cols[c] = DB_I(pg_i64(res, r, c));
            else if (t == 17) /* bytea */
                cols[c] = DB_B(pq.PQgetvalue(res, r, c), (size_t)pq.PQgetlength(res, r, c));
            else
                cols[c] = DB_T(pq.PQgetvalue(res, r, c));
        }
        rc = fn(arg, cols, nc);
    }
    if (changes)
        *changes = strtoll(pq.PQcmdTuples(res), NULL, 10);
    pq.PQclear(res);
    return rc;
}

/* db_query on SQLite: the arguments bound to $1 .. $N where the statement has them */
static int sqlite_query(RtStore *st, const char *sql, const DbVal *args, int nargs, DbRowFn fn,
                        void *arg, int64_t *changes, char *err, size_t errlen)
{
    DbVal cols[DB_MAX];
    int rc = 0;
    sqlite3_stmt *q;
    if (sq.sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK)
        return db_fail(st, err, errlen);
    for (int i = 0; i < nargs; i++) {
        char name[16]; /* "$1" ... "$16" */
        snprintf(name, sizeof name, "$%d", i + 1);
        int k = sq.sqlite3_bind_parameter_index(q, name);
        if (k == 0)
            continue;
        switch (args[i].kind) {
        case 'T': sq.sqlite3_bind_text(q, k, args[i].text, -1, SQLITE_STATIC); break;
        case 'B': sq.sqlite3_bind_blob(q, k, args[i].blob, (int)args[i].n, SQLITE_STATIC); break;
        case 'I': sq.sqlite3_bind_int64(q, k, args[i].i); break;
        default: sq.sqlite3_bind_null(q, k);
        }
    }
    int step;
    while (rc == 0 && (step = sq.sqlite3_step(q)) == SQLITE_ROW) {
        int nc = sq.sqlite3_column_count(q) < DB_MAX ? sq.sqlite3_column_count(q) : DB_MAX;
        for (int c = 0; c < nc; c++) {
            switch (sq.sqlite3_column_type(q, c)) {
            case SQLITE_NULL: cols[c] = (DbVal){.kind = 'N'}; break;
            case SQLITE_INTEGER: cols[c] = DB_I(sq.sqlite3_column_int64(q, c)); break;
            case SQLITE_BLOB:
                cols[c] = DB_B(sq.sqlite3_column_blob(q, c), (size_t)sq.sqlite3_column_bytes(q, c));
                break;
            default: cols[c] = DB_T((const char *)sq.sqlite3_column_text(q, c));
            }
        }
        if (fn)
            rc = fn(arg, cols, nc);
    }
    if (rc == 0 && step != SQLITE_DONE)
        rc = db_fail(st, err, errlen);
    if (changes)
        *changes = sq.sqlite3_changes(st->db);
    sq.sqlite3_finalize(q);
    return rc;
}

/* Run sql with args; fn (when not NULL) sees each result row (a non-zero return stops with
 * it). *changes: rows changed (NULL: not wanted). 0, the row function's non-zero, or -1 with
 * a message. The caller holds st->mu. */
static int db_query(RtStore *st, const char *sql, const DbVal *args, int nargs, DbRowFn fn,
                    void *arg, int64_t *changes, char *err, size_t errlen)
{
    if (!st->pg && !st->db) /* (callers keep history to stored ledgers; SQLite is not loaded) */
        return fail(err, errlen, "a ledger in memory keeps no history: give --ledger");
    if (st->pg)
        return pg_query(st, sql, args, nargs, fn, arg, changes, err, errlen);
    return sqlite_query(st, sql, args, nargs, fn, arg, changes, err, errlen);
}

void rt_ledger_late_check(RtStore *st, int on)
{
    st->late_check = on != 0;
}

void rt_ledger_claims_free(RtStoredClaim *c, size_t n)
{
    for (size_t i = 0; c && i < n; i++) {
        polrt_realloc(c[i].claim_id, 0);
        polrt_realloc(c[i].fields, 0);
    }
    polrt_realloc(c, 0);
}

typedef struct ClaimList {
    RtStore *st;
    RtStoredClaim *v;
    size_t n, cap;
    char *err;
    size_t errlen;
} ClaimList;

/* a new last entry of cl for claim id, its arrays allocated (values not set): NULL out of
 * memory (said) */
static RtStoredClaim *stored_new(ClaimList *cl, const char *id)
{
    const RtSchema *s = cl->st->s;
    if (rt_grow(&cl->v, &cl->cap, cl->n + 1, sizeof *cl->v)) {
        fail(cl->err, cl->errlen, "out of memory");
        return NULL;
    }
    RtStoredClaim *r = &cl->v[cl->n];
    memset(r, 0, sizeof *r);
    size_t nv = (size_t)s->nclaim + (size_t)s->noutputs + (size_t)s->nledgers +
                2 * (size_t)s->nledger_fields + 1;
    if (!(r->claim_id = rt_strdup(id)) ||
        !(r->fields = polrt_realloc(NULL, nv * sizeof *r->fields))) {
        polrt_realloc(r->claim_id, 0);
        fail(cl->err, cl->errlen, "out of memory");
        return NULL;
    }
    cl->n++;
    r->out = r->fields + s->nclaim;
    r->keys = r->out + s->noutputs;
    r->before = r->keys + s->nledgers;
    r->after = r->before + s->nledger_fields;
    return r;
}

/* values of group g from a stored column: format 2 blobs through layout L, format 1 text */
static int col_values(RtStore *st, const DbVal *c, const Layout *L, Group g, int64_t *vals, int n,
                      int64_t missing)
{
    if (c->kind == 'T')
        return decode_text(st->s, g, 0, c->text, vals, missing);
    if (c->kind != 'B')
        return -1;
    return L ? get_values(c->blob, c->n, L->map[g], L->n[g], vals, n, missing)
             : get_values(c->blob, c->n, NULL, n, vals, n, missing);
}

/* claim_id, fields, outputs, keys, ledger_before, ledger_after, layout, seq */
static int claim_row(void *arg, const DbVal *c, int nc)
{
    ClaimList *cl = arg;
    RtStore *st = cl->st;
    const RtSchema *s = st->s;
    if (nc < 8 || c[0].kind != 'T')
        return fail(cl->err, cl->errlen, "%s: a stored claim is incomplete", st->path);
    RtStoredClaim *r = stored_new(cl, c[0].text);
    if (!r)
        return -1;
    int bad = 0;
    const Layout *L = c[6].kind == 'I' ? layout_get(st, c[6].i, &bad, cl->err, cl->errlen) : NULL;
    if (bad)
        return -1;
    if (col_values(st, &c[1], L, G_FIELDS, r->fields, s->nclaim, POLRT_NONE) ||
        col_values(st, &c[2], L, G_OUT, r->out, s->noutputs, POLRT_NONE) ||
        col_values(st, &c[3], L, G_KEYS, r->keys, s->nledgers, POLRT_NONE) ||
        col_values(st, &c[4], L, G_LEDGER, r->before, s->nledger_fields, 0) ||
        col_values(st, &c[5], L, G_LEDGER, r->after, s->nledger_fields, 0))
        return fail(cl->err, cl->errlen, "%s: claim %s: stored record is malformed", st->path,
                    r->claim_id);
    r->seq = c[7].kind == 'I' ? c[7].i : 0;
    r->date = claim_date(st, r->fields);
    return 0;
}

/* date order: the claim date (none first), then the order settled, then the id */
static int claim_order(const void *a, const void *b)
{
    const RtStoredClaim *x = a, *y = b;
    if (x->date != y->date)
        return x->date < y->date ? -1 : 1;
    if (x->seq != y->seq)
        return x->seq < y->seq ? -1 : 1;
    return strcmp(x->claim_id, y->claim_id);
}

/* A read-only store: the person's claims settled in memory over those read from the file
 * (cl): one the file holds, settled again, in its place with the file's number; one settled
 * in memory added with its own. 0, or -1 (memory). The caller holds st->mu. */
static int mem_claims(RtStore *st, const char *person_id, ClaimList *cl)
{
    const RtSchema *s = st->s;
    size_t nd = (size_t)s->nclaim + (size_t)s->noutputs + (size_t)s->nledgers +
                2 * (size_t)s->nledger_fields;
    const RtLedgerPerson *lp = rt_map_find(&st->persons, hash_str(person_id), lp_eq, person_id);
    for (const MemClaim *c = lp ? lp->claims : NULL; c; c = c->next) {
        size_t i = 0;
        while (i < cl->n && strcmp(cl->v[i].claim_id, c->id) != 0)
            i++;
        RtStoredClaim *r = i < cl->n ? &cl->v[i] : stored_new(cl, c->id);
        if (!r)
            return -1;
        if (c->seq)
            r->seq = c->seq;
        memcpy(r->fields, c->data, nd * sizeof *c->data); /* the same groups, in one order */
        r->date = claim_date(st, r->fields);
    }
    return 0;
}

/* a reversed claim's record (reversed_claims), claim_row's columns then person_id and
 * reversed_at */
typedef struct Reversed {
    ClaimList cl;
    char *person, *at;
    size_t plen, atlen;
} Reversed;

static int reversed_row(void *arg, const DbVal *c, int nc)
{
    Reversed *v = arg;
    if (nc < 10 || c[8].kind != 'T' || c[9].kind != 'T')
        return fail(v->cl.err, v->cl.errlen, "%s: a reversed claim is incomplete", v->cl.st->path);
    snprintf(v->person, v->plen, "%s", c[8].text);
    snprintf(v->at, v->atlen, "%s", c[9].text);
    return claim_row(&v->cl, c, nc);
}

int rt_ledger_get_reversed(RtStore *st, RtClaimRec *r, int64_t *fields, char *person, size_t plen,
                           char *at, size_t atlen, char *err, size_t errlen)
{
    if (!st->db && !st->pg)
        return 0;
    const RtSchema *s = st->s;
    Reversed v = {{st, NULL, 0, 0, err, errlen}, person, at, plen, atlen};
    DbVal a[1] = {DB_T(r->claim_id)};
    pthread_mutex_lock(&st->mu);
    /* the latest reversal: a claim settled again after one may be reversed again */
    int rc = db_query(st,
                      "SELECT claim_id, fields, outputs, keys, ledger_before, ledger_after, "
                      "layout, seq, person_id, reversed_at FROM reversed_claims WHERE "
                      "claim_id = $1 ORDER BY reversed_at DESC LIMIT 1",
                      a, 1, reversed_row, &v, NULL, err, errlen);
    pthread_mutex_unlock(&st->mu);
    if (rc == 0 && v.cl.n == 1) {
        const RtStoredClaim *c = v.cl.v;
        memcpy(fields, c->fields, (size_t)s->nclaim * sizeof *fields);
        memcpy(r->out, c->out, (size_t)s->noutputs * sizeof *r->out);
        memcpy(r->keys, c->keys, (size_t)s->nledgers * sizeof *r->keys);
        memcpy(r->before, c->before, (size_t)s->nledger_fields * sizeof *r->before);
        memcpy(r->after, c->after, (size_t)s->nledger_fields * sizeof *r->after);
    }
    rt_ledger_claims_free(v.cl.v, v.cl.n);
    return rc ? -1 : v.cl.n == 1;
}

int rt_ledger_person_claims(RtStore *st, const char *person_id, RtStoredClaim **list, size_t *n,
                            char *err, size_t errlen)
{
    *list = NULL;
    *n = 0;
    if (!st->db && !st->pg)
        return 0;
    ClaimList cl = {st, NULL, 0, 0, err, errlen};
    DbVal a[1] = {DB_T(person_id)};
    pthread_mutex_lock(&st->mu);
    int rc = db_query(st,
                      "SELECT claim_id, fields, outputs, keys, ledger_before, ledger_after, "
                      "layout, seq FROM settled_claims WHERE person_id = $1",
                      a, 1, claim_row, &cl, NULL, err, errlen);
    if (rc == 0 && st->read_only)
        rc = mem_claims(st, person_id, &cl);
    pthread_mutex_unlock(&st->mu);
    if (rc) {
        rt_ledger_claims_free(cl.v, cl.n);
        return -1;
    }
    if (cl.n > 1)
        qsort(cl.v, cl.n, sizeof *cl.v, claim_order);
    *list = cl.v;
    *n = cl.n;
    return 0;
}

int rt_ledger_set_row(RtStore *st, RtLedgerPerson *lp, int l, int64_t key, const int64_t *vals,
                      int64_t last, char *err, size_t errlen)
{
    const RtLedger *led = &st->s->ledgers[l];
    pthread_mutex_lock(&st->mu);
    int64_t *row = find_row(st, lp, l, key);
    if (row && (row[0] & ROW_NEWER)) {
        pthread_mutex_unlock(&st->mu);
        return newer_fail(st, row, err, errlen);
    }
    row = add_row(st, lp, l, key);
    if (!row) {
        pthread_mutex_unlock(&st->mu);
        return fail(err, errlen, "out of memory");
    }
    for (int f = 0; f < led->nfields; f++)
        row[ROW_HEAD + f] = vals[led->offset + f];
    row[ROW_LAST] = last;
    if (st->db || st->pg) {
        row[0] |= ROW_DIRTY;
        mark_dirty(st, lp);
    }
    pthread_mutex_unlock(&st->mu);
    return 0;
}

int rt_ledger_row_newer(RtStore *st, RtLedgerPerson *lp, int l, int64_t key, char *err,
                        size_t errlen)
{
    pthread_mutex_lock(&st->mu);
    const int64_t *row = find_row(st, lp, l, key);
    int rc = row && (row[0] & ROW_NEWER) ? newer_fail(st, row, err, errlen) : 0;
    pthread_mutex_unlock(&st->mu);
    return rc;
}

int rt_ledger_row(RtStore *st, RtLedgerPerson *lp, int l, int64_t key, int64_t *vals, int64_t *last)
{
    pthread_mutex_lock(&st->mu);
    const int64_t *row = find_row(st, lp, l, key);
    const RtLedger *led = &st->s->ledgers[l];
    for (int f = 0; f < led->nfields; f++)
        vals[led->offset + f] = row ? row[ROW_HEAD + f] : 0;
    if (last)
        *last = row ? row[ROW_LAST] : POLRT_NONE;
    pthread_mutex_unlock(&st->mu);
    return row != NULL;
}

/* A claim settled again on a read-only store: its record in memory replaced, or (a claim of
 * the file) one made that stands for the file's from now on (seq 0: the file's number holds) */
static int mem_update(RtStore *st, RtLedgerPerson *lp, const RtClaimRec *r, char *err,
                      size_t errlen)
{
    uint64_t hc = hash_str(r->claim_id);
    MemClaim *c = rt_map_find(&st->claims, hc, claim_eq, r->claim_id);
    if (c) {
        claim_data(st->s, c->data, r);
        return 0;
    }
    if (!(c = mem_claim_new(st->s, r)) || rt_map_reserve(&st->claims, 1)) {
        polrt_realloc(c, 0);
        return fail(err, errlen, "out of memory");
    }
    rt_map_put(&st->claims, hc, c); /* room reserved: cannot fail */
    c->next = lp->claims;
    lp->claims = c;
    return 0;
}

int rt_ledger_update_claim(RtStore *st, RtLedgerPerson *lp, const RtClaimRec *r, char *err,
                           size_t errlen)
{
    const RtSchema *s = st->s;
    pthread_mutex_lock(&st->mu);
    int rc = rows_reserve(st, lp, r->keys) ? fail(err, errlen, "out of memory") : 0;
    if (rc == 0 && st->read_only) {
        rc = mem_update(st, lp, r, err, errlen);
    } else if (rc == 0) {
        unsigned char *b = st->enc;
        size_t at = 0;
        const int64_t *g[5] = {r->fields, r->out, r->keys, r->before, r->after};
        const int n[5] = {s->nclaim, s->noutputs, s->nledgers, s->nledger_fields,
                          s->nledger_fields};
        DbVal a[7] = {DB_T(r->claim_id), DB_I(st->layout)};
        for (int i = 0; i < 5; i++) {
            size_t len = put_varints(b + at, g[i], n[i]);
            a[2 + i] = DB_B(b + at, len);
            at += len;
        }
        int64_t changed = 0;
        rc = db_query(st,
                      "UPDATE settled_claims SET layout = $2, fields = $3, outputs = $4, "
                      "keys = $5, ledger_before = $6, ledger_after = $7 WHERE claim_id = $1",
                      a, 7, NULL, NULL, &changed, err, errlen);
        if (rc == 0 && changed != 1)
            rc = fail(err, errlen, "claim %s: not in the ledger to settle again", r->claim_id);
    }
    if (rc == 0) {
        put_rows(st, lp, r->keys, r->after, ROW_DIRTY, claim_date(st, r->fields));
        mark_dirty(st, lp);
    }
    pthread_mutex_unlock(&st->mu);
    return rc;
}

/* an audit row, the caller holding st->mu */
static int audit_locked(RtStore *st, const char *event, const char *claim_id, const char *person_id,
                        const char *output, int64_t old, int64_t now, const char *detail, char *err,
                        size_t errlen)
{
    int64_t delta = old != POLRT_NONE && now != POLRT_NONE ? now - old : POLRT_NONE;
    DbVal a[9] = {DB_T(tx_time(st)), DB_T(event), DB_T(claim_id), DB_T(person_id), DB_T(output),
                  DB_I(old),         DB_I(now),   DB_I(delta),    DB_T(detail)};
    int rc = db_query(st,
                      "INSERT INTO ledger_audit (at, event, claim_id, person_id, output, "
                      "old_value, new_value, delta, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, "
                      "$8, $9)",
                      a, 9, NULL, NULL, NULL, err, errlen);
    if (rc == 0)
        st->tx_wrote = 1;
    return rc;
}

int rt_ledger_audit(RtStore *st, const char *event, const char *claim_id, const char *person_id,
                    const char *output, int64_t old, int64_t now, const char *detail, char *err,
                    size_t errlen)
{
    /* memory keeps none; nor does a read-only store, as no run reads them back (explain's
     * opening balances are import rows, which settling never makes) */
    if (!writes(st))
        return 0;
    pthread_mutex_lock(&st->mu);
    int rc = audit_locked(st, event, claim_id, person_id, output, old, now, detail, err, errlen);
    pthread_mutex_unlock(&st->mu);
    return rc;
}

int rt_ledger_reverse(RtStore *st, const char *claim_id, char *err, size_t errlen)
{
    pthread_mutex_lock(&st->mu);
    DbVal a[2] = {DB_T(claim_id), DB_T(tx_time(st))};
    int64_t moved = 0;
    int rc = db_query(st,
                      "INSERT INTO reversed_claims (claim_id, person_id, fields, outputs, keys, "
                      "ledger_before, ledger_after, settled_at, layout, seq, reversed_at) "
                      "SELECT claim_id, person_id, fields, outputs, keys, ledger_before, "
                      "ledger_after, settled_at, layout, seq, $2 FROM settled_claims "
                      "WHERE claim_id = $1",
                      a, 2, NULL, NULL, &moved, err, errlen);
    if (rc == 0 && moved != 1)
        rc = fail(err, errlen, "claim %s: not in the ledger", claim_id);
    if (rc == 0)
        rc = db_query(st, "DELETE FROM settled_claims WHERE claim_id = $1", a, 1, NULL, NULL, NULL,
                      err, errlen);
    if (rc == 0)
        st->tx_wrote = 1;
    pthread_mutex_unlock(&st->mu);
    return rc;
}

int rt_ledger_erase(RtStore *st, const char *person_id, int64_t *nclaims, char *what,
                    size_t whatlen, char *err, size_t errlen)
{
    static const char *const tables[] = {"settled_claims", "reversed_claims", "ledger_rows",
                                         "ledger_audit"};
    static const char *const kinds[] = {"settled claim", "reversed claim", "ledger row",
                                        "audit row"};
    int64_t n[4] = {0};
    DbVal a[1] = {DB_T(person_id)};
    pthread_mutex_lock(&st->mu);
    /* SQLite: the freed pages are overwritten, so the file keeps no copy of the data */
    int rc = st->db ? exec_sql(st, "PRAGMA secure_delete = ON", err, errlen) : 0;
    for (int i = 0; rc == 0 && i < 4; i++) {
        char sql[96];
        snprintf(sql, sizeof sql, "DELETE FROM %s WHERE person_id = $1", tables[i]);
        rc = db_query(st, sql, a, 1, NULL, NULL, &n[i], err, errlen);
    }
    /* the erasure is recorded, never whose it was: only what was removed, by kind (the kinds
     * of which nothing was removed left out) */
    size_t k = 0;
    what[0] = 0;
    for (int i = 0; i < 4 && k < whatlen; i++)
        if (n[i])
            k += (size_t)snprintf(what + k, whatlen - k, "%s%lld %s%s", k ? ", " : "",
                                  (long long)n[i], kinds[i], rt_plural(n[i]));
    char detail[256];
    snprintf(detail, sizeof detail, "a person's data erased: %s", what);
    if (rc == 0)
        rc = audit_locked(st, "erase", NULL, NULL, NULL, POLRT_NONE, POLRT_NONE, detail, err,
                          errlen);
    RtLedgerPerson *lp = rt_map_find(&st->persons, hash_str(person_id), lp_eq, person_id);
    if (rc == 0 && lp) {
        lp->nwords = 0;
        lp->epoch = 0;
    }
    pthread_mutex_unlock(&st->mu);
    if (nclaims)
        *nclaims = n[0] + n[1] + n[2];
    return rc;
}

/* The frames an SQLite log holds stay in it after a checkpoint, until the log starts again
 * and overwrites them; the last connection's close removes the log, but another process on
 * the file (polc serve) keeps it open for months. So the erasure's commit is followed by a
 * checkpoint that copies the log (the zeroed pages of secure_delete) into the file and
 * truncates the log, waiting as a writer does (BUSY_TIMEOUT_MS) for a reader to finish. */
int rt_ledger_erase_log(RtStore *st, char *err, size_t errlen)
{
    if (!st->db || st->read_only)
        return 0;
    pthread_mutex_lock(&st->mu);
    /* another process's checkpoint (a service's checkpoint thread) holds the checkpoint lock,
     * for which SQLite answers busy at once, its busy handler not called: tried again */
    int64_t until = rt_now_ms() + BUSY_TIMEOUT_MS;
    int rc;
    while ((rc = sq.sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL,
                                              NULL)) == SQLITE_BUSY &&
           rt_now_ms() < until)
        nanosleep(&(struct timespec){.tv_nsec = 10 * 1000 * 1000}, NULL);
    if (rc != SQLITE_OK) {
        char wal[PATH_MAX + 8];
        rc = (rc & 0xff) == SQLITE_BUSY
                 ? fail(err, errlen,
                        "%s: the erasure is committed, but the ledger's log still holds "
                        "copies of the erased rows: another process kept reading or writing "
                        "the ledger past %d s; they go when the last process using the ledger "
                        "closes it",
                        wal_name(st, wal, sizeof wal), BUSY_TIMEOUT_MS / 1000)
                 : sq_fail(st, NULL, err, errlen);
    }
    pthread_mutex_unlock(&st->mu);
    return rc;
}

typedef struct IdList {
    char **v;
    size_t n, cap;
} IdList;

static int id_row(void *arg, const DbVal *c, int nc)
{
    IdList *l = arg;
    if (nc < 1 || c[0].kind != 'T')
        return 0;
    if (rt_grow(&l->v, &l->cap, l->n + 1, sizeof *l->v) || !(l->v[l->n] = rt_strdup(c[0].text)))
        return -1;
    l->n++;
    return 0;
}

/* a row of a person's, for export in (ledger, key) order */
typedef struct RowAt {
    int l;
    int64_t key;
    size_t w; /* its first word */
} RowAt;

static int row_order(const void *a, const void *b)
{
    const RowAt *x = a, *y = b;
    if (x->l != y->l)
        return x->l < y->l ? -1 : 1;
    return x->key < y->key ? -1 : x->key > y->key;
}

/* export_lossless's look at one (ledger, layout) the rows are stored in */
typedef struct StoredAs {
    RtStore *st;
    char *err;
    size_t errlen;
} StoredAs;

/* A kind of stored row (c: ledger name, layout id or NULL for format-1 text) that this schema
 * shows whole: 0; or -1, err saying what it would drop and whose rows they are. Rows read
 * through another writer's layout map by name: a field this schema adds reads as 0, as when
 * settling (spec/DATA.md "Ledger files"); a ledger or field it lacks has nowhere to go. */
static int stored_as(void *arg, const DbVal *c, int nc)
{
    StoredAs *a = arg;
    RtStore *st = a->st;
    const RtSchema *s = st->s;
    if (nc < 2 || c[0].kind != 'T')
        return 0;
    int l = 0, bad = 0;
    while (l < s->nledgers && strcmp(s->ledgers[l].name, c[0].text) != 0)
        l++;
    const Layout *L = c[1].kind == 'I' ? layout_get(st, c[1].i, &bad, a->err, a->errlen) : NULL;
    if (bad)
        return -1;
    const char *what = l == s->nledgers ? "ledger" : L ? L->unknown[l] : NULL;
    if (!what)
        return 0;
    char whose[64] = "an earlier polc (format 1)";
    if (L)
        snprintf(whose, sizeof whose, "policy sha256 %s... (layout %lld)", L->policy,
                 (long long)L->id);
    const char *where = st->pg ? PG_NAME : st->path;
    if (l == s->nledgers)
        fail(a->err, a->errlen,
             "%s: ledger %s, which policy \"%s\" does not have, holds rows written by %s: "
             "exporting through this policy would drop them; export with the one that wrote them",
             where, c[0].text, s->policy, whose);
    else
        fail(a->err, a->errlen,
             "%s: ledger %s holds %s, which policy \"%s\" does not have (rows written by %s): "
             "exporting through this policy would drop its values; export with the one that "
             "wrote them",
             where, c[0].text, what, s->policy, whose);
    return -1;
}

int rt_ledger_export(RtStore *st, RtLedgerRowFn fn, void *arg, char *err, size_t errlen)
{
    IdList ids = {0};
    if (!st->db && !st->pg)
        return 0;
    pthread_mutex_lock(&st->mu);
    /* refused before a row is written, rather than rows exported short of values */
    StoredAs sa = {st, err, errlen};
    int rc = db_query(st, "SELECT DISTINCT ledger, layout FROM ledger_rows ORDER BY ledger", NULL,
                      0, stored_as, &sa, NULL, err, errlen);
    if (rc == 0)
        rc = db_query(st, "SELECT DISTINCT person_id FROM ledger_rows ORDER BY person_id", NULL, 0,
                      id_row, &ids, NULL, err, errlen);
    pthread_mutex_unlock(&st->mu);
    if (rc > 0)
        rc = fail(err, errlen, "out of memory");
    for (size_t i = 0; rc == 0 && i < ids.n; i++) {
        RtLedgerPerson *lp = rt_ledger_hold(st, ids.v[i], hash_str(ids.v[i]), err, errlen);
        if (!lp) {
            rc = -1;
            break;
        }
        pthread_mutex_lock(&st->mu);
        rc = st->pg ? pg_fetch_rows(st, lp, err, errlen) : fetch_rows(st, lp, err, errlen);
        size_t nr = 0;
        RowAt *at = NULL;
        for (size_t w = 0; rc == 0 && w < lp->nwords;
             w += (size_t)st->stride[lp->rows[w] & ROW_LEDGER])
            nr++;
        if (rc == 0 && nr && !(at = polrt_realloc(NULL, nr * sizeof *at)))
            rc = fail(err, errlen, "out of memory");
        nr = 0;
        for (size_t w = 0; rc == 0 && w < lp->nwords;
             w += (size_t)st->stride[lp->rows[w] & ROW_LEDGER])
            at[nr++] = (RowAt){(int)(lp->rows[w] & ROW_LEDGER), lp->rows[w + 1], w};
        if (nr > 1)
            qsort(at, nr, sizeof *at, row_order);
        pthread_mutex_unlock(&st->mu);
        for (size_t k = 0; rc == 0 && k < nr; k++) {
            const int64_t *row = lp->rows + at[k].w;
            int l = (int)(row[0] & ROW_LEDGER);
            rc = fn(arg, lp->id, l, row[1], row + ROW_HEAD, row[ROW_LAST]);
        }
        polrt_realloc(at, 0);
        rt_ledger_release(st, lp, 1);
    }
    for (size_t i = 0; i < ids.n; i++)
        polrt_realloc(ids.v[i], 0);
    polrt_realloc(ids.v, 0);
    return rc;
}

/* ledger_audit's column that numbers its rows in the order written: SQLite's rowid (the
 * largest so far plus one), PostgreSQL's seq (pg_create_sql); both tie-break rows of one
 * commit, which share their time */
#define AUDIT_ORDER(st) ((st)->pg ? "seq" : "rowid")

/* rt_ledger_history's caller */
typedef struct AuditQuery {
    RtAuditFn fn;
    void *arg;
} AuditQuery;

/* at, event, claim_id, person_id, output, old_value, new_value, detail, settled_at */
static int audit_row(void *arg, const DbVal *c, int nc)
{
    const AuditQuery *q = arg;
    if (nc < 9)
        return 0;
#define COL_T(k) (c[k].kind == 'T' ? c[k].text : NULL)
#define COL_I(k) (c[k].kind == 'I' ? c[k].i : POLRT_NONE)
    RtAuditRow r = {COL_T(0), COL_T(1), COL_T(2), COL_T(3), COL_T(4),
                    COL_T(7), COL_T(8), COL_I(5), COL_I(6)};
#undef COL_T
#undef COL_I
    return q->fn(q->arg, &r);
}

int rt_ledger_history(RtStore *st, const char *person_id, const char *claim_id, RtAuditFn fn,
                      void *arg, char *err, size_t errlen)
{
    /* a claim's rows: its own (adjusted, reversed) and those its arrival or reversal caused
     * (resettle.c's causes "late claim ID", "reversal of ID"). Within one commit every row
     * has the same time: the order written is AUDIT_ORDER */
    char sql[768];
    DbVal a[2];
    int n = 0;
    size_t at = (size_t)snprintf(
        sql, sizeof sql,
        "SELECT a.at, a.event, a.claim_id, a.person_id, a.output, a.old_value, a.new_value, "
        "a.detail, r.settled_at FROM ledger_audit a LEFT JOIN reversed_claims r ON "
        "a.event = 'reverse' AND r.claim_id = a.claim_id AND r.reversed_at = a.at WHERE 1 = 1");
    if (person_id) {
        a[n++] = DB_T(person_id);
        at += (size_t)snprintf(sql + at, sizeof sql - at, " AND a.person_id = $%d", n);
    }
    if (claim_id) {
        a[n++] = DB_T(claim_id);
        at += (size_t)snprintf(sql + at, sizeof sql - at,
                               " AND (a.claim_id = $%d OR a.detail = '" RT_CAUSE_LATE
                               " ' || $%d OR a.detail = '" RT_CAUSE_REVERSAL " ' || $%d)",
                               n, n, n);
    }
    snprintf(sql + at, sizeof sql - at, " ORDER BY a.at, a.%s", AUDIT_ORDER(st));
    AuditQuery q = {fn, arg};
    pthread_mutex_lock(&st->mu);
    int rc = db_query(st, sql, a, n, audit_row, &q, NULL, err, errlen);
    pthread_mutex_unlock(&st->mu);
    return rc;
}

/* the detail of the latest import audit row that starts with prefix */
typedef struct Detail {
    char *buf;
    size_t len;
    int found;
} Detail;

static int detail_row(void *arg, const DbVal *c, int nc)
{
    Detail *d = arg;
    if (nc > 0 && c[0].kind == 'T') {
        snprintf(d->buf, d->len, "%s", c[0].text);
        d->found = 1;
    }
    return 0;
}

int rt_ledger_opening(RtStore *st, const char *person_id, int l, int64_t key, char *buf, size_t len)
{
    if (!st->db && !st->pg)
        return 0;
    char prefix[NAME_MAX_LEN + 48];
    snprintf(prefix, sizeof prefix, "ledger %s %lld: %%", st->s->ledgers[l].name, (long long)key);
    DbVal a[2] = {DB_T(person_id), DB_T(prefix)};
    Detail d = {buf, len, 0};
    /* the last written: a file that gives the row twice imports its later line */
    char sql[192];
    snprintf(sql, sizeof sql,
             "SELECT detail FROM ledger_audit WHERE event = 'import' AND person_id = $1 AND "
             "detail LIKE $2 ORDER BY at DESC, %s DESC LIMIT 1",
             AUDIT_ORDER(st));
    pthread_mutex_lock(&st->mu);
    int rc = db_query(st, sql, a, 2, detail_row, &d, NULL, NULL, 0);
    pthread_mutex_unlock(&st->mu);
    return rc == 0 && d.found;
}

int rt_ledger_hold_rows(RtStore *st, RtLedgerPerson *lp, char *err, size_t errlen)
{
    if (!st->db && !st->pg)
        return 0;
    pthread_mutex_lock(&st->mu);
    int rc = lp->epoch == st->epoch ? 0
             : st->pg               ? pg_fetch_rows(st, lp, err, errlen)
                                    : fetch_rows(st, lp, err, errlen);
    pthread_mutex_unlock(&st->mu);
    return rc;
}
