/* xref.c — the cross-reference of a checked program: a walk of the AST after sema, which has
 * resolved each name (Node.ref, decl, idx), recording the byte range of every name written. */
#include "xref.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

typedef struct Named { /* a declaration, by name, for the binary search of find() */
    const char *name;
    int pos; /* its place among the declarations of its kind: the first of a name wins */
    Decl *d;
} Named;

typedef struct Walk {
    Arena *a;
    Program *p;
    XrefList *out;
    Decl *in;                     /* the declaration being walked */
    DeclList kind[DK_REJECT + 1]; /* p's declarations by kind: a name is looked up among its
                                     kind only, so the type of each of 80,000 generated rules
                                     is not sought among 160,000 declarations (minutes) */
    Named *sorted[DK_REJECT + 1]; /* each kind's, sorted by name and place: the output list of
                                     40,000 generated rules looked each up in turn (7.4 s) */
} Walk;

static void add(Walk *w, Loc loc, XrefKind k, Decl *d, int idx, int def)
{
    if (!d || !loc.src || loc.end <= loc.start)
        return;
    vec_push(w->a, w->out, ((Xref){loc, k, d, idx, def, w->in}));
}

/* a name at the start of loc, n bytes long */
static Loc head(Loc l, const char *name)
{
    l.end = l.start + (uint32_t)strlen(name);
    return l;
}
/* ... and at its end (the field of a.b) */
static Loc tail(Loc l, const char *name)
{
    l.start = l.end - (uint32_t)strlen(name);
    return l;
}

/* the sub of "name.sub: value" (a test's ledger field) */
static Loc after_dot(Loc l, const char *name, const char *sub)
{
    l.start += (uint32_t)strlen(name) + 1;
    l.end = l.start + (uint32_t)strlen(sub);
    return l;
}

static int cmp_named(const void *a, const void *b)
{
    const Named *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->pos > y->pos) - (x->pos < y->pos);
}

/* the first declaration of kind k named name, or NULL */
static Decl *find(Walk *w, DeclKind k, const char *name)
{
    const DeclList *l = &w->kind[k];
    if (!name || !l->len)
        return NULL;
    if (!w->sorted[k]) {
        Named *v = arena_alloc(w->a, sizeof *v * (size_t)l->len);
        for (int i = 0; i < l->len; i++)
            v[i] = (Named){l->data[i]->name ? l->data[i]->name : "", i, l->data[i]};
        qsort(v, (size_t)l->len, sizeof *v, cmp_named);
        w->sorted[k] = v;
    }
    const Named key = {name, -1, NULL}, *v = w->sorted[k];
    /* the lowest place with this name: pos -1 sorts before all of them */
    size_t lo = 0, hi = (size_t)l->len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cmp_named(&v[mid], &key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < (size_t)l->len && !strcmp(v[lo].name, name) ? v[lo].d : NULL;
}

static void type_ref(Walk *w, TypeRef t)
{
    if (t.name)
        add(w, head(t.loc, t.name), XR_DECL, find(w, DK_ENUM, t.name), -1, 0);
}

static void expr(Walk *w, Node *n)
{
    if (!n)
        return;
    switch (n->kind) {
    case ND_NAME:
        switch (n->ref) {
        case REF_RULE:
        case REF_PARAM:
        case REF_ENUM:
        case REF_LEDGER: add(w, n->loc, XR_DECL, n->decl, -1, 0); break;
        case REF_MEMBER: add(w, n->loc, XR_MEMBER, n->decl, n->idx, 0); break;
        case REF_ARG: add(w, n->loc, XR_ARG, w->in, n->idx, 0); break;
        case REF_NONE:
        case REF_BINDER:
        case REF_CLAIM_FIELD:
        case REF_PERSON_FIELD:
        case REF_HIST_FIELD:
        case REF_LEDGER_FIELD: break; /* a name resolves to none of these */
        }
        return;
    case ND_FIELD:
        expr(w, n->a);
        if (n->ref == REF_MEMBER)
            add(w, tail(n->loc, n->name), XR_MEMBER, n->decl, n->idx, 0);
        else if (n->ref == REF_CLAIM_FIELD || n->ref == REF_PERSON_FIELD ||
                 n->ref == REF_HIST_FIELD || n->ref == REF_LEDGER_FIELD)
            add(w, tail(n->loc, n->name), XR_FIELD, n->decl, n->idx, 0);
        return;
    case ND_CALL:
        if (n->decl)
            add(w, head(n->loc, n->name), XR_DECL, n->decl, -1, 0);
        for (int i = 0; i < n->args.len; i++)
            expr(w, n->args.data[i]);
        return;
    case ND_AGG: add(w, n->coll_loc, XR_DECL, find(w, DK_HISTORY, n->coll), -1, 0); break;
    case ND_NUM:
    case ND_DATE:
    case ND_BOOL:
    case ND_CLAIM:
    case ND_PERSON:
    case ND_INDEX:
    case ND_UNARY:
    case ND_BINARY:
    case ND_IF: break;
    }
    expr(w, n->a);
    expr(w, n->b);
    expr(w, n->c);
    for (int i = 0; i < n->args.len; i++)
        expr(w, n->args.data[i]);
}

static void fields(Walk *w, Decl *d, XrefKind k)
{
    for (int i = 0; i < d->fields.len; i++) {
        Field *f = &d->fields.data[i];
        add(w, f->loc, k, d, i, 1);
        type_ref(w, f->tref);
        expr(w, f->def);
        expr(w, f->update);
    }
}

/* a param: its index enum, its type, the values and table entries of its versions */
static void param_decl(Walk *w, Decl *d)
{
    add(w, d->loc, XR_DECL, d, -1, 1);
    if (d->index_name)
        add(w, d->index_loc, XR_DECL, find(w, DK_ENUM, d->index_name), -1, 0);
    type_ref(w, d->tref);
    for (int v = 0; v < d->versions.len; v++) {
        Version *ver = &d->versions.data[v];
        expr(w, ver->value);
        for (int e = 0; e < ver->entries.len; e++) {
            Entry *en = &ver->entries.data[e];
            if (en->member && d->index_enum)
                add(w, en->loc, XR_MEMBER, d->index_enum, en->idx, 0);
            expr(w, en->a);
            expr(w, en->b);
        }
    }
}

/* a rule: its arguments, type, body, versions and exceptions (with those each overrides) */
static void rule_decl(Walk *w, Decl *d)
{
    add(w, d->loc, XR_DECL, d, -1, 1);
    fields(w, d, XR_ARG);
    type_ref(w, d->tref);
    expr(w, d->body);
    for (int v = 0; v < d->versions.len; v++)
        expr(w, d->versions.data[v].value);
    for (int i = 0; i < d->excs.len; i++) {
        Exception *x = &d->excs.data[i];
        add(w, x->loc, XR_EXC, d, i, 1);
        for (int o = 0; o < x->over.len; o++)
            for (int j = 0; j < d->excs.len; j++)
                if (!strcmp(d->excs.data[j].name, x->over.data[o]))
                    add(w, x->over_locs.data[o], XR_EXC, d, j, 0);
        expr(w, x->cond);
        expr(w, x->value);
    }
}

/* a test: the rules and ledger fields its expectations name, and the enum members of every
 * item's values (best: tekun, identity: dibao) */
static void test_decl(Walk *w, Decl *d)
{
    add(w, d->loc, XR_DECL, d, -1, 1);
    for (int i = 0; i < d->items.len; i++) {
        TestItem *t = &d->items.data[i];
        for (int k = 0; k < t->kvs.len; k++)
            expr(w, t->kvs.data[k].value);
        if (t->kind != TI_EXPECT)
            continue;
        for (int k = 0; k < t->kvs.len; k++) {
            KV *kv = &t->kvs.data[k];
            if (!kv->sub) {
                add(w, head(kv->loc, kv->name), XR_DECL, find(w, DK_RULE, kv->name), -1, 0);
            } else {
                Decl *l = find(w, DK_LEDGER, kv->name);
                add(w, head(kv->loc, kv->name), XR_DECL, l, -1, 0);
                for (int f = 0; l && f < l->fields.len; f++)
                    if (!strcmp(l->fields.data[f].name, kv->sub))
                        add(w, after_dot(kv->loc, kv->name, kv->sub), XR_FIELD, l, f, 0);
            }
        }
    }
}

static void decl(Walk *w, Decl *d)
{
    w->in = d;
    switch (d->kind) {
    case DK_ENUM:
        add(w, d->loc, XR_DECL, d, -1, 1);
        for (int i = 0; i < d->members.len; i++)
            add(w, d->members.data[i].loc, XR_MEMBER, d, i, 1);
        return;
    case DK_CLAIM:
    case DK_PERSON:
    case DK_HISTORY:
        add(w, d->loc, XR_DECL, d, -1, 1);
        fields(w, d, XR_FIELD);
        return;
    case DK_LEDGER:
        add(w, d->loc, XR_DECL, d, -1, 1);
        expr(w, d->key);
        fields(w, d, XR_FIELD);
        return;
    case DK_PARAM: param_decl(w, d); return;
    case DK_RULE: rule_decl(w, d); return;
    case DK_OUTPUT:
        for (int i = 0; i < d->names.len; i++)
            add(w, d->name_locs.data[i], XR_DECL, find(w, DK_RULE, d->names.data[i]), -1, 0);
        return;
    case DK_EXTERN:
        add(w, d->loc, XR_DECL, d, -1, 1);
        for (int i = 0; i < d->arg_trefs.len; i++)
            type_ref(w, d->arg_trefs.data[i]);
        type_ref(w, d->tref);
        return;
    case DK_REJECT: expr(w, d->body); return;
    case DK_TEST: test_decl(w, d); return;
    }
}

void xref_build(Arena *a, Program *p, XrefList *out)
{
    Walk w = {a, p, out, NULL, {{0}}, {0}};
    for (int i = 0; i < p->decls.len; i++)
        vec_push(a, &w.kind[p->decls.data[i]->kind], p->decls.data[i]);
    for (int i = 0; i < p->decls.len; i++)
        decl(&w, p->decls.data[i]);
    /* the header's `dated by claim.FIELD` is a use of that field too (hover, definition and
     * references on it found nothing) */
    Decl *claim = w.kind[DK_CLAIM].len ? w.kind[DK_CLAIM].data[0] : NULL;
    w.in = NULL;
    for (int f = 0; claim && p->dated_by && f < claim->fields.len; f++)
        if (!strcmp(claim->fields.data[f].name, p->dated_by))
            add(&w, p->dated_loc, XR_FIELD, claim, f, 0);
}

const Xref *xref_at(const XrefList *l, const Source *src, uint32_t off)
{
    for (int i = 0; i < l->len; i++) {
        const Xref *r = &l->data[i];
        if (r->loc.src == src && r->loc.start <= off && off <= r->loc.end)
            return r;
    }
    return NULL;
}

int xref_same(const Xref *a, const Xref *b)
{
    return a->kind == b->kind && a->decl == b->decl && a->idx == b->idx;
}

const Xref *xref_def(const XrefList *l, const Xref *r)
{
    for (int i = 0; i < l->len; i++)
        if (l->data[i].def && xref_same(&l->data[i], r))
            return &l->data[i];
    return NULL;
}

/* A rule of the claim counts as used when anything names it: an output, a ledger's key or
 * update, another rule (or its exceptions), or a test's expectation (the analyst checks that
 * value on purpose) -- polc doc's "Used by nothing else" is the same condition. A rule with
 * arguments is left alone: it is never an output, so the slip warned of (an output naming a
 * rule by a typo) cannot leave it unwired, and `polc call` is how such a rule is tried by hand
 * (tests/cli/call.pol and tests/regress/calendar_years.sh hold rules for it alone). */
static int cmp_ptr(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t) * (const Decl *const *)a, y = (uintptr_t) * (const Decl *const *)b;
    return (x > y) - (x < y);
}

int xref_unused(Arena *a, Diag *d, const Program *p, const XrefList *l)
{
    /* the rules read, sorted to be looked up: a scan of the references per rule hit the 60 s limit
     * on tests/cli/frontend.sh's 80,000 generated rules */
    const Decl **read = arena_alloc(a, ((size_t)l->len + 1) * sizeof *read);
    size_t n = 0;
    for (int i = 0; i < l->len; i++) {
        const Xref *x = &l->data[i];
        if (!x->def && x->kind == XR_DECL &&
            (x->decl->kind == DK_RULE || x->decl->kind == DK_PARAM) && x->in != x->decl)
            read[n++] = x->decl;
    }
    qsort(read, n, sizeof *read, cmp_ptr);
    /* printed text stops at XREF_MAX_UNUSED_SHOWN of a kind; the language server (a sink) gets
     * every one, each at its place in the editor */
    int shown = d->sink ? INT_MAX : XREF_MAX_UNUSED_SHOWN;
    int warned = 0, nparams = 0, nrules = 0;
    for (int k = 0; k < p->decls.len; k++) {
        const Decl *r = p->decls.data[k];
        if ((r->kind != DK_RULE && r->kind != DK_PARAM) || r->fields.len ||
            bsearch(&r, read, n, sizeof *read, cmp_ptr))
            continue;
        warned++;
        if ((r->kind == DK_PARAM ? nparams++ : nrules++) >= shown)
            continue;
        /* a param nothing reads is a number of the notice the policy forgot to apply: the
         * cap declared, the formula never capped (a param is no test's expectation) */
        if (r->kind == DK_PARAM)
            diag_warning(d, r->loc,
                         "param '%s' is read by nothing: no rule, ledger or reject check reads "
                         "it; remove it, or use it",
                         r->name);
        else
            diag_warning(d, r->loc,
                         "rule '%s' is used by nothing: no output, ledger, test or other rule "
                         "reads it; remove it, or use it",
                         r->name);
    }
    if (nparams > shown)
        diag_warning(d, (Loc){0}, "... and %d more params nothing reads (the first %d are shown)",
                     nparams - shown, shown);
    if (nrules > shown)
        diag_warning(d, (Loc){0}, "... and %d more rules nothing reads (the first %d are shown)",
                     nrules - shown, shown);
    return warned;
}

/* ---- outputs: labels and roles ---------------------------------------------------------- */

int xref_output(const Policy *pol, const Decl *r, const char **heading, const char **role)
{
    int k = -1, any_role = 0;
    for (int i = 0; i < pol->outputs.len; i++) {
        if (pol->outputs.data[i] == r)
            k = i;
        any_role |= i < pol->output_roles.len && pol->output_roles.data[i] != NULL;
    }
    if (k < 0)
        return -1;
    const char *l = k < pol->output_labels.len ? pol->output_labels.data[k] : NULL;
    const char *w = k < pol->output_roles.len ? pol->output_roles.data[k] : NULL;
    *heading = l ? l : r->name;
    int money = r->ty.kind == TY_MONEY;
    if (w && !strcmp(w, "payer"))
        *role = "payer (基金): money a fund pays, counted as a cost in reports";
    else if (w && !strcmp(w, "patient"))
        *role = "patient (个人): what the patient pays";
    else if (w && !strcmp(w, "hospital"))
        *role = "hospital (医疗机构): what the hospital bears, totalled apart from the funds";
    else if (w)
        *role = "info (信息): shown, not counted as a cost";
    else if (!any_role && money)
        *role = "none written: counted as a payer (no output of the policy has a role)";
    else if (money)
        *role = "none written: not counted as a payer (other outputs have roles)";
    else
        *role = "none written: shown, not counted as a cost";
    return k;
}
