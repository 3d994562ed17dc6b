/* lsp.c — polc lsp: a Language Server (LSP 3.17) over standard input and output, JSON-RPC with
 * cJSON. Each open document is analysed by the driver, as polc check does (the same parser,
 * the same checker: driver_parse_text on the editor's buffer), then cross-referenced (xref.c):
 * diagnostics with their notes, hover, definition, references, completion, the outline, and
 * formatting through polc fmt. Positions are UTF-16 code units, the protocol's default. */
#include "cli.h"

#include <cjson/cJSON.h>
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "driver.h"
#include "fmt.h"
#include "xref.h"

/* A message larger than this is refused: a policy is a few hundred KB at most; 64 MiB is
 * SOURCE_MAX_BYTES, the largest file polc reads at all. */
#define LSP_MAX_MESSAGE (64u * 1024 * 1024)

/* JSON-RPC and LSP error codes */
enum { RPC_PARSE_ERROR = -32700, RPC_INVALID_REQUEST = -32600, RPC_METHOD_NOT_FOUND = -32601 };
/* LSP enumerations used here */
enum { SEV_ERROR = 1, SEV_WARNING = 2 };
enum {
    CK_FUNCTION = 3,
    CK_FIELD = 5,
    CK_VARIABLE = 6,
    CK_ENUM = 13,
    CK_KEYWORD = 14,
    CK_ENUM_MEMBER = 20,
    CK_CONSTANT = 21,
    CK_STRUCT = 22,
};
enum {
    SK_CLASS = 5,
    SK_FIELD = 8,
    SK_ENUM = 10,
    SK_FUNCTION = 12,
    SK_CONSTANT = 14,
    SK_NAMESPACE = 3,
    SK_ENUM_MEMBER = 22,
    SK_STRUCT = 23,
    SK_EVENT = 24,
};

typedef struct Msg { /* one diagnostic the checker gave */
    const char *sev;
    Loc loc;
    const char *text;
} Msg;

/* one analysis of a document's text */
typedef struct Analysis {
    Diag d;
    Compiled c;
    VEC(Msg) msgs;
    XrefList xr;
    Source *src; /* the document's own source (NULL when nothing parsed) */
    int ok;      /* parsed and checked with no error */
} Analysis;

typedef struct Doc {
    char *uri, *path, *text;
    size_t len;
    Analysis *an;   /* of the current text */
    Analysis *good; /* the last analysis that parsed (completion while typing) */
} Doc;

typedef struct Server {
    Doc *docs;
    int ndocs, cap;
    int shutdown;
    FILE *in, *out;
} Server;

/* ---- transport ---------------------------------------------------------------------- */

/* one message: "Content-Length: N" and other headers, an empty line, N bytes of JSON. NULL
 * at the end of input; *bad = 1 for a message that could not be read as JSON */
static cJSON *read_message(FILE *in, int *bad)
{
    char line[256];
    size_t len = 0;
    int have = 0;
    *bad = 0;
    for (;;) {
        if (!fgets(line, sizeof line, in))
            return NULL;
        if (!strcmp(line, "\r\n") || !strcmp(line, "\n"))
            break;
        if (!strncasecmp(line, "Content-Length:", 15)) {
            len = strtoul(line + 15, NULL, 10);
            have = 1;
        }
    }
    if (!have || len > LSP_MAX_MESSAGE) {
        *bad = 1;
        return NULL;
    }
    char *buf = malloc(len + 1);
    if (!buf || fread(buf, 1, len, in) != len) {
        free(buf);
        return NULL;
    }
    buf[len] = 0;
    cJSON *j = cJSON_ParseWithLength(buf, len);
    free(buf);
    if (!j)
        *bad = 1;
    return j;
}

static void send(Server *s, cJSON *msg)
{
    char *txt = cJSON_PrintUnformatted(msg);
    fprintf(s->out, "Content-Length: %zu\r\n\r\n%s", strlen(txt), txt);
    fflush(s->out);
    free(txt);
    cJSON_Delete(msg);
}

static void respond(Server *s, const cJSON *id, cJSON *result)
{
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "jsonrpc", "2.0");
    cJSON_AddItemToObject(m, "id", id ? cJSON_Duplicate(id, 1) : cJSON_CreateNull());
    cJSON_AddItemToObject(m, "result", result ? result : cJSON_CreateNull());
    send(s, m);
}

static void respond_error(Server *s, const cJSON *id, int code, const char *text)
{
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "jsonrpc", "2.0");
    cJSON_AddItemToObject(m, "id", id ? cJSON_Duplicate(id, 1) : cJSON_CreateNull());
    cJSON *e = cJSON_AddObjectToObject(m, "error");
    cJSON_AddNumberToObject(e, "code", code);
    cJSON_AddStringToObject(e, "message", text);
    send(s, m);
}

/* ---- URIs and positions ------------------------------------------------------------- */

static int hexval(int c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* file:///a/%E6%BD%98.pol -> /a/潘.pol; another scheme is kept as it is (an untitled buffer) */
static char *uri_to_path(const char *uri)
{
    if (strncmp(uri, "file://", 7) != 0)
        return strdup(uri);
    const char *p = uri + 7;
    char *out = malloc(strlen(p) + 1), *o = out;
    for (; *p; p++) {
        if (*p == '%' && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
            *o++ = (char)(hexval(p[1]) * 16 + hexval(p[2]));
            p += 2;
        } else {
            *o++ = *p;
        }
    }
    *o = 0;
    return out;
}

static char *path_to_uri(Arena *a, const char *path)
{
    char real[PATH_MAX];
    /* a reform's base: "dir/../base.pol", or relative to the server's folder when the reform
     * is an untitled buffer ("./base.pol", no URI an editor can open) */
    size_t scheme =
        strspn(path, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");
    if ((path[0] != '/' || strstr(path, "/../")) && !(scheme && path[scheme] == ':') &&
        realpath(path, real))
        path = real;
    if (path[0] != '/') /* untitled:Untitled-1: the editor's own name */
        return arena_strdup(a, path);
    char *out = arena_alloc(a, strlen(path) * 3 + 8), *o = out;
    o += sprintf(o, "file://");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("/-._~", *p))
            *o++ = (char)*p;
        else
            o += sprintf(o, "%%%02X", *p);
    }
    *o = 0;
    return out;
}

/* Positions are in the text the editor holds. A byte order mark that text starts with is a
 * character of its line 0 there (U+FEFF, one UTF-16 unit), though the checker's line table
 * starts line 1 after it (for a diagnostic's echo): so line 0 of a text the editor sent is
 * counted from byte 0. A file the server read itself (a reform's base) is counted from after
 * its mark, as an editor that opens it decodes the mark away. */
static uint32_t line_begin(const Source *s, int line, int held)
{
    return line == 0 && held ? 0 : s->line_start[line];
}

/* the character of t at byte i: the byte after it, and *u grown by its UTF-16 units (a byte
 * that starts no valid UTF-8 sequence one) */
static uint32_t next_char(const char *t, size_t len, uint32_t i, int *u)
{
    uint32_t cp;
    int k = utf8_decode((const unsigned char *)t + i, len - i, &cp);
    if (!k)
        k = 1, cp = 0;
    *u += cp >= 0x10000 ? 2 : 1;
    return i + (uint32_t)k;
}

/* byte offset -> line (0-based) and character (UTF-16 units); held: s is the text the
 * editor sent */
static void off_to_pos(const Source *s, uint32_t off, int held, int *line, int *ch)
{
    int lo = 0, hi = s->nlines - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (s->line_start[mid] <= off)
            lo = mid;
        else
            hi = mid - 1;
    }
    *line = lo;
    uint32_t b = line_begin(s, lo, held);
    int u = 0;
    for (uint32_t i = b, end = off < s->len ? off : (uint32_t)s->len; i < end;)
        i = next_char(s->text, s->len, i, &u);
    *ch = u;
}

/* line (0-based) and character (UTF-16 units) in the text the editor holds -> byte offset; a
 * character past the line's end is its end (LSP: "defaults back to the line length") */
static uint32_t pos_to_off(const char *t, size_t len, int line, int ch)
{
    uint32_t i = 0;
    for (int l = 0; l < line && i < len; i++)
        if (t[i] == '\n')
            l++;
    if (line < 0)
        return 0;
    for (int u = 0; u < ch && i < len && t[i] != '\n';)
        i = next_char(t, len, i, &u);
    return i;
}

static cJSON *position(int line, int ch)
{
    cJSON *p = cJSON_CreateObject();
    cJSON_AddNumberToObject(p, "line", line);
    cJSON_AddNumberToObject(p, "character", ch);
    return p;
}

/* l as an LSP range; held: the source of the text the editor sent (its positions count a
 * leading byte order mark) */
static cJSON *range_of(Loc l, const Source *held)
{
    cJSON *r = cJSON_CreateObject();
    int l1 = 0, c1 = 0, l2 = 0, c2 = 0;
    if (l.src) {
        off_to_pos(l.src, l.start, l.src == held, &l1, &c1);
        off_to_pos(l.src, l.end, l.src == held, &l2, &c2);
    }
    cJSON_AddItemToObject(r, "start", position(l1, c1));
    cJSON_AddItemToObject(r, "end", position(l2, c2));
    return r;
}

static cJSON *location(Analysis *an, Loc l)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "uri", path_to_uri(&an->c.arena, l.src->path));
    cJSON_AddItemToObject(o, "range", range_of(l, an->src));
    return o;
}

/* ---- analysis ----------------------------------------------------------------------- */

static void collect(void *ctx, const char *sev, Loc loc, const char *msg)
{
    Analysis *an = ctx;
    vec_push(&an->c.arena, &an->msgs, ((Msg){sev, loc, arena_strdup(&an->c.arena, msg)}));
}

static void analysis_free(Analysis *an)
{
    if (!an)
        return;
    driver_free(&an->c);
    free(an);
}

/* parse and check the document's text as polc check would, then cross-reference it */
static Analysis *analyse(Doc *doc)
{
    Analysis *an = calloc(1, sizeof *an);
    diag_init(&an->d, NULL);
    an->d.sink = collect;
    an->d.sink_ctx = an;
    driver_init(&an->c, &an->d);
    int ok = driver_parse_text(&an->c, doc->path, doc->text, doc->len) == 0;
    if (an->c.file_prog)
        an->src = an->c.file_prog->src;
    if (ok)
        ok = driver_check(&an->c) == 0;
    an->ok = ok;
    Program *p = an->c.prog ? an->c.prog : an->c.file_prog;
    if (p)
        xref_build(&an->c.arena, p, &an->xr);
    /* a reform's param changes were merged into the base's param: its name names that one */
    if (an->c.prog && an->c.file_prog && an->c.prog != an->c.file_prog)
        for (int i = 0; i < an->c.file_prog->decls.len; i++) {
            Decl *r = an->c.file_prog->decls.data[i];
            for (int j = 0; r->kind == DK_PARAM && j < an->c.prog->decls.len; j++) {
                Decl *b = an->c.prog->decls.data[j];
                if (b != r && b->kind == DK_PARAM && !strcmp(b->name, r->name))
                    vec_push(&an->c.arena, &an->xr, ((Xref){r->loc, XR_DECL, b, -1, 0, b}));
            }
        }
    if (ok) /* polc check's warnings, from the same place (its unused rules: this xref) */
        driver_warnings(&an->c, &an->xr);
    return an;
}

static Doc *find_doc(Server *s, const char *uri)
{
    for (int i = 0; i < s->ndocs; i++)
        if (!strcmp(s->docs[i].uri, uri))
            return &s->docs[i];
    return NULL;
}

/* a publishDiagnostics notification for uri; *arr: its list, empty */
static cJSON *diagnostics_msg(const char *uri, cJSON **arr)
{
    cJSON *m = cJSON_CreateObject();
    cJSON_AddStringToObject(m, "jsonrpc", "2.0");
    cJSON_AddStringToObject(m, "method", "textDocument/publishDiagnostics");
    cJSON *p = cJSON_AddObjectToObject(m, "params");
    cJSON_AddStringToObject(p, "uri", uri);
    *arr = cJSON_AddArrayToObject(p, "diagnostics");
    return m;
}

static void publish(Server *s, Doc *doc)
{
    Analysis *an = doc->an;
    cJSON *arr, *m = diagnostics_msg(doc->uri, &arr);
    cJSON *last = NULL;
    for (int i = 0; i < an->msgs.len; i++) {
        Msg *g = &an->msgs.data[i];
        const char *text = g->text;
        Loc l = g->loc;
        if (l.src && l.src != an->src) { /* in another file (a reform's base): say where */
            int line, col;
            source_linecol(l.src, l.start, &line, &col);
            text = arena_printf(&an->c.arena, "%s:%d:%d: %s", l.src->path, line, col, g->text);
        }
        if (!strcmp(g->sev, "note")) {
            if (!last || !l.src)
                continue;
            cJSON *rel = cJSON_GetObjectItem(last, "relatedInformation");
            if (!rel)
                rel = cJSON_AddArrayToObject(last, "relatedInformation");
            cJSON *ri = cJSON_CreateObject();
            cJSON_AddItemToObject(ri, "location", location(an, l));
            cJSON_AddStringToObject(ri, "message", g->text);
            cJSON_AddItemToArray(rel, ri);
            continue;
        }
        cJSON *dg = cJSON_CreateObject();
        cJSON_AddItemToObject(dg, "range",
                              range_of(l.src == an->src ? l : (Loc){an->src, 0, 0}, an->src));
        cJSON_AddNumberToObject(dg, "severity",
                                !strcmp(g->sev, "warning") ? SEV_WARNING : SEV_ERROR);
        cJSON_AddStringToObject(dg, "source", "polc");
        cJSON_AddStringToObject(dg, "message", text);
        cJSON_AddItemToArray(arr, dg);
        last = dg;
    }
    send(s, m);
}

/* analyse the document's text and publish its diagnostics */
static void reanalyse(Server *s, Doc *doc)
{
    if (doc->an && doc->an != doc->good)
        analysis_free(doc->an);
    doc->an = analyse(doc);
    if (doc->an->c.prog || doc->an->ok) {
        if (doc->good && doc->good != doc->an)
            analysis_free(doc->good);
        doc->good = doc->an;
    }
    publish(s, doc);
}

/* a new text for the document: analyse it and publish its diagnostics */
static void update(Server *s, const char *uri, const char *text)
{
    Doc *doc = find_doc(s, uri);
    if (!doc) {
        if (s->ndocs == s->cap) {
            s->cap = s->cap ? s->cap * 2 : 8;
            s->docs = realloc(s->docs, sizeof *s->docs * (size_t)s->cap);
        }
        doc = &s->docs[s->ndocs++];
        memset(doc, 0, sizeof *doc);
        doc->uri = strdup(uri);
        doc->path = uri_to_path(uri);
    }
    free(doc->text);
    doc->text = strdup(text);
    doc->len = strlen(text);
    reanalyse(s, doc);
}

/* A document saved: a reform open beside it reads its base from disk, so analyse each open
 * reform again (its base may be the file saved; an error there fixed must go from it). */
static void saved(Server *s, const char *uri)
{
    for (int i = 0; i < s->ndocs; i++) {
        Doc *d = &s->docs[i];
        if (strcmp(d->uri, uri) != 0 && d->an->c.file_prog && d->an->c.file_prog->is_reform)
            reanalyse(s, d);
    }
}

/* the document's diagnostics cleared: the client owns none of them (LSP: the server's to
 * clear), so a closed or renamed file would keep its errors in the problems list */
static void unpublish(Server *s, const char *uri)
{
    cJSON *arr;
    send(s, diagnostics_msg(uri, &arr));
}

static void close_doc(Server *s, const char *uri)
{
    Doc *doc = find_doc(s, uri);
    if (!doc)
        return;
    if (doc->good != doc->an)
        analysis_free(doc->good);
    analysis_free(doc->an);
    free(doc->uri);
    free(doc->path);
    free(doc->text);
    *doc = s->docs[--s->ndocs];
}

/* ---- requests on a position --------------------------------------------------------- */

static const char *str(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}
static int num(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsNumber(v) ? v->valueint : -1;
}

/* the document and byte offset a textDocument/position request names */
static Doc *doc_at(Server *s, const cJSON *params, uint32_t *off)
{
    const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
    const cJSON *pos = cJSON_GetObjectItemCaseSensitive(params, "position");
    Doc *doc = td ? find_doc(s, str(td, "uri") ? str(td, "uri") : "") : NULL;
    if (!doc || !doc->an->src)
        return NULL;
    if (off)
        *off = pos_to_off(doc->text, doc->len, num(pos, "line"), num(pos, "character"));
    return doc;
}

/* a param version's value as written: "township 100 yuan, county 300 yuan, …" (entry by
 * entry: a reform's partial table is completed with entries of its base's file) */
static const char *version_text(Arena *ar, const Version *v)
{
    if (v->value)
        return source_flat(ar, v->value->loc.src, v->value->loc.start, v->value->loc.end);
    const char *t = "";
    for (int e = 0; e < v->entries.len; e++) {
        const Entry *en = &v->entries.data[e];
        const char *a =
            en->a ? source_flat(ar, en->a->loc.src, en->a->loc.start, en->a->loc.end) : "";
        if (en->member) {
            t = arena_printf(ar, "%s%s%s %s", t, e ? ", " : "", en->member, a);
        } else {
            const char *b =
                en->b ? source_flat(ar, en->b->loc.src, en->b->loc.start, en->b->loc.end) : "";
            t = arena_printf(ar, "%s%sabove %s at %s", t, e ? "; " : "", a, b);
        }
    }
    return t;
}

static const char *cites(Arena *ar, const char *c)
{
    return c ? arena_printf(ar, " — cites \"%s\"", c) : "";
}

/* a declared type, checked; in a text that did not parse (not checked: the type is the
 * checker's placeholder, '<error>') as written; "?" when none is written */
static const char *decl_type(Arena *ar, Type ty, const TypeRef *tr)
{
    if (!tr->name && !tr->unit_tok)
        return "?";
    if (ty.kind != TY_ERROR || !tr->loc.src)
        return type_name(ar, ty);
    return source_flat(ar, tr->loc.src, tr->loc.start, tr->loc.end);
}

/* the hover text of what r names (markdown) */
/* a field's type as declared: "money in fen" for a money column whose cells are fen */
static const char *field_type(Arena *ar, const Field *f)
{
    const char *ty = decl_type(ar, f->ty, &f->tref);
    return f->fen ? arena_printf(ar, "%s in fen", ty) : ty;
}

/* a rule's label and, when it is an output, its column's heading and role (spec §7.5) */
static const char *rule_output(Arena *ar, const Policy *pol, const Decl *d)
{
    const char *heading, *role;
    int k = xref_output(pol, d, &heading, &role);
    if (k < 0)
        return "";
    return arena_printf(ar, "\n\noutput %d of %d, column \"%s\"; role %s", k + 1, pol->outputs.len,
                        heading, role);
}

/* a param's hover: its type, cites and a table of its dated values */
static const char *describe_param(Arena *ar, const Decl *d)
{
    const char *t =
        arena_printf(ar,
                     "**param** `%s%s%s%s`: `%s`%s\n\n| from | to | value |\n"
                     "|---|---|---|\n",
                     d->name, d->index_name ? "[" : "", d->index_name ? d->index_name : "",
                     d->index_name ? "]" : "", decl_type(ar, d->ty, &d->tref), cites(ar, d->cites));
    for (int i = 0; i < d->versions.len; i++) {
        Version *v = &d->versions.data[i];
        const char *end = ast_version_end(ar, d, i);
        t = arena_printf(ar, "%s| %s | %s | %s |\n", t, v->from ? v->from->text : "",
                         end ? end : "", version_text(ar, v));
    }
    return t;
}

/* a rule's hover: its signature, label, cites, output column, versions and exceptions */
static const char *describe_rule(Arena *ar, const Policy *pol, const Decl *d)
{
    const char *args = "";
    for (int i = 0; i < d->fields.len; i++)
        args = arena_printf(ar, "%s%s%s: %s", args, i ? ", " : "", d->fields.data[i].name,
                            decl_type(ar, d->fields.data[i].ty, &d->fields.data[i].tref));
    const char *t = arena_printf(
        ar, "**rule** `%s%s%s%s`: `%s`%s%s%s%s", d->name, d->fields.len ? "(" : "", args,
        d->fields.len ? ")" : "", decl_type(ar, d->ty, &d->tref), d->label ? " — " : "",
        d->label ? d->label : "", cites(ar, d->cites), rule_output(ar, pol, d));
    for (int i = 0; i < d->versions.len; i++)
        t = arena_printf(ar, "%s%sfrom %s", t,
                         i ? ", " : "\n\nversions: ", d->versions.data[i].from->text);
    for (int i = 0; i < d->excs.len; i++)
        t = arena_printf(ar, "%s%s%s", t, i ? ", " : "\n\nexceptions: ", d->excs.data[i].name);
    return t;
}

/* a declaration's hover, by its kind */
static const char *describe_decl(Arena *ar, const Policy *pol, const Decl *d)
{
    switch (d->kind) {
    case DK_PARAM: return describe_param(ar, d);
    case DK_RULE: return describe_rule(ar, pol, d);
    case DK_ENUM: {
        const char *t = arena_printf(ar, "**enum** `%s`%s%s\n\n", d->name, d->label ? " — " : "",
                                     d->label ? d->label : "");
        for (int i = 0; i < d->members.len; i++)
            t = arena_printf(ar, "%s%s%s%s%s%s", t, i ? ", " : "", d->members.data[i].name,
                             d->members.data[i].label ? " (" : "",
                             d->members.data[i].label ? d->members.data[i].label : "",
                             d->members.data[i].label ? ")" : "");
        return t;
    }
    case DK_LEDGER:
        return arena_printf(
            ar, "**ledger** `%s` per person%s%s", d->name, d->key ? " per year of " : "",
            d->key ? source_flat(ar, d->key->loc.src, d->key->loc.start, d->key->loc.end) : "");
    case DK_HISTORY: return arena_printf(ar, "**history** `%s`", d->name);
    case DK_CLAIM: return "**claim** record: the columns of claims.csv";
    case DK_PERSON: return "**person** record: the columns of persons.csv";
    case DK_TEST: return arena_printf(ar, "**test** \"%s\"", d->name);
    case DK_EXTERN:
        return arena_printf(ar, "**extern** `%s`: `%s` (a host function)", d->name,
                            decl_type(ar, d->ty, &d->tref));
    case DK_OUTPUT:
    case DK_REJECT: break;
    }
    return d->name;
}

/* hover text of a name: what it refers to */
static const char *describe(Arena *ar, const Policy *pol, const Xref *r)
{
    Decl *d = r->decl;
    switch (r->kind) {
    case XR_MEMBER: {
        EnumMember *m = &d->members.data[r->idx];
        return arena_printf(ar, "**%s.%s**%s%s (enum member)", d->name, m->name,
                            m->label ? " — " : "", m->label ? m->label : "");
    }
    case XR_FIELD: {
        Field *f = &d->fields.data[r->idx];
        const char *owner = d->kind == DK_CLAIM    ? "claim field"
                            : d->kind == DK_PERSON ? "person field"
                            : d->kind == DK_LEDGER ? arena_printf(ar, "ledger %s field", d->name)
                                                   : arena_printf(ar, "history %s field", d->name);
        const char *how = d->kind != DK_LEDGER ? ""
                          : f->accumulate      ? " (adds up: `+=`)"
                                               : " (keeps the latest: `=`)";
        return arena_printf(ar, "**%s** `%s`: `%s`%s%s%s", owner, f->name, field_type(ar, f),
                            f->label ? " — " : "", f->label ? f->label : "", how);
    }
    case XR_ARG: {
        Field *f = &d->fields.data[r->idx];
        return arena_printf(ar, "**argument** `%s`: `%s` of rule `%s`", f->name,
                            decl_type(ar, f->ty, &f->tref), d->name);
    }
    case XR_EXC: {
        Exception *x = &d->excs.data[r->idx];
        return arena_printf(ar, "**exception** `%s` of rule `%s`%s", x->name, d->name,
                            cites(ar, x->cites));
    }
    case XR_DECL: break;
    }
    return describe_decl(ar, pol, d);
}

/* the name under the request's position (NULL: none, or no such document) and its document */
static const Xref *xref_under(Server *s, const cJSON *params, Doc **doc)
{
    uint32_t off;
    *doc = doc_at(s, params, &off);
    return *doc ? xref_at(&(*doc)->an->xr, (*doc)->an->src, off) : NULL;
}

static cJSON *hover(Server *s, const cJSON *params)
{
    Doc *doc;
    const Xref *r = xref_under(s, params, &doc);
    if (!r)
        return NULL;
    cJSON *h = cJSON_CreateObject();
    cJSON *c = cJSON_AddObjectToObject(h, "contents");
    cJSON_AddStringToObject(c, "kind", "markdown");
    cJSON_AddStringToObject(c, "value", describe(&doc->an->c.arena, &doc->an->c.pol, r));
    cJSON_AddItemToObject(h, "range", range_of(r->loc, doc->an->src));
    return h;
}

static cJSON *definition(Server *s, const cJSON *params)
{
    Doc *doc;
    const Xref *r = xref_under(s, params, &doc);
    const Xref *def = r ? (r->def ? r : xref_def(&doc->an->xr, r)) : NULL;
    return def ? location(doc->an, def->loc) : NULL;
}

static cJSON *references(Server *s, const cJSON *params)
{
    Doc *doc;
    const Xref *r = xref_under(s, params, &doc);
    if (!r)
        return NULL;
    const cJSON *ctx = cJSON_GetObjectItemCaseSensitive(params, "context");
    int with_decl = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(ctx, "includeDeclaration"));
    cJSON *arr = cJSON_CreateArray();
    for (int i = 0; i < doc->an->xr.len; i++) {
        const Xref *o = &doc->an->xr.data[i];
        if (xref_same(o, r) && (with_decl || !o->def))
            cJSON_AddItemToArray(arr, location(doc->an, o->loc));
    }
    return arr;
}

/* ---- completion ----------------------------------------------------------------------- */

static void item(cJSON *arr, const char *label, int kind, const char *detail, const char *prefix)
{
    if (strncmp(label, prefix, strlen(prefix)) != 0)
        return;
    cJSON *it = cJSON_CreateObject();
    cJSON_AddStringToObject(it, "label", label);
    cJSON_AddNumberToObject(it, "kind", kind);
    if (detail)
        cJSON_AddStringToObject(it, "detail", detail);
    cJSON_AddItemToArray(arr, it);
}

static void field_items(Arena *ar, cJSON *arr, const Decl *d, const char *prefix)
{
    for (int i = 0; i < d->fields.len; i++) {
        const Field *f = &d->fields.data[i];
        item(arr, f->name, CK_FIELD,
             f->label ? arena_printf(ar, "%s %s", field_type(ar, f), f->label) : field_type(ar, f),
             prefix);
    }
}

static int ident_byte(unsigned char c)
{
    return c == '_' || c >= 0x80 || isalnum(c);
}

/* the names after "base.": fields of the claim, a person, a ledger or (base naming none of
 * these) a history span, members of an enum */
static void member_items(Arena *ar, cJSON *arr, const Program *p, const char *base,
                         const char *prefix)
{
    int known = 0;
    for (int i = 0; i < p->decls.len; i++) {
        Decl *d = p->decls.data[i];
        int is_claim = d->kind == DK_CLAIM && (!strcmp(base, "claim") || !strcmp(base, "理赔"));
        int is_person = d->kind == DK_PERSON && (!strcmp(base, "person") || !strcmp(base, "人员"));
        if (is_claim || is_person || (d->kind == DK_LEDGER && !strcmp(base, d->name))) {
            field_items(ar, arr, d, prefix);
            known = 1;
        } else if (d->kind == DK_ENUM && !strcmp(base, d->name)) {
            for (int m = 0; m < d->members.len; m++)
                item(arr, d->members.data[m].name, CK_ENUM_MEMBER, d->members.data[m].label,
                     prefix);
            known = 1;
        }
    }
    if (!known) /* an aggregate's span: h.from, h.identity */
        for (int i = 0; i < p->decls.len; i++)
            if (p->decls.data[i]->kind == DK_HISTORY)
                field_items(ar, arr, p->decls.data[i], prefix);
}

/* every declared name and enum member, the built-in functions and the record keywords */
static void name_items(Analysis *an, cJSON *arr, const Program *p, const char *prefix)
{
    Arena *ar = &an->c.arena;
    for (int i = 0; i < p->decls.len; i++) {
        Decl *d = p->decls.data[i];
        switch (d->kind) {
        case DK_RULE: {
            /* its label, and an output's role word as written in the output list */
            const char *heading, *role;
            int k = xref_output(&an->c.pol, d, &heading, &role);
            const char *w =
                k >= 0 && k < an->c.pol.output_roles.len ? an->c.pol.output_roles.data[k] : NULL;
            item(arr, d->name, CK_FUNCTION,
                 arena_printf(ar, "rule: %s%s%s%s%s", decl_type(ar, d->ty, &d->tref),
                              d->label ? " " : "", d->label ? d->label : "",
                              k >= 0 ? ", output" : "", w ? arena_printf(ar, " (%s)", w) : ""),
                 prefix);
            break;
        }
        case DK_PARAM: item(arr, d->name, CK_CONSTANT, "param", prefix); break;
        case DK_LEDGER: item(arr, d->name, CK_STRUCT, "ledger", prefix); break;
        case DK_HISTORY: item(arr, d->name, CK_VARIABLE, "history", prefix); break;
        case DK_EXTERN: item(arr, d->name, CK_FUNCTION, "extern", prefix); break;
        case DK_ENUM:
            item(arr, d->name, CK_ENUM, d->label, prefix);
            for (int m = 0; m < d->members.len; m++)
                item(arr, d->members.data[m].name, CK_ENUM_MEMBER,
                     arena_printf(ar, "%s%s%s", d->name, d->members.data[m].label ? " " : "",
                                  d->members.data[m].label ? d->members.data[m].label : ""),
                     prefix);
            break;
        case DK_CLAIM:
        case DK_PERSON:
        case DK_OUTPUT:
        case DK_TEST:
        case DK_REJECT: break;
        }
    }
    /* the checker's built-in functions, then the aggregates (the grammar's) */
    for (size_t i = 0; sema_builtin(i); i++)
        item(arr, sema_builtin(i), CK_FUNCTION, "built-in", prefix);
    static const char *aggregates[] = {"any", "all", "count", "sum"};
    for (size_t i = 0; i < sizeof aggregates / sizeof aggregates[0]; i++)
        item(arr, aggregates[i], CK_FUNCTION, "built-in", prefix);
    item(arr, "claim", CK_KEYWORD, NULL, prefix);
    item(arr, "person", CK_KEYWORD, NULL, prefix);
}

/* names after "x." (fields of the claim, a person, a ledger, a history span; members of an
 * enum), otherwise every declared name, enum member and built-in function */
static cJSON *completion(Server *s, const cJSON *params)
{
    uint32_t off;
    Doc *doc = doc_at(s, params, &off);
    cJSON *arr = cJSON_CreateArray();
    if (!doc)
        return arr;
    Analysis *an = doc->good ? doc->good : doc->an;
    Program *p = an->c.prog ? an->c.prog : an->c.file_prog;
    if (!p)
        return arr;
    Arena *ar = &an->c.arena;
    const char *t = doc->an->src->text;
    uint32_t b = off;
    while (b > 0 && ident_byte((unsigned char)t[b - 1]))
        b--;
    const char *prefix = arena_strndup(ar, t + b, off - b);
    if (b > 0 && t[b - 1] == '.') {
        uint32_t e = b - 1, a = e;
        while (a > 0 && ident_byte((unsigned char)t[a - 1]))
            a--;
        member_items(ar, arr, p, arena_strndup(ar, t + a, e - a), prefix);
    } else
        name_items(an, arr, p, prefix);
    return arr;
}

/* ---- outline and formatting --------------------------------------------------------- */

static cJSON *symbol(Analysis *an, const char *name, int kind, const char *detail, Loc full,
                     Loc sel)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", name && *name ? name : "?");
    if (detail)
        cJSON_AddStringToObject(o, "detail", detail);
    cJSON_AddNumberToObject(o, "kind", kind);
    cJSON_AddItemToObject(o, "range", range_of(full, an->src));
    cJSON_AddItemToObject(o, "selectionRange", range_of(sel, an->src));
    return o;
}

/* the outline: params, ledgers, rules (with their exceptions), tests, records and enums; a
 * declaration's range runs from its line to the line before the next declaration */
static cJSON *symbols(Server *s, const cJSON *params)
{
    Doc *doc = doc_at(s, params, NULL);
    cJSON *arr = cJSON_CreateArray();
    if (!doc || !doc->an->c.file_prog)
        return arr;
    Analysis *an = doc->an;
    Arena *ar = &an->c.arena;
    Program *p = an->c.file_prog;
    Source *src = an->src;
    for (int i = 0; i < p->decls.len; i++) {
        Decl *d = p->decls.data[i];
        if (d->loc.src != src || d->kind == DK_OUTPUT || d->kind == DK_REJECT)
            continue;
        int line, col;
        source_linecol(src, d->loc.start, &line, &col);
        uint32_t start = src->line_start[line - 1], end = (uint32_t)src->len;
        for (int j = i + 1; j < p->decls.len; j++)
            if (p->decls.data[j]->loc.src == src && p->decls.data[j]->kind != DK_OUTPUT &&
                p->decls.data[j]->kind != DK_REJECT) {
                int l2, c2;
                source_linecol(src, p->decls.data[j]->loc.start, &l2, &c2);
                end = l2 - 1 > line ? src->line_start[l2 - 1] - 1 : src->line_start[line] - 1;
                break;
            }
        if (end < d->loc.end)
            end = d->loc.end;
        Loc full = {src, start, end};
        int kind = SK_STRUCT;
        const char *detail = NULL;
        switch (d->kind) {
        case DK_PARAM: kind = SK_CONSTANT, detail = "param"; break;
        case DK_RULE: kind = SK_FUNCTION, detail = "rule"; break;
        case DK_LEDGER: kind = SK_STRUCT, detail = "ledger"; break;
        case DK_TEST: kind = SK_EVENT, detail = "test"; break;
        case DK_ENUM: kind = SK_ENUM, detail = "enum"; break;
        case DK_CLAIM:
        case DK_PERSON: kind = SK_CLASS, detail = "record"; break;
        case DK_HISTORY: kind = SK_CLASS, detail = "history"; break;
        case DK_EXTERN: kind = SK_FUNCTION, detail = "extern"; break;
        case DK_OUTPUT:
        case DK_REJECT: break;
        }
        cJSON *o = symbol(an, d->name, kind, detail, full, d->loc);
        cJSON *kids = cJSON_CreateArray();
        for (int m = 0; m < d->members.len; m++)
            cJSON_AddItemToArray(kids, symbol(an, d->members.data[m].name, SK_ENUM_MEMBER, NULL,
                                              d->members.data[m].loc, d->members.data[m].loc));
        if (d->kind != DK_RULE)
            for (int f = 0; f < d->fields.len; f++)
                cJSON_AddItemToArray(kids, symbol(an, d->fields.data[f].name, SK_FIELD, NULL,
                                                  d->fields.data[f].loc, d->fields.data[f].loc));
        for (int x = 0; x < d->excs.len; x++)
            cJSON_AddItemToArray(kids, symbol(an, d->excs.data[x].name, SK_FUNCTION, "exception",
                                              d->excs.data[x].loc, d->excs.data[x].loc));
        if (cJSON_GetArraySize(kids))
            cJSON_AddItemToObject(o, "children", kids);
        else
            cJSON_Delete(kids);
        cJSON_AddItemToArray(arr, o);
    }
    (void)ar;
    (void)SK_NAMESPACE;
    return arr;
}

static void quiet(void *ctx, const char *sev, Loc loc, const char *msg)
{
    (void)ctx, (void)sev, (void)loc, (void)msg;
}

/* the whole text replaced by polc fmt's, when it differs; no edit for a text with syntax
 * errors (its diagnostics say why) */
static cJSON *formatting(Server *s, const cJSON *params)
{
    Doc *doc = doc_at(s, params, NULL);
    cJSON *arr = cJSON_CreateArray();
    if (!doc)
        return arr;
    Arena ar;
    arena_init(&ar);
    Diag d;
    diag_init(&d, NULL);
    d.sink = quiet;
    Source *src = source_from_string(&ar, doc->path, doc->text, doc->len);
    char *out;
    size_t len;
    if (fmt_source(&ar, &d, src, &out, &len) == 0 &&
        (len != doc->len || memcmp(out, doc->text, len) != 0)) {
        cJSON *e = cJSON_CreateObject();
        cJSON_AddItemToObject(e, "range", range_of((Loc){src, 0, (uint32_t)src->len}, src));
        cJSON_AddStringToObject(e, "newText", out);
        cJSON_AddItemToArray(arr, e);
    }
    arena_free(&ar);
    return arr;
}

/* ---- the loop ----------------------------------------------------------------------- */

static cJSON *capabilities(void)
{
    cJSON *r = cJSON_CreateObject();
    cJSON *c = cJSON_AddObjectToObject(r, "capabilities");
    /* the full text on each change; didSave, for the reforms open beside the file saved */
    cJSON *sync = cJSON_AddObjectToObject(c, "textDocumentSync");
    cJSON_AddTrueToObject(sync, "openClose");
    cJSON_AddNumberToObject(sync, "change", 1);
    cJSON_AddTrueToObject(sync, "save");
    cJSON_AddTrueToObject(c, "hoverProvider");
    cJSON_AddTrueToObject(c, "definitionProvider");
    cJSON_AddTrueToObject(c, "referencesProvider");
    cJSON *cp = cJSON_AddObjectToObject(c, "completionProvider");
    cJSON *trig = cJSON_AddArrayToObject(cp, "triggerCharacters");
    cJSON_AddItemToArray(trig, cJSON_CreateString("."));
    cJSON_AddTrueToObject(c, "documentSymbolProvider");
    cJSON_AddTrueToObject(c, "documentFormattingProvider");
    cJSON *info = cJSON_AddObjectToObject(r, "serverInfo");
    cJSON_AddStringToObject(info, "name", "polc");
    cJSON_AddStringToObject(info, "version", POLC_VERSION_STRING + 5);
    return r;
}

/* t (malloc'd, or NULL when the server holds no text) with one of didChange's changes made:
 * the whole text, or with a range (incremental sync, which the server does not ask for but a
 * client may send) that range replaced; changes come in order, each on the text the one before
 * left. NULL for a range edit on no text: there is nothing it could be applied to. */
static char *apply_change(char *t, const cJSON *change)
{
    const char *with = str(change, "text");
    const cJSON *r = cJSON_GetObjectItemCaseSensitive(change, "range");
    if (!with)
        return t;
    if (!r) {
        free(t);
        return strdup(with); /* NULL when out of memory: the document keeps its last text */
    }
    if (!t)
        return NULL;
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(r, "start"),
                *b = cJSON_GetObjectItemCaseSensitive(r, "end");
    size_t len = strlen(t), wl = strlen(with);
    uint32_t from = pos_to_off(t, len, num(a, "line"), num(a, "character")),
             to = pos_to_off(t, len, num(b, "line"), num(b, "character"));
    if (to < from)
        to = from;
    char *out = malloc(len - (to - from) + wl + 1);
    if (!out) { /* out of memory: the document keeps its last text */
        free(t);
        return NULL;
    }
    memcpy(out, t, from);
    memcpy(out + from, with, wl);
    memcpy(out + from + wl, t + to, len - to + 1);
    free(t);
    return out;
}

/* one message; returns 1 when the server should stop (exit) */
static int dispatch(Server *s, const cJSON *m, int *rc)
{
    const char *method = str(m, "method");
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(m, "id");
    const cJSON *params = cJSON_GetObjectItemCaseSensitive(m, "params");
    if (!method) {
        if (id) /* a response to us: we send no requests */
            return 0;
        respond_error(s, NULL, RPC_INVALID_REQUEST, "a message without a method");
        return 0;
    }
    if (!strcmp(method, "exit")) {
        *rc = s->shutdown ? EXIT_OK : EXIT_POLICY;
        return 1;
    }
    if (!strcmp(method, "textDocument/didOpen") || !strcmp(method, "textDocument/didChange")) {
        const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
        const char *uri = str(td, "uri"), *text = str(td, "text");
        const cJSON *changes = cJSON_GetObjectItemCaseSensitive(params, "contentChanges");
        if (!uri)
            return 0;
        if (!changes) {
            if (text)
                update(s, uri, text);
            return 0;
        }
        Doc *doc = find_doc(s, uri);
        char *t = doc ? strdup(doc->text) : NULL;
        const cJSON *c;
        cJSON_ArrayForEach(c, changes) t = apply_change(t, c);
        if (t)
            update(s, uri, t);
        free(t);
        return 0;
    }
    if (!strcmp(method, "textDocument/didSave")) {
        const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
        if (str(td, "uri"))
            saved(s, str(td, "uri"));
        return 0;
    }
    if (!strcmp(method, "textDocument/didClose")) {
        const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
        if (str(td, "uri") && find_doc(s, str(td, "uri"))) {
            close_doc(s, str(td, "uri"));
            unpublish(s, str(td, "uri"));
        }
        return 0;
    }
    if (!id) /* other notifications: initialized, didSave, $/cancelRequest, ... */
        return 0;
    if (!strcmp(method, "initialize"))
        respond(s, id, capabilities());
    else if (!strcmp(method, "shutdown"))
        s->shutdown = 1, respond(s, id, NULL);
    else if (!strcmp(method, "textDocument/hover"))
        respond(s, id, hover(s, params));
    else if (!strcmp(method, "textDocument/definition"))
        respond(s, id, definition(s, params));
    else if (!strcmp(method, "textDocument/references"))
        respond(s, id, references(s, params));
    else if (!strcmp(method, "textDocument/completion"))
        respond(s, id, completion(s, params));
    else if (!strcmp(method, "textDocument/documentSymbol"))
        respond(s, id, symbols(s, params));
    else if (!strcmp(method, "textDocument/formatting"))
        respond(s, id, formatting(s, params));
    else
        respond_error(s, id, RPC_METHOD_NOT_FOUND, "method not supported");
    return 0;
}

static const Opt no_opts[] = {{0}};

int cmd_lsp(const Command *cmd, int argc, char **argv)
{
    char **ops;
    int nops, rc = opts_parse(cmd, no_opts, argc, argv, NULL, &ops, &nops);
    if (rc != OPTS_PARSED)
        return rc;
    if (nops)
        return opts_usage_error(cmd, no_opts, "takes no operands; it talks on stdin and stdout");
    Server s = {.in = stdin, .out = stdout};
    rc = EXIT_POLICY; /* input ended without exit */
    for (;;) {
        int bad;
        cJSON *m = read_message(s.in, &bad);
        if (!m) {
            if (!bad)
                break;
            respond_error(&s, NULL, RPC_PARSE_ERROR, "not a JSON-RPC message");
            continue;
        }
        int stop = dispatch(&s, m, &rc);
        cJSON_Delete(m);
        if (stop)
            break;
    }
    while (s.ndocs)
        close_doc(&s, s.docs[0].uri);
    free(s.docs);
    return rc;
}
