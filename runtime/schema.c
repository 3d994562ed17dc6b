/* schema.c — reads the JSON schema a compiled policy embeds (spec/SCHEMA.md) into an
 * RtSchema with cJSON, checking every name, type, index and table offset on the way: the
 * rest of the runtime trusts what this file accepts, and a malformed schema is a message
 * ("schema: claim[2].type: unknown type 'mony'"), never a crash. */
#include "rt_int.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

/* The schema this runtime reads (spec/SCHEMA.md "schema_version"). */
#define SCHEMA_VERSION 1
/* a path into the document for messages: "params[3].versions[12].offset" */
#define PATH_MAX_LEN 160
/* cJSON numbers are doubles: integers are exact up to 2^53 */
#define JSON_INT_MAX 9007199254740992.0
/* "sha256" is 64 hex digits */
#define SHA256_HEX_LEN 64

/* parse state: where messages go */
typedef struct P {
    char *err;
    size_t errlen;
} P;

static int vfail(P *p, const char *path, const char *fmt, va_list ap)
{
    if (!p->err || !p->errlen)
        return -1;
    int n = snprintf(p->err, p->errlen, "schema: %s%s", path, *path ? ": " : "");
    if (n >= 0 && (size_t)n < p->errlen)
        vsnprintf(p->err + n, p->errlen - (size_t)n, fmt, ap);
    return -1;
}

__attribute__((format(printf, 3, 4))) static int fail(P *p, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(p, path, fmt, ap);
    va_end(ap);
    return -1;
}

static int oom(P *p)
{
    return fail(p, "", "out of memory");
}

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = polrt_realloc(NULL, n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* zeroed array of n elements of size sz (n <= RT_MAX_ITEMS, so no overflow) */
static void *alloc_array(size_t n, size_t sz)
{
    if (n == 0)
        return NULL;
    void *a = polrt_realloc(NULL, n * sz);
    if (a)
        memset(a, 0, n * sz);
    return a;
}

/* a path too long for a message ends in "..." (paths only ever appear in messages) */
static void cut(char *out, int n)
{
    if (n >= PATH_MAX_LEN)
        memcpy(out + PATH_MAX_LEN - 4, "...", 4);
}

static void join(char *out, const char *path, const char *key)
{
    cut(out, snprintf(out, PATH_MAX_LEN, "%s%s%s", path, *path ? "." : "", key));
}

/* fail at member key of path: the path joined only for the message (joined for every member
 * read, it was 2.6 M of the 21.6 M instructions of a `polc run ENGINE.so` start) */
__attribute__((format(printf, 4, 5))) static int fail_key(P *p, const char *path, const char *key,
                                                          const char *fmt, ...)
{
    char where[PATH_MAX_LEN];
    join(where, path, key);
    va_list ap;
    va_start(ap, fmt);
    vfail(p, where, fmt, ap);
    va_end(ap);
    return -1;
}

/* ---- typed member access ------------------------------------------------------------- */

/* member key of obj as a string copy; NULL result when absent or null and !required */
static int get_str(P *p, const cJSON *obj, const char *path, const char *key, int required,
                   char **out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    *out = NULL;
    if (!v || cJSON_IsNull(v)) {
        if (required)
            return fail_key(p, path, key, "missing (expected a string)");
        return 0;
    }
    if (!cJSON_IsString(v) || !v->valuestring)
        return fail_key(p, path, key, "expected a string");
    if (required && !*v->valuestring)
        return fail_key(p, path, key, "empty string");
    if (!(*out = dup_str(v->valuestring)))
        return oom(p);
    return 0;
}

/* an integer member in [lo, hi]; *present = 0 when absent or null and !required */
static int get_int(P *p, const cJSON *obj, const char *path, const char *key, int required,
                   int64_t lo, int64_t hi, int64_t *out, int *present)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (present)
        *present = 0;
    if (!v || cJSON_IsNull(v)) {
        if (required)
            return fail_key(p, path, key, "missing (expected an integer)");
        return 0;
    }
    double d = v->valuedouble;
    if (!cJSON_IsNumber(v) || !isfinite(d) || d != floor(d) || fabs(d) > JSON_INT_MAX)
        return fail_key(p, path, key, "expected an integer");
    if (d < (double)lo || d > (double)hi)
        return fail_key(p, path, key, "%.0f is out of range (%lld..%lld)", d, (long long)lo,
                        (long long)hi);
    *out = (int64_t)d;
    if (present)
        *present = 1;
    return 0;
}

/* a "YYYY-MM-DD" member as a day number; POLRT_NONE when null or absent and !required */
static int get_date(P *p, const cJSON *obj, const char *path, const char *key, int required,
                    int64_t *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    *out = POLRT_NONE;
    if (!v || cJSON_IsNull(v)) {
        if (required)
            return fail_key(p, path, key, "missing (expected a date)");
        return 0;
    }
    if (!cJSON_IsString(v) || !v->valuestring)
        return fail_key(p, path, key, "expected a date string");
    if (polrt_parse_date(v->valuestring, strlen(v->valuestring), out) != 0)
        return fail_key(p, path, key, "'%s' is not a date (expected YYYY-MM-DD)", v->valuestring);
    return 0;
}

/* an array member (absent or null: *n = 0 unless required) */
static int get_array(P *p, const cJSON *obj, const char *path, const char *key, int required,
                     const cJSON **out, int *n)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    *out = NULL;
    *n = 0;
    if (!v || cJSON_IsNull(v)) {
        if (required)
            return fail_key(p, path, key, "missing (expected an array)");
        return 0;
    }
    if (!cJSON_IsArray(v))
        return fail_key(p, path, key, "expected an array");
    int k = cJSON_GetArraySize(v);
    if (k > RT_MAX_ITEMS)
        return fail_key(p, path, key, "%d entries (at most %d)", k, RT_MAX_ITEMS);
    *out = v;
    *n = k;
    return 0;
}

/* element i of an array, which must be an object */
static const cJSON *get_obj(P *p, const cJSON *arr, const char *path, const char *key, int i,
                            char *where)
{
    cut(where, snprintf(where, PATH_MAX_LEN, "%s%s%s[%d]", path, *path ? "." : "", key, i));
    const cJSON *v = cJSON_GetArrayItem(arr, i);
    if (!cJSON_IsObject(v)) {
        fail(p, where, "expected an object");
        return NULL;
    }
    return v;
}

/* ---- types ----------------------------------------------------------------------------- */

/* the types' words in a schema's text, read by rt_schema_type and written back by
 * rt_schema_type_text */
static const struct {
    const char *name;
    RtKind kind;
} simple[] = {
    {"money", RT_MONEY}, {"rate", RT_RATE}, {"int", RT_INT}, {"bool", RT_BOOL}, {"date", RT_DATE}};
static const char *const units[] = {"days", "workdays", "months", "years"};

int rt_schema_type(const RtSchema *s, const char *text, RtType *t)
{
    size_t n = strlen(text);
    memset(t, 0, sizeof *t);
    t->enum_idx = -1;
    if (n > 0 && text[n - 1] == '?') {
        t->optional = 1;
        n--;
    }
    for (size_t i = 0; i < sizeof simple / sizeof simple[0]; i++) {
        if (strlen(simple[i].name) == n && memcmp(text, simple[i].name, n) == 0) {
            t->kind = simple[i].kind;
            return 0;
        }
    }
    if (n == 9 && memcmp(text, "money:fen", 9) == 0) {
        t->kind = RT_MONEY;
        t->fen = 1;
        return 0;
    }
    if (n > 5 && memcmp(text, "enum:", 5) == 0) {
        for (int i = 0; i < s->nenums; i++) {
            const char *name = s->enums[i].name;
            if (strlen(name) == n - 5 && memcmp(text + 5, name, n - 5) == 0) {
                t->kind = RT_ENUM;
                t->enum_idx = i;
                return 0;
            }
        }
        return -1;
    }
    if (n > 9 && memcmp(text, "duration:", 9) == 0) {
        for (int u = 0; u < 4; u++) {
            if (strlen(units[u]) == n - 9 && memcmp(text + 9, units[u], n - 9) == 0) {
                t->kind = RT_DURATION;
                t->unit = (RtUnit)u;
                return 0;
            }
        }
    }
    return -1;
}

/* t as the policy writes it ("money", "Level", "date?", "workdays"): a refused reload's
 * reason names a field's old and new types so */
const char *rt_schema_type_text(const RtSchema *s, const RtType *t, char *buf, size_t len)
{
    const char *w = t->kind == RT_ENUM       ? s->enums[t->enum_idx].name
                    : t->kind == RT_DURATION ? units[t->unit]
                                             : "";
    for (size_t i = 0; i < sizeof simple / sizeof simple[0]; i++)
        if (simple[i].kind == t->kind)
            w = simple[i].name;
    snprintf(buf, len, "%s%s", w, t->optional ? "?" : "");
    return buf;
}

static int get_type(P *p, const RtSchema *s, const cJSON *obj, const char *path, RtType *t)
{
    char *text, where[PATH_MAX_LEN];
    if (get_str(p, obj, path, "type", 1, &text))
        return -1;
    int rc = rt_schema_type(s, text, t);
    if (rc) {
        join(where, path, "type");
        if (strncmp(text, "enum:", 5) == 0)
            fail(p, where, "unknown enum '%s'", text + 5);
        else
            fail(p, where, "unknown type '%s'", text);
    }
    polrt_realloc(text, 0);
    return rc;
}

/* is v a valid encoded value of type t (used for defaults)? */
static int value_fits(const RtSchema *s, const RtType *t, int64_t v)
{
    if (v == POLRT_NONE)
        return t->optional;
    switch (t->kind) {
    case RT_BOOL: return v == 0 || v == 1;
    case RT_ENUM: return v >= 0 && v < s->enums[t->enum_idx].n;
    case RT_MONEY:
    case RT_RATE:
    case RT_INT:
    case RT_DATE:
    case RT_DURATION: return 1;
    }
    return 0; /* not reached: the switch covers every kind (-Wswitch) */
}

int rt_schema_field(const RtField *fields, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(fields[i].name, name) == 0)
            return i;
    return -1;
}

char *rt_schema_validity(const RtSchema *s, char *buf, size_t len)
{
    char from[32], to[32];
    if (s->valid_to != POLRT_NONE)
        snprintf(buf, len, "%s to %s", polrt_fmt_date(s->valid_from, from),
                 polrt_fmt_date(s->valid_to - 1, to));
    else
        snprintf(buf, len, "from %s", polrt_fmt_date(s->valid_from, from));
    return buf;
}

/* ---- sections ------------------------------------------------------------------------ */

static int parse_enums(P *p, const cJSON *root, RtSchema *s)
{
    const cJSON *arr;
    int n;
    char where[PATH_MAX_LEN], mwhere[PATH_MAX_LEN];
    if (get_array(p, root, "", "enums", 0, &arr, &n))
        return -1;
    if (n && !(s->enums = alloc_array((size_t)n, sizeof *s->enums)))
        return oom(p);
    s->nenums = n;
    for (int i = 0; i < n; i++) {
        RtEnum *en = &s->enums[i];
        const cJSON *o = get_obj(p, arr, "", "enums", i, where), *ms;
        int nm;
        if (!o || get_str(p, o, where, "name", 1, &en->name) ||
            get_array(p, o, where, "members", 1, &ms, &nm))
            return -1;
        for (int j = 0; j < i; j++)
            if (strcmp(s->enums[j].name, en->name) == 0)
                return fail(p, where, "enum '%s' declared twice", en->name);
        if (nm == 0)
            return fail(p, where, "enum '%s' has no members", en->name);
        if (!(en->names = alloc_array((size_t)nm, sizeof *en->names)) ||
            !(en->labels = alloc_array((size_t)nm, sizeof *en->labels)))
            return oom(p);
        en->n = nm;
        for (int k = 0; k < nm; k++) {
            const cJSON *m = get_obj(p, ms, where, "members", k, mwhere);
            if (!m || get_str(p, m, mwhere, "name", 1, &en->names[k]) ||
                get_str(p, m, mwhere, "label", 0, &en->labels[k]))
                return -1;
            for (int j = 0; j < k; j++)
                if (strcmp(en->names[j], en->names[k]) == 0)
                    return fail(p, mwhere, "member '%s' of enum '%s' declared twice", en->names[k],
                                en->name);
        }
    }
    return 0;
}

/* "claim", "person", "history" or a ledger's "fields" (with_extra: label and default) */
static int parse_fields(P *p, const RtSchema *s, const cJSON *parent, const char *path,
                        const char *key, int with_extra, RtField **out, int *count)
{
    const cJSON *arr;
    int n;
    char where[PATH_MAX_LEN];
    if (get_array(p, parent, path, key, 0, &arr, &n))
        return -1;
    if (n && !(*out = alloc_array((size_t)n, sizeof **out)))
        return oom(p);
    *count = n;
    for (int i = 0; i < n; i++) {
        RtField *f = &(*out)[i];
        const cJSON *o = get_obj(p, arr, path, key, i, where);
        if (!o || get_str(p, o, where, "name", 1, &f->name) || get_type(p, s, o, where, &f->type))
            return -1;
        if (rt_schema_field(*out, i, f->name) >= 0)
            return fail(p, where, "field '%s' declared twice", f->name);
        if (!with_extra)
            continue;
        if (strcmp(f->name, "claim_id") == 0 || strcmp(f->name, "person_id") == 0)
            return fail(p, where, "field '%s' clashes with the id column", f->name);
        if (get_str(p, o, where, "label", 0, &f->label) ||
            get_int(p, o, where, "default", 0, -(int64_t)JSON_INT_MAX, (int64_t)JSON_INT_MAX,
                    &f->def, &f->has_default))
            return -1;
        /* a CSV column binds by name or label: each must pick exactly one field */
        for (int j = 0; j < i; j++) {
            const RtField *g = &(*out)[j];
            if ((f->label && (strcmp(f->label, g->name) == 0 ||
                              (g->label && strcmp(f->label, g->label) == 0))) ||
                (g->label && strcmp(f->name, g->label) == 0))
                return fail(p, where, "field '%s' and field '%s' share a column name", f->name,
                            g->name);
        }
        if (f->has_default && !value_fits(s, &f->type, f->def)) {
            char dw[PATH_MAX_LEN];
            join(dw, where, "default");
            return fail(p, dw, "%lld is not a value of the field's type", (long long)f->def);
        }
    }
    return 0;
}

static int parse_ledgers(P *p, const cJSON *root, RtSchema *s)
{
    const cJSON *arr;
    int n;
    char where[PATH_MAX_LEN];
    if (get_array(p, root, "", "ledgers", 0, &arr, &n))
        return -1;
    if (n && !(s->ledgers = alloc_array((size_t)n, sizeof *s->ledgers)))
        return oom(p);
    s->nledgers = n;
    for (int i = 0; i < n; i++) {
        RtLedger *l = &s->ledgers[i];
        const cJSON *o = get_obj(p, arr, "", "ledgers", i, where);
        if (!o || get_str(p, o, where, "name", 1, &l->name) ||
            get_str(p, o, where, "key", 0, &l->key) ||
            get_str(p, o, where, "key_field", 0, &l->key_field) ||
            parse_fields(p, s, o, where, "fields", 0, &l->fields, &l->nfields))
            return -1;
        for (int j = 0; j < i; j++)
            if (strcmp(s->ledgers[j].name, l->name) == 0)
                return fail(p, where, "ledger '%s' declared twice", l->name);
        if (l->nfields == 0)
            return fail(p, where, "ledger '%s' has no fields", l->name);
        if (s->nledger_fields > RT_MAX_ITEMS - l->nfields)
            return fail(p, where, "too many ledger fields (at most %d)", RT_MAX_ITEMS);
        l->offset = s->nledger_fields;
        s->nledger_fields += l->nfields;
    }
    return 0;
}

/* A param's "versions" (pa->versions): dated, in order, not overlapping, each the width of the
 * param's shape (brackets, one value per index enum member, or a scalar) in the param block
 * (s->nparam_values grown to hold it). 0, or -1 (error set). */
static int parse_versions(P *p, const cJSON *o, const char *where, RtSchema *s, RtParam *pa)
{
    const cJSON *vs;
    int nv;
    char vwhere[PATH_MAX_LEN];
    if (get_array(p, o, where, "versions", 1, &vs, &nv))
        return -1;
    if (nv == 0)
        return fail(p, where, "parameter '%s' has no versions", pa->name);
    if (!(pa->versions = alloc_array((size_t)nv, sizeof *pa->versions)))
        return oom(p);
    pa->nversions = nv;
    for (int k = 0; k < nv; k++) {
        RtVersion *v = &pa->versions[k];
        const cJSON *vo = get_obj(p, vs, where, "versions", k, vwhere);
        int64_t off, width;
        if (!vo || get_date(p, vo, vwhere, "from", 1, &v->from) ||
            get_date(p, vo, vwhere, "to", 0, &v->to) ||
            get_int(p, vo, vwhere, "offset", 1, 0, RT_MAX_PARAM_VALUES - 1, &off, NULL) ||
            get_int(p, vo, vwhere, "width", 1, 1, RT_MAX_PARAM_VALUES, &width, NULL))
            return -1;
        if (v->to != POLRT_NONE && v->to <= v->from)
            return fail(p, vwhere, "ends before it starts");
        if (k > 0) {
            const RtVersion *prev = &pa->versions[k - 1];
            if (prev->to == POLRT_NONE || prev->to > v->from)
                return fail(p, vwhere, "overlaps the version before it");
        }
        if (off + width > RT_MAX_PARAM_VALUES)
            return fail(p, vwhere, "offset + width beyond %d values", RT_MAX_PARAM_VALUES);
        int64_t want = pa->index_enum >= 0 ? s->enums[pa->index_enum].n : 1;
        if (pa->brackets ? (width < 3 || width % 2 == 0) : width != want)
            return fail(p, vwhere, "width %lld does not fit %s", (long long)width,
                        pa->brackets          ? "brackets [n, lo_1, rate_1, ...]"
                        : pa->index_enum >= 0 ? "one value per enum member"
                                              : "a scalar (1)");
        v->offset = (int)off;
        v->width = (int)width;
        if ((size_t)(off + width) > s->nparam_values)
            s->nparam_values = (size_t)(off + width);
    }
    return 0;
}

/* Param i of "params" (arr) into s->params[i]: its name (once), index enum, brackets flag and
 * versions. 0, or -1 (error set). */
static int parse_param(P *p, const cJSON *arr, int i, RtSchema *s)
{
    char where[PATH_MAX_LEN], vwhere[PATH_MAX_LEN];
    RtParam *pa = &s->params[i];
    const cJSON *o = get_obj(p, arr, "", "params", i, where), *br;
    char *index;
    int64_t line = 0;
    if (!o || get_str(p, o, where, "name", 1, &pa->name) || get_type(p, s, o, where, &pa->type) ||
        get_str(p, o, where, "cites", 0, &pa->cites) ||
        get_int(p, o, where, "line", 0, 0, RT_MAX_LINE, &line, NULL) ||
        get_str(p, o, where, "index", 0, &index))
        return -1;
    pa->line = (int)line;
    for (int j = 0; j < i; j++)
        if (strcmp(s->params[j].name, pa->name) == 0) {
            polrt_realloc(index, 0);
            return fail(p, where, "parameter '%s' declared twice", pa->name);
        }
    pa->index_enum = -1;
    if (index) {
        for (int e = 0; e < s->nenums; e++)
            if (strcmp(s->enums[e].name, index) == 0)
                pa->index_enum = e;
        if (pa->index_enum < 0) {
            join(vwhere, where, "index");
            fail(p, vwhere, "unknown enum '%s'", index);
        }
        polrt_realloc(index, 0);
        if (pa->index_enum < 0)
            return -1;
    }
    br = cJSON_GetObjectItemCaseSensitive(o, "brackets");
    if (br && !cJSON_IsNull(br) && !cJSON_IsBool(br)) {
        join(vwhere, where, "brackets");
        return fail(p, vwhere, "expected true or false");
    }
    pa->brackets = cJSON_IsTrue(br);
    if (pa->brackets && pa->index_enum >= 0)
        return fail(p, where, "brackets cannot also be indexed by an enum");
    return parse_versions(p, o, where, s, pa);
}

static int parse_params(P *p, const cJSON *root, RtSchema *s)
{
    const cJSON *arr;
    int n;
    if (get_array(p, root, "", "params", 0, &arr, &n))
        return -1;
    if (n && !(s->params = alloc_array((size_t)n, sizeof *s->params)))
        return oom(p);
    s->nparams = n;
    for (int i = 0; i < n; i++)
        if (parse_param(p, arr, i, s) < 0)
            return -1;
    return 0;
}

/* a rule's "args" ([{name, type}]; absent in schemas written before explanations showed calls) */
static int parse_args(P *p, const RtSchema *s, const cJSON *o, const char *where, RtRule *r)
{
    const cJSON *as;
    char awhere[PATH_MAX_LEN];
    int na;
    if (get_array(p, o, where, "args", 0, &as, &na))
        return -1;
    if (na && !(r->args = alloc_array((size_t)na, sizeof *r->args)))
        return oom(p);
    r->nargs = na;
    for (int k = 0; k < na; k++) {
        const cJSON *ao = get_obj(p, as, where, "args", k, awhere);
        if (!ao || get_str(p, ao, awhere, "name", 1, &r->args[k].name) ||
            get_type(p, s, ao, awhere, &r->args[k].type))
            return -1;
    }
    return 0;
}

static int parse_rules(P *p, const cJSON *root, RtSchema *s)
{
    const cJSON *arr;
    int n;
    char where[PATH_MAX_LEN], bwhere[PATH_MAX_LEN];
    if (get_array(p, root, "", "rules", 0, &arr, &n))
        return -1;
    if (n && !(s->rules = alloc_array((size_t)n, sizeof *s->rules)))
        return oom(p);
    s->nrules = n;
    for (int i = 0; i < n; i++) {
        RtRule *r = &s->rules[i];
        const cJSON *o = get_obj(p, arr, "", "rules", i, where), *bs;
        int64_t line = 0, col = 0;
        int nb;
        if (!o || get_str(p, o, where, "name", 1, &r->name) || get_type(p, s, o, where, &r->type) ||
            get_str(p, o, where, "label", 0, &r->label) ||
            get_str(p, o, where, "cites", 0, &r->cites) ||
            get_str(p, o, where, "doc", 0, &r->doc) ||
            get_int(p, o, where, "line", 0, 0, RT_MAX_LINE, &line, NULL) ||
            get_int(p, o, where, "col", 0, 0, RT_MAX_LINE, &col, NULL) ||
            get_array(p, o, where, "branches", 1, &bs, &nb))
            return -1;
        r->line = (int)line;
        r->col = (int)col;
        for (int j = 0; j < i; j++)
            if (strcmp(s->rules[j].name, r->name) == 0)
                return fail(p, where, "rule '%s' declared twice", r->name);
        if (nb == 0)
            return fail(p, where, "rule '%s' has no branches", r->name);
        if (!(r->branches = alloc_array((size_t)nb, sizeof *r->branches)))
            return oom(p);
        r->nbranches = nb;
        for (int k = 0; k < nb; k++) {
            RtBranch *b = &r->branches[k];
            const cJSON *bo = get_obj(p, bs, where, "branches", k, bwhere);
            int64_t bline = 0;
            if (!bo || get_str(p, bo, bwhere, "name", 1, &b->name) ||
                get_str(p, bo, bwhere, "cites", 0, &b->cites) ||
                get_int(p, bo, bwhere, "line", 0, 0, RT_MAX_LINE, &bline, NULL))
                return -1;
            b->line = (int)bline;
        }
        if (parse_args(p, s, o, where, r))
            return -1;
    }
    return 0;
}

static int parse_outputs(P *p, const cJSON *root, RtSchema *s)
{
    const cJSON *arr;
    int n;
    char where[PATH_MAX_LEN];
    if (get_array(p, root, "", "outputs", 0, &arr, &n))
        return -1;
    if (n && !(s->outputs = alloc_array((size_t)n, sizeof *s->outputs)))
        return oom(p);
    s->noutputs = n;
    for (int i = 0; i < n; i++) {
        RtOutput *out = &s->outputs[i];
        const cJSON *o = get_obj(p, arr, "", "outputs", i, where);
        int64_t rule;
        char *role = NULL;
        if (!o || get_str(p, o, where, "name", 1, &out->name) ||
            get_str(p, o, where, "label", 0, &out->label) || get_type(p, s, o, where, &out->type) ||
            get_str(p, o, where, "role", 0, &role))
            return -1;
        static const char *const roles[] = {"payer", "patient", "info", "hospital"};
        for (int k = 0; role && k < (int)(sizeof roles / sizeof roles[0]); k++)
            if (strcmp(role, roles[k]) == 0)
                out->role = (RtRole)(RT_ROLE_PAYER + k);
        int bad_role = role && out->role == RT_ROLE_NONE;
        polrt_realloc(role, 0);
        if (bad_role)
            return fail(p, where, "unknown role of output '%s' (payer, patient, hospital or info)",
                        out->name);
        for (int j = 0; j < i; j++)
            if (strcmp(s->outputs[j].name, out->name) == 0)
                return fail(p, where, "output '%s' declared twice", out->name);
        if (s->nrules == 0)
            return fail(p, where, "output '%s' names a rule, but there are no rules", out->name);
        if (get_int(p, o, where, "rule", 1, 0, s->nrules - 1, &rule, NULL))
            return -1;
        out->rule = (int)rule;
        const RtType *rt = &s->rules[rule].type;
        if (rt->kind != out->type.kind || rt->enum_idx != out->type.enum_idx ||
            (rt->kind == RT_DURATION && rt->unit != out->type.unit))
            return fail(p, where, "output '%s' and its rule '%s' differ in type", out->name,
                        s->rules[rule].name);
    }
    return 0;
}

static int parse_locs(P *p, const cJSON *root, RtSchema *s)
{
    const cJSON *arr;
    int n;
    char where[PATH_MAX_LEN];
    if (get_array(p, root, "", "locs", 0, &arr, &n))
        return -1;
    if (n && !(s->locs = alloc_array((size_t)n, sizeof *s->locs)))
        return oom(p);
    s->nlocs = n;
    for (int i = 0; i < n; i++) {
        RtLoc *l = &s->locs[i];
        const cJSON *o = get_obj(p, arr, "", "locs", i, where);
        int64_t line = 0, col = 0;
        if (!o || get_str(p, o, where, "rule", 1, &l->rule) ||
            get_int(p, o, where, "line", 1, 0, RT_MAX_LINE, &line, NULL) ||
            get_int(p, o, where, "col", 1, 0, RT_MAX_LINE, &col, NULL))
            return -1;
        l->line = (int)line;
        l->col = (int)col;
        /* a max or min over history: its candidates' type ("best": "max" or "min") */
        char *best = NULL;
        if (get_str(p, o, where, "best", 0, &best))
            return -1;
        l->best = best ? (strcmp(best, "max") == 0 ? 1 : strcmp(best, "min") == 0 ? 2 : -1) : 0;
        polrt_realloc(best, 0);
        if (l->best < 0)
            return fail(p, where, "best is max or min");
        if (l->best && get_type(p, s, o, where, &l->type))
            return -1;
        /* a read of a table member the policy marks unknown: the param (a table) and member */
        int64_t param = -1, member = -1;
        int has = 0;
        if (get_int(p, o, where, "param", 0, 0, s->nparams - 1, &param, &has))
            return -1;
        l->param = l->member = -1;
        if (!has)
            continue;
        int ie = s->params[param].index_enum;
        if (ie < 0)
            return fail(p, where, "param %lld is not a table", (long long)param);
        if (get_int(p, o, where, "member", 1, 0, s->enums[ie].n - 1, &member, NULL))
            return -1;
        l->param = (int)param;
        l->member = (int)member;
    }
    return 0;
}

/* "rejects": the policy's input checks, optional (a policy without any, or a schema written
 * before they existed); polc_check returns an index into this list */
static int parse_rejects(P *p, const cJSON *root, RtSchema *s)
{
    const cJSON *arr;
    int n;
    char where[PATH_MAX_LEN];
    if (get_array(p, root, "", "rejects", 0, &arr, &n))
        return -1;
    if (n && !(s->rejects = alloc_array((size_t)n, sizeof *s->rejects)))
        return oom(p);
    s->nrejects = n;
    for (int i = 0; i < n; i++) {
        RtReject *r = &s->rejects[i];
        const cJSON *o = get_obj(p, arr, "", "rejects", i, where);
        int64_t line = 0;
        if (!o || get_str(p, o, where, "message", 1, &r->message) ||
            get_int(p, o, where, "line", 0, 0, RT_MAX_LINE, &line, NULL))
            return -1;
        r->line = (int)line;
    }
    return 0;
}

static int parse_header(P *p, const cJSON *root, RtSchema *s)
{
    int64_t version;
    if (get_int(p, root, "", "schema_version", 1, INT32_MIN, INT32_MAX, &version, NULL))
        return -1;
    if (version != SCHEMA_VERSION)
        return fail(p, "schema_version", "%lld is not supported (this runtime reads %d)",
                    (long long)version, SCHEMA_VERSION);
    if (get_str(p, root, "", "policy", 1, &s->policy) ||
        get_str(p, root, "", "source", 0, &s->source) ||
        get_str(p, root, "", "file", 0, &s->file) ||
        get_str(p, root, "", "sha256", 1, &s->sha256) ||
        get_str(p, root, "", "compiler", 0, &s->compiler) ||
        get_str(p, root, "", "built", 0, &s->built) ||
        get_date(p, root, "", "valid_from", 0, &s->valid_from) ||
        get_date(p, root, "", "valid_to", 0, &s->valid_to))
        return -1;
    size_t n = strlen(s->sha256);
    if (n != SHA256_HEX_LEN || strspn(s->sha256, "0123456789abcdef") != n)
        return fail(p, "sha256", "expected %d lowercase hex digits", SHA256_HEX_LEN);
    if (s->valid_from != POLRT_NONE && s->valid_to != POLRT_NONE && s->valid_to <= s->valid_from)
        return fail(p, "valid_to", "ends before valid_from");
    return 0;
}

/* claim_date names a required date field of the claim: it is PolCtx.asof */
static int check_claim_date(P *p, const cJSON *root, RtSchema *s)
{
    if (get_str(p, root, "", "claim_date", 0, &s->claim_date))
        return -1;
    if (!s->claim_date)
        return 0;
    int i = rt_schema_field(s->claim, s->nclaim, s->claim_date);
    if (i < 0)
        return fail(p, "claim_date", "'%s' is not a claim field", s->claim_date);
    if (s->claim[i].type.kind != RT_DATE || s->claim[i].type.optional)
        return fail(p, "claim_date", "claim field '%s' is not a required date", s->claim_date);
    return 0;
}

/* A history whose fields `from` and `to` are dates has spans (spec/LANGUAGE.md §11): the
 * readers of rows refuse one that ends before it begins (rt_span_check). 0 */
static int find_span(RtSchema *s)
{
    for (int i = 0; i < s->nhist; i++) {
        if (s->hist[i].type.kind != RT_DATE)
            continue;
        if (!strcmp(s->hist[i].name, "from"))
            s->span_from = i;
        else if (!strcmp(s->hist[i].name, "to"))
            s->span_to = i;
    }
    if (s->span_from < 0 || s->span_to < 0)
        s->span_from = s->span_to = -1;
    return 0;
}

int rt_schema_parse(const char *json, RtSchema *s, char *err, size_t errlen)
{
    P p = {err, errlen};
    memset(s, 0, sizeof *s);
    s->valid_from = s->valid_to = POLRT_NONE;
    if (err && errlen)
        err[0] = '\0';
    if (!json)
        return fail(&p, "", "no schema text");
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithOpts(json, &end, 1);
    if (!root) {
        /* cJSON reports where it stopped; give the byte offset and a little context */
        if (!end)
            return fail(&p, "", "not valid JSON");
        char near[20 + RT_SHOW_MARK];
        return fail(&p, "", "not valid JSON at byte %td (near \"%s\")", end - json,
                    rt_show(near, sizeof near, end));
    }
    int rc = -1;
    s->span_from = s->span_to = -1;
    if (!cJSON_IsObject(root))
        fail(&p, "", "expected a JSON object");
    else if (!parse_header(&p, root, s) && !parse_enums(&p, root, s) &&
             !parse_fields(&p, s, root, "", "claim", 1, &s->claim, &s->nclaim) &&
             !parse_fields(&p, s, root, "", "person", 1, &s->person, &s->nperson) &&
             !parse_fields(&p, s, root, "", "history", 1, &s->hist, &s->nhist) &&
             !check_claim_date(&p, root, s) && !parse_ledgers(&p, root, s) &&
             !parse_params(&p, root, s) && !parse_rules(&p, root, s) &&
             !parse_outputs(&p, root, s) && !parse_locs(&p, root, s) && !parse_rejects(&p, root, s))
        rc = find_span(s);
    cJSON_Delete(root);
    if (rc)
        rt_schema_free(s);
    return rc;
}

/* ---- freeing ------------------------------------------------------------------------- */

static void free_fields(RtField *f, int n)
{
    for (int i = 0; i < n; i++) {
        polrt_realloc(f[i].name, 0);
        polrt_realloc(f[i].label, 0);
    }
    polrt_realloc(f, 0);
}

/* frees whatever was allocated, also after a failed parse (counts are set with arrays) */
void rt_schema_free(RtSchema *s)
{
    if (!s)
        return;
    char **strs[] = {&s->policy,   &s->source, &s->file,      &s->sha256,
                     &s->compiler, &s->built,  &s->claim_date};
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
        polrt_realloc(*strs[i], 0);
    for (int i = 0; i < s->nenums; i++) {
        RtEnum *en = &s->enums[i];
        for (int k = 0; k < en->n; k++) {
            polrt_realloc(en->names ? en->names[k] : NULL, 0);
            polrt_realloc(en->labels ? en->labels[k] : NULL, 0);
        }
        polrt_realloc(en->names, 0);
        polrt_realloc(en->labels, 0);
        polrt_realloc(en->name, 0);
    }
    polrt_realloc(s->enums, 0);
    free_fields(s->claim, s->nclaim);
    free_fields(s->person, s->nperson);
    free_fields(s->hist, s->nhist);
    for (int i = 0; i < s->nledgers; i++) {
        polrt_realloc(s->ledgers[i].name, 0);
        polrt_realloc(s->ledgers[i].key, 0);
        polrt_realloc(s->ledgers[i].key_field, 0);
        free_fields(s->ledgers[i].fields, s->ledgers[i].nfields);
    }
    polrt_realloc(s->ledgers, 0);
    for (int i = 0; i < s->noutputs; i++) {
        polrt_realloc(s->outputs[i].name, 0);
        polrt_realloc(s->outputs[i].label, 0);
    }
    polrt_realloc(s->outputs, 0);
    for (int i = 0; i < s->nparams; i++) {
        polrt_realloc(s->params[i].name, 0);
        polrt_realloc(s->params[i].cites, 0);
        polrt_realloc(s->params[i].versions, 0);
    }
    polrt_realloc(s->params, 0);
    for (int i = 0; i < s->nrules; i++) {
        RtRule *r = &s->rules[i];
        for (int k = 0; k < r->nbranches; k++) {
            polrt_realloc(r->branches[k].name, 0);
            polrt_realloc(r->branches[k].cites, 0);
        }
        polrt_realloc(r->branches, 0);
        for (int k = 0; k < r->nargs; k++)
            polrt_realloc(r->args[k].name, 0);
        polrt_realloc(r->args, 0);
        polrt_realloc(r->name, 0);
        polrt_realloc(r->label, 0);
        polrt_realloc(r->cites, 0);
        polrt_realloc(r->doc, 0);
    }
    polrt_realloc(s->rules, 0);
    for (int i = 0; i < s->nlocs; i++)
        polrt_realloc(s->locs[i].rule, 0);
    polrt_realloc(s->locs, 0);
    for (int i = 0; i < s->nrejects; i++)
        polrt_realloc(s->rejects[i].message, 0);
    polrt_realloc(s->rejects, 0);
    memset(s, 0, sizeof *s);
    s->valid_from = s->valid_to = POLRT_NONE;
}
