/* test.c — polc test: the test cases written in a policy's own file. Each case is run
 * through the runtime's session API with the reference interpreter and with the JIT; every
 * expectation is checked in both, and the two must agree bit for bit on every claim. The JIT's
 * fast entry (polc run's, serve's, simulate's) settles each case once more and must give the
 * JIT's traced results: a difference is polc's fault, reported as such. */
#include "cli.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>

#include "driver.h"
#include "engine.h"
#include "ffi.h"
#include "interp.h"
#include "rt_int.h"
#include "text.h"

/* what a settled claim left behind, copied out of the session's PolResult */
typedef struct Settled {
    const char *name;
    int64_t status, err_code, err_loc;
    const int64_t *fields; /* the claim's fields: the failure text reads its date */
    int64_t *rule_val, *branch, *ledger_after, *out;
    int64_t *fail_code, *fail_loc; /* per rule: a failure while evaluating it on demand */
} Settled;

static int64_t *copy(Arena *a, const int64_t *src, int n)
{
    int64_t *d = arena_alloc(a, sizeof(int64_t) * (size_t)(n + 1));
    if (src && n)
        memcpy(d, src, sizeof(int64_t) * (size_t)n);
    return d;
}

static int64_t literal(Compiled *c, Node *n, Type t)
{
    int64_t v = 0;
    Type nt = t;
    nt.optional = 0;
    /* sema checked every literal of the test already: this cannot fail */
    if (sema_literal(&c->arena, c->diag, &c->pol, n, nt, &v) != 0)
        polc_internal_error(__FILE__, __LINE__, "test literal rejected after checking");
    return v;
}

/* the fields of a record from a test item: given values, else defaults, else absent */
static int64_t *record(Compiled *c, Decl *rec, TestItem *t)
{
    int n = rec ? rec->fields.len : 0;
    int64_t *f = arena_alloc(&c->arena, sizeof(int64_t) * (size_t)(n + 1));
    for (int i = 0; i < n; i++) {
        Field *fd = &rec->fields.data[i];
        f[i] = fd->def ? fd->def_val : POLRT_NONE;
        for (int k = 0; t && k < t->kvs.len; k++)
            if (!strcmp(t->kvs.data[k].name, fd->name))
                f[i] = literal(c, t->kvs.data[k].value, fd->ty);
    }
    return f;
}

/* a test person's data: the person item's fields (defaults filled in) and the rows of the
 * history items naming the person, in order */
static void person_data(Compiled *c, Decl *test, const char *name, int64_t **fields, int64_t **hist,
                        int *nh)
{
    Policy *pol = &c->pol;
    TestItem *pi = NULL;
    int w = pol->history ? pol->history->fields.len : 0;
    *nh = 0;
    *hist = arena_alloc(&c->arena, sizeof(int64_t) * (size_t)(test->items.len * w + 1));
    for (int j = 0; j < test->items.len; j++) {
        TestItem *h = &test->items.data[j];
        if (h->kind == TI_PERSON && !strcmp(h->name, name))
            pi = h;
        if (h->kind == TI_HISTORY && !strcmp(h->name, name))
            memcpy(*hist + (size_t)((*nh)++) * (size_t)w, record(c, pol->history, h),
                   sizeof(int64_t) * (size_t)w);
    }
    *fields = record(c, pol->person, pi);
}

/* register every person of the test with the session */
static int add_persons(Compiled *c, Decl *test, PolSession *s, char *err, size_t errlen)
{
    for (int i = 0; i < test->items.len; i++) {
        TestItem *t = &test->items.data[i];
        if (t->kind != TI_PERSON)
            continue;
        int64_t *fields, *hist;
        int nh;
        person_data(c, test, t->name, &fields, &hist, &nh);
        if (polrt_session_person(s, t->name, fields, hist, nh) != 0) {
            snprintf(err, errlen, "person %s: %s", t->name, polrt_session_errmsg(s));
            return -1;
        }
    }
    return 0;
}

static int find_rule(Policy *pol, const char *name)
{
    for (int i = 0; i < pol->rules.len; i++)
        if (!strcmp(pol->rules.data[i]->name, name))
            return i;
    return -1;
}

/* Evaluate context rule r in ctx with the given evaluator; 0, or -1 when it failed (the
 * failure is in ctx). Its own function so no loop variable lives across the setjmp. */
static int eval_rule(PolCtx *ctx, Jit *jit, int r, int64_t *v)
{
    jmp_buf jb;
    ctx->jmp = &jb;
    if (setjmp(jb) != 0)
        return -1;
    *v = jit ? ffi_call_rule(polc_backend_loaded()->jit_rule(jit, r), ctx, NULL, 0)
             : interp_call(ctx, r, NULL);
    return 0;
}

/* A test may expect a value of a rule the settlement did not need (lazy rules are evaluated
 * only when used). Evaluate it now on the same inputs and the ledger as it was before the
 * claim, with the same evaluator; a failure is recorded as a missing value. */
static void eval_unneeded(Compiled *c, Decl *test, const char *claim, Jit *jit,
                          const int64_t *fields, const int64_t *person, const int64_t *hist,
                          int64_t nhist, const int64_t *ledger_before, Settled *st)
{
    Policy *pol = &c->pol;
    const IrProgram *ir = c->ir;
    int nr = ir->nrules;
    for (int i = 0; i < test->items.len; i++) {
        TestItem *t = &test->items.data[i];
        if (t->kind != TI_EXPECT || strcmp(t->name, claim) != 0)
            continue;
        for (int k = 0; k < t->kvs.len; k++) {
            int r = t->kvs.data[k].sub ? -1 : find_rule(pol, t->kvs.data[k].name);
            if (r < 0 || st->branch[r] >= 0 || ir->rules[r].nargs)
                continue;
            int64_t *memo =
                arena_alloc(&c->arena, sizeof(int64_t) * (size_t)(3 * nr + ir->nparams + 1));
            for (int j = 0; j < nr + ir->nparams; j++)
                memo[2 * nr + j] = -1;
            int64_t *scratch = arena_alloc(
                &c->arena, sizeof(int64_t) * (size_t)(ir->nledger_fields + ir->noutputs + 1));
            PolCtx ctx = {.claim = fields,
                          .person = person,
                          .hist = hist,
                          .nhist = nhist,
                          .ledger_in = ledger_before,
                          .ledger_out = scratch,
                          .out = scratch,
                          .params = jit ? polc_backend_loaded()->jit_params(jit) : ir->ptable,
                          .rule_val = memo,
                          .rule_state = memo + nr,
                          .branch = memo + 2 * nr,
                          .pver = memo + 3 * nr,
                          .user = (void *)ir};
            ctx.asof = pol->dated_field >= 0 ? fields[pol->dated_field] : 0;
            int64_t v;
            if (eval_rule(&ctx, jit, r, &v) == 0) {
                st->rule_val[r] = v;
                st->branch[r] = ctx.branch[r];
            } else {
                st->fail_code[r] = ctx.err_code;
                st->fail_loc[r] = ctx.err_loc;
            }
        }
    }
}

/* Run one test case with one engine; results go to out[] (one per claim item). trace 1:
 * through the engine's traced entry, with the values of the rules a test may expect; 0:
 * through its fast entry (rt_session_trace), as polc run, serve and simulate settle, which
 * leaves the rules' values and branches out (only failures, outputs and ledgers are set). */
static int run_case(Compiled *c, Decl *test, PolEngine *e, Jit *jit, int trace, Settled *out,
                    int *nout, char *err, size_t errlen)
{
    Policy *pol = &c->pol;
    PolSession *s = polrt_session_new(e, NULL, err, errlen);
    if (!s)
        return -1;
    rt_session_trace(s, trace);
    /* persons first: a person's history is static data of the case */
    if (add_persons(c, test, s, err, errlen) != 0) {
        polrt_session_free(s);
        return -1;
    }
    int nr = pol->rules.len;
    int nl = 0;
    for (int i = 0; i < pol->ledgers.len; i++)
        nl += pol->ledgers.data[i]->fields.len;
    *nout = 0;
    for (int i = 0; i < test->items.len; i++) {
        TestItem *t = &test->items.data[i];
        if (t->kind != TI_CLAIM)
            continue;
        int64_t *fields = record(c, pol->claim, t);
        PolResult r;
        /* -1 is a refused claim (a failed check, a bad field): the test's business, reported
         * as a failed claim; -2 is the session failing (memory, I/O): the run stops */
        if (polrt_session_claim(s, t->name, t->of, fields, &r) == -2) {
            snprintf(err, errlen, "claim %s: %s", t->name, polrt_session_errmsg(s));
            polrt_session_free(s);
            return -1;
        }
        Settled *st = &out[(*nout)++];
        st->name = t->name;
        st->status = r.status;
        st->err_code = r.err_code;
        st->err_loc = r.err_loc;
        st->fields = fields;
        st->rule_val = copy(&c->arena, r.rule_val, nr);
        st->branch = copy(&c->arena, r.branch, nr);
        st->ledger_after = copy(&c->arena, r.status == 0 ? r.ledger_after : r.ledger_before, nl);
        st->out = copy(&c->arena, r.status == 0 ? r.out : NULL, pol->outputs.len);
        st->fail_code = copy(&c->arena, NULL, nr);
        st->fail_loc = copy(&c->arena, NULL, nr);
        if (r.status == 0 && trace) {
            /* the person's data as the session has it */
            int64_t *pfields, *hist;
            int nh;
            person_data(c, test, t->of, &pfields, &hist, &nh);
            int64_t *before = copy(&c->arena, r.ledger_before, nl);
            eval_unneeded(c, test, t->name, jit, fields, pfields, hist, nh, before, st);
        }
    }
    polrt_session_free(s);
    return 0;
}

static Settled *find_settled(Settled *s, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(s[i].name, name))
            return &s[i];
    return NULL;
}

/* an `expect C fails "TEXT"`: the claim failed, with TEXT in its failure; 0, or -1 (why) */
static int check_failed(const PolEngine *pe, const TestItem *t, const Settled *s,
                        const char *engine, char *why, size_t whylen)
{
    char msg[512];
    polrt_failure_text(pe, s->fields, s->err_code, s->err_loc, msg, sizeof msg);
    if (s->status != -1) {
        snprintf(why, whylen, "claim %s settled, but was expected to fail with \"%s\" (%s)",
                 t->name, t->fail_text, engine);
        return -1;
    }
    if (!strstr(msg, t->fail_text)) {
        snprintf(why, whylen, "claim %s failed with \"%s\", expected \"%s\" (%s)", t->name, msg,
                 t->fail_text, engine);
        return -1;
    }
    return 0;
}

/* What one expectation of a settled claim names: a ledger field after the claim (LEDGER.FIELD)
 * or a rule's value; its type, value and words into *ty, *got, *what. 0, or -1 (why) when
 * the rule has no value. */
static int expected_of(Compiled *c, const PolEngine *pe, const TestItem *t, const KV *kv,
                       const Settled *s, const char *engine, Type *ty, int64_t *got,
                       const char **what, char *why, size_t whylen)
{
    Policy *pol = &c->pol;
    if (kv->sub) {
        int off = 0, found = -1;
        for (int l = 0; l < pol->ledgers.len; l++) {
            Decl *ld = pol->ledgers.data[l];
            if (!strcmp(ld->name, kv->name))
                for (int f = 0; f < ld->fields.len; f++)
                    if (!strcmp(ld->fields.data[f].name, kv->sub))
                        found = off + f, *ty = ld->fields.data[f].ty;
            off += ld->fields.len;
        }
        *got = s->ledger_after[found];
        *what = arena_printf(&c->arena, "%s.%s after the claim", kv->name, kv->sub);
        return 0;
    }
    int r = find_rule(pol, kv->name);
    *ty = pol->rules.data[r]->ty;
    if (s->branch[r] < 0) {
        char msg[512];
        polrt_failure_text(pe, s->fields, s->fail_code[r], s->fail_loc[r], msg, sizeof msg);
        snprintf(why, whylen, "claim %s: rule %s has no value: %s (%s)", t->name, kv->name,
                 s->fail_code[r] ? msg : "none of its branches applies", engine);
        return -1;
    }
    *got = s->rule_val[r];
    *what = kv->name;
    return 0;
}

/* check one engine's results against the case's expectations; 0 when all hold, else -1 with
 * why and the claim concerned in *bad_claim */
static int check_case(Compiled *c, Decl *test, const PolEngine *pe, Settled *res, int nres,
                      const char *engine, char *why, size_t whylen, const char **bad_claim)
{
    Policy *pol = &c->pol;
    for (int i = 0; i < test->items.len; i++) {
        TestItem *t = &test->items.data[i];
        if (t->kind != TI_EXPECT && t->kind != TI_EXPECT_FAIL)
            continue;
        Settled *s = find_settled(res, nres, t->name);
        *bad_claim = t->name;
        if (t->kind == TI_EXPECT_FAIL) {
            if (check_failed(pe, t, s, engine, why, whylen) != 0)
                return -1;
            continue;
        }
        if (s->status == -1) {
            char msg[512];
            polrt_failure_text(pe, s->fields, s->err_code, s->err_loc, msg, sizeof msg);
            snprintf(why, whylen, "claim %s failed: %s (%s)", t->name, msg, engine);
            return -1;
        }
        for (int k = 0; k < t->kvs.len; k++) {
            KV *kv = &t->kvs.data[k];
            Type ty;
            int64_t got;
            const char *what;
            if (expected_of(c, pe, t, kv, s, engine, &ty, &got, &what, why, whylen) != 0)
                return -1;
            int64_t want = literal(c, kv->value, ty);
            if (got != want) {
                char g[96], w[96];
                text_value(pol, ty, got, g, sizeof g);
                text_value(pol, ty, want, w, sizeof w);
                /* the expectation's line: a test expects many values over many lines */
                int line, col;
                source_linecol(kv->loc.src, kv->loc.start, &line, &col);
                snprintf(why, whylen, "claim %s: %s = %s, expected %s on line %d (%s)", t->name,
                         what, g, w, line, engine);
                return -1;
            }
        }
    }
    *bad_claim = NULL;
    return 0;
}

/* interpreter and JIT must agree on every rule of every claim, not only the expected ones */
static int same_results(Compiled *c, Settled *a, Settled *b, int n, char *why, size_t whylen,
                        const char **bad_claim)
{
    Policy *pol = &c->pol;
    for (int i = 0; i < n; i++) {
        if (a[i].status != b[i].status || a[i].err_code != b[i].err_code ||
            a[i].err_loc != b[i].err_loc) {
            snprintf(why, whylen, "claim %s: interpreter and JIT disagree on failure", a[i].name);
            *bad_claim = a[i].name;
            return -1;
        }
        for (int r = 0; r < pol->rules.len; r++)
            if (a[i].branch[r] != b[i].branch[r] ||
                (a[i].branch[r] >= 0 && a[i].rule_val[r] != b[i].rule_val[r])) {
                /* the values in words, as every other message has them (money in yuan) */
                char va[96], vb[96];
                Type ty = pol->rules.data[r]->ty;
                snprintf(why, whylen,
                         "claim %s: interpreter and JIT disagree on rule %s (%s vs %s)", a[i].name,
                         pol->rules.data[r]->name,
                         a[i].branch[r] >= 0 ? text_value(pol, ty, a[i].rule_val[r], va, sizeof va)
                                             : "no value",
                         b[i].branch[r] >= 0 ? text_value(pol, ty, b[i].rule_val[r], vb, sizeof vb)
                                             : "no value");
                *bad_claim = a[i].name;
                return -1;
            }
    }
    return 0;
}

/* the name and type of ledger field f (in the order of the ledgers' fields, PolResult's) */
static const char *ledger_field(Compiled *c, int f, Type *ty)
{
    Policy *pol = &c->pol;
    for (int l = 0; l < pol->ledgers.len; f -= pol->ledgers.data[l++]->fields.len) {
        Decl *ld = pol->ledgers.data[l];
        if (f < ld->fields.len) {
            *ty = ld->fields.data[f].ty;
            return arena_printf(&c->arena, "%s.%s after the claim", ld->name,
                                ld->fields.data[f].name);
        }
    }
    polc_internal_error(__FILE__, __LINE__, "ledger field %d out of range", f);
}

/* how a claim ended, in words: "settled it", or "failed: " and the failure */
static const char *outcome(Compiled *c, const PolEngine *pe, const Settled *s)
{
    char msg[512];
    if (s->status == 0)
        return "settled it";
    polrt_failure_text(pe, s->fields, s->err_code, s->err_loc, msg, sizeof msg);
    return arena_printf(&c->arena, "failed: %s", msg);
}

/* the two entries, as the messages name them, and what the user can do about a difference */
#define TRACED "the traced entry (polc test, explain)"
#define FAST   "the fast entry (polc run, serve, simulate)"
#define POLC_FAULT                                                                                 \
    "this is a fault of polc, not of the policy; please report it with the policy and the "        \
    "output of `polc build %s --emit ir -o policy.ll`"

/* The fast entry must give what the traced entry gives, claim by claim (each carried its own
 * ledgers from the case's earlier claims): the same failure, outputs and ledgers after. A
 * difference is not the policy's to fix, and the message says so and how to report it. */
static int same_entries(Compiled *c, const char *path, const PolEngine *pe, Settled *tr,
                        Settled *fa, int n, char *why, size_t whylen, const char **bad_claim)
{
    Policy *pol = &c->pol;
    int nl = 0;
    for (int l = 0; l < pol->ledgers.len; l++)
        nl += pol->ledgers.data[l]->fields.len;
    for (int i = 0; i < n; i++) {
        if (tr[i].status != fa[i].status || tr[i].err_code != fa[i].err_code ||
            tr[i].err_loc != fa[i].err_loc) {
            snprintf(why, whylen, "claim %s: " TRACED " %s, but " FAST " %s: " POLC_FAULT,
                     tr[i].name, outcome(c, pe, &tr[i]), outcome(c, pe, &fa[i]), path);
            *bad_claim = tr[i].name;
            return -1;
        }
        const char *what = NULL;
        Type ty;
        int64_t va = 0, vb = 0;
        for (int o = 0; !what && tr[i].status == 0 && o < pol->outputs.len; o++)
            if (tr[i].out[o] != fa[i].out[o]) {
                what = arena_printf(&c->arena, "output %s", pol->outputs.data[o]->name);
                ty = pol->outputs.data[o]->ty;
                va = tr[i].out[o], vb = fa[i].out[o];
            }
        for (int f = 0; !what && f < nl; f++)
            if (tr[i].ledger_after[f] != fa[i].ledger_after[f]) {
                what = ledger_field(c, f, &ty);
                va = tr[i].ledger_after[f], vb = fa[i].ledger_after[f];
            }
        if (what) {
            char a[96], b[96];
            snprintf(why, whylen,
                     "claim %s: %s is %s through " TRACED " but %s through " FAST ": " POLC_FAULT,
                     tr[i].name, what, text_value(pol, ty, va, a, sizeof a),
                     text_value(pol, ty, vb, b, sizeof b), path);
            *bad_claim = tr[i].name;
            return -1;
        }
    }
    return 0;
}

/* print the explanation of a claim by settling the case again up to it */
static void explain_claim(Compiled *c, Decl *test, PolEngine *e, const char *claim)
{
    char err[256];
    PolSession *s = polrt_session_new(e, NULL, err, sizeof err);
    if (!s)
        return;
    Policy *pol = &c->pol;
    if (add_persons(c, test, s, err, sizeof err) != 0) {
        polrt_session_free(s);
        return;
    }
    for (int i = 0; i < test->items.len; i++) {
        TestItem *t = &test->items.data[i];
        if (t->kind != TI_CLAIM)
            continue;
        int64_t *fields = record(c, pol->claim, t);
        PolResult r;
        polrt_session_claim(s, t->name, t->of, fields, &r);
        if (!strcmp(t->name, claim)) {
            polrt_explain_text(e, t->name, fields, &r, stdout);
            break;
        }
    }
    polrt_session_free(s);
}

typedef struct TestTotals {
    int passed, failed;
} TestTotals;

/* A built ENGINE.so, which polc test does not take (spec/LANGUAGE.md §16: POLICY...): its
 * test cases are in the policy's text, which the engine does not carry. Said with what to run
 * instead, the policy the engine names as built from (its schema's file); 1 when path is one. */
static int built_engine(const char *path)
{
    size_t n = strlen(path);
    if (n < 3 || strcmp(path + n - 3, ".so") != 0)
        return 0;
    char err[512];
    PolEngine *e = polrt_engine_open(path, err, sizeof err);
    if (!e) /* no engine of polc's after all: read as a policy, which says what it is */
        return 0;
    const char *file = polrt_engine_file(e);
    if (file && *file)
        fprintf(stderr,
                "polc: error: %s is a built engine, which does not carry the policy's test cases: "
                "run `polc test %s`, the policy it was built from (polc test compiles it with "
                "polc build's code generator and checks both entries)\n",
                path, file);
    else
        fprintf(stderr,
                "polc: error: %s is a built engine, which does not carry the policy's test cases: "
                "run polc test on the .pol file it was built from\n",
                path);
    polrt_engine_free(e);
    return 1;
}

/* prints [PASS]/[FAIL] per case; -2 when the policy cannot be read or has errors, -1 when the
 * JIT cannot compile it */
static int run_file(const char *path, int interp_only, TestTotals *tot)
{
    if (built_engine(path))
        return -2;
    /* the interpreter's engine, then (unless --interp-only) the JIT's on the same policy */
    Engine ei, ej;
    if (engine_load(&ei, &(EngineSpec){.path = path, .mode = ENGINE_INTERP}) != ENGINE_OK) {
        engine_free(&ei);
        return -2; /* not loaded: nothing of it to count */
    }
    Compiled *c = ei.policy;
    if (c->pol.tests.len == 0) { /* nothing to run: do not JIT-compile */
        fprintf(stderr, "polc: %s: no test cases\n", path);
        engine_free(&ei);
        return 0;
    }
    memset(&ej, 0, sizeof ej);
    if (!interp_only && engine_again(&ej, &ei, ENGINE_JIT, 2) != ENGINE_OK) {
        engine_free(&ej);
        engine_free(&ei);
        return -1;
    }
    int rc = 0;
    for (int i = 0; i < c->pol.tests.len; i++) {
        Decl *t = c->pol.tests.data[i];
        int nclaims = 0;
        for (int j = 0; j < t->items.len; j++)
            nclaims += t->items.data[j].kind == TI_CLAIM;
        Settled *ri = arena_alloc(&c->arena, sizeof(Settled) * (size_t)(nclaims + 1));
        Settled *rj = arena_alloc(&c->arena, sizeof(Settled) * (size_t)(nclaims + 1));
        Settled *rf = arena_alloc(&c->arena, sizeof(Settled) * (size_t)(nclaims + 1));
        int ni = 0, nj = 0, nf = 0;
        char why[1024] = "";
        const char *bad = NULL;
        PolEngine *bad_engine = ei.pe;
        int ok = run_case(c, t, ei.pe, NULL, 1, ri, &ni, why, sizeof why) == 0 &&
                 check_case(c, t, ei.pe, ri, ni, "interpreter", why, sizeof why, &bad) == 0;
        if (ok && ej.pe) {
            bad_engine = ej.pe;
            ok = run_case(c, t, ej.pe, ej.jit, 1, rj, &nj, why, sizeof why) == 0 &&
                 check_case(c, t, ej.pe, rj, nj, "jit", why, sizeof why, &bad) == 0 &&
                 same_results(c, ri, rj, ni, why, sizeof why, &bad) == 0 &&
                 run_case(c, t, ej.pe, ej.jit, 0, rf, &nf, why, sizeof why) == 0 &&
                 same_entries(c, path, ej.pe, rj, rf, nj, why, sizeof why, &bad) == 0;
        }
        int line, col;
        source_linecol(t->loc.src, t->loc.start, &line, &col);
        if (ok) {
            printf("[PASS] %s:%d: %s\n", path, line, t->name);
            tot->passed++;
        } else {
            printf("[FAIL] %s:%d: %s: %s\n", path, line, t->name, why);
            tot->failed++;
            if (bad) {
                printf("  explanation of claim %s:\n", bad);
                explain_claim(c, t, bad_engine, bad);
            }
        }
    }
    engine_free(&ej);
    engine_free(&ei);
    return rc;
}

typedef struct TestArgs {
    long interp_only;
} TestArgs;

static const Opt test_opts[] = {
    {"interp-only", 0, OPT_FLAG, offsetof(TestArgs, interp_only), NULL, 1,
     .help = "run the cases with the interpreter alone (no JIT, nor its fast entry)"},
    {0},
};

int cmd_test(const Command *cmd, int argc, char **argv)
{
    TestArgs a;
    char **pol;
    int npol, rc = opts_parse(cmd, test_opts, argc, argv, &a, &pol, &npol);
    if (rc != OPTS_PARSED)
        return rc;
    if (npol == 0)
        return opts_usage_error(cmd, test_opts, "give at least one POLICY");
    TestTotals t = {0};
    int bad_policy = 0, loaded = 0;
    for (int i = 0; i < npol; i++) {
        int got = run_file(pol[i], (int)a.interp_only, &t);
        bad_policy |= got != 0;
        loaded += got != -2;
    }
    /* no count when no policy could be read: "0 passed, 0 failed" after "cannot open" read
     * as if there had been nothing to test (a new-user pass) */
    if (loaded)
        printf("%d passed, %d failed\n", t.passed, t.failed);
    return bad_policy || t.failed ? EXIT_POLICY : EXIT_OK;
}
