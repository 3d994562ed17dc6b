/* run.c — polc run and polc explain: load an engine (a built .so, or the policy compiled now:
 * JIT, or the interpreter with --interp), then hand it and the data to the runtime's batch
 * run (polrt_run). explain is a dry run (the ledger read, never written) that prints one
 * claim's settlement and no summary. */
#include "cli.h"

#include "cluster.h"
#include "engine.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct RunArgs {
    const char *claims, *persons, *ledger, *out, *explain, *rejects, *claim, *labels, *keep;
    const char *adjustments, *late, *reverse, *encoding, *xlsx, *ledger_key;
    const char *reform; /* explain: the same claim under this reform too, only what differs */
    OptList sets;       /* --set: a one-line reform each */
    long threads, max_rejects, opt, interp, quiet, progress, show_ids;
} RunArgs;

/* run and explain take the same options, but for those that write the ledger (Opt.writes):
 * explain only reads it */
#define AT(field) offsetof(RunArgs, field)
static const Opt run_opts[] = {
    OPTS_RUN_ROWS(AT),
    {"set", 0, OPT_LIST, AT(sets), "NAME[MEMBER]=VALUE[@DATE]", 0, 32,
     .help = "change a param for this run (a one-line reform)"},
    {"interp", 0, OPT_FLAG, AT(interp), NULL, 1,
     .help = "use the reference interpreter, not the JIT"},
    {NULL, 'O', OPT_INT, AT(opt), "N", 0, 3, ENGINE_OPT_AUTO,
     .help = "JIT optimisation level, 0 to 3 (default: 0, or 2 from 500,000 claims)"},
    {"reform", 0, OPT_STR, AT(reform), "REFORM",
     .help = "the claim under the policy and this reform, only what differs", .only = "explain"},
    {0},
};
#undef AT

/* ---- polc explain --reform: what a reform changes in one claim's settlement ---------------- */

/* the claim's explanation (JSON, polrt_explain_json) as engine e settles the claims file, as
 * polc explain would (only the claim's row told if rejected; "not in", "was rejected" said):
 * a cJSON tree to free, or NULL with *rc the exit code (2 not in the file, 3 rejected) */
static cJSON *explain_json(PolEngine *e, const RunArgs *a, int *rc)
{
    char tmp[] = "/tmp/polc-explain-XXXXXX";
    int fd = mkstemp(tmp);
    *rc = 0;
    if (fd < 0) {
        fprintf(stderr, "polc: explain: cannot make a temporary file: %s\n", strerror(errno));
        *rc = EXIT_SYSTEM;
        return NULL;
    }
    close(fd);
    PolRunOpts ro = {.claims = a->claims,
                     .persons = a->persons,
                     .explain = tmp,
                     .explain_claim = a->claim,
                     .explain_json_only = 1,
                     .rejects = a->rejects,
                     .threads = (int)a->threads,
                     .quiet = 1};
    PolRunStats st;
    int r = polrt_run(e, &ro, &st);
    cJSON *found = NULL;
    FILE *f = r == 0 || r == EXIT_DATA ? fopen(tmp, "r") : NULL;
    char *line = NULL;
    size_t cap = 0;
    while (f && !found && getline(&line, &cap, f) > 0) {
        cJSON *j = cJSON_Parse(line);
        const char *id = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "claim_id"));
        if (id && !strcmp(id, a->claim))
            found = j;
        else
            cJSON_Delete(j);
    }
    free(line);
    if (f)
        fclose(f);
    unlink(tmp);
    if (!found)
        *rc = r ? r : EXIT_DATA;
    return found;
}

/* the text of member `what` ("text" of a value object) of object o, or "" */
static const char *text_of(const cJSON *o)
{
    const char *t = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, "text"));
    return t ? t : "";
}

static const cJSON *by_name(const cJSON *arr, const char *name)
{
    const cJSON *x;
    cJSON_ArrayForEach(x, arr)
    {
        const char *n = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(x, "name"));
        if (n && !strcmp(n, name))
            return x;
    }
    return NULL;
}

/* "政府兜底 (backstop)" for a rule with a label in the policy, else its name */
static const char *rule_heading(const Engine *e, const char *name, char *buf, size_t len)
{
    for (int i = 0; e->policy && i < e->policy->pol.rules.len; i++) {
        const Decl *d = e->policy->pol.rules.data[i];
        if (!strcmp(d->name, name) && d->label) {
            snprintf(buf, len, "%s (%s)", d->label, name);
            return buf;
        }
    }
    return name;
}

/* "  NAME   " padded to NAME_COLS display columns (CJK two), then the rest */
#define NAME_COLS 38
static void put_row(const char *name, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put_row(const char *name, const char *fmt, ...)
{
    int w = source_display_width(name, strlen(name));
    printf("  %s%*s ", name, w < NAME_COLS ? NAME_COLS - w : 0, "");
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
}

/* a rule's value with the exception it took: "19.84 (exception outpatient)" */
static const char *taken(const char *text, const char *branch, char *buf, size_t len)
{
    if (!branch || !strcmp(branch, "default"))
        return text;
    snprintf(buf, len, "%s (%s %s)", text, strncmp(branch, "from ", 5) ? "exception" : "version",
             branch);
    return buf;
}

/* a parameter as the claim used it: "backstop_cap[county] = 3000.00 (from 2017-04-07)" */
static void param_text(const cJSON *p, char *buf, size_t len)
{
    const char *name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p, "name"));
    const char *entry = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p, "entry"));
    const char *from = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p, "from"));
    const cJSON *vals = cJSON_GetObjectItemCaseSensitive(p, "values"), *v, *used = NULL;
    char all[512] = "";
    size_t k = 0;
    cJSON_ArrayForEach(v, vals)
    {
        const char *key = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(v, "key"));
        if (entry && key && !strcmp(key, entry))
            used = v;
        if (k < sizeof all - 2)
            k += (size_t)snprintf(all + k, sizeof all - k, "%s%s", k ? " " : "", text_of(v));
    }
    if (entry)
        snprintf(buf, len, "%s[%s] = %s (from %s)", name ? name : "?", entry,
                 used ? text_of(used) : "?", from ? from : "?");
    else
        snprintf(buf, len, "%s = %s (from %s)", name ? name : "?", all, from ? from : "?");
}

/* The rules whose value or exception taken differ, in the base's order, then those only the
 * reform needed: the rows printed */
static int rules_differ(Engine *base, Engine *ref, const cJSON *x, const cJSON *y)
{
    char b1[512], b2[512], h[256];
    int n = 0;
    const cJSON *rx = cJSON_GetObjectItemCaseSensitive(x, "rules");
    const cJSON *ry = cJSON_GetObjectItemCaseSensitive(y, "rules"), *r;
    cJSON_ArrayForEach(r, rx)
    {
        const char *name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(r, "name"));
        const cJSON *o = name ? by_name(ry, name) : NULL;
        const char *t1 = text_of(r), *t2 = o ? text_of(o) : "(not needed)";
        const char *br1 = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(r, "branch"));
        const char *br2 =
            o ? cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(o, "branch")) : NULL;
        if (!name || (o && !strcmp(t1, t2) && br1 && br2 && !strcmp(br1, br2)))
            continue;
        if (!n++)
            puts("rules that differ (base → reform):");
        put_row(rule_heading(base, name, h, sizeof h), "%s → %s", taken(t1, br1, b1, sizeof b1),
                taken(t2, br2, b2, sizeof b2));
    }
    cJSON_ArrayForEach(r, ry)
    {
        const char *name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(r, "name"));
        if (!name || by_name(rx, name))
            continue;
        if (!n++)
            puts("rules that differ (base → reform):");
        put_row(rule_heading(ref, name, h, sizeof h), "(not needed) → %s", text_of(r));
    }
    return n;
}

/* The parameters in force that differ: the rows printed */
static int params_differ(const cJSON *x, const cJSON *y)
{
    char b1[512], b2[512];
    int n = 0;
    const cJSON *px = cJSON_GetObjectItemCaseSensitive(x, "params");
    const cJSON *py = cJSON_GetObjectItemCaseSensitive(y, "params"), *p;
    cJSON_ArrayForEach(p, px)
    {
        const char *name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p, "name"));
        const cJSON *o = name ? by_name(py, name) : NULL;
        param_text(p, b1, sizeof b1);
        if (o)
            param_text(o, b2, sizeof b2);
        if (o && !strcmp(b1, b2))
            continue;
        if (!n++)
            puts("parameters that differ:");
        printf("  base:   %s\n  reform: %s\n", b1, o ? b2 : "(not used)");
    }
    /* those only the reform used: a param it adds (a waiting period), or one the base's
     * rules did not read for this claim */
    cJSON_ArrayForEach(p, py)
    {
        const char *name = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(p, "name"));
        if (!name || by_name(px, name))
            continue;
        param_text(p, b2, sizeof b2);
        if (!n++)
            puts("parameters that differ:");
        printf("  base:   (not used)\n  reform: %s\n", b2);
    }
    return n;
}

/* The ledger values that differ: each field's value after the claim (and before, when that
 * differs). The rows printed. */
static int ledgers_differ(const cJSON *x, const cJSON *y)
{
    char h[256];
    int n = 0;
    const cJSON *lx = cJSON_GetObjectItemCaseSensitive(x, "ledgers");
    const cJSON *ly = cJSON_GetObjectItemCaseSensitive(y, "ledgers"), *l;
    cJSON_ArrayForEach(l, lx)
    {
        const char *lname = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(l, "name"));
        const cJSON *lo = lname ? by_name(ly, lname) : NULL, *fd;
        cJSON_ArrayForEach(fd, cJSON_GetObjectItemCaseSensitive(l, "fields"))
        {
            const char *fname = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(fd, "name"));
            const cJSON *fo =
                lo && fname ? by_name(cJSON_GetObjectItemCaseSensitive(lo, "fields"), fname) : NULL;
            if (!fo)
                continue;
            const char *w[] = {"before", "after"};
            for (int k = 0; k < 2; k++) {
                const char *t1 = text_of(cJSON_GetObjectItemCaseSensitive(fd, w[k]));
                const char *t2 = text_of(cJSON_GetObjectItemCaseSensitive(fo, w[k]));
                if (!strcmp(t1, t2))
                    continue;
                if (!n++)
                    puts("ledger values that differ (base → reform):");
                snprintf(h, sizeof h, "%s.%s %s", lname, fname, w[k]);
                put_row(h, "%s → %s", t1, t2);
            }
        }
    }
    return n;
}

/* The outputs that differ: the rows printed */
static int outputs_differ(Engine *base, const cJSON *x, const cJSON *y)
{
    char h[256];
    int n = 0;
    const cJSON *ox = cJSON_GetObjectItemCaseSensitive(x, "outputs");
    const cJSON *oy = cJSON_GetObjectItemCaseSensitive(y, "outputs"), *ov;
    cJSON_ArrayForEach(ov, ox)
    {
        const cJSON *o2 = cJSON_GetObjectItemCaseSensitive(oy, ov->string);
        if (!o2 || !strcmp(text_of(ov), text_of(o2)))
            continue;
        if (!n++)
            puts("outputs that differ (base → reform):");
        put_row(rule_heading(base, ov->string, h, sizeof h), "%s → %s", text_of(ov), text_of(o2));
    }
    return n;
}

/* Explain one claim under the base and the reform and print only what differs: the rules (by
 * value or exception taken), the parameters in force, the ledger values and the outputs. */
static int explain_reform(const RunArgs *a, const char *policy, Engine *base, Engine *ref)
{
    int rc = 0;
    /* the reform's run only for a claim the base explains: its rows are not told twice */
    cJSON *x = explain_json(base->pe, a, &rc), *y = x ? explain_json(ref->pe, a, &rc) : NULL;
    if (!x || !y) {
        cJSON_Delete(x);
        return rc;
    }
    const char *s1 = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(x, "status"));
    const char *s2 = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(y, "status"));
    printf("claim %s of %s — what the reform changes\n  base:   %s (%s)\n  reform: %s (%s)\n",
           a->claim, a->claims, policy, s1 ? s1 : "?", a->reform, s2 ? s2 : "?");
    int any = rules_differ(base, ref, x, y);
    any += params_differ(x, y);
    any += ledgers_differ(x, y);
    any += outputs_differ(base, x, y);
    if (!any)
        puts("the reform changes nothing in this claim's settlement");
    cJSON_Delete(x);
    cJSON_Delete(y);
    return 0;
}

/* The options that do not go together, for run or explain: OPTS_PARSED, or the exit code (the
 * usage error printed) */
static int run_check(const Command *cmd, const RunArgs *a, int explain_only, int *late_reject)
{
    int rc = opts_run_check(cmd, run_opts, a->claims, a->reverse, a->late, a->adjustments,
                            a->ledger, late_reject);
    if (rc != OPTS_PARSED)
        return rc;
    if (explain_only && !a->claim)
        return opts_usage_error(cmd, run_opts, "--claim ID is required");
    if (a->reform && (a->ledger || a->out || a->explain))
        return opts_usage_error(cmd, run_opts,
                                "explain --reform settles in memory and prints: drop --ledger, "
                                "--out and --explain");
    return OPTS_PARSED;
}

/* The engine of spec (EngineSpec.defer) loaded into *e, then made, the progress line showing
 * `what` while the JIT compiles: 0, or the exit code (e freed). Errors in a --set are the
 * command line's, not the policy's. */
static int run_engine(Engine *e, const EngineSpec *spec, const char *what, int progress)
{
    EngineStatus st = engine_load(e, spec);
    if (st == ENGINE_OK)
        st = engine_start_all(&e, 1, 1, what, progress);
    switch (st) {
    case ENGINE_OK: return 0;
    case ENGINE_POLICY_ERRORS: engine_free(e); return spec->nsets ? EXIT_USAGE : EXIT_POLICY;
    case ENGINE_FAILED: engine_free(e); return EXIT_USAGE;
    case ENGINE_SYSTEM: engine_free(e); return EXIT_SYSTEM;
    }
    POLC_UNREACHABLE();
}

static int run(const Command *cmd, int argc, char **argv, int explain_only)
{
    RunArgs a;
    char **pol;
    int npol, rc = opts_parse(cmd, run_opts, argc, argv, &a, &pol, &npol);
    if (rc != OPTS_PARSED)
        return rc;
    if (npol != 1)
        return opts_usage_error(cmd, run_opts, "give one POLICY or ENGINE.so");
    int late_reject;
    if ((rc = run_check(cmd, &a, explain_only, &late_reject)) != OPTS_PARSED)
        return rc;
    Engine e;
    char what[128];
    EngineSpec spec = {.path = pol[0],
                       .mode = a.interp ? ENGINE_INTERP : ENGINE_JIT,
                       .opt = engine_choose_opt((int)a.opt, a.reverse ? a.reverse : a.claims, 1, 1,
                                                what, sizeof what),
                       .sets = a.sets.v,
                       .nsets = a.sets.n,
                       .open_so = 1,
                       .defer = 1};
    if ((rc = run_engine(&e, &spec, what, (int)a.progress)))
        return rc;
    if (a.reform) {
        Engine r;
        EngineSpec rspec = spec;
        rspec.path = a.reform;
        rc = run_engine(&r, &rspec, what, (int)a.progress);
        if (!rc) {
            rc = explain_reform(&a, pol[0], &e, &r);
            engine_free(&r);
        }
        engine_free(&e);
        return rc;
    }
    PolRunOpts ro = {
        .claims = a.reverse ? a.reverse : a.claims,
        .reverse = a.reverse != NULL,
        .adjustments = a.adjustments,
        .late_reject = late_reject,
        .persons = a.persons,
        .ledger_db = a.ledger,
        .ledger_key = a.ledger_key,
        .out = a.out,
        .rejects = a.rejects,
        .explain = a.explain,
        .explain_claim = a.claim,
        .threads = (int)a.threads,
        .max_rejects = a.max_rejects,
        .progress = (int)a.progress,
        .quiet = a.quiet || explain_only,
        .show_ids = (int)a.show_ids,
        .encoding = a.encoding,
        .xlsx = a.xlsx,
        .labels = a.labels,
        .keep = a.keep,
        .cluster = rt_cluster_job(),
        .dry_run = explain_only, /* explain is a question: the ledger read, left as it was */
    };
    PolRunStats st;
    rc = polrt_run(e.pe, &ro, &st);
    engine_free(&e);
    return rc;
}

int cmd_run(const Command *cmd, int argc, char **argv)
{
    return run(cmd, argc, argv, 0);
}

int cmd_explain(const Command *cmd, int argc, char **argv)
{
    return run(cmd, argc, argv, 1);
}
