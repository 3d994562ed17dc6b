/* parser.y — the grammar of the policy language (spec/LANGUAGE.md §2 is its EBNF). Pure,
 * located, LAC-corrected "expected" lists, %expect 0: precedence, not conflicts. Each action
 * is one constructor call; every check belongs to sema. */
%require "3.8"
%define api.pure full
%define api.prefix {pol_}
%define api.token.prefix {TOK_}
%define api.location.type {Loc}
%define parse.error custom
%define parse.lac full
%locations
%lex-param {void *scanner}
%parse-param {void *scanner} {Lexer *lx}
%expect 0

%code requires {
#include "ast.h"
}

%code provides {
/* the scanner is pol_lex_raw; pol_lex records its tokens for the tools that want them */
#define YY_DECL int pol_lex_raw(POL_STYPE *yylval_param, POL_LTYPE *yylloc_param, void *yyscanner)
int pol_lex_raw(POL_STYPE *yylval_param, POL_LTYPE *yylloc_param, void *yyscanner);
int pol_lex(POL_STYPE *yylval_param, POL_LTYPE *yylloc_param, void *yyscanner);
}

%code {
#include <stdio.h>
#include "lexer_int.h"
#include "polrt.h"

#define YYLLOC_DEFAULT(Cur, Rhs, N)                                                        \
    do {                                                                                   \
        if (N) {                                                                           \
            (Cur).src = YYRHSLOC(Rhs, 1).src;                                              \
            (Cur).start = YYRHSLOC(Rhs, 1).start;                                          \
            (Cur).end = YYRHSLOC(Rhs, N).end;                                              \
        } else {                                                                           \
            (Cur).src = YYRHSLOC(Rhs, 0).src;                                              \
            (Cur).start = (Cur).end = YYRHSLOC(Rhs, 0).end;                                \
        }                                                                                  \
    } while (0)
#define YYLOCATION_PRINT(File, Loc) ((void)0)
/* deep nesting is stopped by the lexer long before this */
#define YYMAXDEPTH 20000

static void pol_error(const Loc *loc, void *scanner, Lexer *lx, const char *msg);
#define A (lx->arena)
#define P (lx->prog)
static Decl *add_decl(Lexer *lx, Decl *d) { vec_push(lx->arena, &lx->prog->decls, d); return d; }
static Node *num(Lexer *lx, const char *t, NumUnit u, Loc l) { return ast_num(lx->arena, t, u, l); }
/* every expression node passes here: its depth is 1 + its deepest child's. Past
 * EXPR_MAX_DEPTH the expression is refused, so no later phase recurses deeper than that. */
static Node *D(Lexer *lx, Node *n)
{
    int d = 0;
    Node *kids[3] = {n->a, n->b, n->c};
    for (int i = 0; i < 3; i++)
        if (kids[i] && kids[i]->depth > d)
            d = kids[i]->depth;
    for (int i = 0; i < n->args.len; i++)
        if (n->args.data[i]->depth > d)
            d = n->args.data[i]->depth;
    n->depth = d + 1;
    if (n->depth == EXPR_MAX_DEPTH + 1)
        diag_error(lx->diag, n->loc, "expression nested more than %d deep; split it into rules",
                   EXPR_MAX_DEPTH);
    return n;
}
static Node *neg_num(Lexer *lx, Node *n, Loc l) { n->loc = l; n->text = arena_printf(lx->arena, "-%s", n->text); return n; }
}

%union {
    const char *str;
    Node *node;
    Decl *decl;
    NodeList list;
    TypeRef tref;
    NameLoc nl;
    int num;
}

%token <str> IDENT "identifier" NUMBER "number" DATE "date" STRING "string"
%token POLICY "policy" REFORM "reform" SOURCE "source" VALID "valid" FROM "from" TO "to"
       DATED "dated" BY "by" ENUM "enum" CLAIM "claim" PERSON "person" HISTORY "history"
       PARAM "param" LEDGER "ledger" PER "per" OF "of" RULE "rule" EXCEPTION "exception"
       WHEN "when" OVER "over" CITES "cites" OUTPUT "output" TEST "test" EXPECT "expect"
       FAILS "fails" IF "if" THEN "then" ELSE "else" AND "and" OR "or" NOT "not" TRUE "true"
       FALSE "false" IN "in" FOR "for" WHERE "where" DEFAULT "default" EXTERN "extern"
       ABOVE "above" AT "at" REJECT "reject"
       YUAN "yuan" WAN "万元" DAYS "days" WORKDAYS "workdays" MONTHS "months" YEARS "years"
       PERCENT "%"
       PLUSEQ "+=" NE "!=" LE "<=" GE ">=" LT "<" GT ">" EQ "=" PLUS "+" MINUS "-" STAR "*"
       SLASH "/" LPAREN "(" RPAREN ")" LBRACKET "[" RBRACKET "]" LBRACE "{" RBRACE "}"
       COMMA "," COLON ":" DOT "." QUESTION "?"

%type <node> expr postfix primary literal where_opt default_opt
%type <list> args args_opt
%type <tref> type
%type <num> unit unit_opt opt_q
%type <nl> role_opt
%type <str> label_opt cites_opt name in_opt
%type <decl> enum_head record_head param_head ledger_head rule_head test_head extern_head

%precedence IFX
%left OR
%left AND
%precedence NOT
%nonassoc EQ NE LT LE GT GE
%left PLUS MINUS
%left STAR SLASH
%precedence UMINUS

%%

/* the header is a declaration like the others, so an error in it is recovered from at the
 * next declaration; sema checks there is exactly one */
file: decls ;

header:
    POLICY STRING[name] { P->nheaders++; P->name = $name; P->name_loc = @name; } hdr_items
  | REFORM STRING[name] OF STRING[base]
        { P->nheaders++; P->is_reform = 1; P->name = $name; P->name_loc = @name;
          P->base_path = $base; P->base_loc = @base; }
  ;

hdr_items:
    %empty
  | hdr_items SOURCE STRING[s]            { P->source_doc = $s; }
  | hdr_items VALID FROM DATE[f]          { P->valid_from = ast_node(A, ND_DATE, @f); P->valid_from->text = $f; }
  | hdr_items VALID FROM DATE[f] TO DATE[t]
        { P->valid_from = ast_node(A, ND_DATE, @f); P->valid_from->text = $f;
          P->valid_to = ast_node(A, ND_DATE, @t); P->valid_to->text = $t; }
  | hdr_items DATED BY CLAIM DOT name[f]  { P->dated_by = $f; P->dated_loc = @f; }
  ;

decls:
    %empty
  | decls decl
  | decls error
  ;

decl: header | enum_decl | record_decl | param_decl | ledger_decl | rule_decl | output_decl
    | test_decl | extern_decl | reject_decl ;

/* ---- reject "非合规费用大于总费用" when claim.noncompliant > claim.total ---- */
reject_decl: REJECT[k] STRING[m] WHEN expr[c]
    { Decl *d = add_decl(lx, ast_decl(A, DK_REJECT, $m, @m)); d->body = $c; (void)@k; } ;

label_opt: %empty { $$ = NULL; } | STRING { $$ = $1; } ;
/* a field name: an identifier, or a keyword that reads naturally as one (h.from, h.to) */
name:
    IDENT  { $$ = $1; }
  | FROM   { $$ = "from"; }
  | TO     { $$ = "to"; }
  | AT     { $$ = "at"; }
  | BY     { $$ = "by"; }
  | OF     { $$ = "of"; }
  ;
cites_opt: %empty { $$ = NULL; } | CITES STRING { $$ = $2; } ;

/* ---- enum Level "医疗机构级别" { township "乡镇", county "县区" } ---- */
enum_decl: enum_head LBRACE members RBRACE | enum_head LBRACE RBRACE ;
enum_head: ENUM IDENT[n] label_opt[l]
    { $$ = add_decl(lx, ast_decl(A, DK_ENUM, $n, @n)); $$->label = $l; } ;
members: member | members COMMA member | members member ;
member: IDENT[n] label_opt[l]
    { Decl *d = P->decls.data[P->decls.len - 1];
      vec_push(A, &d->members, ((EnumMember){$n, $l, @n})); } ;

/* ---- claim { level: Level "医院级别" = county } ---- */
record_decl: record_head LBRACE fields RBRACE ;
record_head:
    CLAIM[k]           { $$ = add_decl(lx, ast_decl(A, DK_CLAIM, "claim", @k)); }
  | PERSON[k]          { $$ = add_decl(lx, ast_decl(A, DK_PERSON, "person", @k)); }
  | HISTORY IDENT[n]   { $$ = add_decl(lx, ast_decl(A, DK_HISTORY, $n, @n)); }
  ;
fields: %empty | fields field ;
field: name[n] COLON type[t] in_opt[u] label_opt[l]
        { Decl *d = P->decls.data[P->decls.len - 1];
          vec_push(A, &d->fields, ((Field){.name = $n, .label = $l, .tref = $t, .in = $u, .in_loc = @u, .loc = @n})); }
  | name[n] COLON type[t] in_opt[u] label_opt[l] EQ literal[v]
        { Decl *d = P->decls.data[P->decls.len - 1];
          vec_push(A, &d->fields, ((Field){.name = $n, .label = $l, .tref = $t, .in = $u, .in_loc = @u, .def = $v, .loc = @n})); }
  ;
/* the unit a money column's cells are in: total: money in fen */
in_opt: %empty { $$ = NULL; } | IN name[u] { $$ = $u; } | IN YUAN { $$ = "yuan"; } ;

type:
    IDENT[n] opt_q[q]  { $$ = (TypeRef){.name = $n, .optional = $q, .loc = @$}; }
  | unit[u] opt_q[q]   { $$ = (TypeRef){.unit_tok = $u, .optional = $q, .loc = @$}; }
  ;
opt_q: %empty { $$ = 0; } | QUESTION { $$ = 1; } ;

unit:
    YUAN      { $$ = NUM_YUAN; }
  | WAN       { $$ = NUM_WAN; }
  | DAYS      { $$ = NUM_DAYS; }
  | WORKDAYS  { $$ = NUM_WORKDAYS; }
  | MONTHS    { $$ = NUM_MONTHS; }
  | YEARS     { $$ = NUM_YEARS; }
  ;
unit_opt: %empty { $$ = NUM_PLAIN; } | unit { $$ = $1; } | PERCENT { $$ = NUM_PERCENT; } ;

/* a constant: parameter values, defaults, test data */
literal:
    NUMBER[n] unit_opt[u]        { $$ = num(lx, $n, (NumUnit)$u, @$); }
  | MINUS NUMBER[n] unit_opt[u]  { $$ = neg_num(lx, num(lx, $n, (NumUnit)$u, @$), @$); }
  | DATE                         { $$ = ast_node(A, ND_DATE, @1); $$->text = $1; }
  | TRUE                         { $$ = ast_node(A, ND_BOOL, @1); $$->ival = 1; }
  | FALSE                        { $$ = ast_node(A, ND_BOOL, @1); $$->ival = 0; }
  | IDENT                        { $$ = ast_name(A, $1, @1); }
  ;

/* ---- param deductible[Level]: money cites "…" from 2017-04-07: township 100 yuan, … ---- */
param_decl: param_head pversions ;
param_head:
    PARAM IDENT[n]   /* a reform's change of values: the type stays the base's */
        { $$ = add_decl(lx, ast_decl(A, DK_PARAM, $n, @n)); $$->tref.loc = @n; }
  | PARAM IDENT[n] COLON type[t] cites_opt[c]
        { $$ = add_decl(lx, ast_decl(A, DK_PARAM, $n, @n)); $$->tref = $t; $$->cites = $c; }
  | PARAM IDENT[n] LBRACKET IDENT[i] RBRACKET COLON type[t] cites_opt[c]
        { $$ = add_decl(lx, ast_decl(A, DK_PARAM, $n, @n)); $$->tref = $t; $$->cites = $c;
          $$->index_name = $i; $$->index_loc = @i; }
  ;
pversions: pversion | pversions pversion ;
pversion:
    FROM DATE[f] COLON
        { Decl *d = P->decls.data[P->decls.len - 1];
          Node *f = ast_node(A, ND_DATE, @f); f->text = $f;
          vec_push(A, &d->versions, ((Version){.from = f, .loc = @f})); }
    pvalue
  | FROM DATE[f] TO DATE[t] COLON
        { Decl *d = P->decls.data[P->decls.len - 1];
          Node *f = ast_node(A, ND_DATE, @f); f->text = $f;
          Node *t = ast_node(A, ND_DATE, @t); t->text = $t;
          vec_push(A, &d->versions, ((Version){.from = f, .to = t, .loc = @f})); }
    pvalue
  ;
pvalue:
    literal[v]  { Decl *d = P->decls.data[P->decls.len - 1]; d->versions.data[d->versions.len - 1].value = $v; }
  | entries     { Decl *d = P->decls.data[P->decls.len - 1]; d->versions.data[d->versions.len - 1].is_table = 1; }
  | brackets    { Decl *d = P->decls.data[P->decls.len - 1]; d->versions.data[d->versions.len - 1].is_brackets = 1; }
  ;
entries: entry | entries COMMA entry ;
entry: IDENT[m] literal[v]
    { Decl *d = P->decls.data[P->decls.len - 1]; Version *v = &d->versions.data[d->versions.len - 1];
      vec_push(A, &v->entries, ((Entry){.member = $m, .loc = @m, .a = $v})); } ;
brackets: bracket | brackets COMMA bracket ;
bracket: ABOVE literal[lo] AT literal[r]
    { Decl *d = P->decls.data[P->decls.len - 1]; Version *v = &d->versions.data[d->versions.len - 1];
      vec_push(A, &v->entries, ((Entry){.loc = @$, .a = $lo, .b = $r})); } ;

/* ---- ledger annual per person per year of claim.discharged { own_paid: money += own } ---- */
ledger_decl: ledger_head LBRACE lfields RBRACE ;
ledger_head:
    LEDGER IDENT[n] PER PERSON            { $$ = add_decl(lx, ast_decl(A, DK_LEDGER, $n, @n)); }
  | LEDGER IDENT[n] PER PERSON PER YEARS OF expr[k]
        { $$ = add_decl(lx, ast_decl(A, DK_LEDGER, $n, @n)); $$->key = $k; }
  ;
lfields: %empty | lfields lfield ;
lfield:
    IDENT[n] COLON type[t] PLUSEQ expr[e]
        { Decl *d = P->decls.data[P->decls.len - 1];
          vec_push(A, &d->fields, ((Field){.name = $n, .tref = $t, .accumulate = 1, .update = $e, .loc = @n})); }
  | IDENT[n] COLON type[t] EQ expr[e]
        { Decl *d = P->decls.data[P->decls.len - 1];
          vec_push(A, &d->fields, ((Field){.name = $n, .tref = $t, .update = $e, .loc = @n})); }
  ;

/* ---- rule own_share: money cites "第四条" = … exception e over f when c then v ---- */
rule_decl: rule_head rule_body exceptions ;
rule_head:
    RULE IDENT[n] label_opt[l] COLON type[t] cites_opt[c]
        { $$ = add_decl(lx, ast_decl(A, DK_RULE, $n, @n)); $$->label = $l; $$->tref = $t;
          $$->cites = $c; }
  | RULE IDENT[n] label_opt[l] LPAREN
        { $<decl>$ = add_decl(lx, ast_decl(A, DK_RULE, $n, @n)); $<decl>$->label = $l; }
    rparams RPAREN COLON type[t] cites_opt[c]
        { $$ = $<decl>5; $$->tref = $t; $$->cites = $c; }
  ;
rparams: rparam | rparams COMMA rparam ;
rparam: name[n] COLON type[t]
    { Decl *d = P->decls.data[P->decls.len - 1];
      vec_push(A, &d->fields, ((Field){.name = $n, .tref = $t, .loc = @n})); } ;
rule_body:
    EQ expr[e]  { P->decls.data[P->decls.len - 1]->body = $e; }
  | rversions
  ;
rversions: rversion | rversions rversion ;
rversion:
    FROM DATE[f] EQ expr[e]
        { Decl *d = P->decls.data[P->decls.len - 1];
          Node *f = ast_node(A, ND_DATE, @f); f->text = $f;
          vec_push(A, &d->versions, ((Version){.from = f, .value = $e, .loc = @f})); }
  | FROM DATE[f] TO DATE[t] EQ expr[e]
        { Decl *d = P->decls.data[P->decls.len - 1];
          Node *f = ast_node(A, ND_DATE, @f); f->text = $f;
          Node *t = ast_node(A, ND_DATE, @t); t->text = $t;
          vec_push(A, &d->versions, ((Version){.from = f, .to = t, .value = $e, .loc = @f})); }
  ;
exceptions: %empty | exceptions exception ;
exception:
    EXCEPTION IDENT[n] { Decl *d = P->decls.data[P->decls.len - 1];
                         vec_push(A, &d->excs, ((Exception){.name = $n, .loc = @n})); }
    over_opt cites_opt[c] WHEN expr[cond] THEN expr[v]
        { Decl *d = P->decls.data[P->decls.len - 1]; Exception *x = &d->excs.data[d->excs.len - 1];
          x->cites = $c; x->cond = $cond; x->value = $v; }
  ;
over_opt: %empty | OVER over_names ;
over_names: over_name | over_names COMMA over_name ;
over_name: IDENT
    { Decl *d = P->decls.data[P->decls.len - 1]; Exception *x = &d->excs.data[d->excs.len - 1];
      vec_push(A, &x->over, $1); vec_push(A, &x->over_locs, @1); } ;

/* ---- output basic_pay "基本医保" payer, patient_pays patient, gate ---- */
output_decl: OUTPUT[k] { add_decl(lx, ast_decl(A, DK_OUTPUT, "output", @k)); } out_names ;
out_names: out_name | out_names COMMA out_name ;
out_name: IDENT[n] label_opt[l] role_opt[r]
    { Decl *d = P->decls.data[P->decls.len - 1];
      vec_push(A, &d->names, $n); vec_push(A, &d->name_locs, @n); vec_push(A, &d->labels, $l);
      vec_push(A, &d->roles, $r.name); vec_push(A, &d->role_locs, $r.loc); } ;
/* the output's role, a word sema checks (payer, patient, hospital, info): not keywords, so no
 * policy's identifiers are taken */
role_opt: %empty { $$ = (NameLoc){NULL, @$}; } | IDENT { $$ = (NameLoc){$1, @1}; } ;

/* ---- extern workdays_between(date, date): int ---- */
extern_decl: extern_head LPAREN ext_types_opt RPAREN COLON type[t]
    { $1->tref = $t; } ;
extern_head: EXTERN IDENT[n] { $$ = add_decl(lx, ast_decl(A, DK_EXTERN, $n, @n)); } ;
ext_types_opt: %empty | ext_types ;
ext_types: ext_type | ext_types COMMA ext_type ;
ext_type: type { Decl *d = P->decls.data[P->decls.len - 1]; vec_push(A, &d->arg_trefs, $1); } ;

/* ---- test "…" { person p …  claim c of p { … }  expect c { … } } ---- */
test_decl: test_head LBRACE titems RBRACE ;
test_head: TEST STRING[n] { $$ = add_decl(lx, ast_decl(A, DK_TEST, $n, @n)); } ;
titems: %empty | titems titem | titems error ;
titem:
    PERSON IDENT[n]             { vec_push(A, &P->decls.data[P->decls.len - 1]->items, ((TestItem){.kind = TI_PERSON, .name = $n, .loc = @n})); } kvblock
  | HISTORY IDENT[n]            { vec_push(A, &P->decls.data[P->decls.len - 1]->items, ((TestItem){.kind = TI_HISTORY, .name = $n, .loc = @n})); } kvblock
  | CLAIM IDENT[n] OF IDENT[o]  { vec_push(A, &P->decls.data[P->decls.len - 1]->items, ((TestItem){.kind = TI_CLAIM, .name = $n, .loc = @n, .of = $o, .of_loc = @o})); } kvblock
  | EXPECT IDENT[n]             { vec_push(A, &P->decls.data[P->decls.len - 1]->items, ((TestItem){.kind = TI_EXPECT, .name = $n, .loc = @n})); } kvblock
  | EXPECT IDENT[n] FAILS STRING[s]
        { vec_push(A, &P->decls.data[P->decls.len - 1]->items, ((TestItem){.kind = TI_EXPECT_FAIL, .name = $n, .loc = @n, .fail_text = $s})); }
  ;
kvblock: LBRACE kvs RBRACE | LBRACE RBRACE ;
kvs: kv | kvs COMMA kv | kvs kv ;
kv:
    name[k] COLON literal[v]
        { Decl *d = P->decls.data[P->decls.len - 1]; TestItem *t = &d->items.data[d->items.len - 1];
          vec_push(A, &t->kvs, ((KV){.name = $k, .loc = @k, .value = $v})); }
  | IDENT[k] DOT name[s] COLON literal[v]
        { Decl *d = P->decls.data[P->decls.len - 1]; TestItem *t = &d->items.data[d->items.len - 1];
          vec_push(A, &t->kvs, ((KV){.name = $k, .sub = $s, .loc = @$, .value = $v})); }
  ;

/* ---- expressions ---- */
expr:
    expr[l] OR expr[r]      { $$ = D(lx, ast_binary(A, OP_OR, $l, $r, @$)); }
  | expr[l] AND expr[r]     { $$ = D(lx, ast_binary(A, OP_AND, $l, $r, @$)); }
  | NOT expr[x]             { $$ = D(lx, ast_unary(A, OP_NOT, $x, @$)); }
  | expr[l] EQ expr[r]      { $$ = D(lx, ast_binary(A, OP_EQ, $l, $r, @$)); }
  | expr[l] NE expr[r]      { $$ = D(lx, ast_binary(A, OP_NE, $l, $r, @$)); }
  | expr[l] LT expr[r]      { $$ = D(lx, ast_binary(A, OP_LT, $l, $r, @$)); }
  | expr[l] LE expr[r]      { $$ = D(lx, ast_binary(A, OP_LE, $l, $r, @$)); }
  | expr[l] GT expr[r]      { $$ = D(lx, ast_binary(A, OP_GT, $l, $r, @$)); }
  | expr[l] GE expr[r]      { $$ = D(lx, ast_binary(A, OP_GE, $l, $r, @$)); }
  | expr[l] PLUS expr[r]    { $$ = D(lx, ast_binary(A, OP_ADD, $l, $r, @$)); }
  | expr[l] MINUS expr[r]   { $$ = D(lx, ast_binary(A, OP_SUB, $l, $r, @$)); }
  | expr[l] STAR expr[r]    { $$ = D(lx, ast_binary(A, OP_MUL, $l, $r, @$)); }
  | expr[l] SLASH expr[r]   { $$ = D(lx, ast_binary(A, OP_DIV, $l, $r, @$)); }
  | MINUS expr[x] %prec UMINUS { $$ = D(lx, ast_unary(A, OP_NEG, $x, @$)); }
  | IF expr[c] THEN expr[t] ELSE expr[e] %prec IFX
        { $$ = ast_node(A, ND_IF, @$); $$->a = $c; $$->b = $t; $$->c = $e; $$ = D(lx, $$); }
  | postfix
  ;

postfix:
    primary
  | postfix[b] DOT name[n]                 { $$ = ast_node(A, ND_FIELD, @$); $$->a = $b; $$->name = $n; $$ = D(lx, $$); }
  | postfix[b] LBRACKET expr[i] RBRACKET   { $$ = ast_node(A, ND_INDEX, @$); $$->a = $b; $$->b = $i; $$ = D(lx, $$); }
  ;

primary:
    NUMBER[n] unit_opt[u]  { $$ = num(lx, $n, (NumUnit)$u, @$); }
  | DATE                   { $$ = ast_node(A, ND_DATE, @1); $$->text = $1; }
  | TRUE                   { $$ = ast_node(A, ND_BOOL, @1); $$->ival = 1; }
  | FALSE                  { $$ = ast_node(A, ND_BOOL, @1); $$->ival = 0; }
  | IDENT                  { $$ = ast_name(A, $1, @1); }
  | FROM                   { $$ = ast_name(A, "from", @1); }  /* a rule parameter named from */
  | TO                     { $$ = ast_name(A, "to", @1); }
  | CLAIM                  { $$ = ast_node(A, ND_CLAIM, @1); }
  | PERSON                 { $$ = ast_node(A, ND_PERSON, @1); }
  | LPAREN expr[e] RPAREN  { $$ = $e; $$->paren = 1; }
  | IDENT[f] LPAREN args_opt[a] RPAREN
        { $$ = ast_node(A, ND_CALL, @$); $$->name = $f; $$->args = $a; $$ = D(lx, $$); }
  | YEARS LPAREN args_opt[a] RPAREN   /* year(d): the built-in, though "year" is a unit word */
        { $$ = ast_node(A, ND_CALL, @$); $$->name = "year"; $$->args = $a; $$ = D(lx, $$); }
  | IDENT[f] LPAREN expr[e] FOR IDENT[h] IN IDENT[c] where_opt[w] default_opt[d] RPAREN
        { $$ = ast_node(A, ND_AGG, @$); $$->name = $f; $$->a = $e; $$->b = $w; $$->c = $d;
          $$->binder = $h; $$->binder_loc = @h; $$->coll = $c; $$->coll_loc = @c; $$ = D(lx, $$); }
  | IDENT[f] LPAREN IDENT[h] IN IDENT[c] where_opt[w] RPAREN
        { $$ = ast_node(A, ND_AGG, @$); $$->name = $f; $$->b = $w;
          $$->binder = $h; $$->binder_loc = @h; $$->coll = $c; $$->coll_loc = @c; $$ = D(lx, $$); }
  ;
where_opt: %empty { $$ = NULL; } | WHERE expr { $$ = $2; } ;
default_opt: %empty { $$ = NULL; } | DEFAULT expr { $$ = $2; } ;
args_opt: %empty { $$ = (NodeList){0}; } | args ;
args: expr { $$ = (NodeList){0}; vec_push(A, &$$, $1); }
    | args COMMA expr { $$ = $1; vec_push(A, &$$, $3); } ;

%%

static void pol_error(const Loc *loc, void *scanner, Lexer *lx, const char *msg)
{
    (void)scanner;
    /* only "memory exhausted" reaches here (syntax errors go through yyreport_syntax_error):
     * the parser's stack outgrew YYMAXDEPTH, which only a pathological run of prefix
     * operators (- - - ... x) can do */
    if (strstr(msg, "exhausted"))
        diag_error(lx->diag, *loc, "expression nested more than %d deep; split it into rules",
                   EXPR_MAX_DEPTH);
    else
        diag_error(lx->diag, *loc, "%s", msg);
}

/* The symbol the parser had read i places below the top of its stack (0: the last one), or
 * YYSYMBOL_YYEOF below the bottom (state 0 is only ever the bottom state). */
static yysymbol_kind_t read_sym(const yypcontext_t *ctx, int i)
{
    for (int k = 0; k <= i; k++)
        if (ctx->yyssp[-k] == 0)
            return YYSYMBOL_YYEOF;
    return YY_ACCESSING_SYMBOL(ctx->yyssp[-i]);
}

static int sym_in(yysymbol_kind_t s, const yysymbol_kind_t *set, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (set[i] == s)
            return 1;
    return 0;
}
#define SYM_IN(s, ...) \
    sym_in(s, (const yysymbol_kind_t[]){__VA_ARGS__}, \
           sizeof((const yysymbol_kind_t[]){__VA_ARGS__}) / sizeof(yysymbol_kind_t))

/* Is the parser inside a param's head (param NAME[I]: TYPE cites "…"), before its first
 * `from`? Default reductions may already have made the head one symbol. */
static int in_param_head(const yypcontext_t *ctx)
{
    if (read_sym(ctx, 0) == YYSYMBOL_param_head)
        return 1;
    int i = 0;
    while (SYM_IN(read_sym(ctx, i), YYSYMBOL_IDENT, YYSYMBOL_COLON, YYSYMBOL_LBRACKET,
                  YYSYMBOL_RBRACKET, YYSYMBOL_type, YYSYMBOL_opt_q, YYSYMBOL_QUESTION,
                  YYSYMBOL_unit, YYSYMBOL_cites_opt, YYSYMBOL_CITES, YYSYMBOL_STRING))
        i++;
    return read_sym(ctx, i) == YYSYMBOL_PARAM;
}

static int is_type_name(const char *s, size_t n)
{
    static const char *const names[] = {"money", "金额", "rate", "比例", "int", "整数", "bool",
                                        "布尔", "date", "日期", "brackets", "分段"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i]) == n && !memcmp(names[i], s, n))
            return 1;
    return 0;
}

static void trim(const char **b, const char **e)
{
    while (*b < *e && (**b == ' ' || **b == '\t'))
        (*b)++;
    while (*e > *b && ((*e)[-1] == ' ' || (*e)[-1] == '\t' || (*e)[-1] == '\r'))
        (*e)--;
}

/* A param head not followed by `from DATE:` (`param x: money 100 yuan`, `param x: money:
 * 100 yuan`, a reform's `param ratio: 75%`): every value of a param is dated, so say how the
 * line is written, rebuilt from the line itself when it is one line, `param NAME…` first. */
static void param_hint(const yypcontext_t *ctx, Lexer *lx, char *buf, size_t size)
{
    yysymbol_kind_t tok = yypcontext_token(ctx);
    const char *date = P->valid_from && !P->is_reform ? P->valid_from->text : "YYYY-MM-DD";
    const char *text = lx->src->text, *at = text + yypcontext_location(ctx)->start;
    const char *lb = at, *le = at;
    while (lb > text && lb[-1] != '\n')
        lb--;
    while (*le && *le != '\n' && *le != '#')
        le++;
    const char *p = lb;
    while (p < at && (*p == ' ' || *p == '\t'))
        p++;
    size_t kw = strcspn(p, " \t:[\n");
    kw = p + kw <= at && kw_lookup(p, kw) == TOK_PARAM ? kw : 0;
    const char *nb = p + kw > at ? at : p + kw, *ne, *tb, *te = at;
    const char *vb = tok == YYSYMBOL_COLON ? at + 1 : at;
    while (nb < at && (*nb == ' ' || *nb == '\t'))
        nb++;
    for (ne = nb; ne < at && !strchr(" \t:", *ne); ne++)
        ;
    for (tb = ne; tb < at && (*tb == ' ' || *tb == '\t'); tb++)
        ;
    int has_colon = tb < at && *tb == ':';
    tb += has_colon;
    trim(&tb, &te);
    /* a date where `from DATE:` belongs: the line keeps its date, the value follows it */
    int dlen = 0;
    if (tok == YYSYMBOL_DATE) {
        date = vb;
        dlen = (int)(yypcontext_location(ctx)->end - yypcontext_location(ctx)->start);
        for (vb += dlen; vb < le && (*vb == ' ' || *vb == '\t'); vb++)
            ;
        vb += vb < le && *vb == ':';
    } else {
        dlen = (int)strlen(date);
    }
    trim(&vb, &le);
    int ok = kw && ne > nb && vb < le && tok != YYSYMBOL_YYEOF && ne - nb < 80 && le - vb < 120
             && te - tb < 40;
    if (P->is_reform) {
        /* the type and index stay the base's; a word that is no type (a member) is value */
        const char *br = memchr(nb, '[', (size_t)(ne - nb));
        ne = br ? br : ne;
        const char *sp = is_type_name(tb, (size_t)(te - tb)) || te == tb ? "" : " ";
        int tn = is_type_name(tb, (size_t)(te - tb)) ? 0 : (int)(te - tb);
        if (ok)
            snprintf(buf, size, "a reform's param line is param NAME from DATE: VALUE; write "
                     "param %.*s from %.*s: %.*s%s%.*s", (int)(ne - nb), nb, dlen, date, tn, tb,
                     sp, (int)(le - vb), vb);
        else
            snprintf(buf, size, "a reform's param line is param NAME from DATE: VALUE");
    } else if (ok) {
        const char *what = te > tb ? "every value of a param is dated"
                                   : "a param has a type and dated values";
        snprintf(buf, size, "%s; write param %.*s: %.*s from %.*s: %.*s", what,
                 (int)(ne - nb), nb, te > tb ? (int)(te - tb) : 4, te > tb ? tb : "TYPE",
                 dlen, date, (int)(le - vb), vb);
    } else {
        snprintf(buf, size, "every value of a param is dated: param NAME: TYPE from %.*s: VALUE",
                 dlen, date);
    }
}

/* the line's bytes [lb, le) around at: from its first non-blank to its end or comment */
static void line_around(const char *text, const char *at, const char **lb, const char **le)
{
    const char *b = at, *e = at;
    while (b > text && b[-1] != '\n')
        b--;
    while (*e && *e != '\n' && *e != '#')
        e++;
    trim(&b, &e);
    *lb = b;
    *le = e;
}

/* longest line a hint rebuilds: a declaration's line, not a generated one */
#define HINT_LINE_MAX 160

/* `param ratio rate …`, `rule pay money = …`, a field `total money`: the colon between a name
 * and its type left out, where the grammar wants one. Say the line to write, the colon put
 * back after the name (or label, index, parameter list) before the word found; 0 when the
 * word is not there after blanks on the line. */
static int colon_hint(const yypcontext_t *ctx, Lexer *lx, char *buf, size_t size)
{
    const char *text = lx->src->text, *at = text + yypcontext_location(ctx)->start;
    const char *ne = at; /* the end of what comes before the colon */
    while (ne > text && (ne[-1] == ' ' || ne[-1] == '\t'))
        ne--;
    if (ne == at || ne == text || ne[-1] == '\n')
        return 0;
    const char *lb, *le;
    line_around(text, at, &lb, &le);
    if (le - lb > HINT_LINE_MAX)
        return 0;
    snprintf(buf, size, "missing ':' before '%.*s'; write %.*s: %.*s",
             (int)(yypcontext_location(ctx)->end - yypcontext_location(ctx)->start), at,
             (int)(ne - lb), lb, (int)(le - at), at);
    return 1;
}

/* `input total money` where a declaration starts: a claim's inputs are its record's fields,
 * so say the record to write (`claim { total: money }`); 0 unless the line is WORD NAME[:]
 * TYPE with a type the language has */
static int input_hint(const yypcontext_t *ctx, Lexer *lx, char *buf, size_t size)
{
    const char *text = lx->src->text, *at = text + yypcontext_location(ctx)->start;
    const char *lb, *le;
    line_around(text, at, &lb, &le);
    const char *w = at + (yypcontext_location(ctx)->end - yypcontext_location(ctx)->start);
    if (lb != at || le - lb > HINT_LINE_MAX)
        return 0;
    while (w < le && (*w == ' ' || *w == '\t'))
        w++;
    const char *nb = w;
    while (w < le && !strchr(" \t:", *w))
        w++;
    const char *ne = w;
    while (w < le && (*w == ' ' || *w == '\t' || *w == ':'))
        w++;
    const char *tb = w, *te = le;
    while (w < le && !strchr(" \t?", *w))
        w++;
    if (ne == nb || !is_type_name(tb, (size_t)(w - tb)))
        return 0;
    snprintf(buf, size, "unexpected identifier '%.*s': a claim's inputs are the fields of its "
             "record; write claim { %.*s: %.*s }", (int)(yypcontext_location(ctx)->end -
             yypcontext_location(ctx)->start), at, (int)(ne - nb), nb, (int)(te - tb), tb);
    return 1;
}

static int is_operator(yysymbol_kind_t s)
{
    return SYM_IN(s, YYSYMBOL_OR, YYSYMBOL_AND, YYSYMBOL_NOT, YYSYMBOL_EQ, YYSYMBOL_NE,
                  YYSYMBOL_LT, YYSYMBOL_LE, YYSYMBOL_GT, YYSYMBOL_GE, YYSYMBOL_PLUS,
                  YYSYMBOL_MINUS, YYSYMBOL_STAR, YYSYMBOL_SLASH);
}

/* The token as the error names it: a keyword written as its Chinese alias is shown as written,
 * with the keyword it is (`'测试' (the keyword test)`), since the writer never typed "test". */
static const char *token_shown(const yypcontext_t *ctx, Lexer *lx, yysymbol_kind_t tok)
{
    const Loc *l = yypcontext_location(ctx);
    const char *text = lx->src->text + l->start, *name = yysymbol_name(tok);
    size_t len = l->end - l->start;
    if (tok == YYSYMBOL_YYEOF || !kw_lookup(text, len) ||
        (strlen(name) == len && !memcmp(name, text, len)))
        return name;
    return arena_printf(lx->arena, "'%.*s' (the keyword %s)", (int)len, text, name);
}

/* A keyword where a name belongs: after `rule`, `param`, `enum`, …, or before a field's ':'
 * (`rule 测试: …`, `claim { 年: money }`). */
static int keyword_as_name(const yypcontext_t *ctx, Lexer *lx, yysymbol_kind_t top,
                           const yysymbol_kind_t *exp, int n)
{
    const Loc *l = yypcontext_location(ctx);
    const char *text = lx->src->text, *p = text + l->end;
    if (!kw_lookup(text + l->start, l->end - l->start))
        return 0;
    if (SYM_IN(top, YYSYMBOL_RULE, YYSYMBOL_PARAM, YYSYMBOL_ENUM, YYSYMBOL_LEDGER,
               YYSYMBOL_HISTORY, YYSYMBOL_EXCEPTION, YYSYMBOL_EXTERN))
        return 1;
    while (*p == ' ' || *p == '\t')
        p++;
    return *p == ':' && sym_in(YYSYMBOL_IDENT, exp, (size_t)n);
}

/* Does the error show a '{' left open? The file ends inside a block, or a keyword that starts
 * a declaration or a test's item begins a line where the block's '}' could have come. */
static int brace_unclosed(const yypcontext_t *ctx, Lexer *lx, const yysymbol_kind_t *exp, int n)
{
    if (lx->braces <= 0 || lx->braces > LEX_BRACES_KEPT)
        return 0;
    yysymbol_kind_t tok = yypcontext_token(ctx);
    if (tok == YYSYMBOL_YYEOF)
        return 1;
    if (!SYM_IN(tok, YYSYMBOL_POLICY, YYSYMBOL_REFORM, YYSYMBOL_ENUM, YYSYMBOL_CLAIM,
                YYSYMBOL_PERSON, YYSYMBOL_HISTORY, YYSYMBOL_PARAM, YYSYMBOL_LEDGER,
                YYSYMBOL_RULE, YYSYMBOL_OUTPUT, YYSYMBOL_TEST, YYSYMBOL_EXTERN, YYSYMBOL_REJECT,
                YYSYMBOL_EXPECT) ||
        !sym_in(YYSYMBOL_RBRACE, exp, (size_t)n))
        return 0;
    const char *text = lx->src->text, *p = text + yypcontext_location(ctx)->start;
    while (p > text && (p[-1] == ' ' || p[-1] == '\t'))
        p--;
    return p == text || p[-1] == '\n';
}

/* "unexpected X, expected Y or Z" with LAC-corrected expectations [bistromathic], and for the
 * slips analysts make most (tests/check/err/syn_*.pol) what to write instead */
static int yyreport_syntax_error(const yypcontext_t *ctx, void *scanner, Lexer *lx)
{
    (void)scanner;
    enum { MAXEXP = 6 };
    yysymbol_kind_t exp[YYNTOKENS];
    int n = yypcontext_expected_tokens(ctx, exp, YYNTOKENS), want_else = 0, want_then = 0;
    for (int i = 0; i < n; i++) {
        want_else |= exp[i] == YYSYMBOL_ELSE;
        want_then |= exp[i] == YYSYMBOL_THEN;
    }
    yysymbol_kind_t tok = yypcontext_token(ctx), top = read_sym(ctx, 0);
    /* a token the lexer already reported and read as its stand-in (。 read as '.'): one slip,
     * one error; the parser recovers as after any syntax error */
    if (lx->slip_end &&
        (yypcontext_location(ctx)->end == lx->slip_end || lx->prev_end == lx->slip_end))
        return 0;
    /* a value, or a colon after the type, where `from DATE:` belongs */
    yysymbol_kind_t below = read_sym(ctx, 1);
    int after_type = SYM_IN(top, YYSYMBOL_type, YYSYMBOL_opt_q, YYSYMBOL_QUESTION,
                            YYSYMBOL_cites_opt, YYSYMBOL_param_head) ||
                     (top == YYSYMBOL_IDENT && below == YYSYMBOL_COLON);
    int value_here = SYM_IN(tok, YYSYMBOL_NUMBER, YYSYMBOL_DATE, YYSYMBOL_MINUS, YYSYMBOL_TRUE,
                            YYSYMBOL_FALSE, YYSYMBOL_ABOVE) ||
                     (tok == YYSYMBOL_COLON && after_type) ||
                     /* a table's first member: param d[Level]: money county 100 yuan */
                     (tok == YYSYMBOL_IDENT && after_type);
    char buf[512];
    if (value_here && in_param_head(ctx)) {
        param_hint(ctx, lx, buf, sizeof buf);
        diag_error(lx->diag, *yypcontext_location(ctx), "%s", buf);
        return 0;
    }
    int want_colon = 0, at_decl = 0;
    for (int i = 0; i < n; i++) {
        want_colon |= exp[i] == YYSYMBOL_COLON;
        at_decl |= exp[i] == YYSYMBOL_RULE;
    }
    if ((want_colon && SYM_IN(tok, YYSYMBOL_IDENT, YYSYMBOL_YUAN, YYSYMBOL_DAYS,
                              YYSYMBOL_WORKDAYS, YYSYMBOL_MONTHS, YYSYMBOL_YEARS) &&
         colon_hint(ctx, lx, buf, sizeof buf)) ||
        (at_decl && tok == YYSYMBOL_IDENT && input_hint(ctx, lx, buf, sizeof buf))) {
        diag_error(lx->diag, *yypcontext_location(ctx), "%s", buf);
        return 0;
    }
    /* `a < b < c`: comparisons are non-associative (spec/LANGUAGE.md §2). The second one
     * finds the first below the operand it ends: under that operand's pieces (an expression
     * not yet reduced, `a * b` of `x >= a * b < c`) lies the first comparison. */
    if (SYM_IN(tok, YYSYMBOL_EQ, YYSYMBOL_NE, YYSYMBOL_LT, YYSYMBOL_LE, YYSYMBOL_GT,
               YYSYMBOL_GE) &&
        SYM_IN(top, YYSYMBOL_expr, YYSYMBOL_postfix, YYSYMBOL_primary)) {
        yysymbol_kind_t first = YYSYMBOL_YYEOF;
        for (int i = 1; first == YYSYMBOL_YYEOF; i++) {
            yysymbol_kind_t sy = read_sym(ctx, i);
            if (SYM_IN(sy, YYSYMBOL_EQ, YYSYMBOL_NE, YYSYMBOL_LT, YYSYMBOL_LE, YYSYMBOL_GT,
                       YYSYMBOL_GE))
                first = sy;
            else if (!SYM_IN(sy, YYSYMBOL_expr, YYSYMBOL_postfix, YYSYMBOL_primary,
                             YYSYMBOL_PLUS, YYSYMBOL_MINUS, YYSYMBOL_STAR, YYSYMBOL_SLASH))
                break;
        }
        if (first != YYSYMBOL_YYEOF) {
            diag_error(lx->diag, *yypcontext_location(ctx),
                       "unexpected %s: comparisons do not chain; write a %s b and b %s c",
                       yysymbol_name(tok), yysymbol_name(first), yysymbol_name(tok));
            return 0;
        }
    }
    int k = 0;
    if (tok == YYSYMBOL_YYEOF && lx->depth > 0) {
        /* `(claim.a` at the end of the file: the list of what could follow says nothing */
        diag_error(lx->diag, *yypcontext_location(ctx),
                   "unexpected end of file; %d '(' %s not closed", lx->depth,
                   lx->depth == 1 ? "is" : "are");
        return 0;
    }
    if (tok == YYSYMBOL_RBRACE && lx->stray_brace == yypcontext_location(ctx)->start + 1) {
        diag_error(lx->diag, *yypcontext_location(ctx),
                   "unexpected }; no '{' is open here: delete it");
        return 0;
    }
    if (brace_unclosed(ctx, lx, exp, n)) {
        /* `ledger a … {` and no '}' before the next declaration: the list of what could
         * follow the block's last item says nothing of the brace */
        uint32_t at = lx->brace_at[lx->braces - 1];
        int line, col;
        source_linecol(lx->src, at, &line, &col);
        if (tok == YYSYMBOL_YYEOF)
            diag_error(lx->diag, *yypcontext_location(ctx),
                       "unexpected end of file; the '{' on line %d is not closed: add its '}'",
                       line);
        else
            diag_error(lx->diag, *yypcontext_location(ctx),
                       "unexpected %s; the '{' on line %d is not closed: add its '}' before "
                       "this line",
                       yysymbol_name(tok), line);
        diag_note(lx->diag, (Loc){lx->src, at, at + 1}, "this '{' has no '}'");
        return 0;
    }
    if (tok == YYSYMBOL_YYEOF)
        k += snprintf(buf + k, sizeof buf - (size_t)k, "unexpected end of file");
    else
        k += snprintf(buf + k, sizeof buf - (size_t)k, "unexpected %s",
                      token_shown(ctx, lx, tok));
    if (keyword_as_name(ctx, lx, top, exp, n))
        /* `rule 测试: …`: the word is taken */
        snprintf(buf + k, sizeof buf - (size_t)k,
                 "; a keyword cannot be a name: choose another name");
    else if (is_operator(top))
        /* `claim.x *` and the next line: the expression stops short */
        snprintf(buf + k, sizeof buf - (size_t)k, "; '%s' needs a value after it",
                 yysymbol_name(top));
    else if (want_else && !is_operator(tok))
        /* `if c then a` where the declaration ends: there is no if without an else */
        snprintf(buf + k, sizeof buf - (size_t)k, "; an if needs an else: if C then A else B");
    else if (want_then && !is_operator(tok))
        /* `if c a else b`, or `if c` and the next line: the condition ends with no then */
        snprintf(buf + k, sizeof buf - (size_t)k,
                 "; an if needs then and else after its condition: if C then A else B");
    else if (n > 0 && n <= MAXEXP) {
        k += snprintf(buf + k, sizeof buf - (size_t)k, ", expected ");
        for (int i = 0; i < n && k < (int)sizeof buf - 40; i++)
            k += snprintf(buf + k, sizeof buf - (size_t)k, "%s%s",
                          i == 0 ? "" : i == n - 1 ? " or " : ", ", yysymbol_name(exp[i]));
    }
    diag_error(lx->diag, *yypcontext_location(ctx), "%s", buf);
    return 0;
}

/* Lexer helpers live here: they need the token numbers. */
#include "lexer.h"

const char *lex_text(Lexer *lx, const char *s, size_t n) { return arena_strndup(lx->arena, s, n); }

/* string literal: strip quotes, process \" \\ \n escapes; strings must be valid UTF-8 */
const char *lex_string(Lexer *lx, Loc loc, const char *s, size_t n)
{
    char *out = arena_alloc(lx->arena, n);
    size_t k = 0;
    for (size_t i = 1; i + 1 < n; i++) {
        if (s[i] == '\\' && i + 2 < n) {
            char c = s[++i];
            out[k++] = c == 'n' ? '\n' : c == 't' ? '\t' : c;
        } else {
            out[k++] = s[i];
        }
    }
    out[k] = 0;
    for (size_t i = 0; i < k;) {
        uint32_t cp;
        int len = utf8_decode((const unsigned char *)out + i, k - i, &cp);
        if (!len || cp == 0) {
            lex_error(lx, loc, "string is not valid UTF-8");
            break;
        }
        i += (size_t)len;
    }
    return out;
}

/* “第五条”, as a Chinese input method types quotes: say how policy text writes the string, then
 * read it as that string, so one slip gives one error */
const char *lex_curly_string(Lexer *lx, Loc loc, const char *s, size_t n)
{
    size_t close = s[n - 1] == '"' ? 1 : 3, inner = n - 3 - close;
    char *plain = arena_alloc(lx->arena, inner + 3);
    plain[0] = '"';
    memcpy(plain + 1, s + 3, inner);
    plain[inner + 1] = '"';
    plain[inner + 2] = 0;
    const char *v = lex_string(lx, loc, plain, inner + 2);
    char *msg = arena_printf(lx->arena, "curly quotes here; write %s", plain);
    lex_error(lx, loc, msg);
    return v;
}

void lex_error(Lexer *lx, Loc loc, const char *msg)
{
    diag_error(lx->diag, loc, "%s", msg);
    lx->slip_end = loc.end;
}

void lex_thousands(Lexer *lx, Loc loc, const char *num, const char *unit)
{
    /* the unit as written: yuan, 元 or 万元 (the rest of the line is not the unit) */
    int n = !strncmp(unit, "yuan", 4) ? 4 : !strncmp(unit, "万元", 6) ? 6 : 3;
    diag_error(lx->diag, loc, "write %s %.*s (no thousands separator in policy text)", num, n,
               unit);
}

const char *lex_loose_date(Lexer *lx, Loc loc, const char *s, size_t n)
{
    /* the lexer matched 4 digits, then 1-2 digits twice, each after a separator, so the
     * parts fit "YYYY-MM-DD" */
    char *day = arena_alloc(lx->arena, sizeof "YYYY-MM-DD");
    const char *p = s + 4;
    int part[2];
    for (int i = 0; i < 2; i++) {
        while (!isdigit((unsigned char)*p))
            p++;
        part[i] = (int)strtol(p, (char **)&p, 10);
    }
    snprintf(day, sizeof "YYYY-MM-DD", "%.4s-%02d-%02d", s, part[0], part[1]);
    int64_t v;
    if (polrt_parse_date(day, strlen(day), &v) != 0)
        diag_error(lx->diag, loc, "'%.*s' is not a calendar date", (int)n, s);
    else
        diag_error(lx->diag, loc, "write %s (a date in policy text is YYYY-MM-DD)", day);
    return day;
}

/* every token the parser reads, recorded when a tool asked for them (end of file is not) */
int pol_lex(POL_STYPE *yylval_param, POL_LTYPE *yylloc_param, void *yyscanner)
{
    Lexer *lx = pol_get_extra(yyscanner);
    lx->prev_end = lx->pos; /* the lexer stands at the end of the token read last */
    int t = pol_lex_raw(yylval_param, yylloc_param, yyscanner);
    if (lx->tokens && t != TOK_YYEOF)
        vec_push(lx->arena, lx->tokens, ((Token){t, *yylloc_param}));
    return t;
}

void lex_bad_byte(Lexer *lx, Loc loc, unsigned char c)
{
    if (c == 0)
        diag_error(lx->diag, loc, "NUL byte in policy text");
    else if (c >= 0x80)
        diag_error(lx->diag, loc, "invalid UTF-8 byte 0x%02X", c);
    else if (c < 0x20 || c == 0x7F)
        diag_error(lx->diag, loc, "unexpected control character 0x%02X", c);
    else
        diag_error(lx->diag, loc, "unexpected character '%c'", c);
}

/* Comments mean nothing to the parser; fmt and lsp keep them, in order among the tokens.
 * Their bytes are policy text all the same (spec §1): each byte that does not start a valid
 * UTF-8 sequence, and a NUL, is reported where it stands, as outside a comment. */
void lex_comment(Lexer *lx, Loc loc, const char *s, size_t n)
{
    if (lx->tokens)
        vec_push(lx->arena, lx->tokens, ((Token){TOKEN_COMMENT, loc}));
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int len = utf8_decode(p + i, n - i, &cp);
        if (len && cp != 0) {
            i += (size_t)len;
            continue;
        }
        Loc at = {loc.src, loc.start + (uint32_t)i, loc.start + (uint32_t)i + 1};
        lex_bad_byte(lx, at, p[i]);
        i++;
    }
}

void lex_brace(Lexer *lx, Loc loc, int open)
{
    if (!open) {
        if (lx->braces == 0)
            lx->stray_brace = loc.start + 1;
        lx->braces -= lx->braces > 0;
        return;
    }
    if (lx->braces < LEX_BRACES_KEPT)
        lx->brace_at[lx->braces] = loc.start;
    lx->braces++;
}

int lex_open(Lexer *lx, Loc loc)
{
    if (++lx->depth == LEX_MAX_DEPTH + 1)
        diag_error(lx->diag, loc, "parentheses nested more than %d deep", LEX_MAX_DEPTH);
    return lx->depth > LEX_MAX_DEPTH;
}

/* ３０００元 as a Chinese input method types it: one error for the run of digits, which reads
 * as the number it writes, so the slip gives one error and the rest is checked */
const char *lex_wide_digits(Lexer *lx, Loc loc, const char *s, size_t n)
{
    char *num = arena_alloc(lx->arena, n / 3 + 1);
    for (size_t i = 0; i < n / 3; i++)
        num[i] = (char)('0' + ((unsigned char)s[3 * i + 2] - 0x90)); /* EF BC 90..99: ０..９ */
    num[n / 3] = '\0';
    diag_error(lx->diag, loc, "full-width digits '%.*s' here; write %s", (int)n, s, num);
    lx->slip_end = loc.end;
    return num;
}

/* Full-width punctuation typed in a Chinese input method: say so, read the ASCII twin. */
int lex_wide_punct(Lexer *lx, Loc loc, const char *s)
{
    static const struct { const char *wide, *ascii; int tok; } map[] = {
        {"\xEF\xBC\x8C", ",", TOK_COMMA},  {"\xEF\xBC\x9A", ":", TOK_COLON},
        {"\xEF\xBC\x88", "(", TOK_LPAREN}, {"\xEF\xBC\x89", ")", TOK_RPAREN},
        {"\xEF\xBC\x9D", "=", TOK_EQ},     {"\xEF\xBC\x8B", "+", TOK_PLUS},
        {"\xEF\xBC\x8D", "-", TOK_MINUS},  {"\xEF\xBC\x8E", ".", TOK_DOT},
        {"\xE3\x80\x82", ".", TOK_DOT},    {"\xEF\xBC\xBB", "[", TOK_LBRACKET},
        {"\xEF\xBC\xBD", "]", TOK_RBRACKET}, {"\xEF\xBD\x9B", "{", TOK_LBRACE},
        {"\xEF\xBD\x9D", "}", TOK_RBRACE}, {"\xE3\x80\x81", ",", TOK_COMMA},
        {"\xEF\xBC\x9C", "<", TOK_LT},     {"\xEF\xBC\x9E", ">", TOK_GT},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (memcmp(s, map[i].wide, 3) == 0) {
            /* 。 ends a sentence in a notice: most often it is to go, not to become a '.' */
            int stop = !strcmp(map[i].wide, "\xE3\x80\x82");
            diag_error(lx->diag, loc, "full-width '%s' here; write '%s'%s", map[i].wide,
                       map[i].ascii, stop ? " (or drop it: a line needs no full stop)" : "");
            lx->slip_end = loc.end;
            if (map[i].tok == TOK_LPAREN && lex_open(lx, loc))
                return TOK_POL_error;
            if (map[i].tok == TOK_RPAREN)
                lx->depth--;
            if (map[i].tok == TOK_LBRACE || map[i].tok == TOK_RBRACE)
                lex_brace(lx, loc, map[i].tok == TOK_LBRACE);
            return map[i].tok;
        }
    diag_error(lx->diag, loc, "unexpected punctuation '%.3s'", s);
    return 0; /* skipped */
}

/* Keywords and their Chinese aliases: one table [PG kwlist]. */
int kw_lookup(const char *s, size_t n)
{
    static const struct { const char *kw; int tok; } kws[] = {
        {"policy", TOK_POLICY}, {"政策", TOK_POLICY},
        {"reform", TOK_REFORM}, {"改革", TOK_REFORM},
        {"source", TOK_SOURCE}, {"文号", TOK_SOURCE},
        {"valid", TOK_VALID}, {"有效", TOK_VALID},
        {"from", TOK_FROM}, {"自", TOK_FROM},
        {"to", TOK_TO}, {"至", TOK_TO},
        {"dated", TOK_DATED}, {"by", TOK_BY},
        {"enum", TOK_ENUM}, {"枚举", TOK_ENUM},
        {"claim", TOK_CLAIM}, {"理赔", TOK_CLAIM},
        {"person", TOK_PERSON}, {"人员", TOK_PERSON},
        {"history", TOK_HISTORY}, {"履历", TOK_HISTORY},
        {"param", TOK_PARAM}, {"参数", TOK_PARAM},
        {"ledger", TOK_LEDGER}, {"台账", TOK_LEDGER},
        {"per", TOK_PER}, {"of", TOK_OF},
        {"rule", TOK_RULE}, {"规则", TOK_RULE},
        {"exception", TOK_EXCEPTION}, {"例外", TOK_EXCEPTION},
        {"when", TOK_WHEN}, {"当", TOK_WHEN},
        {"over", TOK_OVER}, {"优先于", TOK_OVER},
        {"cites", TOK_CITES}, {"依据", TOK_CITES},
        {"output", TOK_OUTPUT}, {"输出", TOK_OUTPUT},
        {"test", TOK_TEST}, {"测试", TOK_TEST},
        {"expect", TOK_EXPECT}, {"预期", TOK_EXPECT},
        {"fails", TOK_FAILS},
        {"if", TOK_IF}, {"如果", TOK_IF},
        {"then", TOK_THEN}, {"则", TOK_THEN},
        {"else", TOK_ELSE}, {"否则", TOK_ELSE},
        {"and", TOK_AND}, {"且", TOK_AND},
        {"or", TOK_OR}, {"或", TOK_OR},
        {"not", TOK_NOT}, {"非", TOK_NOT},
        {"true", TOK_TRUE}, {"是", TOK_TRUE},
        {"false", TOK_FALSE}, {"否", TOK_FALSE},
        {"in", TOK_IN}, {"for", TOK_FOR}, {"where", TOK_WHERE},
        {"default", TOK_DEFAULT}, {"extern", TOK_EXTERN},
        {"above", TOK_ABOVE}, {"超过", TOK_ABOVE},
        {"reject", TOK_REJECT}, {"拒收", TOK_REJECT},
        {"at", TOK_AT}, {"按", TOK_AT},
        {"yuan", TOK_YUAN}, {"元", TOK_YUAN},
        {"万元", TOK_WAN},
        {"day", TOK_DAYS}, {"days", TOK_DAYS}, {"天", TOK_DAYS},
        {"workday", TOK_WORKDAYS}, {"workdays", TOK_WORKDAYS}, {"工作日", TOK_WORKDAYS},
        {"个工作日", TOK_WORKDAYS},
        {"month", TOK_MONTHS}, {"months", TOK_MONTHS}, {"个月", TOK_MONTHS},
        {"year", TOK_YEARS}, {"years", TOK_YEARS}, {"年", TOK_YEARS},
    };
    for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++)
        if (strlen(kws[i].kw) == n && memcmp(kws[i].kw, s, n) == 0)
            return kws[i].tok;
    return 0;
}

int parse_source(Arena *a, Diag *d, Source *src, Program *prog)
{
    return parse_source_tokens(a, d, src, prog, NULL);
}

/* A file needs this many two- or four-byte GB18030 characters, and not one byte outside them,
 * to be taken for GBK rather than UTF-8 with a few bad bytes (a truncated character). */
#define GB_MIN_CHARS 4

/* Is the text in another encoding than UTF-8, as Chinese Windows tools save it: UTF-16 (its
 * byte order mark), or GBK / GB18030 throughout with some byte that is not UTF-8? Then each
 * of its bytes would be an error of its own, saying nothing of the cause: name the encoding
 * once, at *at (the first byte that is not UTF-8), and what to do. */
static const char *other_encoding(const Source *src, uint32_t *at)
{
    const unsigned char *t = (const unsigned char *)src->text;
    size_t n = src->len;
    if (n >= 2 && ((t[0] == 0xFF && t[1] == 0xFE) || (t[0] == 0xFE && t[1] == 0xFF))) {
        *at = 0;
        return "UTF-16";
    }
    size_t i = 0;
    for (uint32_t cp; i < n;) {
        int k = t[i] < 0x80 ? 1 : utf8_decode(t + i, n - i, &cp);
        if (!k)
            break;
        i += (size_t)k;
    }
    if (i == n)
        return NULL; /* UTF-8 */
    *at = (uint32_t)i;
    int gb = 0;
    for (i = 0; i < n;) {
        if (t[i] < 0x80) {
            i++;
        } else if (t[i] == 0x80 || t[i] == 0xFF || i + 1 >= n) {
            return NULL; /* no GB18030 lead byte */
        } else if (t[i + 1] >= 0x30 && t[i + 1] <= 0x39) { /* four bytes */
            if (i + 3 >= n || t[i + 2] < 0x81 || t[i + 2] == 0xFF || t[i + 3] < 0x30 ||
                t[i + 3] > 0x39)
                return NULL;
            i += 4, gb++;
        } else if (t[i + 1] >= 0x40 && t[i + 1] != 0x7F && t[i + 1] != 0xFF) { /* two */
            i += 2, gb++;
        } else {
            return NULL;
        }
    }
    return gb >= GB_MIN_CHARS ? "GBK (GB18030)" : NULL;
}

int parse_source_tokens(Arena *a, Diag *d, Source *src, Program *prog, TokenList *toks)
{
    Lexer lx = {.src = src, .arena = a, .diag = d, .prog = prog, .tokens = toks};
    prog->src = src;
    uint32_t at = 0;
    const char *enc = other_encoding(src, &at);
    if (enc) {
        diag_error(d, (Loc){src, at, at + 1},
                   "the file is not UTF-8 but %s; save it as UTF-8 (iconv -f %s -t UTF-8)",
                   enc, !strcmp(enc, "UTF-16") ? "UTF-16" : "GB18030");
        return -1;
    }
    yyscan_t sc;
    if (pol_lex_init_extra(&lx, &sc))
        polc_internal_error(__FILE__, __LINE__, "cannot create the scanner");
    YY_BUFFER_STATE b = pol__scan_bytes(src->text, (int)src->len, sc);
    int before = d->errors;
    int rc = pol_parse(sc, &lx);
    pol__delete_buffer(b, sc);
    pol_lex_destroy(sc);
    return rc == 0 && d->errors == before ? 0 : -1;
}
