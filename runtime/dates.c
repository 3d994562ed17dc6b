/* dates.c — civil dates as day numbers (days since 1970-01-01, proleptic Gregorian): the
 * conversions both ways (Howard Hinnant's algorithms), strict "YYYY-MM-DD" text, and the
 * calendar-month arithmetic policies use (次月, "6 months"). Working days are calendar.c. */
#include "rt_int.h"

#include <inttypes.h>

/* Hinnant's constants: the proleptic Gregorian calendar repeats every 400 years, which are
 * 146,097 days; day 0 of his era count is 0000-03-01, 719,468 days before 1970-01-01. */
#define DAYS_PER_ERA    146097
#define YEARS_PER_ERA   400
#define EPOCH_SHIFT     719468
#define MONTHS_PER_YEAR 12
/* "YYYY-MM-DD" is exactly 10 bytes */
#define DATE_TEXT_LEN 10

/* floor division and the matching non-negative remainder (C's / truncates) */
static int64_t floor_div(int64_t a, int64_t b)
{
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static int64_t floor_mod(int64_t a, int64_t b)
{
    int64_t r = a % b; /* not a - floor_div(a, b) * b, which overflows near INT64_MIN */
    return r != 0 && (r < 0) != (b < 0) ? r + b : r;
}

/* Day number of y-m-d (Hinnant, days_from_civil). Exact for 1 <= m <= 12, 1 <= d <= 31 and
 * |y| up to 10^12; callers inside the runtime stay within RT_YEAR_MIN..RT_YEAR_MAX. */
int64_t polrt_days_from_civil(int64_t y, int64_t m, int64_t d)
{
    y -= m <= 2; /* the year starts in March */
    int64_t era = floor_div(y, YEARS_PER_ERA);
    int64_t yoe = y - era * YEARS_PER_ERA;                         /* [0, 399] */
    int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1; /* [0, 365], from Mar 1 */
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           /* [0, 146096] */
    return era * DAYS_PER_ERA + doe - EPOCH_SHIFT;
}

/* y-m-d of a day number (Hinnant, civil_from_days). Defined for every int64 day: the era is
 * split off before the epoch shift is added, so nothing can overflow even for POLRT_NONE. */
void polrt_civil_from_days(int64_t day, int64_t *y, int64_t *m, int64_t *d)
{
    int64_t era = floor_div(day, DAYS_PER_ERA);
    int64_t rest = floor_mod(day, DAYS_PER_ERA) + EPOCH_SHIFT; /* < 6 eras: no overflow */
    era += rest / DAYS_PER_ERA;
    int64_t doe = rest % DAYS_PER_ERA;                                   /* [0, 146096] */
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);               /* [0, 365] */
    int64_t mp = (5 * doy + 2) / 153;                                    /* [0, 11], Mar = 0 */
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * YEARS_PER_ERA + (*m <= 2);
}

/* a leap year (y >= 0; unsigned, its divisions by constants are a multiply and a shift with
 * no sign fix-up, which the date parse counts) */
static int is_leap(uint64_t y)
{
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

/* the days of month m (1-based) of year y >= 0 */
static int64_t days_in_month(uint64_t y, int64_t m)
{
    static const uint8_t len[MONTHS_PER_YEAR + 1] = {0,  31, 28, 31, 30, 31, 30,
                                                     31, 31, 30, 31, 30, 31};
    return len[m] + (m == 2 && is_leap(y));
}

/* 1 January of year y, for RT_YEAR_MIN <= y <= RT_YEAR_MAX + 2: 365 days a year since 1970
 * and the leap days of years 1..y-1 less the 477 of years 1..1969 (y - 1 > 0 here, so C's
 * division is the floor). jan1_of holds them all, computed at compile time (the year after
 * the last is there for the estimate in polrt_year_of, which may be one high). */
#define JAN1(y) (365 * ((y)-1970) + ((y)-1) / 4 - ((y)-1) / 100 + ((y)-1) / 400 - 477)
#define JAN1_10(y)                                                                                 \
    JAN1(y), JAN1((y) + 1), JAN1((y) + 2), JAN1((y) + 3), JAN1((y) + 4), JAN1((y) + 5),            \
        JAN1((y) + 6), JAN1((y) + 7), JAN1((y) + 8), JAN1((y) + 9)
#define JAN1_100(y)                                                                                \
    JAN1_10(y), JAN1_10((y) + 10), JAN1_10((y) + 20), JAN1_10((y) + 30), JAN1_10((y) + 40),        \
        JAN1_10((y) + 50), JAN1_10((y) + 60), JAN1_10((y) + 70), JAN1_10((y) + 80),                \
        JAN1_10((y) + 90)
static const int32_t jan1_of[] = {JAN1_100(1900), JAN1_100(2000), JAN1_100(2100), JAN1(2200),
                                  JAN1(2201)};
_Static_assert(RT_YEAR_MIN == 1900 && RT_YEAR_MAX == 2199 &&
                   sizeof jan1_of / sizeof *jan1_of == RT_YEAR_MAX - RT_YEAR_MIN + 3,
               "jan1_of covers RT_YEAR_MIN..RT_YEAR_MAX + 2");

/* date := digit{4} "-" digit{2} "-" digit{2}, a real date in RT_YEAR_MIN..RT_YEAR_MAX;
 * nothing before or after (no blanks): -1 otherwise. The digits sit at fixed places and the
 * day number is 1 January's (jan1_of) plus the days before the month (no era arithmetic): ~40
 * instructions a date where digit loops and polrt_days_from_civil took ~150 (the 104,638-claim
 * benchmark parses 253 k dates). */
/* days before month m (1-based) in a common year */
static const int16_t before[MONTHS_PER_YEAR + 1] = {0,   0,   31,  59,  90,  120, 151,
                                                    181, 212, 243, 273, 304, 334};

int rt_date_problem(const char *s, size_t n, char *buf, size_t len)
{
    /* the first three runs of ASCII digits (2017-02-30, 2017/2/30, 2017年2月30日) */
    long v[3];
    int k = 0;
    size_t ydigits = 0; /* of the first run: four is a year, 0000 as much as 9999 */
    size_t end = 0;     /* where the third run ends */
    for (size_t i = 0; i < n && k < 3;) {
        if (s[i] < '0' || s[i] > '9') {
            i++;
            continue;
        }
        long x = 0;
        size_t from = i;
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
            if (i - from < 7) /* past 6 digits the run is no part of a date: no overflow */
                x = x * 10 + (s[i] - '0');
        if (i - from > 6) /* no part of a date: say only what a date looks like */
            return 0;
        if (k == 0)
            ydigits = i - from;
        v[k++] = x;
        end = i;
    }
    static const char *const names[] = {"January",   "February", "March",    "April",
                                        "May",       "June",     "July",     "August",
                                        "September", "October",  "November", "December"};
    if (k < 3 || (v[0] < 1000 && ydigits != 4)) /* 17-05-01: no year to speak of */
        return 0;
    if (v[0] < RT_YEAR_MIN || v[0] > RT_YEAR_MAX)
        snprintf(buf, len, "year %ld: polc knows the years %d to %d", v[0], RT_YEAR_MIN,
                 RT_YEAR_MAX);
    else if (v[1] < 1 || v[1] > MONTHS_PER_YEAR)
        snprintf(buf, len, "there is no month %ld", v[1]);
    else if (v[2] < 1 || v[2] > days_in_month((uint64_t)v[0], v[1]))
        snprintf(buf, len, "there is no such day: %s %ld has %d days", names[v[1] - 1], v[0],
                 (int)days_in_month((uint64_t)v[0], v[1]));
    else if (end < n && s[end] == ' ' && memchr(s + end, ':', n - end))
        /* 2018/5/2 0:00: Excel's text of a cell formatted as a date and time */
        snprintf(buf, len, "a date with a time of day: write the date alone, %04ld-%02ld-%02ld",
                 v[0], v[1], v[2]);
    else
        return 0;
    return 1;
}

/* the first 8 bytes of s as a little-endian word (byte i in bits 8i..8i+7) */
static uint64_t load_le64(const char *s)
{
    uint64_t w;
    memcpy(&w, s, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return w;
}

/* "YY-MM-DD" (the date's last 8 bytes) xor this: the digits' values, 0 at the dashes */
#define DATE_TAIL_XOR 0x30302D30302D3030u
/* added to that: a top bit set in each byte over 9 (a digit's place) or over 0 (a dash's);
 * no carry out of a byte under 0x80, and one of 0x80 or more has its top bit set already */
#define DATE_TAIL_ADD 0x76767F76767F7676u

/* The 10 bytes as a word and a pair, each checked with one add, the word's digits paired
 * in one multiply-add: ~55 instructions a date where a test and a subtraction a byte took
 * ~80 (settle_bench parses 253 k dates: 20.5 -> 14.9 M instructions). */
int polrt_parse_date(const char *s, size_t n, int64_t *out)
{
    if (n != DATE_TEXT_LEN)
        return -1;
    uint64_t x = load_le64(s + 2) ^ DATE_TAIL_XOR;
    unsigned c = ((unsigned)(unsigned char)s[0] | (unsigned)(unsigned char)s[1] << 8) ^ 0x3030u;
    if ((((x + DATE_TAIL_ADD) | x) & 0x8080808080808080u) | (((c + 0x7676u) | c) & 0x8080u))
        return -1;
    /* 10 a + b of each byte a and the next b: the year's last two digits in byte 0, the
     * month in byte 3, the day in byte 6 (no byte passes 99: no carry) */
    uint64_t v = x * 10 + (x >> 8);
    unsigned y = ((c & 0xFF) * 10 + (c >> 8)) * 100 + (unsigned)(v & 0xFF);
    unsigned m = (unsigned)(v >> 24 & 0xFF), d = (unsigned)(v >> 48 & 0xFF);
    unsigned yi = y - RT_YEAR_MIN; /* wraps above the range for a year before it */
    if (yi > RT_YEAR_MAX - RT_YEAR_MIN || m - 1 >= MONTHS_PER_YEAR)
        return -1;
    /* a leap year's 1 January is 366 days before the next one's (jan1_of runs a year on);
     * the month's length and the days before it, by year kind: no test of the month */
    static const struct {
        uint16_t before; /* days of the year before the month */
        uint8_t len;     /* days of the month */
    } month[2][MONTHS_PER_YEAR + 1] = {
        {{0, 0},
         {0, 31},
         {31, 28},
         {59, 31},
         {90, 30},
         {120, 31},
         {151, 30},
         {181, 31},
         {212, 31},
         {243, 30},
         {273, 31},
         {304, 30},
         {334, 31}},
        {{0, 0},
         {0, 31},
         {31, 29},
         {60, 31},
         {91, 30},
         {121, 31},
         {152, 30},
         {182, 31},
         {213, 31},
         {244, 30},
         {274, 31},
         {305, 30},
         {335, 31}},
    };
    int32_t jan1 = jan1_of[yi];
    unsigned leap = (unsigned)(jan1_of[yi + 1] - jan1 - 365);
    if (d - 1 >= month[leap][m].len)
        return -1;
    *out = (int64_t)jan1 + month[leap][m].before + d - 1;
    return 0;
}

/* "2026-03-01" (buf >= 32 bytes). Within the runtime's years the year comes from the table
 * of 1 Januaries (polrt_year_of) and the month from the days before each, one step up from
 * the day of the year / 31 (no month is longer, and none so short that it is two steps):
 * ~120 instructions a date where the civil arithmetic and digit loops took ~316 (a failed
 * claim's text names its date: 6.6% of polc gen's claims for Panji; callgrind). */
char *polrt_fmt_date(int64_t day, char *buf)
{
    int64_t y, m, d;
    if (day >= jan1_of[0] && day < jan1_of[RT_YEAR_MAX + 1 - RT_YEAR_MIN]) {
        y = polrt_year_of(day);
        int doy = (int)(day - jan1_of[y - RT_YEAR_MIN]), leap = is_leap((unsigned)y);
        int mm = doy / 31 + 1;
        mm += mm < MONTHS_PER_YEAR && doy >= before[mm + 1] + (mm + 1 > 2 && leap);
        m = mm;
        d = doy - (before[mm] + (mm > 2 && leap)) + 1;
    } else {
        polrt_civil_from_days(day, &y, &m, &d);
        if (y < 0 || y > 9999) {
            snprintf(buf, 32, "%04" PRId64 "-%02" PRId64 "-%02" PRId64, y, m, d);
            return buf;
        }
    }
    /* digits in place, as the snprintf above writes them: a failed claim's text names its
     * date, and snprintf was ~800 instructions of the ~2,600 such a claim cost (callgrind) */
    char *o = rt_put_digits0(buf, (uint32_t)y, 4);
    *o++ = '-';
    o = rt_put_digits0(o, (uint32_t)m, 2);
    *o++ = '-';
    o = rt_put_digits0(o, (uint32_t)d, 2);
    *o = '\0';
    return buf;
}

/* The year of a day: every ledger key and "year of" asks, once a claim or more. Within the
 * runtime's years, the mean year's length gives the year to within one (the unit test checks
 * every day), which the table of 1 Januaries corrects, without the civil arithmetic's eras
 * and months: ~20 instructions, where computing both 1 Januaries took 48 (callgrind). */
int64_t polrt_year_of(int64_t day)
{
    if (day >= jan1_of[0] && day < jan1_of[RT_YEAR_MAX + 1 - RT_YEAR_MIN]) {
        int64_t i = (day - jan1_of[0]) * YEARS_PER_ERA / DAYS_PER_ERA;
        i -= day < jan1_of[i];
        i += day >= jan1_of[i + 1];
        return RT_YEAR_MIN + i;
    }
    int64_t y, m, d;
    polrt_civil_from_days(day, &y, &m, &d);
    return y;
}

int64_t polrt_month_of(int64_t day)
{
    int64_t y, m, d;
    polrt_civil_from_days(day, &y, &m, &d);
    return m;
}

/* 1 January of day's year (day within the domain of polrt_days_from_civil) */
int64_t polrt_year_start(int64_t day)
{
    return polrt_days_from_civil(polrt_year_of(day), 1, 1);
}

/* The month `months` after day's month, on day's day of the month clamped to that month's
 * end (or on the 1st when clamp_to_first); a result outside RT_YEAR_MIN..RT_YEAR_MAX
 * fails with POLRT_E_DATE. Defined for every int64 day and month count. */
static int64_t shift_months(PolCtx *ctx, int64_t day, int64_t months, int clamp_to_first,
                            int64_t loc)
{
    int64_t y, m, d, total;
    polrt_civil_from_days(day, &y, &m, &d);
    /* |y| < 2^55 for any int64 day, so y * 12 fits; only adding months can overflow */
    if (__builtin_add_overflow(y * MONTHS_PER_YEAR + (m - 1), months, &total))
        polrt_fail(ctx, POLRT_E_DATE, loc);
    int64_t ny = floor_div(total, MONTHS_PER_YEAR), nm = floor_mod(total, MONTHS_PER_YEAR) + 1;
    if (ny < RT_YEAR_MIN || ny > RT_YEAR_MAX)
        polrt_fail(ctx, POLRT_E_DATE, loc);
    if (clamp_to_first)
        d = 1;
    else if (d > days_in_month((uint64_t)ny, nm))
        d = days_in_month((uint64_t)ny, nm);
    return polrt_days_from_civil(ny, nm, d);
}

/* day + months calendar months; the day of the month clamps to the target month's end:
 * 2025-01-31 + 1 month = 2025-02-28, 2024-01-31 + 1 month = 2024-02-29. Negative months
 * count back. */
int64_t polrt_add_months(PolCtx *ctx, int64_t day, int64_t months, int64_t loc)
{
    return shift_months(ctx, day, months, 0, loc);
}

/* 次月: the 1st of the month after day's month (S2 §三: benefits start, and stop, "from
 * the 1st of the month after" recognition or exit) */
int64_t polrt_month_after(PolCtx *ctx, int64_t day, int64_t loc)
{
    return shift_months(ctx, day, 1, 1, loc);
}
