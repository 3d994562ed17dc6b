/* sema.h — the checker: resolves names, types every expression (units included), checks
 * tables for exhaustiveness, effective-date intervals for overlaps and gaps, exception
 * precedence, rule cycles and tests. Produces a Policy: the checked program by kind. */
#ifndef POLC_SEMA_H
#define POLC_SEMA_H

#include "ast.h"

typedef struct Policy {
    Program *prog;
    Decl *claim, *person, *history; /* records (NULL when not declared) */
    DeclList enums, params, rules, ledgers, externs, tests, rejects;
    DeclList outputs;             /* rules, in output order */
    StrList output_labels;        /* per output: its label, else its rule's, else NULL */
    StrList output_roles;         /* per output: "payer", "patient", "info" or NULL */
    int dated_field;              /* claim field giving the claim's date, or -1 */
    int64_t valid_from, valid_to; /* days; valid_to = INT64_MAX when open */
    Loc workdays;                 /* the first use of working days (src NULL: none) */
} Policy;

/* A rule takes at most this many arguments (spec/LANGUAGE.md §18): the interpreter gathers a
 * call's arguments in an array of this size, the code generator in one of one more (the
 * PolCtx first); real rules take a few (medical assistance's covers(): 4). Unchecked, 17
 * stopped the interpreter on an assertion and 33 crashed the code generator. */
#define RULE_MAX_ARGS 16

/* 0 when the program is well-formed; diagnostics otherwise */
int sema_check(Arena *a, Diag *d, Program *p, Policy *out);

/* polc check's warning when the policy counts working days and the loaded calendar
 * (polrt_is_workday) lacks years of its validity, named ("2019-2024, 2027"); an open
 * validity is checked up to the last loaded year, or the year the last version of a param or
 * rule starts, if later. 1 when it warned. */
int sema_calendar_warning(Diag *d, const Policy *pol);
/* polc check's warnings of unit slips in money params (万元 for yuan, a digit too many): a
 * value 10x its version before or every other member of its table, 万元 amounts of 10
 * million yuan; at most 20 shown. spec/LANGUAGE.md §17. */
void sema_slip_warnings(Diag *d, const Policy *pol);
/* the same for one param (a --set value) */
void sema_param_slip_warnings(Diag *d, const Policy *pol, const char *name);
/* "; did you mean 'NAME'?" for the declaration of kind k in p nearest to name (a reform's
 * or --set's misspelt param or rule), or "" */
const char *sema_suggest_decl(Arena *a, const Program *p, DeclKind k, const char *name);
/* The versions of d (their from_day set) listed in date order, no two starting on one day
 * (spec/LANGUAGE.md §8): -1 after the error when out of order, else how many start on the day
 * of the one before (each an error, with a note). sema checks a policy's, the driver a
 * reform's before it merges them into its base's. */
int sema_version_order(Diag *diag, const Decl *d);
/* "'NAME' is declared twice", at x, with a note at the first declaration: in a policy, and of
 * a param or rule a reform changes twice (the second would silently replace the first) */
void sema_declared_twice(Diag *d, const Decl *x, const Decl *first);
/* the name of built-in function i (the checker's table), NULL past the last */
const char *sema_builtin(size_t i);

/* host functions an `extern` may name (the runtime provides them; spec/LANGUAGE.md §9) */
typedef struct HostFn {
    const char *name;   /* as written in policies */
    const char *symbol; /* the runtime's C symbol */
    int nargs;
    TypeKind args[3], ret;
    Unit unit; /* for a duration argument */
} HostFn;
const HostFn *host_lookup(const char *name);
extern const HostFn host_fns[];
extern const int host_nfns;

/* literal decoding shared with the test runner: encode a literal of the expected type */
int sema_literal(Arena *a, Diag *d, Policy *pol, Node *n, Type want, int64_t *out);

#endif
