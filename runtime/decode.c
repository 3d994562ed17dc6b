/* decode.c — cells into values: rt_parse_value / rt_bind_cell turn a CSV cell (csv.c) into the
 * int64 value of a schema type, with a reason when it is not one; rt_format_value turns a
 * value back into text for results and explanations. */
#include "rt_int.h"

#include <inttypes.h>
#include <stdarg.h>
#include <string.h>

/* longest cell text quoted back in a rejection reason */
#define WHY_CELL_MAX 40

/* the cell quoted for a message, cut at a character boundary after WHY_CELL_MAX bytes */
static const char *quote_cell(const char *s, size_t n, char *buf, size_t len)
{
    char cut[WHY_CELL_MAX + RT_SHOW_MARK];
    snprintf(buf, len, "'%s'", rt_show_n(cut, sizeof cut, s, n));
    return buf;
}

/* ASCII case-insensitive equality with a lower-case literal */
static int eq_nocase(const char *s, size_t n, const char *lit)
{
    if (strlen(lit) != n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch - 'A' + 'a');
        if (ch != lit[i])
            return 0;
    }
    return 1;
}

/* int := ("+" | "-")? digit+, within int64 and not the POLRT_NONE pattern: 0, -1 not an
 * integer, -2 one out of that range */
static int parse_int(const char *s, size_t n, int64_t *out)
{
    size_t i = 0;
    int neg = 0;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    if (i == n)
        return -1;
    uint64_t v = 0;
    int over = 0;
    for (; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        unsigned d = (unsigned)(s[i] - '0');
        if (v > (UINT64_MAX - d) / 10)
            over = 1; /* the rest is still checked: a digit string, or not an integer */
        else
            v = v * 10 + d;
    }
    if (over || v > (uint64_t)INT64_MAX)
        return -2; /* -2^63 is POLRT_NONE, so the magnitude limit is the same both ways */
    *out = neg ? -(int64_t)v : (int64_t)v;
    return 0;
}

/* the words a duration cell may carry after its count, per unit (English and Chinese) */
static const char *const unit_words[][5] = {
    [RT_DAYS] = {"days", "day", "天", "日", NULL},
    [RT_WORKDAYS] = {"workdays", "workday", "工作日", "个工作日", NULL},
    [RT_MONTHS] = {"months", "month", "个月", "月", NULL},
    [RT_YEARS] = {"years", "year", "年", NULL, NULL},
};

/* duration := int (blanks? unit-word)? with the unit of the type */
static int parse_duration(const char *s, size_t n, RtUnit unit, int64_t *out)
{
    size_t i = 0;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        i++;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    if (parse_int(s, i, out) < 0)
        return -1;
    const char *w = s + i;
    size_t wn = n - i;
    w = rt_trim(w, &wn);
    if (wn == 0)
        return 0;
    for (int k = 0; k < 5 && unit_words[unit][k]; k++)
        if (eq_nocase(w, wn, unit_words[unit][k]))
            return 0;
    return -1;
}

/* "乡镇, 县区 or 市级": the members as a cell may name them (labels when declared) */
static void enum_expected(const RtEnum *en, char *buf, size_t len)
{
    size_t k = 0;
    buf[0] = '\0';
    for (int i = 0; i < en->n && k + 1 < len; i++) {
        const char *m = en->labels && en->labels[i] ? en->labels[i] : en->names[i];
        const char *sep = i == 0 ? "" : i + 1 == en->n ? " or " : ", ";
        int w = snprintf(buf + k, len - k, "%s%s", sep, m);
        if (w < 0)
            break;
        k += (size_t)w;
    }
}

/* longest cell a spreadsheet's spelling is rewritten from (an amount or a date is far
 * shorter; a longer cell is no value either way) */
#define FOLD_MAX 64

/* The cell with what Chinese spreadsheets put in numbers made ASCII, into buf (FOLD_MAX
 * bytes): full-width forms U+FF01..U+FF3F (digits ０-９, ．，－／％) as their ASCII
 * characters, and with money a leading ¥ (U+00A5) or ￥ (U+FFE5), after a minus or not.
 * The length, or 0 when nothing changed or the cell is too long. */
static size_t fold_cell(const char *cell, size_t n, int money, char *buf)
{
    const unsigned char *p = (const unsigned char *)cell, *e = p + n;
    int changed = 0;
    size_t k = 0;
    /* a minus before the yuan sign (-¥1,234) kept: told negative, as ¥-1,234 is */
    const unsigned char *y = money && p < e && *p == '-' ? p + 1 : p;
    if (money && e - y >= 2 && y[0] == 0xC2 && y[1] == 0xA5)
        p = y + 2, changed = 1;
    else if (money && e - y >= 3 && y[0] == 0xEF && y[1] == 0xBF && y[2] == 0xA5)
        p = y + 3, changed = 1;
    if (changed && y != (const unsigned char *)cell)
        buf[k++] = '-';
    while (p < e) {
        if (k + 1 >= FOLD_MAX)
            return 0;
        if (e - p >= 3 && p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x81 && p[2] <= 0xBF) {
            buf[k++] = (char)(p[2] - 0x60); /* U+FF01 + i is ASCII 0x21 + i */
            p += 3;
            changed = 1;
        } else
            buf[k++] = (char)*p++;
    }
    return changed ? k : 0;
}

/* the unsigned decimal of 1 to max digits at s[*i..n): its value, -1 when none */
static int digits(const char *s, size_t n, size_t *i, int max)
{
    int v = 0, k = 0;
    while (*i < n && s[*i] >= '0' && s[*i] <= '9' && k < max) {
        v = v * 10 + (s[*i] - '0');
        ++*i;
        k++;
    }
    return k ? v : -1;
}

/* the separator word at s[*i..n) (an ASCII character or a UTF-8 word): 1 and past it, else 0 */
static int word(const char *s, size_t n, size_t *i, const char *w)
{
    size_t k = strlen(w);
    if (n - *i < k || memcmp(s + *i, w, k) != 0)
        return 0;
    *i += k;
    return 1;
}

/* A date as spreadsheets write it, besides YYYY-MM-DD:
 *   date := year "/" month "/" day | year "-" month "-" day | year "年" month "月" day "日"
 * with a four-digit year and one- or two-digit month and day (2017/5/2, 2017-5-2,
 * 2017年5月2日); the day itself is checked by polrt_parse_date. 0, or -1. */
static int excel_date(const char *s, size_t n, int64_t *out)
{
    size_t i = 0;
    int y = digits(s, n, &i, 4);
    if (y < 0 || i != 4)
        return -1;
    static const char *const seps[][3] = {{"/", "/", ""}, {"-", "-", ""}, {"年", "月", "日"}};
    for (int k = 0; k < 3; k++) {
        size_t j = i;
        int m, d;
        if (!word(s, n, &j, seps[k][0]) || (m = digits(s, n, &j, 2)) < 0 ||
            !word(s, n, &j, seps[k][1]) || (d = digits(s, n, &j, 2)) < 0 ||
            !word(s, n, &j, seps[k][2]) || j != n)
            continue;
        char iso[40];
        snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
        return polrt_parse_date(iso, 10, out);
    }
    return -1;
}

/* the member of en whose name or label is cell[0..n), n > 0, the first in member order (a
 * text that is one member's name and another's label takes the first), or -1: the one label
 * lookup, which the decoders' slot table defers to when a slot is shared. len: the names'
 * lengths then the labels' (0: none), as RtBinding.enum_len keeps them, or NULL to measure
 * them (strlen was 1.7 M instructions of the 104,638-claim run's shared slots) */
static inline int enum_member(const RtEnum *en, const size_t *len, const char *cell, size_t n)
{
    for (int i = 0; i < en->n; i++) {
        const char *lab = en->labels ? en->labels[i] : NULL;
        size_t nn = len ? len[i] : strlen(en->names[i]);
        size_t nl = len ? len[en->n + i] : lab ? strlen(lab) : 0;
        if ((nn == n && memcmp(cell, en->names[i], n) == 0) ||
            (nl == n && memcmp(cell, lab, n) == 0))
            return i;
    }
    return -1;
}

/* A bool cell's texts, false then true, ASCII letters in any case: the one list parse_cell
 * takes and bool_expected() words (the fast paths below take a subset in line) */
static const char *const bool_texts[][2] = {
    {"false", "true"}, {"no", "yes"}, {"0", "1"}, {"否", "是"}};

/* "true/false, yes/no (any case), 1/0, 是/否": bool_texts as a refusal lists them */
static void bool_expected(char *buf, size_t len)
{
    size_t n = sizeof bool_texts / sizeof bool_texts[0], at = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && at < len; i++) { /* the table is lower case: a-z is a word */
        int word = bool_texts[i][1][0] >= 'a' && bool_texts[i][1][0] <= 'z';
        int next_word =
            i + 1 < n && bool_texts[i + 1][1][0] >= 'a' && bool_texts[i + 1][1][0] <= 'z';
        at += (size_t)snprintf(buf + at, len - at, "%s%s/%s%s", i ? ", " : "", bool_texts[i][1],
                               bool_texts[i][0], word && !next_word ? " (any case)" : "");
    }
}

/* parse cell[0..n) (trimmed, not empty) as t: 0, or -1 when the text is no value of t */
static int parse_cell(const RtSchema *s, const RtType *t, const char *cell, size_t n, int64_t *out)
{
    switch (t->kind) {
    case RT_MONEY: {
        if (t->fen) /* `money in fen`: whole fen, no decimal point */
            return parse_int(cell, n, out);
        int rc = polrt_parse_money(cell, n, out);
        char f[FOLD_MAX];
        size_t k = rc == -1 ? fold_cell(cell, n, 1, f) : 0;
        return k ? polrt_parse_money(f, k, out) : rc;
    }
    case RT_RATE: {
        char f[FOLD_MAX];
        size_t k = fold_cell(cell, n, 0, f);
        return k ? polrt_parse_rate(f, k, out) : polrt_parse_rate(cell, n, out);
    }
    case RT_DATE: {
        if (polrt_parse_date(cell, n, out) == 0)
            return 0;
        char f[FOLD_MAX];
        size_t k = fold_cell(cell, n, 0, f);
        return k ? excel_date(f, k, out) : excel_date(cell, n, out);
    }
    case RT_INT: {
        char f[FOLD_MAX];
        size_t k = fold_cell(cell, n, 0, f);
        return k ? parse_int(f, k, out) : parse_int(cell, n, out);
    }
    case RT_DURATION: return parse_duration(cell, n, t->unit, out);
    case RT_BOOL:
        for (size_t i = 0; i < sizeof bool_texts / sizeof bool_texts[0]; i++)
            for (int v = 0; v <= 1; v++)
                if (eq_nocase(cell, n, bool_texts[i][v])) {
                    *out = v;
                    return 0;
                }
        return -1;
    case RT_ENUM: {
        int i = enum_member(&s->enums[t->enum_idx], NULL, cell, n);
        if (i < 0)
            return -1;
        *out = i;
        return 0;
    }
    }
    return -1; /* not a kind schema.c produces: no value is guessed */
}

/* the digits after the point of a cell written as a number (1234.567: 3), else 0 */
static int fen_digits(const char *s, size_t n)
{
    const char *dot = memchr(s, '.', n);
    if (!dot)
        return 0;
    for (const char *p = s; p < dot; p++)
        if (!((*p >= '0' && *p <= '9') || *p == ',' || (p == s && (*p == '-' || *p == '+'))))
            return 0;
    int k = 0;
    for (const char *p = dot + 1; p < s + n; p++, k++)
        if (*p < '0' || *p > '9')
            return 0;
    return k;
}

/* A money cell that writes its unit, as a spreadsheet's custom format or a person does
 * ("1234.50元", "0.5万元", "3万"): 0 with the amount it means in *fen, -1 when it is no such
 * cell. Only told in the reason, never taken: a money column is yuan (spec/DATA.md), and a
 * unit in a cell is a slip that may not be the only one. */
static int unit_amount(const RtSchema *s, const RtType *t, const char *cell, size_t n, int64_t *fen)
{
    static const char yuan[] = "\xE5\x85\x83", wan[] = "\xE4\xB8\x87"; /* 元, 万 */
    int had = 0, in_wan = 0;
    if (n >= 3 && memcmp(cell + n - 3, yuan, 3) == 0)
        n -= 3, had = 1;
    if (n >= 3 && memcmp(cell + n - 3, wan, 3) == 0)
        n -= 3, had = 1, in_wan = 1;
    cell = rt_trim(cell, &n);
    if (!had || n == 0 || parse_cell(s, t, cell, n, fen) != 0 || *fen < 0)
        return -1;
    if (in_wan && __builtin_mul_overflow(*fen, 10000, fen))
        return -1;
    return 0;
}

int rt_parse_value(const RtSchema *s, const RtType *t, const char *cell, size_t n, int64_t *out,
                   char *why_buf, size_t why_len)
{
    cell = rt_trim(cell, &n);
    if (n == 0) {
        if (t->optional) {
            *out = POLRT_NONE;
            return 0;
        }
        snprintf(why_buf, why_len, "missing value");
        return -1;
    }
    int rc = parse_cell(s, t, cell, n, out);
    if (rc == 0)
        return 0;
    /* the reason, naming the cell and what was expected */
    char q[WHY_CELL_MAX * 2 + 16], exp[256];
    quote_cell(cell, n, q, sizeof q);
    switch (t->kind) {
    case RT_MONEY:
        if (rc == -2 && t->fen)
            snprintf(why_buf, why_len, "amount %s out of range (at most %" PRId64 " fen)", q,
                     INT64_MAX);
        else if (rc == -2) /* written right, but no amount is that large */
            snprintf(why_buf, why_len, "amount %s out of range (at most %s yuan)", q,
                     polrt_fmt_money(INT64_MAX, exp, 1));
        else if (t->fen)
            snprintf(why_buf, why_len,
                     "not a whole number of fen %s (the column is money in fen: 123456 for "
                     "1,234.56 yuan)",
                     q);
        else if (fen_digits(cell, n) > 2)
            snprintf(why_buf, why_len,
                     "not an amount %s (at most two decimals: yuan to the fen, as 1234.56)", q);
        else if (unit_amount(s, t, cell, n, out) == 0)
            snprintf(why_buf, why_len,
                     "not an amount %s (amounts are in yuan, without a unit: write %s)", q,
                     polrt_fmt_money(*out, exp, 0));
        else
            snprintf(why_buf, why_len, "not an amount %s (expected 1234.56 or 1,234.56)", q);
        return -1;
    case RT_RATE: snprintf(why_buf, why_len, "not a rate %s (expected 80%% or 0.8)", q); return -1;
    case RT_DATE:
        if (rt_date_problem(cell, n, exp, sizeof exp))
            snprintf(why_buf, why_len, "not a date %s (%s)", q, exp);
        else
            snprintf(why_buf, why_len, "not a date %s (expected YYYY-MM-DD)", q);
        return -1;
    case RT_INT:
        if (rc == -2)
            snprintf(why_buf, why_len, "integer %s out of range (at most %" PRId64 ")", q,
                     INT64_MAX);
        else
            snprintf(why_buf, why_len, "not an integer %s", q);
        return -1;
    case RT_BOOL:
        bool_expected(exp, sizeof exp);
        snprintf(why_buf, why_len, "not a yes/no value %s (expected %s)", q, exp);
        return -1;
    case RT_DURATION:
        snprintf(why_buf, why_len, "not a number of %s %s", unit_words[t->unit][0], q);
        return -1;
    case RT_ENUM: {
        const RtEnum *en = &s->enums[t->enum_idx];
        enum_expected(en, exp, sizeof exp);
        snprintf(why_buf, why_len, "unknown %s label %s (expected %s)", en->name, q, exp);
        return -1;
    }
    }
    snprintf(why_buf, why_len, "internal error: type kind %d", (int)t->kind);
    return -1;
}

int rt_cell_blank(const char *s, size_t n)
{
    /* a blank cell starts with a byte a blank can start with: one table read decides most
     * cells (a row's blank test, ~170 k a 100 k-claim run), where rt_trim's test of both
     * ends cost 0.87 M instructions more (callgrind) */
    if (n && !rt_trim_edge[(unsigned char)s[0]])
        return 0;
    rt_trim(s, &n);
    return n == 0;
}

/* One cell as the value of field f, the one rule every reader of rows follows: a blank cell
 * takes the field's declared default (else it parses as absent, or fails when the field is
 * required); money is never negative. 0, or -1 with the reason, naming the column, in why. */
int rt_bind_cell(const RtSchema *s, const RtField *f, const char *column, const char *cell,
                 size_t n, int64_t *v, char *why, size_t len)
{
    if (f->has_default && rt_cell_blank(cell, n)) {
        *v = f->def;
        return 0;
    }
    char w[448];
    if (rt_parse_value(s, &f->type, cell, n, v, w, sizeof w) < 0) {
        snprintf(why, len, "%s: %s", column, w);
        return -1;
    }
    if (f->type.kind == RT_MONEY && *v != POLRT_NONE && *v < 0) {
        cell = rt_trim(cell, &n);
        snprintf(why, len, "%s: negative amount '%.*s' (amounts are >= 0)", column, (int)n, cell);
        return -1;
    }
    return 0;
}

/* s into buf[0..len), cut to fit: the formatting of the common kinds without snprintf,
 * which costs more than the rest of a results row */
static char *copy_out(const char *s, char *buf, size_t len)
{
    rt_cut_copy(buf, len, 0, s);
    return buf;
}

char *rt_format_value(const RtSchema *s, const RtType *t, int64_t v, char *buf, size_t len)
{
    char tmp[32];
    if (len == 0)
        return buf;
    if (v == POLRT_NONE) {
        buf[0] = '\0';
        return buf;
    }
    switch (t->kind) {
    case RT_MONEY: return copy_out(polrt_fmt_money(v, tmp, 0), buf, len);
    case RT_RATE: return copy_out(polrt_fmt_rate(v, tmp), buf, len);
    case RT_DATE: return copy_out(polrt_fmt_date(v, tmp), buf, len);
    case RT_INT: snprintf(buf, len, "%" PRId64, v); return buf;
    case RT_BOOL: return copy_out(v ? "true" : "false", buf, len);
    case RT_DURATION: {
        const char *w = unit_words[t->unit][v == 1 || v == -1 ? 1 : 0];
        snprintf(buf, len, "%" PRId64 " %s", v, w);
        return buf;
    }
    case RT_ENUM: {
        const RtEnum *en = &s->enums[t->enum_idx];
        if (v >= 0 && v < en->n)
            snprintf(buf, len, "%s", en->names[v]);
        else
            snprintf(buf, len, "%" PRId64, v); /* not a member: shown, never hidden */
        return buf;
    }
    }
    snprintf(buf, len, "%" PRId64, v); /* not a kind schema.c produces */
    return buf;
}

/* ---- Headers and rows: columns bound once, each with its decoder -------------------------- */

/* An enum cell's slot in its enum's table (RtBinding.enum_slots): a hash of its length, its
 * end bytes and its middle byte times the enum's mix, chosen when the table is made so that
 * no two members' texts share a slot ("市级" and "省级" share length and last byte; "省级"
 * and "township" shared a slot of the mix-less hash, and a shared slot is scanned member by
 * member, ~190 instructions a cell where a slot of its own takes ~25). n > 0. */
static unsigned enum_slot(const char *cell, size_t n, unsigned mix)
{
    const unsigned char *u = (const unsigned char *)cell;
    return ((unsigned)n * 13 + u[0] * 3u + u[n - 1] * 7u + u[n >> 1] * mix) & (RT_ENUM_SLOTS - 1);
}

/* "true", "false", "yes" or "no" in any case (rt_parse_value's words): 1 or 0, else -1 */
static int bool_word(const char *cell, size_t n)
{
    char w[5];
    if (n < 2 || n > 5)
        return -1;
    for (size_t i = 0; i < n; i++)
        w[i] = (char)(cell[i] | 0x20); /* ASCII letters to lower case; others stay no word */
    if (n == 4 && memcmp(w, "true", 4) == 0)
        return 1;
    if (n == 5 && memcmp(w, "false", 5) == 0)
        return 0;
    if (n == 3 && memcmp(w, "yes", 3) == 0)
        return 1;
    if (n == 2 && memcmp(w, "no", 2) == 0)
        return 0;
    return -1;
}

/* The decoder a column gets once, from its field's type: the common cells are decoded
 * without rt_parse_value's general path. An empty cell of a field with a default or an
 * optional one, or a cell with no blank at either end that is exactly a bool word, an enum
 * member's name or label (in member order, as rt_parse_value looks), an amount, a date or
 * an unsigned integer gives the value rt_bind_cell would; anything else takes the general
 * path, which also words the errors. Empty optional cells and "true"/"false" took the
 * general path before: 1.1 M of 23 M cells of the benchmark, ~5% of decoding. */
static int fast_value(const RtBinding *b, const RtColumn *c, const char *cell, size_t n, int64_t *v)
{
    if (n == 0) {
        if (c->f->has_default)
            *v = c->f->def;
        else if (c->f->type.optional)
            *v = POLRT_NONE;
        else
            return 0;
        return 1;
    }
    if (rt_trim_may(cell, n))
        return 0;
    switch (c->dec) {
    case RT_DEC_BOOL:
        if (n == 1 && (cell[0] == '0' || cell[0] == '1')) {
            *v = cell[0] == '1';
            return 1;
        }
        if (n == 3 && (memcmp(cell, "是", 3) == 0 || memcmp(cell, "否", 3) == 0)) {
            *v = memcmp(cell, "是", 3) == 0;
            return 1;
        }
        int w = bool_word(cell, n);
        if (w < 0)
            return 0;
        *v = w;
        return 1;
    case RT_DEC_ENUM: {
        int e = c->f->type.enum_idx;
        const RtEnum *en = &b->s->enums[e];
        const size_t *nl = b->enum_len[e], *ll = nl + en->n;
        unsigned m = b->enum_slots[e][enum_slot(cell, n, b->enum_mix[e])];
        if (m == RT_ENUM_NONE)
            return 0; /* no member's text has this slot: the general path words the error */
        if (m == RT_ENUM_SCAN) { /* a slot members share: the general lookup, in order */
            int i = enum_member(en, nl, cell, n);
            if (i < 0)
                return 0;
            *v = i;
            return 1;
        }
        if ((nl[m] == n && memcmp(cell, en->names[m], n) == 0) ||
            (ll[m] == n && memcmp(cell, en->labels[m], n) == 0)) {
            *v = m;
            return 1;
        }
        return 0;
    }
    case RT_DEC_MONEY: return polrt_parse_money(cell, n, v) == 0 && *v >= 0;
    case RT_DEC_DATE: return polrt_parse_date(cell, n, v) == 0;
    case RT_DEC_INT: {
        /* up to 18 digits: no overflow, no POLRT_NONE */
        if (n > 18)
            return 0;
        int64_t x = 0;
        for (size_t i = 0; i < n; i++) {
            if (cell[i] < '0' || cell[i] > '9')
                return 0;
            x = x * 10 + (cell[i] - '0');
        }
        *v = x;
        return 1;
    }
    case RT_DEC_GENERAL:
    case RT_DEC_KINDS: return 0;
    }
    return 0;
}

/* An enum's slot table by mix: each member's name and label in the slot enum_slot gives it;
 * a slot two members' texts share is scanned in member order, as rt_parse_value looks (a
 * text that is one member's name and another's label takes the first of them). The number
 * of shared slots. */
static int enum_table_mix(const RtEnum *en, const size_t *len, unsigned mix, uint8_t *slot)
{
    int shared = 0;
    memset(slot, RT_ENUM_NONE, RT_ENUM_SLOTS);
    for (int i = 0; i < en->n; i++)
        for (int k = 0; k < 2; k++) {
            const char *t = k == 0 ? en->names[i] : en->labels ? en->labels[i] : NULL;
            size_t n = len[k * en->n + i];
            if (!t || n == 0)
                continue;
            uint8_t *at = &slot[enum_slot(t, n, mix)];
            if (i >= RT_ENUM_NONE)
                *at = RT_ENUM_SCAN; /* past what a slot can name */
            else if (*at == RT_ENUM_NONE)
                *at = (uint8_t)i;
            else if (*at != i) {
                shared += *at != RT_ENUM_SCAN;
                *at = RT_ENUM_SCAN;
            }
        }
    return shared;
}

/* the table of the first mix that gives every member's texts slots of their own (texts two
 * members both have still share one), or else of the mix that leaves the fewest shared */
static unsigned enum_table(const RtEnum *en, const size_t *len, uint8_t *slot)
{
    unsigned best = 0;
    int fewest = enum_table_mix(en, len, 0, slot);
    for (unsigned mix = 1; mix < RT_ENUM_SLOTS && fewest > 0; mix++) {
        int shared = enum_table_mix(en, len, mix, slot);
        if (shared < fewest) {
            fewest = shared;
            best = mix;
        }
    }
    enum_table_mix(en, len, best, slot);
    return best;
}

__attribute__((format(printf, 3, 4))) static int bind_fail(char *why, size_t len, const char *fmt,
                                                           ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, len, fmt, ap);
    va_end(ap);
    return -1;
}

/* the other headers of the fixed columns: spec/DATA.md, "claims.csv" */
static const char *const fixed_alias[][3] = {
    {"claim_id", "结算单号", "就诊编号"},
    {"person_id", "个人编号", "身份证号"},
};

/* the fixed column name's row of fixed_alias, or NULL when it has no other header */
static const char *const *aliases(const char *name)
{
    for (size_t i = 0; i < sizeof fixed_alias / sizeof fixed_alias[0]; i++)
        if (strcmp(fixed_alias[i][0], name) == 0)
            return fixed_alias[i];
    return NULL;
}

/* header h names the fixed column name by one of its aliases */
static int is_alias(const char *name, const char *h)
{
    const char *const *a = aliases(name);
    return a && (strcmp(a[1], h) == 0 || strcmp(a[2], h) == 0);
}

/* "missing column NAME (LABEL, ...)", and the header no field took that is nearest to its
 * label or name: an analyst's typo (医疗总费 for 医疗总费用) is named, not just the absence.
 * An id column's other headers stand as its label (个人编码 for 个人编号 is named too). */
static int missing_column(const RtBinding *b, const char *name, const char *label, const char *file,
                          int64_t line, char *why, size_t len)
{
    const char **free_hdr =
        polrt_realloc(NULL, (size_t)(b->ncols ? b->ncols : 1) * sizeof *free_hdr);
    const char *const *al = label ? NULL : aliases(name);
    char other[64];
    if (al) {
        snprintf(other, sizeof other, "%s or %s", al[1], al[2]);
        label = other;
    }
    int near = -1;
    if (free_hdr) {
        for (int i = 0; i < b->ncols; i++) {
            int bound = 0;
            for (int k = 0; k < b->nf && !bound; k++)
                bound = b->cols[k].col == i;
            for (int k = 0; k < RT_BIND_MAX_FIXED && !bound; k++)
                bound = b->fixed_col[k] == i;
            free_hdr[i] = bound || !b->hdr[i][0] ? NULL : b->hdr[i];
        }
        near = label ? rt_suggest(label, free_hdr, b->ncols) : -1;
        for (int i = 1; al && i < 3 && near < 0; i++)
            near = rt_suggest(al[i], free_hdr, b->ncols);
        if (near < 0)
            near = rt_suggest(name, free_hdr, b->ncols);
        polrt_realloc(free_hdr, 0);
    }
    char hint[256] = "", col[200];
    /* a header of one cell with tabs or semicolons in it: the file is no CSV (Excel's "Text
     * (Tab delimited)" or "Unicode Text", a locale's ';' CSV), whatever its names say */
    char sep = 0;
    if (b->ncols == 1 && strchr(b->hdr[0], '\t'))
        sep = '\t';
    else if (b->ncols == 1 && strchr(b->hdr[0], ';'))
        sep = ';';
    if (sep)
        snprintf(hint, sizeof hint,
                 "; the header is one column: its fields are separated by %s, not commas (save "
                 "the file as CSV)",
                 sep == '\t' ? "tabs" : "semicolons");
    else if (near >= 0)
        snprintf(hint, sizeof hint, "; the header has '%s': that column, misspelt?",
                 rt_show(col, sizeof col, b->hdr[near]));
    return bind_fail(why, len, "%s:%" PRId64 ": missing column '%s' (%s%srequired by the policy)%s",
                     file, line, name, label ? label : "", label ? ", " : "", hint);
}

/* b's tables made (the header's names, the columns, each enum's name and label lengths and
 * lookup table) and the header's raw bytes kept. 0, or -1 when out of memory. */
static int binding_alloc(RtBinding *b, const RtSchema *s, int nf, int ncells, const char *raw,
                         size_t nraw)
{
    size_t nhdr = (size_t)(ncells ? ncells : 1);
    /* the tables rt_binding_free walks are zeroed as soon as they exist: it runs after a
     * failure on the next line too */
    if ((b->hdr = polrt_realloc(NULL, nhdr * sizeof *b->hdr)))
        memset(b->hdr, 0, nhdr * sizeof *b->hdr);
    b->cols = polrt_realloc(NULL, (size_t)(nf ? nf : 1) * sizeof *b->cols);
    if ((b->enum_len = polrt_realloc(NULL, ((size_t)s->nenums + 1) * sizeof *b->enum_len)))
        memset(b->enum_len, 0, ((size_t)s->nenums + 1) * sizeof *b->enum_len);
    b->enum_slots = polrt_realloc(NULL, ((size_t)s->nenums + 1) * sizeof *b->enum_slots);
    b->enum_mix = polrt_realloc(NULL, (size_t)s->nenums + 1);
    b->raw = polrt_realloc(NULL, nraw + 1);
    if (!b->hdr || !b->cols || !b->enum_len || !b->enum_slots || !b->enum_mix || !b->raw)
        return -1;
    memcpy(b->raw, raw, nraw);
    b->nraw = nraw;
    for (int e = 0; e < s->nenums; e++) {
        const RtEnum *en = &s->enums[e];
        size_t *l = polrt_realloc(NULL, (2 * (size_t)en->n + 1) * sizeof *l);
        if (!(b->enum_len[e] = l))
            return -1;
        for (int i = 0; i < en->n; i++) {
            l[i] = strlen(en->names[i]);
            l[en->n + i] = en->labels && en->labels[i] ? strlen(en->labels[i]) : 0;
        }
        b->enum_mix[e] = (uint8_t)enum_table(en, l, b->enum_slots[e]);
    }
    return 0;
}

/* each bound field's decoder, chosen once from its type; no column bound yet */
static void choose_decoders(RtBinding *b, const RtField *const *f, int nf)
{
    for (int k = 0; k < RT_BIND_MAX_FIXED; k++)
        b->fixed_col[k] = -1;
    for (int k = 0; k < nf; k++) {
        RtColumn *c = &b->cols[k];
        c->f = f[k];
        c->col = -1;
        switch (f[k]->type.kind) {
        case RT_MONEY: c->dec = f[k]->type.fen ? RT_DEC_INT : RT_DEC_MONEY; break;
        case RT_DATE: c->dec = RT_DEC_DATE; break;
        case RT_BOOL: c->dec = RT_DEC_BOOL; break;
        case RT_ENUM: c->dec = RT_DEC_ENUM; break;
        case RT_INT: c->dec = RT_DEC_INT; break;
        default: c->dec = RT_DEC_GENERAL; break;
        }
    }
}

/* The slot a header h binds (a fixed column's or a field's), *gives the name it gives; NULL
 * when it binds none. The fixed columns (claim_id, person_id, a weight) bind by their names,
 * and the first two by the headers Chinese settlement systems export (fixed_alias), after the
 * policy's own field names and labels: the list is short and documented (spec/DATA.md), never
 * a guess that could capture an unrelated column. */
static int *header_slot(RtBinding *b, const RtField *const *f, int nf, const char *const *fixed,
                        int nfixed, const char *h, const char **gives)
{
    int *slot = NULL, k = -1;
    for (int j = 0; j < nfixed && !slot; j++)
        if (fixed[j] && strcmp(fixed[j], h) == 0)
            slot = &b->fixed_col[j];
    for (int j = 0; j < nf && k < 0 && !slot; j++)
        if (strcmp(f[j]->name, h) == 0)
            k = j;
    for (int j = 0; j < nf && k < 0 && !slot; j++)
        if (f[j]->label && strcmp(f[j]->label, h) == 0)
            k = j;
    if (!slot && k >= 0)
        slot = &b->cols[k].col;
    *gives = k >= 0 ? f[k]->name : h;
    for (int j = 0; j < nfixed && !slot; j++)
        if (fixed[j] && is_alias(fixed[j], h)) {
            slot = &b->fixed_col[j];
            *gives = fixed[j];
        }
    return slot;
}

/* A field's place in the plan: its column, its index, and what a blank cell gives (its
 * default, or none when it is optional; blank_ok 0: a blank is refused, field_value says so) */
typedef struct RtDecOp {
    int32_t col, k;
    int32_t blank_ok;
    int32_t e; /* an enum field's enum (RtBinding.enum_len, enum_slots, enum_mix index) */
    int64_t blank;
    const RtEnum *en; /* that enum (NULL for other fields); 32 bytes an op, a shift to index */
} RtDecOp;

/* The bound fields grouped by decoder, each group in field order, so rt_decode_fields runs
 * one tight loop a kind of value and no switch a cell; a field whose column is absent goes
 * with the general ones (its default). 0, or -1 when out of memory. */
static int plan_decoders(RtBinding *b)
{
    if (!(b->plan = polrt_realloc(NULL, (size_t)(b->nf ? b->nf : 1) * sizeof *b->plan)))
        return -1;
    int n = 0;
    for (int d = 0; d < RT_DEC_KINDS; d++) {
        b->plan_at[d] = n;
        for (int k = 0; k < b->nf; k++) {
            const RtColumn *c = &b->cols[k];
            if ((c->col < 0 ? RT_DEC_GENERAL : c->dec) != (RtDec)d)
                continue;
            const RtField *f = c->f;
            b->plan[n++] =
                (RtDecOp){.col = c->col,
                          .k = k,
                          .blank_ok = f->has_default || f->type.optional,
                          .e = f->type.kind == RT_ENUM ? f->type.enum_idx : 0,
                          .en = f->type.kind == RT_ENUM ? &b->s->enums[f->type.enum_idx] : NULL,
                          .blank = f->has_default ? f->def : POLRT_NONE};
        }
    }
    b->plan_at[RT_DEC_KINDS] = n;
    return 0;
}

/* b->ignored: "'foo', 'bar'", the headers that bound nothing (NULL: none). One near the name
 * or label of a field left unbound, which then silently takes its default (an opening
 * balance's field 0, a claim's non-compliant cost 0), is named with it: "'deductd' (misspelt
 * 'deducted'? that field then takes its default)". 0, or -1 (memory). */
static int ignored_columns(RtBinding *b, const RtField *const *f, int nf)
{
    char ign[512] = "";
    size_t nign = 0;
    const char **cands = polrt_realloc(NULL, (size_t)(2 * nf + 1) * sizeof *cands);
    if (!cands)
        return -1;
    for (int k = 0; k < nf; k++) {
        int open = b->cols[k].col < 0 && f[k]->has_default;
        cands[2 * k] = open ? f[k]->name : NULL;
        cands[2 * k + 1] = open ? f[k]->label : NULL;
    }
    for (int i = 0; i < b->ncols; i++) {
        int bound = 0;
        for (int k = 0; k < nf && !bound; k++)
            bound = b->cols[k].col == i;
        for (int k = 0; k < RT_BIND_MAX_FIXED && !bound; k++)
            bound = b->fixed_col[k] == i;
        if (bound)
            continue;
        const char *h = b->hdr[i];
        int near = h[0] ? rt_suggest(h, cands, 2 * nf) : -1;
        int w = snprintf(ign + nign, sizeof ign - nign, "%s'%s'", nign ? ", " : "",
                         h[0] ? h : "(unnamed)");
        if (w > 0 && (size_t)w < sizeof ign - nign)
            nign += (size_t)w;
        if (near >= 0)
            w = snprintf(ign + nign, sizeof ign - nign,
                         " (misspelt '%s'? that field then takes its default)", cands[near]);
        if (near >= 0 && w > 0 && (size_t)w < sizeof ign - nign)
            nign += (size_t)w;
    }
    polrt_realloc(cands, 0);
    return nign && !(b->ignored = rt_strdup(ign)) ? -1 : 0;
}

int rt_binding_init(RtBinding *b, const RtSchema *s, const RtField *const *f, int nf,
                    const char *const *fixed, int nfixed, int nrequired, const char *file,
                    int64_t line, const char *const *cells, const size_t *lens, int ncells,
                    const char *raw, size_t nraw, char *why, size_t len)
{
    memset(b, 0, sizeof *b);
    b->s = s;
    b->nf = nf;
    b->nfixed = nfixed;
    b->ncols = ncells;
    if (binding_alloc(b, s, nf, ncells, raw, nraw) < 0)
        goto oom;
    choose_decoders(b, f, nf);
    for (int i = 0; i < ncells; i++) {
        size_t n = lens[i];
        const char *name = rt_trim(cells[i], &n);
        if (i == 0 && n >= 3 && memcmp(name, "\xEF\xBB\xBF", 3) == 0) {
            name += 3;
            n -= 3;
        }
        char *h = polrt_realloc(NULL, n + 1);
        if (!h)
            goto oom;
        memcpy(h, name, n);
        h[n] = '\0';
        b->hdr[i] = h;
        const char *gives;
        int *slot = header_slot(b, f, nf, fixed, nfixed, h, &gives);
        if (!slot)
            continue;
        if (*slot >= 0)
            return bind_fail(why, len, "%s:%" PRId64 ": columns '%s' and '%s' both give '%s'", file,
                             line, b->hdr[*slot], h, gives);
        *slot = i;
    }
    if (ignored_columns(b, f, nf) < 0)
        goto oom;
    const char *missing = NULL, *label = NULL;
    for (int j = 0; j < nrequired && !missing; j++)
        if (b->fixed_col[j] < 0)
            missing = fixed[j];
    for (int k = 0; k < nf && !missing; k++)
        if (b->cols[k].col < 0 && !f[k]->has_default) {
            missing = f[k]->name; /* optional too: a misspelt header must not read as
                                     "absent" on every row */
            label = f[k]->label;
        }
    if (missing)
        return missing_column(b, missing, label, file, line, why, len);
    if (plan_decoders(b) < 0)
        goto oom;
    return 0;
oom:
    snprintf(why, len, "out of memory");
    return -2;
}

void rt_binding_free(RtBinding *b)
{
    for (int i = 0; b->hdr && i < b->ncols; i++)
        polrt_realloc(b->hdr[i], 0);
    polrt_realloc(b->hdr, 0);
    polrt_realloc(b->cols, 0);
    for (int e = 0; b->enum_len && b->s && e < b->s->nenums; e++)
        polrt_realloc(b->enum_len[e], 0);
    polrt_realloc(b->enum_len, 0);
    polrt_realloc(b->enum_slots, 0);
    polrt_realloc(b->enum_mix, 0);
    polrt_realloc(b->raw, 0);
    polrt_realloc(b->ignored, 0);
    polrt_realloc(b->plan, 0);
    memset(b, 0, sizeof *b);
}

/* field k of a row by its column's decoder, or the general path (a default, blanks, the
 * words rt_parse_value takes, and every error's wording): 0, or -1 with the reason in why */
static int field_value(const RtBinding *b, int k, const char *const *cells, const size_t *lens,
                       int64_t *v, char *why, size_t len)
{
    const RtColumn *c = &b->cols[k];
    const char *cell = c->col >= 0 ? cells[c->col] : "";
    size_t n = c->col >= 0 ? lens[c->col] : 0;
    if (fast_value(b, c, cell, n, v))
        return 0;
    const char *name = c->col >= 0 ? b->hdr[c->col] : c->f->name;
    return rt_bind_cell(b->s, c->f, name, cell, n, v, why, len);
}

/* A 0/1, a lower-case true/false or 是/否 in line, else -1 (field_value takes the rest) */
static inline int bool_common(const char *cell, size_t n)
{
    unsigned d;
    uint32_t w;
    if (n == 1 && (d = (unsigned char)cell[0] - (unsigned)'0') <= 1)
        return (int)d;
    if (n == 3 && memcmp(cell, "是", 3) == 0)
        return 1;
    if (n == 3 && memcmp(cell, "否", 3) == 0)
        return 0;
    if (n == 4 && (memcpy(&w, cell, 4), memcmp(&w, "true", 4) == 0))
        return 1;
    if (n == 5 && (memcpy(&w, cell, 4), memcmp(&w, "fals", 4) == 0) && cell[4] == 'e')
        return 0;
    return -1;
}

/* a[0..n) == b[0..n): for 4 to 32 bytes (every enum text of the seeds: "city", "县区",
 * "慢性病门诊", "防止返贫监测对象") by loads of 4 or 8 bytes from each end (overlapping), no
 * call; a call of memcmp cost ~20 instructions an enum cell */
static inline int same_text(const char *a, const char *b, size_t n)
{
    if (n > 16 && n <= 32) {
        uint64_t a0, a1, a2, a3, b0, b1, b2, b3;
        memcpy(&a0, a, 8), memcpy(&a1, a + 8, 8), memcpy(&a2, a + n - 16, 8);
        memcpy(&a3, a + n - 8, 8), memcpy(&b0, b, 8), memcpy(&b1, b + 8, 8);
        memcpy(&b2, b + n - 16, 8), memcpy(&b3, b + n - 8, 8);
        return ((a0 ^ b0) | (a1 ^ b1) | (a2 ^ b2) | (a3 ^ b3)) == 0;
    }
    if (n >= 8 && n <= 16) {
        uint64_t a0, a1, b0, b1;
        memcpy(&a0, a, 8), memcpy(&a1, a + n - 8, 8);
        memcpy(&b0, b, 8), memcpy(&b1, b + n - 8, 8);
        return ((a0 ^ b0) | (a1 ^ b1)) == 0;
    }
    if (n >= 4 && n < 8) {
        uint32_t a0, a1, b0, b1;
        memcpy(&a0, a, 4), memcpy(&a1, a + n - 4, 4);
        memcpy(&b0, b, 4), memcpy(&b1, b + n - 4, 4);
        return ((a0 ^ b0) | (a1 ^ b1)) == 0;
    }
    return memcmp(a, b, n) == 0;
}

/* The row's fields in [from, to) (all of them when whole: the claims' case, the range tests
 * then compiled out), a group of the plan at a time, each in its common form in line (a
 * blank, a 0/1 or true/false or 是/否, a plain date, plain money, an enum member's own
 * text) or else by field_value: 0, or -1 when a field is refused (the caller then words the
 * first refusal in field order). The per-cell switch and column tests this replaces cost ~26
 * instructions a field, more than reading a 0/1 takes. */
static inline __attribute__((always_inline)) int
decode_planned(const RtBinding *b, const char *const *cells, const size_t *lens, int from, int to,
               int whole, int64_t *vals, char *why, size_t len)
{
    const RtDecOp *op = b->plan;
    const int *at = b->plan_at;
    /* each group's ops by pointer, its end taken once: a field_value call in a loop made gcc
     * reload plan_at[d + 1] after every cell */
    const RtDecOp *o, *oe;
#define IN_RANGE(k) (whole || ((k) >= from && (k) < to))
    for (o = op + at[RT_DEC_BOOL], oe = op + at[RT_DEC_BOOL + 1]; o < oe; o++) {
        int k = o->k, v;
        if (!IN_RANGE(k))
            continue;
        if ((v = bool_common(cells[o->col], lens[o->col])) >= 0)
            vals[k - from] = v;
        else if (field_value(b, k, cells, lens, &vals[k - from], why, len) < 0)
            return -1;
    }
    for (o = op + at[RT_DEC_DATE], oe = op + at[RT_DEC_DATE + 1]; o < oe; o++) {
        int k = o->k;
        size_t n = lens[o->col];
        if (!IN_RANGE(k))
            continue;
        if (n == 0 && o->blank_ok)
            vals[k - from] = o->blank;
        else if (polrt_parse_date(cells[o->col], n, &vals[k - from]) < 0 &&
                 field_value(b, k, cells, lens, &vals[k - from], why, len) < 0)
            return -1;
    }
    for (o = op + at[RT_DEC_MONEY], oe = op + at[RT_DEC_MONEY + 1]; o < oe; o++) {
        int k = o->k;
        const char *cell = cells[o->col];
        size_t n = lens[o->col];
        int64_t *v = &vals[k - from];
        if (!IN_RANGE(k))
            continue;
        if (n == 0 && o->blank_ok)
            *v = o->blank;
        else if (!(n && !rt_trim_may(cell, n) && polrt_parse_money(cell, n, v) == 0 && *v >= 0) &&
                 field_value(b, k, cells, lens, v, why, len) < 0)
            return -1;
    }
    for (o = op + at[RT_DEC_ENUM], oe = op + at[RT_DEC_ENUM + 1]; o < oe; o++) {
        int k = o->k;
        const char *cell = cells[o->col];
        size_t n = lens[o->col];
        if (!IN_RANGE(k))
            continue;
        if (n && !rt_trim_may(cell, n)) {
            int e = o->e;
            const RtEnum *en = o->en;
            const size_t *nl = b->enum_len[e];
            unsigned m = b->enum_slots[e][enum_slot(cell, n, b->enum_mix[e])];
            if (m < RT_ENUM_NONE && ((nl[m] == n && same_text(cell, en->names[m], n)) ||
                                     (nl[en->n + m] == n && same_text(cell, en->labels[m], n)))) {
                vals[k - from] = m;
                continue;
            }
        }
        if (field_value(b, k, cells, lens, &vals[k - from], why, len) < 0)
            return -1;
    }
    /* the rest (ints, the general kinds, absent columns) as fast_value and rt_bind_cell take
     * them, ints first; a loop over the two kinds cost ~35 instructions a row with none */
    for (o = op + at[RT_DEC_INT], oe = op + at[RT_DEC_INT + 1]; o < oe; o++)
        if (IN_RANGE(o->k) && field_value(b, o->k, cells, lens, &vals[o->k - from], why, len) < 0)
            return -1;
    for (o = op + at[RT_DEC_GENERAL], oe = op + at[RT_DEC_GENERAL + 1]; o < oe; o++)
        if (IN_RANGE(o->k) && field_value(b, o->k, cells, lens, &vals[o->k - from], why, len) < 0)
            return -1;
#undef IN_RANGE
    return 0;
}

int rt_decode_fields(const RtBinding *b, const char *const *cells, const size_t *lens, int from,
                     int to, int64_t *vals, char *why, size_t len)
{
    if (from == 0 && to == b->nf ? decode_planned(b, cells, lens, 0, b->nf, 1, vals, why, len) == 0
                                 : decode_planned(b, cells, lens, from, to, 0, vals, why, len) == 0)
        return 0;
    /* a field refused: the first refused in field order is the one the row is refused for */
    for (int k = from; k < to; k++)
        if (field_value(b, k, cells, lens, &vals[k - from], why, len) < 0)
            return -1;
    return 0;
}

const char *rt_decode_id(const RtBinding *b, int fixed, const char *const *cells,
                         const size_t *lens, int ncells, size_t *n)
{
    int col = b->fixed_col[fixed];
    if (col < 0 || col >= ncells)
        return NULL;
    *n = lens[col];
    const char *s = rt_trim(cells[col], n);
    return *n ? s : NULL;
}

int rt_id_excel_number(const char *col, const char *s, size_t n, char *why, size_t len)
{
    /* the shape Excel gives: d[.ddd]E+dd */
    if (!rt_id_excel_maybe(s, n) || s[0] < '0' || s[0] > '9')
        return 0;
    size_t i = 1;
    if (s[i] == '.') {
        if (++i == n || s[i] < '0' || s[i] > '9')
            return 0;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    if (i + 3 > n || (s[i] != 'E' && s[i] != 'e') || s[i + 1] != '+')
        return 0;
    for (i += 2; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    char shown[64];
    snprintf(why, len,
             "%s: '%s' is a number Excel shortened (scientific notation), not an id: the digits "
             "it hides are lost; export the ids again with their column formatted as Text",
             col, rt_show_n(shown, sizeof shown, s, n));
    return 1;
}

/* the header of history field k in b, or (no binding: a request's history, the C API) its
 * name and label, either of which a request may have used: "to (退出日期)"; cut on a
 * character, marked "...", past len bytes (a label is as long as the policy writes it) */
static const char *span_column(const RtSchema *s, const RtBinding *b, int k, char *buf, size_t len)
{
    int col = b ? b->cols[s->nperson + k].col : -1;
    if (col >= 0 || !s->hist[k].label)
        return rt_show(buf, len, col >= 0 ? b->hdr[col] : s->hist[k].name);
    if ((size_t)snprintf(buf, len, "%s (%s)", s->hist[k].name, s->hist[k].label) >= len)
        rt_show_cut(buf, len);
    return buf;
}

/* One check for every reader of history rows (persons.csv, a request's history, the C API):
 * a span whose last day (`to`) is before its first (`from`) holds on no day, and a formula
 * asking whether a claim falls in it would quietly answer no; the row is refused instead,
 * naming both dates. */
int rt_span_refuse(const RtSchema *s, const int64_t *span, const RtBinding *b, char *why,
                   size_t len)
{
    char from[16], to[16], cto[160], cfrom[160];
    if ((size_t)snprintf(
            why, len, "%s %s is before %s %s (a span ends on or after the day it begins)",
            span_column(s, b, s->span_to, cto, sizeof cto), polrt_fmt_date(span[s->span_to], to),
            span_column(s, b, s->span_from, cfrom, sizeof cfrom),
            polrt_fmt_date(span[s->span_from], from)) >= len)
        rt_show_cut(why, len); /* a short why (the C API's) cut, on a character */
    return -1;
}
