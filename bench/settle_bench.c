/* settle_bench.c — polc's settlement alone, the figure issue 9 compares with the hand-written
 * program's settle loop (bench/handwritten/panji.c prints "settle loop: ..."): the claims
 * go through the batch pipeline with a sink that does nothing, so the settle phase holds the
 * compiled engine, the person's ledger rows, the date-order check and the pipeline's own
 * per-claim steps, and no results are formatted or written. The decode phase is printed too.
 *
 *   settle_bench ENGINE.so PERSONS.csv CLAIMS.csv [THREADS]
 *
 * prints "settle phase: S s (N ns/claim), decode phase: D s, claims: C" on stdout.
 *
 * In instructions (callgrind, which a busy machine does not change): settle_row's inclusive
 * cost over the claims is the settle phase a claim (696 for Panji on the 104,638 claims of
 * polc gen --persons 30000 --seed 1, 2026-12-04). Its counterpart in the hand-written program
 * is the inclusive cost of its settle() with settle() kept out of line (noinline on a copy
 * of panji.c, the same -O2): 157 a claim on the same claims, its loop a handful more. The
 * 357 quoted before was panji's whole main() own cost with settle() inlined into it, which
 * holds the results' formatting (put_row) too. The compiled policy alone (polc_settle_fast
 * and polc_keys) was 277.5 + 30.0 a claim, and is 221.5 + 22.0 (2026-12-05): 1.55× the
 * hand's whole settle(). Its overflow checks are not what is left: all of them removed (an
 * unsound experiment) took 21 a claim off. What is left is the shape of the generic code:
 * the parameters read from the table a reform may replace (the hand's are constants), the
 * 12 outputs and 8 ledger fields stored through the PolCtx, ~15 of frame and ~12 of
 * spills, and polc_keys as a call of its own. */
#include "pipeline.h"

#include <stdio.h>
#include <stdlib.h>

static int nothing(void *self, RtPThread *t, RtPState *ps, RtRow *r)
{
    (void)self, (void)t, (void)ps, (void)r;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fputs("usage: settle_bench ENGINE.so PERSONS.csv CLAIMS.csv [THREADS]\n", stderr);
        return 2;
    }
    char err[512];
    PolEngine *e = polrt_engine_open(argv[1], err, sizeof err);
    if (!e) {
        fprintf(stderr, "settle_bench: %s\n", err);
        return 2;
    }
    RtPipeOpts o = {.claims = argv[3],
                    .persons = argv[2],
                    .rejects = "/dev/null",
                    .prejects = "/dev/null",
                    .threads = argc > 4 ? atoi(argv[4]) : 1};
    RtPipeSink sink = {.claim = nothing};
    RtPipeStats st;
    int rc = rt_pipe_run(&e, 1, &o, &sink, &st, err, sizeof err);
    if (rc == 2) {
        fprintf(stderr, "settle_bench: %s\n", err);
        polrt_engine_free(e);
        return 2;
    }
    double s = (double)st.settle_ns / 1e9;
    printf("settle phase: %.3f s (%.1f ns/claim), decode phase: %.3f s, claims: %lld\n", s,
           st.claims ? s * 1e9 / (double)st.claims : 0.0, (double)st.decode_ns / 1e9,
           (long long)st.claims);
    polrt_engine_free(e);
    return 0;
}
