/* unit.h — the minimal C test harness of tests/unit (in the manner of minunit): each CHECK
 * prints [PASS] or [FAIL] with its expression; tests/run counts the lines. */
#ifndef POLC_UNIT_H
#define POLC_UNIT_H

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static int unit_failed;

#define CHECK(name, cond)                                                                 \
    do {                                                                                  \
        if (cond) {                                                                       \
            printf("[PASS] %s: %s\n", __FILE__, name);                                    \
        } else {                                                                          \
            printf("[FAIL] %s:%d: %s: %s\n", __FILE__, __LINE__, name, #cond);            \
            unit_failed++;                                                                \
        }                                                                                 \
    } while (0)

/* exact integer equality, printing both sides on failure */
#define CHECK_EQ(name, got, want)                                                         \
    do {                                                                                  \
        int64_t g_ = (int64_t)(got), w_ = (int64_t)(want);                                \
        if (g_ == w_) {                                                                   \
            printf("[PASS] %s: %s\n", __FILE__, name);                                    \
        } else {                                                                          \
            printf("[FAIL] %s:%d: %s: got %" PRId64 ", want %" PRId64 "\n", __FILE__,     \
                   __LINE__, name, g_, w_);                                               \
            unit_failed++;                                                                \
        }                                                                                 \
    } while (0)

#define CHECK_STR(name, got, want)                                                        \
    do {                                                                                  \
        const char *g_ = (got), *w_ = (want);                                             \
        if (g_ && strcmp(g_, w_) == 0) {                                                  \
            printf("[PASS] %s: %s\n", __FILE__, name);                                    \
        } else {                                                                          \
            printf("[FAIL] %s:%d: %s: got \"%s\", want \"%s\"\n", __FILE__, __LINE__,     \
                   name, g_ ? g_ : "(null)", w_);                                         \
            unit_failed++;                                                                \
        }                                                                                 \
    } while (0)

#define UNIT_END() return unit_failed ? 1 : 0

#endif
