/* engine.c — every polc command gets its engine here: open a built .so (warning when its
 * source has changed since), or compile the policy (parse, apply a reform and --set changes,
 * check, lower) and give the runtime its entry points from the JIT or the interpreter. */
#include "engine.h"

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "interp.h"

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcmp(s + n - m, suffix);
}

/* the first error of warn_stale's quiet parse, "file:line:col: message", for its warning */
typedef struct FirstError {
    char text[512];
} FirstError;

static void first_error(void *ctx, const char *severity, Loc loc, const char *msg)
{
    FirstError *fe = ctx;
    if (fe->text[0] || strcmp(severity, "error") != 0)
        return;
    if (!loc.src) {
        snprintf(fe->text, sizeof fe->text, "%s", msg);
        return;
    }
    int line, col;
    source_linecol(loc.src, loc.start, &line, &col);
    snprintf(fe->text, sizeof fe->text, "%s:%d:%d: %s", loc.src->path, line, col, msg);
}

/* A built engine remembers the source it came from: if that file now hashes differently,
 * results would not match the policy text people read. A reform's identity is found by
 * parsing it (its base's text is part of it): when it no longer parses, that is said with
 * its first error (it once said nothing). A source no longer there says nothing: an engine
 * may be deployed without it. (The path is the runtime's parse of the schema: a second parse
 * of its JSON here was 2.1 M instructions of each start.) */
static void warn_stale(PolEngine *e)
{
    const char *file = polrt_engine_file(e);
    if (!file)
        return;
    FirstError fe = {{0}};
    Diag d;
    diag_init(&d, NULL);
    d.sink = first_error;
    d.sink_ctx = &fe;
    Compiled c;
    driver_init(&c, &d);
    int rc = driver_source_sha256(&c, file);
    if (rc == 0 && strcmp(c.sha256, polrt_engine_sha256(e)) != 0)
        fprintf(stderr,
                "polc: warning: the engine was built from an older text of %s\n"
                "  engine built from sha256 %s\n  source now is     sha256 %s\n"
                "  rebuild it with polc build\n",
                file, polrt_engine_sha256(e), c.sha256);
    else if (rc != 0 && d.errors > 0)
        fprintf(stderr,
                "polc: warning: the engine was built from %s, which no longer parses:\n"
                "  %s\n"
                "  the engine settles with the text it was built from; fix %s and rebuild it "
                "with polc build\n",
                file, fe.text, file);
    driver_free(&c);
}

/* The one place a PolEngine is made from code compiled here: the entry points and params
 * table of the JIT's code (jit) or of the interpreter (c's IR), then the reject checks and
 * the JIT's untraced settle entry (the interpreter has one entry for both). NULL with a
 * message in err when the runtime refuses the schema. */
static PolEngine *new_engine(const Compiled *c, Jit *jit, char *err, size_t errlen)
{
    PolEngine *pe;
    const PolBackend *be = polc_backend_loaded(); /* loaded: jit was made by it */
    if (jit) {
        pe = polrt_engine_new(be->jit_schema(jit), be->jit_params(jit), be->jit_settle(jit),
                              be->jit_keys(jit), NULL, err, errlen);
        if (pe) {
            polrt_engine_set_check(pe, be->jit_check(jit));
            polrt_engine_set_fast(pe, be->jit_settle_fast(jit));
            polrt_engine_set_fast_flags(pe, be->jit_fast_flags(jit));
        }
    } else {
        pe = polrt_engine_new(c->schema, c->ir->ptable, interp_settle, interp_keys, c->ir, err,
                              errlen);
        if (pe)
            polrt_engine_set_check(pe, interp_check);
    }
    return pe;
}

/* e's evaluator over the compiled policy e->policy: JIT-compile it, or use the interpreter */
static EngineStatus start(Engine *e, EngineMode mode, int opt)
{
    char err[512];
    if (mode == ENGINE_JIT) {
        const PolBackend *be = polc_backend(err, sizeof err);
        if (!be) {
            fprintf(stderr, "polc: %s\n", err);
            return ENGINE_SYSTEM;
        }
        e->jit = be->jit_create(e->policy->ir, e->policy->schema, opt, err, sizeof err);
        if (!e->jit) {
            fprintf(stderr, "polc: %s\n", err);
            return ENGINE_FAILED;
        }
        e->owns_jit = 1;
    }
    e->pe = new_engine(e->policy, e->jit, err, sizeof err);
    if (!e->pe) {
        fprintf(stderr, "polc: internal error: the runtime refused the schema: %s\n", err);
        return ENGINE_FAILED;
    }
    return ENGINE_OK;
}

/* ---- the JIT's level chosen by the work (-O not given) -------------------------------------- */

/* From this many claims settled per compiled policy, -O2's dearer compile is paid back by its
 * faster settling. Callgrind, whole process (bench/README.md "The JIT's level"): Panji
 * compiles in 78 M instructions at -O0 and 371 M at -O2, whose code settles 567 instructions
 * a claim fewer (polc run, 104,638 claims): even at 516 k claims; simulate with one reform at
 * 547 k a policy; the medical-assistance policy (130 M -> 999 M, 1,378 a claim fewer) at
 * 631 k. -O1 compiles as dearly as -O2 (370 M for Panji) and settles slower (514 a claim
 * fewer than -O0): never the least, so the choice is -O0 or -O2. */
#define OPT_O2_FROM 500000
/* the bytes of the claims file's start whose rows give the mean row length: ~500 rows of a
 * generated file (124 bytes each), one read of under a millisecond */
#define OPT_SAMPLE_BYTES 65536

/* About how many claims the file at path holds: all its rows when it is no longer than the
 * sample, else its size over the mean length of the rows in its first OPT_SAMPLE_BYTES (the
 * header not counted). -1 when that cannot be known: standard input or a pipe (no size), a
 * file that cannot be read (the run says why), a first row longer than the sample. */
static long long claims_in(const char *path)
{
    struct stat st;
    if (!path || !strcmp(path, "-") || stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return -1;
    FILE *f = fopen(path, "rb");
    char *buf = malloc(OPT_SAMPLE_BYTES);
    size_t n = f && buf ? fread(buf, 1, OPT_SAMPLE_BYTES, f) : 0;
    if (f)
        fclose(f);
    const char *nl = n ? memchr(buf, '\n', n) : NULL;
    long long rows = 0, body = 0; /* the sample's rows after the header, and their bytes */
    for (const char *p = nl; p && (size_t)(p - buf) + 1 < n;) {
        const char *q = memchr(p + 1, '\n', n - (size_t)(p + 1 - buf));
        if (!q && (long long)n < (long long)st.st_size)
            break; /* a row cut by the sample's end: the rows before it give the mean */
        rows++;
        body = (q ? q : buf + n) - nl;
        p = q;
    }
    /* size × rows / body in two parts: the product overflows from a 2^47-byte file (a sparse
     * one on tmpfs); each row is a byte at least (rows <= body), so neither part does */
    long long after = st.st_size - (nl ? nl + 1 - buf : 0);
    long long est = !nl                          ? (n == (size_t)st.st_size ? 0 : -1)
                    : (long long)n == st.st_size ? rows
                    : rows                       ? after / body * rows + after % body * rows / body
                                                 : -1;
    free(buf);
    return est;
}

int engine_choose_opt(int opt, const char *claims, int scenarios, int compiles, char *what,
                      size_t len)
{
    char times[32] = "";
    if (scenarios > 1)
        snprintf(times, sizeof times, " × %d scenarios", scenarios);
    if (opt != ENGINE_OPT_AUTO) {
        snprintf(what, len, "compiling at -O%d (-O given)", opt);
        return opt;
    }
    long long rows = claims_in(claims);
    /* no size (a pipe): -O2, whose worst (its compile, ~0.1 s, spent on a few claims) is
     * bounded, where -O0's grows with the claims */
    opt = rows < 0 || rows > LLONG_MAX / scenarios || rows * scenarios / compiles >= OPT_O2_FROM
              ? 2
              : 0;
    if (rows < 0)
        snprintf(what, len, "compiling at -O2: claims of unknown number");
    else
        snprintf(what, len, "compiling at -O%d: ~%lld claims%s", opt, rows, times);
    return opt;
}

int engine_exit(EngineStatus st)
{
    return st == ENGINE_POLICY_ERRORS ? EXIT_POLICY
           : st == ENGINE_SYSTEM      ? EXIT_SYSTEM
                                      : EXIT_USAGE;
}

EngineStatus engine_load(Engine *e, const EngineSpec *spec)
{
    memset(e, 0, sizeof *e);
    if (spec->open_so && ends_with(spec->path, ".so")) {
        char err[512];
        if (spec->nsets) {
            fprintf(stderr,
                    "polc: --set changes a policy's text; give the policy, not a built engine\n");
            return ENGINE_FAILED;
        }
        e->pe = polrt_engine_open(spec->path, err, sizeof err);
        if (!e->pe) {
            fprintf(stderr, "polc: %s\n", err);
            return ENGINE_FAILED;
        }
        warn_stale(e->pe);
        return ENGINE_OK;
    }
    diag_init(&e->diag, spec->diag ? spec->diag : stderr);
    driver_init(&e->own, &e->diag);
    e->policy = &e->own;
    if (driver_compile_with(&e->own, spec->path, spec->sets, spec->nsets) != 0)
        return ENGINE_POLICY_ERRORS;
    e->mode = spec->mode;
    e->opt = spec->opt;
    return spec->defer ? ENGINE_OK : start(e, spec->mode, spec->opt);
}

typedef struct StartAll {
    Engine *const *es;
    EngineStatus *st;
    int n, next; /* the next engine to start, taken atomically */
} StartAll;

static void *start_some(void *arg)
{
    StartAll *a = arg;
    for (int i; (i = __atomic_fetch_add(&a->next, 1, __ATOMIC_RELAXED)) < a->n;)
        a->st[i] = a->es[i]->pe || !a->es[i]->policy /* made already, or a .so */
                       ? ENGINE_OK
                       : start(a->es[i], a->es[i]->mode, a->es[i]->opt);
    return NULL;
}

/* A simulation's base and each reform were compiled one after the other: for a county-sized
 * run of Panji and one reform the two compiles were half the instructions (805 of 1,537 M,
 * callgrind). At once on two threads, the shipped example's simulate of Panji and one
 * reform at -j 2 took 125 ms where it took 225 (medians of 9 alternated runs, SCHED_FIFO). */
EngineStatus engine_start_all(Engine *const *es, int n, int threads, const char *what, int progress)
{
    char err[512];
    int compiles = 0; /* policies the JIT compiles, for the progress line */
    for (int i = 0; i < n; i++)
        if (es[i]->mode == ENGINE_JIT && es[i]->policy && !es[i]->pe) {
            if (!compiles++ && !polc_backend(err, sizeof err)) {
                fprintf(stderr, "polc: %s\n", err); /* opened here, once, not by each thread */
                return ENGINE_SYSTEM;
            }
        }
    /* as the runtime's batch run decides (runtime/run.c): --progress, or stderr a terminal */
    PolProgress pg;
    polrt_progress_start(&pg, what && compiles && (progress == 1 || (progress < 0 && isatty(2))));
    polrt_progress_show(&pg, what, -1, compiles, compiles == 1 ? "policy" : "policies");
    int more = threads - 1 < n - 1 ? threads - 1 : n - 1; /* threads beside this one */
    EngineStatus *st = calloc((size_t)n + 1, sizeof *st);
    pthread_t *th = calloc((size_t)(more > 0 ? more : 1), sizeof *th);
    if (!st || !th) {
        free(st);
        free(th);
        fputs("polc: out of memory\n", stderr);
        return ENGINE_SYSTEM; /* exit 4, as spec/SIMULATE.md says of memory */
    }
    StartAll a = {es, st, n, 0};
    int started = 0;
    for (; started < more; started++)
        if (pthread_create(&th[started], NULL, start_some, &a) != 0)
            break; /* fewer threads: this one starts the rest */
    start_some(&a);
    for (int i = 0; i < started; i++)
        pthread_join(th[i], NULL);
    polrt_progress_clear(&pg);
    EngineStatus rc = ENGINE_OK;
    for (int i = 0; i < n && rc == ENGINE_OK; i++)
        rc = st[i];
    free(st);
    free(th);
    return rc;
}

EngineStatus engine_again(Engine *e, const Engine *from, EngineMode mode, int opt)
{
    memset(e, 0, sizeof *e);
    e->policy = from->policy;
    return start(e, mode, opt);
}

EngineStatus engine_with_params(Engine *e, const Engine *from, const int64_t *params, size_t n)
{
    char err[512];
    memset(e, 0, sizeof *e);
    e->policy = from->policy;
    e->jit = from->jit; /* shared: from frees it */
    e->pe = new_engine(e->policy, e->jit, err, sizeof err);
    if (!e->pe) {
        fprintf(stderr, "polc: internal error: the runtime refused the schema: %s\n", err);
        return ENGINE_FAILED;
    }
    if (polrt_engine_set_params(e->pe, params, n) != 0) {
        fprintf(stderr, "polc: internal error: the runtime refused a params table of %zu\n", n);
        return ENGINE_FAILED;
    }
    return ENGINE_OK;
}

void engine_free(Engine *e)
{
    if (e->pe)
        polrt_engine_free(e->pe);
    if (e->owns_jit)
        polc_backend_loaded()->jit_free(e->jit);
    if (e->policy == &e->own)
        driver_free(&e->own);
    memset(e, 0, sizeof *e);
}

void engine_shutdown(void)
{
    const PolBackend *be = polc_backend_loaded();
    if (be)
        be->jit_shutdown();
}
