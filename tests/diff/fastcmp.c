/* fastcmp.c — a built engine's fast entry (polc_settle_fast) against its traced entry
 * (polc_settle), claim by claim. polc run's own pipeline (polrt_run) settles the claims
 * through a stand-in policy whose settle calls both entries of ENGINE.so on the same claim,
 * each on its own copy of the context, and compares what they give: the failure (code and
 * location) or, when both settle, every output and every ledger field after the claim. The
 * runtime is then handed the fast entry's result, so the results file is a fast run's.
 *
 *   fastcmp ENGINE.so --claims F [--persons F] --out F [--rejects F]
 *
 * Prints "N claims compared, M differ" (and the first differences) on stdout, polrt_run's
 * messages on stderr. Exit: polrt_run's code (0, 2, 3), or 4 when a claim differs. */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rt_int.h"

/* differences printed in full; the rest are counted */
#define SHOW_DIFFS 5

/* the engine's two entries and the sizes of the arrays they write */
static PolSettleFn traced, fast;
static const RtSchema *schema;
static long compared, differ;

/* one entry's copy of everything a settle writes */
typedef struct Side {
    PolCtx ctx;
    jmp_buf jb;
    int64_t *out, *after, *rule_val, *rule_state, *branch, *pver, *pidx;
} Side;
static Side sides[2]; /* static: written between setjmp and longjmp */

static int64_t *array(int n)
{
    int64_t *a = calloc((size_t)n + 1, sizeof *a);
    if (!a) {
        fputs("fastcmp: out of memory\n", stderr);
        exit(2);
    }
    return a;
}

static void side_init(Side *s)
{
    s->out = array(schema->noutputs);
    s->after = array(schema->nledger_fields);
    s->rule_val = array(schema->nrules);
    s->rule_state = array(schema->nrules);
    s->branch = array(schema->nrules);
    s->pver = array(schema->nparams);
    s->pidx = array(schema->nparams);
}

/* settle c's claim with f on side s: 0, or -1 with s->ctx.err_code/err_loc set */
static int settle_on(PolSettleFn f, const PolCtx *c, Side *s)
{
    s->ctx = *c;
    s->ctx.out = s->out;
    s->ctx.ledger_out = s->after;
    s->ctx.rule_val = s->rule_val;
    s->ctx.rule_state = s->rule_state;
    s->ctx.branch = s->branch;
    s->ctx.pver = s->pver;
    s->ctx.pidx = s->pidx;
    s->ctx.jmp = &s->jb;
    /* as rt_settle_ctx leaves them: after = before, the memo empty */
    memcpy(s->after, c->ledger_out, (size_t)schema->nledger_fields * sizeof *s->after);
    memset(s->rule_state, 0, (size_t)schema->nrules * sizeof *s->rule_state);
    memset(s->out, 0, (size_t)schema->noutputs * sizeof *s->out);
    if (setjmp(s->jb))
        return -1;
    int64_t rc = f(&s->ctx);
    if (rc != 0) {
        s->ctx.err_code = rc;
        s->ctx.err_loc = -1;
        return -1;
    }
    return 0;
}

static void show(const char *what, const int64_t *a, const int64_t *b, int n)
{
    for (int i = 0; i < n; i++)
        if (a[i] != b[i])
            printf("    %s[%d]: traced %lld, fast %lld\n", what, i, (long long)a[i],
                   (long long)b[i]);
}

/* the stand-in policy's settle: both entries, compared; the fast one's result goes on */
static int64_t settle_both(PolCtx *c)
{
    Side *t = &sides[0], *f = &sides[1];
    int rt = settle_on(traced, c, t), rf = settle_on(fast, c, f);
    size_t no = (size_t)schema->noutputs * sizeof(int64_t);
    size_t nl = (size_t)schema->nledger_fields * sizeof(int64_t);
    int same = rt == rf && (rt != 0 ? t->ctx.err_code == f->ctx.err_code &&
                                          t->ctx.err_loc == f->ctx.err_loc
                                    : !memcmp(t->out, f->out, no) && !memcmp(t->after, f->after, nl));
    compared++;
    if (!same && differ++ < SHOW_DIFFS) {
        printf("claim %ld (claim date %lld) differs:\n", compared, (long long)c->asof);
        if (rt != rf || rt != 0)
            printf("    traced: %s (code %lld, loc %lld); fast: %s (code %lld, loc %lld)\n",
                   rt ? "failed" : "settled", (long long)t->ctx.err_code,
                   (long long)t->ctx.err_loc, rf ? "failed" : "settled",
                   (long long)f->ctx.err_code, (long long)f->ctx.err_loc);
        else {
            show("out", t->out, f->out, schema->noutputs);
            show("ledger_after", t->after, f->after, schema->nledger_fields);
        }
    }
    if (rf != 0)
        polrt_fail(c, f->ctx.err_code, f->ctx.err_loc);
    memcpy(c->out, f->out, no);
    memcpy(c->ledger_out, f->after, nl);
    return 0;
}

int main(int argc, char **argv)
{
    PolRunOpts o = {.threads = 1, .progress = 0, .quiet = 1};
    const char *so = argc > 1 ? argv[1] : NULL;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--claims"))
            o.claims = argv[i + 1];
        else if (!strcmp(argv[i], "--persons"))
            o.persons = argv[i + 1];
        else if (!strcmp(argv[i], "--out"))
            o.out = argv[i + 1];
        else if (!strcmp(argv[i], "--rejects"))
            o.rejects = argv[i + 1];
        else
            so = NULL;
    }
    if (!so || !o.claims || !o.out || argc % 2 != 0) {
        fputs("usage: fastcmp ENGINE.so --claims F [--persons F] --out F [--rejects F]\n",
              stderr);
        return 2;
    }
    char err[512];
    PolEngine *e = polrt_engine_open(so, err, sizeof err);
    if (!e) {
        fprintf(stderr, "fastcmp: %s\n", err);
        return 2;
    }
    if (e->settle_fast == e->settle) {
        fprintf(stderr, "fastcmp: %s has no %s\n", so, POLRT_SYM_SETTLE_FAST);
        return 2;
    }
    traced = e->settle;
    fast = e->settle_fast;
    schema = rt_engine_schema(e);
    side_init(&sides[0]);
    side_init(&sides[1]);
    PolEngine *both = polrt_engine_new(polrt_engine_schema(e), e->params, settle_both, e->keys,
                                       e->user, err, sizeof err);
    if (!both) {
        fprintf(stderr, "fastcmp: %s\n", err);
        return 2;
    }
    polrt_engine_set_check(both, e->check);
    PolRunStats st;
    int rc = polrt_run(both, &o, &st);
    printf("%ld claims compared, %ld differ\n", compared, differ);
    polrt_engine_free(both);
    polrt_engine_free(e);
    return differ ? 4 : rc;
}
