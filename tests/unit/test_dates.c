/* test_dates.c — runtime/dates.c: day numbers both ways (every day of 1900..2199), strict
 * "YYYY-MM-DD", year/month helpers, 次月 (month_after) and calendar-month arithmetic with
 * the day clamped to the month's end, and POLRT_E_DATE outside the supported years. */
#include "rt_int.h"
#include "unit.h"

#include <inttypes.h>
#include <setjmp.h>
#include <stdlib.h>

/* the source location every failing call below passes, to see it recorded */
#define LOC 7

/* static, not automatic: it is written between setjmp and longjmp */
static PolCtx fctx;

static int64_t day_of(const char *s)
{
    int64_t v = INT64_MIN;
    return polrt_parse_date(s, strlen(s), &v) == 0 ? v : INT64_MIN;
}

/* the date text of f(day, n) under a handler, or "E<code>" when it failed */
static const char *shifted(int64_t (*f)(PolCtx *, int64_t, int64_t, int64_t), const char *date,
                           int64_t n)
{
    static char buf[32];
    jmp_buf jb;
    memset(&fctx, 0, sizeof fctx);
    fctx.jmp = &jb;
    if (setjmp(jb) != 0) {
        snprintf(buf, sizeof buf, "E%" PRId64 "@%" PRId64, fctx.err_code, fctx.err_loc);
        return buf;
    }
    return polrt_fmt_date(f(&fctx, day_of(date), n, LOC), buf);
}

static int64_t month_after(PolCtx *ctx, int64_t day, int64_t unused, int64_t loc)
{
    (void)unused;
    return polrt_month_after(ctx, day, loc);
}

static void test_civil(void)
{
    int64_t y, m, d;
    CHECK_EQ("1970-01-01 is day 0", polrt_days_from_civil(1970, 1, 1), 0);
    CHECK_EQ("1969-12-31 is day -1", polrt_days_from_civil(1969, 12, 31), -1);
    /* 2000-01-01 = 30 × 365 + 7 leap days (1972..1996) = 10957; + 31 + 29 = 11017 */
    CHECK_EQ("2000-03-01", polrt_days_from_civil(2000, 3, 1), 11017);
    /* 2025-01-01 = 55 × 365 + 14 leap days (1972..2024) = 20089; 2026-01-01 = 20454 */
    CHECK_EQ("2025-01-01", polrt_days_from_civil(2025, 1, 1), 20089);
    /* 2026-10-13: 20454 + 273 (Jan..Sep) + 12 = 20739 */
    CHECK_EQ("2026-10-13", polrt_days_from_civil(2026, 10, 13), 20739);
    /* 1900-01-01: 70 × 365 + 17 leap days (1904..1968) = 25567 before the epoch */
    CHECK_EQ("1900-01-01", polrt_days_from_civil(1900, 1, 1), -25567);
    /* 2200-01-01: 230 × 365 + 56 leap days (1972..2196 less 2100) = 84006 */
    CHECK_EQ("2200-01-01", polrt_days_from_civil(2200, 1, 1), 84006);

    polrt_civil_from_days(-1, &y, &m, &d);
    CHECK("day -1 is 1969-12-31", y == 1969 && m == 12 && d == 31);
    polrt_civil_from_days(11016, &y, &m, &d);
    CHECK("day 11016 is 2000-02-29", y == 2000 && m == 2 && d == 29);

    /* every day of the supported years: consecutive, a real date, and back again */
    int ok = 1;
    int64_t py = 1899, pm = 12, pd = 31;
    for (int64_t day = polrt_days_from_civil(RT_YEAR_MIN, 1, 1);
         day <= polrt_days_from_civil(RT_YEAR_MAX, 12, 31); day++) {
        polrt_civil_from_days(day, &y, &m, &d);
        int next = (y == py && m == pm && d == pd + 1) || (y == py && m == pm + 1 && d == 1) ||
                   (y == py + 1 && m == 1 && d == 1 && pm == 12);
        ok &= next && polrt_days_from_civil(y, m, d) == day;
        py = y, pm = m, pd = d;
    }
    CHECK("1900..2199 day by day", ok && py == RT_YEAR_MAX && pm == 12 && pd == 31);

    /* total for any int64, even POLRT_NONE (UBSan watches) */
    polrt_civil_from_days(INT64_MIN, &y, &m, &d);
    CHECK("INT64_MIN gives some real month and day", m >= 1 && m <= 12 && d >= 1 && d <= 31);
    polrt_civil_from_days(INT64_MAX, &y, &m, &d);
    CHECK("INT64_MAX gives some real month and day", m >= 1 && m <= 12 && d >= 1 && d <= 31);
}

static void test_text(void)
{
    char buf[32];
    CHECK_EQ("parse 2026-10-13", day_of("2026-10-13"), 20739);
    CHECK_EQ("parse 2024-02-29", day_of("2024-02-29"), polrt_days_from_civil(2024, 2, 29));
    CHECK_EQ("parse 2000-02-29", day_of("2000-02-29"), 11016);
    CHECK_EQ("parse 1900-01-01", day_of("1900-01-01"), -25567);
    CHECK_EQ("parse 2199-12-31", day_of("2199-12-31"), 84005);
    static const char *const bad[] = {
        "2025-02-29",  "1900-02-29",    "2026-13-01", "2026-00-10", "2026-01-32",
        "2026-04-31",  "2026-01-00",    "2026-1-01",  "2026-01-1",  "2026/01/01",
        " 2026-01-01", "2026-01-01 ",   "1899-12-31", "2200-01-01", "",
        "abcd-ef-gh",  "2026-01-01T00", "+026-01-01", "20260101",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char name[64];
        snprintf(name, sizeof name, "date rejects '%s'", bad[i]);
        CHECK_EQ(name, day_of(bad[i]), INT64_MIN);
    }
    /* the parse's own day arithmetic (1 January plus the days before the month) against the
     * civil algorithm, on the text of every day of the supported years */
    {
        int64_t wrong = 0, last = polrt_days_from_civil(RT_YEAR_MAX, 12, 31);
        for (int64_t d = polrt_days_from_civil(RT_YEAR_MIN, 1, 1); d <= last; d++)
            if (day_of(polrt_fmt_date(d, buf)) != d && !wrong++)
                fprintf(stderr, "parse(%s) = %" PRId64 ", not %" PRId64 "\n", buf, day_of(buf), d);
        CHECK_EQ("parse = civil day, every day of 1900..2199", wrong, 0);
    }
    /* 2024-12-31: 2024-01-01 is 19723 (54 × 365 + 13 leap days 1972..2020) + 365 (leap) */
    CHECK_EQ("parse 2024-12-31", day_of("2024-12-31"), 20088);
    CHECK_EQ("parse 2100-03-01 (2100 is no leap year)", day_of("2100-03-01"),
             polrt_days_from_civil(2100, 2, 28) + 1);
    CHECK_EQ("date rejects 2100-02-29", day_of("2100-02-29"), INT64_MIN);
    CHECK_EQ("date rejects a digit past 9 ('2026-0:-01')", day_of("2026-0:-01"), INT64_MIN);
    CHECK_EQ("date rejects a byte below '0' ('2026-01-0/')", day_of("2026-01-0/"), INT64_MIN);
    /* every byte value at every place of a few dates, against the rule said byte by byte (a
     * digit 0-9 at 0-3, 5-6, 8-9, '-' at 4 and 7) and the civil day of what the digits say
     * when they make a date */
    {
        static const char *const base[] = {"2024-02-29", "2017-12-31", "1900-01-01", "2199-09-30"};
        int64_t wrong = 0;
        for (size_t b = 0; b < sizeof base / sizeof *base; b++)
            for (int at = 0; at < 10; at++)
                for (int ch = 0; ch < 256; ch++) {
                    char t[11];
                    memcpy(t, base[b], 11);
                    t[at] = (char)ch;
                    int shape = 1;
                    for (int i = 0; i < 10; i++)
                        shape &= i == 4 || i == 7 ? t[i] == '-' : t[i] >= '0' && t[i] <= '9';
                    int64_t want = INT64_MIN;
                    if (shape) {
                        int y = atoi(t), m = atoi(t + 5), d = atoi(t + 8);
                        int64_t day = polrt_days_from_civil(y, m, d), yy, mm, dd;
                        polrt_civil_from_days(day, &yy, &mm, &dd);
                        if (y >= RT_YEAR_MIN && y <= RT_YEAR_MAX && yy == y && mm == m && dd == d)
                            want = day;
                    }
                    int64_t got = INT64_MIN;
                    if (polrt_parse_date(t, 10, &got) != 0)
                        got = INT64_MIN;
                    if (got != want && !wrong++)
                        fprintf(stderr,
                                "parse of '%s' with byte %d at %d: %" PRId64 ", not %" PRId64 "\n",
                                base[b], ch, at, got, want);
                }
        CHECK_EQ("parse: every byte at every place of 4 dates, as the rule says", wrong, 0);
    }
    CHECK_STR("format day 0", polrt_fmt_date(0, buf), "1970-01-01");
    CHECK_STR("format 20739", polrt_fmt_date(20739, buf), "2026-10-13");
    CHECK_STR("format -25567", polrt_fmt_date(-25567, buf), "1900-01-01");
    /* the digits written in place against snprintf's, across the four-digit years and past
     * them (the fallback) */
    {
        int64_t wrong = 0, from = polrt_days_from_civil(0, 1, 1) - 400,
                to = polrt_days_from_civil(10000, 1, 1) + 400;
        for (int64_t d = from; d <= to; d += d < from + 800 || d > to - 800 ? 1 : 97) {
            int64_t y, m, dd;
            char want[32];
            polrt_civil_from_days(d, &y, &m, &dd);
            snprintf(want, sizeof want, "%04" PRId64 "-%02" PRId64 "-%02" PRId64, y, m, dd);
            if (strcmp(polrt_fmt_date(d, buf), want) != 0 && !wrong++)
                fprintf(stderr, "fmt(%" PRId64 ") = %s, not %s\n", d, buf, want);
        }
        CHECK_EQ("format = snprintf's, years -2..10001", wrong, 0);
    }
    /* a claim dated outside the policy: its text, and cut to a short buffer as snprintf
     * would cut it */
    {
        char text[64];
        int64_t d = day_of("2016-03-09");
        CHECK_STR("outside the validity",
                  rt_failure_text(NULL, POLRT_E_NOVERSION, -1, d, text, sizeof text),
                  "dated 2016-03-09, outside the policy's validity");
        CHECK_STR("cut at 12 bytes", rt_failure_text(NULL, POLRT_E_NOVERSION, -1, d, text, 12),
                  "dated 2016-");
        CHECK_STR("cut at 1 byte", rt_failure_text(NULL, POLRT_E_NOVERSION, -1, d, text, 1), "");
    }

    CHECK_EQ("year_of", polrt_year_of(day_of("2026-10-13")), 2026);
    CHECK_EQ("year_of 12-31", polrt_year_of(day_of("2025-12-31")), 2025);
    /* the fast path agrees with the civil arithmetic on every day of its range and around */
    {
        int64_t wrong = 0, from = polrt_days_from_civil(1898, 1, 1);
        for (int64_t d = from; d < polrt_days_from_civil(2202, 1, 1); d++) {
            int64_t y, m, dd;
            polrt_civil_from_days(d, &y, &m, &dd);
            if (polrt_year_of(d) != y && !wrong++)
                fprintf(stderr, "year_of(%" PRId64 ") = %" PRId64 ", not %" PRId64 "\n", d,
                        polrt_year_of(d), y);
        }
        CHECK_EQ("year_of = civil year, 1898-2201", wrong, 0);
    }
    CHECK_EQ("year_of 1900-01-01", polrt_year_of(day_of("1900-01-01")), 1900);
    CHECK_EQ("year_of 2199-12-31", polrt_year_of(day_of("2199-12-31")), 2199);
    CHECK_EQ("year_of 2200-01-01", polrt_year_of(polrt_days_from_civil(2200, 1, 1)), 2200);
    CHECK_EQ("month_of", polrt_month_of(day_of("2026-10-13")), 10);
    CHECK_EQ("month_of Feb 29", polrt_month_of(day_of("2024-02-29")), 2);
    CHECK_EQ("year_start", polrt_year_start(day_of("2026-10-13")), day_of("2026-01-01"));
    CHECK_EQ("year_start of Jan 1", polrt_year_start(day_of("2026-01-01")), day_of("2026-01-01"));
    CHECK_EQ("year_start of Dec 31", polrt_year_start(day_of("2024-12-31")), day_of("2024-01-01"));
}

static void test_months(void)
{
    /* 次月: the 1st of the next month; December goes to January of the next year */
    CHECK_STR("month_after 2026-03-15", shifted(month_after, "2026-03-15", 0), "2026-04-01");
    CHECK_STR("month_after 1st", shifted(month_after, "2026-03-01", 0), "2026-04-01");
    CHECK_STR("month_after Jan 31", shifted(month_after, "2026-01-31", 0), "2026-02-01");
    CHECK_STR("month_after Dec", shifted(month_after, "2026-12-15", 0), "2027-01-01");
    CHECK_STR("month_after Dec 31", shifted(month_after, "2025-12-31", 0), "2026-01-01");
    CHECK_STR("month_after 2199-12", shifted(month_after, "2199-12-01", 0), "E5@7");

    /* the day clamps to the end of the target month */
    CHECK_STR("2025-01-31 +1", shifted(polrt_add_months, "2025-01-31", 1), "2025-02-28");
    CHECK_STR("2024-01-31 +1", shifted(polrt_add_months, "2024-01-31", 1), "2024-02-29");
    CHECK_STR("2026-03-31 +1", shifted(polrt_add_months, "2026-03-31", 1), "2026-04-30");
    CHECK_STR("2025-01-30 +1", shifted(polrt_add_months, "2025-01-30", 1), "2025-02-28");
    CHECK_STR("2025-01-28 +1", shifted(polrt_add_months, "2025-01-28", 1), "2025-02-28");
    CHECK_STR("2026-08-31 +6", shifted(polrt_add_months, "2026-08-31", 6), "2027-02-28");
    CHECK_STR("2025-12-31 +2", shifted(polrt_add_months, "2025-12-31", 2), "2026-02-28");
    CHECK_STR("2025-11-15 +3", shifted(polrt_add_months, "2025-11-15", 3), "2026-02-15");
    CHECK_STR("2026-05-20 +0", shifted(polrt_add_months, "2026-05-20", 0), "2026-05-20");
    CHECK_STR("2024-02-29 +12", shifted(polrt_add_months, "2024-02-29", 12), "2025-02-28");
    CHECK_STR("2024-02-29 +48", shifted(polrt_add_months, "2024-02-29", 48), "2028-02-29");
    /* negative months count back, clamping the same way (S2 §三: 6 months before) */
    CHECK_STR("2024-03-31 -1", shifted(polrt_add_months, "2024-03-31", -1), "2024-02-29");
    CHECK_STR("2025-03-31 -1", shifted(polrt_add_months, "2025-03-31", -1), "2025-02-28");
    CHECK_STR("2025-05-15 -6", shifted(polrt_add_months, "2025-05-15", -6), "2024-11-15");
    CHECK_STR("2026-08-31 -6", shifted(polrt_add_months, "2026-08-31", -6), "2026-02-28");
    CHECK_STR("2026-01-15 -1", shifted(polrt_add_months, "2026-01-15", -1), "2025-12-15");
    CHECK_STR("2026-01-15 -13", shifted(polrt_add_months, "2026-01-15", -13), "2024-12-15");
    CHECK_STR("2026-01-15 -12", shifted(polrt_add_months, "2026-01-15", -12), "2025-01-15");
    /* the whole range, end to end: 300 years less one month */
    CHECK_STR("1900-01-31 +3599", shifted(polrt_add_months, "1900-01-31", 3599), "2199-12-31");
    CHECK_STR("2199-12-31 -3599", shifted(polrt_add_months, "2199-12-31", -3599), "1900-01-31");

    /* leaving 1900..2199 is POLRT_E_DATE (5) at the caller's location (7) */
    CHECK_STR("2199-12-31 +1", shifted(polrt_add_months, "2199-12-31", 1), "E5@7");
    CHECK_STR("1900-01-31 -1", shifted(polrt_add_months, "1900-01-31", -1), "E5@7");
    CHECK_STR("+INT64_MAX months", shifted(polrt_add_months, "2026-01-01", INT64_MAX), "E5@7");
    CHECK_STR("INT64_MIN months", shifted(polrt_add_months, "2026-01-01", INT64_MIN), "E5@7");
}

/* why a date-shaped cell names no day, for the reject message (rt_date_problem) */
static void test_problem(void)
{
    char b[128];
#define PROBLEM(s) (rt_date_problem(s, strlen(s), b, sizeof b) ? b : "(none)")
    CHECK_STR("30 February", PROBLEM("2017-02-30"),
              "there is no such day: February 2017 has 28 days");
    CHECK_STR("29 February of a leap year is a day", PROBLEM("2016-02-29"), "(none)");
    CHECK_STR("29 February 1900 (no leap year)", PROBLEM("1900-02-29"),
              "there is no such day: February 1900 has 28 days");
    CHECK_STR("31 April, Excel's Chinese form", PROBLEM("2017年4月31日"),
              "there is no such day: April 2017 has 30 days");
    CHECK_STR("month 13, slashes", PROBLEM("2017/13/1"), "there is no month 13");
    CHECK_STR("month 0", PROBLEM("2017-00-10"), "there is no month 0");
    CHECK_STR("day 0", PROBLEM("2017-01-00"), "there is no such day: January 2017 has 31 days");
    CHECK_STR("a year past 2199", PROBLEM("2250-01-01"),
              "year 2250: polc knows the years 1900 to 2199");
    /* four digits are a year before 1000 too: one message for a year out of range (0000 was
     * "expected YYYY-MM-DD" where 9999 named the years) */
    CHECK_STR("year 0000", PROBLEM("0000-05-01"), "year 0: polc knows the years 1900 to 2199");
    CHECK_STR("year 9999", PROBLEM("9999-12-31"), "year 9999: polc knows the years 1900 to 2199");
    CHECK_STR("two digits are no year", PROBLEM("17-05-01"), "(none)");
    CHECK_STR("no date at all", PROBLEM("yesterday"), "(none)");
    CHECK_STR("two numbers", PROBLEM("2017年3月"), "(none)");
    CHECK_STR("day first (not a year first)", PROBLEM("30/02/2017"), "(none)");
    CHECK_STR("a run of digits no date has (the review)", PROBLEM("99999999999-02-30"), "(none)");
#undef PROBLEM
}

int main(void)
{
    test_problem();
    test_civil();
    test_text();
    test_months();
    UNIT_END();
}
