/* test_oom.c — an out-of-memory sweep of polrt_run (issue 15): the whole batch run (persons,
 * claims with a rejected row, results, explanations, rejects, an SQLite ledger, -j 1 and
 * -j 2) with the runtime's allocation hook (polrt_test_fail_alloc_after) failing from the
 * n-th allocation on, for every n until the run no longer meets a failure. Each failed run
 * must exit 4 (a system failure: memory ran out), leave the results file as it was ("OLD")
 * and no temporary file behind; then a run without the hook must settle every claim (the
 * ledger it left is usable: what a failed run committed is "already settled", the rest
 * settles now). Under `make asan` the sweep also finds leaks and bad frees on every path. */
#include "fake_policy.h"
#include "rt_int.h"
#include "unit.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/polc-oom-XXXXXX";

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

/* no temporary of an output left */
static int no_temps(void)
{
    DIR *d = opendir(".");
    struct dirent *de;
    int ok = 1;
    while (d && (de = readdir(d)))
        if (strstr(de->d_name, ".tmp"))
            ok = 0;
    if (d)
        closedir(d);
    return ok;
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

int main(void)
{
    char err[512];
    if (!mkdtemp(dir) || chdir(dir) != 0) {
        printf("[FAIL] mkdtemp\n");
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
    polrt_engine_free(e);
    const char *files[] = {"p.csv",     "c.csv", "res.csv",  "rej.csv",
                           "exp.jsonl", "k.db",  "k.db-wal", "k.db-shm"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        unlink(files[i]);
    if (chdir("/") == 0)
        rmdir(dir);
    UNIT_END();
}
