/* test_session.c — sessions over the hand-written fake policy (support/fake_policy.c, whose
 * header comment works claims A-D by hand): exact outputs, the yearly cap across claims, a
 * new year starting a fresh ledger, exceptions, failures with their location, unknown
 * persons, claims settled twice (memory and SQLite, across sessions and processes),
 * persistence, shared stores on threads, reforms, allocation failures, and the untraced
 * entry (bound from a .so or set in memory, the traced one standing in when there is none). */
#include "fake_policy.h"
#include "rt_int.h"
#include "unit.h"

#include <pthread.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* yuan.fen as fen, for readable expectations */
#define YUAN(y, f) ((int64_t)(y)*100 + (f))
/* claims each thread settles in the threaded test */
#define THREAD_CLAIMS 200

static char dir[] = "/tmp/polc-test-session-XXXXXX";
static char err[512];

static int64_t day(int y, int m, int d)
{
    return polrt_days_from_civil(y, m, d);
}

/* a claim's fields in schema order */
static void claim(int64_t *c, int64_t level, int64_t discharged, int64_t total,
                  int64_t noncompliant, int64_t emergency, int64_t referral)
{
    c[FAKE_C_LEVEL] = level;
    c[FAKE_C_DISCHARGED] = discharged;
    c[FAKE_C_TOTAL] = total;
    c[FAKE_C_NONCOMPLIANT] = noncompliant;
    c[FAKE_C_EMERGENCY] = emergency;
    c[FAKE_C_REFERRAL] = referral;
}

/* the persons of the tests: P1 poor since 2016 (open), P2 the same and chronic, P3 dibao
 * only from 2025-06-01 (so not eligible in 2024) */
static int add_persons(PolSession *s)
{
    int64_t no[1] = {0}, yes[1] = {1};
    int64_t poor[FAKE_NHIST] = {FAKE_POOR, day(2016, 1, 1), POLRT_NONE};
    int64_t late[FAKE_NHIST] = {FAKE_DIBAO, day(2025, 6, 1), POLRT_NONE};
    return polrt_session_person(s, "P1", no, poor, 1) |
           polrt_session_person(s, "P2", yes, poor, 1) | polrt_session_person(s, "P3", no, late, 1);
}

static void check_out(const char *name, const PolResult *r, int64_t basic, int64_t own,
                      int64_t backstop)
{
    char n[128];
    snprintf(n, sizeof n, "%s: basic", name);
    CHECK_EQ(n, r->out[FAKE_O_BASIC], basic);
    snprintf(n, sizeof n, "%s: own", name);
    CHECK_EQ(n, r->out[FAKE_O_OWN], own);
    snprintf(n, sizeof n, "%s: backstop", name);
    CHECK_EQ(n, r->out[FAKE_O_BACKSTOP], backstop);
}

/* claims A-D of fake_policy.c's comment, in memory */
static void test_hand_computed(PolEngine *e)
{
    PolSession *s = polrt_session_new(e, NULL, err, sizeof err);
    PolResult r;
    int64_t c[FAKE_NCLAIM];
    CHECK("session in memory", s != NULL);
    CHECK_EQ("persons", add_persons(s), 0);

    claim(c, FAKE_COUNTY, day(2024, 3, 10), YUAN(12000, 0), YUAN(1000, 0), 0, day(2024, 3, 1));
    CHECK_EQ("A settles", polrt_session_claim(s, "A", "P1", c, &r), 0);
    CHECK_EQ("A status", r.status, 0);
    check_out("A", &r, YUAN(8025, 0), YUAN(2975, 0), 0);
    CHECK_EQ("A key: the discharge year", r.keys[0], 2024);
    CHECK_EQ("A own_paid before", r.ledger_before[FAKE_L_OWN_PAID], 0);
    CHECK_EQ("A own_paid after", r.ledger_after[FAKE_L_OWN_PAID], YUAN(2975, 0));
    CHECK_EQ("A claims after", r.ledger_after[FAKE_L_CLAIMS], 1);
    CHECK_EQ("A compliant", r.rule_val[FAKE_R_COMPLIANT], YUAN(11000, 0));
    CHECK_EQ("A deduct", r.rule_val[FAKE_R_DEDUCT], YUAN(300, 0));
    CHECK_EQ("A referred by referral (default)", r.branch[FAKE_R_REFERRED], 0);
    CHECK_EQ("A backstop under the cap (default)", r.branch[FAKE_R_BACKSTOP], 0);
    CHECK_EQ("A deductible version 0", r.pver[FAKE_P_DEDUCTIBLE], 0);

    claim(c, FAKE_CITY, day(2024, 6, 1), YUAN(5000, 0), 0, 1, POLRT_NONE);
    CHECK_EQ("B settles", polrt_session_claim(s, "B", "P1", c, &r), 0);
    check_out("B", &r, YUAN(3375, 0), YUAN(25, 0), YUAN(1600, 0));
    CHECK_EQ("B referred as an emergency", r.branch[FAKE_R_REFERRED], 1);
    CHECK_EQ("B over the cap", r.branch[FAKE_R_BACKSTOP], 1);
    CHECK_EQ("B own_paid before", r.ledger_before[FAKE_L_OWN_PAID], YUAN(2975, 0));
    CHECK_EQ("B own_paid reaches the cap", r.ledger_after[FAKE_L_OWN_PAID], YUAN(3000, 0));
    CHECK_EQ("B claims", r.ledger_after[FAKE_L_CLAIMS], 2);

    claim(c, FAKE_TOWNSHIP, day(2024, 9, 1), YUAN(1000, 2), 0, 0, POLRT_NONE);
    CHECK_EQ("C settles", polrt_session_claim(s, "C", "P1", c, &r), 0);
    check_out("C: 675.015 rounds half away from zero", &r, YUAN(675, 2), 0, YUAN(325, 0));
    CHECK_EQ("C referral not needed at a township", r.branch[FAKE_R_REFERRED], -1);
    CHECK_EQ("C cap holds", r.ledger_after[FAKE_L_OWN_PAID], YUAN(3000, 0));
    CHECK_EQ("C claims", r.ledger_after[FAKE_L_CLAIMS], 3);

    claim(c, FAKE_COUNTY, day(2025, 2, 1), YUAN(12000, 0), YUAN(1000, 0), 0, day(2025, 1, 20));
    CHECK_EQ("D settles", polrt_session_claim(s, "D", "P1", c, &r), 0);
    check_out("D", &r, YUAN(7950, 0), YUAN(3000, 0), YUAN(50, 0));
    CHECK_EQ("D key 2025", r.keys[0], 2025);
    CHECK_EQ("D new year starts at 0", r.ledger_before[FAKE_L_OWN_PAID], 0);
    CHECK_EQ("D new year claims", r.ledger_after[FAKE_L_CLAIMS], 1);
    CHECK_EQ("D deductible version 1", r.pver[FAKE_P_DEDUCTIBLE], 1);

    /* back in 2024 after 2025: the 2024 ledger is where C left it */
    claim(c, FAKE_COUNTY, day(2024, 12, 1), YUAN(1000, 0), 0, 0, day(2024, 11, 30));
    CHECK_EQ("E settles", polrt_session_claim(s, "E", "P1", c, &r), 0);
    CHECK_EQ("E 2024 ledger kept", r.ledger_before[FAKE_L_CLAIMS], 3);
    check_out("E", &r, YUAN(525, 0), 0, YUAN(475, 0));

    /* exceptions: chronic has no deductible; not eligible gets no backstop; unreferred */
    claim(c, FAKE_COUNTY, day(2024, 3, 10), YUAN(12000, 0), YUAN(1000, 0), 0, day(2024, 3, 1));
    CHECK_EQ("chronic settles", polrt_session_claim(s, "F", "P2", c, &r), 0);
    CHECK_EQ("chronic: no deductible", r.branch[FAKE_R_DEDUCT], 1);
    check_out("chronic", &r, YUAN(8250, 0), YUAN(2750, 0), 0);
    CHECK_EQ("not eligible settles", polrt_session_claim(s, "G", "P3", c, &r), 0);
    CHECK_EQ("not eligible branch", r.branch[FAKE_R_BACKSTOP], 2);
    check_out("not eligible", &r, YUAN(8025, 0), YUAN(2975, 0), 0);
    claim(c, FAKE_CITY, day(2024, 3, 10), YUAN(6000, 0), 0, 0, POLRT_NONE);
    CHECK_EQ("unreferred settles", polrt_session_claim(s, "H", "P3", c, &r), 0);
    CHECK_EQ("unreferred branch", r.branch[FAKE_R_BASIC_PAY], 1);
    CHECK_EQ("unreferred: deduct not needed", r.branch[FAKE_R_DEDUCT], -1);
    check_out("unreferred", &r, 0, YUAN(6000, 0), 0);
    polrt_session_free(s);
}

/* failures: the policy's (status -1, located) and the caller's (return -1) */
static void test_failures(PolEngine *e)
{
    PolSession *s = polrt_session_new(e, NULL, err, sizeof err);
    PolResult r;
    int64_t c[FAKE_NCLAIM];
    add_persons(s);

    claim(c, FAKE_COUNTY, day(2024, 3, 10), YUAN(100, 0), 0, 0, day(2024, 3, 1));
    polrt_session_claim(s, "ok1", "P1", c, &r);
    /* compliant - deductible overflows: total near INT64_MIN (a value the policy's input
     * checks refuse, so this session's engine has checks that pass everything) */
    PolEngine *unchecked = fake_policy_engine_unchecked(err, sizeof err);
    polrt_session_free(s);
    s = polrt_session_new(unchecked, NULL, err, sizeof err);
    add_persons(s);
    claim(c, FAKE_COUNTY, day(2024, 3, 10), YUAN(100, 0), 0, 0, day(2024, 3, 1));
    polrt_session_claim(s, "ok1", "P1", c, &r);
    claim(c, FAKE_COUNTY, day(2024, 4, 1), INT64_MIN + 100, 0, 0, day(2024, 3, 1));
    CHECK_EQ("overflow: a result", polrt_session_claim(s, "X1", "P1", c, &r), 0);
    CHECK_EQ("overflow: status", r.status, -1);
    CHECK_EQ("overflow: code", r.err_code, POLRT_E_OVERFLOW);
    CHECK_EQ("overflow: loc", r.err_loc, FAKE_LOC_BASIC_SUB);
    CHECK_STR("overflow: message", polrt_session_errmsg(s),
              "claim X1: amount overflow in rule basic_pay (line 41, col 9)");
    CHECK_EQ("overflow: rules done before are traced", r.branch[FAKE_R_COMPLIANT], 0);
    CHECK_EQ("overflow: the rule that failed is not", r.branch[FAKE_R_BASIC_PAY], -1);
    claim(c, FAKE_COUNTY, day(2024, 4, 2), YUAN(100, 0), 0, 0, day(2024, 3, 1));
    polrt_session_claim(s, "ok2", "P1", c, &r);
    CHECK_EQ("overflow left the ledger alone", r.ledger_before[FAKE_L_CLAIMS], 1);
    CHECK_EQ("a failed claim is not recorded", polrt_session_claim(s, "X1", "P1", c, &r), 0);
    CHECK_EQ("... so its id settles later", r.status, 0);

    claim(c, FAKE_COUNTY, day(2016, 6, 1), YUAN(100, 0), 0, 0, day(2016, 5, 1));
    CHECK_EQ("before the policy: a result", polrt_session_claim(s, "X2", "P1", c, &r), 0);
    CHECK_EQ("before the policy: status", r.status, -1);
    CHECK_EQ("before the policy: code", r.err_code, POLRT_E_NOVERSION);
    CHECK_STR("before the policy: message", polrt_session_errmsg(s),
              "claim X2: dated 2016-06-01, outside the policy's validity");

    claim(c, FAKE_COUNTY, day(2024, 3, 10), YUAN(100, 0), 0, 0, POLRT_NONE);
    CHECK_EQ("unknown person", polrt_session_claim(s, "X3", "NOBODY", c, &r), -1);
    CHECK_EQ("unknown person: status", r.status, -1);
    CHECK_STR("unknown person: message", polrt_session_errmsg(s),
              "claim X3: unknown person NOBODY");
    c[FAKE_C_LEVEL] = 7;
    CHECK_EQ("enum out of range", polrt_session_claim(s, "X4", "P1", c, &r), -1);
    CHECK_STR("enum out of range: message", polrt_session_errmsg(s),
              "claim X4: field level: 7 is not a member of Level");
    c[FAKE_C_LEVEL] = FAKE_COUNTY;
    c[FAKE_C_TOTAL] = POLRT_NONE;
    CHECK_EQ("required field absent", polrt_session_claim(s, "X5", "P1", c, &r), -1);
    CHECK_STR("required field: message", polrt_session_errmsg(s),
              "claim X5: field total is required");
    c[FAKE_C_TOTAL] = 0;
    c[FAKE_C_EMERGENCY] = 2;
    CHECK_EQ("bool out of range", polrt_session_claim(s, "X6", "P1", c, &r), -1);
    CHECK_EQ("empty claim id", polrt_session_claim(s, "", "P1", c, &r), -1);
    int64_t bad[FAKE_NHIST] = {5, day(2020, 1, 1), POLRT_NONE}, no[1] = {0};
    CHECK_EQ("bad history row", polrt_session_person(s, "P9", no, bad, 1), -1);
    CHECK_STR("bad history row: message", polrt_session_errmsg(s),
              "person P9, history row 1: field identity: 5 is not a member of Identity");
    CHECK_EQ("negative history count", polrt_session_person(s, "P9", no, bad, -1), -1);
    /* a span that ends before it begins: refused here as a persons.csv row is by polc run */
    int64_t back[FAKE_NHIST] = {FAKE_POOR, day(2020, 1, 1), day(2019, 12, 31)};
    CHECK_EQ("span ending before it begins", polrt_session_person(s, "P9", no, back, 1), -1);
    CHECK_STR("span ending before it begins: message", polrt_session_errmsg(s),
              "person P9, history row 1: to (退出日期) 2019-12-31 is before from (认定日期) "
              "2020-01-01 (a span ends on or after the day it begins)");
    back[2] = day(2020, 1, 1); /* a span of one day */
    CHECK_EQ("span of one day", polrt_session_person(s, "P9", no, back, 1), 0);
    polrt_session_free(s);
    polrt_engine_free(unchecked);
}

/* the same claim id twice in one session: same data is status 1, other data an error */
static void test_duplicates_in_memory(PolEngine *e)
{
    PolSession *s = polrt_session_new(e, NULL, err, sizeof err);
    PolResult r;
    int64_t c[FAKE_NCLAIM];
    add_persons(s);
    claim(c, FAKE_COUNTY, day(2024, 3, 10), YUAN(12000, 0), YUAN(1000, 0), 0, day(2024, 3, 1));
    polrt_session_claim(s, "A", "P1", c, &r);
    int64_t branch = r.branch[FAKE_R_COMPLIANT];
    CHECK_EQ("again: a result", polrt_session_claim(s, "A", "P1", c, &r), 0);
    CHECK_EQ("again: already settled", r.status, 1);
    check_out("again: stored outputs", &r, YUAN(8025, 0), YUAN(2975, 0), 0);
    CHECK_EQ("again: stored ledger after", r.ledger_after[FAKE_L_OWN_PAID], YUAN(2975, 0));
    /* explained: the policy run again from the ledgers before it (explain_stored) */
    CHECK("again: the rules as when it settled", branch >= 0);
    CHECK_EQ("again: the rules as when it settled", r.branch[FAKE_R_COMPLIANT], branch);
    CHECK_EQ("again: the ledger before it", r.ledger_before[FAKE_L_OWN_PAID], 0);
    c[FAKE_C_TOTAL] += 1;
    CHECK_EQ("changed fields", polrt_session_claim(s, "A", "P1", c, &r), -1);
    CHECK_STR("changed fields: message", polrt_session_errmsg(s),
              "claim A was already settled with different fields");
    CHECK_EQ("changed fields: nothing settled", r.out[FAKE_O_BASIC], 0);
    CHECK_EQ("changed fields: no rule ran", r.branch[FAKE_R_COMPLIANT], -1);
    c[FAKE_C_TOTAL] -= 1;
    CHECK_EQ("other person", polrt_session_claim(s, "A", "P2", c, &r), -1);
    CHECK_STR("other person: message", polrt_session_errmsg(s),
              "claim A was already settled for another person");
    claim(c, FAKE_COUNTY, day(2024, 5, 10), YUAN(1000, 0), 0, 0, day(2024, 5, 1));
    polrt_session_claim(s, "A2", "P1", c, &r);
    CHECK_EQ("the ledger counted A once", r.ledger_before[FAKE_L_CLAIMS], 1);

    /* a forked session shares the store: it sees A as settled */
    PolSession *f = rt_session_fork(s, err, sizeof err);
    CHECK("fork", f != NULL);
    add_persons(f);
    claim(c, FAKE_COUNTY, day(2024, 3, 10), YUAN(12000, 0), YUAN(1000, 0), 0, day(2024, 3, 1));
    polrt_session_claim(f, "A", "P1", c, &r);
    CHECK_EQ("fork sees settled claims", r.status, 1);
    claim(c, FAKE_COUNTY, day(2024, 6, 10), YUAN(1000, 0), 0, 0, day(2024, 5, 1));
    polrt_session_claim(f, "A3", "P1", c, &r);
    CHECK_EQ("fork sees the ledger", r.ledger_before[FAKE_L_CLAIMS], 2);
    polrt_session_free(s);
    polrt_session_free(f); /* the store goes with the last session */
}

/* SQLite: persistence and already-settled claims across sessions on one file */
static void test_sqlite(PolEngine *e)
{
    char path[sizeof dir + 16];
    snprintf(path, sizeof path, "%s/ledger.db", dir);
    PolResult r;
    int64_t c[FAKE_NCLAIM];

    PolSession *s = polrt_session_new(e, path, err, sizeof err);
    CHECK("sqlite session", s != NULL);
    if (!s) {
        printf("  %s\n", err);
        return;
    }
    add_persons(s);
    claim(c, FAKE_COUNTY, day(2024, 3, 10), YUAN(12000, 0), YUAN(1000, 0), 0, day(2024, 3, 1));
    polrt_session_claim(s, "A", "P1", c, &r);
    check_out("sqlite A", &r, YUAN(8025, 0), YUAN(2975, 0), 0);
    claim(c, FAKE_CITY, day(2024, 6, 1), YUAN(5000, 0), 0, 1, POLRT_NONE);
    polrt_session_claim(s, "B", "P1", c, &r);
    check_out("sqlite B", &r, YUAN(3375, 0), YUAN(25, 0), YUAN(1600, 0));
    polrt_session_free(s);

    /* a second session, later: the ledger persisted, A and B are settled */
    s = polrt_session_new(e, path, err, sizeof err);
    add_persons(s);
    claim(c, FAKE_TOWNSHIP, day(2024, 9, 1), YUAN(1000, 2), 0, 0, POLRT_NONE);
    polrt_session_claim(s, "C", "P1", c, &r);
    CHECK_EQ("persisted own_paid", r.ledger_before[FAKE_L_OWN_PAID], YUAN(3000, 0));
    CHECK_EQ("persisted claims", r.ledger_before[FAKE_L_CLAIMS], 2);
    check_out("sqlite C", &r, YUAN(675, 2), 0, YUAN(325, 0));
    claim(c, FAKE_COUNTY, day(2024, 3, 10), YUAN(12000, 0), YUAN(1000, 0), 0, day(2024, 3, 1));
    CHECK_EQ("A again: a result", polrt_session_claim(s, "A", "P1", c, &r), 0);
    CHECK_EQ("A again: already settled", r.status, 1);
    check_out("A again: stored outputs", &r, YUAN(8025, 0), YUAN(2975, 0), 0);
    CHECK_EQ("A again: stored key", r.keys[0], 2024);
    CHECK_EQ("A again: stored before", r.ledger_before[FAKE_L_OWN_PAID], 0);
    CHECK_EQ("A again: stored after", r.ledger_after[FAKE_L_OWN_PAID], YUAN(2975, 0));
    c[FAKE_C_NONCOMPLIANT] = 0;
    CHECK_EQ("A with other fields", polrt_session_claim(s, "A", "P1", c, &r), -1);
    CHECK_STR("A with other fields: message", polrt_session_errmsg(s),
              "claim A was already settled with different fields");

    /* a batch: claims inside one transaction, then committed */
    CHECK_EQ("begin", rt_session_begin(s, err, sizeof err), 0);
    claim(c, FAKE_COUNTY, day(2025, 2, 1), YUAN(12000, 0), YUAN(1000, 0), 0, day(2025, 1, 20));
    polrt_session_claim(s, "D", "P1", c, &r);
    check_out("batch D", &r, YUAN(7950, 0), YUAN(3000, 0), YUAN(50, 0));
    polrt_session_claim(s, "D", "P1", c, &r);
    CHECK_EQ("batch: settled in the open batch", r.status, 1);
    CHECK_EQ("commit", rt_session_commit(s, err, sizeof err), 0);
    polrt_session_free(s);

    s = polrt_session_new(e, path, err, sizeof err);
    add_persons(s);
    polrt_session_claim(s, "D", "P1", c, &r);
    CHECK_EQ("committed batch persisted", r.status, 1);
    polrt_session_free(s);

    /* a process killed in the middle of a batch: nothing of the batch remains */
    pid_t pid = fork();
    if (pid == 0) {
        PolSession *k = polrt_session_new(e, path, err, sizeof err);
        PolResult kr;
        int64_t kc[FAKE_NCLAIM];
        add_persons(k);
        rt_session_begin(k, err, sizeof err);
        claim(kc, FAKE_COUNTY, day(2025, 3, 1), YUAN(2000, 0), 0, 0, day(2025, 2, 1));
        polrt_session_claim(k, "K1", "P1", kc, &kr);
        polrt_session_claim(k, "K2", "P2", kc, &kr);
        kill(getpid(), SIGKILL);
    }
    int st;
    waitpid(pid, &st, 0);
    CHECK("child killed", WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
    s = polrt_session_new(e, path, err, sizeof err);
    CHECK("reopens after a kill", s != NULL);
    add_persons(s);
    claim(c, FAKE_COUNTY, day(2025, 3, 1), YUAN(2000, 0), 0, 0, day(2025, 2, 1));
    polrt_session_claim(s, "K1", "P1", c, &r);
    CHECK_EQ("killed batch: K1 not settled", r.status, 0);
    CHECK_EQ("killed batch: ledger as before it", r.ledger_before[FAKE_L_CLAIMS], 1);
    polrt_session_free(s);

    /* not a ledger: a file that is not SQLite, a database of another program */
    char other[sizeof dir + 16];
    snprintf(other, sizeof other, "%s/notes.txt", dir);
    FILE *fp = fopen(other, "w");
    fputs("this is not a database, just some text that is long enough to have a header\n", fp);
    fclose(fp);
    CHECK("a text file is refused", polrt_session_new(e, other, err, sizeof err) == NULL);
    CHECK("... with a message naming it", strstr(err, "notes.txt: ") != NULL);
    snprintf(other, sizeof other, "%s/nodir/x.db", dir);
    CHECK("missing directory", polrt_session_new(e, other, err, sizeof err) == NULL);
}

/* several sessions on threads, one store (SQLite, or memory), persons partitioned */
typedef struct Worker {
    PolSession *s;
    const char *person;
    int64_t last_claims; /* the ledger's claim count after the last claim */
    int failed;
} Worker;

/* the worker's person's claims, and between them a person who comes for one claim and
 * is forgotten (the store's table of persons changes under every thread) */
static void *work(void *arg)
{
    Worker *w = arg;
    int64_t c[FAKE_NCLAIM], no[1] = {0};
    int64_t poor[FAKE_NHIST] = {FAKE_POOR, day(2016, 1, 1), POLRT_NONE};
    PolResult r;
    char id[32], tid[32];
    for (int i = 0; i < THREAD_CLAIMS; i++) {
        snprintf(id, sizeof id, "%s-%d", w->person, i);
        claim(c, FAKE_TOWNSHIP, day(2024, 1, 1) + i, YUAN(200, 0), 0, 0, POLRT_NONE);
        if (polrt_session_claim(w->s, id, w->person, c, &r) != 0 || r.status != 0)
            w->failed++;
        w->last_claims = r.ledger_after[FAKE_L_CLAIMS];
        snprintf(tid, sizeof tid, "%s-t%d", w->person, i);
        snprintf(id, sizeof id, "%s-x%d", w->person, i);
        if (polrt_session_person(w->s, tid, no, poor, 1) != 0 ||
            polrt_session_claim(w->s, id, tid, c, &r) != 0 || r.status != 0 ||
            r.ledger_before[FAKE_L_CLAIMS] != 0)
            w->failed++;
        rt_session_forget(w->s, tid);
    }
    return NULL;
}

static void test_threads(PolEngine *e, int sqlite)
{
    char path[sizeof dir + 16];
    snprintf(path, sizeof path, "%s/threads.db", dir);
    Worker w[3] = {{0}};
    pthread_t t[3];
    const char *who[3] = {"P1", "P2", "P3"};
    w[0].s = polrt_session_new(e, sqlite ? path : NULL, err, sizeof err);
    CHECK("threads: first session", w[0].s != NULL);
    if (!w[0].s)
        return;
    CHECK_EQ("threads: begin", rt_session_begin(w[0].s, err, sizeof err), 0);
    for (int i = 0; i < 3; i++) {
        if (i)
            w[i].s = rt_session_fork(w[0].s, err, sizeof err);
        w[i].person = who[i];
        add_persons(w[i].s);
    }
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, work, &w[i]);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    CHECK_EQ("threads: commit", rt_session_commit(w[0].s, err, sizeof err), 0);
    for (int i = 0; i < 3; i++) {
        CHECK_EQ("threads: every claim settled", w[i].failed, 0);
        CHECK_EQ("threads: each ledger counted its own", w[i].last_claims, THREAD_CLAIMS);
    }
    for (int i = 0; i < 3; i++)
        polrt_session_free(w[i].s);
}

/* a reform replaces the parameter table: ratio 80% instead of 75% */
static void test_reform(void)
{
    PolEngine *e = fake_policy_engine(err, sizeof err);
    int64_t p[FAKE_NPARAM_VALUES], c[FAKE_NCLAIM];
    PolResult r;
    memcpy(p, polc_params, sizeof p);
    p[FAKE_OFF_RATIO] = 800000;
    CHECK_EQ("nparams", polrt_engine_nparams(e), FAKE_NPARAM_VALUES);
    CHECK_EQ("set_params: wrong length", polrt_engine_set_params(e, p, 3), -1);
    CHECK_EQ("set_params", polrt_engine_set_params(e, p, FAKE_NPARAM_VALUES), 0);
    p[FAKE_OFF_RATIO] = 0; /* the engine copied the table */
    PolSession *s = polrt_session_new(e, NULL, err, sizeof err);
    add_persons(s);
    claim(c, FAKE_COUNTY, day(2024, 3, 10), YUAN(12000, 0), YUAN(1000, 0), 0, day(2024, 3, 1));
    polrt_session_claim(s, "A", "P1", c, &r);
    check_out("reform A", &r, YUAN(8560, 0), YUAN(2440, 0), 0);
    polrt_session_free(s);
    polrt_engine_free(e);
}

/* every allocation of engine, session and claims failing in turn: errors, no crash or leak */
static void test_alloc_failures(void)
{
    int64_t c[FAKE_NCLAIM];
    PolResult r;
    int ok = 0, n;
    claim(c, FAKE_COUNTY, day(2024, 3, 10), YUAN(12000, 0), YUAN(1000, 0), 0, day(2024, 3, 1));
    for (n = 0; n < 1000 && !ok; n++) {
        polrt_test_fail_alloc_after(n);
        PolEngine *e = fake_policy_engine(err, sizeof err);
        PolSession *s = e ? polrt_session_new(e, NULL, err, sizeof err) : NULL;
        if (s && add_persons(s) == 0 && polrt_session_claim(s, "A", "P1", c, &r) == 0 &&
            polrt_session_claim(s, "B", "P2", c, &r) == 0)
            ok = r.status == 0 && r.out[FAKE_O_BASIC] == YUAN(8250, 0);
        polrt_session_free(s);
        polrt_engine_free(e);
    }
    polrt_test_fail_alloc_after(-1);
    CHECK("allocation failures handled until all succeed", ok);

    /* the same on an SQLite ledger, in a batch: the store's cache, rows and checkpointer */
    char path[sizeof dir + 16];
    snprintf(path, sizeof path, "%s/alloc.db", dir);
    PolEngine *e = fake_policy_engine(err, sizeof err);
    ok = 0;
    for (n = 0; n < 1000 && !ok && e; n++) {
        remove(path);
        polrt_test_fail_alloc_after(n);
        PolSession *s = polrt_session_new(e, path, err, sizeof err);
        if (s && add_persons(s) == 0 && rt_session_begin(s, err, sizeof err) == 0 &&
            polrt_session_claim(s, "A", "P1", c, &r) == 0 &&
            polrt_session_claim(s, "B", "P2", c, &r) == 0 && r.status == 0 &&
            rt_session_commit(s, err, sizeof err) == 0)
            ok = r.out[FAKE_O_BASIC] == YUAN(8250, 0);
        polrt_session_free(s);
    }
    polrt_test_fail_alloc_after(-1);
    polrt_engine_free(e);
    CHECK("sqlite: allocation failures handled until all succeed", ok);
}

static void test_engine_open(void)
{
    PolEngine *e = polrt_engine_open("/nonexistent/engine.so", err, sizeof err);
    CHECK("open: missing file", e == NULL);
    CHECK("open: message names the file", strstr(err, "/nonexistent/engine.so") == err);
    /* a bare file name is a file in the current directory, not a library-path search */
    e = polrt_engine_open("libm.so.6", err, sizeof err);
    CHECK("open: bare name", e == NULL);
    CHECK("open: bare name is looked for here", strncmp(err, "./libm.so.6: ", 13) == 0);
    /* the fake policy built as a real .so (when a C compiler is at hand) */
    char so[sizeof dir + 16], cmd[1024], want[sizeof dir + 128];
    snprintf(so, sizeof so, "%s/empty.so", dir);
    snprintf(cmd, sizeof cmd, "cc -shared -fPIC -x c /dev/null -o %s 2>/dev/null", so);
    if (system(cmd) == 0) {
        e = polrt_engine_open(so, err, sizeof err);
        CHECK("open: not an engine", e == NULL);
        snprintf(want, sizeof want, "%s: not a polc engine (no polc_schema)", so);
        CHECK_STR("open: not an engine message", err, want);
    }
    /* a schema that lists input checks, and no polc_check to run them */
    snprintf(so, sizeof so, "%s/nocheck.so", dir);
    snprintf(cmd, sizeof cmd,
             "cc -std=c11 -shared -fPIC -Dpolc_check=renamed_check -Iruntime/include "
             "-Itests/unit/support tests/unit/support/fake_policy.c -o %s 2>/dev/null",
             so);
    if (system(cmd) == 0) {
        e = polrt_engine_open(so, err, sizeof err);
        CHECK("open: checks listed, none exported", e == NULL);
        snprintf(want, sizeof want,
                 "%s: not a polc engine (no polc_check, but the schema lists 2 input checks)", so);
        CHECK_STR("open: checks listed, none exported: message", err, want);
    }
    snprintf(so, sizeof so, "%s/fake.so", dir);
    snprintf(cmd, sizeof cmd,
             "cc -std=c11 -shared -fPIC -Iruntime/include -Itests/unit/support "
             "tests/unit/support/fake_policy.c -o %s 2>/dev/null",
             so);
    if (system(cmd) != 0) {
        printf("[PASS] %s: open a built engine (skipped: no cc or not run from the repo)\n",
               __FILE__);
        return;
    }
    e = polrt_engine_open(so, err, sizeof err);
    CHECK("open: built engine", e != NULL);
    if (!e) {
        printf("  %s\n", err);
        return;
    }
    CHECK_STR("open: sha256", polrt_engine_sha256(e),
              "04798bb486152150cc09eb25bfe3a916e2ec89c5b8be7002709b4c8aede44bef");
    CHECK("open: schema text", strstr(polrt_engine_schema(e), "\"schema_version\": 1") != NULL);
    PolSession *s = polrt_session_new(e, NULL, err, sizeof err);
    int64_t c[FAKE_NCLAIM];
    PolResult r;
    add_persons(s);
    claim(c, FAKE_CITY, day(2024, 6, 1), YUAN(5000, 0), 0, 1, POLRT_NONE);
    polrt_session_claim(s, "B", "P1", c, &r);
    check_out("built engine settles", &r, YUAN(3375, 0), YUAN(1625, 0), 0);
    claim(c, FAKE_CITY, day(2024, 6, 2), YUAN(5000, 0), YUAN(5000, 1), 1, POLRT_NONE);
    CHECK_EQ("built engine checks", polrt_session_claim(s, "N", "P1", c, &r), -1);
    CHECK_STR("built engine checks: message", polrt_session_errmsg(s),
              "claim N: 非合规费用大于总费用");
    /* it has no polc_settle_fast (an engine built before the entry existed): a session that
     * does not trace settles through polc_settle all the same */
    PolSession *f = polrt_session_new(e, NULL, err, sizeof err);
    rt_session_trace(f, 0);
    add_persons(f);
    claim(c, FAKE_CITY, day(2024, 6, 1), YUAN(5000, 0), 0, 1, POLRT_NONE);
    CHECK_EQ("no fast entry: settles", polrt_session_claim(f, "B", "P1", c, &r), 0);
    check_out("no fast entry: the traced entry settles", &r, YUAN(3375, 0), YUAN(1625, 0), 0);
    polrt_session_free(f);
    polrt_session_free(s);
    polrt_engine_free(e);

    /* with one, polrt_engine_open binds it: this polc_settle_fast answers 99, so a claim that
     * fails with 99 went through it */
    snprintf(so, sizeof so, "%s/fastfake.so", dir);
    snprintf(cmd, sizeof cmd,
             "printf '#include <stdint.h>\\nstruct PolCtx;\\nint64_t polc_settle_fast(struct "
             "PolCtx *c) { (void)c; return 99; }\\n' | cc -std=c11 -shared -fPIC "
             "-Iruntime/include -Itests/unit/support tests/unit/support/fake_policy.c -x c - "
             "-o %s 2>/dev/null",
             so);
    CHECK_EQ("open: build an engine with a fast entry", system(cmd), 0);
    e = polrt_engine_open(so, err, sizeof err);
    CHECK("open: engine with a fast entry", e != NULL);
    if (!e)
        return;
    s = polrt_session_new(e, NULL, err, sizeof err);
    add_persons(s);
    CHECK_EQ("fast entry bound: traced session", polrt_session_claim(s, "B", "P1", c, &r), 0);
    check_out("fast entry bound: traced session settles traced", &r, YUAN(3375, 0), YUAN(1625, 0),
              0);
    rt_session_trace(s, 0);
    claim(c, FAKE_CITY, day(2024, 6, 2), YUAN(5000, 0), 0, 1, POLRT_NONE);
    polrt_session_claim(s, "C", "P1", c, &r);
    CHECK_EQ("fast entry bound: untraced session uses it", r.err_code, 99);
    polrt_session_free(s);
    polrt_engine_free(e);
}

/* the fast entry of an engine made in memory (polrt_engine_set_fast), and sessions that ask
 * for it (rt_session_trace): the same results, no trace, forks alike */
static int fast_calls;
static int64_t counting_fast(PolCtx *c)
{
    fast_calls++;
    return polc_settle(c);
}

static void test_fast_entry(void)
{
    PolEngine *e = fake_policy_engine(err, sizeof err);
    PolSession *t = polrt_session_new(e, NULL, err, sizeof err);
    PolSession *f = polrt_session_new(e, NULL, err, sizeof err);
    PolResult rt, rf;
    int64_t c[FAKE_NCLAIM];
    polrt_engine_set_fast(e, counting_fast);
    rt_session_trace(f, 0);
    add_persons(t);
    add_persons(f);
    /* A-D of fake_policy.c and a failing claim: both ways, the same results */
    static const struct {
        const char *id, *person;
        int64_t level, y, m, d, total, noncompliant, emergency;
    } claims[] = {{"A", "P1", FAKE_COUNTY, 2024, 3, 10, YUAN(12000, 0), YUAN(1000, 0), 0},
                  {"B", "P1", FAKE_CITY, 2024, 6, 1, YUAN(5000, 0), 0, 1},
                  {"C", "P2", FAKE_TOWNSHIP, 2024, 7, 1, YUAN(800, 0), YUAN(50, 0), 0},
                  {"D", "P1", FAKE_CITY, 2025, 1, 5, YUAN(20000, 0), 0, 1},
                  {"E", "P3", FAKE_CITY, 2024, 8, 1, YUAN(3000, 0), 0, 1}};
    int same = 1;
    for (size_t i = 0; i < sizeof claims / sizeof claims[0]; i++) {
        claim(c, claims[i].level, day((int)claims[i].y, (int)claims[i].m, (int)claims[i].d),
              claims[i].total, claims[i].noncompliant, claims[i].emergency, POLRT_NONE);
        int a = polrt_session_claim(t, claims[i].id, claims[i].person, c, &rt);
        int b = polrt_session_claim(f, claims[i].id, claims[i].person, c, &rf);
        const RtSchema *sc = rt_engine_schema(e);
        same &= a == b && rt.status == rf.status && rt.err_code == rf.err_code &&
                rt.err_loc == rf.err_loc &&
                !memcmp(rt.out, rf.out, (size_t)sc->noutputs * sizeof *rt.out) &&
                !memcmp(rt.ledger_after, rf.ledger_after,
                        (size_t)sc->nledger_fields * sizeof *rt.ledger_after);
    }
    CHECK("fast and traced sessions: same results", same);
    CHECK_EQ("the untraced session used the fast entry", fast_calls, 5);
    CHECK("traced results carry the trace", rt.branch && rt.pver && rt.rule_val);
    CHECK("untraced results carry none", !rf.branch && !rf.pver && !rf.rule_val && !rf.pidx);
    PolSession *g = rt_session_fork(f, err, sizeof err);
    add_persons(g);
    claim(c, FAKE_COUNTY, day(2024, 9, 1), YUAN(100, 0), 0, 0, POLRT_NONE);
    polrt_session_claim(g, "F", "P2", c, &rf);
    CHECK_EQ("a fork inherits the setting", fast_calls, 6);
    polrt_engine_set_fast(e, NULL);
    claim(c, FAKE_COUNTY, day(2024, 9, 2), YUAN(100, 0), 0, 0, POLRT_NONE);
    polrt_session_claim(f, "G", "P2", c, &rf);
    CHECK_EQ("no fast entry: the traced one serves", fast_calls, 6);
    CHECK_EQ("no fast entry: settled", rf.status, 0);
    polrt_session_free(g);
    polrt_session_free(f);
    polrt_session_free(t);
    polrt_engine_free(e);
}

/* polc_fast_flags: a fast entry that reads the memo (an engine built before the flags, or
 * the function-per-rule fast entry) finds rule_state zeroed for every claim; one flagged
 * POLRT_FAST_NO_MEMO is not zeroed for (the runtime skips the memset), and the traced entry
 * standing in for a missing fast one always is. marking_fast, the fast entry here, leaves a
 * mark in rule_state[0] for the next claim to find. */
static int memo_dirty; /* calls that found rule_state[0] not zeroed */
static int64_t marking_fast(PolCtx *c)
{
    memo_dirty += c->rule_state[0] != 0;
    int64_t rc = polc_settle(c);
    c->rule_state[0] = 7;
    return rc;
}

static void test_fast_memo(void)
{
    PolEngine *e = fake_policy_engine(err, sizeof err);
    PolSession *f = polrt_session_new(e, NULL, err, sizeof err);
    PolResult r;
    int64_t c[FAKE_NCLAIM];
    rt_session_trace(f, 0);
    add_persons(f);
    polrt_engine_set_fast(e, marking_fast);
    claim(c, FAKE_COUNTY, day(2024, 3, 10), YUAN(1000, 0), 0, 0, POLRT_NONE);
    polrt_session_claim(f, "M1", "P1", c, &r);
    claim(c, FAKE_COUNTY, day(2024, 3, 11), YUAN(1000, 0), 0, 0, POLRT_NONE);
    polrt_session_claim(f, "M2", "P1", c, &r);
    CHECK_EQ("no flags: the memo zeroed for each claim", memo_dirty, 0);
    CHECK_EQ("no flags: settled", r.status, 0);
    polrt_engine_set_fast_flags(e, POLRT_FAST_NO_MEMO);
    claim(c, FAKE_COUNTY, day(2024, 3, 12), YUAN(1000, 0), 0, 0, POLRT_NONE);
    polrt_session_claim(f, "M3", "P1", c, &r);
    CHECK_EQ("POLRT_FAST_NO_MEMO: the memo left as it was", memo_dirty, 1);
    polrt_engine_set_fast(e, marking_fast);
    claim(c, FAKE_COUNTY, day(2024, 3, 13), YUAN(1000, 0), 0, 0, POLRT_NONE);
    polrt_session_claim(f, "M4", "P1", c, &r);
    CHECK_EQ("a new fast entry: its flags unknown, the memo zeroed", memo_dirty, 1);
    /* POLRT_FAST_LEDGER_IN_PLACE: the entry writes every ledger field, so the session no
     * longer fills after from before (rt_settle_steps); claim D of fake_policy.c starts P1's
     * 2025 ledger: after it 3,000.00 own paid and 1 claim */
    polrt_engine_set_fast_flags(e, POLRT_FAST_LEDGER_IN_PLACE);
    CHECK_EQ("in place: flagged", e->fast_in_place, 1);
    claim(c, FAKE_COUNTY, day(2025, 2, 1), YUAN(12000, 0), YUAN(1000, 0), 0, day(2025, 1, 20));
    CHECK_EQ("in place: D settles", polrt_session_claim(f, "D", "P1", c, &r), 0);
    check_out("in place: D", &r, YUAN(7950, 0), YUAN(3000, 0), YUAN(50, 0));
    CHECK_EQ("in place: own paid after D", r.ledger_after[FAKE_L_OWN_PAID], YUAN(3000, 0));
    CHECK_EQ("in place: claims after D", r.ledger_after[FAKE_L_CLAIMS], 1);
    polrt_engine_set_fast(e, marking_fast);
    CHECK_EQ("in place: a new fast entry's flags unknown", e->fast_in_place, 0);
    /* the traced entry serves when there is no fast one: its memo is zeroed whatever the
     * flags say (a traced session clears it with the trace; an untraced one must), and it
     * writes the ledger field by field: never in place */
    polrt_engine_set_fast(e, NULL);
    polrt_engine_set_fast_flags(e, POLRT_FAST_NO_MEMO | POLRT_FAST_LEDGER_IN_PLACE);
    CHECK_EQ("traced entry standing in: its memo zeroed", e->fast_memo, 1);
    CHECK_EQ("traced entry standing in: not in place", e->fast_in_place, 0);
    polrt_session_free(f);
    polrt_engine_free(e);
}

/* the policy's input checks (reject declarations, polc_check) on claims given one by one */
static void test_checks(PolEngine *e)
{
    PolSession *s = polrt_session_new(e, NULL, err, sizeof err);
    PolResult r;
    int64_t c[FAKE_NCLAIM];
    add_persons(s);
    /* 非合规费用大于总费用: refused, nothing settled, the session goes on */
    claim(c, FAKE_COUNTY, day(2024, 3, 10), YUAN(100, 0), YUAN(100, 1), 0, day(2024, 3, 1));
    CHECK_EQ("check: refused", polrt_session_claim(s, "N1", "P1", c, &r), -1);
    CHECK_EQ("check: no result", r.status, -1);
    CHECK_EQ("check: code", r.err_code, POLRT_E_REJECTED);
    CHECK_EQ("check: which check", r.err_loc, FAKE_REJECT_NONCOMPLIANT);
    CHECK_STR("check: message", polrt_session_errmsg(s), "claim N1: 非合规费用大于总费用");
    CHECK_EQ("check: not a ledger conflict", rt_session_conflict(s), 0);
    CHECK_EQ("check: no rule ran", r.branch[FAKE_R_COMPLIANT], -1);
    /* equal is fine: all of it non-compliant */
    c[FAKE_C_NONCOMPLIANT] = YUAN(100, 0);
    CHECK_EQ("check: equal amounts settle", polrt_session_claim(s, "N1", "P1", c, &r), 0);
    CHECK_EQ("check: ... as N1, never recorded before", r.status, 0);
    CHECK_EQ("check: the refused claim left no trace in the ledger", r.ledger_before[FAKE_L_CLAIMS],
             0);
    /* the second check */
    claim(c, FAKE_COUNTY, day(2024, 3, 11), INT64_C(9000000000000000000), 1, 0, POLRT_NONE);
    CHECK_EQ("check 2: refused", polrt_session_claim(s, "N2", "P1", c, &r), -1);
    CHECK_EQ("check 2: which check", r.err_loc, FAKE_REJECT_TOO_BIG);
    CHECK_STR("check 2: message", polrt_session_errmsg(s), "claim N2: 金额超出结算范围");
    /* a check that fails (its sum overflows): refused with the failure's words */
    claim(c, FAKE_COUNTY, day(2024, 3, 12), INT64_C(9000000000000000000),
          INT64_C(5000000000000000000), 0, POLRT_NONE);
    CHECK_EQ("failing check: refused", polrt_session_claim(s, "N3", "P1", c, &r), -1);
    CHECK_EQ("failing check: code", r.err_code, POLRT_E_OVERFLOW);
    CHECK_EQ("failing check: loc", r.err_loc, FAKE_LOC_CHECK_SUM);
    CHECK_STR("failing check: message", polrt_session_errmsg(s),
              "claim N3: amount overflow in reject \"金额超出结算范围\" (line 63, col 31)");
    /* outside the policy's validity nothing is in force, checks included: settling says so */
    claim(c, FAKE_COUNTY, day(2016, 6, 1), YUAN(100, 0), YUAN(200, 0), 0, POLRT_NONE);
    CHECK_EQ("check: outside the validity, a result", polrt_session_claim(s, "N4", "P1", c, &r), 0);
    CHECK_EQ("check: outside the validity, code", r.err_code, POLRT_E_NOVERSION);
    /* a claim id settled earlier with other data is a conflict, also a refusal (-1) */
    claim(c, FAKE_COUNTY, day(2024, 3, 10), YUAN(100, 0), YUAN(99, 0), 0, day(2024, 3, 1));
    CHECK_EQ("conflict: refused", polrt_session_claim(s, "N1", "P1", c, &r), -1);
    CHECK_EQ("conflict: said so", rt_session_conflict(s), 1);
    CHECK_EQ("unknown person: refused", polrt_session_claim(s, "N5", "P7", c, &r), -1);
    CHECK_EQ("unknown person: not a conflict", rt_session_conflict(s), 0);
    polrt_session_free(s);

    /* an engine whose schema lists checks must have a function to run them */
    PolEngine *bare =
        polrt_engine_new(polc_schema, polc_params, polc_settle, polc_keys, NULL, err, sizeof err);
    CHECK("no check function: no session", polrt_session_new(bare, NULL, err, sizeof err) == NULL);
    CHECK_STR("no check function: message", err,
              "the policy declares 2 input checks (reject), but the engine has no check "
              "function");
    polrt_engine_free(bare);
}

/* a batch run's memory: claims not kept, persons forgotten after their last claim */
static void test_forget(PolEngine *e)
{
    PolSession *s = polrt_session_new(e, NULL, err, sizeof err);
    PolResult r;
    int64_t c[FAKE_NCLAIM];
    add_persons(s);
    rt_session_keep_claims(s, 0);
    claim(c, FAKE_COUNTY, day(2024, 3, 10), YUAN(12000, 0), YUAN(1000, 0), 0, day(2024, 3, 1));
    polrt_session_claim(s, "A", "P1", c, &r);
    CHECK_EQ("no audit: A again settles again", polrt_session_claim(s, "A", "P1", c, &r), 0);
    CHECK_EQ("no audit: status settled", r.status, 0);
    CHECK_EQ("no audit: the ledger still counts", r.ledger_before[FAKE_L_CLAIMS], 1);
    rt_session_forget(s, "P1");
    CHECK_EQ("forgotten: the person is gone", polrt_session_claim(s, "B", "P1", c, &r), -1);
    CHECK_STR("forgotten: message", polrt_session_errmsg(s), "claim B: unknown person P1");
    add_persons(s);
    polrt_session_claim(s, "B", "P1", c, &r);
    CHECK_EQ("forgotten: so is the ledger", r.ledger_before[FAKE_L_CLAIMS], 0);
    /* the others keep theirs, whatever the hash table moved when P1 left */
    polrt_session_claim(s, "C", "P2", c, &r);
    polrt_session_claim(s, "D", "P3", c, &r);
    rt_session_forget(s, "P1");
    rt_session_forget(s, "P9"); /* never known: nothing happens */
    polrt_session_claim(s, "E", "P2", c, &r);
    CHECK_EQ("forget leaves the others", r.ledger_before[FAKE_L_CLAIMS], 1);
    polrt_session_claim(s, "F", "P3", c, &r);
    CHECK_EQ("forget leaves the others (P3)", r.ledger_before[FAKE_L_CLAIMS], 1);
    polrt_session_free(s);
}

/* persons by handle: the same settlement as by id, handles reused after forget */
static void test_handles(PolEngine *e)
{
    PolSession *s = polrt_session_new(e, NULL, err, sizeof err);
    PolResult r;
    int64_t c[FAKE_NCLAIM], no[1] = {0},
                            poor[FAKE_NHIST] = {FAKE_POOR, day(2016, 1, 1), POLRT_NONE};
    rt_session_keep_claims(s, 0);
    int64_t h1 = rt_session_person_add(s, "P1", no, poor, 1);
    int64_t h2 = rt_session_person_add(s, "P2", no, poor, 1);
    CHECK("handles: two persons, two handles", h1 >= 0 && h2 >= 0 && h1 != h2);
    CHECK_EQ("handles: given again, the same handle", rt_session_person_add(s, "P1", no, poor, 1),
             h1);
    CHECK_EQ("handles: by id", rt_session_person_handle(s, "P2"), h2);
    CHECK_EQ("handles: unknown id", rt_session_person_handle(s, "P9"), -1);
    claim(c, FAKE_COUNTY, day(2024, 3, 10), YUAN(12000, 0), YUAN(1000, 0), 0, day(2024, 3, 1));
    CHECK_EQ("handles: A settles", rt_session_claim_h(s, "A", h1, c, &r), 0);
    check_out("handles: A", &r, YUAN(8025, 0), YUAN(2975, 0), 0);
    claim(c, FAKE_CITY, day(2024, 6, 1), YUAN(5000, 0), 0, 1, POLRT_NONE);
    CHECK_EQ("handles: B by id after A by handle", polrt_session_claim(s, "B", "P1", c, &r), 0);
    check_out("handles: B sees A's ledger", &r, YUAN(3375, 0), YUAN(25, 0), YUAN(1600, 0));
    CHECK_EQ("handles: P2 by handle", rt_session_claim_h(s, "C", h2, c, &r), 0);
    CHECK_EQ("handles: P2's own ledger", r.ledger_before[FAKE_L_CLAIMS], 0);
    CHECK_EQ("handles: a bad handle", rt_session_claim_h(s, "D", 99, c, &r), -1);
    CHECK_STR("handles: a bad handle: message", polrt_session_errmsg(s),
              "claim D: unknown person handle 99");
    rt_session_forget_h(s, h1);
    CHECK_EQ("handles: forgotten", rt_session_claim_h(s, "D", h1, c, &r), -1);
    CHECK_EQ("handles: forgotten by id too", rt_session_person_handle(s, "P1"), -1);
    rt_session_forget_h(s, h1); /* twice: nothing happens */
    int64_t h3 = rt_session_person_add(s, "P3", no, poor, 1);
    CHECK_EQ("handles: a forgotten handle is given again", h3, h1);
    CHECK_EQ("handles: ... to the new person", rt_session_claim_h(s, "E", h3, c, &r), 0);
    CHECK_EQ("handles: ... with a ledger of their own", r.ledger_before[FAKE_L_CLAIMS], 0);
    CHECK_EQ("handles: P2 kept its ledger", rt_session_claim_h(s, "F", h2, c, &r), 0);
    CHECK_EQ("handles: P2 kept its ledger: count", r.ledger_before[FAKE_L_CLAIMS], 1);
    /* many persons: the handle table grows, forgotten handles are reused */
    char id[32];
    int ok = 1;
    for (int i = 0; i < 1000; i++) {
        snprintf(id, sizeof id, "Q%d", i);
        int64_t h = rt_session_person_add(s, id, no, poor, 1);
        ok &= h >= 0 && rt_session_claim_h(s, id, h, c, &r) == 0 && r.status == 0;
        if (i % 2)
            rt_session_forget_h(s, h);
    }
    CHECK("handles: a thousand persons", ok);
    CHECK("handles: half of them forgotten, their handles reused",
          rt_session_person_add(s, "R", no, poor, 1) < 600);
    polrt_session_free(s);
}

/* zigzag varints, as ledger format 2 stores values (to write rows by hand) */
static size_t varints(unsigned char *b, const int64_t *v, int n)
{
    size_t k = 0;
    for (int i = 0; i < n; i++) {
        uint64_t u = ((uint64_t)v[i] << 1) ^ (v[i] < 0 ? UINT64_MAX : 0);
        for (; u >= 0x80; u >>= 7)
            b[k++] = (unsigned char)(u | 0x80);
        b[k++] = (unsigned char)u;
    }
    return k;
}

static int sql(sqlite3 *db, const char *text)
{
    char *msg = NULL;
    int rc = sqlite3_exec(db, text, NULL, NULL, &msg);
    if (rc != SQLITE_OK)
        printf("  sql: %s\n", msg ? msg : "?");
    sqlite3_free(msg);
    return rc;
}

/* A ledger written by an older polc (format 1: text values, the policy's hash per claim) is
 * upgraded when opened: its claims and rows are read, new ones are added in format 2. */
static void test_format1(PolEngine *e)
{
    char path[sizeof dir + 16];
    snprintf(path, sizeof path, "%s/format1.db", dir);
    sqlite3 *db;
    CHECK_EQ("format 1: made by hand", sqlite3_open(path, &db), SQLITE_OK);
    int rc =
        sql(db, "PRAGMA journal_mode=WAL;"
                "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);"
                "CREATE TABLE ledger_rows (person_id TEXT NOT NULL, ledger TEXT NOT NULL,"
                " key INTEGER NOT NULL, vals TEXT NOT NULL, updated_at TEXT NOT NULL,"
                " PRIMARY KEY (person_id, ledger, key)) WITHOUT ROWID;"
                "CREATE TABLE settled_claims (claim_id TEXT PRIMARY KEY, person_id TEXT NOT NULL,"
                " policy_sha256 TEXT NOT NULL, fields TEXT NOT NULL, outputs TEXT NOT NULL,"
                " keys TEXT NOT NULL, ledger_before TEXT NOT NULL, ledger_after TEXT NOT NULL,"
                " settled_at TEXT NOT NULL) WITHOUT ROWID;"
                "INSERT INTO meta VALUES ('format', '1'), ('created_at', '2026-01-01');"
                /* claim A of test_hand_computed, as format 1 wrote it */
                "INSERT INTO settled_claims VALUES ('A', 'P1', 'abc',"
                " 'level=1,discharged=19792,total=1200000,noncompliant=100000,emergency=0,"
                "referral=19783', 'basic=802500,own=297500,backstop=0', 'year=2024',"
                " 'year.own_paid=0,year.claims=0', 'year.own_paid=297500,year.claims=1',"
                " '2026-01-01');"
                "INSERT INTO ledger_rows VALUES ('P1', 'year', 2024,"
                " 'own_paid=297500,claims=1', '2026-01-01');");
    sqlite3_close(db);
    CHECK_EQ("format 1: written", rc, SQLITE_OK);

    PolSession *s = polrt_session_new(e, path, err, sizeof err);
    CHECK("format 1: opened", s != NULL);
    if (!s) {
        printf("  %s\n", err);
        return;
    }
    PolResult r;
    int64_t c[FAKE_NCLAIM];
    add_persons(s);
    claim(c, FAKE_COUNTY, day(2024, 3, 10), YUAN(12000, 0), YUAN(1000, 0), 0, day(2024, 3, 1));
    CHECK_EQ("format 1: A again", polrt_session_claim(s, "A", "P1", c, &r), 0);
    CHECK_EQ("format 1: A already settled", r.status, 1);
    check_out("format 1: A's stored outputs", &r, YUAN(8025, 0), YUAN(2975, 0), 0);
    CHECK_EQ("format 1: A's stored ledger after", r.ledger_after[FAKE_L_CLAIMS], 1);
    c[FAKE_C_TOTAL] += 1;
    CHECK_EQ("format 1: A with other fields", polrt_session_claim(s, "A", "P1", c, &r), -1);
    CHECK_EQ("format 1: ... a conflict", rt_session_conflict(s), 1);
    claim(c, FAKE_CITY, day(2024, 6, 1), YUAN(5000, 0), 0, 1, POLRT_NONE);
    CHECK_EQ("format 1: B settles", polrt_session_claim(s, "B", "P1", c, &r), 0);
    CHECK_EQ("format 1: B on the text row", r.ledger_before[FAKE_L_OWN_PAID], YUAN(2975, 0));
    check_out("format 1: B", &r, YUAN(3375, 0), YUAN(25, 0), YUAN(1600, 0));
    polrt_session_free(s);

    /* upgraded: format 2, B stored as a blob with the policy's hash, and read back */
    char *v = NULL;
    sqlite3_open(path, &db);
    sqlite3_stmt *q;
    int64_t n = -1;
    if (sqlite3_prepare_v2(db,
                           "SELECT (SELECT value FROM meta WHERE name = 'format'),"
                           " (SELECT typeof(fields) || ' ' || policy_sha256 FROM settled_claims"
                           " WHERE claim_id = 'B'), (SELECT count(*) FROM ledger_rows)",
                           -1, &q, NULL) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW) {
        v = sqlite3_mprintf("%s %s", sqlite3_column_text(q, 0), sqlite3_column_text(q, 1));
        n = sqlite3_column_int64(q, 2);
    }
    sqlite3_finalize(q);
    sqlite3_close(db);
    CHECK_STR("format 1: upgraded, B a blob with the hash", v,
              "2 blob 04798bb486152150cc09eb25bfe3a916e2ec89c5b8be7002709b4c8aede44bef");
    CHECK_EQ("format 1: the row rewritten in place", n, 1);
    sqlite3_free(v);
    s = polrt_session_new(e, path, err, sizeof err);
    add_persons(s);
    CHECK_EQ("format 2: B again", polrt_session_claim(s, "B", "P1", c, &r), 0);
    CHECK_EQ("format 2: B already settled", r.status, 1);
    check_out("format 2: B's stored outputs", &r, YUAN(3375, 0), YUAN(25, 0), YUAN(1600, 0));
    claim(c, FAKE_TOWNSHIP, day(2024, 9, 1), YUAN(1000, 2), 0, 0, POLRT_NONE);
    polrt_session_claim(s, "C", "P1", c, &r);
    CHECK_EQ("format 2: C on B's row", r.ledger_before[FAKE_L_CLAIMS], 2);
    polrt_session_free(s);

    /* a format this runtime does not know is refused, naming it */
    sqlite3_open(path, &db);
    sql(db, "UPDATE meta SET value = '3' WHERE name = 'format'");
    sqlite3_close(db);
    CHECK("format 3: refused", polrt_session_new(e, path, err, sizeof err) == NULL);
    CHECK("format 3: the message names it", strstr(err, "ledger format '3' (this runtime reads "
                                                        "formats 1 and 2") != NULL);
}

/* Values an earlier version of the policy stored (meta layout:N: other fields, another
 * order) are read by name: absent fields are 0, fields this version lacks are dropped (a
 * newer version's are refused: tests/serve/layout.sh). Layouts are numbered as the ledger
 * meets them: this version's is moved after the older one's (9 > 7). */
static void test_other_layout(PolEngine *e)
{
    char path[sizeof dir + 16];
    snprintf(path, sizeof path, "%s/layout.db", dir);
    PolSession *s = polrt_session_new(e, path, err, sizeof err); /* makes the tables */
    polrt_session_free(s);
    sqlite3 *db;
    sqlite3_open(path, &db);
    sql(db, "UPDATE meta SET name = 'layout:9' WHERE name = 'layout:1'");
    sql(db, "INSERT INTO meta VALUES ('layout:7', 'policy=older\n"
            "fields=total,level,discharged,noncompliant,emergency,referral\n"
            "outputs=own,basic,gone\nkeys=year\nledger=year.claims,year.gone,year.own_paid\n')");
    unsigned char b[5][128];
    size_t n[5];
    /* P1's 2024 row: 2 claims, own_paid 1,000.00 (and a field this version lacks) */
    int64_t row[3] = {2, 7, YUAN(1000, 0)};
    n[0] = varints(b[0], row, 3);
    sqlite3_stmt *q;
    sqlite3_prepare_v2(db,
                       "INSERT INTO ledger_rows (person_id, ledger, key, vals, updated_at, layout)"
                       " VALUES ('P1', 'year', 2024, ?1, 'x', 7)",
                       -1, &q, NULL);
    sqlite3_bind_blob(q, 1, b[0], (int)n[0], SQLITE_STATIC);
    CHECK_EQ("other layout: row written", sqlite3_step(q), SQLITE_DONE);
    sqlite3_finalize(q);
    /* claim Z settled by it: fields in its order, outputs own, basic, gone */
    int64_t f[6] = {YUAN(500, 0), FAKE_CITY, day(2024, 1, 5), 0, 1, POLRT_NONE};
    int64_t o[3] = {YUAN(100, 0), YUAN(300, 0), 5}, k[1] = {2024}, l0[3] = {1, 0, 0},
            l1[3] = {2, 0, YUAN(1000, 0)};
    n[0] = varints(b[0], f, 6);
    n[1] = varints(b[1], o, 3);
    n[2] = varints(b[2], k, 1);
    n[3] = varints(b[3], l0, 3);
    n[4] = varints(b[4], l1, 3);
    sqlite3_prepare_v2(db,
                       "INSERT INTO settled_claims (claim_id, person_id, fields, outputs, keys,"
                       " ledger_before, ledger_after, settled_at, layout)"
                       " VALUES ('Z', 'P1', ?1, ?2, ?3, ?4, ?5, 'x', 7)",
                       -1, &q, NULL);
    for (int i = 0; i < 5; i++)
        sqlite3_bind_blob(q, i + 1, b[i], (int)n[i], SQLITE_STATIC);
    CHECK_EQ("other layout: claim written", sqlite3_step(q), SQLITE_DONE);
    sqlite3_finalize(q);
    sqlite3_close(db);

    s = polrt_session_new(e, path, err, sizeof err);
    PolResult r;
    int64_t c[FAKE_NCLAIM];
    add_persons(s);
    claim(c, FAKE_CITY, day(2024, 1, 5), YUAN(500, 0), 0, 1, POLRT_NONE);
    CHECK_EQ("other layout: Z again", polrt_session_claim(s, "Z", "P1", c, &r), 0);
    CHECK_EQ("other layout: Z already settled", r.status, 1);
    /* backstop: an output the older version did not have, absent */
    check_out("other layout: Z's outputs by name", &r, YUAN(300, 0), YUAN(100, 0), POLRT_NONE);
    CHECK_EQ("other layout: Z's ledger after by name", r.ledger_after[FAKE_L_OWN_PAID],
             YUAN(1000, 0));
    CHECK_EQ("other layout: Z's ledger after, claims", r.ledger_after[FAKE_L_CLAIMS], 2);
    claim(c, FAKE_TOWNSHIP, day(2024, 9, 1), YUAN(1000, 0), 0, 0, POLRT_NONE);
    CHECK_EQ("other layout: Y settles", polrt_session_claim(s, "Y", "P1", c, &r), 0);
    CHECK_EQ("other layout: Y on its row, by name", r.ledger_before[FAKE_L_OWN_PAID],
             YUAN(1000, 0));
    CHECK_EQ("other layout: Y on its row, claims", r.ledger_before[FAKE_L_CLAIMS], 2);
    polrt_session_free(s);
}

/* A late claim with rt_session_late on (polc serve's settle path, spec/DATA.md "Late
 * claims"): B (2024-06-01) settles first, alone: basic 3,375, remainder 1,625 all own
 * (cap 3,000, none used). A (2024-03-10) arrives late: B is undone, A settles on the empty
 * row as in date order (own 2,975), B settles again: own 25 (the cap's rest), backstop
 * 1,600; the audit trail has B's two adjustments. Off (the default), A would settle on B's
 * row. */
static void test_late(PolEngine *e)
{
    char path[sizeof dir + 16];
    snprintf(path, sizeof path, "%s/late.db", dir);
    PolResult r;
    int64_t c[FAKE_NCLAIM], f[FAKE_NCLAIM];
    char person[16];
    PolSession *s = polrt_session_new(e, path, err, sizeof err);
    CHECK("late: session", s != NULL);
    if (!s)
        return;
    rt_session_late(s, 1);
    add_persons(s);
    claim(c, FAKE_CITY, day(2024, 6, 1), YUAN(5000, 0), 0, 1, POLRT_NONE);
    CHECK_EQ("late: B settles", polrt_session_claim(s, "B", "P1", c, &r), 0);
    check_out("late: B alone", &r, YUAN(3375, 0), YUAN(1625, 0), 0);
    claim(c, FAKE_COUNTY, day(2024, 3, 10), YUAN(12000, 0), YUAN(1000, 0), 0, day(2024, 3, 1));
    CHECK_EQ("late: A settles", polrt_session_claim(s, "A", "P1", c, &r), 0);
    CHECK_EQ("late: A settled now", r.status, 0);
    check_out("late: A as in date order", &r, YUAN(8025, 0), YUAN(2975, 0), 0);
    CHECK_EQ("late: A found the row empty", r.ledger_before[FAKE_L_CLAIMS], 0);
    CHECK_EQ("late: B stored", rt_session_get(s, "B", f, person, sizeof person, NULL, 0, &r), 1);
    check_out("late: B settled again", &r, YUAN(3375, 0), YUAN(25, 0), YUAN(1600, 0));
    CHECK_EQ("late: B after A", r.ledger_before[FAKE_L_CLAIMS], 1);
    CHECK_EQ("late: the year's row", r.ledger_after[FAKE_L_OWN_PAID], YUAN(3000, 0));
    /* A again: already settled, nothing re-settled */
    CHECK_EQ("late: A again", polrt_session_claim(s, "A", "P1", c, &r), 0);
    CHECK_EQ("late: A already settled", r.status, 1);
    polrt_session_free(s);
    sqlite3 *db;
    sqlite3_open(path, &db);
    sqlite3_stmt *q;
    sqlite3_prepare_v2(db,
                       "SELECT group_concat(claim_id || ' ' || output || ' ' || old_value || ' ' "
                       "|| new_value || ' ' || delta || ' ' || detail, '; ') FROM ledger_audit "
                       "WHERE event = 'adjust'",
                       -1, &q, NULL);
    const char *adj =
        sqlite3_step(q) == SQLITE_ROW ? (const char *)sqlite3_column_text(q, 0) : NULL;
    CHECK_STR("late: the adjustments in the audit trail", adj ? adj : "(none)",
              "B own 162500 2500 -160000 late claim A; B backstop 0 160000 160000 late claim A");
    sqlite3_finalize(q);
    sqlite3_close(db);
}

/* One time per transaction (spec/DATA.md): claims, the rows they changed, the audit trail
 * of a late claim and of a reversal, and the reversed record all carry the time the
 * transaction began, however long it runs. A reading of the clock mid-transaction (the
 * audit's) used to move the time of the rows written at commit, so one commit showed two. */
static void test_tx_time(PolEngine *e)
{
    char path[sizeof dir + 16];
    snprintf(path, sizeof path, "%s/txtime.db", dir);
    PolResult r;
    int64_t c[FAKE_NCLAIM];
    PolSession *s = polrt_session_new(e, path, err, sizeof err);
    CHECK("tx time: session", s != NULL);
    if (!s)
        return;
    rt_session_late(s, 1);
    add_persons(s);
    const struct timespec pause = {0, 5 * 1000 * 1000}; /* 5 ms: the times have ms */
    CHECK_EQ("tx time: begin", rt_session_begin(s, err, sizeof err), 0);
    claim(c, FAKE_CITY, day(2024, 6, 1), YUAN(5000, 0), 0, 1, POLRT_NONE);
    CHECK_EQ("tx time: B settles", polrt_session_claim(s, "B", "P1", c, &r), 0);
    nanosleep(&pause, NULL);
    claim(c, FAKE_COUNTY, day(2024, 3, 10), YUAN(12000, 0), YUAN(1000, 0), 0, day(2024, 3, 1));
    CHECK_EQ("tx time: A settles late", polrt_session_claim(s, "A", "P1", c, &r), 0);
    nanosleep(&pause, NULL);
    CHECK_EQ("tx time: B reversed", rt_session_reverse(s, "B", "P1"), 0);
    nanosleep(&pause, NULL);
    CHECK_EQ("tx time: commit", rt_session_commit(s, err, sizeof err), 0);
    polrt_session_free(s);
    sqlite3 *db;
    sqlite3_open(path, &db);
    sqlite3_stmt *q;
    /* A settled; the year's row; B's adjustments when A came (own, backstop), its
     * reversal's (basic, own and backstop to 0) and the reversal; B reversed: 1 + 1 + 6 + 1 */
    sqlite3_prepare_v2(db,
                       "SELECT count(*), count(DISTINCT t) FROM (SELECT settled_at t FROM "
                       "settled_claims UNION ALL SELECT updated_at FROM ledger_rows UNION ALL "
                       "SELECT at FROM ledger_audit UNION ALL SELECT reversed_at FROM "
                       "reversed_claims)",
                       -1, &q, NULL);
    int ok = sqlite3_step(q) == SQLITE_ROW;
    CHECK_EQ("tx time: rows written", ok ? sqlite3_column_int(q, 0) : -1, 9);
    CHECK_EQ("tx time: one time for them all", ok ? sqlite3_column_int(q, 1) : -1, 1);
    sqlite3_finalize(q);
    sqlite3_close(db);
}

/* Two processes (here two stores) on one file, taking turns: each sees what the other
 * committed, its cached rows notwithstanding, and a claim settled on rows the other changed
 * meanwhile is settled again. */
static void test_two_writers(PolEngine *e)
{
    char path[sizeof dir + 16];
    snprintf(path, sizeof path, "%s/two.db", dir);
    PolSession *a = polrt_session_new(e, path, err, sizeof err);
    PolSession *b = polrt_session_new(e, path, err, sizeof err);
    CHECK("two writers: both open", a && b);
    if (!a || !b)
        return;
    add_persons(a);
    add_persons(b);
    PolResult r;
    int64_t c[FAKE_NCLAIM];
    claim(c, FAKE_TOWNSHIP, day(2024, 2, 1), YUAN(200, 0), 0, 0, POLRT_NONE);
    rt_session_begin(a, err, sizeof err);
    polrt_session_claim(a, "W1", "P1", c, &r);
    CHECK_EQ("two writers: a's batch", rt_session_commit(a, err, sizeof err), 0);
    rt_session_begin(b, err, sizeof err);
    polrt_session_claim(b, "W2", "P1", c, &r);
    CHECK_EQ("two writers: b sees a's claim", r.ledger_before[FAKE_L_CLAIMS], 1);
    polrt_session_claim(b, "W1", "P1", c, &r);
    CHECK_EQ("two writers: ... and a's claim settled", r.status, 1);
    CHECK_EQ("two writers: b's batch", rt_session_commit(b, err, sizeof err), 0);
    rt_session_begin(a, err, sizeof err);
    polrt_session_claim(a, "W3", "P1", c, &r);
    CHECK_EQ("two writers: a sees b's claim (its cache read again)", r.ledger_before[FAKE_L_CLAIMS],
             2);
    CHECK_EQ("two writers: a's second batch", rt_session_commit(a, err, sizeof err), 0);
    /* without batches each claim is its own transaction: a reads P1's rows (cached), b
     * writes, a's next claim settles on the cached rows, finds them stale when saving and
     * settles again on b's */
    polrt_session_claim(b, "W4", "P1", c, &r);
    CHECK_EQ("two writers: b, no batch", r.ledger_before[FAKE_L_CLAIMS], 3);
    polrt_session_claim(a, "W5", "P1", c, &r);
    CHECK_EQ("two writers: a settled again on b's rows", r.ledger_before[FAKE_L_CLAIMS], 4);
    CHECK_EQ("two writers: ... and saved", r.status, 0);
    polrt_session_claim(b, "W5", "P1", c, &r);
    CHECK_EQ("two writers: b sees W5 settled", r.status, 1);
    CHECK_EQ("two writers: ... with a's ledger", r.ledger_after[FAKE_L_CLAIMS], 5);
    polrt_session_free(a);
    polrt_session_free(b);
}

/* rt_hash_id: every id of a million-claim file's shapes (and of other lengths) gets its own
 * hash, equal bytes the same hash, and the persons split evenly over 2, 3 and 8 workers */
static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static void test_hash_id(void)
{
    enum { N = 1000000 };
    uint64_t *h = malloc(3 * (size_t)N * sizeof *h);
    char id[64];
    size_t n = 0;
    long per[3][8] = {{0}};
    for (int i = 0; i < N; i++) {
        /* polc gen's shapes: P0000001 (8 bytes: one word) and C0000001-1 (10: a word and
         * the overlapping tail) */
        int len = snprintf(id, sizeof id, "P%07d", i);
        h[n++] = rt_hash_id(id, (size_t)len);
        per[0][h[n - 1] % 2]++;
        per[1][h[n - 1] % 3]++;
        per[2][h[n - 1] % 8]++;
        len = snprintf(id, sizeof id, "C%07d-%d", i / 4, i % 4 + 1);
        h[n++] = rt_hash_id(id, (size_t)len);
        /* lengths 1 to 40 */
        len = snprintf(id, sizeof id, "%d%.*s", i, i % 33, "abcdefghijklmnopqrstuvwxyz0123456");
        h[n++] = rt_hash_id(id, (size_t)len);
    }
    qsort(h, n, sizeof *h, cmp_u64);
    size_t same = 0;
    for (size_t i = 1; i < n; i++)
        same += h[i] == h[i - 1];
    CHECK_EQ("rt_hash_id: 3 M different ids, 3 M different hashes", (long long)same, 0);
    /* each worker within 1% of its share (binomial spread: ~0.1% at these counts) */
    int even = 1;
    for (int w = 0; w < 8; w++) {
        even &= w >= 2 || labs(per[0][w] - N / 2) < N / 200;
        even &= w >= 3 || labs(per[1][w] - N / 3) < N / 300;
        even &= labs(per[2][w] - N / 8) < N / 800;
    }
    CHECK("rt_hash_id: persons even over 2, 3 and 8 workers", even);
    char a[] = "C0000001-1", b[] = "xC0000001-1";
    CHECK("rt_hash_id: the bytes decide, not where they are",
          rt_hash_id(a, 10) == rt_hash_id(b + 1, 10));
    CHECK("rt_hash_id: the length counts", rt_hash_id(a, 9) != rt_hash_id(a, 10));
    /* the values themselves: a person's rank across N ranks is (h >> 32) mod N, and a SQLite
     * ledger kept by N ranks holds each person in that rank's file (spec/SCALE.md), so a
     * changed hash would settle the claims of ledgers written before again. FNV-1a 64 then
     * splitmix64's finaliser, computed apart (Python) for these ids: */
    CHECK("rt_hash_id(\"P0000001\") = 0x91c1ac72c777d418: rank 0 of 3",
          rt_hash_id("P0000001", 8) == UINT64_C(0x91c1ac72c777d418));
    CHECK("rt_hash_id(\"C0000001-1\") = 0x6e426005eb941464",
          rt_hash_id("C0000001-1", 10) == UINT64_C(0x6e426005eb941464));
    CHECK("rt_hash_id(\"\") = 0xf52a15e9a9b5e89b",
          rt_hash_id("", 0) == UINT64_C(0xf52a15e9a9b5e89b));
    CHECK("rt_hash_id of a UTF-8 id (12 bytes) = 0xc2dbfdb1a6bde165",
          rt_hash_id("\xe5\xbb\xba\xe6\xa1\xa3\xe7\xab\x8b\xe5\x8d\xa1", 12) ==
              UINT64_C(0xc2dbfdb1a6bde165));
    /* 17 bytes: two of rt_hash_bytes's eight-byte steps and a byte after them */
    CHECK("rt_hash_id(\"abcdefghijklmnopq\") = 0x33e8098b464b35e4",
          rt_hash_id("abcdefghijklmnopq", 17) == UINT64_C(0x33e8098b464b35e4));
    free(h);
}

/* the hash map's removal over many entries: every one left is still found */
static int map_eq(const void *entry, const void *key)
{
    return entry == key;
}

static void test_map_remove(void)
{
    enum { N = 5000 };
    static int64_t v[N];
    RtMap m = {0};
    int ok = 1;
    for (int i = 0; i < N; i++)
        ok &= rt_map_put(&m, rt_hash_i64(RT_HASH_SEED, i % 97), &v[i]) == 0; /* many collide */
    for (int i = 0; i < N; i += 3)
        ok &= rt_map_remove(&m, rt_hash_i64(RT_HASH_SEED, i % 97), map_eq, &v[i]) == &v[i];
    for (int i = 0; i < N; i++) {
        void *f = rt_map_find(&m, rt_hash_i64(RT_HASH_SEED, i % 97), map_eq, &v[i]);
        ok &= i % 3 == 0 ? f == NULL : f == &v[i];
    }
    CHECK("map: removal keeps the rest findable", ok);
    CHECK_EQ("map: count", m.n, N - (N + 2) / 3);
    CHECK("map: removing a missing entry", rt_map_remove(&m, 1, map_eq, &v[0]) == NULL);
    rt_map_free(&m);
}

/* A map with tag_in (the persons table's): entries whose tags agree, whose hashes agree, or
 * whose tags agree in the 16 bits a slot keeps, are told apart by the caller's comparison, and
 * none is lost through growth and removal */
typedef struct TagEntry {
    uint32_t tag;
    int i;
} TagEntry;

static uint64_t tag_hash(int i)
{
    uint64_t hi = (uint64_t)(i + 1) * UINT64_C(0x9E3779B9) & 0xffffffff;
    /* every tag 0xabcd1234, each hash its own (lo ^ hi is the tag) */
    if (i % 3 == 0)
        return hi << 32 | (hi ^ 0xabcd1234);
    /* one hash for all */
    if (i % 3 == 1)
        return UINT64_C(0x0123456789abcdef);
    /* tags 0xabcdNNNN: the slot's 16 bits agree, the tags do not */
    return hi << 32 | (hi ^ (0xabcd0000 | (uint32_t)(i & 0xffff)));
}

static void test_map_tags(void)
{
    enum { N = 3000 };
    static TagEntry v[N];
    RtMap m = {.tag_in = RT_MAP_TAG_IN(TagEntry, tag)};
    int ok = 1;
    for (int i = 0; i < N; i++) {
        v[i] = (TagEntry){.tag = rt_map_tag(tag_hash(i)), .i = i};
        ok &= rt_map_put(&m, tag_hash(i), &v[i]) == 0;
    }
    CHECK("map with tags: the crafted tags agree",
          rt_map_tag(tag_hash(0)) == rt_map_tag(tag_hash(3)) &&
              rt_map_tag(tag_hash(2)) >> 16 == rt_map_tag(tag_hash(5)) >> 16 &&
              rt_map_tag(tag_hash(2)) != rt_map_tag(tag_hash(5)));
    for (int i = 0; i < N; i++)
        ok &= rt_map_find(&m, tag_hash(i), map_eq, &v[i]) == &v[i];
    CHECK("map with tags: equal tags, hashes or slot bits, each entry found as itself", ok);
    for (int i = 0; i < N; i += 4)
        ok &= rt_map_remove(&m, tag_hash(i), map_eq, &v[i]) == &v[i];
    for (int i = 0; i < N; i++) {
        void *f = rt_map_find(&m, tag_hash(i), map_eq, &v[i]);
        ok &= i % 4 == 0 ? f == NULL : f == &v[i];
    }
    CHECK("map with tags: removal keeps the rest findable", ok);
    CHECK_EQ("map with tags: count", m.n, N - N / 4);
    CHECK("map with tags: no hashes kept", m.hashes == NULL && m.tags != NULL);
    /* the persons table's own hash: tests/runtime/person_tags.sh's ids share a tag */
    CHECK("rt_hash_id: Q0071811 and Q0102802 share a tag, not a hash",
          rt_map_tag(rt_hash_id("Q0071811", 8)) == rt_map_tag(rt_hash_id("Q0102802", 8)) &&
              rt_hash_id("Q0071811", 8) != rt_hash_id("Q0102802", 8));
    rt_map_free(&m);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    PolEngine *e = fake_policy_engine(err, sizeof err);
    CHECK("fake engine", e != NULL);
    if (!e) {
        printf("  %s\n", err);
        return 1;
    }
    test_hand_computed(e);
    test_failures(e);
    test_duplicates_in_memory(e);
    test_sqlite(e);
    test_threads(e, 1);
    test_threads(e, 0);
    test_checks(e);
    test_forget(e);
    test_map_remove();
    test_map_tags();
    test_hash_id();
    test_handles(e);
    test_format1(e);
    test_other_layout(e);
    test_two_writers(e);
    test_late(e);
    test_tx_time(e);
    test_reform();
    test_alloc_failures();
    test_engine_open();
    test_fast_entry();
    test_fast_memo();
    polrt_engine_free(e);
    char cmd[sizeof dir + 16];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        printf("note: could not remove %s\n", dir);
    UNIT_END();
}
