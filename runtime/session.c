/* session.c — settling claims one by one: persons (fields and identity history) kept by
 * id and by handle, each claim's ledger keys computed by the policy, its ledgers read from
 * the person's rows in the store, the policy's settle run under setjmp (polrt_fail
 * long-jumps back), and the new ledger values and the claim record written back together.
 * One session per thread; sessions forked from one another share a locked ledger store and
 * nothing else. Messages are made only when something fails: a claim that settles costs no
 * formatting, no allocation and, by handle, no hashing. */
#include "rt_int.h"

#include <setjmp.h>
#include <stdarg.h>
#include <string.h>

/* room for a message: a claim id, a person id and a rule's location */
#define ERR_LEN 512
/* Times a claim is settled again when another process wrote the ledger file between reading
 * the person's rows and saving the claim (rt_ledger_save's 2). Each retry follows a commit
 * by that process, which holds the write lock for a batch at a time, so one or two retries
 * are the rule; a hundred means the file never stops changing. */
#define STALE_RETRIES 100

/* a person: id, fields and history rows, and their ledger rows once a claim needed them */
typedef struct Person {
    uint64_t hash;  /* of id (the session's table and the store's) */
    int64_t handle; /* index in PolSession.byh */
    int64_t nhist;
    int64_t *data;       /* nperson fields, then nhist rows; replaced when given again */
    RtLedgerPerson *led; /* the store's rows of the person, held; NULL before a claim */
    char id[];
} Person;

struct PolSession {
    PolEngine *e;
    const RtSchema *s; /* the engine's */
    RtStore *st;       /* shared with forked sessions */
    RtMap persons;     /* Person by id */
    Person **byh;      /* Person by handle; NULL: a free handle */
    size_t nbyh, cap_byh;
    int64_t *free_h; /* handles given back by forget, reused first (room: cap_byh) */
    size_t nfree;
    int64_t last;    /* the person of the last claim by id, or -1 */
    int date_idx;    /* the claim field that is PolCtx.asof, or -1 */
    int conflict;    /* the last claim was refused: its id settled with other data */
    int trace;       /* settle traced (results carry the trace); 0: the fast entry */
    int late_reject; /* a late claim is refused (rt_session_late_reject), not settled in order */
    RtResettle rs;   /* the last claim's or reversal's resettling: its adjustments */
    char err[ERR_LEN];
    /* one claim's scratch, sized by the schema; PolResult points here. out, keys, before and
     * after are contiguous (cleared at once), and so are rule_val and rule_state (zeroed)
     * and branch, pver and pidx (all -1) */
    int64_t *claim; /* the fields as given (the policy reads this copy) */
    int64_t *out, *keys, *before, *after;
    int64_t *rule_val, *rule_state, *branch, *pver;
    int64_t *pidx;    /* trace: the table entry each table param was read at */
    int64_t *scratch; /* the one allocation all of the above live in */
    RtTrace tr;       /* trace: the spans read and the rule-with-arguments calls */
};

__attribute__((format(printf, 2, 3))) static int fail(PolSession *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if ((size_t)vsnprintf(s->err, sizeof s->err, fmt, ap) >= sizeof s->err)
        rt_show_cut(s->err, sizeof s->err); /* never half a character */
    va_end(ap);
    return -1;
}

static int person_eq(const void *entry, const void *key)
{
    return strcmp(((const Person *)entry)->id, key) == 0;
}

static int person_same(const void *entry, const void *key)
{
    return entry == key;
}

static uint64_t hash_id(const char *id)
{
    return rt_hash_bytes(RT_HASH_SEED, id, strlen(id));
}

/* ---- life --------------------------------------------------------------------------- */

static PolSession *session_make(PolEngine *e, RtStore *st, const char *ledger_db,
                                const char *ledger_key, char *err, size_t errlen)
{
    PolSession *s = polrt_realloc(NULL, sizeof *s);
    if (!s) {
        if (err && errlen)
            snprintf(err, errlen, "out of memory");
        return NULL;
    }
    memset(s, 0, sizeof *s);
    s->e = e;
    s->s = rt_engine_schema(e);
    s->last = -1;
    const RtSchema *sc = s->s;
    size_t n = (size_t)sc->nclaim + (size_t)sc->noutputs + (size_t)sc->nledgers +
               2 * (size_t)sc->nledger_fields + 4 * (size_t)sc->nrules + 2 * (size_t)sc->nparams;
    /* at least one element, so every pointer below is valid even for an empty schema */
    if (!(s->scratch = polrt_realloc(NULL, (n + 1) * sizeof *s->scratch))) {
        if (err && errlen)
            snprintf(err, errlen, "out of memory");
        polrt_realloc(s, 0);
        return NULL;
    }
    s->claim = s->scratch;
    s->out = s->claim + sc->nclaim;
    s->keys = s->out + sc->noutputs;
    s->before = s->keys + sc->nledgers;
    s->after = s->before + sc->nledger_fields;
    s->rule_val = s->after + sc->nledger_fields;
    s->rule_state = s->rule_val + sc->nrules;
    s->branch = s->rule_state + sc->nrules;
    s->pver = s->branch + sc->nrules;
    s->pidx = s->pver + sc->nparams;
    s->date_idx = e->date_idx;
    s->trace = 1;
    if (rt_engine_can_check(e, err, errlen) != 0) {
        polrt_session_free(s);
        return NULL;
    }
    if (st)
        s->st = rt_ledger_retain(st);
    else {
        RtLedgerKey key;
        if (rt_ledger_key_read(ledger_key, ledger_db, &key, err, errlen) == 0)
            s->st = rt_ledger_open(sc, ledger_db, &key, 0, err, errlen);
        rt_ledger_key_wipe(&key);
    }
    if (!s->st) {
        polrt_session_free(s);
        return NULL;
    }
    return s;
}

POLRT_API PolSession *polrt_session_open(PolEngine *e, const char *ledger_db,
                                         const char *ledger_key, char *err, size_t errlen)
{
    if (!e) {
        if (err && errlen)
            snprintf(err, errlen, "no engine");
        return NULL;
    }
    return session_make(e, NULL, ledger_db, ledger_key, err, errlen);
}

POLRT_API PolSession *polrt_session_new(PolEngine *e, const char *ledger_db, char *err,
                                        size_t errlen)
{
    return polrt_session_open(e, ledger_db, NULL, err, errlen);
}

PolSession *rt_session_fork(PolSession *s, char *err, size_t errlen)
{
    if (!s) {
        if (err && errlen)
            snprintf(err, errlen, "no session");
        return NULL;
    }
    PolSession *f = session_make(s->e, s->st, NULL, NULL, err, errlen);
    if (f)
        f->trace = s->trace;
    return f;
}

/* the person leaves the session; forget: their ledger rows leave the memory store too */
static void person_drop(PolSession *s, Person *p, int forget)
{
    rt_map_remove(&s->persons, p->hash, person_same, p);
    s->byh[p->handle] = NULL;
    s->free_h[s->nfree++] = p->handle; /* room: cap_byh */
    if (s->last == p->handle)
        s->last = -1;
    if (p->led)
        rt_ledger_release(s->st, p->led, forget);
    else if (forget)
        rt_ledger_forget(s->st, p->id);
    polrt_realloc(p->data, 0);
    polrt_realloc(p, 0);
}

POLRT_API void polrt_session_free(PolSession *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->nbyh; i++) {
        Person *p = s->byh[i];
        if (p) {
            if (p->led)
                rt_ledger_release(s->st, p->led, 0);
            polrt_realloc(p->data, 0);
            polrt_realloc(p, 0);
        }
    }
    rt_map_free(&s->persons);
    polrt_realloc(s->byh, 0);
    polrt_realloc(s->free_h, 0);
    rt_ledger_close(s->st);
    rt_resettle_free(&s->rs);
    polrt_realloc(s->scratch, 0);
    rt_trace_free(&s->tr);
    polrt_realloc(s, 0);
}

POLRT_API const char *polrt_session_errmsg(const PolSession *s)
{
    return s ? s->err : "";
}

int rt_session_begin(PolSession *s, char *err, size_t errlen)
{
    return rt_ledger_begin(s->st, err, errlen);
}

int rt_session_commit(PolSession *s, char *err, size_t errlen)
{
    return rt_ledger_commit(s->st, err, errlen);
}

int rt_session_needs_sync(const PolSession *s)
{
    return rt_ledger_needs_sync(s->st);
}

int rt_session_sync(PolSession *s, char *err, size_t errlen)
{
    return rt_ledger_sync(s->st, err, errlen);
}

int rt_session_prefetches(const PolSession *s)
{
    return rt_ledger_prefetches(s->st);
}

int rt_session_prefetch(PolSession *s, const char *const *ids, size_t n, const char *const *pids,
                        size_t np, char *err, size_t errlen)
{
    return rt_ledger_prefetch(s->st, ids, n, pids, np, err, errlen);
}

void rt_session_rollback(PolSession *s)
{
    rt_ledger_rollback(s->st);
}

int rt_session_link(PolSession *s, int mode, RtLink *l)
{
    return rt_ledger_link(s->st, mode, l);
}

void rt_session_answer_within(PolSession *s, int ms)
{
    rt_ledger_answer_within(s->st, ms);
}

int rt_session_conflict(const PolSession *s)
{
    return s->conflict;
}

void rt_session_trace(PolSession *s, int on)
{
    s->trace = on != 0;
}

void rt_session_late(PolSession *s, int on)
{
    rt_ledger_late_check(s->st, on);
}

void rt_session_keep(PolSession *s, size_t persons)
{
    rt_ledger_keep(s->st, persons);
}

void rt_session_late_reject(PolSession *s, int on)
{
    s->late_reject = on != 0;
}

const RtAdjust *rt_session_adjustments(const PolSession *s, size_t *n)
{
    *n = s->rs.nadj;
    return s->rs.adj;
}

void rt_session_keep_claims(PolSession *s, int keep)
{
    rt_ledger_keep_claims(s->st, keep);
}

void rt_session_forget(PolSession *s, const char *person_id)
{
    Person *p = rt_map_find(&s->persons, hash_id(person_id), person_eq, person_id);
    if (p)
        person_drop(s, p, 1);
    else
        rt_ledger_forget(s->st, person_id);
}

void rt_session_forget_h(PolSession *s, int64_t person)
{
    if (person >= 0 && (size_t)person < s->nbyh && s->byh[person])
        person_drop(s, s->byh[person], 1);
}

/* ---- input checks -------------------------------------------------------------------- */

/* Values the policy indexes by (enum members) or branches on (bools) must be in range, and
 * a required field must be present: compiled code trusts both. The first field of v[0..n)
 * that breaks one, or -1. */
static int bad_field(const RtSchema *sc, const RtField *f, int n, const int64_t *v)
{
    for (int i = 0; i < n; i++) {
        if (v[i] == POLRT_NONE) {
            if (!f[i].type.optional)
                return i;
            continue;
        }
        switch (f[i].type.kind) {
        case RT_BOOL:
            if (v[i] != 0 && v[i] != 1)
                return i;
            break;
        case RT_ENUM:
            if (v[i] < 0 || v[i] >= sc->enums[f[i].type.enum_idx].n)
                return i;
            break;
        case RT_MONEY:
        case RT_RATE:
        case RT_INT:
        case RT_DATE:
        case RT_DURATION: break;
        }
    }
    return -1;
}

/* the message for bad_field's field f holding v: "WHAT: field total is required" */
static int field_fail(PolSession *s, const char *what, const RtField *f, int64_t v)
{
    if (v == POLRT_NONE)
        return fail(s, "%s: field %s is required", what, f->name);
    if (f->type.kind == RT_BOOL)
        return fail(s, "%s: field %s: %lld is not a bool (0 or 1)", what, f->name, (long long)v);
    return fail(s, "%s: field %s: %lld is not a member of %s", what, f->name, (long long)v,
                s->s->enums[f->type.enum_idx].name);
}

static int check_id(PolSession *s, const char *kind, const char *id)
{
    if (!id || !*id)
        return fail(s, "empty %s id", kind);
    return 0;
}

/* ---- persons --------------------------------------------------------------------------- */

/* a free handle for a new person: room in byh and free_h first (so forget never fails) */
static int64_t new_handle(PolSession *s)
{
    if (s->nfree)
        return s->free_h[--s->nfree];
    if (s->nbyh == s->cap_byh) {
        size_t cap = s->cap_byh;
        if (rt_grow(&s->byh, &cap, s->nbyh + 1, sizeof *s->byh))
            return -1;
        size_t cap_free = s->cap_byh;
        if (rt_grow(&s->free_h, &cap_free, cap, sizeof *s->free_h))
            return -1; /* byh grew; cap_byh stays, so the next call grows free_h again */
        s->cap_byh = cap;
    }
    s->byh[s->nbyh] = NULL;
    return (int64_t)s->nbyh++;
}

/* Register a person, or replace the fields and history of one given before. */
int64_t rt_session_person_add(PolSession *s, const char *person_id, const int64_t *fields,
                              const int64_t *hist, int64_t nhist)
{
    const RtSchema *sc = s->s;
    char what[RT_SHOW_ID + 64];
    s->err[0] = '\0';
    if (check_id(s, "person", person_id))
        return -1;
    if (nhist < 0 ||
        (sc->nhist > 0 && (uint64_t)nhist > SIZE_MAX / sizeof(int64_t) / (uint64_t)sc->nhist))
        return fail(s, "person %s: %lld history rows", RT_SHOW(person_id), (long long)nhist);
    if (sc->nhist == 0 && nhist > 0)
        return fail(s, "person %s: %lld history rows, but the policy declares no history",
                    RT_SHOW(person_id), (long long)nhist);
    if ((sc->nperson > 0 && !fields) || (nhist > 0 && !hist))
        return fail(s, "person %s: fields missing", RT_SHOW(person_id));
    int bad = bad_field(sc, sc->person, sc->nperson, fields);
    if (bad >= 0) {
        snprintf(what, sizeof what, "person %s", RT_SHOW(person_id));
        return field_fail(s, what, &sc->person[bad], fields[bad]);
    }
    for (int64_t r = 0; r < nhist; r++) {
        const int64_t *row = hist + r * sc->nhist;
        if ((bad = bad_field(sc, sc->hist, sc->nhist, row)) >= 0) {
            snprintf(what, sizeof what, "person %s, history row %lld", RT_SHOW(person_id),
                     (long long)r + 1);
            return field_fail(s, what, &sc->hist[bad], row[bad]);
        }
        char why[ERR_LEN - RT_SHOW_ID - 16]; /* two fields' names and labels (decode.c) */
        if (rt_span_check(sc, row, NULL, why, sizeof why) < 0)
            return fail(s, "person %s, history row %lld: %s", RT_SHOW(person_id), (long long)r + 1,
                        why);
    }
    size_t nf = (size_t)sc->nperson, nh = (size_t)nhist * (size_t)sc->nhist;
    int64_t *data = polrt_realloc(NULL, (nf + nh + 1) * sizeof *data);
    if (!data)
        return fail(s, "out of memory");
    if (nf)
        memcpy(data, fields, nf * sizeof *data);
    if (nh)
        memcpy(data + nf, hist, nh * sizeof *data);
    uint64_t h = hash_id(person_id);
    Person *p = rt_map_find(&s->persons, h, person_eq, person_id);
    if (!p) {
        size_t len = strlen(person_id) + 1;
        int64_t handle = -1;
        if (!(p = polrt_realloc(NULL, sizeof *p + len)) || (handle = new_handle(s)) < 0 ||
            rt_map_put(&s->persons, h, p)) {
            if (handle >= 0)
                s->free_h[s->nfree++] = handle;
            polrt_realloc(p, 0);
            polrt_realloc(data, 0);
            return fail(s, "out of memory");
        }
        memcpy(p->id, person_id, len);
        p->hash = h;
        p->handle = handle;
        p->data = NULL;
        p->led = NULL;
        s->byh[handle] = p;
    }
    polrt_realloc(p->data, 0);
    p->data = data;
    p->nhist = nhist;
    return p->handle;
}

POLRT_API int polrt_session_person(PolSession *s, const char *person_id, const int64_t *fields,
                                   const int64_t *hist, int64_t nhist)
{
    return rt_session_person_add(s, person_id, fields, hist, nhist) < 0 ? -1 : 0;
}

int64_t rt_session_person_handle(const PolSession *s, const char *person_id)
{
    const Person *p =
        person_id ? rt_map_find(&s->persons, hash_id(person_id), person_eq, person_id) : NULL;
    return p ? p->handle : -1;
}

/* ---- claims ---------------------------------------------------------------------------- */

/* One claim through the policy, as sessions and simulations settle it (rt_int.h): the
 * policy's keys, the ledger rows they name, and settle, under one landing place for
 * polrt_fail (one setjmp a claim, not one a call). Nothing local changes after setjmp (only
 * *ctx and the caller's arrays do), so no local needs to be volatile. One function, not a
 * second frame for the setjmp: ~40 instructions a claim less (callgrind, Panji). */
int rt_settle_ctx(PolEngine *e, PolCtx *ctx, int64_t *keys, int64_t *before, int64_t *after,
                  RtLedgerLoadFn load, void *arg, int trace)
{
    ctx->ledger_in = before;
    ctx->ledger_out = after;
    if (rt_settle_open(e, ctx, trace))
        return 2;
    jmp_buf jb;
    ctx->jmp = &jb;
    if (setjmp(jb) == 0) {
        int rc = rt_settle_steps(e, ctx, keys, before, after, load, arg, trace);
        if (rc <= 0)
            return rc;
    }
    /* the policy failed: nothing is stored, the ledger stays as it was */
    memcpy(after, before, (size_t)e->schema.nledger_fields * sizeof *after);
    return 1;
}

/* rt_settle_ctx's ledgers for a session: the person's rows in the store */
typedef struct RowsLoad {
    PolSession *s;
    RtLedgerPerson *lp;
    const int64_t *stored; /* explain_stored: a stored claim's ledgers before it, read instead */
    int newer; /* a row was written by a newer policy (rt_ledger_load's 1): the claim refused */
} RowsLoad;

static int rows_load(void *arg, const int64_t *keys, int64_t *before)
{
    RowsLoad *l = arg;
    if (l->stored) {
        memcpy(before, l->stored, (size_t)l->s->s->nledger_fields * sizeof *before);
        return 0;
    }
    int rc = rt_ledger_load(l->s->st, l->lp, keys, before, l->s->err, sizeof l->s->err);
    l->newer = rc > 0;
    return rc;
}

/* traced, the trace of a claim whose rules did not run (already settled, or rejected), and
 * the memo empty for the next run: rule_val and rule_state 0, branch, pver and pidx -1 (all
 * bits set: one memset for the three) */
static void reset_trace(PolSession *s)
{
    const RtSchema *sc = s->s;
    if (!s->trace) /* untraced: the memo is rt_settle_ctx's to clear */
        return;
    rt_trace_reset(&s->tr);
    memset(s->rule_val, 0, 2 * (size_t)sc->nrules * sizeof *s->rule_val);
    memset(s->branch, 0xff, ((size_t)sc->nrules + 2 * (size_t)sc->nparams) * sizeof *s->branch);
}

/* nothing settled yet: outputs, keys and ledgers 0, and no trace */
static void reset_result(PolSession *s)
{
    const RtSchema *sc = s->s;
    memset(s->out, 0,
           ((size_t)sc->noutputs + (size_t)sc->nledgers + 2 * (size_t)sc->nledger_fields) *
               sizeof *s->out);
    reset_trace(s);
}

/* A claim (to settle, or reverse) meets a ledger row of a later policy's with fields this
 * one lacks (the reason in s->err): refused as a conflict is (409 in polc serve), nothing of
 * it changed, so the other claims of a group settle. -1 */
static int newer_conflict(PolSession *s, const char *claim_id)
{
    char why[ERR_LEN - RT_SHOW_ID - 16];
    rt_show_n(why, sizeof why, s->err, strlen(s->err)); /* a copy: fail writes s->err */
    s->conflict = 1;
    return fail(s, "claim %s: %s", RT_SHOW(claim_id), why);
}

/* a claim begins: res points at the session's arrays, which are cleared */
static void claim_start(PolSession *s, PolResult *res)
{
    res->status = -1;
    res->err_code = 0;
    res->err_loc = 0;
    res->out = s->out;
    res->ledger_before = s->before;
    res->ledger_after = s->after;
    res->keys = s->keys;
    res->rule_val = s->trace ? s->rule_val : NULL;
    res->branch = s->trace ? s->branch : NULL;
    res->pver = s->trace ? s->pver : NULL;
    res->pidx = s->trace ? s->pidx : NULL;
    res->trace = s->trace ? &s->tr : NULL;
    res->person = res->hist = NULL; /* the person's, once known (claim_of) */
    res->nhist = 0;
    res->resettled = 0; /* a claim settled again by a late one is said so only in a run */
    s->err[0] = '\0';
    s->conflict = 0;
    rt_resettle_free(&s->rs);
    reset_result(s);
}

/* Was the claim settled before (the store keeps claims)? 0 no (nothing changed); else what
 * polrt_session_claim returns: 0 with status 1 and the stored record in res (no rule ran),
 * -1 a conflict, -2 an error. */
static int settled_before(PolSession *s, RtClaimRec *rec, PolResult *res)
{
    int found = rt_ledger_find(s->st, rec, s->err, sizeof s->err);
    if (found == 0)
        return 0;
    if (found < 0)
        return -2;
    if (found == 2) {
        /* refused: nothing settled, as for any refusal */
        reset_result(s);
        s->conflict = 1;
        return -1;
    }
    reset_trace(s);
    res->status = 1;
    return 0;
}

/* The policy did not settle the claim (settled: rt_settle_ctx's 1, or 2 outside the
 * policy's validity): its result, unless the claim was settled before, which answers. */
static int claim_failed(PolSession *s, RtClaimRec *rec, const PolCtx *ctx, int settled,
                        PolResult *res)
{
    char why[ERR_LEN - RT_SHOW_ID - 16];
    if (rt_ledger_keeps_claims(s->st)) {
        int rc = settled_before(s, rec, res);
        if (rc != 0 || res->status == 1)
            return rc;
    }
    res->status = -1;
    res->err_code = ctx->err_code;
    res->err_loc = ctx->err_loc;
    fail(s, "claim %s: %s", RT_SHOW(rec->claim_id),
         rt_failure_text(s->s, ctx->err_code, ctx->err_loc, settled == 2 ? ctx->asof : POLRT_NONE,
                         why, sizeof why));
    return 0;
}

/* The end of a claim that arrived late (s->rs holds the later claims it undid): they settle
 * again in date order, each change an adjustment in the ledger's audit trail and in s->rs
 * (rt_session_adjustments, until the next claim). rc passed through, or -2 when that fails. */
static int late_done(PolSession *s, Person *p, const char *claim_id, int rc)
{
    if (!s->rs.list)
        return rc;
    /* the replay uses its own scratch: the late claim's result stays in the session's */
    if (rt_resettle_cause(&s->rs, RT_CAUSE_LATE, claim_id, s->err, sizeof s->err) ||
        rt_resettle_replay(s->e, s->st, p->led, p->id, p->data, p->data + s->s->nperson, p->nhist,
                           &s->rs, NULL, s->err, sizeof s->err))
        rc = -2;
    return rc;
}

/* the policy's context for the session's claim of person p */
static PolCtx claim_ctx(PolSession *s, const Person *p)
{
    return (PolCtx){
        .claim = s->claim,
        .person = p->data,
        .hist = p->data + s->s->nperson,
        .nhist = p->nhist,
        .out = s->out,
        .params = s->e->params,
        .rule_val = s->rule_val,
        .rule_state = s->rule_state,
        .branch = s->branch,
        .pver = s->pver,
        .pidx = s->pidx,
        .trace = s->trace ? &s->tr : NULL,
        .asof = s->date_idx >= 0 ? s->claim[s->date_idx] : POLRT_NONE,
        .user = s->e->user,
    };
}

/* A claim the ledger had settled, explained (a traced session: the service's ?explain=1):
 * the stored record (the session's outputs, keys and ledgers, as settled_before left them)
 * answers; the policy runs again, traced, from the ledgers as they stood before the claim
 * (the record's, not the store's rows), so that the explanation shows the rules behind the
 * stored result, as polc explain does (pipeline.c explain_stored). Kept only when it gives
 * the stored keys, outputs and ledgers exactly; else no rule is shown. Nothing is written.
 * 0, or -1 out of memory. */
static int explain_stored(PolSession *s, Person *p)
{
    RtStored k;
    if (rt_stored_keep(&k, s->s, s->out, s->keys, s->before, s->after) < 0)
        return -1;
    reset_trace(s);
    PolCtx ctx = claim_ctx(s, p);
    RowsLoad load = {s, p->led, k.before, 0};
    int settled =
        rt_settle_ctx(s->e, &ctx, s->keys, s->before, s->after, rows_load, &load, s->trace);
    if (!rt_stored_end(&k, settled, s->out, s->keys, s->before, s->after))
        reset_trace(s); /* no rule ran for this answer */
    return 0;
}

/* A claim's fields, checked, into the session's claim; then the policy's input checks: a
 * claim that fails one is refused as a bad row is. 0, or -1 refused (the message in s). */
static int claim_checks(PolSession *s, const char *claim_id, const int64_t *fields, PolResult *res)
{
    const RtSchema *sc = s->s;
    if (sc->nclaim > 0 && !fields)
        return fail(s, "claim %s: fields missing", RT_SHOW(claim_id));
    int bad = bad_field(sc, sc->claim, sc->nclaim, fields);
    if (bad >= 0) {
        char what[RT_SHOW_ID + 16];
        snprintf(what, sizeof what, "claim %s", RT_SHOW(claim_id));
        return field_fail(s, what, &sc->claim[bad], fields[bad]);
    }
    if (sc->nclaim)
        memcpy(s->claim, fields, (size_t)sc->nclaim * sizeof *s->claim);
    if (rt_engine_check(s->e, s->claim, s->pver, &res->err_code, &res->err_loc)) {
        char why[ERR_LEN - RT_SHOW_ID - 16];
        reset_trace(s);
        return fail(s, "claim %s: %s", RT_SHOW(claim_id),
                    rt_err_describe(sc, res->err_code, res->err_loc, why, sizeof why));
    }
    return 0;
}

/* what late_claim found for a late claim */
enum { LATE_AGAIN, LATE_STORED, LATE_DONE };

/* A claim found late (rt_session_late: dated before the person-year's settled claims): a
 * stored id answers (LATE_STORED); else it is refused (rt_session_late_reject, or a ledger
 * in memory: no claims kept to settle again), or the person's later claims of its rows are
 * undone and it settles again (LATE_AGAIN). LATE_DONE: the claim's return is *rc. */
static int late_claim(PolSession *s, Person *p, const char *claim_id, RtClaimRec *rec, int *rc)
{
    const RtSchema *sc = s->s;
    int found = rt_ledger_find(s->st, rec, s->err, sizeof s->err);
    if (found != 0) {
        *rc = -2;
        return found < 0 ? LATE_DONE : LATE_STORED;
    }
    int64_t date = s->date_idx >= 0 ? s->claim[s->date_idx] : POLRT_NONE;
    if (s->late_reject || rt_ledger_is_memory(s->st)) {
        char why[ERR_LEN - RT_SHOW_ID - 16];
        rt_resettle_late_text(s->st, sc, p->led, s->keys, date, s->before, why, sizeof why);
        reset_result(s);
        *rc = fail(s, "claim %s: %s", RT_SHOW(claim_id), why);
        return LATE_DONE;
    }
    int undone = rt_resettle_undo(s->st, sc, p->led, p->id, s->keys, date, NULL, &s->rs, s->err,
                                  sizeof s->err);
    reset_result(s);
    if (undone) {
        rt_resettle_free(&s->rs);
        *rc = undone == RT_UNDO_NEWER ? newer_conflict(s, claim_id) : -2;
        return LATE_DONE;
    }
    return LATE_AGAIN;
}

/* A claim settled before, or by another session meanwhile: the stored record answers (and,
 * traced, is explained). The claim's return. */
static int stored_answer(PolSession *s, Person *p, const char *claim_id, RtClaimRec *rec,
                         PolResult *res)
{
    int rc = settled_before(s, rec, res);
    if (rc == 0 && res->status != 1) {
        fail(s, "claim %s: settled meanwhile, but not found", RT_SHOW(claim_id));
        rc = -2;
    }
    if (rc == 0 && s->trace && explain_stored(s, p) < 0) {
        fail(s, "claim %s: out of memory", RT_SHOW(claim_id));
        rc = -2;
    }
    return rc;
}

/* One claim of person p (res started by claim_start): the checks, then settle and save. A
 * claim id the store holds already is found when saving it (the insert that records it
 * tells), so a new claim costs no lookup: the policy runs, and its result is dropped for the
 * stored one if the id was there. */
static int claim_of(PolSession *s, const char *claim_id, Person *p, const int64_t *fields,
                    PolResult *res)
{
    res->person = p->data;
    res->hist = p->data + s->s->nperson;
    res->nhist = p->nhist;
    int rc = claim_checks(s, claim_id, fields, res);
    if (rc)
        return rc;
    if (!p->led && !(p->led = rt_ledger_hold(s->st, p->id, p->hash, s->err, sizeof s->err)))
        return -2;

    RtClaimRec rec = {claim_id, p->id, s->claim, s->out, s->keys, s->before, s->after};
    RowsLoad load = {s, p->led, NULL, 0};
    for (int tries = 0;; tries++) {
        PolCtx ctx = claim_ctx(s, p);
        int settled =
            rt_settle_ctx(s->e, &ctx, s->keys, s->before, s->after, rows_load, &load, s->trace);
        if (settled < 0 && load.newer) {
            reset_result(s);
            return late_done(s, p, claim_id, newer_conflict(s, claim_id));
        }
        if (settled < 0)
            return late_done(s, p, claim_id, -2);
        if (settled > 0)
            return late_done(s, p, claim_id, claim_failed(s, &rec, &ctx, settled, res));
        int saved = rt_ledger_save(s->st, p->led, &rec, s->err, sizeof s->err);
        if (saved == 0) {
            res->status = 0;
            return late_done(s, p, claim_id, 0);
        }
        if (saved < 0)
            return late_done(s, p, claim_id, -2);
        if (saved == 3 && !s->rs.list) {
            int late = late_claim(s, p, claim_id, &rec, &rc);
            if (late == LATE_DONE)
                return rc;
            if (late == LATE_AGAIN)
                continue;
            saved = 1;
        } else if (saved == 3) {
            fail(s, "claim %s: still late once the later claims were undone", RT_SHOW(claim_id));
            return late_done(s, p, claim_id, -2);
        }
        if (saved == 1)
            return late_done(s, p, claim_id, stored_answer(s, p, claim_id, &rec, res));
        /* another process wrote the ledger since the rows were read: settle again */
        if (tries == STALE_RETRIES) {
            fail(s,
                 "claim %s: the ledger changed under every attempt to settle it (another "
                 "process keeps writing it)",
                 RT_SHOW(claim_id));
            return -2;
        }
        reset_result(s);
    }
}

POLRT_API int polrt_session_claim(PolSession *s, const char *claim_id, const char *person_id,
                                  const int64_t *fields, PolResult *res)
{
    claim_start(s, res);
    if (check_id(s, "claim", claim_id) || check_id(s, "person", person_id))
        return -1;
    /* a batch gives a person's claims one after another: the last person first */
    Person *p = s->last >= 0 ? s->byh[s->last] : NULL;
    if (!p || strcmp(p->id, person_id) != 0) {
        if (!(p = rt_map_find(&s->persons, hash_id(person_id), person_eq, person_id)))
            return fail(s, "claim %s: unknown person %s", RT_SHOW(claim_id), RT_SHOW(person_id));
        s->last = p->handle;
    }
    return claim_of(s, claim_id, p, fields, res);
}

int rt_session_claim_h(PolSession *s, const char *claim_id, int64_t person, const int64_t *fields,
                       PolResult *res)
{
    claim_start(s, res);
    if (check_id(s, "claim", claim_id))
        return -1;
    if (person < 0 || (size_t)person >= s->nbyh || !s->byh[person])
        return fail(s, "claim %s: unknown person handle %lld", RT_SHOW(claim_id),
                    (long long)person);
    return claim_of(s, claim_id, s->byh[person], fields, res);
}

int rt_session_get(PolSession *s, const char *claim_id, int64_t *fields, char *person, size_t plen,
                   char *reversed_at, size_t atlen, PolResult *res)
{
    claim_start(s, res);
    RtClaimRec rec = {claim_id, NULL, NULL, s->out, s->keys, s->before, s->after};
    int rc = rt_ledger_get(s->st, &rec, fields, person, plen, s->err, sizeof s->err);
    if (rc == 0) {
        rc = rt_ledger_get_reversed(s->st, &rec, fields, person, plen, reversed_at, atlen, s->err,
                                    sizeof s->err);
        rc = rc == 1 ? 2 : rc;
    }
    reset_trace(s);
    if (rc == 1)
        res->status = 1;
    return rc;
}

int rt_session_is_memory(const PolSession *s)
{
    return rt_ledger_is_memory(s->st);
}

const char *rt_session_ledger_path(const PolSession *s)
{
    return rt_ledger_path(s->st);
}

int rt_session_reverse(PolSession *s, const char *claim_id, const char *person_id)
{
    s->err[0] = '\0';
    s->conflict = 0;
    rt_resettle_free(&s->rs);
    if (check_id(s, "claim", claim_id) || check_id(s, "person", person_id))
        return -1;
    Person *p = rt_map_find(&s->persons, hash_id(person_id), person_eq, person_id);
    if (!p)
        return fail(s, "claim %s: unknown person %s", RT_SHOW(claim_id), RT_SHOW(person_id));
    if (!p->led && !(p->led = rt_ledger_hold(s->st, p->id, p->hash, s->err, sizeof s->err)))
        return -2;
    int rc = rt_resettle_reverse_claim(s->e, s->st, p->led, p->id, p->data, p->data + s->s->nperson,
                                       p->nhist, claim_id, &s->rs, NULL, s->err, sizeof s->err);
    if (rc == 1) {
        rt_resettle_free(&s->rs);
        fail(s, "claim %s: %s", RT_SHOW(claim_id), RT_NOT_SETTLED);
        return 1;
    }
    if (rc == RT_UNDO_NEWER)
        return newer_conflict(s, claim_id);
    return rc < 0 ? -2 : 0;
}

int rt_session_opening(PolSession *s, const char *person_id, int ledger, int64_t key, char *buf,
                       size_t len)
{
    return rt_ledger_opening(s->st, person_id, ledger, key, buf, len);
}
