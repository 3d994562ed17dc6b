/* money.c — the runtime's exact arithmetic: money (fen) and rates (millionths) multiplied,
 * divided and bracketed with the one rounding rule, overflow detected and raised through
 * polrt_fail; money and rate text parsed and formatted; and the single allocation hook.
 * The interpreter and compiled policies both call these, so every evaluator agrees. */
#include "rt_int.h"

#include <sys/mman.h>

#include <setjmp.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

/* 128-bit intermediates: a product of two int64 values always fits, so nothing is lost
 * before the single rounding step. __extension__ keeps -pedantic builds quiet. */
__extension__ typedef __int128 i128;

/* fen per yuan (polrt.h: money is integer fen) */
#define FEN_PER_YUAN 100
/* polrt.h: rates are integer millionths, 1.0 = POLRT_RATE_ONE */
#define RATE_SCALE ((i128)POLRT_RATE_ONE)
/* a rate written as a percentage: 1% = 10,000 millionths */
#define MICRO_PER_PERCENT (POLRT_RATE_ONE / 100)
/* money text has at most 2 decimals: the fen is the smallest unit (DOMAIN.md "Rounding") */
#define MONEY_MAX_DECIMALS 2
/* a rate holds 6 decimals of a fraction, i.e. 4 decimals of a percentage */
#define RATE_MAX_DECIMALS    6
#define PERCENT_MAX_DECIMALS 4
/* digits between thousands separators in "1,234,567.89" */
#define GROUP_DIGITS 3
/* the largest magnitude of a valid amount: INT64_MIN is POLRT_NONE (an absent optional
 * value), so a result equal to it would be read as "absent"; it counts as overflow. */
#define VALUE_MAX ((i128)INT64_MAX)

/* ---- Failure ------------------------------------------------------------------------ */

/* Raise a policy error: record code and source location in ctx and long-jump to the
 * settle call's handler (PolCtx.jmp). Without a handler this is a runtime bug. */
_Noreturn void polrt_fail(PolCtx *ctx, int64_t code, int64_t loc)
{
    if (!ctx || !ctx->jmp) {
        fputs("polrt: internal error: policy failure with no handler\n", stderr);
        abort();
    }
    ctx->err_code = code;
    ctx->err_loc = loc;
    longjmp(*(jmp_buf *)ctx->jmp, 1);
}

/* ---- The one rounding rule ---------------------------------------------------------- */

/* THE rounding rule of polc, in one place (DOMAIN.md "Rounding": every amount is rounded
 * to the fen, half away from zero — 四舍五入 — at the moment it is computed). num / den
 * rounded to the nearest integer, ties away from zero: 502.5 → 503, −502.5 → −503.
 * Every helper below that divides calls this and nothing else (inlined: with a constant den
 * the 64-bit path is a multiply and a shift, no call). den != 0; callers keep
 * |num| and |den| below 2^126, so the comparison below cannot overflow. */
static inline __attribute__((always_inline)) i128 round_div(i128 num, i128 den)
{
    /* Both in 64 bits (nearly always: money × rate below 92 billion yuan, any division of two
     * amounts): the same steps on int64, which the compiler does inline (with a multiply and
     * shift for a constant den), where 128-bit division is a library call each for / and %.
     * den = -1 (INT64_MIN / -1 overflows) and den = INT64_MIN (no |den|) take the long way. */
    if (num == (int64_t)num && den == (int64_t)den && den != -1 && den != INT64_MIN) {
        int64_t n = (int64_t)num, d = (int64_t)den;
        int64_t q = n / d, r = n % d;
        int64_t r_abs = r < 0 ? -r : r, d_abs = d < 0 ? -d : d;
        if (r_abs >= d_abs - r_abs)
            q += ((n < 0) != (d < 0)) ? -1 : 1;
        return q;
    }
    i128 q = num / den; /* C truncates toward zero */
    i128 r = num % den; /* same sign as num */
    i128 r_abs = r < 0 ? -r : r;
    i128 den_abs = den < 0 ? -den : den;
    if (r_abs >= den_abs - r_abs) /* 2|r| >= |den|: at or past the half */
        q += ((num < 0) != (den < 0)) ? -1 : 1;
    return q;
}

/* a rounded result back to int64, or an overflow failure */
static int64_t checked(PolCtx *ctx, i128 v, int64_t loc)
{
    if (v > VALUE_MAX || v < -VALUE_MAX)
        polrt_fail(ctx, POLRT_E_OVERFLOW, loc);
    return (int64_t)v;
}

/* money × rate: fen × millionths / 10^6, rounded to the fen */
int64_t polrt_mul_rate(PolCtx *ctx, int64_t amount, int64_t rate, int64_t loc)
{
    return checked(ctx, round_div((i128)amount * rate, RATE_SCALE), loc);
}

/* rate × rate: millionths × millionths / 10^6, rounded to a millionth */
int64_t polrt_rate_mul_rate(PolCtx *ctx, int64_t a, int64_t b, int64_t loc)
{
    return checked(ctx, round_div((i128)a * b, RATE_SCALE), loc);
}

/* a ÷ b (money ÷ int, int ÷ int, rate ÷ int), rounded half away from zero */
int64_t polrt_div_round(PolCtx *ctx, int64_t a, int64_t b, int64_t loc)
{
    if (b == 0)
        polrt_fail(ctx, POLRT_E_DIVZERO, loc);
    return checked(ctx, round_div(a, b), loc);
}

/* ---- Explicit rounding: trunc() and floor() ------------------------------------------
 * The one exception to the rule above, and only where a policy writes it: a notice that says
 * "halve it, dropping the odd fen" (舍去分位) is trunc(x / 2). The same exact products and
 * quotients, rounded toward zero (trunc: 2.5 → 2, −2.5 → −2) or toward minus infinity
 * (floor: 2.5 → 2, −2.5 → −3). In 128 bits: INT64_MIN / −1 is an overflow, not a trap. */

/* num / den toward minus infinity; den != 0 */
static i128 floor_div(i128 num, i128 den)
{
    i128 q = num / den; /* C truncates toward zero */
    if (num % den != 0 && ((num < 0) != (den < 0)))
        q -= 1;
    return q;
}

/* money × rate, the fen toward zero */
int64_t polrt_mul_rate_trunc(PolCtx *ctx, int64_t amount, int64_t rate, int64_t loc)
{
    return checked(ctx, (i128)amount * rate / RATE_SCALE, loc);
}

/* money × rate, the fen toward minus infinity */
int64_t polrt_mul_rate_floor(PolCtx *ctx, int64_t amount, int64_t rate, int64_t loc)
{
    return checked(ctx, floor_div((i128)amount * rate, RATE_SCALE), loc);
}

/* money ÷ int toward zero */
int64_t polrt_div_trunc(PolCtx *ctx, int64_t a, int64_t b, int64_t loc)
{
    if (b == 0)
        polrt_fail(ctx, POLRT_E_DIVZERO, loc);
    return checked(ctx, (i128)a / b, loc);
}

/* money ÷ int toward minus infinity */
int64_t polrt_div_floor(PolCtx *ctx, int64_t a, int64_t b, int64_t loc)
{
    if (b == 0)
        polrt_fail(ctx, POLRT_E_DIVZERO, loc);
    return checked(ctx, floor_div(a, b), loc);
}

/* money ÷ money as a rate: a × 10^6 / b, rounded to a millionth */
int64_t polrt_ratio(PolCtx *ctx, int64_t a, int64_t b, int64_t loc)
{
    if (b == 0)
        polrt_fail(ctx, POLRT_E_DIVZERO, loc);
    return checked(ctx, round_div((i128)a * RATE_SCALE, b), loc);
}

/* Progressive brackets (DOMAIN.md step 3, critical illness): seg = [n, lo_1, rate_1, ...,
 * lo_n, rate_n], lo ascending; bracket i spans [lo_i, lo_{i+1}), the last one is open.
 * The exact sum Σ (min(x, lo_{i+1}) − lo_i)+ × rate_i is kept in fen × millionths and
 * rounded once, so splitting x across brackets never adds a rounding step. x below lo_1
 * pays 0. Extreme parameters could overflow even 128 bits; that is checked, not wrapped. */
int64_t polrt_progressive(PolCtx *ctx, const int64_t *seg, int64_t x, int64_t loc)
{
    int64_t n = seg[0];
    /* The sum in 64 bits first: exact as long as nothing overflows there, which is every
     * real amount (fen × millionths stays below 2^63 up to 92 billion yuan); at the first
     * overflow, the same sum again in 128 bits. The lower bounds ascend (rt_engine checks
     * every table it loads), so the first bracket starting at or above x ends the sum: it and
     * every later one pay nothing. Most claims stop at the threshold, the first bracket. */
    int64_t sum64 = 0;
    for (int64_t i = 0; i < n && seg[1 + 2 * i] < x; i++) {
        int64_t lo = seg[1 + 2 * i], rate = seg[2 + 2 * i], top = x, part, term;
        if (i + 1 < n && seg[1 + 2 * (i + 1)] < x)
            top = seg[1 + 2 * (i + 1)];
        if (__builtin_sub_overflow(top, lo, &part) || __builtin_mul_overflow(part, rate, &term) ||
            __builtin_add_overflow(sum64, term, &sum64))
            goto wide;
    }
    return checked(ctx, round_div(sum64, RATE_SCALE), loc);
wide:;
    i128 sum = 0;
    for (int64_t i = 0; i < n && seg[1 + 2 * i] < x; i++) {
        i128 lo = seg[1 + 2 * i], rate = seg[2 + 2 * i];
        i128 top = x;
        if (i + 1 < n && seg[1 + 2 * (i + 1)] < x)
            top = seg[1 + 2 * (i + 1)];
        i128 term;
        if (__builtin_mul_overflow(top - lo, rate, &term) ||
            __builtin_add_overflow(sum, term, &sum))
            polrt_fail(ctx, POLRT_E_OVERFLOW, loc);
    }
    return checked(ctx, round_div(sum, RATE_SCALE), loc);
}

/* ---- Text: "1,234.56" and "12.5%" --------------------------------------------------- */

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}
static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* the [i, *end) slice of s[0..n) without leading and trailing blanks */
static size_t trim(const char *s, size_t n, size_t *end)
{
    size_t i = 0;
    while (i < n && is_blank(s[i]))
        i++;
    while (n > i && is_blank(s[n - 1]))
        n--;
    *end = n;
    return i;
}

/* fraction digits s[*i..end) scaled to `places` decimals: "5" at 2 places is 50. At least
 * one and at most `places` digits; -1 otherwise. */
static int64_t parse_fraction(const char *s, size_t *i, size_t end, int places)
{
    int64_t v = 0;
    int k = 0;
    while (*i < end && is_digit(s[*i])) {
        if (++k > places)
            return -1;
        v = v * 10 + (s[(*i)++] - '0');
    }
    if (k == 0)
        return -1;
    for (; k < places; k++)
        v *= 10;
    return v;
}

/* digits of the plain amounts money_plain takes: 10^15 yuan is 10^17 fen, far inside int64 */
#define PLAIN_MONEY_DIGITS 15

/* The common cell, "1234.56": 1 to PLAIN_MONEY_DIGITS digits and at most 2 decimals, no blank,
 * sign or grouping. 0 and the fen, or -1 (not such a cell: the general parse below decides).
 * int64 throughout, no trim: ~40 instructions for "407.48" where the general parse took ~220
 * (the 104,638-claim benchmark parses 209 k amounts). */
/* "0.00" xor'ed from the cell's bytes, right-aligned in a word ("ddddd.dd" at most): digit
 * values, 0 at the point; the add below sets a top bit in each byte over 9 (a digit's
 * place) or over 0 (the point's), with no carry out of a byte under 0x80 */
#define MONEY_WORD_XOR 0x30302E3030303030u
#define MONEY_WORD_ADD 0x76767F7676767676u

/* The commonest cell, 1 to 5 digits, a point and 2 decimals ("407.48"): its 4 to 8 bytes as one
 * word (two 4-byte loads, no byte past the cell read), checked with one add and converted
 * with three multiply-adds: ~45 instructions where money_plain took ~70. 0 and the
 * fen, or -1 (not that shape: money_plain decides). */
static int money_word(const char *s, size_t n, int64_t *fen)
{
    if (n < 4 || n > 8 || s[n - 3] != '.')
        return -1;
    uint32_t lo, hi;
    memcpy(&lo, s, 4);
    memcpy(&hi, s + n - 4, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    lo = __builtin_bswap32(lo), hi = __builtin_bswap32(hi);
#endif
    /* right-aligned, xor'ed to digit values: the last 4 bytes ("d.dd") in bytes 4..7, the
     * point in byte 5; the 4 before them in bytes 0..3, from the first 4 moved up past
     * what the last 4 hold already, zeros (digits 0) before the cell */
    uint64_t x = (uint64_t)(hi ^ (uint32_t)(MONEY_WORD_XOR >> 32)) << 32 |
                 (uint32_t)((uint64_t)(lo ^ (uint32_t)MONEY_WORD_XOR) << (64 - 8 * n));
    if (((x + MONEY_WORD_ADD) | x) & 0x8080808080808080u)
        return -1;
    /* the point's byte taken out: 8 digits, the first in byte 0 */
    x = (x & 0x000000FFFFFFFFFFu) << 8 | (x & 0xFFFF000000000000u);
    x = (x * 10 + (x >> 8)) & 0x00FF00FF00FF00FFu;
    x = (x * 100 + (x >> 16)) & 0x0000FFFF0000FFFFu;
    *fen = (int64_t)((x * 10000 + (x >> 32)) & 0xFFFFFFFFu);
    return 0;
}

static int money_plain(const char *s, size_t n, int64_t *fen)
{
    size_t i = 0, lim = n < PLAIN_MONEY_DIGITS ? n : PLAIN_MONEY_DIGITS;
    int64_t v = 0;
    for (unsigned d; i < lim && (d = (unsigned)(unsigned char)s[i] - '0') <= 9; i++)
        v = v * 10 + d;
    if (i == 0)
        return -1;
    v *= FEN_PER_YUAN;
    if (i < n) {
        unsigned d1, d2;
        if (s[i] != '.' || i + 1 == n || i + 3 < n ||
            (d1 = (unsigned)(unsigned char)s[i + 1] - '0') > 9)
            return -1;
        v += 10 * d1;
        if (i + 3 == n) {
            if ((d2 = (unsigned)(unsigned char)s[i + 2] - '0') > 9)
                return -1;
            v += d2;
        }
    }
    *fen = v;
    return 0;
}

/* money := blanks? "-"? int ("." d d?)? blanks?
 * int    := digit+ | d d? d? ("," d d d)+       (thousands grouping, exactly 3 per group)
 * Result in fen; anything else is rejected (-1), and an amount written right but outside
 * int64 fen (92,233,720,368,547,758.07 yuan) too, as -2, so a reader can say which. */
static __attribute__((noinline)) int money_general(const char *s, size_t n, int64_t *fen);

/* the common cell by money_plain, the rest by money_general: apart, the common path saves
 * and restores no registers (settle_bench's 209 k amounts: ~16 instructions each fewer) */
int polrt_parse_money(const char *s, size_t n, int64_t *fen)
{
    if (money_word(s, n, fen) == 0 || money_plain(s, n, fen) == 0)
        return 0;
    return money_general(s, n, fen);
}

static int money_general(const char *s, size_t n, int64_t *fen)
{
    size_t end, i = trim(s, n, &end);
    int neg = 0;
    if (i < end && s[i] == '-') {
        neg = 1;
        i++;
    }
    i128 yuan = 0;
    int digits = 0;  /* digits of the integer part */
    int group = 0;   /* digits since the last comma (or since the start) */
    int grouped = 0; /* a comma was seen */
    for (; i < end && (is_digit(s[i]) || s[i] == ','); i++) {
        if (s[i] == ',') {
            /* the first group has 1..3 digits, every later one exactly 3 */
            if (group == 0 || group > GROUP_DIGITS || (grouped && group != GROUP_DIGITS))
                return -1;
            grouped = 1;
            group = 0;
            continue;
        }
        if (yuan <= VALUE_MAX) /* past it, only the syntax is still checked */
            yuan = yuan * 10 + (s[i] - '0');
        digits++;
        group++;
    }
    if (digits == 0 || (grouped && group != GROUP_DIGITS))
        return -1;
    int64_t cents = 0;
    if (i < end && s[i] == '.') {
        i++;
        cents = parse_fraction(s, &i, end, MONEY_MAX_DECIMALS);
        if (cents < 0)
            return -1;
    }
    if (i != end)
        return -1;
    if (yuan > VALUE_MAX)
        return -2;
    i128 v = yuan * FEN_PER_YUAN + cents;
    if (v > VALUE_MAX)
        return -2;
    *fen = (int64_t)(neg ? -v : v);
    return 0;
}

/* rate := blanks? "-"? digit+ ("." digit+)? "%"? blanks?
 * "80%" and "0.8" are both 800000 millionths; at most 6 decimals of the fraction (4 of a
 * percentage) so the value is exact. Anything else is rejected (-1). */
int polrt_parse_rate(const char *s, size_t n, int64_t *micro)
{
    size_t end, i = trim(s, n, &end);
    int neg = 0;
    if (i < end && s[i] == '-') {
        neg = 1;
        i++;
    }
    int percent = end > i && s[end - 1] == '%';
    if (percent)
        end--;
    i128 whole = 0;
    int digits = 0;
    for (; i < end && is_digit(s[i]); i++) {
        whole = whole * 10 + (s[i] - '0');
        if (whole > VALUE_MAX)
            return -1;
        digits++;
    }
    if (digits == 0)
        return -1;
    int64_t frac = 0;
    if (i < end && s[i] == '.') {
        i++;
        frac = parse_fraction(s, &i, end, percent ? PERCENT_MAX_DECIMALS : RATE_MAX_DECIMALS);
        if (frac < 0)
            return -1;
    }
    if (i != end)
        return -1;
    i128 v = whole * (percent ? MICRO_PER_PERCENT : POLRT_RATE_ONE) + frac;
    if (v > VALUE_MAX)
        return -1;
    *micro = (int64_t)(neg ? -v : v);
    return 0;
}

// clang-format off
const char rt_two_digits[200] = "00010203040506070809101112131415161718192021222324252627282930"
                                "31323334353637383940414243444546474849505152535455565758596061"
                                "62636465666768697071727374757677787980818283848586878889909192"
                                "93949596979899";
const uint64_t rt_pow10[20] = {
    1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL, 10000000ULL, 100000000ULL,
    1000000000ULL, 10000000000ULL, 100000000000ULL, 1000000000000ULL, 10000000000000ULL,
    100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL, 100000000000000000ULL,
    1000000000000000000ULL, 10000000000000000000ULL};
// clang-format on

/* digits of u at w, with a comma every GROUP_DIGITS digits when grouped: past the last */
static char *put_grouped(char *w, uint64_t u, int grouped)
{
    if (!grouped)
        return rt_put_digits(w, u);
    char d[20];
    int k = (int)(rt_put_digits(d, u) - d);
    for (int i = 0; i < k; i++) {
        if (i > 0 && (k - i) % GROUP_DIGITS == 0)
            *w++ = ',';
        *w++ = d[i];
    }
    return w;
}

/* "1234.56" / "1,234.56" / "-0.05": always two decimals */
char *polrt_fmt_money(int64_t fen, char *buf, int grouped)
{
    /* magnitude through uint64, so INT64_MIN has one too */
    uint64_t u = fen < 0 ? -(uint64_t)fen : (uint64_t)fen;
    char *w = buf;
    if (fen < 0)
        *w++ = '-';
    w = put_grouped(w, u / FEN_PER_YUAN, grouped);
    *w++ = '.';
    w = rt_put_digits0(w, (uint32_t)(u % FEN_PER_YUAN), MONEY_MAX_DECIMALS);
    *w = '\0';
    return buf;
}

/* the shortest exact percentage: "80%", "12.5%", "0.0001%", "-5%" */
char *polrt_fmt_rate(int64_t micro, char *buf)
{
    uint64_t u = micro < 0 ? -(uint64_t)micro : (uint64_t)micro;
    char *w = buf;
    if (micro < 0)
        *w++ = '-';
    w = rt_put_digits(w, u / MICRO_PER_PERCENT);
    unsigned frac = (unsigned)(u % MICRO_PER_PERCENT); /* 1/10,000 of a percent */
    if (frac) {
        *w++ = '.';
        w = rt_put_digits0(w, frac, PERCENT_MAX_DECIMALS);
        while (w[-1] == '0') /* frac != 0, so some digit is not 0 */
            w--;
    }
    *w++ = '%';
    *w = '\0';
    return buf;
}

/* ---- The allocation hook ------------------------------------------------------------ */

/* polrt_test_fail_alloc_after: allocations still allowed before every one fails; < 0 never
 * fails. Atomic because sessions allocate from several threads (-j N). */
static _Atomic long alloc_budget = -1;

void polrt_test_fail_alloc_after(long n)
{
    atomic_store(&alloc_budget, n);
}

/* one allocation taken from the test budget: 0 when it may go ahead */
static int over_budget(void)
{
    long budget = atomic_load_explicit(&alloc_budget, memory_order_relaxed);
    while (budget >= 0) {
        if (budget == 0)
            return 1;
        if (atomic_compare_exchange_weak(&alloc_budget, &budget, budget - 1))
            break;
    }
    return 0;
}

/* The single allocation hook of the runtime (STYLE.md "Memory"): realloc semantics, n == 0
 * frees p and returns NULL. On failure p is left untouched, as realloc does. rt_alloc_lines
 * takes from the same test budget. */
void *polrt_realloc(void *p, size_t n)
{
    if (n == 0) {
        free(p);
        return NULL;
    }
    return over_budget() ? NULL : realloc(p, n);
}

/* A large block straight from the kernel, on whole huge pages. Its pages are zero until
 * first touched, so a table of tens of megabytes costs no memset on the thread that makes it
 * (the persons and claim-id tables were zeroed on the calling thread while the others waited,
 * ~4 ms each at 1 M claims): they are faulted in by the threads that first write them. And
 * all of it can be huge pages: malloc's block of 2^k bytes starts 16 bytes past a page, so
 * its first and last ~2 MiB (all of a 2 MiB batch buffer) had 4 KiB pages, and on this VM a
 * 4 KiB fault costs ~3 us (128 MB faulted in 4 KiB pages: 100-120 ms; in huge pages: 12-15
 * ms): 1 M claims at -j 2 faulted ~2,500 pages fewer in the tables and the batch buffer
 * (and 512 in the encoding sniffer's sample, now read into the batch buffer: csv.c). Smaller
 * blocks come from calloc. */
#define HUGE_MIN (1u << 20)

static size_t huge_len(size_t n)
{
    return (n + RT_HUGE_PAGE - 1) & ~(size_t)(RT_HUGE_PAGE - 1);
}

void *rt_huge_alloc(size_t n)
{
    if (over_budget())
        return NULL;
    if (n < HUGE_MIN)
        return calloc(1, n ? n : 1);
    size_t len = huge_len(n);
    if (len < n || len + RT_HUGE_PAGE < len)
        return NULL;
    char *m =
        mmap(NULL, len + RT_HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED)
        return NULL;
    /* the huge-page-aligned len bytes inside; what is around them goes back */
    char *a = (char *)(((uintptr_t)m + RT_HUGE_PAGE - 1) & ~(uintptr_t)(RT_HUGE_PAGE - 1));
    if (a > m)
        munmap(m, (size_t)(a - m));
    if (m + len + RT_HUGE_PAGE > a + len)
        munmap(a + len, (size_t)(m + len + RT_HUGE_PAGE - (a + len)));
    rt_advise_huge(a, len);
    return a;
}

void rt_huge_free(void *p, size_t n)
{
    if (p && n < HUGE_MIN)
        free(p);
    else if (p)
        munmap(p, huge_len(n));
}

void *rt_alloc_lines(size_t n, int zero)
{
    size_t size = (n + RT_CACHE_LINE - 1) / RT_CACHE_LINE * RT_CACHE_LINE;
    if (size < n || over_budget())
        return NULL;
    if (!size)
        size = RT_CACHE_LINE;
    void *p = aligned_alloc(RT_CACHE_LINE, size);
    if (p && zero)
        memset(p, 0, size);
    return p;
}
