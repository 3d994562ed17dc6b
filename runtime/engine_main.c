/* engine_main.c — the main of a standalone engine (polc build --emit exe): the policy's code
 * linked with libpolrt, no compiler and no LLVM needed on the machine that runs it.
 *   ./engine --claims c.csv [--persons p.csv] [--ledger db] [--out r.csv] [--explain f.jsonl]
 *            [--rejects f] [--claim ID] [-j N] [--max-rejects N] [-q]
 * Exit codes as polc run: 0 success, 2 usage or I/O, 3 rejected input rows. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "polrt.h"

extern const char polc_schema[];
extern const int64_t polc_params[];
int64_t polc_settle(PolCtx *ctx);
int64_t polc_settle_fast(PolCtx *ctx); /* the same without the trace (polrt.h) */
void polc_keys(PolCtx *ctx, int64_t *keys);
int64_t polc_check(PolCtx *ctx);

static int usage(const char *prog)
{
    fprintf(stderr,
            "usage: %s --claims FILE [--persons FILE] [--ledger DB] [--out FILE]\n"
            "       [--explain FILE] [--rejects FILE] [--claim ID] [-j N] [--max-rejects N] [-q]\n",
            prog);
    return 2;
}

int main(int argc, char **argv)
{
    PolRunOpts o = {.threads = 1, .progress = -1};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char **dst = NULL;
        if (!strcmp(a, "--claims"))
            dst = &o.claims;
        else if (!strcmp(a, "--persons"))
            dst = &o.persons;
        else if (!strcmp(a, "--ledger"))
            dst = &o.ledger_db;
        else if (!strcmp(a, "--out"))
            dst = &o.out;
        else if (!strcmp(a, "--explain"))
            dst = &o.explain;
        else if (!strcmp(a, "--rejects"))
            dst = &o.rejects;
        else if (!strcmp(a, "--claim"))
            dst = &o.explain_claim;
        else if (!strcmp(a, "-q")) {
            o.quiet = 1;
            continue;
        } else if (!strcmp(a, "-j") || !strcmp(a, "--max-rejects")) {
            if (i + 1 >= argc)
                return usage(argv[0]);
            char *end;
            long v = strtol(argv[++i], &end, 10);
            if (*end || v < (a[1] == 'j' ? 1 : 0) || v > 1000000000)
                return usage(argv[0]);
            if (a[1] == 'j')
                o.threads = (int)v;
            else
                o.max_rejects = v;
            continue;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(argv[0]);
            return 0;
        } else {
            fprintf(stderr, "%s: unknown option '%s'\n", argv[0], a);
            return usage(argv[0]);
        }
        if (i + 1 >= argc)
            return usage(argv[0]);
        *dst = argv[++i];
    }
    if (!o.claims)
        return usage(argv[0]);
    char err[512];
    PolEngine *e =
        polrt_engine_new(polc_schema, polc_params, polc_settle, polc_keys, NULL, err, sizeof err);
    if (!e) {
        fprintf(stderr, "%s: %s\n", argv[0], err);
        return 2;
    }
    polrt_engine_set_check(e, polc_check);
    polrt_engine_set_fast(e, polc_settle_fast);
    PolRunStats st;
    int rc = polrt_run(e, &o, &st);
    polrt_engine_free(e);
    return rc;
}
