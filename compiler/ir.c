/* ir.c — lowering the checked AST (Policy) to the IR. Takes: a Policy sema accepted.
 * Produces: rules as guarded branch lists, the parameter table with each version's offset,
 * outputs, ledger updates and keys, and the table of source positions failures refer to. */
#include "ir.h"

#include <limits.h>
#include <stdio.h>

#include "polrt.h"

const IrHost ir_hosts[H_NHOST] = {
    [H_MUL_RATE] = {"polrt_mul_rate", (void (*)(void))polrt_mul_rate, 2, 1},
    [H_RATE_MUL] = {"polrt_rate_mul_rate", (void (*)(void))polrt_rate_mul_rate, 2, 1},
    [H_DIV_ROUND] = {"polrt_div_round", (void (*)(void))polrt_div_round, 2, 1},
    [H_RATIO] = {"polrt_ratio", (void (*)(void))polrt_ratio, 2, 1},
    [H_ADD_MONTHS] = {"polrt_add_months", (void (*)(void))polrt_add_months, 2, 1},
    [H_ADD_WORKDAYS] = {"polrt_add_workdays", (void (*)(void))polrt_add_workdays, 2, 1},
    [H_WORKDAYS_BETWEEN] = {"polrt_workdays_between", (void (*)(void))polrt_workdays_between, 2, 1},
    [H_MONTH_AFTER] = {"polrt_month_after", (void (*)(void))polrt_month_after, 1, 1},
    [H_YEAR_OF] = {"polrt_year_of", (void (*)(void))polrt_year_of, 1, 0},
    [H_MUL_RATE_TRUNC] = {"polrt_mul_rate_trunc", (void (*)(void))polrt_mul_rate_trunc, 2, 1},
    [H_MUL_RATE_FLOOR] = {"polrt_mul_rate_floor", (void (*)(void))polrt_mul_rate_floor, 2, 1},
    [H_DIV_TRUNC] = {"polrt_div_trunc", (void (*)(void))polrt_div_trunc, 2, 1},
    [H_DIV_FLOOR] = {"polrt_div_floor", (void (*)(void))polrt_div_floor, 2, 1},
};

typedef struct Lower {
    Arena *a;
    Policy *pol;
    IrProgram *p;
    const char *rule; /* name for locs */
    VEC(IrLoc) locs;
} Lower;

static int loc_of(Lower *L, Loc loc)
{
    int line = 0, col = 0;
    if (loc.src)
        source_linecol(loc.src, loc.start, &line, &col);
    IrLoc l = {L->rule, line, col, -1, -1, 0, {0}};
    for (int i = L->locs.len - 1; i >= 0 && i >= L->locs.len - 8; i--)
        if (L->locs.data[i].line == line && L->locs.data[i].col == col &&
            L->locs.data[i].rule == l.rule && L->locs.data[i].param < 0)
            return i;
    vec_push(L->a, &L->locs, l);
    return L->locs.len - 1;
}

static IrNode *mk(Lower *L, IrOp op, Loc loc)
{
    IrNode *n = arena_alloc(L->a, sizeof *n);
    n->op = op;
    n->loc = loc_of(L, loc);
    return n;
}

static IrNode *mk2(Lower *L, IrOp op, IrNode *x, IrNode *y, Loc loc)
{
    IrNode *n = mk(L, op, loc);
    n->x = x;
    n->y = y;
    return n;
}

static IrNode *cnst(Lower *L, int64_t k, Loc loc)
{
    IrNode *n = mk(L, IR_CONST, loc);
    n->k = k;
    return n;
}

static IrNode *host(Lower *L, HostId h, Loc loc, IrNode *x, IrNode *y)
{
    IrNode *n = mk(L, IR_HOST, loc);
    n->a = (int)h;
    n->nargs = ir_hosts[h].nargs;
    n->args = arena_alloc(L->a, sizeof(IrNode *) * 2);
    n->args[0] = x;
    n->args[1] = y;
    return n;
}

static IrNode *lower(Lower *L, Node *n);

/* a value used where it must be present: absent optional values fail here */
static IrNode *val(Lower *L, Node *n)
{
    IrNode *x = lower(L, n);
    if (!n->ty.optional)
        return x;
    IrNode *u = mk(L, IR_UNWRAP, n->loc);
    u->x = x;
    return u;
}

static IrNode *lower_field(Lower *L, Node *n)
{
    IrNode *r;
    switch (n->ref) {
    case REF_CLAIM_FIELD:
        r = mk(L, IR_CLAIM, n->loc);
        r->a = n->idx;
        return r;
    case REF_PERSON_FIELD:
        r = mk(L, IR_PERSON, n->loc);
        r->a = n->idx;
        return r;
    case REF_HIST_FIELD:
        r = mk(L, IR_HIST, n->loc);
        r->a = n->idx;
        return r;
    case REF_LEDGER_FIELD: {
        int off = 0;
        for (int i = 0; i < n->decl->index; i++)
            off += L->pol->ledgers.data[i]->fields.len;
        r = mk(L, IR_LEDGER, n->loc);
        r->a = off + n->idx;
        return r;
    }
    case REF_MEMBER: return cnst(L, n->idx, n->loc);
    default: POLC_UNREACHABLE();
    }
}

/* date ± duration: days are integers; months and years go through the runtime's calendar
 * arithmetic (month-end clamping); working days through the holiday calendar */
static IrNode *date_shift(Lower *L, Node *n, IrNode *day, IrNode *dur, Type dt, int negate)
{
    if (negate) {
        IrNode *neg = mk(L, IR_NEG, n->loc);
        neg->x = dur;
        dur = neg;
    }
    switch (dt.unit) {
    case UNIT_DAYS: return mk2(L, IR_ADD, day, dur, n->loc);
    case UNIT_WORKDAYS: return host(L, H_ADD_WORKDAYS, n->loc, day, dur);
    case UNIT_MONTHS: return host(L, H_ADD_MONTHS, n->loc, day, dur);
    case UNIT_YEARS:
        return host(L, H_ADD_MONTHS, n->loc, day, mk2(L, IR_MUL, dur, cnst(L, 12, n->loc), n->loc));
    }
    POLC_UNREACHABLE();
}

static IrNode *lower_binary(Lower *L, Node *n)
{
    Type lt = n->a->ty, rt = n->b->ty;
    if (n->op == OP_AND || n->op == OP_OR)
        return mk2(L, n->op == OP_AND ? IR_AND : IR_OR, val(L, n->a), val(L, n->b), n->loc);
    IrNode *x = val(L, n->a), *y = val(L, n->b);
    if (n->op >= OP_EQ && n->op <= OP_GE) {
        IrNode *c = mk2(L, IR_CMP, x, y, n->loc);
        c->a = n->op;
        return c;
    }
    switch (n->op) {
    case OP_ADD:
        if (lt.kind == TY_DATE && rt.kind == TY_DURATION)
            return date_shift(L, n, x, y, rt, 0);
        if (lt.kind == TY_DURATION && rt.kind == TY_DATE)
            return date_shift(L, n, y, x, lt, 0);
        return mk2(L, IR_ADD, x, y, n->loc);
    case OP_SUB:
        if (lt.kind == TY_DATE && rt.kind == TY_DURATION)
            return date_shift(L, n, x, y, rt, 1);
        return mk2(L, IR_SUB, x, y, n->loc);
    case OP_MUL: {
        /* n->idx: the rounding trunc() or floor() around it asks for (sema), else 0 */
        static const HostId mul[] = {H_MUL_RATE, H_MUL_RATE_TRUNC, H_MUL_RATE_FLOOR};
        if (lt.kind == TY_MONEY && rt.kind == TY_RATE)
            return host(L, mul[n->idx], n->loc, x, y);
        if (lt.kind == TY_RATE && rt.kind == TY_MONEY)
            return host(L, mul[n->idx], n->loc, y, x);
        if (lt.kind == TY_RATE && rt.kind == TY_RATE)
            return host(L, H_RATE_MUL, n->loc, x, y);
        return mk2(L, IR_MUL, x, y, n->loc);
    }
    case OP_DIV: {
        static const HostId div[] = {H_DIV_ROUND, H_DIV_TRUNC, H_DIV_FLOOR};
        if (lt.kind == TY_MONEY && rt.kind == TY_MONEY)
            return host(L, H_RATIO, n->loc, x, y);
        return host(L, div[n->idx], n->loc, x, y);
    }
    default: POLC_UNREACHABLE();
    }
}

static IrNode *lower_call(Lower *L, Node *n)
{
    if (n->decl) { /* a rule with arguments, or an extern */
        if (n->decl->kind == DK_RULE) {
            IrNode *c = mk(L, IR_CALL, n->loc);
            c->a = n->decl->index;
            c->nargs = n->args.len;
            c->args = arena_alloc(L->a, sizeof(IrNode *) * (size_t)(c->nargs + 1));
            /* an optional parameter takes an absent value as it is; others need a value */
            for (int i = 0; i < c->nargs; i++)
                c->args[i] = n->decl->fields.data[i].ty.optional ? lower(L, n->args.data[i])
                                                                 : val(L, n->args.data[i]);
            return c;
        }
        const HostFn *h = host_lookup(n->decl->name);
        for (int i = 0; i < H_NHOST; i++)
            if (!strcmp(ir_hosts[i].symbol, h->symbol))
                return host(L, (HostId)i, n->loc, val(L, n->args.data[0]),
                            n->args.len > 1 ? val(L, n->args.data[1]) : NULL);
        POLC_UNREACHABLE();
    }
    Node **args = n->args.data;
    switch (n->idx) { /* Builtin, in sema.c order */
    case 1:
    case 2: { /* min, max: left fold */
        IrNode *acc = val(L, args[0]);
        for (int i = 1; i < n->args.len; i++)
            acc = mk2(L, n->idx == 1 ? IR_MIN : IR_MAX, acc, val(L, args[i]), n->loc);
        return acc;
    }
    case 3: /* pos(x) = max(x, 0) */
        return mk2(L, IR_MAX, val(L, args[0]), cnst(L, 0, n->loc), n->loc);
    case 4: /* clamp(x, lo, hi) = min(max(x, lo), hi) */
        return mk2(L, IR_MIN, mk2(L, IR_MAX, val(L, args[0]), val(L, args[1]), n->loc),
                   val(L, args[2]), n->loc);
    case 5: {
        IrNode *p = mk(L, IR_PRESENT, n->loc);
        p->x = lower(L, args[0]);
        return p;
    }
    case 6: return host(L, H_YEAR_OF, n->loc, val(L, args[0]), NULL);
    case 7: return host(L, H_MONTH_AFTER, n->loc, val(L, args[0]), NULL);
    case 8: {
        IrNode *p = mk(L, IR_PROGRESSIVE, n->loc);
        p->a = args[0]->decl->index;
        p->x = val(L, args[1]);
        return p;
    }
    case 9: /* trunc(x): x's own product or quotient rounds toward zero (ir_binary) */
    case 10: /* floor(x): toward minus infinity */ return val(L, args[0]);
    default: POLC_UNREACHABLE();
    }
}

static IrNode *lower(Lower *L, Node *n)
{
    IrNode *r;
    switch (n->kind) {
    case ND_NUM:
    case ND_DATE:
    case ND_BOOL: return cnst(L, n->ival, n->loc);
    case ND_NAME:
        switch (n->ref) {
        case REF_RULE:
            r = mk(L, IR_RULE, n->loc);
            r->a = n->decl->index;
            return r;
        case REF_PARAM:
            r = mk(L, IR_PARAM, n->loc);
            r->a = n->decl->index;
            return r;
        case REF_MEMBER: return cnst(L, n->idx, n->loc);
        case REF_ARG:
            r = mk(L, IR_ARG, n->loc);
            r->a = n->idx;
            return r;
        default: POLC_UNREACHABLE();
        }
    case ND_FIELD: return lower_field(L, n);
    case ND_INDEX:
        r = mk(L, IR_PARAM, n->loc);
        r->a = n->decl->index;
        r->x = val(L, n->b);
        if (n->decl->has_unknown) {
            /* one loc per member, which names the param and the member when the claim needs
             * one the policy marks unknown: k = 1 + the first */
            IrLoc base = L->locs.data[r->loc];
            r->k = 1 + L->locs.len;
            for (int m = 0; m < n->decl->index_enum->members.len; m++) {
                IrLoc l = {base.rule, base.line, base.col, n->decl->index, m, 0, {0}};
                vec_push(L->a, &L->locs, l);
            }
        }
        return r;
    case ND_CALL: return lower_call(L, n);
    case ND_AGG:
        r = mk(L, IR_AGG, n->loc);
        r->a = n->idx;
        if (n->idx == 0 || n->idx == 1) { /* max, min: an explanation lists the candidates */
            L->locs.data[r->loc].best = n->idx + 1;
            L->locs.data[r->loc].ty = n->ty;
        }
        r->x = n->a ? val(L, n->a) : NULL;
        r->y = n->b ? val(L, n->b) : NULL;
        r->z = n->c ? val(L, n->c) : NULL;
        return r;
    case ND_UNARY:
        r = mk(L, n->op == OP_NOT ? IR_NOT : IR_NEG, n->loc);
        r->x = val(L, n->a);
        return r;
    case ND_BINARY: return lower_binary(L, n);
    case ND_IF:
        r = mk(L, IR_IF, n->loc);
        r->x = val(L, n->a);
        r->y = lower(L, n->b);
        r->z = lower(L, n->c);
        return r;
    case ND_CLAIM:
    case ND_PERSON: break;
    }
    POLC_UNREACHABLE();
}

static int line_of(Loc l)
{
    int line = 0, col = 0;
    if (l.src)
        source_linecol(l.src, l.start, &line, &col);
    return line;
}

static void lower_rule(Lower *L, Decl *d, IrRule *r)
{
    L->rule = d->name;
    r->name = d->name;
    r->decl = d;
    r->nargs = d->fields.len;
    r->loc = loc_of(L, d->loc);
    int nver = d->body ? 1 : d->versions.len;
    r->nbr = d->excs.len + nver;
    r->br = arena_alloc(L->a, sizeof(IrBranch) * (size_t)(r->nbr ? r->nbr : 1));
    for (int i = 0; i < d->excs.len; i++) {
        Exception *x = &d->excs.data[i];
        IrBranch *b = &r->br[x->rank];
        b->guard = val(L, x->cond);
        b->from = INT64_MIN;
        b->to = INT64_MAX;
        b->body = lower(L, x->value);
        b->name = x->name;
        b->cites = x->cites ? x->cites : d->cites;
        b->line = line_of(x->loc);
    }
    int k = d->excs.len;
    if (d->body) {
        IrBranch *b = &r->br[k];
        b->from = INT64_MIN;
        b->to = INT64_MAX;
        b->body = lower(L, d->body);
        b->name = "default";
        b->cites = d->cites;
        b->line = line_of(d->loc);
    } else {
        for (int i = 0; i < d->versions.len; i++) {
            Version *v = &d->versions.data[i];
            IrBranch *b = &r->br[k + i];
            b->from = v->from_day;
            b->to = v->to_day;
            b->body = lower(L, v->value);
            b->name = arena_printf(L->a, "from %s", v->from->text);
            b->cites = d->cites;
            b->line = line_of(v->loc);
        }
    }
}

/* lay out the parameter table: each version's values contiguous, at a fixed width */
static void lower_params(Lower *L)
{
    Policy *pol = L->pol;
    IrProgram *p = L->p;
    p->nparams = pol->params.len;
    p->params = arena_alloc(L->a, sizeof(IrParam) * (size_t)(p->nparams + 1));
    int64_t total = 0;
    for (int i = 0; i < p->nparams; i++) {
        Decl *d = pol->params.data[i];
        IrParam *ip = &p->params[i];
        ip->name = d->name;
        ip->decl = d;
        L->rule = d->name;
        ip->loc = loc_of(L, d->loc);
        int w = 1;
        if (d->index_enum)
            w = d->index_enum->members.len;
        if (d->ty.kind == TY_BRACKETS)
            for (int j = 0; j < d->versions.len; j++)
                if (1 + 2 * d->versions.data[j].entries.len > w)
                    w = 1 + 2 * d->versions.data[j].entries.len;
        ip->width = w;
        ip->nv = d->versions.len;
        ip->v = arena_alloc(L->a, sizeof(IrVersion) * (size_t)(ip->nv + 1));
        for (int j = 0; j < ip->nv; j++) {
            ip->v[j].from = d->versions.data[j].from_day;
            ip->v[j].to = d->versions.data[j].to_day;
            ip->v[j].offset = total;
            d->versions.data[j].offset = total;
            total += w;
        }
    }
    p->nptable = total;
    p->ptable = arena_alloc(L->a, sizeof(int64_t) * (size_t)(total + 1));
    for (int i = 0; i < p->nparams; i++) {
        Decl *d = pol->params.data[i];
        for (int j = 0; j < d->versions.len; j++) {
            Version *v = &d->versions.data[j];
            int64_t *t = p->ptable + v->offset;
            if (d->ty.kind == TY_BRACKETS) {
                t[0] = v->entries.len;
                for (int e = 0; e < v->entries.len; e++) {
                    t[1 + 2 * e] = v->entries.data[e].a->ival;
                    t[2 + 2 * e] = v->entries.data[e].b->ival;
                }
            } else if (d->index_enum) {
                for (int e = 0; e < v->entries.len; e++)
                    t[v->entries.data[e].idx] =
                        v->entries.data[e].unknown ? POLRT_NONE : v->entries.data[e].a->ival;
            } else {
                t[0] = v->value->ival;
            }
        }
    }
}

IrProgram *ir_lower(Arena *a, Policy *pol)
{
    IrProgram *p = arena_alloc(a, sizeof *p);
    Lower L = {.a = a, .pol = pol, .p = p};
    p->pol = pol;
    p->nclaim = pol->claim ? pol->claim->fields.len : 0;
    p->nperson = pol->person ? pol->person->fields.len : 0;
    p->nhist = pol->history ? pol->history->fields.len : 0;
    lower_params(&L);
    p->nrules = pol->rules.len;
    p->rules = arena_alloc(a, sizeof(IrRule) * (size_t)(p->nrules + 1));
    for (int i = 0; i < p->nrules; i++)
        lower_rule(&L, pol->rules.data[i], &p->rules[i]);
    p->noutputs = pol->outputs.len;
    p->outputs = arena_alloc(a, sizeof(int) * (size_t)(p->noutputs + 1));
    for (int i = 0; i < p->noutputs; i++)
        p->outputs[i] = pol->outputs.data[i]->index;
    p->nledgers = pol->ledgers.len;
    p->keys = arena_alloc(a, sizeof(IrNode *) * (size_t)(p->nledgers + 1));
    for (int i = 0; i < p->nledgers; i++) {
        Decl *d = pol->ledgers.data[i];
        p->nledger_fields += d->fields.len;
        L.rule = d->name;
        if (d->key)
            p->keys[i] = host(&L, H_YEAR_OF, d->key->loc, val(&L, d->key), NULL);
    }
    p->updates = arena_alloc(a, sizeof(IrNode *) * (size_t)(p->nledger_fields + 1));
    p->accumulate = arena_alloc(a, sizeof(int) * (size_t)(p->nledger_fields + 1));
    int k = 0;
    for (int i = 0; i < p->nledgers; i++) {
        Decl *d = pol->ledgers.data[i];
        for (int j = 0; j < d->fields.len; j++, k++) {
            Field *f = &d->fields.data[j];
            L.rule = arena_printf(a, "%s.%s", d->name, f->name);
            IrNode *u = val(&L, f->update);
            p->accumulate[k] = f->accumulate;
            if (f->accumulate) { /* x += e  is  x = x + e, overflow-checked */
                IrNode *cur = mk(&L, IR_LEDGER, f->loc);
                cur->a = k;
                u = mk2(&L, IR_ADD, cur, u, f->update->loc);
            }
            p->updates[k] = u;
        }
    }
    p->nrejects = pol->rejects.len;
    p->rejects = arena_alloc(a, sizeof(IrNode *) * (size_t)(p->nrejects + 1));
    p->reject_msgs = arena_alloc(a, sizeof(char *) * (size_t)(p->nrejects + 1));
    for (int i = 0; i < p->nrejects; i++) {
        Decl *d = pol->rejects.data[i];
        L.rule = arena_printf(a, "reject \"%s\"", d->name);
        p->rejects[i] = val(&L, d->body);
        p->reject_msgs[i] = d->name;
    }
    p->locs = L.locs.data;
    p->nlocs = L.locs.len;
    return p;
}

/* ---- printing ------------------------------------------------------------------------ */
static const char *op_names[] = {
    [IR_CONST] = "const",   [IR_CLAIM] = "claim",
    [IR_PERSON] = "person", [IR_HIST] = "hist",
    [IR_LEDGER] = "ledger", [IR_ARG] = "arg",
    [IR_PARAM] = "param",   [IR_PROGRESSIVE] = "progressive",
    [IR_RULE] = "rule",     [IR_CALL] = "call",
    [IR_HOST] = "host",     [IR_ADD] = "add.chk",
    [IR_SUB] = "sub.chk",   [IR_MUL] = "mul.chk",
    [IR_NEG] = "neg.chk",   [IR_CMP] = "cmp",
    [IR_AND] = "and",       [IR_OR] = "or",
    [IR_NOT] = "not",       [IR_IF] = "if",
    [IR_MIN] = "min",       [IR_MAX] = "max",
    [IR_UNWRAP] = "unwrap", [IR_PRESENT] = "present",
    [IR_AGG] = "agg",
};

static void dump_node(const IrProgram *p, const IrNode *n, FILE *f)
{
    if (!n) {
        fputs("_", f);
        return;
    }
    switch (n->op) {
    case IR_CONST: fprintf(f, "%lld", (long long)n->k); return;
    case IR_CLAIM: fprintf(f, "claim.%s", p->pol->claim->fields.data[n->a].name); return;
    case IR_PERSON: fprintf(f, "person.%s", p->pol->person->fields.data[n->a].name); return;
    case IR_HIST: fprintf(f, "span.%s", p->pol->history->fields.data[n->a].name); return;
    case IR_LEDGER: fprintf(f, "ledger[%d]", n->a); return;
    case IR_ARG: fprintf(f, "arg%d", n->a); return;
    case IR_RULE: fprintf(f, "@%s", p->rules[n->a].name); return;
    case IR_PARAM:
        fprintf(f, "(param%s %s", n->k ? ".may_be_unknown" : "", p->params[n->a].name);
        if (n->x) {
            fputc(' ', f);
            dump_node(p, n->x, f);
        }
        fputc(')', f);
        return;
    case IR_PROGRESSIVE:
        fprintf(f, "(progressive %s ", p->params[n->a].name);
        dump_node(p, n->x, f);
        fputc(')', f);
        return;
    default: break;
    }
    fprintf(f, "(%s", op_names[n->op]);
    if (n->op == IR_HOST)
        fprintf(f, " %s", ir_hosts[n->a].symbol);
    if (n->op == IR_CALL)
        fprintf(f, " @%s", p->rules[n->a].name);
    if (n->op == IR_CMP) {
        static const char *c[] = {"eq", "ne", "lt", "le", "gt", "ge"};
        fprintf(f, ".%s", c[n->a - OP_EQ]);
    }
    if (n->op == IR_AGG) {
        static const char *k[] = {"max", "min", "sum", "any", "all", "count"};
        fprintf(f, ".%s", k[n->a]);
    }
    if (n->op == IR_HOST || n->op == IR_CALL)
        for (int i = 0; i < n->nargs; i++) {
            fputc(' ', f);
            dump_node(p, n->args[i], f);
        }
    const IrNode *kids[3] = {n->x, n->y, n->z};
    for (int i = 0; i < 3; i++)
        if (kids[i] || (n->op == IR_AGG && i < 3)) {
            fputc(' ', f);
            dump_node(p, kids[i], f);
        }
    fputc(')', f);
}

void ir_dump(const IrProgram *p, FILE *f)
{
    for (int i = 0; i < p->nparams; i++) {
        const IrParam *ip = &p->params[i];
        fprintf(f, "param %s width %d:", ip->name, ip->width);
        for (int j = 0; j < ip->nv; j++) {
            char a[32], b[32];
            polrt_fmt_date(ip->v[j].from, a);
            if (ip->v[j].to == INT64_MAX)
                strcpy(b, "open");
            else
                polrt_fmt_date(ip->v[j].to, b);
            fprintf(f, " [%s, %s) @%lld =", a, b, (long long)ip->v[j].offset);
            for (int k = 0; k < ip->width; k++) {
                int64_t x = p->ptable[ip->v[j].offset + k];
                if (x == POLRT_NONE && ip->decl->has_unknown)
                    fputs(" unknown", f);
                else
                    fprintf(f, " %lld", (long long)x);
            }
        }
        fputc('\n', f);
    }
    for (int i = 0; i < p->nrules; i++) {
        const IrRule *r = &p->rules[i];
        fprintf(f, "rule %s/%d:\n", r->name, r->nargs);
        for (int j = 0; j < r->nbr; j++) {
            const IrBranch *b = &r->br[j];
            fprintf(f, "  %s", b->name);
            if (b->guard) {
                fputs(" when ", f);
                dump_node(p, b->guard, f);
            }
            fputs(" => ", f);
            dump_node(p, b->body, f);
            fputc('\n', f);
        }
    }
    for (int i = 0; i < p->nledgers; i++) {
        fprintf(f, "key %d: ", i);
        dump_node(p, p->keys[i], f);
        fputc('\n', f);
    }
    for (int i = 0; i < p->nledger_fields; i++) {
        fprintf(f, "update ledger[%d] = ", i);
        dump_node(p, p->updates[i], f);
        fputc('\n', f);
    }
    for (int i = 0; i < p->noutputs; i++)
        fprintf(f, "output %s\n", p->rules[p->outputs[i]].name);
    for (int i = 0; i < p->nrejects; i++) {
        fprintf(f, "reject \"%s\" when ", p->reject_msgs[i]);
        dump_node(p, p->rejects[i], f);
        fputc('\n', f);
    }
}
