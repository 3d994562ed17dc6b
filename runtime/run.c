/* run.c — polrt_run: polc run as a sink of the batch pipeline (pipeline.h). Each settled
 * claim's results row (and explanation, when asked) is formatted by the thread that settled
 * it into that thread's buffers; after each batch the rows are written in input order and
 * the ledger's transaction is committed. Results, explanations and rejects are written
 * atomically (out.c); a run stopped by its input leaves earlier results alone. */
#include "pipeline.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

/* longest message kept for a row or a claim error */
#define MSG_MAX 512
/* room for a results row's status and line feed: the longest word is 此前已结算 (15 bytes) */
#define RUN_TAIL_MAX 32
/* the most columns --keep copies: a person's id, name, level and a few more; a longer list
 * is a usage error rather than a silent cut */
#define RUN_MAX_KEEP 16
/* pieces of text a write takes: IOV_MAX, what one writev(2) takes on Linux (a batch of ~15,000
 * claims at -j 2 is ~1,100 spans, so about one write) */
#define RUN_IOV 1024

typedef struct Run Run;

/* Good rows of a batch that one thread settled one after the other in the file (consecutive
 * RtRow.seq), their texts one after the other in its buffers: the batch step writes a span in
 * one piece and reads only its first row. Claims come grouped by person, so at -j 2 a span is
 * a person's claims or a few persons', ~14 rows (polc gen). The step had read every row of
 * the batch (41 instructions a row) and copied each span into stdio's buffer (~300 a span):
 * 64 instructions a claim on one thread while the others decode the next batch; 8 now, and
 * keeping the spans costs each settling thread ~18 a claim (callgrind, -j 2, 104,638 claims
 * of polc gen --persons 30000). */
typedef struct RunSpan {
    int64_t seq, next;       /* rank of its first row, and of the row after its last */
    size_t out_off, out_len; /* its results rows in the thread's out */
    size_t x_off, x_len;     /* its explanations (JSON lines) in the thread's xbuf */
    int64_t settled;         /* its rows settled now (status 0): committed with the batch */
} RunSpan;

/* a batch's pieces of one output gathered for one rt_out_writev */
typedef struct RunIov {
    RtOut *to;
    struct iovec v[RUN_IOV];
    int n;
} RunIov;

/* a thread's part: the batch's results rows and explanations, and its counts */
typedef struct RunThread {
    RtLine out;    /* results rows of the batch */
    RunSpan *span; /* the batch's spans of its rows, in input order */
    size_t nspan, cap_span;
    size_t span_at; /* the batch step: the next span to write */
    char *xbuf;     /* explanations (JSON lines) of the batch: a memory stream */
    size_t xlen;
    FILE *xf;
    char *tbuf; /* the one explanation asked for (text) */
    size_t tlen;
    FILE *tf;
    /* per output: the sum of money outputs (fen), sums + totals (rt_line_row); twice, by the
     * row's status 0 or 1: the second half sums the claims already settled (stored outputs),
     * which the summary's totals leave out (a re-run paid nothing) */
    int64_t *sums;
    __int128 *totals;
    int64_t settled, already, failed;
    int64_t *why;  /* failed claims by reason (why_slot): the summary's most common reasons */
    int *keep_col; /* --keep: each kept column's index in the claims header (-1: absent),
                      found at this thread's first claim */
    RtCells cells; /* a row's cells, for --keep */
    char pad[RT_CACHE_LINE]; /* the threads' parts sit side by side: rt_int.h */
} RunThread;

struct Run {
    PolEngine *e;
    const RtSchema *s;
    const PolRunOpts *o;
    const char *rejects_path;
    char *prejects_path;
    RunThread *th; /* per pipeline thread, then (across ranks, on rank 0) the rows other
                      ranks settled: th[nth].out their results rows */
    int nth;
    RtLine remote_x; /* across ranks, on rank 0: the explanations other ranks sent */
    const RtCluster *cl;
    char *ledger_buf; /* across ranks: this rank's SQLite ledger, LEDGER.rankKofN */
    int turns;        /* across ranks on a PostgreSQL ledger: a transaction a settled batch
                         (RtPipeOpts.ledger_turns), begun and committed by the pipeline */
    RtOut results, explain;
    RunIov *iov;          /* [0] the results', [1] the explanations' pieces of a batch */
    RtXlsx *xlsx;         /* --xlsx: the results again as a workbook, or NULL */
    unsigned char *kinds; /* the results columns' RT_XLSX_ kinds */
    RtCells cells;        /* a results row cut into cells for the workbook */
    RtOut adjust;         /* --adjustments */
    RtLine adj;           /* a batch's adjustments */
    int opened;           /* the outputs are open (after the claims header) */
    int explain_found, explained;
    int explain_failed; /* the claim explained failed to settle (status -1) */
    RtStore *store;
    int64_t committed; /* claims settled into the ledger by the batches committed so far */
    char *rejects_buf; /* rejects_path when made here */
    __int128 *totals;  /* the threads' sums, added as each thread ends */
    int64_t settled, already, failed;
    int64_t resettled, adjustments; /* the pipeline's (RtPipeStats), summed across ranks */
    int64_t *why; /* the threads' failed claims by reason, added as each ends (why_slot) */
    char err[2 * MSG_MAX];
    char *keep_buf; /* --keep's copy, cut at its commas */
    char **keep;    /* the kept columns' names */
    int nkeep;
    int code;     /* the exit code of a failure of the sink (the pipeline says 2 for any) */
    int labels;   /* results headed and worded by labels (rt_labels_on) */
    RtRowFmt fmt; /* the results row's outputs, each column's writer chosen once */
    char *commas; /* a failed claim's empty outputs: noutputs + 1 commas */
    char tail[2][RUN_TAIL_MAX]; /* a row's end after its outputs: ",settled\n", ",already
                                   settled\n" (by label or name), by the row's status 0 or 1 */
    size_t ntail[2];
};

/* ---- the sink: in the settling threads -------------------------------------------------- */

/* A failure's reason is its error code and the place in the policy that raised it: the
 * summary names the commonest (a run of polc gen's claims before Panji's start ended "2,297
 * failed" with no word of why on the terminal). Slots: code 0..WHY_CODES-1 by place -1..nlocs-1,
 * and one last for any other. */
#define WHY_CODES 16
static size_t why_slots(const RtSchema *s)
{
    return (size_t)WHY_CODES * ((size_t)s->nlocs + 1) + 1;
}

static size_t why_slot(const RtSchema *s, int64_t code, int64_t loc)
{
    if (code < 0 || code >= WHY_CODES || loc < -1 || loc >= s->nlocs)
        return why_slots(s) - 1;
    return (size_t)code * ((size_t)s->nlocs + 1) + (size_t)(loc + 1);
}

static int thread_init(void *self, RtPThread *t)
{
    Run *r = self;
    RunThread *x = &r->th[t->id];
    memset(x, 0, sizeof *x);
    size_t n = (size_t)r->s->noutputs + 1;
    x->totals = rt_alloc_lines(2 * n * sizeof *x->totals, 1);
    x->sums = rt_alloc_lines(2 * n * sizeof *x->sums, 1);
    x->why = rt_alloc_lines(why_slots(r->s) * sizeof *x->why, 1);
    if (!x->totals || !x->sums || !x->why)
        return -1;
    t->sink = x;
    return 0;
}

static void thread_free(void *self, RtPThread *t)
{
    Run *r = self;
    RunThread *x = t->sink;
    if (!x)
        return;
    r->settled += x->settled;
    r->already += x->already;
    r->failed += x->failed;
    for (int k = 0; k < r->s->noutputs && x->totals && x->sums && r->totals; k++)
        r->totals[k] += x->totals[k] + x->sums[k];
    for (size_t k = 0; x->why && r->why && k < why_slots(r->s); k++)
        r->why[k] += x->why[k];
    polrt_realloc(x->out.p, 0);
    polrt_realloc(x->span, 0);
    if (x->xf)
        fclose(x->xf);
    if (x->tf)
        fclose(x->tf);
    free(x->xbuf);
    free(x->tbuf);
    polrt_realloc(x->totals, 0);
    polrt_realloc(x->sums, 0);
    polrt_realloc(x->why, 0);
    polrt_realloc(x->keep_col, 0);
    rt_cells_free(&x->cells);
    t->sink = NULL;
}

/* the claim's PolResult, from the pipeline's scratch of engine 0 */
static PolResult result_of(const RtPThread *t, const RtPState *ps, const RtRow *r)
{
    const RtScratch *sc = &t->scr[0];
    const RtPerson *p = ps ? ps->p : NULL;
    PolResult res = {
        .status = r->settled,
        .err_code = r->settled == -1 ? t->err_code[0] : 0,
        .err_loc = r->settled == -1 ? t->err_loc[0] : 0,
        .out = sc->out,
        .ledger_before = sc->before,
        .ledger_after = sc->after,
        .keys = sc->keys,
        .rule_val = sc->rule_val,
        .branch = sc->branch,
        .pver = sc->pver,
        .pidx = sc->pidx,
        .trace = &sc->tr,
        .person = p ? p->fields : NULL,
        .hist = p ? p->hist : NULL,
        .nhist = p ? p->nspans : 0,
        .resettled = r->again,
    };
    return res;
}

/* Where each kept column comes from (spec/DATA.md "Results"): the claims file's column of that
 * name (>= 0); else the persons file's, kept with each person (KEEP_PERSON); else nowhere
 * (KEEP_NONE), or two columns of the name in the file it would come from (KEEP_TWICE, KEEP_PTWICE).
 * open_outputs refuses the run but for the first two, before any row is written. */
enum { KEEP_NONE = -1, KEEP_PERSON = -2, KEEP_TWICE = -3, KEEP_PTWICE = -4 };
static void find_kept(const Run *r, RtPipe *p, int *col)
{
    int n;
    char *const *hdr = rt_pipe_header(p, &n);
    for (int k = 0; k < r->nkeep; k++) {
        col[k] = KEEP_NONE;
        for (int c = 0; c < n; c++)
            if (hdr[c] && strcmp(hdr[c], r->keep[k]) == 0)
                col[k] = col[k] == KEEP_NONE ? c : KEEP_TWICE;
        int pc = rt_pipe_person_col(p, k);
        if (col[k] == KEEP_NONE && pc != -1)
            col[k] = pc >= 0 ? KEEP_PERSON : KEEP_PTWICE;
    }
}

/* --keep: the kept cells of the claim's row (or of its person's first persons row), each
 * after a comma; 0, or -1 (memory) */
static int kept_cells(const Run *r, RunThread *x, RtPipe *p, const RtRow *row, const RtPerson *pp)
{
    if (!x->keep_col) {
        if (!(x->keep_col = polrt_realloc(NULL, (size_t)r->nkeep * sizeof *x->keep_col)))
            return -1;
        find_kept(r, p, x->keep_col);
    }
    size_t next;
    int64_t lines;
    const char *bad = NULL;
    /* the row was cut into cells before (a good row): cut again, its bytes are still here */
    if (rt_csv_cells(row->raw, 0, row->nraw, &x->cells, &next, &lines, &bad) < 0)
        return -1;
    for (int k = 0; k < r->nkeep; k++) {
        rt_line_add(&x->out, ",", 1);
        int c = x->keep_col[k];
        const char *const *kept = c == KEEP_PERSON && pp ? rt_pipe_person_kept(p, pp) : NULL;
        if (kept && kept[k])
            rt_line_cell(&x->out, kept[k]);
        if (c < 0 || c >= x->cells.n || bad)
            continue;
        size_t n = x->cells.len[c];
        const char *v = rt_trim(x->cells.p[c], &n);
        rt_line_celln(&x->out, v, n);
    }
    return 0;
}

/* a memory stream for a thread's explanations; 0, or -1 */
static int stream_open(FILE **f, char **buf, size_t *len)
{
    if (*f)
        return 0;
    *f = open_memstream(buf, len);
    return *f ? 0 : -1;
}

/* a failed claim's results row: its id's cell written, then the outputs' cells empty and
 * "error: " and the failure in the status cell, as snprintf("%s%s") cut to MSG_MAX would put
 * them, without its call: the text is cut where that cut it */
static void failed_row(Run *r, RunThread *x, RtPThread *t, const RtRow *row)
{
    const RtSchema *s = r->s;
    char buf[MSG_MAX];
    const char *pre = rt_results_word(RT_W_ERROR, r->labels);
    size_t n = strlen(pre);
    memcpy(buf, pre, n);
    int date_idx = rt_pipe_date_idx(t->pipe);
    int64_t asof = date_idx >= 0 ? row->fields[date_idx] : POLRT_NONE;
    size_t room = MSG_MAX - n < MSG_MAX - 8 ? MSG_MAX - n : MSG_MAX - 8;
    rt_failure_text(s, t->err_code[0], t->err_loc[0], asof, buf + n, room);
    x->why[why_slot(s, t->err_code[0], t->err_loc[0])]++;
    n += strlen(buf + n);
    rt_line_add(&x->out, r->commas, (size_t)s->noutputs + 1);
    rt_line_celln(&x->out, buf, n);
    rt_line_add(&x->out, "\n", 1);
}

/* --explain's JSON line and --explain-claim's text for a claim (status as claim's); 0, or -1 */
static int explain_row(Run *r, RunThread *x, RtPThread *t, RtPState *ps, RtRow *row, int status)
{
    const RtSchema *s = r->s;
    PolResult res = result_of(t, ps, row);
    int text = r->o->explain_claim && !r->o->explain_json_only &&
               strcmp(r->o->explain_claim, row->id) == 0;
    if (!r->o->explain && !text)
        return 0;
    /* the ledger rows that started from an opening balance: their audit detail (source and
     * values), each its own line in the text and its ledger's "opening" in the JSON */
    char *obuf = NULL;
    const char **opening = NULL;
    if (r->store && status != -1 && s->nledgers > 0) {
        obuf = polrt_realloc(NULL, (size_t)s->nledgers * MSG_MAX);
        opening = polrt_realloc(NULL, (size_t)s->nledgers * sizeof *opening);
        for (int l = 0; obuf && opening && l < s->nledgers; l++)
            opening[l] = rt_ledger_opening(r->store, ps->p->id, l, t->scr[0].keys[l],
                                           obuf + (size_t)l * MSG_MAX, MSG_MAX)
                             ? obuf + (size_t)l * MSG_MAX
                             : NULL;
        if (!obuf || !opening) {
            polrt_realloc(obuf, 0);
            polrt_realloc(opening, 0);
            return -1;
        }
    }
    int rc = 0;
    if (r->o->explain) {
        long at = stream_open(&x->xf, &x->xbuf, &x->xlen) < 0 ? -1 : ftell(x->xf);
        if (at >= 0)
            rt_explain_json(r->e, row->id, row->fields, &res, opening, x->xf);
        if (at < 0 || fflush(x->xf) != 0)
            rc = -1;
        else {
            row->x_off = (size_t)at;
            row->x_len = x->xlen - (size_t)at;
        }
    }
    if (rc == 0 && text) {
        if (stream_open(&x->tf, &x->tbuf, &x->tlen) < 0)
            rc = -1;
        else {
            polrt_explain_text(r->e, row->id, row->fields, &res, x->tf);
            for (int l = 0; opening && l < s->nledgers; l++)
                if (opening[l])
                    fprintf(x->tf, "%s\n", opening[l]);
            if (fflush(x->tf) != 0)
                rc = -1;
        }
    }
    polrt_realloc(obuf, 0);
    polrt_realloc(opening, 0);
    return rc;
}

/* row, whose texts (out_off/len; x_off, x_len: its explanation, 0 when none) x holds, a new
 * span of its own. 0, or -1 (memory). */
static __attribute__((noinline)) int span_new(RunThread *x, const RtRow *row, size_t x_len)
{
    if (rt_grow(&x->span, &x->cap_span, x->nspan + 1, sizeof *x->span) < 0)
        return -1;
    RunSpan *sp = &x->span[x->nspan++];
    sp->seq = row->seq;
    sp->next = row->seq + 1;
    sp->out_off = row->out_off;
    sp->out_len = row->out_len;
    sp->x_off = row->x_off;
    sp->x_len = x_len;
    sp->settled = row->settled == 0;
    return 0;
}

/* row added to x's spans: to the last one when it follows that span's last row in the file,
 * else as a new one. A thread's texts are appended in the order of its rows, so the row's
 * follow the span's. Inline, a test and four adds a claim: as a call with the texts' places
 * checked too it was ~50 instructions a claim (callgrind), nearly what it saved the batch
 * step. 0, or -1 (memory). */
static inline __attribute__((always_inline)) int span_add(RunThread *x, const RtRow *row,
                                                          size_t x_len)
{
    if (!x->nspan || x->span[x->nspan - 1].next != row->seq)
        return span_new(x, row, x_len);
    RunSpan *sp = &x->span[x->nspan - 1];
    sp->next++;
    sp->out_len += row->out_len;
    sp->x_len += x_len;
    sp->settled += row->settled == 0;
    return 0;
}

/* the claim sink: a claim's results row, its counts, and its explanation when asked */
static int claim(void *self, RtPThread *t, RtPState *ps, RtRow *row)
{
    Run *r = self;
    RunThread *x = t->sink;
    const RtSchema *s = r->s;
    const int64_t *out = t->scr[0].out;
    int status = row->settled;
    if (status == 0)
        x->settled++;
    else if (status == 1)
        x->already++;
    else
        x->failed++;
    /* the results row: claim_id, the outputs (empty when it failed), status */
    row->out_off = x->out.n;
    rt_line_cell(&x->out, row->id);
    if (r->nkeep && kept_cells(r, x, t->pipe, row, ps ? ps->p : NULL) < 0)
        return -1;
    if (status != -1) {
        /* the row, the money outputs added to the totals as they are written; a claim
         * already settled to the second half, which the summary leaves out (no test in the
         * row's loop). callgrind, 30k persons: 4,979.2 instructions a claim before, 4,977.3
         * with this; sums + status * n was 4,985.8, a pointer pair in RunThread 4,983.8 */
        int64_t *sums = x->sums;
        __int128 *spill = x->totals;
        if (status) {
            sums += s->noutputs + 1;
            spill += s->noutputs + 1;
        }
        rt_line_row(&x->out, &r->fmt, out, sums, spill, r->tail[status], r->ntail[status]);
    } else
        failed_row(r, x, t, row);
    if (x->out.oom)
        return -1;
    row->out_len = x->out.n - row->out_off;
    if ((r->o->explain || r->o->explain_claim) && explain_row(r, x, t, ps, row, status) < 0)
        return -1;
    return span_add(x, row, r->o->explain ? row->x_len : 0);
}

/* across ranks: a row this rank settled, its results row and explanation for rank 0 */
static void row_text(void *self, const RtRow *row, const char **text, size_t *len)
{
    Run *r = self;
    const RunThread *x = &r->th[row->thread];
    text[0] = x->out.p + row->out_off;
    len[0] = row->out_len;
    if (r->o->explain) {
        text[1] = x->xbuf + row->x_off;
        len[1] = row->x_len;
    }
}

/* on rank 0: a row another rank settled, its text kept as if a thread here had made it */
static int row_remote(void *self, RtRow *row, const char *const *text, const size_t *len)
{
    Run *r = self;
    RunThread *x = &r->th[r->nth];
    row->thread = (uint16_t)r->nth;
    row->out_off = x->out.n;
    row->out_len = len[0];
    rt_line_add(&x->out, text[0], len[0]);
    row->x_off = r->remote_x.n;
    row->x_len = len[1];
    if (len[1]) /* no explanation: nothing to copy (the buffer may not exist yet) */
        rt_line_add(&r->remote_x, text[1], len[1]);
    return x->out.oom || r->remote_x.oom || span_add(x, row, len[1]) < 0 ? -1 : 0;
}

/* ---- the sink: after each batch, on the calling thread ------------------------------------- */

/* a results line (CSV text; the file's BOM is not in it) cut into r->cells: the workbook's
 * cells are the CSV's. 0, or -1 (memory) */
static int cut_line(Run *r, const char *p, size_t n)
{
    size_t next;
    int64_t lines;
    const char *bad;
    return rt_csv_cells(p, 0, n, &r->cells, &next, &lines, &bad) < 0 ? -1 : 0;
}

/* --xlsx: the workbook started, its sheet "results" (结算结果 with labels) headed by the
 * results CSV's header line l; the kinds of its columns from the outputs' types. 0, or -1
 * with a message */
static int xlsx_open(Run *r, const RtLine *l, char *err, size_t errlen)
{
    if (!r->o->xlsx)
        return 0;
    const RtSchema *s = r->s;
    int nk = r->nkeep; /* kept input columns: text, as read */
    if (!(r->kinds = polrt_realloc(NULL, (size_t)(nk + s->noutputs + 2))))
        goto oom;
    memset(r->kinds, RT_XLSX_TEXT, (size_t)(nk + 1)); /* claim_id and the kept columns */
    for (int i = 0; i < s->noutputs; i++) {
        RtKind k = s->outputs[i].type.kind;
        r->kinds[nk + i + 1] = k == RT_MONEY  ? RT_XLSX_MONEY
                               : k == RT_RATE ? RT_XLSX_RATE
                               : k == RT_DATE ? RT_XLSX_DATE
                               : k == RT_INT  ? RT_XLSX_INT
                                              : RT_XLSX_TEXT;
    }
    r->kinds[nk + s->noutputs + 1] = RT_XLSX_TEXT; /* status */
    if (!(r->xlsx = rt_xlsx_open(r->o->xlsx, err, errlen))) {
        r->code = polrt_exit_for_errno(errno);
        return -1;
    }
    if (cut_line(r, l->p, l->n) < 0 ||
        rt_xlsx_sheet(r->xlsx, rt_results_word(RT_W_SHEET, r->labels), r->cells.p, r->cells.len,
                      r->cells.n, r->kinds) < 0)
        goto oom;
    return 0;
oom:
    snprintf(err, errlen, "out of memory");
    r->code = POLRT_EXIT_SYSTEM;
    return -1;
}

/* --keep NAME that no header has, where NAME is a field's name or label: the file heads
 * that column by the other, and --keep copies a header as written (no field is looked up,
 * which would copy a decoded value, not the cell): said, with the other as the likely fix */
static const char *keep_hint(const RtSchema *s, const char *name, char *buf, size_t len)
{
    const struct {
        const RtField *f;
        int n;
        const char *what;
    } recs[] = {{s->claim, s->nclaim, "claim"},
                {s->person, s->nperson, "person"},
                {s->hist, s->nhist, "history"}};
    for (size_t r = 0; r < sizeof recs / sizeof recs[0]; r++)
        for (int i = 0; i < recs[r].n; i++) {
            const RtField *f = &recs[r].f[i];
            int by_name = strcmp(f->name, name) == 0;
            if (!f->label || (!by_name && strcmp(f->label, name) != 0))
                continue;
            snprintf(buf, len,
                     " (the %s of %s field '%s'; --keep takes a header as the file writes it: "
                     "'%s'?)",
                     by_name ? "name" : "label", recs[r].what, f->name,
                     by_name ? f->label : f->name);
            return buf;
        }
    return "";
}

/* open the outputs: only once the claims header is read, so a run stopped by its input
 * leaves earlier results alone. The results and adjustments start as every CSV for people
 * does (rt_out_bom: a byte order mark in a file, on standard output as the input). The
 * header is the input's (CRLF kept out: rows end with LF). */
static int open_outputs(Run *r, RtPipe *p, int bom, char *err, size_t errlen)
{
    const PolRunOpts *o = r->o;
    r->opened = 1;
    int col[RUN_MAX_KEEP];
    find_kept(r, p, col);
    for (int k = 0; k < r->nkeep; k++) {
        const char *name = r->keep[k], *cl = o->claims, *pe = o->persons;
        char hint[256];
        if (col[k] == KEEP_NONE && pe)
            snprintf(err, errlen, "--keep: neither %s nor %s has a column '%s'%s", cl, pe, name,
                     keep_hint(r->s, name, hint, sizeof hint));
        else if (col[k] == KEEP_NONE)
            snprintf(err, errlen, "--keep: %s has no column '%s'%s", cl, name,
                     keep_hint(r->s, name, hint, sizeof hint));
        else if (col[k] == KEEP_TWICE)
            snprintf(err, errlen, "--keep: %s has two columns '%s' (rename one)", cl, name);
        else if (col[k] == KEEP_PTWICE)
            snprintf(err, errlen, "--keep: %s has two columns '%s' (rename one), %s none", pe, name,
                     cl);
        else if (col[k] == rt_pipe_id_col(p)) /* a second heading of that name otherwise */
            snprintf(err, errlen, "--keep: '%s' is the claim id, the results' first column", name);
        else
            continue;
        r->code = POLRT_EXIT_USAGE;
        return -1;
    }
    /* with explain_claim and no out, stdout carries the explanation alone */
    /* a reversal writes no results: its adjustments say what changed */
    if (((o->out || !o->explain_claim) && !o->reverse &&
         rt_out_open(&r->results, o->out, err, errlen) < 0) ||
        (o->explain && rt_out_open(&r->explain, o->explain, err, errlen) < 0) ||
        (o->adjustments && rt_out_open(&r->adjust, o->adjustments, err, errlen) < 0)) {
        r->code = polrt_exit_for_errno(errno);
        return -1;
    }
    if (r->adjust.f) {
        rt_out_bom(&r->adjust, bom);
        fputs(RT_ADJUST_HEADER, r->adjust.f);
    }
    if (r->results.f || o->xlsx) { /* polc explain --xlsx: the workbook alone */
        RtLine l = {0};
        if (r->results.f)
            rt_out_bom(&r->results, bom);
        rt_line_cell(&l, rt_results_word(RT_W_CLAIM_ID, r->labels));
        for (int k = 0; k < r->nkeep; k++) {
            rt_line_add(&l, ",", 1);
            rt_line_cell(&l, r->keep[k]);
        }
        for (int i = 0; i < r->s->noutputs; i++) {
            rt_line_add(&l, ",", 1);
            rt_line_cell(&l, rt_output_heading(r->s, i, r->labels));
        }
        rt_line_add(&l, ",", 1);
        rt_line_cell(&l, rt_results_word(RT_W_STATUS, r->labels));
        rt_line_add(&l, "\n", 1);
        if (!l.oom && r->results.f)
            fwrite(l.p, 1, l.n, r->results.f);
        int rc = l.oom ? -1 : xlsx_open(r, &l, err, errlen);
        polrt_realloc(l.p, 0);
        if (l.oom) {
            snprintf(err, errlen, "out of memory");
            r->code = POLRT_EXIT_SYSTEM;
            return -1;
        }
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* One claim's explanation is all the run writes (polc explain: no results file, no
 * explanations file, or its JSON on standard output): its exit code is that claim's, and its
 * workbook (--xlsx) holds that claim's row, what it explains, not the rows of results it does not
 * write */
static int explain_only(const PolRunOpts *o)
{
    return o->explain_claim && ((!o->out && !o->explain) || o->explain_json_only);
}

/* The ledger's part of a batch: every claim of the batch durable before its results are
 * written; the claims it settled are counted in batch_rows (what a run stopped later leaves
 * in the ledger: run_pipeline says it). Across ranks on a PostgreSQL ledger every rank
 * committed its claims of the batch (its turn, ranks.c) before the rows came here: rank 0's
 * are every rank's. The next batch's transaction is begun by the pipeline once that batch is
 * read (rt_ranks_ledger_turn), not here: begun here, the writers' lock was held while the
 * input was read, and a pipe whose writer paused held up a polc serve on the same ledger.
 * 1 when the batch's claims are committed, 0 when not yet, -1 on failure. */
static int batch_commit(Run *r, char *err, size_t errlen)
{
    if (!r->store || r->o->max_rejects != 0 || r->turns)
        return r->turns;
    if (rt_ledger_commit(r->store, err, errlen) != 0) {
        r->code = POLRT_EXIT_SYSTEM;
        return -1;
    }
    return 1;
}

static void iov_flush(RunIov *iv)
{
    if (iv->n)
        rt_out_writev(iv->to, iv->v, iv->n); /* a failure is kept in to: batch tells it */
    iv->n = 0;
}

/* p[0..n) after what iv holds: the last piece grown when p follows it */
static void iov_add(RunIov *iv, const char *p, size_t n)
{
    if (!n)
        return;
    struct iovec *last = iv->n ? &iv->v[iv->n - 1] : NULL;
    if (last && (const char *)last->iov_base + last->iov_len == p) {
        last->iov_len += n;
        return;
    }
    if (iv->n == RUN_IOV)
        iov_flush(iv);
    iv->v[iv->n++] = (struct iovec){(void *)p, n};
}

static int span_order(const void *a, const void *b)
{
    int64_t x = ((const RunSpan *)a)->seq, y = ((const RunSpan *)b)->seq;
    return x < y ? -1 : x > y;
}

/* what the batch step does for each row when it must: the claim explained found (rejected
 * or not), a good row into the workbook. 0, or -1 with err. */
static int row_each(Run *r, const RtRow *row, char *err, size_t errlen)
{
    if (r->o->explain_claim && row->id && strcmp(row->id, r->o->explain_claim) == 0) {
        r->explain_found = 1;
        r->explain_failed = row->status == RT_ROW_OK && row->settled == -1;
        /* no text to write: the claim is explained when its row was not rejected */
        if (r->o->explain_json_only && row->status == RT_ROW_OK)
            r->explained = 1;
    }
    if (row->status != RT_ROW_OK || !r->xlsx ||
        (explain_only(r->o) && strcmp(row->id, r->o->explain_claim) != 0))
        return 0;
    const RunThread *x = &r->th[row->thread];
    if (cut_line(r, x->out.p + row->out_off, row->out_len) < 0) {
        snprintf(err, errlen, "cannot write %s: out of memory", r->o->xlsx);
        r->code = POLRT_EXIT_SYSTEM;
        return -1;
    }
    /* a failed write is kept and told by rt_xlsx_commit, which then fails the run */
    rt_xlsx_row(r->xlsx, r->cells.p, r->cells.len, r->cells.n);
    return 0;
}

/* The batch's rows in input order to the results, the explanations and the workbook, a span
 * at a time (RunSpan): at a span's first row its texts go out whole and the walk steps past
 * its rows, visiting each only for the claim explained or the workbook. A good row that
 * starts no span has no text (a reversal). Across ranks, rank 0 has every row's text in the
 * remote part, in the order the ranks sent them: its spans sorted first. 0, or -1 with err. */
static int batch_rows(Run *r, const RtBlock *blocks, size_t n, int committed, char *err,
                      size_t errlen)
{
    int each = r->o->explain_claim || r->xlsx;
    int remote = r->cl && r->cl->rank == 0; /* the rows are the remote part's */
    RunIov *res = r->results.f ? &r->iov[0] : NULL, *xpl = r->explain.f ? &r->iov[1] : NULL;
    size_t want = 0, done = 0; /* spans to write, and written */
    for (int i = remote ? r->nth : 0; i < r->nth + remote; i++)
        want += r->th[i].nspan;
    if (remote && r->th[r->nth].nspan > 1) /* none: no array to give qsort */
        qsort(r->th[r->nth].span, r->th[r->nth].nspan, sizeof(RunSpan), span_order);
    int64_t left = 0; /* rows of the span just written not yet stepped past */
    for (size_t bi = 0, k = 0; bi < n;) {
        if (k >= blocks[bi].nrows) {
            k -= blocks[bi].nrows;
            bi++;
            continue;
        }
        const RtRow *row = &blocks[bi].rows[k];
        if (!left && row->status == RT_ROW_OK) {
            RunThread *x = &r->th[row->thread];
            const RunSpan *sp = x->span_at < x->nspan ? &x->span[x->span_at] : NULL;
            if (sp && sp->seq == row->seq) {
                x->span_at++;
                done++;
                if (res)
                    iov_add(res, x->out.p + sp->out_off, sp->out_len);
                if (xpl)
                    iov_add(xpl, (row->thread == r->nth ? r->remote_x.p : x->xbuf) + sp->x_off,
                            sp->x_len);
                r->committed += committed ? sp->settled : 0;
                left = sp->next - sp->seq;
            } else
                r->committed += committed && row->settled == 0;
        }
        if (left && !each) {
            k += (size_t)left;
            left = 0;
            continue;
        }
        left -= left > 0;
        if (each && row_each(r, row, err, errlen) < 0)
            return -1;
        k++;
    }
    if (res)
        iov_flush(res);
    if (xpl)
        iov_flush(xpl);
    if (done != want) { /* a row's text would be missing: never so */
        snprintf(err, errlen,
                 "internal error: %zu of the batch's %zu spans of results written "
                 "(run.c)",
                 done, want);
        r->code = POLRT_EXIT_SYSTEM;
        return -1;
    }
    return 0;
}

/* the one text explanation written, and the threads' buffers start over */
static void batch_reset(Run *r, RtPipe *p)
{
    r->th[r->nth].out.n = 0;
    r->th[r->nth].nspan = r->th[r->nth].span_at = 0;
    r->remote_x.n = 0;
    for (int i = 0; i < r->nth; i++) {
        RunThread *x = &r->th[i];
        x->out.n = 0;
        x->nspan = x->span_at = 0;
        if (x->tf && x->tlen) {
            rt_pipe_progress_clear(p);
            fwrite(x->tbuf, 1, x->tlen, stdout);
            r->explained = 1;
        }
        FILE **fs[] = {&x->xf, &x->tf};
        for (int j = 0; j < 2; j++)
            if (*fs[j]) {
                fclose(*fs[j]);
                *fs[j] = NULL;
            }
        free(x->xbuf);
        free(x->tbuf);
        x->xbuf = x->tbuf = NULL;
        x->xlen = x->tlen = 0;
    }
}

/* the batch sink: the ledger committed, the rows written in input order, the adjustments
 * of the batch's late claims and reversals; 0, or -1 with err (and r->code) */
static int batch(void *self, RtPipe *p, RtBlock *blocks, size_t n, char *err, size_t errlen)
{
    Run *r = self;
    /* across ranks, rank 0 writes every row; the others only commit their ledgers */
    int rank0 = !r->cl || r->cl->rank == 0;
    if (rank0 && !r->opened && open_outputs(r, p, rt_pipe_stats(p)->bom, err, errlen) < 0)
        return -1;
    int committed = batch_commit(r, err, errlen);
    if (committed < 0 || batch_rows(r, blocks, n, committed, err, errlen) < 0)
        return -1;
    /* the claims settled again for the batch's late claims and reversals */
    r->adj.n = 0;
    if (rt_pipe_take_adjustments(p, &r->adj) < 0) {
        snprintf(err, errlen, "out of memory");
        r->code = POLRT_EXIT_SYSTEM;
        return -1;
    }
    if (r->adjust.f && r->adj.n)
        fwrite(r->adj.p, 1, r->adj.n, r->adjust.f);
    batch_reset(r, p);
    /* the file that failed, and the cause of its first failed write (ENOSPC, not EIO) */
    const RtOut *bad = rt_out_failed(&r->results)   ? &r->results
                       : rt_out_failed(&r->explain) ? &r->explain
                       : rt_out_failed(&r->adjust)  ? &r->adjust
                                                    : NULL;
    if (bad) {
        int e = rt_out_errno(bad);
        snprintf(err, errlen, "cannot write %s: %s", bad->path ? bad->path : "results",
                 strerror(e));
        r->code = polrt_exit_for_errno(e);
        return -1;
    }
    return 0;
}

/* ---- polrt_run ----------------------------------------------------------------------------- */

static char *fmt_count(int64_t n, char *buf)
{
    polrt_fmt_money(n * 100, buf, 1);
    buf[strlen(buf) - 3] = '\0';
    return buf;
}

/* the commonest reasons of the failed claims, most first (WHY_SHOWN; the rest counted): each
 * claim's own is in its results row */
#define WHY_SHOWN 3
static void failure_reasons(const Run *r)
{
    const RtSchema *s = r->s;
    size_t n = why_slots(s), shown = 0, more = 0, top[WHY_SHOWN];
    int64_t left = 0;
    for (size_t k = 0; k < n; k++)
        if (r->why[k]) {
            more++;
            left += r->why[k];
        }
    while (shown < WHY_SHOWN && more > 0) {
        size_t best = n;
        for (size_t k = 0; k < n; k++) {
            int taken = 0;
            for (size_t i = 0; i < shown; i++)
                taken |= top[i] == k;
            if (r->why[k] && !taken && (best == n || r->why[k] > r->why[best]))
                best = k;
        }
        if (best == n)
            break;
        top[shown++] = best;
        more--;
        left -= r->why[best];
    }
    for (size_t i = 0; i < shown; i++) {
        char text[MSG_MAX], count[32];
        size_t k = top[i];
        int64_t code = k == n - 1 ? -1 : (int64_t)(k / ((size_t)s->nlocs + 1));
        int64_t loc = k == n - 1 ? -1 : (int64_t)(k % ((size_t)s->nlocs + 1)) - 1;
        if (code == POLRT_E_NOVERSION && loc < 0) {
            /* each claim's text names its own date: together, the policy's validity */
            char v[80];
            snprintf(text, sizeof text, "dated outside the policy's validity (%s)",
                     rt_schema_validity(s, v, sizeof v));
        } else if (code < 0) {
            snprintf(text, sizeof text, "other failures of the policy");
        } else {
            rt_failure_text(s, code, loc, POLRT_NONE, text, sizeof text);
        }
        fprintf(stderr, "  failed: %s %s\n", fmt_count(r->why[k], count), text);
    }
    if (more) {
        char count[32];
        fprintf(stderr, "  failed: %s for %zu other reason%s (the results' status column)\n",
                fmt_count(left, count), more, rt_plural((int64_t)more));
    }
}

/* The claims settled again after late claims (or reversals), and the adjustments (spec/DATA.md
 * "Late claims and reversals"): results alone say nothing of them, so the summary does, and where
 * they went; without --adjustments they are kept only in the ledger's audit table */
static void adjustments(const Run *r)
{
    char a[32], b[32];
    if (!r->resettled && !r->adjustments)
        return;
    fputs("  ", stderr);
    /* settlements redone, not claims: two late claims of a person-year each settle its
     * five later claims again, ten in all */
    if (r->resettled)
        fprintf(stderr, "%s settlement%s of %s claims redone%s: ", fmt_count(r->resettled, a),
                rt_plural(r->resettled), r->o->reverse ? "later" : "earlier",
                r->o->reverse ? "" : " (late claims)");
    const char *n = fmt_count(r->adjustments, b), *s = rt_plural(r->adjustments);
    if (!r->adjustments)
        fputs("no output changed\n", stderr);
    else if (r->o->adjustments)
        fprintf(stderr, "%s adjustment%s written to %s\n", n, s, r->o->adjustments);
    else if (!r->cl || r->cl->size == 1)
        fprintf(stderr, "%s adjustment%s; write them with --adjustments FILE\n", n, s);
    else if (rt_ledger_is_pg(r->o->ledger_db)) /* the URL may hold a password: not shown */
        fprintf(stderr,
                "%s adjustment%s, in the ledger: polc ledger history POLICY --ledger URL "
                "lists them\n",
                n, s);
    else /* across ranks --adjustments is refused: each rank's file holds its persons' */
        fprintf(stderr,
                "%s adjustment%s, in each rank's ledger: polc ledger history POLICY "
                "--ledger %s.rankKof%d lists them\n",
                n, s, r->o->ledger_db, r->cl->size);
}

static void summary(Run *r, const RtPipeStats *st, int64_t settled, int64_t already, int64_t failed,
                    const __int128 *totals, double secs)
{
    const RtSchema *s = r->s;
    int64_t total = settled + already + failed;
    char a[32], b[32], c[32], d[32], e[32];
    if (r->o->reverse) {
        fprintf(stderr, "%s: %s claim%s reversed, %s row%s rejected%s%s\n", r->o->claims,
                fmt_count(st->reversed, a), rt_plural(st->reversed), fmt_count(st->rejected, b),
                rt_plural(st->rejected), st->rejected ? ": " : "",
                st->rejected ? r->rejects_path : "");
        adjustments(r);
        return;
    }
    /* each file's rejected rows on its own name: a persons row counted in the claims
     * file's line was looked for there */
    int64_t rej = st->rejected - st->rejected_persons;
    fprintf(stderr, "%s: %s claim%s: %s settled, %s already settled, %s failed, %s row%s rejected",
            r->o->claims, fmt_count(total, a), rt_plural(total), fmt_count(settled, b),
            fmt_count(already, c), fmt_count(failed, d), fmt_count(rej, e), rt_plural(rej));
    if (st->rejected_persons)
        fprintf(stderr, "; %s: %s row%s rejected", r->o->persons,
                fmt_count(st->rejected_persons, a), rt_plural(st->rejected_persons));
    fputc('\n', stderr);
    adjustments(r);
    if (failed)
        failure_reasons(r);
    /* The totals are what this run paid: a claim already settled (the ledger had it) is in the
     * results with its stored outputs, but counting it again read as paying it twice. */
    const char *where = r->o->out ? r->o->out : "the results";
    if (already && !settled) {
        fprintf(
            stderr,
            "  nothing newly settled: the %s claim%s settled before (ledger) %s in %s as stored\n",
            fmt_count(already, a), rt_plural(already), already == 1 ? "is" : "are", where);
        goto tail;
    }
    if (already)
        fprintf(stderr,
                "  totals of the %s claim%s settled now, not of the %s settled before (ledger, in "
                "%s as stored)\n",
                fmt_count(settled, a), rt_plural(settled), fmt_count(already, b), where);
    /* each money output's total, headed as the results are (labels or names), padded by
     * display width (CJK two columns) */
    int width = 0;
    for (int i = 0; i < s->noutputs; i++) {
        int w = rt_display_width(rt_output_heading(s, i, r->labels));
        if (rt_output_counts(&s->outputs[i]) && w > width)
            width = w;
    }
    /* an amount the hospital bears (role hospital) is a total a bureau reports beside the
     * funds', said to be no fund's: the fund totals are what was paid */
    for (int i = 0; i < s->noutputs; i++) {
        if (!rt_output_counts(&s->outputs[i]))
            continue;
        char buf[32];
        int over = totals[i] > INT64_MAX || totals[i] < INT64_MIN;
        const char *h = rt_output_heading(s, i, r->labels);
        fprintf(stderr, "  %s%*s %18s yuan%s\n", h, width - rt_display_width(h), "",
                over ? "(overflow)" : polrt_fmt_money((int64_t)totals[i], buf, 1),
                s->outputs[i].role == RT_ROLE_HOSPITAL ? "  (borne by the hospital, not a fund)"
                                                       : "");
    }
tail:
    if (st->empty_rows)
        fprintf(stderr, "  %" PRId64 " empty row%s skipped\n", st->empty_rows,
                rt_plural(st->empty_rows));
    if (st->rejected > st->rejected_persons)
        fprintf(stderr, "  rejected claim rows: %s\n", r->rejects_path);
    if (st->rejected_persons)
        fprintf(stderr, "  rejected person rows: %s\n", r->prejects_path);
    fprintf(stderr, "  %s claims/s (%.2f s)\n",
            fmt_count(secs > 0 ? (int64_t)((double)total / secs) : 0, a), secs);
}

/* Across ranks, after the pipeline: every rank's counts and money totals summed on rank 0, for
 * its summary (a collective). 0, or -1 (memory). */
static int gather_counts(Run *r)
{
    const RtCluster *c = r->cl;
    int n = r->s->noutputs;
    size_t nwhy = why_slots(r->s);
    size_t bytes = 5 * sizeof(int64_t) + (size_t)n * sizeof *r->totals + nwhy * sizeof *r->why;
    char *mine = polrt_realloc(NULL, bytes);
    char **all = polrt_realloc(NULL, (size_t)c->size * sizeof *all);
    size_t *lens = polrt_realloc(NULL, (size_t)c->size * sizeof *lens);
    int rc = -1;
    if (mine && all && lens) {
        int64_t counts[5] = {r->settled, r->already, r->failed, r->resettled, r->adjustments};
        memcpy(mine, counts, sizeof counts);
        memcpy(mine + sizeof counts, r->totals, (size_t)n * sizeof *r->totals);
        memcpy(mine + sizeof counts + (size_t)n * sizeof *r->totals, r->why, nwhy * sizeof *r->why);
        rc = c->gather(c, mine, bytes, all, lens);
    }
    if (rc == 0 && c->rank == 0) {
        for (int k = 1; k < c->size; k++) {
            int64_t counts[5];
            memcpy(counts, all[k], sizeof counts);
            r->settled += counts[0];
            r->already += counts[1];
            r->failed += counts[2];
            r->resettled += counts[3];
            r->adjustments += counts[4];
            for (int i = 0; i < n; i++) {
                __int128 t;
                memcpy(&t, all[k] + sizeof counts + (size_t)i * sizeof t, sizeof t);
                r->totals[i] += t;
            }
            const char *w = all[k] + sizeof counts + (size_t)n * sizeof *r->totals;
            for (size_t i = 0; i < nwhy; i++) {
                int64_t v;
                memcpy(&v, w + i * sizeof v, sizeof v);
                r->why[i] += v;
            }
        }
        polrt_realloc(all[0], 0);
    }
    polrt_realloc(mine, 0);
    polrt_realloc(all, 0);
    polrt_realloc(lens, 0);
    return rc;
}

/* out names an existing device or pipe (/dev/null): nothing may be created beside it */
static int is_device(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && !S_ISREG(st.st_mode);
}

/* An output that names an input (the same file, through any name or link) would replace it
 * with results, and two outputs of one name would replace each other: refused before
 * anything is read; 0, or -1 (message in r->err) */
static int outputs_apart(Run *r)
{
    const PolRunOpts *o = r->o;
    /* no --out: the results (or explain's claim) go to standard output; a reversal writes none */
    const char *results = o->out ? o->out : o->reverse ? NULL : "-";
    const RtNamedPath outs[] = {{results, o->out ? "--out" : "the results"},
                                {o->explain, "--explain"},
                                {o->xlsx, "--xlsx"},
                                {o->adjustments, "--adjustments"},
                                {o->ledger_db, "--ledger"}},
                      files[] = {{o->claims, "the claims file (--claims)"},
                                 {o->persons, "the persons file (--persons)"},
                                 {o->ledger_db, "the ledger (--ledger)"},
                                 {r->rejects_path, "the rejects file"},
                                 {results, "the results file (--out)"}};
    if (o->xlsx && (!*o->xlsx || strcmp(o->xlsx, "-") == 0)) {
        snprintf(r->err, sizeof r->err, "--xlsx needs a file name (a workbook is not text)");
        return -1;
    }
    return rt_outputs_apart(outs, sizeof outs / sizeof outs[0], files,
                            sizeof files / sizeof files[0], 3, r->err, sizeof r->err);
}

/* the ledger this rank keeps: PostgreSQL is one ledger every rank shares; a SQLite file is one
 * writer's, so across N > 1 ranks each keeps its persons' rows in LEDGER.rankKofN (spec/SCALE.md:
 * the same N reads them again) */
static const char *ledger_path(Run *r)
{
    const char *db = r->o->ledger_db;
    if (!r->cl || r->cl->size == 1 || rt_ledger_is_pg(db))
        return db;
    size_t n = strlen(db) + 32;
    if (!r->ledger_buf && (r->ledger_buf = polrt_realloc(NULL, n)))
        snprintf(r->ledger_buf, n, "%s.rank%dof%d", db, r->cl->rank, r->cl->size);
    return r->ledger_buf ? r->ledger_buf : db;
}

/* --keep COLS: the names, cut at commas and trimmed; 0, or an exit code (message in r->err) */
static int parse_keep(Run *r)
{
    const char *keep = r->o->keep;
    if (!keep)
        return 0;
    size_t n = strlen(keep);
    if (!(r->keep_buf = polrt_realloc(NULL, n + 1)) ||
        !(r->keep = polrt_realloc(NULL, RUN_MAX_KEEP * sizeof *r->keep))) {
        snprintf(r->err, sizeof r->err, "out of memory");
        return POLRT_EXIT_SYSTEM;
    }
    memcpy(r->keep_buf, keep, n + 1);
    for (char *c = r->keep_buf, *end; c; c = end) {
        if ((end = strchr(c, ',')))
            *end++ = '\0';
        size_t len = strlen(c);
        const char *name = rt_trim(c, &len);
        ((char *)name)[len] = '\0';
        if (!*name) {
            snprintf(r->err, sizeof r->err, "--keep '%s': an empty column name", keep);
            return POLRT_EXIT_USAGE;
        }
        if (r->nkeep == RUN_MAX_KEEP) {
            snprintf(r->err, sizeof r->err, "--keep: at most %d columns", RUN_MAX_KEEP);
            return POLRT_EXIT_USAGE;
        }
        for (int k = 0; k < r->nkeep; k++)
            if (strcmp(r->keep[k], name) == 0) { /* the results would head two columns so */
                snprintf(r->err, sizeof r->err, "--keep: column '%s' named twice", name);
                return POLRT_EXIT_USAGE;
            }
        r->keep[r->nkeep++] = (char *)name;
    }
    return 0;
}

/* how a results row is written: its outputs' writers, a failed row's commas and the
 * statuses' tails; 0, or -1 (memory) */
static int results_row_setup(Run *r)
{
    const RtSchema *s = r->s;
    int n = s->noutputs;
    const RtType **types = polrt_realloc(NULL, (size_t)(n ? n : 1) * sizeof *types);
    r->commas = polrt_realloc(NULL, (size_t)n + 1);
    int rc = types && r->commas ? 0 : -1;
    for (int i = 0; rc == 0 && i < n; i++)
        types[i] = &s->outputs[i].type;
    if (rc == 0) {
        memset(r->commas, ',', (size_t)n + 1);
        rc = rt_rowfmt_init(&r->fmt, s, types, n, r->labels);
    }
    for (int st = 0; st < 2; st++) {
        const char *w = rt_results_word(st == 0 ? RT_W_SETTLED : RT_W_ALREADY, r->labels);
        /* a status word holds nothing to quote */
        r->ntail[st] = (size_t)snprintf(r->tail[st], sizeof r->tail[st], ",%s\n", w);
    }
    polrt_realloc(types, 0);
    return rc;
}

/* the run's files, buffers and ledger before anything is read: 0, or an exit code (message
 * in r->err): usage for outputs naming inputs, system for memory and the ledger (locked,
 * unreadable, full, not a polc ledger) */
static int run_setup(Run *r)
{
    const PolRunOpts *o = r->o;
    int rc = parse_keep(r);
    if (rc)
        return rc;
    /* rejects: as asked, else beside the results file, else in the current directory */
    if (o->rejects)
        r->rejects_path = o->rejects;
    else if (o->out && !is_device(o->out)) {
        size_t n = strlen(o->out);
        if ((r->rejects_buf = polrt_realloc(NULL, n + sizeof ".rejects.csv"))) {
            memcpy(r->rejects_buf, o->out, n);
            memcpy(r->rejects_buf + n, ".rejects.csv", sizeof ".rejects.csv");
        }
        r->rejects_path = r->rejects_buf;
    } else
        r->rejects_path = "rejects.csv";
    r->prejects_path = r->rejects_path ? rt_pipe_persons_rejects(r->rejects_path) : NULL;
    int threads = o->threads < 1 ? 1 : o->threads;
    r->nth = threads > 256 ? 256 : threads;
    /* zeroed at once: the end frees what th[nth] holds, whatever fails next */
    r->th = rt_alloc_lines(((size_t)r->nth + 1) * sizeof *r->th, 1);
    r->totals = polrt_realloc(NULL, ((size_t)r->s->noutputs + 1) * sizeof *r->totals);
    r->why = rt_alloc_lines(why_slots(r->s) * sizeof *r->why, 1);
    if ((r->iov = polrt_realloc(NULL, 2 * sizeof *r->iov))) {
        r->iov[0].to = &r->results;
        r->iov[1].to = &r->explain;
        r->iov[0].n = r->iov[1].n = 0;
    }
    if (!r->rejects_path || !r->prejects_path || !r->th || !r->totals || !r->why || !r->iov) {
        snprintf(r->err, sizeof r->err, "out of memory");
        return POLRT_EXIT_SYSTEM;
    }
    memset(r->totals, 0, ((size_t)r->s->noutputs + 1) * sizeof *r->totals);
    if (results_row_setup(r) < 0) {
        snprintf(r->err, sizeof r->err, "out of memory");
        return POLRT_EXIT_SYSTEM;
    }
    if (outputs_apart(r) < 0)
        return POLRT_EXIT_USAGE;
    RtLedgerKey key;
    if ((rc = rt_ledger_key_read(o->ledger_key, o->ledger_db, &key, r->err, sizeof r->err)))
        return rc;
    if (o->ledger_db) {
        if (rt_ledger_ranks_agree(o->ledger_db, r->cl ? r->cl->size : 1, NULL, r->err,
                                  sizeof r->err) < 0)
            rc = POLRT_EXIT_USAGE;
        else if (o->dry_run) /* a dry run reads a ledger, never creates one */
            rc = rt_ledger_exists(o->ledger_db, r->err, sizeof r->err);
        if (!rc && !(r->store = rt_ledger_open(r->s, ledger_path(r), &key, o->dry_run, r->err,
                                               sizeof r->err)))
            rc = POLRT_EXIT_SYSTEM;
        rt_ledger_key_wipe(&key);
        if (rc)
            return rc;
        rt_ledger_late_check(r->store, 1); /* late claims: spec/DATA.md */
    }
    return 0;
}

/* the claims through the pipeline, this run as its sink: rt_pipe_run's exit code */
static int run_pipeline(Run *r, RtPipeStats *ps)
{
    const PolRunOpts *o = r->o;
    RtPipeOpts po = {
        .claims = o->claims,
        .persons = o->persons,
        .rejects = r->rejects_path,
        .prejects = r->prejects_path,
        .remove_stale = 1,
        .threads = r->nth,
        .progress = o->progress == 1 || (o->progress < 0 && isatty(2)),
        .verb = "settling",
        .max_rejects = o->max_rejects,
        .tell_only = o->explain_claim,
        .trace = o->explain || o->explain_claim,
        .notes = !o->quiet,
        .show_ids = o->show_ids,
        .store = r->store,
        .cluster = r->cl,
        .ledger_turns = r->turns,
        .encoding = o->encoding,
        .late_reject = o->late_reject,
        .reverse = o->reverse,
        .keep = r->keep,
        .nkeep = r->nkeep,
    };
    RtPipeSink sink = {
        .self = r,
        .thread_init = thread_init,
        .thread_free = thread_free,
        .claim = claim,
        .batch = batch,
        .row_text = row_text,
        .row_remote = row_remote,
    };
    PolEngine *engines[] = {r->e};
    int rc = rt_pipe_run(engines, 1, &po, &sink, ps, r->err, sizeof r->err);
    /* a stop after ledger batches were committed wrote them: "nothing written" is untrue
     * (a trial had 30,612 claims in the ledger); their count, and what a run again does */
    size_t n = strlen(r->err), t = sizeof RT_PIPE_NOTHING_WRITTEN - 1;
    if (rc != 0 && r->committed > 0 && n >= t && !strcmp(r->err + n - t, RT_PIPE_NOTHING_WRITTEN)) {
        /* which ledger: a URL may hold a password (not shown); across ranks rank 0 saw every
         * rank's rows, another rank its own (its SQLite file; of a shared PostgreSQL ledger,
         * its persons' claims beside the other ranks') */
        int pg = rt_ledger_is_pg(o->ledger_db), ranks = r->cl && r->cl->size > 1;
        int own = ranks && r->cl->rank != 0;
        char what[sizeof r->err];
        if (pg || !ranks)
            snprintf(what, sizeof what, "the ledger%s%s holds", pg ? "" : " ",
                     pg ? "" : o->ledger_db);
        else if (own)
            snprintf(what, sizeof what, "the ledger %s holds", ledger_path(r));
        else
            snprintf(what, sizeof what, "the ledgers %s.rankKof%d hold", o->ledger_db, r->cl->size);
        snprintf(r->err + n - t, sizeof r->err - (n - t),
                 "; the results were not written, and %s the %" PRId64 " claim%s%s settled in the "
                 "batches committed before: a run again settles the rest, each claim once",
                 what, r->committed, rt_plural(r->committed),
                 own && pg ? " of this rank's persons (with the other ranks')" : "");
    }
    return rc == POLRT_EXIT_USAGE && r->code ? r->code : rc;
}

/* After the pipeline: the ledger committed, the outputs put in place (a completed run) or
 * removed (a stopped one never leaves partial results); the exit code */
static int run_finish(Run *r, int rc)
{
    const PolRunOpts *o = r->o;
    char lerr[MSG_MAX];
    if (rc == 0 && r->store && rt_ledger_commit(r->store, lerr, sizeof lerr) != 0) {
        char name[MSG_MAX];
        snprintf(r->err, sizeof r->err, "%s: %s", rt_ledger_said(o->ledger_db, name, sizeof name),
                 lerr);
        rc = POLRT_EXIT_SYSTEM;
    }
    if (rc == 0 && o->explain_claim && !r->explain_found) {
        snprintf(r->err, sizeof r->err, "claim '%s' is not in %s", o->explain_claim, o->claims);
        rc = 2;
    }
    /* the ledger closed (its checkpoint done, an uncommitted transaction rolled back) before
     * the results are put in place: results in place are the run's last act, so a run killed
     * after them has nothing left to do */
    if (r->store) {
        rt_ledger_close(r->store);
        r->store = NULL;
    }
    if (r->xlsx) {
        if (rc != 0)
            rt_xlsx_abort(r->xlsx);
        else if (rt_xlsx_commit(r->xlsx, lerr, sizeof lerr) < 0) {
            snprintf(r->err, sizeof r->err, "%s", lerr);
            rc = polrt_exit_for_errno(errno);
        }
        r->xlsx = NULL;
    }
    RtOut *files[] = {&r->results, &r->explain, &r->adjust};
    for (int i = 0; i < 3; i++) {
        if (rc != 0)
            rt_out_abort(files[i]);
        else if (rt_out_commit(files[i], lerr, sizeof lerr) < 0) {
            snprintf(r->err, sizeof r->err, "%s", lerr);
            rc = polrt_exit_for_errno(errno);
        }
    }
    /* a run stopped by its input (a bad header, too many rejected rows) settled nothing:
     * its results are not written and its ledger transaction is rolled back */
    if (rc == 3)
        r->settled = r->already = r->failed = 0;
    if (rc == 0 && o->explain_claim && !r->explained)
        fprintf(stderr, "%s: claim '%s' was rejected: nothing to explain\n", opts_program(),
                o->explain_claim);
    return rc;
}

/* what a run across ranks cannot do yet (spec/SCALE.md): POLRT_EXIT_USAGE with the reason in
 * r->err, or 0. r->turns set: a PostgreSQL ledger takes one writer at a time, so across ranks
 * they take turns, a transaction a batch (RtPipeOpts.ledger_turns). */
static int cluster_refusal(Run *r)
{
    const PolRunOpts *o = r->o;
    r->turns = r->cl && r->cl->size > 1 && o->ledger_db && rt_ledger_is_pg(o->ledger_db);
    if (r->cl && o->explain_claim)
        snprintf(r->err, sizeof r->err,
                 "one claim's explanation is not a job for %d ranks: run polc explain alone",
                 r->cl->size);
    /* a late claim's or a reversal's adjustments are made on the rank of the person, and
     * gathered nowhere: they stay in each rank's ledger_audit */
    else if (r->cl && r->cl->size > 1 && (o->adjustments || o->reverse))
        snprintf(r->err, sizeof r->err, "%s is not a job for %d ranks yet: run it alone",
                 o->reverse ? "--reverse" : "--adjustments", r->cl->size);
    /* --max-rejects keeps the run one transaction, rolled back when the run stops ("nothing
     * was settled"): not a turn */
    else if (r->turns && o->max_rejects)
        snprintf(r->err, sizeof r->err,
                 "--max-rejects with a PostgreSQL ledger is not a job for %d ranks yet (the "
                 "ranks commit each batch in turn): run it alone",
                 r->cl->size);
    else
        return 0;
    return POLRT_EXIT_USAGE;
}

/* what a run holds, freed (the ledger closed: an uncommitted transaction is rolled back) */
static void run_free(Run *r)
{
    if (r->store)
        rt_ledger_close(r->store);
    if (r->th) {
        polrt_realloc(r->th[r->nth].out.p, 0);
        polrt_realloc(r->th[r->nth].span, 0);
    }
    polrt_realloc(r->iov, 0);
    polrt_realloc(r->remote_x.p, 0);
    polrt_realloc(r->ledger_buf, 0);
    polrt_realloc(r->th, 0);
    polrt_realloc(r->adj.p, 0);
    polrt_realloc(r->totals, 0);
    polrt_realloc(r->why, 0);
    polrt_realloc(r->prejects_path, 0);
    polrt_realloc(r->rejects_buf, 0);
    polrt_realloc(r->kinds, 0);
    rt_cells_free(&r->cells);
    polrt_realloc(r->keep_buf, 0);
    polrt_realloc(r->keep, 0);
    rt_rowfmt_free(&r->fmt);
    polrt_realloc(r->commas, 0);
}

POLRT_API int polrt_run(PolEngine *e, const PolRunOpts *opts, PolRunStats *st)
{
    int64_t t0 = rt_now_ns();
    if (st)
        memset(st, 0, sizeof *st);
    if (!e || !opts || !opts->claims) {
        fprintf(stderr, "%s: no claims file given\n", opts_program());
        return 2;
    }
    PolRunOpts o = *opts;
    if (o.out && strcmp(o.out, "-") == 0)
        o.out = NULL; /* standard output */
    Run run = {0}, *r = &run;
    r->e = e;
    r->s = rt_engine_schema(e);
    r->o = &o;
    r->cl = o.cluster;
    RtPipeStats ps = {0};
    int rc = cluster_refusal(r);
    if (rc == 0 && (r->labels = rt_labels_on(r->s, o.labels, r->err, sizeof r->err)) < 0)
        rc = POLRT_EXIT_USAGE;
    if (rc == 0)
        rc = run_setup(r);
    if (rc == 0)
        rc = run_finish(r, run_pipeline(r, &ps));
    r->resettled = ps.resettled;
    r->adjustments = ps.adjustments;
    if (r->cl && rc != POLRT_EXIT_USAGE && rc != POLRT_EXIT_SYSTEM && gather_counts(r) < 0) {
        snprintf(r->err, sizeof r->err, "out of memory");
        rc = POLRT_EXIT_SYSTEM;
    }
    /* across ranks a failure stops every rank: the others may be waiting for this one */
    if (r->cl && (rc == POLRT_EXIT_USAGE || rc == POLRT_EXIT_SYSTEM))
        r->cl->fail(r->cl, rc, r->err[0] ? r->err : "failed");
    double secs = (double)(rt_now_ns() - t0) / 1e9;
    if (rc == 0 && !o.quiet)
        summary(r, &ps, r->settled, r->already, r->failed, r->totals, secs);
    /* rows rejected, or claims their data made fail: bad input. When one claim's explanation
     * is all the run writes, the exit code is that claim's: 0 when it settled, whatever
     * became of the file's other claims. */
    if (rc == 0 &&
        (explain_only(&o) ? !r->explained || r->explain_failed : ps.rejected || r->failed))
        rc = 3;
    if (st) {
        st->settled = r->settled;
        st->already = r->already;
        st->rejected = ps.rejected;
        st->failed = r->failed;
        st->seconds = secs;
    }
    if ((rc == POLRT_EXIT_USAGE || rc == POLRT_EXIT_SYSTEM) && r->err[0])
        fprintf(stderr, "%s: %s\n", opts_program(), r->err);
    run_free(r);
    return rc;
}
