/* simulate.c — polrt_sim_run: several scenarios (engines) settle the same claims in one pass
 * (spec/SIMULATE.md §2). The files are read in batches; the threads cut each batch's records
 * into cells and values in parallel (phase 1), then settle them partitioned by person, every
 * scenario on its own ledgers (phase 2), and fold each finished person into per-thread
 * accumulators that are merged at the end, so the results do not depend on the thread count.
 * Claims grouped by person stream in constant memory; other orders fall back (see Mode). */
#include "rt_int.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- limits ------------------------------------------------------------------------------ */

/* bytes read per batch: enough records (~60,000 claims) that the two barriers a batch costs
 * are noise, small enough that the batch and its parsed values stay far below the persons
 * table in memory */
#define SIM_BATCH (8 << 20)
/* blocks per thread per batch: the parse phase hands blocks out dynamically, so a few per
 * thread even out blocks of unequal cost */
#define SIM_BLOCKS_PER_THREAD 4
/* a record longer than this is an unterminated quote swallowing the file (as csvin.c) */
#define SIM_MAX_RECORD (16 << 20)
/* looking back from a batch's end for its last complete record: longer than any real row */
#define SIM_TAIL 65536
/* most threads: more cannot help two barriers per batch */
#define SIM_MAX_THREADS 256
/* values stored exactly per group before percentiles switch to the histogram: exact for
 * every test and county-sized run, bounded memory for millions of person-years */
#define SIM_EXACT_MAX 65536
/* histogram: 2^SIM_SUB_BITS sub-buckets per power of two (relative width 1/512, so a
 * percentile read at a bucket's middle is within 0.1%), powers up to 2^SIM_TOP_SHIFT */
#define SIM_SUB_BITS  9
#define SIM_SUB       (1 << SIM_SUB_BITS)
#define SIM_TOP_SHIFT 40
#define SIM_HBUCKETS  ((SIM_TOP_SHIFT + 2) * SIM_SUB)
/* rejected rows told on stderr before the rest are only counted (all go to the file) */
#define SIM_MAX_TOLD 50
/* --by fields: a breakdown past a handful of dimensions is unreadable anyway */
#define SIM_MAX_DIMS 8
/* a message about a row or a claim */
#define MSG_MAX 512
/* progress refresh interval (ns) */
#define PROGRESS_NS 200000000LL
/* weight of one person when there is no weight column: 1.000000 */
#define ONE_WEIGHT 1000000

/* ---- small helpers ---------------------------------------------------------------------- */

/* ---- CSV records: cutting and cells ----------------------------------------------------
 * The same reading as csvin.c (RFC 4180 with libcsv's strict quoting, BOM, CRLF, blank lines
 * skipped, UTF-8 checked), but over a buffer that several threads cut at once: a record with
 * no '"' is one line split at commas; a record with a quote runs the state machine below,
 * which is also how batch and block boundaries are found without reading every byte. */

enum { Q_START, Q_PLAIN, Q_QUOTED, Q_QUOTE, Q_AFTER, Q_BAD };

static int is_blank_ch(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

typedef struct Cells {
    int n, cap;
    const char **p;
    size_t *len;
    char *buf; /* unquoted text of a quoted record's cells */
    size_t cap_buf;
    int *quoted; /* the cell was quoted (blank line test) */
} Cells;

static int cells_grow(Cells *c)
{
    {
        int cap = c->cap ? 2 * c->cap : 32;
        const char **np = polrt_realloc(c->p, (size_t)cap * sizeof *np);
        if (!np)
            return -1;
        c->p = np;
        size_t *nl = polrt_realloc(c->len, (size_t)cap * sizeof *nl);
        if (!nl)
            return -1;
        c->len = nl;
        int *nq = polrt_realloc(c->quoted, (size_t)cap * sizeof *nq);
        if (!nq)
            return -1;
        c->quoted = nq;
        c->cap = cap;
    }
    return 0;
}

static inline int cells_add(Cells *c, const char *p, size_t n, int quoted)
{
    if (c->n == c->cap && cells_grow(c) < 0)
        return -1;
    c->p[c->n] = p;
    c->len[c->n] = n;
    c->quoted[c->n] = quoted;
    c->n++;
    return 0;
}

static void cells_free(Cells *c)
{
    polrt_realloc(c->p, 0);
    polrt_realloc(c->len, 0);
    polrt_realloc(c->quoted, 0);
    polrt_realloc(c->buf, 0);
    memset(c, 0, sizeof *c);
}

/* The record starting at b[pos] that holds a quote, by the state machine: returns the
 * offset just past its end (after its line feed, or end at the end of the file), or
 * SIZE_MAX when it does not end before end and !eof. Counts its line feeds into *lines; sets
 * *bad for malformed quotes (the record then ends with the line). With c, fills the cells
 * (unquoted text in c->buf, which must hold end - pos bytes). */
static size_t quoted_record(const char *b, size_t pos, size_t end, int eof, Cells *c,
                            int64_t *lines, const char **bad)
{
    int st = Q_START;
    size_t cell = 0, o = 0;   /* start of the current cell in c->buf, write offset */
    const char *plain = NULL; /* an unquoted cell's start in b */
    *bad = NULL;
    if (c)
        c->n = 0;
    for (size_t i = pos; i < end; i++) {
        char ch = b[i];
        if (st == Q_BAD) {
            if (ch == '\n') {
                ++*lines;
                return i + 1;
            }
            continue;
        }
        if (ch == '\n' && st != Q_QUOTED) {
            ++*lines;
            if (c) {
                if (st == Q_PLAIN)
                    cells_add(c, plain, (size_t)(b + i - plain), 0);
                else if (st == Q_START && c->n > 0)
                    cells_add(c, b + i, 0, 0);
                else if (st != Q_START)
                    cells_add(c, c->buf + cell, o - cell, 1);
            }
            return i + 1;
        }
        switch (st) {
        case Q_START:
            if (ch == '"') {
                st = Q_QUOTED;
                cell = o;
            } else if (ch == ',') {
                if (c)
                    cells_add(c, b + i, 0, 0);
            } else if (!is_blank_ch(ch)) {
                st = Q_PLAIN;
                plain = b + i;
            }
            break;
        case Q_PLAIN:
            if (ch == ',') {
                if (c)
                    cells_add(c, plain, (size_t)(b + i - plain), 0);
                st = Q_START;
            } else if (ch == '"') {
                st = Q_BAD;
                *bad = "malformed quotes (a '\"' inside a cell must be doubled and the cell "
                       "quoted)";
            }
            break;
        case Q_QUOTED:
            if (ch == '"')
                st = Q_QUOTE;
            else {
                if (ch == '\n')
                    ++*lines;
                if (c)
                    c->buf[o++] = ch;
            }
            break;
        case Q_QUOTE:
            if (ch == '"') {
                st = Q_QUOTED;
                if (c)
                    c->buf[o++] = '"';
            } else if (ch == ',') {
                if (c)
                    cells_add(c, c->buf + cell, o - cell, 1);
                st = Q_START;
            } else if (is_blank_ch(ch)) {
                st = Q_AFTER;
            } else {
                st = Q_BAD;
                *bad = "malformed quotes (a '\"' inside a cell must be doubled and the cell "
                       "quoted)";
            }
            break;
        case Q_AFTER:
            if (ch == ',') {
                if (c)
                    cells_add(c, c->buf + cell, o - cell, 1);
                st = Q_START;
            } else if (!is_blank_ch(ch)) {
                st = Q_BAD;
                *bad = "malformed quotes (a '\"' inside a cell must be doubled and the cell "
                       "quoted)";
            }
            break;
        }
    }
    if (!eof)
        return SIZE_MAX;
    /* the file ends inside the record */
    if (st == Q_QUOTED)
        *bad = "unterminated quoted field";
    else if (c && st == Q_PLAIN)
        cells_add(c, plain, (size_t)(b + end - plain), 0);
    else if (c && (st == Q_QUOTE || st == Q_AFTER))
        cells_add(c, c->buf + cell, o - cell, 1);
    else if (c && st == Q_START && c->n > 0)
        cells_add(c, b + end, 0, 0);
    return end;
}

/* the end of the record at b[pos] (a record start): just past its line feed, end at the end
 * of the file, or SIZE_MAX when it continues past end */
static size_t record_end(const char *b, size_t pos, size_t end, int eof)
{
    const char *nl = memchr(b + pos, '\n', end - pos);
    size_t stop = nl ? (size_t)(nl - b) : end;
    if (!memchr(b + pos, '"', stop - pos))
        return nl ? stop + 1 : eof ? end : SIZE_MAX;
    int64_t lines = 0;
    const char *bad;
    return quoted_record(b, pos, end, eof, NULL, &lines, &bad);
}

/* The first record boundary at or after target, knowing start <= target is one: stretches
 * without a quote are crossed with memchr (every line feed there ends a record); a quote
 * makes its record go through the state machine. SIZE_MAX: none before end (!eof). */
static size_t boundary_after(const char *b, size_t start, size_t target, size_t end, int eof)
{
    size_t p = start;
    while (p < target) {
        const char *q = memchr(b + p, '"', end - p);
        size_t qpos = q ? (size_t)(q - b) : end;
        if (qpos >= target) {
            const char *nl = memchr(b + target - 1, '\n', qpos - (target - 1));
            if (nl)
                return (size_t)(nl - b) + 1;
            if (!q)
                return eof ? end : SIZE_MAX;
        }
        /* the quote's line starts after the last line feed before it */
        size_t ls = qpos;
        while (ls > p && b[ls - 1] != '\n')
            ls--;
        size_t e = record_end(b, ls, end, eof);
        if (e == SIZE_MAX)
            return SIZE_MAX;
        p = e;
    }
    return p;
}

/* Cut the record [pos, e) into cells (c). Returns 1 with cells, 0 for a blank line (to be
 * skipped like csvin.c), or -1 when out of memory; *bad set when malformed. */
static int record_cells(const char *b, size_t pos, size_t e, Cells *c, const char **bad)
{
    *bad = NULL;
    c->n = 0;
    size_t stop = e > pos && b[e - 1] == '\n' ? e - 1 : e;
    if (memchr(b + pos, '"', stop - pos)) {
        if (rt_grow(&c->buf, &c->cap_buf, e - pos + 1, 1) < 0)
            return -1;
        int64_t lines = 0;
        quoted_record(b, pos, e, 1, c, &lines, bad);
        if (*bad)
            return 1;
    } else {
        size_t i = pos;
        for (;;) {
            const char *comma = memchr(b + i, ',', stop - i);
            size_t ce = comma ? (size_t)(comma - b) : stop;
            if (cells_add(c, b + i, ce - i, 0) < 0)
                return -1;
            if (!comma)
                break;
            i = ce + 1;
        }
    }
    /* a line of blanks is no row (libcsv reports no cells for it) */
    if (c->n == 1 && !c->quoted[0]) {
        size_t n = c->len[0];
        rt_trim(c->p[0], &n);
        if (n == 0)
            return 0;
    }
    if (c->n == 0)
        return 0;
    return 1;
}

/* the ASCII bytes the splitter stops at: 1 comma, 2 line feed, 3 quote, 4 NUL (no text has
 * one: rt_utf8_valid refuses it, so the row is "not UTF-8" here too) */
static const unsigned char ascii_stop[128] = {[','] = 1, ['\n'] = 2, ['"'] = 3, [0] = 4};

/* the length of the well-formed UTF-8 sequence at p (RFC 3629, as rt_utf8_valid), or 0 */
static int utf8_seq(const unsigned char *p, const unsigned char *e)
{
    unsigned c = p[0], lo = 0x80, hi = 0xBF;
    int k;
    if (c >= 0xC2 && c <= 0xDF)
        k = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
        k = 2;
        lo = c == 0xE0 ? 0xA0 : lo;
        hi = c == 0xED ? 0x9F : hi;
    } else if (c >= 0xF0 && c <= 0xF4) {
        k = 3;
        lo = c == 0xF0 ? 0x90 : lo;
        hi = c == 0xF4 ? 0x8F : hi;
    } else
        return 0;
    if (e - p <= k || p[1] < lo || p[1] > hi)
        return 0;
    for (int i = 2; i <= k; i++)
        if (p[i] < 0x80 || p[i] > 0xBF)
            return 0;
    return k + 1;
}

static const char not_utf8[] = "not UTF-8 text (save the file as CSV UTF-8)";

/* The record at b[pos..end), end being a record boundary: its cells into c and *next just
 * past it. A record without a quote is cut at commas in the same pass that finds its end
 * and checks its UTF-8; one with a quote goes through the state machine. Returns 1 (cells),
 * 0 (a blank line: skipped like csvin.c) or -1 (memory); *bad when malformed. */
static int next_record(const char *b, size_t pos, size_t end, Cells *c, size_t *next,
                       int64_t *lines, const char **bad)
{
    const unsigned char *p = (const unsigned char *)b + pos, *e = (const unsigned char *)b + end;
    const unsigned char *cell = p;
    *bad = NULL;
    c->n = 0;
    for (;;) {
        if (p == e) {
            if (cells_add(c, (const char *)cell, (size_t)(p - cell), 0) < 0)
                return -1;
            *next = end;
            *lines = 1;
            break;
        }
        unsigned ch = *p;
        if (ch >= 0x80) {
            int k = utf8_seq(p, e);
            if (!k && !*bad)
                *bad = not_utf8;
            p += k ? k : 1;
            continue;
        }
        unsigned k = ascii_stop[ch];
        if (!k) {
            p++;
            continue;
        }
        if (k == 1) {
            if (cells_add(c, (const char *)cell, (size_t)(p - cell), 0) < 0)
                return -1;
            cell = ++p;
            continue;
        }
        if (k == 2) {
            if (cells_add(c, (const char *)cell, (size_t)(p - cell), 0) < 0)
                return -1;
            *next = (size_t)((const char *)p - b) + 1;
            *lines = 1;
            break;
        }
        if (k == 4) {
            if (!*bad)
                *bad = not_utf8;
            p++;
            continue;
        }
        /* a quote: the whole record through the state machine */
        *lines = 0;
        size_t rend = quoted_record(b, pos, end, 1, NULL, lines, bad);
        if (rt_grow(&c->buf, &c->cap_buf, rend - pos + 1, 1) < 0)
            return -1;
        *lines = 0;
        quoted_record(b, pos, rend, 1, c, lines, bad);
        if (*lines == 0)
            *lines = 1;
        *next = rend;
        if (!*bad && !rt_utf8_valid(b + pos, rend - pos))
            *bad = not_utf8;
        return 1;
    }
    /* a line of blanks is no row (libcsv reports no cells for it) */
    if (!*bad && c->n == 1) {
        size_t n = c->len[0];
        rt_trim(c->p[0], &n);
        if (n == 0)
            return 0;
    }
    return 1;
}

/* ---- the simulation's state ------------------------------------------------------------ */

typedef struct SimPerson SimPerson;
typedef struct PState PState;

struct SimPerson {
    const char *id;
    int64_t *fields; /* schema "person" values */
    int64_t *hist;   /* nspans rows of schema "history" width (own allocation) */
    int64_t nspans, cap_spans;
    int64_t weight;   /* millionths */
    int64_t line;     /* its first row in the persons file (0: made from a claim) */
    int64_t bad_line; /* a rejected persons row named it (0: none) */
    int64_t ord;      /* a stable number (sorting in the loaded mode) */
    uint8_t part;     /* the thread that settles its claims */
    uint8_t done;     /* grouped mode: its claims are finished */
    uint8_t seen;     /* it has a good claim */
    PState *state;    /* interleaved mode: its state between its claims */
};

/* one data row after phase 1 */
enum { ROW_OK, ROW_BAD, ROW_EMPTY, ROW_DUP };
typedef struct SimRow {
    SimPerson *p;
    const char *id;  /* claim id (block arena) */
    int64_t *fields; /* claim values (block arena) */
    int64_t line;    /* physical line of its first byte */
    int64_t seq;     /* rank among the data rows of the file */
    int64_t off;     /* file offset of its first byte */
    const char *raw; /* its bytes, for the rejects file */
    size_t nraw;
    const char *why; /* ROW_BAD, ROW_DUP: the reason (block arena) */
    int status;
    uint64_t hash;   /* persons rows: hash of the person id */
    const char *pid; /* persons rows: the person id; claims rows: when unresolved */
    size_t npid;
    int64_t *hvals; /* persons rows: the span's values, NULL when none */
    int64_t weight; /* persons rows */
} SimRow;

typedef struct Block {
    size_t from, to;   /* bytes of the batch buffer */
    int64_t base_line; /* line of its first byte */
    int64_t lines;     /* line feeds in it */
    SimRow *rows;
    size_t nrows, cap_rows;
    RtPool arena;
} Block;

/* a compared output's column in each scenario, and the scenarios' shared layout */
typedef struct Scen {
    const PolSimScenario *in;
    PolEngine *e;
    const RtSchema *s;
    int date_idx; /* claim date field in this scenario's claim array */
    int stride;   /* int64 per ledger row: ledger, key, the widest ledger */
} Scen;

/* a distribution being accumulated (per thread, scenario and group) */
typedef struct Dist {
    int64_t n, w, capped_n, capped_w, max;
    RtWide sum;
    int64_t buckets[RT_SIM_NOOPB];
    int64_t *vals; /* exact: value, weight pairs while n <= SIM_EXACT_MAX */
    size_t nvals, cap_vals;
    int64_t *hist; /* weight per histogram bucket, once past SIM_EXACT_MAX */
} Dist;

/* one thread's accumulators for one scenario */
typedef struct Acc {
    RtWide *totals;
    int64_t settled, failed, aff_claims, aff_claims_w, aff_persons, aff_persons_w;
    int64_t band_n[RT_SIM_NBANDS], band_w[RT_SIM_NBANDS];
    RtWide band_sum[RT_SIM_NBANDS];
    Dist *dist; /* per group */
    RtSimReason reasons[RT_SIM_MAX_REASONS];
    int nreasons;
    int64_t other_failed;
} Acc;

/* The state of a person whose claims are being settled: ledger rows per scenario, and per
 * (year, breakdown group) the own payment and whether the cap bound, per scenario. */
struct PState {
    SimPerson *p;
    int64_t last_date;
    int has_date;
    int64_t **rows; /* per scenario: nrows[s] rows of Scen.stride */
    size_t *nrows, *cap_rows;
    int64_t *years; /* entries of 3 + 2 * nscen: year, dim, value, oop.., capped.. */
    size_t nyears, cap_years;
    int64_t *sum_oop;  /* per scenario, all the person's claims */
    uint8_t *affected; /* per scenario: a claim differs from the base */
    char **ids;        /* its claim ids so far (duplicate check) */
    uint64_t *id_hash; /* their hashes: most comparisons end here */
    size_t nids, cap_ids, cap_hash;
    RtPool id_arena;
};

typedef struct Sim Sim;

/* per thread, per scenario: the arrays a PolCtx points into */
typedef struct Scratch {
    int64_t *keys, *before, *after, *out, *rule_val, *rule_state, *branch, *pver;
    int64_t *mem;
} Scratch;

typedef struct SimThread {
    Sim *sim;
    int id;
    pthread_t th;
    int started;
    Cells cells;
    Scratch *scr;  /* per scenario */
    int64_t *outs; /* per scenario: outputs of the current claim (maxout each) */
    int *ok;       /* per scenario: the claim settled */
    int64_t *err_code, *err_loc;
    int64_t *chk_pver; /* scratch of the input checks */
    PState cur;        /* grouped mode: the person in hand */
    int have_cur;
    Acc *acc; /* per scenario */
    /* persons partition: a table of the persons whose part is this thread */
    RtMap persons;
    RtPool pool; /* persons and their ids and fields */
    int64_t npersons;
    int oom;
} SimThread;

/* Claims grouped by person stream with one person in hand per thread; a person met again
 * after another one (persons interleaved, e.g. a file sorted by date) switches to keeping
 * every person's state until the end; a person's claims out of date order switch to loading
 * and sorting the whole file. Each switch starts over; the results are the same. */
typedef enum { MODE_GROUPED, MODE_INTERLEAVED, MODE_LOADED } Mode;

typedef enum {
    TASK_NONE,
    TASK_PARSE_PERSONS,
    TASK_MERGE_PERSONS,
    TASK_PARSE_CLAIMS,
    TASK_SETTLE,
    TASK_FINISH,
    TASK_EXIT
} Task;

struct Sim {
    const PolSimOpts *o;
    int nscen;
    Scen *scen;
    const RtSchema *s; /* the base's */
    PolSim *res;
    int nthreads;
    SimThread *th;
    /* the thread pool */
    pthread_mutex_t mu;
    pthread_cond_t go, done;
    Task task;
    uint64_t generation;
    int running; /* threads still on the task */
    atomic_size_t next_block;
    /* input */
    int fd;
    const char *path; /* file being read */
    int64_t size, consumed;
    char *buf;
    size_t len, cap; /* bytes in buf, allocated */
    size_t start;    /* the batch's records begin here */
    size_t complete; /* ... and end here */
    int eof;
    int64_t line; /* line of buf[start] */
    int64_t seq;  /* data rows so far */
    Block *blocks;
    size_t nblocks, cap_blocks, used_blocks;
    size_t batch_first, batch_blocks; /* the blocks phase 1 parses */
    int64_t buf_off;                  /* file offset of buf[0] */
    int reread_fd;                    /* the loaded mode re-reads rejected rows from the file */
    /* bound columns */
    int ncols;
    char **hdr;
    char *hdr_raw; /* the header record's bytes (first line of a rejects file) */
    size_t nhdr_raw;
    int id_col, person_col, weight_col;
    int nf; /* fields bound */
    const RtField **f;
    int *col;
    int nclaimf; /* claims: = nclaim; persons: nperson (history after) */
    int is_persons;
    int64_t *defaults; /* person fields when there is no persons file */
    size_t **enum_len; /* per schema enum: name lengths, then label lengths (0: none) */
    int64_t jan1[RT_YEAR_MAX - RT_YEAR_MIN + 2]; /* day of 1 January of each supported year */
    /* modes and fallbacks */
    Mode mode;
    atomic_int restart; /* the mode to start over in (0: none) */
    SimRow **order;     /* the rows phase 2 walks */
    size_t norder, cap_order;
    /* rejects */
    RtOut rejects;
    const char *rejects_path; /* claims rows */
    char *prejects_path;      /* persons rows: "x.rejects.csv" -> "x.rejects.persons.csv" */
    const char *cur_rejects;  /* the one of the file being read */
    int64_t told, told_line;  /* rows told on stderr; lines up to here already told */
    int64_t rejected, empty_rows;
    /* breakdown groups */
    int ndims, ngroups;
    RtSimDim *dims;
    int maxout;
    int money_n;
    int *money;
    int date_idx;
    /* progress */
    int progress;
    int64_t t0, last_progress;
    int64_t t_file; /* when reading the current file began (the time left) */
    int progress_shown;
    char err[MSG_MAX];
    int failed; /* a run-level error: err says it */
};

static void sim_error(Sim *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sim_error(Sim *m, const char *fmt, ...)
{
    if (m->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m->err, sizeof m->err, fmt, ap);
    va_end(ap);
    m->failed = 1;
}

/* ---- progress ------------------------------------------------------------------------- */

static void progress_clear(Sim *m)
{
    if (m->progress_shown)
        fprintf(stderr, "\r%*s\r", 78, "");
    m->progress_shown = 0;
}

static void progress(Sim *m, const char *what)
{
    if (!m->progress)
        return;
    int64_t t = rt_now_ns();
    if (t - m->last_progress < PROGRESS_NS)
        return;
    m->last_progress = t;
    double frac = m->size > 0 ? (double)m->consumed / (double)m->size : 0;
    int width = 30, fill = (int)(frac * width);
    char bar[64];
    for (int i = 0; i < width; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[width] = '\0';
    double secs = (double)(t - m->t_file) / 1e9;
    fprintf(stderr, "\rpolc: %s [%s] %3d%%  %" PRId64 " rows", what, bar, (int)(frac * 100),
            m->seq);
    if (frac > 0.01 && frac < 1) {
        long left = (long)(secs / frac * (1 - frac));
        fprintf(stderr, "  %ld:%02ld left", left / 60, left % 60);
    }
    fputs("  ", stderr);
    m->progress_shown = 1;
}

/* ---- the thread pool --------------------------------------------------------------------- */

static void run_task(SimThread *t, Task task);

static void *thread_main(void *arg)
{
    SimThread *t = arg;
    Sim *m = t->sim;
    uint64_t seen = 0;
    pthread_mutex_lock(&m->mu);
    for (;;) {
        while (m->generation == seen)
            pthread_cond_wait(&m->go, &m->mu);
        seen = m->generation;
        Task task = m->task;
        pthread_mutex_unlock(&m->mu);
        if (task == TASK_EXIT)
            return NULL;
        run_task(t, task);
        pthread_mutex_lock(&m->mu);
        if (--m->running == 0)
            pthread_cond_signal(&m->done);
    }
}

/* every thread (the caller is thread 0) runs task; returns when all have finished */
static void parallel(Sim *m, Task task)
{
    atomic_store(&m->next_block, 0);
    if (m->nthreads > 1) {
        pthread_mutex_lock(&m->mu);
        m->task = task;
        m->running = m->nthreads - 1;
        m->generation++;
        pthread_cond_broadcast(&m->go);
        pthread_mutex_unlock(&m->mu);
    }
    run_task(&m->th[0], task);
    if (m->nthreads > 1) {
        pthread_mutex_lock(&m->mu);
        while (m->running > 0)
            pthread_cond_wait(&m->done, &m->mu);
        pthread_mutex_unlock(&m->mu);
    }
}

/* ---- reading batches ------------------------------------------------------------------ */

static int open_input(Sim *m, const char *path)
{
    m->path = path;
    m->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (m->fd < 0) {
        sim_error(m, "cannot open %s: %s", path, strerror(errno));
        return -1;
    }
    struct stat st;
    m->size = fstat(m->fd, &st) == 0 && S_ISREG(st.st_mode) ? (int64_t)st.st_size : -1;
    m->consumed = 0;
    m->t_file = rt_now_ns();
    m->buf_off = 0;
    m->len = m->start = m->complete = 0;
    m->eof = 0;
    m->line = 1;
    m->seq = 0;
    return 0;
}

static void close_input(Sim *m)
{
    if (m->fd >= 0)
        close(m->fd);
    m->fd = -1;
}

/* Read the next batch: keep the unfinished record, fill the buffer, and find where the last
 * complete record ends. 1 with records in [start, complete), 0 at the end, -1 on error. */
static int next_batch(Sim *m)
{
    m->buf_off += (int64_t)m->complete;
    if (m->complete < m->len) {
        memmove(m->buf, m->buf + m->complete, m->len - m->complete);
        m->len -= m->complete;
    } else
        m->len = 0;
    m->start = m->complete = 0;
    for (;;) {
        while (!m->eof && m->len < m->cap) {
            ssize_t n = read(m->fd, m->buf + m->len, m->cap - m->len);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0) {
                sim_error(m, "cannot read %s: %s", m->path, strerror(errno));
                return -1;
            }
            if (n == 0)
                m->eof = 1;
            m->len += (size_t)n;
        }
        if (m->len == 0)
            return 0;
        if (m->eof) {
            m->complete = m->len;
            return 1;
        }
        /* the last complete record: walk records from a boundary near the end */
        size_t from = m->len > SIM_TAIL ? m->len - SIM_TAIL : 0;
        size_t p = from > 0 ? boundary_after(m->buf, 0, from, m->len, 0) : 0;
        if (p != SIZE_MAX) {
            for (;;) {
                size_t e = record_end(m->buf, p, m->len, 0);
                if (e == SIZE_MAX)
                    break;
                p = e;
            }
            if (p > 0) {
                m->complete = p;
                return 1;
            }
        }
        /* not one complete record: a longer buffer */
        if (m->cap >= SIM_MAX_RECORD) {
            sim_error(m,
                      "%s:%" PRId64 ": record longer than %d MiB (unterminated quoted "
                      "field?)",
                      m->path, m->line, SIM_MAX_RECORD >> 20);
            return -1;
        }
        char *nb = polrt_realloc(m->buf, m->cap * 2);
        if (!nb) {
            sim_error(m, "out of memory");
            return -1;
        }
        m->buf = nb;
        m->cap *= 2;
    }
}

/* a new block for the batch (the loaded mode keeps every block: blocks accumulate) */
static Block *add_block(Sim *m)
{
    if (m->used_blocks == m->nblocks) {
        if (rt_grow(&m->blocks, &m->cap_blocks, m->nblocks + 1, sizeof *m->blocks) < 0)
            return NULL;
        memset(&m->blocks[m->nblocks], 0, sizeof *m->blocks);
        m->nblocks++;
    }
    Block *b = &m->blocks[m->used_blocks++];
    b->nrows = 0;
    b->lines = 0;
    rt_pool_reset(&b->arena);
    return b;
}

/* cut [start, complete) into blocks at record boundaries; the first used block index */
static int cut_blocks(Sim *m, size_t *first)
{
    size_t want = (size_t)m->nthreads * SIM_BLOCKS_PER_THREAD;
    size_t n = m->complete - m->start;
    *first = m->used_blocks;
    size_t prev = m->start;
    for (size_t k = 1; prev < m->complete; k++) {
        size_t target = k < want ? m->start + n / want * k : m->complete;
        size_t cut = target <= prev          ? prev
                     : target >= m->complete ? m->complete
                                             : boundary_after(m->buf, prev, target, m->complete, 1);
        if (cut == SIZE_MAX || cut > m->complete)
            cut = m->complete;
        if (cut == prev)
            continue;
        Block *b = add_block(m);
        if (!b) {
            sim_error(m, "out of memory");
            return -1;
        }
        b->from = prev;
        b->to = cut;
        prev = cut;
    }
    return 0;
}

/* ---- headers ---------------------------------------------------------------------------- */

/* Bind the header cells to the fields (by name, then label), the id columns and the weight
 * column, as run.c does. 0, or -1 with a file-level message (printed by the caller). */
static int bind_header(Sim *m, const Cells *c, int64_t line, char *why, size_t len)
{
    for (int i = 0; m->hdr && i < m->ncols; i++)
        polrt_realloc(m->hdr[i], 0); /* the persons file's header, before the claims' */
    polrt_realloc(m->hdr, 0);
    m->ncols = c->n;
    m->id_col = m->person_col = m->weight_col = -1;
    m->hdr = polrt_realloc(NULL, (size_t)(c->n ? c->n : 1) * sizeof *m->hdr);
    if (!m->hdr) {
        snprintf(why, len, "out of memory");
        return -1;
    }
    memset(m->hdr, 0, (size_t)(c->n ? c->n : 1) * sizeof *m->hdr);
    for (int k = 0; k < m->nf; k++)
        m->col[k] = -1;
    for (int i = 0; i < c->n; i++) {
        size_t n = c->len[i];
        const char *name = rt_trim(c->p[i], &n);
        if (i == 0 && n >= 3 && memcmp(name, "\xEF\xBB\xBF", 3) == 0) {
            name += 3;
            n -= 3;
        }
        char *h = polrt_realloc(NULL, n + 1);
        if (!h) {
            snprintf(why, len, "out of memory");
            return -1;
        }
        memcpy(h, name, n);
        h[n] = '\0';
        m->hdr[i] = h;
        int *fixed = NULL;
        if (!m->is_persons && strcmp(h, "claim_id") == 0)
            fixed = &m->id_col;
        else if (strcmp(h, "person_id") == 0)
            fixed = &m->person_col;
        else if (m->is_persons && m->o->weight && strcmp(h, m->o->weight) == 0)
            fixed = &m->weight_col;
        int k = -1;
        for (int j = 0; j < m->nf && k < 0 && !fixed; j++)
            if (strcmp(m->f[j]->name, h) == 0)
                k = j;
        for (int j = 0; j < m->nf && k < 0 && !fixed; j++)
            if (m->f[j]->label && strcmp(m->f[j]->label, h) == 0)
                k = j;
        int *slot = fixed ? fixed : k >= 0 ? &m->col[k] : NULL;
        if (!slot)
            continue;
        if (*slot >= 0) {
            snprintf(why, len, "%s:%" PRId64 ": columns '%s' and '%s' both give '%s'", m->path,
                     line, m->hdr[*slot], h, fixed ? h : m->f[k]->name);
            return -1;
        }
        *slot = i;
    }
    const char *missing = !m->is_persons && m->id_col < 0 ? "claim_id"
                          : m->person_col < 0             ? "person_id"
                                                          : NULL;
    for (int k = 0; k < m->nf && !missing; k++)
        if (m->col[k] < 0 && !m->f[k]->has_default && !m->f[k]->type.optional)
            missing = m->f[k]->name;
    if (missing) {
        snprintf(why, len, "%s:%" PRId64 ": missing column '%s' (required by the policy)", m->path,
                 line, missing);
        return -1;
    }
    if (m->is_persons && m->o->weight && m->weight_col < 0) {
        /* the option names a column the file does not have: a usage error */
        snprintf(why, len, "%s:%" PRId64 ": no column '%s' (the --weight column)", m->path, line,
                 m->o->weight);
        return -2;
    }
    return 0;
}

/* Read the header record of the open file and bind it: 0, 2 (I/O) or 3 (bad header). */
static int read_header(Sim *m)
{
    int got = next_batch(m);
    if (got < 0)
        return 2;
    if (got == 0) {
        fprintf(stderr, "%s:1: empty file (expected a header row)\n", m->path);
        return 3;
    }
    Cells *c = &m->th[0].cells;
    char why[MSG_MAX];
    for (;;) {
        size_t e = record_end(m->buf, m->start, m->len, m->eof);
        if (e == SIZE_MAX)
            e = m->complete;
        const char *bad;
        int64_t lines = 0;
        for (size_t i = m->start; i < e; i++)
            lines += m->buf[i] == '\n';
        if (lines == 0)
            lines = 1;
        int k = record_cells(m->buf, m->start, e, c, &bad);
        if (k < 0) {
            sim_error(m, "out of memory");
            return 2;
        }
        int64_t line = m->line;
        size_t rs = m->start;
        m->start = e;
        m->line += lines;
        if (k == 0) {
            if (m->start >= m->complete) {
                fprintf(stderr, "%s:1: empty file (expected a header row)\n", m->path);
                return 3;
            }
            continue;
        }
        if (bad || !rt_utf8_valid(m->buf + rs, e - rs)) {
            fprintf(stderr, "%s:%" PRId64 ": header: %s\n", m->path, line,
                    bad ? bad : "not UTF-8 text (save the file as CSV UTF-8)");
            return 3;
        }
        polrt_realloc(m->hdr_raw, 0);
        if (!(m->hdr_raw = polrt_realloc(NULL, e - rs + 1))) {
            sim_error(m, "out of memory");
            return 2;
        }
        memcpy(m->hdr_raw, m->buf + rs, e - rs);
        m->nhdr_raw = e - rs;
        int bh = bind_header(m, c, line, why, sizeof why);
        if (bh < 0) {
            if (strcmp(why, "out of memory") == 0) {
                sim_error(m, "out of memory");
                return 2;
            }
            fprintf(stderr, "%s\n", why);
            return bh == -2 ? 2 : 3;
        }
        return 0;
    }
}

/* ---- phase 1: rows into values --------------------------------------------------------- */

/* a byte that may start or end a blank rt_trim removes (U+3000 is E3 80 80) */
static int edge_blank(unsigned char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == 0xE3 || ch == 0x80;
}

/* The common cells parsed without rt_parse_value's general path: a cell with no blank at
 * either end that is exactly a bool word, an enum member's name or label (in member order,
 * as csvin.c looks), an amount or a date gives the same value rt_parse_value would. 1 done,
 * 0 not one of these (the caller takes the general path, which also words the errors). */
static int fast_value(const Sim *m, const RtType *t, const char *cell, size_t n, int64_t *v)
{
    if (n == 0 || edge_blank((unsigned char)cell[0]) || edge_blank((unsigned char)cell[n - 1]))
        return 0;
    switch (t->kind) {
    case RT_BOOL:
        if (n == 1 && (cell[0] == '0' || cell[0] == '1')) {
            *v = cell[0] == '1';
            return 1;
        }
        if (n == 3 && (memcmp(cell, "是", 3) == 0 || memcmp(cell, "否", 3) == 0)) {
            *v = memcmp(cell, "是", 3) == 0;
            return 1;
        }
        return 0;
    case RT_ENUM: {
        const RtEnum *en = &m->s->enums[t->enum_idx];
        const size_t *nl = m->enum_len[t->enum_idx], *ll = nl + en->n;
        for (int i = 0; i < en->n; i++)
            if ((nl[i] == n && memcmp(cell, en->names[i], n) == 0) ||
                (ll[i] == n && memcmp(cell, en->labels[i], n) == 0)) {
                *v = i;
                return 1;
            }
        return 0;
    }
    case RT_MONEY: return polrt_parse_money(cell, n, v) == 0;
    case RT_DATE: return polrt_parse_date(cell, n, v) == 0;
    case RT_RATE:
    case RT_INT:
    case RT_DURATION: return 0;
    }
    return 0;
}

/* fields [from, to) from the cells, as run.c's convert: the declared default for a blank
 * cell, else the parsed value; no negative money. -1 with why. */
static int convert(const Sim *m, const Cells *c, int from, int to, int64_t *vals, char *why,
                   size_t len)
{
    for (int k = from; k < to; k++) {
        const RtField *f = m->f[k];
        int col = m->col[k];
        const char *cell = col >= 0 ? c->p[col] : "";
        size_t n = col >= 0 ? c->len[col] : 0;
        int64_t *v = &vals[k - from];
        if (fast_value(m, &f->type, cell, n, v)) {
            if (f->type.kind == RT_MONEY && *v < 0)
                goto slow;
            continue;
        }
    slow:;
        const char *name = col >= 0 ? m->hdr[col] : f->name;
        if (rt_bind_cell(m->s, f, name, cell, n, v, why, len) < 0)
            return -1;
    }
    return 0;
}

static const char *id_cell(const Cells *c, int col, size_t *n)
{
    if (col < 0 || col >= c->n)
        return NULL;
    *n = c->len[col];
    const char *s = rt_trim(c->p[col], n);
    return *n ? s : NULL;
}

typedef struct IdKey {
    const char *s;
    size_t n;
} IdKey;

static int person_eq(const void *entry, const void *key)
{
    const SimPerson *p = entry;
    const IdKey *k = key;
    return strncmp(p->id, k->s, k->n) == 0 && p->id[k->n] == '\0';
}

static SimPerson *person_find(const Sim *m, const char *id, size_t n, uint64_t h)
{
    IdKey k = {id, n};
    return rt_map_find(&m->th[h % (uint64_t)m->nthreads].persons, h, person_eq, &k);
}

/* a new person in thread t's partition; NULL on memory */
static SimPerson *person_add(Sim *m, SimThread *t, const char *id, size_t n, uint64_t h)
{
    SimPerson *p = rt_pool_alloc(&t->pool, sizeof *p);
    if (!p)
        return NULL;
    memset(p, 0, sizeof *p);
    if (!(p->id = rt_pool_str(&t->pool, id, n)))
        return NULL;
    p->part = (uint8_t)t->id;
    p->ord = t->npersons++ * m->nthreads + t->id;
    p->weight = ONE_WEIGHT;
    p->fields = m->defaults;
    if (rt_map_put(&t->persons, h, p) < 0)
        return NULL;
    return p;
}

/* a row of a block: reject with a reason */
static void bad_row(Block *b, SimRow *r, const char *why)
{
    r->status = ROW_BAD;
    r->why = rt_pool_str(&b->arena, why, strlen(why));
    if (!r->why)
        r->why = "out of memory";
}

/* Parse one block into rows (phase 1, any thread). */
static void parse_block(Sim *m, SimThread *t, Block *b)
{
    const RtSchema *s = m->s;
    Cells *c = &t->cells;
    char why[MSG_MAX];
    const char *buf = m->buf;
    size_t pos = b->from;
    int64_t line = 0;
    SimPerson *last = NULL; /* rows of one person come together: one lookup for them */
    while (pos < b->to) {
        size_t e;
        const char *bad;
        int64_t lines = 0;
        int k = next_record(buf, pos, b->to, c, &e, &lines, &bad);
        if (k < 0) {
            t->oom = 1;
            return;
        }
        int64_t rline = line;
        line += lines;
        size_t rpos = pos;
        pos = e;
        if (k == 0)
            continue;
        if (rt_grow(&b->rows, &b->cap_rows, b->nrows + 1, sizeof *b->rows) < 0) {
            t->oom = 1;
            return;
        }
        SimRow *r = &b->rows[b->nrows++];
        memset(r, 0, sizeof *r);
        r->line = rline;
        r->off = m->buf_off + (int64_t)rpos;
        r->raw = buf + rpos;
        r->nraw = e - rpos;
        if (bad) {
            bad_row(b, r, bad);
            continue;
        }
        int blank = 1;
        for (int i = 0; i < c->n && blank; i++)
            blank = rt_cell_blank(c->p[i], c->len[i]);
        if (blank) {
            r->status = ROW_EMPTY;
            continue;
        }
        if (c->n != m->ncols) {
            snprintf(why, sizeof why, "expected %d fields, found %d", m->ncols, c->n);
            bad_row(b, r, why);
            continue;
        }
        size_t n, pn;
        const char *pid = id_cell(c, m->person_col, &pn);
        if (m->is_persons) {
            if (!pid) {
                snprintf(why, sizeof why, "%s: missing value", m->hdr[m->person_col]);
                bad_row(b, r, why);
                continue;
            }
            r->pid = rt_pool_str(&b->arena, pid, pn);
            r->npid = pn;
            r->hash = rt_hash_id(pid, pn);
            r->fields = rt_pool_alloc(&b->arena, ((size_t)s->nperson + 1) * sizeof *r->fields);
            if (!r->pid || !r->fields) {
                t->oom = 1;
                return;
            }
            if (convert(m, c, 0, s->nperson, r->fields, why, sizeof why) < 0) {
                bad_row(b, r, why);
                continue;
            }
            int any = 0;
            for (int f = s->nperson; f < m->nf && !any; f++)
                any = m->col[f] >= 0 && !rt_cell_blank(c->p[m->col[f]], c->len[m->col[f]]);
            if (any) {
                r->hvals = rt_pool_alloc(&b->arena, ((size_t)s->nhist + 1) * sizeof *r->hvals);
                if (!r->hvals) {
                    t->oom = 1;
                    return;
                }
                if (convert(m, c, s->nperson, m->nf, r->hvals, why, sizeof why) < 0) {
                    bad_row(b, r, why);
                    continue;
                }
            }
            r->weight = ONE_WEIGHT;
            if (m->weight_col >= 0) {
                size_t wn = c->len[m->weight_col];
                const char *w = rt_trim(c->p[m->weight_col], &wn);
                if (wn == 0 || polrt_parse_rate(w, wn, &r->weight) < 0 || r->weight < 0) {
                    snprintf(why, sizeof why,
                             "%s: not a weight '%.*s' (expected a number "
                             ">= 0 such as 1.25)",
                             m->hdr[m->weight_col], (int)(wn > 40 ? 40 : wn), w);
                    bad_row(b, r, why);
                    continue;
                }
            }
            continue;
        }
        /* a claim row */
        const char *id = id_cell(c, m->id_col, &n);
        if (!id) {
            snprintf(why, sizeof why, "%s: missing value", m->hdr[m->id_col]);
            bad_row(b, r, why);
            continue;
        }
        if (!pid) {
            snprintf(why, sizeof why, "%s: missing value", m->hdr[m->person_col]);
            bad_row(b, r, why);
            continue;
        }
        r->fields = rt_pool_alloc(&b->arena, ((size_t)s->nclaim + 1) * sizeof *r->fields);
        r->id = rt_pool_str(&b->arena, id, n);
        if (!r->fields || !r->id) {
            t->oom = 1;
            return;
        }
        if (convert(m, c, 0, s->nclaim, r->fields, why, sizeof why) < 0) {
            bad_row(b, r, why);
            continue;
        }
        /* the base policy's own input checks (reject ... when ...), as polc run applies them */
        int64_t code, loc;
        if (rt_engine_check(m->scen[0].e, r->fields, t->chk_pver, &code, &loc)) {
            rt_err_describe(s, code, loc, why, sizeof why);
            bad_row(b, r, why);
            continue;
        }
        int same = last && strncmp(last->id, pid, pn) == 0 && last->id[pn] == '\0';
        uint64_t h = same ? 0 : rt_hash_id(pid, pn);
        r->hash = h;
        if (!m->o->persons) {
            /* persons made from the claims: the main thread adds them after this phase */
            if (!(r->pid = rt_pool_str(&b->arena, pid, pn))) {
                t->oom = 1;
                return;
            }
            r->npid = pn;
            continue;
        }
        SimPerson *p = same ? last : person_find(m, pid, pn, h);
        last = p;
        if (!p) {
            snprintf(why, sizeof why, "unknown person '%.*s' (not in %s)", (int)pn, pid,
                     m->o->persons);
            bad_row(b, r, why);
            continue;
        }
        if (p->bad_line) {
            snprintf(why, sizeof why, "person '%.*s' has a rejected row (%s:%" PRId64 ")", (int)pn,
                     pid, m->o->persons, p->bad_line);
            bad_row(b, r, why);
            continue;
        }
        r->p = p;
    }
    b->lines = line;
}

static void task_parse(SimThread *t)
{
    Sim *m = t->sim;
    for (;;) {
        size_t k = atomic_fetch_add(&m->next_block, 1);
        if (k >= m->batch_blocks)
            break;
        parse_block(m, t, &m->blocks[m->batch_first + k]);
        if (t->oom)
            break;
    }
}

/* After phase 1: lines and ranks of the batch's rows (main thread). */
static void number_rows(Sim *m, size_t first)
{
    for (size_t i = first; i < m->used_blocks; i++) {
        Block *b = &m->blocks[i];
        b->base_line = m->line;
        for (size_t k = 0; k < b->nrows; k++) {
            b->rows[k].line += m->line;
            b->rows[k].seq = m->seq++;
        }
        m->line += b->lines;
    }
}

/* ---- rejects ------------------------------------------------------------------------------ */

/* Tell a bad row on stderr (the first SIM_MAX_TOLD) and copy it to the rejects file, whose
 * first line is the header; a row whose bytes are gone (the loaded mode) is read again. */
static int reject_row(Sim *m, const char *file, const SimRow *r)
{
    m->rejected++;
    if (r->line > m->told_line) {
        if (m->told < SIM_MAX_TOLD) {
            progress_clear(m);
            fprintf(stderr, "%s:%" PRId64 ": %s\n", file, r->line, r->why);
        }
        m->told++;
        m->told_line = r->line;
    }
    if (!m->rejects.f) {
        char err[MSG_MAX];
        if (rt_out_open(&m->rejects, m->cur_rejects, err, sizeof err) < 0) {
            sim_error(m, "%s", err);
            return -1;
        }
        fwrite(m->hdr_raw, 1, m->nhdr_raw, m->rejects.f);
        if (m->nhdr_raw && m->hdr_raw[m->nhdr_raw - 1] != '\n')
            fputc('\n', m->rejects.f);
    }
    const char *raw = r->raw;
    char *tmp = NULL;
    if (!raw) {
        if (m->reread_fd < 0 && (m->reread_fd = open(file, O_RDONLY | O_CLOEXEC)) < 0) {
            sim_error(m, "cannot re-read %s: %s", file, strerror(errno));
            return -1;
        }
        if (!(tmp = polrt_realloc(NULL, r->nraw + 1)) ||
            pread(m->reread_fd, tmp, r->nraw, (off_t)r->off) != (ssize_t)r->nraw) {
            polrt_realloc(tmp, 0);
            sim_error(m, "cannot re-read %s", file);
            return -1;
        }
        raw = tmp;
    }
    fwrite(raw, 1, r->nraw, m->rejects.f);
    if (r->nraw && raw[r->nraw - 1] != '\n')
        fputc('\n', m->rejects.f);
    polrt_realloc(tmp, 0);
    return 0;
}

/* ---- persons ------------------------------------------------------------------------------- */

/* Phase 2 of a persons batch: thread t takes the rows of its partition, in file order. */
static void merge_persons(SimThread *t)
{
    Sim *m = t->sim;
    const RtSchema *s = m->s;
    char why[MSG_MAX];
    SimPerson *last = NULL; /* a person's rows come together: one lookup for them */
    uint64_t last_hash = 0;
    for (size_t bi = m->batch_first; bi < m->used_blocks; bi++) {
        Block *b = &m->blocks[bi];
        for (size_t k = 0; k < b->nrows; k++) {
            SimRow *r = &b->rows[k];
            if (r->status == ROW_EMPTY || !r->pid ||
                r->hash % (uint64_t)m->nthreads != (uint64_t)t->id)
                continue;
            SimPerson *p = last && r->hash == last_hash && strcmp(last->id, r->pid) == 0
                               ? last
                               : person_find(m, r->pid, r->npid, r->hash);
            if (!p && !(p = person_add(m, t, r->pid, r->npid, r->hash))) {
                t->oom = 1;
                return;
            }
            last = p;
            last_hash = r->hash;
            if (r->status == ROW_BAD) {
                if (!p->bad_line)
                    p->bad_line = r->line;
                continue;
            }
            if (p->line) {
                /* a later row of the same person: fields and weight must agree */
                const char *what = NULL;
                char a[64] = "", bb[64] = "";
                for (int j = 0; j < s->nperson && !what; j++) {
                    if (p->fields[j] == r->fields[j])
                        continue;
                    rt_format_value(s, &s->person[j].type, r->fields[j], a, sizeof a);
                    rt_format_value(s, &s->person[j].type, p->fields[j], bb, sizeof bb);
                    what = s->person[j].name;
                }
                if (!what && p->weight != r->weight) {
                    polrt_fmt_rate(r->weight * 100, a);
                    polrt_fmt_rate(p->weight * 100, bb);
                    a[strlen(a) - 1] = bb[strlen(bb) - 1] = '\0';
                    what = m->o->weight;
                }
                if (what) {
                    snprintf(why, sizeof why,
                             "person '%s': %s is '%s' here but '%s' on line %" PRId64, p->id, what,
                             a, bb, p->line);
                    r->status = ROW_BAD;
                    r->why = rt_pool_str(&b->arena, why, strlen(why));
                    if (!r->why)
                        r->why = "person fields differ from an earlier row";
                    if (!p->bad_line)
                        p->bad_line = r->line;
                    continue;
                }
            } else {
                p->line = r->line;
                p->weight = r->weight;
                if (s->nperson) {
                    p->fields = rt_pool_alloc(&t->pool, (size_t)s->nperson * sizeof *p->fields);
                    if (!p->fields) {
                        t->oom = 1;
                        return;
                    }
                    memcpy(p->fields, r->fields, (size_t)s->nperson * sizeof *p->fields);
                }
            }
            if (r->hvals) {
                /* spans live in the partition's pool: a person with more spans than room
                 * gets a new, doubled array (the old one stays in the pool, unused) */
                size_t w = (size_t)s->nhist;
                if (p->nspans == p->cap_spans) {
                    int64_t cap = p->cap_spans ? 2 * p->cap_spans : 1;
                    int64_t *h = rt_pool_alloc(&t->pool, (size_t)cap * w * sizeof *h + 8);
                    if (!h) {
                        t->oom = 1;
                        return;
                    }
                    if (p->nspans)
                        memcpy(h, p->hist, (size_t)p->nspans * w * sizeof *h);
                    p->hist = h;
                    p->cap_spans = cap;
                }
                memcpy(p->hist + p->nspans * s->nhist, r->hvals, w * sizeof *p->hist);
                p->nspans++;
            }
        }
    }
}

/* Read the persons file into the partitions: 0, 2 or 3 (a bad header). */
static int load_persons(Sim *m)
{
    const RtSchema *s = m->s;
    m->is_persons = 1;
    m->nf = s->nperson + s->nhist;
    m->f = polrt_realloc(NULL, (size_t)(m->nf + 1) * sizeof *m->f);
    m->col = polrt_realloc(NULL, (size_t)(m->nf + 1) * sizeof *m->col);
    if (!m->f || !m->col) {
        sim_error(m, "out of memory");
        return 2;
    }
    for (int k = 0; k < s->nperson; k++)
        m->f[k] = &s->person[k];
    for (int k = 0; k < s->nhist; k++)
        m->f[s->nperson + k] = &s->hist[k];
    if (open_input(m, m->o->persons) < 0)
        return 2;
    m->cur_rejects = m->prejects_path;
    int rc = read_header(m);
    while (rc == 0) {
        size_t first;
        if (cut_blocks(m, &first) < 0)
            return 2;
        m->batch_first = first;
        m->batch_blocks = m->used_blocks - first;
        parallel(m, TASK_PARSE_PERSONS);
        number_rows(m, first);
        parallel(m, TASK_MERGE_PERSONS);
        for (int i = 0; i < m->nthreads; i++)
            if (m->th[i].oom) {
                sim_error(m, "out of memory");
                return 2;
            }
        for (size_t bi = first; bi < m->used_blocks; bi++)
            for (size_t k = 0; k < m->blocks[bi].nrows; k++) {
                SimRow *r = &m->blocks[bi].rows[k];
                if (r->status == ROW_EMPTY)
                    m->empty_rows++;
                else if (r->status == ROW_BAD && reject_row(m, m->path, r) < 0)
                    return 2;
            }
        m->consumed = m->buf_off + (int64_t)m->complete;
        m->used_blocks = 0;
        progress(m, "reading persons");
        int got = next_batch(m);
        if (got < 0)
            return 2;
        if (got == 0)
            break;
    }
    close_input(m);
    if (rc)
        return rc;
    /* the persons' totals */
    for (int i = 0; i < m->nthreads; i++) {
        RtMap *pm = &m->th[i].persons;
        for (size_t k = 0; k < pm->cap; k++) {
            SimPerson *p = pm->slots[k];
            if (p && p->line) {
                m->res->npersons++;
                m->res->persons_w += p->weight;
            }
        }
    }
    return 0;
}

/* ---- settling one claim in one scenario (session.c's rt_settle_ctx) --------------------- */

/* the person's ledger row (ledger l, key) in scenario si, or NULL */
static int64_t *ledger_row(PState *ps, const Scen *sc, int si, int l, int64_t key)
{
    int64_t *r = ps->rows[si];
    for (size_t i = 0; i < ps->nrows[si]; i++, r += sc->stride)
        if (r[0] == l && r[1] == key)
            return r + 2;
    return NULL;
}

/* rt_settle_ctx's ledgers for a simulation: the rows kept beside the person */
typedef struct RowLoad {
    PState *ps;
    const Scen *sc;
    int si;
} RowLoad;

static int row_load(void *arg, const int64_t *keys, int64_t *before)
{
    RowLoad *l = arg;
    const RtSchema *s = l->sc->s;
    for (int k = 0; k < s->nledgers; k++) {
        const RtLedger *L = &s->ledgers[k];
        int64_t *row = ledger_row(l->ps, l->sc, l->si, k, keys[k]);
        for (int f = 0; f < L->nfields; f++)
            before[L->offset + f] = row ? row[f] : 0;
    }
    return 0;
}

/* Settle row r of person ps in scenario si: 0 with the outputs in t->outs, -1 with the
 * error in t->err_code/err_loc (t->oom set when it was memory). */
static int settle_one(SimThread *t, int si, PState *ps, const SimRow *r)
{
    const Scen *sc = &t->sim->scen[si];
    const RtSchema *s = sc->s;
    Scratch *x = &t->scr[si];
    for (int i = 0; i < s->noutputs; i++)
        x->out[i] = 0;
    for (int i = 0; i < s->nledgers; i++)
        x->keys[i] = 0;
    /* the memo must start empty; no explanation is written, so the claim settles through the
     * fast entry and rule_val, branch and pver are only its scratch */
    memset(x->rule_state, 0, (size_t)s->nrules * sizeof *x->rule_state);
    SimPerson *p = ps->p;
    PolCtx ctx = {
        .claim = r->fields,
        .person = p->fields,
        .hist = p->hist,
        .nhist = p->nspans,
        .out = x->out,
        .params = sc->e->params,
        .rule_val = x->rule_val,
        .rule_state = x->rule_state,
        .branch = x->branch,
        .pver = x->pver,
        .asof = sc->date_idx >= 0 ? r->fields[sc->date_idx] : POLRT_NONE,
        .user = sc->e->user,
    };
    RowLoad load = {ps, sc, si};
    if (rt_settle_ctx(sc->e, &ctx, x->keys, x->before, x->after, row_load, &load, 0) != 0) {
        t->err_code[si] = ctx.err_code;
        t->err_loc[si] = ctx.err_loc;
        return -1;
    }
    /* the new ledger values into the person's rows */
    for (int l = 0; l < s->nledgers; l++) {
        const RtLedger *L = &s->ledgers[l];
        int64_t *row = ledger_row(ps, sc, si, l, x->keys[l]);
        if (!row) {
            /* cap_rows counts int64s */
            if (rt_grow(&ps->rows[si], &ps->cap_rows[si], (ps->nrows[si] + 1) * (size_t)sc->stride,
                        sizeof *ps->rows[si]) < 0) {
                t->oom = 1;
                t->err_code[si] = POLRT_E_OVERFLOW;
                t->err_loc[si] = -1;
                return -1;
            }
            int64_t *nr = ps->rows[si] + ps->nrows[si]++ * (size_t)sc->stride;
            nr[0] = l;
            nr[1] = x->keys[l];
            row = nr + 2;
        }
        for (int f = 0; f < L->nfields; f++)
            row[f] = x->after[L->offset + f];
    }
    return 0;
}

/* ---- person states and accumulators ---------------------------------------------------- */

static int pstate_init(Sim *m, PState *ps)
{
    memset(ps, 0, sizeof *ps);
    size_t n = (size_t)m->nscen;
    ps->rows = polrt_realloc(NULL, n * sizeof *ps->rows);
    ps->nrows = polrt_realloc(NULL, n * sizeof *ps->nrows);
    ps->cap_rows = polrt_realloc(NULL, n * sizeof *ps->cap_rows);
    ps->sum_oop = polrt_realloc(NULL, n * sizeof *ps->sum_oop);
    ps->affected = polrt_realloc(NULL, n);
    if (!ps->rows || !ps->nrows || !ps->cap_rows || !ps->sum_oop || !ps->affected)
        return -1;
    memset(ps->rows, 0, n * sizeof *ps->rows);
    memset(ps->nrows, 0, n * sizeof *ps->nrows);
    memset(ps->cap_rows, 0, n * sizeof *ps->cap_rows);
    memset(ps->sum_oop, 0, n * sizeof *ps->sum_oop);
    memset(ps->affected, 0, n);
    return 0;
}

static void pstate_reset(Sim *m, PState *ps, SimPerson *p)
{
    ps->p = p;
    ps->has_date = 0;
    ps->nyears = 0;
    ps->nids = 0;
    rt_pool_reset(&ps->id_arena);
    for (int i = 0; i < m->nscen; i++) {
        ps->nrows[i] = 0;
        ps->sum_oop[i] = 0;
        ps->affected[i] = 0;
    }
}

static void pstate_free(Sim *m, PState *ps)
{
    for (int i = 0; ps->rows && i < m->nscen; i++)
        polrt_realloc(ps->rows[i], 0);
    polrt_realloc(ps->rows, 0);
    polrt_realloc(ps->nrows, 0);
    polrt_realloc(ps->cap_rows, 0);
    polrt_realloc(ps->sum_oop, 0);
    polrt_realloc(ps->affected, 0);
    polrt_realloc(ps->years, 0);
    polrt_realloc(ps->ids, 0);
    polrt_realloc(ps->id_hash, 0);
    rt_pool_free(&ps->id_arena);
    memset(ps, 0, sizeof *ps);
}

/* the chart bucket of a yearly own payment (fen) */
static int oop_bucket(int64_t v)
{
    static const int64_t edge[RT_SIM_NOOPB - 1] = {0,      10000,  50000,  100000,
                                                   300000, 500000, 1000000};
    int b = 0;
    while (b < RT_SIM_NOOPB - 1 && v > edge[b])
        b++;
    return b;
}

/* the histogram bucket of v (fen): exact below SIM_SUB, then SIM_SUB per power of two */
static int hist_bucket(int64_t v)
{
    if (v < SIM_SUB)
        return v < 0 ? 0 : (int)v;
    int e = 63 - __builtin_clzll((unsigned long long)v);
    int shift = e - SIM_SUB_BITS;
    if (shift > SIM_TOP_SHIFT)
        return SIM_HBUCKETS - 1;
    return (shift + 1) * SIM_SUB + (int)((v >> shift) - SIM_SUB);
}

/* the middle of histogram bucket i (fen) */
static int64_t hist_mid(int i)
{
    if (i < SIM_SUB)
        return i;
    int shift = i / SIM_SUB - 1;
    int64_t lo = (int64_t)(SIM_SUB + i % SIM_SUB) << shift;
    return lo + ((int64_t)1 << shift) / 2;
}

static int dist_to_hist(Dist *d)
{
    if (!d->hist) {
        d->hist = polrt_realloc(NULL, SIM_HBUCKETS * sizeof *d->hist);
        if (!d->hist)
            return -1;
        memset(d->hist, 0, SIM_HBUCKETS * sizeof *d->hist);
    }
    for (size_t i = 0; i < d->nvals; i++)
        d->hist[hist_bucket(d->vals[2 * i])] += d->vals[2 * i + 1];
    polrt_realloc(d->vals, 0);
    d->vals = NULL;
    d->nvals = d->cap_vals = 0;
    return 0;
}

static int dist_add(Dist *d, int64_t v, int64_t w, int capped)
{
    if (d->n == 0 || v > d->max)
        d->max = v;
    d->n++;
    d->w += w;
    d->sum += (RtWide)v * w;
    if (capped) {
        d->capped_n++;
        d->capped_w += w;
    }
    d->buckets[oop_bucket(v)] += w;
    if (!d->hist && d->n <= SIM_EXACT_MAX) {
        if (rt_grow(&d->vals, &d->cap_vals, 2 * (d->nvals + 1), sizeof *d->vals) < 0)
            return -1;
        d->vals[2 * d->nvals] = v;
        d->vals[2 * d->nvals + 1] = w;
        d->nvals++;
        return 0;
    }
    if (!d->hist && dist_to_hist(d) < 0)
        return -1;
    d->hist[hist_bucket(v)] += w;
    return 0;
}

/* the change band of a person's change in own payment (fen): more than 1,000 yuan, then
 * (100, 1000], (10, 100], (1, 10], (0, 1] yuan, each way; 0 is unchanged */
static int change_band(int64_t c)
{
    static const int64_t edge[] = {100000, 10000, 1000, 100};
    if (c == 0)
        return RT_SIM_UNCHANGED;
    int64_t a = c < 0 ? -c : c;
    int k = 0;
    while (k < 4 && a <= edge[k])
        k++;
    /* k: 0 above 1000 yuan ... 4 at most 1 yuan */
    return c < 0 ? k : RT_SIM_NBANDS - 1 - k;
}

/* Fold a finished person into thread t's accumulators. */
static int finalize(SimThread *t, PState *ps)
{
    Sim *m = t->sim;
    SimPerson *p = ps->p;
    int64_t w = p->weight;
    int ns = m->nscen, stride = 3 + 2 * ns;
    int idg = -1;
    for (int d = 0; d < m->ndims; d++)
        if (m->dims[d].person) {
            const RtSimDim *D = &m->dims[d];
            int64_t v = p->nspans > 0 ? p->hist[D->field] : POLRT_NONE;
            idg = D->first + (v == POLRT_NONE || v < 0 || v >= D->n - 1 ? D->n - 1 : (int)v);
        }
    for (size_t i = 0; i < ps->nyears; i++) {
        const int64_t *y = ps->years + i * (size_t)stride;
        int dim = (int)y[1];
        for (int si = 0; si < ns; si++) {
            int64_t oop = y[3 + si];
            int capped = (int)y[3 + ns + si];
            Dist *dd = t->acc[si].dist;
            if (dim < 0) {
                if (dist_add(&dd[0], oop, w, capped) < 0)
                    return -1;
                if (idg >= 0 && dist_add(&dd[idg], oop, w, capped) < 0)
                    return -1;
            } else if (dist_add(&dd[(int)y[2]], oop, w, capped) < 0)
                return -1;
        }
    }
    for (int si = 1; si < ns; si++) {
        Acc *a = &t->acc[si];
        int64_t change = ps->sum_oop[si] - ps->sum_oop[0];
        int band = change_band(change);
        a->band_n[band]++;
        a->band_w[band] += w;
        a->band_sum[band] += (RtWide)change * w;
        if (ps->affected[si]) {
            a->aff_persons++;
            a->aff_persons_w += w;
        }
    }
    return 0;
}

/* the index of ps's (year, dim, value) entry, created when new; -1 on memory (the array
 * may move: callers keep indices, not pointers) */
static long year_entry(Sim *m, PState *ps, int64_t year, int dim, int64_t value)
{
    int ns = m->nscen, stride = 3 + 2 * ns;
    for (size_t i = 0; i < ps->nyears; i++) {
        int64_t *y = ps->years + i * (size_t)stride;
        if (y[0] == year && y[1] == dim && y[2] == value)
            return (long)i;
    }
    if (rt_grow(&ps->years, &ps->cap_years, (ps->nyears + 1) * (size_t)stride, sizeof *ps->years) <
        0)
        return -1;
    int64_t *y = ps->years + ps->nyears * (size_t)stride;
    memset(y, 0, (size_t)stride * sizeof *y);
    y[0] = year;
    y[1] = dim;
    y[2] = value;
    return (long)ps->nyears++;
}

static void note_failure(Acc *a, const SimRow *r, int64_t code, int64_t loc)
{
    a->failed++;
    for (int i = 0; i < a->nreasons; i++) {
        RtSimReason *x = &a->reasons[i];
        if (x->code == code && x->loc == loc) {
            x->count++;
            if (r->seq < x->seq) {
                char *e = rt_strdup(r->id);
                if (e) {
                    polrt_realloc(x->example, 0);
                    x->example = e;
                    x->seq = r->seq;
                }
            }
            return;
        }
    }
    if (a->nreasons == RT_SIM_MAX_REASONS) {
        a->other_failed++;
        return;
    }
    RtSimReason *x = &a->reasons[a->nreasons++];
    memset(x, 0, sizeof *x);
    x->code = code;
    x->loc = loc;
    x->count = 1;
    x->seq = r->seq;
    x->example = rt_strdup(r->id); /* NULL (memory) only loses the example */
}

/* the calendar year of a day: from the table of 1 January days, without civil arithmetic */
static int64_t year_of(const Sim *m, int64_t day)
{
    if (day < m->jan1[0] || day >= m->jan1[RT_YEAR_MAX - RT_YEAR_MIN + 1])
        return polrt_year_of(day);
    int64_t y = (day - m->jan1[0]) * 400 / 146097;
    while (y > 0 && day < m->jan1[y])
        y--;
    while (day >= m->jan1[y + 1])
        y++;
    return RT_YEAR_MIN + y;
}

/* Settle one good claim row in every scenario and account for it. 0, or -1 (memory). */
static int settle_row(SimThread *t, PState *ps, SimRow *r)
{
    Sim *m = t->sim;
    int ns = m->nscen;
    int64_t w = ps->p->weight;
    for (int si = 0; si < ns; si++) {
        t->ok[si] = settle_one(t, si, ps, r) == 0;
        if (t->oom)
            return -1;
    }
    int64_t year = m->date_idx >= 0 && r->fields[m->date_idx] != POLRT_NONE
                       ? year_of(m, r->fields[m->date_idx])
                       : 0;
    long ent[1 + SIM_MAX_DIMS];
    int nent = 0;
    if ((ent[nent++] = year_entry(m, ps, year, -1, 0)) < 0)
        return -1;
    for (int d = 0; d < m->ndims; d++) {
        const RtSimDim *D = &m->dims[d];
        if (D->person)
            continue;
        int64_t v = r->fields[D->field];
        int g = D->first + (v == POLRT_NONE || v < 0 || v >= D->n - 1 ? D->n - 1 : (int)v);
        if ((ent[nent++] = year_entry(m, ps, year, d, g)) < 0)
            return -1;
    }
    const int64_t *base = t->outs;
    for (int si = 0; si < ns; si++) {
        const RtSimScen *rs = &m->res->scen[si];
        Acc *a = &t->acc[si];
        const int64_t *out = t->outs + (size_t)si * (size_t)m->maxout;
        int differs = t->ok[si] != t->ok[0];
        if (!t->ok[si]) {
            note_failure(a, r, t->err_code[si], t->err_loc[si]);
        } else {
            a->settled++;
            for (int k = 0; k < m->money_n; k++) {
                int o = rs->out_of[k];
                if (o < 0 || out[o] == POLRT_NONE)
                    continue;
                a->totals[k] += (RtWide)out[o] * w;
                if (si > 0 && t->ok[0] && m->res->scen[0].out_of[k] >= 0 &&
                    out[o] != base[m->res->scen[0].out_of[k]])
                    differs = 1;
            }
            int64_t oop = rs->oop >= 0 && out[rs->oop] != POLRT_NONE ? out[rs->oop] : 0;
            int capped = rs->cap >= 0 && out[rs->cap] != POLRT_NONE && out[rs->cap] > 0;
            ps->sum_oop[si] += oop;
            for (int e = 0; e < nent; e++) {
                int64_t *y = ps->years + (size_t)ent[e] * (size_t)(3 + 2 * ns);
                y[3 + si] += oop;
                if (capped)
                    y[3 + ns + si] = 1;
            }
        }
        if (si > 0 && differs) {
            a->aff_claims++;
            a->aff_claims_w += w;
            ps->affected[si] = 1;
        }
    }
    return 0;
}

/* ---- phase 2: settle the batch's rows of this thread's persons ------------------------- */

/* the person's state: the one in hand (grouped), or its own (interleaved/loaded) */
static PState *enter_person(SimThread *t, SimPerson *p)
{
    Sim *m = t->sim;
    if (m->mode == MODE_GROUPED) {
        if (t->have_cur && t->cur.p == p)
            return &t->cur;
        if (t->have_cur) {
            if (finalize(t, &t->cur) < 0)
                return NULL;
            t->cur.p->done = 1;
        }
        if (p->done) {
            /* met again after another person: the persons are interleaved */
            int want = MODE_INTERLEAVED;
            atomic_compare_exchange_strong(&m->restart, &(int){0}, want);
            t->have_cur = 0;
            return NULL;
        }
        pstate_reset(m, &t->cur, p);
        t->have_cur = 1;
        return &t->cur;
    }
    if (!p->state) {
        PState *ps = polrt_realloc(NULL, sizeof *ps);
        if (!ps || pstate_init(m, ps) < 0) {
            if (ps)
                pstate_free(m, ps);
            polrt_realloc(ps, 0);
            t->oom = 1;
            return NULL;
        }
        pstate_reset(m, ps, p);
        p->state = ps;
    }
    return p->state;
}

static void task_settle(SimThread *t)
{
    Sim *m = t->sim;
    for (size_t i = 0; i < m->norder; i++) {
        SimRow *r = m->order[i];
        if (r->status != ROW_OK || r->p->part != t->id)
            continue;
        if (atomic_load_explicit(&m->restart, memory_order_relaxed))
            return;
        PState *ps = enter_person(t, r->p);
        if (!ps) {
            if (!atomic_load(&m->restart))
                t->oom = 1;
            return;
        }
        /* date order within the person */
        if (m->date_idx >= 0) {
            int64_t d = r->fields[m->date_idx];
            if (d != POLRT_NONE && ps->has_date && d < ps->last_date) {
                atomic_compare_exchange_strong(&m->restart, &(int){0}, (int)MODE_LOADED);
                return;
            }
            if (d != POLRT_NONE && (!ps->has_date || d > ps->last_date)) {
                ps->last_date = d;
                ps->has_date = 1;
            }
        }
        /* a claim id given twice for the person is settled once */
        size_t idn = strlen(r->id);
        uint64_t ih = rt_hash_id(r->id, idn);
        int dup = 0;
        for (size_t k = 0; k < ps->nids && !dup; k++)
            dup = ps->id_hash[k] == ih && strcmp(ps->ids[k], r->id) == 0;
        if (dup) {
            r->status = ROW_DUP;
            continue;
        }
        if (rt_grow(&ps->ids, &ps->cap_ids, ps->nids + 1, sizeof *ps->ids) < 0 ||
            rt_grow(&ps->id_hash, &ps->cap_hash, ps->nids + 1, sizeof *ps->id_hash) < 0 ||
            !(ps->ids[ps->nids] = rt_pool_str(&ps->id_arena, r->id, idn))) {
            t->oom = 1;
            return;
        }
        ps->id_hash[ps->nids++] = ih;
        r->p->seen = 1;
        if (settle_row(t, ps, r) < 0) {
            t->oom = 1;
            return;
        }
    }
}

/* the end: the persons still in hand or kept are folded in */
static void task_finish(SimThread *t)
{
    Sim *m = t->sim;
    if (m->mode == MODE_GROUPED) {
        if (t->have_cur && finalize(t, &t->cur) < 0)
            t->oom = 1;
        t->have_cur = 0;
        return;
    }
    RtMap *pm = &t->persons;
    for (size_t k = 0; k < pm->cap; k++) {
        SimPerson *p = pm->slots[k];
        if (!p || !p->state)
            continue;
        if (finalize(t, p->state) < 0)
            t->oom = 1;
        pstate_free(m, p->state);
        polrt_realloc(p->state, 0);
        p->state = NULL;
    }
}

static void run_task(SimThread *t, Task task)
{
    switch (task) {
    case TASK_PARSE_PERSONS:
    case TASK_PARSE_CLAIMS: task_parse(t); break;
    case TASK_MERGE_PERSONS: merge_persons(t); break;
    case TASK_SETTLE: task_settle(t); break;
    case TASK_FINISH: task_finish(t); break;
    case TASK_NONE:
    case TASK_EXIT: break;
    }
}

/* ---- the claims pass --------------------------------------------------------------------- */

static int acc_init(Sim *m, Acc *a)
{
    memset(a, 0, sizeof *a);
    a->totals = polrt_realloc(NULL, ((size_t)m->money_n + 1) * sizeof *a->totals);
    a->dist = polrt_realloc(NULL, (size_t)m->ngroups * sizeof *a->dist);
    if (!a->totals || !a->dist)
        return -1;
    memset(a->totals, 0, ((size_t)m->money_n + 1) * sizeof *a->totals);
    memset(a->dist, 0, (size_t)m->ngroups * sizeof *a->dist);
    return 0;
}

static void acc_free(Sim *m, Acc *a)
{
    for (int k = 0; k < a->nreasons; k++)
        polrt_realloc(a->reasons[k].example, 0);
    for (int g = 0; a->dist && g < m->ngroups; g++) {
        polrt_realloc(a->dist[g].vals, 0);
        polrt_realloc(a->dist[g].hist, 0);
    }
    polrt_realloc(a->dist, 0);
    polrt_realloc(a->totals, 0);
    memset(a, 0, sizeof *a);
}

/* start over (another mode): forget every accumulated result and person state */
static int reset_results(Sim *m)
{
    for (int i = 0; i < m->nthreads; i++) {
        SimThread *t = &m->th[i];
        t->have_cur = 0;
        for (int s = 0; s < m->nscen; s++) {
            acc_free(m, &t->acc[s]);
            if (acc_init(m, &t->acc[s]) < 0)
                return -1;
        }
        RtMap *pm = &t->persons;
        for (size_t k = 0; k < pm->cap; k++) {
            SimPerson *p = pm->slots[k];
            if (!p)
                continue;
            p->done = p->seen = 0;
            if (p->state) {
                pstate_free(m, p->state);
                polrt_realloc(p->state, 0);
                p->state = NULL;
            }
        }
    }
    return 0;
}

/* persons made from claim rows when there is no persons file (main thread) */
static int resolve_persons(Sim *m, size_t first)
{
    for (size_t bi = first; bi < m->used_blocks; bi++) {
        Block *b = &m->blocks[bi];
        for (size_t k = 0; k < b->nrows; k++) {
            SimRow *r = &b->rows[k];
            if (r->status != ROW_OK || r->p)
                continue;
            SimPerson *p = person_find(m, r->pid, r->npid, r->hash);
            if (!p)
                p = person_add(m, &m->th[r->hash % (uint64_t)m->nthreads], r->pid, r->npid,
                               r->hash);
            if (!p)
                return -1;
            r->p = p;
        }
    }
    return 0;
}

/* sort key of the loaded mode: person, then date, then file order */
typedef struct SortKey {
    int64_t person, date, seq;
    SimRow *r;
} SortKey;

static int key_cmp(const void *a, const void *b)
{
    const SortKey *x = a, *y = b;
    if (x->person != y->person)
        return x->person < y->person ? -1 : 1;
    if (x->date != y->date)
        return x->date < y->date ? -1 : 1;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

/* rows of blocks [first, used) in file order into m->order */
static int order_blocks(Sim *m, size_t first)
{
    size_t n = 0;
    for (size_t bi = first; bi < m->used_blocks; bi++)
        n += m->blocks[bi].nrows;
    if (rt_grow(&m->order, &m->cap_order, n + 1, sizeof *m->order) < 0)
        return -1;
    m->norder = 0;
    for (size_t bi = first; bi < m->used_blocks; bi++)
        for (size_t k = 0; k < m->blocks[bi].nrows; k++)
            m->order[m->norder++] = &m->blocks[bi].rows[k];
    return 0;
}

/* the rejected rows of blocks [first, used) to stderr and the rejects file, in file order */
static int reject_blocks(Sim *m, size_t first)
{
    for (size_t bi = first; bi < m->used_blocks; bi++)
        for (size_t k = 0; k < m->blocks[bi].nrows; k++) {
            SimRow *r = &m->blocks[bi].rows[k];
            if (r->status == ROW_EMPTY)
                m->empty_rows++;
            if (r->status == ROW_DUP) {
                char why[MSG_MAX];
                snprintf(why, sizeof why, "duplicate claim id '%s'", r->id);
                r->why = rt_pool_str(&m->blocks[bi].arena, why, strlen(why));
                if (!r->why)
                    r->why = "duplicate claim id";
            }
            if ((r->status == ROW_BAD || r->status == ROW_DUP) &&
                reject_row(m, m->o->claims, r) < 0)
                return -1;
            if (r->status == ROW_OK)
                m->res->nclaims++;
        }
    return 0;
}

static int check_threads(Sim *m)
{
    for (int i = 0; i < m->nthreads; i++)
        if (m->th[i].oom) {
            sim_error(m, "out of memory");
            return -1;
        }
    return 0;
}

/* One pass over the claims in the current mode: 0 done, 1 start over (m->restart), 2 error,
 * 3 a bad header. */
static int claims_pass(Sim *m)
{
    const RtSchema *s = m->s;
    m->is_persons = 0;
    m->nf = s->nclaim;
    polrt_realloc(m->f, 0);
    polrt_realloc(m->col, 0);
    m->f = polrt_realloc(NULL, (size_t)(m->nf + 1) * sizeof *m->f);
    m->col = polrt_realloc(NULL, (size_t)(m->nf + 1) * sizeof *m->col);
    if (!m->f || !m->col) {
        sim_error(m, "out of memory");
        return 2;
    }
    for (int k = 0; k < s->nclaim; k++)
        m->f[k] = &s->claim[k];
    if (open_input(m, m->o->claims) < 0)
        return 2;
    m->cur_rejects = m->rejects_path;
    int rc = read_header(m);
    if (rc) {
        close_input(m);
        return rc;
    }
    m->used_blocks = 0;
    m->res->nclaims = 0;
    m->rejected = m->empty_rows = 0;
    if (m->rejects.f)
        rt_out_abort(&m->rejects);
    int loaded = m->mode == MODE_LOADED;
    for (;;) {
        size_t first;
        if (cut_blocks(m, &first) < 0)
            goto fail;
        m->batch_first = first;
        m->batch_blocks = m->used_blocks - first;
        parallel(m, TASK_PARSE_CLAIMS);
        if (check_threads(m) < 0)
            goto fail;
        number_rows(m, first);
        if (!m->o->persons && resolve_persons(m, first) < 0) {
            sim_error(m, "out of memory");
            goto fail;
        }
        if (loaded) {
            /* keep the rows: their bytes for the rejects file move into the block */
            for (size_t bi = first; bi < m->used_blocks; bi++)
                for (size_t k = 0; k < m->blocks[bi].nrows; k++) {
                    SimRow *r = &m->blocks[bi].rows[k];
                    if (r->status != ROW_BAD)
                        r->raw = NULL; /* the buffer moves on: read again if rejected */
                    else if (!(r->raw = rt_pool_str(&m->blocks[bi].arena, r->raw, r->nraw))) {
                        sim_error(m, "out of memory");
                        goto fail;
                    }
                }
        } else {
            if (order_blocks(m, first) < 0) {
                sim_error(m, "out of memory");
                goto fail;
            }
            parallel(m, TASK_SETTLE);
            if (check_threads(m) < 0)
                goto fail;
            if (atomic_load(&m->restart)) {
                close_input(m);
                return 1;
            }
            if (reject_blocks(m, first) < 0)
                goto fail;
            m->used_blocks = 0;
        }
        m->consumed = m->buf_off + (int64_t)m->complete;
        progress(m, loaded ? "loading claims" : "simulating");
        int got = next_batch(m);
        if (got < 0)
            goto fail;
        if (got == 0)
            break;
    }
    close_input(m);
    if (loaded) {
        /* every good row, sorted by person, date and file order, settled in one go */
        size_t n = 0;
        for (size_t bi = 0; bi < m->used_blocks; bi++)
            for (size_t k = 0; k < m->blocks[bi].nrows; k++)
                n += m->blocks[bi].rows[k].status == ROW_OK;
        SortKey *keys = polrt_realloc(NULL, (n + 1) * sizeof *keys);
        if (!keys || rt_grow(&m->order, &m->cap_order, n + 1, sizeof *m->order) < 0) {
            polrt_realloc(keys, 0);
            sim_error(m, "out of memory");
            return 2;
        }
        size_t j = 0;
        for (size_t bi = 0; bi < m->used_blocks; bi++)
            for (size_t k = 0; k < m->blocks[bi].nrows; k++) {
                SimRow *r = &m->blocks[bi].rows[k];
                if (r->status != ROW_OK)
                    continue;
                int64_t d = m->date_idx >= 0 ? r->fields[m->date_idx] : 0;
                keys[j++] = (SortKey){r->p->ord, d == POLRT_NONE ? INT64_MIN : d, r->seq, r};
            }
        qsort(keys, n, sizeof *keys, key_cmp);
        for (size_t i = 0; i < n; i++)
            m->order[i] = keys[i].r;
        m->norder = n;
        polrt_realloc(keys, 0);
        parallel(m, TASK_SETTLE);
        if (check_threads(m) < 0)
            return 2;
        if (reject_blocks(m, 0) < 0)
            return 2;
        m->used_blocks = 0;
    }
    parallel(m, TASK_FINISH);
    if (check_threads(m) < 0)
        return 2;
    return 0;
fail:
    close_input(m);
    return 2;
}

/* ---- set-up, results and polrt_sim_run ----------------------------------------------------- */

/* Scenarios must read the same data: the base's columns are parsed once for all of them. */
static int same_fields(const RtSchema *a, const RtField *fa, int na, const RtSchema *b,
                       const RtField *fb, int nb, char *why, size_t len)
{
    if (na != nb) {
        snprintf(why, len, "%d fields instead of %d", nb, na);
        return -1;
    }
    for (int i = 0; i < na; i++) {
        const RtType *x = &fa[i].type, *y = &fb[i].type;
        int same = strcmp(fa[i].name, fb[i].name) == 0 && x->kind == y->kind &&
                   x->optional == y->optional && (x->kind != RT_DURATION || x->unit == y->unit);
        if (same && x->kind == RT_ENUM) {
            const RtEnum *ea = &a->enums[x->enum_idx], *eb = &b->enums[y->enum_idx];
            same = ea->n == eb->n;
            for (int k = 0; same && k < ea->n; k++)
                same = strcmp(ea->names[k], eb->names[k]) == 0;
        }
        if (same && (fa[i].has_default != fb[i].has_default ||
                     (fa[i].has_default && fa[i].def != fb[i].def)))
            same = 0;
        if (!same) {
            snprintf(why, len, "field '%s' differs from the base's '%s'", fb[i].name, fa[i].name);
            return -1;
        }
    }
    return 0;
}

static int output_index(const RtSchema *s, const char *name)
{
    for (int i = 0; i < s->noutputs; i++)
        if (strcmp(s->outputs[i].name, name) == 0)
            return i;
    return -1;
}

/* the first money output whose name contains one of words, or -1 */
static int output_like(const RtSchema *s, const char *const *words)
{
    for (int i = 0; i < s->noutputs; i++)
        for (int k = 0; words[k]; k++)
            if (s->outputs[i].type.kind == RT_MONEY && strstr(s->outputs[i].name, words[k]))
                return i;
    return -1;
}

/* an output named by an option: it must exist and be money; -1 with a message */
static int named_output(Sim *m, const char *opt, const char *name)
{
    const RtSchema *s = m->s;
    int i = output_index(s, name);
    if (i >= 0 && s->outputs[i].type.kind == RT_MONEY)
        return i;
    char list[MSG_MAX] = "";
    size_t k = 0;
    for (int j = 0; j < s->noutputs && k < sizeof list - 64; j++)
        if (s->outputs[j].type.kind == RT_MONEY)
            k += (size_t)snprintf(list + k, sizeof list - k, "%s%s", k ? ", " : "",
                                  s->outputs[j].name);
    sim_error(m, "%s %s: the policy has no money output '%s' (its money outputs: %s)", opt, name,
              name, k ? list : "none");
    return -2;
}

/* The breakdown: the --by claim fields (default "level" when the policy has it) and the
 * person's first identity (the first enum field of the history). */
static int set_dims(Sim *m)
{
    const RtSchema *s = m->s;
    PolSim *res = m->res;
    static const char *const dflt[] = {"level"};
    const char *const *by = m->o->by ? m->o->by : dflt;
    int nby = m->o->by ? m->o->nby : 1;
    if (nby > SIM_MAX_DIMS) {
        sim_error(m, "--by: at most %d fields", SIM_MAX_DIMS);
        return -2;
    }
    m->dims = polrt_realloc(NULL, (size_t)(nby + 2) * sizeof *m->dims);
    if (!m->dims)
        return -1;
    res->dims = m->dims; /* the results own it from here, errors or not */
    m->ndims = 0;
    m->ngroups = 1;
    for (int i = 0; i < nby; i++) {
        int f = rt_schema_field(s->claim, s->nclaim, by[i]);
        const RtType *t = f >= 0 ? &s->claim[f].type : NULL;
        if (!t || (t->kind != RT_ENUM && t->kind != RT_BOOL)) {
            if (!m->o->by)
                continue;
            sim_error(m, "--by %s: %s", by[i],
                      t ? "not an enum or bool claim field"
                        : "the policy has no claim field of that name");
            return -2;
        }
        RtSimDim *d = &m->dims[m->ndims++];
        d->name = s->claim[f].name;
        d->person = 0;
        d->field = f;
        d->first = m->ngroups;
        d->n = (t->kind == RT_ENUM ? s->enums[t->enum_idx].n : 2) + 1;
        m->ngroups += d->n;
    }
    for (int f = 0; f < s->nhist; f++)
        if (s->hist[f].type.kind == RT_ENUM) {
            RtSimDim *d = &m->dims[m->ndims++];
            d->name = s->hist[f].name;
            d->person = 1;
            d->field = f;
            d->first = m->ngroups;
            d->n = s->enums[s->hist[f].type.enum_idx].n + 1;
            m->ngroups += d->n;
            break;
        }
    res->ndims = m->ndims;
    res->dims = m->dims;
    res->ngroups = m->ngroups;
    size_t ng = (size_t)m->ngroups;
    res->group_name = polrt_realloc(NULL, ng * sizeof *res->group_name);
    res->group_label = polrt_realloc(NULL, ng * sizeof *res->group_label);
    res->group_dim = polrt_realloc(NULL, ng * sizeof *res->group_dim);
    if (!res->group_name || !res->group_label || !res->group_dim)
        return -1;
    memset(res->group_name, 0, ng * sizeof *res->group_name);
    memset(res->group_label, 0, ng * sizeof *res->group_label);
    res->group_name[0] = rt_strdup("all");
    res->group_dim[0] = -1;
    for (int d = 0; d < m->ndims; d++) {
        const RtSimDim *D = &m->dims[d];
        const RtType *t = D->person ? &s->hist[D->field].type : &s->claim[D->field].type;
        for (int k = 0; k < D->n; k++) {
            int g = D->first + k;
            res->group_dim[g] = d;
            const char *name = k == D->n - 1        ? "(none)"
                               : t->kind == RT_BOOL ? (k ? "true" : "false")
                                                    : s->enums[t->enum_idx].names[k];
            const char *label = k < D->n - 1 && t->kind == RT_ENUM && s->enums[t->enum_idx].labels
                                    ? s->enums[t->enum_idx].labels[k]
                                    : NULL;
            res->group_name[g] = rt_strdup(name);
            res->group_label[g] = label ? rt_strdup(label) : NULL;
            if (!res->group_name[g] || (label && !res->group_label[g]))
                return -1;
        }
    }
    return 0;
}

static int thread_init(Sim *m, SimThread *t, int id)
{
    memset(t, 0, sizeof *t);
    t->sim = m;
    t->id = id;
    size_t ns = (size_t)m->nscen;
    t->scr = polrt_realloc(NULL, ns * sizeof *t->scr);
    t->acc = polrt_realloc(NULL, ns * sizeof *t->acc);
    t->outs = polrt_realloc(NULL, (ns * (size_t)m->maxout + 1) * sizeof *t->outs);
    t->ok = polrt_realloc(NULL, ns * sizeof *t->ok);
    t->err_code = polrt_realloc(NULL, ns * sizeof *t->err_code);
    t->err_loc = polrt_realloc(NULL, ns * sizeof *t->err_loc);
    t->chk_pver = polrt_realloc(NULL, ((size_t)m->s->nparams + 1) * sizeof *t->chk_pver);
    if (!t->scr || !t->acc || !t->outs || !t->ok || !t->err_code || !t->err_loc || !t->chk_pver)
        return -1;
    memset(t->scr, 0, ns * sizeof *t->scr);
    memset(t->acc, 0, ns * sizeof *t->acc);
    for (size_t i = 0; i < ns; i++) {
        const RtSchema *s = m->scen[i].s;
        Scratch *x = &t->scr[i];
        size_t n = (size_t)s->nledgers + 2 * (size_t)s->nledger_fields + (size_t)s->noutputs +
                   3 * (size_t)s->nrules + (size_t)s->nparams + 1;
        if (!(x->mem = polrt_realloc(NULL, n * sizeof *x->mem)))
            return -1;
        memset(x->mem, 0, n * sizeof *x->mem);
        x->keys = x->mem;
        x->before = x->keys + s->nledgers;
        x->after = x->before + s->nledger_fields;
        x->out = t->outs + i * (size_t)m->maxout; /* the claim's outputs, read in place */
        x->rule_val = x->after + s->nledger_fields;
        x->rule_state = x->rule_val + s->nrules;
        x->branch = x->rule_state + s->nrules;
        x->pver = x->branch + s->nrules;
        if (acc_init(m, &t->acc[i]) < 0)
            return -1;
    }
    return pstate_init(m, &t->cur);
}

static void thread_free(Sim *m, SimThread *t)
{
    cells_free(&t->cells);
    for (int i = 0; t->scr && i < m->nscen; i++)
        polrt_realloc(t->scr[i].mem, 0);
    for (int i = 0; t->acc && i < m->nscen; i++)
        acc_free(m, &t->acc[i]);
    polrt_realloc(t->scr, 0);
    polrt_realloc(t->acc, 0);
    polrt_realloc(t->outs, 0);
    polrt_realloc(t->ok, 0);
    polrt_realloc(t->err_code, 0);
    polrt_realloc(t->err_loc, 0);
    polrt_realloc(t->chk_pver, 0);
    pstate_free(m, &t->cur);
    RtMap *pm = &t->persons;
    for (size_t k = 0; k < pm->cap; k++) {
        SimPerson *p = pm->slots[k];
        if (!p)
            continue;
        if (p->state) {
            pstate_free(m, p->state);
            polrt_realloc(p->state, 0);
        }
    }
    rt_map_free(pm);
    rt_pool_free(&t->pool);
}

/* weighted nearest-rank percentile q (of 100) over sorted (value, weight) pairs */
static int64_t percentile_exact(const int64_t *vw, size_t n, int64_t wsum, int q)
{
    if (n == 0)
        return 0;
    int64_t target = (int64_t)(((RtWide)wsum * q + 99) / 100), acc = 0;
    for (size_t i = 0; i < n; i++) {
        acc += vw[2 * i + 1];
        if (acc >= target && acc > 0)
            return vw[2 * i];
    }
    return vw[2 * (n - 1)];
}

static int64_t percentile_hist(const int64_t *h, int64_t wsum, int q)
{
    int64_t target = (int64_t)(((RtWide)wsum * q + 99) / 100), acc = 0;
    int last = 0;
    for (int i = 0; i < SIM_HBUCKETS; i++) {
        if (!h[i])
            continue;
        last = i;
        acc += h[i];
        if (acc >= target && acc > 0)
            return hist_mid(i);
    }
    return hist_mid(last);
}

static int vw_cmp(const void *a, const void *b)
{
    const int64_t *x = a, *y = b;
    if (x[0] != y[0])
        return x[0] < y[0] ? -1 : 1;
    return (x[1] > y[1]) - (x[1] < y[1]);
}

/* Σ w v / Σ w, rounded half away from zero */
static int64_t wide_div(RtWide num, int64_t den)
{
    if (den == 0)
        return 0;
    RtWide q = num / den, r = num % den;
    if ((r < 0 ? -r : r) * 2 >= den)
        q += num < 0 ? -1 : 1;
    return (int64_t)q;
}

/* merge group g of scenario si over the threads */
static int merge_dist(Sim *m, int si, int g, RtSimStat *st)
{
    memset(st, 0, sizeof *st);
    size_t nv = 0;
    int hist = 0;
    for (int i = 0; i < m->nthreads; i++) {
        const Dist *d = &m->th[i].acc[si].dist[g];
        if (d->n && (st->n == 0 || d->max > st->max))
            st->max = d->max;
        st->n += d->n;
        st->w += d->w;
        st->capped_n += d->capped_n;
        st->capped_w += d->capped_w;
        st->sum += d->sum;
        for (int b = 0; b < RT_SIM_NOOPB; b++)
            st->buckets[b] += d->buckets[b];
        nv += d->nvals;
        hist |= d->hist != NULL;
    }
    st->mean = wide_div(st->sum, st->w);
    if (st->n == 0)
        return 0;
    if (!hist && st->n <= SIM_EXACT_MAX) {
        int64_t *vw = polrt_realloc(NULL, 2 * nv * sizeof *vw);
        if (!vw)
            return -1;
        size_t k = 0;
        for (int i = 0; i < m->nthreads; i++) {
            const Dist *d = &m->th[i].acc[si].dist[g];
            if (d->nvals)
                memcpy(vw + 2 * k, d->vals, 2 * d->nvals * sizeof *vw);
            k += d->nvals;
        }
        qsort(vw, nv, 2 * sizeof *vw, vw_cmp);
        st->p50 = percentile_exact(vw, nv, st->w, 50);
        st->p90 = percentile_exact(vw, nv, st->w, 90);
        st->p99 = percentile_exact(vw, nv, st->w, 99);
        polrt_realloc(vw, 0);
        return 0;
    }
    int64_t *h = polrt_realloc(NULL, SIM_HBUCKETS * sizeof *h);
    if (!h)
        return -1;
    memset(h, 0, SIM_HBUCKETS * sizeof *h);
    for (int i = 0; i < m->nthreads; i++) {
        const Dist *d = &m->th[i].acc[si].dist[g];
        for (size_t k = 0; k < d->nvals; k++)
            h[hist_bucket(d->vals[2 * k])] += d->vals[2 * k + 1];
        if (d->hist)
            for (int b = 0; b < SIM_HBUCKETS; b++)
                h[b] += d->hist[b];
    }
    st->p50 = percentile_hist(h, st->w, 50);
    st->p90 = percentile_hist(h, st->w, 90);
    st->p99 = percentile_hist(h, st->w, 99);
    if (st->p99 > st->max)
        st->p99 = st->max;
    if (st->p90 > st->max)
        st->p90 = st->max;
    if (st->p50 > st->max)
        st->p50 = st->max;
    st->approx = 1;
    polrt_realloc(h, 0);
    return 0;
}

/* a failure's words: the validity window, or the policy's place */
static char *reason_text(const RtSchema *s, int64_t code, int64_t loc)
{
    char buf[MSG_MAX];
    if (code == POLRT_E_NOVERSION && loc < 0) {
        char a[32], b[32];
        snprintf(buf, sizeof buf, "dated outside the policy's validity (%s to %s)",
                 s->valid_from != POLRT_NONE ? polrt_fmt_date(s->valid_from, a) : "...",
                 s->valid_to != POLRT_NONE ? polrt_fmt_date(s->valid_to, b) : "open");
    } else
        rt_err_describe(s, code, loc, buf, sizeof buf);
    return rt_strdup(buf);
}

/* Everything the threads accumulated, into m->res. */
static int merge_results(Sim *m)
{
    PolSim *res = m->res;
    for (int si = 0; si < m->nscen; si++) {
        RtSimScen *rs = &res->scen[si];
        for (int i = 0; i < m->nthreads; i++) {
            const Acc *a = &m->th[i].acc[si];
            for (int k = 0; k < m->money_n; k++)
                rs->totals[k] += a->totals[k];
            rs->settled += a->settled;
            rs->failed += a->failed;
            rs->aff_claims += a->aff_claims;
            rs->aff_claims_w += a->aff_claims_w;
            rs->aff_persons += a->aff_persons;
            rs->aff_persons_w += a->aff_persons_w;
            for (int b = 0; b < RT_SIM_NBANDS; b++) {
                rs->band_n[b] += a->band_n[b];
                rs->band_w[b] += a->band_w[b];
                rs->band_sum[b] += a->band_sum[b];
            }
            rs->other_failed += a->other_failed;
            for (int k = 0; k < a->nreasons; k++) {
                const RtSimReason *x = &a->reasons[k];
                int j = 0;
                while (j < rs->nreasons &&
                       (rs->reasons[j].code != x->code || rs->reasons[j].loc != x->loc))
                    j++;
                if (j == rs->nreasons) {
                    if (rs->nreasons == RT_SIM_MAX_REASONS) {
                        rs->other_failed += x->count;
                        continue;
                    }
                    RtSimReason *y = &rs->reasons[rs->nreasons++];
                    *y = *x;
                    y->count = 0;
                    y->example = NULL;
                    y->seq = INT64_MAX;
                    if (!(y->text = reason_text(rs->s, x->code, x->loc)))
                        return -1;
                }
                RtSimReason *y = &rs->reasons[j];
                y->count += x->count;
                if (x->seq < y->seq) {
                    y->seq = x->seq;
                    polrt_realloc(y->example, 0);
                    if (!(y->example = rt_strdup(x->example ? x->example : "?")))
                        return -1;
                }
            }
        }
        /* reasons by count, then by the example's place, for a stable report */
        for (int i = 1; i < rs->nreasons; i++)
            for (int j = i; j > 0; j--) {
                RtSimReason *a = &rs->reasons[j - 1], *b = &rs->reasons[j];
                if (a->count > b->count || (a->count == b->count && a->seq < b->seq))
                    break;
                RtSimReason tmp = *a;
                *a = *b;
                *b = tmp;
            }
        for (int g = 0; g < m->ngroups; g++)
            if (merge_dist(m, si, g, &rs->groups[g]) < 0)
                return -1;
    }
    for (int i = 0; i < m->nthreads; i++) {
        RtMap *pm = &m->th[i].persons;
        for (size_t k = 0; k < pm->cap; k++) {
            SimPerson *p = pm->slots[k];
            if (p && p->seen) {
                res->claim_persons++;
                res->claim_persons_w += p->weight;
            }
        }
    }
    return 0;
}

/* the scenarios' layout in m and in the results; -1 (memory), -2 (usage, m->err) */
static int set_scenarios(Sim *m, const PolSimScenario *sc, int n)
{
    PolSim *res = m->res;
    const RtSchema *s = m->s;
    char why[MSG_MAX];
    m->scen = polrt_realloc(NULL, (size_t)n * sizeof *m->scen);
    res->scen = polrt_realloc(NULL, (size_t)n * sizeof *res->scen);
    if (!m->scen || !res->scen)
        return -1;
    memset(res->scen, 0, (size_t)n * sizeof *res->scen);
    res->nscen = m->nscen = n;
    /* the compared outputs: the base's money outputs */
    m->money = polrt_realloc(NULL, ((size_t)s->noutputs + 1) * sizeof *m->money);
    if (!m->money)
        return -1;
    m->money_n = 0;
    for (int i = 0; i < s->noutputs; i++)
        if (s->outputs[i].type.kind == RT_MONEY)
            m->money[m->money_n++] = i;
    res->money = m->money;
    res->nmoney = m->money_n;
    static const char *const oop_words[] = {"patient", "own", NULL};
    static const char *const cap_words[] = {"backstop", "cap", NULL};
    res->oop = m->o->oop ? named_output(m, "--oop", m->o->oop) : output_like(s, oop_words);
    res->cap = m->o->cap ? named_output(m, "--cap", m->o->cap) : output_like(s, cap_words);
    if (res->oop == -2 || res->cap == -2)
        return -2;
    m->maxout = 1;
    for (int i = 0; i < n; i++) {
        Scen *x = &m->scen[i];
        RtSimScen *rs = &res->scen[i];
        x->in = &sc[i];
        x->e = sc[i].engine;
        x->s = rt_engine_schema(x->e);
        const RtSchema *t = x->s;
        if (i > 0 &&
            (same_fields(s, s->claim, s->nclaim, t, t->claim, t->nclaim, why, sizeof why) < 0 ||
             same_fields(s, s->person, s->nperson, t, t->person, t->nperson, why, sizeof why) < 0 ||
             same_fields(s, s->hist, s->nhist, t, t->hist, t->nhist, why, sizeof why) < 0)) {
            sim_error(m, "scenario '%s' reads other data than the base: %s", sc[i].name, why);
            return -2;
        }
        x->date_idx = t->claim_date ? rt_schema_field(t->claim, t->nclaim, t->claim_date) : -1;
        int widest = 1;
        for (int l = 0; l < t->nledgers; l++)
            if (t->ledgers[l].nfields > widest)
                widest = t->ledgers[l].nfields;
        x->stride = 2 + widest;
        if (t->noutputs > m->maxout)
            m->maxout = t->noutputs;
        rs->name = sc[i].name;
        rs->source = sc[i].source;
        rs->x = sc[i].x;
        rs->x_text = sc[i].x_text;
        rs->s = t;
        rs->out_of = polrt_realloc(NULL, ((size_t)m->money_n + 1) * sizeof *rs->out_of);
        rs->totals = polrt_realloc(NULL, ((size_t)m->money_n + 1) * sizeof *rs->totals);
        rs->groups = polrt_realloc(NULL, (size_t)m->ngroups * sizeof *rs->groups);
        if (!rs->out_of || !rs->totals || !rs->groups)
            return -1;
        memset(rs->totals, 0, ((size_t)m->money_n + 1) * sizeof *rs->totals);
        memset(rs->groups, 0, (size_t)m->ngroups * sizeof *rs->groups);
        for (int k = 0; k < m->money_n; k++) {
            int o = output_index(t, s->outputs[m->money[k]].name);
            rs->out_of[k] = o >= 0 && t->outputs[o].type.kind == RT_MONEY ? o : -1;
        }
        rs->oop = res->oop >= 0 ? output_index(t, s->outputs[res->oop].name) : -1;
        rs->cap = res->cap >= 0 ? output_index(t, s->outputs[res->cap].name) : -1;
    }
    m->date_idx = m->scen[0].date_idx;
    return 0;
}

/* the byte lengths of the base's enum names and labels, for fast_value */
static int enum_lengths(Sim *m)
{
    const RtSchema *s = m->s;
    m->enum_len = polrt_realloc(NULL, ((size_t)s->nenums + 1) * sizeof *m->enum_len);
    if (!m->enum_len)
        return -1;
    memset(m->enum_len, 0, ((size_t)s->nenums + 1) * sizeof *m->enum_len);
    for (int e = 0; e < s->nenums; e++) {
        const RtEnum *en = &s->enums[e];
        size_t *l = polrt_realloc(NULL, (2 * (size_t)en->n + 1) * sizeof *l);
        if (!(m->enum_len[e] = l))
            return -1;
        for (int i = 0; i < en->n; i++) {
            l[i] = strlen(en->names[i]);
            l[en->n + i] = en->labels && en->labels[i] ? strlen(en->labels[i]) : 0;
        }
    }
    return 0;
}

/* Without a persons file every person has the declared defaults and no history. */
static int persons_optional(Sim *m)
{
    const RtSchema *s = m->s;
    for (int k = 0; k < s->nperson; k++)
        if (!s->person[k].has_default && !s->person[k].type.optional) {
            sim_error(m, "the policy's person field '%s' has no default: give --persons",
                      s->person[k].name);
            return -1;
        }
    if (s->nhist) {
        sim_error(m, "the policy reads an identity history ('%s', ...): give --persons",
                  s->hist[0].name);
        return -1;
    }
    m->defaults = polrt_realloc(NULL, ((size_t)s->nperson + 1) * sizeof *m->defaults);
    if (!m->defaults) {
        sim_error(m, "out of memory");
        return -1;
    }
    for (int k = 0; k < s->nperson; k++)
        m->defaults[k] = s->person[k].has_default ? s->person[k].def : POLRT_NONE;
    return 0;
}

static void sim_cleanup(Sim *m)
{
    if (m->th) {
        if (m->nthreads > 1) {
            pthread_mutex_lock(&m->mu);
            m->task = TASK_EXIT;
            m->generation++;
            pthread_cond_broadcast(&m->go);
            pthread_mutex_unlock(&m->mu);
            for (int i = 1; i < m->nthreads; i++)
                if (m->th[i].started)
                    pthread_join(m->th[i].th, NULL);
        }
        for (int i = 0; i < m->nthreads; i++)
            thread_free(m, &m->th[i]);
        polrt_realloc(m->th, 0);
    }
    for (size_t i = 0; i < m->nblocks; i++) {
        polrt_realloc(m->blocks[i].rows, 0);
        rt_pool_free(&m->blocks[i].arena);
    }
    polrt_realloc(m->blocks, 0);
    for (int i = 0; m->hdr && i < m->ncols; i++)
        polrt_realloc(m->hdr[i], 0);
    polrt_realloc(m->hdr, 0);
    polrt_realloc(m->f, 0);
    polrt_realloc(m->col, 0);
    polrt_realloc(m->buf, 0);
    polrt_realloc(m->order, 0);
    polrt_realloc(m->scen, 0);
    polrt_realloc(m->defaults, 0);
    for (int e = 0; m->enum_len && e < m->s->nenums; e++)
        polrt_realloc(m->enum_len[e], 0);
    polrt_realloc(m->enum_len, 0);
    polrt_realloc(m->hdr_raw, 0);
    polrt_realloc(m->prejects_path, 0);
    rt_out_abort(&m->rejects);
    close_input(m);
    if (m->reread_fd >= 0)
        close(m->reread_fd);
    pthread_mutex_destroy(&m->mu);
    pthread_cond_destroy(&m->go);
    pthread_cond_destroy(&m->done);
}

POLRT_API void polrt_sim_free(PolSim *r)
{
    if (!r)
        return;
    for (int i = 0; r->scen && i < r->nscen; i++) {
        RtSimScen *s = &r->scen[i];
        polrt_realloc(s->out_of, 0);
        polrt_realloc(s->totals, 0);
        polrt_realloc(s->groups, 0);
        for (int k = 0; k < s->nreasons; k++) {
            polrt_realloc(s->reasons[k].example, 0);
            polrt_realloc(s->reasons[k].text, 0);
        }
    }
    polrt_realloc(r->scen, 0);
    for (int g = 0; g < r->ngroups; g++) {
        if (r->group_name)
            polrt_realloc(r->group_name[g], 0);
        if (r->group_label)
            polrt_realloc(r->group_label[g], 0);
    }
    polrt_realloc(r->group_name, 0);
    polrt_realloc(r->group_label, 0);
    polrt_realloc(r->group_dim, 0);
    polrt_realloc(r->dims, 0);
    polrt_realloc(r->money, 0);
    polrt_realloc(r, 0);
}

POLRT_API int polrt_sim_run(const PolSimScenario *sc, int n, const PolSimOpts *o, PolSim **out)
{
    if (out)
        *out = NULL;
    if (!sc || n < 1 || !o || !o->claims) {
        fprintf(stderr, "polc: simulate needs a base scenario and a claims file\n");
        return 2;
    }
    int64_t t0 = rt_now_ns();
    Sim sim = {0}, *m = &sim;
    m->o = o;
    m->fd = -1;
    m->s = rt_engine_schema(sc[0].engine);
    m->nthreads = o->threads < 1 ? 1 : o->threads > SIM_MAX_THREADS ? SIM_MAX_THREADS : o->threads;
    m->progress = o->progress == 1 || (o->progress < 0 && isatty(2));
    m->t0 = t0;
    for (int y = RT_YEAR_MIN; y <= RT_YEAR_MAX + 1; y++)
        m->jan1[y - RT_YEAR_MIN] = polrt_days_from_civil(y, 1, 1);
    m->rejects_path = o->rejects ? o->rejects : "rejects.csv";
    m->reread_fd = -1;
    {
        /* persons rows go beside: "x.rejects.csv" -> "x.rejects.persons.csv" */
        size_t len = strlen(m->rejects_path);
        if (len >= 4 && strcmp(m->rejects_path + len - 4, ".csv") == 0)
            len -= 4;
        if ((m->prejects_path = polrt_realloc(NULL, len + sizeof ".persons.csv"))) {
            memcpy(m->prejects_path, m->rejects_path, len);
            memcpy(m->prejects_path + len, ".persons.csv", sizeof ".persons.csv");
        }
    }
    pthread_mutex_init(&m->mu, NULL);
    pthread_cond_init(&m->go, NULL);
    pthread_cond_init(&m->done, NULL);
    int rc = 2;
    PolSim *res = polrt_realloc(NULL, sizeof *res);
    if (!res || !m->prejects_path) {
        polrt_realloc(res, 0);
        fprintf(stderr, "polc: out of memory\n");
        sim_cleanup(m);
        return 2;
    }
    memset(res, 0, sizeof *res);
    m->res = res;
    res->base = m->s;
    res->threads = m->nthreads;
    res->weighted = o->weight != NULL;
    res->weight_col = o->weight;
    res->claims_path = o->claims;
    res->persons_path = o->persons;
    res->rejects_path = m->rejects_path;
    res->sweep = o->sweep;
    int k = set_dims(m);
    if (k == 0)
        k = set_scenarios(m, sc, n);
    if (k == 0 && enum_lengths(m) < 0)
        k = -1;
    if (k == -1)
        sim_error(m, "out of memory");
    if (k < 0)
        goto done;
    if (rt_engine_can_check(sc[0].engine, m->err, sizeof m->err) != 0) {
        m->failed = 1;
        goto done;
    }
    m->cap = SIM_BATCH;
    m->buf = polrt_realloc(NULL, m->cap);
    m->th = polrt_realloc(NULL, (size_t)m->nthreads * sizeof *m->th);
    if (!m->buf || !m->th) {
        sim_error(m, "out of memory");
        goto done;
    }
    memset(m->th, 0, (size_t)m->nthreads * sizeof *m->th);
    for (int i = 0; i < m->nthreads; i++)
        if (thread_init(m, &m->th[i], i) < 0) {
            sim_error(m, "out of memory");
            goto done;
        }
    for (int i = 1; i < m->nthreads; i++) {
        if (pthread_create(&m->th[i].th, NULL, thread_main, &m->th[i]) != 0) {
            sim_error(m, "cannot start a thread");
            goto done;
        }
        m->th[i].started = 1;
    }
    if (o->persons) {
        rc = load_persons(m);
        if (rc)
            goto done;
    } else if (persons_optional(m) < 0)
        goto done;
    int64_t persons_rejected = m->rejected;
    int64_t persons_empty = m->empty_rows;
    m->told_line = 0;
    m->mode = MODE_GROUPED;
    /* the persons file's rejects are final; the claims pass may start over */
    RtOut prej = m->rejects;
    memset(&m->rejects, 0, sizeof m->rejects);
    char perr[MSG_MAX];
    int had_prej = prej.f != NULL;
    if (prej.f && rt_out_commit(&prej, perr, sizeof perr) < 0) {
        sim_error(m, "%s", perr);
        goto done;
    }
    for (;;) {
        rc = claims_pass(m);
        if (rc != 1)
            break;
        Mode next = (Mode)atomic_load(&m->restart);
        atomic_store(&m->restart, 0);
        m->mode = next > m->mode ? next : (Mode)(m->mode + 1);
        if (m->mode > MODE_LOADED)
            m->mode = MODE_LOADED;
        if (reset_results(m) < 0) {
            sim_error(m, "out of memory");
            rc = 2;
            break;
        }
    }
    if (rc)
        goto done;
    if (m->rejects.f && rt_out_commit(&m->rejects, perr, sizeof perr) < 0) {
        sim_error(m, "%s", perr);
        rc = 2;
        goto done;
    }
    /* a rejects file named by --rejects and left by an earlier run would mislead: a run
     * with no bad rows removes it (as polc run does; the default name is left alone, it
     * may be polc run's) */
    if (o->rejects && !m->rejected && unlink(m->rejects_path) != 0 && errno != ENOENT)
        fprintf(stderr, "polc: cannot remove %s: %s\n", m->rejects_path, strerror(errno));
    if (o->rejects && !had_prej && unlink(m->prejects_path) != 0 && errno != ENOENT)
        fprintf(stderr, "polc: cannot remove %s: %s\n", m->prejects_path, strerror(errno));
    if (merge_results(m) < 0) {
        sim_error(m, "out of memory");
        rc = 2;
        goto done;
    }
    res->rejected = m->rejected + persons_rejected;
    res->empty_rows = m->empty_rows + persons_empty;
    res->mode = m->mode == MODE_GROUPED       ? "streamed"
                : m->mode == MODE_INTERLEAVED ? "streamed, persons interleaved"
                                              : "loaded and sorted";
    rc = res->rejected ? 3 : 0;
done:
    progress_clear(m);
    if (m->failed) {
        fprintf(stderr, "polc: %s\n", m->err);
        rc = 2;
    }
    if (m->told > SIM_MAX_TOLD)
        fprintf(stderr, "polc: ... %" PRId64 " more rows rejected (each in %s or %s)\n",
                m->told - SIM_MAX_TOLD, m->rejects_path, m->prejects_path);
    sim_cleanup(m);
    res->seconds = (double)(rt_now_ns() - t0) / 1e9;
    if (rc == 2 || !out) {
        polrt_sim_free(res);
        return rc;
    }
    *out = res;
    return rc;
}
