/* ir.h — the policy IR both back ends consume. A rule is a list of guarded branches (its
 * exceptions in precedence order, then its dated versions or base definition); expressions
 * are typed trees in which everything implicit in the source is explicit: parameter version
 * selection, table lookups, overflow-checked arithmetic, rounding (a call to the runtime's one
 * rounding helper), optional-value checks, ledger reads, aggregates over a person's history.
 * Every value is an int64 (runtime/include/polrt.h gives the encodings). */
#ifndef POLC_IR_H
#define POLC_IR_H

#include "sema.h"

typedef enum {
    IR_CONST,       /* k */
    IR_CLAIM,       /* claim[a] */
    IR_PERSON,      /* person[a] */
    IR_HIST,        /* the current span's field a (inside IR_AGG) */
    IR_LEDGER,      /* ledger_in[a] */
    IR_ARG,         /* the enclosing rule's argument a */
    IR_PARAM,       /* param a, element x (NULL: scalar): the version in force at ctx->asof;
                     * k: 0, or when a member may be unknown 1 + the first of the per-member
                     * locs where reading an unknown one fails (POLRT_E_UNKNOWN) */
    IR_PROGRESSIVE, /* brackets param a applied to x (polrt_progressive) */
    IR_RULE,        /* context rule a: memoized call */
    IR_CALL,        /* rule a with arguments args */
    IR_HOST,        /* runtime helper a (ir_hosts[a]) with arguments args */
    IR_ADD,
    IR_SUB,
    IR_MUL,
    IR_NEG, /* overflow-checked */
    IR_CMP, /* a = Op (OP_EQ..OP_GE) */
    IR_AND,
    IR_OR,
    IR_NOT,
    IR_IF,
    IR_MIN,
    IR_MAX,
    IR_UNWRAP,  /* x, failing with POLRT_E_NONE when absent */
    IR_PRESENT, /* x != POLRT_NONE */
    IR_AGG, /* a = kind (0 max, 1 min, 2 sum, 3 any, 4 all, 5 count); x expr, y where, z default */
} IrOp;

typedef struct IrNode IrNode;
struct IrNode {
    IrOp op;
    int a;
    int64_t k;
    IrNode *x, *y, *z;
    IrNode **args;
    int nargs;
    int loc; /* index into IrProgram.locs: where a failure is reported */
};

/* runtime helpers the IR calls; all return int64_t; `ctx` ones take PolCtx * first and the
 * loc index last */
typedef enum {
    H_MUL_RATE,
    H_RATE_MUL,
    H_DIV_ROUND,
    H_RATIO,
    H_ADD_MONTHS,
    H_ADD_WORKDAYS,
    H_WORKDAYS_BETWEEN,
    H_MONTH_AFTER,
    H_YEAR_OF,
    H_MUL_RATE_TRUNC, /* trunc(money × rate) */
    H_MUL_RATE_FLOOR, /* floor(money × rate) */
    H_DIV_TRUNC,      /* trunc(money ÷ int) */
    H_DIV_FLOOR,      /* floor(money ÷ int) */
    H_NHOST
} HostId;
typedef struct IrHost {
    const char *symbol;
    void (*fn)(void);
    int nargs; /* value arguments */
    int ctx;   /* takes PolCtx * first and a loc index last */
} IrHost;
extern const IrHost ir_hosts[H_NHOST];

typedef struct IrBranch {
    IrNode *guard;    /* condition (exception), or NULL */
    int64_t from, to; /* version date range on asof, [from, to); INT64_MIN/MAX: any */
    IrNode *body;
    const char *name; /* "default", exception name, "from 2026-01-01" */
    const char *cites;
    int line;
} IrBranch;

typedef struct IrRule {
    const char *name;
    int nargs; /* 0: a context rule (memoized) */
    IrBranch *br;
    int nbr;
    int loc; /* where "no version in force" is reported */
    Decl *decl;
} IrRule;

typedef struct IrVersion {
    int64_t from, to; /* [from, to) */
    int64_t offset;   /* into the parameter table */
} IrVersion;

typedef struct IrParam {
    const char *name;
    int width; /* values per version (table: members; brackets: 1 + 2 * max) */
    IrVersion *v;
    int nv;
    int loc;
    Decl *decl;
} IrParam;

typedef struct IrLoc {
    const char *rule;
    int line, col;
    int param, member; /* a table member the policy marks unknown, read here; else -1 */
    int best;          /* a max (1) or min (2) over history: its candidates are traced */
    Type ty;           /* best: the candidates' type */
} IrLoc;

typedef struct IrProgram {
    Policy *pol;
    IrRule *rules;
    int nrules;
    IrParam *params;
    int nparams;
    int64_t *ptable; /* default parameter values */
    int64_t nptable;
    int *outputs; /* rule index per output */
    int noutputs;
    IrNode **updates; /* per ledger field (all ledgers, in order) */
    int *accumulate;
    int nledger_fields;
    IrNode **keys; /* per ledger: the key (year), NULL for a lifetime ledger */
    int nledgers;
    int nclaim, nperson, nhist;
    IrLoc *locs;
    int nlocs;
    IrNode **rejects; /* reject conditions, in declaration order */
    const char **reject_msgs;
    int nrejects;
} IrProgram;

IrProgram *ir_lower(Arena *a, Policy *pol);
/* print the IR as text (polc build --emit ir of the interpreter's view; tests) */
void ir_dump(const IrProgram *p, FILE *f);

#endif
