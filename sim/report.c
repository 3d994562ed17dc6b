/* report.c — what polc simulate shows (spec/SIMULATE.md §3): the merged results of a PolSim
 * as aligned tables on a terminal, as CSV files, and as one self-contained report.html whose
 * charts are inline SVG (no script, no network). Every table is built once as cells and then
 * printed, written as CSV (plain numbers) or as HTML. */
#include "sim_int.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* a cell's text: long enough for any number and a scenario name */
#define CELL_MAX 160
/* chart geometry (SVG user units = CSS pixels) */
#define CHART_W 860
#define BAR_H   16
#define LABEL_W 190
/* colours: base, then the scenarios (colour-blind-safe Okabe-Ito palette) */
static const char *const palette[] = {"#6c757d", "#0072b2", "#e69f00", "#009e73",
                                      "#cc79a7", "#56b4e9", "#d55e00", "#f0e442"};
#define NPALETTE 8
static const char *const band_name[RT_SIM_NBANDS] = {
    "less by over 1,000",   "less by 100 to 1,000", "less by 10 to 100",
    "less by 1 to 10",      "less by up to 1",      "unchanged",
    "more by up to 1",      "more by 1 to 10",      "more by 10 to 100",
    "more by 100 to 1,000", "more by over 1,000"};
static const char *const band_short[RT_SIM_NBANDS] = {
    "< -1000", "-1000..-100", "-100..-10", "-10..-1",   "-1..0", "0",
    "0..1",    "1..10",       "10..100",   "100..1000", "> 1000"};
static const char *const oopb_name[RT_SIM_NOOPB] = {"0",     "0-100", "100-500", "500-1k",
                                                    "1k-3k", "3k-5k", "5k-10k",  "> 10k"};

/* how a table is built: for a terminal (grouped numbers, long names cut), CSV (plain
 * numbers, full names) or HTML (grouped numbers, full names) */
#define FOR_TERM 0
#define FOR_CSV  1
#define FOR_HTML 2

/* ---- numbers ---------------------------------------------------------------------------- */

int64_t rt_wide_fen(RtWide v)
{
    RtWide q = v / 1000000, r = v % 1000000;
    if ((r < 0 ? -r : r) * 2 >= 1000000)
        q += v < 0 ? -1 : 1;
    return (int64_t)q;
}

/* money in fen: "1,234.56" (plain: "1234.56") */
static char *money(int64_t fen, int plain, char *buf)
{
    return polrt_fmt_money(fen, buf, plain != FOR_CSV);
}

/* a count: plain persons or claims, or a weight in millionths shown with 2 decimals */
static char *count(int64_t n, int64_t w, int weighted, int plain, char *buf)
{
    if (!weighted) {
        polrt_fmt_money(n * 100, buf, plain != FOR_CSV);
        buf[strlen(buf) - 3] = '\0';
        return buf;
    }
    /* weights are millionths: shown to the hundredth, rounded half away from zero */
    int64_t c = w / 10000 + ((w % 10000) * 2 >= 10000 ? 1 : 0);
    return polrt_fmt_money(c, buf, plain != FOR_CSV);
}

/* a share a / b: "12.34%" (plain: "0.1234"); "-" when b is 0 */
static char *share(double a, double b, int plain, char *buf)
{
    if (b == 0) {
        snprintf(buf, CELL_MAX, "%s", plain ? "" : "-");
        return buf;
    }
    if (plain)
        snprintf(buf, CELL_MAX, "%.6f", a / b);
    else
        snprintf(buf, CELL_MAX, "%.2f%%", 100.0 * a / b);
    return buf;
}

/* the change from base to v in percent: "+3.21%" */
static char *change_pct(RtWide base, RtWide v, int plain, char *buf)
{
    if (base == 0) {
        snprintf(buf, CELL_MAX, "%s", v == 0 ? (plain ? "0" : "0.00%") : (plain ? "" : "-"));
        return buf;
    }
    double p = (double)(v - base) / (double)base;
    if (plain)
        snprintf(buf, CELL_MAX, "%.6f", p);
    else
        snprintf(buf, CELL_MAX, "%+.2f%%", 100.0 * p);
    return buf;
}

static double to_yuan(RtWide v)
{
    return (double)rt_wide_fen(v) / 100.0;
}

/* ---- tables -----------------------------------------------------------------------------
 * Builders take fmt (FOR_TERM, FOR_CSV, FOR_HTML); `plain` in them means CSV. */
/* a scenario name's width in a terminal table; longer names lose their middle to "..." (the
 * header lines above the tables give them whole) */
#define NAME_COLS 24

typedef struct Table {
    const char *title; /* shown above it (terminal, HTML) */
    int ncols, nrows, cap;
    char **cells; /* nrows × ncols; row 0 is the header */
} Table;

static void tab_init(Table *t, const char *title, int ncols)
{
    memset(t, 0, sizeof *t);
    t->title = title;
    t->ncols = ncols;
}

/* a row of ncols strings (NULL: empty); copies them. -1 on memory. */
static int tab_row(Table *t, const char *const *v)
{
    if (t->nrows == t->cap) {
        int cap = t->cap ? 2 * t->cap : 16;
        char **c = polrt_realloc(t->cells, (size_t)cap * (size_t)t->ncols * sizeof *c);
        if (!c)
            return -1;
        t->cells = c;
        t->cap = cap;
    }
    char **row = t->cells + (size_t)t->nrows * (size_t)t->ncols;
    for (int i = 0; i < t->ncols; i++) {
        const char *s = v[i] ? v[i] : "";
        size_t n = strlen(s) + 1;
        if (!(row[i] = polrt_realloc(NULL, n))) {
            for (int k = 0; k < i; k++)
                polrt_realloc(row[k], 0);
            return -1;
        }
        memcpy(row[i], s, n);
    }
    t->nrows++;
    return 0;
}

static void tab_free(Table *t)
{
    for (int i = 0; i < t->nrows * t->ncols; i++)
        polrt_realloc(t->cells[i], 0);
    polrt_realloc(t->cells, 0);
    memset(t, 0, sizeof *t);
}

static const char *cell(const Table *t, int r, int c)
{
    return t->cells[(size_t)r * (size_t)t->ncols + (size_t)c];
}

/* the table aligned: first column left, the others right, two spaces apart */
static void tab_print(const Table *t, FILE *f)
{
    if (t->nrows <= 1)
        return;
    int width[64] = {0};
    int nc = t->ncols < 64 ? t->ncols : 64;
    for (int r = 0; r < t->nrows; r++)
        for (int c = 0; c < nc; c++) {
            int w = rt_display_width(cell(t, r, c));
            if (w > width[c])
                width[c] = w;
        }
    if (t->title)
        fprintf(f, "\n%s\n", t->title);
    for (int r = 0; r < t->nrows; r++) {
        fputs("  ", f);
        for (int c = 0; c < nc; c++) {
            const char *s = cell(t, r, c);
            int pad = width[c] - rt_display_width(s);
            if (c == 0) {
                fputs(s, f);
                if (nc > 1)
                    fprintf(f, "%*s", pad, "");
            } else
                fprintf(f, "  %*s%s", pad, "", s);
        }
        fputc('\n', f);
    }
}

/* the table as CSV, each row built by the runtime's one CSV writer (out.c); -1 on memory */
static int tab_csv(const Table *t, FILE *f)
{
    RtLine l = {0};
    for (int r = 0; r < t->nrows; r++) {
        l.n = 0;
        for (int c = 0; c < t->ncols; c++) {
            if (c)
                rt_line_add(&l, ",", 1);
            rt_line_cell(&l, cell(t, r, c));
        }
        rt_line_add(&l, "\n", 1);
        if (l.oom)
            break;
        fwrite(l.p, 1, l.n, f);
    }
    polrt_realloc(l.p, 0);
    return l.oom ? -1 : 0;
}

static void html_text(FILE *f, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '&': fputs("&amp;", f); break;
        case '"': fputs("&quot;", f); break;
        default: fputc(*s, f);
        }
    }
}

/* a cell a number is written in: "1,234.56", "-0.5", "+12.00%", "~3,000.00" */
static int numeric_cell(const char *s)
{
    if (*s == '~')
        s++;
    if (*s == '+' || *s == '-')
        s++;
    return *s >= '0' && *s <= '9';
}

/* The table in HTML: a column of text (the first, a scenario, a reason) left-aligned, one of
 * numbers right-aligned; headers wrap (a scenario's name is long: three reforms' totals ran
 * off the page) and a table still too wide scrolls inside its box */
static void tab_html(const Table *t, FILE *f)
{
    if (t->nrows <= 1)
        return;
    if (t->title) {
        fputs("<h3>", f);
        html_text(f, t->title);
        fputs("</h3>\n", f);
    }
    unsigned char text[64] = {0};
    for (int c = 0; c < t->ncols && c < 64; c++) {
        text[c] = c == 0;
        for (int r = 1; r < t->nrows && !text[c]; r++)
            text[c] = *cell(t, r, c) && !numeric_cell(cell(t, r, c));
    }
    fputs("<div class=tw><table>\n", f);
    for (int r = 0; r < t->nrows; r++) {
        fputs("<tr>", f);
        for (int c = 0; c < t->ncols; c++) {
            int l = c < 64 && text[c];
            fputs(r == 0 ? (l ? "<th class=l>" : "<th>") : l ? "<td class=l>" : "<td>", f);
            html_text(f, cell(t, r, c));
            fputs(r == 0 ? "</th>" : "</td>", f);
        }
        fputs("</tr>\n", f);
    }
    fputs("</table></div>\n", f);
}

/* ---- the tables of a simulation --------------------------------------------------------- */

/* the bytes of the next UTF-8 character of s (at least 1) and its display width */
static size_t next_char(const char *s, int *cols)
{
    size_t step = 1;
    while (((unsigned char)s[step] & 0xC0) == 0x80 && step < 4)
        step++;
    char one[8];
    memcpy(one, s, step);
    one[step] = '\0';
    *cols = rt_display_width(one);
    return step;
}

/* the bytes of a "中文 (english)" title before " (", or 0: the part a Chinese reader reads */
static size_t title_head(const char *name)
{
    size_t n = strlen(name);
    const char *open = strstr(name, " (");
    return n && name[n - 1] == ')' && open && open > name ? (size_t)(open - name) : 0;
}

/* scenario s's name for a table: cut to NAME_COLS display columns on a terminal. A reform
 * titled "中文 (english)" shows its Chinese part when it fits and no other scenario's is the
 * same (cut in the middle it read "区内兜底线...y cap 4000)": a new-user pass); else the name
 * keeps its head and its tail around "...": the names of a sweep differ only at the end
 * ("backstop_cap[city]=5000 yuan", "...=6000 yuan"), a reform's title anywhere */
static const char *scen_name(const PolSim *m, int s, int plain, char *buf)
{
    const char *name = m->scen[s].name;
    /* a sweep point is its value: the parameter is in the table's title, and the value is
     * what tells the rows apart (cut, every row read "backstop_c...") */
    if (m->sweep && s > 0 && m->scen[s].x_text)
        name = m->scen[s].x_text;
    if (plain != FOR_TERM || rt_display_width(name) <= NAME_COLS)
        return name;
    size_t h = title_head(name);
    if (h && h < CELL_MAX) {
        memcpy(buf, name, h);
        buf[h] = '\0';
        int unique = rt_display_width(buf) <= NAME_COLS;
        for (int o = 0; o < m->nscen && unique; o++)
            unique = o == s || title_head(m->scen[o].name) != h ||
                     strncmp(m->scen[o].name, name, h) != 0;
        if (unique)
            return buf;
    }
    int head_cols = (NAME_COLS - 3) / 2, tail_cols = NAME_COLS - 3 - head_cols, w = 0, cw;
    size_t k = 0, n = strlen(name);
    for (size_t step; name[k] && (step = next_char(name + k, &cw)) && w + cw <= head_cols;)
        w += cw, k += step;
    /* the tail: the longest run of whole characters at the end within tail_cols */
    size_t t = n;
    for (size_t p = k, step; p < n; p += step) {
        step = next_char(name + p, &cw);
        if (rt_display_width(name + p) <= tail_cols) {
            t = p;
            break;
        }
    }
    if (k + 3 + (n - t) >= CELL_MAX)
        t = n;
    memcpy(buf, name, k);
    memcpy(buf + k, "...", 3);
    memcpy(buf + k + 3, name + t, n - t + 1);
    return buf;
}

/* "county (县区)" */
static const char *group_text(const PolSim *m, int g, char *buf)
{
    if (m->group_label[g])
        snprintf(buf, CELL_MAX, "%s %s", m->group_name[g], m->group_label[g]);
    else
        snprintf(buf, CELL_MAX, "%s", m->group_name[g]);
    return buf;
}

/* compared output k as a person reads it: its label, else its name (rt_output_heading) */
static const char *out_name(const PolSim *m, int k)
{
    return rt_output_heading(m->base, m->money[k], 1);
}

/* totals per output: base, then each scenario with its difference */
static int build_totals(const PolSim *m, int fmt, Table *t)
{
    int plain = fmt == FOR_CSV;
    char nbuf[CELL_MAX];
    int ns = m->sweep ? 1 : m->nscen;
    tab_init(t, "Totals by payer (yuan)", 2 + 3 * (ns - 1));
    const char *hdr[64];
    char h[64][CELL_MAX];
    int c = 0;
    hdr[c++] = "output";
    hdr[c++] = scen_name(m, 0, fmt, nbuf);
    for (int s = 1; s < ns && c + 3 <= 64; s++) {
        snprintf(h[c], CELL_MAX, "%s", scen_name(m, s, fmt, nbuf));
        hdr[c] = h[c];
        c++;
        hdr[c++] = "difference";
        hdr[c++] = "change";
    }
    t->ncols = c;
    if (tab_row(t, hdr) < 0)
        return -1;
    for (int p = 0; p < m->npay; p++) {
        int k = m->pay[p];
        const char *row[64];
        char v[64][CELL_MAX];
        c = 0;
        row[c++] = out_name(m, k);
        RtWide b = m->scen[0].totals[k];
        row[c] = money(rt_wide_fen(b), plain, v[c]);
        c++;
        for (int s = 1; s < ns && c + 3 <= 64; s++) {
            const RtSimScen *x = &m->scen[s];
            if (x->out_of[k] < 0) {
                row[c++] = "-", row[c++] = "-", row[c++] = "-";
                continue;
            }
            row[c] = money(rt_wide_fen(x->totals[k]), plain, v[c]);
            c++;
            int64_t d = rt_wide_fen(x->totals[k]) - rt_wide_fen(b);
            if (plain)
                money(d, 1, v[c]);
            else {
                char tmp[CELL_MAX];
                snprintf(v[c], CELL_MAX, "%s%s", d > 0 ? "+" : "", money(d, 0, tmp));
            }
            row[c] = v[c];
            c++;
            row[c] = change_pct(b, x->totals[k], plain, v[c]);
            c++;
        }
        if (tab_row(t, row) < 0)
            return -1;
    }
    return 0;
}

/* claims settled and failed, and what the scenarios change, per scenario */
static int build_counts(const PolSim *m, int fmt, Table *t)
{
    int plain = fmt == FOR_CSV;
    char nbuf[CELL_MAX];
    tab_init(t, "Claims and persons", 7);
    const char *hdr[] = {
        "scenario", "settled", "failed", "claims with a change", "share", "persons with a change",
        "share"};
    if (tab_row(t, hdr) < 0)
        return -1;
    for (int s = 0; s < m->nscen; s++) {
        const RtSimScen *x = &m->scen[s];
        char a[CELL_MAX], b[CELL_MAX], c[CELL_MAX], d[CELL_MAX], e[CELL_MAX], f[CELL_MAX];
        const char *row[] = {
            scen_name(m, s, fmt, nbuf),
            count(x->settled, 0, 0, plain, a),
            count(x->failed, 0, 0, plain, b),
            s ? count(x->aff_claims, x->aff_claims_w, 0, plain, c) : "",
            s ? share((double)x->aff_claims, (double)m->nclaims, plain, d) : "",
            s ? count(x->aff_persons, x->aff_persons_w, m->weighted, plain, e) : "",
            s ? share((double)(m->weighted ? x->aff_persons_w : x->aff_persons),
                      (double)(m->weighted ? m->claim_persons_w : m->claim_persons), plain, f)
              : "",
        };
        if (tab_row(t, row) < 0)
            return -1;
    }
    return 0;
}

/* winners and losers of scenario s by the size of the change in their own payment */
static int build_bands(const PolSim *m, int s, int fmt, Table *t, char *title)
{
    int plain = fmt == FOR_CSV;
    char nbuf[CELL_MAX];
    const RtSimScen *x = &m->scen[s];
    snprintf(title, CELL_MAX * 2, "Change in own payment per person: %s - %s (%s, yuan)", x->name,
             m->scen[0].name, m->oop >= 0 ? rt_output_heading(m->base, m->oop, 1) : "none");
    tab_init(t, title, plain ? 5 : 4);
    const char *hdr[] = {plain ? "scenario" : "band", plain ? "band" : "persons",
                         plain ? "persons" : "share", plain ? "share" : "total change",
                         "total change"};
    if (tab_row(t, hdr) < 0)
        return -1;
    int64_t all_n = 0, all_w = 0;
    for (int b = 0; b < RT_SIM_NBANDS; b++) {
        all_n += x->band_n[b];
        all_w += x->band_w[b];
    }
    for (int b = 0; b < RT_SIM_NBANDS; b++) {
        char a[CELL_MAX], c[CELL_MAX], d[CELL_MAX], tmp[CELL_MAX];
        int64_t ch = rt_wide_fen(x->band_sum[b]);
        if (plain)
            money(ch, 1, d);
        else
            snprintf(d, CELL_MAX, "%s%s", ch > 0 ? "+" : "", money(ch, 0, tmp));
        const char *cnt = count(x->band_n[b], x->band_w[b], m->weighted, plain, a);
        const char *sh = share((double)(m->weighted ? x->band_w[b] : x->band_n[b]),
                               (double)(m->weighted ? all_w : all_n), plain, c);
        const char *row5[] = {scen_name(m, s, fmt, nbuf), band_short[b], cnt, sh, d};
        const char *row4[] = {band_name[b], cnt, sh, d};
        if (tab_row(t, plain ? row5 : row4) < 0)
            return -1;
    }
    return 0;
}

/* the own-payment distribution of group g for every scenario (rows) */
static int stat_rows(const PolSim *m, int g, int fmt, Table *t, int with_group)
{
    int plain = fmt == FOR_CSV;
    char nbuf[CELL_MAX];
    char gbuf[CELL_MAX];
    for (int s = 0; s < m->nscen; s++) {
        const RtSimStat *st = &m->scen[s].groups[g];
        if (g > 0 && st->n == 0 && !plain)
            continue;
        char v[8][CELL_MAX];
        const char *pfx = st->approx && !plain ? "~" : "";
        char p50[CELL_MAX], p90[CELL_MAX], p99[CELL_MAX];
        snprintf(p50, CELL_MAX, "%s%s", pfx, money(st->p50, plain, v[2]));
        snprintf(p90, CELL_MAX, "%s%s", pfx, money(st->p90, plain, v[3]));
        snprintf(p99, CELL_MAX, "%s%s", pfx, money(st->p99, plain, v[4]));
        const char *at_cap = m->cap < 0 ? (plain ? "" : "-")
                                        : share((double)(m->weighted ? st->capped_w : st->capped_n),
                                                (double)(m->weighted ? st->w : st->n), plain, v[6]);
        const char *row[10];
        int c = 0;
        if (with_group) {
            row[c++] = m->group_dim[g] < 0 ? "" : m->dims[m->group_dim[g]].name;
            row[c++] = plain ? m->group_name[g] : s == 0 ? group_text(m, g, gbuf) : "";
        }
        row[c++] = scen_name(m, s, fmt, nbuf);
        row[c++] = count(st->n, st->w, m->weighted, plain, v[0]);
        row[c++] = money(st->mean, plain, v[1]);
        row[c++] = p50;
        row[c++] = p90;
        row[c++] = p99;
        row[c++] = money(st->max, plain, v[5]);
        row[c++] = at_cap;
        if (tab_row(t, row + (with_group && !plain ? 1 : 0)) < 0)
            return -1;
    }
    return 0;
}

static int build_oop(const PolSim *m, int fmt, Table *t, char *title)
{
    snprintf(title, CELL_MAX * 2,
             "Yearly own payment per person (%s; person-years with a settled claim, yuan)",
             m->oop >= 0 ? rt_output_heading(m->base, m->oop, 1) : "none");
    tab_init(t, title, 8);
    const char *hdr[] = {"scenario", "person-years", "mean", "p50", "p90", "p99", "max", "at cap"};
    if (tab_row(t, hdr) < 0)
        return -1;
    return stat_rows(m, 0, fmt, t, 0);
}

/* one dimension's groups (terminal/HTML), or every group (CSV: plain, dim < 0) */
static int build_breakdown(const PolSim *m, int dim, int fmt, Table *t, char *title)
{
    int plain = fmt == FOR_CSV;
    if (plain) {
        tab_init(t, NULL, 10);
        const char *hdr[] = {"dimension", "group", "scenario", "person_years", "mean",
                             "p50",       "p90",   "p99",      "max",          "at_cap_share"};
        if (tab_row(t, hdr) < 0)
            return -1;
        for (int g = 0; g < m->ngroups; g++)
            if (stat_rows(m, g, FOR_CSV, t, 1) < 0)
                return -1;
        return 0;
    }
    const RtSimDim *d = &m->dims[dim];
    snprintf(title, CELL_MAX * 2, "By %s (%s; yearly own payment, yuan)", d->name,
             d->person ? "the person's first identity" : "of the claim");
    tab_init(t, title, 9);
    const char *hdr[] = {d->name, "scenario", "person-years", "mean",  "p50",
                         "p90",   "p99",      "max",          "at cap"};
    if (tab_row(t, hdr) < 0)
        return -1;
    for (int g = d->first; g < d->first + d->n; g++)
        if (stat_rows(m, g, fmt, t, 1) < 0)
            return -1;
    return 0;
}

static int build_failures(const PolSim *m, int fmt, Table *t)
{
    int plain = fmt == FOR_CSV;
    char nbuf[CELL_MAX];
    tab_init(t, "Claims that failed (not in the totals)", 4);
    const char *hdr[] = {"scenario", "claims", "reason", "for example"};
    if (tab_row(t, hdr) < 0)
        return -1;
    for (int s = 0; s < m->nscen; s++) {
        const RtSimScen *x = &m->scen[s];
        for (int k = 0; k < x->nreasons; k++) {
            char a[CELL_MAX];
            const char *row[] = {scen_name(m, s, fmt, nbuf),
                                 count(x->reasons[k].count, 0, 0, plain, a), x->reasons[k].text,
                                 x->reasons[k].example};
            if (tab_row(t, row) < 0)
                return -1;
        }
        if (x->other_failed) {
            char a[CELL_MAX];
            const char *row[] = {scen_name(m, s, fmt, nbuf), count(x->other_failed, 0, 0, plain, a),
                                 "other reasons", ""};
            if (tab_row(t, row) < 0)
                return -1;
        }
    }
    return 0;
}

/* the sweep: each total against the parameter's value */
static int build_sweep(const PolSim *m, int fmt, Table *t, char *title)
{
    int plain = fmt == FOR_CSV;
    snprintf(title, CELL_MAX * 2, "Sweep of %s: totals (yuan) by value", m->sweep);
    /* the CSV (and the workbook) keep numbers plain: the point's name (the scenario column of
     * totals.csv: "base", "3000 yuan") is a label, its value a number, its unit apart */
    int lead = plain ? 3 : 1;
    int nc = lead + m->npay + 2;
    if (nc > 64)
        nc = 64;
    tab_init(t, title, nc);
    const char *hdr[64];
    hdr[0] = m->sweep;
    if (plain)
        hdr[0] = "scenario", hdr[1] = m->sweep, hdr[2] = "unit";
    for (int k = 0; k < nc - lead - 2; k++)
        hdr[lead + k] = out_name(m, m->pay[k]);
    hdr[nc - 2] = "mean own payment";
    hdr[nc - 1] = "at cap";
    if (tab_row(t, hdr) < 0)
        return -1;
    for (int s = 0; s < m->nscen; s++) {
        const RtSimScen *x = &m->scen[s];
        const char *row[64];
        char v[64][CELL_MAX];
        row[0] = s == 0 ? (plain ? "base" : "(base)") : x->x_text ? x->x_text : x->name;
        if (plain) {
            /* "3000 yuan": 3000, yuan; "70%": 70, %; the base: the policy's own values */
            const char *sp = s && x->x_text ? strrchr(x->x_text, ' ') : NULL;
            const char *pct = s && x->x_text ? strchr(x->x_text, '%') : NULL;
            if (s)
                snprintf(v[1], CELL_MAX, "%.10g", x->x);
            row[1] = s ? v[1] : "";
            row[2] = sp ? sp + 1 : pct ? "%" : "";
        }
        for (int p = 0; p < nc - lead - 2; p++) {
            int k = m->pay[p];
            row[lead + p] =
                x->out_of[k] < 0 ? "-" : money(rt_wide_fen(x->totals[k]), plain, v[lead + p]);
        }
        const RtSimStat *st = &x->groups[0];
        row[nc - 2] = money(st->mean, plain, v[nc - 2]);
        row[nc - 1] = m->cap < 0 ? ""
                                 : share((double)(m->weighted ? st->capped_w : st->capped_n),
                                         (double)(m->weighted ? st->w : st->n), plain, v[nc - 1]);
        if (tab_row(t, row) < 0)
            return -1;
    }
    return 0;
}

/* ---- the terminal ----------------------------------------------------------------------- */

int rt_sim_failed(const PolSim *m, FILE *f, int html)
{
    char a[CELL_MAX];
    int n = 0;
    for (int s = 0; s < m->nscen; s++) {
        if (!m->scen[s].failed)
            continue;
        if (f) {
            fprintf(f, "%s %s claim%s in ", n ? "," : "failed to settle, not in the totals:",
                    count(m->scen[s].failed, 0, 0, 0, a), rt_plural(m->scen[s].failed));
            if (html)
                html_text(f, m->scen[s].name);
            else
                fputs(m->scen[s].name, f);
        }
        n++;
    }
    return n;
}

static void header_lines(const PolSim *m, FILE *f, int html)
{
    char a[CELL_MAX], b[CELL_MAX];
    if (html)
        fputs("<p class=meta>", f);
    int64_t np = m->npersons ? m->npersons : m->claim_persons;
    fprintf(f, "%s claim%s of %s person%s (%s), %d scenario%s, %d thread%s, %.2f s",
            count(m->nclaims, 0, 0, 0, a), rt_plural(m->nclaims), count(np, 0, 0, 0, b),
            rt_plural(np), m->mode ? m->mode : "", m->nscen, rt_plural(m->nscen), m->threads,
            rt_plural(m->threads), m->seconds);
    if (m->weighted)
        fprintf(f, "; weighted by %s (%s people)", m->weight_col, count(0, m->persons_w, 1, 0, a));
    if (m->rejected)
        fprintf(f, "; %" PRId64 " row%s rejected (%s)", m->rejected, rt_plural(m->rejected),
                m->rejects_path);
    /* claims that failed are left out of the totals: said where the totals are read */
    if (rt_sim_failed(m, NULL, 0))
        fputs("; ", f);
    rt_sim_failed(m, f, html);
    fputs(html ? "</p>\n<ul class=scen>\n" : "\n", f);
    int shown = m->sweep ? 1 : m->nscen;
    for (int s = 0; s < shown; s++) {
        const RtSimScen *x = &m->scen[s];
        if (html) {
            fprintf(f, "<li><span class=sw style=\"background:%s\"></span><b>",
                    palette[s % NPALETTE]);
            html_text(f, x->name);
            fputs("</b> ", f);
            html_text(f, x->source ? x->source : "");
            fputs("</li>\n", f);
        } else
            fprintf(f, "  %-8s %s\n", x->name, x->source ? x->source : "");
    }
    if (m->sweep) {
        if (html)
            fputs("<li>", f);
        fprintf(f, "%s%d points of %s", html ? "" : "  sweep    ", m->nscen - 1, m->sweep);
        fputs(html ? "</li>\n" : "\n", f);
    }
    if (html)
        fputs("</ul>\n", f);
}

POLRT_API void polrt_sim_print(const PolSim *m, FILE *f)
{
    Table t;
    char title[CELL_MAX * 2];
    fputs("polc simulate: ", f);
    header_lines(m, f, 0);
    if (m->sweep) {
        if (build_sweep(m, 0, &t, title) == 0)
            tab_print(&t, f);
        tab_free(&t);
    } else {
        if (build_totals(m, 0, &t) == 0)
            tab_print(&t, f);
        tab_free(&t);
        if (build_counts(m, 0, &t) == 0)
            tab_print(&t, f);
        tab_free(&t);
        if (m->oop >= 0)
            for (int s = 1; s < m->nscen; s++) {
                if (build_bands(m, s, 0, &t, title) == 0)
                    tab_print(&t, f);
                tab_free(&t);
            }
    }
    if (m->oop >= 0) {
        if (build_oop(m, 0, &t, title) == 0)
            tab_print(&t, f);
        tab_free(&t);
        for (int d = 0; d < m->ndims && !m->sweep; d++) {
            if (build_breakdown(m, d, 0, &t, title) == 0)
                tab_print(&t, f);
            tab_free(&t);
        }
    } else
        fputs("\n(no own-payment output: name one with --oop OUTPUT for the distribution "
              "and the winners and losers)\n",
              f);
    if (build_failures(m, 0, &t) == 0)
        tab_print(&t, f);
    tab_free(&t);
    int approx = 0;
    for (int s = 0; s < m->nscen; s++)
        for (int g = 0; g < m->ngroups; g++)
            approx |= m->scen[s].groups[g].approx;
    if (approx)
        fputs("\n~ percentiles of groups above 65,536 person-years come from a histogram "
              "(within 0.1%)\n",
              f);
}

/* ---- SVG charts ------------------------------------------------------------------------- */

/* a round step for an axis of maximum v: 1, 2 or 5 times a power of ten, ~5 ticks */
static double nice_step(double v)
{
    if (v <= 0)
        return 1;
    double raw = v / 5, p = pow(10, floor(log10(raw))), m = raw / p;
    return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

/* an axis tick of value v on an axis of step `step`: as many decimals as the step needs, no
 * more ("0.5", "120", "-1,326"), thousands grouped; amounts are in 万元 or persons, so no
 * "k"/"M" suffixes a Chinese reader would have to convert */
static void tick_text(double v, double step, char *buf)
{
    int dec = step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9);
    if (dec > 6)
        dec = 6;
    if (fabs(v) < step / 1e6)
        v = 0; /* -0 */
    char raw[64];
    snprintf(raw, sizeof raw, "%.*f", dec, v);
    /* group the integer part by thousands */
    const char *p = raw + (raw[0] == '-');
    const char *dot = strchr(p, '.');
    size_t ni = dot ? (size_t)(dot - p) : strlen(p), k = 0;
    if (raw[0] == '-')
        buf[k++] = '-';
    for (size_t i = 0; i < ni; i++) {
        if (i && (ni - i) % 3 == 0)
            buf[k++] = ',';
        buf[k++] = p[i];
    }
    snprintf(buf + k, 32 - k, "%s", dot ? dot : "");
}

static void svg_text(FILE *f, double x, double y, const char *anchor, const char *cls,
                     const char *s)
{
    fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" class=\"%s\">", x, y, anchor, cls);
    html_text(f, s);
    fputs("</text>\n", f);
}

/* The legend, one swatch and name per series, wrapped onto as many rows as the chart's width
 * needs (a sweep has many: a legend on one row ran past the edge and was clipped). Names are
 * measured by display width (CJK two columns, ~7 px each). The y just below it; f NULL
 * measures without drawing. */
static double svg_legend(FILE *f, double x0, double y0, int nseries, const char *const *series,
                         const char *const *colors)
{
    double x = x0, y = y0;
    for (int s = 0; s < nseries; s++) {
        double w = 28 + 7 * (double)rt_display_width(series[s]);
        if (x > x0 && x + w > CHART_W - 10) {
            x = x0;
            y += 18;
        }
        if (f) {
            fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>\n", x,
                    y, colors[s]);
            svg_text(f, x + 16, y + 10, "start", "lg", series[s]);
        }
        x += w;
    }
    return nseries ? y + 20 : y0;
}

/* horizontal grouped bars: groups (labels) × series (scenarios), values in data units (万元),
 * each bar's value written beside it (a change of 0 draws no bar, but says 0): at the bar's
 * end, or for a bar below zero just right of the zero line, its row's other side; diverging
 * charts sign their values (+0.2701) */
static void svg_hbars(FILE *f, const char *title, int ngroups, const char *const *labels,
                      int nseries, const char *const *series, const double *vals,
                      const char *const *colors, const char *unit, int diverging)
{
    double lo = 0, hi = 0;
    for (int i = 0; i < ngroups * nseries; i++) {
        if (vals[i] > hi)
            hi = vals[i];
        if (vals[i] < lo)
            lo = vals[i];
    }
    double step = nice_step(hi - lo > 0 ? hi - lo : 1);
    hi = ceil(hi / step) * step;
    lo = floor(lo / step) * step;
    if (hi == lo)
        hi = lo + step;
    int plot_w = CHART_W - LABEL_W - 70;
    int group_h = nseries * BAR_H + 10;
    int legend = nseries > 1;
    double top = legend ? svg_legend(NULL, LABEL_W, 28, nseries, series, colors) + 4 : 36;
    double h = top + ngroups * group_h + 40;
    fprintf(f,
            "<figure><svg viewBox=\"0 0 %d %.0f\" width=\"%d\" height=\"%.0f\" "
            "xmlns=\"http://www.w3.org/2000/svg\" role=\"img\">\n",
            CHART_W, h, CHART_W, h);
    svg_text(f, 10, 20, "start", "title", title);
    if (legend)
        svg_legend(f, LABEL_W, 28, nseries, series, colors);
#define XOF(v) (LABEL_W + (double)plot_w * ((v)-lo) / (hi - lo))
    for (double v = lo; v <= hi + step / 2; v += step) {
        char b[32];
        tick_text(v, step, b);
        fprintf(f, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>\n", XOF(v),
                XOF(v), top, h - 34, fabs(v) < step / 2 ? "zero" : "grid");
        svg_text(f, XOF(v), h - 20, "middle", "ax", b);
    }
    svg_text(f, LABEL_W + plot_w / 2.0, h - 5, "middle", "ax", unit);
    for (int g = 0; g < ngroups; g++) {
        double y = top + g * group_h;
        svg_text(f, LABEL_W - 8, y + group_h / 2.0 + 2, "end", "lb", labels[g]);
        for (int s = 0; s < nseries; s++) {
            double v = vals[g * nseries + s];
            double x0 = XOF(v < 0 ? v : 0), x1 = XOF(v < 0 ? 0 : v);
            fprintf(f,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                    "<title>",
                    x0, y + s * BAR_H, x1 - x0 < 0.5 && v != 0 ? 0.5 : x1 - x0, BAR_H - 2,
                    colors[s]);
            html_text(f, series[s]);
            fprintf(f, ": %.2f</title></rect>\n", v);
            /* 万元 to the yuan (4 decimals), 2 from 100 万元 on */
            char b[48] = "+0";
            if (v == 0)
                memcpy(b, "0", 2);
            else
                tick_text(v, fabs(v) >= 100 ? 0.01 : 0.0001, b + (diverging && v > 0));
            svg_text(f, (v < 0 ? XOF(0) : x1) + 4, y + s * BAR_H + BAR_H - 5, "start", "val", b);
        }
    }
#undef XOF
    fputs("</svg></figure>\n", f);
}

/* vertical bars over ordered buckets, one series per scenario */
static void svg_vbars(FILE *f, const char *title, int nb, const char *const *labels, int nseries,
                      const char *const *series, const double *vals, const char *const *colors,
                      const char *ylabel, const char *note, int whole)
{
    double hi = 0;
    for (int i = 0; i < nb * nseries; i++)
        if (vals[i] > hi)
            hi = vals[i];
    double step = nice_step(hi > 0 ? hi : 1);
    if (whole && step < 1)
        step = 1; /* persons: no half-person ticks */
    hi = ceil(hi / step) * step;
    if (hi <= 0)
        hi = step;
    int left = 70, plot_h = 260, legend = nseries > 1;
    double top = legend ? svg_legend(NULL, left, 28, nseries, series, colors) + 4 : 36;
    double h = top + plot_h + 36;
    double plot_w = CHART_W - left - 20, slot = plot_w / nb, bw = (slot - 8) / nseries;
    fprintf(f,
            "<figure><svg viewBox=\"0 0 %d %.0f\" width=\"%d\" height=\"%.0f\" "
            "xmlns=\"http://www.w3.org/2000/svg\" role=\"img\">\n",
            CHART_W, h, CHART_W, h);
    svg_text(f, 10, 20, "start", "title", title);
    if (legend)
        svg_legend(f, left, 28, nseries, series, colors);
    for (double v = 0; v <= hi + step / 2; v += step) {
        double y = top + plot_h - plot_h * v / hi;
        char b[32];
        tick_text(v, step, b);
        fprintf(f, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>\n", left,
                CHART_W - 20, y, y);
        svg_text(f, left - 6, y + 4, "end", "ax", b);
    }
    fprintf(f,
            "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" class=\"ax\" "
            "transform=\"rotate(-90 16 %.1f)\">",
            top + plot_h / 2.0, top + plot_h / 2.0);
    html_text(f, ylabel);
    fputs("</text>\n", f);
    for (int b = 0; b < nb; b++) {
        double x = left + b * slot + 4;
        svg_text(f, x + (slot - 8) / 2, top + plot_h + 16, "middle", "ax", labels[b]);
        for (int s = 0; s < nseries; s++) {
            double v = vals[b * nseries + s], bh = plot_h * v / hi;
            if (v > 0 && bh < 1)
                bh = 1;
            fprintf(f,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                    "fill=\"%s\"><title>",
                    x + s * bw, top + plot_h - bh, bw - 1, bh, colors[s]);
            html_text(f, series[s]);
            fprintf(f, " %s: %.2f</title></rect>\n", labels[b], v);
        }
    }
    fputs("</svg>", f);
    if (note) { /* HTML, which wraps: one SVG line ran past the chart's edge with 3 reforms */
        fputs("<figcaption class=note>", f);
        html_text(f, note);
        fputs("</figcaption>", f);
    }
    fputs("</figure>\n", f);
}

/* one line per series over the sweep's x values */
static void svg_lines(FILE *f, const char *title, int npts, const double *xs, int nseries,
                      const char *const *series, const double *vals, const char *xlabel)
{
    double xlo = xs[0], xhi = xs[0], hi = 0, lo = 0;
    for (int i = 0; i < npts; i++) {
        xlo = xs[i] < xlo ? xs[i] : xlo;
        xhi = xs[i] > xhi ? xs[i] : xhi;
    }
    for (int i = 0; i < npts * nseries; i++) {
        hi = vals[i] > hi ? vals[i] : hi;
        lo = vals[i] < lo ? vals[i] : lo;
    }
    if (xhi == xlo)
        xhi = xlo + 1;
    double step = nice_step(hi - lo > 0 ? hi - lo : 1);
    hi = ceil(hi / step) * step;
    lo = floor(lo / step) * step;
    if (hi == lo)
        hi = lo + step;
    int left = 80, plot_h = 300;
    const char *colors[NPALETTE];
    for (int s = 0; s < NPALETTE; s++)
        colors[s] = palette[(s + 1) % NPALETTE];
    /* more series than colours: the legend repeats them, as the lines do */
    const char *lcolors[64];
    for (int s = 0; s < nseries && s < 64; s++)
        lcolors[s] = colors[s % NPALETTE];
    int nl = nseries < 64 ? nseries : 64;
    double top = svg_legend(NULL, left, 28, nl, series, lcolors) + 4;
    double h = top + plot_h + 60;
    double plot_w = CHART_W - left - 30;
    fprintf(f,
            "<figure><svg viewBox=\"0 0 %d %.0f\" width=\"%d\" height=\"%.0f\" "
            "xmlns=\"http://www.w3.org/2000/svg\" role=\"img\">\n",
            CHART_W, h, CHART_W, h);
    svg_text(f, 10, 20, "start", "title", title);
    svg_legend(f, left, 28, nl, series, lcolors);
#define PX(v) (left + plot_w * ((v)-xlo) / (xhi - xlo))
#define PY(v) (top + plot_h - plot_h * ((v)-lo) / (hi - lo))
    for (double v = lo; v <= hi + step / 2; v += step) {
        char b[32];
        tick_text(v, step, b);
        fprintf(f, "<line x1=\"%d\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>\n", left,
                left + plot_w, PY(v), PY(v));
        svg_text(f, left - 6, PY(v) + 4, "end", "ax", b);
    }
    for (int i = 0; i < npts; i++) {
        char b[32];
        tick_text(xs[i], xs[i] == floor(xs[i]) ? 1 : 0.01, b);
        svg_text(f, PX(xs[i]), top + plot_h + 16, "middle", "ax", b);
    }
    svg_text(f, left + plot_w / 2, h - 14, "middle", "ax", xlabel);
    for (int s = 0; s < nseries; s++) {
        fprintf(f, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"",
                palette[(s + 1) % NPALETTE]);
        for (int i = 0; i < npts; i++)
            fprintf(f, "%.1f,%.1f ", PX(xs[i]), PY(vals[i * nseries + s]));
        fputs("\"/>\n", f);
        for (int i = 0; i < npts; i++)
            fprintf(f,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%.2f"
                    "</title></circle>\n",
                    PX(xs[i]), PY(vals[i * nseries + s]), palette[(s + 1) % NPALETTE],
                    vals[i * nseries + s]);
    }
#undef PX
#undef PY
    fputs("</svg></figure>\n", f);
}

/* ---- report.html -------------------------------------------------------------------------- */

static const char css[] =
    "body{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans CJK SC','PingFang SC',"
    "sans-serif;margin:24px auto;max-width:1100px;color:#222;padding:0 16px}"
    "h1{font-size:22px;margin:0 0 8px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px "
    "solid #ddd;padding-bottom:4px}h3{font-size:15px;margin:18px 0 6px}"
    "table{border-collapse:collapse;font-size:13px;margin:6px 0 12px}"
    "th,td{padding:3px 10px;border-bottom:1px solid #eee;text-align:right;white-space:nowrap}"
    "th{background:#f5f5f5;text-align:right;white-space:normal;max-width:14em;"
    "vertical-align:bottom}td.l,th.l{text-align:left}.tw{overflow-x:auto}"
    ".meta{color:#555}.scen{list-style:none;padding:0}.scen li{margin:2px 0}"
    ".sw{display:inline-block;width:12px;height:12px;margin-right:6px;vertical-align:-1px}"
    "figure{margin:8px 0 16px}svg{max-width:100%;height:auto;font-size:12px}"
    "svg .title{font-size:14px;font-weight:600}svg .ax{fill:#555;font-size:11px}"
    "svg .lb{font-size:12px}svg .lg{font-size:12px}svg .grid{stroke:#e5e5e5}"
    "svg .zero{stroke:#888}svg .val{fill:#333;font-size:10px}"
    ".note{color:#666;font-size:12px}";

/* Cost by payer: with reforms, first what each changes for each payer (a diverging bar of
 * scenario − base: the change is the news, and beside totals of millions a change of a
 * thousand yuan is invisible), then the totals; both in 万元. Only the payers (PolSim.pay). */
static void chart_payers(const PolSim *m, FILE *f)
{
    int ns = m->sweep ? 1 : m->nscen, n = m->npay;
    if (n == 0)
        return;
    const char **labels = polrt_realloc(NULL, (size_t)n * sizeof *labels);
    const char **series = polrt_realloc(NULL, (size_t)ns * sizeof *series);
    const char **colors = polrt_realloc(NULL, (size_t)ns * sizeof *colors);
    double *vals = polrt_realloc(NULL, (size_t)(n * ns) * sizeof *vals);
    if (labels && series && colors && vals) {
        for (int s = 0; s < ns; s++) {
            series[s] = m->scen[s].name;
            colors[s] = palette[s % NPALETTE];
        }
        for (int p = 0; p < n; p++)
            labels[p] = out_name(m, m->pay[p]);
        if (ns > 1) {
            for (int p = 0; p < n; p++) {
                int k = m->pay[p];
                for (int s = 1; s < ns; s++)
                    vals[p * (ns - 1) + s - 1] =
                        m->scen[s].out_of[k] < 0
                            ? 0
                            : (to_yuan(m->scen[s].totals[k]) - to_yuan(m->scen[0].totals[k])) / 1e4;
            }
            svg_hbars(f, "Change by payer (万元, scenario − base)", n, labels, ns - 1, series + 1,
                      vals, colors + 1, "万元", 1);
        }
        for (int p = 0; p < n; p++) {
            int k = m->pay[p];
            for (int s = 0; s < ns; s++)
                vals[p * ns + s] =
                    m->scen[s].out_of[k] < 0 ? 0 : to_yuan(m->scen[s].totals[k]) / 1e4;
        }
        svg_hbars(f, "Cost by payer (万元)", n, labels, ns, series, vals, colors, "万元", 0);
    }
    polrt_realloc(labels, 0);
    polrt_realloc(series, 0);
    polrt_realloc(colors, 0);
    polrt_realloc(vals, 0);
}

static void chart_changes(const PolSim *m, FILE *f)
{
    int ns = m->nscen - 1;
    if (ns < 1 || m->oop < 0)
        return;
    const char *labels[RT_SIM_NBANDS - 1];
    const char **series = polrt_realloc(NULL, (size_t)ns * sizeof *series);
    const char **colors = polrt_realloc(NULL, (size_t)ns * sizeof *colors);
    double *vals = polrt_realloc(NULL, (size_t)(RT_SIM_NBANDS * ns) * sizeof *vals);
    if (series && colors && vals) {
        int nb = 0;
        char note[1024];
        size_t k = 0;
        k += (size_t)snprintf(note, sizeof note, "Unchanged, not drawn:");
        for (int s = 0; s < ns; s++) {
            series[s] = m->scen[s + 1].name;
            colors[s] = palette[(s + 1) % NPALETTE];
            char c[CELL_MAX];
            const RtSimScen *x = &m->scen[s + 1];
            if (k < sizeof note)
                k += (size_t)snprintf(note + k, sizeof note - k, "%s %s: %s", s ? ";" : "", x->name,
                                      count(x->band_n[RT_SIM_UNCHANGED],
                                            x->band_w[RT_SIM_UNCHANGED], m->weighted, 0, c));
        }
        for (int b = 0; b < RT_SIM_NBANDS; b++) {
            if (b == RT_SIM_UNCHANGED)
                continue;
            labels[nb] = band_short[b];
            for (int s = 0; s < ns; s++) {
                const RtSimScen *x = &m->scen[s + 1];
                vals[nb * ns + s] = m->weighted ? (double)x->band_w[b] / 1e6 : (double)x->band_n[b];
            }
            nb++;
        }
        svg_vbars(f, "Change in yearly own payment per person (yuan, reform - base)", nb, labels,
                  ns, series, vals, colors, m->weighted ? "persons (weighted)" : "persons", note,
                  !m->weighted);
    }
    polrt_realloc(series, 0);
    polrt_realloc(colors, 0);
    polrt_realloc(vals, 0);
}

/* the colour of a sweep's point i of n: a ramp from light to dark blue, so that the points
 * read in their order and none repeats another's colour (the palette has 8: a ninth point
 * took the base's grey) */
static void ramp_color(int i, int n, char *buf)
{
    static const int lo[3] = {0xc6, 0xdb, 0xef}, hi[3] = {0x08, 0x30, 0x6b};
    double t = n > 1 ? (double)i / (n - 1) : 1;
    int c[3];
    for (int k = 0; k < 3; k++)
        c[k] = (int)lround(lo[k] + (hi[k] - lo[k]) * t);
    snprintf(buf, 8, "#%02x%02x%02x", c[0], c[1], c[2]);
}

static void chart_oop(const PolSim *m, FILE *f)
{
    if (m->oop < 0)
        return;
    int ns = m->nscen;
    const char **series = polrt_realloc(NULL, (size_t)ns * sizeof *series);
    const char **colors = polrt_realloc(NULL, (size_t)ns * sizeof *colors);
    double *vals = polrt_realloc(NULL, (size_t)(RT_SIM_NOOPB * ns) * sizeof *vals);
    char(*ramp)[8] = m->sweep ? polrt_realloc(NULL, (size_t)ns * sizeof *ramp) : NULL;
    if (series && colors && vals && (ramp || !m->sweep)) {
        for (int s = 0; s < ns; s++) {
            char buf[CELL_MAX];
            /* a sweep's point by its value, as in the tables ("4000 yuan") */
            series[s] = m->sweep && s > 0 ? scen_name(m, s, FOR_HTML, buf) : m->scen[s].name;
            colors[s] = palette[s % NPALETTE];
            if (m->sweep && s > 0) {
                ramp_color(s - 1, ns - 1, ramp[s]);
                colors[s] = ramp[s];
            }
            const RtSimStat *st = &m->scen[s].groups[0];
            for (int b = 0; b < RT_SIM_NOOPB; b++)
                vals[b * ns + s] = st->w ? 100.0 * (double)st->buckets[b] / (double)st->w : 0;
        }
        svg_vbars(f, "Yearly own payment per person (share of person-years by amount, yuan)",
                  RT_SIM_NOOPB, oopb_name, ns, series, vals, colors, "%", NULL, 0);
    }
    polrt_realloc(ramp, 0);
    polrt_realloc(series, 0);
    polrt_realloc(colors, 0);
    polrt_realloc(vals, 0);
}

static void chart_sweep(const PolSim *m, FILE *f)
{
    int np = m->nscen - 1, n = m->npay;
    if (np < 1 || n < 1)
        return;
    double *xs = polrt_realloc(NULL, (size_t)np * sizeof *xs);
    double *vals = polrt_realloc(NULL, (size_t)(np * n) * sizeof *vals);
    const char **series = polrt_realloc(NULL, (size_t)n * sizeof *series);
    if (xs && vals && series) {
        for (int p = 0; p < n; p++)
            series[p] = out_name(m, m->pay[p]);
        for (int i = 0; i < np; i++) {
            const RtSimScen *x = &m->scen[i + 1];
            xs[i] = x->x;
            for (int p = 0; p < n; p++) {
                int k = m->pay[p];
                vals[i * n + p] = x->out_of[k] < 0 ? 0 : to_yuan(x->totals[k]) / 1e4;
            }
        }
        char title[CELL_MAX], xlabel[CELL_MAX];
        /* the x axis in the values' unit, as the points are named ("4000 yuan": yuan) */
        const char *unit = m->scen[1].x_text ? strrchr(m->scen[1].x_text, ' ') : NULL;
        snprintf(xlabel, sizeof xlabel, "%s%s%s%s", m->sweep, unit ? " (" : "",
                 unit ? unit + 1 : "", unit ? ")" : "");
        /* the change leads, as for reforms: beside totals of 80 万元 the one payer a cap moves
         * (the backstop, 0.2 万元 at most) showed as a flat line at 0 */
        double *chg = polrt_realloc(NULL, (size_t)(np * n) * sizeof *chg);
        if (chg) {
            for (int i = 0; i < np; i++)
                for (int p = 0; p < n; p++) {
                    int k = m->pay[p];
                    chg[i * n + p] = m->scen[i + 1].out_of[k] < 0
                                         ? 0
                                         : vals[i * n + p] - to_yuan(m->scen[0].totals[k]) / 1e4;
                }
            snprintf(title, sizeof title, "Change by payer against %s (万元, point − base)",
                     m->sweep);
            svg_lines(f, title, np, xs, n, series, chg, xlabel);
        }
        polrt_realloc(chg, 0);
        snprintf(title, sizeof title, "Totals by payer against %s (万元)", m->sweep);
        svg_lines(f, title, np, xs, n, series, vals, xlabel);
    }
    polrt_realloc(xs, 0);
    polrt_realloc(vals, 0);
    polrt_realloc(series, 0);
}

static void write_html(const PolSim *m, FILE *f)
{
    Table t;
    char title[CELL_MAX * 2];
    fputs("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
          f);
    html_text(f, m->sweep ? "polc simulate: sweep" : "polc simulate");
    fprintf(f, "</title>\n<style>%s</style></head><body>\n<h1>", css);
    if (m->sweep) {
        fputs("Sweep of ", f);
        html_text(f, m->sweep);
    } else {
        html_text(f, m->scen[0].name);
        for (int s = 1; s < m->nscen; s++) {
            fputs(s == 1 ? " vs " : ", ", f);
            html_text(f, m->scen[s].name);
        }
    }
    fputs("</h1>\n<p class=meta>", f);
    html_text(f, m->base->policy ? m->base->policy : "");
    fputs(" &middot; ", f);
    html_text(f, m->claims_path);
    fputs("</p>\n", f);
    header_lines(m, f, 1);
    if (m->sweep) {
        fputs("<h2>Sweep</h2>\n", f);
        chart_sweep(m, f);
        if (build_sweep(m, FOR_HTML, &t, title) == 0)
            tab_html(&t, f);
        tab_free(&t);
    } else {
        fputs("<h2>Cost by payer</h2>\n", f);
        chart_payers(m, f);
        if (build_totals(m, FOR_HTML, &t) == 0)
            tab_html(&t, f);
        tab_free(&t);
        if (build_counts(m, FOR_HTML, &t) == 0)
            tab_html(&t, f);
        tab_free(&t);
        if (m->oop >= 0 && m->nscen > 1) {
            fputs("<h2>Winners and losers</h2>\n", f);
            chart_changes(m, f);
            for (int s = 1; s < m->nscen; s++) {
                if (build_bands(m, s, FOR_HTML, &t, title) == 0)
                    tab_html(&t, f);
                tab_free(&t);
            }
        }
    }
    if (m->oop >= 0) {
        fputs("<h2>Out-of-pocket</h2>\n", f);
        chart_oop(m, f);
        if (build_oop(m, FOR_HTML, &t, title) == 0)
            tab_html(&t, f);
        tab_free(&t);
        for (int d = 0; d < m->ndims && !m->sweep; d++) {
            if (build_breakdown(m, d, FOR_HTML, &t, title) == 0)
                tab_html(&t, f);
            tab_free(&t);
        }
    }
    if (build_failures(m, FOR_HTML, &t) == 0 && t.nrows > 1) {
        fputs("<h2>Failures</h2>\n", f);
        tab_html(&t, f);
    }
    tab_free(&t);
    fputs("<p class=note>Amounts in yuan. Own payment: ", f);
    html_text(f, m->oop >= 0 ? rt_output_heading(m->base, m->oop, 1) : "none");
    fputs("; at cap: ", f);
    html_text(f, m->cap >= 0 ? rt_output_heading(m->base, m->cap, 1) : "none");
    fputs(" paid on one of the person's claims that year. Percentiles by nearest rank; ~ marks "
          "percentiles read from a histogram (within 0.1%). Written by polc simulate "
          "(spec/SIMULATE.md).</p>\n</body></html>\n",
          f);
}

/* A report being written: its files, each complete and synced under a temporary name
 * before any is put in place, so that a failure (memory, disk) leaves the previous report
 * whole rather than some files new and some old. */
#define REPORT_MAX_FILES 8 /* totals, counts, changes, oop, failures, sweep, report.html */
typedef struct Report {
    const char *dir;
    RtOut out[REPORT_MAX_FILES];
    char path[REPORT_MAX_FILES][4096]; /* their names (an RtOut keeps a pointer to its own) */
    int n;
    int io_errno; /* a write's errno (the disk), 0: what failed was memory */
} Report;

/* DIR/name opened in r, written by the caller; NULL (message in err) */
static RtOut *report_file(Report *r, const char *name, char *err, size_t errlen)
{
    if (r->n == REPORT_MAX_FILES) { /* a table added without raising the bound */
        snprintf(err, errlen, "cannot write %s/%s: more than %d report files", r->dir, name,
                 REPORT_MAX_FILES);
        return NULL;
    }
    char *path = r->path[r->n];
    snprintf(path, sizeof r->path[r->n], "%s/%s", r->dir, name);
    if (rt_out_open(&r->out[r->n], path, err, errlen) < 0) {
        r->io_errno = errno;
        return NULL;
    }
    return &r->out[r->n++];
}

/* the file just written by the caller, synced (not yet in place): 0, or -1 with err */
static int report_sync(Report *r, RtOut *o, char *err, size_t errlen)
{
    if (rt_out_sync(o, err, errlen) < 0) {
        r->io_errno = errno ? errno : EIO;
        return -1;
    }
    return 0;
}

static int write_table(Report *r, const char *name, const Table *t, char *err, size_t errlen)
{
    RtOut *o = report_file(r, name, err, errlen);
    if (!o)
        return -1;
    /* UTF-8 with a byte order mark: Excel opens a CSV without one in the system's code page,
     * and the scenario names and labels come out as mojibake (issue 11) */
    rt_out_bom(o, 0);
    if (tab_csv(t, o->f) < 0) {
        snprintf(err, errlen, "cannot write %s: out of memory", o->path);
        return -1;
    }
    return report_sync(r, o, err, errlen);
}

static int build_totals_csv(const PolSim *m, Table *t)
{
    static const char *const role[] = {"", "payer", "patient", "info", "hospital"};
    tab_init(t, NULL, 8);
    const char *hdr[] = {"scenario",   "output", "total", "base",
                         "difference", "change", "label", "role"};
    if (tab_row(t, hdr) < 0)
        return -1;
    for (int s = 0; s < m->nscen; s++)
        for (int k = 0; k < m->nmoney; k++) {
            const RtSimScen *x = &m->scen[s];
            char a[CELL_MAX], b[CELL_MAX], c[CELL_MAX], d[CELL_MAX];
            RtWide base = m->scen[0].totals[k];
            int has = x->out_of[k] >= 0;
            const char *row[] = {
                x->name,
                m->base->outputs[m->money[k]].name,
                has ? money(rt_wide_fen(x->totals[k]), 1, a) : "",
                money(rt_wide_fen(base), 1, b),
                has ? money(rt_wide_fen(x->totals[k]) - rt_wide_fen(base), 1, c) : "",
                has ? change_pct(base, x->totals[k], 1, d) : "",
                m->base->outputs[m->money[k]].label ? m->base->outputs[m->money[k]].label : "",
                role[m->base->outputs[m->money[k]].role]};
            if (tab_row(t, row) < 0)
                return -1;
        }
    return 0;
}

/* the files the report writes in its directory: each_table's, in order, then the page */
enum { RF_TOTALS, RF_COUNTS, RF_CHANGES, RF_OOP, RF_FAILURES, RF_SWEEP, RF_HTML, RF_N };
static const char *const report_files[RF_N] = {
    "totals.csv",   "counts.csv", "changes.csv", "oop.csv",
    "failures.csv", "sweep.csv",  "report.html",
};

int rt_sim_outputs_apart(const PolSimOpts *o, const char *rejects, char *err, size_t errlen)
{
    if (o->xlsx && (!*o->xlsx || strcmp(o->xlsx, "-") == 0)) {
        snprintf(err, errlen, "--xlsx needs a file name (a workbook is not text)");
        return -1;
    }
    /* the inputs, then the outputs (compared by name too): the rejects, --changes, --xlsx,
     * the report's files */
    char paths[RF_N][PATH_MAX];
    RtNamedPath files[5 + RF_N] = {{o->claims, "the claims file (--claims)"},
                                   {o->persons, "the persons file (--persons)"},
                                   {rejects, "the rejects file"},
                                   {o->changes, "the changes file (--changes)"},
                                   {o->xlsx, "the workbook (--xlsx)"}},
                          outs[2 + RF_N] = {{o->changes, "--changes"}, {o->xlsx, "--xlsx"}};
    size_t n = 5;
    for (int i = 0; o->report && i < RF_N; i++) {
        snprintf(paths[i], sizeof paths[i], "%s/%s", o->report, report_files[i]);
        files[n++] = (RtNamedPath){paths[i], "a file of the report (--report)"};
        outs[2 + i] = (RtNamedPath){paths[i], "--report"};
    }
    return rt_outputs_apart(outs, n - 3, files, n, 2, err, errlen);
}

/* a sink of the report's tables: the CSV files of a directory, or the sheets of a workbook */
typedef int (*TablePut)(void *ctx, const char *name, const Table *t, char *err, size_t errlen);

/* every table of the report (totals, counts, changes, oop, failures, sweep), in order, to
 * put: the one list the CSV files and the workbook share. 0, or -1 with a message */
static int each_table(const PolSim *m, TablePut put, void *ctx, char *err, size_t errlen)
{
    Table t;
    char title[CELL_MAX * 2];
    int rc = 0;
    if (build_totals_csv(m, &t) < 0 || put(ctx, report_files[RF_TOTALS], &t, err, errlen) < 0)
        rc = -1;
    tab_free(&t);
    if (rc == 0 && (build_counts(m, FOR_CSV, &t) < 0 ||
                    put(ctx, report_files[RF_COUNTS], &t, err, errlen) < 0))
        rc = -1;
    tab_free(&t);
    if (rc == 0 && m->oop >= 0 && m->nscen > 1 && !m->sweep) {
        Table all;
        tab_init(&all, NULL, 5);
        for (int s = 1; s < m->nscen && rc == 0; s++) {
            if (build_bands(m, s, FOR_CSV, &t, title) < 0)
                rc = -1;
            for (int r = s == 1 ? 0 : 1; rc == 0 && r < t.nrows; r++) {
                const char *row[5];
                for (int c = 0; c < 5; c++)
                    row[c] = cell(&t, r, c);
                if (tab_row(&all, row) < 0)
                    rc = -1;
            }
            tab_free(&t);
        }
        if (rc == 0 && put(ctx, report_files[RF_CHANGES], &all, err, errlen) < 0)
            rc = -1;
        tab_free(&all);
        if (rc < 0 && !err[0])
            snprintf(err, errlen, "out of memory");
    }
    if (rc == 0 && m->oop >= 0 &&
        (build_breakdown(m, -1, FOR_CSV, &t, title) < 0 ||
         put(ctx, report_files[RF_OOP], &t, err, errlen) < 0))
        rc = -1;
    tab_free(&t);
    if (rc == 0 && (build_failures(m, FOR_CSV, &t) < 0 ||
                    put(ctx, report_files[RF_FAILURES], &t, err, errlen) < 0))
        rc = -1;
    tab_free(&t);
    if (rc == 0 && m->sweep &&
        (build_sweep(m, FOR_CSV, &t, title) < 0 ||
         put(ctx, report_files[RF_SWEEP], &t, err, errlen) < 0))
        rc = -1;
    tab_free(&t);
    return rc;
}

static int put_csv(void *r, const char *name, const Table *t, char *err, size_t errlen)
{
    return write_table(r, name, t, err, errlen);
}

/* The workbook's words in Chinese (--labels zh, spec/SIMULATE.md): each sheet's name (as its
 * file without ".csv") and each heading the tables write in English. Excel takes a sheet
 * name of at most 31 characters without []:*?/\ (these have 4 to 6, and xlsx.c's buffer
 * holds 24 bytes, 8 of them). A heading not here (a parameter's, an output's or a --by
 * field's name or label) is written as it is. */
static const char *const zh_words[][2] = {
    /* the sheets */
    {"totals", "支付合计"},
    {"counts", "结算单与人数"},
    {"changes", "个人负担变化"},
    {"oop", "年度个人负担"},
    {"failures", "结算失败"},
    {"sweep", "参数扫描"},
    /* the headings */
    {"scenario", "方案"},
    {"output", "输出项"},
    {"total", "合计"},
    {"base", "基准"},
    {"difference", "差额"},
    {"change", "变化率"},
    {"label", "名称"},
    {"role", "类别"},
    {"settled", "已结算"},
    {"failed", "结算失败"},
    {"claims with a change", "有变化的结算单"},
    {"share", "占比"},
    {"persons with a change", "有变化的人数"},
    {"band", "变化区间"},
    {"persons", "人数"},
    {"total change", "变化合计"},
    {"dimension", "维度"},
    {"group", "分组"},
    {"person_years", "人年数"},
    {"mean", "人均"},
    {"p50", "中位数"},
    {"p90", "90分位"},
    {"p99", "99分位"},
    {"max", "最大值"},
    {"at_cap_share", "封顶占比"},
    {"claims", "结算单数"},
    {"reason", "原因"},
    {"for example", "示例"},
    {"unit", "单位"},
    {"mean own payment", "人均个人负担"},
    {"at cap", "封顶占比"},
};

/* en in Chinese when the table above has it and it is no name of the policy's (the swept
 * parameter, an output: the sweep's headings), else en */
static const char *zh_word(const PolSim *m, const char *en)
{
    if (m->sweep && strcmp(en, m->sweep) == 0)
        return en;
    for (int k = 0; k < m->nmoney; k++)
        if (strcmp(en, out_name(m, k)) == 0)
            return en;
    for (size_t i = 0; i < sizeof zh_words / sizeof *zh_words; i++)
        if (strcmp(zh_words[i][0], en) == 0)
            return zh_words[i][1];
    return en;
}

/* the workbook put_sheet writes to, and in which words */
typedef struct Book {
    RtXlsx *x;
    const PolSim *m; /* NULL: in English; else its sheets and headings in Chinese */
} Book;

/* the most columns a table has (build_totals, build_sweep) */
#define TABLE_COLS 64

/* a table as a sheet named as its file without ".csv" (in Chinese: zh_words) */
static int put_sheet(void *ctx, const char *name, const Table *t, char *err, size_t errlen)
{
    Book *b = ctx;
    char sheet[32];
    snprintf(sheet, sizeof sheet, "%.*s", (int)(strlen(name) - 4), name);
    const char *hdr[TABLE_COLS];
    const char *const *h = (const char *const *)t->cells;
    if (b->m && t->ncols <= TABLE_COLS) {
        for (int c = 0; c < t->ncols; c++)
            hdr[c] = zh_word(b->m, t->cells[c]);
        h = hdr;
    }
    if (rt_xlsx_sheet(b->x, b->m ? zh_word(b->m, sheet) : sheet, h, NULL, t->ncols, NULL) < 0) {
        snprintf(err, errlen, "cannot write the workbook: out of memory");
        return -1;
    }
    for (int r = 1; r < t->nrows; r++)
        if (rt_xlsx_row(b->x, (const char *const *)t->cells + (size_t)r * (size_t)t->ncols, NULL,
                        t->ncols) < 0) {
            snprintf(err, errlen, "cannot write the workbook: out of memory");
            return -1;
        }
    return 0;
}

POLRT_API int polrt_sim_write_xlsx(const PolSim *m, const char *path, char *err, size_t errlen)
{
    Book b = {rt_xlsx_open(path, err, errlen), m->labels ? m : NULL};
    if (!b.x)
        return -1;
    if (each_table(m, put_sheet, &b, err, errlen) < 0) {
        rt_xlsx_abort(b.x);
        return -1;
    }
    return rt_xlsx_commit(b.x, err, errlen);
}

POLRT_API int polrt_sim_write_report(const PolSim *m, const char *dir, char *err, size_t errlen)
{
    struct stat st;
    if (stat(dir, &st) != 0) {
        if (errno != ENOENT || mkdir(dir, 0777) != 0) {
            snprintf(err, errlen, "cannot create %s: %s", dir, strerror(errno));
            return -1;
        }
    } else if (!S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "%s is not a directory", dir);
        errno = ENOTDIR; /* the caller's exit code: the command line's */
        return -1;
    }
    Report r = {.dir = dir};
    err[0] = 0;
    int rc = each_table(m, put_csv, &r, err, errlen);
    RtOut *o = rc == 0 ? report_file(&r, report_files[RF_HTML], err, errlen) : NULL;
    if (o) {
        write_html(m, o->f);
        rc = report_sync(&r, o, err, errlen);
    } else
        rc = -1;
    /* every file complete: in place, one rename each; else none is */
    for (int i = 0; i < r.n; i++) {
        if (rc == 0 && rt_out_commit(&r.out[i], err, errlen) < 0) {
            r.io_errno = errno;
            rc = -1;
        } else if (r.out[i].f)
            rt_out_abort(&r.out[i]);
    }
    if (rc < 0) {
        if (!err[0])
            snprintf(err, errlen, "cannot write the report in %s: out of memory", dir);
        errno = r.io_errno ? r.io_errno : ENOMEM; /* the caller's exit code */
    }
    return rc;
}
