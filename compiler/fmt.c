/* fmt.c — polc fmt: a policy in the one canonical layout (spec/LANGUAGE.md §16.1). Takes the
 * tokens and comments the one lexer records (parse_source_tokens; no layout for syntax errors)
 * and lays them out again: spacing, indentation from the declaration and open brackets, comments
 * aligned, long lines broken; the author's line breaks stay. The tokens never change (checked by
 * lexing the result again), so neither does what the policy means. */
#include "fmt.h"

#include <stdio.h>
#include <stdlib.h>

#include "parser.h"

/* One token or comment of the source, and how many line breaks came before it. */
typedef struct Item {
    int kind; /* TOK_..., or TOKEN_COMMENT */
    uint32_t start, end;
    int nl; /* 0: on the line of the item before; 1: on a new line; 2: after a blank line */
} Item;

typedef enum { FR_BRACE, FR_PAREN, FR_WHERE } FrameKind;

/* An open bracket (or the where of an aggregate): where the lines inside it start. */
typedef struct Frame {
    FrameKind kind;
    int cont;   /* the column of a line that goes on inside it */
    int close;  /* the column of a line that starts with its closer */
    int ledger; /* the fields of a ledger: a line that starts no field is indented 2 more */
} Frame;

/* where a top-level declaration is: its head, a dated version, an exception */
typedef enum { SUB_HEAD, SUB_VERSION, SUB_EXC } Sub;

/* One output line. */
typedef struct Line {
    size_t off, len; /* its code in Fmt.buf (the indentation included) */
    int width;       /* display width of the code */
    int comment;     /* the item of its trailing comment, or -1 */
    int blank;       /* a blank line comes before it */
} Line;

typedef struct Fmt {
    const char *text; /* the source */
    Item *it;
    int n;
    int *match; /* an opening bracket's closer (item index) */
    Frame *fr;  /* at most n deep */
    int nfr;
    int decl; /* the keyword of the top-level declaration being laid out (0: none yet) */
    Sub sub;
    int vcol;      /* a version's continuation column */
    int want_vcol; /* a param version: the token after its ':' sets vcol */
    int ocol;      /* an output list's continuation column */
    /* the output being built */
    char *buf;
    size_t len, cap;
    Line *lines;
    int nlines, capl;
    int open;   /* a line is being built */
    int indent; /* its indentation */
    int col;    /* its display width so far */
    int brk;    /* the item to start a new line at, to shorten the first overlong line; -1 */
    /* the places the line being built may break (before item cand[k].i): the column of the
     * token before, and how much narrower the rest is on a new line (cols there − indent) */
    struct Cand {
        int i, col, slack;
    } * cand;
    int ncand;
} Fmt;

static void put(Fmt *f, const char *s, size_t n)
{
    if (f->len + n + 1 > f->cap) {
        f->cap = (f->len + n + 1) * 2;
        f->buf = realloc(f->buf, f->cap);
        if (!f->buf)
            polc_internal_error(__FILE__, __LINE__, "out of memory");
    }
    memcpy(f->buf + f->len, s, n);
    f->len += n;
    f->buf[f->len] = 0;
}

static void spaces(Fmt *f, int n)
{
    for (int i = 0; i < n; i++)
        put(f, " ", 1);
}

static const char *text(const Fmt *f, int i)
{
    return f->text + f->it[i].start;
}
static size_t tlen(const Fmt *f, int i)
{
    return f->it[i].end - f->it[i].start;
}

/* a comment's text without the spaces (or the \r of a CRLF file) at its end */
static size_t comment_len(const Fmt *f, int i)
{
    size_t n = tlen(f, i);
    const char *s = text(f, i);
    while (n > 1 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    return n;
}

/* the next token after item i (comments skipped), or -1 */
static int next_tok(const Fmt *f, int i)
{
    for (int j = i + 1; j < f->n; j++)
        if (f->it[j].kind != TOKEN_COMMENT)
            return j;
    return -1;
}
static int next_kind(const Fmt *f, int i)
{
    int j = next_tok(f, i);
    return j < 0 ? 0 : f->it[j].kind;
}
static int prev_tok(const Fmt *f, int i)
{
    for (int j = i - 1; j >= 0; j--)
        if (f->it[j].kind != TOKEN_COMMENT)
            return j;
    return -1;
}

/* the token after i is on i's line (a trailing comment does not count) */
static int same_line_after(const Fmt *f, int i)
{
    return i + 1 < f->n && f->it[i + 1].kind != TOKEN_COMMENT && f->it[i + 1].nl == 0;
}

static int is_unit(int k)
{
    return k == TOK_YUAN || k == TOK_WAN || k == TOK_DAYS || k == TOK_WORKDAYS || k == TOK_MONTHS ||
           k == TOK_YEARS;
}

/* a token an operand can end with: a '-' after it subtracts, otherwise it negates */
static int ends_operand(const Fmt *f, int i)
{
    int k = f->it[i].kind;
    switch (k) {
    case TOK_IDENT:
    case TOK_NUMBER:
    case TOK_DATE:
    case TOK_STRING:
    case TOK_TRUE:
    case TOK_FALSE:
    case TOK_RPAREN:
    case TOK_RBRACKET:
    case TOK_PERCENT:
    case TOK_CLAIM:
    case TOK_PERSON:
    case TOK_QUESTION: return 1;
    case TOK_FROM:
    case TOK_TO:
    case TOK_AT:
    case TOK_BY:
    case TOK_OF: {
        int p = prev_tok(f, i);
        return p >= 0 && f->it[p].kind == TOK_DOT; /* h.from */
    }
    default: return is_unit(k);
    }
}

/* a keyword that starts a declaration, at the top level */
static int starts_decl(const Fmt *f, int i)
{
    switch (f->it[i].kind) {
    case TOK_POLICY:
    case TOK_REFORM:
    case TOK_ENUM:
    case TOK_HISTORY:
    case TOK_PARAM:
    case TOK_LEDGER:
    case TOK_RULE:
    case TOK_OUTPUT:
    case TOK_TEST:
    case TOK_EXTERN:
    case TOK_REJECT: return 1;
    case TOK_CLAIM:
    case TOK_PERSON: return next_kind(f, i) == TOK_LBRACE; /* claim { ... }, not claim.level */
    default: return 0;
    }
}

/* spaces between tokens p and i on one line: one, except around brackets, dots, commas and
 * colons, in a call, after a negating '-', and in 80% */
static int space_between(const Fmt *f, int p, int i)
{
    int pk = f->it[p].kind, k = f->it[i].kind;
    if (pk == TOK_LPAREN || pk == TOK_LBRACKET || pk == TOK_DOT)
        return 0;
    if (pk == TOK_MINUS) {
        int q = prev_tok(f, p);
        if (q < 0 || !ends_operand(f, q))
            return 0;
    }
    if (k == TOK_RPAREN || k == TOK_RBRACKET || k == TOK_COMMA || k == TOK_COLON || k == TOK_DOT ||
        k == TOK_QUESTION || k == TOK_PERCENT)
        return 0;
    if (k == TOK_LPAREN && (pk == TOK_IDENT || pk == TOK_YEARS))
        return 0;
    if (k == TOK_LBRACKET && (pk == TOK_IDENT || pk == TOK_RBRACKET || pk == TOK_RPAREN))
        return 0;
    if (k == TOK_RBRACE && pk == TOK_LBRACE)
        return 0;
    /* "3000元" and "3000 yuan" are both usual: the author's choice stays */
    if (pk == TOK_NUMBER && is_unit(k))
        return f->it[i].start == f->it[p].end ? 0 : 1;
    return 1;
}

/* a line may break before token i (the token before it on the line is p) */
static int may_break(const Fmt *f, int p, int i)
{
    int pk = f->it[p].kind, k = f->it[i].kind;
    return pk == TOK_COMMA || pk == TOK_AND || pk == TOK_OR || k == TOK_THEN || k == TOK_ELSE ||
           k == TOK_WHEN || k == TOK_WHERE || k == TOK_DEFAULT;
}

/* The indentation of a line starting with token i, inside frame t (NULL: the top level).
 * For a comment line before i (comment = 1), a closer's line gets the inside's column. */
static int indent_for(const Fmt *f, int i, const Frame *t, int comment)
{
    int k = f->it[i].kind;
    if (t) {
        int closes = ((k == TOK_RPAREN || k == TOK_RBRACKET) && t->kind == FR_PAREN) ||
                     (k == TOK_RBRACE && t->kind == FR_BRACE);
        if (closes)
            return comment ? t->cont : t->close;
        if (t->ledger && !(k == TOK_IDENT && next_kind(f, i) == TOK_COLON))
            return t->cont + 2;
        return t->cont;
    }
    if (starts_decl(f, i))
        return 0;
    switch (f->decl) {
    case TOK_PARAM:
    case TOK_RULE:
        if ((k == TOK_FROM && next_kind(f, i) == TOK_DATE) || k == TOK_EXCEPTION)
            return 2;
        return f->sub == SUB_VERSION ? f->vcol : f->sub == SUB_EXC ? 4 : 2;
    case TOK_OUTPUT: return f->ocol;
    default: return 2;
    }
}

/* the frame a token at i is inside: a where ends at ')' and at default */
static const Frame *frame_for(const Fmt *f, int i)
{
    if (!f->nfr)
        return NULL;
    const Frame *t = &f->fr[f->nfr - 1];
    int k = f->it[i].kind;
    if (t->kind == FR_WHERE && (k == TOK_RPAREN || k == TOK_DEFAULT))
        return f->nfr > 1 ? t - 1 : NULL;
    return t;
}

static void end_line(Fmt *f)
{
    if (!f->open)
        return;
    Line *l = &f->lines[f->nlines - 1];
    l->len = f->len - l->off;
    l->width = f->col;
    f->open = 0;
    if (f->brk >= 0 || f->col <= FMT_WIDTH || !f->ncand)
        return;
    /* the last place that fits whose rest then fits on its own line: breaking inside the
     * last bracket that fits can leave the rest wider than the line was (a new-user pass:
     * 104 columns where breaking at an outer `and` fitted); else the last place that fits
     * (the rest is broken again); else the first */
    int fits = -1;
    for (int k = f->ncand - 1; k >= 0; k--) {
        if (f->cand[k].col > FMT_WIDTH)
            continue;
        if (fits < 0)
            fits = k;
        if (f->col - f->cand[k].slack <= FMT_WIDTH) {
            fits = k;
            break;
        }
    }
    f->brk = f->cand[fits >= 0 ? fits : 0].i;
}

static void begin_line(Fmt *f, int blank, int indent)
{
    end_line(f);
    if (f->nlines == f->capl) {
        f->capl = f->capl ? f->capl * 2 : 64;
        f->lines = realloc(f->lines, sizeof *f->lines * (size_t)f->capl);
        if (!f->lines)
            polc_internal_error(__FILE__, __LINE__, "out of memory");
    }
    int first = f->nlines == 0;
    f->lines[f->nlines++] = (Line){.off = f->len, .comment = -1, .blank = blank && !first};
    f->open = 1;
    f->indent = indent;
    f->col = indent;
    f->ncand = 0;
    spaces(f, indent);
}

static void push(Fmt *f, Frame fr)
{
    f->fr[f->nfr++] = fr;
}

/* the brackets from item i to its closer are not all on one line */
static int spans_lines(const Fmt *f, int i)
{
    for (int j = i + 1; j <= f->match[i]; j++)
        if (f->it[j].nl)
            return 1;
    return 0;
}

/* after token i, written at column c: open and close frames, follow the declaration */
static void after_token(Fmt *f, int i, int c)
{
    int k = f->it[i].kind, same = same_line_after(f, i);
    switch (k) {
    case TOK_LPAREN:
    case TOK_LBRACKET:
        push(f, (Frame){FR_PAREN, same ? f->col : f->indent + 2, same ? c : f->indent, 0});
        return;
    case TOK_LBRACE:
        if (f->nfr == 0 && spans_lines(f, i)) {
            /* a declaration's block over several lines: its items start on their own lines,
             * the closing brace on its own */
            if (same)
                f->it[i + 1].nl = 1;
            if (f->it[f->match[i]].nl == 0)
                f->it[f->match[i]].nl = 1;
            same = 0;
        }
        same = same && f->it[i + 1].kind != TOK_RBRACE;
        push(f, (Frame){FR_BRACE, same ? f->col + 1 : f->indent + 2, f->indent,
                        f->nfr == 0 && f->decl == TOK_LEDGER});
        return;
    case TOK_RPAREN:
    case TOK_RBRACKET:
    case TOK_RBRACE:
        if (f->nfr)
            f->nfr--;
        return;
    case TOK_WHERE:
        if (f->nfr && f->fr[f->nfr - 1].kind == FR_PAREN)
            push(f, (Frame){FR_WHERE, same ? f->col + 1 : f->fr[f->nfr - 1].cont + 2, 0, 0});
        return;
    default: break;
    }
    if (f->nfr)
        return;
    if (starts_decl(f, i)) {
        f->decl = k;
        f->sub = SUB_HEAD;
        f->want_vcol = 0;
        f->ocol = same ? f->col + 1 : 2;
    } else if (k == TOK_FROM && next_kind(f, i) == TOK_DATE &&
               (f->decl == TOK_PARAM || f->decl == TOK_RULE)) {
        f->sub = SUB_VERSION;
        f->vcol = 4;
        f->want_vcol = f->decl == TOK_PARAM;
    } else if (k == TOK_COLON && f->want_vcol) {
        f->want_vcol = 0;
        if (same)
            f->vcol = f->col + 1; /* table entries line up under the first */
    } else if (k == TOK_EXCEPTION) {
        f->sub = SUB_EXC;
    }
}

/* One pass over the items; f->brk says where a line should have been broken (-1: nowhere). */
static void layout(Fmt *f)
{
    f->len = 0;
    f->nlines = 0;
    f->nfr = 0;
    f->decl = 0;
    f->sub = SUB_HEAD;
    f->vcol = 4;
    f->want_vcol = 0;
    f->ocol = 2;
    f->open = 0;
    f->brk = -1;
    int prev = -1;
    for (int i = 0; i < f->n; i++) {
        Item *it = &f->it[i];
        if (it->kind == TOKEN_COMMENT) {
            if (f->open && it->nl == 0) { /* trailing: aligned when the lines are assembled */
                f->lines[f->nlines - 1].comment = i;
                continue;
            }
            int j = next_tok(f, i);
            int ind = j < 0 ? 0 : indent_for(f, j, frame_for(f, j), 1);
            begin_line(f, it->nl >= 2, ind);
            put(f, text(f, i), comment_len(f, i));
            f->col += source_display_width(text(f, i), comment_len(f, i));
            end_line(f);
            continue;
        }
        if (f->nfr && f->fr[f->nfr - 1].kind == FR_WHERE &&
            (it->kind == TOK_RPAREN || it->kind == TOK_DEFAULT))
            f->nfr--;
        if (!f->open || it->nl > 0 || (f->nfr == 0 && starts_decl(f, i))) {
            if (it->nl == 0 && i > 0)
                it->nl = 1; /* one declaration per line */
            begin_line(f, it->nl >= 2, indent_for(f, i, frame_for(f, i), 0));
        } else {
            int sp = space_between(f, prev, i);
            if (may_break(f, prev, i))
                f->cand[f->ncand++] =
                    (struct Cand){i, f->col, f->col + sp - indent_for(f, i, frame_for(f, i), 0)};
            spaces(f, sp);
            f->col += sp;
        }
        int c = f->col;
        put(f, text(f, i), tlen(f, i));
        f->col += source_display_width(text(f, i), tlen(f, i));
        after_token(f, i, c);
        prev = i;
    }
    end_line(f);
}

static int comment_width(const Fmt *f, const Line *l)
{
    return source_display_width(text(f, l->comment), comment_len(f, l->comment));
}

/* Trailing comments of consecutive lines line up two columns past the longest code among
 * them; a line whose comment that would push past FMT_WIDTH (and would not, two columns after
 * its own code) starts a new group. Returns the end of the group starting at line i; *col is
 * its comment column. */
static int comment_group(const Fmt *f, int i, int *col)
{
    int max = f->lines[i].width, j = i + 1;
    for (; j < f->nlines && f->lines[j].comment >= 0 && !f->lines[j].blank; j++) {
        int m = f->lines[j].width > max ? f->lines[j].width : max, over = 0;
        for (int k = i; k <= j; k++) {
            const Line *l = &f->lines[k];
            if (m + 2 + comment_width(f, l) > FMT_WIDTH &&
                l->width + 2 + comment_width(f, l) <= FMT_WIDTH)
                over = 1;
        }
        if (over)
            break;
        max = m;
    }
    *col = max + 2;
    return j;
}

/* The lines, trailing comments aligned (comment_group). */
static char *assemble(Fmt *f, Arena *a, size_t *outlen)
{
    size_t cap = f->len * 2 + 64;
    for (int i = 0; i < f->nlines; i++)
        if (f->lines[i].comment >= 0)
            cap += (size_t)FMT_WIDTH * 2 + comment_len(f, f->lines[i].comment);
    char *out = arena_alloc(a, cap), *o = out;
    for (int i = 0; i < f->nlines;) {
        int j = i + 1, col = 0;
        if (f->lines[i].comment >= 0)
            j = comment_group(f, i, &col);
        for (int k = i; k < j; k++) {
            Line *l = &f->lines[k];
            if (l->blank)
                *o++ = '\n';
            memcpy(o, f->buf + l->off, l->len);
            o += l->len;
            if (l->comment >= 0) {
                for (int s = l->width; s < col; s++)
                    *o++ = ' ';
                memcpy(o, text(f, l->comment), comment_len(f, l->comment));
                o += comment_len(f, l->comment);
            }
            *o++ = '\n';
        }
        i = j;
    }
    *o = 0;
    *outlen = (size_t)(o - out);
    return out;
}

static void quiet(void *ctx, const char *sev, Loc loc, const char *msg)
{
    (void)ctx, (void)sev, (void)loc, (void)msg;
}

/* the items of a token list, with the line breaks before each */
static Item *items_of(Arena *a, const Source *src, const TokenList *tl)
{
    Item *it = arena_alloc(a, sizeof *it * (size_t)(tl->len + 1));
    uint32_t end = 0;
    for (int i = 0; i < tl->len; i++) {
        Token t = tl->data[i];
        int nl = 0;
        for (uint32_t p = end; p < t.loc.start; p++)
            if (src->text[p] == '\n')
                nl++;
        it[i] = (Item){t.kind, t.loc.start, t.loc.end, nl > 2 ? 2 : nl};
        end = t.loc.end;
    }
    return it;
}

/* The result must lex to the source's tokens and comments, in order. */
static void verify(Arena *a, Source *src, const TokenList *want, const char *out, size_t len)
{
    Diag d;
    diag_init(&d, NULL);
    d.sink = quiet;
    Source *s2 = source_from_string(a, src->path, out, len);
    Program *p2 = arena_alloc(a, sizeof *p2);
    TokenList got = {0};
    if (parse_source_tokens(a, &d, s2, p2, &got) != 0)
        polc_internal_error(__FILE__, __LINE__, "fmt: %s no longer parses", src->path);
    for (int i = 0; i < want->len || i < got.len; i++) {
        if (i >= want->len || i >= got.len)
            polc_internal_error(__FILE__, __LINE__, "fmt: %s: the token count changed", src->path);
        Token w = want->data[i], g = got.data[i];
        size_t wl = w.loc.end - w.loc.start, gl = g.loc.end - g.loc.start;
        const char *ws = src->text + w.loc.start, *gs = s2->text + g.loc.start;
        if (w.kind == TOKEN_COMMENT)
            while (wl > 1 && (ws[wl - 1] == ' ' || ws[wl - 1] == '\t' || ws[wl - 1] == '\r'))
                wl--;
        if (w.kind != g.kind || wl != gl || memcmp(ws, gs, wl) != 0) {
            int line, col;
            source_linecol(src, w.loc.start, &line, &col);
            polc_internal_error(__FILE__, __LINE__, "fmt: %s:%d:%d: a token changed", src->path,
                                line, col);
        }
    }
}

int fmt_source(Arena *a, Diag *d, Source *src, char **out, size_t *outlen)
{
    TokenList toks = {0};
    Program *prog = arena_alloc(a, sizeof *prog);
    if (parse_source_tokens(a, d, src, prog, &toks) != 0)
        return -1;
    Fmt f = {.text = src->text, .it = items_of(a, src, &toks), .n = toks.len};
    f.fr = arena_alloc(a, sizeof *f.fr * (size_t)(toks.len + 1));
    f.match = arena_alloc(a, sizeof *f.match * (size_t)(toks.len + 1));
    f.cand = arena_alloc(a, sizeof *f.cand * (size_t)(toks.len + 1));
    int *stack = arena_alloc(a, sizeof *stack * (size_t)(toks.len + 1)), depth = 0;
    for (int i = 0; i < f.n; i++) {
        int k = f.it[i].kind;
        if (k == TOK_LPAREN || k == TOK_LBRACKET || k == TOK_LBRACE)
            stack[depth++] = i;
        else if ((k == TOK_RPAREN || k == TOK_RBRACKET || k == TOK_RBRACE) && depth > 0)
            f.match[stack[--depth]] = i;
    }
    /* lay out, break the first overlong line that can be broken, again until none is left:
     * each round adds a line break, so at most one round per token */
    for (;;) {
        layout(&f);
        if (f.brk < 0)
            break;
        f.it[f.brk].nl = 1;
    }
    *out = assemble(&f, a, outlen);
    free(f.buf);
    free(f.lines);
    verify(a, src, &toks, *out, *outlen);
    return 0;
}
