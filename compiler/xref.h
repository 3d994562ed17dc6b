/* xref.h — where each declaration, member, field, argument and exception of a checked program
 * is defined and used, with the byte range of each name: the language server's hover,
 * definition and references, and polc doc's links from a rule to its uses. */
#ifndef POLC_XREF_H
#define POLC_XREF_H

#include "ast.h"
#include "sema.h"

typedef enum {
    XR_DECL,   /* decl itself */
    XR_MEMBER, /* decl = enum, idx = member */
    XR_FIELD,  /* decl = claim / person / history / ledger record, idx = field */
    XR_ARG,    /* decl = rule, idx = argument */
    XR_EXC,    /* decl = rule, idx = exception */
} XrefKind;

typedef struct Xref {
    Loc loc; /* the name as written */
    XrefKind kind;
    Decl *decl;
    int idx;
    int def;  /* the definition, not a use */
    Decl *in; /* the declaration it is written in */
} Xref;

typedef VEC(Xref) XrefList;

/* every definition and resolved use in p (after sema_check; unresolved names are left out) */
void xref_build(Arena *a, Program *p, XrefList *out);
/* the reference whose name covers byte off of src, or NULL */
const Xref *xref_at(const XrefList *l, const Source *src, uint32_t off);
/* a and b name the same thing */
int xref_same(const Xref *a, const Xref *b);
/* the definition of what r names, or NULL */
const Xref *xref_def(const XrefList *l, const Xref *r);

/* polc check prints this many unused rules, and as many params, then one line counting the
 * rest: a generated policy of 40,000 rules printed ~38,000 warnings, and past the first
 * screenful the analyst reads the count, not the names (the language server gets all) */
#define XREF_MAX_UNUSED_SHOWN 20
/* polc check's (and the language server's) warning of each rule without arguments nothing
 * names: no output, ledger, other rule (its own exceptions aside) or test expectation; and of
 * each param nothing reads (spec/LANGUAGE.md §17). The number of declarations warned of. */
int xref_unused(Arena *a, Diag *d, const Program *p, const XrefList *l);

/* Rule r among pol's outputs (spec/LANGUAGE.md §7.5): its position (0-based), or -1 when it is
 * not one. *heading: its column's heading for a reader (the output's label, else the rule's,
 * else its name); *role: what reports take it for, in words ("payer (基金): money a fund
 * pays", ...; with no role written, what the policy's other outputs make of it). */
int xref_output(const Policy *pol, const Decl *r, const char **heading, const char **role);

#endif
