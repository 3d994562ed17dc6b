/* test_calendar.c — runtime/calendar.c: the embedded 2017/2018/2025/2026 working-day
 * calendar (DOMAIN.md "Calendar"), working days counted as 民法典 第二百零一条 counts them
 * (the start day is not counted), POLRT_E_CALENDAR outside the loaded years, run-time loads
 * (new years, replaced years, all-or-nothing), and every bad line reported as file:line.
 * Weekdays used below: 2025-01-01 Wed, 2026-01-01 Thu, 2017-01-01 Sun, 2018-01-01 Mon. */
#include "rt_int.h"
#include "unit.h"

#include <setjmp.h>
#include <stdlib.h>
#include <unistd.h>

/* the source location every failing call below passes, to see it recorded */
#define LOC 9

/* the generated table calendar.c parses (build/runtime/calendar_data.c) */
extern const char *const polrt_calendar_embedded[];

/* static, not automatic: it is written between setjmp and longjmp */
static PolCtx fctx;

static int64_t day_of(const char *s)
{
    int64_t v = INT64_MIN;
    if (polrt_parse_date(s, strlen(s), &v) != 0) {
        /* stop here: loops bounded by these dates would otherwise run from INT64_MIN, saying
         * this on every step (a broken date parse once wrote 74 GB of this log) */
        printf("[FAIL] %s: bad date in the test itself: %s\n", __FILE__, s);
        exit(1);
    }
    return v;
}

/* the n-th working day after date, as text, or "E<code>@<loc>" when it failed */
static const char *after(const char *date, int64_t n)
{
    static char buf[32];
    jmp_buf jb;
    memset(&fctx, 0, sizeof fctx);
    fctx.jmp = &jb;
    if (setjmp(jb) != 0) {
        snprintf(buf, sizeof buf, "E%" PRId64 "@%" PRId64, fctx.err_code, fctx.err_loc);
        return buf;
    }
    return polrt_fmt_date(polrt_add_workdays(&fctx, day_of(date), n, LOC), buf);
}

/* working days in (from, to], or minus the failure code */
static int64_t between_days(int64_t from, int64_t to)
{
    jmp_buf jb;
    memset(&fctx, 0, sizeof fctx);
    fctx.jmp = &jb;
    if (setjmp(jb) != 0)
        return fctx.err_loc == LOC ? -fctx.err_code : INT64_MIN;
    return polrt_workdays_between(&fctx, from, to, LOC);
}

static int64_t between(const char *from, const char *to)
{
    return between_days(day_of(from), day_of(to));
}

static void test_workday(void)
{
    CHECK_STR("the embedded calendar is clean", polrt_calendar_error(), "");
    CHECK_EQ("2026-10-01 holiday", polrt_is_workday(day_of("2026-10-01")), 0);
    CHECK_EQ("2026-10-08 Thu after the holiday", polrt_is_workday(day_of("2026-10-08")), 1);
    CHECK_EQ("2026-10-10 Sat swapped", polrt_is_workday(day_of("2026-10-10")), 1);
    CHECK_EQ("2026-10-11 Sun", polrt_is_workday(day_of("2026-10-11")), 0);
    CHECK_EQ("2026-02-14 Sat swapped", polrt_is_workday(day_of("2026-02-14")), 1);
    CHECK_EQ("2026-02-21 Sat in 春节", polrt_is_workday(day_of("2026-02-21")), 0);
    CHECK_EQ("2026-02-23 Mon in 春节", polrt_is_workday(day_of("2026-02-23")), 0);
    CHECK_EQ("2025-01-26 Sun swapped", polrt_is_workday(day_of("2025-01-26")), 1);
    CHECK_EQ("2025-10-08 Wed holiday", polrt_is_workday(day_of("2025-10-08")), 0);
    CHECK_EQ("2017-01-02 Mon holiday", polrt_is_workday(day_of("2017-01-02")), 0);
    CHECK_EQ("2018-09-30 Sun swapped", polrt_is_workday(day_of("2018-09-30")), 1);
    CHECK_EQ("2018-06-18 Mon holiday", polrt_is_workday(day_of("2018-06-18")), 0);
    /* 2019-2024 (each date against its notice; runtime/calendar/YYYY.txt cites them) */
    CHECK_EQ("2018-12-29 Sat swapped (2019's 元旦)", polrt_is_workday(day_of("2018-12-29")), 1);
    CHECK_EQ("2018-12-31 Mon holiday (2019's 元旦)", polrt_is_workday(day_of("2018-12-31")), 0);
    CHECK_EQ("2019-05-02 Thu holiday (五一 as amended)", polrt_is_workday(day_of("2019-05-02")), 0);
    CHECK_EQ("2019-05-05 Sun swapped (amended)", polrt_is_workday(day_of("2019-05-05")), 1);
    CHECK_EQ("2020-01-31 Fri holiday (extended 春节)", polrt_is_workday(day_of("2020-01-31")), 0);
    CHECK_EQ("2020-02-01 Sat no longer swapped", polrt_is_workday(day_of("2020-02-01")), 0);
    CHECK_EQ("2020-02-03 Mon back at work", polrt_is_workday(day_of("2020-02-03")), 1);
    CHECK_EQ("2021-09-18 Sat swapped", polrt_is_workday(day_of("2021-09-18")), 1);
    CHECK_EQ("2022-10-09 Sun swapped", polrt_is_workday(day_of("2022-10-09")), 1);
    CHECK_EQ("2023-01-02 Mon holiday", polrt_is_workday(day_of("2023-01-02")), 0);
    CHECK_EQ("2023-10-06 Fri holiday", polrt_is_workday(day_of("2023-10-06")), 0);
    CHECK_EQ("2024-02-09 Fri 除夕 works", polrt_is_workday(day_of("2024-02-09")), 1);
    CHECK_EQ("2024-02-18 Sun swapped", polrt_is_workday(day_of("2024-02-18")), 1);
    CHECK_EQ("2016-05-06 not shipped", polrt_is_workday(day_of("2016-05-06")), -1);
    CHECK_EQ("2016-12-30 not shipped", polrt_is_workday(day_of("2016-12-30")), -1);
    CHECK_EQ("2027-01-04 not shipped", polrt_is_workday(day_of("2027-01-04")), -1);
    CHECK_EQ("1899-12-31", polrt_is_workday(day_of("1900-01-01") - 1), -1);
    CHECK_EQ("INT64_MIN", polrt_is_workday(INT64_MIN), -1);
    CHECK_EQ("INT64_MAX", polrt_is_workday(INT64_MAX), -1);

    /* a year's working days: its weekdays, less the holidays on weekdays, plus the swapped
     * days. 2026: 261 weekdays (52 weeks + Thu); holidays on Mon-Fri: 01-01/02 (2),
     * 02-16..20, 02-23 (6), 04-06 (1), 05-01/04/05 (3), 06-19 (1), 09-25 (1), 10-01/02/05/06/07
     * (5) = 19; swapped 6: 261 - 19 + 6 = 248. 2025: 261 weekdays (52 weeks + Wed); 01-01 (1),
     * 01-28..31, 02-03/04 (6), 04-04 (1), 05-01/02/05 (3), 06-02 (1), 10-01..03, 10-06..08 (6)
     * = 18; swapped 5: 261 - 18 + 5 = 248. 2017: 260 weekdays (52 weeks + Sun); 01-02 (1),
     * 01-27, 01-30..02-02 (5), 04-03/04 (2), 05-01 (1), 05-29/30 (2), 10-02..06 (5) = 16;
     * swapped 5: 249. 2018 (checked by an independent script): 250. */
    CHECK_EQ("2026 has 248 working days", between("2025-12-31", "2026-12-31"), 248);
    /* (from, to]: 2024-12-31 itself is not looked at, so 2024 need not be loaded */
    CHECK_EQ("2025 has 248 working days", between("2024-12-31", "2025-12-31"), 248);
    CHECK_EQ("2017 has 249 working days", between("2016-12-31", "2017-12-31"), 249);
    CHECK_EQ("2018 has 250 working days", between("2017-12-31", "2018-12-31"), 250);
    /* 2019: 261 weekdays (52 weeks + Tue); holidays on Mon-Fri: 01-01 (1), 02-04..08 (5),
     * 04-05 (1), 05-01..03 (3, as amended), 06-07 (1), 09-13 (1), 10-01..04, 10-07 (5) = 17;
     * swapped 02-02/03, 04-28, 05-05, 09-29, 10-12 (6): 261 - 17 + 6 = 250. 2020 (leap, starts
     * Wed: 262 weekdays): 01-01 (1), 01-24..31 (6, extended), 04-06 (1), 05-01..05 (3),
     * 06-25/26 (2), 10-01/02/05..08 (6) = 19; swapped 01-19, 04-26, 05-09, 06-28, 09-27, 10-10
     * (6; 02-01 is inside the extension): 249. 2021: 261 - 18 + 7 = 250; 2022: 260 - 18 + 7 =
     * 249; 2023: 260 - 18 + 7 = 249; 2024 (leap, starts Mon: 262): 262 - 19 + 8 = 251. */
    CHECK_EQ("2019 has 250 working days", between("2018-12-31", "2019-12-31"), 250);
    CHECK_EQ("2020 has 249 working days", between("2019-12-31", "2020-12-31"), 249);
    CHECK_EQ("2021 has 250 working days", between("2020-12-31", "2021-12-31"), 250);
    CHECK_EQ("2022 has 249 working days", between("2021-12-31", "2022-12-31"), 249);
    CHECK_EQ("2023 has 249 working days", between("2022-12-31", "2023-12-31"), 249);
    CHECK_EQ("2024 has 251 working days", between("2023-12-31", "2024-12-31"), 251);
}

static void test_add_workdays(void)
{
    /* 10-01..10-07 holiday: Oct 8 Thu (1), Oct 9 Fri (2), Oct 10 Sat swapped (3),
     * Oct 11 Sun rest, Oct 12 Mon (4), Oct 13 Tue (5) */
    CHECK_STR("2026-09-30 + 5", after("2026-09-30", 5), "2026-10-13");
    /* 2025-01-24 Fri: 01-25 Sat rest, 01-26 Sun swapped (1) */
    CHECK_STR("2025-01-24 + 1", after("2025-01-24", 1), "2025-01-26");
    /* 2026 春节 02-15..02-23; 02-14 and 02-28 are swapped working Saturdays */
    CHECK_STR("2026-02-13 Fri + 1", after("2026-02-13", 1), "2026-02-14");
    CHECK_STR("2026-02-14 Sat + 1", after("2026-02-14", 1), "2026-02-24");
    CHECK_STR("2026-02-27 Fri + 1", after("2026-02-27", 1), "2026-02-28");
    CHECK_STR("2026-02-28 Sat + 1", after("2026-02-28", 1), "2026-03-02");
    /* 02-13 Fri (1), 02-14 Sat (2), 02-24 Tue (3), 02-25 (4), 02-26 (5) */
    CHECK_STR("2026-02-12 + 5", after("2026-02-12", 5), "2026-02-26");
    /* 第八条: an emergency on 2017-09-29 (Fri): 09-30 Sat swapped (1), 10-01..10-08 holiday,
     * 10-09 Mon (2), 10-10 (3), 10-11 (4), 10-12 (5) */
    CHECK_STR("2017-09-29 + 5", after("2017-09-29", 5), "2017-10-12");
    /* 2018-02-09 Fri: 02-10 Sat rest, 02-11 Sun swapped */
    CHECK_STR("2018-02-09 + 1", after("2018-02-09", 1), "2018-02-11");
    /* across the year end: 2026-01-01..03 holiday, 01-04 Sun swapped */
    CHECK_STR("2025-12-31 + 1", after("2025-12-31", 1), "2026-01-04");
    /* n = 0 is the day itself, even a holiday, and looks at no day */
    CHECK_STR("holiday + 0", after("2026-10-01", 0), "2026-10-01");
    CHECK_STR("2016 + 0", after("2016-06-01", 0), "2016-06-01");
    /* a negative n counts back the same way: 10-12 (1), 10-10 (2), 10-09 (3), 10-08 (4),
     * 09-30 (5) */
    CHECK_STR("2026-10-13 - 5", after("2026-10-13", -5), "2026-09-30");
    CHECK_STR("2026-01-04 - 1", after("2026-01-04", -1), "2025-12-31");

    /* outside the shipped years: POLRT_E_CALENDAR (3) at the caller's location (9) */
    CHECK_STR("2016 fails", after("2016-03-02", 1), "E3@9");
    /* 01-02 holiday, 01-01 Sunday, then 2016-12-31 */
    CHECK_STR("2017-01-03 - 2 needs 2016", after("2017-01-03", -2), "E3@9");
    CHECK_STR("2026-12-31 + 1 needs 2027", after("2026-12-31", 1), "E3@9");
    /* 2025-01-01 holiday, 2024-12-31 Tue (1), 12-30 Mon (2): 2024 is shipped now */
    CHECK_STR("2025-01-02 - 2", after("2025-01-02", -2), "2024-12-30");
    /* 2019-12-31 Tue (1), 2020-01-02 Thu (2), past 01-01; 2020-01-23 Thu + 1 skips the
     * extended 春节 (01-24..02-02) to 02-03 */
    CHECK_STR("2019-12-30 + 2", after("2019-12-30", 2), "2020-01-02");
    CHECK_STR("2020-01-23 + 1", after("2020-01-23", 1), "2020-02-03");
    CHECK_STR("2026-12-30 + 5 runs out", after("2026-12-30", 5), "E3@9");
    CHECK_STR("huge n runs out", after("2026-01-05", INT64_MAX), "E3@9");
    CHECK_STR("huge negative n runs out", after("2026-01-05", INT64_MIN), "E3@9");

    CHECK_EQ("(09-30, 10-13]", between("2026-09-30", "2026-10-13"), 5);
    CHECK_EQ("to before from", between("2026-10-13", "2026-09-30"), 0);
    CHECK_EQ("to == from", between("2026-10-13", "2026-10-13"), 0);
    CHECK_EQ("empty span in 2016", between("2016-10-13", "2016-10-13"), 0);
    /* 02-14 (1), 02-24..27 (4), 02-28 (1) */
    CHECK_EQ("(02-13, 02-28]", between("2026-02-13", "2026-02-28"), 6);
    CHECK_EQ("(10-01, 10-07] all holiday", between("2026-10-01", "2026-10-07"), 0);
    CHECK_EQ("across 2016 fails", between("2016-12-01", "2017-01-10"), -POLRT_E_CALENDAR);
    CHECK_EQ("in 2016 fails", between("2016-01-01", "2016-01-02"), -POLRT_E_CALENDAR);
    CHECK_EQ("from INT64_MIN fails", between_days(INT64_MIN, day_of("2026-01-05")),
             -POLRT_E_CALENDAR);
    CHECK_EQ("to INT64_MAX fails", between_days(day_of("2026-01-05"), INT64_MAX),
             -POLRT_E_CALENDAR);

    /* the two agree: n working days after d are n working days in (d, d + n] */
    int ok = 1;
    for (int64_t d = day_of("2025-01-01"); d <= day_of("2026-11-30"); d++) {
        for (int64_t n = 0; n <= 12; n++) {
            char buf[16];
            ok &= between_days(d, day_of(after(polrt_fmt_date(d, buf), n))) == n;
        }
    }
    CHECK("add_workdays and workdays_between agree over 2025-2026", ok);
}

/* ---- run-time loading ------------------------------------------------------------------ */

static char tmp_dir[64];

/* a fresh directory holding files = {name, text, ..., NULL} */
static const char *make_dir(const char *const *files)
{
    snprintf(tmp_dir, sizeof tmp_dir, "/tmp/polrt_cal_XXXXXX");
    if (!mkdtemp(tmp_dir)) {
        perror("mkdtemp");
        exit(2);
    }
    for (size_t i = 0; files[i]; i += 2) {
        char path[128];
        snprintf(path, sizeof path, "%s/%s", tmp_dir, files[i]);
        FILE *f = fopen(path, "wb");
        if (!f || fputs(files[i + 1], f) < 0 || fclose(f) != 0) {
            perror(path);
            exit(2);
        }
    }
    return tmp_dir;
}

static void remove_dir(const char *const *files)
{
    for (size_t i = 0; files[i]; i += 2) {
        char path[128];
        snprintf(path, sizeof path, "%s/%s", tmp_dir, files[i]);
        unlink(path);
    }
    rmdir(tmp_dir);
}

/* load a directory of one file; the error with the directory replaced by "DIR" ("" when
 * it loaded) */
static const char *load_one(const char *name, const char *text)
{
    static char msg[600];
    const char *files[] = {name, text, NULL};
    const char *dir = make_dir(files);
    int rc = polrt_calendar_load(dir);
    const char *err = polrt_calendar_error();
    size_t n = strlen(dir);
    if (strncmp(err, dir, n) == 0)
        snprintf(msg, sizeof msg, "DIR%s", err + n);
    else
        snprintf(msg, sizeof msg, "%s", err);
    if ((rc == 0) != (msg[0] == '\0'))
        snprintf(msg, sizeof msg, "load returned %d with error '%s'", rc, err);
    remove_dir(files);
    return msg;
}

#define Y27 "holiday 2027-01-01  元旦\n"

static void test_bad_files(void)
{
    CHECK_STR("unknown keyword", load_one("2027.txt", Y27 "# note\n\nholdiay 2027-02-05  春节\n"),
              "DIR/2027.txt:4: unknown keyword 'holdiay' (expected holiday or workday)");
    CHECK_STR("not a real date", load_one("2027.txt", Y27 "holiday 2027-02-30  x\n"),
              "DIR/2027.txt:2: '2027-02-30' is not a real date YYYY-MM-DD (or a range)");
    CHECK_STR("bad range", load_one("2027.txt", Y27 "holiday 2027-02-05..2027-02-31  x\n"),
              "DIR/2027.txt:2: '2027-02-05..2027-02-31' is not a range of real dates "
              "YYYY-MM-DD..YYYY-MM-DD");
    CHECK_STR("reversed range", load_one("2027.txt", Y27 "holiday 2027-02-09..2027-02-05  x\n"),
              "DIR/2027.txt:2: range '2027-02-09..2027-02-05' ends before it starts");
    CHECK_STR("other year", load_one("2027.txt", Y27 "holiday 2026-12-31..2027-01-01  x\n"),
              "DIR/2027.txt:2: 2026-12-31 is not in 2027 (a year file lists only its year)");
    CHECK_STR("listed twice", load_one("2027.txt", Y27 "holiday 2027-01-01  again\n"),
              "DIR/2027.txt:2: 2027-01-01 is already listed at line 1");
    CHECK_STR("overlap",
              load_one("2027.txt", Y27 "holiday 2027-02-05..2027-02-07  a\n"
                                       "workday 2027-02-06  调休上班\n"),
              "DIR/2027.txt:3: 2027-02-06 is already listed at line 2");
    /* 2027-01-04 is a Monday */
    CHECK_STR("workday on a Monday", load_one("2027.txt", Y27 "workday 2027-01-04  调休上班\n"),
              "DIR/2027.txt:2: workday 2027-01-04 is a Monday, a working day anyway (a swapped "
              "working day is a Saturday or Sunday)");
    CHECK_STR("workday range", load_one("2027.txt", Y27 "workday 2027-01-09..2027-01-10  x\n"),
              "DIR/2027.txt:2: a workday line takes one date, not a range");
    CHECK_STR("no name", load_one("2027.txt", Y27 "holiday 2027-02-05\n"),
              "DIR/2027.txt:2: missing the holiday's name after the date");
    CHECK_STR("no note", load_one("2027.txt", Y27 "workday 2027-01-09 \t\n"),
              "DIR/2027.txt:2: missing the note (e.g. 调休上班) after the date");
    CHECK_STR("no date", load_one("2027.txt", Y27 "holiday\n"),
              "DIR/2027.txt:2: expected a date YYYY-MM-DD after 'holiday'");
    CHECK_STR("no holidays", load_one("2027.txt", "# nothing yet\nworkday 2027-01-09  x\n"),
              "DIR/2027.txt: no holiday lines (a year file lists the State Council's "
              "holidays for 2027)");
    CHECK_STR("bad file name", load_one("27.txt", Y27),
              "DIR/27.txt: not a calendar file name (expected YYYY.txt)");
    CHECK_STR("year out of range", load_one("2200.txt", "holiday 2200-01-01  x\n"),
              "DIR/2200.txt: year 2200 is outside the supported 1900..2199");
    CHECK_STR("no year files", load_one("README", "not a calendar\n"),
              "DIR: no calendar files (YYYY.txt)");
    CHECK_EQ("missing directory", polrt_calendar_load("/nonexistent/polrt-calendar"), -1);
    CHECK_STR("missing directory message", polrt_calendar_error(),
              "/nonexistent/polrt-calendar: cannot open calendar directory: No such file or "
              "directory");
    CHECK_EQ("2027 still not loaded", polrt_is_workday(day_of("2027-01-04")), -1);
    CHECK_STR("2026 untouched", after("2026-09-30", 5), "2026-10-13");

    /* all or nothing: a good 2028 is not loaded beside a bad 2029 */
    const char *files[] = {"2028.txt", "holiday 2028-01-01  元旦\n", "2029.txt",
                           "holiday 2029-01-01  元旦\nbogus\n", NULL};
    int rc = polrt_calendar_load(make_dir(files));
    remove_dir(files);
    CHECK_EQ("one bad file fails the load", rc, -1);
    CHECK_EQ("the good one was not loaded", polrt_is_workday(day_of("2028-01-03")), -1);
}

static void test_load(void)
{
    /* 2019 (the State Council's notice, that year's part of it): 2018-12-31 Mon + 1 skips
     * 01-01 (Tue, holiday) to 01-02 */
    const char *y2019[] = {
        "2019.txt",
        "# 2019, for the test\r\n"
        "holiday 2019-01-01  元旦\r\n"
        "  holiday\t2019-02-04..2019-02-10\t春节  \r\n"
        "holiday 2019-04-05..2019-04-07  清明节\n"
        "holiday 2019-05-01..2019-05-04  劳动节\n"
        "holiday 2019-06-07..2019-06-09  端午节\n"
        "holiday 2019-09-13..2019-09-15  中秋节\n"
        "holiday 2019-10-01..2019-10-07  国庆节\n"
        "workday 2019-02-02  调休上班\n"
        "workday 2019-02-03  调休上班\n"
        "workday 2019-04-28  调休上班\n"
        "workday 2019-05-05  调休上班\n"
        "workday 2019-09-29  调休上班\n"
        "workday 2019-10-12  调休上班", /* no final newline */
        NULL,
    };
    CHECK_EQ("load 2019", polrt_calendar_load(make_dir(y2019)), 0);
    remove_dir(y2019);
    CHECK_STR("no error after a good load", polrt_calendar_error(), "");
    CHECK_STR("2018-12-31 + 1 now works", after("2018-12-31", 1), "2019-01-02");
    /* 2019-02-01 Fri: 02-02 Sat (1), 02-03 Sun (2), 02-04..10 春节, 02-11 Mon (3) */
    CHECK_STR("2019-02-01 + 3", after("2019-02-01", 3), "2019-02-11");
    CHECK_STR("2019-10-12 swapped", after("2019-10-11", 1), "2019-10-12");
    CHECK_STR("embedded years kept", after("2026-09-30", 5), "2026-10-13");

    /* running out of memory at each allocation of a load fails it cleanly, and changes
     * nothing; with enough allocations it succeeds */
    const char *y2030[] = {"2030.txt", "holiday 2030-01-01  元旦\n", NULL};
    const char *dir = make_dir(y2030);
    int failures = 0, loaded = 0;
    for (long budget = 0; budget < 10 && !loaded; budget++) {
        polrt_test_fail_alloc_after(budget);
        int rc = polrt_calendar_load(dir);
        polrt_test_fail_alloc_after(-1);
        if (rc == 0) {
            loaded = 1;
        } else {
            failures++;
            if (strstr(polrt_calendar_error(), "out of memory") == NULL ||
                polrt_is_workday(day_of("2030-01-02")) != -1)
                failures = -100;
        }
    }
    remove_dir(y2030);
    CHECK("out of memory fails each allocation cleanly", failures >= 3 && loaded);
    CHECK_EQ("then 2030 loads", polrt_is_workday(day_of("2030-01-02")), 1);

    /* replacing a shipped year, then restoring it from the embedded text itself: the loaded
     * file gives the same calendar as the embedded one, day by day */
    static signed char before[3660]; /* 2017-01-01 .. 2026-12-31 */
    int64_t first = day_of("2017-01-01"), last = day_of("2026-12-31");
    for (int64_t d = first; d <= last; d++)
        before[d - first] = (signed char)polrt_is_workday(d);
    const char *fake2026[] = {"2026.txt", "holiday 2026-01-01..2026-01-03  元旦\n", NULL};
    CHECK_EQ("replace 2026", polrt_calendar_load(make_dir(fake2026)), 0);
    remove_dir(fake2026);
    CHECK_EQ("2026-10-01 is now a Thursday like any", polrt_is_workday(day_of("2026-10-01")), 1);
    CHECK_EQ("2026-10-10 is now a Saturday like any", polrt_is_workday(day_of("2026-10-10")), 0);
    CHECK_EQ("2025 unchanged", polrt_is_workday(day_of("2025-10-08")), 0);

    const char *shipped[32] = {NULL};
    int k = 0, nfiles = 0;
    for (size_t i = 0; polrt_calendar_embedded[i] && k < 30; i += 2, nfiles++) {
        const char *slash = strrchr(polrt_calendar_embedded[i], '/');
        shipped[k++] = slash ? slash + 1 : polrt_calendar_embedded[i];
        shipped[k++] = polrt_calendar_embedded[i + 1];
    }
    CHECK_EQ("ten shipped years (2017-2026)", nfiles, 10);
    CHECK_STR("the first is 2017", shipped[0], "2017.txt");
    CHECK_EQ("reload the shipped files", polrt_calendar_load(make_dir(shipped)), 0);
    remove_dir(shipped);
    int same = 1;
    for (int64_t d = first; d <= last; d++)
        same &= before[d - first] == polrt_is_workday(d);
    CHECK("loaded shipped files = embedded, day by day", same);
    CHECK_STR("2026 restored", after("2026-09-30", 5), "2026-10-13");
    CHECK_EQ("2026 has 248 working days again", between("2025-12-31", "2026-12-31"), 248);
}

int main(void)
{
    test_workday();
    test_add_workdays();
    test_bad_files();
    test_load();
    UNIT_END();
}
