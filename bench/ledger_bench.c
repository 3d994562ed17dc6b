/* ledger_bench.c — the cost of a session and its ledger around the policy call, alone: N
 * claims of M persons, generated in memory (no CSV), settled through the session API on the
 * hand-written fake policy of tests/unit/support (a small policy: the figures are the
 * session's and the ledger's, not a real policy's). Prints ns per claim for each mode:
 *   policy   rt_engine_check + rt_settle_ctx on a zeroed ledger, no session: the floor
 *   memory   polrt_session_person / polrt_session_claim, memory ledger, as polc run does it
 *            (claims not kept, each person forgotten after their last claim)
 *   sqlite   the same on an SQLite ledger, committed every --batch claims
 *   memory-h, sqlite-h   the same with persons by handle (rt_session_person_add,
 *            rt_session_claim_h, rt_session_forget_h): what a pipeline that numbers its
 *            persons pays
 * Each mode prints the median of its runs, wall time and the process's CPU time per claim
 * (on a loaded machine the CPU time is the steadier figure; SQLite's waits for the disk show
 * in the wall time only).
 * Claims come person by person, dated in order over 2023-2025 (several ledger years), as
 * `polc gen` writes them.
 *
 *   ledger_bench [--claims N] [--persons M] [--runs R] [--batch K] [--db FILE] [MODE...] */
#include "fake_policy.h"
#include "rt_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* defaults: a million claims, about 3.5 a person as `polc gen` makes them */
#define DEF_CLAIMS  1000000
#define DEF_PERSONS 285000
#define DEF_RUNS    3
/* claims per SQLite transaction: polc run's RUN_COMMIT_EVERY */
#define DEF_BATCH 5000

typedef struct Data {
    int64_t nclaims, npersons;
    char (*claim_id)[40];
    char (*person_id)[24];
    int64_t *person;     /* per claim: its person */
    int64_t *fields;     /* per claim: FAKE_NCLAIM fields */
    unsigned char *last; /* per claim: the person's last */
} Data;

/* the process's CPU time (ns): on a shared machine wall time counts other jobs' turns too */
static int64_t cpu_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* one run's cost per claim */
typedef struct Cost {
    double wall, cpu; /* ns */
} Cost;

static uint64_t rng = 88172645463325252u;
static uint64_t next(void) /* xorshift64 */
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static void make_data(Data *d, int64_t n, int64_t m)
{
    d->nclaims = n;
    d->npersons = m;
    d->claim_id = malloc((size_t)n * sizeof *d->claim_id);
    d->person_id = malloc((size_t)m * sizeof *d->person_id);
    d->person = malloc((size_t)n * sizeof *d->person);
    d->fields = malloc((size_t)n * FAKE_NCLAIM * sizeof *d->fields);
    d->last = calloc((size_t)n, 1);
    if (!d->claim_id || !d->person_id || !d->person || !d->fields || !d->last) {
        fprintf(stderr, "ledger_bench: out of memory\n");
        exit(2);
    }
    for (int64_t p = 0; p < m; p++)
        snprintf(d->person_id[p], sizeof d->person_id[p], "P%07lld", (long long)p);
    int64_t first = polrt_days_from_civil(2023, 1, 1), span = 3 * 365;
    int64_t i = 0;
    for (int64_t p = 0; p < m && i < n; p++) {
        /* this person's claims: an even share of what is left, give or take */
        int64_t left = n - i, share = left / (m - p);
        /* 1 to 2 x share claims (1 when fewer claims than persons are left) */
        int64_t k = p == m - 1 ? left : 1 + (int64_t)(next() % (uint64_t)(share ? 2 * share : 1));
        if (k > left)
            k = left;
        int64_t dayn = first + (int64_t)(next() % 60);
        for (int64_t j = 0; j < k; j++, i++) {
            int64_t *f = d->fields + i * FAKE_NCLAIM;
            dayn += 1 + (int64_t)(next() % (uint64_t)(span / (k + 1) + 1));
            snprintf(d->claim_id[i], sizeof d->claim_id[i], "C%07lld-%lld", (long long)p,
                     (long long)j);
            d->person[i] = p;
            f[FAKE_C_LEVEL] = (int64_t)(next() % 3);
            f[FAKE_C_DISCHARGED] = dayn;
            f[FAKE_C_TOTAL] = 10000 + (int64_t)(next() % 2000000);
            f[FAKE_C_NONCOMPLIANT] = next() % 5 == 0 ? f[FAKE_C_TOTAL] / 10 : 0;
            f[FAKE_C_EMERGENCY] = next() % 10 == 0;
            f[FAKE_C_REFERRAL] = next() % 2 ? dayn - 3 : POLRT_NONE;
        }
        d->last[i - 1] = 1;
    }
    d->nclaims = i;
}

static const int64_t person_fields[FAKE_NPERSON] = {0};

static int64_t hist_row(int64_t *h)
{
    h[FAKE_H_IDENTITY] = FAKE_POOR;
    h[FAKE_H_FROM] = polrt_days_from_civil(2016, 1, 1);
    h[FAKE_H_TO] = POLRT_NONE;
    return 1;
}

/* rt_settle_ctx's ledger in the policy-only mode: always zero */
static int zero_load(void *arg, const int64_t *keys, int64_t *before)
{
    (void)arg;
    (void)keys;
    memset(before, 0, FAKE_NLEDGER_FIELDS * sizeof *before);
    return 0;
}

/* the floor: the policy's check and settle with the scratch a session would give it */
static Cost run_policy(PolEngine *e, const Data *d)
{
    const RtSchema *s = rt_engine_schema(e);
    int64_t out[FAKE_NOUT], keys[FAKE_NLEDGERS], before[FAKE_NLEDGER_FIELDS],
        after[FAKE_NLEDGER_FIELDS], hist[FAKE_NHIST], code, loc;
    int64_t rv[FAKE_NRULES], rs[FAKE_NRULES], br[FAKE_NRULES], pv[FAKE_NPARAMS], pi[FAKE_NPARAMS];
    int64_t nh = hist_row(hist), bad = 0;
    int64_t t0 = rt_now_ns(), c0 = cpu_ns();
    for (int64_t i = 0; i < d->nclaims; i++) {
        const int64_t *f = d->fields + i * FAKE_NCLAIM;
        memset(rs, 0, sizeof rs);
        if (rt_engine_check(e, f, pv, &code, &loc)) {
            bad++;
            continue;
        }
        PolCtx ctx = {.claim = f,
                      .person = person_fields,
                      .hist = hist,
                      .nhist = nh,
                      .out = out,
                      .params = e->params,
                      .rule_val = rv,
                      .rule_state = rs,
                      .branch = br,
                      .pver = pv,
                      .pidx = pi,
                      .asof = f[FAKE_C_DISCHARGED],
                      .user = e->user};
        if (rt_settle_ctx(e, &ctx, keys, before, after, zero_load, NULL, 0) != 0)
            bad++;
    }
    Cost c = {(double)(rt_now_ns() - t0) / (double)d->nclaims,
              (double)(cpu_ns() - c0) / (double)d->nclaims};
    (void)s;
    if (bad)
        fprintf(stderr, "ledger_bench: policy: %lld claims failed\n", (long long)bad);
    return c;
}

/* the session as polc run drives it; db NULL: memory; by_handle: persons by handle
 * (rt_session_person_add, rt_session_claim_h), else by id (the public API) */
static Cost run_session(PolEngine *e, const Data *d, const char *db, int64_t batch, int by_handle)
{
    char err[512];
    int64_t hist[FAKE_NHIST], nh = hist_row(hist);
    if (db) {
        char x[1100];
        unlink(db);
        snprintf(x, sizeof x, "%s-wal", db);
        unlink(x);
        snprintf(x, sizeof x, "%s-shm", db);
        unlink(x);
    }
    PolSession *s = polrt_session_new(e, db, err, sizeof err);
    if (!s) {
        fprintf(stderr, "ledger_bench: %s\n", err);
        exit(2);
    }
    if (!db)
        rt_session_keep_claims(s, 0);
    else if (rt_session_begin(s, err, sizeof err)) {
        fprintf(stderr, "ledger_bench: %s\n", err);
        exit(2);
    }
    int64_t bad = 0, since = 0, registered = -1, h = -1;
    PolResult r;
    int64_t t0 = rt_now_ns(), c0 = cpu_ns();
    for (int64_t i = 0; i < d->nclaims; i++) {
        int64_t p = d->person[i];
        const int64_t *f = d->fields + i * FAKE_NCLAIM;
        if (p != registered) {
            if ((h = rt_session_person_add(s, d->person_id[p], person_fields, hist, nh)) < 0) {
                fprintf(stderr, "ledger_bench: %s\n", polrt_session_errmsg(s));
                exit(2);
            }
            registered = p;
        }
        int rc = by_handle ? rt_session_claim_h(s, d->claim_id[i], h, f, &r)
                           : polrt_session_claim(s, d->claim_id[i], d->person_id[p], f, &r);
        if (rc == -2) {
            fprintf(stderr, "ledger_bench: %s\n", polrt_session_errmsg(s));
            exit(2);
        }
        if (rc != 0 || r.status != 0)
            bad++;
        if (d->last[i]) {
            if (by_handle)
                rt_session_forget_h(s, h);
            else
                rt_session_forget(s, d->person_id[p]);
            registered = -1;
        }
        if (db && ++since >= batch) {
            since = 0;
            if (rt_session_commit(s, err, sizeof err) || rt_session_begin(s, err, sizeof err)) {
                fprintf(stderr, "ledger_bench: %s\n", err);
                exit(2);
            }
        }
    }
    if (db && rt_session_commit(s, err, sizeof err)) {
        fprintf(stderr, "ledger_bench: %s\n", err);
        exit(2);
    }
    Cost c = {(double)(rt_now_ns() - t0) / (double)d->nclaims,
              (double)(cpu_ns() - c0) / (double)d->nclaims};
    polrt_session_free(s);
    if (bad)
        fprintf(stderr, "ledger_bench: %lld claims not settled\n", (long long)bad);
    return c;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    int64_t n = DEF_CLAIMS, m = DEF_PERSONS, batch = DEF_BATCH;
    int runs = DEF_RUNS;
    const char *db = "/tmp/ledger_bench.db";
    const char *modes[8];
    int nmodes = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--claims") == 0 && v)
            n = atoll(argv[++i]);
        else if (strcmp(a, "--persons") == 0 && v)
            m = atoll(argv[++i]);
        else if (strcmp(a, "--runs") == 0 && v)
            runs = atoi(argv[++i]);
        else if (strcmp(a, "--batch") == 0 && v)
            batch = atoll(argv[++i]);
        else if (strcmp(a, "--db") == 0 && v)
            db = argv[++i];
        else if (a[0] != '-' && nmodes < 8)
            modes[nmodes++] = a;
        else {
            fprintf(stderr, "usage: ledger_bench [--claims N] [--persons M] [--runs R] "
                            "[--batch K] [--db FILE] [MODE...]\n"
                            "  MODE: policy memory memory-h sqlite sqlite-h (-h: by handle)\n");
            return 2;
        }
    }
    if (n < 1 || m < 1 || m > n || runs < 1 || runs > 99 || batch < 1) {
        fprintf(stderr, "ledger_bench: need 1 <= persons <= claims, 1 <= runs <= 99, batch >= 1\n");
        return 2;
    }
    if (!nmodes) {
        modes[nmodes++] = "policy";
        modes[nmodes++] = "memory";
        modes[nmodes++] = "memory-h";
        modes[nmodes++] = "sqlite";
        modes[nmodes++] = "sqlite-h";
    }
    char err[512];
    PolEngine *e = fake_policy_engine(err, sizeof err);
    if (!e) {
        fprintf(stderr, "ledger_bench: %s\n", err);
        return 2;
    }
    Data d;
    make_data(&d, n, m);
    double load[3] = {0};
    if (getloadavg(load, 3) < 0)
        load[0] = -1;
    printf("ledger_bench: %lld claims of %lld persons, median of %d runs, SQLite batch %lld, "
           "load average %.2f (a shared machine: figures are indicative)\n",
           (long long)d.nclaims, (long long)d.npersons, runs, (long long)batch, load[0]);
    printf("%-9s %10s %10s %14s\n", "mode", "ns/claim", "cpu ns", "claims/s");
    for (int k = 0; k < nmodes; k++) {
        double wall[99], cpu[99];
        const char *mode = modes[k];
        int h = strstr(mode, "-h") != NULL;
        for (int r = 0; r < runs; r++) {
            Cost c;
            if (strcmp(mode, "policy") == 0)
                c = run_policy(e, &d);
            else if (strncmp(mode, "memory", 6) == 0 && (!mode[6] || h))
                c = run_session(e, &d, NULL, batch, h);
            else if (strncmp(mode, "sqlite", 6) == 0 && (!mode[6] || h))
                c = run_session(e, &d, db, batch, h);
            else {
                fprintf(stderr, "ledger_bench: unknown mode %s\n", mode);
                return 2;
            }
            wall[r] = c.wall;
            cpu[r] = c.cpu;
        }
        qsort(wall, (size_t)runs, sizeof wall[0], cmp_double);
        qsort(cpu, (size_t)runs, sizeof cpu[0], cmp_double);
        printf("%-9s %10.1f %10.1f %14.0f\n", mode, wall[runs / 2], cpu[runs / 2],
               1e9 / wall[runs / 2]);
        fflush(stdout);
    }
    polrt_engine_free(e);
    return 0;
}
