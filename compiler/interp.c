/* interp.c — the reference interpreter: evaluates the IR directly and defines what compiled
 * code must compute. Simple rather than fast. It plugs into the runtime like any compiled
 * policy (interp_settle / interp_keys with PolCtx.user = the IrProgram), calls the runtime's
 * helpers through libffi (ffi.c), and fails through polrt_fail like generated code. */
#include "interp.h"

#include <limits.h>

#include "ffi.h"
#include "polrt.h"

typedef struct Env {
    PolCtx *ctx;
    const IrProgram *p;
    const int64_t *args; /* the current rule call's arguments */
    const int64_t *span; /* the current history span (inside an aggregate) */
} Env;

static int64_t eval(Env *e, const IrNode *n);

static _Noreturn void fail(Env *e, int64_t code, int loc)
{
    polrt_fail(e->ctx, code, loc);
}

/* the version of a parameter in force at the claim's date */
static int64_t param_offset(Env *e, int pidx, int loc)
{
    const IrParam *ip = &e->p->params[pidx];
    for (int i = 0; i < ip->nv; i++)
        if (e->ctx->asof >= ip->v[i].from && e->ctx->asof < ip->v[i].to) {
            e->ctx->pver[pidx] = i; /* required, as compiled code has it (polrt.h) */
            return ip->v[i].offset;
        }
    fail(e, POLRT_E_NOVERSION, loc);
}

static int64_t rule_value(Env *e, int ridx, const int64_t *args)
{
    const IrRule *r = &e->p->rules[ridx];
    Env inner = *e;
    inner.args = args;
    inner.span = NULL;
    for (int i = 0; i < r->nbr; i++) {
        const IrBranch *b = &r->br[i];
        if (e->ctx->asof < b->from || e->ctx->asof >= b->to)
            continue;
        if (b->guard && !eval(&inner, b->guard))
            continue;
        int64_t v = eval(&inner, b->body);
        /* recorded once the value is known: a rule that failed is not shown as evaluated */
        if (r->nargs == 0)
            e->ctx->branch[ridx] = i;
        else
            polrt_trace_call(e->ctx, ridx, v, args, r->nargs);
        return v;
    }
    fail(e, POLRT_E_NOVERSION, r->loc);
}

/* a context rule is evaluated once per claim and remembered */
static int64_t context_rule(Env *e, int ridx)
{
    PolCtx *c = e->ctx;
    if (c->rule_state[ridx] == 2)
        return c->rule_val[ridx];
    if (c->rule_state[ridx] == 1) /* sema rejects cycles: this is a compiler bug */
        polc_internal_error(__FILE__, __LINE__, "rule cycle at run time");
    c->rule_state[ridx] = 1;
    int64_t v = rule_value(e, ridx, NULL);
    c->rule_val[ridx] = v;
    c->rule_state[ridx] = 2;
    return v;
}

/* checked arithmetic: an amount that leaves int64 fen is an error, never a wrap */
static int64_t checked(Env *e, int overflow, const int64_t *v, int loc)
{
    if (overflow)
        fail(e, POLRT_E_OVERFLOW, loc);
    return *v;
}

/* Aggregates over the person's history spans, in span order. any() stops at the first span
 * whose condition holds and all() at the first whose condition fails (so a later span's
 * failure is never raised); the others look at every span. */
static int64_t agg(Env *e, const IrNode *n)
{
    const IrProgram *p = e->p;
    int64_t acc = 0;
    int found = 0;
    Env inner = *e;
    for (int64_t i = 0; i < e->ctx->nhist; i++) {
        inner.span = e->ctx->hist + i * p->nhist;
        polrt_trace_span(e->ctx, i); /* the span is read: an explanation lists it */
        int holds = !n->y || eval(&inner, n->y);
        if (n->a == 4) { /* all */
            if (!holds)
                return 0;
            continue;
        }
        if (!holds)
            continue;
        switch (n->a) {
        case 0:
        case 1: {
            int64_t v = eval(&inner, n->x);
            polrt_trace_pick(e->ctx, n->loc, i, v); /* a candidate: an explanation lists it */
            if (!found || (n->a == 0 ? v > acc : v < acc))
                acc = v;
            found = 1;
            break;
        }
        case 2: {
            int64_t v = eval(&inner, n->x);
            if (__builtin_add_overflow(acc, v, &acc))
                fail(e, POLRT_E_OVERFLOW, n->loc);
            break;
        }
        case 3: return 1;
        case 5: acc++; break;
        default: POLC_UNREACHABLE();
        }
    }
    if (n->a == 4)
        return 1;
    if ((n->a == 0 || n->a == 1) && !found)
        return eval(e, n->z);
    return acc;
}

static int64_t eval(Env *e, const IrNode *n)
{
    PolCtx *c = e->ctx;
    int64_t x, y, r = 0;
    switch (n->op) {
    case IR_CONST: return n->k;
    case IR_CLAIM: return c->claim[n->a];
    case IR_PERSON: return c->person[n->a];
    case IR_HIST: return e->span[n->a];
    case IR_LEDGER: return c->ledger_in[n->a];
    case IR_ARG: return e->args[n->a];
    case IR_PARAM: {
        int64_t off = param_offset(e, n->a, n->loc);
        int64_t i = n->x ? eval(e, n->x) : 0;
        if (n->x && c->pidx) /* trace the table entry read */
            c->pidx[n->a] = i;
        int64_t v = c->params[off + i];
        if (n->k && v == POLRT_NONE) /* a member the policy marks unknown: its own loc */
            fail(e, POLRT_E_UNKNOWN, n->k - 1 + i);
        return v;
    }
    case IR_PROGRESSIVE: {
        int64_t off = param_offset(e, n->a, n->loc);
        int64_t amount = eval(e, n->x);
        return ffi_call_progressive(c, c->params + off, amount, n->loc);
    }
    case IR_RULE: return context_rule(e, n->a);
    case IR_CALL: {
        int64_t args[RULE_MAX_ARGS];
        POLC_ASSERT(n->nargs <= RULE_MAX_ARGS);
        for (int i = 0; i < n->nargs; i++)
            args[i] = eval(e, n->args[i]);
        return rule_value(e, n->a, args);
    }
    case IR_HOST: {
        int64_t args[2] = {0, 0};
        for (int i = 0; i < n->nargs; i++)
            args[i] = eval(e, n->args[i]);
        return ffi_call_host(&ir_hosts[n->a], c, args, n->loc);
    }
    case IR_ADD:
        x = eval(e, n->x), y = eval(e, n->y);
        return checked(e, __builtin_add_overflow(x, y, &r) ? 1 : 0, &r, n->loc);
    case IR_SUB:
        x = eval(e, n->x), y = eval(e, n->y);
        return checked(e, __builtin_sub_overflow(x, y, &r) ? 1 : 0, &r, n->loc);
    case IR_MUL:
        x = eval(e, n->x), y = eval(e, n->y);
        return checked(e, __builtin_mul_overflow(x, y, &r) ? 1 : 0, &r, n->loc);
    case IR_NEG:
        x = eval(e, n->x);
        return checked(e, __builtin_sub_overflow((int64_t)0, x, &r) ? 1 : 0, &r, n->loc);
    case IR_CMP:
        x = eval(e, n->x), y = eval(e, n->y);
        switch ((Op)n->a) {
        case OP_EQ: return x == y;
        case OP_NE: return x != y;
        case OP_LT: return x < y;
        case OP_LE: return x <= y;
        case OP_GT: return x > y;
        case OP_GE: return x >= y;
        default: POLC_UNREACHABLE();
        }
    case IR_AND: return eval(e, n->x) ? eval(e, n->y) : 0;
    case IR_OR: return eval(e, n->x) ? 1 : eval(e, n->y);
    case IR_NOT: return !eval(e, n->x);
    case IR_IF: return eval(e, n->x) ? eval(e, n->y) : eval(e, n->z);
    case IR_MIN: x = eval(e, n->x), y = eval(e, n->y); return x < y ? x : y;
    case IR_MAX: x = eval(e, n->x), y = eval(e, n->y); return x > y ? x : y;
    case IR_UNWRAP:
        x = eval(e, n->x);
        if (x == POLRT_NONE)
            fail(e, POLRT_E_NONE, n->loc);
        return x;
    case IR_PRESENT: return eval(e, n->x) != POLRT_NONE;
    case IR_AGG: return agg(e, n);
    }
    POLC_UNREACHABLE();
}

int64_t interp_settle(PolCtx *ctx)
{
    const IrProgram *p = ctx->user;
    Env e = {ctx, p, NULL, NULL};
    for (int i = 0; i < p->noutputs; i++)
        ctx->out[i] = context_rule(&e, p->outputs[i]);
    for (int i = 0; i < p->nledger_fields; i++)
        ctx->ledger_out[i] = eval(&e, p->updates[i]);
    return 0;
}

void interp_keys(PolCtx *ctx, int64_t *keys)
{
    const IrProgram *p = ctx->user;
    Env e = {ctx, p, NULL, NULL};
    for (int i = 0; i < p->nledgers; i++)
        keys[i] = p->keys[i] ? eval(&e, p->keys[i]) : 0;
}

int64_t interp_check(PolCtx *ctx)
{
    const IrProgram *p = ctx->user;
    Env e = {ctx, p, NULL, NULL};
    for (int i = 0; i < p->nrejects; i++)
        if (eval(&e, p->rejects[i]))
            return i;
    return -1;
}

int64_t interp_call(PolCtx *ctx, int rule, const int64_t *args)
{
    const IrProgram *p = ctx->user;
    Env e = {ctx, p, NULL, NULL};
    if (p->rules[rule].nargs == 0)
        return context_rule(&e, rule);
    return rule_value(&e, rule, args);
}
