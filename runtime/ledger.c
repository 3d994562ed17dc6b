/* ledger.c — where ledgers live between claims: per (person, ledger, key) the ledger's
 * int64 fields, and every settled claim (the audit trail that keeps a re-run from counting
 * a claim twice). Two back ends behind one interface: hash tables in memory for a run's
 * life (rows grouped per person, so a person done with can leave), or an SQLite file that
 * persists across runs. Also the runtime's hash map. */
#include "rt_int.h"

#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* ---- the hash map ----------------------------------------------------------------------
 * Open addressing, linear probing, at most half full. Written here rather than taken from a
 * library: Debian's candidates are glib (a large dependency for one table) and hsearch_r
 * (fixed size, string keys only, no growth, no removal); persons and claim ids need a
 * growable table with removal, and ~80 lines do it. Removal shifts the rest of the probe
 * run back (no tombstones), so a table with entries coming and going never degrades. */

/* first table size, and the load factor bound (n / cap <= 1/2: short probe runs) */
#define MAP_MIN_CAP 16
#define FNV_PRIME   UINT64_C(1099511628211)

uint64_t rt_hash_bytes(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= FNV_PRIME;
    }
    return h;
}

uint64_t rt_hash_i64(uint64_t h, int64_t v)
{
    uint64_t u = (uint64_t)v;
    for (int i = 0; i < 8; i++, u >>= 8) {
        h ^= u & 0xff;
        h *= FNV_PRIME;
    }
    return h;
}

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

void *rt_map_find(const RtMap *m, uint64_t h, int (*eq)(const void *entry, const void *key),
                  const void *key)
{
    if (m->cap == 0)
        return NULL;
    for (size_t i = slot_of(h, m->cap); m->slots[i]; i = (i + 1) & (m->cap - 1))
        if (m->hashes[i] == h && eq(m->slots[i], key))
            return m->slots[i];
    return NULL;
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
    void **slots = polrt_realloc(NULL, cap * sizeof *slots);
    uint64_t *hashes = polrt_realloc(NULL, cap * sizeof *hashes);
    if (!slots || !hashes) {
        polrt_realloc(slots, 0);
        polrt_realloc(hashes, 0);
        return -1;
    }
    rt_advise_huge(slots, cap * sizeof *slots);
    rt_advise_huge(hashes, cap * sizeof *hashes);
    memset(slots, 0, cap * sizeof *slots);
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->slots[i])
            continue;
        size_t j = slot_of(m->hashes[i], cap);
        while (slots[j])
            j = (j + 1) & (cap - 1);
        slots[j] = m->slots[i];
        hashes[j] = m->hashes[i];
    }
    polrt_realloc(m->slots, 0);
    polrt_realloc(m->hashes, 0);
    m->slots = slots;
    m->hashes = hashes;
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
    size_t mask = m->cap - 1, i = slot_of(h, m->cap);
    while (m->slots[i] && !(m->hashes[i] == h && eq(m->slots[i], key)))
        i = (i + 1) & mask;
    void *entry = m->slots[i];
    if (!entry)
        return NULL;
    for (size_t j = (i + 1) & mask; m->slots[j]; j = (j + 1) & mask) {
        size_t k = slot_of(m->hashes[j], m->cap);
        if (i <= j ? (i < k && k <= j) : (i < k || k <= j))
            continue;
        m->slots[i] = m->slots[j];
        m->hashes[i] = m->hashes[j];
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
    size_t i = slot_of(h, m->cap);
    while (m->slots[i])
        i = (i + 1) & (m->cap - 1);
    m->slots[i] = entry;
    m->hashes[i] = h;
    m->n++;
    return 0;
}

void rt_map_free(RtMap *m)
{
    polrt_realloc(m->slots, 0);
    polrt_realloc(m->hashes, 0);
    memset(m, 0, sizeof *m);
}

/* ---- the store -------------------------------------------------------------------------- */

/* The ledger file format this runtime writes (meta 'format'); a different one is refused. */
#define LEDGER_FORMAT "1"
/* How long a writer waits for another process holding the file's write lock. */
#define BUSY_TIMEOUT_MS 10000
/* Text of one int64 with its separator: "-9223372036854775808," */
#define I64_TEXT_MAX 24

/* a ledger row in memory, one allocation */
typedef struct MemRow {
    int ledger;
    int64_t key;
    int64_t vals[]; /* the ledger's fields */
} MemRow;

/* a person's ledger rows in memory: a handful (ledgers × years), so a linear scan finds one
 * and the person's whole ledger leaves memory at once (rt_ledger_forget) */
typedef struct MemPerson {
    const char *id; /* after the struct, same allocation */
    int nrows, cap;
    MemRow **rows;
} MemPerson;

/* a settled claim in memory: ids after the data */
typedef struct MemClaim {
    const char *id, *person;
    int64_t data[]; /* fields, out, keys, before, after (schema sizes) */
} MemClaim;

/* the prepared statements, reused for every claim */
enum {
    Q_GET_ROW,
    Q_PUT_ROW,
    Q_GET_CLAIM,
    Q_PUT_CLAIM,
    Q_BEGIN,
    Q_COMMIT,
    Q_ROLLBACK,
    Q_SAVEPOINT,
    Q_RELEASE,
    Q_ROLLBACK_TO,
    NQ
};
static const char *const queries[NQ] = {
    [Q_GET_ROW] = "SELECT vals FROM ledger_rows WHERE person_id = ?1 AND ledger = ?2 AND key = ?3",
    [Q_PUT_ROW] = "INSERT INTO ledger_rows (person_id, ledger, key, vals, updated_at) "
                  "VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) "
                  "ON CONFLICT (person_id, ledger, key) DO UPDATE SET vals = excluded.vals, "
                  "updated_at = excluded.updated_at",
    [Q_GET_CLAIM] = "SELECT person_id, fields, outputs, keys, ledger_before, ledger_after "
                    "FROM settled_claims WHERE claim_id = ?1",
    [Q_PUT_CLAIM] = "INSERT INTO settled_claims (claim_id, person_id, policy_sha256, fields, "
                    "outputs, keys, ledger_before, ledger_after, settled_at) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                    "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ON CONFLICT (claim_id) DO NOTHING",
    [Q_BEGIN] = "BEGIN IMMEDIATE",
    [Q_COMMIT] = "COMMIT",
    [Q_ROLLBACK] = "ROLLBACK",
    [Q_SAVEPOINT] = "SAVEPOINT claim",
    [Q_RELEASE] = "RELEASE claim",
    [Q_ROLLBACK_TO] = "ROLLBACK TO claim",
};

/* The file's tables. ledger_rows and settled_claims store values as "name=value,..." text
 * (fields by schema name, integers in polrt.h encodings): readable in the sqlite3 shell,
 * independent of byte order, and still right when a later policy version adds a field
 * (absent names read as 0) or reorders them. */
static const char *const create_sql =
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS ledger_rows ("
    " person_id TEXT NOT NULL, ledger TEXT NOT NULL, key INTEGER NOT NULL,"
    " vals TEXT NOT NULL, updated_at TEXT NOT NULL,"
    " PRIMARY KEY (person_id, ledger, key)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS settled_claims ("
    " claim_id TEXT PRIMARY KEY, person_id TEXT NOT NULL, policy_sha256 TEXT NOT NULL,"
    " fields TEXT NOT NULL, outputs TEXT NOT NULL, keys TEXT NOT NULL,"
    " ledger_before TEXT NOT NULL, ledger_after TEXT NOT NULL,"
    " settled_at TEXT NOT NULL) WITHOUT ROWID;"
    "INSERT OR IGNORE INTO meta (name, value) VALUES ('format', '" LEDGER_FORMAT "');"
    "INSERT OR IGNORE INTO meta (name, value) VALUES ('created_at',"
    " strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));";

struct RtStore {
    pthread_mutex_t mu; /* every call holds it: sessions on several threads share */
    atomic_int refs;    /* owners (sessions); the last close frees */
    const RtSchema *s;  /* the engine's (outlives every session, so the store) */
    char *path;         /* NULL: in memory */
    /* in memory */
    RtMap persons;   /* MemPerson by id: their ledger rows */
    RtMap claims;    /* MemClaim by claim id */
    int keep_claims; /* record settled claims in claims (rt_ledger_keep_claims) */
    /* SQLite */
    sqlite3 *db;
    sqlite3_stmt *q[NQ];
    int in_tx; /* a transaction opened by rt_ledger_begin is open */
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

static int db_fail(RtStore *st, char *err, size_t errlen)
{
    return fail(err, errlen, "%s: %s", st->path, sqlite3_errmsg(st->db));
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = polrt_realloc(NULL, n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* ---- "name=value,..." text ---------------------------------------------------------------
 * The groups of values a claim record holds, named by the schema. */
typedef enum {
    G_FIELDS, /* claim fields: "total" */
    G_OUT,    /* outputs: "basic" */
    G_KEYS,   /* ledger keys, by ledger name: "year" */
    G_LEDGER, /* every ledger's fields: "year.own_paid" */
    G_ROW     /* one ledger's fields (a ledger row): "own_paid" */
} Group;

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

typedef struct Buf {
    char *p;
    size_t n, cap;
    int oom;
} Buf;

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

/* vals of group g as "name=value,..." into b (reset first) */
static void encode(const RtSchema *s, Group g, int ledger, const int64_t *vals, Buf *b)
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
static int decode(const RtSchema *s, Group g, int ledger, const char *text, int64_t *vals,
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

/* ---- opening ---------------------------------------------------------------------------- */

static int exec_sql(RtStore *st, const char *sql, char *err, size_t errlen)
{
    char *msg = NULL;
    if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) == SQLITE_OK)
        return 0;
    fail(err, errlen, "%s: %s", st->path, msg ? msg : sqlite3_errmsg(st->db));
    sqlite3_free(msg);
    return -1;
}

/* one text value of a one-row query into buf ("" when no row): 0, or -1 */
static int query_text(RtStore *st, const char *sql, char *buf, size_t len, char *err, size_t errlen)
{
    sqlite3_stmt *q;
    buf[0] = '\0';
    if (sqlite3_prepare_v2(st->db, sql, -1, &q, NULL) != SQLITE_OK)
        return db_fail(st, err, errlen);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW && sqlite3_column_text(q, 0))
        snprintf(buf, len, "%s", (const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return db_fail(st, err, errlen);
    return 0;
}

/* Open or create the file. WAL: readers never block the writer and a commit is one append.
 * synchronous=NORMAL is safe with WAL: a killed process loses nothing committed and the
 * file is never corrupt; only a power cut may undo the last commits, and then it undoes
 * the claim records and the ledger rows together, so a re-run settles those claims again
 * and nothing is counted twice. FULL would add an fsync to every commit for no gain. */
static int open_db(RtStore *st, char *err, size_t errlen)
{
    char val[64];
    int rc = sqlite3_open_v2(
        st->path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        if (!st->db)
            return fail(err, errlen, "%s: out of memory", st->path);
        return db_fail(st, err, errlen);
    }
    sqlite3_extended_result_codes(st->db, 1);
    sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
    if (query_text(st, "PRAGMA journal_mode=WAL", val, sizeof val, err, errlen) ||
        exec_sql(st, "PRAGMA synchronous=NORMAL", err, errlen))
        return -1;
    if (strcmp(val, "wal") != 0)
        return fail(err, errlen, "%s: cannot use write-ahead logging (journal mode %s)", st->path,
                    val);
    /* a database of some other program is not ours to add tables to */
    if (query_text(st,
                   "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT IN "
                   "('meta', 'ledger_rows', 'settled_claims') AND name NOT LIKE 'sqlite_%'",
                   val, sizeof val, err, errlen))
        return -1;
    if (strcmp(val, "0") != 0)
        return fail(err, errlen, "%s: not a polc ledger (it holds other tables)", st->path);
    if (exec_sql(st, "BEGIN IMMEDIATE", err, errlen))
        return -1;
    if (exec_sql(st, create_sql, err, errlen) ||
        query_text(st, "SELECT value FROM meta WHERE name = 'format'", val, sizeof val, err,
                   errlen)) {
        exec_sql(st, "ROLLBACK", NULL, 0);
        return -1;
    }
    if (strcmp(val, LEDGER_FORMAT) != 0) {
        exec_sql(st, "ROLLBACK", NULL, 0);
        return fail(err, errlen, "%s: ledger format '%s' (this runtime reads %s)", st->path, val,
                    LEDGER_FORMAT);
    }
    if (exec_sql(st, "COMMIT", err, errlen))
        return -1;
    for (int i = 0; i < NQ; i++)
        if (sqlite3_prepare_v3(st->db, queries[i], -1, SQLITE_PREPARE_PERSISTENT, &st->q[i],
                               NULL) != SQLITE_OK)
            return db_fail(st, err, errlen);
    return 0;
}

RtStore *rt_ledger_open(const RtSchema *s, const char *path, char *err, size_t errlen)
{
    RtStore *st = polrt_realloc(NULL, sizeof *st);
    if (!st) {
        fail(err, errlen, "out of memory");
        return NULL;
    }
    memset(st, 0, sizeof *st);
    if (pthread_mutex_init(&st->mu, NULL)) {
        polrt_realloc(st, 0);
        fail(err, errlen, "cannot create a mutex");
        return NULL;
    }
    atomic_init(&st->refs, 1);
    st->s = s;
    st->keep_claims = 1;
    if (path) {
        if (!(st->path = dup_str(path))) {
            fail(err, errlen, "out of memory");
            rt_ledger_close(st);
            return NULL;
        }
        if (open_db(st, err, errlen)) {
            rt_ledger_close(st);
            return NULL;
        }
    }
    return st;
}

static void mem_person_free(MemPerson *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->nrows; i++)
        polrt_realloc(p->rows[i], 0);
    polrt_realloc(p->rows, 0);
    polrt_realloc(p, 0);
}

RtStore *rt_ledger_retain(RtStore *st)
{
    atomic_fetch_add(&st->refs, 1);
    return st;
}

/* The last owner closes. An open batch is rolled back: its claims were never committed, so
 * a re-run settles them; committing a caller's half-finished batch would be a guess. */
void rt_ledger_close(RtStore *st)
{
    if (!st || atomic_fetch_sub(&st->refs, 1) > 1)
        return;
    for (size_t i = 0; i < st->persons.cap; i++)
        mem_person_free(st->persons.slots[i]);
    for (size_t i = 0; i < st->claims.cap; i++)
        polrt_realloc(st->claims.slots[i], 0);
    rt_map_free(&st->persons);
    rt_map_free(&st->claims);
    if (st->db) {
        if (st->in_tx)
            sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        for (int i = 0; i < NQ; i++)
            sqlite3_finalize(st->q[i]);
        sqlite3_close(st->db);
    }
    polrt_realloc(st->path, 0);
    pthread_mutex_destroy(&st->mu);
    polrt_realloc(st, 0);
}

/* ---- transactions ----------------------------------------------------------------------- */

/* run a prepared statement that returns no rows */
static int step_done(RtStore *st, int qi, char *err, size_t errlen)
{
    sqlite3_stmt *q = st->q[qi];
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    if (rc != SQLITE_DONE)
        return db_fail(st, err, errlen);
    return 0;
}

int rt_ledger_begin(RtStore *st, char *err, size_t errlen)
{
    int rc = 0;
    if (!st->db)
        return 0; /* memory: every save is complete at once */
    pthread_mutex_lock(&st->mu);
    if (!st->in_tx) {
        rc = step_done(st, Q_BEGIN, err, errlen);
        st->in_tx = rc == 0;
    }
    pthread_mutex_unlock(&st->mu);
    return rc;
}

int rt_ledger_commit(RtStore *st, char *err, size_t errlen)
{
    int rc = 0;
    if (!st->db)
        return 0;
    pthread_mutex_lock(&st->mu);
    if (st->in_tx) {
        rc = step_done(st, Q_COMMIT, err, errlen);
        /* a failed COMMIT may leave the transaction open (SQLITE_BUSY): ask */
        st->in_tx = !sqlite3_get_autocommit(st->db);
    }
    pthread_mutex_unlock(&st->mu);
    return rc;
}

/* ---- claims ----------------------------------------------------------------------------- */

static int claim_eq(const void *entry, const void *key)
{
    return strcmp(((const MemClaim *)entry)->id, key) == 0;
}

static uint64_t hash_str(const char *s)
{
    return rt_hash_bytes(RT_HASH_SEED, s, strlen(s));
}

/* the settled claim's stored person and fields against r's: 0 same, else -1 and a message */
static int same_claim(const RtClaimRec *r, const char *person, int fields_same, char *err,
                      size_t errlen)
{
    if (strcmp(person, r->person_id) != 0)
        return fail(err, errlen, "claim %s was already settled for person %s, not %s", r->claim_id,
                    person, r->person_id);
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

static int sql_find(RtStore *st, RtClaimRec *r, char *err, size_t errlen)
{
    const RtSchema *s = st->s;
    sqlite3_stmt *q = st->q[Q_GET_CLAIM];
    Buf b = {0};
    int rc;
    sqlite3_bind_text(q, 1, r->claim_id, -1, SQLITE_STATIC);
    int step = sqlite3_step(q);
    if (step == SQLITE_DONE) {
        rc = 0;
    } else if (step != SQLITE_ROW) {
        rc = db_fail(st, err, errlen);
    } else {
        const char *col[6];
        for (int i = 0; i < 6; i++)
            col[i] = (const char *)sqlite3_column_text(q, i);
        encode(s, G_FIELDS, 0, r->fields, &b);
        if (b.oom) {
            rc = fail(err, errlen, "out of memory");
        } else if (!col[0] || !col[1] || !col[2] || !col[3] || !col[4] || !col[5]) {
            rc = fail(err, errlen, "%s: claim %s: stored record is incomplete", st->path,
                      r->claim_id);
        } else if (same_claim(r, col[0], strcmp(col[1], b.p) == 0, err, errlen)) {
            rc = 2;
        } else if (decode(s, G_OUT, 0, col[2], r->out, POLRT_NONE) ||
                   decode(s, G_KEYS, 0, col[3], r->keys, POLRT_NONE) ||
                   decode(s, G_LEDGER, 0, col[4], r->before, 0) ||
                   decode(s, G_LEDGER, 0, col[5], r->after, 0)) {
            rc = fail(err, errlen, "%s: claim %s: stored record is malformed", st->path,
                      r->claim_id);
        } else {
            rc = 1;
        }
    }
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    polrt_realloc(b.p, 0);
    return rc;
}

int rt_ledger_find(RtStore *st, RtClaimRec *r, char *err, size_t errlen)
{
    pthread_mutex_lock(&st->mu);
    int rc = st->db ? sql_find(st, r, err, errlen) : mem_find(st, r, err, errlen);
    pthread_mutex_unlock(&st->mu);
    return rc;
}

/* ---- ledger rows ------------------------------------------------------------------------ */

static int mperson_eq(const void *entry, const void *key)
{
    return strcmp(((const MemPerson *)entry)->id, key) == 0;
}

/* the person's row of ledger l under key, or NULL */
static MemRow *mem_row(const MemPerson *p, int l, int64_t key)
{
    for (int i = 0; p && i < p->nrows; i++)
        if (p->rows[i]->ledger == l && p->rows[i]->key == key)
            return p->rows[i];
    return NULL;
}

static int sql_load(RtStore *st, const char *person, const int64_t *keys, int64_t *vals, char *err,
                    size_t errlen)
{
    const RtSchema *s = st->s;
    sqlite3_stmt *q = st->q[Q_GET_ROW];
    for (int l = 0; l < s->nledgers; l++) {
        const RtLedger *led = &s->ledgers[l];
        int64_t *v = vals + led->offset;
        sqlite3_bind_text(q, 1, person, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 2, led->name, -1, SQLITE_STATIC);
        sqlite3_bind_int64(q, 3, keys[l]);
        int step = sqlite3_step(q), rc = 0;
        if (step == SQLITE_ROW) {
            const char *text = (const char *)sqlite3_column_text(q, 0);
            if (!text || decode(s, G_ROW, l, text, v, 0))
                rc = fail(err, errlen, "%s: ledger %s of person %s: stored row is malformed",
                          st->path, led->name, person);
        } else if (step == SQLITE_DONE) {
            for (int f = 0; f < led->nfields; f++)
                v[f] = 0;
        } else {
            rc = db_fail(st, err, errlen);
        }
        sqlite3_reset(q);
        sqlite3_clear_bindings(q);
        if (rc)
            return -1;
    }
    return 0;
}

static void mem_load(RtStore *st, const char *person, const int64_t *keys, int64_t *vals)
{
    const RtSchema *s = st->s;
    const MemPerson *p = rt_map_find(&st->persons, hash_str(person), mperson_eq, person);
    for (int l = 0; l < s->nledgers; l++) {
        const RtLedger *led = &s->ledgers[l];
        const MemRow *r = mem_row(p, l, keys[l]);
        for (int f = 0; f < led->nfields; f++)
            vals[led->offset + f] = r ? r->vals[f] : 0;
    }
}

int rt_ledger_load(RtStore *st, const char *person_id, const int64_t *keys, int64_t *vals,
                   char *err, size_t errlen)
{
    int rc = 0;
    pthread_mutex_lock(&st->mu);
    if (st->db)
        rc = sql_load(st, person_id, keys, vals, err, errlen);
    else
        mem_load(st, person_id, keys, vals);
    pthread_mutex_unlock(&st->mu);
    return rc;
}

/* ---- saving a settled claim --------------------------------------------------------------- */

/* new ledger rows of one claim kept on the stack up to this many ledgers (policies have a
 * handful: year, assistance, chronic outpatient...); more take one allocation */
#define SMALL_LEDGERS 8

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
    memcpy(d, r->fields, (size_t)s->nclaim * sizeof *d);
    d += s->nclaim;
    memcpy(d, r->out, (size_t)s->noutputs * sizeof *d);
    d += s->noutputs;
    memcpy(d, r->keys, (size_t)s->nledgers * sizeof *d);
    d += s->nledgers;
    memcpy(d, r->before, (size_t)s->nledger_fields * sizeof *d);
    d += s->nledger_fields;
    memcpy(d, r->after, (size_t)s->nledger_fields * sizeof *d);
    return c;
}

/* Memory: every allocation first (the claim record when kept, the person when new, new
 * rows, array and table room), then the changes, which cannot fail, so a claim is recorded
 * whole or not at all. */
static int mem_save(RtStore *st, const RtClaimRec *r, char *err, size_t errlen)
{
    const RtSchema *s = st->s;
    uint64_t hc = hash_str(r->claim_id), hp = hash_str(r->person_id);
    if (rt_map_find(&st->claims, hc, claim_eq, r->claim_id))
        return 1;
    MemRow *small[SMALL_LEDGERS], **rows = small;
    size_t nl = (size_t)s->nledgers, nnew = 0;
    if (nl > SMALL_LEDGERS && !(rows = polrt_realloc(NULL, nl * sizeof *rows)))
        return fail(err, errlen, "out of memory");
    MemClaim *c = st->keep_claims ? mem_claim_new(s, r) : NULL;
    int ok = !st->keep_claims || c;
    MemPerson *p = rt_map_find(&st->persons, hp, mperson_eq, r->person_id), *np = NULL;
    if (ok && !p) {
        size_t lp = strlen(r->person_id) + 1;
        if ((np = polrt_realloc(NULL, sizeof *np + lp))) {
            memcpy(np + 1, r->person_id, lp);
            np->id = (const char *)(np + 1);
            np->nrows = np->cap = 0;
            np->rows = NULL;
        }
        ok = np != NULL;
    }
    MemPerson *to = p ? p : np;
    /* rows[l]: the existing row, or a new one not yet in the person's array */
    for (size_t l = 0; l < nl; l++) {
        rows[l] = ok ? mem_row(to, (int)l, r->keys[l]) : NULL;
        if (rows[l] || !ok)
            continue;
        size_t sz = sizeof(MemRow) + (size_t)s->ledgers[l].nfields * sizeof(int64_t);
        if (!(rows[l] = polrt_realloc(NULL, sz))) {
            ok = 0;
            continue;
        }
        rows[l]->ledger = (int)l;
        rows[l]->key = r->keys[l];
        nnew++;
    }
    if (ok && (size_t)to->nrows + nnew > (size_t)to->cap) {
        int cap = to->cap ? 2 * to->cap : 4;
        while ((size_t)cap < (size_t)to->nrows + nnew)
            cap *= 2;
        MemRow **a = polrt_realloc(to->rows, (size_t)cap * sizeof *a);
        if (a) {
            to->rows = a;
            to->cap = cap;
        }
        ok = a != NULL;
    }
    ok = ok && (!c || rt_map_reserve(&st->claims, 1) == 0) &&
         (!np || rt_map_reserve(&st->persons, 1) == 0);
    for (size_t l = 0; l < nl; l++) {
        const RtLedger *led = &s->ledgers[l];
        int is_new = rows[l] && !mem_row(to, (int)l, r->keys[l]);
        if (!ok) {
            if (is_new)
                polrt_realloc(rows[l], 0);
            continue;
        }
        memcpy(rows[l]->vals, r->after + led->offset, (size_t)led->nfields * sizeof(int64_t));
        if (is_new)
            to->rows[to->nrows++] = rows[l]; /* room made above */
    }
    if (ok && np)
        rt_map_put(&st->persons, hp, np); /* room reserved: cannot fail */
    else
        mem_person_free(np);
    if (ok && c)
        rt_map_put(&st->claims, hc, c);
    else
        polrt_realloc(c, 0);
    if (rows != small)
        polrt_realloc(rows, 0);
    return ok ? 0 : fail(err, errlen, "out of memory");
}

/* SQLite: the claim record first (its primary key settles a race between sessions), then
 * each ledger row, inside a savepoint (in a batch) or a transaction of its own. */
static int sql_save(RtStore *st, const RtClaimRec *r, char *err, size_t errlen)
{
    const RtSchema *s = st->s;
    Buf txt[5] = {{0}};
    int rc = 0, opened = 0;
    encode(s, G_FIELDS, 0, r->fields, &txt[0]);
    encode(s, G_OUT, 0, r->out, &txt[1]);
    encode(s, G_KEYS, 0, r->keys, &txt[2]);
    encode(s, G_LEDGER, 0, r->before, &txt[3]);
    encode(s, G_LEDGER, 0, r->after, &txt[4]);
    for (int i = 0; i < 5; i++)
        if (txt[i].oom)
            rc = fail(err, errlen, "out of memory");
    if (rc == 0) {
        rc = step_done(st, st->in_tx ? Q_SAVEPOINT : Q_BEGIN, err, errlen);
        opened = rc == 0;
    }
    if (rc == 0) {
        sqlite3_stmt *q = st->q[Q_PUT_CLAIM];
        sqlite3_bind_text(q, 1, r->claim_id, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 2, r->person_id, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 3, s->sha256, -1, SQLITE_STATIC);
        for (int i = 0; i < 5; i++)
            sqlite3_bind_text(q, 4 + i, txt[i].p, (int)txt[i].n, SQLITE_STATIC);
        rc = step_done(st, Q_PUT_CLAIM, err, errlen);
        sqlite3_clear_bindings(q);
        if (rc == 0 && sqlite3_changes(st->db) == 0)
            rc = 1; /* stored meanwhile by another session */
    }
    for (int l = 0; rc == 0 && l < s->nledgers; l++) {
        const RtLedger *led = &s->ledgers[l];
        sqlite3_stmt *q = st->q[Q_PUT_ROW];
        encode(s, G_ROW, l, r->after + led->offset, &txt[0]);
        if (txt[0].oom) {
            rc = fail(err, errlen, "out of memory");
            break;
        }
        sqlite3_bind_text(q, 1, r->person_id, -1, SQLITE_STATIC);
        sqlite3_bind_text(q, 2, led->name, -1, SQLITE_STATIC);
        sqlite3_bind_int64(q, 3, r->keys[l]);
        sqlite3_bind_text(q, 4, txt[0].p, (int)txt[0].n, SQLITE_STATIC);
        rc = step_done(st, Q_PUT_ROW, err, errlen);
        sqlite3_clear_bindings(q);
    }
    if (opened) {
        if (rc == 0) {
            if (step_done(st, st->in_tx ? Q_RELEASE : Q_COMMIT, err, errlen))
                rc = -1;
        }
        if (rc != 0) {
            /* undo this claim only: a batch keeps its earlier claims */
            if (st->in_tx) {
                step_done(st, Q_ROLLBACK_TO, NULL, 0);
                step_done(st, Q_RELEASE, NULL, 0);
            } else if (!sqlite3_get_autocommit(st->db)) {
                step_done(st, Q_ROLLBACK, NULL, 0);
            }
        }
    }
    for (int i = 0; i < 5; i++)
        polrt_realloc(txt[i].p, 0);
    return rc;
}

int rt_ledger_save(RtStore *st, const RtClaimRec *r, char *err, size_t errlen)
{
    pthread_mutex_lock(&st->mu);
    int rc = st->db ? sql_save(st, r, err, errlen) : mem_save(st, r, err, errlen);
    pthread_mutex_unlock(&st->mu);
    return rc;
}

void rt_ledger_keep_claims(RtStore *st, int keep)
{
    pthread_mutex_lock(&st->mu);
    st->keep_claims = keep != 0;
    pthread_mutex_unlock(&st->mu);
}

void rt_ledger_forget(RtStore *st, const char *person_id)
{
    if (st->db)
        return;
    pthread_mutex_lock(&st->mu);
    mem_person_free(rt_map_remove(&st->persons, hash_str(person_id), mperson_eq, person_id));
    pthread_mutex_unlock(&st->mu);
}
