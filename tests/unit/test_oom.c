/* test_oom.c — out-of-memory sweeps of the batch runs (issue 15): polrt_run (persons, claims
 * with a rejected row, results, explanations, rejects, an SQLite ledger, -j 1 and -j 2) and
 * polrt_sim_run with its report (two scenarios, --changes, the report directory), with the
 * runtime's allocation hook (polrt_test_fail_alloc_after) failing from the n-th allocation
 * on, for every n until the run no longer meets a failure. Each failed run must exit 4 (a
 * system failure: memory ran out), leave its outputs as they were ("OLD") and no temporary
 * file behind; then a run without the hook must settle every claim (the ledger it left is
 * usable: what a failed run committed is "already settled", the rest settles now), and the
 * simulation's complete run must write what a run without the hook writes. Under `make
 * asan` the sweeps also find leaks and bad frees on every path. */
#include "fake_policy.h"
#include "polsim.h"
#include "rt_int.h"
#include "unit.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* in memory when /dev/shm is there: the sweeps test memory, not the disk, and a thousand runs
 * each syncing their outputs took a minute on a busy disk, a few seconds in memory */
static char dir_shm[] = "/dev/shm/polc-oom-XXXXXX", dir_tmp[] = "/tmp/polc-oom-XXXXXX";
static char *dir;

static void put(const char *name, const char *text)
{
    FILE *f = fopen(name, "wb");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
        printf("[FAIL] cannot write %s\n", name);
        exit(1);
    }
}

/* the first line of a file ("" when missing) */
static const char *first_line(const char *name)
{
    static char buf[256];
    buf[0] = 0;
    FILE *f = fopen(name, "rb");
    if (f) {
        if (!fgets(buf, sizeof buf, f))
            buf[0] = 0;
        fclose(f);
    }
    buf[strcspn(buf, "\n")] = 0;
    return buf;
}

/* no temporary of an output left in directory dname */
static int no_temps_in(const char *dname)
{
    DIR *d = opendir(dname);
    struct dirent *de;
    int ok = 1;
    while (d && (de = readdir(d)))
        if (strstr(de->d_name, ".tmp"))
            ok = 0;
    if (d)
        closedir(d);
    return ok;
}

static int no_temps(void)
{
    return no_temps_in(".");
}

/* the whole of a file, malloc'd (NULL when missing) */
static char *slurp(const char *name)
{
    FILE *f = fopen(name, "rb");
    char *p = NULL;
    size_t n = 0, cap = 0;
    int c;
    if (!f)
        return NULL;
    while ((c = getc(f)) != EOF) {
        if (n + 2 > cap && !(p = realloc(p, cap = cap ? 2 * cap : 4096)))
            break;
        p[n++] = (char)c;
    }
    if (p)
        p[n] = 0;
    else
        p = calloc(1, 1);
    fclose(f);
    return p;
}

/* files a and b hold the same bytes */
static int same_file(const char *a, const char *b)
{
    char *x = slurp(a), *y = slurp(b);
    int same = x && y && strcmp(x, y) == 0;
    free(x);
    free(y);
    return same;
}

/* P1 poor since 2016 and P2 with no identity; three claims and one malformed row */
static const char persons[] = "person_id,慢性病,身份,认定日期,退出日期\n"
                              "P1,否,建档立卡,2016-01-01,\n"
                              "P2,是,,,\n";
static const char claims[] = "claim_id,person_id,医院级别,出院日期,总费用,非合规费用,急诊,"
                             "转诊日期\n"
                             "K1,P1,县区,2024-03-10,12000,1000,,2024-03-01\n"
                             "K2,P2,市级,2024-06-01,5000,0,是,\n"
                             "K3,P1,乡镇,2024-09-01,1000.02,0,0,\n"
                             "K4,P2,\"bad\"row,2024-10-01,1,0,0,\n";

static void sweep(PolEngine *e, int threads, const char *ledger)
{
    char label[128];
    PolRunOpts o = {.claims = "c.csv",
                    .persons = "p.csv",
                    .ledger_db = ledger,
                    .out = "res.csv",
                    .rejects = "rej.csv",
                    .explain = "exp.jsonl",
                    .threads = threads,
                    .quiet = 1};
    long n, runs = 0, bad_rc = 0, touched = 0, temps = 0;
    if (ledger)
        unlink(ledger);
    for (n = 0; n < 100000; n++) {
        put("res.csv", "OLD\n");
        PolRunStats st;
        polrt_test_fail_alloc_after(n);
        int rc = polrt_run(e, &o, &st);
        polrt_test_fail_alloc_after(-1);
        runs++;
        /* the row K4 is rejected: a complete run exits 3 */
        if (rc == POLRT_EXIT_DATA && strcmp(first_line("res.csv"), "OLD") != 0)
            break;
        if (rc != POLRT_EXIT_SYSTEM)
            bad_rc++;
        if (strcmp(first_line("res.csv"), "OLD") != 0)
            touched++;
        if (!no_temps())
            temps++;
    }
    snprintf(label, sizeof label, "oom -j %d%s: the sweep ends with a complete run", threads,
             ledger ? " ledger" : "");
    CHECK(label, n < 100000 && n > 0);
    printf("  (-j %d%s: %ld allocations swept)\n", threads, ledger ? ", ledger" : "", n);
    snprintf(label, sizeof label, "oom -j %d%s: every failed run exits 4", threads,
             ledger ? " ledger" : "");
    CHECK_EQ(label, bad_rc, 0);
    snprintf(label, sizeof label, "oom -j %d%s: results left as they were", threads,
             ledger ? " ledger" : "");
    CHECK_EQ(label, touched, 0);
    snprintf(label, sizeof label, "oom -j %d%s: no temporary left", threads,
             ledger ? " ledger" : "");
    CHECK_EQ(label, temps, 0);
    if (ledger) {
        /* after the sweep the ledger holds K1-K3 (the complete run): a re-run says so */
        PolRunStats st;
        int rc = polrt_run(e, &o, &st);
        CHECK_EQ("oom ledger: the re-run exits 3 (K4 rejected)", rc, POLRT_EXIT_DATA);
        CHECK_EQ("oom ledger: K1-K3 already settled, once", st.already, 3);
        CHECK_EQ("oom ledger: nothing settled twice", st.settled, 0);
    }
}

/* the files of a simulation report (polrt_sim_write_report) and the --changes file */
static const char *const report_files[] = {"totals.csv", "counts.csv",   "changes.csv",
                                           "oop.csv",    "failures.csv", "report.html"};
#define NREPORT (sizeof report_files / sizeof *report_files)

static void report_put_old(void)
{
    char path[64];
    mkdir("rep", 0700);
    for (size_t i = 0; i < NREPORT; i++) {
        snprintf(path, sizeof path, "rep/%s", report_files[i]);
        put(path, "OLD\n");
    }
    put("chg.csv", "OLD\n");
}

/* every report file as it was */
static int report_old(void)
{
    char path[64];
    for (size_t i = 0; i < NREPORT; i++) {
        snprintf(path, sizeof path, "rep/%s", report_files[i]);
        if (strcmp(first_line(path), "OLD") != 0)
            return 0;
    }
    return 1;
}

/* polrt_sim_run and the report, for every n until they complete. A failed simulation must
 * exit 4 and hand back no results, the --changes file and the report left as they were; a
 * failed report must say "out of memory" with errno giving exit 4, the report's files as
 * they were (a report is its files together: none is replaced unless all are). The
 * complete run must write what the reference run wrote (sc: a base and a variant). */
static void sim_sweep(const PolSimScenario *sc, int threads)
{
    char label[128], err[512], path[64], ref[64];
    PolSimOpts o = {.claims = "c.csv",
                    .persons = "p.csv",
                    .rejects = "rej.csv",
                    .changes = "refchg.csv",
                    .threads = threads,
                    .progress = 0};
    PolSim *res = NULL;
    /* the reference, without the hook: K4 is rejected, so 3 */
    mkdir("ref", 0700);
    int rc = polrt_sim_run(sc, 2, &o, &res);
    snprintf(label, sizeof label, "oom sim -j %d: the reference run exits 3 (K4 rejected)",
             threads);
    CHECK_EQ(label, rc, POLRT_EXIT_DATA);
    if (!res || polrt_sim_write_report(res, "ref", err, sizeof err) != 0) {
        printf("[FAIL] oom sim -j %d: the reference report: %s\n", threads, err);
        unit_failed++;
        polrt_sim_free(res);
        return;
    }
    polrt_sim_free(res);
    o.changes = "chg.csv";
    long n, bad_rc = 0, touched = 0, temps = 0, report_failed = 0;
    for (n = 0; n < 100000; n++) {
        report_put_old();
        res = NULL;
        err[0] = 0;
        int wr = 0, wr_exit = 0;
        polrt_test_fail_alloc_after(n);
        rc = polrt_sim_run(sc, 2, &o, &res);
        if (res) {
            errno = 0;
            if ((wr = polrt_sim_write_report(res, "rep", err, sizeof err)) != 0)
                wr_exit = polrt_exit_for_errno(errno);
            polrt_sim_free(res);
        }
        polrt_test_fail_alloc_after(-1);
        if (rc == POLRT_EXIT_DATA && res && wr == 0)
            break;
        if (rc == POLRT_EXIT_DATA && res) {
            /* the simulation completed (its --changes file in place), the report failed */
            report_failed++;
            if (wr_exit != POLRT_EXIT_SYSTEM ||
                (!strstr(err, "out of memory") && !strstr(err, strerror(ENOMEM))))
                bad_rc++;
        } else if (rc != POLRT_EXIT_SYSTEM || res || strcmp(first_line("chg.csv"), "OLD") != 0) {
            bad_rc++;
        }
        if (!report_old())
            touched++;
        if (!no_temps() || !no_temps_in("rep"))
            temps++;
    }
    snprintf(label, sizeof label, "oom sim -j %d: the sweep ends with a complete run", threads);
    CHECK(label, n < 100000 && n > 0);
    printf("  (simulate -j %d: %ld allocations swept, %ld of them in the report)\n", threads, n,
           report_failed);
    snprintf(label, sizeof label, "oom sim -j %d: every failed run exits 4, no results", threads);
    CHECK_EQ(label, bad_rc, 0);
    snprintf(label, sizeof label, "oom sim -j %d: the report left as it was", threads);
    CHECK_EQ(label, touched, 0);
    snprintf(label, sizeof label, "oom sim -j %d: no temporary left", threads);
    CHECK_EQ(label, temps, 0);
    /* the complete run's files: the reference's (report.html holds the run's time) */
    long differ = !same_file("chg.csv", "refchg.csv");
    if (differ)
        printf("  (chg.csv differs from refchg.csv)\n");
    for (size_t i = 0; i + 1 < NREPORT; i++) {
        snprintf(path, sizeof path, "rep/%s", report_files[i]);
        snprintf(ref, sizeof ref, "ref/%s", report_files[i]);
        if (!same_file(path, ref)) {
            printf("  (%s differs from %s)\n", path, ref);
            differ++;
        }
    }
    snprintf(label, sizeof label, "oom sim -j %d: the complete run wrote the reference's files",
             threads);
    CHECK_EQ(label, differ, 0);
}

int main(void)
{
    char err[512];
    if (!(dir = mkdtemp(dir_shm)) && !(dir = mkdtemp(dir_tmp))) {
        printf("[FAIL] mkdtemp\n");
        return 1;
    }
    if (chdir(dir) != 0) {
        printf("[FAIL] chdir %s\n", dir);
        return 1;
    }
    put("p.csv", persons);
    put("c.csv", claims);
    PolEngine *e = fake_policy_engine(err, sizeof err);
    if (!e) {
        printf("[FAIL] engine: %s\n", err);
        return 1;
    }
    /* stderr would hold one "out of memory" per run */
    if (!freopen("/dev/null", "w", stderr))
        return 1;
    sweep(e, 1, NULL);
    sweep(e, 2, NULL);
    sweep(e, 1, "k.db");
    sweep(e, 2, "k.db");
    /* simulate: the policy and a variant whose yearly cap is 4,000 yuan, not 3,000 */
    PolEngine *v = fake_policy_engine(err, sizeof err);
    int64_t params[FAKE_NPARAM_VALUES];
    memcpy(params, polc_params, sizeof params);
    params[FAKE_OFF_CAP] = 400000;
    if (!v || polrt_engine_set_params(v, params, FAKE_NPARAM_VALUES) != 0) {
        printf("[FAIL] the variant engine: %s\n", err);
        return 1;
    }
    PolSimScenario sc[2] = {{.name = "base", .engine = e}, {.name = "cap=4000", .engine = v}};
    sim_sweep(sc, 1);
    sim_sweep(sc, 2);
    polrt_engine_free(v);
    polrt_engine_free(e);
    const char *files[] = {"p.csv",     "c.csv",      "res.csv",        "rej.csv",
                           "exp.jsonl", "k.db",       "k.db-wal",       "k.db-shm",
                           "chg.csv",   "refchg.csv", "rej.persons.csv"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        unlink(files[i]);
    const char *dirs[] = {"rep", "ref"};
    for (size_t d = 0; d < 2; d++) {
        char path[64];
        for (size_t i = 0; i < NREPORT; i++) {
            snprintf(path, sizeof path, "%s/%s", dirs[d], report_files[i]);
            unlink(path);
        }
        rmdir(dirs[d]);
    }
    if (chdir("/") == 0 && rmdir(dir) != 0)
        printf("  (left %s: %s)\n", dir, strerror(errno));
    UNIT_END();
}
