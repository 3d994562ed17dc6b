/* test_money.c — runtime/money.c: the one rounding rule (half away from zero, DOMAIN.md
 * "Rounding") in every helper, overflow and division by zero raised through polrt_fail,
 * progressive brackets rounded once, money and rate text both ways, the allocation hook.
 * Every expected value is worked by hand; money is in fen, rates in millionths. The 64-bit
 * paths (money.c's, and the money × rate that compiled code does inline, mirrored in C) are
 * checked against the 128-bit rule on edge and seeded random values. */
#include "rt_int.h"
#include "unit.h"

#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define YUAN(y) ((int64_t)(y)*100)
#define PCT(p)  ((int64_t)(p)*10000)
/* the source location every failing call below passes, to see it recorded */
#define LOC 42

typedef int64_t (*Op)(PolCtx *, int64_t, int64_t, int64_t);

/* static, not automatic: it is written between setjmp and longjmp */
static PolCtx fctx;

/* op(a, b) under a handler: the POLRT_E_* code it failed with (and its location checked),
 * or POLRT_OK with the result in *out */
static int64_t run_op(Op op, int64_t a, int64_t b, int64_t *out)
{
    jmp_buf jb;
    memset(&fctx, 0, sizeof fctx);
    fctx.jmp = &jb;
    if (setjmp(jb) != 0)
        return fctx.err_loc == LOC ? fctx.err_code : -1;
    *out = op(&fctx, a, b, LOC);
    return POLRT_OK;
}

static int64_t op_ok(Op op, int64_t a, int64_t b)
{
    int64_t r = 0;
    return run_op(op, a, b, &r) == POLRT_OK ? r : INT64_MIN;
}

static int64_t op_err(Op op, int64_t a, int64_t b)
{
    int64_t r = 0;
    return run_op(op, a, b, &r);
}

/* progressive under a handler: result, or the failure code through *code */
static int64_t prog(const int64_t *seg, int64_t x, int64_t *code)
{
    jmp_buf jb;
    memset(&fctx, 0, sizeof fctx);
    fctx.jmp = &jb;
    *code = POLRT_OK;
    if (setjmp(jb) != 0) {
        *code = fctx.err_code;
        return 0;
    }
    return polrt_progressive(&fctx, seg, x, LOC);
}

static void test_mul_rate(void)
{
    /* 1005 fen × 50% = 502.5 fen: the half goes away from zero, both signs */
    CHECK_EQ("1005 x 50% = 503", op_ok(polrt_mul_rate, 1005, PCT(50)), 503);
    CHECK_EQ("-1005 x 50% = -503", op_ok(polrt_mul_rate, -1005, PCT(50)), -503);
    CHECK_EQ("1005 x -50% = -503", op_ok(polrt_mul_rate, 1005, -PCT(50)), -503);
    CHECK_EQ("-1005 x -50% = 503", op_ok(polrt_mul_rate, -1005, -PCT(50)), 503);
    CHECK_EQ("1004 x 50% = 502", op_ok(polrt_mul_rate, 1004, PCT(50)), 502);
    CHECK_EQ("1 x 50% = 0.5 -> 1", op_ok(polrt_mul_rate, 1, PCT(50)), 1);
    /* 1 × 0.499999 = 0.499999 fen, just below the half */
    CHECK_EQ("1 x 49.9999% = 0", op_ok(polrt_mul_rate, 1, 499999), 0);
    CHECK_EQ("-1 x 49.9999% = 0", op_ok(polrt_mul_rate, -1, 499999), 0);
    /* 123.45 yuan × 12.5% = 1543.125 fen → 1543; 123.48 × 12.5% = 1543.5 → 1544 */
    CHECK_EQ("12345 x 12.5% = 1543", op_ok(polrt_mul_rate, 12345, 125000), 1543);
    CHECK_EQ("12348 x 12.5% = 1544", op_ok(polrt_mul_rate, 12348, 125000), 1544);
    CHECK_EQ("3000 yuan x 80% = 2400 yuan", op_ok(polrt_mul_rate, YUAN(3000), PCT(80)), YUAN(2400));
    /* the largest amount survives × 100%; one millionth more is 9.2e12 fen too many */
    CHECK_EQ("INT64_MAX x 100%", op_ok(polrt_mul_rate, INT64_MAX, POLRT_RATE_ONE), INT64_MAX);
    CHECK_EQ("-INT64_MAX x 100%", op_ok(polrt_mul_rate, -INT64_MAX, POLRT_RATE_ONE), -INT64_MAX);
    CHECK_EQ("INT64_MAX x 100.0001% overflows",
             op_err(polrt_mul_rate, INT64_MAX, POLRT_RATE_ONE + 1), POLRT_E_OVERFLOW);
    CHECK_EQ("INT64_MAX x 200% overflows", op_err(polrt_mul_rate, INT64_MAX, 2 * POLRT_RATE_ONE),
             POLRT_E_OVERFLOW);
    CHECK_EQ("-INT64_MAX x 200% overflows", op_err(polrt_mul_rate, -INT64_MAX, 2 * POLRT_RATE_ONE),
             POLRT_E_OVERFLOW);
    /* INT64_MIN is POLRT_NONE, so a result of exactly INT64_MIN counts as overflow:
     * 2^62 fen × −200% = −2^63 */
    CHECK_EQ("2^62 x -200% = INT64_MIN is overflow",
             op_err(polrt_mul_rate, INT64_C(1) << 62, -2 * POLRT_RATE_ONE), POLRT_E_OVERFLOW);
    CHECK_EQ("failure location recorded", fctx.err_loc, LOC);
}

static void test_rate_ops(void)
{
    CHECK_EQ("80% x 50% = 40%", op_ok(polrt_rate_mul_rate, PCT(80), PCT(50)), PCT(40));
    /* 333333 × 333333 = 111,110,888,889 → / 10^6 = 111110.888889 → 111111 */
    CHECK_EQ("0.333333^2", op_ok(polrt_rate_mul_rate, 333333, 333333), 111111);
    /* 5% × 0.001% = 50000 × 10 / 10^6 = 0.5 millionth → 1, and −1 */
    CHECK_EQ("5% x 0.001% = 0.5 -> 1", op_ok(polrt_rate_mul_rate, PCT(5), 10), 1);
    CHECK_EQ("-5% x 0.001% = -0.5 -> -1", op_ok(polrt_rate_mul_rate, -PCT(5), 10), -1);
    CHECK_EQ("rate x rate overflow", op_err(polrt_rate_mul_rate, INT64_MAX, INT64_MAX),
             POLRT_E_OVERFLOW);

    CHECK_EQ("7 / 2 = 3.5 -> 4", op_ok(polrt_div_round, 7, 2), 4);
    CHECK_EQ("-7 / 2 -> -4", op_ok(polrt_div_round, -7, 2), -4);
    CHECK_EQ("7 / -2 -> -4", op_ok(polrt_div_round, 7, -2), -4);
    CHECK_EQ("-7 / -2 -> 4", op_ok(polrt_div_round, -7, -2), 4);
    CHECK_EQ("5 / 3 = 1.67 -> 2", op_ok(polrt_div_round, 5, 3), 2);
    CHECK_EQ("4 / 3 = 1.33 -> 1", op_ok(polrt_div_round, 4, 3), 1);
    CHECK_EQ("-4 / 3 -> -1", op_ok(polrt_div_round, -4, 3), -1);
    /* 10,000.01 yuan split in 12 monthly parts: 1000001 / 12 = 83333.416 → 83333 fen */
    CHECK_EQ("1000001 / 12", op_ok(polrt_div_round, 1000001, 12), 83333);
    CHECK_EQ("INT64_MAX / 1", op_ok(polrt_div_round, INT64_MAX, 1), INT64_MAX);
    CHECK_EQ("INT64_MAX / INT64_MAX", op_ok(polrt_div_round, INT64_MAX, INT64_MAX), 1);
    CHECK_EQ("INT64_MAX / 2 = ...3.5 -> up", op_ok(polrt_div_round, INT64_MAX, 2),
             INT64_C(4611686018427387904));
    CHECK_EQ("x / 0 fails", op_err(polrt_div_round, 5, 0), POLRT_E_DIVZERO);
    CHECK_EQ("INT64_MIN / -1 overflows", op_err(polrt_div_round, INT64_MIN, -1), POLRT_E_OVERFLOW);

    CHECK_EQ("1/3 = 0.333333", op_ok(polrt_ratio, 1, 3), 333333);
    /* 2/3 = 666666.67 millionths → 666667, and the negative one away from zero */
    CHECK_EQ("2/3 = 0.666667", op_ok(polrt_ratio, 2, 3), 666667);
    CHECK_EQ("-2/3 = -0.666667", op_ok(polrt_ratio, -2, 3), -666667);
    CHECK_EQ("1500 / 2000 yuan = 75%", op_ok(polrt_ratio, YUAN(1500), YUAN(2000)), PCT(75));
    /* 1 fen of 2,000,000 fen = 0.5 millionth → 1 */
    CHECK_EQ("1 / 2000000 = 0.5 -> 1", op_ok(polrt_ratio, 1, 2000000), 1);
    CHECK_EQ("ratio / 0 fails", op_err(polrt_ratio, 5, 0), POLRT_E_DIVZERO);
    CHECK_EQ("ratio overflow", op_err(polrt_ratio, INT64_MAX, 1), POLRT_E_OVERFLOW);
}

/* trunc() and floor(): toward zero, toward minus infinity; the same failures */
static void test_explicit_rounding(void)
{
    /* 1005 fen × 50% = 502.5: trunc 502, floor 502; −502.5: trunc −502, floor −503 */
    CHECK_EQ("trunc(1005 x 50%)", op_ok(polrt_mul_rate_trunc, 1005, PCT(50)), 502);
    CHECK_EQ("floor(1005 x 50%)", op_ok(polrt_mul_rate_floor, 1005, PCT(50)), 502);
    CHECK_EQ("trunc(-1005 x 50%)", op_ok(polrt_mul_rate_trunc, -1005, PCT(50)), -502);
    CHECK_EQ("floor(-1005 x 50%)", op_ok(polrt_mul_rate_floor, -1005, PCT(50)), -503);
    CHECK_EQ("floor(1005 x -50%)", op_ok(polrt_mul_rate_floor, 1005, -PCT(50)), -503);
    /* 1 fen × 99.9999% = 0.999999 fen: both drop it; exact products stay */
    CHECK_EQ("trunc(1 x 99.9999%)", op_ok(polrt_mul_rate_trunc, 1, 999999), 0);
    CHECK_EQ("floor(-1 x 99.9999%)", op_ok(polrt_mul_rate_floor, -1, 999999), -1);
    CHECK_EQ("floor(1004 x 50%)", op_ok(polrt_mul_rate_floor, 1004, PCT(50)), 502);
    CHECK_EQ("trunc(INT64_MAX x 100%)", op_ok(polrt_mul_rate_trunc, INT64_MAX, POLRT_RATE_ONE),
             INT64_MAX);
    CHECK_EQ("floor(INT64_MAX x 200%) overflows",
             op_err(polrt_mul_rate_floor, INT64_MAX, 2 * POLRT_RATE_ONE), POLRT_E_OVERFLOW);
    /* 7 / 2 = 3.5: trunc 3, floor 3; −7 / 2: trunc −3, floor −4; 7 / −2 floor −4 */
    CHECK_EQ("trunc(7 / 2)", op_ok(polrt_div_trunc, 7, 2), 3);
    CHECK_EQ("floor(7 / 2)", op_ok(polrt_div_floor, 7, 2), 3);
    CHECK_EQ("trunc(-7 / 2)", op_ok(polrt_div_trunc, -7, 2), -3);
    CHECK_EQ("floor(-7 / 2)", op_ok(polrt_div_floor, -7, 2), -4);
    CHECK_EQ("floor(7 / -2)", op_ok(polrt_div_floor, 7, -2), -4);
    CHECK_EQ("floor(-7 / -2)", op_ok(polrt_div_floor, -7, -2), 3);
    CHECK_EQ("floor(-6 / 2) exact", op_ok(polrt_div_floor, -6, 2), -3);
    CHECK_EQ("trunc(x / 0) fails", op_err(polrt_div_trunc, 5, 0), POLRT_E_DIVZERO);
    CHECK_EQ("floor(x / 0) fails", op_err(polrt_div_floor, 5, 0), POLRT_E_DIVZERO);
    CHECK_EQ("trunc(INT64_MIN / -1) overflows", op_err(polrt_div_trunc, INT64_MIN, -1),
             POLRT_E_OVERFLOW);
    CHECK_EQ("floor(INT64_MIN / -1) overflows", op_err(polrt_div_floor, INT64_MIN, -1),
             POLRT_E_OVERFLOW);
}

static void test_progressive(void)
{
    /* DOMAIN.md step 3: threshold 5,000 yuan; to 50,000 at 60%, 50k-100k 70%, 100k-200k 80%,
     * above 200k 90% */
    static const int64_t seg[] = {
        4, YUAN(5000), PCT(60), YUAN(50000), PCT(70), YUAN(100000), PCT(80), YUAN(200000), PCT(90)};
    int64_t code;
    /* 60,000: 45,000 × 60% + 10,000 × 70% = 27,000 + 7,000 = 34,000 yuan */
    CHECK_EQ("60,000 yuan -> 34,000", prog(seg, YUAN(60000), &code), YUAN(34000));
    CHECK_EQ("below the threshold", prog(seg, YUAN(4000), &code), 0);
    CHECK_EQ("at the threshold", prog(seg, YUAN(5000), &code), 0);
    CHECK_EQ("negative x", prog(seg, -YUAN(100), &code), 0);
    /* 1 fen above: 0.6 fen → 1 */
    CHECK_EQ("threshold + 1 fen", prog(seg, YUAN(5000) + 1, &code), 1);
    /* 50,000: exactly the first bracket, 45,000 × 60% = 27,000 */
    CHECK_EQ("50,000 yuan -> 27,000", prog(seg, YUAN(50000), &code), YUAN(27000));
    /* 50,000.01: 2,700,000 + 1 fen × 70% = 2,700,000.7 → 2,700,001 fen */
    CHECK_EQ("50,000.01 yuan", prog(seg, YUAN(50000) + 1, &code), 2700001);
    /* 250,000: 27,000 + 50,000×70% + 100,000×80% + 50,000×90%
     *        = 27,000 + 35,000 + 80,000 + 45,000 = 187,000 yuan */
    CHECK_EQ("250,000 yuan -> 187,000", prog(seg, YUAN(250000), &code), YUAN(187000));
    /* 123,456.78: 27,000 + 35,000 + 23,456.78 × 80% (= 18,765.424) = 80,765.424 → 80,765.42 */
    CHECK_EQ("123,456.78 yuan", prog(seg, 12345678, &code), 8076542);
    CHECK_EQ("no failure", code, POLRT_OK);

    /* rounded once: each bracket alone is 0.5 fen (which would round to 1 + 1), the sum 1.0 */
    static const int64_t halves[] = {2, 0, PCT(50), 1, PCT(50)};
    CHECK_EQ("rounded once, not per bracket", prog(halves, 2, &code), 1);
    static const int64_t none[] = {0};
    CHECK_EQ("no brackets", prog(none, YUAN(100), &code), 0);

    static const int64_t big[] = {1, 0, INT64_MAX};
    prog(big, INT64_MAX, &code);
    CHECK_EQ("progressive result overflows", code, POLRT_E_OVERFLOW);
    /* two terms of about 2^126 each: their sum leaves even 128 bits */
    static const int64_t huge[] = {2, INT64_MIN + 1, INT64_MAX, 0, INT64_MAX};
    prog(huge, INT64_MAX, &code);
    CHECK_EQ("progressive sum overflows 128 bits", code, POLRT_E_OVERFLOW);
}

/* ---- the 64-bit paths against 128-bit references ------------------------------------
 * money.c divides in 64 bits when the operands fit (and sums brackets in 64 bits until
 * something overflows), and cg.c emits money × rate inline when the product fits in 64 bits.
 * Both must give exactly what the 128-bit rule gives: checked here on edge values (signs,
 * exact halves, the int64 limits, products at the edge of 64 bits) and seeded random ones. */

__extension__ typedef __int128 Wide;

/* The rule in 128 bits, as money.c had it alone: num / den rounded half away from zero,
 * then checked against the int64 range (INT64_MIN is POLRT_NONE, so it is out of range). */
static int64_t ref_round(Wide num, Wide den, int64_t *code)
{
    *code = POLRT_OK;
    if (den == 0) {
        *code = POLRT_E_DIVZERO;
        return 0;
    }
    Wide q = num / den, r = num % den;
    Wide r_abs = r < 0 ? -r : r, d_abs = den < 0 ? -den : den;
    if (r_abs >= d_abs - r_abs)
        q += ((num < 0) != (den < 0)) ? -1 : 1;
    if (q > INT64_MAX || q < -(Wide)INT64_MAX) {
        *code = POLRT_E_OVERFLOW;
        return 0;
    }
    return (int64_t)q;
}

/* What cg_mul_rate emits, written in C: when x × y, and x × y moved half a unit (500000)
 * away from zero, fit in 64 bits, the moved product divided by 10^6 with C's truncation;
 * otherwise the generated code calls polrt_mul_rate (0 here). */
static int inline_mul_rate(int64_t x, int64_t y, int64_t *out)
{
    int64_t prod, moved;
    if (__builtin_mul_overflow(x, y, &prod) ||
        __builtin_add_overflow(prod, prod < 0 ? -(POLRT_RATE_ONE / 2) : POLRT_RATE_ONE / 2,
                               &moved))
        return 0;
    *out = moved / POLRT_RATE_ONE;
    return 1;
}

/* xorshift64*: the same numbers on every host */
static uint64_t rng = 0x9E3779B97F4A7C15u;
static int64_t rnd(void)
{
    rng ^= rng >> 12;
    rng ^= rng << 25;
    rng ^= rng >> 27;
    return (int64_t)(rng * 0x2545F4914F6CDD1Du);
}

/* a value of the kind the operands are: small amounts and rates mostly, any magnitude,
 * and now and then an edge value */
static const int64_t edges[] = {0,
                                1,
                                -1,
                                2,
                                499999,
                                500000,
                                500001,
                                -500000,
                                999999,
                                1000000,
                                -1000000,
                                1500000,
                                2500000,
                                INT32_MAX,
                                -(int64_t)INT32_MAX - 1,
                                (int64_t)1 << 32,
                                3037000499, /* floor(sqrt(INT64_MAX)) */
                                3037000500,
                                -3037000500,
                                9223372036854, /* INT64_MAX / 10^6 */
                                9223372036855,
                                -9223372036855,
                                INT64_MAX / 2,
                                INT64_MAX - 1,
                                INT64_MAX,
                                -INT64_MAX,
                                INT64_MIN};
#define NEDGES ((int)(sizeof edges / sizeof edges[0]))

static int64_t any_value(void)
{
    int64_t v = rnd();
    switch ((uint64_t)rnd() % 6) {
    case 0: return edges[(uint64_t)rnd() % NEDGES];
    case 1: return v % 1000;                                   /* tiny, both signs */
    case 2: return v % 100000000;                              /* amounts to a million yuan */
    case 3: return v % (3 * POLRT_RATE_ONE);                   /* rates to 300% */
    case 4: return v >> ((uint64_t)rnd() % 63);                /* any magnitude */
    default: return (v % 2000000) * 500000 + 500000 * (v & 1); /* products at halves */
    }
}

#define NRANDOM 300000

/* op(a, b) and ref on one pair: the same code and, when it succeeds, the same value */
static int same(Op op, int64_t a, int64_t b, Wide num, Wide den)
{
    int64_t got = 0, want, want_code;
    int64_t code = run_op(op, a, b, &got);
    want = ref_round(num, den, &want_code);
    return code == want_code && (code != POLRT_OK || got == want);
}

static void test_fast_paths(void)
{
    static const struct {
        const char *name;
        Op op;
        int kind; /* 0 a × b / 10^6, 1 a / b, 2 a × 10^6 / b */
    } ops[] = {{"polrt_mul_rate", polrt_mul_rate, 0},
               {"polrt_rate_mul_rate", polrt_rate_mul_rate, 0},
               {"polrt_div_round", polrt_div_round, 1},
               {"polrt_ratio", polrt_ratio, 2}};
    for (int k = 0; k < 4; k++) {
        long bad = 0, n = 0;
        for (int i = 0; i < NEDGES + NRANDOM; i++)
            for (int j = 0; j < (i < NEDGES ? NEDGES : 1); j++) {
                int64_t a = i < NEDGES ? edges[i] : any_value();
                int64_t b = i < NEDGES ? edges[j] : any_value();
                Wide num = ops[k].kind == 0   ? (Wide)a * b
                           : ops[k].kind == 1 ? (Wide)a
                                              : (Wide)a * POLRT_RATE_ONE;
                Wide den = ops[k].kind == 0 ? POLRT_RATE_ONE : b;
                n++;
                if (!same(ops[k].op, a, b, num, den) && bad++ == 0)
                    printf("  %s(%" PRId64 ", %" PRId64 ") differs from the 128-bit rule\n",
                           ops[k].name, a, b);
            }
        char name[96];
        snprintf(name, sizeof name, "%s = the 128-bit rule on %ld pairs", ops[k].name, n);
        CHECK_EQ(name, bad, 0);
    }

    /* money × rate as compiled code computes it: identical wherever it does not defer to
     * polrt_mul_rate, and it defers only when the product, or the product moved half a unit
     * away from zero, leaves 64 bits */
    long bad = 0, inline_n = 0, n = 0;
    for (int i = 0; i < NEDGES + NRANDOM; i++)
        for (int j = 0; j < (i < NEDGES ? NEDGES : 1); j++) {
            int64_t a = i < NEDGES ? edges[i] : any_value();
            int64_t b = i < NEDGES ? edges[j] : any_value();
            int64_t got, want, p;
            n++;
            if (!inline_mul_rate(a, b, &got)) {
                bad += !__builtin_mul_overflow(a, b, &p) && p <= INT64_MAX - POLRT_RATE_ONE / 2 &&
                       p >= INT64_MIN + POLRT_RATE_ONE / 2;
                continue;
            }
            inline_n++;
            want = op_ok(polrt_mul_rate, a, b);
            if (got != want && bad++ == 0)
                printf("  inline %" PRId64 " x %" PRId64 " = %" PRId64 ", polrt_mul_rate %" PRId64
                       "\n",
                       a, b, got, want);
        }
    char name[96];
    snprintf(name, sizeof name, "inline money x rate = polrt_mul_rate (%ld of %ld pairs inline)",
             inline_n, n);
    CHECK_EQ(name, bad, 0);
    CHECK("the inline path is the common one", inline_n > n / 2);
    /* the cases that matter most, by name */
    int64_t v;
    CHECK("inline: -1005 x 50% = -503", inline_mul_rate(-1005, PCT(50), &v) && v == -503);
    CHECK("inline: 1005 x 50% = 503", inline_mul_rate(1005, PCT(50), &v) && v == 503);
    CHECK("inline: -1 x 49.9999% = 0", inline_mul_rate(-1, 499999, &v) && v == 0);
    CHECK("inline: INT64_MAX x 100% defers", !inline_mul_rate(INT64_MAX, POLRT_RATE_ONE, &v));
    /* INT64_MAX - 499999 moved up by 500000 leaves 64 bits, INT64_MAX - 500000 does not:
     * 9223372036854775807 - 500000 = 9223372036854275807, / 10^6 = ...854.28: 9223372036854;
     * INT64_MIN + 500000 = -9223372036854275808: -9223372036854 */
    CHECK("inline: a product within half a unit of INT64_MAX defers",
          !inline_mul_rate(INT64_MAX - POLRT_RATE_ONE / 2 + 1, 1, &v));
    CHECK("inline: INT64_MAX - 500000 x 1 = 9223372036854",
          inline_mul_rate(INT64_MAX - POLRT_RATE_ONE / 2, 1, &v) && v == 9223372036854);
    CHECK("inline: INT64_MIN + 500000 x 1 = -9223372036854",
          inline_mul_rate(INT64_MIN + POLRT_RATE_ONE / 2, 1, &v) && v == -9223372036854);

    /* progressive brackets: 64-bit sum, or the 128-bit one after an overflow */
    bad = 0;
    for (int i = 0; i < NRANDOM / 4; i++) {
        int64_t seg[1 + 2 * 4], x = any_value(), got, code;
        int n_br = 1 + (int)((uint64_t)rnd() % 4);
        seg[0] = n_br;
        int64_t lo = i % 3 ? (rnd() % 1000000) : any_value();
        for (int b = 0; b < n_br; b++) {
            seg[1 + 2 * b] = lo;
            seg[2 + 2 * b] =
                i % 5 ? (int64_t)((uint64_t)rnd() % (2 * POLRT_RATE_ONE)) : any_value();
            int64_t step = i % 7 ? (int64_t)((uint64_t)rnd() % 10000000) + 1 : INT64_MAX / 3;
            if (__builtin_add_overflow(lo, step, &lo))
                n_br = b + 1, seg[0] = n_br;
        }
        got = prog(seg, x, &code);
        /* the reference: money.c's 128-bit loop */
        Wide sum = 0;
        int64_t want_code = POLRT_OK, want = 0;
        for (int b = 0; b < n_br && want_code == POLRT_OK; b++) {
            Wide blo = seg[1 + 2 * b], rate = seg[2 + 2 * b], top = x, part, term;
            if (b + 1 < n_br && seg[1 + 2 * (b + 1)] < x)
                top = seg[1 + 2 * (b + 1)];
            part = top - blo;
            if (part <= 0)
                continue;
            if (__builtin_mul_overflow(part, rate, &term) ||
                __builtin_add_overflow(sum, term, &sum))
                want_code = POLRT_E_OVERFLOW;
        }
        if (want_code == POLRT_OK)
            want = ref_round(sum, POLRT_RATE_ONE, &want_code);
        if ((code != want_code || (code == POLRT_OK && got != want)) && bad++ == 0)
            printf("  progressive(n=%d, x=%" PRId64 ") = %" PRId64 " (code %" PRId64
                   "), want %" PRId64 " (code %" PRId64 ")\n",
                   n_br, x, got, code, want, want_code);
    }
    CHECK_EQ("polrt_progressive = the 128-bit rule on random brackets", bad, 0);
}

static int64_t money(const char *s)
{
    int64_t v = INT64_MIN;
    return polrt_parse_money(s, strlen(s), &v) == 0 ? v : INT64_MIN;
}

static int64_t rate(const char *s)
{
    int64_t v = INT64_MIN;
    return polrt_parse_rate(s, strlen(s), &v) == 0 ? v : INT64_MIN;
}

static void test_parse(void)
{
    CHECK_EQ("1234.56", money("1234.56"), 123456);
    CHECK_EQ("1,234.56", money("1,234.56"), 123456);
    CHECK_EQ("1,234,567", money("1,234,567"), 123456700);
    CHECK_EQ("-12.5", money("-12.5"), -1250);
    CHECK_EQ("-0.05", money("-0.05"), -5);
    CHECK_EQ("' 3000 '", money(" 3000 "), YUAN(3000));
    CHECK_EQ("'\\t12\\t'", money("\t12\t"), YUAN(12));
    CHECK_EQ("0", money("0"), 0);
    CHECK_EQ("999,999.99", money("999,999.99"), 99999999);
    CHECK_EQ("largest", money("92233720368547758.07"), INT64_MAX);
    CHECK_EQ("largest negative", money("-92,233,720,368,547,758.07"), -INT64_MAX);
    CHECK_EQ("n bounds the text", polrt_parse_money("12.34xyz", 5, &(int64_t){0}), 0);
    /* the plain fast path (up to 15 digits, at most 2 decimals) and the general parse beyond */
    CHECK_EQ("0.5", money("0.5"), 50);
    CHECK_EQ("7", money("7"), 700);
    CHECK_EQ("12.3", money("12.3"), 1230);
    CHECK_EQ("15 digits", money("999999999999999.99"), 99999999999999999);
    CHECK_EQ("16 digits", money("1234567890123456.78"), 123456789012345678);
    CHECK_EQ("16 digits, no decimals", money("1234567890123456"), 123456789012345600);
    CHECK_EQ("a trailing blank", money("407.48 "), 40748);
    CHECK_EQ("n bounds a plain amount", polrt_parse_money("407.489", 6, &(int64_t){0}), 0);
    static const char *const bad_money[] = {
        "1,23.4",
        "12.345",
        "12.3x",
        "12.x",
        "12.34.",
        "abc",
        "",
        " ",
        "99999999999999999999",
        "92233720368547758.08",
        "-92233720368547758.08",
        "1234,567",
        ",123",
        "1,",
        "1,2345",
        "12,34,567",
        "1.",
        ".5",
        "-",
        "--1",
        "+1",
        "1 234",
        "12.3.4",
        "1e3",
        "¥12",
        "12yuan",
        "0x10",
        "1,234.5.6",
    };
    for (size_t i = 0; i < sizeof bad_money / sizeof *bad_money; i++) {
        char name[64];
        snprintf(name, sizeof name, "money rejects '%s'", bad_money[i]);
        CHECK_EQ(name, money(bad_money[i]), INT64_MIN);
    }

    CHECK_EQ("80%", rate("80%"), 800000);
    CHECK_EQ("12.5%", rate("12.5%"), 125000);
    CHECK_EQ("0.8", rate("0.8"), 800000);
    CHECK_EQ("1", rate("1"), POLRT_RATE_ONE);
    CHECK_EQ("100%", rate("100%"), POLRT_RATE_ONE);
    CHECK_EQ("0.0001%", rate("0.0001%"), 1);
    CHECK_EQ("0.000001", rate("0.000001"), 1);
    CHECK_EQ("33.3333%", rate("33.3333%"), 333333);
    CHECK_EQ("' 5% '", rate(" 5% "), 50000);
    CHECK_EQ("-5%", rate("-5%"), -50000);
    CHECK_EQ("0%", rate("0%"), 0);
    static const char *const bad_rate[] = {
        "0.0000001",
        "0.00001%",
        "80%%",
        "%",
        "abc",
        "",
        "1.",
        ".8",
        "8 0%",
        "80 %",
        "80%x",
        "1,000%",
        "+5%",
        "99999999999999999999",
        "9223372036854.775808",
    };
    for (size_t i = 0; i < sizeof bad_rate / sizeof *bad_rate; i++) {
        char name[64];
        snprintf(name, sizeof name, "rate rejects '%s'", bad_rate[i]);
        CHECK_EQ(name, rate(bad_rate[i]), INT64_MIN);
    }
    CHECK_EQ("largest rate", rate("9223372036854.775807"), INT64_MAX);
}

static void test_format(void)
{
    char buf[32];
    CHECK_STR("1234.56", polrt_fmt_money(123456, buf, 0), "1234.56");
    CHECK_STR("1,234.56", polrt_fmt_money(123456, buf, 1), "1,234.56");
    CHECK_STR("-0.05", polrt_fmt_money(-5, buf, 0), "-0.05");
    CHECK_STR("-0.05 grouped", polrt_fmt_money(-5, buf, 1), "-0.05");
    CHECK_STR("0.00", polrt_fmt_money(0, buf, 1), "0.00");
    CHECK_STR("999.99 grouped", polrt_fmt_money(99999, buf, 1), "999.99");
    CHECK_STR("1,000.00", polrt_fmt_money(100000, buf, 1), "1,000.00");
    CHECK_STR("-1,234,567.89", polrt_fmt_money(-123456789, buf, 1), "-1,234,567.89");
    CHECK_STR("INT64_MAX", polrt_fmt_money(INT64_MAX, buf, 1), "92,233,720,368,547,758.07");
    CHECK_STR("INT64_MIN", polrt_fmt_money(INT64_MIN, buf, 0), "-92233720368547758.08");

    CHECK_STR("80%", polrt_fmt_rate(800000, buf), "80%");
    CHECK_STR("12.5%", polrt_fmt_rate(125000, buf), "12.5%");
    CHECK_STR("0.0001%", polrt_fmt_rate(1, buf), "0.0001%");
    CHECK_STR("0.001%", polrt_fmt_rate(10, buf), "0.001%");
    CHECK_STR("100%", polrt_fmt_rate(POLRT_RATE_ONE, buf), "100%");
    CHECK_STR("0%", polrt_fmt_rate(0, buf), "0%");
    CHECK_STR("-5%", polrt_fmt_rate(-50000, buf), "-5%");
    CHECK_STR("33.3333%", polrt_fmt_rate(333333, buf), "33.3333%");
    CHECK_STR("INT64_MIN rate", polrt_fmt_rate(INT64_MIN, buf), "-922337203685477.5808%");

    /* round trips: format, parse back, same value */
    static const int64_t amounts[] = {0,      1,          -1,        5,         99,        100,
                                      123456, -123456789, 100000000, INT64_MAX, -INT64_MAX};
    int ok = 1;
    for (size_t i = 0; i < sizeof amounts / sizeof *amounts; i++) {
        for (int g = 0; g < 2; g++) {
            int64_t back = INT64_MIN;
            polrt_fmt_money(amounts[i], buf, g);
            ok &= polrt_parse_money(buf, strlen(buf), &back) == 0 && back == amounts[i];
        }
    }
    CHECK("money round trips", ok);
    static const int64_t rates[] = {
        0, 1, -1, 10, 125000, 333333, 800000, POLRT_RATE_ONE, 1234567, INT64_MAX, -INT64_MAX};
    ok = 1;
    for (size_t i = 0; i < sizeof rates / sizeof *rates; i++) {
        int64_t back = INT64_MIN;
        polrt_fmt_rate(rates[i], buf);
        ok &= polrt_parse_rate(buf, strlen(buf), &back) == 0 && back == rates[i];
    }
    CHECK("rate round trips", ok);
}

/* polrt_fail without a handler is a runtime bug: message and abort, in a child process */
static void test_fail_without_handler(void)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        if (!freopen("/dev/null", "w", stderr))
            _exit(3);
        PolCtx c;
        memset(&c, 0, sizeof c);
        polrt_fail(&c, POLRT_E_OVERFLOW, LOC);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    CHECK("no handler: abort()", WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT);
}

static void test_alloc_hook(void)
{
    polrt_test_fail_alloc_after(2);
    void *a = polrt_realloc(NULL, 16);
    void *b = polrt_realloc(a, 32); /* the second allocation, still allowed */
    void *c = polrt_realloc(b, 64); /* the third fails, and b stays valid */
    void *d = polrt_realloc(NULL, 8);
    CHECK("first two allocations succeed", a && b);
    CHECK("then they fail", !c && !d);
    polrt_test_fail_alloc_after(-1);
    void *e = polrt_realloc(b, 64);
    CHECK("after reset they succeed", e != NULL);
    CHECK("n == 0 frees and returns NULL", polrt_realloc(e, 0) == NULL);
    polrt_test_fail_alloc_after(0);
    CHECK("budget 0 fails at once", polrt_realloc(NULL, 1) == NULL);
    CHECK("rt_alloc_lines takes from the same budget", rt_alloc_lines(8, 1) == NULL);
    polrt_test_fail_alloc_after(-1);
}

/* a thread's per-claim arrays own their cache lines: start on one, and the rest of their
 * last line is theirs too (zeroed), so malloc puts nothing else there */
static void test_alloc_lines(void)
{
    unsigned char *a = rt_alloc_lines(24, 1), *b = rt_alloc_lines(24, 1);
    CHECK("allocated", a && b);
    if (!a || !b)
        return;
    CHECK("line-aligned", (uintptr_t)a % RT_CACHE_LINE == 0 && (uintptr_t)b % RT_CACHE_LINE == 0);
    CHECK("no line shared", b >= a + RT_CACHE_LINE || a >= b + RT_CACHE_LINE);
    int zero = 1;
    for (int i = 0; i < RT_CACHE_LINE; i++)
        zero &= a[i] == 0;
    CHECK("the whole line zeroed", zero);
    void *c = rt_alloc_lines(0, 1);
    CHECK("0 bytes: a line, freeable", c && (uintptr_t)c % RT_CACHE_LINE == 0);
    CHECK("too large: NULL", rt_alloc_lines(SIZE_MAX - 8, 1) == NULL);
    polrt_realloc(a, 0);
    polrt_realloc(b, 0);
    polrt_realloc(c, 0);
}

int main(void)
{
    test_mul_rate();
    test_rate_ops();
    test_explicit_rounding();
    test_progressive();
    test_fast_paths();
    test_parse();
    test_format();
    test_fail_without_handler();
    test_alloc_hook();
    test_alloc_lines();
    UNIT_END();
}
