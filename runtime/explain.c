/* explain.c — why a claim paid what it paid, from its settlement trace: the inputs, every
 * rule the claim needed (value, exception taken, citation), the parameter versions in
 * force, each ledger before and after, the outputs, or the error. As text for a policy
 * analyst, or as one JSON line (built with cJSON) for tools. */
#include "rt_int.h"

#include <cjson/cJSON.h>
#include <inttypes.h>
#include <string.h>

/* The JSON layout version ("explain_version"); bump on any incompatible change. */
#define EXPLAIN_VERSION 1
/* room for one formatted value: a grouped amount, or an enum member with its label */
#define VAL_LEN 256
/* the text layout: names padded to at least this many columns, values indented by this */
#define NAME_COL_MIN 10
#define INDENT       "  "

/* ---- the trace the traced entry points write (PolCtx.trace) ----------------------------- */

void rt_trace_reset(RtTrace *t)
{
    if (t->nspan)
        memset(t->span, 0, t->nspan * sizeof *t->span);
    t->nspan = 0;
    t->ncalls = 0;
    t->npicks = 0;
    t->lost = 0;
}

void rt_trace_free(RtTrace *t)
{
    polrt_realloc(t->span, 0);
    polrt_realloc(t->calls, 0);
    polrt_realloc(t->picks, 0);
    memset(t, 0, sizeof *t);
}

POLRT_API void polrt_trace_span(PolCtx *ctx, int64_t span)
{
    RtTrace *t = ctx->trace;
    if (!t || span < 0 || span >= ctx->nhist)
        return;
    size_t n = (size_t)span + 1;
    if (n > t->nspan) {
        if (rt_grow(&t->span, &t->cap_span, n, sizeof *t->span)) {
            t->lost = 1;
            return;
        }
        memset(t->span + t->nspan, 0, (n - t->nspan) * sizeof *t->span);
        t->nspan = n;
    }
    t->span[span] = 1;
}

/* A call is recorded once: a rule with the same arguments has the same value within a claim
 * (rules read nothing the claim changes), however often the policy asks. */
POLRT_API void polrt_trace_call(PolCtx *ctx, int64_t rule, int64_t value, const int64_t *args,
                                int64_t nargs)
{
    RtTrace *t = ctx->trace;
    if (!t || nargs < 0)
        return;
    for (size_t i = 0; i < t->ncalls; i += 3 + (size_t)t->calls[i + 2])
        if (t->calls[i] == rule && t->calls[i + 2] == nargs &&
            (nargs == 0 || memcmp(t->calls + i + 3, args, (size_t)nargs * sizeof *args) == 0))
            return;
    size_t n = t->ncalls + 3 + (size_t)nargs;
    if (rt_grow(&t->calls, &t->cap_calls, n, sizeof *t->calls)) {
        t->lost = 1;
        return;
    }
    int64_t *c = t->calls + t->ncalls;
    c[0] = rule;
    c[1] = value;
    c[2] = nargs;
    if (nargs)
        memcpy(c + 3, args, (size_t)nargs * sizeof *args);
    t->ncalls = n;
}

/* once per (aggregate, span, value): an aggregate inside a rule with arguments runs once per
 * call, and the same candidate is not listed twice */
POLRT_API void polrt_trace_pick(PolCtx *ctx, int64_t loc, int64_t span, int64_t value)
{
    RtTrace *t = ctx->trace;
    if (!t)
        return;
    for (size_t i = 0; i < t->npicks; i += 3)
        if (t->picks[i] == loc && t->picks[i + 1] == span && t->picks[i + 2] == value)
            return;
    if (rt_grow(&t->picks, &t->cap_picks, t->npicks + 3, sizeof *t->picks)) {
        t->lost = 1;
        return;
    }
    t->picks[t->npicks++] = loc;
    t->picks[t->npicks++] = span;
    t->picks[t->npicks++] = value;
}

/* ---- values as an analyst reads them ------------------------------------------------ */

/* "12,345.67 yuan", "county (县区)", "none"; everything else as in the results CSV
 * (rt_format_value): "75%", "2024-03-10", "true", "5 workdays" */
static const char *show(const RtSchema *s, const RtType *t, int64_t v, char *buf)
{
    char tmp[VAL_LEN / 2];
    if (v == POLRT_NONE) {
        snprintf(buf, VAL_LEN, "none");
        return buf;
    }
    switch (t->kind) {
    case RT_MONEY: snprintf(buf, VAL_LEN, "%s yuan", polrt_fmt_money(v, tmp, 1)); return buf;
    case RT_ENUM: {
        const RtEnum *en = &s->enums[t->enum_idx];
        rt_format_value(s, t, v, tmp, sizeof tmp);
        if (v >= 0 && v < en->n && en->labels[v])
            snprintf(buf, VAL_LEN, "%s (%.*s)", tmp, VAL_LEN / 2 - 8, en->labels[v]);
        else
            snprintf(buf, VAL_LEN, "%s", tmp);
        return buf;
    }
    case RT_RATE:
    case RT_INT:
    case RT_BOOL:
    case RT_DATE:
    case RT_DURATION: return rt_format_value(s, t, v, buf, VAL_LEN);
    }
    return rt_format_value(s, t, v, buf, VAL_LEN);
}

/* the name, padded to width columns, then two spaces */
static void put_name(FILE *f, const char *name, int width)
{
    fprintf(f, INDENT "%s", name);
    for (int w = rt_display_width(name); w < width + 2; w++)
        fputc(' ', f);
}

/* what a person reads for a named thing: "政府兜底 (backstop)" when it has a label, else
 * its name (rt_rule_heading's wording, for fields and outputs too) */
static const char *heading(const char *name, const char *label, char *buf)
{
    if (!label)
        return name;
    snprintf(buf, VAL_LEN, "%s (%s)", label, name);
    return buf;
}

static int name_width(int n, const char *(*name)(const void *, int, char *), const void *arr)
{
    int w = NAME_COL_MIN;
    char buf[VAL_LEN];
    for (int i = 0; i < n; i++) {
        int d = rt_display_width(name(arr, i, buf));
        if (d > w)
            w = d;
    }
    return w;
}

static const char *field_name(const void *a, int i, char *buf)
{
    return heading(((const RtField *)a)[i].name, ((const RtField *)a)[i].label, buf);
}
static const char *rule_name(const void *a, int i, char *buf)
{
    return heading(((const RtRule *)a)[i].name, ((const RtRule *)a)[i].label, buf);
}
static const char *output_name(const void *a, int i, char *buf)
{
    return heading(((const RtOutput *)a)[i].name, ((const RtOutput *)a)[i].label, buf);
}

/* "(in force from 2017-04-07)" or "(in force from 2017-01-01 to 2024-12-31)": the last day
 * it is in force, as the policy writes `to` (v->to is the first day it is not, which read as
 * "until 2025-01-01" seemed to take that day in) */
static void put_period(FILE *f, const RtVersion *v)
{
    char a[32], b[32];
    if (v->to == POLRT_NONE)
        fprintf(f, "(in force from %s)", polrt_fmt_date(v->from, a));
    else
        fprintf(f, "(in force from %s to %s)", polrt_fmt_date(v->from, a),
                polrt_fmt_date(v->to - 1, b));
}

/* a table entry: its value, or "unknown" for a member the policy marks so (a param is never
 * absent otherwise) */
static const char *entry_text(const RtSchema *s, const RtParam *p, int64_t v, char *buf)
{
    if (v == POLRT_NONE) {
        snprintf(buf, VAL_LEN, "unknown");
        return buf;
    }
    return show(s, &p->type, v, buf);
}

/* one parameter as used: "deductible[county] = 300.00 yuan (in force from ...)  — 第三条" */
static void put_param(FILE *f, const RtSchema *s, const int64_t *table, int64_t member, int pi,
                      int64_t ver)
{
    const RtParam *p = &s->params[pi];
    const RtVersion *v = &p->versions[ver];
    const int64_t *vals = table + v->offset;
    char buf[VAL_LEN];
    fprintf(f, INDENT "%s", p->name);
    if (p->brackets) {
        RtType rate = {.kind = RT_RATE, .enum_idx = -1};
        fputs(" =", f);
        for (int64_t i = 0; i < vals[0]; i++) {
            fprintf(f, "%s from %s", i ? ";" : "", show(s, &p->type, vals[1 + 2 * i], buf));
            fprintf(f, " at %s", show(s, &rate, vals[2 + 2 * i], buf));
        }
    } else if (p->index_enum >= 0) {
        const RtEnum *en = &s->enums[p->index_enum];
        int64_t m = member; /* the entry the policy read (the trace), or -1 */
        if (m >= 0 && m < en->n) {
            fprintf(f, "[%s] = %s", en->names[m], entry_text(s, p, vals[m], buf));
        } else {
            /* no trace of the entry read: show the whole row */
            fputs(" = {", f);
            for (int i = 0; i < en->n; i++)
                fprintf(f, "%s%s %s", i ? ", " : "", en->names[i], entry_text(s, p, vals[i], buf));
            fputs("}", f);
        }
    } else {
        fprintf(f, " = %s", show(s, &p->type, vals[0], buf));
    }
    fputc(' ', f);
    put_period(f, v);
    if (p->cites)
        fprintf(f, "  — %s", p->cites);
    fputc('\n', f);
}

/* the branch taken, when it is not the rule's base definition */
static void put_branch(FILE *f, const RtBranch *b, int64_t bi)
{
    (void)bi;
    if (strcmp(b->name, "default") == 0)
        return;
    if (strncmp(b->name, "from ", 5) == 0)
        fprintf(f, "  (version %s)", b->name);
    else
        fprintf(f, "  (exception %s)", b->name);
}

/* one call of a rule with arguments, "total_for(tekun)": its arguments as the results CSV
 * writes them (c: a trace record, rule, value, nargs, arguments) */
static const char *call_text(const RtSchema *s, const int64_t *c, char *buf, size_t len)
{
    const RtRule *rule = &s->rules[c[0]];
    size_t n = (size_t)snprintf(buf, len, "%s(", rule->name);
    for (int64_t k = 0; k < c[2] && n < len; k++) {
        char v[VAL_LEN];
        if (c[3 + k] == POLRT_NONE)
            snprintf(v, sizeof v, "none");
        else if (k < rule->nargs)
            rt_format_value(s, &rule->args[k].type, c[3 + k], v, sizeof v);
        else
            snprintf(v, sizeof v, "%" PRId64, c[3 + k]);
        n += (size_t)snprintf(buf + n, len - n, "%s%s", k ? ", " : "", v);
    }
    if (n < len)
        snprintf(buf + n, len - n, ")");
    return buf;
}

/* the next trace record of a call of rule, from word *at on; NULL when none is left */
static const int64_t *next_call(const RtTrace *t, int rule, size_t *at)
{
    while (*at < t->ncalls) {
        const int64_t *c = t->calls + *at;
        *at += 3 + (size_t)c[2];
        if (c[0] == rule)
            return c;
    }
    return NULL;
}

/* a rule's citation and documentation: "  — 三: ..." */
static void put_cites(FILE *f, const char *cites, const char *doc)
{
    if (cites || doc)
        fprintf(f, "  — %s%s%s", cites ? cites : "", cites && doc ? ": " : "", doc ? doc : "");
}

/* the person's fields and the history spans the rules read: what decided rules that look
 * beyond the claim (a waiting period, the identities of 就高不就低) */
static void put_person(FILE *f, const RtSchema *s, const PolResult *r)
{
    char buf[VAL_LEN];
    const RtTrace *t = r->trace;
    if (r->person && s->nperson) {
        fputs("person:\n", f);
        int w = name_width(s->nperson, field_name, s->person);
        for (int i = 0; i < s->nperson; i++) {
            put_name(f, s->person[i].name, w);
            fprintf(f, "%s\n", show(s, &s->person[i].type, r->person[i], buf));
        }
    }
    int any = 0;
    for (size_t i = 0; t && r->hist && s->nhist && i < t->nspan && (int64_t)i < r->nhist; i++) {
        if (!t->span[i])
            continue;
        if (!any++)
            fputs("history (the spans the rules read):\n", f);
        const int64_t *row = r->hist + i * (size_t)s->nhist;
        fprintf(f, INDENT "#%zu ", i + 1);
        /* a span with no end is open, not "to none" (the JSON keeps "to": null) */
        for (int k = 0; k < s->nhist; k++)
            fprintf(f, "%s %s %s", k ? "," : "", s->hist[k].name,
                    k == s->span_to && row[k] == POLRT_NONE
                        ? "(open)"
                        : show(s, &s->hist[k].type, row[k], buf));
        fputc('\n', f);
    }
}

/* each call of a rule with arguments and its value, in policy order: the candidates a
 * best-of over identities (就高不就低) compared, the one taken and the ones rejected */
static void put_calls(FILE *f, const RtSchema *s, const PolResult *r)
{
    char buf[VAL_LEN];
    const RtTrace *t = r->trace;
    if (t && t->lost)
        fputs("(memory ran out while recording the trace: some calls or spans are missing)\n", f);
    if (!t || !t->ncalls)
        return;
    /* the calls' texts set the name column */
    char call[VAL_LEN];
    int w = NAME_COL_MIN;
    for (size_t at = 0; at < t->ncalls; at += 3 + (size_t)t->calls[at + 2]) {
        int d = rt_display_width(call_text(s, t->calls + at, call, sizeof call));
        if (d > w)
            w = d;
    }
    fputs("calls of rules with arguments (in policy order):\n", f);
    for (int i = 0; i < s->nrules; i++) {
        const int64_t *c;
        for (size_t at = 0; (c = next_call(t, i, &at));) {
            put_name(f, call_text(s, c, call, sizeof call), w);
            fputs(show(s, &s->rules[i].type, c[1], buf), f);
            put_cites(f, s->rules[i].cites, NULL);
            fputc('\n', f);
        }
    }
}

/* Is the pick at word i of t the first of its aggregate's (loc's) picks? And the index of
 * the one a max or min takes: the first best, as the aggregate takes it. */
static int first_of_loc(const RtTrace *t, size_t i)
{
    for (size_t k = 0; k < i; k += 3)
        if (t->picks[k] == t->picks[i])
            return 0;
    return 1;
}

static size_t taken_of_loc(const RtTrace *t, const RtLoc *l, int64_t loc)
{
    size_t best = SIZE_MAX;
    for (size_t k = 0; k < t->npicks; k += 3)
        if (t->picks[k] == loc &&
            (best == SIZE_MAX || (l->best == 1 ? t->picks[k + 2] > t->picks[best + 2]
                                               : t->picks[k + 2] < t->picks[best + 2])))
            best = k;
    return best;
}

/* the trace's picks of a valid max/min loc, or NULL */
static const RtLoc *pick_loc(const RtSchema *s, int64_t loc)
{
    return loc >= 0 && loc < s->nlocs && s->locs[loc].best ? &s->locs[loc] : NULL;
}

/* each max or min over history and its candidates, one per span (numbered as in the history
 * section), the one taken marked: what a best-of (就高不就低) compared */
static void put_picks(FILE *f, const RtSchema *s, const PolResult *r)
{
    char buf[VAL_LEN];
    const RtTrace *t = r->trace;
    int any = 0;
    for (size_t i = 0; t && i < t->npicks; i += 3) {
        const RtLoc *l = pick_loc(s, t->picks[i]);
        if (!l || !first_of_loc(t, i))
            continue;
        if (!any++)
            fputs("candidates (each max or min over history, by span):\n", f);
        fprintf(f, INDENT "%s of %s (line %d, col %d):\n", l->best == 1 ? "max" : "min", l->rule,
                l->line, l->col);
        size_t taken = taken_of_loc(t, l, t->picks[i]);
        for (size_t k = i; k < t->npicks; k += 3) {
            if (t->picks[k] != t->picks[i])
                continue;
            fprintf(f, INDENT INDENT "#%" PRId64 "  %s%s\n", t->picks[k + 1] + 1,
                    show(s, &l->type, t->picks[k + 2], buf), k == taken ? "  (taken)" : "");
        }
    }
}

static const char *status_text(int64_t status)
{
    return status == 0 ? "settled" : status == 1 ? "already settled" : "error";
}

/* the claim's fields as read */
static void put_inputs(FILE *f, const RtSchema *s, const int64_t *claim)
{
    char buf[VAL_LEN], why[VAL_LEN];
    if (!claim || !s->nclaim)
        return;
    fputs("inputs:\n", f);
    int w = name_width(s->nclaim, field_name, s->claim);
    for (int i = 0; i < s->nclaim; i++) {
        put_name(f, field_name(s->claim, i, why), w);
        fprintf(f, "%s\n", show(s, &s->claim[i].type, claim[i], buf));
    }
}

/* the rules the claim needed, in policy order: value, branch taken, cites */
static void put_rules(FILE *f, const RtSchema *s, const PolResult *r)
{
    char buf[VAL_LEN], why[VAL_LEN];
    int any = 0;
    int w = name_width(s->nrules, rule_name, s->rules);
    for (int i = 0; r->branch && i < s->nrules; i++) {
        const RtRule *rule = &s->rules[i];
        int64_t bi = r->branch[i];
        if (bi < 0 || bi >= rule->nbranches)
            continue;
        if (!any++)
            fputs("rules (in policy order, those this claim needed):\n", f);
        const RtBranch *b = &rule->branches[bi];
        const char *cites = b->cites ? b->cites : rule->cites;
        put_name(f, rule_name(s->rules, i, why), w);
        fputs(show(s, &rule->type, r->rule_val[i], buf), f);
        put_branch(f, b, bi);
        put_cites(f, cites, rule->doc);
        fputc('\n', f);
    }
}

/* the params the claim read, each in the version in force */
static void put_params(FILE *f, const PolEngine *e, const RtSchema *s, const PolResult *r)
{
    int any = 0;
    for (int i = 0; r->pver && i < s->nparams; i++) {
        if (r->pver[i] < 0 || r->pver[i] >= s->params[i].nversions)
            continue;
        if (!any++)
            fputs("parameters:\n", f);
        put_param(f, s, e->params, r->pidx ? r->pidx[i] : -1, i, r->pver[i]);
    }
}

/* each ledger's row the claim settled on: every field before → after */
static void put_ledgers(FILE *f, const RtSchema *s, const PolResult *r)
{
    char buf[VAL_LEN], why[VAL_LEN];
    for (int l = 0; l < s->nledgers; l++) {
        const RtLedger *led = &s->ledgers[l];
        if (led->key)
            fprintf(f, "ledger %s (%s = %" PRId64 "):\n", led->name, led->key, r->keys[l]);
        else
            fprintf(f, "ledger %s (key %" PRId64 "):\n", led->name, r->keys[l]);
        int w = name_width(led->nfields, field_name, led->fields);
        for (int k = 0; k < led->nfields; k++) {
            const RtField *fd = &led->fields[k];
            put_name(f, field_name(led->fields, k, why), w);
            fprintf(f, "%s → ", show(s, &fd->type, r->ledger_before[led->offset + k], buf));
            fprintf(f, "%s\n", show(s, &fd->type, r->ledger_after[led->offset + k], buf));
        }
    }
}

int rt_stored_keep(RtStored *k, const RtSchema *s, const int64_t *out, const int64_t *keys,
                   const int64_t *before, const int64_t *after)
{
    k->no = (size_t)s->noutputs;
    k->nk = (size_t)s->nledgers;
    k->nf = (size_t)s->nledger_fields;
    if (!(k->out = polrt_realloc(NULL, (k->no + k->nk + 2 * k->nf + 1) * sizeof *k->out)))
        return -1;
    k->keys = k->out + k->no;
    k->before = k->keys + k->nk;
    k->after = k->before + k->nf;
    memcpy(k->out, out, k->no * sizeof *out);
    memcpy(k->keys, keys, k->nk * sizeof *keys);
    memcpy(k->before, before, k->nf * sizeof *before);
    memcpy(k->after, after, k->nf * sizeof *after);
    return 0;
}

int rt_stored_end(RtStored *k, int rc, int64_t *out, int64_t *keys, int64_t *before, int64_t *after)
{
    int same = rc == 0 && memcmp(out, k->out, k->no * sizeof *out) == 0 &&
               memcmp(keys, k->keys, k->nk * sizeof *keys) == 0 &&
               memcmp(after, k->after, k->nf * sizeof *after) == 0;
    if (!same) {
        memcpy(out, k->out, k->no * sizeof *out);
        memcpy(keys, k->keys, k->nk * sizeof *keys);
        memcpy(before, k->before, k->nf * sizeof *before);
        memcpy(after, k->after, k->nf * sizeof *after);
    }
    polrt_realloc(k->out, 0);
    return same;
}

/* the outputs, as the results file has them */
static void put_outputs(FILE *f, const RtSchema *s, const PolResult *r)
{
    char buf[VAL_LEN], why[VAL_LEN];
    if (s->noutputs)
        fputs("outputs:\n", f);
    int w = name_width(s->noutputs, output_name, s->outputs);
    for (int i = 0; i < s->noutputs; i++) {
        put_name(f, output_name(s->outputs, i, why), w);
        fprintf(f, "%s\n", show(s, &s->outputs[i].type, r->out[i], buf));
    }
}

/* an already settled claim with its rules: the policy run again from the stored ledgers
 * before it gave the stored result (pipeline.c and session.c explain_stored) */
static int stored_explained(const RtSchema *s, const PolResult *r)
{
    for (int i = 0; r->status == 1 && r->branch && i < s->nrules; i++)
        if (r->branch[i] >= 0)
            return 1;
    return 0;
}

POLRT_API void polrt_explain_text(const PolEngine *e, const char *claim_id, const int64_t *claim,
                                  const PolResult *r, FILE *f)
{
    const RtSchema *s = rt_engine_schema(e);
    char why[VAL_LEN];
    fprintf(f, "claim %s — %s", claim_id ? claim_id : "?", s->policy);
    if (s->file)
        fprintf(f, " (%s)", s->file);
    fputc('\n', f);
    if (r->status == 1 && r->resettled)
        /* the stored result is not the one stored before the run (newuser8) */
        fprintf(f,
                "status: already settled earlier, and settled again in this run after a late "
                "claim dated before it: shown is the result it now has%s; what changed is an "
                "adjustment (--adjustments)\n",
                stored_explained(s, r) ? " (explained from the ledgers as they stood before "
                                         "this claim)"
                                       : "");
    else if (stored_explained(s, r))
        fputs("status: already settled earlier; nothing was applied again (the stored result, "
              "explained from the ledgers as they stood before this claim)\n",
              f);
    else if (r->status == 1)
        fputs("status: already settled earlier; the stored result is shown and nothing was "
              "applied again\n",
              f);
    else
        fprintf(f, "status: %s\n", status_text(r->status));
    put_inputs(f, s, claim);
    put_person(f, s, r);
    put_rules(f, s, r);
    put_calls(f, s, r);
    put_picks(f, s, r);
    put_params(f, e, s, r);
    if (r->status == -1) {
        /* err_code 0: refused before the policy ran (the session's message says why) */
        fprintf(f, "error: %s\n",
                r->err_code == POLRT_OK
                    ? "not settled (the claim was refused before the policy ran)"
                    : polrt_failure_text(e, claim, r->err_code, r->err_loc, why, sizeof why));
        if (s->nledgers)
            fputs("ledgers unchanged\n", f);
        return;
    }
    put_ledgers(f, s, r);
    put_outputs(f, s, r);
}

/* ---- JSON ------------------------------------------------------------------------------- */

/* Building state: cJSON allocates with malloc and any step may fail; ok turns 0 then, and
 * a short error line is written instead of a document with parts silently missing. */
typedef struct J {
    int ok;
} J;

/* add item under name (object) or at the end (name NULL: array); item may be NULL */
static cJSON *add(J *j, cJSON *parent, const char *name, cJSON *item)
{
    if (!item || !parent) {
        j->ok = 0;
        cJSON_Delete(item);
        return NULL;
    }
    if (!(name ? cJSON_AddItemToObject(parent, name, item) : cJSON_AddItemToArray(parent, item))) {
        j->ok = 0;
        cJSON_Delete(item);
        return NULL;
    }
    return item;
}

/* An exact integer: cJSON numbers are doubles (exact only to 2^53), so the decimal text goes
 * in as a raw token. An absent value is null. */
static cJSON *json_int(int64_t v)
{
    char num[32];
    if (v == POLRT_NONE)
        return cJSON_CreateNull();
    snprintf(num, sizeof num, "%" PRId64, v);
    return cJSON_CreateRaw(num);
}

static cJSON *json_str(const char *s)
{
    return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

static cJSON *json_date(int64_t day)
{
    char buf[32];
    return day == POLRT_NONE ? cJSON_CreateNull() : cJSON_CreateString(polrt_fmt_date(day, buf));
}

/* {"value": 802500, "text": "8025.00"}: the encoded value and its results-CSV text */
static cJSON *json_value(J *j, const RtSchema *s, const RtType *t, int64_t v)
{
    char buf[VAL_LEN];
    cJSON *o = cJSON_CreateObject();
    add(j, o, "value", json_int(v));
    add(j, o, "text", cJSON_CreateString(rt_format_value(s, t, v, buf, sizeof buf)));
    return o;
}

static cJSON *json_params(J *j, const RtSchema *s, const int64_t *table, const PolResult *r)
{
    cJSON *arr = cJSON_CreateArray();
    RtType rate = {.kind = RT_RATE, .enum_idx = -1};
    for (int i = 0; arr && r->pver && i < s->nparams; i++) {
        const RtParam *p = &s->params[i];
        if (r->pver[i] < 0 || r->pver[i] >= p->nversions)
            continue;
        const RtVersion *v = &p->versions[r->pver[i]];
        const int64_t *vals = table + v->offset;
        cJSON *o = add(j, arr, NULL, cJSON_CreateObject());
        add(j, o, "name", cJSON_CreateString(p->name));
        add(j, o, "version", json_int(r->pver[i]));
        add(j, o, "from", json_date(v->from));
        add(j, o, "to", json_date(v->to));
        add(j, o, "cites", json_str(p->cites));
        if (p->index_enum >= 0 && r->pidx && r->pidx[i] >= 0 &&
            r->pidx[i] < s->enums[p->index_enum].n)
            add(j, o, "entry", cJSON_CreateString(s->enums[p->index_enum].names[r->pidx[i]]));
        cJSON *list = add(j, o, p->brackets ? "brackets" : "values", cJSON_CreateArray());
        if (p->brackets) {
            for (int64_t k = 0; k < vals[0]; k++) {
                cJSON *b = add(j, list, NULL, cJSON_CreateObject());
                add(j, b, "from", json_value(j, s, &p->type, vals[1 + 2 * k]));
                add(j, b, "rate", json_value(j, s, &rate, vals[2 + 2 * k]));
            }
        } else {
            for (int k = 0; k < v->width; k++) {
                cJSON *x = add(j, list, NULL, json_value(j, s, &p->type, vals[k]));
                if (p->index_enum >= 0)
                    add(j, x, "key", cJSON_CreateString(s->enums[p->index_enum].names[k]));
                if (vals[k] == POLRT_NONE) /* a member the policy marks unknown */
                    add(j, x, "unknown", cJSON_CreateTrue());
            }
        }
    }
    return arr;
}

static cJSON *json_rules(J *j, const RtSchema *s, const PolResult *r)
{
    cJSON *arr = cJSON_CreateArray();
    for (int i = 0; arr && r->branch && i < s->nrules; i++) {
        const RtRule *rule = &s->rules[i];
        int64_t bi = r->branch[i];
        if (bi < 0 || bi >= rule->nbranches)
            continue;
        const RtBranch *b = &rule->branches[bi];
        cJSON *o = add(j, arr, NULL, cJSON_CreateObject());
        add(j, o, "name", cJSON_CreateString(rule->name));
        add(j, o, "value", json_int(r->rule_val[i]));
        char buf[VAL_LEN];
        add(j, o, "text",
            cJSON_CreateString(rt_format_value(s, &rule->type, r->rule_val[i], buf, sizeof buf)));
        add(j, o, "branch", cJSON_CreateString(b->name));
        add(j, o, "branch_index", json_int(bi));
        add(j, o, "cites", json_str(b->cites ? b->cites : rule->cites));
        add(j, o, "line", json_int(b->line ? b->line : rule->line));
    }
    return arr;
}

/* {"name": {"value": .., "text": ..}, ...} of fields in schema order */
static cJSON *json_fields(J *j, const RtSchema *s, const RtField *fd, int n, const int64_t *v)
{
    cJSON *o = cJSON_CreateObject();
    for (int i = 0; o && i < n; i++)
        add(j, o, fd[i].name, json_value(j, s, &fd[i].type, v[i]));
    return o;
}

/* the history spans the rules read: [{"span": 1-based row, "fields": {...}}] */
static cJSON *json_history(J *j, const RtSchema *s, const PolResult *r)
{
    const RtTrace *t = r->trace;
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; arr && t && r->hist && s->nhist && i < t->nspan && (int64_t)i < r->nhist;
         i++) {
        if (!t->span[i])
            continue;
        cJSON *o = add(j, arr, NULL, cJSON_CreateObject());
        add(j, o, "span", json_int((int64_t)i + 1));
        add(j, o, "fields", json_fields(j, s, s->hist, s->nhist, r->hist + i * (size_t)s->nhist));
    }
    return arr;
}

/* the calls of rules with arguments, in policy order: [{"rule", "args": [{"name", "value",
 * "text"}], "value", "text", "cites"}] */
static cJSON *json_calls(J *j, const RtSchema *s, const PolResult *r)
{
    const RtTrace *t = r->trace;
    cJSON *arr = cJSON_CreateArray();
    for (int i = 0; arr && t && i < s->nrules; i++) {
        const RtRule *rule = &s->rules[i];
        const int64_t *c;
        for (size_t at = 0; (c = next_call(t, i, &at));) {
            cJSON *o = add(j, arr, NULL, cJSON_CreateObject());
            add(j, o, "rule", cJSON_CreateString(rule->name));
            cJSON *args = add(j, o, "args", cJSON_CreateArray());
            for (int64_t k = 0; k < c[2]; k++) {
                RtType plain = {.kind = RT_INT, .enum_idx = -1};
                const RtType *ty = k < rule->nargs ? &rule->args[k].type : &plain;
                cJSON *a = add(j, args, NULL, json_value(j, s, ty, c[3 + k]));
                add(j, a, "name", json_str(k < rule->nargs ? rule->args[k].name : NULL));
            }
            add(j, o, "value", json_int(c[1]));
            char buf[VAL_LEN];
            add(j, o, "text",
                cJSON_CreateString(rt_format_value(s, &rule->type, c[1], buf, sizeof buf)));
            add(j, o, "cites", json_str(rule->cites));
        }
    }
    return arr;
}

/* [{"rule", "line", "col", "best": "max"|"min", "spans": [{"span", "value", "text", "taken"}]}] */
static cJSON *json_picks(J *j, const RtSchema *s, const PolResult *r)
{
    const RtTrace *t = r->trace;
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; arr && t && i < t->npicks; i += 3) {
        const RtLoc *l = pick_loc(s, t->picks[i]);
        if (!l || !first_of_loc(t, i))
            continue;
        cJSON *o = add(j, arr, NULL, cJSON_CreateObject());
        add(j, o, "rule", cJSON_CreateString(l->rule));
        add(j, o, "line", json_int(l->line));
        add(j, o, "col", json_int(l->col));
        add(j, o, "best", cJSON_CreateString(l->best == 1 ? "max" : "min"));
        cJSON *spans = add(j, o, "spans", cJSON_CreateArray());
        size_t taken = taken_of_loc(t, l, t->picks[i]);
        for (size_t k = i; k < t->npicks; k += 3) {
            if (t->picks[k] != t->picks[i])
                continue;
            cJSON *x = add(j, spans, NULL, json_value(j, s, &l->type, t->picks[k + 2]));
            add(j, x, "span", json_int(t->picks[k + 1] + 1));
            add(j, x, "taken", cJSON_CreateBool(k == taken));
        }
    }
    return arr;
}

/* An opening balance's audit detail (rt_ledger_opening: "ledger annual 2017: opening balance
 * from opening.csv:2: own_paid 10000.00, top_level province, ...") as {"source":
 * "opening.csv:2", "fields": [{"name", "value", "text"}], "text": the detail}: the values as
 * the ledger holds them, read back by the CSV rules that imported them. */
static cJSON *json_opening(J *j, const RtSchema *s, const RtLedger *led, const char *detail)
{
    static const char from[] = "opening balance from ";
    cJSON *o = cJSON_CreateObject();
    const char *src = strstr(detail, from), *vals = NULL;
    if (src && led->nfields > 0) {
        src += sizeof from - 1;
        /* the values start at the last ": FIELD0 " (a file name may hold ": " too) */
        char lead[VAL_LEN];
        snprintf(lead, sizeof lead, ": %s ", led->fields[0].name);
        for (const char *p = src; (p = strstr(p, lead)); p++)
            vals = p;
    }
    char *source = vals ? polrt_realloc(NULL, (size_t)(vals - src) + 1) : NULL;
    if (source) {
        memcpy(source, src, (size_t)(vals - src));
        source[vals - src] = '\0';
    }
    add(j, o, "source", source ? cJSON_CreateString(source) : cJSON_CreateNull());
    polrt_realloc(source, 0);
    cJSON *fields = add(j, o, "fields", cJSON_CreateArray());
    const char *p = vals ? vals + 2 : NULL;
    for (int k = 0; p && k < led->nfields; k++) {
        const RtField *fd = &led->fields[k];
        size_t nlen = strlen(fd->name);
        if (strncmp(p, fd->name, nlen) != 0 || p[nlen] != ' ')
            break;
        p += nlen + 1;
        const char *end = strstr(p, ", ");
        size_t vlen = end ? (size_t)(end - p) : strlen(p);
        /* worded as results word it: money in yuan, whatever unit its cells have */
        RtType t = fd->type;
        t.fen = 0;
        int64_t v = POLRT_NONE;
        char why[VAL_LEN];
        if (vlen && rt_parse_value(s, &t, p, vlen, &v, why, sizeof why) < 0)
            break;
        char buf[VAL_LEN];
        cJSON *x = add(j, fields, NULL, cJSON_CreateObject());
        add(j, x, "name", cJSON_CreateString(fd->name));
        add(j, x, "value", json_int(v));
        add(j, x, "text", cJSON_CreateString(rt_format_value(s, &fd->type, v, buf, sizeof buf)));
        p = end ? end + 2 : NULL;
    }
    add(j, o, "text", cJSON_CreateString(detail));
    return o;
}

static cJSON *json_ledgers(J *j, const RtSchema *s, const PolResult *r, const char *const *opening)
{
    cJSON *arr = cJSON_CreateArray();
    for (int l = 0; arr && r->status != -1 && l < s->nledgers; l++) {
        const RtLedger *led = &s->ledgers[l];
        cJSON *o = add(j, arr, NULL, cJSON_CreateObject());
        add(j, o, "name", cJSON_CreateString(led->name));
        add(j, o, "key", json_int(r->keys[l]));
        cJSON *fields = add(j, o, "fields", cJSON_CreateArray());
        for (int k = 0; k < led->nfields; k++) {
            const RtField *fd = &led->fields[k];
            cJSON *x = add(j, fields, NULL, cJSON_CreateObject());
            add(j, x, "name", cJSON_CreateString(fd->name));
            add(j, x, "before", json_value(j, s, &fd->type, r->ledger_before[led->offset + k]));
            add(j, x, "after", json_value(j, s, &fd->type, r->ledger_after[led->offset + k]));
        }
        /* the row started from an imported opening balance: where it came from */
        if (opening && opening[l])
            add(j, o, "opening", json_opening(j, s, led, opening[l]));
    }
    return arr;
}

static cJSON *json_error(J *j, const PolEngine *e, const int64_t *claim, const PolResult *r)
{
    const RtSchema *s = rt_engine_schema(e);
    char why[VAL_LEN];
    if (r->status != -1)
        return cJSON_CreateNull();
    cJSON *o = cJSON_CreateObject();
    add(j, o, "code", json_int(r->err_code));
    add(j, o, "text", cJSON_CreateString(rt_err_text(r->err_code)));
    add(j, o, "message",
        cJSON_CreateString(polrt_failure_text(e, claim, r->err_code, r->err_loc, why, sizeof why)));
    if (r->err_loc >= 0 && r->err_loc < s->nlocs) {
        const RtLoc *loc = &s->locs[r->err_loc];
        add(j, o, "rule", cJSON_CreateString(loc->rule));
        add(j, o, "line", json_int(loc->line));
        add(j, o, "col", json_int(loc->col));
    }
    return o;
}

POLRT_API void polrt_explain_json(const PolEngine *e, const char *claim_id, const int64_t *claim,
                                  const PolResult *r, FILE *f)
{
    rt_explain_json(e, claim_id, claim, r, NULL, f);
}

void rt_explain_json(const PolEngine *e, const char *claim_id, const int64_t *claim,
                     const PolResult *r, const char *const *opening, FILE *f)
{
    const RtSchema *s = rt_engine_schema(e);
    J j = {1};
    cJSON *root = cJSON_CreateObject();
    static const char *const status[] = {"error", "settled", "already_settled"};
    add(&j, root, "explain_version", json_int(EXPLAIN_VERSION));
    add(&j, root, "claim_id", json_str(claim_id));
    add(&j, root, "policy", cJSON_CreateString(s->policy));
    add(&j, root, "sha256", cJSON_CreateString(s->sha256));
    add(&j, root, "status",
        cJSON_CreateString(status[r->status >= 0 && r->status <= 1 ? r->status + 1 : 0]));
    /* already settled: its rules explain the stored result, or it is shown alone */
    if (r->status == 1) {
        add(&j, root, "explained", cJSON_CreateBool(stored_explained(s, r)));
        /* settled again in this run by a late claim dated before it (newuser8) */
        add(&j, root, "resettled", cJSON_CreateBool(r->resettled != 0));
    }
    cJSON *in = add(&j, root, "inputs", claim ? cJSON_CreateObject() : cJSON_CreateNull());
    for (int i = 0; claim && i < s->nclaim; i++)
        add(&j, in, s->claim[i].name, json_value(&j, s, &s->claim[i].type, claim[i]));
    add(&j, root, "person",
        r->person ? json_fields(&j, s, s->person, s->nperson, r->person) : cJSON_CreateNull());
    add(&j, root, "history", json_history(&j, s, r));
    cJSON *out =
        add(&j, root, "outputs", r->status == -1 ? cJSON_CreateNull() : cJSON_CreateObject());
    for (int i = 0; r->status != -1 && i < s->noutputs; i++)
        add(&j, out, s->outputs[i].name, json_value(&j, s, &s->outputs[i].type, r->out[i]));
    add(&j, root, "rules", json_rules(&j, s, r));
    add(&j, root, "calls", json_calls(&j, s, r));
    add(&j, root, "candidates", json_picks(&j, s, r));
    add(&j, root, "trace_complete",
        cJSON_CreateBool(!(r->trace && ((const RtTrace *)r->trace)->lost)));
    add(&j, root, "params", json_params(&j, s, e->params, r));
    add(&j, root, "ledgers", json_ledgers(&j, s, r, opening));
    add(&j, root, "error", json_error(&j, e, claim, r));
    char *text = j.ok ? cJSON_PrintUnformatted(root) : NULL;
    if (text)
        fprintf(f, "%s\n", text);
    else
        fprintf(f, "{\"explain_version\":%d,\"error\":{\"text\":\"out of memory\"}}\n",
                EXPLAIN_VERSION);
    cJSON_free(text);
    cJSON_Delete(root);
}
