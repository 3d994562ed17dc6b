/* driver.c — the front half of every command: read a policy (or a reform and the policy it
 * changes), parse, apply the reform, check, lower to IR, and write the schema. */
#include "driver.h"

#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "polrt.h"

/* the header the text opens with, after an optional byte order mark, blanks and comment
 * lines: the keyword and a blank; HDR_NONE when it is neither */
enum { HDR_NONE, HDR_POLICY, HDR_REFORM };
static int header_of(const Source *s)
{
    const char *p = s->text + s->line_start[0], *end = s->text + s->len; /* after a BOM */
    for (;;) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
            p++;
        if (p < end && *p == '#') {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            p = nl ? nl : end;
            continue;
        }
        break;
    }
    static const char *const kws[] = {"policy", "reform", "政策", "改革"};
    for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++) {
        size_t n = strlen(kws[i]);
        if ((size_t)(end - p) > n && memcmp(p, kws[i], n) == 0 &&
            (p[n] == ' ' || p[n] == '\t' || p[n] == '"'))
            return i % 2 ? HDR_REFORM : HDR_POLICY;
    }
    return HDR_NONE;
}

/* A policy file, or (from set: where a reform names it) the base of a reform. A base must
 * name a .pol file and be a policy (spec/LANGUAGE.md §15): `of "/etc/passwd"` or of a
 * FIFO is refused before a byte is read, and a file that does not start as a policy is
 * refused before it is parsed, so no line of a file that is no policy is ever printed. */
static Program *parse_file(Compiled *c, const char *path, Loc from)
{
    char err[512];
    size_t n = strlen(path);
    if (from.src && (n < 5 || strcmp(path + n - 4, ".pol") != 0 || path[n - 5] == '/')) {
        diag_error(c->diag, from, "a reform's base is a policy file ending in .pol, not '%s'",
                   path);
        return NULL;
    }
    Source *src = source_load(&c->arena, path, err, sizeof err);
    if (!src) {
        if (from.src)
            diag_error(c->diag, from, "%s", err);
        else
            diag_plain(c->diag, "%s", err);
        return NULL;
    }
    /* a built engine where text was expected (simulate --base panji.so): said so, not as 20
     * "unexpected control character" errors */
    if (src->len >= 4 && memcmp(src->text,
                                "\x7f"
                                "ELF",
                                4) == 0) {
        const char *m = "%s is a built engine (machine code), not a policy's text: give the .pol "
                        "file it was built from";
        if (from.src)
            diag_error(c->diag, from, m, path);
        else
            diag_plain(c->diag, m, path);
        return NULL;
    }
    if (from.src && header_of(src) == HDR_NONE) {
        diag_error(c->diag, from, "'%s' is not a policy (it does not start with 'policy \"NAME\"')",
                   path);
        return NULL;
    }
    Program *p = arena_alloc(&c->arena, sizeof *p);
    if (parse_source(&c->arena, c->diag, src, p) != 0)
        return NULL;
    return p;
}

static Decl *find_named(Program *p, DeclKind k, const char *name)
{
    for (int i = 0; i < p->decls.len; i++)
        if (p->decls.data[i]->kind == k && !strcmp(p->decls.data[i]->name, name))
            return p->decls.data[i];
    return NULL;
}

/* A reform version "from D: ..." replaces what the base has in force from D on: versions
 * starting on or after D are dropped, the one spanning D ends there. A table version may list
 * only the members it changes; the others keep the values in force at D. */
static void merge_param(Compiled *c, Decl *base, Decl *ref)
{
    Arena *a = &c->arena;
    if (ref->tref.name || ref->tref.unit_tok) {
        diag_error(c->diag, ref->tref.loc,
                   "a reform changes the values of '%s', not its type; drop ': type'", ref->name);
        return;
    }
    for (int r = 0; r < ref->versions.len; r++) {
        Version *v = &ref->versions.data[r];
        if (polrt_parse_date(v->from->text, strlen(v->from->text), &v->from_day) != 0) {
            diag_error(c->diag, v->from->loc, "'%s' is not a calendar date", v->from->text);
            return;
        }
    }
    /* each version replaces the base's from its day on: out of order, or two on one day,
     * one would silently drop the other (a new-user pass) */
    if (sema_version_order(c->diag, ref) != 0)
        return;
    for (int r = 0; r < ref->versions.len; r++) {
        Version nv = ref->versions.data[r];
        int64_t d = nv.from_day;
        Version *in_force = NULL;
        VEC(Version) kept = {0};
        for (int i = 0; i < base->versions.len; i++) {
            Version v = base->versions.data[i];
            int64_t f;
            polrt_parse_date(v.from->text, strlen(v.from->text), &f);
            if (f >= d) {
                if (f == d)
                    in_force = &base->versions.data[i];
                continue;
            }
            in_force = &base->versions.data[i];
            int64_t t;
            if (v.to && (polrt_parse_date(v.to->text, strlen(v.to->text), &t) != 0 || t >= d))
                v.to = NULL; /* it now ends where the reform's version starts */
            vec_push(a, &kept, v);
        }
        if (nv.is_table && base->index_name && in_force && in_force->is_table) {
            /* complete a partial table from the version in force at D */
            for (int i = 0; i < in_force->entries.len; i++) {
                Entry *e = &in_force->entries.data[i];
                int given = 0;
                for (int j = 0; j < nv.entries.len; j++)
                    if (!strcmp(nv.entries.data[j].member, e->member))
                        given = 1;
                if (!given)
                    vec_push(a, &nv.entries, *e);
            }
        }
        vec_push(a, &kept, nv);
        base->versions.data = kept.data;
        base->versions.len = kept.len;
        base->versions.cap = kept.cap;
    }
}

/* A reform's param or rule d whose name the base gives to a declaration of another kind
 * (found by its namespace: enums, histories, ledgers, externs too): an error at d naming what
 * the base's is, and a note at it. A param named like a base rule said only "the base has no
 * param 'x' to change"; a rule named like a base param was "declared twice", the base's a
 * "first declaration" a reader had not written twice. 1 when it told. */
static int other_kind(Compiled *c, Program *base, const Decl *d)
{
    static const DeclKind named[] = {DK_ENUM, DK_HISTORY, DK_PARAM, DK_LEDGER, DK_RULE, DK_EXTERN};
    const Decl *o = NULL;
    for (size_t k = 0; !o && k < sizeof named / sizeof *named; k++)
        if (named[k] != d->kind)
            o = find_named(base, named[k], d->name);
    if (!o)
        return 0;
    const char *kind = decl_kind_name(o->kind);
    if (o->kind == DK_RULE && d->kind == DK_PARAM)
        diag_error(c->diag, d->loc,
                   "'%s' is a rule of the base policy \"%s\", not a param: a reform replaces it "
                   "with 'rule %s: TYPE = ...'",
                   d->name, base->name, d->name);
    else if (o->kind == DK_PARAM && d->kind == DK_RULE)
        diag_error(c->diag, d->loc,
                   "'%s' is a param of the base policy \"%s\", not a rule: a reform changes its "
                   "values with 'param %s from DATE: ...'",
                   d->name, base->name, d->name);
    else
        diag_error(c->diag, d->loc,
                   "'%s' is %s %s of the base policy \"%s\": a reform's %s cannot "
                   "take its name",
                   d->name, diag_a(kind), kind, base->name, decl_kind_name(d->kind));
    diag_note(c->diag, o->loc, "the base's %s '%s' is here", kind, o->name);
    return 1;
}

static int apply_reform(Compiled *c, Program *base, Program *ref)
{
    int before = c->diag->errors;
    for (int i = 0; i < ref->decls.len; i++) {
        Decl *d = ref->decls.data[i];
        const Decl *first = d->kind == DK_TEST ? NULL : find_named(ref, d->kind, d->name);
        if (first && first != d) {
            sema_declared_twice(c->diag, d, first);
            continue;
        }
        if ((d->kind == DK_PARAM || d->kind == DK_RULE) && other_kind(c, base, d))
            continue;
        switch (d->kind) {
        case DK_PARAM: {
            Decl *b = find_named(base, DK_PARAM, d->name);
            const char *near = b ? "" : sema_suggest_decl(&c->arena, base, DK_PARAM, d->name);
            if (b) {
                merge_param(c, b, d);
            } else if (d->tref.name || d->tref.unit_tok) {
                /* a new param, declared with its type as in a policy: a reform that adds a
                 * rule needing a new number (a waiting period) has nowhere else to put it. The
                 * type says a new one is meant (a change has none); a misspelt change with a
                 * type anyway is read by nothing, which sema warns of. */
                vec_push(&c->arena, &base->decls, d);
            } else {
                const char *add = arena_printf(&c->arena,
                                               "; a reform adds a param with its type: param %s: "
                                               "TYPE from DATE: VALUE",
                                               d->name);
                diag_error(c->diag, d->loc, "the base policy \"%s\" has no param '%s' to change%s",
                           base->name, d->name, *near ? near : add);
            }
            break;
        }
        case DK_RULE: {
            Decl *b = find_named(base, DK_RULE, d->name);
            /* a new rule is allowed; one a letter or two from a base rule is likely a typo */
            const char *near = b ? "" : sema_suggest_decl(&c->arena, base, DK_RULE, d->name);
            if (*near)
                diag_warning(c->diag, d->loc, "the base policy has no rule '%s': this adds one%s",
                             d->name, near);
            if (b && !d->label)
                d->label = b->label; /* a rule changed, not renamed: the reader's name stays */
            if (b) {
                for (int j = 0; j < base->decls.len; j++)
                    if (base->decls.data[j] == b)
                        base->decls.data[j] = d;
            } else {
                vec_push(&c->arena, &base->decls, d);
            }
            break;
        }
        case DK_TEST: vec_push(&c->arena, &base->decls, d); break;
        default:
            diag_error(c->diag, d->loc,
                       "a reform changes params and rules; this %s belongs in "
                       "the base policy",
                       decl_kind_name(d->kind));
            break;
        }
    }
    /* the base's own tests describe the base, not the reform */
    int k = 0;
    for (int i = 0; i < base->decls.len; i++) {
        Decl *d = base->decls.data[i];
        int from_reform = 0;
        for (int j = 0; j < ref->decls.len; j++)
            if (ref->decls.data[j] == d)
                from_reform = 1;
        if (d->kind != DK_TEST || from_reform)
            base->decls.data[k++] = d;
    }
    base->decls.len = k;
    return c->diag->errors > before ? -1 : 0;
}

/* a reform names its base relative to its own directory */
static const char *base_path(Compiled *c, const char *reform_path, const char *base)
{
    if (base[0] == '/')
        return base;
    char *tmp = arena_strdup(&c->arena, reform_path);
    return arena_printf(&c->arena, "%s/%s", dirname(tmp), base);
}

void driver_init(Compiled *c, Diag *d)
{
    memset(c, 0, sizeof *c);
    arena_init(&c->arena);
    c->diag = d;
}

void driver_free(Compiled *c)
{
    arena_free(&c->arena);
}

int driver_parse(Compiled *c, const char *path)
{
    return driver_parse_text(c, path, NULL, 0);
}

/* Every `polc run ENGINE.so` asks this of its source (cli/engine.c warn_stale): a parse of
 * Panji's text was ~12 M instructions of each start (callgrind), the hash of it ~0.3 M. */
int driver_source_sha256(Compiled *c, const char *path)
{
    char err[512];
    Source *src = source_load(&c->arena, path, err, sizeof err);
    if (!src)
        return -1;
    if (header_of(src) != HDR_POLICY) /* a reform's identity includes its base's text */
        return driver_parse(c, path);
    schema_sha256(src->text, src->len, c->sha256);
    return 0;
}

int driver_parse_text(Compiled *c, const char *path, const char *text_in, size_t len_in)
{
    c->path = path;
    Program *p;
    if (text_in) {
        Source *src = source_from_string(&c->arena, path, text_in, len_in);
        p = arena_alloc(&c->arena, sizeof *p);
        int bad = parse_source_tokens(&c->arena, c->diag, src, p, &c->tokens) != 0;
        c->file_prog = p;
        if (bad)
            return -1;
    } else {
        p = parse_file(c, path, (Loc){0});
        if (!p)
            return -1;
        c->file_prog = p;
    }
    c->prog = p;
    /* identity: the hash of the text(s) the engine was compiled from */
    const char *text = p->src->text;
    size_t len = p->src->len;
    if (p->is_reform) {
        const char *bp = base_path(c, path, p->base_path);
        Program *base = parse_file(c, bp, p->base_loc);
        if (!base)
            return -1;
        if (base->is_reform) {
            diag_error(c->diag, p->base_loc, "'%s' is itself a reform; a reform changes a policy",
                       bp);
            return -1;
        }
        c->reform_name = p->name;
        c->base_path = bp;
        char *both = arena_alloc(&c->arena, len + base->src->len + 1);
        memcpy(both, base->src->text, base->src->len);
        memcpy(both + base->src->len, text, len);
        text = both;
        len += base->src->len;
        if (apply_reform(c, base, p) != 0)
            return -1;
        c->prog = base;
    }
    schema_sha256(text, len, c->sha256);
    return 0;
}

/* --set NAME=VALUE, NAME[member]=VALUE, either with @YYYY-MM-DD: a one-line reform. Without a
 * date the value holds for the whole run (from the param's first version on). */
int driver_add_set(Compiled *c, const char *spec)
{
    Arena *a = &c->arena;
    const char *eq = strchr(spec, '=');
    if (!eq || eq == spec) {
        diag_plain(c->diag, "--set needs NAME=VALUE, got '%s'", spec);
        return -1;
    }
    char *name = arena_strndup(a, spec, (size_t)(eq - spec));
    char *member = NULL;
    char *br = strchr(name, '[');
    if (br) {
        char *end = strchr(br, ']');
        if (!end || end[1]) {
            diag_plain(c->diag, "--set: write a table entry as NAME[member]=VALUE, got '%s'", spec);
            return -1;
        }
        *end = 0;
        member = br + 1;
        *br = 0;
    }
    char *value = arena_strdup(a, eq + 1);
    char *at = strrchr(value, '@');
    const char *date = NULL;
    if (at) {
        *at = 0;
        date = at + 1;
    }
    Decl *d = find_named(c->prog, DK_PARAM, name);
    if (!d) {
        diag_plain(c->diag, "--set: the policy has no param '%s'%s", name,
                   sema_suggest_decl(a, c->prog, DK_PARAM, name));
        return -1;
    }
    if (d->index_name && !member) {
        diag_plain(c->diag, "--set: '%s' is a table over %s; write --set %s[MEMBER]=VALUE", name,
                   d->index_name, name);
        return -1;
    }
    if (!d->index_name && member) {
        diag_plain(c->diag, "--set: '%s' is not a table; write --set %s=VALUE", name, name);
        return -1;
    }
    if (!date)
        date = d->versions.len ? d->versions.data[0].from->text : "1900-01-01";
    /* a bare number for money is yuan, as --sweep reads it: --set cap=6000 */
    size_t nd = strspn(value, "0123456789."), nv = strlen(value);
    if (d->tref.name && !strcmp(d->tref.name, "money") && nd == nv && nv && value[0] != '.')
        value = arena_printf(a, "%s yuan", value);
    const char *text =
        arena_printf(a, "reform \"--set %s\" of \"(command line)\"\nparam %s from %s: %s%s%s\n",
                     spec, name, date, member ? member : "", member ? " " : "", value);
    Source *src = source_from_string(a, arena_printf(a, "--set %s", spec), text, strlen(text));
    Program *p = arena_alloc(a, sizeof *p);
    if (parse_source(a, c->diag, src, p) != 0)
        return -1;
    const char **names = arena_alloc(a, ((size_t)c->nset_params + 1) * sizeof *names);
    if (c->nset_params)
        memcpy(names, c->set_params, (size_t)c->nset_params * sizeof *names);
    names[c->nset_params++] = name;
    c->set_params = names;
    return apply_reform(c, c->prog, p);
}

int driver_encode_param_value(Compiled *c, const char *param, const char *text, int64_t *out)
{
    Arena *a = &c->arena;
    Decl *d = NULL;
    for (int i = 0; i < c->pol.params.len; i++)
        if (!strcmp(c->pol.params.data[i]->name, param))
            d = c->pol.params.data[i];
    if (!d) {
        diag_plain(c->diag, "the policy has no param '%s'", param);
        return -1;
    }
    const char *src_text = arena_printf(a, "policy \"v\"\nparam v: int from 2000-01-01: %s%s\n",
                                        d->index_enum ? "x " : "", text);
    Source *src =
        source_from_string(a, arena_printf(a, "value of %s", param), src_text, strlen(src_text));
    Program *p = arena_alloc(a, sizeof *p);
    if (parse_source(a, c->diag, src, p) != 0 || p->decls.len != 1 ||
        p->decls.data[0]->versions.len != 1) {
        diag_plain(c->diag, "'%s' is not a value for %s", text, param);
        return -1;
    }
    Version *v = &p->decls.data[0]->versions.data[0];
    Node *n = v->is_table && v->entries.len == 1 ? v->entries.data[0].a : v->value;
    if (!n || d->ty.kind == TY_BRACKETS) {
        diag_plain(c->diag, "'%s' is not a value for %s", text, param);
        return -1;
    }
    return sema_literal(a, c->diag, &c->pol, n, d->ty, out);
}

int driver_check(Compiled *c)
{
    int rc = sema_check(&c->arena, c->diag, c->prog, &c->pol);
    /* --set ma_ratio=750% for 75% (a new-user pass) is warned of as the policy's text would
     * be by polc check */
    for (int i = 0; rc == 0 && i < c->nset_params; i++)
        sema_param_slip_warnings(c->diag, &c->pol, c->set_params[i]);
    return rc;
}

void driver_warnings(Compiled *c, const XrefList *xr)
{
    sema_calendar_warning(c->diag, &c->pol);
    sema_slip_warnings(c->diag, &c->pol);
    xref_unused(&c->arena, c->diag, c->prog, xr);
}

int driver_compile(Compiled *c, const char *path)
{
    return driver_compile_with(c, path, NULL, 0);
}

int driver_compile_with(Compiled *c, const char *path, const char *const *sets, int nsets)
{
    if (driver_parse(c, path) != 0)
        return -1;
    for (int i = 0; i < nsets; i++)
        if (driver_add_set(c, sets[i]) != 0)
            return -1;
    if (driver_check(c) != 0)
        return -1;
    c->ir = ir_lower(&c->arena, &c->pol);
    SchemaInfo info = {path, c->sha256, schema_build_time(&c->arena), c->reform_name};
    c->schema = schema_json(&c->arena, c->ir, &info);
    return 0;
}

int polc_own_file(const char *in_build, const char *installed, char *out, size_t len)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return -1;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash)
        return -1;
    *slash = '\0';
    snprintf(out, len, "%s/%s", exe, in_build);
    if (access(out, R_OK) == 0)
        return 0;
    snprintf(out, len, "%s/../%s", exe, installed);
    return access(out, R_OK) == 0 ? 0 : -1;
}
