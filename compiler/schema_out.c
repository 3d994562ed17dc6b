/* schema_out.c — the schema every compiled policy embeds (spec/SCHEMA.md): its identity
 * (name, source file, SHA-256, compiler, build time) and everything the runtime binds by name
 * (inputs, ledgers, outputs, parameters and their versions, rules, citations, failure sites). */
#include "schema_out.h"

#include <cjson/cJSON.h>
#include <nettle/sha2.h>
#include <stdlib.h>
#include <time.h>

#include "polrt.h"

void schema_sha256(const char *text, size_t len, char out[65])
{
    struct sha256_ctx c;
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_init(&c);
    sha256_update(&c, len, (const uint8_t *)text);
    sha256_digest(&c, sizeof d, d);
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static const char *type_str(Arena *a, Type t)
{
    const char *s;
    switch (t.kind) {
    case TY_ENUM: s = arena_printf(a, "enum:%s", t.en->name); break;
    case TY_DURATION: {
        static const char *u[] = {"days", "workdays", "months", "years"};
        s = arena_printf(a, "duration:%s", u[t.unit]);
        break;
    }
    case TY_BRACKETS: s = "brackets"; break;
    default: s = type_name(a, (Type){t.kind, 0, 0, NULL}); break;
    }
    return t.optional ? arena_printf(a, "%s?", s) : s;
}

static cJSON *str_or_null(const char *s)
{
    return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static cJSON *date_or_null(int64_t day)
{
    if (day == INT64_MIN || day == INT64_MAX)
        return cJSON_CreateNull();
    char buf[32];
    return cJSON_CreateString(polrt_fmt_date(day, buf));
}

static int line_of(Loc l, int *col)
{
    int line = 0, c = 0;
    if (l.src)
        source_linecol(l.src, l.start, &line, &c);
    if (col)
        *col = c;
    return line;
}

static cJSON *fields_json(Arena *a, Decl *rec, int inputs)
{
    cJSON *arr = cJSON_CreateArray();
    for (int i = 0; rec && i < rec->fields.len; i++) {
        Field *f = &rec->fields.data[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "name", f->name);
        /* a money column in fen: "money:fen", which a runtime that reads every money cell as
         * yuan refuses rather than reading 100 times too much */
        const char *ty = type_str(a, f->ty);
        if (f->fen)
            ty = arena_printf(a, "money:fen%s", f->ty.optional ? "?" : "");
        cJSON_AddStringToObject(o, "type", ty);
        if (inputs) {
            cJSON_AddItemToObject(o, "label", str_or_null(f->label));
            if (f->def)
                cJSON_AddNumberToObject(o, "default", (double)f->def_val);
            else
                cJSON_AddNullToObject(o, "default");
        }
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

/* the enums: each with its members' names and labels */
static cJSON *enums_json(const Policy *pol)
{
    cJSON *enums = cJSON_CreateArray();
    for (int i = 0; i < pol->enums.len; i++) {
        Decl *d = pol->enums.data[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "name", d->name);
        cJSON *ms = cJSON_AddArrayToObject(o, "members");
        for (int j = 0; j < d->members.len; j++) {
            cJSON *m = cJSON_CreateObject();
            cJSON_AddStringToObject(m, "name", d->members.data[j].name);
            cJSON_AddItemToObject(m, "label", str_or_null(d->members.data[j].label));
            cJSON_AddItemToArray(ms, m);
        }
        cJSON_AddItemToArray(enums, o);
    }
    return enums;
}

/* the ledgers: each with its key as written and its fields */
static cJSON *ledgers_json(Arena *a, const Policy *pol)
{
    cJSON *ledgers = cJSON_CreateArray();
    for (int i = 0; i < pol->ledgers.len; i++) {
        Decl *d = pol->ledgers.data[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "name", d->name);
        if (d->key) {
            Loc k = d->key->loc;
            cJSON_AddStringToObject(
                o, "key",
                arena_printf(a, "year of %.*s", (int)(k.end - k.start), k.src->text + k.start));
        } else {
            cJSON_AddStringToObject(o, "key", "lifetime");
        }
        /* the runtime keeps only the latest year's row when this is the claim date field */
        const Node *kf = d->key;
        cJSON_AddItemToObject(o, "key_field",
                              str_or_null(kf && kf->kind == ND_FIELD && kf->ref == REF_CLAIM_FIELD
                                              ? pol->claim->fields.data[kf->idx].name
                                              : NULL));
        cJSON_AddItemToObject(o, "fields", fields_json(a, d, 0));
        cJSON_AddItemToArray(ledgers, o);
    }
    return ledgers;
}

/* the outputs, in column order, each with the rule that computes it */
static cJSON *outputs_json(Arena *a, const IrProgram *ir)
{
    Policy *pol = ir->pol;
    cJSON *outs = cJSON_CreateArray();
    for (int i = 0; i < ir->noutputs; i++) {
        Decl *r = pol->rules.data[ir->outputs[i]];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "name", r->name);
        cJSON_AddStringToObject(o, "type", type_str(a, r->ty));
        cJSON_AddItemToObject(o, "label", str_or_null(pol->output_labels.data[i]));
        cJSON_AddItemToObject(o, "role", str_or_null(pol->output_roles.data[i]));
        cJSON_AddNumberToObject(o, "rule", ir->outputs[i]);
        cJSON_AddItemToArray(outs, o);
    }
    return outs;
}

/* the params, each with its versions' dates and where their values are in the param block */
static cJSON *params_json(Arena *a, const IrProgram *ir)
{
    cJSON *params = cJSON_CreateArray();
    for (int i = 0; i < ir->nparams; i++) {
        const IrParam *ip = &ir->params[i];
        Decl *d = ip->decl;
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "name", d->name);
        /* brackets hold money thresholds and rates and give money: type money + a flag */
        int br = d->ty.kind == TY_BRACKETS;
        cJSON_AddStringToObject(o, "type", br ? "money" : type_str(a, d->ty));
        cJSON_AddBoolToObject(o, "brackets", br);
        cJSON_AddItemToObject(o, "index", str_or_null(d->index_enum ? d->index_enum->name : NULL));
        cJSON_AddItemToObject(o, "cites", str_or_null(d->cites));
        cJSON_AddNumberToObject(o, "line", line_of(d->loc, NULL));
        cJSON *vs = cJSON_AddArrayToObject(o, "versions");
        for (int j = 0; j < ip->nv; j++) {
            cJSON *v = cJSON_CreateObject();
            cJSON_AddItemToObject(v, "from", date_or_null(ip->v[j].from));
            cJSON_AddItemToObject(v, "to", date_or_null(ip->v[j].to));
            cJSON_AddNumberToObject(v, "offset", (double)ip->v[j].offset);
            cJSON_AddNumberToObject(v, "width", ip->width);
            cJSON_AddItemToArray(vs, v);
        }
        cJSON_AddItemToArray(params, o);
    }
    return params;
}

/* the rules, each with where it is, its arguments and its branches */
static cJSON *rules_json(Arena *a, const IrProgram *ir)
{
    cJSON *rules = cJSON_CreateArray();
    for (int i = 0; i < ir->nrules; i++) {
        const IrRule *r = &ir->rules[i];
        Decl *d = r->decl;
        int col;
        int line = line_of(d->loc, &col);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "name", r->name);
        cJSON_AddStringToObject(o, "type", type_str(a, d->ty));
        cJSON_AddItemToObject(o, "label", str_or_null(d->label));
        cJSON_AddItemToObject(o, "cites", str_or_null(d->cites));
        cJSON_AddNumberToObject(o, "line", line);
        cJSON_AddNumberToObject(o, "col", col);
        cJSON_AddNumberToObject(o, "nargs", r->nargs);
        cJSON *args = cJSON_AddArrayToObject(o, "args");
        for (int j = 0; j < r->nargs; j++) {
            cJSON *ao = cJSON_CreateObject();
            cJSON_AddStringToObject(ao, "name", d->fields.data[j].name);
            cJSON_AddStringToObject(ao, "type", type_str(a, d->fields.data[j].ty));
            cJSON_AddItemToArray(args, ao);
        }
        cJSON *brs = cJSON_AddArrayToObject(o, "branches");
        for (int j = 0; j < r->nbr; j++) {
            cJSON *b = cJSON_CreateObject();
            cJSON_AddStringToObject(b, "name", r->br[j].name);
            cJSON_AddItemToObject(b, "cites", str_or_null(r->br[j].cites));
            cJSON_AddNumberToObject(b, "line", r->br[j].line);
            cJSON_AddItemToArray(brs, b);
        }
        cJSON_AddItemToArray(rules, o);
    }
    return rules;
}

/* the reject statements' messages and lines */
static cJSON *rejects_json(const IrProgram *ir)
{
    cJSON *rejects = cJSON_CreateArray();
    for (int i = 0; i < ir->nrejects; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "message", ir->reject_msgs[i]);
        cJSON_AddNumberToObject(o, "line", line_of(ir->pol->rejects.data[i]->loc, NULL));
        cJSON_AddItemToArray(rejects, o);
    }
    return rejects;
}

/* the source locations the compiled code reports by number (explanations, failures) */
static cJSON *locs_json(Arena *a, const IrProgram *ir)
{
    cJSON *locs = cJSON_CreateArray();
    for (int i = 0; i < ir->nlocs; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "rule", ir->locs[i].rule ? ir->locs[i].rule : "");
        cJSON_AddNumberToObject(o, "line", ir->locs[i].line);
        cJSON_AddNumberToObject(o, "col", ir->locs[i].col);
        if (ir->locs[i].best) { /* a max or min over history: the candidates' type */
            cJSON_AddStringToObject(o, "best", ir->locs[i].best == 1 ? "max" : "min");
            cJSON_AddStringToObject(o, "type", type_str(a, ir->locs[i].ty));
        }
        if (ir->locs[i].param >= 0) { /* reading a table member the policy marks unknown */
            cJSON_AddNumberToObject(o, "param", ir->locs[i].param);
            cJSON_AddNumberToObject(o, "member", ir->locs[i].member);
        }
        cJSON_AddItemToArray(locs, o);
    }
    return locs;
}

char *schema_json(Arena *a, const IrProgram *ir, const SchemaInfo *info)
{
    Policy *pol = ir->pol;
    Program *p = pol->prog;
    cJSON *root = cJSON_CreateObject();
    cJSON_AddNumberToObject(root, "schema_version", 1);
    cJSON_AddStringToObject(root, "policy", p->name ? p->name : "");
    cJSON_AddItemToObject(root, "reform", str_or_null(info->reform));
    cJSON_AddItemToObject(root, "source", str_or_null(p->source_doc));
    cJSON_AddStringToObject(root, "file", info->file);
    cJSON_AddStringToObject(root, "sha256", info->sha256);
    cJSON_AddStringToObject(root, "compiler", POLC_VERSION_STRING);
    cJSON_AddStringToObject(root, "built", info->built);
    cJSON_AddItemToObject(root, "valid_from", date_or_null(pol->valid_from));
    /* exclusive, like every "to" of the schema: the first day no longer covered */
    cJSON_AddItemToObject(root, "valid_to", date_or_null(pol->valid_to));
    cJSON_AddItemToObject(
        root, "claim_date",
        str_or_null(pol->dated_field >= 0 ? pol->claim->fields.data[pol->dated_field].name : NULL));
    cJSON_AddItemToObject(root, "enums", enums_json(pol));
    cJSON_AddItemToObject(root, "claim", fields_json(a, pol->claim, 1));
    cJSON_AddItemToObject(root, "person", fields_json(a, pol->person, 1));
    cJSON_AddItemToObject(root, "history", fields_json(a, pol->history, 1));
    cJSON_AddItemToObject(root, "ledgers", ledgers_json(a, pol));
    cJSON_AddItemToObject(root, "outputs", outputs_json(a, ir));
    cJSON_AddItemToObject(root, "params", params_json(a, ir));
    cJSON_AddItemToObject(root, "rules", rules_json(a, ir));
    cJSON_AddItemToObject(root, "rejects", rejects_json(ir));
    cJSON_AddItemToObject(root, "locs", locs_json(a, ir));
    char *txt = cJSON_PrintUnformatted(root);
    char *out = arena_strdup(a, txt);
    free(txt);
    cJSON_Delete(root);
    return out;
}

const char *schema_build_time(Arena *a)
{
    /* SOURCE_DATE_EPOCH makes builds reproducible (reproducible-builds.org convention) */
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    time_t t = sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    char buf[32];
    strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return arena_strdup(a, buf);
}
