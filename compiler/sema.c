/* sema.c — the checker. Takes the parsed Program; resolves every name, types every expression
 * with its unit, checks parameter tables and effective-date intervals, exception precedence,
 * rule cycles, ledgers, outputs and tests; produces a Policy for the IR. An ill-typed
 * expression gets TY_ERROR, which raises nothing further [Wren]. */
#include "sema.h"

#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>

#include "polrt.h"

/* ---- host functions (runtime/include/polrt.h) ---------------------------------------- */
const HostFn host_fns[] = {
    {"workdays_between", "polrt_workdays_between", 2, {TY_DATE, TY_DATE}, TY_INT, UNIT_DAYS},
    {"add_workdays", "polrt_add_workdays", 2, {TY_DATE, TY_INT}, TY_DATE, UNIT_DAYS},
    {"add_months", "polrt_add_months", 2, {TY_DATE, TY_INT}, TY_DATE, UNIT_DAYS},
};
const int host_nfns = (int)(sizeof host_fns / sizeof host_fns[0]);

const HostFn *host_lookup(const char *name)
{
    for (int i = 0; i < host_nfns; i++)
        if (strcmp(host_fns[i].name, name) == 0)
            return &host_fns[i];
    return NULL;
}

/* built-in functions of the language (spec/LANGUAGE.md §6) */
typedef enum {
    BI_NONE,
    BI_MIN,
    BI_MAX,
    BI_POS,
    BI_CLAMP,
    BI_PRESENT,
    BI_YEAR,
    BI_MONTH_AFTER,
    BI_PROGRESSIVE,
    BI_TRUNC, /* trunc(money × rate | money ÷ int): the fen toward zero */
    BI_FLOOR, /* floor(...): toward minus infinity */
} Builtin;
static const struct {
    const char *name;
    Builtin b;
} builtins[] = {
    {"min", BI_MIN},
    {"max", BI_MAX},
    {"pos", BI_POS},
    {"clamp", BI_CLAMP},
    {"present", BI_PRESENT},
    {"year", BI_YEAR},
    {"month_after", BI_MONTH_AFTER},
    {"次月", BI_MONTH_AFTER},
    {"progressive", BI_PROGRESSIVE},
    {"trunc", BI_TRUNC},
    {"floor", BI_FLOOR},
};

const char *sema_builtin(size_t i)
{
    return i < sizeof builtins / sizeof builtins[0] ? builtins[i].name : NULL;
}

/* trunc and floor are names of the domain too (起付线 is a deductible's "floor"): a param or
 * argument-less rule may still be called so, since only a call reaches the built-in */
static int call_only_builtin(const char *name)
{
    return !strcmp(name, "trunc") || !strcmp(name, "floor");
}

typedef struct Dep { /* rule `from` uses rule `to` at loc */
    Decl *from, *to;
    Loc loc;
} Dep;

typedef struct NameSlot {
    const char *name; /* NULL: empty */
    Decl *decl;       /* the first declaration of the name; an enum, for a member */
    int idx;          /* member index */
    Decl *other;      /* a second enum with a member of this name (ambiguous) */
} NameSlot;

typedef struct NameTable {
    NameSlot *slots;
    int cap; /* a power of two, at least twice the entries */
} NameTable;

typedef struct Sema {
    Arena *a;
    Diag *d;
    Program *p;
    Policy *pol;
    Decl *rule;         /* the rule whose body is being checked (args, dependencies) */
    const char *binder; /* the aggregate's span variable in scope */
    int formula;        /* inside a formula: numbers must come from params */
    Decl *dep_from;     /* rule being checked: record edges for the cycle check */
    VEC(Dep) deps;
    NameTable names;          /* declared names */
    NameTable members;        /* enum member names */
    NodeList guards;          /* the conditions that decide whether the expression being checked is
                                 evaluated: enclosing ifs, an and/or's left side, an exception's when */
    int64_t win_from, win_to; /* the claim dates it is evaluated for, [from, to): a rule
                                 version's, else INT64_MIN, INT64_MAX */
} Sema;

static const Type T_ERR = {TY_ERROR, 0, 0, NULL};
static Type mk(TypeKind k)
{
    return (Type){k, 0, 0, NULL};
}
static Type mk_dur(Unit u)
{
    return (Type){TY_DURATION, u, 0, NULL};
}
static const char *tn(Sema *s, Type t)
{
    return type_name(s->a, t);
}

/* ---- "did you mean" ------------------------------------------------------------------ */

typedef struct Suggest {
    const char *best;
    int dist;
    const char *word;
} Suggest;

static void suggest_try(Suggest *sg, const char *cand)
{
    if (!cand)
        return;
    int d = polrt_edit_distance(sg->word, cand); /* in code points (runtime/util.c) */
    int len = 0; /* so is the limit: in bytes, '县区' (2 code points) took 'p' for a near name */
    for (const char *c = sg->word; *c; c++)
        len += ((unsigned char)*c & 0xC0) != 0x80;
    int lim = len / 3;
    if (lim < 1)
        lim = 1;
    if (lim > 3)
        lim = 3;
    if (d <= lim && d < sg->dist) {
        sg->best = cand;
        sg->dist = d;
    }
}

static const char *did_you_mean(Sema *s, const char *best)
{
    return best ? arena_printf(s->a, "; did you mean '%s'?", best) : "";
}

const char *sema_suggest_decl(Arena *a, const Program *p, DeclKind k, const char *name)
{
    Suggest sg = {NULL, 99, name};
    for (int i = 0; i < p->decls.len; i++)
        if (p->decls.data[i]->kind == k)
            suggest_try(&sg, p->decls.data[i]->name);
    return sg.best ? arena_printf(a, "; did you mean '%s'?", sg.best) : "";
}

/* ---- lookups ------------------------------------------------------------------------- */
/* Names are looked up through hash tables built once, so a generated policy of 100,000
 * declarations checks in linear time (a linear scan per lookup made it quadratic). */
static uint32_t name_hash(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static NameSlot *name_slot(NameTable *t, const char *name)
{
    uint32_t i = name_hash(name) & (uint32_t)(t->cap - 1);
    while (t->slots[i].name && strcmp(t->slots[i].name, name) != 0)
        i = (i + 1) & (uint32_t)(t->cap - 1);
    return &t->slots[i];
}

static void name_table_init(Arena *a, NameTable *t, int n)
{
    t->cap = 16;
    while (t->cap < 2 * n + 2)
        t->cap *= 2;
    t->slots = arena_alloc(a, sizeof(NameSlot) * (size_t)t->cap);
}

static Decl *find_decl(Sema *s, const char *name, int kinds)
{
    NameSlot *sl = name_slot(&s->names, name);
    if (!sl->name)
        return NULL;
    if (kinds & (1 << sl->decl->kind))
        return sl->decl;
    if (!sl->other) /* no second declaration of this name (an error already reported) */
        return NULL;
    for (int i = 0; i < s->p->decls.len; i++) {
        Decl *d = s->p->decls.data[i];
        if ((kinds & (1 << d->kind)) && d->name && strcmp(d->name, name) == 0)
            return d;
    }
    return NULL;
}
/* a money param's value this many times its neighbour's (the version before, the other
 * members of its table) is worth a warning: 万元 for yuan is 10,000×, 元 for 角 10× */
#define SEMA_SLIP_RATIO 10
/* a 万元 amount of at least 10 million yuan (in fen) is worth a warning: no benefit of these
 * notices comes near it, and "6000 万元" for 6000 yuan lands there */
#define SEMA_WAN_SLIP_FEN ((int64_t)1000000000)
/* unit-slip warnings shown by polc check (the errors' limit, DIAG_MAX_ERRORS, for the same
 * reason: the first few say what to fix) */
#define SEMA_MAX_SLIP_WARNINGS 20
/* an operand longer than this (bytes) is not quoted in a message's hint: the hint is to read
 * at a glance */
#define SEMA_HINT_OPERAND 40
#define K(k)              (1 << (k))
#define NAMED             (K(DK_ENUM) | K(DK_PARAM) | K(DK_LEDGER) | K(DK_RULE) | K(DK_EXTERN) | K(DK_HISTORY))

static int find_field(Decl *rec, const char *name)
{
    if (!rec)
        return -1;
    for (int i = 0; i < rec->fields.len; i++)
        if (strcmp(rec->fields.data[i].name, name) == 0)
            return i;
    return -1;
}

static int find_member(Decl *en, const char *name)
{
    for (int i = 0; i < en->members.len; i++)
        if (strcmp(en->members.data[i].name, name) == 0)
            return i;
    return -1;
}

static const char *suggest_field(Sema *s, Decl *rec, const char *name)
{
    Suggest sg = {NULL, 99, name};
    for (int i = 0; rec && i < rec->fields.len; i++)
        suggest_try(&sg, rec->fields.data[i].name);
    return did_you_mean(s, sg.best);
}

/* a member written as its label (乡镇 for township), as a CSV cell may be but policy text is
 * not: the member to write, or "" */
static const char *label_fix(Sema *s, const char *name)
{
    for (int i = 0; i < s->p->decls.len; i++) {
        const Decl *en = s->p->decls.data[i];
        for (int m = 0; en->kind == DK_ENUM && m < en->members.len; m++)
            if (en->members.data[m].label && !strcmp(en->members.data[m].label, name))
                return arena_printf(s->a, "; that is the label of %s.%s: write %s", en->name,
                                    en->members.data[m].name, en->members.data[m].name);
    }
    return "";
}

static const char *suggest_member(Sema *s, Decl *en, const char *name)
{
    const char *label = label_fix(s, name);
    if (*label)
        return label;
    Suggest sg = {NULL, 99, name};
    for (int i = 0; i < en->members.len; i++)
        suggest_try(&sg, en->members.data[i].name);
    return did_you_mean(s, sg.best);
}

/* a name: every declared name, every enum member, builtins, the current rule's arguments */
static const char *suggest_name(Sema *s, const char *name)
{
    const char *label = label_fix(s, name);
    if (*label)
        return label;
    Suggest sg = {NULL, 99, name};
    for (int i = 0; i < s->p->decls.len; i++) {
        Decl *d = s->p->decls.data[i];
        if (K(d->kind) & (K(DK_PARAM) | K(DK_RULE) | K(DK_LEDGER)))
            suggest_try(&sg, d->name);
        if (d->kind == DK_ENUM)
            for (int j = 0; j < d->members.len; j++)
                suggest_try(&sg, d->members.data[j].name);
    }
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
        suggest_try(&sg, builtins[i].name);
    if (s->rule)
        for (int i = 0; i < s->rule->fields.len; i++)
            suggest_try(&sg, s->rule->fields.data[i].name);
    return did_you_mean(s, sg.best);
}

/* ---- types as written ---------------------------------------------------------------- */
static Type resolve_type(Sema *s, TypeRef *tr)
{
    Type t = T_ERR;
    if (!tr->name && !tr->unit_tok) {
        diag_error(s->d, tr->loc, "a type is needed here (money, rate, int, bool, date, ...)");
        return T_ERR;
    }
    if (!tr->name) {
        switch (tr->unit_tok) {
        case NUM_DAYS: t = mk_dur(UNIT_DAYS); break;
        case NUM_WORKDAYS: t = mk_dur(UNIT_WORKDAYS); break;
        case NUM_MONTHS: t = mk_dur(UNIT_MONTHS); break;
        case NUM_YEARS: t = mk_dur(UNIT_YEARS); break;
        default:
            diag_error(s->d, tr->loc, "'%s' is a unit of money, not a type; write 'money'",
                       tr->unit_tok == NUM_WAN ? "万元" : "yuan");
            return T_ERR;
        }
    } else if (!strcmp(tr->name, "money") || !strcmp(tr->name, "金额")) {
        t = mk(TY_MONEY);
    } else if (!strcmp(tr->name, "rate") || !strcmp(tr->name, "比例")) {
        t = mk(TY_RATE);
    } else if (!strcmp(tr->name, "int") || !strcmp(tr->name, "整数")) {
        t = mk(TY_INT);
    } else if (!strcmp(tr->name, "bool") || !strcmp(tr->name, "布尔")) {
        t = mk(TY_BOOL);
    } else if (!strcmp(tr->name, "date") || !strcmp(tr->name, "日期")) {
        t = mk(TY_DATE);
    } else if (!strcmp(tr->name, "brackets") || !strcmp(tr->name, "分段")) {
        t = mk(TY_BRACKETS);
    } else {
        Decl *en = find_decl(s, tr->name, K(DK_ENUM));
        if (!en) {
            Suggest sg = {NULL, 99, tr->name};
            static const char *prims[] = {"money", "rate", "int", "bool", "date", "brackets"};
            for (size_t i = 0; i < 6; i++)
                suggest_try(&sg, prims[i]);
            for (int i = 0; i < s->p->decls.len; i++)
                if (s->p->decls.data[i]->kind == DK_ENUM)
                    suggest_try(&sg, s->p->decls.data[i]->name);
            diag_error(s->d, tr->loc, "unknown type '%s'%s", tr->name, did_you_mean(s, sg.best));
            return T_ERR;
        }
        t = mk(TY_ENUM);
        t.en = en;
    }
    t.optional = tr->optional;
    return t;
}

/* ---- literals ------------------------------------------------------------------------ */
/* Parse the decimal digits of a literal into value × 10^scale exactly; -1 when it has more
 * fractional digits than scale allows, -2 on overflow. */
static int decimal_scaled(const char *text, int scale, int64_t *out)
{
    int neg = 0;
    if (*text == '-')
        neg = 1, text++;
    __int128 v = 0;
    int frac = -1;
    for (const char *c = text; *c; c++) {
        if (*c == '.') {
            frac = 0;
            continue;
        }
        if (frac >= 0 && ++frac > scale) {
            if (*c != '0')
                return -1;
            continue; /* trailing zeros past the scale are exact */
        }
        v = v * 10 + (*c - '0');
        if (v > (__int128)INT64_MAX * 10)
            return -2;
    }
    int f = frac < 0 ? 0 : frac > scale ? scale : frac;
    for (int i = f; i < scale; i++) {
        v *= 10;
        if (v > INT64_MAX)
            return -2;
    }
    if (v > INT64_MAX)
        return -2;
    *out = neg ? -(int64_t)v : (int64_t)v;
    return 0;
}

static int parse_day(Sema *s, Node *n)
{
    int64_t day;
    if (polrt_parse_date(n->text, strlen(n->text), &day) != 0) {
        diag_error(s->d, n->loc, "'%s' is not a calendar date", n->text);
        return -1;
    }
    n->ival = day;
    n->ty = mk(TY_DATE);
    return 0;
}

/* type and encode an ND_NUM; returns its type (TY_ERROR after a diagnostic) */
static Type num_literal(Sema *s, Node *n)
{
    int64_t v;
    int rc;
    Type t;
    const char *what;
    switch (n->unit) {
    case NUM_YUAN:
        rc = decimal_scaled(n->text, 2, &v), t = mk(TY_MONEY),
        what = "an amount in yuan has at most 2 decimal places (fen)";
        break;
    case NUM_WAN:
        rc = decimal_scaled(n->text, 6, &v), t = mk(TY_MONEY),
        what = "an amount in 万元 has at most 6 decimal places (fen)";
        break;
    case NUM_PERCENT:
        rc = decimal_scaled(n->text, 4, &v), t = mk(TY_RATE),
        what = "a percentage has at most 4 decimal places";
        break;
    case NUM_PLAIN:
        if (strchr(n->text, '.')) {
            rc = decimal_scaled(n->text, 6, &v), t = mk(TY_RATE),
            what = "a rate has at most 6 decimal places";
        } else {
            rc = decimal_scaled(n->text, 0, &v), t = mk(TY_INT), what = "";
        }
        break;
    case NUM_DAYS:
    case NUM_WORKDAYS:
    case NUM_MONTHS:
    case NUM_YEARS:
        t = mk_dur((Unit)(n->unit - NUM_DAYS));
        rc = strchr(n->text, '.') ? -1 : decimal_scaled(n->text, 0, &v);
        what = "a duration is a whole number";
        break;
    default: POLC_UNREACHABLE();
    }
    if (rc == -1) {
        diag_error(s->d, n->loc, "%s", what);
        return T_ERR;
    }
    if (rc == -2) {
        diag_error(s->d, n->loc, "number too large");
        return T_ERR;
    }
    n->ival = v;
    n->ty = t;
    return t;
}

/* Numbers live in dated parameters, never inside formulas: only 0, 1 and 100% may be
 * written in a rule, so a changed notice is a parameter edit, not a formula hunt. */
static void check_formula_literal(Sema *s, Node *n)
{
    if (!s->formula || n->ty.kind == TY_ERROR)
        return;
    int ok = n->ival == 0 || (n->ty.kind == TY_INT && n->ival == 1) ||
             (n->ty.kind == TY_RATE && n->ival == POLRT_RATE_ONE) ||
             (n->ty.kind == TY_DURATION && n->ival == 1);
    if (!ok)
        diag_error(s->d, n->loc,
                   "the number %s%s%s is written inside a formula; declare it as a dated param",
                   n->text, n->unit == NUM_PERCENT || n->unit == NUM_PLAIN ? "" : " ",
                   n->unit == NUM_YUAN      ? "yuan"
                   : n->unit == NUM_WAN     ? "万元"
                   : n->unit == NUM_PERCENT ? "%"
                   : n->unit == NUM_PLAIN   ? ""
                                            : tn(s, n->ty)); /* 30 days, as the caret shows */
}

int sema_literal(Arena *a, Diag *d, Policy *pol, Node *n, Type want, int64_t *out);

/* ---- expressions --------------------------------------------------------------------- */
static Type check_expr(Sema *s, Node *n);

static Type want(Sema *s, Node *n, Type t, const char *what)
{
    Type got = check_expr(s, n);
    if (got.kind == TY_ERROR || t.kind == TY_ERROR)
        return T_ERR;
    if (!type_eq(got, t)) {
        diag_error(s->d, n->loc, "%s must be %s, found %s", what, tn(s, t), tn(s, got));
        return T_ERR;
    }
    return got;
}

static void add_dep(Sema *s, Decl *to, Loc loc)
{
    if (s->dep_from)
        vec_push(s->a, &s->deps, ((Dep){s->dep_from, to, loc}));
}

static Decl *binder_history(Sema *s)
{
    return s->pol->history;
}

/* n names member m of enum en: its value, of that enum's type */
static Type member_ref(Node *n, Decl *en, int m)
{
    n->ref = REF_MEMBER;
    n->decl = en;
    n->idx = m;
    n->ival = m;
    Type t = mk(TY_ENUM);
    t.en = en;
    return t;
}

/* A bare name that is no argument or declaration: an enum member, if exactly one enum has
 * it */
static Type check_member_name(Sema *s, Node *n)
{
    const char *name = n->name;
    NameSlot *ms = name_slot(&s->members, name);
    Decl *found = ms->name ? ms->decl : NULL, *other = ms->other;
    int idx = ms->idx;
    if (found && other) {
        diag_error(s->d, n->loc, "'%s' is a member of both %s and %s; write %s.%s", name,
                   found->name, other->name, found->name, name);
        return T_ERR;
    }
    if (found)
        return member_ref(n, found, idx);
    /* a record's field written bare (discharged for claim.discharged) is named as it is
     * read; one spelt nearly so, when no declared name is near */
    Suggest sf = {NULL, 99, name};
    const char *rec = NULL, *near = suggest_name(s, name);
    Decl *recs[] = {s->pol->claim, s->pol->person};
    for (int r = 0; r < 2; r++)
        for (int i = 0; recs[r] && i < recs[r]->fields.len; i++) {
            const char *was = sf.best;
            suggest_try(&sf, recs[r]->fields.data[i].name);
            if (sf.best != was)
                rec = r ? "person" : "claim";
        }
    if (sf.best && (sf.dist == 0 || !near[0]))
        near = arena_printf(s->a, "; did you mean '%s.%s'?", rec, sf.best);
    diag_error(s->d, n->loc, "unknown name '%s'%s", name, near);
    return T_ERR;
}

/* A bare name: a rule argument, a declaration used as a value, or an enum member */
static Type check_name(Sema *s, Node *n)
{
    const char *name = n->name;
    if (s->binder && !strcmp(name, s->binder)) {
        diag_error(s->d, n->loc, "'%s' is a history span; name one of its fields: %s.%s", name,
                   name,
                   binder_history(s) && binder_history(s)->fields.len
                       ? binder_history(s)->fields.data[0].name
                       : "field");
        return T_ERR;
    }
    if (s->rule) {
        int i = find_field(s->rule, name);
        if (i >= 0) {
            n->ref = REF_ARG;
            n->idx = i;
            return s->rule->fields.data[i].ty;
        }
    }
    Decl *d = find_decl(s, name, NAMED);
    if (d) {
        switch (d->kind) {
        case DK_RULE:
            if (d->fields.len) {
                diag_error(s->d, n->loc, "rule '%s' takes %d argument%s; call it as %s(...)", name,
                           d->fields.len, diag_plural(d->fields.len), name);
                return T_ERR;
            }
            n->ref = REF_RULE;
            n->decl = d;
            add_dep(s, d, n->loc);
            return d->ty;
        case DK_PARAM:
            if (d->index_enum) {
                diag_error(s->d, n->loc, "param '%s' is a table over %s; index it: %s[...]", name,
                           d->index_enum->name, name);
                return T_ERR;
            }
            if (d->ty.kind == TY_BRACKETS) {
                diag_error(s->d, n->loc, "param '%s' holds brackets; use progressive(%s, amount)",
                           name, name);
                return T_ERR;
            }
            n->ref = REF_PARAM;
            n->decl = d;
            return d->ty;
        case DK_ENUM:
            diag_error(s->d, n->loc, "'%s' is an enum; name a member: %s.%s", name, name,
                       d->members.len ? d->members.data[0].name : "member");
            return T_ERR;
        case DK_LEDGER:
            diag_error(s->d, n->loc, "'%s' is a ledger; name one of its fields: %s.%s", name, name,
                       d->fields.len ? d->fields.data[0].name : "field");
            return T_ERR;
        case DK_EXTERN:
            diag_error(s->d, n->loc, "'%s' is a function; call it: %s(...)", name, name);
            return T_ERR;
        case DK_HISTORY:
            diag_error(s->d, n->loc, "'%s' is a history; aggregate over it: any(h in %s where ...)",
                       name, name);
            return T_ERR;
        default: break;
        }
    }
    return check_member_name(s, n);
}

static Type check_field(Sema *s, Node *n)
{
    Node *b = n->a;
    Decl *rec = NULL;
    RefKind rk = REF_NONE;
    if (b->kind == ND_CLAIM) {
        rec = s->pol->claim, rk = REF_CLAIM_FIELD;
        if (!rec) {
            diag_error(s->d, b->loc, "the policy declares no claim record");
            return T_ERR;
        }
    } else if (b->kind == ND_PERSON) {
        rec = s->pol->person, rk = REF_PERSON_FIELD;
        if (!rec) {
            diag_error(s->d, b->loc, "the policy declares no person record");
            return T_ERR;
        }
    } else if (b->kind == ND_NAME && s->binder && !strcmp(b->name, s->binder)) {
        rec = s->pol->history, rk = REF_HIST_FIELD;
        b->ref = REF_BINDER;
    } else if (b->kind == ND_NAME) {
        Decl *d = find_decl(s, b->name, K(DK_LEDGER) | K(DK_ENUM));
        if (d && d->kind == DK_LEDGER) {
            rec = d, rk = REF_LEDGER_FIELD;
            b->ref = REF_LEDGER;
            b->decl = d;
        } else if (d && d->kind == DK_ENUM) {
            int m = find_member(d, n->name);
            if (m < 0) {
                diag_error(s->d, n->loc, "enum %s has no member '%s'%s", d->name, n->name,
                           suggest_member(s, d, n->name));
                return T_ERR;
            }
            return member_ref(n, d, m);
        }
    }
    if (!rec) {
        Type bt = check_expr(s, b);
        if (bt.kind != TY_ERROR)
            diag_error(s->d, n->loc, "a value of type %s has no fields", tn(s, bt));
        return T_ERR;
    }
    int i = find_field(rec, n->name);
    if (i < 0) {
        const char *what = rk == REF_CLAIM_FIELD    ? "the claim record"
                           : rk == REF_PERSON_FIELD ? "the person record"
                           : rk == REF_HIST_FIELD   ? arena_printf(s->a, "history %s", rec->name)
                                                    : arena_printf(s->a, "ledger %s", rec->name);
        diag_error(s->d, n->loc, "%s has no field '%s'%s", what, n->name,
                   suggest_field(s, rec, n->name));
        return T_ERR;
    }
    n->ref = rk;
    n->decl = rec;
    n->idx = i;
    return rec->fields.data[i].ty;
}

static Type check_index(Sema *s, Node *n)
{
    Node *b = n->a;
    Decl *d = b->kind == ND_NAME ? find_decl(s, b->name, K(DK_PARAM)) : NULL;
    if (!d) {
        if (b->kind == ND_NAME && !find_decl(s, b->name, NAMED))
            diag_error(s->d, b->loc, "unknown param '%s'%s", b->name, suggest_name(s, b->name));
        else
            diag_error(s->d, b->loc, "only a param table can be indexed");
        check_expr(s, n->b);
        return T_ERR;
    }
    if (!d->index_enum) {
        diag_error(s->d, n->loc, "param '%s' is not a table; write it without [...]", d->name);
        return T_ERR;
    }
    Type it = mk(TY_ENUM);
    it.en = d->index_enum;
    if (want(s, n->b, it, arena_printf(s->a, "the index of '%s'", d->name)).kind == TY_ERROR)
        return T_ERR;
    b->ref = REF_PARAM;
    b->decl = d;
    n->decl = d;
    return d->ty;
}

static int numeric(Type t)
{
    return t.kind == TY_MONEY || t.kind == TY_RATE || t.kind == TY_INT || t.kind == TY_DURATION;
}

/* A call of a rule or an extern: its arguments against the declared fields */
static Type check_user_call(Sema *s, Node *n)
{
    int na = n->args.len;
    Node **args = n->args.data;
    Decl *d = find_decl(s, n->name, K(DK_RULE) | K(DK_EXTERN));
    if (!d) {
        Decl *o = find_decl(s, n->name, NAMED);
        if (o)
            diag_error(s->d, n->loc, "'%s' is %s %s, not a function", n->name,
                       diag_a(decl_kind_name(o->kind)), decl_kind_name(o->kind));
        else
            diag_error(s->d, n->loc, "unknown function '%s'%s", n->name, suggest_name(s, n->name));
        for (int i = 0; i < na; i++)
            check_expr(s, args[i]);
        return T_ERR;
    }
    int want_n = d->kind == DK_RULE ? d->fields.len : d->arg_trefs.len;
    if (na != want_n) {
        diag_error(s->d, n->loc, "%s '%s' takes %d argument%s, %d given", decl_kind_name(d->kind),
                   n->name, want_n, diag_plural(want_n), na);
        return T_ERR;
    }
    if (d->kind == DK_RULE && !d->fields.len) {
        diag_error(s->d, n->loc, "rule '%s' takes no arguments; write it without ()", n->name);
        return T_ERR;
    }
    int bad = 0;
    for (int i = 0; i < na; i++) {
        /* rule arguments and extern argument types are both resolved into fields */
        Type at = d->fields.data[i].ty;
        if (want(s, args[i], at, arena_printf(s->a, "argument %d of '%s'", i + 1, n->name)).kind ==
            TY_ERROR)
            bad = 1;
    }
    n->decl = d;
    n->ref = d->kind == DK_RULE ? REF_RULE : REF_NONE;
    if (d->kind == DK_RULE)
        add_dep(s, d, n->loc);
    return bad ? T_ERR : d->ty;
}

/* min / max: two or more arguments of one type, not booleans (t: the first four's types, err:
 * one of them was an error) */
static Type check_min_max(Sema *s, Node *n, Type *t, int err)
{
    int na = n->args.len;
    Node **args = n->args.data;
    if (na < 2) {
        diag_error(s->d, n->loc, "%s needs at least 2 arguments", n->name);
        return T_ERR;
    }
    for (int i = 4; i < na; i++)
        if (check_expr(s, args[i]).kind == TY_ERROR)
            err = 1;
    if (err)
        return T_ERR;
    for (int i = 1; i < na; i++) {
        if (!type_eq(args[i]->ty, t[0])) {
            diag_error(s->d, args[i]->loc, "%s mixes %s and %s", n->name, tn(s, t[0]),
                       tn(s, args[i]->ty));
            return T_ERR;
        }
    }
    if (t[0].kind == TY_BOOL) {
        diag_error(s->d, n->loc, "%s of booleans; use 'and' / 'or'", n->name);
        return T_ERR;
    }
    t[0].optional = 0;
    return t[0];
}

/* trunc / floor: explicit rounding (spec §5). The argument is the one product or quotient
 * whose fen it rounds, so nothing else in it is rounded twice; the mark on that node picks the
 * runtime helper (ir.c) */
static Type check_rounding(Sema *s, Node *n, Builtin bi, Type *t, int err)
{
    int na = n->args.len;
    if (na != 1) {
        diag_error(s->d, n->loc, "%s takes 1 argument (a money × rate or money ÷ int), %d given",
                   n->name, na);
        return T_ERR;
    }
    if (err)
        return T_ERR;
    Node *x = n->args.data[0];
    int rounds = t[0].kind == TY_MONEY && x->kind == ND_BINARY &&
                 ((x->op == OP_MUL && (x->a->ty.kind == TY_RATE || x->b->ty.kind == TY_RATE)) ||
                  (x->op == OP_DIV && x->b->ty.kind == TY_INT));
    if (!rounds) {
        diag_error(s->d, x->loc,
                   "%s needs a money × rate or a money ÷ int, the product or quotient whose "
                   "fen it rounds, found %s",
                   n->name,
                   x->kind == ND_BINARY && t[0].kind == TY_MONEY ? "another money expression"
                                                                 : tn(s, t[0]));
        return T_ERR;
    }
    x->idx = bi == BI_TRUNC ? 1 : 2;
    t[0].optional = 0;
    return t[0];
}

/* progressive(brackets, amount): the first argument names a brackets param, not a value */
static Type check_progressive(Sema *s, Node *n)
{
    int na = n->args.len;
    Node **args = n->args.data;
    if (na != 2) {
        diag_error(s->d, n->loc, "progressive takes 2 arguments (brackets, amount), %d given", na);
        return T_ERR;
    }
    Node *p = args[0];
    Decl *d = p->kind == ND_NAME ? find_decl(s, p->name, K(DK_PARAM)) : NULL;
    if (!d || d->ty.kind != TY_BRACKETS) {
        diag_error(s->d, p->loc, "the first argument of progressive must be a brackets param");
        check_expr(s, args[1]);
        return T_ERR;
    }
    p->ref = REF_PARAM;
    p->decl = d;
    if (want(s, args[1], mk(TY_MONEY), "the amount of progressive").kind == TY_ERROR)
        return T_ERR;
    return mk(TY_MONEY);
}

/* A call: of a builtin (the name in builtins[], its number in n->idx), else of a rule or an
 * extern */
static Type check_call(Sema *s, Node *n)
{
    Builtin bi = BI_NONE;
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
        if (!strcmp(builtins[i].name, n->name))
            bi = builtins[i].b;
    int na = n->args.len;
    Node **args = n->args.data;
    n->idx = (int)bi;
    if (bi == BI_NONE)
        return check_user_call(s, n);
    Type t[4] = {T_ERR, T_ERR, T_ERR, T_ERR};
    int err = 0;
    if (bi != BI_PROGRESSIVE)
        for (int i = 0; i < na && i < 4; i++)
            if ((t[i] = check_expr(s, args[i])).kind == TY_ERROR)
                err = 1;
    switch (bi) {
    case BI_MIN:
    case BI_MAX: return check_min_max(s, n, t, err);
    case BI_POS:
        if (na != 1) {
            diag_error(s->d, n->loc, "pos takes 1 argument, %d given", na);
            return T_ERR;
        }
        if (err)
            return T_ERR;
        if (!numeric(t[0])) {
            diag_error(s->d, args[0]->loc, "pos needs a number, found %s", tn(s, t[0]));
            return T_ERR;
        }
        t[0].optional = 0;
        return t[0];
    case BI_CLAMP:
        if (na != 3) {
            diag_error(s->d, n->loc, "clamp takes 3 arguments (value, low, high), %d given", na);
            return T_ERR;
        }
        if (err)
            return T_ERR;
        for (int i = 1; i < 3; i++)
            if (!type_eq(t[i], t[0])) {
                diag_error(s->d, args[i]->loc, "clamp mixes %s and %s", tn(s, t[0]), tn(s, t[i]));
                return T_ERR;
            }
        t[0].optional = 0;
        return t[0];
    case BI_TRUNC:
    case BI_FLOOR: return check_rounding(s, n, bi, t, err);
    case BI_PRESENT:
        if (na != 1) {
            diag_error(s->d, n->loc, "present takes 1 argument, %d given", na);
            return T_ERR;
        }
        if (err)
            return T_ERR;
        if (!t[0].optional) {
            diag_error(s->d, args[0]->loc, "present() of a value that is always present (%s)",
                       tn(s, t[0]));
            return T_ERR;
        }
        return mk(TY_BOOL);
    case BI_YEAR:
    case BI_MONTH_AFTER:
        if (na != 1) {
            diag_error(s->d, n->loc, "%s takes 1 argument, %d given", n->name, na);
            return T_ERR;
        }
        if (err)
            return T_ERR;
        if (t[0].kind != TY_DATE) {
            diag_error(s->d, args[0]->loc, "%s needs a date, found %s", n->name, tn(s, t[0]));
            return T_ERR;
        }
        return mk(bi == BI_YEAR ? TY_INT : TY_DATE);
    case BI_PROGRESSIVE: return check_progressive(s, n);
    case BI_NONE: break;
    }
    POLC_UNREACHABLE();
}

static Type check_agg(Sema *s, Node *n)
{
    static const char *with_expr[] = {"max", "min", "sum"};
    static const char *no_expr[] = {"any", "all", "count"};
    int kind = -1;
    for (int i = 0; i < 3; i++) {
        if (n->a && !strcmp(n->name, with_expr[i]))
            kind = i;
        if (!n->a && !strcmp(n->name, no_expr[i]))
            kind = 3 + i;
    }
    if (kind < 0) {
        if (n->a)
            diag_error(s->d, n->loc,
                       "'%s(... for %s in %s)' is not an aggregate; use max, min or sum", n->name,
                       n->binder, n->coll);
        else
            diag_error(s->d, n->loc, "'%s(%s in %s)' is not an aggregate; use any, all or count",
                       n->name, n->binder, n->coll);
        return T_ERR;
    }
    n->idx = kind;
    Decl *h = find_decl(s, n->coll, K(DK_HISTORY));
    if (!h) {
        diag_error(s->d, n->coll_loc, "unknown history '%s'%s", n->coll,
                   s->pol->history
                       ? arena_printf(s->a, "; the policy's history is '%s'", s->pol->history->name)
                       : "");
        return T_ERR;
    }
    if (s->binder) {
        diag_error(s->d, n->loc, "aggregates over a history cannot be nested");
        return T_ERR;
    }
    s->binder = n->binder;
    int err = 0;
    if (n->b && want(s, n->b, mk(TY_BOOL), "a where condition").kind == TY_ERROR)
        err = 1;
    Type t = mk(kind == 5 ? TY_INT : TY_BOOL);
    if (n->a) {
        t = check_expr(s, n->a);
        if (t.kind == TY_ERROR)
            err = 1;
        else if (kind == 2 && t.kind != TY_MONEY && t.kind != TY_INT && t.kind != TY_RATE) {
            diag_error(s->d, n->a->loc, "sum needs money, rate or int, found %s", tn(s, t));
            err = 1;
        } else if (t.kind == TY_BOOL) {
            diag_error(s->d, n->a->loc, "%s of booleans; use any(...) or all(...)", n->name);
            err = 1;
        }
    }
    s->binder = NULL;
    if (err)
        return T_ERR;
    t.optional = 0;
    if (n->c) {
        if (kind == 2) {
            diag_error(s->d, n->c->loc, "sum of no spans is zero; remove the default");
            return T_ERR;
        }
        if (want(s, n->c, t, arena_printf(s->a, "the default of %s", n->name)).kind == TY_ERROR)
            return T_ERR;
    } else if (kind == 0 || kind == 1) {
        diag_error(s->d, n->loc,
                   "%s over a history needs a default for a person with no spans: "
                   "%s(... default value)",
                   n->name, n->name);
        return T_ERR;
    }
    return t;
}

static const char *op_word(Op op)
{
    switch (op) {
    case OP_ADD: return "add";
    case OP_SUB: return "subtract";
    case OP_MUL: return "multiply";
    case OP_DIV: return "divide";
    default: return "compare";
    }
}

/* the policy counts working days here: the calendar must hold its years (polc check) */
static void uses_workdays(Sema *s, Loc loc)
{
    if (!s->pol->workdays.src)
        s->pol->workdays = loc;
}

/* the value of entry m of version v (a table), or of the version (a scalar), of the param's
 * own type (money, a rate); -1 and *at NULL when unset (or not of that type) */
static int64_t version_value(const Decl *d, const Version *v, int m, Node **at)
{
    *at = NULL;
    Node *n = NULL;
    if (!d->index_enum)
        n = v->value;
    for (int i = 0; d->index_enum && i < v->entries.len; i++)
        if (v->entries.data[i].idx == m)
            n = v->entries.data[i].a;
    if (!n || n->ty.kind != d->ty.kind)
        return -1;
    *at = n;
    return n->ival;
}

/* whether param p is read anywhere in n */
static int mentions(const Node *n, const Decl *p)
{
    if (!n)
        return 0;
    if (n->ref == REF_PARAM && n->decl == p)
        return 1;
    for (int i = 0; i < n->args.len; i++)
        if (mentions(n->args.data[i], p))
            return 1;
    return mentions(n->a, p) || mentions(n->b, p) || mentions(n->c, p);
}

/* A division by a param that is 0 in a version (a table: at a member) fails every claim dated
 * then with "division by zero". The checker says so where it is written — unless a condition
 * that decides whether the division runs reads the param (if z = 0 then … else a / z), the
 * way a policy that expects the zero guards against it. */
static void zero_divisor(Sema *s, Node *div)
{
    Node *b = div->b;
    int member = -1;
    if (!(b->kind == ND_NAME || b->kind == ND_INDEX) || !b->decl || b->decl->kind != DK_PARAM)
        return;
    Decl *p = b->decl;
    if (b->kind == ND_INDEX && b->b->ref == REF_MEMBER)
        member = b->b->idx;
    for (int i = 0; i < s->guards.len; i++)
        if (mentions(s->guards.data[i], p))
            return;
    int nm = p->index_enum ? p->index_enum->members.len : 1;
    for (int i = 0; i < p->versions.len; i++)
        for (int m = p->index_enum ? 0 : -1; m < nm; m++) {
            /* a version of the param no claim reading it here is dated in: a rule's version
             * from 2018 may divide by what was 0 until 2017 */
            if (p->versions.data[i].from_day >= s->win_to ||
                p->versions.data[i].to_day <= s->win_from)
                break;
            Node *at = NULL;
            if ((member >= 0 && m != member) || version_value(p, &p->versions.data[i], m, &at))
                continue;
            const char *what =
                m >= 0 ? arena_printf(s->a, "%s[%s]", p->name, p->index_enum->members.data[m].name)
                       : p->name;
            diag_error(s->d, b->loc,
                       "%s is 0 from %s: dividing by it fails every claim that reads it then; "
                       "guard the division (if %s = 0 then … else …) or correct the value",
                       what, p->versions.data[i].from->text,
                       source_flat(s->a, b->loc.src, b->loc.start, b->loc.end));
            diag_note(s->d, at->loc, "the value is here");
            return;
        }
}

/* an operand as written, to show in a product: bracketed when '*' would bind tighter than it
 * does; AMOUNT or RATE when it is too long to read in a message */
static const char *factor(Sema *s, const Node *x)
{
    const char *t = source_flat(s->a, x->loc.src, x->loc.start, x->loc.end);
    if (strlen(t) > SEMA_HINT_OPERAND)
        return x->ty.kind == TY_MONEY ? "AMOUNT" : "RATE";
    int group = x->paren || (x->kind == ND_BINARY && x->op != OP_MUL && x->op != OP_DIV) ||
                x->kind == ND_IF;
    return group ? arena_printf(s->a, "(%s)", t) : t;
}

/* the unit algebra of spec/LANGUAGE.md §5 */
static Type arith(Sema *s, Node *n, Type l, Type r)
{
    TypeKind a = l.kind, b = r.kind;
    switch (n->op) {
    case OP_ADD:
    case OP_SUB:
        if (a == b && (a == TY_MONEY || a == TY_RATE || a == TY_INT))
            return mk(a);
        if (a == TY_DURATION && b == TY_DURATION && l.unit == r.unit)
            return l;
        if (a == TY_DATE && b == TY_DURATION && n->op == OP_SUB && r.unit == UNIT_WORKDAYS) {
            diag_error(s->d, n->loc,
                       "working days count forward only; compare with the later date instead");
            return T_ERR;
        }
        if ((a == TY_DATE && b == TY_DURATION) ||
            (n->op == OP_ADD && a == TY_DURATION && b == TY_DATE)) {
            if ((a == TY_DURATION ? l.unit : r.unit) == UNIT_WORKDAYS)
                uses_workdays(s, n->loc);
            return mk(TY_DATE);
        }
        if (n->op == OP_SUB && a == TY_DATE && b == TY_DATE)
            return mk_dur(UNIT_DAYS);
        break;
    case OP_MUL:
        if (a == TY_MONEY && b == TY_MONEY) {
            diag_error(s->d, n->loc, "cannot multiply money by money");
            return T_ERR;
        }
        if ((a == TY_MONEY && (b == TY_RATE || b == TY_INT)) ||
            (b == TY_MONEY && (a == TY_RATE || a == TY_INT)))
            return mk(TY_MONEY);
        if ((a == TY_RATE && (b == TY_RATE || b == TY_INT)) || (b == TY_RATE && a == TY_INT))
            return mk(TY_RATE);
        if (a == TY_INT && b == TY_INT)
            return mk(TY_INT);
        if ((a == TY_DURATION && b == TY_INT) || (a == TY_INT && b == TY_DURATION))
            return a == TY_DURATION ? l : r;
        break;
    case OP_DIV:
        /* money, rate or int ÷ int is of the dividend's type; money ÷ money is a rate */
        if (((a == TY_MONEY || a == TY_RATE || a == TY_INT) && b == TY_INT) ||
            (a == TY_MONEY && b == TY_MONEY)) {
            zero_divisor(s, n);
            return b == TY_MONEY ? mk(TY_RATE) : mk(a);
        }
        break;
    default: break;
    }
    if (a == TY_DATE && b == TY_DATE && n->op == OP_ADD)
        diag_error(s->d, n->loc, "cannot add two dates; add a duration (days, workdays, months)");
    else if (a == TY_DURATION && b == TY_DURATION)
        diag_error(s->d, n->loc, "cannot %s %s and %s: the units differ", op_word(n->op), tn(s, l),
                   tn(s, r));
    else if ((n->op == OP_ADD || n->op == OP_SUB) &&
             ((a == TY_MONEY && b == TY_RATE) || (a == TY_RATE && b == TY_MONEY)))
        /* `cost + ratio`: a rate is a share of an amount; show their product */
        diag_error(s->d, n->loc,
                   "cannot %s %s and %s; a rate is a share of an amount: %s * %s is money",
                   op_word(n->op), tn(s, l), tn(s, r), factor(s, a == TY_MONEY ? n->a : n->b),
                   factor(s, a == TY_MONEY ? n->b : n->a));
    else
        diag_error(s->d, n->loc, "cannot %s %s %s %s", op_word(n->op), tn(s, l),
                   n->op == OP_ADD   ? "and"
                   : n->op == OP_SUB ? "and"
                   : n->op == OP_MUL ? "by"
                                     : "by",
                   tn(s, r));
    return T_ERR;
}

static Type check_binary(Sema *s, Node *n)
{
    if (n->op == OP_AND || n->op == OP_OR) {
        /* mixing and/or without parentheses is a precedence mistake waiting to happen */
        Op other = n->op == OP_AND ? OP_OR : OP_AND;
        Node *kids[2] = {n->a, n->b};
        for (int i = 0; i < 2; i++)
            if (kids[i]->kind == ND_BINARY && kids[i]->op == other && !kids[i]->paren)
                diag_error(
                    s->d, kids[i]->loc,
                    "'and' and 'or' mixed without parentheses; add them to say which binds first");
        Type l = want(s, n->a, mk(TY_BOOL),
                      arena_printf(s->a, "the left side of '%s'", n->op == OP_AND ? "and" : "or"));
        vec_push(s->a, &s->guards, n->a);
        Type r = want(s, n->b, mk(TY_BOOL),
                      arena_printf(s->a, "the right side of '%s'", n->op == OP_AND ? "and" : "or"));
        s->guards.len--;
        return l.kind == TY_ERROR || r.kind == TY_ERROR ? T_ERR : mk(TY_BOOL);
    }
    Type l = check_expr(s, n->a), r = check_expr(s, n->b);
    if (l.kind == TY_ERROR || r.kind == TY_ERROR)
        return T_ERR;
    if (n->op >= OP_EQ && n->op <= OP_GE) {
        if (!type_eq(l, r)) {
            diag_error(s->d, n->loc, "cannot compare %s with %s", tn(s, l), tn(s, r));
            return T_ERR;
        }
        if (l.kind == TY_BOOL && n->op != OP_EQ && n->op != OP_NE) {
            diag_error(s->d, n->loc, "booleans are not ordered; use = or !=");
            return T_ERR;
        }
        return mk(TY_BOOL);
    }
    if (l.kind == TY_BOOL || r.kind == TY_BOOL) {
        diag_error(s->d, n->loc, "arithmetic on a boolean");
        return T_ERR;
    }
    if (l.kind == TY_ENUM || r.kind == TY_ENUM) {
        diag_error(s->d, n->loc, "arithmetic on an enum member");
        return T_ERR;
    }
    return arith(s, n, l, r);
}

/* the same place written twice: claim.f, person.f, ledger.f, h.f, a rule, a param, an argument */
static int same_expr(Node *a, Node *b)
{
    if (a->kind != b->kind || a->ref != b->ref)
        return 0;
    switch (a->kind) {
    case ND_NAME: return !strcmp(a->name, b->name);
    case ND_FIELD:
        return !strcmp(a->name, b->name) && (a->a->kind == ND_CLAIM || a->a->kind == ND_PERSON
                                                 ? a->a->kind == b->a->kind
                                                 : a->a->kind == ND_NAME && b->a->kind == ND_NAME &&
                                                       !strcmp(a->a->name, b->a->name));
    default: return 0;
    }
}

static Type check_expr(Sema *s, Node *n)
{
    Type t = T_ERR;
    switch (n->kind) {
    case ND_NUM:
        t = num_literal(s, n);
        check_formula_literal(s, n);
        break;
    case ND_DATE:
        if (parse_day(s, n) == 0) {
            t = mk(TY_DATE);
            if (s->formula)
                diag_error(s->d, n->loc,
                           "the date %s is written inside a formula; declare it as a dated param",
                           n->text);
        }
        break;
    case ND_BOOL: t = mk(TY_BOOL); break;
    case ND_NAME: t = check_name(s, n); break;
    case ND_CLAIM:
    case ND_PERSON:
        diag_error(s->d, n->loc, "'%s' is a record; name one of its fields: %s.field",
                   n->kind == ND_CLAIM ? "claim" : "person",
                   n->kind == ND_CLAIM ? "claim" : "person");
        break;
    case ND_FIELD: t = check_field(s, n); break;
    case ND_INDEX: t = check_index(s, n); break;
    case ND_CALL: t = check_call(s, n); break;
    case ND_AGG: t = check_agg(s, n); break;
    case ND_UNARY: {
        Type x = check_expr(s, n->a);
        if (x.kind == TY_ERROR)
            break;
        if (n->op == OP_NOT) {
            if (x.kind != TY_BOOL)
                diag_error(s->d, n->loc, "'not' needs a bool, found %s", tn(s, x));
            else
                t = mk(TY_BOOL);
        } else if (!numeric(x)) {
            diag_error(s->d, n->loc, "cannot negate %s", tn(s, x));
        } else {
            t = x;
            t.optional = 0;
        }
        break;
    }
    case ND_BINARY: t = check_binary(s, n); break;
    case ND_IF: {
        Type c = want(s, n->a, mk(TY_BOOL), "an if condition");
        vec_push(s->a, &s->guards, n->a);
        Type a = check_expr(s, n->b), b = check_expr(s, n->c);
        s->guards.len--;
        if (c.kind == TY_ERROR || a.kind == TY_ERROR || b.kind == TY_ERROR)
            break;
        if (!type_eq(a, b)) {
            diag_error(s->d, n->loc, "the branches of this if differ: %s and %s", tn(s, a),
                       tn(s, b));
            break;
        }
        t = a;
        /* if present(x) then x else d: x is present where it is chosen, so the result is
         * optional only when d is (the way to give an absent value a default) */
        int narrowed = n->a->kind == ND_CALL && n->a->idx == BI_PRESENT && n->a->args.len == 1 &&
                       same_expr(n->a->args.data[0], n->b);
        t.optional = (a.optional && !narrowed) || b.optional;
        break;
    }
    }
    n->ty = t;
    return t;
}

/* ---- literals outside formulas (param values, defaults, test data) -------------------- */
static int literal_value(Sema *s, Node *n, Type want_t, int64_t *out)
{
    int saved = s->formula;
    s->formula = 0;
    Type got;
    if (n->kind == ND_NAME && want_t.kind == TY_ENUM) {
        int m = find_member(want_t.en, n->name);
        if (m < 0) {
            diag_error(s->d, n->loc, "enum %s has no member '%s'%s", want_t.en->name, n->name,
                       suggest_member(s, want_t.en, n->name));
            s->formula = saved;
            return -1;
        }
        member_ref(n, want_t.en, m); /* resolved as in a formula: the cross-reference sees it */
        n->ty = want_t;
        got = want_t;
    } else if (n->kind == ND_NAME) {
        int yes = !strcmp(n->name, "yes") || !strcmp(n->name, "no");
        const char *want = tn(s, want_t);
        diag_error(s->d, n->loc, "expected %s %s value, found the name '%s'%s", diag_a(want), want,
                   n->name,
                   want_t.kind == TY_BOOL && yes ? "; write true or false (是 or 否)" : "");
        s->formula = saved;
        return -1;
    } else {
        got = check_expr(s, n);
    }
    s->formula = saved;
    if (got.kind == TY_ERROR)
        return -1;
    if (!type_eq(got, want_t)) {
        /* a bare number where an amount or a share was meant: the fix, in the policy's units
         * (a new-user pass wrote 75 for 75% and 4000 for 4000 yuan) */
        const char *fix = "";
        /* 0.4 where the notice says 0.4万元: notices write 万元 with one decimal, yuan with
         * none or two (212.50); past the fen only 万元 can be meant */
        const char *dot = n->kind == ND_NUM ? strchr(n->text, '.') : NULL;
        size_t decimals = dot ? strlen(dot + 1) : 0;
        if (n->kind == ND_NUM && n->unit == NUM_PLAIN && want_t.kind == TY_MONEY && dot &&
            decimals != 2)
            fix = decimals == 1 ? arena_printf(s->a, "; write %s 万元 or %s yuan", n->text, n->text)
                                : arena_printf(s->a, "; write %s 万元", n->text);
        else if (n->kind == ND_NUM && n->unit == NUM_PLAIN && want_t.kind == TY_MONEY)
            fix = arena_printf(s->a, "; write %s yuan", n->text);
        else if (n->kind == ND_NUM && n->unit == NUM_PLAIN && want_t.kind == TY_DURATION &&
                 !strchr(n->text, '.'))
            fix = arena_printf(s->a, "; write %s %s", n->text, tn(s, want_t));
        else if (n->kind == ND_NUM && n->unit == NUM_PLAIN && want_t.kind == TY_RATE)
            fix = arena_printf(s->a, "; write %s%%", n->text);
        /* a unit slip: 80 yuan for a ratio of 80% (0.8 yuan for 0.8); a larger amount is no
         * ratio (an amount and a rate swapped: no guess) */
        else if (n->kind == ND_NUM && n->unit == NUM_YUAN && want_t.kind == TY_RATE &&
                 strtod(n->text, NULL) <= 100)
            fix = arena_printf(s->a, "; a rate has no yuan: write %s%s", n->text,
                               strchr(n->text, '.') ? "" : "%");
        const char *want = tn(s, want_t);
        diag_error(s->d, n->loc, "expected %s %s value, found %s%s", diag_a(want), want, tn(s, got),
                   fix);
        return -1;
    }
    *out = n->ival;
    return 0;
}

int sema_literal(Arena *a, Diag *d, Policy *pol, Node *n, Type want_t, int64_t *out)
{
    Sema s = {.a = a, .d = d, .p = pol->prog, .pol = pol};
    return literal_value(&s, n, want_t, out);
}

/* ---- effective-date intervals -------------------------------------------------------- */
static const char *day_text(Sema *s, int64_t day)
{
    char buf[32];
    polrt_fmt_date(day, buf);
    return arena_strdup(s->a, buf);
}

static int cmp_version(const void *a, const void *b)
{
    const Version *x = a, *y = b;
    return x->from_day < y->from_day ? -1 : x->from_day > y->from_day;
}

int sema_version_order(Diag *diag, const Decl *d)
{
    const Version *v = d->versions.data;
    int errors = 0;
    for (int i = 1; i < d->versions.len; i++)
        if (v[i].from_day < v[i - 1].from_day) {
            diag_error(diag, v[i].loc,
                       "versions of '%s' must be listed in date order: %s comes after %s", d->name,
                       v[i].from->text, v[i - 1].from->text);
            return -1;
        }
    for (int i = 1; i < d->versions.len; i++)
        if (v[i].from_day == v[i - 1].from_day) {
            diag_error(diag, v[i].loc, "two versions of '%s' start on %s", d->name,
                       v[i].from->text);
            diag_note(diag, v[i - 1].loc, "the other version is here");
            errors++;
        }
    return errors;
}

/* Versions must tile the policy's validity: sorted by start, each ends where the next starts
 * (an explicit `to` must meet it), no overlap, no gap; a gap before the first version or after
 * a closed last one inside the validity is an error too. */
static void check_versions(Sema *s, Decl *d)
{
    int n = d->versions.len;
    for (int i = 0; i < n; i++) {
        Version *v = &d->versions.data[i];
        if (parse_day(s, v->from) != 0)
            return;
        v->from_day = v->from->ival;
        v->to_day = INT64_MAX;
        if (v->to) {
            if (parse_day(s, v->to) != 0)
                return;
            v->to_day = v->to->ival + 1; /* "to D" includes D, as in the header */
            if (v->to_day <= v->from_day) {
                diag_error(s->d, v->to->loc, "this version ends (%s) before it starts (%s)",
                           v->to->text, v->from->text);
                return;
            }
        }
    }
    if (sema_version_order(s->d, d) < 0) {
        qsort(d->versions.data, (size_t)n, sizeof(Version), cmp_version);
        return;
    }
    for (int i = 0; i + 1 < n; i++) {
        Version *v = &d->versions.data[i], *w = &d->versions.data[i + 1];
        if (v->from_day == w->from_day)
            continue; /* two on one day: told by sema_version_order */
        if (v->to_day == INT64_MAX) {
            v->to_day = w->from_day;
        } else if (v->to_day > w->from_day) {
            /* the notes point at the `to` to change, and say to what */
            diag_error(s->d, w->loc, "versions of '%s' overlap: %s–%s and from %s", d->name,
                       v->from->text, v->to->text, w->from->text);
            diag_note(s->d, v->to->loc,
                      "the earlier version ends here; end it on %s, the day before the next "
                      "starts",
                      day_text(s, w->from_day - 1));
        } else if (v->to_day < w->from_day) {
            if (v->to_day == w->from_day - 1) /* one day: "from D to D" read as a typo */
                diag_error(s->d, w->loc, "'%s' has no version on %s", d->name,
                           day_text(s, v->to_day));
            else
                diag_error(s->d, w->loc, "'%s' has no version from %s to %s", d->name,
                           day_text(s, v->to_day), day_text(s, w->from_day - 1));
            diag_note(s->d, v->to->loc,
                      "the earlier version ends here; end it on %s, or start the next on %s",
                      day_text(s, w->from_day - 1), day_text(s, v->to_day));
        }
    }
    if (n == 0)
        return;
    Version *first = &d->versions.data[0], *last = &d->versions.data[n - 1];
    /* a version starting before the policy, or ending after it, does not tile its validity:
     * the days outside it are dead text, and usually a misread date (issue 12) */
    for (int i = 0; i < n; i++)
        if (d->versions.data[i].from_day < s->pol->valid_from)
            diag_error(s->d, d->versions.data[i].from->loc,
                       "this version of '%s' starts on %s, before the policy's start (%s)", d->name,
                       d->versions.data[i].from->text, day_text(s, s->pol->valid_from));
    if (last->to_day != INT64_MAX && last->to_day > s->pol->valid_to)
        diag_error(s->d, last->to->loc,
                   "this version of '%s' ends on %s, after the policy's end (%s)", d->name,
                   last->to->text, day_text(s, s->pol->valid_to - 1));
    if (first->from_day > s->pol->valid_from)
        diag_error(s->d, first->loc, "'%s' has no version from %s (the policy's start) to %s",
                   d->name, day_text(s, s->pol->valid_from), day_text(s, first->from_day - 1));
    if (last->to_day != INT64_MAX && last->to_day < s->pol->valid_to)
        diag_error(s->d, last->to->loc, "'%s' has no version after %s, but the policy is valid %s",
                   d->name, day_text(s, last->to_day - 1),
                   s->pol->valid_to == INT64_MAX
                       ? "with no end date"
                       : arena_printf(s->a, "until %s", day_text(s, s->pol->valid_to - 1)));
}

/* ---- declarations -------------------------------------------------------------------- */
/* whether label starts or ends with a blank a CSV cell loses when read (runtime/csv.c
 * rt_trim_edges: space, tab, CR, LF and the ideographic space U+3000) */
static int blank_edge(const char *label, size_t n)
{
    static const char *const blanks[] = {" ", "\t", "\r", "\n", "\xE3\x80\x80"};
    for (size_t i = 0; i < sizeof blanks / sizeof *blanks; i++) {
        size_t k = strlen(blanks[i]);
        if (n >= k && (!memcmp(label, blanks[i], k) || !memcmp(label + n - k, blanks[i], k)))
            return 1;
    }
    return 0;
}

/* A label is the text a CSV header or cell holds for a field or member, and the heading of a
 * result: one that is empty, or has a blank at an edge, no trimmed cell can ever equal (the
 * column is always "missing"), and a control character breaks the line it is written on. */
static void check_label(Sema *s, Loc at, const char *label, const char *what, const char *name)
{
    if (!label)
        return;
    size_t n = strlen(label);
    int ctl = 0;
    for (size_t i = 0; i < n; i++)
        ctl |= (unsigned char)label[i] < 0x20 || label[i] == 0x7f;
    if (n == 0)
        diag_error(s->d, at, "the label of %s '%s' is empty; write its text or leave it out", what,
                   name);
    else if (ctl)
        diag_error(s->d, at,
                   "the label of %s '%s' holds a control character (a line break or tab); "
                   "labels are one line of text",
                   what, name);
    else if (blank_edge(label, n))
        diag_error(s->d, at,
                   "the label \"%s\" of %s '%s' starts or ends with a blank, which a CSV cell "
                   "never keeps (cells are trimmed); leave it out",
                   label, what, name);
}

static void check_enum(Sema *s, Decl *d)
{
    if (d->members.len == 0)
        diag_error(s->d, d->loc, "enum %s has no members", d->name);
    check_label(s, d->loc, d->label, "enum", d->name);
    for (int i = 0; i < d->members.len; i++) {
        const EnumMember *m = &d->members.data[i];
        check_label(s, m->loc, m->label, "member", m->name);
        /* a cell holds a member's name or its label: one text, one member */
        for (int j = 0; m->label && j < d->members.len; j++)
            if (j != i && !strcmp(m->label, d->members.data[j].name))
                diag_error(s->d, m->loc,
                           "the label of member '%s' is '%s', the name of member '%s': a cell "
                           "'%s' would be read as %s; give it another label",
                           m->name, m->label, d->members.data[j].name, m->label,
                           d->members.data[j].name);
    }
    for (int i = 0; i < d->members.len; i++)
        for (int j = 0; j < i; j++) {
            if (!strcmp(d->members.data[i].name, d->members.data[j].name)) {
                diag_error(s->d, d->members.data[i].loc, "duplicate member '%s' in enum %s",
                           d->members.data[i].name, d->name);
                diag_note(s->d, d->members.data[j].loc, "first declared here");
            } else if (d->members.data[i].label && d->members.data[j].label &&
                       !strcmp(d->members.data[i].label, d->members.data[j].label)) {
                diag_error(s->d, d->members.data[i].loc,
                           "members '%s' and '%s' share the label \"%s\"", d->members.data[j].name,
                           d->members.data[i].name, d->members.data[i].label);
            }
        }
}

/* `total: money in fen`: the cells of a money column are integer fen (an export from a system
 * that keeps fen), or yuan with at most two decimals (`in yuan`, the default) */
static void check_cell_unit(Sema *s, Field *f)
{
    if (f->ty.kind == TY_ERROR)
        return;
    if (f->ty.kind != TY_MONEY) {
        diag_error(s->d, f->in_loc, "only a money column has a unit ('in fen'); '%s' is %s",
                   f->name, type_name(s->a, f->ty));
        return;
    }
    if (!strcmp(f->in, "fen"))
        f->fen = 1;
    else if (strcmp(f->in, "yuan") != 0)
        diag_error(s->d, f->in_loc, "unknown unit '%s' for a money column (expected fen or yuan)",
                   f->in);
}

static void check_fields(Sema *s, Decl *d, int inputs)
{
    for (int i = 0; i < d->fields.len; i++) {
        Field *f = &d->fields.data[i];
        check_label(s, f->loc, f->label, "field", f->name);
        for (int j = 0; j < i; j++)
            if (!strcmp(d->fields.data[j].name, f->name)) {
                diag_error(s->d, f->loc, "duplicate field '%s'", f->name);
                diag_note(s->d, d->fields.data[j].loc, "first declared here");
            }
        if (inputs && (!strcmp(f->name, "claim_id") || !strcmp(f->name, "person_id")))
            diag_error(s->d, f->loc, "'%s' is implicit in every row; do not declare it", f->name);
        f->ty = resolve_type(s, &f->tref);
        if (f->ty.kind == TY_BRACKETS) {
            diag_error(s->d, f->tref.loc, "brackets are a param type only");
            f->ty = T_ERR;
        }
        if (f->def && f->ty.kind != TY_ERROR)
            literal_value(s, f->def, (Type){f->ty.kind, f->ty.unit, 0, f->ty.en}, &f->def_val);
        if (f->in)
            check_cell_unit(s, f);
    }
}

/* `county unknown` in a table: the notice does not give that member's value. A claim that
 * needs it fails (POLRT_E_UNKNOWN) instead of the analyst inventing one. An enum-typed param
 * whose enum has a member named unknown means that member. */
static int is_unknown(const Decl *d, const Node *v)
{
    if (!v || v->kind != ND_NAME || strcmp(v->name, "unknown") != 0)
        return 0;
    return d->ty.kind != TY_ENUM || find_member(d->ty.en, "unknown") < 0;
}

/* a version of a brackets param: above AMOUNT at RATE, ..., the thresholds increasing */
static void check_brackets_version(Sema *s, Decl *d, Version *v)
{
    if (!v->is_brackets) {
        diag_error(s->d, v->loc, "'%s' holds brackets: write above AMOUNT at RATE, ...", d->name);
        return;
    }
    int64_t prev = INT64_MIN;
    for (int i = 0; i < v->entries.len; i++) {
        Entry *e = &v->entries.data[i];
        int64_t lo, r;
        if (literal_value(s, e->a, mk(TY_MONEY), &lo) == 0 && lo <= prev)
            diag_error(s->d, e->a->loc, "bracket thresholds must increase");
        /* a negative share of a segment makes a larger cost pay less: no segment schedule
         * does that (DOMAIN.md step 3), so unlike a scalar rate (a cut) it is an error */
        if (literal_value(s, e->b, mk(TY_RATE), &r) == 0 && r < 0) {
            char a[48], b[48];
            diag_error(s->d, e->b->loc,
                       "a bracket pays a share of its segment, 0%% or more; %s is negative: "
                       "did you mean %s?",
                       polrt_fmt_rate(r, a), polrt_fmt_rate(-r, b));
        }
        prev = lo;
    }
}

/* a version of a table over an enum: every member given once (a value, or unknown where the
 * policy allows it) */
static void check_table_version(Sema *s, Decl *d, Version *v)
{
    if (!v->is_table) {
        diag_error(s->d, v->loc, "'%s' is a table over %s: give member VALUE, ...", d->name,
                   d->index_enum->name);
        return;
    }
    int n = d->index_enum->members.len;
    int *seen = arena_alloc(s->a, sizeof(int) * (size_t)(n ? n : 1)), misnamed = 0;
    for (int i = 0; i < v->entries.len; i++) {
        Entry *e = &v->entries.data[i];
        int m = find_member(d->index_enum, e->member);
        e->idx = m;
        if (m < 0) {
            diag_error(s->d, e->loc, "%s has no member '%s'%s", d->index_enum->name, e->member,
                       suggest_member(s, d->index_enum, e->member));
            misnamed++;
            continue;
        }
        if (seen[m]) {
            diag_error(s->d, e->loc, "'%s' is given twice in this version of '%s'", e->member,
                       d->name);
            continue;
        }
        seen[m] = 1;
        if (is_unknown(d, e->a)) {
            e->unknown = d->has_unknown = 1;
            continue;
        }
        int64_t val;
        literal_value(s, e->a, d->ty, &val);
    }
    /* a misnamed member is most likely the missing one: not told twice */
    for (int m = 0; m < n && !misnamed; m++)
        if (!seen[m])
            diag_error(s->d, v->loc, "the table '%s' from %s has no value for %s.%s", d->name,
                       v->from->text, d->index_enum->name, d->index_enum->members.data[m].name);
}

/* each version of a param: the shape its type asks for (brackets, a table, one value), with
 * literal values of that type */
static void check_param_values(Sema *s, Decl *d)
{
    Type t = d->ty;
    if (t.kind == TY_ERROR)
        return;
    if (t.optional) {
        diag_error(s->d, d->tref.loc, "a param always has a value; drop the '?'");
        return;
    }
    for (int vi = 0; vi < d->versions.len; vi++) {
        Version *v = &d->versions.data[vi];
        if (t.kind == TY_BRACKETS) {
            check_brackets_version(s, d, v);
            continue;
        }
        if (v->is_brackets) {
            diag_error(s->d, v->loc, "brackets given for '%s', which is %s", d->name, tn(s, t));
            continue;
        }
        if (d->index_enum) {
            check_table_version(s, d, v);
            continue;
        }
        if (v->is_table) {
            diag_error(s->d, v->loc,
                       "'%s' is not a table; declare it as %s[ENUM] or give one value", d->name,
                       d->name);
            continue;
        }
        if (is_unknown(d, v->value)) {
            diag_error(s->d, v->value->loc,
                       "only a table member may be unknown; '%s' needs a value from %s", d->name,
                       v->from->text);
            continue;
        }
        int64_t val;
        literal_value(s, v->value, t, &val);
    }
}

/* a ≥ SEMA_SLIP_RATIO × b or b ≥ that × a, both above 0: the ratio (rounded), else 0 */
static int64_t slip_ratio(int64_t a, int64_t b)
{
    if (a <= 0 || b <= 0)
        return 0;
    int64_t hi = a > b ? a : b, lo = a > b ? b : a;
    return hi / SEMA_SLIP_RATIO >= lo ? hi / lo : 0;
}

/* polc check's warnings are counted: past SEMA_MAX_SLIP_WARNINGS the rest are only counted
 * (a generated policy of 80,000 tables printed a warning each and took minutes) */
typedef struct Slips {
    Diag *d;
    int n; /* warnings so far */
} Slips;

/* room for one more warning (and its note)? */
static int slip_room(Slips *sl)
{
    return sl->n++ < SEMA_MAX_SLIP_WARNINGS;
}

/* Unit slips in a money param (issue 11: "city 6000 万元" for 6000 yuan checked clean): a
 * warning where a value in 万元 is 10 million yuan or more (did you mean yuan?), or is
 * SEMA_SLIP_RATIO times or more the value of the version before it (the same member of a
 * table), or than every other member of its table, with a note at the value it is compared
 * with. Warnings, not errors: a notice may raise a limit tenfold. */
/* A rate over 100% (a new-user pass wrote 750% for 75%, and the patient's share went
 * negative without a word): a share of a cost larger than the cost. A warning: a policy may
 * define an uplift factor (tests/diff/rounding.pol's 250%). A rate under 0% (-75% for 75%:
 * every payer's share turns into a charge) is a warning too: a cut of some points (降低10个
 * 百分点) may be meant, and written positive and subtracted it warns no more. `what` names
 * the value (ratio, ratio[city], seg above 5,000.00 yuan); at is where it is written. */
static void rate_slip(Slips *sl, const char *what, int64_t x, const Node *at)
{
    char a[48], b[48];
    if (x >= 0 && x <= POLRT_RATE_ONE)
        return;
    if (!slip_room(sl))
        return;
    if (x < 0) {
        diag_warning(sl->d, at->loc,
                     "%s is %s, less than nothing; did you mean %s? (a cut is written positive "
                     "and subtracted: x - cut)",
                     what, polrt_fmt_rate(x, a), polrt_fmt_rate(-x, b));
        return;
    }
    /* the tenth or the hundredth that is a share: 750% -> 75%, 8000% -> 80% */
    int64_t y = x / 10 <= POLRT_RATE_ONE ? x / 10 : x / 100;
    diag_warning(sl->d, at->loc, "%s is %s, more than the whole; did you mean %s?", what,
                 polrt_fmt_rate(x, a), polrt_fmt_rate(y, b));
}

/* each rate of a rate param (scalar or table) or of a brackets param, through rate_slip */
static void check_rate_slips(Slips *sl, const Decl *d)
{
    char a[48], what[256];
    int nm = d->index_enum ? d->index_enum->members.len : 1;
    for (int vi = 0; vi < d->versions.len; vi++) {
        const Version *v = &d->versions.data[vi];
        if (d->ty.kind == TY_BRACKETS) {
            /* a negative bracket rate is sema's error (check_brackets_version) */
            for (int i = 0; i < v->entries.len; i++) {
                const Entry *e = &v->entries.data[i];
                if (e->a->ty.kind != TY_MONEY || e->b->ty.kind != TY_RATE || e->b->ival < 0)
                    continue;
                snprintf(what, sizeof what, "%s above %s yuan", d->name,
                         polrt_fmt_money(e->a->ival, a, 1));
                rate_slip(sl, what, e->b->ival, e->b);
            }
            continue;
        }
        for (int m = 0; m < nm; m++) {
            Node *at;
            int64_t x = version_value(d, v, m, &at);
            if (!at)
                continue;
            if (d->index_enum)
                snprintf(what, sizeof what, "%s[%s]", d->name, d->index_enum->members.data[m].name);
            else
                snprintf(what, sizeof what, "%s", d->name);
            rate_slip(sl, what, x, at);
        }
    }
}

/* A value of a money param whose unit may have slipped: one warning at the value, however
 * many checks find it (4000 万元 in a table was once three warnings and two notes for one
 * slip: its 万元, its ratio to the version before, its ratio to the other members). The first
 * that finds it words the warning: 万元 (did you mean yuan? says it all), else the version
 * before or the nearest other member, with a note at that value. */
static void check_unit_slips(Slips *sl, const Decl *d)
{
    char a[48], b[48];
    Diag *dg = sl->d;
    if (d->ty.kind == TY_RATE || d->ty.kind == TY_BRACKETS)
        check_rate_slips(sl, d);
    if (d->ty.kind != TY_MONEY)
        return;
    int nm = d->index_enum ? d->index_enum->members.len : 1;
    for (int vi = 0; vi < d->versions.len; vi++) {
        const Version *v = &d->versions.data[vi];
        for (int m = 0; m < nm; m++) {
            Node *at, *pat = NULL;
            int64_t x = version_value(d, v, m, &at);
            const char *mem = d->index_enum ? d->index_enum->members.data[m].name : NULL;
            if (x <= 0)
                continue;
            /* 万元 where yuan was meant multiplies by 10,000: no amount of these notices on
             * one person reaches 10 million yuan */
            int wan = at->unit == NUM_WAN && x >= SEMA_WAN_SLIP_FEN;
            /* this far from the version before (the same member) */
            int64_t r = vi > 0 ? slip_ratio(x, version_value(d, v - 1, m, &pat)) : 0;
            /* an outlier of its table: this far above (or below) every other member that
             * has a value, of at least two others (of two, each would be the other's outlier) */
            int others = 0, above = 1, below = 1, near = -1;
            int64_t nearest = 0;
            for (int k = 0; k < nm && d->index_enum; k++) {
                Node *o;
                int64_t y = version_value(d, v, k, &o);
                if (k == m || y <= 0)
                    continue;
                others++;
                above &= x / SEMA_SLIP_RATIO >= y;
                below &= y / SEMA_SLIP_RATIO >= x;
                if (near < 0 || (x > y ? y > nearest : y < nearest))
                    near = k, nearest = y;
            }
            int outlier = others >= 2 && (above || below);
            if (!(wan || r || outlier) || !slip_room(sl))
                continue;
            if (wan)
                diag_warning(dg, at->loc, "%s 万元 is %s yuan; did you mean %s yuan?", at->text,
                             polrt_fmt_money(x, a, 1), at->text);
            else if (r) /* "10 times" the one before, or "1/10 of" it: a digit lost */
                diag_warning(dg, at->loc,
                             "%s%s%s%s is %s yuan from %s, %s%" PRId64 " %s the %s yuan before: "
                             "is the unit right?",
                             d->name, mem ? "[" : "", mem ? mem : "", mem ? "]" : "",
                             polrt_fmt_money(x, a, 1), v->from->text, x < pat->ival ? "1/" : "", r,
                             x < pat->ival ? "of" : "times", polrt_fmt_money(pat->ival, b, 1));
            else
                diag_warning(dg, at->loc,
                             "%s[%s] is %s yuan, %s%" PRId64 " %s the other members of the "
                             "table (%s: %s yuan): is the unit right?",
                             d->name, mem, polrt_fmt_money(x, a, 1), below ? "1/" : "",
                             slip_ratio(x, nearest), below ? "of" : "times",
                             d->index_enum->members.data[near].name,
                             polrt_fmt_money(nearest, b, 1));
            if (wan)
                continue;
            if (r)
                diag_note(dg, pat->loc, "the version before: %s yuan",
                          polrt_fmt_money(pat->ival, b, 1));
            else {
                Node *o;
                version_value(d, v, near, &o);
                diag_note(dg, o->loc, "%s[%s] is %s yuan", d->name,
                          d->index_enum->members.data[near].name, polrt_fmt_money(nearest, b, 1));
            }
        }
    }
}

void sema_param_slip_warnings(Diag *d, const Policy *pol, const char *name)
{
    Slips sl = {d, 0};
    for (int i = 0; i < pol->params.len; i++)
        if (!strcmp(pol->params.data[i]->name, name))
            check_unit_slips(&sl, pol->params.data[i]);
}

void sema_slip_warnings(Diag *d, const Policy *pol)
{
    Slips sl = {d, 0};
    for (int i = 0; i < pol->params.len; i++)
        check_unit_slips(&sl, pol->params.data[i]);
    if (sl.n > SEMA_MAX_SLIP_WARNINGS && !d->sink)
        fprintf(d->out, "polc: note: %d more unit-slip warnings not shown\n",
                sl.n - SEMA_MAX_SLIP_WARNINGS);
}

static void check_param(Sema *s, Decl *d)
{
    d->ty = resolve_type(s, &d->tref);
    if (d->index_name) {
        d->index_enum = find_decl(s, d->index_name, K(DK_ENUM));
        if (!d->index_enum) {
            Suggest sg = {NULL, 99, d->index_name};
            for (int i = 0; i < s->p->decls.len; i++)
                if (s->p->decls.data[i]->kind == DK_ENUM)
                    suggest_try(&sg, s->p->decls.data[i]->name);
            diag_error(s->d, d->index_loc, "a table is indexed by an enum; '%s' is not one%s",
                       d->index_name, did_you_mean(s, sg.best));
            d->ty = T_ERR;
        }
    }
    if (d->ty.kind == TY_BRACKETS && d->index_enum) {
        diag_error(s->d, d->index_loc, "a brackets param cannot also be a table");
        d->ty = T_ERR;
    }
    check_versions(s, d);
    check_param_values(s, d);
}

/* ---- exception precedence ------------------------------------------------------------ */
/* A condition's constraints: for a key expression (a claim/person/ledger field, a rule, a
 * param), the set of values it may take — bit i = enum member i, or bit 0 false / bit 1 true —
 * and `all`, the key's whole set. Two exceptions whose constraints on one key do not intersect
 * can never both apply. A set is `exact` when the condition says nothing beyond it; only an
 * exact set may be complemented under `not` (not (k = a and U) does not imply k != a). */
typedef struct Constraint {
    const char *key;
    uint64_t mask, all;
} Constraint;
typedef VEC(Constraint) Constraints;

/* enums wider than a mask get no constraint: conservative (never "disjoint") */
#define MAX_CONSTRAINED_MEMBERS 64

static const char *expr_key(Sema *s, Node *n)
{
    switch (n->kind) {
    case ND_FIELD:
        if (n->a->kind == ND_CLAIM)
            return arena_printf(s->a, "claim.%s", n->name);
        if (n->a->kind == ND_PERSON)
            return arena_printf(s->a, "person.%s", n->name);
        if (n->a->kind == ND_NAME && n->ref == REF_LEDGER_FIELD)
            return arena_printf(s->a, "%s.%s", n->a->name, n->name);
        return NULL;
    case ND_NAME:
        return n->ref == REF_RULE || n->ref == REF_PARAM || n->ref == REF_ARG ? n->name : NULL;
    default: return NULL;
    }
}

/* the key's whole set of values, or 0 when it cannot be constrained */
static uint64_t all_of(Type t)
{
    if (t.kind == TY_BOOL)
        return 3;
    if (t.kind != TY_ENUM || t.en->members.len > MAX_CONSTRAINED_MEMBERS)
        return 0;
    int n = t.en->members.len;
    return n == 64 ? ~(uint64_t)0 : (((uint64_t)1 << n) - 1);
}

/* A comparison of an enum or bool field, rule or param with a member or a literal (either
 * side): the members it admits, as one constraint in out. 1, or 0 when it is not one. */
static int comparison_constraint(Sema *s, Node *n, Constraints *out)
{
    Node *k = n->a, *v = n->b;
    Op op = n->op;
    if (!expr_key(s, k)) { /* member = field: swap */
        Node *t = k;
        k = v, v = t;
        op = op == OP_LT   ? OP_GT
             : op == OP_GT ? OP_LT
             : op == OP_LE ? OP_GE
             : op == OP_GE ? OP_LE
                           : op;
    }
    const char *key = expr_key(s, k);
    uint64_t all = key ? all_of(k->ty) : 0;
    if (!all || k->ty.optional)
        return 0;
    int64_t val;
    if (v->ty.kind == TY_ENUM && v->ref == REF_MEMBER)
        val = v->idx;
    else if (v->kind == ND_BOOL)
        val = v->ival;
    else
        return 0;
    int nvals = k->ty.kind == TY_BOOL ? 2 : k->ty.en->members.len;
    uint64_t m = 0;
    for (int i = 0; i < nvals; i++) {
        int ok = op == OP_EQ   ? i == val
                 : op == OP_NE ? i != val
                 : op == OP_LT ? i < val
                 : op == OP_LE ? i <= val
                 : op == OP_GT ? i > val
                               : i >= val;
        if (ok)
            m |= (uint64_t)1 << i;
    }
    vec_push(s->a, out, ((Constraint){key, m, all}));
    return 1;
}

/* fills out; returns 1 when the condition is exactly the conjunction of out */
static int constraints_of(Sema *s, Node *n, Constraints *out)
{
    out->len = 0;
    if (!n || n->ty.kind != TY_BOOL)
        return 0;
    if (n->kind == ND_BINARY && n->op == OP_AND) {
        Constraints l = {0}, r = {0};
        int el = constraints_of(s, n->a, &l), er = constraints_of(s, n->b, &r);
        for (int i = 0; i < l.len; i++)
            vec_push(s->a, out, l.data[i]);
        for (int j = 0; j < r.len; j++) {
            int merged = 0;
            for (int i = 0; i < out->len; i++)
                if (!strcmp(out->data[i].key, r.data[j].key))
                    out->data[i].mask &= r.data[j].mask, merged = 1;
            if (!merged)
                vec_push(s->a, out, r.data[j]);
        }
        return el && er;
    }
    if (n->kind == ND_BINARY && n->op == OP_OR) {
        Constraints l = {0}, r = {0};
        int el = constraints_of(s, n->a, &l), er = constraints_of(s, n->b, &r);
        /* k in A or k in B = k in A|B, exactly, when both sides are exact on the same key */
        if (el && er && l.len == 1 && r.len == 1 && !strcmp(l.data[0].key, r.data[0].key)) {
            Constraint c = l.data[0];
            c.mask |= r.data[0].mask;
            vec_push(s->a, out, c);
            return 1;
        }
        return 0;
    }
    if (n->kind == ND_UNARY && n->op == OP_NOT) {
        Constraints x = {0};
        if (constraints_of(s, n->a, &x) && x.len == 1) {
            Constraint c = x.data[0];
            c.mask = c.all & ~c.mask;
            vec_push(s->a, out, c);
            return 1;
        }
        return 0;
    }
    const char *key = expr_key(s, n);
    if (key) { /* a bool-valued field, rule or param by itself: true */
        vec_push(s->a, out, ((Constraint){key, 2, 3}));
        return 1;
    }
    if (n->kind == ND_BINARY && n->op >= OP_EQ && n->op <= OP_GE)
        return comparison_constraint(s, n, out);
    return 0;
}

static int disjoint(Sema *s, Node *a, Node *b)
{
    Constraints x = {0}, y = {0};
    constraints_of(s, a, &x);
    constraints_of(s, b, &y);
    for (int i = 0; i < x.len; i++) {
        if (x.data[i].mask == 0)
            return 1; /* a never applies */
        for (int j = 0; j < y.len; j++)
            if (!strcmp(x.data[i].key, y.data[j].key) && !(x.data[i].mask & y.data[j].mask))
                return 1;
    }
    for (int j = 0; j < y.len; j++)
        if (y.data[j].mask == 0)
            return 1;
    return 0;
}

/* prec[i * n + j]: exception i is declared over j; the names checked (unique, each 'over'
 * naming another exception of the rule). The errors told: with one, the order meant is not
 * known, so no pair is told it lacks one (a misspelt 'over' gave a second error) */
static int exception_over(Sema *s, Decl *d, char *prec)
{
    int n = d->excs.len, before = s->d->errors;
    for (int i = 0; i < n; i++) {
        Exception *x = &d->excs.data[i];
        for (int j = 0; j < i; j++)
            if (!strcmp(d->excs.data[j].name, x->name)) {
                diag_error(s->d, x->loc, "rule '%s' has two exceptions named '%s'", d->name,
                           x->name);
                diag_note(s->d, d->excs.data[j].loc, "the first is here");
            }
        for (int k = 0; k < x->over.len; k++) {
            int j = -1;
            for (int m = 0; m < n; m++)
                if (!strcmp(d->excs.data[m].name, x->over.data[k]))
                    j = m;
            if (j < 0) {
                Suggest sg = {NULL, 99, x->over.data[k]};
                for (int m = 0; m < n; m++)
                    suggest_try(&sg, d->excs.data[m].name);
                diag_error(s->d, x->over_locs.data[k], "rule '%s' has no exception '%s'%s", d->name,
                           x->over.data[k], did_you_mean(s, sg.best));
            } else if (j == i) {
                diag_error(s->d, x->over_locs.data[k],
                           "exception '%s' cannot take precedence over itself", x->name);
            } else {
                prec[i * n + j] = 1;
            }
        }
    }
    return s->d->errors - before;
}

/* two exceptions neither above the other whose conditions can both hold: an error each pair */
static void exception_overlaps(Sema *s, Decl *d, const char *prec)
{
    int n = d->excs.len;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            Exception *a = &d->excs.data[i], *b = &d->excs.data[j];
            if (prec[i * n + j] || prec[j * n + i] || !a->cond || !b->cond ||
                a->cond->ty.kind != TY_BOOL || b->cond->ty.kind != TY_BOOL)
                continue;
            if (!disjoint(s, a->cond, b->cond)) {
                diag_error(s->d, b->loc,
                           "exceptions '%s' and '%s' of rule '%s' can both apply to one claim, and "
                           "neither takes precedence",
                           a->name, b->name, d->name);
                diag_note(s->d, a->loc,
                          "write 'exception %s over %s ...' (or the reverse), or make "
                          "their conditions exclusive",
                          b->name, a->name);
            }
        }
}

/* evaluation order: an exception comes after every exception above it (its rank) */
static void exception_ranks(Sema *s, Decl *d, const char *prec)
{
    int n = d->excs.len;
    int *done = arena_alloc(s->a, sizeof(int) * (size_t)n);
    for (int r = 0; r < n; r++) {
        for (int i = 0; i < n; i++) {
            if (done[i])
                continue;
            int ready = 1;
            for (int j = 0; j < n; j++)
                if (!done[j] && j != i && prec[j * n + i])
                    ready = 0;
            if (ready) {
                done[i] = 1;
                d->excs.data[i].rank = r;
                break;
            }
        }
    }
}

/* a rule's exceptions: their names, their precedence (not circular), no two that can apply
 * at once without one above the other, and the order they are tried in */
static void check_exceptions(Sema *s, Decl *d)
{
    int n = d->excs.len;
    if (!n)
        return;
    /* prec[i][j]: i takes precedence over j (transitively) */
    char *prec = arena_alloc(s->a, (size_t)(n * n));
    int bad_names = exception_over(s, d, prec);
    for (int k = 0; k < n; k++) /* transitive closure (Warshall): n is a handful */
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (prec[i * n + k] && prec[k * n + j])
                    prec[i * n + j] = 1;
    for (int i = 0; i < n; i++)
        if (prec[i * n + i]) {
            diag_error(
                s->d, d->excs.data[i].loc,
                "the precedence of exception '%s' is circular: it is, through 'over', above itself",
                d->excs.data[i].name);
            return;
        }
    if (!bad_names)
        exception_overlaps(s, d, prec);
    exception_ranks(s, d, prec);
}

/* A value the rule may take — its body, a dated version's, an exception's — may be absent only
 * when the rule is declared T?: otherwise an absent input would settle the claim with an empty
 * amount where the policy promises one (a version or an exception slipped past this before). */
static void absent_value(Sema *s, Decl *d, Node *value, Type t)
{
    if (t.kind != TY_ERROR && d->ty.kind != TY_ERROR && t.optional && !d->ty.optional)
        diag_error(s->d, value->loc,
                   "rule '%s' is %s, but this value may be absent; declare it %s? or "
                   "give a default: if present(x) then x else ...",
                   d->name, tn(s, d->ty), tn(s, d->ty));
}

/* the body or a dated version of rule d: of the rule's type rt, absent only if d is T? */
static void rule_value(Sema *s, Decl *d, Node *value, Type rt, const char *what)
{
    Type t = check_expr(s, value);
    if (t.kind != TY_ERROR && rt.kind != TY_ERROR && !type_eq(t, rt))
        diag_error(s->d, value->loc, "%s must be %s, found %s", what, tn(s, d->ty), tn(s, t));
    else
        absent_value(s, d, value, t);
}

static void check_rule(Sema *s, Decl *d)
{
    check_label(s, d->loc, d->label, "rule", d->name);
    d->ty = resolve_type(s, &d->tref);
    if (d->ty.kind == TY_BRACKETS) {
        diag_error(s->d, d->tref.loc, "brackets are a param type only");
        d->ty = T_ERR;
    }
    s->rule = d;
    s->dep_from = d;
    s->formula = 1;
    Type rt = d->ty;
    rt.optional = 0;
    const char *what = arena_printf(s->a, "the value of rule '%s'", d->name);
    if (d->body) {
        rule_value(s, d, d->body, rt, what);
    } else {
        check_versions(s, d);
        for (int i = 0; i < d->versions.len; i++) {
            s->win_from = d->versions.data[i].from_day;
            s->win_to = d->versions.data[i].to_day;
            rule_value(s, d, d->versions.data[i].value, rt, what);
        }
        s->win_from = INT64_MIN;
        s->win_to = INT64_MAX;
    }
    for (int i = 0; i < d->excs.len; i++) {
        Exception *x = &d->excs.data[i];
        want(s, x->cond, mk(TY_BOOL),
             arena_printf(s->a, "the condition of exception '%s'", x->name));
        vec_push(s->a, &s->guards, x->cond);
        Type t = check_expr(s, x->value);
        s->guards.len--;
        if (t.kind != TY_ERROR && rt.kind != TY_ERROR && !type_eq(t, rt))
            diag_error(s->d, x->value->loc, "exception '%s' gives %s, but rule '%s' is %s", x->name,
                       tn(s, t), d->name, tn(s, d->ty));
        else
            absent_value(s, d, x->value, t);
    }
    check_exceptions(s, d);
    s->rule = NULL;
    s->dep_from = NULL;
    s->formula = 0;
}

/* The date of `per year of DATE`: checked once the rules' types are known (check_signatures),
 * as it may name a rule: checked before, a rule's type read as unknown and let any through
 * (`per year of cost`, money, took the year of 10,000 fen as days: 1997). */
static void check_ledger_year(Sema *s, Decl *d)
{
    s->formula = 1;
    if (d->key && want(s, d->key, mk(TY_DATE), "the date a ledger year is taken from").optional)
        diag_error(s->d, d->key->loc,
                   "the date a ledger year is taken from may be absent; a claim without it has "
                   "no year to count in: use a date every claim has");
    s->formula = 0;
}

static void check_ledger_updates(Sema *s, Decl *d)
{
    s->formula = 1;
    for (int i = 0; i < d->fields.len; i++) {
        Field *f = &d->fields.data[i];
        if (f->ty.kind == TY_ERROR)
            continue;
        if (f->ty.optional) {
            diag_error(s->d, f->tref.loc, "a ledger field always has a value; drop the '?'");
            continue;
        }
        if (f->accumulate && f->ty.kind != TY_MONEY && f->ty.kind != TY_INT &&
            f->ty.kind != TY_DURATION && f->ty.kind != TY_RATE) {
            diag_error(s->d, f->loc, "'+=' accumulates numbers; '%s' is %s (use '=')", f->name,
                       tn(s, f->ty));
            continue;
        }
        /* absent, the update would fail every claim without the value: as a rule's value
         * (absent_value), the checker asks for the default instead */
        if (want(s, f->update, f->ty, arena_printf(s->a, "the update of %s.%s", d->name, f->name))
                .optional)
            diag_error(s->d, f->update->loc,
                       "ledger field '%s.%s' always has a value, but this update may be absent; "
                       "give a default: if present(x) then x else ...",
                       d->name, f->name);
    }
    s->formula = 0;
}

static void check_extern(Sema *s, Decl *d)
{
    d->ty = resolve_type(s, &d->tref);
    for (int i = 0; i < d->arg_trefs.len; i++) {
        Field f = {.name = arena_printf(s->a, "arg%d", i),
                   .tref = d->arg_trefs.data[i],
                   .loc = d->arg_trefs.data[i].loc};
        f.ty = resolve_type(s, &f.tref);
        vec_push(s->a, &d->fields, f);
    }
    const HostFn *h = host_lookup(d->name);
    if (!h) {
        Suggest sg = {NULL, 99, d->name};
        for (int i = 0; i < host_nfns; i++)
            suggest_try(&sg, host_fns[i].name);
        diag_error(s->d, d->loc, "the runtime provides no function '%s'%s", d->name,
                   did_you_mean(s, sg.best));
        return;
    }
    if (strstr(h->symbol, "workdays"))
        uses_workdays(s, d->loc);
    int ok = h->nargs == d->arg_trefs.len && d->ty.kind == h->ret && !d->ty.optional;
    for (int i = 0; ok && i < h->nargs; i++)
        ok = d->fields.data[i].ty.kind == h->args[i] && !d->fields.data[i].ty.optional;
    if (!ok) {
        char sig[128];
        int k = snprintf(sig, sizeof sig, "%s(", h->name);
        for (int i = 0; i < h->nargs; i++)
            k += snprintf(sig + k, sizeof sig - (size_t)k, "%s%s", i ? ", " : "",
                          type_name(s->a, mk(h->args[i])));
        snprintf(sig + k, sizeof sig - (size_t)k, "): %s", type_name(s->a, mk(h->ret)));
        diag_error(s->d, d->loc, "extern '%s' does not match the runtime's %s", d->name, sig);
    }
}

/* rules must not depend on themselves, directly or through others: from every rule, a
 * breadth-first walk of its dependencies; a walk that comes back reports the path once. */
static void check_cycles(Sema *s)
{
    /* adjacency lists: the dependency edges grouped by the rule that has them */
    int n = s->pol->rules.len, ne = s->deps.len;
    int *start = arena_alloc(s->a, sizeof(int) * (size_t)(n + 2));
    Dep **edges = arena_alloc(s->a, sizeof(Dep *) * (size_t)(ne + 1));
    for (int k = 0; k < ne; k++)
        start[s->deps.data[k].from->index + 1]++;
    for (int i = 0; i < n; i++)
        start[i + 1] += start[i];
    int *fill = arena_alloc(s->a, sizeof(int) * (size_t)(n + 1));
    memcpy(fill, start, sizeof(int) * (size_t)n);
    for (int k = 0; k < ne; k++)
        edges[fill[s->deps.data[k].from->index]++] = &s->deps.data[k];
    /* iterative depth-first search, white/grey/black: an edge to a grey rule closes a cycle,
     * whose path is the stack from that rule up; each rule is reported in one cycle at most */
    char *color = arena_alloc(s->a, (size_t)(n + 1));
    char *reported = arena_alloc(s->a, (size_t)(n + 1));
    int *stack = arena_alloc(s->a, sizeof(int) * (size_t)(n + 1));
    int *next = arena_alloc(s->a, sizeof(int) * (size_t)(n + 1));
    Dep **in_edge = arena_alloc(s->a, sizeof(Dep *) * (size_t)(n + 1));
    for (int root = 0; root < n; root++) {
        if (color[root])
            continue;
        int sp = 0;
        stack[sp++] = root;
        color[root] = 1;
        next[root] = start[root];
        while (sp > 0) {
            int x = stack[sp - 1];
            if (next[x] == start[x + 1]) {
                color[x] = 2;
                sp--;
                continue;
            }
            Dep *e = edges[next[x]++];
            int t = e->to->index;
            if (color[t] == 0) {
                color[t] = 1;
                in_edge[t] = e;
                next[t] = start[t];
                stack[sp++] = t;
            } else if (color[t] == 1 && !reported[t]) {
                int pos = sp - 1;
                while (stack[pos] != t)
                    pos--;
                diag_error(s->d, e->to->loc, "rule '%s' depends on itself", e->to->name);
                for (int i = pos + 1; i < sp; i++) {
                    Dep *pe = in_edge[stack[i]];
                    diag_note(s->d, pe->loc, "'%s' uses '%s' here", pe->from->name, pe->to->name);
                }
                diag_note(s->d, e->loc, "'%s' uses '%s' here", e->from->name, e->to->name);
                for (int i = pos; i < sp; i++)
                    reported[stack[i]] = 1;
            }
        }
    }
}

/* ---- ledger keys ----------------------------------------------------------------------- */
/* The first ledger field n reads, itself or through the rules it uses (each rule looked into
 * once: seen is indexed by rule); NULL when none. */
static Node *reads_ledger(Node *n, char *seen)
{
    if (!n)
        return NULL;
    if (n->ref == REF_LEDGER_FIELD)
        return n;
    Decl *r = n->decl && n->decl->kind == DK_RULE && (n->ref == REF_RULE || n->kind == ND_CALL)
                  ? n->decl
                  : NULL;
    if (r && !seen[r->index]) {
        seen[r->index] = 1;
        Node *x = reads_ledger(r->body, seen);
        for (int i = 0; !x && i < r->versions.len; i++)
            x = reads_ledger(r->versions.data[i].value, seen);
        for (int i = 0; !x && i < r->excs.len; i++)
            if (!(x = reads_ledger(r->excs.data[i].cond, seen)))
                x = reads_ledger(r->excs.data[i].value, seen);
        if (x)
            return x;
    }
    for (int i = 0; i < n->args.len; i++) {
        Node *x = reads_ledger(n->args.data[i], seen);
        if (x)
            return x;
    }
    Node *x = reads_ledger(n->a, seen);
    if (!x)
        x = reads_ledger(n->b, seen);
    return x ? x : reads_ledger(n->c, seen);
}

/* A claim's ledger rows are found by the ledgers' years before anything reads them (interp.c
 * interp_keys, then the rows, then the rules): a year that reads a ledger, itself or through
 * a rule, would see no row yet, and the rules that read both would see two values of one
 * field in one claim. */
static void ledger_year_reads(Sema *s, Decl *d)
{
    if (!d->key || d->key->ty.kind == TY_ERROR)
        return;
    char *seen = arena_alloc(s->a, (size_t)s->pol->rules.len + 1);
    Node *x = reads_ledger(d->key, seen);
    if (!x)
        return;
    diag_error(s->d, d->key->loc,
               "the year of ledger '%s' reads a ledger (%s.%s), which is read only once the "
               "year has found the claim's rows; take the year from the claim",
               d->name, x->decl->name, x->decl->fields.data[x->idx].name);
    diag_note(s->d, x->loc, "the ledger is read here");
}

/* ---- input checks ---------------------------------------------------------------------- */
/* the first thing a reject condition reads that a row of claims.csv does not hold */
static Node *beyond_the_row(Node *n)
{
    if (!n)
        return NULL;
    switch (n->kind) {
    case ND_NAME: return n->ref == REF_RULE ? n : NULL;
    case ND_FIELD:
        if (n->ref == REF_PERSON_FIELD || n->ref == REF_LEDGER_FIELD || n->ref == REF_HIST_FIELD)
            return n;
        return NULL;
    case ND_AGG: return n;
    case ND_CALL:
        if (n->decl && n->decl->kind == DK_RULE)
            return n;
        for (int i = 0; i < n->args.len; i++) {
            Node *b = beyond_the_row(n->args.data[i]);
            if (b)
                return b;
        }
        return NULL;
    default: {
        Node *b = beyond_the_row(n->a);
        if (!b)
            b = beyond_the_row(n->b);
        if (!b)
            b = beyond_the_row(n->c);
        return b;
    }
    }
}

/* reject "message" when condition: checked on each claim row before anything is settled,
 * so it may read only the row (claim fields) and params */
static void check_reject(Sema *s, Decl *d)
{
    s->formula = 1;
    if (want(s, d->body, mk(TY_BOOL), "a reject condition").kind != TY_ERROR) {
        Node *b = beyond_the_row(d->body);
        if (b)
            diag_error(s->d, b->loc,
                       "a reject condition reads only the claim's fields and params "
                       "(it is checked on the row before settlement)");
    }
    s->formula = 0;
    if (!d->name[0])
        diag_error(s->d, d->loc,
                   "a reject check needs a message saying what is wrong with the row");
}

/* ---- tests ----------------------------------------------------------------------------- */
static void check_kvs(Sema *s, TestItem *t, Decl *rec, const char *what, int need_all)
{
    if (!rec) {
        diag_error(s->d, t->loc, "the policy declares no %s", what);
        return;
    }
    int n = rec->fields.len;
    int *seen = arena_alloc(s->a, sizeof(int) * (size_t)(n ? n : 1));
    for (int i = 0; i < t->kvs.len; i++) {
        KV *kv = &t->kvs.data[i];
        if (kv->sub) {
            diag_error(s->d, kv->loc, "write a field name here, not '%s.%s'", kv->name, kv->sub);
            continue;
        }
        int f = find_field(rec, kv->name);
        if (f < 0) {
            diag_error(s->d, kv->loc, "%s has no field '%s'%s", what, kv->name,
                       suggest_field(s, rec, kv->name));
            continue;
        }
        if (seen[f])
            diag_error(s->d, kv->loc, "field '%s' is given twice", kv->name);
        seen[f] = 1;
        Type ft = rec->fields.data[f].ty;
        if (ft.kind == TY_ERROR)
            continue;
        ft.optional = 0;
        int64_t v;
        literal_value(s, kv->value, ft, &v);
    }
    if (need_all)
        for (int f = 0; f < n; f++)
            if (!seen[f] && !rec->fields.data[f].def && !rec->fields.data[f].ty.optional)
                diag_error(s->d, t->loc, "%s '%s' lacks the field '%s', which has no default", what,
                           t->name, rec->fields.data[f].name);
}

/* an expectation's values: each of a rule of the claim or a ledger field, of its type */
static void check_expect_values(Sema *s, TestItem *t)
{
    for (int k = 0; k < t->kvs.len; k++) {
        KV *kv = &t->kvs.data[k];
        Type ft = T_ERR;
        /* the same value expected twice is a slip: the two could disagree, and one would fail */
        for (int j = 0; j < k; j++) {
            const KV *o = &t->kvs.data[j];
            if (!strcmp(o->name, kv->name) &&
                (o->sub ? kv->sub && !strcmp(o->sub, kv->sub) : !kv->sub)) {
                diag_error(s->d, kv->loc, "'%s%s%s' is expected twice for claim '%s'", kv->name,
                           kv->sub ? "." : "", kv->sub ? kv->sub : "", t->name);
                break;
            }
        }
        if (kv->sub) {
            Decl *l = find_decl(s, kv->name, K(DK_LEDGER));
            int f = l ? find_field(l, kv->sub) : -1;
            if (!l)
                diag_error(s->d, kv->loc, "unknown ledger '%s'%s", kv->name,
                           suggest_name(s, kv->name));
            else if (f < 0)
                diag_error(s->d, kv->loc, "ledger %s has no field '%s'%s", l->name, kv->sub,
                           suggest_field(s, l, kv->sub));
            else
                ft = l->fields.data[f].ty;
        } else {
            Decl *r = find_decl(s, kv->name, K(DK_RULE));
            if (!r)
                diag_error(s->d, kv->loc, "unknown rule '%s'%s", kv->name,
                           suggest_name(s, kv->name));
            else if (r->fields.len)
                diag_error(s->d, kv->loc, "rule '%s' takes arguments; expect rules of the claim",
                           kv->name);
            else
                ft = r->ty;
        }
        if (ft.kind != TY_ERROR) {
            int64_t v;
            ft.optional = 0;
            literal_value(s, kv->value, ft, &v);
        }
    }
}

/* a test case: its persons, history spans, claims and expectations, each naming what it refers
 * to once and before it is used */
static void check_test(Sema *s, Decl *d)
{
    /* a test that settles no claim, or expects nothing of the claims it settles, checks
     * nothing, yet polc test would pass it. A test's name is a string, so it is quoted as
     * written ("x"); identifiers are quoted 'x'. */
    int claims = 0, expects = 0;
    for (int i = 0; i < d->items.len; i++) {
        claims += d->items.data[i].kind == TI_CLAIM;
        expects += d->items.data[i].kind == TI_EXPECT || d->items.data[i].kind == TI_EXPECT_FAIL;
    }
    if (!claims)
        diag_error(s->d, d->loc,
                   "test \"%s\" has no claim: a test settles claims and expects what they paid; "
                   "add 'claim NAME of PERSON { ... }' and an expect",
                   d->name);
    else if (!expects)
        diag_error(s->d, d->loc,
                   "test \"%s\" expects nothing, so it cannot fail: add 'expect CLAIM { RULE: "
                   "VALUE }' or 'expect CLAIM fails \"TEXT\"' after a claim",
                   d->name);
    for (int i = 0; i < d->items.len; i++) {
        TestItem *t = &d->items.data[i];
        switch (t->kind) {
        case TI_PERSON:
            for (int j = 0; j < i; j++)
                if (d->items.data[j].kind == TI_PERSON && !strcmp(d->items.data[j].name, t->name))
                    diag_error(s->d, t->loc, "person '%s' is declared twice in this test", t->name);
            if (s->pol->person || t->kvs.len)
                check_kvs(s, t, s->pol->person, "person", 1);
            break;
        case TI_HISTORY: {
            int found = 0;
            for (int j = 0; j < i; j++)
                if (d->items.data[j].kind == TI_PERSON && !strcmp(d->items.data[j].name, t->name))
                    found = 1;
            if (!found)
                diag_error(s->d, t->loc, "no person '%s' declared before this history", t->name);
            check_kvs(s, t, s->pol->history, "history span", 1);
            break;
        }
        case TI_CLAIM: {
            int found = 0;
            for (int j = 0; j < i; j++) {
                if (d->items.data[j].kind == TI_PERSON && !strcmp(d->items.data[j].name, t->of))
                    found = 1;
                if (d->items.data[j].kind == TI_CLAIM && !strcmp(d->items.data[j].name, t->name))
                    diag_error(s->d, t->loc, "claim '%s' is declared twice in this test", t->name);
            }
            if (!found)
                diag_error(s->d, t->of_loc, "no person '%s' declared before this claim", t->of);
            check_kvs(s, t, s->pol->claim, "claim", 1);
            break;
        }
        case TI_EXPECT:
        case TI_EXPECT_FAIL: {
            int found = 0;
            for (int j = 0; j < i; j++)
                if (d->items.data[j].kind == TI_CLAIM && !strcmp(d->items.data[j].name, t->name))
                    found = 1;
            if (!found)
                diag_error(s->d, t->loc, "no claim '%s' declared before this expectation", t->name);
            check_expect_values(s, t);
            break;
        }
        }
    }
}

/* ---- the whole program ----------------------------------------------------------------- */
/* ---- the checker's passes, in the order sema_check runs them ------------------------- */

/* policy "NAME" valid from D [to D] dated by claim.F: one header, a validity that ends after
 * it starts. -1 when there is nothing to check (no header at all). */
static int check_header(Sema *s)
{
    Diag *d = s->d;
    Program *p = s->p;
    Policy *pol = s->pol;
    if (p->is_reform) {
        diag_error(d, p->name_loc, "internal: reform not applied before checking");
        return -1;
    }
    pol->valid_from = INT64_MIN;
    pol->valid_to = INT64_MAX;
    if (p->nheaders == 0) {
        /* an empty file (or one of a byte order mark, blanks and comments alone) is said to
         * be one, as what it is, not as a declaration missing its header */
        diag_error(d, (Loc){p->src, 0, 0},
                   "%sa policy starts with its header: policy \"NAME\" valid from YYYY-MM-DD "
                   "dated by claim.FIELD",
                   p->decls.len ? "" : "the file holds no policy text; ");
        return -1;
    }
    if (p->nheaders > 1)
        diag_error(d, p->name_loc, "a file holds one policy; this is its second header");
    if (!p->valid_from) {
        diag_error(d, p->name_loc,
                   "the policy needs a validity: add 'valid from YYYY-MM-DD' after its name");
    } else if (parse_day(s, p->valid_from) == 0) {
        pol->valid_from = p->valid_from->ival;
        if (p->valid_to && parse_day(s, p->valid_to) == 0) {
            pol->valid_to = p->valid_to->ival + 1; /* "to D" includes D */
            if (pol->valid_to <= pol->valid_from)
                diag_error(d, p->valid_to->loc, "the policy ends before it starts");
        }
    }
    return 0;
}

void sema_declared_twice(Diag *d, const Decl *x, const Decl *first)
{
    diag_error(d, x->loc, "'%s' is declared twice", x->name);
    const char *kind = decl_kind_name(first->kind);
    diag_note(d, first->loc, "the first declaration (%s %s) is here", diag_a(kind), kind);
}

/* x's name into the name table (declared once, not a built-in's), its members, for an enum,
 * into the member table */
static void enter_name(Sema *s, Decl *x)
{
    Diag *d = s->d;
    NameSlot *sl = name_slot(&s->names, x->name);
    if (sl->name) {
        sl->other = x;
        sema_declared_twice(d, x, sl->decl);
    } else {
        sl->name = x->name;
        sl->decl = x;
    }
    for (int m = 0; x->kind == DK_ENUM && m < x->members.len; m++) {
        NameSlot *ms = name_slot(&s->members, x->members.data[m].name);
        if (!ms->name) {
            ms->name = x->members.data[m].name;
            ms->decl = x;
            ms->idx = m;
        } else if (ms->decl != x && !ms->other) {
            ms->other = x;
        }
    }
    int callable = x->kind == DK_EXTERN || (x->kind == DK_RULE && x->fields.len > 0);
    for (size_t b = 0; b < sizeof builtins / sizeof builtins[0]; b++)
        if (!strcmp(builtins[b].name, x->name) && (callable || !call_only_builtin(x->name)))
            diag_error(d, x->loc, "'%s' is a built-in function; choose another name", x->name);
}

/* x into the Policy's list of its kind (a policy has one claim, person and history record) */
static void file_decl(Sema *s, Decl *x)
{
    Arena *a = s->a;
    Diag *d = s->d;
    Policy *pol = s->pol;
    switch (x->kind) {
    case DK_ENUM:
        x->index = pol->enums.len;
        vec_push(a, &pol->enums, x);
        break;
    case DK_CLAIM:
    case DK_PERSON:
    case DK_HISTORY: {
        Decl **slot = x->kind == DK_CLAIM    ? &pol->claim
                      : x->kind == DK_PERSON ? &pol->person
                                             : &pol->history;
        if (*slot) {
            diag_error(d, x->loc, "a policy has one %s; this is the second",
                       decl_kind_name(x->kind));
            diag_note(d, (*slot)->loc, "the first is here");
        } else {
            *slot = x;
        }
        break;
    }
    case DK_PARAM:
        x->index = pol->params.len;
        vec_push(a, &pol->params, x);
        break;
    case DK_LEDGER:
        x->index = pol->ledgers.len;
        vec_push(a, &pol->ledgers, x);
        break;
    case DK_RULE:
        x->index = pol->rules.len;
        vec_push(a, &pol->rules, x);
        break;
    case DK_TEST:
        for (int j = 0; j < pol->tests.len; j++)
            if (!strcmp(pol->tests.data[j]->name, x->name))
                diag_error(d, x->loc, "two tests are named \"%s\"", x->name);
        x->index = pol->tests.len;
        vec_push(a, &pol->tests, x);
        break;
    case DK_EXTERN:
        x->index = pol->externs.len;
        vec_push(a, &pol->externs, x);
        break;
    case DK_OUTPUT: break;
    case DK_REJECT:
        x->index = pol->rejects.len;
        vec_push(a, &pol->rejects, x);
        break;
    }
}

/* every declaration named and filed by kind, in the order written */
static void declare_all(Sema *s)
{
    Program *p = s->p;
    int nmembers = 0;
    for (int i = 0; i < p->decls.len; i++)
        nmembers += p->decls.data[i]->members.len;
    name_table_init(s->a, &s->names, p->decls.len);
    name_table_init(s->a, &s->members, nmembers);
    for (int i = 0; i < p->decls.len; i++) {
        Decl *x = p->decls.data[i];
        if (K(x->kind) & NAMED)
            enter_name(s, x);
        file_decl(s, x);
    }
}

/* a rule or param named like an enum member would hide the member wherever it is written */
static void check_member_clashes(Sema *s)
{
    Diag *d = s->d;
    Program *p = s->p;
    for (int i = 0; i < p->decls.len; i++) {
        Decl *x = p->decls.data[i];
        if (!(K(x->kind) & (K(DK_RULE) | K(DK_PARAM) | K(DK_LEDGER) | K(DK_EXTERN))))
            continue;
        NameSlot *ms = name_slot(&s->members, x->name);
        if (ms->name) {
            diag_error(d, x->loc, "%s '%s' has the name of a member of enum %s; rename it",
                       decl_kind_name(x->kind), x->name, ms->decl->name);
            diag_note(d, ms->decl->members.data[ms->idx].loc, "the member is here");
        }
    }
}

/* The column headers a field binds in its CSV: its name, and its label if it has one. */
static int field_columns(const Field *f, const char *col[2])
{
    col[0] = f->name;
    col[1] = f->label;
    return f->label ? 2 : 1;
}

static const char *record_field(const Decl *rec)
{
    return rec->kind == DK_CLAIM    ? "claim field"
           : rec->kind == DK_PERSON ? "person field"
                                    : "history field";
}

/* A CSV column binds by its header to the field whose name or label it is, after the fixed id
 * columns (spec/DATA.md). One file is read for the claim record (claims.csv: ids claim_id,
 * person_id) and one for the person record and the history together (persons.csv: person_id),
 * so within a file each header must name one field and no id: two fields labelled 费用 left
 * the runtime refusing the schema (an internal error), and person { from } beside history
 * { from } a persons.csv that could never bind. a and b are the file's records (b may be
 * NULL); a clash of two names within one record is "duplicate field" already. */
static void check_columns(Sema *s, Decl *a, Decl *b, const char *file, const char *const *ids)
{
    Decl *recs[2] = {a, b};
    for (int r = 0; r < 2; r++)
        for (int i = 0; recs[r] && i < recs[r]->fields.len; i++) {
            const Field *f = &recs[r]->fields.data[i];
            const char *fc[2];
            int nf = field_columns(f, fc);
            for (int k = 0; f->label && ids[k]; k++)
                if (!strcmp(f->label, ids[k]))
                    diag_error(s->d, f->loc,
                               "the label of field '%s' is '%s', the id column of %s; give it "
                               "another label",
                               f->name, ids[k], file);
            for (int q = 0; q <= r; q++)
                for (int j = 0; j < (q < r ? recs[q]->fields.len : i); j++) {
                    const Field *g = &recs[q]->fields.data[j];
                    const char *gc[2];
                    int ng = field_columns(g, gc), clash = -1;
                    for (int x = 0; x < nf && clash < 0; x++)
                        for (int y = 0; y < ng && clash < 0; y++)
                            if (!(q == r && x == 0 && y == 0) && !strcmp(fc[x], gc[y]))
                                clash = x;
                    if (clash < 0)
                        continue;
                    diag_error(s->d, f->loc,
                               "the column '%s' of %s would be both %s '%s' and %s '%s'; give "
                               "one of them another name or label",
                               fc[clash], file, record_field(recs[q]), g->name,
                               record_field(recs[r]), f->name);
                    diag_note(s->d, g->loc, "'%s' is declared here", g->name);
                }
        }
}

/* the claim, person and history records, and the claim date the header names */
static void check_records(Sema *s)
{
    Diag *d = s->d;
    Program *p = s->p;
    Policy *pol = s->pol;
    if (pol->claim)
        check_fields(s, pol->claim, 1);
    if (pol->person)
        check_fields(s, pol->person, 1);
    if (pol->history)
        check_fields(s, pol->history, 1);
    static const char *const claim_ids[] = {"claim_id", "person_id", NULL};
    static const char *const person_ids[] = {"person_id", NULL};
    if (pol->claim)
        check_columns(s, pol->claim, NULL, "claims.csv", claim_ids);
    check_columns(s, pol->person ? pol->person : pol->history, pol->person ? pol->history : NULL,
                  "persons.csv", person_ids);
    if (p->dated_by) {
        pol->dated_field = find_field(pol->claim, p->dated_by);
        if (pol->dated_field < 0)
            diag_error(d, p->dated_loc, "the claim record has no field '%s'%s", p->dated_by,
                       suggest_field(s, pol->claim, p->dated_by));
        else if (pol->claim->fields.data[pol->dated_field].ty.kind != TY_DATE ||
                 pol->claim->fields.data[pol->dated_field].ty.optional)
            diag_error(d, p->dated_loc,
                       "claims are dated by a date that is always present; "
                       "'%s' is %s",
                       p->dated_by, tn(s, pol->claim->fields.data[pol->dated_field].ty));
    } else if (pol->claim) {
        diag_error(d, p->name_loc,
                   "say which claim date picks the rules in force: "
                   "add 'dated by claim.FIELD' to the policy header");
    }
}

/* rule types and argument types first: bodies may refer to any rule */
static void check_signatures(Sema *s)
{
    Diag *d = s->d;
    Policy *pol = s->pol;
    for (int i = 0; i < pol->rules.len; i++) {
        Decl *r = pol->rules.data[i];
        if (r->fields.len > RULE_MAX_ARGS)
            diag_error(d, r->fields.data[RULE_MAX_ARGS].loc,
                       "rule '%s' has %d arguments; a rule takes at most %d", r->name,
                       r->fields.len, RULE_MAX_ARGS);
        for (int j = 0; j < r->fields.len; j++) {
            Field *f = &r->fields.data[j];
            for (int k = 0; k < j; k++)
                if (!strcmp(r->fields.data[k].name, f->name))
                    diag_error(d, f->loc, "rule '%s' has two arguments named '%s'", r->name,
                               f->name);
            f->ty = resolve_type(s, &f->tref);
        }
        r->ty = resolve_type(s, &r->tref);
    }
}

/* An output's role (spec/LANGUAGE.md "Outputs"): payer, money a fund pays; patient, the
 * patient's share; hospital, an amount the hospital bears (non-compliant cost it may not
 * charge: 医疗机构承担); info, anything else. Chinese aliases as the notices say it. The role word
 * of output k of o, canonical, or NULL when none is written (or it is wrong: reported). */
static const char *output_role(Sema *s, Decl *o, int k, Decl *r)
{
    static const struct {
        const char *word, *role;
    } roles[] = {{"payer", "payer"},  {"基金", "payer"},        {"patient", "patient"},
                 {"个人", "patient"}, {"hospital", "hospital"}, {"医疗机构", "hospital"},
                 {"info", "info"},    {"信息", "info"}};
    const char *w = k < o->roles.len ? o->roles.data[k] : NULL;
    if (!w)
        return NULL;
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++)
        if (!strcmp(w, roles[i].word)) {
            if (strcmp(roles[i].role, "info") != 0 && r->ty.kind != TY_MONEY)
                diag_error(s->d, o->role_locs.data[k],
                           "output '%s' is %s, not money: only money can be a %s", r->name,
                           type_name(s->a, r->ty), roles[i].role);
            return roles[i].role;
        }
    diag_error(s->d, o->role_locs.data[k],
               "unknown output role '%s', expected payer, patient, hospital or info", w);
    return NULL;
}

/* The results' columns are headed by the outputs' labels (else names) with --labels zh, by
 * their names with --labels names, between the claim id's and the status's (out.c
 * rt_results_word), and a results file is read back by its headings as a claims file is
 * (spec/DATA.md): output r, headed label, must head a column of its own in both. */
static void output_heading(Sema *s, NameTable *heads, Loc at, Decl *r, const char *label)
{
    static const char *const fixed[] = {"claim_id", "status", "结算单号", "结算状态"};
    const char *zh = label ? label : r->name;
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        if (!strcmp(zh, fixed[i]) || !strcmp(r->name, fixed[i])) {
            diag_error(s->d, at,
                       "output '%s' would head its results column '%s', the heading of the "
                       "results' %s column; %s",
                       r->name, fixed[i], i % 2 ? "status" : "claim id",
                       strcmp(r->name, fixed[i]) ? "give it another label" : "rename the rule");
            return;
        }
    NameSlot *sl = name_slot(heads, zh);
    if (!sl->name) {
        sl->name = zh;
        sl->decl = r;
    } else if (sl->decl != r) {
        diag_error(s->d, at,
                   "outputs '%s' and '%s' would both head a results column '%s'; give one of "
                   "them another label",
                   sl->decl->name, r->name, zh);
    }
}

/* output RULE, ...: rules of the claim, each listed once, at least one when there are claims */
static void collect_outputs(Sema *s)
{
    Arena *a = s->a;
    Diag *d = s->d;
    Program *p = s->p;
    Policy *pol = s->pol;
    /* the rules listed and the headings taken so far: hashed, as a generated policy may list
     * 40,000 outputs (comparing each with those before took 24 s) */
    int n = 0;
    for (int i = 0; i < p->decls.len; i++)
        n += p->decls.data[i]->kind == DK_OUTPUT ? p->decls.data[i]->names.len : 0;
    NameTable listed, heads;
    name_table_init(a, &listed, n);
    name_table_init(a, &heads, n);
    for (int i = 0; i < p->decls.len; i++) {
        Decl *o = p->decls.data[i];
        if (o->kind != DK_OUTPUT)
            continue;
        for (int k = 0; k < o->names.len; k++) {
            Decl *r = find_decl(s, o->names.data[k], K(DK_RULE));
            /* a param listed (a new-user pass listed 'cap'): "did you mean 'cap'?" named it */
            Decl *other = r ? NULL
                            : find_decl(s, o->names.data[k],
                                        K(DK_PARAM) | K(DK_LEDGER) | K(DK_ENUM) | K(DK_HISTORY) |
                                            K(DK_EXTERN));
            if (other) {
                const char *kind = decl_kind_name(other->kind), *fix = "";
                if (other->kind == DK_PARAM && other->ty.kind != TY_ERROR)
                    fix = arena_printf(a,
                                       "; to show its value, write rule NAME: %s = %s and "
                                       "list NAME",
                                       tn(s, other->ty),
                                       other->index_name ? arena_printf(a, "%s[...]", other->name)
                                                         : other->name);
                diag_error(d, o->name_locs.data[k],
                           "'%s' is %s %s, not a rule: an output lists "
                           "rules%s",
                           o->names.data[k], diag_a(kind), kind, fix);
                continue;
            }
            if (!r) {
                diag_error(d, o->name_locs.data[k], "unknown rule '%s' in the output list%s",
                           o->names.data[k], sema_suggest_decl(a, p, DK_RULE, o->names.data[k]));
                continue;
            }
            if (r->fields.len) {
                diag_error(d, o->name_locs.data[k],
                           "rule '%s' takes arguments; an output is a rule of the claim", r->name);
                continue;
            }
            NameSlot *sl = name_slot(&listed, r->name);
            if (sl->name)
                diag_error(d, o->name_locs.data[k], "'%s' is listed twice as an output", r->name);
            sl->name = r->name;
            /* the output list's label, else the rule's: what a person reads as its heading */
            const char *l = k < o->labels.len ? o->labels.data[k] : NULL;
            check_label(s, o->name_locs.data[k], l, "output", r->name);
            output_heading(s, &heads, o->name_locs.data[k], r, l ? l : r->label);
            vec_push(a, &pol->outputs, r);
            vec_push(a, &pol->output_labels, l ? l : r->label);
            vec_push(a, &pol->output_roles, output_role(s, o, k, r));
        }
    }
    if (pol->claim && pol->outputs.len == 0)
        diag_error(d, p->name_loc, "the policy has no outputs: add 'output RULE, ...'");
}

/* The checker: the header, the declarations and their names, records, params and ledgers,
 * rule signatures then bodies, ledger updates, input checks, cycles, outputs and tests. Each
 * pass reports what it finds and goes on, so one run tells every error it can. */
int sema_check(Arena *a, Diag *d, Program *p, Policy *pol)
{
    memset(pol, 0, sizeof *pol);
    pol->prog = p;
    pol->dated_field = -1;
    Sema s = {.a = a, .d = d, .p = p, .pol = pol, .win_from = INT64_MIN, .win_to = INT64_MAX};
    int before = d->errors;

    if (check_header(&s) != 0)
        return -1;
    declare_all(&s);
    for (int i = 0; i < pol->enums.len; i++)
        check_enum(&s, pol->enums.data[i]);
    check_member_clashes(&s);
    check_records(&s);
    for (int i = 0; i < pol->externs.len; i++)
        check_extern(&s, pol->externs.data[i]);
    for (int i = 0; i < pol->params.len; i++)
        check_param(&s, pol->params.data[i]);
    for (int i = 0; i < pol->ledgers.len; i++)
        check_fields(&s, pol->ledgers.data[i], 0);
    check_signatures(&s);
    for (int i = 0; i < pol->ledgers.len; i++)
        check_ledger_year(&s, pol->ledgers.data[i]);
    for (int i = 0; i < pol->rules.len; i++)
        check_rule(&s, pol->rules.data[i]);
    for (int i = 0; i < pol->ledgers.len; i++)
        check_ledger_updates(&s, pol->ledgers.data[i]);
    for (int i = 0; i < pol->rejects.len; i++)
        check_reject(&s, pol->rejects.data[i]);
    check_cycles(&s);
    for (int i = 0; i < pol->ledgers.len; i++)
        ledger_year_reads(&s, pol->ledgers.data[i]);
    collect_outputs(&s);
    for (int i = 0; i < pol->tests.len; i++)
        check_test(&s, pol->tests.data[i]);
    return d->errors > before ? -1 : 0;
}

/* the year of a day */
static int64_t year_of(int64_t day)
{
    int64_t y, m, dd;
    polrt_civil_from_days(day, &y, &m, &dd);
    return y;
}

/* How far ahead of the policy's start an open validity is checked for calendar years that
 * the calendar holds: a century is past any notice's life, and the scan is a bit test a year */
#define OPEN_SCAN_YEARS 100

int sema_calendar_warning(Diag *d, const Policy *pol)
{
    if (!pol->workdays.src || pol->valid_from == INT64_MIN)
        return 0;
    int64_t y0 = year_of(pol->valid_from), y1;
    if (pol->valid_to != INT64_MAX)
        y1 = year_of(pol->valid_to - 1);
    else { /* open: up to the last year the calendar holds, the start's at least */
        y1 = y0;
        for (int64_t y = y0; y <= y0 + OPEN_SCAN_YEARS; y++)
            if (polrt_is_workday(polrt_days_from_civil(y, 1, 1)) >= 0)
                y1 = y;
        /* and the year a version starts in: an amendment from 2027-01-01 is written for
         * claims of 2027, which fail if they count working days there (a new-user pass) */
        const DeclList *lists[] = {&pol->params, &pol->rules};
        for (size_t l = 0; l < sizeof lists / sizeof *lists; l++)
            for (int i = 0; i < lists[l]->len; i++)
                for (int j = 0; j < lists[l]->data[i]->versions.len; j++) {
                    int64_t f = lists[l]->data[i]->versions.data[j].from_day;
                    if (f != INT64_MIN && year_of(f) > y1 && year_of(f) <= y0 + OPEN_SCAN_YEARS)
                        y1 = year_of(f);
                }
    }
    char list[256] = "";
    size_t n = 0;
    int missing = 0;
    for (int64_t y = y0; y <= y1; y++) {
        if (polrt_is_workday(polrt_days_from_civil(y, 1, 1)) >= 0)
            continue;
        int64_t e = y; /* a run of missing years, written "2019-2024" */
        while (e < y1 && polrt_is_workday(polrt_days_from_civil(e + 1, 1, 1)) < 0)
            e++;
        if (n < sizeof list)
            n += (size_t)(e > y ? snprintf(list + n, sizeof list - n, "%s%lld-%lld",
                                           missing ? ", " : "", (long long)y, (long long)e)
                                : snprintf(list + n, sizeof list - n, "%s%lld", missing ? ", " : "",
                                           (long long)y));
        missing += (int)(e - y + 1);
        y = e;
    }
    if (!missing)
        return 0;
    diag_warning(d, pol->workdays,
                 "working days are counted, but the calendar has no data for %s, which the "
                 "policy's validity covers: a claim that needs %s fails (add "
                 "runtime/calendar/YYYY.txt, or set POLRT_CALENDAR_DIR)",
                 list, missing == 1 ? "that year" : "those years");
    return 1;
}
