/* compile_bench.c — how long a policy takes to become runnable, measured inside one process
 * with the compiler's own phases (the objects polc is linked from), median of N runs after one
 * warm-up: parse+check+lower+schema (driver_compile), then to a JIT-loaded engine
 * (jit_create: codegen, optimisation, ORC load and entry-point lookup), and to a .so on disk
 * (emit_file: codegen, optimisation, object emission, `cc -shared` link, rename). With --polc,
 * also the wall time of whole `polc build POLICY -o X.so` processes (what a user waits for).
 *
 *   compile_bench [-n N] [-O0..3] [--polc PATH] [--tmp DIR] POLICY...
 *
 * Prints one table row per policy; a policy that does not compile is reported and skipped.
 * Exit 0, or 1 when a policy misses a target (JIT >= 100 ms, .so >= 300 ms). */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "driver.h"
#include "emit.h"
#include "jit.h"

extern char **environ;

/* DESIGN.md: "rebuilt in well under a second"; the targets per policy */
#define TARGET_JIT_MS 100.0
#define TARGET_SO_MS  300.0
#define MAX_RUNS      1000 /* -n: more says nothing new about a median */

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

typedef struct Sample {
    double front, jit, cg, opt, load, so, proc;
} Sample;

/* one compile to a JIT-loaded engine; -1 when the policy does not compile */
static int to_jit(const char *path, int opt, Sample *s, int *nrules, int *nlines)
{
    FILE *devnull = fopen("/dev/null", "w");
    Diag d;
    diag_init(&d, devnull);
    Compiled c;
    driver_init(&c, &d);
    double t0 = now_ms();
    int rc = driver_compile(&c, path);
    double t1 = now_ms();
    Jit *j = NULL;
    char err[512];
    if (rc == 0)
        j = jit_create(c.ir, c.schema, opt, err, sizeof err);
    double t2 = now_ms();
    if (rc == 0 && j) {
        s->front = t1 - t0;
        s->jit = t2 - t0;
        jit_times(j, &s->cg, &s->opt, &s->load);
        *nrules = c.ir->nrules;
        *nlines = c.prog && c.prog->src ? c.prog->src->nlines : 0;
    } else if (rc == 0) {
        fprintf(stderr, "compile_bench: %s: %s\n", path, err);
    }
    jit_free(j);
    driver_free(&c);
    fclose(devnull);
    return rc == 0 && j ? 0 : -1;
}

/* one compile to a .so on disk */
static int to_so(const char *path, int opt, const char *out, Sample *s)
{
    FILE *devnull = fopen("/dev/null", "w");
    Diag d;
    diag_init(&d, devnull);
    Compiled c;
    driver_init(&c, &d);
    char err[1024];
    double t0 = now_ms();
    int rc = driver_compile(&c, path);
    if (rc == 0 && (rc = emit_file(c.ir, c.schema, EMIT_SO, opt, out, err, sizeof err)) != 0)
        fprintf(stderr, "compile_bench: %s: %s\n", path, err);
    s->so = now_ms() - t0;
    driver_free(&c);
    fclose(devnull);
    return rc;
}

/* one `polc build POLICY -O<opt> -o OUT` process, start to exit */
static int polc_build(const char *polc, const char *path, int opt, const char *out, Sample *s)
{
    char o[8];
    snprintf(o, sizeof o, "-O%d", opt);
    char *argv[] = {(char *)polc, (char *)"build", (char *)path, o,
                    (char *)"-o", (char *)out,     NULL};
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    double t0 = now_ms();
    pid_t pid;
    int rc = posix_spawn(&pid, polc, &fa, NULL, argv, environ), st = 0;
    if (rc == 0 && waitpid(pid, &st, 0) < 0)
        rc = -1;
    s->proc = now_ms() - t0;
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        fprintf(stderr, "compile_bench: %s build %s: %s\n", polc, path,
                rc ? strerror(rc) : "failed (its messages are above)");
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    int n = 10, opt = 2, npol = 0;
    const char *polc = NULL, *tmpdir = "/tmp";
    const char **pols = calloc((size_t)argc, sizeof *pols);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-n") && i + 1 < argc) {
            n = atoi(argv[++i]);
        } else if (a[0] == '-' && a[1] == 'O' && a[2] >= '0' && a[2] <= '3' && !a[3]) {
            opt = a[2] - '0';
        } else if (!strcmp(a, "--polc") && i + 1 < argc) {
            polc = argv[++i];
        } else if (!strcmp(a, "--tmp") && i + 1 < argc) {
            tmpdir = argv[++i];
        } else if (a[0] == '-') {
            fprintf(stderr, "usage: compile_bench [-n N] [-O0..3] [--polc PATH] [--tmp DIR] "
                            "POLICY...\n");
            return 2;
        } else {
            pols[npol++] = a;
        }
    }
    if (n < 1 || n > MAX_RUNS || npol == 0) {
        fprintf(stderr, "compile_bench: need 1..%d runs and at least one POLICY\n", MAX_RUNS);
        return 2;
    }
    char out[4096];
    snprintf(out, sizeof out, "%s/compile_bench.%ld.so", tmpdir, (long)getpid());
    double *v[7];
    for (int k = 0; k < 7; k++)
        v[k] = calloc((size_t)n, sizeof(double));

    printf("compile time in ms, median of %d runs after a warm-up, -O%d%s\n", n, opt,
           polc ? "" : " (no --polc: process column skipped)");
    printf("%-44s %5s %5s %7s %7s %6s %6s %6s %8s %9s  %s\n", "policy", "lines", "rules", "front",
           "->JIT", "cg", "opt", "load", "->.so", "polc build", "targets");
    int missed = 0;
    for (int p = 0; p < npol; p++) {
        Sample s;
        int nrules = 0, nlines = 0;
        if (to_jit(pols[p], opt, &s, &nrules, &nlines) != 0) { /* warm-up and check */
            printf("%-44s does not compile (polc check %s)\n", pols[p], pols[p]);
            missed = 1;
            continue;
        }
        int bad = to_so(pols[p], opt, out, &s) != 0;
        if (polc)
            bad |= polc_build(polc, pols[p], opt, out, &s) != 0;
        for (int r = 0; r < n && !bad; r++) {
            bad |= to_jit(pols[p], opt, &s, &nrules, &nlines) != 0;
            v[0][r] = s.front, v[1][r] = s.jit, v[2][r] = s.cg, v[3][r] = s.opt, v[4][r] = s.load;
            bad |= to_so(pols[p], opt, out, &s) != 0;
            v[5][r] = s.so;
            if (polc) {
                bad |= polc_build(polc, pols[p], opt, out, &s) != 0;
                v[6][r] = s.proc;
            }
        }
        if (bad) {
            printf("%-44s failed while measuring (see above)\n", pols[p]);
            missed = 1;
            continue;
        }
        double m[7];
        for (int k = 0; k < 7; k++)
            m[k] = median(v[k], n);
        int ok = m[1] < TARGET_JIT_MS && m[5] < TARGET_SO_MS;
        missed |= !ok;
        char proc[32] = "-";
        if (polc)
            snprintf(proc, sizeof proc, "%.1f", m[6]);
        printf("%-44s %5d %5d %7.1f %7.1f %6.1f %6.1f %6.1f %8.1f %9s   %s\n", pols[p], nlines,
               nrules, m[0], m[1], m[2], m[3], m[4], m[5], proc,
               ok                      ? "ok"
               : m[1] >= TARGET_JIT_MS ? "SLOW: JIT >= 100 ms"
                                       : "SLOW: .so >= 300 ms");
        fflush(stdout);
    }
    unlink(out);
    jit_shutdown();
    for (int k = 0; k < 7; k++)
        free(v[k]);
    free(pols);
    return missed;
}
