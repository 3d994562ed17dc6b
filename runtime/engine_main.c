/* engine_main.c — the main of a standalone engine (polc build --emit exe): the policy's code
 * linked with libpolrt, no compiler and no LLVM needed on the machine that runs it.
 *   ./engine --claims c.csv [--persons p.csv] [--ledger db] [--out r.csv] [--explain f.jsonl]
 *            [--rejects f] [--claim ID] [-j N] [--max-rejects N] [-q] [--[no-]progress]
 * The options are polc run's (without the compiler's), read by the one option parser.
 * Exit codes as polc run: 0 success, 2 usage or I/O, 3 rejected input rows. */
#include <stddef.h>
#include <stdio.h>

#include "opts.h"
#include "polrt.h"

extern const char polc_schema[];
extern const int64_t polc_params[];
int64_t polc_settle(PolCtx *ctx);
int64_t polc_settle_fast(PolCtx *ctx); /* the same without the trace (polrt.h) */
extern const int64_t polc_fast_flags;  /* what polc_settle_fast needs (polrt.h) */
void polc_keys(PolCtx *ctx, int64_t *keys);
int64_t polc_check(PolCtx *ctx);

/* the options of `polc run` an engine without a compiler can honour (cli/run.c) */
typedef struct EngineArgs {
    const char *claims, *persons, *ledger, *out, *explain, *rejects, *claim, *labels, *keep;
    const char *adjustments, *late, *reverse, *encoding, *xlsx, *ledger_key;
    long threads, max_rejects, quiet, progress, show_ids;
} EngineArgs;

#define AT(field) offsetof(EngineArgs, field)
static const Opt engine_opts[] = {OPTS_RUN_ROWS(AT), {0}};
#undef AT

int main(int argc, char **argv)
{
    /* its messages name it as its operator ran it ("eng: ..."), not polc they never typed */
    opts_set_program(argc > 0 ? argv[0] : NULL);
    Command cmd = {.name = opts_program(),
                   .synopsis = "--claims FILE",
                   .summary = "settle claims under the policy built into this engine"};
    EngineArgs a;
    char **operands;
    int noperands, rc = opts_parse(&cmd, engine_opts, argc, argv, &a, &operands, &noperands);
    if (rc != OPTS_PARSED)
        return rc;
    if (noperands)
        return opts_usage_error(&cmd, engine_opts, "unexpected argument '%s'", operands[0]);
    int late_reject;
    if ((rc = opts_run_check(&cmd, engine_opts, a.claims, a.reverse, a.late, a.adjustments,
                             a.ledger, &late_reject)) != OPTS_PARSED)
        return rc;
    PolRunOpts o = {.claims = a.reverse ? a.reverse : a.claims,
                    .reverse = a.reverse != NULL,
                    .adjustments = a.adjustments,
                    .late_reject = late_reject,
                    .persons = a.persons,
                    .ledger_db = a.ledger,
                    .ledger_key = a.ledger_key,
                    .out = a.out,
                    .explain = a.explain,
                    .rejects = a.rejects,
                    .explain_claim = a.claim,
                    .threads = (int)a.threads,
                    .max_rejects = a.max_rejects,
                    .quiet = (int)a.quiet,
                    .show_ids = (int)a.show_ids,
                    .encoding = a.encoding,
                    .xlsx = a.xlsx,
                    .labels = a.labels,
                    .keep = a.keep,
                    .progress = (int)a.progress};
    /* later years' calendars, or corrected ones, as every polc command takes them */
    if (polrt_calendar_load(NULL) != 0) {
        fprintf(stderr, "%s: POLRT_CALENDAR_DIR: %s\n", opts_program(), polrt_calendar_error());
        return 2;
    }
    char err[512];
    PolEngine *e =
        polrt_engine_new(polc_schema, polc_params, polc_settle, polc_keys, NULL, err, sizeof err);
    if (!e) {
        fprintf(stderr, "%s: %s\n", opts_program(), err);
        return 2;
    }
    polrt_engine_set_check(e, polc_check);
    polrt_engine_set_fast(e, polc_settle_fast);
    polrt_engine_set_fast_flags(e, polc_fast_flags);
    PolRunStats st;
    rc = polrt_run(e, &o, &st);
    polrt_engine_free(e);
    return rc;
}
