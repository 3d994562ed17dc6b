/* settle_bench.c — polc's settlement alone, the figure issue 9 compares with the hand-written
 * program's settle loop (bench/handwritten/panji.c prints "settle loop: ..."): the claims
 * go through the batch pipeline with a sink that does nothing, so the settle phase holds the
 * compiled engine, the person's ledger rows, the date-order check and the pipeline's own
 * per-claim steps, and no results are formatted or written. The decode phase is printed too.
 *
 *   settle_bench ENGINE.so PERSONS.csv CLAIMS.csv [THREADS]
 *
 * prints "settle phase: S s (N ns/claim), decode phase: D s, claims: C" on stdout. */
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
