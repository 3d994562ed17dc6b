/* session.c — settling claims one by one: persons (fields and identity history) kept by
 * id, each claim's ledger keys computed by the policy, its ledgers read from the store,
 * the policy's settle run under setjmp (polrt_fail long-jumps back), and the new ledger
 * values and the claim record written back together. One session per thread; sessions
 * forked from one another share a locked ledger store and nothing else. */
#include "rt_int.h"

#include <setjmp.h>
#include <stdarg.h>
#include <string.h>

/* room for a message: a claim id, a person id and a rule's location */
#define ERR_LEN 512
/* longest id kept in a message, so the reason is never cut off */
#define ID_SHOW 64

/* a person: id, fields and history rows (data: nperson fields, then nhist rows) */
typedef struct Person {
    const char *id; /* after the struct, same allocation */
    int64_t nhist;
    int64_t *data; /* replaced when the person is given again */
} Person;

struct PolSession {
    PolEngine *e;
    const RtSchema *s; /* the engine's */
    RtStore *st;       /* shared with forked sessions */
    RtMap persons;     /* Person by id */
    int date_idx;      /* the claim field that is PolCtx.asof, or -1 */
    int conflict;      /* the last claim was refused: its id settled with other data */
    int trace;         /* settle traced (results carry the trace); 0: the fast entry */
    char err[ERR_LEN];
    /* one claim's scratch, sized by the schema; PolResult points here */
    int64_t *claim; /* the fields as given (the policy reads this copy) */
    int64_t *out, *keys, *before, *after;
    int64_t *rule_val, *rule_state, *branch, *pver;
    int64_t *pidx;    /* trace: the table entry each table param was read at */
    int64_t *scratch; /* the one allocation all of the above live in */
};

__attribute__((format(printf, 2, 3))) static int fail(PolSession *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->err, sizeof s->err, fmt, ap);
    va_end(ap);
    return -1;
}

static int person_eq(const void *entry, const void *key)
{
    return strcmp(((const Person *)entry)->id, key) == 0;
}

static uint64_t hash_id(const char *id)
{
    return rt_hash_bytes(RT_HASH_SEED, id, strlen(id));
}

/* ---- life --------------------------------------------------------------------------- */

static PolSession *session_make(PolEngine *e, RtStore *st, const char *ledger_db, char *err,
                                size_t errlen)
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
    s->date_idx = sc->claim_date ? rt_schema_field(sc->claim, sc->nclaim, sc->claim_date) : -1;
    s->trace = 1;
    if (rt_engine_can_check(e, err, errlen) != 0) {
        polrt_session_free(s);
        return NULL;
    }
    s->st = st ? rt_ledger_retain(st) : rt_ledger_open(sc, ledger_db, err, errlen);
    if (!s->st) {
        polrt_session_free(s);
        return NULL;
    }
    return s;
}

POLRT_API PolSession *polrt_session_new(PolEngine *e, const char *ledger_db, char *err,
                                        size_t errlen)
{
    if (!e) {
        if (err && errlen)
            snprintf(err, errlen, "no engine");
        return NULL;
    }
    return session_make(e, NULL, ledger_db, err, errlen);
}

PolSession *rt_session_fork(PolSession *s, char *err, size_t errlen)
{
    if (!s) {
        if (err && errlen)
            snprintf(err, errlen, "no session");
        return NULL;
    }
    PolSession *f = session_make(s->e, s->st, NULL, err, errlen);
    if (f)
        f->trace = s->trace;
    return f;
}

POLRT_API void polrt_session_free(PolSession *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->persons.cap; i++) {
        Person *p = s->persons.slots[i];
        if (p) {
            polrt_realloc(p->data, 0);
            polrt_realloc(p, 0);
        }
    }
    rt_map_free(&s->persons);
    rt_ledger_close(s->st);
    polrt_realloc(s->scratch, 0);
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

int rt_session_conflict(const PolSession *s)
{
    return s->conflict;
}

void rt_session_trace(PolSession *s, int on)
{
    s->trace = on != 0;
}

void rt_session_keep_claims(PolSession *s, int keep)
{
    rt_ledger_keep_claims(s->st, keep);
}

void rt_session_forget(PolSession *s, const char *person_id)
{
    Person *p = rt_map_remove(&s->persons, hash_id(person_id), person_eq, person_id);
    if (p) {
        polrt_realloc(p->data, 0);
        polrt_realloc(p, 0);
    }
    rt_ledger_forget(s->st, person_id);
}

/* ---- input checks -------------------------------------------------------------------- */

/* Values the policy indexes by (enum members) or branches on (bools) must be in range, and
 * a required field must be present: compiled code trusts both. what: "claim C1". */
static int check_fields(PolSession *s, const char *what, const RtField *f, int n, const int64_t *v)
{
    const RtSchema *sc = s->s;
    for (int i = 0; i < n; i++) {
        if (v[i] == POLRT_NONE) {
            if (!f[i].type.optional)
                return fail(s, "%s: field %s is required", what, f[i].name);
            continue;
        }
        switch (f[i].type.kind) {
        case RT_BOOL:
            if (v[i] != 0 && v[i] != 1)
                return fail(s, "%s: field %s: %lld is not a bool (0 or 1)", what, f[i].name,
                            (long long)v[i]);
            break;
        case RT_ENUM: {
            const RtEnum *en = &sc->enums[f[i].type.enum_idx];
            if (v[i] < 0 || v[i] >= en->n)
                return fail(s, "%s: field %s: %lld is not a member of %s", what, f[i].name,
                            (long long)v[i], en->name);
            break;
        }
        case RT_MONEY:
        case RT_RATE:
        case RT_INT:
        case RT_DATE:
        case RT_DURATION: break;
        }
    }
    return 0;
}

static int check_id(PolSession *s, const char *kind, const char *id)
{
    if (!id || !*id)
        return fail(s, "empty %s id", kind);
    return 0;
}

/* ---- persons --------------------------------------------------------------------------- */

/* Register a person, or replace the fields and history of one given before. */
POLRT_API int polrt_session_person(PolSession *s, const char *person_id, const int64_t *fields,
                                   const int64_t *hist, int64_t nhist)
{
    const RtSchema *sc = s->s;
    char what[ID_SHOW + 16];
    s->err[0] = '\0';
    if (check_id(s, "person", person_id))
        return -1;
    snprintf(what, sizeof what, "person %.*s", ID_SHOW, person_id);
    if (nhist < 0 ||
        (sc->nhist > 0 && (uint64_t)nhist > SIZE_MAX / sizeof(int64_t) / (uint64_t)sc->nhist))
        return fail(s, "%s: %lld history rows", what, (long long)nhist);
    if (sc->nhist == 0 && nhist > 0)
        return fail(s, "%s: %lld history rows, but the policy declares no history", what,
                    (long long)nhist);
    if ((sc->nperson > 0 && !fields) || (nhist > 0 && !hist))
        return fail(s, "%s: fields missing", what);
    if (check_fields(s, what, sc->person, sc->nperson, fields))
        return -1;
    for (int64_t r = 0; r < nhist; r++) {
        char row[ID_SHOW + 64];
        snprintf(row, sizeof row, "%s, history row %lld", what, (long long)r + 1);
        if (check_fields(s, row, sc->hist, sc->nhist, hist + r * sc->nhist))
            return -1;
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
        if (!(p = polrt_realloc(NULL, sizeof *p + len))) {
            polrt_realloc(data, 0);
            return fail(s, "out of memory");
        }
        memcpy(p + 1, person_id, len);
        p->id = (const char *)(p + 1);
        p->data = NULL;
        if (rt_map_put(&s->persons, h, p)) {
            polrt_realloc(p, 0);
            polrt_realloc(data, 0);
            return fail(s, "out of memory");
        }
    }
    polrt_realloc(p->data, 0);
    p->data = data;
    p->nhist = nhist;
    return 0;
}

/* ---- claims ---------------------------------------------------------------------------- */

/* Call the policy's keys and settle functions with polrt_fail's landing place set. Only
 * ctx (the caller's) changes after setjmp, so no local needs to be volatile. */
static int run_keys(PolEngine *e, PolCtx *ctx, int64_t *keys)
{
    jmp_buf jb;
    ctx->jmp = &jb;
    if (setjmp(jb))
        return -1;
    if (e->keys)
        e->keys(ctx, keys);
    return 0;
}

static int run_settle(PolSettleFn settle, PolCtx *ctx)
{
    jmp_buf jb;
    ctx->jmp = &jb;
    if (setjmp(jb))
        return -1;
    int64_t rc = settle(ctx);
    if (rc != 0) {
        /* settle reports failures through polrt_fail; any other result is one too */
        ctx->err_code = rc;
        ctx->err_loc = -1;
        return -1;
    }
    return 0;
}

/* One claim through the policy, as sessions and simulations settle it (rt_int.h). */
int rt_settle_ctx(PolEngine *e, PolCtx *ctx, int64_t *keys, int64_t *before, int64_t *after,
                  RtLedgerLoadFn load, void *arg, int trace)
{
    const RtSchema *sc = &e->schema;
    ctx->ledger_in = before;
    ctx->ledger_out = after;
    /* the policy's own validity: outside it no version of anything is in force */
    if (ctx->asof != POLRT_NONE && ((sc->valid_from != POLRT_NONE && ctx->asof < sc->valid_from) ||
                                    (sc->valid_to != POLRT_NONE && ctx->asof >= sc->valid_to))) {
        ctx->err_code = POLRT_E_NOVERSION;
        ctx->err_loc = -1;
        return 2;
    }
    if (run_keys(e, ctx, keys))
        return 1;
    if (load(arg, keys, before))
        return -1;
    /* fields settle leaves alone keep their value; a few words: a loop, not memcpy */
    for (int i = 0; i < sc->nledger_fields; i++)
        after[i] = before[i];
    if (run_settle(trace ? e->settle : e->settle_fast, ctx)) {
        /* nothing is stored: the ledger stays as it was */
        for (int i = 0; i < sc->nledger_fields; i++)
            after[i] = before[i];
        return 1;
    }
    return 0;
}

/* rt_settle_ctx's ledgers for a session: its store */
typedef struct StoreLoad {
    PolSession *s;
    const char *person_id;
} StoreLoad;

static int store_load(void *arg, const int64_t *keys, int64_t *before)
{
    StoreLoad *l = arg;
    return rt_ledger_load(l->s->st, l->person_id, keys, before, l->s->err, sizeof l->s->err);
}

/* the trace of a claim whose rules did not run (already settled, or rejected); untraced,
 * only the memo that settling needs empty */
static void reset_trace(PolSession *s)
{
    const RtSchema *sc = s->s;
    if (!s->trace) {
        memset(s->rule_state, 0, (size_t)sc->nrules * sizeof *s->rule_state);
        return;
    }
    for (int i = 0; i < sc->nrules; i++) {
        s->rule_val[i] = 0;
        s->rule_state[i] = 0;
        s->branch[i] = -1;
    }
    for (int i = 0; i < sc->nparams; i++)
        s->pver[i] = s->pidx[i] = -1;
}

/* the policy failed: res says where, and so does the session's message */
static void policy_failed(PolSession *s, const char *claim_id, const PolCtx *ctx, PolResult *res)
{
    char why[ERR_LEN - ID_SHOW - 16];
    res->status = -1;
    res->err_code = ctx->err_code;
    res->err_loc = ctx->err_loc;
    fail(s, "claim %.*s: %s", ID_SHOW, claim_id,
         rt_err_describe(s->s, ctx->err_code, ctx->err_loc, why, sizeof why));
}

POLRT_API int polrt_session_claim(PolSession *s, const char *claim_id, const char *person_id,
                                  const int64_t *fields, PolResult *res)
{
    const RtSchema *sc = s->s;
    char what[ID_SHOW + 16];
    memset(res, 0, sizeof *res);
    res->status = -1;
    res->out = s->out;
    res->ledger_before = s->before;
    res->ledger_after = s->after;
    res->keys = s->keys;
    if (s->trace) {
        res->rule_val = s->rule_val;
        res->branch = s->branch;
        res->pver = s->pver;
        res->pidx = s->pidx;
    }
    s->err[0] = '\0';
    s->conflict = 0;
    reset_trace(s);
    for (int i = 0; i < sc->noutputs; i++)
        s->out[i] = 0;
    for (int i = 0; i < sc->nledgers; i++)
        s->keys[i] = 0;
    for (int i = 0; i < sc->nledger_fields; i++)
        s->before[i] = s->after[i] = 0;

    if (check_id(s, "claim", claim_id) || check_id(s, "person", person_id))
        return -1;
    snprintf(what, sizeof what, "claim %.*s", ID_SHOW, claim_id);
    const Person *p = rt_map_find(&s->persons, hash_id(person_id), person_eq, person_id);
    if (!p)
        return fail(s, "%s: unknown person %.*s", what, ID_SHOW, person_id);
    if (sc->nclaim > 0 && !fields)
        return fail(s, "%s: fields missing", what);
    if (check_fields(s, what, sc->claim, sc->nclaim, fields))
        return -1;
    if (sc->nclaim)
        memcpy(s->claim, fields, (size_t)sc->nclaim * sizeof *s->claim);

    /* the policy's input checks: a claim that fails one is refused as a bad row is */
    if (rt_engine_check(s->e, s->claim, s->pver, &res->err_code, &res->err_loc)) {
        char why[ERR_LEN - ID_SHOW - 16];
        reset_trace(s);
        return fail(s, "%s: %s", what,
                    rt_err_describe(sc, res->err_code, res->err_loc, why, sizeof why));
    }

    /* settled before (this store, any session or run)? */
    RtClaimRec rec = {claim_id, person_id, s->claim, s->out, s->keys, s->before, s->after};
    int found = rt_ledger_find(s->st, &rec, s->err, sizeof s->err);
    if (found < 0)
        return -2;
    if (found == 2) {
        s->conflict = 1;
        return -1;
    }
    if (found) {
        res->status = 1;
        return 0;
    }

    PolCtx ctx = {
        .claim = s->claim,
        .person = p->data,
        .hist = p->data + sc->nperson,
        .nhist = p->nhist,
        .out = s->out,
        .params = s->e->params,
        .rule_val = s->rule_val,
        .rule_state = s->rule_state,
        .branch = s->branch,
        .pver = s->pver,
        .pidx = s->pidx,
        .asof = s->date_idx >= 0 ? s->claim[s->date_idx] : POLRT_NONE,
        .user = s->e->user,
    };
    StoreLoad load = {s, person_id};
    int settled =
        rt_settle_ctx(s->e, &ctx, s->keys, s->before, s->after, store_load, &load, s->trace);
    if (settled == 2) {
        char day[32];
        res->status = -1;
        res->err_code = POLRT_E_NOVERSION;
        res->err_loc = -1;
        fail(s, "%s: dated %s, outside the policy's validity", what, polrt_fmt_date(ctx.asof, day));
        return 0;
    }
    if (settled == 1) {
        policy_failed(s, claim_id, &ctx, res);
        return 0;
    }
    if (settled < 0)
        return -2;
    int saved = rt_ledger_save(s->st, &rec, s->err, sizeof s->err);
    if (saved < 0)
        return -2;
    if (saved == 1) {
        /* another session stored this claim id between find and save */
        reset_trace(s);
        found = rt_ledger_find(s->st, &rec, s->err, sizeof s->err);
        if (found <= 0) {
            if (found == 0)
                fail(s, "%s: settled meanwhile, but not found", what);
            return -2;
        }
        if (found == 2) {
            s->conflict = 1;
            return -1;
        }
        res->status = 1;
        return 0;
    }
    res->status = 0;
    return 0;
}
