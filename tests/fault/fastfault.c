/* fastfault.c — a stand-in for polc's back end (polc-backend.so) whose JIT'd fast entry is
 * wrong on purpose, for tests/cli/test_fast.sh: the compiler fault `polc test` must catch by
 * settling each case through both entries. Linked against the real back end, so every name
 * polc looks up in it (cli/backend.h) is the real one, except jit_settle_fast (and
 * jit_settle): that returns the real fast (traced) entry wrapped in one that changes what it
 * gives, as FASTFAULT says:
 *   out     the first output, one fen more, on every claim that settled
 *   ledger  the first ledger field after the claim, one fen more, on a claim whose ledgers
 *           before it are not all zero (a person's later claim: the first ones agree)
 *   fail    no claim settles: division by zero, at no rule
 *   rule    the traced entry: the first rule's value, one more (a fen, for money), on every
 *           claim that settled (the interpreter and the JIT then disagree on it)
 *   unset   nothing changes (the wrapper must be harmless by itself)
 * polc finds it beside a copy of polc (polc_own_file), not through a hook of its own. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "polrt.h"

typedef struct Jit Jit;

static PolSettleFn real;   /* the fast entry of the JIT made last (polc test makes one a file) */
static PolSettleFn traced; /* its traced entry */

static int64_t faulty(PolCtx *ctx)
{
    const char *how = getenv("FASTFAULT");
    int64_t rc = real(ctx);
    if (rc != 0 || !how)
        return rc;
    if (!strcmp(how, "out"))
        ctx->out[0] += 1;
    else if (!strcmp(how, "ledger") && ctx->ledger_in[0] != 0)
        ctx->ledger_out[0] += 1;
    else if (!strcmp(how, "fail"))
        return POLRT_E_DIVZERO;
    return rc;
}

/* the real back end's entry of j that the function name gives */
static PolSettleFn real_entry(const char *name, Jit *j)
{
    PolSettleFn (*next)(Jit *) = (PolSettleFn(*)(Jit *))dlsym(RTLD_NEXT, name);
    if (!next)
        abort();
    return next(j);
}

PolSettleFn jit_settle_fast(Jit *j);
PolSettleFn jit_settle_fast(Jit *j)
{
    real = real_entry("jit_settle_fast", j);
    return faulty;
}

static int64_t faulty_traced(PolCtx *ctx)
{
    const char *how = getenv("FASTFAULT");
    int64_t rc = traced(ctx);
    if (rc == 0 && how && !strcmp(how, "rule") && ctx->branch[0] >= 0)
        ctx->rule_val[0] += 1;
    return rc;
}

PolSettleFn jit_settle(Jit *j);
PolSettleFn jit_settle(Jit *j)
{
    traced = real_entry("jit_settle", j);
    return faulty_traced;
}
