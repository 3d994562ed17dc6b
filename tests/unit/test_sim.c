/* test_sim.c — the exact percentiles' sort (rt_sim_sort_vw, a radix sort on the values):
 * every (value, weight) pair kept whole, the values in qsort's order, on edge values (the
 * extremes of int64, negatives, values differing only in one byte) and seeded random ones. */
#include "sim_int.h"
#include "unit.h"

#include <stdlib.h>

static int by_value(const void *a, const void *b)
{
    const int64_t *x = a, *y = b;
    if (x[0] != y[0])
        return x[0] < y[0] ? -1 : 1;
    return (x[1] > y[1]) - (x[1] < y[1]);
}

/* sorted by rt_sim_sort_vw, then each run of equal values ordered by weight: equal to the
 * pairs sorted by qsort (value, then weight), i.e. the same pairs in value order */
static int same_as_qsort(const int64_t *in, size_t n)
{
    int64_t *a = malloc(2 * n * sizeof *a + 16), *b = malloc(2 * n * sizeof *b + 16);
    memcpy(a, in, 2 * n * sizeof *a);
    memcpy(b, in, 2 * n * sizeof *b);
    int ok = rt_sim_sort_vw(a, n) == 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && a[2 * j] == a[2 * i])
            j++;
        qsort(a + 2 * i, j - i, 2 * sizeof *a, by_value);
        i = j;
    }
    qsort(b, n, 2 * sizeof *b, by_value);
    ok = ok && memcmp(a, b, 2 * n * sizeof *a) == 0;
    free(a);
    free(b);
    return ok;
}

static uint64_t rng = 88172645463325252u;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

int main(void)
{
    int64_t edge[] = {0,
                      1,
                      -1,
                      2,
                      INT64_MAX,
                      3,
                      INT64_MIN,
                      4,
                      256,
                      5,
                      255,
                      6,
                      -256,
                      7,
                      (int64_t)1 << 40,
                      8,
                      ((int64_t)1 << 40) - 1,
                      9,
                      -((int64_t)1 << 40),
                      10,
                      300000,
                      11,
                      300000,
                      1,
                      299999,
                      12,
                      -300000,
                      13};
    size_t ne = sizeof edge / sizeof *edge / 2;
    CHECK("edge values: negatives first, int64's extremes, one-byte differences",
          same_as_qsort(edge, ne));
    int64_t one[] = {42, 7};
    CHECK("a single pair stays", rt_sim_sort_vw(one, 1) == 0 && one[0] == 42 && one[1] == 7);
    CHECK("no pairs", rt_sim_sort_vw(NULL, 0) == 0);
    /* money-like values (a few bytes vary) and full-range ones, with weights that tell the
     * pairs apart */
    size_t n = 70000;
    int64_t *v = malloc(2 * n * sizeof *v);
    for (size_t i = 0; i < n; i++) {
        v[2 * i] = (int64_t)(next() % 5000000) - 100000;
        v[2 * i + 1] = (int64_t)(next() % 1000000);
    }
    CHECK("70,000 money-like values", same_as_qsort(v, n));
    for (size_t i = 0; i < n; i++)
        v[2 * i] = (int64_t)next();
    CHECK("70,000 values over the whole range", same_as_qsort(v, n));
    for (size_t i = 0; i < n; i++)
        v[2 * i] = (int64_t)(next() % 3);
    CHECK("70,000 values of three kinds (long runs of equal values)", same_as_qsort(v, n));
    free(v);
    UNIT_END();
}
