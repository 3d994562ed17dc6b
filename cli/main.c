/* main.c — the polc command line. Each command reads as the pipeline: parse, check, lower,
 * then interpret, JIT-compile or emit, and hand the engine to the runtime [QBE main.c].
 * Exit codes (DESIGN.md): 0 success, 1 policy errors or failed tests, 2 usage, 3 bad data. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "driver.h"
#include "emit.h"
#include "interp.h"
#include "jit.h"
#include "polrt.h"
#include "testcase.h"
#include "tool.h"

enum { EXIT_OK = 0, EXIT_POLICY = 1, EXIT_USAGE = 2, EXIT_DATA = 3 };

static const char usage_text[] =
    "usage: polc COMMAND [ARGS]\n"
    "\n"
    "  check    POLICY...                         type-check; diagnostics only\n"
    "  build    POLICY -o OUT [--emit so|exe|obj|ir|asm] [-O0..-O3]\n"
    "  run      POLICY|ENGINE.so --claims F [--persons F] [--ledger DB] [--out F]\n"
    "           [--explain F] [--rejects F] [-j N] [--max-rejects N] [--interp] [-q]\n"
    "           [--set NAME[MEMBER]=VALUE[@YYYY-MM-DD]]...\n"
    "  test     POLICY... [--interp-only]         run the policies' own test cases\n"
    "  explain  POLICY --claims F [--persons F] --claim ID\n"
    "  simulate --base POLICY --reform REFORM --claims F [--persons F] [--set NAME=VALUE]\n"
    "           [--sweep NAME=FROM..TO:STEP] [--report DIR] [-j N]\n"
    "  call     POLICY RULE [ARG...] [--date D] [--interp]\n"
    "  gen      --persons N --seed S --out DIR\n"
    "  ir       POLICY                            print the policy IR\n"
    "\n"
    "Exit codes: 0 success, 1 policy errors or failed tests, 2 usage, 3 bad input data.\n"
    "The language: spec/LANGUAGE.md; data formats: spec/DATA.md.\n";

static int usage(const char *msg)
{
    if (msg)
        fprintf(stderr, "polc: %s\n", msg);
    fputs(usage_text, stderr);
    return EXIT_USAGE;
}

/* ---- option parsing shared by the commands ------------------------------------------ */
typedef struct Opts {
    const char *positional[64];
    int npos;
    const char *out, *emit, *claims, *persons, *ledger, *explain, *rejects, *claim;
    const char *sets[32]; /* --set: a one-line reform each */
    int nsets;
    int opt, threads, interp, interp_only, quiet, progress;
    long max_rejects;
} Opts;

static int want_value(int argc, char **argv, int *i, const char **dst)
{
    if (*i + 1 >= argc) {
        fprintf(stderr, "polc: option %s needs a value\n", argv[*i]);
        return -1;
    }
    *dst = argv[++*i];
    return 0;
}

static int parse_long(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

static int parse_opts(int argc, char **argv, Opts *o)
{
    memset(o, 0, sizeof *o);
    o->opt = 2;
    o->threads = 1;
    o->progress = -1;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        long v;
        /* options that take a value: where it goes */
        const struct {
            const char *name;
            const char **dst;
        } valued[] = {
            {"-o", &o->out},
            {"--out", &o->out},
            {"--emit", &o->emit},
            {"--claims", &o->claims},
            {"--persons", &o->persons},
            {"--ledger", &o->ledger},
            {"--explain", &o->explain},
            {"--rejects", &o->rejects},
            {"--claim", &o->claim},
        };
        int taken = 0;
        for (size_t k = 0; k < sizeof valued / sizeof valued[0] && !taken; k++)
            if (!strcmp(a, valued[k].name)) {
                if (want_value(argc, argv, &i, valued[k].dst))
                    return -1;
                taken = 1;
            }
        if (taken)
            continue;
        if (!strcmp(a, "--set")) {
            if (o->nsets == 32 || want_value(argc, argv, &i, &o->sets[o->nsets]))
                return -1;
            o->nsets++;
        } else if (!strcmp(a, "-j")) {
            const char *s;
            if (want_value(argc, argv, &i, &s) || parse_long(s, 1, 256, &v)) {
                fprintf(stderr, "polc: -j needs a thread count from 1 to 256\n");
                return -1;
            }
            o->threads = (int)v;
        } else if (!strncmp(a, "-j", 2) && a[2]) {
            if (parse_long(a + 2, 1, 256, &v)) {
                fprintf(stderr, "polc: -j needs a thread count from 1 to 256\n");
                return -1;
            }
            o->threads = (int)v;
        } else if (!strcmp(a, "--max-rejects")) {
            const char *s;
            if (want_value(argc, argv, &i, &s) || parse_long(s, 0, 1000000000, &o->max_rejects)) {
                fprintf(stderr, "polc: --max-rejects needs a count\n");
                return -1;
            }
        } else if (a[0] == '-' && a[1] == 'O' && a[2] >= '0' && a[2] <= '3' && !a[3]) {
            o->opt = a[2] - '0';
        } else if (!strcmp(a, "--interp")) {
            o->interp = 1;
        } else if (!strcmp(a, "--interp-only")) {
            o->interp_only = 1;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            o->quiet = 1;
        } else if (!strcmp(a, "--progress")) {
            o->progress = 1;
        } else if (!strcmp(a, "--no-progress")) {
            o->progress = 0;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage_text, stdout);
            exit(EXIT_OK);
        } else if (a[0] == '-' && a[1] && strcmp(argv[1], "call") != 0) {
            fprintf(stderr, "polc: unknown option '%s'\n", a);
            return -1;
        } else {
            if (o->npos == 64)
                return -1;
            o->positional[o->npos++] = a;
        }
    }
    return 0;
}

/* ---- commands ------------------------------------------------------------------------ */
static int cmd_check(Opts *o)
{
    if (o->npos == 0)
        return usage("check needs at least one POLICY");
    int bad = 0;
    for (int i = 0; i < o->npos; i++) {
        Diag d;
        diag_init(&d, stderr);
        Compiled c;
        driver_init(&c, &d);
        if (driver_parse(&c, o->positional[i]) != 0 || driver_check(&c) != 0)
            bad = 1;
        if (d.errors)
            fprintf(stderr, "%s: %d error%s\n", o->positional[i], d.errors,
                    d.errors == 1 ? "" : "s");
        driver_free(&c);
    }
    return bad ? EXIT_POLICY : EXIT_OK;
}

static int cmd_ir(Opts *o)
{
    if (o->npos != 1)
        return usage("ir needs one POLICY");
    Diag d;
    diag_init(&d, stderr);
    Compiled c;
    driver_init(&c, &d);
    int rc = driver_compile(&c, o->positional[0]) == 0 ? EXIT_OK : EXIT_POLICY;
    if (rc == EXIT_OK)
        ir_dump(c.ir, stdout);
    driver_free(&c);
    return rc;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcmp(s + n - m, suffix);
}

/* An engine for a command: a built .so, or the policy compiled now (JIT, or the interpreter
 * with --interp). The Compiled and Jit stay alive as long as the engine. */
typedef struct Loaded {
    Compiled c;
    Diag d;
    Jit *jit;
    PolEngine *engine;
} Loaded;

static int load_engine(Loaded *L, const char *path, int interp, int opt, const char *const *sets,
                       int nsets)
{
    char err[512];
    memset(L, 0, sizeof *L);
    diag_init(&L->d, stderr);
    driver_init(&L->c, &L->d);
    if (ends_with(path, ".so")) {
        if (nsets) {
            fprintf(stderr,
                    "polc: --set changes a policy's text; give the policy, not a built engine\n");
            return EXIT_USAGE;
        }
        L->engine = polrt_engine_open(path, err, sizeof err);
        if (!L->engine) {
            fprintf(stderr, "polc: %s\n", err);
            return EXIT_USAGE;
        }
        tool_warn_stale(L->engine);
        return EXIT_OK;
    }
    if (driver_compile_with(&L->c, path, sets, nsets) != 0)
        return L->d.errors && nsets ? EXIT_USAGE : EXIT_POLICY;
    if (interp) {
        L->engine = polrt_engine_new(L->c.schema, L->c.ir->ptable, interp_settle, interp_keys,
                                     L->c.ir, err, sizeof err);
        polrt_engine_set_check(L->engine, interp_check);
    } else {
        L->jit = jit_create(L->c.ir, L->c.schema, opt, err, sizeof err);
        if (!L->jit) {
            fprintf(stderr, "polc: %s\n", err);
            return EXIT_USAGE;
        }
        L->engine = polrt_engine_new(jit_schema(L->jit), jit_params(L->jit), jit_settle(L->jit),
                                     jit_keys(L->jit), NULL, err, sizeof err);
        polrt_engine_set_check(L->engine, jit_check(L->jit));
    }
    if (!L->engine) {
        fprintf(stderr, "polc: internal error: the runtime refused the schema: %s\n", err);
        return EXIT_USAGE;
    }
    return EXIT_OK;
}

static void unload_engine(Loaded *L)
{
    if (L->engine)
        polrt_engine_free(L->engine);
    if (L->jit)
        jit_free(L->jit);
    driver_free(&L->c);
}

static int cmd_run(Opts *o, int explain_only)
{
    if (o->npos != 1)
        return usage(explain_only ? "explain needs one POLICY"
                                  : "run needs one POLICY or ENGINE.so");
    if (!o->claims)
        return usage("--claims FILE is required");
    if (explain_only && !o->claim)
        return usage("explain needs --claim ID");
    Loaded L;
    int rc = load_engine(&L, o->positional[0], o->interp, o->opt, o->sets, o->nsets);
    if (rc != EXIT_OK) {
        unload_engine(&L);
        return rc;
    }
    PolRunOpts ro = {
        .claims = o->claims,
        .persons = o->persons,
        .ledger_db = o->ledger,
        .out = o->out,
        .rejects = o->rejects,
        .explain = o->explain,
        .explain_claim = o->claim,
        .threads = o->threads,
        .max_rejects = o->max_rejects,
        .progress = o->progress,
        .quiet = o->quiet || explain_only,
    };
    PolRunStats st;
    rc = polrt_run(L.engine, &ro, &st);
    unload_engine(&L);
    return rc;
}

static int cmd_test(Opts *o)
{
    if (o->npos == 0)
        return usage("test needs at least one POLICY");
    TestTotals t = {0};
    int bad_policy = 0;
    for (int i = 0; i < o->npos; i++)
        if (testcase_run_file(o->positional[i], o->interp_only, &t) != 0)
            bad_policy = 1;
    printf("%d passed, %d failed\n", t.passed, t.failed);
    return bad_policy || t.failed ? EXIT_POLICY : EXIT_OK;
}

static int cmd_build(Opts *o)
{
    if (o->npos != 1)
        return usage("build needs one POLICY");
    if (!o->out)
        return usage("build needs -o OUT");
    EmitKind k = EMIT_SO;
    if (o->emit && emit_kind(o->emit, &k) != 0)
        return usage("--emit takes so, exe, obj, ir or asm");
    Diag d;
    diag_init(&d, stderr);
    Compiled c;
    driver_init(&c, &d);
    if (driver_compile(&c, o->positional[0]) != 0) {
        driver_free(&c);
        return EXIT_POLICY;
    }
    char err[1024];
    int rc = emit_file(c.ir, c.schema, k, o->opt, o->out, err, sizeof err);
    if (rc != 0)
        fprintf(stderr, "polc: %s\n", err);
    driver_free(&c);
    return rc ? EXIT_USAGE : EXIT_OK;
}

static int cmd_call(int argc, char **argv)
{
    /* polc call POLICY RULE ARG... [--date D] [--interp]: arguments may look like options
     * (negative numbers), so only our two options are recognised */
    const char *policy = NULL, *rule = NULL, *date = NULL;
    const char *args[64];
    int nargs = 0, interp = 0;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--date") && i + 1 < argc)
            date = argv[++i];
        else if (!strcmp(argv[i], "--interp"))
            interp = 1;
        else if (!policy)
            policy = argv[i];
        else if (!rule)
            rule = argv[i];
        else if (nargs < 64)
            args[nargs++] = argv[i];
        else
            return usage("too many arguments");
    }
    if (!policy || !rule)
        return usage("call needs POLICY and RULE");
    return tool_call(policy, rule, args, nargs, date, interp);
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage(NULL);
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        fputs(usage_text, stdout);
        return EXIT_OK;
    }
    if (!strcmp(cmd, "--version")) {
        puts(POLC_VERSION_STRING);
        return EXIT_OK;
    }
    if (!strcmp(cmd, "call"))
        return cmd_call(argc, argv);
    /* simulate and gen parse their own options */
    if (!strcmp(cmd, "simulate") || !strcmp(cmd, "gen")) {
        int rc = !strcmp(cmd, "simulate") ? tool_simulate(argc, argv) : tool_gen(argc, argv);
        jit_shutdown();
        return rc;
    }
    Opts o;
    if (parse_opts(argc, argv, &o) != 0)
        return usage(NULL);
    int rc;
    if (!strcmp(cmd, "check"))
        rc = cmd_check(&o);
    else if (!strcmp(cmd, "run"))
        rc = cmd_run(&o, 0);
    else if (!strcmp(cmd, "explain"))
        rc = cmd_run(&o, 1);
    else if (!strcmp(cmd, "test"))
        rc = cmd_test(&o);
    else if (!strcmp(cmd, "build"))
        rc = cmd_build(&o);
    else if (!strcmp(cmd, "ir"))
        rc = cmd_ir(&o);
    else {
        fprintf(stderr, "polc: unknown command '%s'\n", cmd);
        return usage(NULL);
    }
    jit_shutdown();
    return rc;
}
