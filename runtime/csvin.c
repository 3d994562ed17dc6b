/* csvin.c — data in: a streaming CSV reader and the policy's cell values. The reader takes a
 * UTF-8 file (optional BOM, LF or CRLF, RFC 4180 quotes with embedded commas, quotes and
 * newlines) in fixed-size chunks through libcsv and hands out one record at a time with its
 * first physical line, byte offset and raw bytes, so a rejected row can be copied unchanged.
 * rt_parse_value / rt_format_value turn cells into int64 values of a schema type and back. */
#include "rt_int.h"

#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* bytes per read(2): large enough to amortise the system call, small enough for the L2 cache */
#define CSV_CHUNK (64 * 1024)
/* the first read after a seek is this small: seeks re-read a single record (a duplicate
 * claim id's first occurrence), which is rarely longer than a few hundred bytes */
#define CSV_SEEK_CHUNK 512
/* a longer record is taken as an unterminated quote swallowing the rest of the file: this
 * bounds the reader's memory (a 1 GB file streams in constant space) while leaving room for
 * any real row, whose longest cells are free-text notes of a few kilobytes */
#define CSV_MAX_RECORD (16 * 1024 * 1024)
/* libcsv options: strict quoting (a stray '"' is an error, not a guess) and a row callback
 * for every line feed, so a blank line is seen as an empty row and skipped */
#define CSV_OPTS (CSV_STRICT | CSV_REPALL_NL)
/* longest cell text quoted back in a rejection reason */
#define WHY_CELL_MAX 40

/* a growable byte buffer (all memory through polrt_realloc) */
typedef struct Bytes {
    char *p;
    size_t n, cap;
} Bytes;

struct RtCsv {
    int fd;
    struct csv_parser parser;
    char *buf;        /* the current chunk */
    size_t pos, len;  /* next unread byte of buf, bytes in buf */
    size_t want;      /* size of the next read (grows back to CSV_CHUNK after a seek) */
    int64_t off;      /* file offset of buf[pos] */
    int64_t line;     /* physical line of buf[pos], 1-based */
    int64_t size;     /* file size at open (-1: not a regular file) */
    Bytes raw;        /* the current record's bytes, as in the file */
    Bytes cells;      /* its cells, each followed by a NUL */
    size_t *cell_off; /* start of each cell in cells.p */
    char **fieldv;    /* pointers handed out in RtRecord.field */
    size_t *lenv;     /* cell lengths handed out in RtRecord.len */
    int ncells, cap_cells;
    int cap_fieldv; /* entries allocated in fieldv and lenv */
    int row_done;   /* libcsv ended the row (a line feed outside quotes) */
    int oom;        /* a callback could not allocate */
    char err[256];  /* message of the last -1 */
};

static int bytes_reserve(Bytes *b, size_t extra)
{
    if (b->n + extra <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->n + extra)
        cap *= 2;
    char *p = polrt_realloc(b->p, cap);
    if (!p)
        return -1;
    b->p = p;
    b->cap = cap;
    return 0;
}

static int bytes_add(Bytes *b, const void *s, size_t n)
{
    if (bytes_reserve(b, n) < 0)
        return -1;
    memcpy(b->p + b->n, s, n);
    b->n += n;
    return 0;
}

/* ---- libcsv callbacks and allocation hooks -------------------------------------------- */

static void *csv_realloc_hook(void *p, size_t n)
{
    return polrt_realloc(p, n);
}
static void csv_free_hook(void *p)
{
    polrt_realloc(p, 0);
}

/* only a line feed ends a record; a carriage return before it is trailing space, so CRLF and
 * LF files read alike and a CR inside a quoted cell is kept */
static int is_term(unsigned char c)
{
    return c == CSV_LF;
}
static int is_space(unsigned char c)
{
    return c == CSV_SPACE || c == CSV_TAB || c == CSV_CR;
}

static void on_cell(void *s, size_t n, void *data)
{
    RtCsv *c = data;
    if (c->oom)
        return;
    if (c->ncells == c->cap_cells) {
        int cap = c->cap_cells ? 2 * c->cap_cells : 16;
        size_t *off = polrt_realloc(c->cell_off, (size_t)cap * sizeof *off);
        if (!off) {
            c->oom = 1;
            return;
        }
        c->cell_off = off;
        c->cap_cells = cap;
    }
    c->cell_off[c->ncells] = c->cells.n;
    if (bytes_reserve(&c->cells, n + 1) < 0) {
        c->oom = 1;
        return;
    }
    if (n)
        memcpy(c->cells.p + c->cells.n, s, n);
    c->cells.p[c->cells.n + n] = '\0';
    c->cells.n += n + 1;
    c->ncells++;
}

static void on_row(int ch, void *data)
{
    (void)ch;
    ((RtCsv *)data)->row_done = 1;
}

/* ---- The reader ------------------------------------------------------------------------ */

RtCsv *rt_csv_open(const char *path, char *err, size_t errlen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "cannot open %s: %s", path, strerror(EISDIR));
        close(fd);
        return NULL;
    }
    RtCsv *c = polrt_realloc(NULL, sizeof *c);
    char *buf = polrt_realloc(NULL, CSV_CHUNK);
    if (!c || !buf) {
        snprintf(err, errlen, "cannot read %s: out of memory", path);
        polrt_realloc(c, 0);
        polrt_realloc(buf, 0);
        close(fd);
        return NULL;
    }
    memset(c, 0, sizeof *c);
    c->fd = fd;
    c->buf = buf;
    c->want = CSV_CHUNK;
    c->line = 1;
    c->size = S_ISREG(st.st_mode) ? (int64_t)st.st_size : -1;
    csv_init(&c->parser, CSV_OPTS);
    csv_set_term_func(&c->parser, is_term);
    csv_set_space_func(&c->parser, is_space);
    csv_set_realloc_func(&c->parser, csv_realloc_hook);
    csv_set_free_func(&c->parser, csv_free_hook);
    return c;
}

void rt_csv_close(RtCsv *c)
{
    if (!c)
        return;
    csv_free(&c->parser);
    close(c->fd);
    polrt_realloc(c->buf, 0);
    polrt_realloc(c->raw.p, 0);
    polrt_realloc(c->cells.p, 0);
    polrt_realloc(c->cell_off, 0);
    polrt_realloc(c->fieldv, 0);
    polrt_realloc(c->lenv, 0);
    polrt_realloc(c, 0);
}

const char *rt_csv_errmsg(const RtCsv *c)
{
    return c->err;
}
int64_t rt_csv_size(const RtCsv *c)
{
    return c->size;
}
int64_t rt_csv_offset(const RtCsv *c)
{
    return c->off;
}

/* forget a half-read row: csv_fini without callbacks resets libcsv's state */
static void parser_reset(RtCsv *c)
{
    csv_fini(&c->parser, NULL, NULL, NULL);
}

int rt_csv_seek(RtCsv *c, int64_t offset, int64_t line)
{
    if (lseek(c->fd, (off_t)offset, SEEK_SET) == (off_t)-1) {
        snprintf(c->err, sizeof c->err, "cannot seek: %s", strerror(errno));
        return -1;
    }
    parser_reset(c);
    c->pos = c->len = 0;
    c->off = offset;
    c->line = line;
    c->want = CSV_SEEK_CHUNK;
    return 0;
}

/* read the next chunk; 0 at end of file leaves len 0; -1 on an I/O error */
static int fill(RtCsv *c)
{
    ssize_t n;
    do
        n = read(c->fd, c->buf, c->want);
    while (n < 0 && errno == EINTR);
    if (n < 0) {
        snprintf(c->err, sizeof c->err, "read error: %s", strerror(errno));
        return -1;
    }
    c->pos = 0;
    c->len = (size_t)n;
    if (c->want < CSV_CHUNK)
        c->want = c->want * 8 < CSV_CHUNK ? c->want * 8 : CSV_CHUNK;
    return 0;
}

/* Well-formed UTF-8 sequences per RFC 3629 (no overlong forms, no surrogates, <= U+10FFFF),
 * and no NUL byte: see rt_int.h */
int rt_utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        unsigned c = *p;
        if (c < 0x80) {
            if (c == 0)
                return 0;
            p++;
            continue;
        }
        int k;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF)
            k = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            k = 2;
            if (c == 0xE0)
                lo = 0xA0;
            if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            k = 3;
            if (c == 0xF0)
                lo = 0x90;
            if (c == 0xF4)
                hi = 0x8F;
        } else
            return 0;
        if (end - p <= k)
            return 0;
        if (p[1] < lo || p[1] > hi)
            return 0;
        for (int i = 2; i <= k; i++)
            if (p[i] < 0x80 || p[i] > 0xBF)
                return 0;
        p += k + 1;
    }
    return 1;
}

/* Hand the finished record to the caller: cell pointers into cells.p, raw bytes as read. */
static int emit(RtCsv *c, RtRecord *r, int64_t line, int64_t off, const char *bad)
{
    if (c->ncells > c->cap_fieldv) {
        char **fv = polrt_realloc(c->fieldv, (size_t)c->cap_cells * sizeof *fv);
        if (fv)
            c->fieldv = fv;
        size_t *lv = fv ? polrt_realloc(c->lenv, (size_t)c->cap_cells * sizeof *lv) : NULL;
        if (!fv || !lv) {
            snprintf(c->err, sizeof c->err, "out of memory");
            return -1;
        }
        c->lenv = lv;
        c->cap_fieldv = c->cap_cells;
    }
    if (c->ncells > 0) {
        for (int i = 0; i < c->ncells; i++) {
            size_t o = c->cell_off[i];
            size_t end = i + 1 < c->ncells ? c->cell_off[i + 1] : c->cells.n;
            c->fieldv[i] = c->cells.p + o;
            c->lenv[i] = end - o - 1;
        }
    }
    r->line = line;
    r->offset = off;
    r->nfields = bad ? 0 : c->ncells;
    r->field = c->fieldv;
    r->len = c->lenv;
    r->raw = c->raw.p;
    r->nraw = c->raw.n;
    if (!bad && !rt_utf8_valid(c->raw.p, c->raw.n)) {
        bad = "not UTF-8 text (save the file as CSV UTF-8)";
        r->nfields = 0;
    }
    r->error = bad;
    return 1;
}

/* Read one record. The input is cut at line feeds and each physical line fed to libcsv on
 * its own: only a line feed outside quotes ends a row, so after each line either the row is
 * complete or a quoted cell continues on the next line, and the raw bytes of the record are
 * exactly the lines fed since it began. Blank lines are skipped. */
int rt_csv_next(RtCsv *c, RtRecord *r)
{
    int started = 0, skipping = 0;
    int64_t line = 0, off = 0;
    const char *bad = NULL;
    c->raw.n = c->cells.n = 0;
    c->ncells = 0;
    c->row_done = 0;
    for (;;) {
        if (c->pos == c->len) {
            if (fill(c) < 0)
                return -1;
            if (c->len == 0) {
                if (!started)
                    return 0;
                if (skipping) {
                    parser_reset(c);
                    return emit(c, r, line, off, bad);
                }
                /* end of file inside a row: an open quote is an error, not a cell */
                csv_set_opts(&c->parser, CSV_OPTS | CSV_STRICT_FINI);
                int rc = csv_fini(&c->parser, on_cell, on_row, c);
                csv_set_opts(&c->parser, CSV_OPTS);
                if (rc != 0) {
                    parser_reset(c);
                    return emit(c, r, line, off, "unterminated quoted field");
                }
                if (c->oom) {
                    snprintf(c->err, sizeof c->err, "out of memory");
                    return -1;
                }
                if (c->ncells == 0)
                    return 0;
                return emit(c, r, line, off, NULL);
            }
        }
        if (!started) {
            started = 1;
            line = c->line;
            off = c->off;
        }
        const char *seg = c->buf + c->pos;
        const char *nl = memchr(seg, '\n', c->len - c->pos);
        size_t n = nl ? (size_t)(nl - seg) + 1 : c->len - c->pos;
        if (c->raw.n + n > CSV_MAX_RECORD) {
            snprintf(c->err, sizeof c->err,
                     "line %" PRId64 ": record longer than %d MiB (unterminated quoted field?)",
                     line, CSV_MAX_RECORD / (1024 * 1024));
            return -1;
        }
        if (bytes_add(&c->raw, seg, n) < 0) {
            snprintf(c->err, sizeof c->err, "out of memory");
            return -1;
        }
        /* a byte order mark is part of the raw bytes but not of the first cell */
        size_t skip = 0;
        if (c->off == 0 && n >= 3 && memcmp(seg, "\xEF\xBB\xBF", 3) == 0)
            skip = 3;
        if (!skipping) {
            size_t used = csv_parse(&c->parser, seg + skip, n - skip, on_cell, on_row, c);
            if (c->oom || csv_error(&c->parser) == CSV_ENOMEM) {
                snprintf(c->err, sizeof c->err, "out of memory");
                return -1;
            }
            if (used < n - skip) {
                /* strict mode stopped at a stray quote: drop the rest of this line */
                bad = "malformed quotes (a '\"' inside a cell must be doubled and the cell "
                      "quoted)";
                skipping = 1;
            }
        }
        c->pos += n;
        c->off += (int64_t)n;
        if (!nl)
            continue;
        c->line++;
        if (skipping) {
            parser_reset(c);
            return emit(c, r, line, off, bad);
        }
        if (!c->row_done)
            continue; /* a quoted cell goes on */
        if (c->ncells == 0) {
            /* blank line: start over at the next one */
            started = 0;
            c->raw.n = c->cells.n = 0;
            c->row_done = 0;
            continue;
        }
        return emit(c, r, line, off, NULL);
    }
}

/* ---- Cell values ------------------------------------------------------------------------ */

/* the cell without leading and trailing blanks: ASCII space, tab, CR, LF and the ideographic
 * space U+3000 (E3 80 80) that Chinese input methods type */
const char *rt_trim(const char *s, size_t *n)
{
    size_t len = *n;
    for (;;) {
        if (len && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) {
            s++;
            len--;
        } else if (len >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0) {
            s += 3;
            len -= 3;
        } else
            break;
    }
    for (;;) {
        char e = len ? s[len - 1] : 'x';
        if (e == ' ' || e == '\t' || e == '\r' || e == '\n')
            len--;
        else if (len >= 3 && memcmp(s + len - 3, "\xE3\x80\x80", 3) == 0)
            len -= 3;
        else
            break;
    }
    *n = len;
    return s;
}

/* the cell quoted for a message, cut at a character boundary after WHY_CELL_MAX bytes */
static const char *quote_cell(const char *s, size_t n, char *buf, size_t len)
{
    size_t k = n;
    if (k > WHY_CELL_MAX) {
        k = WHY_CELL_MAX;
        while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
            k--;
    }
    snprintf(buf, len, "'%.*s%s'", (int)k, s, k < n ? "..." : "");
    return buf;
}

static int eq(const char *s, size_t n, const char *lit)
{
    return strlen(lit) == n && memcmp(s, lit, n) == 0;
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

/* int := ("+" | "-")? digit+, within int64 and not the POLRT_NONE pattern */
static int parse_int(const char *s, size_t n, int64_t *out)
{
    size_t i = 0;
    int neg = 0;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    if (i == n)
        return -1;
    uint64_t v = 0;
    for (; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        unsigned d = (unsigned)(s[i] - '0');
        if (v > (UINT64_MAX - d) / 10)
            return -1;
        v = v * 10 + d;
    }
    if (v > (uint64_t)INT64_MAX)
        return -1; /* -2^63 is POLRT_NONE, so the magnitude limit is the same both ways */
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

/* parse cell[0..n) (trimmed, not empty) as t: 0, or -1 when the text is no value of t */
static int parse_cell(const RtSchema *s, const RtType *t, const char *cell, size_t n, int64_t *out)
{
    switch (t->kind) {
    case RT_MONEY: return polrt_parse_money(cell, n, out);
    case RT_RATE: return polrt_parse_rate(cell, n, out);
    case RT_DATE: return polrt_parse_date(cell, n, out);
    case RT_INT: return parse_int(cell, n, out);
    case RT_DURATION: return parse_duration(cell, n, t->unit, out);
    case RT_BOOL:
        if (eq_nocase(cell, n, "true") || eq_nocase(cell, n, "yes") || eq(cell, n, "1") ||
            eq(cell, n, "是")) {
            *out = 1;
            return 0;
        }
        if (eq_nocase(cell, n, "false") || eq_nocase(cell, n, "no") || eq(cell, n, "0") ||
            eq(cell, n, "否")) {
            *out = 0;
            return 0;
        }
        return -1;
    case RT_ENUM: {
        const RtEnum *en = &s->enums[t->enum_idx];
        for (int i = 0; i < en->n; i++) {
            if (eq(cell, n, en->names[i]) ||
                (en->labels && en->labels[i] && eq(cell, n, en->labels[i]))) {
                *out = i;
                return 0;
            }
        }
        return -1;
    }
    }
    return -1; /* not a kind schema.c produces: no value is guessed */
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
    if (parse_cell(s, t, cell, n, out) == 0)
        return 0;
    /* the reason, naming the cell and what was expected */
    char q[WHY_CELL_MAX * 2 + 16], exp[256];
    quote_cell(cell, n, q, sizeof q);
    switch (t->kind) {
    case RT_MONEY:
        snprintf(why_buf, why_len, "not an amount %s (expected 1234.56 or 1,234.56)", q);
        return -1;
    case RT_RATE: snprintf(why_buf, why_len, "not a rate %s (expected 80%% or 0.8)", q); return -1;
    case RT_DATE: snprintf(why_buf, why_len, "not a date %s (expected YYYY-MM-DD)", q); return -1;
    case RT_INT: snprintf(why_buf, why_len, "not an integer %s", q); return -1;
    case RT_BOOL:
        snprintf(why_buf, why_len, "not a yes/no value %s (expected true/false, 1/0, 是/否)", q);
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
    size_t n = strlen(s);
    if (n >= len)
        n = len - 1;
    memcpy(buf, s, n);
    buf[n] = '\0';
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
