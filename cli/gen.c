/* gen.c — polc gen's command line: the options, checked, for the generator in tools/gen.c;
 * with --policy, the policy's validity, which the claims' dates keep inside. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>

#include "engine.h"
#include "gen.h"
#include "polrt.h"

typedef struct GenArgs {
    const char *seed, *out, *years, *claim_scale, *policy;
    long persons, weights, progress;
} GenArgs;

#define AT(field) offsetof(GenArgs, field)
static const Opt gen_opts[] = {
    /* required: the default -1 says it was not given */
    {"persons", 0, OPT_INT, AT(persons), "N", 0, GEN_MAX_PERSONS, -1,
     .help = "how many persons (required)"},
    {"seed", 0, OPT_STR, AT(seed), "S", .help = "the generator's seed, a non-negative integer"},
    {"out", 'o', OPT_STR, AT(out), "DIR", .help = "the directory to write (created if missing)"},
    {"years", 0, OPT_STR, AT(years), "Y,Y,...",
     .help = "claim years (default 2017,2018,2025,2026)"},
    {"policy", 0, OPT_STR, AT(policy), "POLICY",
     .help = "date claims only inside this policy's validity (a .pol or built .so)"},
    {"claim-scale", 0, OPT_STR, AT(claim_scale), "X", .help = "multiply claim rates by X (0-20]"},
    {"weights", 0, OPT_FLAG, AT(weights), NULL, 1, .help = "add a sampling weight column"},
    {"progress", 0, OPT_FLAG, AT(progress), NULL, 1, .def = -1,
     .help = "show progress (default: when stderr is a terminal)"},
    {"no-progress", 0, OPT_FLAG, AT(progress), NULL, 0, .def = -1, .help = "never show progress"},
    /* run's and simulate's spelling too: gen prints nothing but progress */
    {"quiet", 'q', OPT_FLAG, AT(progress), NULL, 0, .def = -1, .help = "the same as --no-progress"},
    {0},
};
#undef AT

/* parse "2017,2018,2025" into years[]; every year must be one the calendar has, once (a year
 * given twice had its claims made twice). The count, or -1 (not a list), -2 (*bad outside the
 * calendar) or -3 (*bad given twice). */
static int parse_years(const char *s, int *years, int max, int *bad)
{
    int n = 0;
    while (*s) {
        char *end;
        long y = strtol(s, &end, 10);
        if (end == s || n == max || y < 1900 || y > 2199)
            return -1;
        *bad = (int)y;
        if (polrt_is_workday(polrt_days_from_civil(y, 1, 1)) < 0 ||
            polrt_is_workday(polrt_days_from_civil(y, 12, 31)) < 0)
            return -2;
        for (int i = 0; i < n; i++)
            if (years[i] == y)
                return -3;
        years[n++] = (int)y;
        s = end;
        if (*s == ',')
            s++;
        else if (*s)
            return -1;
    }
    return n;
}

int cmd_gen(const Command *cmd, int argc, char **argv)
{
    GenArgs a;
    char **pos;
    int npos, rc = opts_parse(cmd, gen_opts, argc, argv, &a, &pos, &npos);
    if (rc != OPTS_PARSED)
        return rc;
    if (npos)
        return opts_usage_error(cmd, gen_opts, "unexpected argument '%s'", pos[0]);
    if (a.persons < 0 || !a.seed || !a.out)
        return opts_usage_error(cmd, gen_opts, "--persons N, --seed S and --out DIR are required");
    GenOpts g = {.persons = a.persons,
                 .dir = a.out,
                 .claim_scale = 1.0,
                 .weights = (int)a.weights,
                 .progress = (int)a.progress,
                 .valid_from = POLRT_NONE,
                 .valid_to = POLRT_NONE};
    char *end;
    errno = 0;
    unsigned long long seed = strtoull(a.seed, &end, 0);
    if (errno || *end || end == a.seed || a.seed[0] == '-')
        return opts_usage_error(cmd, gen_opts, "--seed needs a non-negative integer, got '%s'",
                                a.seed);
    g.seed = seed;
    if (a.claim_scale) {
        g.claim_scale = strtod(a.claim_scale, &end);
        if (*end || end == a.claim_scale || !(g.claim_scale > 0 && g.claim_scale <= 20))
            return opts_usage_error(cmd, gen_opts,
                                    "--claim-scale needs a number above 0, at most 20, got '%s'",
                                    a.claim_scale);
    }
    int years[GEN_MAX_YEARS];
    if (a.years) {
        int bad = 0;
        g.nyears = parse_years(a.years, years, GEN_MAX_YEARS, &bad);
        if (g.nyears == -2)
            return opts_usage_error(cmd, gen_opts,
                                    "--years: the working-day calendar has no data for %d (add "
                                    "runtime/calendar/%d.txt, or set POLRT_CALENDAR_DIR)",
                                    bad, bad);
        if (g.nyears == -3)
            return opts_usage_error(cmd, gen_opts, "--years: %d is given twice", bad);
        if (g.nyears <= 0)
            return opts_usage_error(cmd, gen_opts,
                                    "--years needs a list such as 2017,2018,2025,2026");
        g.years = years;
    }
    /* A population for one policy: Panji starts on 2017-04-07, and the ~1% of the default
     * years' claims dated before it failed, so a first `polc run` on them exited 3. The
     * validity is the engine's, read as polc run would load the policy (text or .so). */
    if (a.policy) {
        Engine e;
        EngineSpec spec = {.path = a.policy, .mode = ENGINE_INTERP, .open_so = 1};
        switch (engine_load(&e, &spec)) {
        case ENGINE_OK: break;
        case ENGINE_POLICY_ERRORS: engine_free(&e); return EXIT_POLICY;
        case ENGINE_FAILED: engine_free(&e); return EXIT_USAGE;
        case ENGINE_SYSTEM: engine_free(&e); return EXIT_SYSTEM;
        }
        polrt_engine_validity(e.pe, &g.valid_from, &g.valid_to);
        engine_free(&e);
    }
    return gen_population(&g);
}
