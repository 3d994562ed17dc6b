/* calendar.c — the Chinese working-day calendar (DOMAIN.md "Calendar"): one data file per
 * year, embedded at build time (runtime/calendar/embed.sh) and replaceable at run time from
 * a directory, parsed and validated the same way both times into a day bitmap; answers
 * "is this a working day" and counts working days as 民法典 第二百零一条 does.
 *
 * Year file format (runtime/calendar/YYYY.txt, UTF-8; the file name gives the year):
 *     # a comment (a line whose first non-blank character is '#'); blank lines are ignored
 *     holiday YYYY-MM-DD[..YYYY-MM-DD]  name      official holiday(s), range inclusive
 *     workday YYYY-MM-DD  note                    a swapped working day (调休上班)
 * Fields are separated by spaces or tabs; name and note are free text, required. A working
 * day is a listed `workday`, or a Monday–Friday not listed as `holiday`. Every date must lie
 * in the file's year, be listed at most once, and a `workday` must be a Saturday or Sunday
 * (listing a Monday–Friday would change nothing, so it is taken for a typo). A file must
 * list at least one holiday. Any bad line fails the whole load, reported as file:line. */
#include "rt_int.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* the generated table (build/runtime/calendar_data.c): file path, file text, ..., NULL */
extern const char *const polrt_calendar_embedded[];

/* years the table can hold: the supported date range of rt_int.h */
#define CAL_YEARS (RT_YEAR_MAX - RT_YEAR_MIN + 1)
/* a leap year's days: the most any year has */
#define MAX_YEAR_DAYS 366
/* an upper bound on the days of CAL_YEARS years, to size the bitmaps statically */
#define CAL_MAX_DAYS  (CAL_YEARS * MAX_YEAR_DAYS)
#define CAL_WORDS     ((CAL_MAX_DAYS + 63) / 64)
#define DAYS_PER_WEEK 7
/* polrt_civil_from_days' day 0, 1970-01-01, was a Thursday: weekday (Monday = 0) of day 0 */
#define EPOCH_WEEKDAY 3
/* Monday..Friday are weekdays 0..4; Saturday 5 and Sunday 6 are rest days */
#define FIRST_WEEKEND_DAY 5
/* a year file is a few dozen lines; anything this large is not a calendar */
#define CAL_MAX_FILE_BYTES (1024 * 1024)
/* the first read buffer: a whole shipped year file fits */
#define CAL_FIRST_READ 4096
/* room for "path:line: reason" */
#define CAL_ERR_LEN 512
/* "holiday 2026-10-01..2026-10-07": one date is 10 bytes, a range 22 */
#define DATE_LEN  10
#define RANGE_LEN (2 * DATE_LEN + 2)
/* at most this much of a bad token is echoed in a message, so a garbage line stays short */
#define ECHO_MAX 40

/* One immutable snapshot of the calendar: a bit per day from RT_YEAR_MIN-01-01 saying
 * whether that day's year is loaded, and one saying whether it is a working day. */
typedef struct CalTable {
    struct CalTable *retired_next; /* older snapshots, kept while readers may hold them */
    int64_t first_day;             /* day number of RT_YEAR_MIN-01-01 */
    int64_t last_day;              /* day number of RT_YEAR_MAX-12-31 */
    uint64_t known[CAL_WORDS];     /* the day's year was loaded */
    uint64_t work[CAL_WORDS];      /* the day is a working day */
} CalTable;

/* The calendar is process-wide by the public ABI (polrt_calendar_load has no handle), so
 * this is the runtime's one piece of shared state. Readers (any session thread) take the
 * current snapshot with one atomic load; a load builds a new snapshot and publishes it
 * whole, so a reader never sees half a year. Replaced snapshots stay reachable on the
 * retired list (loads are rare; a reader may still be counting days in an old one). */
static CalTable embedded_table; /* the build's years; built once */
static pthread_once_t embedded_once = PTHREAD_ONCE_INIT;
static _Atomic(CalTable *) loaded_table; /* NULL until a load succeeds */
static CalTable *retired;                /* guarded by load_lock */
static pthread_mutex_t load_lock = PTHREAD_MUTEX_INITIALIZER;
static char cal_err[CAL_ERR_LEN]; /* the last error; guarded by load_lock */

enum { DAY_UNLISTED, DAY_HOLIDAY, DAY_WORKDAY };

static const char *const weekday_names[DAYS_PER_WEEK] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};

/* weekday of a day number, Monday = 0 (the day is inside the supported range) */
static int weekday(int64_t day)
{
    int64_t w = (day + EPOCH_WEEKDAY) % DAYS_PER_WEEK;
    return (int)(w < 0 ? w + DAYS_PER_WEEK : w);
}

static int get_bit(const uint64_t *bits, int64_t i)
{
    return (int)(bits[i / 64] >> (i % 64) & 1);
}

static void put_bit(uint64_t *bits, int64_t i, int v)
{
    if (v)
        bits[i / 64] |= (uint64_t)1 << (i % 64);
    else
        bits[i / 64] &= ~((uint64_t)1 << (i % 64));
}

/* 1 working day, 0 rest day, -1 outside the loaded years */
static int lookup(const CalTable *t, int64_t day)
{
    if (day < t->first_day || day > t->last_day)
        return -1;
    int64_t i = day - t->first_day;
    return get_bit(t->known, i) ? get_bit(t->work, i) : -1;
}

/* record "fmt..." as the last error; returns -1 for the caller to return */
__attribute__((format(printf, 1, 2))) static int set_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cal_err, sizeof cal_err, fmt, ap);
    va_end(ap);
    return -1;
}

/* the year a file name stands for: "…/2026.txt" is 2026; -1 when the last path component
 * is not four digits and ".txt" */
static int year_of_path(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (strlen(base) != 8 || strcmp(base + 4, ".txt") != 0)
        return -1;
    int y = 0;
    for (int i = 0; i < 4; i++) {
        if (base[i] < '0' || base[i] > '9')
            return -1;
        y = y * 10 + (base[i] - '0');
    }
    return y;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* the next blank-separated token of [*p, end): its start, with its length in *n */
static const char *token(const char **p, const char *end, size_t *n)
{
    while (*p < end && is_blank(**p))
        (*p)++;
    const char *start = *p;
    while (*p < end && !is_blank(**p))
        (*p)++;
    *n = (size_t)(*p - start);
    return start;
}

/* A year file as it is read: which days its lines listed, and where */
typedef struct YearFile {
    const char *path;
    int year;
    int64_t jan1, ndays;               /* its first day, its days */
    unsigned char kind[MAX_YEAR_DAYS]; /* DAY_*, per day of the year */
    int listed_at[MAX_YEAR_DAYS];      /* the line that listed the day */
} YearFile;

/* A line's date or range (dt, dn bytes) into *from, *to: a workday line takes one date. 0, or
 * -1 with the error kept. */
static int line_dates(const YearFile *y, int line, const char *dt, size_t dn, int is_holiday,
                      int64_t *from, int64_t *to)
{
    const char *path = y->path;
    if (dn == 0)
        return set_error("%s:%d: expected a date YYYY-MM-DD after '%s'", path, line,
                         is_holiday ? "holiday" : "workday");
    int is_range = dn == RANGE_LEN && memcmp(dt + DATE_LEN, "..", 2) == 0;
    if (is_range && !is_holiday)
        return set_error("%s:%d: a workday line takes one date, not a range", path, line);
    if (is_range) {
        const char *dt2 = dt + DATE_LEN + 2;
        if (polrt_parse_date(dt, DATE_LEN, from) || polrt_parse_date(dt2, DATE_LEN, to))
            return set_error("%s:%d: '%.*s' is not a range of real dates "
                             "YYYY-MM-DD..YYYY-MM-DD",
                             path, line, (int)dn, dt);
        if (*to < *from)
            return set_error("%s:%d: range '%.*s' ends before it starts", path, line, (int)dn, dt);
    } else if (dn != DATE_LEN || polrt_parse_date(dt, DATE_LEN, from)) {
        return set_error("%s:%d: '%.*s' is not a real date YYYY-MM-DD%s", path, line,
                         (int)(dn > ECHO_MAX ? ECHO_MAX : dn), dt,
                         is_holiday ? " (or a range)" : "");
    } else {
        *to = *from;
    }
    return 0;
}

/* The days from .. to marked holidays or swapped working days, each listed once, in the file's
 * year; a swapped working day is a Saturday or Sunday. 0, or -1 with the error kept. */
static int mark_days(YearFile *y, int line, int64_t from, int64_t to, int is_holiday)
{
    for (int64_t day = from; day <= to; day++) {
        char buf[32];
        int64_t doy = day - y->jan1;
        if (doy < 0 || doy >= y->ndays)
            return set_error("%s:%d: %s is not in %d (a year file lists only its year)", y->path,
                             line, polrt_fmt_date(day, buf), y->year);
        if (y->kind[doy] != DAY_UNLISTED)
            return set_error("%s:%d: %s is already listed at line %d", y->path, line,
                             polrt_fmt_date(day, buf), y->listed_at[doy]);
        if (!is_holiday && weekday(day) < FIRST_WEEKEND_DAY)
            return set_error("%s:%d: workday %s is a %s, a working day anyway (a swapped "
                             "working day is a Saturday or Sunday)",
                             y->path, line, polrt_fmt_date(day, buf), weekday_names[weekday(day)]);
        y->kind[doy] = is_holiday ? DAY_HOLIDAY : DAY_WORKDAY;
        y->listed_at[doy] = line;
    }
    return 0;
}

/* One line, q to le, neither blank nor a comment:
 *     line := ("holiday" date [".." date] | "workday" date) blanks text
 * 1 for a holiday line, 0 for a workday line, -1 with the error kept */
static int parse_line(YearFile *y, int line, const char *q, const char *le)
{
    size_t kn, dn, rn;
    const char *kw = token(&q, le, &kn);
    int is_holiday = kn == strlen("holiday") && memcmp(kw, "holiday", kn) == 0;
    if (!is_holiday && !(kn == strlen("workday") && memcmp(kw, "workday", kn) == 0))
        return set_error("%s:%d: unknown keyword '%.*s' (expected holiday or workday)", y->path,
                         line, (int)(kn > ECHO_MAX ? ECHO_MAX : kn), kw);
    const char *dt = token(&q, le, &dn);
    while (q < le && is_blank(*q))
        q++;
    rn = (size_t)(le - q); /* the name or note: the rest of the line */
    int64_t from, to;
    if (line_dates(y, line, dt, dn, is_holiday, &from, &to) < 0)
        return -1;
    if (rn == 0)
        return set_error("%s:%d: missing the %s after the date", y->path, line,
                         is_holiday ? "holiday's name" : "note (e.g. 调休上班)");
    return mark_days(y, line, from, to, is_holiday) < 0 ? -1 : is_holiday;
}

/* Parse one year file (format: the comment at the top of this file) into t, replacing that
 * year. On error nothing of t changes and -1 is returned with "path:line: reason" kept. */
static int parse_year(const char *path, const char *text, size_t len, CalTable *t)
{
    YearFile y = {.path = path, .year = year_of_path(path)};
    if (y.year < 0)
        return set_error("%s: not a calendar file name (expected YYYY.txt)", path);
    if (y.year < RT_YEAR_MIN || y.year > RT_YEAR_MAX)
        return set_error("%s: year %d is outside the supported %d..%d", path, y.year, RT_YEAR_MIN,
                         RT_YEAR_MAX);
    y.jan1 = polrt_days_from_civil(y.year, 1, 1);
    y.ndays = polrt_days_from_civil(y.year + 1, 1, 1) - y.jan1;
    int nholidays = 0, line = 0;
    const char *p = text, *end = text + len;

    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end, *q = p;
        p = nl ? nl + 1 : end;
        line++;
        while (le > q && (le[-1] == '\r' || is_blank(le[-1]))) /* CRLF tolerated */
            le--;
        while (q < le && is_blank(*q))
            q++;
        if (q == le || *q == '#')
            continue;
        int is_holiday = parse_line(&y, line, q, le);
        if (is_holiday < 0)
            return -1;
        nholidays += is_holiday;
    }
    if (nholidays == 0)
        return set_error("%s: no holiday lines (a year file lists the State Council's "
                         "holidays for %d)",
                         path, y.year);

    /* DOMAIN.md "Calendar": a swapped working day, or Monday–Friday outside the holidays */
    for (int64_t doy = 0; doy < y.ndays; doy++) {
        int64_t i = y.jan1 + doy - t->first_day;
        int work = y.kind[doy] == DAY_WORKDAY ||
                   (y.kind[doy] == DAY_UNLISTED && weekday(y.jan1 + doy) < FIRST_WEEKEND_DAY);
        put_bit(t->known, i, 1);
        put_bit(t->work, i, work);
    }
    return 0;
}

/* the embedded years, parsed once; a bad embedded file leaves its year unloaded (so every
 * question about it fails loudly) and its error in polrt_calendar_error() */
static void init_embedded(void)
{
    CalTable *t = &embedded_table;
    t->first_day = polrt_days_from_civil(RT_YEAR_MIN, 1, 1);
    t->last_day = polrt_days_from_civil(RT_YEAR_MAX, 12, 31);
    char first_err[CAL_ERR_LEN] = ""; /* report the first bad file, load all good ones */
    for (size_t i = 0; polrt_calendar_embedded[i]; i += 2) {
        const char *text = polrt_calendar_embedded[i + 1];
        if (parse_year(polrt_calendar_embedded[i], text, strlen(text), t) != 0 && !first_err[0])
            memcpy(first_err, cal_err, sizeof first_err);
    }
    memcpy(cal_err, first_err, sizeof cal_err);
}

/* the current snapshot: the last successful load, else the embedded years */
static const CalTable *table(void)
{
    pthread_once(&embedded_once, init_embedded);
    const CalTable *t = atomic_load_explicit(&loaded_table, memory_order_acquire);
    return t ? t : &embedded_table;
}

char *rt_calendar_years(char *buf, size_t len)
{
    const CalTable *t = table();
    size_t n = 0;
    buf[0] = '\0';
    /* a year is loaded whole (parse_year): its 1 January says */
    for (int y = RT_YEAR_MIN; y <= RT_YEAR_MAX && n + 16 < len;) {
        if (lookup(t, polrt_days_from_civil(y, 1, 1)) < 0) {
            y++;
            continue;
        }
        int z = y;
        while (z < RT_YEAR_MAX && lookup(t, polrt_days_from_civil(z + 1, 1, 1)) >= 0)
            z++;
        int k = z == y ? snprintf(buf + n, len - n, "%s%d", n ? ", " : "", y)
                       : snprintf(buf + n, len - n, "%s%d to %d", n ? ", " : "", y, z);
        n += k > 0 ? (size_t)k : 0;
        y = z + 1;
    }
    return buf[0] ? buf : NULL;
}

int polrt_is_workday(int64_t day)
{
    return lookup(table(), day);
}

/* The n-th working day after day (民法典 第二百零一条: the day itself is not counted; the
 * period ends on the n-th working day after it); n = 0 is day itself, a negative n counts
 * back the same way. Every day looked at must be in a loaded year: POLRT_E_CALENDAR. */
int64_t polrt_add_workdays(PolCtx *ctx, int64_t day, int64_t n, int64_t loc)
{
    const CalTable *t = table();
    int64_t step = n < 0 ? -1 : 1;
    while (n != 0) {
        /* far outside the table is outside it: this keeps day ± 1 from overflowing */
        if (day < t->first_day - 1 || day > t->last_day + 1)
            polrt_fail(ctx, POLRT_E_CALENDAR, loc);
        day += step;
        int w = lookup(t, day);
        if (w < 0)
            polrt_fail(ctx, POLRT_E_CALENDAR, loc);
        if (w)
            n -= step;
    }
    return day;
}

/* the number of working days in (from, to]; 0 when to <= from. Every day counted must be
 * in a loaded year: POLRT_E_CALENDAR. */
int64_t polrt_workdays_between(PolCtx *ctx, int64_t from, int64_t to, int64_t loc)
{
    const CalTable *t = table();
    int64_t count = 0;
    if (to <= from)
        return 0;
    if (from < t->first_day - 1 || to > t->last_day)
        polrt_fail(ctx, POLRT_E_CALENDAR, loc);
    for (int64_t day = from + 1; day <= to; day++) {
        int w = lookup(t, day);
        if (w < 0)
            polrt_fail(ctx, POLRT_E_CALENDAR, loc);
        count += w;
    }
    return count;
}

/* the whole of a file, read through the allocation hook; NULL with the error kept */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        set_error("%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    char *buf = NULL;
    size_t n = 0, cap = 0, got;
    int rc = 0;
    do {
        if (n == cap) {
            char *nb = NULL;
            if (cap >= CAL_MAX_FILE_BYTES) {
                rc = set_error("%s: too large for a calendar file", path);
            } else {
                cap = cap ? 2 * cap : CAL_FIRST_READ;
                if (!(nb = polrt_realloc(buf, cap)))
                    rc = set_error("%s: out of memory", path);
            }
            if (rc != 0)
                break;
            buf = nb;
        }
        got = fread(buf + n, 1, cap - n, f);
        n += got;
    } while (got > 0);
    if (rc == 0 && ferror(f))
        rc = set_error("%s: read error", path);
    fclose(f);
    if (rc != 0) {
        polrt_realloc(buf, 0);
        return NULL;
    }
    *len = n;
    return buf;
}

/* Check and parse every YYYY.txt of dir into t (other names ending ".txt" are an error,
 * names not ending ".txt" are ignored); 0, or -1 with the error kept. */
static int load_dir(const char *dir, CalTable *t)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return set_error("%s: cannot open calendar directory: %s", dir, strerror(errno));
    unsigned char want[CAL_YEARS] = {0};
    int nfiles = 0, rc = 0;
    struct dirent *e;
    while (rc == 0 && (e = readdir(dp)) != NULL) {
        size_t nl = strlen(e->d_name);
        if (nl < 4 || strcmp(e->d_name + nl - 4, ".txt") != 0)
            continue;
        int y = year_of_path(e->d_name);
        if (y < 0) {
            rc = set_error("%s/%s: not a calendar file name (expected YYYY.txt)", dir, e->d_name);
        } else if (y < RT_YEAR_MIN || y > RT_YEAR_MAX) {
            rc = set_error("%s/%s: year %d is outside the supported %d..%d", dir, e->d_name, y,
                           RT_YEAR_MIN, RT_YEAR_MAX);
        } else {
            want[y - RT_YEAR_MIN] = 1;
            nfiles++;
        }
    }
    closedir(dp);
    if (rc == 0 && nfiles == 0)
        rc = set_error("%s: no calendar files (YYYY.txt)", dir);

    /* in year order, so the error reported for several bad files does not depend on the
     * directory's order */
    size_t plen = strlen(dir) + sizeof "/YYYY.txt";
    char *path = rc == 0 ? polrt_realloc(NULL, plen) : NULL;
    if (rc == 0 && !path)
        rc = set_error("%s: out of memory", dir);
    for (int i = 0; rc == 0 && i < CAL_YEARS; i++) {
        if (!want[i])
            continue;
        snprintf(path, plen, "%s/%04d.txt", dir, RT_YEAR_MIN + i);
        size_t len;
        char *text = read_file(path, &len);
        rc = text ? parse_year(path, text, len, t) : -1;
        polrt_realloc(text, 0);
    }
    polrt_realloc(path, 0);
    return rc;
}

/* Load or replace years from dir/YYYY.txt (dir NULL: $POLRT_CALENDAR_DIR, and when that is
 * unset only the embedded years are used). All or nothing: if any file is bad, the calendar
 * stays as it was. 0 on success, -1 with polrt_calendar_error() set. */
int polrt_calendar_load(const char *dir)
{
    if (!dir)
        dir = getenv("POLRT_CALENDAR_DIR");
    if (!dir || !*dir)
        return 0;
    pthread_mutex_lock(&load_lock);
    const CalTable *cur = table();
    CalTable *t = polrt_realloc(NULL, sizeof *t);
    int rc;
    if (!t) {
        rc = set_error("%s: out of memory", dir);
    } else {
        *t = *cur;
        t->retired_next = NULL;
        rc = load_dir(dir, t);
    }
    if (rc == 0) {
        cal_err[0] = '\0';
        CalTable *old = atomic_exchange_explicit(&loaded_table, t, memory_order_acq_rel);
        if (old) {
            old->retired_next = retired;
            retired = old;
        }
    } else {
        polrt_realloc(t, 0);
    }
    pthread_mutex_unlock(&load_lock);
    return rc;
}

/* the last error ("file:line: reason"), or "" when the last load, and the embedded
 * calendar, were fine. The text is shared: read it from the thread that loaded, not while
 * another thread loads. */
const char *polrt_calendar_error(void)
{
    table();
    return cal_err;
}
