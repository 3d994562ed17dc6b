/* doc.c — polc doc: a policy as one self-contained HTML page for review (DIR/index.html), read
 * from the checked AST polc check builds, its comments and its cross-reference (xref.c): the
 * notice article by article (its quoted words beside the rules that cite them), every param as
 * a dated table, ledgers in words, tests as worked examples, links from each declaration to its
 * uses; a reform first shown against its base (spec/LANGUAGE.md §16.3). */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "driver.h"
#include "parser.h"
#include "polrt.h"
#include "xref.h"

typedef struct DocArgs {
    const char *out;
} DocArgs;

#define AT(field) offsetof(DocArgs, field)
static const Opt doc_opts[] = {
    {"out", 'o', OPT_STR, AT(out), "DIR", .help = "the directory to write index.html into"},
    {0},
};
#undef AT

/* one policy file, parsed and checked, with its comments */
typedef struct Loaded {
    Diag d;
    Compiled c;
    XrefList xr;
    int ok;
} Loaded;

typedef struct Doc {
    FILE *o;
    Arena *a;
    Loaded *main, *base;       /* base: a reform's base policy, loaded on its own; or NULL */
    Program *prog;             /* what is documented (a reform: applied to its base) */
    const Policy *pol;         /* its checked policy: the outputs, their labels and roles */
    StrList articles;          /* the cited articles, in the policy's order */
    StrList anchors;           /* the ids given so far */
    VEC(const Token *) quoted; /* the comment blocks quoted in the current article */
} Doc;

static int load(Loaded *l, const char *path)
{
    diag_init(&l->d, stderr);
    driver_init(&l->c, &l->d);
    char err[512];
    Source *s = source_load(&l->c.arena, path, err, sizeof err);
    if (!s) {
        diag_plain(&l->d, "%s", err);
        return -1;
    }
    if (driver_parse_text(&l->c, path, s->text, s->len) != 0 || driver_check(&l->c) != 0)
        return -1;
    xref_build(&l->c.arena, l->c.prog, &l->xr);
    l->ok = 1;
    return 0;
}

/* ---- text helpers --------------------------------------------------------------------- */

static void esc_n(FILE *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n && s[i]; i++) {
        switch (s[i]) {
        case '<': fputs("&lt;", o); break;
        case '>': fputs("&gt;", o); break;
        case '&': fputs("&amp;", o); break;
        case '"': fputs("&quot;", o); break;
        default: fputc(s[i], o);
        }
    }
}
static void esc(FILE *o, const char *s)
{
    esc_n(o, s, s ? strlen(s) : 0);
}

static const char *node_text(Arena *ar, const Node *n)
{
    return n ? source_flat(ar, n->loc.src, n->loc.start, n->loc.end) : "";
}

static int line_of(const Source *s, uint32_t off)
{
    int line, col;
    source_linecol(s, off, &line, &col);
    return line;
}

/* the comments of the file that holds src (by path: a reform's base is parsed twice) */
static const TokenList *comments_of(const Doc *d, const Source *src)
{
    if (d->main->c.file_prog && !strcmp(d->main->c.file_prog->src->path, src->path))
        return &d->main->c.tokens;
    if (d->base && d->base->c.file_prog && !strcmp(d->base->c.file_prog->src->path, src->path))
        return &d->base->c.tokens;
    return NULL;
}

/* a comment alone on its line */
static int own_line(const Source *s, Token t)
{
    uint32_t i = t.loc.start;
    while (i > 0 && (s->text[i - 1] == ' ' || s->text[i - 1] == '\t'))
        i--;
    return i == 0 || s->text[i - 1] == '\n';
}

/* a comment's words: '#' and a rule of - or = taken off */
static const char *comment_words(Arena *ar, const Source *s, Token t)
{
    const char *p = s->text + t.loc.start + 1;
    size_t n = t.loc.end - t.loc.start - 1;
    while (n && (*p == ' ' || *p == '-' || *p == '='))
        p++, n--;
    while (n && (p[n - 1] == ' ' || p[n - 1] == '-' || p[n - 1] == '=' || p[n - 1] == '\r'))
        n--;
    return arena_strndup(ar, p, n);
}

/* the comment block right above a declaration's line (the source token index range) */
static void leading_block(const Doc *d, const Decl *dc, int *from, int *to)
{
    *from = *to = -1;
    const TokenList *tl = comments_of(d, dc->loc.src);
    if (!tl)
        return;
    const Source *s = dc->loc.src;
    int want = line_of(s, dc->loc.start) - 1, last = -1;
    for (int i = 0; i < tl->len; i++)
        if (tl->data[i].kind == TOKEN_COMMENT && own_line(s, tl->data[i]) &&
            line_of(s, tl->data[i].loc.start) == want)
            last = i;
    if (last < 0)
        return;
    int first = last;
    while (first > 0 && tl->data[first - 1].kind == TOKEN_COMMENT &&
           own_line(s, tl->data[first - 1]) &&
           line_of(s, tl->data[first - 1].loc.start) == line_of(s, tl->data[first].loc.start) - 1)
        first--;
    *from = first;
    *to = last;
}

static void prose(Doc *d, const Source *s, const TokenList *tl, int from, int to, const char *cls)
{
    if (from < 0)
        return;
    /* the lines of a comment were wrapped to fit the source's width: joined again into
     * paragraphs, a new line before a bullet or an article ("* ...", "第八条 ...") */
    int keep = !strcmp(cls, "calc");
    const char *prev = NULL;
    fprintf(d->o, "<div class=\"%s\">", cls);
    for (int i = from; i <= to; i++) {
        const char *w = comment_words(d->a, s, tl->data[i]);
        if (!*w)
            continue;
        if (prev) {
            int brk = keep || *w == '*' || *w == '-' || !strncmp(w, "第", 3);
            int cjk = (unsigned char)prev[strlen(prev) - 1] >= 0x80 && (unsigned char)*w >= 0x80;
            fputs(brk ? "<br>" : cjk ? "" : " ", d->o);
        }
        esc(d->o, w);
        prev = w;
    }
    fputs("</div>\n", d->o);
}

/* the declaration's text: from its line to the next declaration of its file, comments and
 * blank lines at the end left out */
static void decl_source(Doc *d, const Decl *dc)
{
    const Source *s = dc->loc.src;
    uint32_t start = s->line_start[line_of(s, dc->loc.start) - 1], end = (uint32_t)s->len;
    for (int i = 0; i < d->prog->decls.len; i++) {
        const Decl *o = d->prog->decls.data[i];
        if (o->loc.src == s && o->loc.start > dc->loc.start) {
            uint32_t ls = s->line_start[line_of(s, o->loc.start) - 1];
            if (ls > start && ls < end)
                end = ls;
        }
    }
    /* drop trailing blank and comment-only lines */
    for (;;) {
        uint32_t e = end;
        while (e > start && (s->text[e - 1] == '\n' || s->text[e - 1] == '\r'))
            e--;
        uint32_t ls = e;
        while (ls > start && s->text[ls - 1] != '\n')
            ls--;
        uint32_t k = ls;
        while (k < e && (s->text[k] == ' ' || s->text[k] == '\t'))
            k++;
        if (ls > start && (k == e || s->text[k] == '#')) {
            end = ls;
            continue;
        }
        end = e;
        break;
    }
    fputs("<pre class=\"src\">", d->o);
    esc_n(d->o, s->text + start, end - start);
    fputs("</pre>\n", d->o);
}

static const char *kind_word(DeclKind k)
{
    return decl_kind_name(k);
}

static const char *anchor(Arena *ar, const Decl *dc)
{
    if (dc->kind == DK_TEST || dc->kind == DK_CLAIM || dc->kind == DK_PERSON)
        return arena_printf(ar, "%s-%d", kind_word(dc->kind), dc->index);
    return arena_printf(ar, "%s-%s", kind_word(dc->kind), dc->name);
}

static void link(Doc *d, const Decl *dc)
{
    fprintf(d->o, "<a href=\"#%s\">", anchor(d->a, dc));
    if (dc->kind == DK_TEST) {
        fputs("test “", d->o);
        esc(d->o, dc->name);
        fputs("”", d->o);
    } else {
        fprintf(d->o, "%s <code>", kind_word(dc->kind));
        esc(d->o, dc->name);
        fputs("</code>", d->o);
    }
    fputs("</a>", d->o);
}

/* "Used by": every declaration that names dc, once, in the policy's order; then the tests
 * that expect a value of it */
static void uses(Doc *d, const Decl *dc)
{
    const XrefList *xr = &d->main->xr;
    int n = 0;
    for (int pass = 0; pass < 2; pass++)
        for (int k = 0; k < d->prog->decls.len; k++) {
            const Decl *in = d->prog->decls.data[k];
            if ((in->kind == DK_TEST) != pass)
                continue;
            int hit = 0;
            for (int i = 0; i < xr->len && !hit; i++)
                hit = !xr->data[i].def && xr->data[i].kind == XR_DECL && xr->data[i].decl == dc &&
                      xr->data[i].in == in && in != dc;
            if (!hit)
                continue;
            if (pass && n >= 0) {
                fputs(n ? ".</p>\n<p class=\"uses\">Expected in "
                        : "<p class=\"uses\">Expected in ",
                      d->o);
                n = -1;
            } else {
                fputs(n ? ", " : "<p class=\"uses\">Used by ", d->o);
                n += n >= 0;
            }
            if (in->kind == DK_OUTPUT)
                fputs("<a href=\"#outputs\">the outputs</a>", d->o);
            else if (in->kind == DK_REJECT)
                fputs("an input check", d->o);
            else
                link(d, in);
        }
    fputs(n ? ".</p>\n" : "<p class=\"uses\">Used by nothing else.</p>\n", d->o);
}

/* ---- articles ------------------------------------------------------------------------- */

/* "第六条、第八条" -> 第六条, 第八条 */
static void add_cites(Doc *d, const char *c)
{
    if (!c)
        return;
    const char *p = c;
    while (*p) {
        const char *e = strstr(p, "、");
        size_t n = e ? (size_t)(e - p) : strlen(p);
        const char *a = arena_strndup(d->a, p, n);
        int seen = 0;
        for (int i = 0; i < d->articles.len; i++)
            seen |= !strcmp(d->articles.data[i], a);
        if (n && !seen)
            vec_push(d->a, &d->articles, a);
        p += n;
        if (e)
            p += strlen("、");
    }
}

static int cites_article(const char *c, const char *art)
{
    if (!c)
        return 0;
    size_t n = strlen(art);
    for (const char *p = strstr(c, art); p; p = strstr(p + 1, art))
        if ((p == c || !strncmp(p - strlen("、"), "、", strlen("、"))) &&
            (p[n] == 0 || !strncmp(p + n, "、", strlen("、"))))
            return 1;
    return 0;
}

/* a comment block quotes article art: it names 第art条 (or art itself, when art is an
 * article's full name), or starts with a bare section number "三:" */
static int block_is_article(Doc *d, const Source *s, const TokenList *tl, int from, int to,
                            const char *art)
{
    int full = strstr(art, "第") != NULL || strlen(art) > 6;
    const char *pat = full ? art : arena_printf(d->a, "第%s条", art);
    for (int i = from; i <= to; i++) {
        const char *w = comment_words(d->a, s, tl->data[i]);
        if (strstr(w, pat))
            return 1;
        size_t n = strlen(art);
        if (i == from && !full && !strncmp(w, art, n) &&
            (w[n] == ':' || w[n] == ' ' || w[n] == ',' || !strncmp(w + n, "：", 3) ||
             !strncmp(w + n, "、", 3)))
            return 1;
    }
    return 0;
}

/* a citation of the notice itself: 第四条, or a bare section number (三) */
static int is_article(const char *c)
{
    return strstr(c, "第") != NULL || strlen(c) <= 6;
}

static void card(Doc *d, const Decl *dc, const char *art)
{
    /* a declaration citing two articles is shown under both; the first one is its anchor */
    const char *id = anchor(d->a, dc);
    int seen = 0;
    for (int i = 0; i < d->anchors.len; i++)
        seen |= !strcmp(d->anchors.data[i], id);
    (void)art;
    if (seen) {
        fprintf(d->o, "<div class=\"card %s\">\n", kind_word(dc->kind));
    } else {
        vec_push(d->a, &d->anchors, id);
        fprintf(d->o, "<div class=\"card %s\" id=\"%s\">\n", kind_word(dc->kind), id);
    }
    fprintf(d->o, "<h4>%s <code>", kind_word(dc->kind));
    esc(d->o, dc->name);
    fputs("</code>", d->o);
    if (dc->kind == DK_RULE && dc->label) { /* what the notice calls it (§7.4) */
        fputs(" <span class=\"label\">", d->o);
        esc(d->o, dc->label);
        fputs("</span>", d->o);
    }
    if (dc->kind == DK_RULE || dc->kind == DK_PARAM) {
        fputs(": <span class=\"type\">", d->o);
        esc(d->o, type_name(d->a, dc->ty));
        fputs("</span>", d->o);
    }
    if (dc->cites) {
        fputs(" <span class=\"cites\">", d->o);
        esc(d->o, dc->cites);
        fputs("</span>", d->o);
    }
    fputs("</h4>\n", d->o);
    int from, to;
    leading_block(d, dc, &from, &to);
    const TokenList *tl = comments_of(d, dc->loc.src);
    for (int i = 0; from >= 0 && i < d->quoted.len; i++)
        if (d->quoted.data[i] == &tl->data[from])
            from = -1; /* already beside it, in the notice's column */
    prose(d, dc->loc.src, tl, from, to, "why");
    decl_source(d, dc);
    if (dc->kind == DK_PARAM)
        fprintf(d->o,
                "<p class=\"uses\">Its dated values: <a href=\"#%s-table\">the table</a>.</p>\n",
                anchor(d->a, dc));
    uses(d, dc);
    fputs("</div>\n", d->o);
}

/* d->articles: those the policy cites, in the order the policy's text meets them (a
 * declaration's cites, or a comment line that opens with an article: # 第一条
 * 为深入贯彻落实……), the base's text first for a reform; the notice's own articles (第四条,
 * 三) first, other sources (DOMAIN.md …) after, each group in the policy's order */
static void collect_articles(Doc *d)
{
    Program *p = d->prog;
    const Loaded *files[2] = {d->base ? d->base : d->main, d->base ? d->main : NULL};
    for (int f = 0; f < 2 && files[f]; f++) {
        const TokenList *tl = &files[f]->c.tokens;
        const Source *s = files[f]->c.file_prog->src;
        uint32_t first = files[f]->c.file_prog->decls.len
                             ? files[f]->c.file_prog->decls.data[0]->loc.start
                             : (uint32_t)s->len;
        for (int t = 0; t < tl->len; t++) {
            Token tk = tl->data[t];
            if (tk.kind == TOKEN_COMMENT) {
                const char *w = comment_words(d->a, s, tk);
                const char *e = strstr(w, "条");
                if (tk.loc.start > first && !strncmp(w, "第", 3) && e && e - w <= 3 * 5 &&
                    own_line(s, tk))
                    add_cites(d, arena_strndup(d->a, w, (size_t)(e - w) + strlen("条")));
                continue;
            }
            for (int i = 0; i < p->decls.len; i++) {
                Decl *dc = p->decls.data[i];
                if (dc->loc.start != tk.loc.start || strcmp(dc->loc.src->path, s->path))
                    continue;
                if (dc->kind == DK_PARAM || dc->kind == DK_RULE)
                    add_cites(d, dc->cites);
                for (int x = 0; x < dc->excs.len; x++)
                    add_cites(d, dc->excs.data[x].cites);
            }
        }
    }
    StrList arts = {0};
    for (int pass = 0; pass < 2; pass++)
        for (int a = 0; a < d->articles.len; a++)
            if (is_article(d->articles.data[a]) == !pass)
                vec_push(d->a, &arts, d->articles.data[a]);
    d->articles = arts;
}

/* An article's left column: the comment blocks of each file that quote it, the file's opening
 * block aside (kept in d->quoted, so the cards do not repeat them). 1 when there was one. */
static int article_quotes(Doc *d, const char *art)
{
    const TokenList *lists[2] = {&d->main->c.tokens, d->base ? &d->base->c.tokens : NULL};
    const Source *srcs[2] = {d->main->c.file_prog->src, d->base ? d->base->c.file_prog->src : NULL};
    int quoted = 0;
    d->quoted.len = 0;
    for (int f = 0; f < 2; f++) {
        const TokenList *tl = lists[f];
        const Source *s = srcs[f];
        if (!tl)
            continue;
        int first_decl = (int)s->len;
        Program *fp = f == 0 ? d->main->c.file_prog : d->base->c.file_prog;
        if (fp->decls.len)
            first_decl = (int)fp->decls.data[0]->loc.start;
        for (int i = 0; i < tl->len;) {
            if (tl->data[i].kind != TOKEN_COMMENT || !own_line(s, tl->data[i])) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < tl->len && tl->data[j + 1].kind == TOKEN_COMMENT &&
                   own_line(s, tl->data[j + 1]) &&
                   line_of(s, tl->data[j + 1].loc.start) == line_of(s, tl->data[j].loc.start) + 1)
                j++;
            if ((int)tl->data[i].loc.start > first_decl && block_is_article(d, s, tl, i, j, art)) {
                prose(d, s, tl, i, j, "quote");
                vec_push(d->a, &d->quoted, &tl->data[i]);
                quoted = 1;
            }
            i = j + 1;
        }
    }
    return quoted;
}

/* An article's right column: a card for each param and rule that cites it, a line for each
 * exception that cites it where its declaration does not. 1 when there was one. */
static int article_impl(Doc *d, const char *art)
{
    Program *p = d->prog;
    int impl = 0;
    for (int i = 0; i < p->decls.len; i++) {
        Decl *dc = p->decls.data[i];
        if ((dc->kind == DK_PARAM || dc->kind == DK_RULE) && cites_article(dc->cites, art))
            card(d, dc, art), impl = 1;
        for (int x = 0; x < dc->excs.len; x++)
            if (cites_article(dc->excs.data[x].cites, art) && !cites_article(dc->cites, art)) {
                fprintf(d->o, "<p class=\"exc\">Exception <code>");
                esc(d->o, dc->excs.data[x].name);
                fputs("</code> of ", d->o);
                link(d, dc);
                fputs(": when <code>", d->o);
                esc(d->o, node_text(d->a, dc->excs.data[x].cond));
                fputs("</code> then <code>", d->o);
                esc(d->o, node_text(d->a, dc->excs.data[x].value));
                fputs("</code>.</p>\n", d->o);
                impl = 1;
            }
    }
    return impl;
}

/* the rules that cite no article, as an article of their own (nothing when there is none) */
static void uncited_rules(Doc *d)
{
    Program *p = d->prog;
    int n = 0;
    for (int i = 0; i < p->decls.len; i++) {
        Decl *dc = p->decls.data[i];
        if (dc->kind != DK_RULE || dc->cites)
            continue;
        if (!n++)
            fputs("<section class=\"article\" id=\"uncited\"><h3>Rules that cite no article</h3>"
                  "<div class=\"notice\"></div><div class=\"impl\">\n",
                  d->o);
        card(d, dc, NULL);
    }
    if (n)
        fputs("</div></section>\n", d->o);
}

/* The notice, article by article: its words as the comments quote them beside the params and
 * rules that implement it */
static void articles(Doc *d)
{
    collect_articles(d);
    fputs("<section id=\"articles\"><h2>The notice, article by article</h2>\n"
          "<p class=\"lead\">Each article the policy cites, in the policy's order: on the left "
          "the notice's words as the policy's comments quote them, on the right the parameters "
          "and rules that implement it.</p>\n",
          d->o);
    for (int a = 0; a < d->articles.len; a++) {
        const char *art = d->articles.data[a];
        if (!is_article(art) && (a == 0 || is_article(d->articles.data[a - 1])))
            fputs("<h2 id=\"sources\">Other sources the policy cites</h2>\n", d->o);
        fprintf(d->o, "<section class=\"article\" id=\"art-%d\">\n<h3>", a + 1);
        esc(d->o, art);
        fputs("</h3>\n<div class=\"notice\">\n", d->o);
        if (!article_quotes(d, art))
            fputs("<p class=\"none\">The policy quotes no text of it.</p>\n", d->o);
        fputs("</div>\n<div class=\"impl\">\n", d->o);
        if (!article_impl(d, art))
            fputs("<p class=\"none\">No parameter or rule cites it.</p>\n", d->o);
        fputs("</div>\n</section>\n", d->o);
    }
    uncited_rules(d);
    fputs("</section>\n", d->o);
}

/* ---- params, ledgers, tests ----------------------------------------------------------- */

static const char *entry_value(Arena *ar, const Version *v, const char *member)
{
    for (int e = 0; e < v->entries.len; e++)
        if (v->entries.data[e].member && !strcmp(v->entries.data[e].member, member))
            return node_text(ar, v->entries.data[e].a);
    return NULL;
}

static const char *version_value(Arena *ar, const Version *v)
{
    if (v->value)
        return node_text(ar, v->value);
    const char *t = "";
    for (int e = 0; e < v->entries.len; e++) {
        const Entry *en = &v->entries.data[e];
        t = en->member
                ? arena_printf(ar, "%s%s%s %s", t, e ? ", " : "", en->member, node_text(ar, en->a))
                : arena_printf(ar, "%s%sabove %s at %s", t, e ? "; " : "", node_text(ar, en->a),
                               node_text(ar, en->b));
    }
    return t;
}

static void cell(Doc *d, const char *now, const char *before)
{
    if (before && now && strcmp(before, now)) {
        fputs("<td class=\"changed\">", d->o);
        esc(d->o, now);
        fputs(" <span class=\"was\">was ", d->o);
        esc(d->o, before);
        fputs("</span></td>", d->o);
    } else {
        fputs("<td>", d->o);
        esc(d->o, now ? now : "");
        fputs("</td>", d->o);
    }
}

/* a param's versions as a table: one row a version, one column a member (a table param) */
static void param_table(Doc *d, const Decl *p, const char *id)
{
    fprintf(d->o, "<table class=\"versions\"%s%s%s><thead><tr><th>from</th><th>to</th>",
            id ? " id=\"" : "", id ? id : "", id ? "\"" : "");
    const Decl *en = p->index_enum;
    if (en)
        for (int m = 0; m < en->members.len; m++) {
            fputs("<th>", d->o);
            esc(d->o, en->members.data[m].name);
            if (en->members.data[m].label) {
                fputs("<br><span class=\"label\">", d->o);
                esc(d->o, en->members.data[m].label);
                fputs("</span>", d->o);
            }
            fputs("</th>", d->o);
        }
    else
        fputs("<th>value</th>", d->o);
    fputs("</tr></thead><tbody>\n", d->o);
    for (int i = 0; i < p->versions.len; i++) {
        const Version *v = &p->versions.data[i], *pv = i ? &p->versions.data[i - 1] : NULL;
        fputs("<tr><td class=\"from\">", d->o);
        esc(d->o, v->from ? v->from->text : "");
        fputs("</td><td class=\"to\">", d->o);
        const char *end = ast_version_end(d->a, p, i);
        esc(d->o, end ? end : "open");
        fputs("</td>", d->o);
        if (en && v->is_table)
            for (int m = 0; m < en->members.len; m++)
                cell(d, entry_value(d->a, v, en->members.data[m].name),
                     pv && pv->is_table ? entry_value(d->a, pv, en->members.data[m].name) : NULL);
        else
            cell(d, version_value(d->a, v), pv ? version_value(d->a, pv) : NULL);
        fputs("</tr>\n", d->o);
    }
    fputs("</tbody></table>\n", d->o);
}

static void params(Doc *d)
{
    fputs("<section id=\"params\"><h2>Parameters</h2>\n<p class=\"lead\">Every number of the "
          "policy, with the dates it holds from: a claim takes the row in force on its date. A "
          "changed value shows what it was.</p>\n",
          d->o);
    for (int i = 0; i < d->prog->decls.len; i++) {
        Decl *p = d->prog->decls.data[i];
        if (p->kind != DK_PARAM)
            continue;
        fprintf(d->o, "<div class=\"param\"><h3><a href=\"#%s\"><code>", anchor(d->a, p));
        esc(d->o, p->name);
        fputs("</code></a>", d->o);
        if (p->index_name) {
            fputs(" by ", d->o);
            esc(d->o, p->index_name);
        }
        fputs(": ", d->o);
        esc(d->o, type_name(d->a, p->ty));
        if (p->cites) {
            fputs(" <span class=\"cites\">", d->o);
            esc(d->o, p->cites);
            fputs("</span>", d->o);
        }
        fputs("</h3>\n", d->o);
        param_table(d, p, arena_printf(d->a, "%s-table", anchor(d->a, p)));
        fputs("</div>\n", d->o);
    }
    fputs("</section>\n", d->o);
}

/* the declarations of that kind the policy has */
static int count_decls(const Doc *d, DeclKind kind)
{
    int n = 0;
    for (int i = 0; i < d->prog->decls.len; i++)
        n += d->prog->decls.data[i]->kind == kind;
    return n;
}

static void ledgers(Doc *d)
{
    fputs("<section id=\"ledgers\"><h2>Ledgers</h2>\n", d->o);
    /* an empty section read as if its text were missing; the contents still link here */
    if (!count_decls(d, DK_LEDGER))
        fputs("<p class=\"lead\">None: no claim carries anything over to the next.</p>\n", d->o);
    for (int i = 0; i < d->prog->decls.len; i++) {
        Decl *l = d->prog->decls.data[i];
        if (l->kind != DK_LEDGER)
            continue;
        fprintf(d->o, "<div class=\"card ledger\" id=\"%s\"><h4>ledger <code>", anchor(d->a, l));
        esc(d->o, l->name);
        fputs("</code></h4>\n<p>For each person", d->o);
        if (l->key) {
            fputs(" and each calendar year of <code>", d->o);
            esc(d->o, node_text(d->a, l->key));
            fputs("</code> (a new year starts every field at zero)", d->o);
        }
        fputs(", it keeps:</p>\n<ul>\n", d->o);
        for (int f = 0; f < l->fields.len; f++) {
            Field *fl = &l->fields.data[f];
            fputs("<li><code>", d->o);
            esc(d->o, fl->name);
            fputs("</code> (", d->o);
            esc(d->o, type_name(d->a, fl->ty));
            fputs(fl->accumulate ? "): the sum, over the claims, of <code>"
                                 : "): the value of <code>",
                  d->o);
            esc(d->o, node_text(d->a, fl->update));
            fputs(fl->accumulate ? "</code>" : "</code> on the latest claim", d->o);
            fputs(".</li>\n", d->o);
        }
        fputs("</ul>\n", d->o);
        int from, to;
        leading_block(d, l, &from, &to);
        prose(d, l->loc.src, comments_of(d, l->loc.src), from, to, "why");
        uses(d, l);
        fputs("</div>\n", d->o);
    }
    fputs("</section>\n", d->o);
}

/* a test item's fields: names above, values below */
static void kv_table(Doc *d, const TestItem *t)
{
    if (!t->kvs.len)
        return;
    fputs("<table class=\"kv\"><thead><tr>", d->o);
    for (int k = 0; k < t->kvs.len; k++) {
        const KV *kv = &t->kvs.data[k];
        fputs("<th>", d->o);
        esc(d->o, kv->name);
        if (kv->sub) {
            fputs(".", d->o);
            esc(d->o, kv->sub);
        }
        fputs("</th>", d->o);
    }
    fputs("</tr></thead><tbody><tr>", d->o);
    for (int k = 0; k < t->kvs.len; k++) {
        fputs("<td>", d->o);
        esc(d->o, node_text(d->a, t->kvs.data[k].value));
        fputs("</td>", d->o);
    }
    fputs("</tr></tbody></table>\n", d->o);
}

static void tests(Doc *d)
{
    fputs("<section id=\"tests\"><h2>Worked examples</h2>\n", d->o);
    if (!count_decls(d, DK_TEST))
        fputs("<p class=\"lead\">None: the policy has no test cases.</p>\n", d->o);
    else
        fputs("<p class=\"lead\">The policy's own test cases (<code>polc test</code> checks "
              "every expected amount).</p>\n",
              d->o);
    for (int i = 0; i < d->prog->decls.len; i++) {
        Decl *t = d->prog->decls.data[i];
        if (t->kind != DK_TEST)
            continue;
        fprintf(d->o, "<div class=\"card test\" id=\"%s\"><h4>", anchor(d->a, t));
        esc(d->o, t->name);
        fputs("</h4>\n", d->o);
        const Source *s = t->loc.src;
        const TokenList *tl = comments_of(d, s);
        /* the test's closing brace */
        uint32_t end = (uint32_t)s->len;
        for (int j = 0, depth = 0, open = 0; tl && j < tl->len; j++) {
            Token tk = tl->data[j];
            if (tk.loc.start < t->loc.start)
                continue;
            depth += tk.kind == TOK_LBRACE ? 1 : tk.kind == TOK_RBRACE ? -1 : 0;
            open |= depth > 0;
            if (open && depth == 0) {
                end = tk.loc.start;
                break;
            }
        }
        int c = 0;
        for (int k = 0; k < t->items.len; k++) {
            const TestItem *it = &t->items.data[k];
            /* the comments before this item: the worked calculation */
            for (; tl && c < tl->len; c++) {
                Token tk = tl->data[c];
                if (tk.loc.start >= it->loc.start)
                    break;
                if (tk.kind == TOKEN_COMMENT && tk.loc.start > t->loc.start)
                    prose(d, s, tl, c, c, "calc");
            }
            switch (it->kind) {
            case TI_PERSON: fputs("<p class=\"item\">person <b>", d->o); break;
            case TI_HISTORY: fputs("<p class=\"item\">history of <b>", d->o); break;
            case TI_CLAIM: fputs("<p class=\"item\">claim <b>", d->o); break;
            case TI_EXPECT:
            case TI_EXPECT_FAIL: fputs("<p class=\"item expect\">expected for <b>", d->o); break;
            }
            esc(d->o, it->name);
            fputs("</b>", d->o);
            if (it->of) {
                fputs(" of ", d->o);
                esc(d->o, it->of);
            }
            if (it->kind == TI_EXPECT_FAIL) {
                fputs(": fails with “", d->o);
                esc(d->o, it->fail_text);
                fputs("”", d->o);
            }
            fputs("</p>\n", d->o);
            kv_table(d, it);
        }
        for (; tl && c < tl->len; c++)
            if (tl->data[c].kind == TOKEN_COMMENT && tl->data[c].loc.start > t->loc.start &&
                tl->data[c].loc.start < end)
                prose(d, s, tl, c, c, "calc");
        fputs("</div>\n", d->o);
    }
    fputs("</section>\n", d->o);
}

/* ---- a reform against its base -------------------------------------------------------- */

static Decl *find_decl(Program *p, DeclKind k, const char *name)
{
    for (int i = 0; i < p->decls.len; i++)
        if (p->decls.data[i]->kind == k && !strcmp(p->decls.data[i]->name, name))
            return p->decls.data[i];
    return NULL;
}

static void changes(Doc *d)
{
    Program *rf = d->main->c.file_prog, *bp = d->base->c.prog;
    fputs("<section id=\"changes\"><h2>What this reform changes</h2>\n<p class=\"lead\">", d->o);
    fputs("Against its base policy <b>", d->o);
    esc(d->o, bp->name);
    fputs("</b> (", d->o);
    esc(d->o, d->main->c.base_path);
    fputs("). The rest of this document is the policy with the reform applied.</p>\n", d->o);
    /* the reform's opening comment: what it is for */
    const TokenList *tl = &d->main->c.tokens;
    int n = 0;
    while (n < tl->len && tl->data[n].kind == TOKEN_COMMENT)
        n++;
    if (n)
        prose(d, rf->src, tl, 0, n - 1, "why");
    for (int i = 0; i < rf->decls.len; i++) {
        Decl *r = rf->decls.data[i];
        if (r->kind == DK_TEST || r->kind == DK_OUTPUT)
            continue;
        Decl *b = find_decl(bp, r->kind, r->name);
        Decl *now = find_decl(d->prog, r->kind, r->name);
        fputs("<div class=\"change\"><h3>", d->o);
        fputs(b ? "changes " : "adds ", d->o);
        fprintf(d->o, "%s <code>", kind_word(r->kind));
        esc(d->o, r->name);
        fputs("</code></h3>\n", d->o);
        if (r->kind == DK_PARAM && b && now) {
            fputs("<p>Base:</p>\n", d->o);
            param_table(d, b, NULL);
            fputs("<p>With the reform:</p>\n", d->o);
            param_table(d, now, NULL);
        } else {
            if (b) {
                fputs("<p>Base:</p>\n", d->o);
                Program *keep = d->prog;
                d->prog = bp;
                decl_source(d, b);
                d->prog = keep;
            }
            fputs("<p>With the reform:</p>\n", d->o);
            Program *keep = d->prog;
            d->prog = rf;
            decl_source(d, r);
            d->prog = keep;
        }
        fputs("</div>\n", d->o);
    }
    fputs("</section>\n", d->o);
}

/* ---- the page ------------------------------------------------------------------------- */

static const char css[] =
    "body{font:15px/1.55 \"Noto Sans CJK SC\",\"Source Han Sans SC\",\"WenQuanYi Micro Hei\","
    "\"PingFang SC\",\"Microsoft YaHei\",sans-serif;color:#1d1d1f;margin:0;background:#fafafa}\n"
    "header{background:#17324d;color:#fff;padding:24px 40px}header h1{margin:0 0 6px;font-size:"
    "26px}header .meta{margin:0;opacity:.85}\n"
    "nav.toc{padding:10px 40px;background:#e8eef4;border-bottom:1px solid #cfd8e3}nav.toc a{margin-"
    "right:18px;color:#17324d}\n"
    "main{padding:8px 40px 40px;max-width:1400px}h2{border-bottom:2px solid #17324d;padding-bottom:"
    "4px;margin-top:36px}\n"
    ".lead{color:#555}.article{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr);"
    "gap:20px;border-top:1px solid #ddd;padding:12px 0}.article h3{grid-column:1/-1;margin:0;"
    "color:#7a1f1f;font-size:20px}\n"
    ".notice .quote{background:#fffbe8;border-left:4px solid #c9a227;padding:8px 12px;margin:0 0 "
    "10px;font-size:14px}.none{color:#888;font-style:italic}\n"
    ".card{background:#fff;border:1px solid #d5dbe1;border-radius:6px;padding:10px 14px;margin:0 0 "
    "12px}.card h4{margin:0 0 6px;font-size:15px}.type{color:#2b6a3f}.cites{background:#f3e5e5;"
    "color:#7a1f1f;border-radius:3px;padding:0 6px;font-size:13px;margin-left:6px}\n"
    ".why{color:#444;font-size:13.5px;margin-bottom:6px}pre.src{background:#f4f6f8;padding:8px;"
    "overflow-x:auto;font:12.5px/1.45 \"Noto Sans Mono CJK SC\",\"DejaVu Sans Mono\",monospace;"
    "white-space:pre-wrap;margin:6px 0}\n"
    ".uses{font-size:13px;color:#555;margin:4px 0 0}.exc{font-size:13.5px}\n"
    "table{border-collapse:collapse;margin:6px 0 14px;font-size:13.5px}th,td{border:1px solid "
    "#c8d0d8;padding:3px 8px;text-align:left;vertical-align:top}thead th{background:#e8eef4}\n"
    "td.changed{background:#e6f4ea;font-weight:600}.was{font-weight:400;color:#8a4b00;font-size:"
    "12px}.label{font-weight:400;color:#555;font-size:12px}td.from,td.to{white-space:nowrap}\n"
    ".test .item{margin:8px 0 2px}.test .expect{color:#17324d}.calc{font-size:13px;color:#555;"
    "font-family:monospace;margin:2px 0}.change{border-left:4px solid #2b6a3f;padding-left:12px}\n"
    "a{color:#1a5fa0}code{font-family:\"Noto Sans Mono CJK SC\",\"DejaVu Sans Mono\",monospace}\n"
    "@media print{@page{size:A4;margin:16mm 14mm}body{font-size:10pt;background:#fff}header{"
    "background:none;color:#000;padding:0 0 6pt;border-bottom:2pt solid #000}nav.toc{display:"
    "none}main{padding:0;max-width:none}.card,.change,tr,.quote{break-inside:avoid}h2,h3,h4{"
    "break-after:avoid}.article{grid-template-columns:minmax(0,2fr) minmax(0,3fr);gap:10pt}"
    "section#params,section#ledgers,section#tests{break-before:page}a{color:#000;text-decoration:"
    "none}pre.src{font-size:8.5pt}}\n";

/* The outputs, a row each in the results' column order: the column's heading, the rule, its
 * type and its role, what reports count it as (spec/LANGUAGE.md §7.5) */
static void outputs(Doc *d)
{
    FILE *o = d->o;
    fputs("<section id=\"outputs\"><h2>Outputs</h2>\n<p>What a settled claim reports, a column "
          "each, in this order; the role says which amounts the simulation report counts as a "
          "fund's cost.</p>\n<table class=\"outputs\"><thead><tr><th>#</th><th>column</th>"
          "<th>rule</th><th>type</th><th>role</th></tr></thead>\n<tbody>\n",
          o);
    for (int k = 0; k < d->pol->outputs.len; k++) {
        const Decl *r = d->pol->outputs.data[k];
        const char *heading, *role;
        xref_output(d->pol, r, &heading, &role);
        fprintf(o, "<tr><td>%d</td><td>", k + 1);
        esc(o, heading);
        fputs("</td><td>", o);
        link(d, r);
        fputs("</td><td class=\"type\">", o);
        esc(o, type_name(d->a, r->ty));
        fputs("</td><td>", o);
        esc(o, role);
        fputs("</td></tr>\n", o);
    }
    fputs("</tbody></table>\n</section>\n", o);
}

static void page(Doc *d)
{
    Program *p = d->prog;
    FILE *o = d->o;
    fputs("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>", o);
    esc(o, d->main->c.reform_name ? d->main->c.reform_name : p->name);
    fprintf(o, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<header><h1>", css);
    esc(o, d->main->c.reform_name ? d->main->c.reform_name : p->name);
    fputs("</h1><p class=\"meta\">", o);
    if (d->main->c.reform_name) {
        fputs("a reform of ", o);
        esc(o, p->name);
        fputs(" · ", o);
    }
    if (p->source_doc) {
        esc(o, p->source_doc);
        fputs(" · ", o);
    }
    if (p->valid_from) {
        fputs("in force from ", o);
        esc(o, p->valid_from->text);
        if (p->valid_to) {
            fputs(" to ", o);
            esc(o, p->valid_to->text);
        }
    }
    if (p->dated_by) {
        fputs(" · a claim is dated by <code>claim.", o);
        esc(o, p->dated_by);
        fputs("</code>", o);
    }
    fputs("</p></header>\n<nav class=\"toc\">", o);
    if (d->base)
        fputs("<a href=\"#changes\">What the reform changes</a>", o);
    fputs("<a href=\"#articles\">Articles</a><a href=\"#params\">Parameters</a><a "
          "href=\"#ledgers\">Ledgers</a><a href=\"#outputs\">Outputs</a><a href=\"#tests\">Worked "
          "examples</a></nav>\n<main>\n",
          o);
    if (d->base)
        changes(d);
    /* the file's opening comment: what the policy is */
    const Loaded *head = d->base ? d->base : d->main;
    const TokenList *tl = &head->c.tokens;
    const Source *s = head->c.file_prog->src;
    int n = 0;
    while (n < tl->len && tl->data[n].kind == TOKEN_COMMENT)
        n++;
    if (n) {
        fputs("<section id=\"about\"><h2>About this policy</h2>\n", o);
        prose(d, s, tl, 0, n - 1, "why");
        fputs("</section>\n", o);
    }
    articles(d);
    params(d);
    ledgers(d);
    outputs(d);
    tests(d);
    fprintf(o, "</main>\n<footer><p class=\"lead\">&nbsp;Made by %s from ", POLC_VERSION_STRING);
    esc(o, d->main->c.path);
    fputs(".</p></footer>\n</body>\n</html>\n", o);
}

int cmd_doc(const Command *cmd, int argc, char **argv)
{
    DocArgs a;
    char **pol;
    int npol, rc = opts_parse(cmd, doc_opts, argc, argv, &a, &pol, &npol);
    if (rc != OPTS_PARSED)
        return rc;
    if (npol != 1)
        return opts_usage_error(cmd, doc_opts, "give one POLICY");
    if (!a.out)
        return opts_usage_error(cmd, doc_opts, "-o DIR is required");
    Loaded main_l = {0}, base_l = {0};
    Doc d = {0};
    rc = EXIT_POLICY;
    if (load(&main_l, pol[0]) != 0)
        goto out;
    d.main = &main_l;
    d.a = &main_l.c.arena;
    d.prog = main_l.c.prog;
    d.pol = &main_l.c.pol;
    if (main_l.c.base_path) {
        if (load(&base_l, main_l.c.base_path) != 0)
            goto out;
        d.base = &base_l;
    }
    if (mkdir(a.out, 0777) != 0 && errno != EEXIST) {
        int e = errno; /* a missing parent is the command line's (2); no permission, 4 */
        fprintf(stderr, "polc: doc: cannot create %s: %s\n", a.out, strerror(e));
        rc = polrt_exit_for_errno(e);
        goto out;
    }
    char *html = NULL;
    size_t len = 0;
    d.o = open_memstream(&html, &len);
    page(&d);
    fclose(d.o);
    char err[512];
    const char *path = arena_printf(d.a, "%s/index.html", a.out);
    PolOut *w = polrt_out_open(path, 0, err, sizeof err);
    /* polrt_out_commit frees w, failed or not: only a failed write is aborted */
    int wrc = w ? polrt_out_write(w, html, len, err, sizeof err) : -1;
    if (w && wrc != 0)
        polrt_out_abort(w);
    else if (w)
        wrc = polrt_out_commit(w, err, sizeof err);
    if (wrc != 0) {
        int e = errno;
        fprintf(stderr, "polc: doc: %s\n", err);
        rc = polrt_exit_for_errno(e);
    } else {
        rc = EXIT_OK;
    }
    free(html);
out:
    if (main_l.c.diag)
        driver_free(&main_l.c);
    if (base_l.c.diag)
        driver_free(&base_l.c);
    return rc;
}
