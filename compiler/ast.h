/* ast.h — the syntax tree the parser builds and sema annotates (types, resolved names).
 * Everything lives in the compilation's arena. Declarations keep source order. */
#ifndef POLC_AST_H
#define POLC_AST_H

#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "source.h"

typedef struct Node Node;
typedef struct Decl Decl;

/* ---- Types -------------------------------------------------------------------------- */
typedef enum {
    TY_ERROR, /* an ill-typed expression: raises nothing further [Wren] */
    TY_MONEY,
    TY_RATE,
    TY_INT,
    TY_BOOL,
    TY_DATE,
    TY_ENUM,
    TY_DURATION,
    TY_BRACKETS, /* progressive brackets: a parameter's type only */
} TypeKind;

typedef enum { UNIT_DAYS, UNIT_WORKDAYS, UNIT_MONTHS, UNIT_YEARS } Unit;

typedef struct Type {
    TypeKind kind;
    Unit unit;    /* TY_DURATION */
    int optional; /* T? */
    Decl *en;     /* TY_ENUM */
} Type;

/* ---- Expressions -------------------------------------------------------------------- */
typedef enum {
    ND_NUM,  /* number with unit: text + unit token; sema encodes ival */
    ND_DATE, /* ival = day number */
    ND_BOOL,
    ND_NAME,   /* identifier, resolved by sema */
    ND_CLAIM,  /* the keyword `claim` (base of claim.f) */
    ND_PERSON, /* the keyword `person` */
    ND_FIELD,  /* a.name */
    ND_INDEX,  /* a[b] */
    ND_CALL,   /* name(args) */
    ND_AGG,    /* max(e for h in H where c default d), any(h in H where c) */
    ND_UNARY,
    ND_BINARY,
    ND_IF,
} NodeKind;

typedef enum {
    OP_ADD,
    OP_SUB,
    OP_MUL,
    OP_DIV,
    OP_EQ,
    OP_NE,
    OP_LT,
    OP_LE,
    OP_GT,
    OP_GE,
    OP_AND,
    OP_OR,
    OP_NOT,
    OP_NEG,
} Op;

typedef enum {
    NUM_PLAIN,
    NUM_YUAN,
    NUM_WAN,
    NUM_PERCENT,
    NUM_DAYS,
    NUM_WORKDAYS,
    NUM_MONTHS,
    NUM_YEARS
} NumUnit;

/* what a name or field resolved to */
typedef enum {
    REF_NONE,
    REF_RULE,        /* decl */
    REF_PARAM,       /* decl */
    REF_MEMBER,      /* decl = enum, idx = member */
    REF_ENUM,        /* decl = enum (the base of Level.county) */
    REF_ARG,         /* idx = rule parameter */
    REF_BINDER,      /* the span variable of an aggregate */
    REF_CLAIM_FIELD, /* idx */
    REF_PERSON_FIELD,
    REF_HIST_FIELD,
    REF_LEDGER,       /* decl = ledger (the base of annual.own_paid) */
    REF_LEDGER_FIELD, /* decl = ledger, idx = field within it */
} RefKind;

typedef VEC(Node *) NodeList;
typedef VEC(const char *) StrList;
typedef struct NameLoc { /* a word and where it stands (parser values) */
    const char *name;
    Loc loc;
} NameLoc;
typedef VEC(Loc) LocList;

struct Node {
    NodeKind kind;
    Loc loc;
    Type ty;            /* set by sema */
    Op op;              /* ND_UNARY/ND_BINARY */
    Node *a, *b, *c;    /* children: operands; IF cond/then/else; AGG expr/where/default */
    NodeList args;      /* ND_CALL */
    const char *name;   /* ND_NAME, ND_FIELD, ND_CALL, ND_AGG (aggregate fn) */
    const char *text;   /* ND_NUM digits */
    NumUnit unit;       /* ND_NUM */
    const char *binder; /* ND_AGG: h */
    const char *coll;   /* ND_AGG: history name */
    Loc binder_loc, coll_loc;
    int paren;    /* written inside parentheses (for the and/or mixing check) */
    int depth;    /* 1 + the deepest child's depth (set by the parser) */
    int64_t ival; /* literal value, encoded (sema) */
    RefKind ref;  /* sema */
    Decl *decl;
    int idx;
};

/* ---- Declarations ------------------------------------------------------------------- */
typedef enum {
    DK_ENUM,
    DK_CLAIM,
    DK_PERSON,
    DK_HISTORY,
    DK_PARAM,
    DK_LEDGER,
    DK_RULE,
    DK_OUTPUT,
    DK_TEST,
    DK_EXTERN,
    DK_REJECT, /* reject "message" when condition: an input check on each claim row */
} DeclKind;

typedef struct TypeRef { /* a type as written */
    const char *name;    /* money, rate, Level, ... or NULL for a unit keyword */
    int unit_tok;        /* NUM_DAYS... when written as a unit word */
    int optional;
    Loc loc;
} TypeRef;

typedef struct EnumMember {
    const char *name, *label;
    Loc loc;
} EnumMember;

typedef struct Field { /* claim/person/history field, ledger field, rule parameter */
    const char *name, *label;
    TypeRef tref;
    Type ty;
    Node *def;       /* default literal (input fields) */
    int accumulate;  /* ledger: 1 for +=, 0 for = */
    Node *update;    /* ledger: the expression */
    int64_t def_val; /* encoded default (sema) */
    const char *in;  /* input money field: the unit its cells are in ("fen", "yuan"), or NULL */
    Loc in_loc;      /* where that unit is written */
    int fen;         /* cells are integer fen (`money in fen`, sema) */
    Loc loc;
} Field;

typedef struct Entry {  /* a table entry or a bracket of a parameter version */
    const char *member; /* table: member name */
    Loc loc;
    Node *a, *b; /* value; brackets: lower bound and rate */
    int idx;     /* table: member index (sema) */
    int unknown; /* table: the value is `unknown`, the notice does not give it (sema) */
} Entry;

typedef struct Version {      /* "from D [to D]: value" of a param, "from D = expr" of a rule */
    Node *from, *to;          /* ND_DATE literals; to may be NULL */
    int64_t from_day, to_day; /* sema; to_day = INT64_MAX when open */
    Loc loc;
    Node *value;        /* scalar param / rule body */
    VEC(Entry) entries; /* table entries or brackets */
    int is_table, is_brackets;
    int64_t offset; /* params table offset (ir) */
} Version;

typedef struct Exception {
    const char *name;
    Loc loc;
    StrList over; /* names this exception takes precedence over */
    LocList over_locs;
    const char *cites;
    Node *cond, *value;
    int rank; /* evaluation order after sema's topological sort */
} Exception;

typedef struct KV { /* name: value, or ledger.field: value, in a test */
    const char *name, *sub;
    Loc loc;
    Node *value;
} KV;

typedef struct TestItem {
    enum { TI_PERSON, TI_HISTORY, TI_CLAIM, TI_EXPECT, TI_EXPECT_FAIL } kind;
    const char *name, *of; /* claim C of P; person P; history P; expect C */
    Loc loc, of_loc;
    VEC(KV) kvs;
    const char *fail_text;
} TestItem;

struct Decl {
    DeclKind kind;
    const char *name;
    const char *label;
    Loc loc; /* the name */
    const char *cites;
    /* enum */
    VEC(EnumMember) members;
    /* records, ledger, rule parameters */
    VEC(Field) fields;
    /* param / rule */
    const char *index_name; /* param[Level] */
    Loc index_loc;
    Decl *index_enum;
    TypeRef tref;
    Type ty;
    VEC(Version) versions; /* param versions, or rule versions */
    Node *body;            /* rule with a single definition */
    VEC(Exception) excs;
    /* ledger */
    Node *key; /* NULL: per person, no year */
    /* output */
    StrList names;
    LocList name_locs;
    StrList labels; /* each output's label, NULL when none (the rule's label then) */
    StrList roles;  /* each output's role word (payer, patient, info), NULL when none */
    LocList role_locs;
    /* test */
    VEC(TestItem) items;
    /* extern */
    VEC(TypeRef) arg_trefs;
    /* sema */
    int index;       /* position among decls of its kind */
    int has_unknown; /* param: a version marks a table member unknown */
    int state;       /* cycle detection */
};

typedef VEC(Decl *) DeclList;

typedef struct Program {
    int is_reform;
    const char *name;       /* policy "..." or reform "..." */
    const char *source_doc; /* source "..." */
    const char *base_path;  /* reform "..." of "PATH" */
    Loc name_loc, base_loc;
    int nheaders; /* policy/reform headers seen (sema: exactly one) */
    Node *valid_from, *valid_to;
    const char *dated_by; /* claim field giving the claim's date */
    Loc dated_loc;
    DeclList decls;
    Source *src;
} Program;

/* A token as the lexer read it, for the tools that lay out or look up source text (fmt, lsp):
 * kind is the parser's TOK_ number (parser.h), or TOKEN_COMMENT for a comment (# to the end of
 * the line, the newline excluded). */
typedef struct Token {
    int kind;
    Loc loc;
} Token;
#define TOKEN_COMMENT (-1)
typedef VEC(Token) TokenList;

/* The grammar nests braces two deep (test { claim c of p { … } }): where the innermost of this
 * many open ones opened is kept, so an error can say which '{' is not closed. */
#define LEX_BRACES_KEPT 8

/* the parser's context [Lua LexState] */
typedef struct Lexer {
    Source *src;
    uint32_t pos;
    Arena *arena;
    Diag *diag;
    int depth;                          /* open parentheses */
    int braces;                         /* open braces '{' */
    uint32_t brace_at[LEX_BRACES_KEPT]; /* where the open braces opened, outermost first, while
                                           braces <= LEX_BRACES_KEPT */
    uint32_t stray_brace; /* 1 + the offset of the last '}' read with no '{' open, 0 if none */
    Program *prog;
    TokenList *tokens; /* NULL, or where every token and comment is recorded in order */
    uint32_t slip_end; /* end of the last token read as a stand-in after an error (a full-width
                          '。' read as '.'), 0 if none: a syntax error at it, or at the token
                          after it, says nothing more */
    uint32_t prev_end; /* end of the token read before the last one */
} Lexer;

/* constructors used by parser actions: one call per action [PG] */
Node *ast_node(Arena *a, NodeKind k, Loc loc);
Node *ast_binary(Arena *a, Op op, Node *l, Node *r, Loc loc);
Node *ast_unary(Arena *a, Op op, Node *x, Loc loc);
Node *ast_num(Arena *a, const char *text, NumUnit u, Loc loc);
Node *ast_name(Arena *a, const char *name, Loc loc);
Decl *ast_decl(Arena *a, DeclKind k, const char *name, Loc loc);
const char *type_name(Arena *a, Type t);
int type_eq(Type a, Type b); /* ignoring optional */
const char *decl_kind_name(DeclKind k);
/* the last day of version i of d, as written ("to 2025-12-31") or, for an open version
 * followed by another, the day before that one starts ("2018-06-30": a reform's version
 * cuts the base's there); NULL when it is the last and open */
const char *ast_version_end(Arena *a, const Decl *d, int i);

/* parse one file into prog (prog->src set); returns 0 when no syntax errors */
int parse_source(Arena *a, Diag *d, Source *src, Program *prog);
/* the same, also recording every token and comment in *toks (fmt, lsp) */
int parse_source_tokens(Arena *a, Diag *d, Source *src, Program *prog, TokenList *toks);

#endif
