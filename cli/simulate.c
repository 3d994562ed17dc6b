/* simulate.c — polc simulate (spec/SIMULATE.md): compile the base policy, each reform and each
 * --set variant (JIT), or one base and a parameter sweep over its params table, then hand the
 * engines to the runtime (polrt_sim_run), which settles the same claims for all of them in
 * one pass, and print or write what it found. */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cluster.h"
#include "driver.h"
#include "engine.h"
#include "polrt.h"
#include "polsim.h"
#include "rt_int.h"

/* scenarios on one command line: a base, reforms and --set variants, or sweep points */
#define SIM_MAX_SCENARIOS 64
/* --by fields */
#define SIM_MAX_BY 8

typedef struct SimArgs {
    const char *base, *claims, *persons, *report, *sweep, *weight, *oop, *cap, *rejects, *changes;
    const char *encoding, *xlsx, *labels;
    OptList reforms, sets, by;
    long threads, progress, quiet, interp, opt;
} SimArgs;

#define AT(field) offsetof(SimArgs, field)
static const Opt sim_opts[] = {
    {"base", 0, OPT_STR, AT(base), "POLICY", .help = "the policy as it is (required)"},
    {"reform", 0, OPT_LIST, AT(reforms), "REFORM", 0, SIM_MAX_SCENARIOS - 1,
     .help = "a scenario: a reform of the base (repeatable)"},
    {"set", 0, OPT_LIST, AT(sets), "NAME[MEMBER]=VALUE[@DATE]", 0, SIM_MAX_SCENARIOS - 1,
     .help = "a scenario: the base with one param changed (repeatable)"},
    {"sweep", 0, OPT_STR, AT(sweep), "NAME=FROM..TO:STEP[UNIT]",
     .help = "the base at each value of one param (spec/SIMULATE.md)"},
    {"claims", 0, OPT_STR, AT(claims), "FILE", .help = "the claims to settle (required)"},
    {"persons", 0, OPT_STR, AT(persons), "FILE", .help = "the persons and their identity history"},
    {"report", 0, OPT_STR, AT(report), "DIR", .help = "write DIR/report.html and CSV tables"},
    {"xlsx", 0, OPT_STR, AT(xlsx), "FILE", .help = "the report's tables as an Excel workbook"},
    {"labels", 0, OPT_STR, AT(labels), "zh|names",
     .help = "the workbook's sheets and headings (default zh when the policy has labels)"},
    {"changes", 0, OPT_STR, AT(changes), "FILE",
     .help = "write every claim a scenario changes, with both values (CSV)"},
    {"weight", 0, OPT_STR, AT(weight), "COLUMN", .help = "the persons column weighting totals"},
    {"oop", 0, OPT_STR, AT(oop), "OUTPUT", .help = "the output that is the patient's own payment"},
    {"cap", 0, OPT_STR, AT(cap), "OUTPUT", .help = "the output > 0 when the annual cap bound"},
    {"by", 0, OPT_LIST, AT(by), "FIELD", 0, SIM_MAX_BY,
     .help = "break down by this claim field (repeatable)"},
    {"rejects", 0, OPT_STR, AT(rejects), "FILE", .help = "rejected rows (default rejects.csv)"},
    {"encoding", 0, OPT_STR, AT(encoding), "NAME",
     .help = "the inputs' encoding: utf-8 or gb18030 (gbk) (default: detected)"},
    {NULL, 'j', OPT_INT, AT(threads), "N", 1, 256, 1,
     .help = "compile and settle on N threads (default 1)"},
    {"interp", 0, OPT_FLAG, AT(interp), NULL, 1, .help = "use the reference interpreter"},
    {NULL, 'O', OPT_INT, AT(opt), "N", 0, 3, ENGINE_OPT_AUTO,
     .help = "JIT optimisation level (default: 0, or 2 from 500,000 claims a policy)"},
    {"quiet", 'q', OPT_FLAG, AT(quiet), NULL, 1, .help = "print no tables"},
    {"progress", 0, OPT_FLAG, AT(progress), NULL, 1, .def = -1,
     .help = "show progress (default: when stderr is a terminal)"},
    {"no-progress", 0, OPT_FLAG, AT(progress), NULL, 0, .def = -1, .help = "never show progress"},
    {0},
};
#undef AT

/* the options that must go together; 0, or EXIT_USAGE after a message */
static int check_args(const Command *cmd, const SimArgs *a)
{
    if (!a->base)
        return opts_usage_error(cmd, sim_opts, "--base POLICY is required");
    if (!a->claims)
        return opts_usage_error(cmd, sim_opts, "--claims FILE is required");
    if (a->sweep && (a->reforms.n || a->sets.n))
        return opts_usage_error(cmd, sim_opts,
                                "--sweep runs the base alone: give no --reform or --set with it");
    if (a->reforms.n + a->sets.n > SIM_MAX_SCENARIOS - 1)
        return opts_usage_error(cmd, sim_opts, "too many scenarios: at most %d --reform and --set",
                                SIM_MAX_SCENARIOS - 1);
    /* told before the claims are read and settled, not after the tables are printed */
    struct stat st;
    if (a->report && stat(a->report, &st) == 0 && !S_ISDIR(st.st_mode))
        return opts_usage_error(cmd, sim_opts, "--report %s is not a directory", a->report);
    return 0;
}

/* ---- reforms ---------------------------------------------------------------------------- */

/* the file a path names, for comparing a reform's base with --base */
static int same_file(const char *a, const char *b)
{
    char ra[PATH_MAX], rb[PATH_MAX];
    if (!realpath(a, ra) || !realpath(b, rb))
        return strcmp(a, b) == 0;
    return strcmp(ra, rb) == 0;
}

/* A reform must change the --base policy: read its header quietly first, so the mistake is
 * told as such and not as a cascade of unknown names. 0, or EXIT_USAGE after a message. */
static int check_reform_base(const char *reform, const char *base)
{
    FILE *null = fopen("/dev/null", "w");
    Diag d;
    diag_init(&d, null ? null : stderr);
    Compiled c;
    driver_init(&c, &d);
    int rc = EXIT_OK;
    driver_parse(&c, reform);
    if (!c.prog || (c.prog->is_reform && !c.base_path)) {
        /* unreadable or unparsable, or a reform whose base cannot be read: the real compile
         * says why (not "a policy, not a reform") */
        rc = EXIT_OK;
    } else if (!c.base_path) {
        fprintf(stderr,
                "polc: --reform %s is a policy, not a reform (a reform starts "
                "'reform \"NAME\" of \"POLICY\"')\n",
                reform);
        rc = EXIT_USAGE;
    } else if (!same_file(c.base_path, base)) {
        fprintf(stderr, "polc: --reform %s changes %s, not the --base policy %s\n", reform,
                c.base_path, base);
        rc = EXIT_USAGE;
    }
    driver_free(&c);
    if (null)
        fclose(null);
    return rc;
}

/* ---- sweeps ----------------------------------------------------------------------------- */

typedef struct Sweep {
    char name[256];   /* the parameter */
    char member[128]; /* a table's member, or "" */
    double from, to, step;
    char unit[32]; /* text after the numbers ("yuan", "%", "万元"), or "" */
    int npts;
} Sweep;

/* a decimal number at p ("3000", "0.75", "-2"); a '.' counts only with a digit after it,
 * so "3000..5000" reads as 3000. NULL when there is none. */
static const char *number(const char *p, double *out)
{
    const char *s = p;
    if (*s == '-' || *s == '+')
        s++;
    if (*s < '0' || *s > '9')
        return NULL;
    while (*s >= '0' && *s <= '9')
        s++;
    if (s[0] == '.' && s[1] >= '0' && s[1] <= '9')
        for (s++; *s >= '0' && *s <= '9'; s++)
            ;
    char buf[64];
    if ((size_t)(s - p) >= sizeof buf)
        return NULL;
    memcpy(buf, p, (size_t)(s - p));
    buf[s - p] = '\0';
    *out = strtod(buf, NULL);
    return s;
}

/* "cap=3000..5000:500 yuan", "deductible[county]=100..500:100 yuan", "ratio=70..90:5%" */
static int parse_sweep(const char *spec, Sweep *sw)
{
    memset(sw, 0, sizeof *sw);
    const char *eq = strchr(spec, '=');
    if (!eq || eq == spec || (size_t)(eq - spec) >= sizeof sw->name)
        return -1;
    memcpy(sw->name, spec, (size_t)(eq - spec));
    char *br = strchr(sw->name, '[');
    if (br) {
        char *end = strchr(br, ']');
        if (!end || end[1] || end - br - 1 <= 0 || (size_t)(end - br) > sizeof sw->member)
            return -1;
        memcpy(sw->member, br + 1, (size_t)(end - br - 1));
        *br = '\0';
    }
    const char *p = eq + 1, *end;
    if (!(end = number(p, &sw->from)) || strncmp(end, "..", 2) != 0)
        return -1;
    if (!(end = number(end + 2, &sw->to)) || *end != ':')
        return -1;
    if (!(end = number(end + 1, &sw->step)) || !(sw->step > 0) || sw->to < sw->from)
        return -1;
    while (*end == ' ')
        end++;
    if (strlen(end) >= sizeof sw->unit)
        return -1;
    strcpy(sw->unit, end);
    double n = floor((sw->to - sw->from) / sw->step + 1e-9) + 1;
    if (!(n >= 1) || n > SIM_MAX_SCENARIOS - 1)
        return -2;
    sw->npts = (int)n;
    return 0;
}

/* the point's value as policy text: "3500 yuan" */
static void point_text(const Sweep *sw, double x, char *buf, size_t len)
{
    char num[64];
    snprintf(num, sizeof num, "%.10g", x);
    if (!sw->unit[0])
        snprintf(buf, len, "%s", num);
    else if (sw->unit[0] == '%')
        snprintf(buf, len, "%s%s", num, sw->unit);
    else
        snprintf(buf, len, "%s %s", num, sw->unit);
}

/* Encode a point's text. A bare number for a money parameter means yuan ("3000" is
 * "3000 yuan"), so the first tries are quiet; the last one tells what is wrong. */
static int encode_point(Compiled *c, const Sweep *sw, char *text, size_t len, int64_t *v)
{
    Diag *real = c->diag, quiet;
    FILE *null = fopen("/dev/null", "w");
    int ok = -1;
    if (null) {
        diag_init(&quiet, null);
        c->diag = &quiet;
        ok = driver_encode_param_value(c, sw->name, text, v);
        if (ok != 0 && !sw->unit[0]) {
            char t2[128];
            snprintf(t2, sizeof t2, "%s yuan", text);
            if (strlen(t2) < len && driver_encode_param_value(c, sw->name, t2, v) == 0) {
                memcpy(text, t2, strlen(t2) + 1);
                ok = 0;
            }
        }
        c->diag = real;
        fclose(null);
    }
    if (ok != 0)
        ok = driver_encode_param_value(c, sw->name, text, v);
    return ok;
}

/* the IR parameter of the sweep and the member's slot in each version; -1 after a message */
static int sweep_slot(const Compiled *c, const Sweep *sw, const IrParam **out, int *slot)
{
    const IrProgram *ir = c->ir;
    const IrParam *p = NULL;
    for (int i = 0; i < ir->nparams && !p; i++)
        if (!strcmp(ir->params[i].name, sw->name))
            p = &ir->params[i];
    if (!p) {
        fprintf(stderr, "polc: --sweep: the policy has no param '%s'\n", sw->name);
        return -1;
    }
    Decl *d = p->decl;
    if (d->ty.kind == TY_BRACKETS) {
        fprintf(stderr, "polc: --sweep: '%s' holds brackets; sweep a single value\n", sw->name);
        return -1;
    }
    *slot = 0;
    if (d->index_enum) {
        if (!sw->member[0]) {
            fprintf(stderr,
                    "polc: --sweep: '%s' is a table over %s; write --sweep "
                    "%s[MEMBER]=FROM..TO:STEP\n",
                    sw->name, d->index_enum->name, sw->name);
            return -1;
        }
        int k = -1;
        for (int i = 0; i < d->index_enum->members.len; i++)
            if (!strcmp(d->index_enum->members.data[i].name, sw->member))
                k = i;
        if (k < 0) {
            fprintf(stderr, "polc: --sweep: %s has no member '%s'\n", d->index_enum->name,
                    sw->member);
            return -1;
        }
        *slot = k;
    } else if (sw->member[0]) {
        fprintf(stderr, "polc: --sweep: '%s' is not a table; write --sweep %s=FROM..TO:STEP\n",
                sw->name, sw->name);
        return -1;
    }
    *out = p;
    return 0;
}

/* ---- the scenarios ---------------------------------------------------------------------- */

/* One simulation's scenarios and what they own: scenario 0 is the base; a sweep point's
 * engine shares the base's compiled code, so engines are freed last to first. */
typedef struct Scenarios {
    Engine *eng;        /* SIM_MAX_SCENARIOS of them */
    PolSimScenario *sc; /* what polrt_sim_run reads */
    char (*names)[600]; /* a scenario's name: a reform's, "--set ...", "cap=3500 yuan" */
    char (*texts)[128]; /* a sweep point's value as written */
    EngineMode mode;    /* --interp or the JIT */
    int opt;            /* -O, given or chosen (engine_choose_opt) */
    char what[128];     /* the progress line's words while the policies compile */
    int n;
} Scenarios;

/* the scenarios' tables, and -O: the base and each --reform or --set compiled, a sweep's
 * points (npts) sharing the base's code */
static int scenarios_init(Scenarios *s, const SimArgs *a, int npts)
{
    memset(s, 0, sizeof *s);
    s->eng = calloc(SIM_MAX_SCENARIOS, sizeof *s->eng);
    s->sc = calloc(SIM_MAX_SCENARIOS, sizeof *s->sc);
    s->names = calloc(SIM_MAX_SCENARIOS, sizeof *s->names);
    s->texts = calloc(SIM_MAX_SCENARIOS, sizeof *s->texts);
    s->mode = a->interp ? ENGINE_INTERP : ENGINE_JIT;
    int compiles = 1 + a->reforms.n + a->sets.n;
    s->opt = engine_choose_opt((int)a->opt, a->claims, compiles + npts, compiles, s->what,
                               sizeof s->what);
    if (!s->eng || !s->sc || !s->names || !s->texts) {
        fputs("polc: out of memory\n", stderr);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

static void scenarios_free(Scenarios *s)
{
    for (int i = SIM_MAX_SCENARIOS - 1; s->eng && i >= 0; i--)
        engine_free(&s->eng[i]);
    free(s->eng);
    free(s->sc);
    free(s->names);
    free(s->texts);
}

/* the base: its errors are the policy's (exit 1) */
static int add_base(Scenarios *s, const char *base)
{
    Engine *e = &s->eng[s->n];
    EngineStatus st =
        engine_load(e, &(EngineSpec){.path = base, .mode = s->mode, .opt = s->opt, .defer = 1});
    if (st != ENGINE_OK)
        return engine_exit(st);
    if (e->policy->reform_name) {
        fprintf(stderr, "polc: --base %s is a reform; give the policy it changes (%s)\n", base,
                e->policy->base_path);
        return EXIT_USAGE;
    }
    s->sc[s->n++] = (PolSimScenario){.name = "base", .source = base};
    return EXIT_OK;
}

/* each --reform is a scenario: one that changes another policy, or cannot be applied, is a
 * usage error (exit 2) */
static int add_reform(Scenarios *s, const char *reform, const char *base)
{
    int rc = check_reform_base(reform, base);
    if (rc != EXIT_OK)
        return rc;
    Engine *e = &s->eng[s->n];
    EngineStatus st =
        engine_load(e, &(EngineSpec){.path = reform, .mode = s->mode, .opt = s->opt, .defer = 1});
    /* a reform the compiler could not read has been told so: it is no reform that does not
     * apply */
    if (st == ENGINE_POLICY_ERRORS && access(reform, R_OK) == 0)
        fprintf(stderr, "polc: the reform %s cannot be applied to %s\n", reform, base);
    if (st != ENGINE_OK) /* a reform that does not apply is the command line's */
        return st == ENGINE_SYSTEM ? EXIT_SYSTEM : EXIT_USAGE;
    snprintf(s->names[s->n], sizeof s->names[s->n], "%s",
             e->policy->reform_name ? e->policy->reform_name : "reform");
    s->sc[s->n] = (PolSimScenario){.name = s->names[s->n], .source = reform};
    s->n++;
    return EXIT_OK;
}

/* each --set is a scenario of its own, the base with that one change */
static int add_set(Scenarios *s, const char *const *set, const char *base)
{
    Engine *e = &s->eng[s->n];
    EngineStatus st = engine_load(
        e, &(EngineSpec){
               .path = base, .mode = s->mode, .opt = s->opt, .sets = set, .nsets = 1, .defer = 1});
    if (st == ENGINE_POLICY_ERRORS)
        fprintf(stderr, "polc: --set %s cannot be applied to %s\n", *set, base);
    if (st != ENGINE_OK)
        return st == ENGINE_SYSTEM ? EXIT_SYSTEM : EXIT_USAGE;
    snprintf(s->names[s->n], sizeof s->names[s->n], "%s", *set);
    snprintf(s->texts[s->n], sizeof s->texts[s->n], "--set");
    s->sc[s->n] =
        (PolSimScenario){.name = s->names[s->n], .source = "--set (base with this change)"};
    s->n++;
    return EXIT_OK;
}

/* the engines of the scenarios so far, compiled -j at a time (engine_start_all) */
static int start_scenarios(Scenarios *s, int threads, int progress)
{
    Engine *es[SIM_MAX_SCENARIOS];
    for (int i = 0; i < s->n; i++)
        es[i] = &s->eng[i];
    EngineStatus st = engine_start_all(es, s->n, threads, s->what, progress);
    if (st != ENGINE_OK)
        return st == ENGINE_SYSTEM ? EXIT_SYSTEM : EXIT_USAGE;
    for (int i = 0; i < s->n; i++)
        s->sc[i].engine = s->eng[i].pe;
    return EXIT_OK;
}

/* --sweep: the base's compiled policy once; each point is an engine on the same code with the
 * parameter's slots rewritten in its own copy of the params table */
static int add_sweep(Scenarios *s, const Sweep *sw)
{
    Engine *base = &s->eng[0];
    const IrParam *p;
    int slot;
    if (sweep_slot(base->policy, sw, &p, &slot) != 0)
        return EXIT_USAGE;
    const int64_t *ptable = base->policy->ir->ptable;
    size_t np = (size_t)base->policy->ir->nptable;
    int64_t *params = malloc((np + 1) * sizeof *params);
    if (!params) {
        fputs("polc: out of memory\n", stderr);
        return EXIT_USAGE;
    }
    int rc = EXIT_OK;
    for (int i = 0; i < sw->npts && rc == EXIT_OK; i++) {
        double x = sw->from + sw->step * i;
        char text[100];
        point_text(sw, x, text, sizeof text);
        int64_t v;
        if (encode_point(base->policy, sw, text, sizeof text, &v) != 0) {
            fprintf(stderr, "polc: --sweep: '%s' is not a value of %s\n", text, sw->name);
            rc = EXIT_USAGE;
            break;
        }
        /* as --set NAME=VALUE does: one value from the first version on; a table's other
         * members keep the values of its first version */
        memcpy(params, ptable, np * sizeof *params);
        for (int k = 0; k < p->nv; k++) {
            int64_t off = p->v[k].offset;
            if (p->decl->index_enum)
                memcpy(params + off, ptable + p->v[0].offset, (size_t)p->width * sizeof *params);
            params[off + slot] = v;
        }
        if (engine_with_params(&s->eng[s->n], base, params, np) != ENGINE_OK) {
            rc = EXIT_USAGE;
            break;
        }
        snprintf(s->names[s->n], sizeof s->names[s->n], "%s%s%s%s=%s", sw->name,
                 sw->member[0] ? "[" : "", sw->member, sw->member[0] ? "]" : "", text);
        snprintf(s->texts[s->n], sizeof s->texts[s->n], "%s", text);
        s->sc[s->n] = (PolSimScenario){.name = s->names[s->n],
                                       .source = "sweep point",
                                       .engine = s->eng[s->n].pe,
                                       .x = x,
                                       .x_text = s->texts[s->n]};
        s->n++;
    }
    free(params);
    return rc;
}

/* ---- the command ------------------------------------------------------------------------ */

/* settle the claims in every scenario (polrt_sim_run), then print and write what it found */
static int simulate(const Scenarios *s, const SimArgs *a, const Sweep *sw)
{
    PolSimOpts so = {
        .claims = a->claims,
        .persons = a->persons,
        .rejects = a->rejects,
        .weight = a->weight,
        .oop = a->oop,
        .cap = a->cap,
        .by = a->by.n ? a->by.v : NULL,
        .nby = a->by.n,
        .threads = (int)a->threads,
        .progress = (int)a->progress,
        .encoding = a->encoding,
        .changes = a->changes,
        .cluster = rt_cluster_job(),
        .report = a->report,
        .xlsx = a->xlsx,
        .labels = a->labels,
    };
    char sweep_name[400];
    if (sw) {
        snprintf(sweep_name, sizeof sweep_name, "%s%s%s%s", sw->name, sw->member[0] ? "[" : "",
                 sw->member, sw->member[0] ? "]" : "");
        so.sweep = sweep_name;
    }
    PolSim *res = NULL;
    int rc = polrt_sim_run(s->sc, s->n, &so, &res);
    /* --changes on standard output (-, /dev/stdout): that stream carries the CSV only, and the
     * tables go to stderr, as polc run's summary does beside its results */
    FILE *words = a->changes && rt_out_is_stdout(a->changes) ? stderr : stdout;
    if (res) {
        if (!a->quiet)
            polrt_sim_print(res, words);
        if (a->report) {
            char err[1024] = "";
            if (polrt_sim_write_report(res, a->report, err, sizeof err) != 0) {
                fprintf(stderr, "polc: %s\n", err);
                rc = polrt_exit_for_errno(errno);
            } else if (!a->quiet)
                fprintf(words, "\nreport: %s/report.html (and CSV files beside it)\n", a->report);
        }
        if (a->xlsx) {
            char err[1024] = "";
            if (polrt_sim_write_xlsx(res, a->xlsx, err, sizeof err) != 0) {
                fprintf(stderr, "polc: %s\n", err);
                rc = polrt_exit_for_errno(errno);
            } else if (!a->quiet)
                fprintf(words, "workbook: %s\n", a->xlsx);
        }
        polrt_sim_free(res);
    }
    return rc;
}

int cmd_simulate(const Command *cmd, int argc, char **argv)
{
    SimArgs a;
    char **pos;
    int npos, rc = opts_parse(cmd, sim_opts, argc, argv, &a, &pos, &npos);
    if (rc != OPTS_PARSED)
        return rc;
    if (npos)
        return opts_usage_error(cmd, sim_opts, "unexpected argument '%s' (the policy is --base)",
                                pos[0]);
    if (check_args(cmd, &a) != 0)
        return EXIT_USAGE;
    Sweep sw = {.npts = 0};
    if (a.sweep) {
        int k = parse_sweep(a.sweep, &sw);
        if (k == -2)
            return opts_usage_error(cmd, sim_opts, "--sweep %s: too many points (at most %d)",
                                    a.sweep, SIM_MAX_SCENARIOS - 1);
        if (k < 0)
            return opts_usage_error(cmd, sim_opts,
                                    "--sweep needs NAME=FROM..TO:STEP (e.g. cap=3000..5000:500), "
                                    "got '%s'",
                                    a.sweep);
    }
    Scenarios s;
    rc = scenarios_init(&s, &a, a.sweep ? sw.npts : 0);
    if (rc == EXIT_OK)
        rc = add_base(&s, a.base);
    for (int i = 0; i < a.reforms.n && rc == EXIT_OK; i++)
        rc = add_reform(&s, a.reforms.v[i], a.base);
    for (int i = 0; i < a.sets.n && rc == EXIT_OK; i++)
        rc = add_set(&s, &a.sets.v[i], a.base);
    if (rc == EXIT_OK)
        rc = start_scenarios(&s, (int)a.threads, (int)a.progress);
    if (a.sweep && rc == EXIT_OK)
        rc = add_sweep(&s, &sw);
    if (rc == EXIT_OK)
        rc = simulate(&s, &a, a.sweep ? &sw : NULL);
    scenarios_free(&s);
    return rc;
}
