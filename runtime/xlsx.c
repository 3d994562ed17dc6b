/* xlsx.c — results and report tables as an Excel workbook (libxlsxwriter): the rows the CSV
 * writer formats, cell by cell, each typed by its column (money a number in a 0.00 format,
 * rates a percentage, dates Excel dates, the rest text) or, for report tables, by its text.
 * The header row is bold and frozen. The workbook is written as every output is (out.c): to
 * a temporary file beside the final name, renamed over it once complete. */
#include "dl.h"
#include "rt_int.h"

#include <errno.h>
#include <string.h>
#include <xlsxwriter.h>

/* libxlsxwriter, opened by rt_xlsx_open (dl.h: a run writing CSV never loads it) */
// clang-format off
#define XL_FUNCS(X) X(format_set_bold) X(format_set_num_format) X(lxw_strerror) \
    X(workbook_add_format) X(workbook_add_worksheet) X(workbook_close) X(workbook_new_opt) \
    X(worksheet_freeze_panes) X(worksheet_set_column) X(worksheet_write_number) \
    X(worksheet_write_string)
// clang-format on
static struct {
    XL_FUNCS(RT_DL_SLOT)
} xl;
static const char *const xl_names[] = {XL_FUNCS(RT_DL_NAME)};
RT_DL_CHECK(xl, xl_names, RT_SONAME_xlsxwriter);
static RtDl xl_dl = RT_DL_INIT(RT_SONAME_xlsxwriter, "libxlsxwriter4", xl_names, &xl, 0);

/* rows of an Excel worksheet, header included (Excel's limit, LXW_ROW_MAX): more go on to
 * a further sheet that repeats the header */
#define XLSX_ROWS LXW_ROW_MAX
/* longest sheet name Excel takes (31 characters), with room for " (99)" */
#define XLSX_SHEET_NAME 24
/* the width of every column, in characters: the widest amounts ("1,234,567.89") and a
 * four-character Chinese label fit */
#define XLSX_COL_WIDTH 14

struct RtXlsx {
    RtOut out;         /* the temporary file and its rename (out.c) */
    lxw_workbook *wb;  /* writes the temporary file by name */
    lxw_worksheet *ws; /* the current sheet */
    lxw_format *bold, *money, *rate, *date, *num;
    char sheet[XLSX_SHEET_NAME + 8]; /* the current sheet's name (a further one: " (2)") */
    int nsheets;                     /* of this name */
    lxw_row_t row;                   /* next row of the current sheet */
    char **hdr;                      /* the header, repeated on a further sheet */
    int nhdr;
    const unsigned char *kinds; /* of the current sheet's columns (NULL: by the text) */
    char *buf;                  /* a cell's text, NUL-terminated */
    size_t cap;
    lxw_error failed; /* the first libxlsxwriter error */
};

RtXlsx *rt_xlsx_open(const char *path, char *err, size_t errlen)
{
    if (!path || strcmp(path, "-") == 0) {
        snprintf(err, errlen, "an Excel workbook needs a file name, not standard output");
        errno = EINVAL;
        return NULL;
    }
    if (rt_dl_load(&xl_dl, err, errlen) < 0) {
        errno = ELIBACC; /* a system failure (exit 4), as a ledger's SQLCipher that will not load */
        return NULL;
    }
    RtXlsx *x = polrt_realloc(NULL, sizeof *x);
    if (!x) {
        snprintf(err, errlen, "cannot write %s: out of memory", path);
        errno = ENOMEM;
        return NULL;
    }
    memset(x, 0, sizeof *x);
    if (rt_out_open(&x->out, path, err, errlen) < 0) {
        polrt_realloc(x, 0);
        return NULL;
    }
    /* constant memory: rows go to disk as they come (a million claims fit), strings inline */
    lxw_workbook_options wo = {.constant_memory = LXW_TRUE};
    x->wb = xl.workbook_new_opt(x->out.tmp ? x->out.tmp : path, &wo);
    if (!x->wb) {
        snprintf(err, errlen, "cannot write %s: cannot start a workbook", path);
        rt_out_abort(&x->out);
        polrt_realloc(x, 0);
        errno = ENOMEM;
        return NULL;
    }
    x->bold = xl.workbook_add_format(x->wb);
    xl.format_set_bold(x->bold);
    x->money = xl.workbook_add_format(x->wb);
    xl.format_set_num_format(x->money, "0.00");
    x->rate = xl.workbook_add_format(x->wb);
    xl.format_set_num_format(x->rate, "0.00%");
    x->date = xl.workbook_add_format(x->wb);
    xl.format_set_num_format(x->date, "yyyy-mm-dd");
    x->num = xl.workbook_add_format(x->wb);
    xl.format_set_num_format(x->num, "0");
    return x;
}

static void note(RtXlsx *x, lxw_error e)
{
    if (e != LXW_NO_ERROR && x->failed == LXW_NO_ERROR)
        x->failed = e;
}

/* the current sheet's header row, bold and frozen */
static int put_header(RtXlsx *x)
{
    char name[sizeof x->sheet + 16];
    if (x->nsheets++ == 0)
        snprintf(name, sizeof name, "%s", x->sheet);
    else
        snprintf(name, sizeof name, "%s (%d)", x->sheet, x->nsheets);
    if (!(x->ws = xl.workbook_add_worksheet(x->wb, name))) {
        note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return -1;
    }
    xl.worksheet_freeze_panes(x->ws, 1, 0);
    note(x, xl.worksheet_set_column(x->ws, 0, (lxw_col_t)(x->nhdr ? x->nhdr - 1 : 0),
                                    XLSX_COL_WIDTH, NULL));
    for (int c = 0; c < x->nhdr; c++)
        note(x, xl.worksheet_write_string(x->ws, 0, (lxw_col_t)c, x->hdr[c], x->bold));
    x->row = 1;
    return x->failed == LXW_NO_ERROR ? 0 : -1;
}

int rt_xlsx_sheet(RtXlsx *x, const char *name, const char *const *hdr, const size_t *lens, int n,
                  const unsigned char *kinds)
{
    for (int c = 0; c < x->nhdr; c++)
        polrt_realloc(x->hdr[c], 0);
    polrt_realloc(x->hdr, 0);
    x->nhdr = 0;
    if (!(x->hdr = polrt_realloc(NULL, (size_t)(n ? n : 1) * sizeof *x->hdr))) {
        note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return -1;
    }
    for (int c = 0; c < n; c++) {
        size_t k = lens ? lens[c] : strlen(hdr[c]);
        if (!(x->hdr[c] = polrt_realloc(NULL, k + 1))) {
            note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
            return -1;
        }
        memcpy(x->hdr[c], hdr[c], k);
        x->hdr[c][k] = '\0';
        x->nhdr = c + 1;
    }
    snprintf(x->sheet, sizeof x->sheet, "%s", name);
    x->nsheets = 0;
    x->kinds = kinds;
    return put_header(x);
}

/* a report table's cell by its text: a decimal (-12.5, 2000.00) is a number, in the 0.00
 * format when written with two decimals; anything else text */
static int plain_number(const char *s, double *v, int *two)
{
    const char *p = s;
    if (*p == '-')
        p++;
    const char *d0 = p;
    while (*p >= '0' && *p <= '9')
        p++;
    if (p == d0)
        return 0;
    int dec = -1;
    if (*p == '.') {
        const char *f0 = ++p;
        while (*p >= '0' && *p <= '9')
            p++;
        dec = (int)(p - f0);
        if (dec == 0)
            return 0;
    }
    if (*p || p - s > 20)
        return 0;
    *v = strtod(s, NULL);
    *two = dec == 2;
    return 1;
}

/* one cell of kind k, text s */
static void put_cell(RtXlsx *x, lxw_col_t col, int k, const char *s, size_t n)
{
    lxw_row_t r = x->row;
    int64_t v;
    if (n == 0)
        return; /* absent: an empty cell */
    switch (k) {
    case RT_XLSX_MONEY:
        if (polrt_parse_money(s, n, &v) == 0) {
            /* fen / 100 is the double nearest the amount: Excel shows it exactly */
            note(x, xl.worksheet_write_number(x->ws, r, col, (double)v / 100.0, x->money));
            return;
        }
        break;
    case RT_XLSX_RATE:
        if (polrt_parse_rate(s, n, &v) == 0) {
            note(x, xl.worksheet_write_number(x->ws, r, col, (double)v / 1e6, x->rate));
            return;
        }
        break;
    case RT_XLSX_DATE:
        if (polrt_parse_date(s, n, &v) == 0) {
            /* Excel counts days from 1899-12-30 */
            double serial = (double)(v - polrt_days_from_civil(1899, 12, 30));
            note(x, xl.worksheet_write_number(x->ws, r, col, serial, x->date));
            return;
        }
        break;
    case RT_XLSX_INT:
        if (polrt_parse_money(s, n, &v) == 0 && v % 100 == 0 && n < 16) {
            note(x, xl.worksheet_write_number(x->ws, r, col, (double)(v / 100), x->num));
            return;
        }
        break;
    case RT_XLSX_AUTO: {
        double d;
        int two;
        if (plain_number(s, &d, &two)) {
            note(x, xl.worksheet_write_number(x->ws, r, col, d, two ? x->money : NULL));
            return;
        }
        break;
    }
    case RT_XLSX_TEXT: break;
    }
    note(x, xl.worksheet_write_string(x->ws, r, col, s, NULL));
}

int rt_xlsx_row(RtXlsx *x, const char *const *cells, const size_t *lens, int n)
{
    if (!x->ws)
        return -1;
    if (x->row >= XLSX_ROWS && put_header(x) < 0)
        return -1;
    for (int c = 0; c < n; c++) {
        size_t k = lens ? lens[c] : strlen(cells[c]);
        if (rt_grow(&x->buf, &x->cap, k + 1, 1) < 0) {
            note(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
            return -1;
        }
        memcpy(x->buf, cells[c], k);
        x->buf[k] = '\0';
        int kind = x->kinds && c < x->nhdr ? x->kinds[c] : RT_XLSX_AUTO;
        put_cell(x, (lxw_col_t)c, kind, x->buf, k);
    }
    x->row++;
    return x->failed == LXW_NO_ERROR ? 0 : -1;
}

static void xlsx_free(RtXlsx *x)
{
    for (int c = 0; c < x->nhdr; c++)
        polrt_realloc(x->hdr[c], 0);
    polrt_realloc(x->hdr, 0);
    polrt_realloc(x->buf, 0);
    polrt_realloc(x, 0);
}

int rt_xlsx_commit(RtXlsx *x, char *err, size_t errlen)
{
    const char *path = x->out.path;
    lxw_error e = xl.workbook_close(x->wb);
    x->wb = NULL;
    if (x->failed != LXW_NO_ERROR || e != LXW_NO_ERROR) {
        snprintf(err, errlen, "cannot write %s: %s", path,
                 xl.lxw_strerror(x->failed != LXW_NO_ERROR ? x->failed : e));
        rt_out_abort(&x->out);
        xlsx_free(x);
        errno = EIO;
        return -1;
    }
    int rc = rt_out_commit(&x->out, err, errlen);
    int saved = errno;
    xlsx_free(x);
    errno = saved;
    return rc;
}

void rt_xlsx_abort(RtXlsx *x)
{
    if (!x)
        return;
    if (x->wb)
        xl.workbook_close(x->wb);
    rt_out_abort(&x->out);
    xlsx_free(x);
}
