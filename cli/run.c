/* run.c — polc run and polc explain: load an engine (a built .so, or the policy compiled now:
 * JIT, or the interpreter with --interp), then hand it and the data to the runtime's batch
 * run (polrt_run). explain is a run that prints one claim's settlement and no summary. */
#include "cli.h"

#include "engine.h"

typedef struct RunArgs {
    const char *claims, *persons, *ledger, *out, *explain, *rejects, *claim;
    const char *adjustments, *late, *reverse;
    OptList sets; /* --set: a one-line reform each */
    long threads, max_rejects, opt, interp, quiet, progress, show_ids;
} RunArgs;

/* run and explain take the same options */
#define AT(field) offsetof(RunArgs, field)
static const Opt run_opts[] = {
    OPTS_RUN_ROWS(AT),
    {"set", 0, OPT_LIST, AT(sets), "NAME[MEMBER]=VALUE[@DATE]", 0, 32,
     .help = "change a param for this run (a one-line reform)"},
    {"interp", 0, OPT_FLAG, AT(interp), NULL, 1,
     .help = "use the reference interpreter, not the JIT"},
    {NULL, 'O', OPT_INT, AT(opt), "N", 0, 3, 2, "JIT optimisation level, 0 to 3 (default 2)"},
    {0},
};
#undef AT

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
    if ((rc = opts_run_check(cmd, run_opts, a.claims, a.reverse, a.late, a.adjustments, a.ledger,
                             &late_reject)) != OPTS_PARSED)
        return rc;
    if (explain_only && !a.claim)
        return opts_usage_error(cmd, run_opts, "--claim ID is required");
    Engine e;
    EngineSpec spec = {.path = pol[0],
                       .mode = a.interp ? ENGINE_INTERP : ENGINE_JIT,
                       .opt = (int)a.opt,
                       .sets = a.sets.v,
                       .nsets = a.sets.n,
                       .open_so = 1};
    switch (engine_load(&e, &spec)) {
    case ENGINE_OK: break;
    case ENGINE_POLICY_ERRORS:
        /* errors in a --set are the command line's, not the policy's */
        engine_free(&e);
        return a.sets.n ? EXIT_USAGE : EXIT_POLICY;
    case ENGINE_FAILED: engine_free(&e); return EXIT_USAGE;
    }
    PolRunOpts ro = {
        .claims = a.reverse ? a.reverse : a.claims,
        .reverse = a.reverse != NULL,
        .adjustments = a.adjustments,
        .late_reject = late_reject,
        .persons = a.persons,
        .ledger_db = a.ledger,
        .out = a.out,
        .rejects = a.rejects,
        .explain = a.explain,
        .explain_claim = a.claim,
        .threads = (int)a.threads,
        .max_rejects = a.max_rejects,
        .progress = (int)a.progress,
        .quiet = a.quiet || explain_only,
        .show_ids = (int)a.show_ids,
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
