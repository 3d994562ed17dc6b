/* panji.c — the Panji 2017 policy (policies/anhui/panji-2017.pol) settled by a plain C program,
 * without polc or its runtime: the limit `polc run` is measured against (issue 9). Reads
 * persons.csv and claims.csv as `polc gen` writes them, writes results.csv byte for byte as
 * `polc run ENGINE.so` writes it, and prints the time of its settle loop and of the whole run.
 *
 *     panji persons.csv claims.csv results.csv
 *
 * README.md beside this file maps each part to the policy's articles and lists what this
 * program assumes of its input (it is a benchmark, not a product). */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- limits ------------------------------------------------------------------------------- */

/* claims decoded, settled and formatted per round: the block's claims (~56 bytes each) and
 * results (~96 bytes) stay in L2/L3 while they are settled and formatted */
#define BLOCK 16384
/* the results buffer is written out when it holds this much */
#define OUT_FLUSH (4 << 20)
/* the longest results row: a claim id (quoted, doubled quotes at worst) and 12 outputs */
#define ROW_MAX(idlen) (2 * (size_t)(idlen) + 512)
/* the most columns a header may have */
#define MAX_COLS 256
/* an absent optional date (referral_filed, to) */
#define NO_DATE INT32_MIN

/* ---- the policy's numbers (panji-2017.pol "Parameters"; one version each, from 2017-04-07)
 * Money in fen, rates in millionths, as polc encodes them. */

enum { KIND_INPATIENT, KIND_OUTPATIENT, NKIND };
enum { LV_TOWNSHIP, LV_COUNTY, LV_CITY, LV_PROVINCE, LV_OUT, NLEVEL };
enum { ID_POOR, NIDENTITY = 7 };
enum {
    G_COMPREHENSIVE,
    G_BASIC_ONLY,
    G_NOT_POOR,
    G_NOT_DESIGNATED,
    G_UNREFERRED,
    G_LATE_REFERRAL,
    G_NOT_CHRONIC,
    G_REFUSED,
    NGATE
};
static const char *const gate_name[NGATE] = {"comprehensive",  "basic_only", "not_poor",
                                             "not_designated", "unreferred", "late_referral",
                                             "not_chronic",    "refused"};

#define RATE_ONE 1000000
/* policy valid from 2017-04-07, dated by claim.discharged ("valid from ... dated by") */
#define VALID_FROM_Y 2017
#define VALID_FROM_M 4
#define VALID_FROM_D 7
/* 第三条 basic insurance: deductible and ratio by level, +5 points for a special chronic stay */
static const int64_t deductible[NLEVEL] = {10000, 30000, 50000, 100000, 100000};
static const int64_t ratio[NLEVEL] = {800000, 700000, 650000, 600000, 600000};
#define SPECIAL_CHRONIC_BONUS 50000
/* 第三条 critical illness: brackets of the year's accumulated remainder after basic */
#define CI_N 4
static const int64_t ci_lo[CI_N] = {500000, 5000000, 10000000, 20000000};
static const int64_t ci_rate[CI_N] = {600000, 700000, 800000, 900000};
/* 第三条 medical assistance: 70% of what remains, 50,000 yuan a year */
#define MA_RATIO 700000
#define MA_LIMIT 5000000
/* 第四条 backstop: the year's compliant self-pay cap by the highest level used */
static const int64_t backstop_cap[NLEVEL] = {300000, 300000, 500000, 1000000, 1000000};
/* 第五条 chronic outpatient: basic 75% up to 3,000 yuan a year, then the supplement 80% */
#define OUTPATIENT_RATIO 750000
#define OUTPATIENT_LIMIT 300000
#define SUPPLEMENT_RATIO 800000
/* 第八条 an emergency's referral completed within 5 working days of admission */
#define REFERRAL_WINDOW 5

/* the yearly ledger of a person (panji-2017.pol "ledger annual"), in the policy's order */
enum {
    L_CI_ACCUMULATED,
    L_MA_PAID,
    L_OWN_PAID,
    L_TOP_LEVEL,
    L_OUTPATIENT_BASIC,
    L_OWN_DISTRICT,
    L_OWN_CITY,
    L_OWN_PROVINCE,
    NLEDGER
};

/* polc's wording of the two failures generated data can meet (runtime/session.c and
 * rt_err_describe in runtime/engine.c, which names the shipped years as cal_years below;
 * the place is the policy's, line 176 col 55) */
#define MSG_VALIDITY "error: dated %s, outside the policy's validity"
#define MSG_CALENDAR                                                                               \
    "\"error: working day outside the shipped calendar years (2017 to 2026) in rule "              \
    "referral_deadline (line 176, col 55)\""

/* ---- small helpers ---------------------------------------------------------------------- */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

__attribute__((format(printf, 1, 2))) static _Noreturn void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("panji: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

/* The whole file, mapped: one mmap, no copy (read() into a buffer measured 3-4 times slower
 * on the 2-vCPU benchmark machine, the copy and the buffer's page faults). Private and
 * writable: a quoted cell is unescaped in place, which copies only the page it is on. */
static char *slurp(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0)
        die("cannot read %s: %s", path, strerror(errno));
    *len = (size_t)st.st_size;
    if (*len == 0) {
        close(fd);
        return xrealloc(NULL, 1);
    }
    char *buf = mmap(NULL, *len, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    if (buf == MAP_FAILED)
        die("cannot read %s: %s", path, strerror(errno));
    madvise(buf, *len, MADV_SEQUENTIAL);
    close(fd);
    return buf;
}

static void unslurp(char *buf, size_t len)
{
    if (len)
        munmap(buf, len);
    else
        free(buf);
}

/* ---- dates: days since 1970-01-01 (H. Hinnant's civil algorithms) ---------------------- */

static int32_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int32_t)doe - 719468;
}

static void civil_from_days(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)yoe + era * 400 + (*m <= 2);
}

static int leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* "YYYY-MM-DD", a real date: 0 and the day (and year), or -1 */
static int parse_date(const char *s, size_t n, int32_t *day, int *year)
{
    static const unsigned char mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (n != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (unsigned)(s[i] - '0') > 9)
            return -1;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1] + (m == 2 && leap(y)))
        return -1;
    *day = days_from_civil(y, m, d);
    if (year)
        *year = y;
    return 0;
}

/* ---- the working-day calendar: the years polc ships (runtime/calendar/YYYY.txt, the State
 * Council's notices), nothing else; a day outside them fails as it does in polc ------------ */

static const char *const cal_holidays[] = {
    "2017-01-01..2017-01-02", "2017-01-27..2017-02-02", "2017-04-02..2017-04-04",
    "2017-04-29..2017-05-01", "2017-05-28..2017-05-30", "2017-10-01..2017-10-08",
    "2018-01-01..2018-01-01", "2018-02-15..2018-02-21", "2018-04-05..2018-04-07",
    "2018-04-29..2018-05-01", "2018-06-18..2018-06-18", "2018-09-24..2018-09-24",
    "2018-10-01..2018-10-07", "2018-12-31..2018-12-31", "2019-01-01..2019-01-01",
    "2019-02-04..2019-02-10", "2019-04-05..2019-04-05", "2019-05-01..2019-05-04",
    "2019-06-07..2019-06-07", "2019-09-13..2019-09-13", "2019-10-01..2019-10-07",
    "2020-01-01..2020-01-01", "2020-01-24..2020-02-02", "2020-04-04..2020-04-06",
    "2020-05-01..2020-05-05", "2020-06-25..2020-06-27", "2020-10-01..2020-10-08",
    "2021-01-01..2021-01-03", "2021-02-11..2021-02-17", "2021-04-03..2021-04-05",
    "2021-05-01..2021-05-05", "2021-06-12..2021-06-14", "2021-09-19..2021-09-21",
    "2021-10-01..2021-10-07", "2022-01-01..2022-01-03", "2022-01-31..2022-02-06",
    "2022-04-03..2022-04-05", "2022-04-30..2022-05-04", "2022-06-03..2022-06-05",
    "2022-09-10..2022-09-12", "2022-10-01..2022-10-07", "2023-01-01..2023-01-02",
    "2023-01-21..2023-01-27", "2023-04-05..2023-04-05", "2023-04-29..2023-05-03",
    "2023-06-22..2023-06-24", "2023-09-29..2023-10-06", "2024-01-01..2024-01-01",
    "2024-02-10..2024-02-17", "2024-04-04..2024-04-06", "2024-05-01..2024-05-05",
    "2024-06-10..2024-06-10", "2024-09-15..2024-09-17", "2024-10-01..2024-10-07",
    "2025-01-01..2025-01-01", "2025-01-28..2025-02-04", "2025-04-04..2025-04-06",
    "2025-05-01..2025-05-05", "2025-05-31..2025-06-02", "2025-10-01..2025-10-08",
    "2026-01-01..2026-01-03", "2026-02-15..2026-02-23", "2026-04-04..2026-04-06",
    "2026-05-01..2026-05-05", "2026-06-19..2026-06-21", "2026-09-25..2026-09-27",
    "2026-10-01..2026-10-07"};
static const char *const cal_workdays[] = {
    "2017-01-22", "2017-02-04", "2017-04-01", "2017-05-27", "2017-09-30", "2018-02-11",
    "2018-02-24", "2018-04-08", "2018-04-28", "2018-09-29", "2018-09-30", "2018-12-29",
    "2019-02-02", "2019-02-03", "2019-04-28", "2019-05-05", "2019-09-29", "2019-10-12",
    "2020-01-19", "2020-04-26", "2020-05-09", "2020-06-28", "2020-09-27", "2020-10-10",
    "2021-02-07", "2021-02-20", "2021-04-25", "2021-05-08", "2021-09-18", "2021-09-26",
    "2021-10-09", "2022-01-29", "2022-01-30", "2022-04-02", "2022-04-24", "2022-05-07",
    "2022-10-08", "2022-10-09", "2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06",
    "2023-06-25", "2023-10-07", "2023-10-08", "2024-02-04", "2024-02-18", "2024-04-07",
    "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29", "2024-10-12", "2025-01-26",
    "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11", "2026-01-04", "2026-02-14",
    "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"};
static const int cal_years[] = {2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026};
#define CAL_FIRST_YEAR 2017
#define CAL_LAST_YEAR  2026
#define CAL_DAYS       (366 * (CAL_LAST_YEAR - CAL_FIRST_YEAR + 1))

/* per day from CAL_FIRST_YEAR-01-01: -1 year not shipped, 0 rest day, 1 working day */
static signed char cal[CAL_DAYS];
static int32_t cal_first, cal_last;

static void cal_init(void)
{
    cal_first = days_from_civil(CAL_FIRST_YEAR, 1, 1);
    cal_last = days_from_civil(CAL_LAST_YEAR, 12, 31);
    memset(cal, -1, sizeof cal);
    for (size_t i = 0; i < sizeof cal_years / sizeof cal_years[0]; i++) {
        int32_t a = days_from_civil(cal_years[i], 1, 1), b = days_from_civil(cal_years[i], 12, 31);
        for (int32_t d = a; d <= b; d++)
            cal[d - cal_first] = (d + 3) % 7 < 5; /* 1970-01-01 was a Thursday; Monday = 0 */
    }
    for (size_t i = 0; i < sizeof cal_holidays / sizeof cal_holidays[0]; i++) {
        int32_t a, b;
        parse_date(cal_holidays[i], 10, &a, NULL);
        parse_date(cal_holidays[i] + 12, 10, &b, NULL);
        for (int32_t d = a; d <= b; d++)
            cal[d - cal_first] = 0;
    }
    for (size_t i = 0; i < sizeof cal_workdays / sizeof cal_workdays[0]; i++) {
        int32_t d;
        parse_date(cal_workdays[i], 10, &d, NULL);
        cal[d - cal_first] = 1;
    }
}

/* the n-th working day after day (the day itself not counted, 民法典 第二百零一条); -1 when a
 * day counted lies in a year the calendar does not have */
static int32_t add_workdays(int32_t day, int n)
{
    while (n > 0) {
        day++;
        if (day < cal_first || day > cal_last || cal[day - cal_first] < 0)
            return -1;
        n -= cal[day - cal_first];
    }
    return day;
}

/* ---- money ------------------------------------------------------------------------------ */

/* money × rate, rounded to the fen half away from zero (as polrt_mul_rate). 64-bit while the
 * product fits (|amount| < 2^43 fen, rates here ≤ 2^20), else 128-bit. */
static int64_t mul_rate(int64_t amount, int64_t rate)
{
    if (amount < ((int64_t)1 << 43) && amount > -((int64_t)1 << 43)) {
        int64_t p = amount * rate;
        return p >= 0 ? (p + RATE_ONE / 2) / RATE_ONE : -((-p + RATE_ONE / 2) / RATE_ONE);
    }
    __int128 p = (__int128)amount * rate;
    return (int64_t)(p >= 0 ? (p + RATE_ONE / 2) / RATE_ONE : -((-p + RATE_ONE / 2) / RATE_ONE));
}

/* progressive brackets: Σ (min(x, lo_next) − lo)+ × rate, rounded once (polrt_progressive) */
static int64_t progressive(int64_t x)
{
    __int128 sum = 0;
    for (int i = 0; i < CI_N && x > ci_lo[i]; i++) {
        int64_t top = i + 1 < CI_N && ci_lo[i + 1] < x ? ci_lo[i + 1] : x;
        sum += (__int128)(top - ci_lo[i]) * ci_rate[i];
    }
    return (int64_t)((sum + RATE_ONE / 2) / RATE_ONE); /* sum ≥ 0 */
}

/* "1234.56", "1,234.56", "1234" (at most 2 decimals): 0 and fen, or -1 */
static int parse_money(const char *s, size_t n, int64_t *fen)
{
    const char *e = s + n;
    int64_t v = 0;
    int digits = 0;
    for (; s < e && ((unsigned)(*s - '0') <= 9 || *s == ','); s++)
        if (*s != ',') {
            v = v * 10 + (*s - '0');
            if (++digits > 15)
                return -1;
        }
    if (!digits)
        return -1;
    v *= 100;
    if (s < e && *s == '.') {
        s++;
        if (s < e && (unsigned)(*s - '0') <= 9)
            v += 10 * (*s++ - '0');
        else
            return -1;
        if (s < e && (unsigned)(*s - '0') <= 9)
            v += *s++ - '0';
    }
    if (s != e)
        return -1;
    *fen = v;
    return 0;
}

/* ---- CSV -------------------------------------------------------------------------------- */

typedef struct Cell {
    const char *p;
    size_t n;
} Cell;

/* One record from p (< end): its first `want` cells (the rest are skipped to the line end)
 * into c[], the cell count in *ncells (at most `want`); returns the start of the next record.
 * Quoted cells ("a,b", "say ""hi""", embedded line breaks) are unescaped in place. A trailing
 * CR of a CRLF line is dropped. Unquoted lines split with one memchr for the line end and one
 * per cell for the comma. */
static char *record(char *p, char *end, Cell *c, int want, int *ncells)
{
    char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl)
        nl = end;
    int k = 0;
    for (;;) {
        char *s = p, *q;
        size_t n;
        if (p < end && *p == '"') {
            q = memchr(p + 1, '"', (size_t)(end - p - 1));
            if (!q)
                q = end;
            s = p + 1;
            n = (size_t)(q - s);
            p = q + 1;
            if (p < end && *p == '"') { /* doubled quotes: unescape in place */
                char *w = q;
                for (;;) {
                    *w++ = '"';
                    char *r = p + 1;
                    q = memchr(r, '"', (size_t)(end - r));
                    if (!q)
                        q = end;
                    memmove(w, r, (size_t)(q - r));
                    w += q - r;
                    p = q + 1;
                    if (!(p < end && *p == '"'))
                        break;
                }
                n = (size_t)(w - s);
            }
            if (p > end)
                p = end;
            if (p > nl) { /* a line break inside the quotes */
                nl = memchr(p, '\n', (size_t)(end - p));
                if (!nl)
                    nl = end;
            }
        } else {
            /* cells are short (a few bytes): a loop beats a memchr call per cell */
            for (q = p; q < nl && *q != ','; q++)
                ;
            n = (size_t)(q - s);
            p = q;
            if (p == nl && n && s[n - 1] == '\r')
                n--;
        }
        if (k < want)
            c[k] = (Cell){s, n};
        k++;
        if (!(p < nl && *p == ','))
            break;
        p++;
        /* past the cells wanted: the rest of the line is skipped unless a quote in it could
         * hide a line break */
        if (k >= want && !memchr(p, '"', (size_t)(nl - p)))
            break;
    }
    *ncells = k < want ? k : want;
    return nl < end ? nl + 1 : end;
}

/* a cell without the blanks around it (polc trims cells) */
static Cell trim(Cell c)
{
    while (c.n && (c.p[0] == ' ' || c.p[0] == '\t'))
        c.p++, c.n--;
    while (c.n && (c.p[c.n - 1] == ' ' || c.p[c.n - 1] == '\t'))
        c.n--;
    return c;
}

static int eq(Cell c, const char *s)
{
    size_t n = strlen(s);
    return c.n == n && memcmp(c.p, s, n) == 0;
}

static int eq_nocase(Cell c, const char *s)
{
    size_t n = strlen(s);
    if (c.n != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if ((c.p[i] | 0x20) != s[i])
            return 0;
    return 1;
}

/* bools as spreadsheets write them: 1/0, 是/否, true/false, yes/no; -1 for anything else */
static int parse_bool(Cell c)
{
    if (c.n == 1)
        return c.p[0] == '1' ? 1 : c.p[0] == '0' ? 0 : -1;
    if (eq(c, "是"))
        return 1;
    if (eq(c, "否"))
        return 0;
    if (eq_nocase(c, "true") || eq_nocase(c, "yes"))
        return 1;
    if (eq_nocase(c, "false") || eq_nocase(c, "no"))
        return 0;
    return -1;
}

/* an enum member by name or Chinese label; -1 when none. Inlined where the tables are
 * constants, so each name's length is one too: decode grew past gcc's inlining limit when it
 * gained the duplicate check, and the calls cost 10.6 M instructions and twice the strlen on
 * 104,638 claims (callgrind) */
static inline __attribute__((always_inline)) int parse_enum(Cell c, const char *const *names,
                                                            const char *const *labels, int n)
{
    for (int i = 0; i < n; i++)
        if (eq(c, labels[i]) || eq(c, names[i]))
            return i;
    return -1;
}

static const char *const kind_name[NKIND] = {"inpatient", "chronic_outpatient"};
static const char *const kind_label[NKIND] = {"住院", "慢性病门诊"};
static const char *const level_name[NLEVEL] = {"township", "county", "city", "province",
                                               "out_of_province"};
static const char *const level_label[NLEVEL] = {"乡镇", "县区", "市级", "省级", "省外"};
static const char *const identity_name[NIDENTITY] = {"poor",       "tekun",     "dibao",  "fanpin",
                                                     "dibao_edge", "monitored", "illness"};
static const char *const identity_label[NIDENTITY] = {
    "建档立卡贫困人口", "特困人员",         "低保对象",        "返贫致贫人口",
    "低保边缘家庭成员", "防止返贫监测对象", "因病致贫重病患者"};

/* A column the program reads: its name and label (spec/DATA.md, panji-2017.pol), whether it
 * may be missing (the field has a default or is optional) */
typedef struct Column {
    const char *name, *label;
    int optional;
} Column;

/* Bind a header line to the columns: col_of[field] = its column index, or -1 when absent
 * (only for optional fields). Returns the first data record; *ncols the columns to read. */
static char *bind_header(const char *path, char *p, char *end, const Column *cols, int nf,
                         int *col_of, int *want)
{
    Cell h[MAX_COLS];
    int n;
    if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) /* a BOM */
        p += 3;
    p = record(p, end, h, MAX_COLS, &n);
    *want = 0;
    for (int f = 0; f < nf; f++) {
        col_of[f] = -1;
        for (int i = 0; i < n && col_of[f] < 0; i++) {
            Cell c = trim(h[i]);
            if (eq(c, cols[f].name) || (cols[f].label && eq(c, cols[f].label)))
                col_of[f] = i;
        }
        if (col_of[f] < 0 && !cols[f].optional)
            die("%s: missing column '%s'", path, cols[f].name);
        if (col_of[f] + 1 > *want)
            *want = col_of[f] + 1;
    }
    return p;
}

/* ---- persons ---------------------------------------------------------------------------- */

typedef struct Span {
    int32_t person; /* while loading: whose span */
    int32_t from, to;
    int32_t identity;
} Span;

typedef struct Person {
    const char *id;
    uint32_t idlen;
    uint32_t span0, nspans; /* spans[span0 .. span0 + nspans) */
    int chronic;
    int32_t last_date; /* the latest claim date decoded: checks per-person date order */
    int32_t year;      /* the year led[] holds (0: none yet) */
    int64_t led[NLEDGER];
} Person;

/* The persons, in the order of persons.csv. Random memory access costs 300-750 ns on the
 * benchmark machine (a VM without huge pages: every access to a cold page walks the page
 * tables) against ~3 ns in cache, so lookups follow the files' order where they can: gen
 * writes person ids in ascending order and claims in the persons' order, so a claim's person
 * is the previous claim's or a few entries further on. Ids out of order switch to a hash
 * table. */
typedef struct People {
    Person *v;
    size_t n, cap;
    Span *spans;
    size_t nspans;
    char *map; /* persons.csv, mapped: the ids point into it */
    size_t maplen;
    int hashed;     /* 0: ids strictly ascending, found by search; 1: by the table below */
    uint32_t *slot; /* open addressing: person index + 1, 0 = empty */
    size_t nslot;   /* a power of two */
} People;

/* ids ordered by bytes, a prefix first */
static int id_cmp(const Person *p, const char *id, size_t n)
{
    int c = memcmp(p->id, id, p->idlen < n ? p->idlen : n);
    return c ? c : (p->idlen > n) - (p->idlen < n);
}

static uint64_t hash_id(const char *s, size_t n)
{
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ n, w;
    for (; n >= 8; s += 8, n -= 8) {
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdULL;
        h ^= h >> 32;
    }
    w = 0;
    memcpy(&w, s, n);
    /* murmur3's finaliser: a multiply carries changes only upwards, and ids differ in their
     * last characters (the high bytes), so mix down before the table takes the low bits */
    h ^= w;
    h = (h ^ (h >> 33)) * 0xff51afd7ed558ccdULL;
    h = (h ^ (h >> 33)) * 0xc4ceb9fe1a85ec53ULL;
    return h ^ (h >> 33);
}

static void slot_put(People *pp, size_t k)
{
    size_t mask = pp->nslot - 1, i = hash_id(pp->v[k].id, pp->v[k].idlen) & mask;
    while (pp->slot[i])
        i = (i + 1) & mask;
    pp->slot[i] = (uint32_t)k + 1;
}

/* (re)build the table, at most half full */
static void slots_build(People *pp)
{
    size_t ns = 1 << 16;
    while (ns < 4 * pp->n)
        ns *= 2;
    free(pp->slot);
    if (!(pp->slot = calloc(ns, sizeof *pp->slot)))
        die("out of memory");
    pp->nslot = ns;
    for (size_t k = 0; k < pp->n; k++)
        slot_put(pp, k);
}

/* The person with this id, or -1. hint: the last person found (-1: none), where a search in
 * ascending ids starts: it gallops forward from there (1, 2, 4, ... entries), then bisects. */
static int64_t person_find(const People *pp, const char *id, size_t n, int64_t hint)
{
    if (pp->hashed) {
        size_t mask = pp->nslot - 1;
        for (size_t i = hash_id(id, n) & mask;; i = (i + 1) & mask) {
            uint32_t k = pp->slot[i];
            if (!k)
                return -1;
            if (id_cmp(&pp->v[k - 1], id, n) == 0)
                return k - 1;
        }
    }
    size_t lo = 0, hi = pp->n; /* the first id >= this one lies in [lo, hi] */
    if (hint >= 0 && id_cmp(&pp->v[hint], id, n) < 0) {
        lo = (size_t)hint + 1;
        for (size_t step = 1;; step *= 2) {
            size_t i = lo + step - 1;
            if (i >= pp->n)
                break;
            if (id_cmp(&pp->v[i], id, n) >= 0) {
                hi = i;
                break;
            }
            lo = i + 1;
        }
    } else if (hint >= 0)
        hi = (size_t)hint;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (id_cmp(&pp->v[mid], id, n) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < pp->n && id_cmp(&pp->v[lo], id, n) == 0 ? (int64_t)lo : -1;
}

enum { P_ID, P_CHRONIC, P_IDENTITY, P_FROM, P_TO, NPCOL };
static const Column person_cols[NPCOL] = {{"person_id", NULL, 0},
                                          {"chronic", "慢性病患者", 1},
                                          {"identity", "身份类别", 0},
                                          {"from", "认定日期", 0},
                                          {"to", "退出日期", 1}};

/* persons.csv: one row per identity span, the person fields repeated (spec/DATA.md) */
static void load_persons(const char *path, People *pp)
{
    size_t len;
    char *buf = slurp(path, &len), *p = buf, *end = buf + len;
    pp->map = buf;
    pp->maplen = len;
    int col[NPCOL], want;
    p = bind_header(path, p, end, person_cols, NPCOL, col, &want);
    size_t spancap = 0;
    for (long line = 2; p < end; line++) {
        Cell c[MAX_COLS], v[NPCOL];
        int n;
        p = record(p, end, c, want, &n);
        if (n == 1 && c[0].n == 0)
            continue; /* an empty line */
        for (int f = 0; f < NPCOL; f++)
            v[f] = col[f] >= 0 && col[f] < n ? trim(c[col[f]]) : (Cell){"", 0};
        if (!v[P_ID].n)
            die("%s:%ld: a row without person_id", path, line);
        /* the previous row's person (gen writes a person's rows together), else a new one
         * while ids ascend; an id out of order switches to the hash table */
        int64_t k = -1;
        if (pp->n && id_cmp(&pp->v[pp->n - 1], v[P_ID].p, v[P_ID].n) == 0)
            k = (int64_t)pp->n - 1;
        else if (pp->n && !pp->hashed && id_cmp(&pp->v[pp->n - 1], v[P_ID].p, v[P_ID].n) > 0) {
            pp->hashed = 1;
            slots_build(pp);
        }
        if (k < 0 && pp->hashed)
            k = person_find(pp, v[P_ID].p, v[P_ID].n, -1);
        if (k < 0) { /* a new person: the person fields come from its first row */
            if (pp->n == pp->cap) {
                pp->cap = pp->cap ? 2 * pp->cap : 1 << 16;
                pp->v = xrealloc(pp->v, pp->cap * sizeof *pp->v);
            }
            k = (int64_t)pp->n++;
            Person *np = &pp->v[k];
            /* the ledger needs no zeroing: year 0 makes the first claim start it afresh */
            np->id = v[P_ID].p;
            np->idlen = (uint32_t)v[P_ID].n;
            np->span0 = (uint32_t)pp->nspans;
            np->nspans = 0;
            np->last_date = INT32_MIN;
            np->year = 0;
            np->chronic = v[P_CHRONIC].n ? parse_bool(v[P_CHRONIC]) : 0;
            if (np->chronic < 0)
                die("%s:%ld: bad chronic cell", path, line);
            if (pp->hashed && 2 * pp->n > pp->nslot)
                slots_build(pp);
            else if (pp->hashed)
                slot_put(pp, (size_t)k);
        }
        if (!v[P_IDENTITY].n && !v[P_FROM].n && !v[P_TO].n)
            continue; /* no span on this row */
        if (pp->nspans == spancap) {
            spancap = spancap ? 2 * spancap : 1 << 16;
            pp->spans = xrealloc(pp->spans, spancap * sizeof *pp->spans);
        }
        Span *s = &pp->spans[pp->nspans++];
        s->person = (int32_t)k;
        pp->v[k].nspans++;
        s->identity = parse_enum(v[P_IDENTITY], identity_name, identity_label, NIDENTITY);
        s->to = NO_DATE;
        if (s->identity < 0 || parse_date(v[P_FROM].p, v[P_FROM].n, &s->from, NULL) ||
            (v[P_TO].n && parse_date(v[P_TO].p, v[P_TO].n, &s->to, NULL)))
            die("%s:%ld: a bad identity span", path, line);
    }
    /* While ids ascend a person's rows are adjacent, so span0 and nspans (counted above)
     * are right; with the table, rows of one person may be apart: group the spans by
     * person (a stable counting sort). */
    if (!pp->hashed)
        return;
    for (size_t k = 0; k < pp->n; k++)
        pp->v[k].nspans = 0;
    for (size_t i = 0; i < pp->nspans; i++)
        pp->v[pp->spans[i].person].nspans++;
    uint32_t at = 0;
    for (size_t k = 0; k < pp->n; k++) {
        pp->v[k].span0 = at;
        at += pp->v[k].nspans;
        pp->v[k].nspans = 0;
    }
    Span *sorted = xrealloc(NULL, (pp->nspans + 1) * sizeof *sorted);
    for (size_t i = 0; i < pp->nspans; i++) {
        Person *q = &pp->v[pp->spans[i].person];
        sorted[q->span0 + q->nspans++] = pp->spans[i];
    }
    free(pp->spans);
    pp->spans = sorted;
}

/* ---- claims ----------------------------------------------------------------------------- */

typedef struct Claim {
    const char *id;
    uint32_t idlen;
    int32_t person;
    int32_t admitted, discharged, filed; /* filed: NO_DATE when absent */
    int32_t year;                        /* of discharged: the ledger key */
    uint8_t kind, level, consented, designated, referred, emergency, refused, special, listed;
    uint8_t refused_by; /* decode: 0, or which of the policy's checks refuses the row (1, 2) */
    int64_t total, noncompliant;
    uint64_t idh; /* decode: the claim id's hash */
    long line;    /* decode: its line */
} Claim;

enum {
    C_ID,
    C_PERSON,
    C_KIND,
    C_ADMITTED,
    C_DISCHARGED,
    C_LEVEL,
    C_TOTAL,
    C_NONCOMPLIANT,
    C_CONSENTED,
    C_DESIGNATED,
    C_REFERRED,
    C_EMERGENCY,
    C_FILED,
    C_REFUSED,
    C_SPECIAL,
    C_LISTED,
    NCCOL
};
static const Column claim_cols[NCCOL] = {
    {"claim_id", NULL, 0},
    {"person_id", NULL, 0},
    {"kind", "就诊类型", 0},
    {"admitted", "入院日期", 0},
    {"discharged", "出院日期", 0},
    {"level", "医疗机构级别", 0},
    {"total", "医疗总费用", 0},
    {"noncompliant", "非合规费用", 1},
    {"consented", "签字同意", 1},
    {"designated", "定点医疗机构", 0},
    {"referred", "转诊备案", 1},
    {"emergency", "急诊急救", 1},
    {"referral_filed", "补办转诊日期", 1},
    {"refused", "拒不服从管理", 1},
    {"special_chronic", "特殊慢性病", 1},
    {"listed_disease", "目录慢性病", 1},
};

/* The claim ids seen (spec/DATA.md: a claim id settles once, and a later row with the same id
 * is rejected), as their 64-bit hashes: open addressing, at most half full, sized from the
 * file's first rows and doubled when it fills. polc keeps the same hashes (runtime/pipeline.c
 * IdSet): two ids of one hash are taken for one, a chance of ~n^2 / 2^65 (3e-8 for a million
 * claims). */
typedef struct Ids {
    uint64_t *slot; /* 0: empty */
    size_t cap, n;  /* cap a power of two */
} Ids;

static void ids_init(Ids *s, size_t expect)
{
    s->cap = 1 << 16;
    while (s->cap < 2 * expect)
        s->cap *= 2;
    /* on huge pages: a look-up misses the caches anyway, and with 4 KiB pages the TLB too
     * (x86-64 Linux; elsewhere the advice is ignored) */
    size_t bytes = s->cap * sizeof *s->slot, huge = 2u << 20;
    bytes = (bytes + huge - 1) / huge * huge;
    if (!(s->slot = aligned_alloc(huge, bytes)))
        die("out of memory");
    madvise(s->slot, bytes, MADV_HUGEPAGE);
    memset(s->slot, 0, bytes);
    s->n = 0;
}

/* the slot where a look-up of h starts, fetched into the caches */
static void ids_prefetch(const Ids *s, uint64_t h)
{
    __builtin_prefetch(&s->slot[(h | !h) & (s->cap - 1)], 1);
}

/* add the id of hash h: 1 when it was there already */
static int ids_add(Ids *s, uint64_t h)
{
    h |= !h;
    if (2 * (s->n + 1) > s->cap) {
        Ids g;
        ids_init(&g, s->cap);
        for (size_t i = 0; i < s->cap; i++)
            if (s->slot[i])
                ids_add(&g, s->slot[i]);
        free(s->slot);
        *s = g;
    }
    size_t mask = s->cap - 1, i = h & mask;
    for (; s->slot[i]; i = (i + 1) & mask)
        if (s->slot[i] == h)
            return 1;
    s->slot[i] = h;
    s->n++;
    return 0;
}

/* the claims file being decoded */
typedef struct Claims {
    const char *path;
    char *buf, *p, *end;
    int col[NCCOL], want;
    long line;
    int32_t last_person; /* the previous row's person: a person's rows come together */
    long rejected;       /* rows the policy's own check refused */
    Ids ids;             /* the claim ids of the rows so far */
} Claims;

/* a bool cell of a field declared "= false": blank is the default */
static uint8_t cell_bool(const Claims *cs, Cell c, const char *what)
{
    if (!c.n)
        return 0;
    int b = parse_bool(c);
    if (b < 0)
        die("%s:%ld: bad %s cell", cs->path, cs->line, what);
    return (uint8_t)b;
}

/* Decode up to max rows of claims into cl[]; the count of claims kept. Two passes over the
 * block: the first parses its rows; the second, in file order, rejects a row whose claim id was
 * seen before (on any row), one the policy's checks refuse, and a person's claim dated before
 * one of theirs decoded earlier, as polc rejects it (spec/DATA.md: a person's claims must come
 * in date order; polc settles in one pass). The second pass fetches the id table's slot of a
 * row some rows ahead: a look-up misses the caches, ~200 ns a row without it on this VM. */
#define IDS_AHEAD 16
static size_t decode(Claims *cs, People *pp, Claim *cl, size_t max)
{
    size_t n = 0;
    while (n < max && cs->p < cs->end) {
        Cell c[MAX_COLS], v[NCCOL];
        int nc;
        cs->p = record(cs->p, cs->end, c, cs->want, &nc);
        cs->line++;
        if (nc == 1 && c[0].n == 0)
            continue;
        for (int f = 0; f < NCCOL; f++)
            v[f] = cs->col[f] >= 0 && cs->col[f] < nc ? trim(c[cs->col[f]]) : (Cell){"", 0};
        Claim *x = &cl[n];
        x->id = v[C_ID].p;
        x->idlen = (uint32_t)v[C_ID].n;
        x->idh = hash_id(v[C_ID].p, v[C_ID].n);
        x->line = cs->line;
        /* the person: the previous row's, most of the time */
        const Person *lp = cs->last_person >= 0 ? &pp->v[cs->last_person] : NULL;
        if (lp && lp->idlen == v[C_PERSON].n && memcmp(lp->id, v[C_PERSON].p, lp->idlen) == 0)
            x->person = cs->last_person;
        else {
            int64_t pk = person_find(pp, v[C_PERSON].p, v[C_PERSON].n, cs->last_person);
            if (pk < 0)
                die("%s:%ld: unknown person", cs->path, cs->line);
            x->person = cs->last_person = (int32_t)pk;
        }
        int kind = parse_enum(v[C_KIND], kind_name, kind_label, NKIND);
        int level = parse_enum(v[C_LEVEL], level_name, level_label, NLEVEL);
        int y;
        if (kind < 0 || level < 0 ||
            parse_date(v[C_ADMITTED].p, v[C_ADMITTED].n, &x->admitted, NULL) ||
            parse_date(v[C_DISCHARGED].p, v[C_DISCHARGED].n, &x->discharged, &y) ||
            parse_money(v[C_TOTAL].p, v[C_TOTAL].n, &x->total))
            die("%s:%ld: a bad cell", cs->path, cs->line);
        x->kind = (uint8_t)kind;
        x->level = (uint8_t)level;
        x->year = y;
        x->noncompliant = 0;
        if (v[C_NONCOMPLIANT].n &&
            parse_money(v[C_NONCOMPLIANT].p, v[C_NONCOMPLIANT].n, &x->noncompliant))
            die("%s:%ld: bad noncompliant", cs->path, cs->line);
        x->filed = NO_DATE;
        if (v[C_FILED].n && parse_date(v[C_FILED].p, v[C_FILED].n, &x->filed, NULL))
            die("%s:%ld: bad referral_filed", cs->path, cs->line);
        if (!v[C_DESIGNATED].n)
            die("%s:%ld: designated missing", cs->path, cs->line);
        x->consented = cell_bool(cs, v[C_CONSENTED], "consented");
        x->designated = cell_bool(cs, v[C_DESIGNATED], "designated");
        x->referred = cell_bool(cs, v[C_REFERRED], "referred");
        x->emergency = cell_bool(cs, v[C_EMERGENCY], "emergency");
        x->refused = cell_bool(cs, v[C_REFUSED], "refused");
        x->special = cell_bool(cs, v[C_SPECIAL], "special_chronic");
        x->listed = cell_bool(cs, v[C_LISTED], "listed_disease");
        /* the policy's checks (its two `reject`s): polc copies the row to its rejects file
         * and writes no result for it */
        x->refused_by = x->noncompliant > x->total ? 1 : x->discharged < x->admitted ? 2 : 0;
        n++;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (i + IDS_AHEAD < n)
            ids_prefetch(&cs->ids, cl[i + IDS_AHEAD].idh);
        Claim *x = &cl[i];
        if (ids_add(&cs->ids, x->idh)) {
            fprintf(stderr, "%s:%ld: duplicate claim id\n", cs->path, x->line);
            cs->rejected++;
            continue;
        }
        if (x->refused_by) {
            fprintf(stderr, "%s:%ld: %s\n", cs->path, x->line,
                    x->refused_by == 1 ? "非合规费用大于医疗总费用 (noncompliant > total)"
                                       : "出院日期早于入院日期 (discharged before admitted)");
            cs->rejected++;
            continue;
        }
        Person *p = &pp->v[x->person];
        if (x->discharged < p->last_date) {
            cs->rejected++;
            continue;
        }
        if (x->discharged > p->last_date)
            p->last_date = x->discharged;
        cl[k++] = *x;
    }
    return k;
}

/* ---- settling one claim (the rules of panji-2017.pol, in its order) --------------------- */

enum { ST_SETTLED, ST_INVALID_DATE, ST_CALENDAR };

typedef struct Result {
    int status, gate, covered;
    int64_t compliant, basic, critical_illness, assistance, backstop, supplement, patient_pays,
        hospital_bears, selfpay_counted, cap;
} Result;

static int32_t valid_from;

static int64_t min64(int64_t a, int64_t b)
{
    return a < b ? a : b;
}
static int64_t pos(int64_t a)
{
    return a > 0 ? a : 0;
}

static void settle(const Claim *c, Person *p, const Span *spans, Result *r)
{
    /* the policy's validity: "valid from 2017-04-07 dated by claim.discharged" */
    if (c->discharged < valid_from) {
        r->status = ST_INVALID_DATE;
        return;
    }
    /* the year's ledger ("per person per year of claim.discharged"): a person's claims come
     * in date order, so a new year starts every field afresh and the old one is done */
    if (p->year != c->year) {
        memset(p->led, 0, sizeof p->led);
        p->year = c->year;
    }
    int64_t *led = p->led;

    /* 第二条 registered poor on the admission day (the exit day still covered) */
    int poor = 0;
    for (uint32_t i = 0; i < p->nspans && !poor; i++) {
        const Span *s = &spans[p->span0 + i];
        poor = s->identity == ID_POOR && s->from <= c->admitted &&
               (s->to == NO_DATE || c->admitted <= s->to);
    }
    /* the gates, highest precedence first (rule gate) */
    int outside = c->level > LV_COUNTY; /* 第八条 outside the district */
    int gate;
    if (!poor)
        gate = G_NOT_POOR; /* 第二条 */
    else if (c->refused)
        gate = G_REFUSED; /* 第九条 */
    else if (c->kind == KIND_OUTPATIENT && !(p->chronic && c->listed))
        gate = G_NOT_CHRONIC; /* 第五条 */
    else if (c->emergency && (!c->designated || (outside && !c->referred)) && c->filed == NO_DATE)
        gate = G_LATE_REFERRAL; /* 第八条: an emergency whose referral was never completed */
    else if (c->emergency && (!c->designated || (outside && !c->referred))) {
        /* 第八条: completed within 5 working days of admission? */
        int32_t deadline = add_workdays(c->admitted, REFERRAL_WINDOW);
        if (deadline < 0) {
            r->status = ST_CALENDAR;
            return;
        }
        gate = c->filed <= deadline ? -1 : G_LATE_REFERRAL;
    } else
        gate = -1;
    if (gate < 0) {
        if (!c->designated && !c->emergency)
            gate = G_NOT_DESIGNATED; /* 第六条, 第八条 */
        else if (outside && !c->referred && !c->emergency)
            gate = G_UNREFERRED; /* 第八条 */
        else if (c->level == LV_OUT)
            gate = G_BASIC_ONLY; /* out of the province [assumed] */
        else
            gate = G_COMPREHENSIVE;
    }
    int covered = gate == G_COMPREHENSIVE;
    int basic_applies = covered || gate == G_BASIC_ONLY;
    int outpatient = c->kind == KIND_OUTPATIENT;
    int insured_stay = covered && !outpatient;

    /* 第七条 non-compliant cost: the patient's with consent, else the hospital's */
    int64_t compliant = c->total - c->noncompliant;
    int64_t patient_nc = c->consented ? c->noncompliant : 0;

    /* 第三条 basic insurance; 第五条 outpatient: 75% within the year's 3,000 yuan */
    int64_t basic = 0;
    if (basic_applies && outpatient)
        basic = min64(mul_rate(compliant, OUTPATIENT_RATIO),
                      pos(OUTPATIENT_LIMIT - led[L_OUTPATIENT_BASIC]));
    else if (basic_applies)
        basic = mul_rate(pos(compliant - deductible[c->level]),
                         ratio[c->level] + (c->special ? SPECIAL_CHRONIC_BONUS : 0));

    /* 第三条 critical illness: the increase of the brackets over the year's accumulation */
    int64_t ci_base = insured_stay ? compliant - basic : 0;
    int64_t ci = progressive(led[L_CI_ACCUMULATED] + ci_base) - progressive(led[L_CI_ACCUMULATED]);

    /* 第三条 medical assistance: 70% of what remains, within the year's limit */
    int64_t assistance = insured_stay ? min64(mul_rate(compliant - basic - ci, MA_RATIO),
                                              pos(MA_LIMIT - led[L_MA_PAID]))
                                      : 0;
    int64_t remainder = compliant - basic - ci - assistance;

    /* 第四条 backstop: the year's self-pay capped by the highest level used so far */
    int64_t cap_level = covered && c->level > led[L_TOP_LEVEL] ? c->level : led[L_TOP_LEVEL];
    int64_t cap = backstop_cap[cap_level];
    int64_t selfpay = covered ? min64(remainder, pos(cap - led[L_OWN_PAID])) : 0;
    int64_t backstop = covered ? remainder - selfpay : 0;

    /* 第五条 the "180" supplement: 80% of the outpatient self-pay */
    int64_t supplement = covered && outpatient ? mul_rate(selfpay, SUPPLEMENT_RATIO) : 0;

    r->status = ST_SETTLED;
    r->gate = gate;
    r->covered = covered;
    r->compliant = compliant;
    r->basic = basic;
    r->critical_illness = ci;
    r->assistance = assistance;
    r->backstop = backstop;
    r->supplement = supplement;
    r->patient_pays = remainder - backstop - supplement + patient_nc;
    r->hospital_bears = c->consented ? 0 : c->noncompliant;
    r->selfpay_counted = selfpay;
    r->cap = cap;

    led[L_CI_ACCUMULATED] += ci_base;
    led[L_MA_PAID] += assistance;
    led[L_OWN_PAID] += selfpay;
    led[L_TOP_LEVEL] = cap_level;
    led[L_OUTPATIENT_BASIC] += outpatient ? basic : 0;
    led[L_OWN_DISTRICT] += c->level <= LV_COUNTY ? selfpay : 0;
    led[L_OWN_CITY] += c->level == LV_CITY ? selfpay : 0;
    led[L_OWN_PROVINCE] += c->level == LV_PROVINCE ? selfpay : 0;
}

/* ---- results.csv ------------------------------------------------------------------------ */

typedef struct Out {
    int fd;
    const char *path;
    char *buf;
    size_t n, cap;
} Out;

static void out_flush(Out *o)
{
    size_t done = 0;
    while (done < o->n) {
        ssize_t w = write(o->fd, o->buf + done, o->n - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            die("cannot write %s: %s", o->path, strerror(errno));
        done += (size_t)w;
    }
    o->n = 0;
}

static const char digits2[] = "00010203040506070809101112131415161718192021222324252627282930"
                              "31323334353637383940414243444546474849505152535455565758596061"
                              "6263646566676869707172737475767778798081828384858687888990919293"
                              "949596979899";

/* fen as "1234.56" / "-0.05" (polrt_fmt_money, ungrouped) */
static char *put_money(char *w, int64_t fen)
{
    uint64_t u = fen < 0 ? -(uint64_t)fen : (uint64_t)fen;
    if (fen < 0)
        *w++ = '-';
    uint64_t yuan = u / 100;
    unsigned cents = (unsigned)(u % 100);
    char tmp[24], *t = tmp + sizeof tmp;
    while (yuan >= 100) {
        t -= 2;
        memcpy(t, digits2 + 2 * (yuan % 100), 2);
        yuan /= 100;
    }
    if (yuan >= 10) {
        t -= 2;
        memcpy(t, digits2 + 2 * yuan, 2);
    } else
        *--t = (char)('0' + yuan);
    size_t n = (size_t)(tmp + sizeof tmp - t);
    memcpy(w, t, n);
    w += n;
    *w++ = '.';
    memcpy(w, digits2 + 2 * cents, 2);
    return w + 2;
}

/* a claim id as polc's CSV writer puts a cell: quoted when it holds a comma, quote, line
 * break or an edge blank */
static char *put_id(char *w, const char *s, size_t n)
{
    int q = n && (s[0] == ' ' || s[n - 1] == ' ');
    for (size_t i = 0; i < n && !q; i++)
        q = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (!q) {
        memcpy(w, s, n);
        return w + n;
    }
    *w++ = '"';
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            *w++ = '"';
        *w++ = s[i];
    }
    *w++ = '"';
    return w;
}

static void put_row(Out *o, const Claim *c, const Result *r)
{
    if (o->n + ROW_MAX(c->idlen) > o->cap) {
        out_flush(o);
        if (ROW_MAX(c->idlen) > o->cap) {
            o->cap = ROW_MAX(c->idlen);
            o->buf = xrealloc(o->buf, o->cap);
        }
    }
    char *w = put_id(o->buf + o->n, c->id, c->idlen);
    if (r->status == ST_SETTLED) {
        *w++ = ',';
        size_t g = strlen(gate_name[r->gate]);
        memcpy(w, gate_name[r->gate], g);
        w += g;
        if (r->covered)
            memcpy(w, ",true,", 6), w += 6;
        else
            memcpy(w, ",false,", 7), w += 7;
        w = put_money(w, r->compliant), *w++ = ',';
        w = put_money(w, r->basic), *w++ = ',';
        w = put_money(w, r->critical_illness), *w++ = ',';
        w = put_money(w, r->assistance), *w++ = ',';
        w = put_money(w, r->backstop), *w++ = ',';
        w = put_money(w, r->supplement), *w++ = ',';
        w = put_money(w, r->patient_pays), *w++ = ',';
        w = put_money(w, r->hospital_bears), *w++ = ',';
        w = put_money(w, r->selfpay_counted), *w++ = ',';
        w = put_money(w, r->cap);
        memcpy(w, ",settled\n", 9), w += 9;
    } else if (r->status == ST_INVALID_DATE) {
        /* the outputs empty; the status holds a comma, so it is quoted */
        char day[16], msg[96];
        int y, m, d;
        civil_from_days(c->discharged, &y, &m, &d);
        snprintf(day, sizeof day, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
        int n = snprintf(msg, sizeof msg, ",,,,,,,,,,,,,\"" MSG_VALIDITY "\"\n", day);
        memcpy(w, msg, (size_t)n), w += n;
    } else {
        static const char msg[] = ",,,,,,,,,,,,," MSG_CALENDAR "\n";
        memcpy(w, msg, sizeof msg - 1), w += sizeof msg - 1;
    }
    o->n = (size_t)(w - o->buf);
}

static const char results_header[] =
    "claim_id,gate,covered,compliant,basic,critical_illness,assistance,backstop,supplement,"
    "patient_pays,hospital_bears,selfpay_counted,cap,status\n";

/* the header row; a results file starts with a BOM, so Excel reads it as UTF-8 (spec/DATA.md
 * "Files from Excel"); the identifiers, as `polc run --labels names` heads it */
static void put_header(Out *o)
{
    memcpy(o->buf + o->n, "\xEF\xBB\xBF", 3), o->n += 3;
    memcpy(o->buf + o->n, results_header, sizeof results_header - 1);
    o->n += sizeof results_header - 1;
}

/* ---- the run ---------------------------------------------------------------------------- */

int main(int argc, char **argv)
{
    if (argc != 4) {
        fputs("usage: panji persons.csv claims.csv results.csv\n", stderr);
        return 2;
    }
    double t_start = now_s(), t_settle = 0;
    valid_from = days_from_civil(VALID_FROM_Y, VALID_FROM_M, VALID_FROM_D);
    cal_init();

    People pp = {0};
    load_persons(argv[1], &pp);

    Claims cs = {.path = argv[2], .last_person = -1};
    size_t len;
    cs.buf = slurp(argv[2], &len);
    cs.end = cs.buf + len;
    cs.p = bind_header(argv[2], cs.buf, cs.end, claim_cols, NCCOL, cs.col, &cs.want);
    cs.line = 1;
    /* the claims the file holds, from the length of its first rows (up to 1 MiB) */
    size_t sample = (size_t)(cs.end - cs.p) < (1 << 20) ? (size_t)(cs.end - cs.p) : 1 << 20;
    size_t rows = 0;
    for (const char *q = cs.p; (q = memchr(q, '\n', sample - (size_t)(q - cs.p))); q++)
        rows++;
    ids_init(&cs.ids, rows ? (size_t)(cs.end - cs.p) / (sample / rows) + 1 : 0);
    size_t dropped = 0; /* the claims map's pages given back so far */
    size_t page = (size_t)sysconf(_SC_PAGESIZE);

    Out o = {.path = argv[3], .cap = OUT_FLUSH + 64 * 1024};
    o.buf = xrealloc(NULL, o.cap);
    o.fd = open(argv[3], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (o.fd < 0)
        die("cannot write %s: %s", argv[3], strerror(errno));
    put_header(&o);

    /* Decode a block, settle it in file order, format it. */
    Claim *cl = xrealloc(NULL, BLOCK * sizeof *cl);
    Result *res = xrealloc(NULL, BLOCK * sizeof *res);
    long nsettled = 0, nfailed = 0;
    while (cs.p < cs.end) {
        size_t n = decode(&cs, &pp, cl, BLOCK);
        double t0 = now_s();
        for (size_t i = 0; i < n; i++)
            settle(&cl[i], &pp.v[cl[i].person], pp.spans, &res[i]);
        t_settle += now_s() - t0;
        for (size_t i = 0; i < n; i++) {
            put_row(&o, &cl[i], &res[i]);
            nfailed += res[i].status != ST_SETTLED;
        }
        nsettled += (long)n;
        if (o.n >= OUT_FLUSH)
            out_flush(&o);
        /* the block's input is done with (its ids are copied out): drop its pages, so the
         * process holds the persons and a block, not the whole claims file */
        size_t done = (size_t)(cs.p - cs.buf) / page * page;
        if (done > dropped && madvise(cs.buf + dropped, done - dropped, MADV_DONTNEED) == 0)
            dropped = done;
    }
    free(cl), free(res);
    out_flush(&o);
    if (close(o.fd) != 0)
        die("cannot write %s: %s", argv[3], strerror(errno));
    unslurp(cs.buf, len);
    unslurp(pp.map, pp.maplen);
    free(pp.v), free(pp.spans), free(pp.slot), free(o.buf), free(cs.ids.slot);

    double total = now_s() - t_start;
    fprintf(stderr, "%ld claims: %ld settled, %ld failed, %ld rows rejected\n", nsettled,
            nsettled - nfailed, nfailed, cs.rejected);
    fprintf(stderr, "settle loop: %.3f s (%.1f ns/claim), total: %.3f s\n", t_settle,
            nsettled ? t_settle * 1e9 / (double)nsettled : 0.0, total);
    return nfailed || cs.rejected ? 3 : 0;
}
