/* fuzz_runtime.c — libFuzzer targets for the runtime's readers, one source, three binaries
 * (-DFUZZ_TARGET_PERSONS=1, -DFUZZ_TARGET_SERVICE=1 or neither: csv; tests/fuzz/run.sh
 * builds each):
 *  - csv:     the bytes are a claims file; polrt_run reads it with a fixed good persons file,
 *             at -j 1 and -j 2 with tiny batches (records across batch and block boundaries),
 *             writing results, rejects and the JSON-lines explanations; both runs must write
 *             the same results and rejects (the pipeline's threads change nothing);
 *  - persons: the bytes are a persons file, with a fixed good claims file, the same way;
 *  - explain: the bytes are a POST /v1/settle body, settled with explanations through the
 *             service (service.c: JSON parse, decode, settle, explanation JSON), whose answer
 *             must be JSON that cJSON reads back.
 * The engine is the hand-written policy of the unit tests (tests/unit/support/fake_policy.c).
 * Files go to a private directory under /dev/shm (else TMPDIR). Row messages go to stderr,
 * which run.sh closes (-close_fd_mask); the fuzzer looks for crashes, hangs, leaks and
 * sanitizer reports, and aborts on the two properties above. */
#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fake_policy.h"

#ifndef FUZZ_TARGET_PERSONS
#define FUZZ_TARGET_PERSONS 0
#endif
#ifndef FUZZ_TARGET_SERVICE
#define FUZZ_TARGET_SERVICE 0
#endif
#include "pipeline.h"
#include "service.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static PolEngine *engine;
static char dir[256];

#if !FUZZ_TARGET_SERVICE /* the readers' targets: files */
static char *path(const char *name)
{
    static char buf[8][512];
    static int k;
    char *p = buf[k++ & 7];
    snprintf(p, 512, "%s/%s", dir, name);
    return p;
}

/* the fixed good file of the run (the other file is the fuzzer's): the seeds
 * tests/fuzz/seeds/persons/good.csv and tests/fuzz/seeds/csv/good.csv, read at start from
 * $FUZZ_ROOT (run.sh sets it) */
static char *fixed;
static size_t nfixed;

static void put(const char *name, const void *b, size_t n)
{
    FILE *f = fopen(path(name), "wb");
    if (!f || fwrite(b, 1, n, f) != n || fclose(f) != 0)
        abort();
}

/* the file's bytes (malloc'd, NUL-terminated; "" when it does not exist) */
static char *slurp(const char *name, size_t *n)
{
    FILE *f = fopen(path(name), "rb");
    char *b = NULL;
    size_t len = 0, cap = 0;
    if (f) {
        for (;;) {
            if (len + 4096 + 1 > cap) {
                cap = 2 * cap + 8192;
                if (!(b = realloc(b, cap)))
                    abort();
            }
            size_t got = fread(b + len, 1, 4096, f);
            len += got;
            if (got == 0)
                break;
        }
        fclose(f);
    }
    if (!b && !(b = malloc(1)))
        abort();
    b[len] = 0;
    *n = len;
    return b;
}
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/polc-fuzz-XXXXXX", base ? base : "/tmp");
    if (!mkdtemp(dir))
        abort();
#if !FUZZ_TARGET_SERVICE
    const char *root = getenv("FUZZ_ROOT");
    char name[512];
    snprintf(name, sizeof name, "%s/tests/fuzz/seeds/%s/good.csv", root ? root : ".",
             FUZZ_TARGET_PERSONS ? "csv" : "persons");
    FILE *f = fopen(name, "rb");
    if (!f || !(fixed = malloc(1 << 16)) || (nfixed = fread(fixed, 1, 1 << 16, f)) == 0) {
        fprintf(stderr, "fuzz: cannot read %s (set FUZZ_ROOT)\n", name);
        abort();
    }
    fclose(f);
#endif
    char err[512];
    engine = fake_policy_engine(err, sizeof err);
    if (!engine) {
        fprintf(stderr, "fuzz: %s\n", err);
        abort();
    }
    return 0;
}

#if FUZZ_TARGET_SERVICE
/* a request queued: its settling thread's done() wakes the fuzzer's thread */
static pthread_mutex_t done_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t done_cv = PTHREAD_COND_INITIALIZER;
static int settled;

static void done(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&done_mu);
    settled = 1;
    pthread_cond_signal(&done_cv);
    pthread_mutex_unlock(&done_mu);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static Service *sv;
    char err[512];
    if (!sv && !(sv = service_new(engine, NULL, NULL, 1, err, sizeof err)))
        abort();
    ServiceReply r;
    memset(&r, 0, sizeof r);
    settled = 0;
    if (service_settle(sv, (const char *)data, size, SVC_EXPLAIN, 1000, &r, done, NULL) == 0) {
        pthread_mutex_lock(&done_mu);
        while (!settled)
            pthread_cond_wait(&done_cv, &done_mu);
        pthread_mutex_unlock(&done_mu);
        service_reply(&r);
    }
    if (!r.body)
        abort();
    cJSON *j = cJSON_ParseWithLength(r.body, r.len);
    if (!j || r.code < 200 || r.code > 599)
        abort(); /* an answer that is not JSON, or no HTTP status */
    cJSON_Delete(j);
    free(r.body);
    return 0;
}
#else
/* one run over the files in dir at -j threads, batches of batch bytes (the default 8 MiB
 * batch costs an 8 MiB allocation per run under ASan, a tenth of the speed);
 * results and rejects kept as res<threads>.csv / rej<threads>.csv */
static int run_once(int threads, size_t batch)
{
    char res[64], rej[64];
    snprintf(res, sizeof res, "res%d.csv", threads);
    snprintf(rej, sizeof rej, "rej%d.csv", threads);
    unlink(path(res));
    unlink(path(rej));
    char *prej = rt_pipe_persons_rejects(rej);
    if (!prej)
        abort();
    unlink(path(prej));
    free(prej);
    PolRunOpts o = {.claims = path("claims.csv"),
                    .persons = path("persons.csv"),
                    .out = path(res),
                    .rejects = path(rej),
                    .explain = path("explain.jsonl"),
                    .threads = threads,
                    .quiet = 1};
    rt_pipe_test_batch(batch);
    PolRunStats st;
    int rc = polrt_run(engine, &o, &st);
    rt_pipe_test_batch(0);
    return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
#if FUZZ_TARGET_PERSONS
    put("claims.csv", fixed, nfixed);
    put("persons.csv", data, size);
#else
    put("persons.csv", fixed, nfixed);
    put("claims.csv", data, size);
#endif
    int rc1 = run_once(1, 1 << 16);
    int rc2 = run_once(2, 64);
    size_t n1, n2, r1, r2;
    char *a = slurp("res1.csv", &n1), *b = slurp("res2.csv", &n2);
    char *c = slurp("rej1.csv", &r1), *d = slurp("rej2.csv", &r2);
    char *pa = rt_pipe_persons_rejects("rej1.csv"), *pb = rt_pipe_persons_rejects("rej2.csv");
    size_t p1, p2;
    char *e = slurp(pa, &p1), *f = slurp(pb, &p2);
    /* the same input, settled by one thread in one batch or by two in 64-byte batches */
    if (rc1 != rc2 || n1 != n2 || memcmp(a, b, n1) != 0 || r1 != r2 || memcmp(c, d, r1) != 0 ||
        p1 != p2 || memcmp(e, f, p1) != 0) {
        fprintf(stderr, "fuzz: -j 1 and -j 2 differ (exit %d and %d)\n", rc1, rc2);
        abort();
    }
    free(a);
    free(b);
    free(c);
    free(d);
    free(e);
    free(f);
    free(pa);
    free(pb);
    return 0;
}
#endif
