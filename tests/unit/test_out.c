/* test_out.c — the CSV rows of out.c byte for byte: a results row's values written by the
 * writers chosen once per column (rt_rowfmt_init, rt_line_row) for each kind and both label
 * modes, against rt_line_value value by value; money beside polrt_fmt_money across its
 * digit counts and both widths; cells quoted exactly when they hold a comma, quote, line
 * break or an edge blank, at every position of every length the 16-byte scan splits. */
#include "rt_int.h"
#include "unit.h"

#include <stdlib.h>

/* Level: members with labels, one holding a comma and one a quote, so their cells are
 * quoted; Kind: names only */
static char lv_name[] = "Level", kd_name[] = "Kind";
static char n0[] = "township", n1[] = "county", n2[] = "city";
static char l0[] = "乡镇", l1[] = "县,区", l2[] = "市\"级\"";
static char k0[] = "inpatient", k1[] = "outpatient";
static char *lv_names[] = {n0, n1, n2}, *lv_labels[] = {l0, l1, l2};
static char *kd_names[] = {k0, k1};
static RtEnum enums[] = {{lv_name, 3, lv_names, lv_labels}, {kd_name, 2, kd_names, NULL}};
static const RtSchema schema = {.nenums = 2, .enums = enums};

/* the columns of the row tested: every kind an output can have */
static const RtType t_money = {.kind = RT_MONEY}, t_bool = {.kind = RT_BOOL},
                    t_level = {.kind = RT_ENUM, .enum_idx = 0},
                    t_kind = {.kind = RT_ENUM, .enum_idx = 1}, t_date = {.kind = RT_DATE},
                    t_int = {.kind = RT_INT}, t_rate = {.kind = RT_RATE},
                    t_dur = {.kind = RT_DURATION, .unit = RT_WORKDAYS};
static const RtType *const types[] = {&t_money, &t_bool, &t_level, &t_kind, &t_date,
                                      &t_int,   &t_rate, &t_dur,   &t_money};
#define NCOLS ((int)(sizeof types / sizeof *types))

/* l's bytes as a C string (static), l emptied */
static const char *text_of(RtLine *l)
{
    static char buf[4096];
    snprintf(buf, sizeof buf, "%.*s", (int)l->n, l->p);
    l->n = 0;
    return buf;
}

/* the row v through rt_line_row with labels on or off, then the same values through
 * rt_line_value one by one: both must give want */
static void row_is(const char *name, const int64_t *v, int labels, const char *want)
{
    RtRowFmt f;
    RtLine l = {0};
    int64_t sums[NCOLS] = {0};
    __int128 spill[NCOLS] = {0};
    char what[128];
    CHECK_EQ(name, rt_rowfmt_init(&f, &schema, types, NCOLS, labels), 0);
    rt_line_row(&l, &f, v, sums, spill, ",settled\n", 9);
    snprintf(what, sizeof what, "%s (row)", name);
    CHECK_STR(what, text_of(&l), want);
    for (int i = 0; i < NCOLS; i++) {
        rt_line_add(&l, ",", 1);
        rt_line_value(&l, &schema, types[i], v[i], labels);
    }
    rt_line_add(&l, ",settled\n", 9);
    snprintf(what, sizeof what, "%s (value by value)", name);
    CHECK_STR(what, text_of(&l), want);
    rt_rowfmt_free(&f);
    polrt_realloc(l.p, 0);
}

static void test_rows(void)
{
    /* -5 fen is -0.05 yuan; 1 is true (是); Level 1 is county (县,区, quoted for its comma);
     * Kind 0 inpatient (no label: its name either way); day 20513 is 2026-03-01 (56 years
     * from 1970 with 14 leap days: 56 × 365 + 14 = 20454 is 2026-01-01, + 31 + 28 = 20513);
     * 125000 micro is 12.5%; 5 workdays; the last money absent: an empty cell */
    const int64_t a[NCOLS] = {-5, 1, 1, 0, 20513, -7, 125000, 5, POLRT_NONE};
    row_is("names", a, 0, ",-0.05,true,county,inpatient,2026-03-01,-7,12.5%,5 workdays,,settled\n");
    row_is("labels", a, 1,
           ",-0.05,是,\"县,区\",inpatient,2026-03-01,-7,12.5%,5 workdays,,settled\n");

    /* 0 fen, false, city (市"级": its quotes doubled inside quotes), outpatient, 1 workday,
     * 123456789 fen = 1234567.89 yuan */
    const int64_t b[NCOLS] = {0, 0, 2, 1, 0, 0, 0, 1, 123456789};
    row_is("names, second row", b, 0,
           ",0.00,false,city,outpatient,1970-01-01,0,0%,1 workday,1234567.89,settled\n");
    row_is("labels, second row", b, 1,
           ",0.00,否,\"市\"\"级\"\"\",outpatient,1970-01-01,0,0%,1 workday,1234567.89,"
           "settled\n");

    /* every value absent: nine empty cells */
    int64_t none[NCOLS];
    for (int i = 0; i < NCOLS; i++)
        none[i] = POLRT_NONE;
    row_is("all absent", none, 1, ",,,,,,,,,,settled\n");

    /* values outside their type are shown, never hidden: a bool 2 is true (rt_format_value:
     * any non-zero), with labels too; members 3 and -1 of Level and 2 of Kind as numbers */
    const int64_t c[NCOLS] = {5, 2, 3, 2, -1, INT64_MAX, -1, -1, -123456};
    row_is("outside the types", c, 1,
           ",0.05,true,3,2,1969-12-31,9223372036854775807,-0.0001%,-1 workday,-1234.56,"
           "settled\n");
    row_is("outside the types, names", c, 0,
           ",0.05,true,3,2,1969-12-31,9223372036854775807,-0.0001%,-1 workday,-1234.56,"
           "settled\n");
}

/* the sums rt_line_row keeps: money columns only, absent values adding nothing, exact past
 * 64 bits either way (an int64 sum a column, moved to a 128-bit spill when it would
 * overflow) */
static void test_sums(void)
{
    RtRowFmt f;
    RtLine l = {0};
    int64_t sums[NCOLS] = {0};
    __int128 spill[NCOLS] = {0};
    CHECK_EQ("sums: init", rt_rowfmt_init(&f, &schema, types, NCOLS, 0), 0);
    const int64_t a[NCOLS] = {-5, 1, 1, 0, 20513, -7, 125000, 5, POLRT_NONE};
    const int64_t b[NCOLS] = {INT64_MAX, 0, 2, 1, 0, 0, 0, 1, INT64_MAX};
    const int64_t c[NCOLS] = {POLRT_NONE, 0, 2, 1, 0, 0, 0, 1, -INT64_MAX};
    rt_line_row(&l, &f, a, sums, spill, "\n", 1);
    rt_line_row(&l, &f, b, sums, spill, "\n", 1);
    rt_line_row(&l, &f, b, sums, spill, "\n", 1);
    rt_line_row(&l, &f, a, sums, spill, "\n", 1);
    /* column 0: -5 + 2 × INT64_MAX - 5, beyond int64 (the summary then says overflow) */
    CHECK("sums: money beyond 64 bits",
          spill[0] + sums[0] == (__int128)INT64_MAX * 2 - 10 && spill[0] != 0);
    CHECK("sums: an absent amount adds nothing", spill[8] + sums[8] == (__int128)INT64_MAX * 2);
    /* column 8 down again: 2 × INT64_MAX - 3 × INT64_MAX, then below -2^63: -INT64_MAX - 1
     * is INT64_MIN, one more -INT64_MAX overflows downwards */
    rt_line_row(&l, &f, c, sums, spill, "\n", 1);
    rt_line_row(&l, &f, c, sums, spill, "\n", 1);
    rt_line_row(&l, &f, c, sums, spill, "\n", 1);
    rt_line_row(&l, &f, c, sums, spill, "\n", 1);
    CHECK("sums: below -2^63, exact", spill[8] + sums[8] == -(__int128)INT64_MAX * 2);
    int others = 0;
    for (int i = 1; i < 8; i++)
        others |= sums[i] != 0 || spill[i] != 0;
    CHECK_EQ("sums: other kinds not summed", others, 0);
    rt_rowfmt_free(&f);
    polrt_realloc(l.p, 0);
}

/* v as rt_line_value writes money is as polrt_fmt_money writes it: 1, or 0 (told) */
static int money_as_fmt(RtLine *l, int64_t v)
{
    char want[32];
    rt_line_value(l, &schema, &t_money, v, 0);
    const char *got = text_of(l);
    polrt_fmt_money(v, want, 0);
    if (strcmp(got, want) == 0)
        return 1;
    printf("  money %" PRId64 ": got %s, want %s\n", v, got, want);
    return 0;
}

/* money as rt_line_value writes it against polrt_fmt_money (money.c, the one formatter the
 * results must match), across every digit count, both widths (2^32 fen) and the signs */
static void test_money(void)
{
    static const int64_t edges[] = {0,           1,
                                    5,           9,
                                    10,          99,
                                    100,         101,
                                    999,         1000,
                                    9999,        10000,
                                    99999,       100000,
                                    4294967295, /* 2^32 - 1 fen: the last of the 32-bit path */
                                    4294967296,  4294967301,
                                    99999999999, 100000000000,
                                    INT64_MAX,   INT64_MIN + 1};
    RtLine l = {0};
    int bad = 0, n = 0;
    for (size_t i = 0; i < sizeof edges / sizeof *edges; i++)
        for (int sign = 1; sign >= -1; sign -= 2) {
            int64_t v = edges[i] * sign;
            bad += !money_as_fmt(&l, v);
            n++;
        }
    /* each power of ten and its neighbours, below and above 2^32 */
    for (int64_t p = 1; p <= INT64_MAX / 10; p *= 10)
        for (int64_t d = -1; d <= 1; d++)
            for (int sign = 1; sign >= -1; sign -= 2) {
                int64_t v = (p + d) * sign;
                bad += !money_as_fmt(&l, v);
                n++;
            }
    /* and a run of pseudo-random amounts of every size (a fixed seed) */
    uint64_t x = 88172645463325252u;
    for (int i = 0; i < 200000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        int64_t v = (int64_t)(x >> (x % 64));
        if (v == POLRT_NONE)
            continue;
        bad += !money_as_fmt(&l, v);
        n++;
    }
    CHECK_EQ("money as polrt_fmt_money writes it", bad, 0);
    CHECK("money: the values compared", n > 200000);
    /* pinned: -0.05, 0.05, 42949672.95 (2^32 - 1 fen), 42949672.96 */
    rt_line_value(&l, &schema, &t_money, -5, 0);
    CHECK_STR("money -5 fen", text_of(&l), "-0.05");
    rt_line_value(&l, &schema, &t_money, 4294967295, 0);
    CHECK_STR("money 2^32 - 1 fen", text_of(&l), "42949672.95");
    rt_line_value(&l, &schema, &t_money, -4294967296, 0);
    CHECK_STR("money -2^32 fen", text_of(&l), "-42949672.96");
    rt_line_value(&l, &schema, &t_money, INT64_MIN + 1, 0);
    CHECK_STR("money INT64_MIN + 1", text_of(&l), "-92233720368547758.07");
    polrt_realloc(l.p, 0);
}

/* cells: quoted exactly when they hold a comma, quote, CR or LF, or begin or end with a
 * space; every length 1..40 (the scan takes 16 bytes a step, 8-15 as two halves, shorter
 * ones byte by byte) with each special byte at every position */
static void test_cells(void)
{
    RtLine l = {0};
    rt_line_cell(&l, "C0000001-1");
    CHECK_STR("cell: an id", text_of(&l), "C0000001-1");
    rt_line_cell(&l, "C,1");
    CHECK_STR("cell: a comma", text_of(&l), "\"C,1\"");
    rt_line_cell(&l, "say \"hi\"");
    CHECK_STR("cell: quotes doubled", text_of(&l), "\"say \"\"hi\"\"\"");
    rt_line_cell(&l, " lead");
    CHECK_STR("cell: a leading blank", text_of(&l), "\" lead\"");
    rt_line_cell(&l, "a\r\nb");
    CHECK_STR("cell: a line break", text_of(&l), "\"a\r\nb\"");
    rt_line_cell(&l, "");
    CHECK_STR("cell: empty", text_of(&l), "");
    rt_line_cell(&l, "\"\"");
    CHECK_STR("cell: only quotes", text_of(&l), "\"\"\"\"\"\"");

    static const char special[] = {',', '"', '\n', '\r'};
    char s[48], want[128];
    int bad = 0;
    for (int n = 1; n <= 40; n++) {
        memset(s, 'x', (size_t)n);
        s[n] = '\0';
        rt_line_cell(&l, s);
        if (strcmp(text_of(&l), s) != 0 && bad++ < 5)
            printf("  %d plain bytes quoted\n", n);
        for (int at = 0; at < n; at++)
            for (size_t k = 0; k < sizeof special; k++) {
                s[at] = special[k];
                size_t w = 0;
                want[w++] = '"';
                for (int j = 0; j < n; j++) {
                    if (s[j] == '"')
                        want[w++] = '"';
                    want[w++] = s[j];
                }
                want[w++] = '"';
                want[w] = '\0';
                rt_line_cell(&l, s);
                if (strcmp(text_of(&l), want) != 0 && bad++ < 5)
                    printf("  byte %d of %d is 0x%02x: not quoted as it should be\n", at, n,
                           special[k]);
                s[at] = 'x';
            }
        /* a trailing blank */
        s[n - 1] = ' ';
        rt_line_celln(&l, s, (size_t)n);
        snprintf(want, sizeof want, "\"%s\"", s);
        if (strcmp(text_of(&l), want) != 0 && bad++ < 5)
            printf("  %d bytes ending in a blank not quoted\n", n);
    }
    CHECK_EQ("cells: quoted exactly when they must be, at every length and position", bad, 0);
    polrt_realloc(l.p, 0);
}

int main(void)
{
    test_rows();
    test_sums();
    test_money();
    test_cells();
    UNIT_END();
}
