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
 * The engine is the hand-written policy of the unit tests (tests/unit/support/fake_policy.c),
 * which has one entry, traced. With FUZZ_ENGINE (run.sh's csv-panji and persons-panji: the
 * shipped Panji policy built by polc build) the readers' targets load that .so as polc run
 * does, fast entry, keys function and ledger row in place (POLRT_FAST_LEDGER_IN_PLACE), with
 * the fixed good file FUZZ_FIXED, and check more (run_engine).
 * Files go to a private directory under /dev/shm (else TMPDIR), removed at exit. Row messages
 * go to stderr, which run.sh closes (-close_fd_mask); the fuzzer looks for crashes, hangs, leaks
 * and sanitizer reports, and aborts on the properties. */
#include <cjson/cJSON.h>
#include <dirent.h>
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
static int real; /* engine is FUZZ_ENGINE's, a policy polc build compiled */
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
 * $FUZZ_ROOT (run.sh sets it), or $FUZZ_FIXED with a real engine */
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

/* the private folder and the files the runs left in it (it holds no folder) */
static void remove_dir(void)
{
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));) {
        char p[sizeof dir + 256];
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
            snprintf(p, sizeof p, "%s/%s", dir, e->d_name) < (int)sizeof p)
            unlink(p);
    }
    if (d)
        closedir(d);
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/polc-fuzz-XXXXXX", base ? base : "/tmp");
    if (!mkdtemp(dir))
        abort();
    atexit(remove_dir); /* one a fuzzing process: 104 were left in /dev/shm by one campaign */
#if !FUZZ_TARGET_SERVICE
    const char *root = getenv("FUZZ_ROOT");
    char name[512];
    snprintf(name, sizeof name, "%s/tests/fuzz/seeds/%s/good.csv", root ? root : ".",
             FUZZ_TARGET_PERSONS ? "csv" : "persons");
    if (getenv("FUZZ_FIXED"))
        snprintf(name, sizeof name, "%s", getenv("FUZZ_FIXED"));
    FILE *f = fopen(name, "rb");
    if (!f || !(fixed = malloc(1 << 16)) || (nfixed = fread(fixed, 1, 1 << 16, f)) == 0) {
        fprintf(stderr, "fuzz: cannot read %s (set FUZZ_ROOT)\n", name);
        abort();
    }
    fclose(f);
#endif
    char err[512];
    const char *so = getenv("FUZZ_ENGINE");
    real = so && !FUZZ_TARGET_SERVICE;
    engine = real ? polrt_engine_open(so, err, sizeof err) : fake_policy_engine(err, sizeof err);
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
 * batch costs an 8 MiB allocation per run under ASan, a tenth of the speed), explanations
 * (the traced entry) or none (a real engine's fast entry), on the SQLite ledger ledger or in
 * memory (NULL); results and rejects kept as res<tag>.csv / rej<tag>.csv */
static int run_once(const char *tag, int threads, size_t batch, int explain, const char *ledger,
                    PolRunStats *st)
{
    char res[64], rej[64];
    snprintf(res, sizeof res, "res%s.csv", tag);
    snprintf(rej, sizeof rej, "rej%s.csv", tag);
    unlink(path(res));
    unlink(path(rej));
    char *prej = rt_pipe_persons_rejects(rej);
    if (!prej)
        abort();
    unlink(path(prej));
    free(prej);
    PolRunOpts o = {.claims = path("claims.csv"),
                    .persons = path("persons.csv"),
                    .ledger_db = ledger ? path(ledger) : NULL,
                    .out = path(res),
                    .rejects = path(rej),
                    .explain = explain ? path("explain.jsonl") : NULL,
                    .threads = threads,
                    .quiet = 1};
    rt_pipe_test_batch(batch);
    int rc = polrt_run(engine, &o, st);
    rt_pipe_test_batch(0);
    return rc;
}

/* runs x and y wrote the same results, rejects and persons rejects */
static int same_files(const char *x, const char *y)
{
    int same = 1;
    for (int k = 0; k < 3; k++) {
        char nx[64], ny[64];
        snprintf(nx, sizeof nx, "%s%s.csv", k == 0 ? "res" : "rej", x);
        snprintf(ny, sizeof ny, "%s%s.csv", k == 0 ? "res" : "rej", y);
        char *px = k == 2 ? rt_pipe_persons_rejects(nx) : strdup(nx);
        char *py = k == 2 ? rt_pipe_persons_rejects(ny) : strdup(ny);
        if (!px || !py)
            abort();
        size_t n1, n2;
        char *a = slurp(px, &n1), *b = slurp(py, &n2);
        same = same && n1 == n2 && memcmp(a, b, n1) == 0;
        free(a);
        free(b);
        free(px);
        free(py);
    }
    return same;
}

/* The real engine's properties (spec/DATA.md): the same input settled
 *  a: by one thread in one batch, its fast entry, the ledger rows in memory, in place;
 *  b: by three threads in 64-byte batches (every record across batch and block boundaries,
 *     a person's claims on any thread; duplicate ids across persons, and so threads, are
 *     found in input order): the same results and rejects ("the same for any -j");
 *  c: by two threads with explanations, which settle through the traced entry: the same
 *     results and rejects again (one semantics; an explanation changes nothing it explains);
 *  d, e: twice on one new SQLite ledger (in /dev/shm): the second run settles nothing, each
 *     claim the first settled is "already settled" ("the same id with the same data settles
 *     as already settled"; re-running the same claims never double-counts). */
static void run_engine(void)
{
    PolRunStats sa, sb, sc, sd, se;
    int ra = run_once("a", 1, 1 << 16, 0, NULL, &sa);
    int rb = run_once("b", 3, 64, 0, NULL, &sb);
    if (ra != rb || !same_files("a", "b")) {
        fprintf(stderr, "fuzz: -j 1 and -j 3 differ (exit %d and %d)\n", ra, rb);
        abort();
    }
    int rc = run_once("c", 2, 64, 1, NULL, &sc);
    if (ra != rc || !same_files("a", "c")) {
        fprintf(stderr, "fuzz: the fast and the traced entries differ (exit %d and %d)\n", ra, rc);
        abort();
    }
    static const char *const db[] = {"l.db", "l.db-wal", "l.db-shm", "l.db-journal"};
    for (size_t k = 0; k < sizeof db / sizeof *db; k++)
        unlink(path(db[k]));
    int rd = run_once("d", 1, 1 << 16, 0, "l.db", &sd);
    int re = run_once("e", 3, 64, 0, "l.db", &se);
    /* files of a few KiB in /dev/shm: the machine cannot have failed (exit 4 would be memory
     * or a file the runtime cannot handle, and leaves the ledger runs nothing to compare) */
    if (ra == POLRT_EXIT_SYSTEM || rc == POLRT_EXIT_SYSTEM || rd == POLRT_EXIT_SYSTEM ||
        re == POLRT_EXIT_SYSTEM) {
        fprintf(stderr, "fuzz: a run failed as the system's (exit 4)\n");
        abort();
    }
    if (se.settled != 0 || se.already != sd.settled) {
        fprintf(stderr,
                "fuzz: a second run on the ledger settled %ld claims, found %ld already settled "
                "(the first settled %ld)\n",
                se.settled, se.already, sd.settled);
        abort();
    }
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
    if (real) {
        run_engine();
        return 0;
    }
    PolRunStats st;
    int rc1 = run_once("1", 1, 1 << 16, 1, NULL, &st);
    int rc2 = run_once("2", 2, 64, 1, NULL, &st);
    /* the same input, settled by one thread in one batch or by two in 64-byte batches */
    if (rc1 != rc2 || !same_files("1", "2")) {
        fprintf(stderr, "fuzz: -j 1 and -j 2 differ (exit %d and %d)\n", rc1, rc2);
        abort();
    }
    return 0;
}
#endif
