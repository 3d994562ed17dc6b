/* testcase.h — polc test: run a policy's own test cases with the interpreter and the JIT. */
#ifndef POLC_TESTCASE_H
#define POLC_TESTCASE_H

typedef struct TestTotals {
    int passed, failed;
} TestTotals;

/* prints [PASS]/[FAIL] per case; -1 when the policy itself does not compile */
int testcase_run_file(const char *path, int interp_only, TestTotals *tot);

#endif
