/* ast.c — constructors for the syntax tree and printing of types. */
#include "ast.h"

#include <string.h>

#include "polrt.h"

Node *ast_node(Arena *a, NodeKind k, Loc loc)
{
    Node *n = arena_alloc(a, sizeof *n);
    n->kind = k;
    n->loc = loc;
    return n;
}

Node *ast_binary(Arena *a, Op op, Node *l, Node *r, Loc loc)
{
    Node *n = ast_node(a, ND_BINARY, loc);
    n->op = op;
    n->a = l;
    n->b = r;
    return n;
}

Node *ast_unary(Arena *a, Op op, Node *x, Loc loc)
{
    Node *n = ast_node(a, ND_UNARY, loc);
    n->op = op;
    n->a = x;
    return n;
}

Node *ast_num(Arena *a, const char *text, NumUnit u, Loc loc)
{
    Node *n = ast_node(a, ND_NUM, loc);
    n->text = text;
    n->unit = u;
    return n;
}

Node *ast_name(Arena *a, const char *name, Loc loc)
{
    Node *n = ast_node(a, ND_NAME, loc);
    n->name = name;
    return n;
}

Decl *ast_decl(Arena *a, DeclKind k, const char *name, Loc loc)
{
    Decl *d = arena_alloc(a, sizeof *d);
    d->kind = k;
    d->name = name;
    d->loc = loc;
    return d;
}

const char *type_name(Arena *a, Type t)
{
    static const char *units[] = {"days", "workdays", "months", "years"};
    const char *s;
    switch (t.kind) {
    case TY_ERROR: s = "<error>"; break;
    case TY_MONEY: s = "money"; break;
    case TY_RATE: s = "rate"; break;
    case TY_INT: s = "int"; break;
    case TY_BOOL: s = "bool"; break;
    case TY_DATE: s = "date"; break;
    case TY_ENUM: s = t.en ? t.en->name : "enum"; break;
    case TY_DURATION: s = units[t.unit]; break;
    case TY_BRACKETS: s = "brackets"; break;
    default: POLC_UNREACHABLE();
    }
    return t.optional ? arena_printf(a, "%s?", s) : s;
}

int type_eq(Type a, Type b)
{
    if (a.kind != b.kind)
        return 0;
    if (a.kind == TY_ENUM)
        return a.en == b.en;
    if (a.kind == TY_DURATION)
        return a.unit == b.unit;
    return 1;
}

const char *decl_kind_name(DeclKind k)
{
    switch (k) {
    case DK_ENUM: return "enum";
    case DK_CLAIM: return "claim record";
    case DK_PERSON: return "person record";
    case DK_HISTORY: return "history";
    case DK_PARAM: return "param";
    case DK_LEDGER: return "ledger";
    case DK_RULE: return "rule";
    case DK_OUTPUT: return "output list";
    case DK_TEST: return "test";
    case DK_EXTERN: return "extern function";
    case DK_REJECT: return "reject check";
    }
    POLC_UNREACHABLE();
}

const char *ast_version_end(Arena *a, const Decl *d, int i)
{
    const Version *v = &d->versions.data[i];
    if (v->to)
        return v->to->text;
    if (i + 1 >= d->versions.len)
        return NULL;
    const char *next = d->versions.data[i + 1].from->text;
    int64_t day;
    char buf[32];
    if (polrt_parse_date(next, strlen(next), &day) != 0)
        return ""; /* not a date: told by sema */
    return arena_strdup(a, polrt_fmt_date(day - 1, buf));
}
