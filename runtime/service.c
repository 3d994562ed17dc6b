/* service.c — the settle core of polc serve: a JSON request (one claim or a batch, with the
 * persons' fields and identity history) bound to the schema by the CSV rules (rt_bind_cell),
 * settled, answered in JSON. Requests that arrive while a group settles wait and settle
 * together as the next group, in one ledger transaction committed before any of them is
 * answered (group commit). Within a group, different persons settle in parallel: a request
 * goes to the worker its persons hash to (rt_hash_id), each worker a session forked from
 * one store, so one person's requests are settled one after another by one worker; a request
 * whose persons hash to several workers settles after the others, alone. The engine is
 * swapped between groups (service_swap). */
#include "service.h"

#include <cjson/cJSON.h>
#include <inttypes.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rt_int.h"

/* room for a reason or an error message */
#define MSG_LEN 512
/* a number written as a cell: 15 significant digits round-trip through a double, so
 * 1234.56 or 0.8 come out as written */
#define NUM_DIGITS 15
/* the longest a settling thread waits for a PostgreSQL ledger's answer: a server that
 * answers nothing (stopped, hung) fails the requests then (503), well within --timeout's
 * default 30 s, instead of holding them for ever. The service's statements take ms; the
 * writers' lock, held by a batch run's commit beside it, well under a second. */
#define LEDGER_ANSWER_MS 10000
/* fields of an object whose members bind_object tracks on the stack (Panji's claim has 15);
 * more take a calloc */
#define GIVEN_STACK 64
/* room for "persons[12].history[3]" and the like: longer names are cut */
#define WHAT_LEN 64
/* the room an answer's text takes at first: a settled claim of Panji answers ~700 bytes, and
 * growing the text from nothing was ~7 reallocs a claim (~2,100 instructions more, callgrind) */
#define ANSWER_ROOM 1024
/* persons whose ledger rows the store keeps between their requests (drop_persons forgets
 * each after its request): a person's next claim then reads no row from the file, unless
 * another process wrote it since. Settling went 42,600 -> 36,900 instructions a request
 * (callgrind, SQLite, the 3,000 POSTs of bench/serve_callgrind.sh after 15,000 others: 79%
 * of the persons seen before). ~300 bytes a person of Panji (the store's record with its id,
 * one row, the map's slot): ~20 MB at most */
#define KEEP_PERSONS 65536

const char *const service_status_name[SVC_NSTATUS] = {"settled", "already settled", "rejected",
                                                      "error",   "conflict",        "reversed"};

/* An engine's member names as JSON text, `"name":` each, escaped once an engine (service_new,
 * service_swap): escaping every name again for each answer was ~5,000 instructions a claim
 * of Panji (callgrind under bench/serve.sh). */
typedef struct Keys {
    RtLine text;  /* the names, one after another */
    uint32_t *at; /* name i is text.p[at[i] .. at[i + 1]) */
    int nfields;  /* the ledgers' fields, all together */
} Keys;

/* A request's parse tree lives in an arena of its own, freed whole with the request
 * (service_reply): cJSON's node, key and string of each value malloc'd, then freed one by one,
 * were ~23,000 instructions a single-claim request of bench/serve.sh (callgrind: malloc and
 * free under cJSON_Parse and cJSON_Delete). cJSON's hooks are global, so the arena is the
 * parsing thread's only while it parses (tl_arena): every other use of cJSON gets malloc and
 * free. Its first block comes with the request's Job; more, when the tree outgrows it. */
typedef struct Block {
    struct Block *next;
    _Alignas(16) char mem[];
} Block;
typedef struct Arena {
    char *next, *end; /* the free room of the block in use */
    Block *more;      /* the blocks after the first (the Job's) */
    size_t size;      /* the first block's size: each later block is at least as big */
} Arena;
/* the arena's first block: bytes of tree a byte of body. A single-claim request of Panji
 * under bench/serve.sh (~470 bytes) parses into ~2,450 bytes of nodes (64 bytes each) and
 * strings, 5.6 a byte at most; a member as short as "a":"1" makes ~100 bytes of 7 (a block
 * more, then) */
#define ARENA_PER_BYTE 6
#define ARENA_MIN      1024

typedef enum { JOB_SETTLE, JOB_GET, JOB_REVERSE } JobKind;

/* a request waiting for the settling thread */
typedef struct Job {
    JobKind kind;
    cJSON *req;           /* JOB_SETTLE, JOB_REVERSE: the parsed body */
    const char *claim_id; /* JOB_GET */
    int flags;            /* JOB_SETTLE: SVC_EXPLAIN, SVC_LATE_REJECT */
    int nclaims;          /* JOB_SETTLE: the claims it holds (claims[]' size, or 1) */
    ServiceReply *r;
    void (*done)(void *arg); /* called once r is answered (on a settling thread) */
    void *arg;
    int worker;                /* the worker that settles it, or SPAN */
    struct Job *next;          /* the queue, then the group */
    struct Job *pnext;         /* a worker's part of the group */
    Arena arena;               /* JOB_SETTLE, JOB_REVERSE: where req lives */
    _Alignas(16) char first[]; /* the arena's first block */
} Job;

/* a request whose persons hash to several workers (Job.worker) */
#define SPAN (-1)
/* the claims a group holds at least for its parts to go to the workers: a smaller group
 * settles on the group's thread alone. Waking a worker and waiting for it cost the service
 * ~5 us of CPU a request under bench/serve.sh's single-claim POSTs (groups of ~8: 58-59 us a
 * request at -j 1, 63-64 at -j 2), where a claim settles in ~10 us: two parts of 16 claims
 * halve the group's time for that price, two of 4 save less than the wakeup costs */
#define SPLIT_MIN 32

/* one settling worker: its session (a fork of the group's store) and scratch; worker 0 is
 * the group's own thread */
typedef struct Worker {
    struct Service *sv;
    pthread_t th;
    PolSession *s;    /* settles the persons that hash to this worker */
    int64_t *fields;  /* scratch: a claim's fields */
    int64_t *pfields; /* scratch: a person's fields */
    int64_t *hist;    /* scratch: a person's history rows */
    size_t cap_hist;  /* rows of hist */
    Job *jobs, *tail; /* its part of the group, in arrival order; NULL: none */
    int failed;       /* the ledger failed on one of them: the group answers 503 */
    int not_held;     /* the last reversal's claim is not in the ledger (404) */
    char err[MSG_LEN];
} Worker;

struct Service {
    pthread_mutex_t mu;     /* guards the queue, the swap and stop */
    pthread_cond_t cv;      /* the group thread waits for work */
    pthread_cond_t cv_done; /* a swap was taken */
    pthread_t th;
    Job *head, *tail;
    int stop;
    PolEngine *e;         /* the engine of the workers' sessions */
    int nw;               /* workers */
    Worker *w;            /* nw of them (only the group's threads touch them after start) */
    PolEngine *next_e;    /* a swap waiting for the next group */
    PolSession **next_s;  /* its sessions, one a worker */
    int swap_rc;          /* the last swap's scratch: 0, or -1 (memory) */
    pthread_mutex_t wmu;  /* guards pending, go and stop_workers */
    pthread_cond_t wcv;   /* a worker has work, or stops */
    pthread_cond_t wdone; /* a worker finished its part */
    int pending;          /* workers still settling their part of the group */
    unsigned long go;     /* groups handed out (a worker runs its part once per group) */
    int stop_workers;
    atomic_llong counts[SVC_NSTATUS];
    const char *ledger_key;   /* the encrypted ledger's key file (the caller's), or NULL */
    const char **ids, **pids; /* the group's claim and person ids (settle_group's scratch) */
    Keys keys;                /* the member names of e's answers */
    Keys next_keys;           /* those of next_e */
    size_t cap_ids, cap_pids;
    /* a PostgreSQL ledger's connection as last seen (link_seen; under mu): lost, a
     * service's health answers 503 and the settling thread tries again when due */
    RtLink link;
    int64_t retry_at_ms;           /* link.lost: when the settling thread tries again */
    void (*log)(const char *line); /* service_set_log, or NULL */
    void (*group_end)(void *arg);  /* service_set_group_end, or NULL */
    void *group_arg;
    /* the durability stage (an SQLite ledger, sync_on): a committed group is answered only
     * once its ledger's log is synced, on the thread sync_main, while the settling thread
     * settles the next group (group_done). Every group goes through it then, so the requests'
     * done and group_end run on that one thread, in the groups' order. */
    int sync_on;
    pthread_t sync_th;
    pthread_mutex_t smu;          /* guards the fields below */
    pthread_cond_t scv, sidle;    /* a group queued, or stop; the stage idle */
    struct Synced *shead, *stail; /* groups waiting, oldest first */
    int sbusy, sstop;
    int stopped;               /* service_stop done: the threads above joined */
    char sync_failed[MSG_LEN]; /* a sync failed (log_sync; written under mu): why, or "" */
};

/* a group settled (and committed, or answered with 503), waiting for the durability stage */
typedef struct Synced {
    Job *group;
    void (*end)(void *arg); /* the group's end (service_set_group_end), or NULL */
    void *end_arg;
    PolSession *s; /* whose ledger's log to sync before answering; NULL: nothing committed */
    struct Synced *next;
} Synced;

/* ---- a request's arena (Arena) ------------------------------------------------------ */

/* the arena this thread's cJSON_Parse allocates from; NULL: malloc */
static _Thread_local Arena *tl_arena;

/* n bytes of the arena, 16-aligned as malloc's; NULL when out of memory */
static void *arena_alloc(Arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if ((size_t)(a->end - a->next) < n) {
        size_t size = n > a->size ? n : a->size;
        Block *b = polrt_realloc(NULL, sizeof *b + size);
        if (!b)
            return NULL;
        b->next = a->more;
        a->more = b;
        a->next = b->mem;
        a->end = b->mem + size;
    }
    void *p = a->next;
    a->next += n;
    return p;
}

static void *hook_malloc(size_t n)
{
    return tl_arena ? arena_alloc(tl_arena, n) : malloc(n);
}

/* while a tree is parsed into the arena, what cJSON frees (a failed parse's nodes) is the
 * arena's, freed with it */
static void hook_free(void *p)
{
    if (!tl_arena)
        free(p);
}

static void hooks_init(void)
{
    cJSON_Hooks h = {hook_malloc, hook_free};
    cJSON_InitHooks(&h);
}

/* a request's job, its arena's first block sized for a body of n bytes; NULL (memory) */
static Job *job_new(size_t n)
{
    size_t size = n * ARENA_PER_BYTE + ARENA_MIN;
    Job *j = polrt_realloc(NULL, sizeof *j + size);
    if (!j)
        return NULL;
    memset(j, 0, sizeof *j);
    j->arena = (Arena){j->first, j->first + size, NULL, size};
    return j;
}

/* the byte offset of a \u0000 escape in a JSON text (a backslash escaping a backslash is
 * not one), or -1: cJSON ends the string there, so "A\u0000B" would be claim "A" (the review
 * of this change found it settled as such) */
static long nul_escape(const char *body, size_t n)
{
    for (const char *p = body, *e = body + n; (p = memchr(p, '\\', (size_t)(e - p)));) {
        if (e - p >= 6 && !memcmp(p, "\\u0000", 6))
            return (long)(p - body);
        p += p + 1 < e ? 2 : 1; /* an escape is two characters at least: skip the second */
    }
    return -1;
}

/* The offset of the first byte of body[0..n) that is not part of well-formed UTF-8 (the
 * body is known not to be: rt_utf8_valid said so; this slow walk only finds where) */
static size_t not_utf8_at(const char *body, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t k = 1;
        while (k <= 4 && (i + k > n || !rt_utf8_valid(body + i, k)))
            k++;
        if (k > 4)
            break;
        i += k;
    }
    return i;
}

/* the depth of [ and { open at body[0..n), strings skipped: cJSON stops at CJSON_NESTING_LIMIT
 * with no reason of its own, and "not JSON" would be untrue of a valid text nested deeper */
static int depth_at(const char *body, size_t n)
{
    int depth = 0, in_string = 0;
    for (size_t i = 0; i < n; i++) {
        char c = body[i];
        if (in_string) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_string = 0;
        } else if (c == '"') {
            in_string = 1;
        } else if (c == '[' || c == '{') {
            depth++;
        } else if (c == ']' || c == '}') {
            depth--;
        }
    }
    return depth;
}

/* body[0..n) parsed into j's arena: the tree, or NULL with *end where it stopped */
static cJSON *job_parse(Job *j, const char *body, size_t n, const char **end)
{
    tl_arena = &j->arena;
    cJSON *req = cJSON_ParseWithLengthOpts(body, n, end, 0);
    tl_arena = NULL;
    return req;
}

static void job_free(Job *j)
{
    if (!j)
        return;
    for (Block *b = j->arena.more, *next; b; b = next) {
        next = b->next;
        polrt_realloc(b, 0);
    }
    polrt_realloc(j, 0);
}

/* ---- answers ------------------------------------------------------------------------- */

/* An answer is written as JSON text straight into its body, member by member, on the settling
 * threads: the bytes cJSON_PrintUnformatted wrote for the tree the answer once was (no blanks;
 * strings escaped as cJSON escapes them; members in the same order). The tree (a node, a key
 * and a value copy per member, printed and freed on the requester's thread) cost 6,200
 * instructions a single-claim request of bench/serve.sh to print and free (callgrind:
 * reply_text), besides building it; the text costs less than the printing alone. This is the
 * one use of cJSON replaced: its parser still reads every request. */

/* s as a JSON string, escaped as cJSON escapes (quote, backslash, control characters) */
static void json_string(RtLine *l, const char *s)
{
    rt_line_add(l, "\"", 1);
    for (const char *run = s;; s++) {
        unsigned char c = (unsigned char)*s;
        if (c >= 32 && c != '"' && c != '\\')
            continue;
        rt_line_add(l, run, (size_t)(s - run));
        if (!c)
            break;
        char esc[8];
        int n = c == '"'    ? snprintf(esc, sizeof esc, "\\\"")
                : c == '\\' ? snprintf(esc, sizeof esc, "\\\\")
                : c == '\b' ? snprintf(esc, sizeof esc, "\\b")
                : c == '\f' ? snprintf(esc, sizeof esc, "\\f")
                : c == '\n' ? snprintf(esc, sizeof esc, "\\n")
                : c == '\r' ? snprintf(esc, sizeof esc, "\\r")
                : c == '\t' ? snprintf(esc, sizeof esc, "\\t")
                            : snprintf(esc, sizeof esc, "\\u%04x", c);
        rt_line_add(l, esc, (size_t)n);
        run = s + 1;
    }
    rt_line_add(l, "\"", 1);
}

/* ,"name":"s" (name a literal that needs no escape) */
static void json_str_member(RtLine *l, const char *name, const char *s)
{
    rt_line_add(l, ",\"", 2);
    rt_line_add(l, name, strlen(name));
    rt_line_add(l, "\":", 2);
    json_string(l, s);
}

/* A value as the results CSV words it, as a JSON string; absent: null. Money, ints, rates and
 * dates are written in place by the runtime's cell writer (their text is digits, a sign, a
 * point, dashes or a percent sign: nothing to escape); rt_format_value's copy and the escape's
 * scan of it were ~700 instructions a value (callgrind, Panji's 36 values an answer). */
static void json_value(RtLine *l, const RtSchema *sc, const RtType *t, int64_t v)
{
    if (v == POLRT_NONE) {
        rt_line_add(l, "null", 4);
        return;
    }
    if (t->kind == RT_MONEY || t->kind == RT_INT || t->kind == RT_RATE || t->kind == RT_DATE) {
        if (rt_line_reserve(l, RT_PLAIN_MAX + 2) < 0)
            return;
        char *w = l->p + l->n;
        *w++ = '"';
        w = rt_put_plain(w, sc, t, v);
        *w++ = '"';
        l->n = (size_t)(w - l->p);
        return;
    }
    if (t->kind == RT_BOOL) {
        rt_line_add(l, v ? "\"true\"" : "\"false\"", v ? 6 : 7);
        return;
    }
    char buf[64];
    if (t->kind == RT_ENUM && v >= 0 && v < sc->enums[t->enum_idx].n &&
        strlen(sc->enums[t->enum_idx].names[v]) < sizeof buf) { /* as rt_format_value, uncut */
        json_string(l, sc->enums[t->enum_idx].names[v]);
        return;
    }
    json_string(l, rt_format_value(sc, t, v, buf, sizeof buf));
}

/* a value as a tree node (GET /v1/policy's parameter values) */
static cJSON *value_json(const RtSchema *sc, const RtType *t, int64_t v)
{
    char buf[64];
    if (v == POLRT_NONE)
        return cJSON_CreateNull();
    return cJSON_CreateString(rt_format_value(sc, t, v, buf, sizeof buf));
}

/* the body l (taken over) as r's answer with status code; l is empty after. Out of memory
 * on the way: a 500. */
static void reply_line(ServiceReply *r, int code, RtLine *l)
{
    free(r->body);
    rt_line_add(l, "", 1); /* its NUL */
    if (l->oom) {
        polrt_realloc(l->p, 0);
        r->code = 500;
        r->body = strdup("{\"error\":\"out of memory\"}");
        r->len = r->body ? strlen(r->body) : 0;
    } else {
        r->code = code;
        r->body = l->p;
        r->len = l->n - 1;
    }
    *l = (RtLine){0};
}

__attribute__((format(printf, 3, 4))) static void reply_error(ServiceReply *r, int code,
                                                              const char *fmt, ...)
{
    char msg[MSG_LEN];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    RtLine l = {0};
    rt_line_add(&l, "{\"error\":", 9);
    json_string(&l, msg);
    rt_line_add(&l, "}", 1);
    reply_line(r, code, &l);
}

/* Name i of the keys: the outputs' first (0 .. noutputs-1), then the fields of each ledger in
 * turn, then the ledgers' own (`"L":{"key":`) */
static void key(RtLine *l, const Keys *k, int i)
{
    rt_line_add(l, k->text.p + k->at[i], k->at[i + 1] - k->at[i]);
}

static void keys_free(Keys *k)
{
    polrt_realloc(k->text.p, 0);
    polrt_realloc(k->at, 0);
    memset(k, 0, sizeof *k);
}

/* the keys of schema sc: 0, or -1 (memory) */
static int keys_new(Keys *k, const RtSchema *sc)
{
    memset(k, 0, sizeof *k);
    for (int L = 0; L < sc->nledgers; L++)
        k->nfields += sc->ledgers[L].nfields;
    size_t n = (size_t)sc->noutputs + (size_t)k->nfields + (size_t)sc->nledgers, i = 0;
    if (!(k->at = polrt_realloc(NULL, (n + 1) * sizeof *k->at)))
        return -1;
    RtLine *l = &k->text;
    for (int o = 0; o < sc->noutputs; o++, i++) {
        k->at[i] = (uint32_t)l->n;
        json_string(l, sc->outputs[o].name);
        rt_line_add(l, ":", 1);
    }
    for (int L = 0; L < sc->nledgers; L++)
        for (int f = 0; f < sc->ledgers[L].nfields; f++, i++) {
            k->at[i] = (uint32_t)l->n;
            json_string(l, sc->ledgers[L].fields[f].name);
            rt_line_add(l, ":", 1);
        }
    for (int L = 0; L < sc->nledgers; L++, i++) {
        k->at[i] = (uint32_t)l->n;
        json_string(l, sc->ledgers[L].name);
        rt_line_add(l, ":{\"key\":", 8);
    }
    k->at[n] = (uint32_t)l->n;
    if (l->oom || l->n > UINT32_MAX) {
        keys_free(k);
        return -1;
    }
    return 0;
}

/* ,"outputs": each output; ,"ledger": per ledger its key and its fields before and after the
 * claim, of a claim settled now or before */
static void add_result(RtLine *l, const Keys *k, const RtSchema *sc, const PolResult *res)
{
    static const RtType int_type = {.kind = RT_INT};
    rt_line_add(l, ",\"outputs\":{", 12);
    for (int i = 0; i < sc->noutputs; i++) {
        if (i)
            rt_line_add(l, ",", 1);
        key(l, k, i);
        json_value(l, sc, &sc->outputs[i].type, res->out[i]);
    }
    rt_line_add(l, "},\"ledger\":{", 12);
    int name = sc->noutputs; /* the key of the next ledger field */
    for (int L = 0; L < sc->nledgers; L++) {
        const RtLedger *led = &sc->ledgers[L];
        if (L)
            rt_line_add(l, ",", 1);
        key(l, k, sc->noutputs + k->nfields + L);
        if (res->keys[L] == POLRT_NONE)
            rt_line_add(l, "null", 4);
        else if (rt_line_reserve(l, RT_PLAIN_MAX) == 0)
            l->n = (size_t)(rt_put_plain(l->p + l->n, sc, &int_type, res->keys[L]) - l->p);
        const int64_t *side[2] = {res->ledger_before, res->ledger_after};
        for (int a = 0; a < 2; a++) {
            rt_line_add(l, a ? ",\"after\":{" : ",\"before\":{", a ? 10 : 11);
            for (int i = 0; i < led->nfields; i++) {
                if (i)
                    rt_line_add(l, ",", 1);
                key(l, k, name + i);
                json_value(l, sc, &led->fields[i].type, side[a][led->offset + i]);
            }
            rt_line_add(l, "}", 1);
        }
        name += led->nfields;
        rt_line_add(l, "}", 1);
    }
    rt_line_add(l, "}", 1);
}

/* ,"adjustments": the outputs of other claims (or of a reversed one) that changed, as the
 * rows of polc run --adjustments (spec/DATA.md "Late claims and reversals"); none: no member */
static void add_adjustments(RtLine *l, const RtSchema *sc, PolSession *s)
{
    size_t n;
    const RtAdjust *a = rt_session_adjustments(s, &n);
    if (!n)
        return;
    rt_line_add(l, ",\"adjustments\":[", 16);
    for (size_t i = 0; i < n; i++) {
        const RtType *t = &sc->outputs[a[i].output].type;
        rt_line_add(l, i ? ",{\"claim_id\":" : "{\"claim_id\":", i ? 13 : 12);
        json_string(l, a[i].claim_id);
        json_str_member(l, "output", sc->outputs[a[i].output].name);
        rt_line_add(l, ",\"old\":", 7);
        json_value(l, sc, t, a[i].old);
        rt_line_add(l, ",\"new\":", 7);
        json_value(l, sc, t, a[i].now);
        rt_line_add(l, ",\"delta\":", 9);
        json_value(l, sc, t, rt_adjust_delta(sc, a[i].output, a[i].old, a[i].now));
        json_str_member(l, "cause", a[i].cause);
        rt_line_add(l, "}", 1);
    }
    rt_line_add(l, "]", 1);
}

/* ,"explanation": what polc run --explain writes for the claim (with the opening balances its
 * ledger rows started from, as polc run's) */
static void add_explanation(RtLine *l, PolSession *s, const PolEngine *e, const char *claim_id,
                            const char *person_id, const int64_t *fields, const PolResult *res)
{
    const RtSchema *sc = rt_engine_schema(e);
    size_t nl = (size_t)sc->nledgers;
    char *obuf = nl ? malloc(nl * MSG_LEN) : NULL;
    const char **opening = nl ? calloc(nl, sizeof *opening) : NULL;
    for (size_t L = 0; obuf && opening && L < nl; L++)
        if (rt_session_opening(s, person_id, (int)L, res->keys[L], obuf + L * MSG_LEN, MSG_LEN))
            opening[L] = obuf + L * MSG_LEN;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (f) {
        rt_explain_json(e, claim_id, fields, res, opening, f);
        fclose(f);
        while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
            buf[--len] = '\0';
        if (len) {
            rt_line_add(l, ",\"explanation\":", 15);
            rt_line_add(l, buf, len);
        }
        free(buf);
    }
    free(obuf);
    free(opening);
}

/* ---- binding JSON to the schema ------------------------------------------------------- */

/* A 400: what is wrong with the request's structure, naming the member. */
typedef struct Bad {
    int set;
    char msg[MSG_LEN];
} Bad;

__attribute__((format(printf, 2, 3))) static void bad(Bad *b, const char *fmt, ...)
{
    if (b->set)
        return;
    b->set = 1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(b->msg, sizeof b->msg, fmt, ap);
    va_end(ap);
}

/* the field of fields[0..n) a member names, by name or label, or -1 */
/* the field of fields[0..n) a member names, by name or label, or -1; the search starts at
 * field from (< n), the one after the last member's: a client sends the fields in the schema's
 * order, mostly, and a search from the first field was ~250 strcmp calls a Panji request,
 * ~5,500 instructions (callgrind under bench/serve.sh). The schema lets a name or label pick
 * one field only (schema.c), so where the search starts does not change what it finds. */
static int field_of(const RtField *f, int n, const char *key, int from)
{
    for (int k = 0, i = from; k < n; k++, i = i + 1 < n ? i + 1 : 0)
        if ((f[i].name[0] == key[0] && !strcmp(f[i].name, key)) ||
            (f[i].label && f[i].label[0] == key[0] && !strcmp(f[i].label, key)))
            return i;
    return -1;
}

/* A JSON value as the text of a CSV cell: 0, or -1 when it is no scalar (bad() says so,
 * naming what.column) */
static int cell_text(const cJSON *v, const char *what, const char *column, char *buf, size_t len,
                     const char **text, Bad *b)
{
    if (cJSON_IsString(v))
        *text = v->valuestring;
    else if (cJSON_IsNumber(v)) {
        double d = v->valuedouble;
        snprintf(buf, len, "%.*g", NUM_DIGITS, d);
        /* more digits than a double keeps: its cell would be another number (a new-user pass
         * sent 12345678901234567 and was told "not an amount '1.23456789012346e+16'") */
        if (!isfinite(d) || strtod(buf, NULL) != d) {
            bad(b, "%s.%s: a number of more than %d significant digits (send it as a string)", what,
                RT_SHOW(column), NUM_DIGITS);
            return -1;
        }
        /* 1e16 printed "1e+16", which no cell reader takes: a whole number is written out;
         * anything else in exponent form (1e-7, 1e30) is no amount, rate or int to send as
         * a number */
        if (strchr(buf, 'e')) {
            if (fabs(d) >= 1e18 || d != floor(d)) {
                bad(b,
                    "%s.%s: %s is too large or too small to send as a number (send it as "
                    "a string)",
                    what, RT_SHOW(column), buf);
                return -1;
            }
            snprintf(buf, len, "%.0f", d);
        }
        *text = buf;
    } else if (cJSON_IsBool(v))
        *text = cJSON_IsTrue(v) ? "true" : "false";
    else if (cJSON_IsNull(v))
        *text = "";
    else {
        bad(b, "%s.%s: expected a string, number, boolean or null", what, RT_SHOW(column));
        return -1;
    }
    return 0;
}

/* The members of obj bound to fields f[0..n) into vals, by the CSV rules: a member not
 * given is an empty cell. skip[] names members that are not fields (ids, history). A
 * structural fault goes to b (400); a value the rules refuse: -1 with the reason in why
 * ("医疗总费用: not an amount 'abc' ..."), as polc run words the row. */
static int bind_object(const RtSchema *sc, const cJSON *obj, const char *what, const RtField *f,
                       int n, const char *const *skip, int64_t *vals, char *why, size_t wlen,
                       Bad *b)
{
    /* on the stack for the schemas seen (calloc was ~250 instructions an object) */
    const cJSON *on_stack[GIVEN_STACK];
    const cJSON **given = n < GIVEN_STACK ? on_stack : calloc((size_t)n + 1, sizeof *given);
    if (!given) {
        bad(b, "%s: out of memory", what);
        return -1;
    }
    if (given == on_stack)
        memset(on_stack, 0, sizeof on_stack);
    const cJSON *m;
    int from = 0;
    unsigned skipped_seen = 0; /* bit k: skip[k] met (a second would be taken silently) */
    cJSON_ArrayForEach(m, obj)
    {
        int skipped = 0, k = 0;
        for (; skip[k] && !skipped; k++)
            skipped = m->string[0] == skip[k][0] && !strcmp(m->string, skip[k]);
        if (skipped && (skipped_seen & 1u << (k - 1))) {
            bad(b, "%s.%s: given twice", what, m->string);
            if (given != on_stack)
                free(given);
            return -1;
        }
        if (skipped) {
            skipped_seen |= 1u << (k - 1);
            continue;
        }
        int i = field_of(f, n, m->string, from);
        from = i + 1 < n ? i + 1 : 0;
        if (i < 0) {
            bad(b, "%s.%s: unknown field", what, RT_SHOW(m->string));
            if (given != on_stack)
                free(given);
            return -1;
        }
        if (given[i]) {
            bad(b, "%s.%s: field %s given twice", what, RT_SHOW(m->string), f[i].name);
            if (given != on_stack)
                free(given);
            return -1;
        }
        given[i] = m;
    }
    int rc = 0;
    for (int i = 0; i < n; i++) {
        char num[64];
        const char *text = "", *column = given[i] ? given[i]->string : f[i].name;
        /* the member's name is written only into a message: formatting it for every field
         * was 17,000 instructions a claim of Panji (callgrind under bench/serve.sh) */
        if (given[i] && cell_text(given[i], what, column, num, sizeof num, &text, b)) {
            rc = -1;
            break;
        }
        if (rc == 0 &&
            rt_bind_cell(sc, &f[i], column, text, strlen(text), &vals[i], why, wlen) < 0) {
            rc = -1; /* the first refused value is the reason; the structure is checked on */
            /* a field not given is named by its name and label, either of which the client
             * may use ("total (医疗总费用): missing value"; a new-user pass sending labels was
             * told "total: missing value") */
            if (!given[i] && f[i].label) {
                char both[256];
                snprintf(both, sizeof both, "%s (%s)", f[i].name, f[i].label);
                rt_bind_cell(sc, &f[i], both, text, strlen(text), &vals[i], why, wlen);
            }
        }
    }
    if (given != on_stack)
        free(given);
    return rc;
}

/* "AB[i]" into buf (WHAT_LEN bytes; cut to fit), the name of an element in a message: an
 * snprintf was ~700 instructions a person and a history row, for a name only a fault shows */
static void name_at(char buf[WHAT_LEN], const char *a, const char *b, int i)
{
    char num[24], *e = rt_put_digits(num, (uint64_t)(i < 0 ? 0 : i));
    size_t na = strlen(a), nb = strlen(b), nn = (size_t)(e - num);
    if (na + nb + nn + 3 > WHAT_LEN) {
        snprintf(buf, WHAT_LEN, "%s%s[%d]", a, b, i);
        return;
    }
    char *w = buf;
    memcpy(w, a, na);
    memcpy(w += na, b, nb);
    *(w += nb) = '[';
    memcpy(++w, num, nn);
    w[nn] = ']';
    w[nn + 1] = '\0';
}

/* a member that must be a string id: its text, or NULL after bad() */
static const char *id_of(const cJSON *obj, const char *key, const char *what, int required, Bad *b)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v) {
        if (required)
            bad(b, "%s.%s: missing", what, key);
        return NULL;
    }
    if (!cJSON_IsString(v) || !v->valuestring[0]) {
        bad(b, "%s.%s: expected a non-empty string", what, key);
        return NULL;
    }
    return v->valuestring;
}

/* a person object of the request met before (add_persons) */
typedef struct PersonSeen {
    const cJSON *obj;
    const char *id;
    int at; /* its index in persons */
} PersonSeen;

static int person_seen_eq(const void *entry, const void *key)
{
    return !strcmp(((const PersonSeen *)entry)->id, key);
}

/* the member of obj that gives field f, by its name or its label, or NULL */
static const cJSON *member_of(const cJSON *obj, const RtField *f)
{
    const cJSON *m = cJSON_GetObjectItemCaseSensitive(obj, f->name);
    return m || !f->label ? m : cJSON_GetObjectItemCaseSensitive(obj, f->label);
}

/* Objects a and b (a person's members, or a history row's) decoded as fields f[0..n) of sc,
 * as settling decodes them (cell_text, rt_bind_cell): the name of a member whose value
 * differs, or NULL. So "100", 100, 1e2 and 100.0 for an amount are one value, as are a
 * field given by its name or its label, and null, "" and a member left out (the field's
 * default); a member no field names, or a value either side refuses, differs. skip[] names
 * the members that are not fields. Called only where the JSON texts differ. */
static const char *fields_differ(const RtSchema *sc, const RtField *f, int n,
                                 const char *const *skip, const cJSON *a, const cJSON *b)
{
    const cJSON *obj[2] = {a, b}, *m;
    for (int k = 0; k < 2; k++)
        cJSON_ArrayForEach(m, obj[k])
        {
            int skipped = 0;
            for (int s = 0; skip[s] && !skipped; s++)
                skipped = !strcmp(m->string, skip[s]);
            if (!skipped && field_of(f, n, m->string, 0) < 0)
                return m->string;
        }
    for (int i = 0; i < n; i++) {
        const cJSON *x[2] = {member_of(a, &f[i]), member_of(b, &f[i])};
        if ((!x[0] && !x[1]) || cJSON_Compare(x[0], x[1], 1))
            continue;
        int64_t v[2];
        for (int k = 0; k < 2; k++) {
            char num[64], why[MSG_LEN / 2];
            const char *text = "";
            Bad bd = {0};
            if ((x[k] && cell_text(x[k], "", f[i].name, num, sizeof num, &text, &bd)) ||
                rt_bind_cell(sc, &f[i], f[i].name, text, strlen(text), &v[k], why, sizeof why) < 0)
                return x[k] ? x[k]->string : f[i].name;
        }
        if (v[0] != v[1])
            return x[0] ? x[0]->string : x[1]->string;
    }
    return NULL;
}

/* Person objects a and b of one id: the member whose value differs (fields_differ), the
 * history's rows compared row by row ("history"), or NULL */
static const char *member_differs(const RtSchema *sc, const cJSON *a, const cJSON *b)
{
    static const char *const skip[] = {"person_id", "history", NULL};
    static const char *const skip_hist[] = {NULL};
    const char *m = fields_differ(sc, sc->person, sc->nperson, skip, a, b);
    if (m)
        return m;
    const cJSON *ha = cJSON_GetObjectItemCaseSensitive(a, "history"),
                *hb = cJSON_GetObjectItemCaseSensitive(b, "history");
    if (cJSON_Compare(ha, hb, 1))
        return NULL;
    /* not given is no rows */
    int na = !ha ? 0 : cJSON_IsArray(ha) ? cJSON_GetArraySize(ha) : -1;
    int nb = !hb ? 0 : cJSON_IsArray(hb) ? cJSON_GetArraySize(hb) : -1;
    if (na != nb || na < 0)
        return "history";
    for (int r = 0; r < na; r++) {
        const cJSON *ra = cJSON_GetArrayItem(ha, r), *rb = cJSON_GetArrayItem(hb, r);
        if (!cJSON_IsObject(ra) || !cJSON_IsObject(rb) ||
            fields_differ(sc, sc->hist, sc->nhist, skip_hist, ra, rb))
            return "history";
    }
    return NULL;
}

/* Person object p (persons[at], id pid) against the request's earlier ones (seen): 0 new (now
 * in seen), 1 given before as it is here (nothing to add), -2 given before otherwise (why:
 * the last would win without a word; polc run refuses a person whose rows differ), -1 out of
 * memory (b) */
static int person_again(const RtSchema *sc, RtMap *seen, PersonSeen *slots, const cJSON *p,
                        const char *pid, int at, char *why, size_t wlen, Bad *b)
{
    uint64_t h = rt_hash_id(pid, strlen(pid));
    const PersonSeen *e = rt_map_find(seen, h, person_seen_eq, pid);
    if (!e) {
        slots[at] = (PersonSeen){p, pid, at};
        if (rt_map_put(seen, h, &slots[at]) < 0) {
            bad(b, "persons: out of memory");
            return -1;
        }
        return 0;
    }
    const char *m = member_differs(sc, e->obj, p);
    if (!m)
        return 1;
    snprintf(why, wlen, "person %s: %s differs from the same person's persons[%d]", RT_SHOW(pid),
             RT_SHOW(m), e->at);
    return -2;
}

/* add_persons, a batch's persons checked against each other in seen (NULL: one person) */
static int add_persons_seen(Worker *w, const cJSON *persons, RtMap *seen, PersonSeen *slots,
                            char *why, size_t wlen, Bad *b)
{
    const RtSchema *sc = rt_engine_schema(w->sv->e);
    static const char *const skip[] = {"person_id", "history", NULL};
    static const char *const skip_hist[] = {NULL};
    int k = 0;
    const cJSON *p;
    cJSON_ArrayForEach(p, persons)
    {
        char what[WHAT_LEN];
        if (persons->string)
            name_at(what, "persons", "", k);
        else
            memcpy(what, "person", sizeof "person");
        k++;
        if (!cJSON_IsObject(p)) {
            bad(b, "%s: expected an object", what);
            return -1;
        }
        const char *pid = id_of(p, "person_id", what, 1, b);
        if (!pid)
            return -1;
        int again = seen ? person_again(sc, seen, slots, p, pid, k - 1, why, wlen, b) : 0;
        if (again < 0)
            return again;
        if (again)
            continue;
        char r[MSG_LEN / 2];
        if (bind_object(sc, p, what, sc->person, sc->nperson, skip, w->pfields, r, sizeof r, b)) {
            if (b->set)
                return -1;
            snprintf(why, wlen, "person %s: %s", pid, r);
            return -2;
        }
        const cJSON *h = cJSON_GetObjectItemCaseSensitive(p, "history");
        int nh = h ? cJSON_GetArraySize(h) : 0;
        if (h && !cJSON_IsArray(h)) {
            bad(b, "%s.history: expected an array", what);
            return -1;
        }
        if (nh > 0 && sc->nhist == 0) {
            bad(b, "%s.history: the policy declares no history", what);
            return -1;
        }
        if ((size_t)nh > w->cap_hist) {
            int64_t *nhp = realloc(w->hist, (size_t)nh * (size_t)sc->nhist * sizeof *nhp);
            if (!nhp) {
                bad(b, "%s.history: too long", what);
                return -1;
            }
            w->hist = nhp;
            w->cap_hist = (size_t)nh;
        }
        for (int i = 0; i < nh; i++) {
            char hw[WHAT_LEN];
            name_at(hw, what, ".history", i);
            const cJSON *row = cJSON_GetArrayItem(h, i);
            if (!cJSON_IsObject(row)) {
                bad(b, "%s: expected an object", hw);
                return -1;
            }
            if (bind_object(sc, row, hw, sc->hist, sc->nhist, skip_hist,
                            w->hist + (size_t)i * (size_t)sc->nhist, r, sizeof r, b)) {
                if (b->set)
                    return -1;
                snprintf(why, wlen, "person %s, history row %d: %s", pid, i + 1, r);
                return -2;
            }
        }
        if (rt_session_person_add(w->s, pid, w->pfields, w->hist, nh) < 0) {
            snprintf(why, wlen, "%s", polrt_session_errmsg(w->s));
            return -2;
        }
    }
    return 0;
}

/* The request's persons into the session. 0; -1 a 400 in b; -2 a person refused (its
 * reason in why: the whole request answers 422, as every claim of it would be refused). */
static int add_persons(Worker *w, const cJSON *persons, char *why, size_t wlen, Bad *b)
{
    /* a batch's persons by id (a map: a batch may hold --max-claims persons) */
    int n = persons->string ? cJSON_GetArraySize(persons) : 0;
    RtMap seen = {0};
    PersonSeen *slots = n > 1 ? polrt_realloc(NULL, (size_t)n * sizeof *slots) : NULL;
    if (n > 1 && !slots) {
        bad(b, "persons: out of memory");
        return -1;
    }
    int rc = add_persons_seen(w, persons, n > 1 ? &seen : NULL, slots, why, wlen, b);
    rt_map_free(&seen);
    polrt_realloc(slots, 0);
    return rc;
}

/* a session message without its "claim ID: " (polc run words a row's reason without it) */
static const char *reason_of(const char *msg, const char *claim_id)
{
    size_t n = strlen(claim_id);
    if (!strncmp(msg, "claim ", 6) && !strncmp(msg + 6, claim_id, n) &&
        !strncmp(msg + 6 + n, ": ", 2))
        return msg + 8 + n;
    return msg;
}

/* the person pid is one of the request's persons (a list of person objects) */
static int in_request(const cJSON *people, const char *pid)
{
    const cJSON *p;
    cJSON_ArrayForEach(p, people)
    {
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(p, "person_id");
        if (cJSON_IsString(id) && !strcmp(id->valuestring, pid))
            return 1;
    }
    return 0;
}

/* the claim cid settled (polrt_session_claim) into the answer out (after its claim_id): its
 * status, or -2 (the ledger failed) */
static int settle_claim(Worker *w, const Job *j, const char *cid, const char *pid, RtLine *out)
{
    const RtSchema *sc = rt_engine_schema(w->sv->e);
    int explain = (j->flags & SVC_EXPLAIN) != 0;
    rt_session_trace(w->s, explain);
    rt_session_late_reject(w->s, (j->flags & SVC_LATE_REJECT) != 0);
    PolResult res;
    int rc = polrt_session_claim(w->s, cid, pid, w->fields, &res);
    if (rc == -2)
        return -2;
    int st;
    if (rc == -1)
        st = rt_session_conflict(w->s) ? SVC_CONFLICT : SVC_REJECTED;
    else
        st = res.status == 0 ? SVC_SETTLED : res.status == 1 ? SVC_ALREADY : SVC_ERROR;
    json_str_member(out, "status", service_status_name[st]);
    if (st == SVC_SETTLED || st == SVC_ALREADY) {
        add_result(out, &w->sv->keys, sc, &res);
        if (explain)
            add_explanation(out, w->s, w->sv->e, cid, pid, w->fields, &res);
    } else {
        json_str_member(out, "reason", reason_of(polrt_session_errmsg(w->s), cid));
    }
    /* a late claim: the later claims it settled again (whether it settled or failed) */
    add_adjustments(out, sc, w->s);
    return st;
}

/* the claim cid reversed into the answer out (after its claim_id): its status, or -2 */
static int reverse_claim(Worker *w, const char *cid, const char *pid, RtLine *out)
{
    int rc = rt_session_reverse(w->s, cid, pid);
    if (rc == -2)
        return -2;
    w->not_held = rc == 1;
    /* a row of a later policy's: settling's conflict (409), for this claim alone */
    int st = rc == 0 ? SVC_REVERSED : rt_session_conflict(w->s) ? SVC_CONFLICT : SVC_REJECTED;
    json_str_member(out, "status", service_status_name[st]);
    if (rc)
        json_str_member(out, "reason", reason_of(polrt_session_errmsg(w->s), cid));
    add_adjustments(out, rt_engine_schema(w->sv->e), w->s);
    return st;
}

/* One claim object: settled, or refused, its answer object appended to out; its status.
 * -1: a fault of the request's structure (in b: it answers 400); -2: the ledger failed (503).
 * out NULL: only the structure is checked (0 when sound), nothing settles. */
static int one_claim(Worker *w, const Job *j, const cJSON *c, const char *what, const cJSON *people,
                     const char *default_pid, RtLine *out, Bad *b)
{
    const RtSchema *sc = rt_engine_schema(w->sv->e);
    static const char *const skip[] = {"claim_id", "person_id", NULL};
    int reverse = j->kind == JOB_REVERSE;
    if (!cJSON_IsObject(c)) {
        bad(b, "%s: expected an object", what);
        return -1;
    }
    const char *cid = id_of(c, "claim_id", what, 1, b);
    const char *pid = id_of(c, "person_id", what, default_pid == NULL, b);
    if (b->set)
        return -1;
    if (!pid)
        pid = default_pid;
    char why[MSG_LEN];
    /* a claim to reverse is its ids only: the ledger holds its fields */
    int bound = bind_object(sc, c, what, sc->claim, reverse ? 0 : sc->nclaim, skip, w->fields, why,
                            sizeof why, b);
    if (b->set)
        return -1;
    if ((sc->nperson > 0 || sc->nhist > 0) && !in_request(people, pid)) {
        bad(b, "%s: person %s is not in the request", what, pid);
        return -1;
    }
    if (!out)
        return 0;
    rt_line_add(out, "{\"claim_id\":", 12);
    json_string(out, cid);
    int st;
    if (bound < 0) {
        json_str_member(out, "status", service_status_name[SVC_REJECTED]);
        json_str_member(out, "reason", why);
        st = SVC_REJECTED;
    } else if (sc->nperson == 0 && sc->nhist == 0 && rt_session_person_handle(w->s, pid) < 0 &&
               rt_session_person_add(w->s, pid, NULL, NULL, 0) < 0) {
        json_str_member(out, "status", service_status_name[SVC_REJECTED]);
        json_str_member(out, "reason", polrt_session_errmsg(w->s));
        st = SVC_REJECTED;
    } else {
        st = reverse ? reverse_claim(w, cid, pid, out) : settle_claim(w, j, cid, pid, out);
    }
    rt_line_add(out, "}", 1);
    return st;
}

/* forget the request's persons again, so the session holds no one between requests: their
 * ledger rows stay in the file, and the store keeps the last KEEP_PERSONS persons' for their
 * next claim (read again if another process wrote the file since); in memory they are the
 * ledger, so there they stay */
static void drop_persons(Worker *w, const cJSON *persons)
{
    if (rt_session_is_memory(w->s) || !persons)
        return;
    const cJSON *p;
    cJSON_ArrayForEach(p, persons)
    {
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(p, "person_id");
        if (cJSON_IsString(id))
            rt_session_forget(w->s, id->valuestring);
    }
}

/* a settle or reverse request's top-level members */
typedef struct Parts {
    const cJSON *person, *persons, *claim, *claims;
} Parts;

/* the request's members found and their shape checked: 0, or 1 answered (400, 422) */
static int request_parts(Worker *w, Job *j, Parts *p)
{
    const cJSON *req = j->req;
    p->person = cJSON_GetObjectItemCaseSensitive(req, "person");
    p->persons = cJSON_GetObjectItemCaseSensitive(req, "persons");
    p->claim = cJSON_GetObjectItemCaseSensitive(req, "claim");
    p->claims = cJSON_GetObjectItemCaseSensitive(req, "claims");
    const cJSON *m;
    int count[4] = {0};
    cJSON_ArrayForEach(m, req)
    {
        static const char *const members[] = {"person", "persons", "claim", "claims"};
        int k = 0;
        while (k < 4 && strcmp(m->string, members[k]))
            k++;
        if (k == 4) {
            reply_error(j->r, 400,
                        "%s: unknown member (expected claim and person, or claims "
                        "and persons)",
                        RT_SHOW(m->string));
            return 1;
        }
        if (count[k]++) { /* cJSON finds the first; the second would be ignored */
            reply_error(j->r, 400, "%s: given twice", members[k]);
            return 1;
        }
    }
    if (j->kind == JOB_REVERSE && rt_session_is_memory(w->s)) {
        reply_error(j->r, 422,
                    "the ledger is in memory: it keeps no settled claims to reverse (serve with "
                    "--ledger FILE)");
        return 1;
    }
    if (!!p->claim + !!p->claims != 1 || (p->claim && p->persons) || (p->claims && p->person)) {
        reply_error(j->r, 400, "body: give claim (and person), or claims (and persons)");
        return 1;
    }
    if (p->person && !cJSON_IsObject(p->person)) {
        reply_error(j->r, 400, "person: expected an object");
        return 1;
    }
    if ((p->persons && !cJSON_IsArray(p->persons)) || (p->claims && !cJSON_IsArray(p->claims))) {
        reply_error(j->r, 400, "%s: expected an array",
                    p->persons && !cJSON_IsArray(p->persons) ? "persons" : "claims");
        return 1;
    }
    return 0;
}

/* the status code of a single claim's answer */
static int code_of(int st, int not_held)
{
    return st == SVC_SETTLED || st == SVC_ALREADY || st == SVC_REVERSED ? 200
           : st == SVC_CONFLICT                                         ? 409
           : st == SVC_REJECTED && not_held                             ? 404
                                                                        : 422;
}

/* a request of one claim ("claim", and "person" unless the policy reads no persons): 0
 * answered, or -2 the ledger failed */
static int settle_single(Worker *w, Job *j, const Parts *p, const cJSON *people)
{
    Bad b = {0};
    const char *pid = p->person ? id_of(p->person, "person_id", "person", 1, &b) : NULL;
    RtLine l = {0};
    rt_line_reserve(&l, ANSWER_ROOM); /* out of memory: the answer says so (reply_line) */
    int st = one_claim(w, j, p->claim, "claim", people, pid, &l, &b);
    j->r->nclaims = 1;
    if (st < 0) {
        polrt_realloc(l.p, 0);
        if (st == -2)
            return -2;
        reply_error(j->r, 400, "%s", b.msg);
        return 0;
    }
    atomic_fetch_add(&w->sv->counts[st], 1);
    reply_line(j->r, code_of(st, j->kind == JOB_REVERSE && w->not_held), &l);
    return 0;
}

/* a batch ("claims", and "persons"): the whole request's structure first (a 400 settles
 * nothing), then each claim. 0 answered, or -2 the ledger failed */
static int settle_batch(Worker *w, Job *j, const Parts *p, const cJSON *people)
{
    Bad b = {0};
    int k = 0;
    const cJSON *c;
    cJSON_ArrayForEach(c, p->claims)
    {
        char what[WHAT_LEN];
        name_at(what, "claims", "", k++);
        if (one_claim(w, j, c, what, people, NULL, NULL, &b) < 0)
            break;
    }
    j->r->nclaims = k;
    if (b.set) {
        reply_error(j->r, 400, "%s", b.msg);
        return 0;
    }
    RtLine l = {0};
    rt_line_reserve(&l, ANSWER_ROOM);
    rt_line_add(&l, "{\"results\":[", 12);
    int64_t n[SVC_NSTATUS] = {0};
    k = 0;
    cJSON_ArrayForEach(c, p->claims)
    {
        char what[WHAT_LEN];
        if (k)
            rt_line_add(&l, ",", 1);
        name_at(what, "claims", "", k++);
        int st = one_claim(w, j, c, what, people, NULL, &l, &b);
        if (st < 0) { /* -2 (the structure was checked): the group answers 503 */
            polrt_realloc(l.p, 0);
            return -2;
        }
        n[st]++;
    }
    rt_line_add(&l, "]}", 2);
    for (int i = 0; i < SVC_NSTATUS; i++)
        atomic_fetch_add(&w->sv->counts[i], n[i]);
    reply_line(j->r, 200, &l);
    return 0;
}

/* A settle or reverse request, on a settling thread: 0 answered in j->r; -2 the ledger failed */
static int settle_job(Worker *w, Job *j)
{
    Parts p;
    if (request_parts(w, j, &p))
        return 0;
    /* the persons first: a one-person request holds the person object itself */
    cJSON *plist = NULL;
    if (p.person) {
        plist = cJSON_CreateArray();
        cJSON_AddItemReferenceToArray(plist, (cJSON *)p.person);
    }
    const cJSON *people = p.person ? plist : p.persons;
    char why[MSG_LEN];
    Bad b = {0};
    int rc = people ? add_persons(w, people, why, sizeof why, &b) : 0, ret = 0;
    if (rc == -1) {
        reply_error(j->r, 400, "%s", b.msg);
    } else if (rc == -2) {
        RtLine l = {0};
        rt_line_add(&l, "{\"status\":", 10);
        json_string(&l, service_status_name[SVC_REJECTED]);
        json_str_member(&l, "error", why);
        rt_line_add(&l, "}", 1);
        reply_line(j->r, 422, &l);
        atomic_fetch_add(&w->sv->counts[SVC_REJECTED], p.claims ? cJSON_GetArraySize(p.claims) : 1);
    } else {
        ret = p.claim ? settle_single(w, j, &p, people) : settle_batch(w, j, &p, people);
    }
    drop_persons(w, people);
    cJSON_Delete(plist);
    return ret;
}

static void get_job(Worker *w, Job *j)
{
    const RtSchema *sc = rt_engine_schema(w->sv->e);
    char person[256], at[48];
    PolResult res;
    int rc =
        rt_session_get(w->s, j->claim_id, w->fields, person, sizeof person, at, sizeof at, &res);
    if (rc < 0) {
        reply_error(j->r, 503, "ledger: %s", polrt_session_errmsg(w->s));
        return;
    }
    if (rc == 0) {
        reply_error(j->r, 404, "no claim %s", RT_SHOW(j->claim_id));
        return;
    }
    RtLine l = {0};
    rt_line_add(&l, "{\"claim_id\":", 12);
    json_string(&l, j->claim_id);
    json_str_member(&l, "person_id", person);
    /* reversed (2): 410, the record as it was when reversed, and when: a reprint must not
     * pass it for a settlement, an auditor learns what became of it */
    json_str_member(&l, "status", service_status_name[rc == 2 ? SVC_REVERSED : SVC_ALREADY]);
    if (rc == 2)
        json_str_member(&l, "reversed_at", at);
    rt_line_add(&l, ",\"fields\":{", 11);
    for (int i = 0; i < sc->nclaim; i++) {
        if (i)
            rt_line_add(&l, ",", 1);
        json_string(&l, sc->claim[i].name);
        rt_line_add(&l, ":", 1);
        json_value(&l, sc, &sc->claim[i].type, w->fields[i]);
    }
    rt_line_add(&l, "}", 1);
    add_result(&l, &w->sv->keys, sc, &res);
    rt_line_add(&l, "}", 1);
    reply_line(j->r, rc == 2 ? 410 : 200, &l);
}

/* ---- the settling threads --------------------------------------------------------------- */

/* a worker's scratch sized by the engine's schema */
static int scratch(Worker *w, const PolEngine *e)
{
    const RtSchema *sc = rt_engine_schema(e);
    int64_t *f = realloc(w->fields, ((size_t)sc->nclaim + 1) * sizeof *f);
    if (f)
        w->fields = f;
    int64_t *p = realloc(w->pfields, ((size_t)sc->nperson + 1) * sizeof *p);
    if (p)
        w->pfields = p;
    free(w->hist);
    w->hist = NULL;
    w->cap_hist = 0;
    return f && p ? 0 : -1;
}

/* a worker's part of the group, in order; after a ledger failure the rest is skipped (the
 * whole group answers 503) */
static void run_part(Worker *w)
{
    for (Job *j = w->jobs; j && !w->failed; j = j->pnext) {
        if (j->kind == JOB_GET)
            get_job(w, j);
        else if (settle_job(w, j) == -2) { /* JOB_SETTLE and JOB_REVERSE */
            snprintf(w->err, sizeof w->err, "%s", polrt_session_errmsg(w->s));
            w->failed = 1;
        }
    }
}

/* workers 1..nw-1: their part of each group, while the group's thread runs worker 0's */
static void *worker_main(void *arg)
{
    Worker *w = arg;
    Service *sv = w->sv;
    rt_thread_name("polc-settle%d", (int)(w - sv->w));
    pthread_mutex_lock(&sv->wmu);
    for (;;) {
        while (!w->jobs && !sv->stop_workers)
            pthread_cond_wait(&sv->wcv, &sv->wmu);
        if (!w->jobs)
            break;
        pthread_mutex_unlock(&sv->wmu);
        run_part(w);
        pthread_mutex_lock(&sv->wmu);
        w->jobs = w->tail = NULL;
        if (--sv->pending == 0)
            pthread_cond_signal(&sv->wdone);
    }
    pthread_mutex_unlock(&sv->wmu);
    return NULL;
}

static void add_part(Worker *w, Job *j)
{
    j->pnext = NULL;
    if (w->tail)
        w->tail->pnext = j;
    else
        w->jobs = j;
    w->tail = j;
}

/* obj's member key, when it is a non-empty string (the request's checks come later), into
 * the list l of n */
static int add_id(const char ***l, size_t *cap, size_t *n, const cJSON *obj, const char *key)
{
    const cJSON *id = cJSON_IsObject(obj) ? cJSON_GetObjectItemCaseSensitive(obj, key) : NULL;
    if (!cJSON_IsString(id) || !id->valuestring[0])
        return 0;
    if (rt_grow(l, cap, *n + 1, sizeof **l))
        return -1;
    (*l)[(*n)++] = id->valuestring;
    return 0;
}

/* The group's claim ids and persons' rows looked up at once: a PostgreSQL ledger answers
 * in one round trip what would be one or two a claim. 0, or -1 with the reason in err. */
static int prefetch(Service *sv, Job *group, char *err, size_t errlen)
{
    size_t n = 0, np = 0;
    if (!rt_session_prefetches(sv->w[0].s)) /* SQLite, memory: the ids would go unused */
        return 0;
    for (Job *j = group; j; j = j->next) {
        if (j->kind != JOB_SETTLE)
            continue;
        const cJSON *c, *claims = cJSON_GetObjectItemCaseSensitive(j->req, "claims");
        const cJSON *persons = cJSON_GetObjectItemCaseSensitive(j->req, "persons");
        if (!cJSON_IsArray(claims))
            claims = NULL;
        if (!cJSON_IsArray(persons))
            persons = NULL;
        const cJSON *claim = cJSON_GetObjectItemCaseSensitive(j->req, "claim");
        int rc = add_id(&sv->ids, &sv->cap_ids, &n, claim, "claim_id") |
                 add_id(&sv->pids, &sv->cap_pids, &np, claim, "person_id") |
                 add_id(&sv->pids, &sv->cap_pids, &np,
                        cJSON_GetObjectItemCaseSensitive(j->req, "person"), "person_id");
        cJSON_ArrayForEach(c, claims) rc |= add_id(&sv->ids, &sv->cap_ids, &n, c, "claim_id") |
                                            add_id(&sv->pids, &sv->cap_pids, &np, c, "person_id");
        cJSON_ArrayForEach(c, persons) rc |= add_id(&sv->pids, &sv->cap_pids, &np, c, "person_id");
        if (rc)
            return snprintf(err, errlen, "out of memory"), -1;
    }
    return rt_session_prefetch(sv->w[0].s, sv->ids, n, sv->pids, np, err, errlen);
}

/* One group in one ledger transaction: each job to the worker its persons hash to, the
 * workers in parallel, then the requests that span workers one by one on worker 0 (the
 * others idle, so no person is settled by two sessions at once), then the commit. A group
 * of fewer than SPLIT_MIN claims settles on worker 0 alone, in arrival order. 0, or -1
 * with the reason in err (nothing of the group is durable). */
static int settle_group(Service *sv, Job *group, char *err, size_t errlen)
{
    Worker *w0 = &sv->w[0];
    for (int i = 0; i < sv->nw; i++)
        sv->w[i].failed = 0;
    if (rt_session_begin(w0->s, err, errlen) != 0)
        return -1;
    if (prefetch(sv, group, err, errlen) != 0)
        return -1;
    long nclaims = 0;
    for (Job *j = group; j && nclaims < SPLIT_MIN; j = j->next)
        nclaims += j->kind == JOB_SETTLE ? j->nclaims : 1;
    int split = sv->nw > 1 && nclaims >= SPLIT_MIN;
    Worker span = *w0; /* worker 0's session and scratch, for the requests that span */
    span.jobs = span.tail = NULL;
    pthread_mutex_lock(&sv->wmu);
    for (Job *j = group; j; j = j->next)
        add_part(!split ? w0 : j->worker == SPAN ? &span : &sv->w[j->worker], j);
    for (int i = 1; i < sv->nw; i++)
        sv->pending += sv->w[i].jobs != NULL;
    if (sv->pending)
        pthread_cond_broadcast(&sv->wcv);
    pthread_mutex_unlock(&sv->wmu);
    run_part(w0);
    w0->jobs = w0->tail = NULL;
    pthread_mutex_lock(&sv->wmu);
    while (sv->pending)
        pthread_cond_wait(&sv->wdone, &sv->wmu);
    pthread_mutex_unlock(&sv->wmu);
    int failed = 0;
    for (int i = 0; i < sv->nw && !failed; i++)
        if (sv->w[i].failed) {
            snprintf(err, errlen, "%s", sv->w[i].err);
            failed = 1;
        }
    if (!failed && span.jobs) {
        run_part(&span);
        w0->hist = span.hist; /* grown for a long history */
        w0->cap_hist = span.cap_hist;
        if (span.failed) {
            snprintf(err, errlen, "%s", span.err);
            failed = 1;
        }
    }
    if (failed)
        return -1;
    return rt_session_commit(w0->s, err, errlen); /* -2: its outcome not known */
}

/* The ledger's connection as now seen (under mu): a loss and a return are logged once each
 * (a loss the store made good at once, within a group, too), and while it is lost the
 * settling thread is woken to try again when due. */
static void link_seen(Service *sv, const RtLink *now)
{
    char line[MSG_LEN];
    if (sv->log && now->losses > sv->link.losses) {
        snprintf(line, sizeof line, "ledger: PostgreSQL ledger: connection lost (%s)", now->why);
        sv->log(line);
    }
    if (sv->log && !now->lost && (sv->link.lost || now->losses > sv->link.losses))
        sv->log("ledger: PostgreSQL ledger: connected again");
    sv->link = *now;
    if (now->lost) {
        sv->retry_at_ms = rt_now_ms() + now->wait_ms;
        pthread_cond_signal(&sv->cv);
    }
}

/* worker 0's store asked (mode: RT_LINK_PROBE or RT_LINK_RETRY), what it says seen; mu not
 * held (RETRY may connect) */
static void link_check(Service *sv, int mode)
{
    RtLink now;
    if (rt_session_link(sv->w[0].s, mode, &now) != 0)
        return;
    pthread_mutex_lock(&sv->mu);
    link_seen(sv, &now);
    pthread_mutex_unlock(&sv->mu);
}

/* a group's requests told their answers, then its end */
static void answer_group(Job *group, void (*end)(void *arg), void *end_arg)
{
    for (Job *j = group, *next; j; j = next) {
        next = j->next; /* j is the requester's: gone once it is told */
        j->done(j->arg);
    }
    if (end)
        end(end_arg);
}

/* the log could not be synced: what the group settled is committed, but not known to
 * survive a power cut, so its answers become 503 (a retry after the restart finds each claim
 * the disk kept: already settled) */
static void not_synced(Job *group, const char *err)
{
    for (Job *j = group; j; j = j->next)
        if (j->r->code < 300)
            reply_error(j->r, 503,
                        "ledger: %s (settled and committed, but not known to be on the disk: "
                        "restart the service, then send again, and a claim it kept answers "
                        "already settled)",
                        err);
}

/* The log of a group's commit synced (s: its session; NULL: nothing committed): 0, or -1 with
 * the reason in err. A failure sticks: Linux reports a write-back it lost to one fsync of the
 * file and marks the pages clean, so a later fdatasync succeeds with them not on the disk
 * (why PostgreSQL stops at a failed fsync), and no later answer could vouch for its claims,
 * a claim of the failed group sent again (already settled) among them. Until the service
 * restarts and reads the ledger from the disk (a reload's sessions share the open file),
 * every group answers 503. */
static int log_sync(Service *sv, PolSession *s, char *err, size_t errlen)
{
    if (!s)
        return 0;
    if (sv->sync_failed[0]) {
        snprintf(err, errlen,
                 "an earlier sync of the log failed, and what the disk holds is known again "
                 "only once the service restarts: %.300s",
                 sv->sync_failed);
        return -1;
    }
    if (rt_session_sync(s, err, errlen) == 0)
        return 0;
    pthread_mutex_lock(&sv->mu); /* service_health reads it */
    snprintf(sv->sync_failed, sizeof sv->sync_failed, "%s", err);
    pthread_mutex_unlock(&sv->mu);
    return -1;
}

/* The durability stage: the groups queued, answered once the log is synced, one sync for
 * all of them (each was committed before it was queued). The settling thread meanwhile
 * settles and commits the next group, so the disk's time (~0.3-0.5 ms) is the requests'
 * wait, not the settling thread's. Under bench/serve.sh's closed loop of 32 connections
 * that wait still shows (measured with the client of 2026-12-05 17:43, which took 15-18 us of
 * the two cores a request): 17,400-20,100 claims/s, against 22,400-23,800 answered after the
 * commit alone and 18,765 with the sync inside every COMMIT (synchronous=FULL), which also
 * holds the settling thread (bench/README.md). */
static void *sync_main(void *arg)
{
    Service *sv = arg;
    rt_thread_name("polc-sync", 0);
    pthread_mutex_lock(&sv->smu);
    for (;;) {
        while (!sv->shead && !sv->sstop)
            pthread_cond_wait(&sv->scv, &sv->smu);
        if (!sv->shead)
            break; /* stopped, and every group answered */
        Synced *list = sv->shead;
        sv->shead = sv->stail = NULL;
        sv->sbusy = 1;
        pthread_mutex_unlock(&sv->smu);
        PolSession *s = NULL; /* every group's is the same store's (a swap drains first) */
        for (Synced *g = list; g; g = g->next)
            if (g->s)
                s = g->s;
        char err[MSG_LEN];
        int rc = log_sync(sv, s, err, sizeof err);
        for (Synced *g = list, *next; g; g = next) {
            next = g->next;
            if (rc != 0 && g->s)
                not_synced(g->group, err);
            answer_group(g->group, g->end, g->end_arg);
            free(g);
        }
        pthread_mutex_lock(&sv->smu);
        sv->sbusy = 0;
        pthread_cond_broadcast(&sv->sidle);
    }
    pthread_mutex_unlock(&sv->smu);
    return NULL;
}

/* every group queued answered (before a swap frees the sessions they name) */
static void sync_drain(Service *sv)
{
    if (!sv->sync_on)
        return;
    pthread_mutex_lock(&sv->smu);
    while (sv->shead || sv->sbusy)
        pthread_cond_wait(&sv->sidle, &sv->smu);
    pthread_mutex_unlock(&sv->smu);
}

/* A group settled: answered through the durability stage when it runs (s: the session whose
 * ledger its commit wrote, or NULL), else here, its log synced first (rt_session_sync does
 * nothing for a ledger in memory or in PostgreSQL) */
static void group_done(Service *sv, Job *group, void (*end)(void *arg), void *end_arg,
                       PolSession *s)
{
    if (sv->sync_on) {
        Synced *g = malloc(sizeof *g);
        if (g) {
            *g = (Synced){group, end, end_arg, s, NULL};
            pthread_mutex_lock(&sv->smu);
            if (sv->stail)
                sv->stail->next = g;
            else
                sv->shead = g;
            sv->stail = g;
            pthread_cond_signal(&sv->scv);
            pthread_mutex_unlock(&sv->smu);
            return;
        }
        sync_drain(sv); /* out of memory: answered here, after the groups before it */
    }
    char err[MSG_LEN];
    if (log_sync(sv, s, err, sizeof err) != 0)
        not_synced(group, err);
    answer_group(group, end, end_arg);
}

static void *settle_main(void *arg)
{
    Service *sv = arg;
    rt_thread_name("polc-settle", 0);
    char err[MSG_LEN];
    pthread_mutex_lock(&sv->mu);
    for (;;) {
        int retry = 0;
        while (!sv->head && !sv->next_s && !sv->stop && !retry) {
            if (!sv->link.lost) {
                pthread_cond_wait(&sv->cv, &sv->mu);
                continue;
            }
            /* a lost connection tried again when due, requests or not: a load balancer that
             * stopped sending on the health's 503 sends again once it answers 200 */
            int64_t at = sv->retry_at_ms;
            struct timespec ts;
            clock_gettime(CLOCK_REALTIME, &ts);
            int64_t wait = at - rt_now_ms();
            if (wait <= 0) {
                retry = 1;
                break;
            }
            ts.tv_sec += wait / 1000;
            ts.tv_nsec += (wait % 1000) * 1000000;
            if (ts.tv_nsec >= 1000000000) {
                ts.tv_sec++;
                ts.tv_nsec -= 1000000000;
            }
            pthread_cond_timedwait(&sv->cv, &sv->mu, &ts);
        }
        if (retry && !sv->head && !sv->next_s && !sv->stop) {
            pthread_mutex_unlock(&sv->mu);
            link_check(sv, RT_LINK_RETRY);
            pthread_mutex_lock(&sv->mu);
            continue;
        }
        if (sv->next_s) {
            /* the swap: between two groups, so a request settles wholly on one engine, and
             * once the groups before it are answered (their sessions are freed here) */
            pthread_mutex_unlock(&sv->mu);
            sync_drain(sv);
            /* a failed sync the old store alone knows (its checkpointer's) kept */
            char serr[MSG_LEN];
            log_sync(sv, sv->w[0].s, serr, sizeof serr);
            pthread_mutex_lock(&sv->mu);
            sv->swap_rc = 0;
            for (int i = 0; i < sv->nw; i++) {
                polrt_session_free(sv->w[i].s);
                sv->w[i].s = sv->next_s[i];
                if (scratch(&sv->w[i], sv->next_e))
                    sv->swap_rc = -1;
            }
            free(sv->next_s);
            keys_free(&sv->keys);
            sv->keys = sv->next_keys;
            sv->next_keys = (Keys){0};
            sv->e = sv->next_e;
            sv->link = (RtLink){0}; /* the new sessions' store: its own connection */
            sv->next_s = NULL;
            sv->next_e = NULL;
            pthread_cond_broadcast(&sv->cv_done);
            continue;
        }
        if (!sv->head && sv->stop)
            break;
        Job *group = sv->head;
        sv->head = sv->tail = NULL;
        void (*end)(void *arg) = sv->group_end;
        void *end_arg = sv->group_arg;
        int sync_failed = sv->sync_failed[0] != 0;
        pthread_mutex_unlock(&sv->mu);

        /* After a failed sync (log_sync) nothing is settled: a commit would write to a
         * ledger whose disk no sync vouches for, and one that let SQLite start its log again
         * (the wrap's checkpoint, on a reload's new store too) would write over the only good
         * copy of pages a failed write-back lost. The group answers 503 as log_sync words it,
         * and its claims settle once the service restarts. */
        if (sync_failed) {
            log_sync(sv, sv->w[0].s, err, sizeof err); /* its words */
            for (Job *j = group; j; j = j->next)
                reply_error(j->r, 503,
                            "ledger: %s (nothing settled: restart the service, then "
                            "send again)",
                            err);
            group_done(sv, group, end, end_arg, NULL);
            pthread_mutex_lock(&sv->mu);
            continue;
        }
        int rc = settle_group(sv, group, err, sizeof err);
        if (rc != 0) {
            /* nothing of the group is durable (a failed commit rolled back; a claim that
             * failed mid-group rolls back here): every request of it answers 503, and a
             * retry settles its claims as this one would have. In memory (where only memory
             * running out fails) what was settled stays, and a retry finds it. The
             * connection lost at COMMIT (-2): the server may have committed, and then a
             * retry finds each claim already settled, counted once. */
            rt_session_rollback(sv->w[0].s);
            for (Job *j = group; j; j = j->next)
                reply_error(j->r, 503, "ledger: %s (%s)", err,
                            rc == -2 ? "the commit's outcome is not known: send again, and a "
                                       "claim it kept answers already settled"
                                     : "nothing settled: send again");
        }
        link_check(sv, RT_LINK_PROBE);
        group_done(sv, group, end, end_arg, rc == 0 ? sv->w[0].s : NULL);
        pthread_mutex_lock(&sv->mu);
    }
    pthread_mutex_unlock(&sv->mu);
    return NULL;
}

/* queue j: 0, or 1 when the service is stopping (answered 503 at once) */
static int submit(Service *sv, Job *j)
{
    pthread_mutex_lock(&sv->mu);
    if (sv->stop) {
        pthread_mutex_unlock(&sv->mu);
        reply_error(j->r, 503, "the service is stopping");
        return 1;
    }
    if (sv->tail)
        sv->tail->next = j;
    else
        sv->head = j;
    sv->tail = j;
    pthread_cond_signal(&sv->cv);
    pthread_mutex_unlock(&sv->mu);
    return 0;
}

/* the worker of a person id */
static int worker_of(const Service *sv, const char *id)
{
    return (int)(rt_hash_id(id, strlen(id)) % (uint64_t)sv->nw);
}

/* the worker a request's persons (person, persons[], and the person_id of claim and claims[])
 * hash to, or SPAN when they hash to several; a request that names no one (a 400 to come)
 * goes to worker 0 */
static int route_of(const Service *sv, const cJSON *req)
{
    static const char *const member[] = {"person", "persons", "claim", "claims"};
    int to = -2; /* no person yet */
    for (size_t m = 0; m < sizeof member / sizeof member[0]; m++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(req, member[m]);
        const cJSON *one = cJSON_IsArray(v) ? v->child : v;
        for (; one; one = cJSON_IsArray(v) ? one->next : NULL) {
            const cJSON *id = cJSON_GetObjectItemCaseSensitive(one, "person_id");
            if (!cJSON_IsString(id))
                continue;
            int k = worker_of(sv, id->valuestring);
            if (to != -2 && to != k)
                return SPAN;
            to = k;
        }
    }
    return to < 0 ? 0 : to;
}

/* ---- the API ------------------------------------------------------------------------------ */

/* sessions for nw workers on engine e: a new store (ledger) and nw - 1 forks of it */
static PolSession **sessions_new(PolEngine *e, const char *ledger, const char *ledger_key, int nw,
                                 char *err, size_t errlen)
{
    PolSession **ss = calloc((size_t)nw, sizeof *ss);
    if (!ss) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    ss[0] = polrt_session_open(e, ledger, ledger_key, err, errlen);
    if (ss[0]) /* (the workers' forks share its store) */
        rt_session_answer_within(ss[0], LEDGER_ANSWER_MS);
    /* a late claim settles in date order (in memory, where no claims are kept, it is refused) */
    if (ss[0]) {
        rt_session_late(ss[0], 1);
        rt_session_keep(ss[0], KEEP_PERSONS);
    }
    for (int i = 1; ss[0] && i < nw; i++) {
        if (!(ss[i] = rt_session_fork(ss[0], err, errlen))) {
            for (int k = 0; k < i; k++)
                polrt_session_free(ss[k]);
            free(ss);
            return NULL;
        }
    }
    if (!ss[0]) {
        free(ss);
        return NULL;
    }
    return ss;
}

/* the workers' threads stopped (those started), sessions and scratch freed */
static void workers_free(Service *sv, int started)
{
    pthread_mutex_lock(&sv->wmu);
    sv->stop_workers = 1;
    pthread_cond_broadcast(&sv->wcv);
    pthread_mutex_unlock(&sv->wmu);
    for (int i = 1; i < started; i++)
        pthread_join(sv->w[i].th, NULL);
    for (int i = 0; i < sv->nw; i++) {
        polrt_session_free(sv->w[i].s);
        free(sv->w[i].fields);
        free(sv->w[i].pfields);
        free(sv->w[i].hist);
    }
    free(sv->w);
    polrt_realloc(sv->ids, 0);
    polrt_realloc(sv->pids, 0);
    keys_free(&sv->keys);
    pthread_cond_destroy(&sv->wcv);
    pthread_cond_destroy(&sv->wdone);
    pthread_mutex_destroy(&sv->wmu);
}

/* the durability stage's thread stopped once every group queued is answered, its lock and
 * conditions destroyed */
static void sync_stop(Service *sv)
{
    if (sv->sync_on) {
        pthread_mutex_lock(&sv->smu);
        sv->sstop = 1;
        pthread_cond_signal(&sv->scv);
        pthread_mutex_unlock(&sv->smu);
        pthread_join(sv->sync_th, NULL);
        sv->sync_on = 0;
    }
    pthread_cond_destroy(&sv->scv);
    pthread_cond_destroy(&sv->sidle);
    pthread_mutex_destroy(&sv->smu);
}

Service *service_new(PolEngine *e, const char *ledger, const char *ledger_key, int workers,
                     char *err, size_t errlen)
{
    Service *sv = calloc(1, sizeof *sv);
    PolSession **ss = NULL;
    if (!sv || !(sv->w = calloc((size_t)workers, sizeof *sv->w))) {
        snprintf(err, errlen, "out of memory");
        free(sv);
        return NULL;
    }
    static pthread_once_t hooks_once = PTHREAD_ONCE_INIT;
    pthread_once(&hooks_once, hooks_init);
    sv->nw = workers;
    sv->e = e;
    pthread_mutex_init(&sv->wmu, NULL);
    pthread_cond_init(&sv->wcv, NULL);
    pthread_cond_init(&sv->wdone, NULL);
    sv->ledger_key = ledger_key;
    int started = 1, ok = keys_new(&sv->keys, rt_engine_schema(e)) == 0;
    if (!ok)
        snprintf(err, errlen, "out of memory");
    ok = ok && (ss = sessions_new(e, ledger, ledger_key, workers, err, errlen)) != NULL;
    for (int i = 0; ok && i < workers; i++) {
        sv->w[i].sv = sv;
        sv->w[i].s = ss[i];
        if (scratch(&sv->w[i], e) != 0) {
            snprintf(err, errlen, "out of memory");
            ok = 0;
        }
    }
    for (; ok && started < workers; started++)
        if (pthread_create(&sv->w[started].th, NULL, worker_main, &sv->w[started]) != 0) {
            snprintf(err, errlen, "cannot start a settling thread");
            ok = 0;
            break;
        }
    free(ss);
    pthread_mutex_init(&sv->mu, NULL);
    pthread_cond_init(&sv->cv, NULL);
    pthread_cond_init(&sv->cv_done, NULL);
    pthread_mutex_init(&sv->smu, NULL);
    pthread_cond_init(&sv->scv, NULL);
    pthread_cond_init(&sv->sidle, NULL);
    /* without its thread, each group's log is synced on the settling thread (group_done) */
    sv->sync_on = ok && rt_session_needs_sync(sv->w[0].s) &&
                  pthread_create(&sv->sync_th, NULL, sync_main, sv) == 0;
    if (ok && pthread_create(&sv->th, NULL, settle_main, sv) != 0) {
        snprintf(err, errlen, "cannot start the settling thread");
        ok = 0;
    }
    if (!ok) {
        sync_stop(sv);
        workers_free(sv, started);
        pthread_cond_destroy(&sv->cv);
        pthread_cond_destroy(&sv->cv_done);
        pthread_mutex_destroy(&sv->mu);
        free(sv);
        return NULL;
    }
    return sv;
}

void service_set_log(Service *sv, void (*log)(const char *line))
{
    pthread_mutex_lock(&sv->mu);
    sv->log = log;
    pthread_mutex_unlock(&sv->mu);
}

void service_set_group_end(Service *sv, void (*end)(void *arg), void *arg)
{
    pthread_mutex_lock(&sv->mu);
    sv->group_end = end;
    sv->group_arg = arg;
    pthread_mutex_unlock(&sv->mu);
}

int service_health(Service *sv, char *why, size_t len)
{
    RtLink now;
    pthread_mutex_lock(&sv->mu); /* the sessions are swapped under it */
    if (rt_session_link(sv->w[0].s, RT_LINK_PROBE, &now) == 0)
        link_seen(sv, &now);
    int lost = sv->link.lost || sv->sync_failed[0];
    if (sv->link.lost)
        snprintf(why, len, "PostgreSQL ledger: no connection to the server (%s)", sv->link.why);
    else if (lost) /* every group answers 503 until the restart (log_sync) */
        snprintf(why, len, "%.300s: restart the service", sv->sync_failed);
    pthread_mutex_unlock(&sv->mu);
    return lost;
}

void service_stop(Service *sv)
{
    if (!sv || sv->stopped)
        return;
    pthread_mutex_lock(&sv->mu);
    sv->stop = 1;
    pthread_cond_signal(&sv->cv);
    pthread_mutex_unlock(&sv->mu);
    pthread_join(sv->th, NULL);
    sync_stop(sv); /* after the settling thread: the groups it queued answered */
    sv->stopped = 1;
}

void service_free(Service *sv)
{
    if (!sv)
        return;
    service_stop(sv);
    workers_free(sv, sv->nw);
    pthread_cond_destroy(&sv->cv);
    pthread_cond_destroy(&sv->cv_done);
    pthread_mutex_destroy(&sv->mu);
    free(sv);
}

/* ---- the API's requests ------------------------------------------------------------------ */

/* answered at once (r holds the answer), nothing queued */
static int answered(ServiceReply *r, Job *j)
{
    job_free(j);
    r->job = NULL;
    return 1;
}

/* j queued for worker (a request of kind, answered in r, then done(arg)): 0, or 1 answered
 * at once (stopping) */
static int enqueue(Service *sv, Job *j, JobKind kind, int worker, ServiceReply *r,
                   void (*done)(void *arg), void *arg)
{
    j->kind = kind;
    j->worker = worker;
    j->r = r;
    j->done = done;
    j->arg = arg;
    r->job = j;
    if (submit(sv, j))
        return answered(j->r, j);
    return 0;
}

/* a settle or reverse request parsed, checked for size and queued */
static int request(Service *sv, JobKind kind, const char *body, size_t n, int flags,
                   long max_claims, ServiceReply *r, void (*done)(void *arg), void *arg)
{
    memset(r, 0, sizeof *r);
    Job *j = job_new(n);
    if (!j) {
        reply_error(r, 503, "out of memory");
        return 1;
    }
    long nul = nul_escape(body, n);
    if (nul >= 0) {
        reply_error(r, 400, "body: a string holds \\u0000 (near byte %ld): no field may", nul);
        return answered(r, j);
    }
    /* JSON is UTF-8 text (RFC 8259 §8.1): an id or a label in another encoding would be
     * stored and echoed as bytes no JSON reader takes, and a GBK key was an "unknown field"
     * (as polc run refuses such a row: not UTF-8 text) */
    if (!rt_utf8_valid(body, n)) {
        reply_error(r, 400, "body: not UTF-8 text (near byte %zu): send JSON as UTF-8",
                    not_utf8_at(body, n));
        return answered(r, j);
    }
    const char *end = NULL;
    cJSON *req = job_parse(j, body, n, &end);
    if (!req) {
        size_t at = end && end >= body ? (size_t)(end - body) : 0;
        if (depth_at(body, at) >= CJSON_NESTING_LIMIT)
            reply_error(r, 400, "body: nested deeper than %d levels (near byte %zu)",
                        CJSON_NESTING_LIMIT, at);
        else
            reply_error(r, 400, "body: not JSON (near byte %zu)", at);
        return answered(r, j);
    }
    /* a second object (or anything but blanks) after the first was ignored: a client that
     * sent two would see one answered and think both were */
    size_t at = (size_t)(end - body);
    while (at < n && (body[at] == ' ' || body[at] == '\t' || body[at] == '\n' || body[at] == '\r'))
        at++;
    if (at < n) {
        reply_error(r, 400, "body: text after the JSON object (at byte %zu): send one object", at);
        return answered(r, j);
    }
    if (!cJSON_IsObject(req)) {
        reply_error(r, 400, "body: expected an object");
        return answered(r, j);
    }
    const cJSON *claims = cJSON_GetObjectItemCaseSensitive(req, "claims");
    if (cJSON_IsArray(claims) && cJSON_GetArraySize(claims) > max_claims) {
        r->nclaims = cJSON_GetArraySize(claims);
        reply_error(r, 413, "claims: %d claims, more than the %ld a request may hold", r->nclaims,
                    max_claims);
        return answered(r, j);
    }
    j->req = req;
    j->flags = flags;
    j->nclaims = cJSON_IsArray(claims) ? cJSON_GetArraySize(claims) : 1;
    return enqueue(sv, j, kind, route_of(sv, req), r, done, arg);
}

int service_settle(Service *sv, const char *body, size_t n, int flags, long max_claims,
                   ServiceReply *r, void (*done)(void *arg), void *arg)
{
    return request(sv, JOB_SETTLE, body, n, flags, max_claims, r, done, arg);
}

int service_reverse(Service *sv, const char *body, size_t n, long max_claims, ServiceReply *r,
                    void (*done)(void *arg), void *arg)
{
    return request(sv, JOB_REVERSE, body, n, 0, max_claims, r, done, arg);
}

int service_claim(Service *sv, const char *claim_id, ServiceReply *r, void (*done)(void *arg),
                  void *arg)
{
    memset(r, 0, sizeof *r);
    /* no claim settles with such an id (request() refuses the body), and PostgreSQL refuses
     * the look-up (a 503) */
    if (!rt_utf8_valid(claim_id, strlen(claim_id))) {
        reply_error(r, 400, "claim id: not UTF-8 text (no claim has such an id)");
        return 1;
    }
    Job *j = job_new(0);
    if (!j) {
        reply_error(r, 503, "out of memory");
        return 1;
    }
    j->claim_id = claim_id;
    return enqueue(sv, j, JOB_GET, worker_of(sv, claim_id), r, done, arg);
}

void service_reply(ServiceReply *r)
{
    job_free(r->job);
    r->job = NULL;
}

/* can a store written by old be read by new? 0, or 1 with the reason in err */
static int ledgers_compatible(const RtSchema *old, const RtSchema *new, char *err, size_t errlen)
{
    for (int l = 0; l < old->nledgers; l++) {
        const RtLedger *a = &old->ledgers[l];
        const RtLedger *b = NULL;
        for (int k = 0; k < new->nledgers; k++)
            if (!strcmp(new->ledgers[k].name, a->name))
                b = &new->ledgers[k];
        if (!b)
            continue; /* dropped: its rows are never read again */
        if (strcmp(a->key, b->key) != 0) {
            snprintf(err, errlen,
                     "ledger %s: keyed by %s, by %s in the new policy: the stored rows would "
                     "be read under other keys",
                     a->name, a->key, b->key);
            return 1;
        }
        for (int i = 0; i < a->nfields; i++) {
            int j = rt_schema_field(b->fields, b->nfields, a->fields[i].name);
            if (j < 0)
                continue;
            const RtType *ta = &a->fields[i].type, *tb = &b->fields[j].type;
            int same = ta->kind == tb->kind && ta->optional == tb->optional &&
                       (ta->kind != RT_ENUM ||
                        !strcmp(old->enums[ta->enum_idx].name, new->enums[tb->enum_idx].name)) &&
                       (ta->kind != RT_DURATION || ta->unit == tb->unit);
            if (!same) {
                char wa[64], wb[64];
                snprintf(err, errlen,
                         "ledger %s: field %s was %s, is %s in the new policy: keep its type, or "
                         "give the field a new name (the stored values are then dropped)",
                         a->name, a->fields[i].name, rt_schema_type_text(old, ta, wa, sizeof wa),
                         rt_schema_type_text(new, tb, wb, sizeof wb));
                return 1;
            }
        }
    }
    return 0;
}

int service_swap(Service *sv, PolEngine *e, char *err, size_t errlen)
{
    /* sv->e and the sessions change only on the settling thread, at a swap, and swaps come
     * one at a time from one caller: reading them here is safe */
    if (rt_session_is_memory(sv->w[0].s)) {
        snprintf(err, errlen,
                 "the ledger is in memory: it cannot carry over to a new engine (serve with "
                 "--ledger FILE)");
        return 1;
    }
    if (ledgers_compatible(rt_engine_schema(sv->e), rt_engine_schema(e), err, errlen))
        return 1;
    Keys keys;
    if (keys_new(&keys, rt_engine_schema(e)) != 0) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    PolSession **ss =
        sessions_new(e, rt_session_ledger_path(sv->w[0].s), sv->ledger_key, sv->nw, err, errlen);
    if (!ss) {
        keys_free(&keys);
        return -1;
    }
    /* the settling thread takes them between two groups, and sizes the workers' scratch for
     * the new schema there */
    pthread_mutex_lock(&sv->mu);
    sv->next_e = e;
    sv->next_s = ss;
    sv->next_keys = keys;
    pthread_cond_signal(&sv->cv);
    while (sv->next_s)
        pthread_cond_wait(&sv->cv_done, &sv->mu);
    int rc = sv->swap_rc;
    pthread_mutex_unlock(&sv->mu);
    if (rc) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    return 0;
}

void service_counts(Service *sv, int64_t counts[SVC_NSTATUS])
{
    for (int s = 0; s < SVC_NSTATUS; s++)
        counts[s] = atomic_load(&sv->counts[s]);
}

char *service_policy_json(const PolEngine *e)
{
    const RtSchema *sc = rt_engine_schema(e);
    cJSON *schema = cJSON_Parse(polrt_engine_schema(e));
    cJSON *o = cJSON_CreateObject();
    /* what the policy is, then what a request may hold and an answer holds */
    static const char *const keep[] = {"policy", "source",     "file",     "sha256",     "compiler",
                                       "built",  "valid_from", "valid_to", "claim_date", "enums",
                                       "claim",  "person",     "history",  "outputs",    "ledgers"};
    for (size_t i = 0; schema && i < sizeof keep / sizeof keep[0]; i++) {
        cJSON *v = cJSON_GetObjectItemCaseSensitive(schema, keep[i]);
        if (v)
            cJSON_AddItemToObject(o, keep[i], cJSON_Duplicate(v, 1));
    }
    cJSON *params = schema ? cJSON_GetObjectItemCaseSensitive(schema, "params") : NULL;
    if (params) {
        params = cJSON_Duplicate(params, 1);
        for (int p = 0; p < sc->nparams && p < cJSON_GetArraySize(params); p++) {
            const RtParam *rp = &sc->params[p];
            cJSON *versions =
                cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(params, p), "versions");
            for (int v = 0; v < rp->nversions && v < cJSON_GetArraySize(versions); v++) {
                cJSON *vo = cJSON_GetArrayItem(versions, v);
                cJSON_DeleteItemFromObject(vo, "offset");
                cJSON_DeleteItemFromObject(vo, "width");
                if (rp->brackets)
                    continue; /* [n, lo, rate, ...]: the schema's own words suffice */
                cJSON *vals = cJSON_AddArrayToObject(vo, "values");
                const RtVersion *rv = &rp->versions[v];
                for (int k = 0; k < rv->width; k++)
                    cJSON_AddItemToArray(vals,
                                         value_json(sc, &rp->type, e->params[rv->offset + k]));
            }
        }
        cJSON_AddItemToObject(o, "params", params);
    }
    cJSON_Delete(schema);
    char *text = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    return text;
}
