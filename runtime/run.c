/* run.c — polrt_run, the batch run: persons and claims CSV in, results CSV out. Loads the
 * persons, checks every claim row in a first streaming pass (bad rows to the rejects file,
 * duplicate ids, the per-person date order), then settles the good ones through the session
 * API — streaming when each person's claims already come in date order, else loaded and
 * sorted — on N threads partitioned by person, and writes results in input order, atomically. */
#include "rt_int.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* claims in flight between the reader and the in-order writer with -j N: enough to keep N
 * workers busy when one person's claims cluster on one of them; bounds streaming memory */
#define RUN_WINDOW 4096
/* more threads than this cannot help: the reader and the single writer are the limit */
#define RUN_MAX_THREADS 256
/* claims per ledger transaction: few enough that a kill loses seconds of work, many enough
 * that SQLite's per-commit sync does not dominate */
#define RUN_COMMIT_EVERY 5000
/* progress refresh interval (ns): smooth to the eye, negligible cost */
#define PROGRESS_NS 200000000LL
/* claims between two looks at the clock for the progress line */
#define PROGRESS_STRIDE 256
/* pool block size: persons and ids are small; 1 MiB blocks keep allocations few */
/* stdio buffer of each output file */
#define OUT_BUFSIZE (1 << 16)
/* longest message kept for a row or a claim error */
#define MSG_MAX 512
/* Run.rstatus of a claim refused while settling (loaded mode): rejected, no results row */
#define RSTATUS_REJECTED 2

/* ---- Small helpers ---------------------------------------------------------------------- */

/* A results row is built in one buffer and written with one call. */
typedef struct Line {
    char *p;
    size_t n, cap;
    int oom; /* an append failed: the row is incomplete */
} Line;

static void line_add(Line *l, const char *s, size_t n)
{
    if (l->n + n > l->cap && !l->oom && rt_grow(&l->p, &l->cap, l->n + n, 1) < 0)
        l->oom = 1;
    if (l->oom)
        return;
    memcpy(l->p + l->n, s, n);
    l->n += n;
}

/* a CSV cell: quoted when it holds a comma, quote, line break or edge blank */
static void put_cell(Line *l, const char *s)
{
    size_t n = strlen(s);
    int q = n && (s[0] == ' ' || s[n - 1] == ' ');
    for (size_t i = 0; i < n && !q; i++)
        q = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (!q) {
        line_add(l, s, n);
        return;
    }
    line_add(l, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            line_add(l, "\"", 1);
        line_add(l, s + i, 1);
    }
    line_add(l, "\"", 1);
}

/* ---- Output files: temp + rename -------------------------------------------------------- */

/* A file written under a temporary name in the same directory and renamed over the final
 * name only when complete, so a reader never sees half a file and a killed run leaves the
 * previous one intact. A symbolic link is followed (the file it names is replaced); a
 * device or pipe (/dev/null, /dev/stdout) is written in place, as renaming over it would
 * replace the device. path NULL: stdout. */
typedef struct OutFile {
    const char *path; /* the name asked for (NULL: stdout) */
    char *final;      /* the name renamed to (the link's target), NULL when in place */
    char *tmp;        /* temporary name while open */
    FILE *f;
    char *buf; /* stdio buffer */
} OutFile;

static void out_release(OutFile *o)
{
    polrt_realloc(o->tmp, 0);
    polrt_realloc(o->final, 0);
    polrt_realloc(o->buf, 0);
    o->tmp = o->final = o->buf = NULL;
    o->f = NULL;
}

/* the file a dangling link names (to be created): its target, relative to the link's
 * directory; 0, or -1 with errno */
static int dangling(const char *link, char real[PATH_MAX])
{
    char target[PATH_MAX];
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n < 0)
        return -1;
    target[n] = '\0';
    const char *slash = strrchr(link, '/');
    int dirlen = target[0] == '/' || !slash ? 0 : (int)(slash - link + 1);
    if (snprintf(real, PATH_MAX, "%.*s%s", dirlen, link, target) >= PATH_MAX) {
        errno = ENAMETOOLONG;
        return -1;
    }
    return 0;
}

static int out_open(OutFile *o, const char *path, char *err, size_t errlen)
{
    memset(o, 0, sizeof *o);
    o->path = path;
    if (!path) {
        o->f = stdout;
        return 0;
    }
    if (!(o->buf = polrt_realloc(NULL, OUT_BUFSIZE)))
        goto oom;
    struct stat st;
    int fd = -1;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        fd = open(path, O_WRONLY | O_CLOEXEC);
        if (fd < 0)
            goto fail;
    } else {
        char real[PATH_MAX];
        const char *name = path;
        if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
            if (!realpath(path, real) && (errno != ENOENT || dangling(path, real) < 0))
                goto fail;
            name = real;
        }
        size_t n = strlen(name) + 48;
        if (!(o->final = rt_strdup(name)) || !(o->tmp = polrt_realloc(NULL, n)))
            goto oom;
        for (int k = 0; k < 100 && fd < 0; k++) {
            snprintf(o->tmp, n, "%s.tmp%ld.%d", name, (long)getpid(), k);
            fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
            if (fd < 0 && errno != EEXIST)
                break;
        }
        if (fd < 0)
            goto fail;
    }
    if (!(o->f = fdopen(fd, "wb"))) {
        int e = errno;
        close(fd);
        if (o->tmp)
            unlink(o->tmp);
        errno = e;
        goto fail;
    }
    setvbuf(o->f, o->buf, _IOFBF, OUT_BUFSIZE);
    return 0;
oom:
    errno = ENOMEM;
fail:
    snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
    out_release(o);
    return -1;
}

/* finish: flush, and for a file written aside sync and rename it over the final name; -1
 * with a message on any error (the final name then keeps its old content) */
static int out_commit(OutFile *o, char *err, size_t errlen)
{
    if (!o->f)
        return 0;
    int bad = ferror(o->f) || fflush(o->f) != 0;
    int e = errno;
    if (!bad && o->tmp && fsync(fileno(o->f)) != 0) {
        bad = 1;
        e = errno;
    }
    if (o->f != stdout && fclose(o->f) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    o->f = NULL;
    if (!bad && o->tmp && rename(o->tmp, o->final) != 0) {
        bad = 1;
        e = errno;
    }
    if (bad) {
        snprintf(err, errlen, "cannot write %s: %s", o->path ? o->path : "results",
                 strerror(e ? e : EIO));
        if (o->tmp)
            unlink(o->tmp);
    }
    out_release(o);
    return bad ? -1 : 0;
}

/* give up: close and remove the temporary file, leave the final name alone */
static void out_abort(OutFile *o)
{
    if (o->f == stdout)
        fflush(stdout);
    else if (o->f)
        fclose(o->f);
    if (o->f && o->tmp)
        unlink(o->tmp);
    out_release(o);
}

/* remove a rejects file an earlier run left, if it is one (a regular file) */
static int remove_stale(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    return unlink(path) == 0 || errno == ENOENT ? 0 : -1;
}

/* ---- The run's state -------------------------------------------------------------------- */

typedef struct Person {
    const char *id;  /* pool */
    int64_t *fields; /* schema "person" values (pool, or the shared defaults) */
    int64_t *hist;   /* nspans rows of schema "history" width */
    int64_t nspans;
    int64_t line;      /* persons file line of its first row (0: made from a claim) */
    int64_t bad_line;  /* a rejected persons row named it (0: none) */
    int64_t last_date; /* date of its latest good claim so far (order check) */
    int64_t last_rec;  /* data record of its last good claim: after it settles, the person
                          leaves the session (streaming) */
    int has_claim;     /* last_date is set */
    int worker;        /* the thread that settles its claims */
    int registered;    /* polrt_session_person done (only its worker touches this) */
} Person;

/* a header bound to schema fields */
typedef struct Binding {
    int ncols;
    char **hdr;             /* header cells, as in the file */
    int id_col, person_col; /* claim_id / person_id columns, -1 when absent */
    int nf;                 /* fields bound (claim; or person then history) */
    const RtField **f;
    int *col;            /* per field: its column, -1 when absent */
    int fixed_id;        /* 1 claims (claim_id + person_id), 0 persons (person_id only) */
    char *ignored;       /* "foo, bar": columns bound to nothing (pool), NULL if none */
    const char *raw_hdr; /* the header record's raw bytes (pool), for the rejects file */
    size_t nraw_hdr;
} Binding;

/* one claim on its way through a worker: input, then result */
typedef struct Slot {
    int64_t seq;          /* its rank among the good claims, in input order */
    int64_t person;       /* index into Run.persons */
    int64_t offset, line; /* the record's, to re-read it if settling refuses the row */
    int forget;           /* the person's last claim: the person leaves the session after it */
    int refused;          /* the session refused the claim (a conflict with the ledger): the row
                             goes to the rejects, with err as the reason */
    const char *claim_id;
    const int64_t *fields;
    char *id_buf; /* streaming: this slot's copy of the claim */
    size_t id_cap;
    int64_t *field_buf;
    int status; /* PolResult.status */
    int64_t err_code, err_loc;
    int64_t *out;      /* outputs */
    int64_t *trace;    /* copies of the PolResult arrays, when explanations are asked */
    char err[MSG_MAX]; /* "error: ..." text when status is -1 */
    int done;          /* settled, waiting to be written (guarded by Run.mu) */
} Slot;

struct Run;
typedef struct Worker {
    struct Run *r;
    PolSession *sess;
    pthread_t th;
    int64_t *queue; /* tickets to settle, a ring of RUN_WINDOW */
    int64_t qhead, qtail;
    pthread_cond_t cv;
} Worker;

typedef struct Run {
    PolEngine *e;
    const RtSchema *s;
    const PolRunOpts *o;
    RtPool pool;
    char err[MSG_MAX]; /* a run-level error (I/O, memory): exit 2 */
    int failed_io;
    /* persons */
    Person *persons;
    size_t npersons, cap_persons;
    uint64_t *ptab; /* person table: hash tag << 32 | (index + 1), 0 empty */
    size_t ptab_cap;
    int64_t *defaults; /* person field defaults, when there is no persons file */
    int have_persons;  /* a persons file was read */
    const char *persons_name;
    /* claims */
    const char *claims_name;
    Binding cb;
    int date_idx;  /* claim field giving the date order (-1: none) */
    uint8_t *skip; /* per data record: not settled (rejected or empty) */
    size_t skip_cap;
    int64_t nrecords, ngood;
    int streaming;                  /* each person's claims come in date order: settle as read */
    int bom;                        /* the claims file starts with a BOM (the results do too) */
    int explain_found;              /* explain_claim's id is in the claims file */
    int explained;                  /* and its explanation was written */
    int64_t *cvals, *pvals, *hvals; /* scratch: one row's claim / person / history values */
    int64_t *chk_pver;              /* scratch of the input checks (one per param) */
    RtMap suspects;                 /* Suspect by hash: pass 2 settles them (pool entries) */
    RtCsv *reread;                  /* re-reads a row refused while settling */
    /* outputs */
    OutFile results, rejects, prejects, explain;
    Line line; /* a results row being built */
    const char *rejects_path;
    char *prejects_path;
    /* counters */
    long rejected, empty_rows, settled, already, failed;
    long rejected_persons; /* of rejected: rows of the persons file */
    int64_t *totals;       /* per output: sum of money outputs (fen) */
    int *total_overflow;
    /* settlement */
    int nthreads;
    int64_t window; /* slots: RUN_WINDOW with threads, 1 without */
    Worker *workers;
    Slot *slots;
    int64_t next_retire; /* tickets retired (written) so far */
    int64_t ntickets;
    int stop; /* workers: no more tickets */
    pthread_mutex_t mu;
    pthread_cond_t done_cv;
    int fatal; /* a worker hit a run-level error (message in fatal_msg) */
    char fatal_msg[MSG_MAX];
    int frozen; /* pass 2: the person table is read by workers, never grown */
    int64_t since_commit;
    /* load mode: everything by seq */
    int64_t *cpos; /* the record's offset and line */
    char **ids;
    int64_t *cfields;
    int64_t *cperson;
    int8_t *rstatus;
    int64_t *rout;
    char **rerr;
    /* progress */
    int progress;
    int64_t t_settle, last_progress; /* when settling began; the last progress line */
    int progress_shown;
} Run;

static void run_error(Run *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->err, sizeof r->err, fmt, ap);
    va_end(ap);
    r->failed_io = 1;
}

/* ---- Progress on stderr ----------------------------------------------------------------- */

static void progress_clear(Run *r)
{
    if (!r->progress_shown)
        return;
    fprintf(stderr, "\r%*s\r", 78, "");
    r->progress_shown = 0;
}

/* whole numbers with thousands separators: "1,234,567" */
static char *fmt_count(int64_t n, char *buf)
{
    polrt_fmt_money(n * 100, buf, 1);
    buf[strlen(buf) - 3] = '\0';
    return buf;
}

/* "polc: settling 1,234/5,000 claims  812/s  0:05 left" (total < 0: "polc: checking F 45%",
 * done and -total being bytes), at most every PROGRESS_NS */
static void progress(Run *r, int64_t done, int64_t total)
{
    if (!r->progress)
        return;
    int64_t t = rt_now_ns();
    if (t - r->last_progress < PROGRESS_NS)
        return;
    r->last_progress = t;
    if (total < 0) {
        fprintf(stderr, "\rpolc: checking %s %d%%   ", r->claims_name,
                (int)(100 * done / (-total ? -total : 1)));
        r->progress_shown = 1;
        return;
    }
    double secs = (double)(t - r->t_settle) / 1e9;
    double rate = secs > 0 ? (double)done / secs : 0;
    char a[32], b[32], c[32];
    fprintf(stderr, "\rpolc: settling %s/%s claims  %s/s", fmt_count(done, a), fmt_count(total, b),
            fmt_count((int64_t)rate, c));
    if (rate > 0) {
        long left = (long)((double)(total - done) / rate);
        fprintf(stderr, "  %ld:%02ld left", left / 60, left % 60);
    }
    fputs("   ", stderr);
    r->progress_shown = 1;
}

/* ---- Persons: a table by id ------------------------------------------------------------- */

/* a person table slot: the hash's high half (compared before the ids) and index + 1 */
static uint64_t person_slot(uint64_t h, size_t k)
{
    return (h & UINT64_C(0xFFFFFFFF00000000)) | (uint64_t)(k + 1);
}

static int64_t person_find(const Run *r, const char *id, size_t n, uint64_t h)
{
    if (!r->ptab_cap)
        return -1;
    uint64_t tag = h & UINT64_C(0xFFFFFFFF00000000);
    for (size_t i = h & (r->ptab_cap - 1);; i = (i + 1) & (r->ptab_cap - 1)) {
        uint64_t e = r->ptab[i];
        if (!e)
            return -1;
        if ((e & UINT64_C(0xFFFFFFFF00000000)) != tag)
            continue;
        int64_t k = (int64_t)(e & 0xFFFFFFFF) - 1;
        const char *pid = r->persons[k].id;
        if (strncmp(pid, id, n) == 0 && pid[n] == '\0')
            return k;
    }
}

/* persons the table holds at most: an index fits the low half of a slot */
#define MAX_PERSONS UINT32_MAX - 1

/* a new person with this id; its index, or -1 (memory) */
static int64_t person_add(Run *r, const char *id, size_t n, uint64_t h)
{
    if (r->npersons >= MAX_PERSONS)
        return -1;
    if ((r->npersons + 1) * 2 > r->ptab_cap) {
        size_t cap = r->ptab_cap ? r->ptab_cap * 2 : 1024;
        uint64_t *t = polrt_realloc(NULL, cap * sizeof *t);
        if (!t)
            return -1;
        memset(t, 0, cap * sizeof *t);
        for (size_t k = 0; k < r->npersons; k++) {
            const char *pid = r->persons[k].id;
            uint64_t hk = rt_hash_id(pid, strlen(pid));
            size_t i = hk & (cap - 1);
            while (t[i])
                i = (i + 1) & (cap - 1);
            t[i] = person_slot(hk, k);
        }
        polrt_realloc(r->ptab, 0);
        r->ptab = t;
        r->ptab_cap = cap;
    }
    if (rt_grow(&r->persons, &r->cap_persons, r->npersons + 1, sizeof *r->persons) < 0)
        return -1;
    Person *p = &r->persons[r->npersons];
    memset(p, 0, sizeof *p);
    if (!(p->id = rt_pool_str(&r->pool, id, n)))
        return -1;
    p->fields = r->defaults;
    p->worker = (int)(h % (uint64_t)r->nthreads);
    size_t i = h & (r->ptab_cap - 1);
    while (r->ptab[i])
        i = (i + 1) & (r->ptab_cap - 1);
    r->ptab[i] = person_slot(h, r->npersons);
    return (int64_t)r->npersons++;
}

/* ---- Headers ---------------------------------------------------------------------------- */

/* Bind a header row to fields (by name, then by label) and the fixed id columns, which bind
 * by their names claim_id and person_id only: the schema declares no labels for them, and a
 * guessed Chinese alias could capture an unrelated column. A missing required column or a
 * field bound twice is a file-level error (-1, message in why). */
static int bind_header(Run *r, const char *file, const RtRecord *h, Binding *b, char *why,
                       size_t len)
{
    if (h->error) {
        snprintf(why, len, "%s:%" PRId64 ": header: %s", file, h->line, h->error);
        return -1;
    }
    b->ncols = h->nfields;
    b->id_col = b->person_col = -1;
    b->hdr = rt_pool_alloc(&r->pool, (size_t)h->nfields * sizeof *b->hdr);
    b->col = rt_pool_alloc(&r->pool, (size_t)(b->nf ? b->nf : 1) * sizeof *b->col);
    b->raw_hdr = rt_pool_str(&r->pool, h->raw, h->nraw);
    b->nraw_hdr = h->nraw;
    if (!b->hdr || !b->col || !b->raw_hdr) {
        snprintf(why, len, "out of memory");
        return -1;
    }
    for (int k = 0; k < b->nf; k++)
        b->col[k] = -1;
    char ign[MSG_MAX] = "";
    size_t nign = 0;
    for (int c = 0; c < h->nfields; c++) {
        size_t n = h->len[c];
        const char *name = rt_trim(h->field[c], &n);
        if (!(b->hdr[c] = rt_pool_str(&r->pool, name, n))) {
            snprintf(why, len, "out of memory");
            return -1;
        }
        name = b->hdr[c];
        int *fixed = NULL;
        if (b->fixed_id && strcmp(name, "claim_id") == 0)
            fixed = &b->id_col;
        else if (strcmp(name, "person_id") == 0)
            fixed = &b->person_col;
        int k = -1;
        for (int j = 0; j < b->nf && k < 0 && !fixed; j++)
            if (strcmp(b->f[j]->name, name) == 0)
                k = j;
        for (int j = 0; j < b->nf && k < 0 && !fixed; j++)
            if (b->f[j]->label && strcmp(b->f[j]->label, name) == 0)
                k = j;
        int *slot = fixed ? fixed : k >= 0 ? &b->col[k] : NULL;
        if (!slot) {
            int w = snprintf(ign + nign, sizeof ign - nign, "%s'%s'", nign ? ", " : "",
                             n ? name : "(unnamed)");
            if (w > 0 && (size_t)w < sizeof ign - nign)
                nign += (size_t)w;
            continue;
        }
        if (*slot >= 0) {
            snprintf(why, len, "%s:%" PRId64 ": columns '%s' and '%s' both give '%s'", file,
                     h->line, b->hdr[*slot], name, fixed ? name : b->f[k]->name);
            return -1;
        }
        *slot = c;
    }
    if (nign && !(b->ignored = rt_pool_str(&r->pool, ign, nign))) {
        snprintf(why, len, "out of memory");
        return -1;
    }
    const char *missing = b->fixed_id && b->id_col < 0 ? "claim_id"
                          : b->person_col < 0          ? "person_id"
                                                       : NULL;
    for (int k = 0; k < b->nf && !missing; k++)
        if (b->col[k] < 0 && !b->f[k]->has_default)
            missing = b->f[k]->name; /* optional too: a misspelt header must not read as
                                        "absent" on every row */
    if (missing) {
        snprintf(why, len, "%s:%" PRId64 ": missing column '%s' (required by the policy)", file,
                 h->line, missing);
        return -1;
    }
    return 0;
}

/* after bind_header failed: a file-level error (3), or no memory (2) */
static int header_failed(Run *r, const char *why)
{
    if (strcmp(why, "out of memory") == 0) {
        run_error(r, "%s", why);
        return 2;
    }
    fprintf(stderr, "%s\n", why);
    return 3;
}

/* Fields [from, to) of b from one row into vals[0..): the declared default or POLRT_NONE for
 * an empty cell, else the parsed value; money must not be negative. -1 with why. */
static int convert(const Run *r, const Binding *b, int from, int to, const RtRecord *rec,
                   int64_t *vals, char *why, size_t len)
{
    for (int k = from; k < to; k++) {
        const RtField *f = b->f[k];
        int c = b->col[k];
        const char *cell = c >= 0 ? rec->field[c] : "";
        size_t n = c >= 0 ? rec->len[c] : 0;
        const char *name = c >= 0 ? b->hdr[c] : f->name;
        if (rt_bind_cell(r->s, f, name, cell, n, &vals[k - from], why, len) < 0)
            return -1;
    }
    return 0;
}

/* the trimmed text of column c, or NULL when blank or absent */
static const char *id_cell(const RtRecord *rec, int c, size_t *n)
{
    if (c < 0 || c >= rec->nfields)
        return NULL;
    *n = rec->len[c];
    const char *s = rt_trim(rec->field[c], n);
    return *n ? s : NULL;
}

static int all_blank(const RtRecord *rec)
{
    for (int c = 0; c < rec->nfields; c++)
        if (!rt_cell_blank(rec->field[c], rec->len[c]))
            return 0;
    return !rec->error;
}

/* ---- Rejected rows ---------------------------------------------------------------------- */

/* Report a bad row as "file:line: reason" and copy its bytes to the rejects file (opened on
 * the first one, header row first). 0, or -1 on a write error (run error set). */
static int reject(Run *r, OutFile *rj, const char *path, const char *file, const Binding *b,
                  const RtRecord *rec, const char *reason)
{
    progress_clear(r);
    fprintf(stderr, "%s:%" PRId64 ": %s\n", file, rec->line, reason);
    r->rejected++;
    if (rj == &r->prejects)
        r->rejected_persons++;
    if (!rj->f) {
        if (out_open(rj, path, r->err, sizeof r->err) < 0) {
            r->failed_io = 1;
            return -1;
        }
        fwrite(b->raw_hdr, 1, b->nraw_hdr, rj->f);
        if (b->nraw_hdr && b->raw_hdr[b->nraw_hdr - 1] != '\n')
            putc('\n', rj->f);
    }
    fwrite(rec->raw, 1, rec->nraw, rj->f);
    if (rec->nraw && rec->raw[rec->nraw - 1] != '\n') {
        /* the file's last line had no line end: give it the header's */
        int crlf = b->nraw_hdr >= 2 && b->raw_hdr[b->nraw_hdr - 2] == '\r';
        fputs(crlf ? "\r\n" : "\n", rj->f);
    }
    return 0;
}

static int too_many_rejects(Run *r, const char *file)
{
    if (r->o->max_rejects <= 0 || r->rejected < r->o->max_rejects)
        return 0;
    progress_clear(r);
    fprintf(stderr, "polc: %s: stopped after %ld rejected rows (max %ld); nothing was settled\n",
            file, r->rejected, r->o->max_rejects);
    return 1;
}

/* ---- Persons file ----------------------------------------------------------------------- */

/* One person row: person fields (which must agree with the person's earlier rows) and an
 * identity span unless all history cells are empty. 0 good, 1 rejected (why), -1 memory. */
static int person_row(Run *r, Binding *b, const RtRecord *rec, int64_t **spans, size_t *nspans,
                      size_t *cap_spans, char *why, size_t len)
{
    const RtSchema *s = r->s;
    size_t n;
    if (rec->error) {
        snprintf(why, len, "%s", rec->error);
        return 1;
    }
    if (rec->nfields != b->ncols) {
        snprintf(why, len, "expected %d fields, found %d", b->ncols, rec->nfields);
        return 1;
    }
    const char *id = id_cell(rec, b->person_col, &n);
    if (!id) {
        snprintf(why, len, "%s: missing value", b->hdr[b->person_col]);
        return 1;
    }
    int64_t *pv = r->pvals, *hv = r->hvals;
    if (convert(r, b, 0, s->nperson, rec, pv, why, len) < 0)
        return 1;
    int any = 0;
    for (int k = s->nperson; k < b->nf && !any; k++)
        any = b->col[k] >= 0 && !rt_cell_blank(rec->field[b->col[k]], rec->len[b->col[k]]);
    if (any && convert(r, b, s->nperson, b->nf, rec, hv, why, len) < 0)
        return 1;
    uint64_t h = rt_hash_id(id, n);
    int64_t k = person_find(r, id, n, h);
    if (k >= 0 && r->persons[k].line) {
        Person *p = &r->persons[k];
        for (int j = 0; j < s->nperson; j++) {
            if (p->fields[j] == pv[j])
                continue;
            char a[64], c[64];
            rt_format_value(s, &s->person[j].type, pv[j], a, sizeof a);
            rt_format_value(s, &s->person[j].type, p->fields[j], c, sizeof c);
            snprintf(why, len, "person '%s': %s is '%s' here but '%s' on line %" PRId64, p->id,
                     s->person[j].name, a, c, p->line);
            return 1;
        }
    } else {
        if (k < 0 && (k = person_add(r, id, n, h)) < 0)
            return -1;
        Person *p = &r->persons[k];
        p->line = rec->line;
        if (s->nperson) {
            if (!(p->fields = rt_pool_alloc(&r->pool, (size_t)s->nperson * sizeof *pv)))
                return -1;
            memcpy(p->fields, pv, (size_t)s->nperson * sizeof *pv);
        }
    }
    if (any) {
        /* a span: [person index, history values...] appended to one array */
        size_t w = (size_t)s->nhist + 1;
        if (rt_grow(spans, cap_spans, (*nspans + 1) * w, sizeof **spans) < 0)
            return -1;
        int64_t *row = *spans + *nspans * w;
        row[0] = k;
        memcpy(row + 1, hv, (size_t)s->nhist * sizeof *hv);
        (*nspans)++;
    }
    return 0;
}

/* taint the person a rejected row names, so that none of its claims settle on a partial
 * identity history; -1 on memory */
static int taint_person(Run *r, const Binding *b, const RtRecord *rec)
{
    size_t n;
    const char *id = rec->error ? NULL : id_cell(rec, b->person_col, &n);
    if (!id)
        return 0;
    uint64_t h = rt_hash_id(id, n);
    int64_t k = person_find(r, id, n, h);
    if (k < 0 && (k = person_add(r, id, n, h)) < 0)
        return -1;
    if (!r->persons[k].bad_line)
        r->persons[k].bad_line = rec->line;
    return 0;
}

/* Read the persons file into the table; spans grouped per person in file order (a counting
 * sort by person). Returns 0, 2 (I/O, message in r->err), 3 (file-level error printed or too
 * many rejects). */
static int load_persons(Run *r)
{
    const RtSchema *s = r->s;
    const char *path = r->o->persons;
    Binding *b = &(Binding){0};
    b->nf = s->nperson + s->nhist;
    b->f = rt_pool_alloc(&r->pool, (size_t)(b->nf ? b->nf : 1) * sizeof *b->f);
    if (!b->f) {
        run_error(r, "out of memory");
        return 2;
    }
    for (int k = 0; k < s->nperson; k++)
        b->f[k] = &s->person[k];
    for (int k = 0; k < s->nhist; k++)
        b->f[s->nperson + k] = &s->hist[k];
    RtCsv *c = rt_csv_open(path, r->err, sizeof r->err);
    if (!c) {
        r->failed_io = 1;
        return 2;
    }
    int rc = 0;
    RtRecord rec;
    char why[MSG_MAX];
    int64_t *spans = NULL;
    size_t nspans = 0, cap_spans = 0;
    int got = rt_csv_next(c, &rec);
    if (got == 0) {
        fprintf(stderr, "%s:1: empty file (expected a header row)\n", path);
        rc = 3;
    } else if (got > 0 && bind_header(r, path, &rec, b, why, sizeof why) < 0) {
        rc = header_failed(r, why);
    }
    while (rc == 0 && (got = rt_csv_next(c, &rec)) > 0) {
        if (all_blank(&rec)) {
            r->empty_rows++;
            continue;
        }
        int k = person_row(r, b, &rec, &spans, &nspans, &cap_spans, why, sizeof why);
        if (k < 0 || (k == 1 && taint_person(r, b, &rec) < 0)) {
            run_error(r, "out of memory");
            rc = 2;
        } else if (k == 1 && reject(r, &r->prejects, r->prejects_path, path, b, &rec, why) < 0)
            rc = 2;
        else if (k == 1 && too_many_rejects(r, path))
            rc = 3;
    }
    if (got < 0) {
        run_error(r, "cannot read %s: %s", path, rt_csv_errmsg(c));
        rc = 2;
    }
    rt_csv_close(c);
    if (rc == 0 && b->ignored && !r->o->quiet)
        fprintf(stderr, "polc: note: %s: columns ignored (not in the policy): %s\n", path,
                b->ignored);
    /* spans to contiguous per-person arrays, in file order */
    size_t w = (size_t)s->nhist + 1;
    int64_t *all = NULL;
    if (rc == 0 && nspans) {
        all = rt_pool_alloc(&r->pool, nspans * (size_t)s->nhist * sizeof *all);
        if (!all) {
            run_error(r, "out of memory");
            rc = 2;
        }
    }
    if (rc == 0 && nspans) {
        for (size_t i = 0; i < nspans; i++)
            r->persons[spans[i * w]].nspans++;
        int64_t at = 0;
        for (size_t k = 0; k < r->npersons; k++) {
            r->persons[k].hist = all + at * s->nhist;
            at += r->persons[k].nspans;
            r->persons[k].nspans = 0;
        }
        for (size_t i = 0; i < nspans; i++) {
            Person *p = &r->persons[spans[i * w]];
            memcpy(p->hist + p->nspans * s->nhist, spans + i * w + 1,
                   (size_t)s->nhist * sizeof *all);
            p->nspans++;
        }
    }
    polrt_realloc(spans, 0);
    return rc;
}

/* ---- Claims, first pass: check every row ------------------------------------------------ */

/* Duplicate claim ids, in memory that does not grow with the claims.
 *
 * - Claims of one person usually come together (a file sorted by person). The ids of the
 *   current run of rows of one person (a good row of another person starts the next run; a
 *   bad row, whose person may be unknown, does not) are kept exactly, as (hash, offset + 1)
 *   pairs whose hash matches are confirmed by re-reading the earlier record, so two
 *   different ids never count as one: a duplicate within the run is rejected at once, in
 *   file order. This costs 16 bytes per claim of the run, O(claims per person), and is
 *   cleared when the person changes, or after RUNSET_MAX ids (a person with millions of
 *   claims, a file whose every row is bad): a later duplicate of a cleared id is still found,
 *   by the hashes below, only reported in pass 2.
 * - Every id's 64-bit hash also goes into a buffer of DUP_RUN hashes; a full buffer is sorted
 *   and written to a temporary file (8 bytes a claim on disk, none in memory), and after pass
 *   1 the sorted runs are merged: a hash seen twice is a suspect. Pass 2 reads the file in
 *   order again anyway: it keeps the text of each suspect's ids as they come and rejects a
 *   row whose id it has already met, so a duplicate across persons is always found (only
 *   reported in pass 2, after pass 1's rejects), and two ids whose hashes collide never
 *   count as one. Suspects are the duplicates (and, once in 2^64 / n^2, a collision).
 * A table of every id (23-46 bytes a claim with its load factor) or a Bloom filter (2-4
 * bytes, still growing, its false positives growing a set of suspects) would keep growing
 * with the file; this keeps DUP_RUN hashes (2 MiB) whatever its length. */

/* hashes sorted in memory before a run goes to disk: 2 MiB, sorted in ~20 ms; a 1 GB file
 * makes ~65 runs, merged with the same buffer split between them */
#define DUP_RUN (1 << 18)
/* hashes per run: DUP_RUN, or what a test asks for (rt_run_test_dup_run) to make runs on disk
 * with a small file */
static size_t dup_run = DUP_RUN;

void rt_run_test_dup_run(size_t n)
{
    dup_run = n ? n : DUP_RUN;
}

/* the least a run's share of that buffer holds during the merge (over 4096 runs, a billion
 * claims, the merge takes more memory rather than reading 8 bytes at a time) */
#define DUP_MERGE_MIN 64
/* the run set is cleared (not reallocated) up to this many slots when the person changes;
 * a larger one, grown for a person with many claims, is freed so that clearing stays
 * proportional to the claims */
#define RUNSET_KEEP_SLOTS 64
/* ids in one run set at most (1.5 MiB with its load factor): far more than any person's
 * claims, and a bound on the memory whatever the file */
#define RUNSET_MAX (1 << 16)

/* a suspect hash, and the ids with that hash pass 2 has met (pool) */
typedef struct SeenId {
    struct SeenId *next;
    size_t n;
    char id[];
} SeenId;
typedef struct Suspect {
    uint64_t h;
    SeenId *ids;
} Suspect;

typedef struct DupCheck {
    /* the current run of one person's rows: exact */
    char *person; /* its person_id text (grown as needed), NULL before the first row */
    size_t person_cap;
    uint64_t *tab; /* 2 words per slot: hash, offset + 1 (0: empty) */
    size_t cap, n;
    RtCsv *reread; /* a second reader on the claims file */
    /* every id's hash */
    uint64_t *hbuf; /* DUP_RUN hashes not yet on disk */
    size_t hn;
    int tmpfd; /* the sorted runs, DUP_RUN hashes each (-1: none yet); unlinked */
    int64_t nruns;
} DupCheck;

static int runset_grow(DupCheck *d)
{
    size_t cap = d->cap ? d->cap * 2 : 16;
    uint64_t *t = polrt_realloc(NULL, cap * 2 * sizeof *t);
    if (!t)
        return -1;
    memset(t, 0, cap * 2 * sizeof *t);
    for (size_t i = 0; i < d->cap; i++) {
        if (!d->tab[2 * i + 1])
            continue;
        size_t j = d->tab[2 * i] & (cap - 1);
        while (t[2 * j + 1])
            j = (j + 1) & (cap - 1);
        t[2 * j] = d->tab[2 * i];
        t[2 * j + 1] = d->tab[2 * i + 1];
    }
    polrt_realloc(d->tab, 0);
    d->tab = t;
    d->cap = cap;
    return 0;
}

/* a new run of rows begins (another person): forget the last run's ids */
static int runset_reset(Run *r, DupCheck *d, const char *person, size_t n)
{
    if (d->cap > RUNSET_KEEP_SLOTS) {
        polrt_realloc(d->tab, 0);
        d->tab = NULL;
        d->cap = 0;
    } else if (d->cap) {
        memset(d->tab, 0, d->cap * 2 * sizeof *d->tab);
    }
    d->n = 0;
    if (rt_grow(&d->person, &d->person_cap, n + 1, 1) < 0) {
        run_error(r, "out of memory");
        return -1;
    }
    memcpy(d->person, person, n);
    d->person[n] = '\0';
    return 0;
}

/* Is id new in the current run? Adds it: 0 new, 1 seen before, -1 error (r->err). */
static int runset_add(Run *r, DupCheck *d, const char *id, size_t n, uint64_t h, int64_t offset)
{
    if ((d->n + 1) * 10 > d->cap * 7 && runset_grow(d) < 0) {
        run_error(r, "out of memory");
        return -1;
    }
    size_t j = h & (d->cap - 1);
    for (; d->tab[2 * j + 1]; j = (j + 1) & (d->cap - 1)) {
        if (d->tab[2 * j] != h)
            continue;
        if (!d->reread && !(d->reread = rt_csv_open(r->o->claims, r->err, sizeof r->err))) {
            r->failed_io = 1;
            return -1;
        }
        RtRecord old;
        size_t m;
        if (rt_csv_seek(d->reread, (int64_t)d->tab[2 * j + 1] - 1, 1) < 0 ||
            rt_csv_next(d->reread, &old) != 1) {
            run_error(r, "cannot re-read %s", r->o->claims);
            return -1;
        }
        const char *oid = id_cell(&old, r->cb.id_col, &m);
        if (oid && m == n && memcmp(oid, id, n) == 0)
            return 1;
    }
    d->tab[2 * j] = h;
    d->tab[2 * j + 1] = (uint64_t)offset + 1;
    d->n++;
    return 0;
}

static int u64_cmp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static int suspect_eq(const void *entry, const void *key)
{
    return ((const Suspect *)entry)->h == *(const uint64_t *)key;
}

/* h is a suspect (once); 0, or -1 (memory, r->err) */
static int suspect_add(Run *r, uint64_t h)
{
    if (rt_map_find(&r->suspects, h, suspect_eq, &h))
        return 0;
    Suspect *s = rt_pool_alloc(&r->pool, sizeof *s);
    if (!s || rt_map_put(&r->suspects, h, s) < 0) {
        run_error(r, "out of memory");
        return -1;
    }
    s->h = h;
    s->ids = NULL;
    return 0;
}

/* write all n bytes at offset; 0, or -1 (r->err) */
static int tmp_write(Run *r, int fd, const void *p, size_t n, int64_t off)
{
    const char *b = p;
    while (n) {
        ssize_t k = pwrite(fd, b, n, (off_t)off);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            run_error(r, "cannot write a temporary file: %s", strerror(k < 0 ? errno : ENOSPC));
            return -1;
        }
        b += k;
        n -= (size_t)k;
        off += k;
    }
    return 0;
}

/* The sorted buffer becomes the next run on disk (in TMPDIR, else /tmp; unlinked at once,
 * so it goes with the process whatever happens). 0, or -1 (r->err). */
static int hashes_spill(Run *r, DupCheck *d)
{
    if (d->tmpfd < 0) {
        const char *dir = getenv("TMPDIR");
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/polc-ids.XXXXXX", dir && *dir ? dir : "/tmp");
        if ((d->tmpfd = mkstemp(path)) < 0) {
            run_error(r, "cannot create a temporary file in %s: %s", dir && *dir ? dir : "/tmp",
                      strerror(errno));
            return -1;
        }
        unlink(path);
    }
    if (tmp_write(r, d->tmpfd, d->hbuf, d->hn * sizeof *d->hbuf,
                  d->nruns * (int64_t)dup_run * (int64_t)sizeof *d->hbuf) < 0)
        return -1;
    d->nruns++;
    d->hn = 0;
    return 0;
}

/* one more id's hash; 0, or -1 (r->err) */
static int hashes_add(Run *r, DupCheck *d, uint64_t h)
{
    if (!d->hbuf && !(d->hbuf = polrt_realloc(NULL, dup_run * sizeof *d->hbuf))) {
        run_error(r, "out of memory");
        return -1;
    }
    d->hbuf[d->hn++] = h;
    if (d->hn < dup_run)
        return 0;
    qsort(d->hbuf, d->hn, sizeof *d->hbuf, u64_cmp);
    return hashes_spill(r, d);
}

/* a run's cursor in the merge: its share of the buffer, refilled from the file */
typedef struct RunCur {
    uint64_t *buf;
    size_t pos, len, cap;
    int64_t off, end; /* its next unread byte in the file, and its end */
} RunCur;

static int cur_fill(Run *r, int fd, RunCur *c)
{
    size_t want = c->cap * sizeof *c->buf;
    if ((int64_t)want > c->end - c->off)
        want = (size_t)(c->end - c->off);
    size_t got = 0;
    while (got < want) {
        ssize_t k = pread(fd, (char *)c->buf + got, want - got, (off_t)(c->off + (int64_t)got));
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            run_error(r, "cannot read a temporary file: %s", k < 0 ? strerror(errno) : "short");
            return -1;
        }
        got += (size_t)k;
    }
    c->off += (int64_t)got;
    c->pos = 0;
    c->len = got / sizeof *c->buf;
    return 0;
}

/* the heap of run indices, least current hash first */
static int cur_less(const RunCur *c, int a, int b)
{
    return c[a].buf[c[a].pos] < c[b].buf[c[b].pos];
}

static void heap_down(const RunCur *c, int *heap, int n, int i)
{
    for (;;) {
        int l = 2 * i + 1, m = i;
        if (l < n && cur_less(c, heap[l], heap[m]))
            m = l;
        if (l + 1 < n && cur_less(c, heap[l + 1], heap[m]))
            m = l + 1;
        if (m == i)
            return;
        int t = heap[i];
        heap[i] = heap[m];
        heap[m] = t;
        i = m;
    }
}

/* After pass 1: every hash seen twice becomes a suspect. In memory when all fit the buffer,
 * else the runs on disk merged through the same buffer. 0, or -1 (r->err). */
static int hashes_finish(Run *r, DupCheck *d)
{
    if (!d->hn && !d->nruns)
        return 0;
    qsort(d->hbuf, d->hn, sizeof *d->hbuf, u64_cmp);
    if (d->nruns == 0) {
        for (size_t i = 1; i < d->hn; i++)
            if (d->hbuf[i] == d->hbuf[i - 1] && suspect_add(r, d->hbuf[i]) < 0)
                return -1;
        return 0;
    }
    if (d->hn && hashes_spill(r, d) < 0)
        return -1;
    int64_t k = d->nruns, size = (int64_t)dup_run * (int64_t)sizeof *d->hbuf;
    int64_t total = lseek(d->tmpfd, 0, SEEK_END);
    size_t share = dup_run / (size_t)k > DUP_MERGE_MIN ? dup_run / (size_t)k : DUP_MERGE_MIN;
    uint64_t *big = NULL;
    if ((size_t)k * share > dup_run)
        big = polrt_realloc(NULL, (size_t)k * share * sizeof *big);
    RunCur *cur = polrt_realloc(NULL, (size_t)k * sizeof *cur);
    int *heap = polrt_realloc(NULL, (size_t)k * sizeof *heap);
    int rc = -1, n = 0;
    if (!cur || !heap || ((size_t)k * share > dup_run && !big)) {
        run_error(r, "out of memory");
        goto out;
    }
    for (int64_t i = 0; i < k; i++) {
        cur[i] = (RunCur){(big ? big : d->hbuf) + (size_t)i * share, 0, 0, share, i * size,
                          i + 1 < k ? (i + 1) * size : total};
        if (cur_fill(r, d->tmpfd, &cur[i]) < 0)
            goto out;
        if (cur[i].len)
            heap[n++] = (int)i;
    }
    for (int i = n / 2 - 1; i >= 0; i--)
        heap_down(cur, heap, n, i);
    uint64_t last = 0;
    int have = 0, added = 0;
    while (n > 0) {
        RunCur *c = &cur[heap[0]];
        uint64_t h = c->buf[c->pos++];
        if (have && h == last) {
            if (!added && suspect_add(r, h) < 0)
                goto out;
            added = 1;
        } else {
            last = h;
            have = 1;
            added = 0;
        }
        if (c->pos == c->len && cur_fill(r, d->tmpfd, c) < 0)
            goto out;
        if (c->len == 0)
            heap[0] = heap[--n];
        heap_down(cur, heap, n, 0);
    }
    rc = 0;
out:
    polrt_realloc(big, 0);
    polrt_realloc(cur, 0);
    polrt_realloc(heap, 0);
    return rc;
}

/* The duplicate check of one row with a readable id (bad: the row is rejected for another
 * reason): 0 new (or left to pass 2), 1 a duplicate of a row earlier in its person's run,
 * -1 error (r->err). */
static int dup_check(Run *r, DupCheck *d, const RtRecord *rec, const char *id, size_t n, int bad)
{
    size_t pn = 0;
    const char *pid = id_cell(rec, r->cb.person_col, &pn);
    if (!pid)
        pid = "";
    if (!d->person || d->n >= RUNSET_MAX ||
        (!bad && (strlen(d->person) != pn || memcmp(d->person, pid, pn) != 0)))
        if (runset_reset(r, d, pid, pn) < 0)
            return -1;
    uint64_t h = rt_hash_id(id, n);
    int dup = runset_add(r, d, id, n, h, rec->offset);
    if (dup == 0 && hashes_add(r, d, h) < 0)
        return -1;
    return dup;
}

static void dup_free(DupCheck *d)
{
    polrt_realloc(d->tab, 0);
    polrt_realloc(d->person, 0);
    rt_csv_close(d->reread);
    polrt_realloc(d->hbuf, 0);
    if (d->tmpfd >= 0)
        close(d->tmpfd);
}

/* Pass 2: a row whose id pass 2 has met before (in file order, rejected rows included, as in
 * pass 1) is a duplicate: 1; else 0 (the id noted when it is a suspect's); -1 memory (r->err).
 * Only rows of the right shape have an id, as in pass 1. */
static int dup_late(Run *r, const RtRecord *rec, const char **id, size_t *n)
{
    if (r->suspects.n == 0 || rec->error || rec->nfields != r->cb.ncols)
        return 0;
    if (!(*id = id_cell(rec, r->cb.id_col, n)))
        return 0;
    uint64_t h = rt_hash_id(*id, *n);
    Suspect *s = rt_map_find(&r->suspects, h, suspect_eq, &h);
    if (!s)
        return 0;
    for (const SeenId *e = s->ids; e; e = e->next)
        if (e->n == *n && memcmp(e->id, *id, *n) == 0)
            return 1;
    SeenId *e = rt_pool_alloc(&r->pool, sizeof *e + *n);
    if (!e) {
        run_error(r, "out of memory");
        return -1;
    }
    e->n = *n;
    memcpy(e->id, *id, *n);
    e->next = s->ids;
    s->ids = e;
    return 0;
}

static int skip_set(Run *r, int64_t k)
{
    size_t had = r->skip_cap;
    if (rt_grow(&r->skip, &r->skip_cap, (size_t)k / 8 + 1, 1) < 0)
        return -1;
    memset(r->skip + had, 0, r->skip_cap - had);
    r->skip[k / 8] |= (uint8_t)(1u << (k % 8));
    return 0;
}

static int skipped(const Run *r, int64_t k)
{
    return (size_t)k / 8 < r->skip_cap && (r->skip[k / 8] >> (k % 8) & 1);
}

/* One claim row's fields and person; 0 good, 1 bad (why), -1 memory. Shared by both passes,
 * so the second sees exactly what the first checked. */
static int claim_row(Run *r, const RtRecord *rec, int64_t *vals, int64_t *person, char *why,
                     size_t len)
{
    const Binding *b = &r->cb;
    size_t n;
    if (rec->error) {
        snprintf(why, len, "%s", rec->error);
        return 1;
    }
    if (rec->nfields != b->ncols) {
        snprintf(why, len, "expected %d fields, found %d", b->ncols, rec->nfields);
        return 1;
    }
    if (!id_cell(rec, b->id_col, &n)) {
        snprintf(why, len, "%s: missing value", b->hdr[b->id_col]);
        return 1;
    }
    const char *pid = id_cell(rec, b->person_col, &n);
    if (!pid) {
        snprintf(why, len, "%s: missing value", b->hdr[b->person_col]);
        return 1;
    }
    if (convert(r, b, 0, b->nf, rec, vals, why, len) < 0)
        return 1;
    uint64_t h = rt_hash_id(pid, n);
    int64_t k = person_find(r, pid, n, h);
    if (k < 0 && (r->have_persons || r->frozen)) {
        snprintf(why, len, "unknown person '%.*s' (not in %s)", (int)n, pid,
                 r->have_persons ? r->persons_name : r->claims_name);
        return 1;
    }
    if (k >= 0 && r->persons[k].bad_line) {
        snprintf(why, len, "person '%.*s' has a rejected row (%s:%" PRId64 ")", (int)n, pid,
                 r->persons_name, r->persons[k].bad_line);
        return 1;
    }
    if (k < 0 && (k = person_add(r, pid, n, h)) < 0)
        return -1;
    *person = k;
    return 0;
}

/* the policy's input checks on a row that binds cleanly: 1 rejected (why), else 0 */
static int policy_check(Run *r, const int64_t *vals, char *why, size_t len)
{
    int64_t code, loc;
    if (!rt_engine_check(r->e, vals, r->chk_pver, &code, &loc))
        return 0;
    rt_err_describe(r->s, code, loc, why, len);
    return 1;
}

/* Pass 1: every claim row checked (binding, the policy's input checks, duplicate ids) and
 * bad ones rejected before anything settles; notes whether each person's good claims come
 * in date order, and each person's last good claim. 0, 2 (I/O) or 3 (stop). */
static int check_claims(Run *r, RtCsv *c)
{
    const char *file = r->claims_name;
    DupCheck ids = {.tmpfd = -1};
    RtRecord rec;
    char why[MSG_MAX];
    int64_t *vals = r->cvals, person = -1;
    int rc = 0, got;
    r->streaming = 1;
    while ((got = rt_csv_next(c, &rec)) > 0) {
        int64_t k = r->nrecords++;
        if (all_blank(&rec)) {
            r->empty_rows++;
            if (skip_set(r, k) < 0)
                goto oom;
            continue;
        }
        int bad = claim_row(r, &rec, vals, &person, why, sizeof why);
        if (bad < 0)
            goto oom;
        if (!bad)
            bad = policy_check(r, vals, why, sizeof why);
        size_t n;
        const char *id =
            rec.error || rec.nfields != r->cb.ncols ? NULL : id_cell(&rec, r->cb.id_col, &n);
        if (id) {
            int dup = dup_check(r, &ids, &rec, id, n, bad);
            if (dup < 0) {
                rc = 2;
                break;
            }
            if (dup && !bad) {
                snprintf(why, sizeof why, "duplicate claim id '%.*s'", (int)n, id);
                bad = 1;
            }
            if (r->o->explain_claim && strlen(r->o->explain_claim) == n &&
                memcmp(r->o->explain_claim, id, n) == 0)
                r->explain_found = 1;
        }
        if (bad) {
            if (skip_set(r, k) < 0)
                goto oom;
            if (reject(r, &r->rejects, r->rejects_path, file, &r->cb, &rec, why) < 0) {
                rc = 2;
                break;
            }
            if (too_many_rejects(r, file)) {
                rc = 3;
                break;
            }
            continue;
        }
        r->ngood++;
        r->persons[person].last_rec = k;
        if (r->date_idx >= 0) {
            Person *p = &r->persons[person];
            int64_t d = vals[r->date_idx];
            if (p->has_claim && d < p->last_date)
                r->streaming = 0;
            if (!p->has_claim || d > p->last_date)
                p->last_date = d;
            p->has_claim = 1;
        }
        if ((k & (PROGRESS_STRIDE - 1)) == 0 && rt_csv_size(c) > 0)
            progress(r, rt_csv_offset(c), -rt_csv_size(c));
    }
    if (got < 0) {
        run_error(r, "cannot read %s: %s", file, rt_csv_errmsg(c));
        rc = 2;
    }
    if (rc == 0 && hashes_finish(r, &ids) < 0)
        rc = 2;
    dup_free(&ids);
    return rc;
oom:
    dup_free(&ids);
    run_error(r, "out of memory");
    return 2;
}

/* ---- Settling ---------------------------------------------------------------------------- */

/* sizes of the PolResult arrays copied for an explanation */
static size_t trace_len(const RtSchema *s)
{
    return 2 * (size_t)s->nledger_fields + (size_t)s->nledgers + 2 * (size_t)s->nrules +
           2 * (size_t)s->nparams + 1;
}

/* "claim C1: amount overflow in rule ..." without the "claim C1: " a results row repeats */
static const char *without_claim(const char *msg, const char *id)
{
    size_t n = strlen(id);
    if (strncmp(msg, "claim ", 6) == 0 && strncmp(msg + 6, id, n) == 0 &&
        strncmp(msg + 6 + n, ": ", 2) == 0)
        return msg + 8 + n;
    return msg;
}

/* Settle the claim in sl on worker w and keep what its row and explanation need. A policy
 * failure is the claim's own error row; a claim the session refuses (its id settled before
 * with other data) is a rejected row; a session failure (ledger I/O, memory) stops the run:
 * -1, message in the session. After the person's last claim the person leaves the session,
 * so memory holds only the persons with claims still to come. */
static int settle(Worker *w, Slot *sl)
{
    Run *r = w->r;
    const RtSchema *s = r->s;
    Person *p = &r->persons[sl->person];
    if (!p->registered) {
        if (polrt_session_person(w->sess, p->id, p->fields, p->hist, p->nspans) != 0)
            return -1;
        p->registered = 1;
    }
    PolResult res;
    int rc = polrt_session_claim(w->sess, sl->claim_id, p->id, sl->fields, &res);
    if (sl->forget) {
        rt_session_forget(w->sess, p->id);
        p->registered = 0;
    }
    if (rc == -2)
        return -1;
    sl->refused = rc == -1;
    if (sl->refused) {
        if (rt_session_conflict(w->sess))
            snprintf(sl->err, sizeof sl->err,
                     "claim id %s was already settled with other data (ledger)", sl->claim_id);
        else
            snprintf(sl->err, sizeof sl->err, "%s",
                     without_claim(polrt_session_errmsg(w->sess), sl->claim_id));
        sl->status = -1;
        return 0;
    }
    sl->status = (int)res.status;
    sl->err_code = res.err_code;
    sl->err_loc = res.err_loc;
    if (res.status == -1)
        snprintf(sl->err, sizeof sl->err, "error: %s",
                 without_claim(polrt_session_errmsg(w->sess), sl->claim_id));
    memcpy(sl->out, res.out, (size_t)s->noutputs * sizeof *sl->out);
    if (sl->trace) {
        int64_t *t = sl->trace;
        size_t nl = (size_t)s->nledger_fields, nr = (size_t)s->nrules;
        memcpy(t, res.ledger_before, nl * sizeof *t);
        memcpy(t + nl, res.ledger_after, nl * sizeof *t);
        t += 2 * nl;
        memcpy(t, res.keys, (size_t)s->nledgers * sizeof *t);
        t += s->nledgers;
        memcpy(t, res.rule_val, nr * sizeof *t);
        memcpy(t + nr, res.branch, nr * sizeof *t);
        memcpy(t + 2 * nr, res.pver, (size_t)s->nparams * sizeof *t);
        if (res.pidx)
            memcpy(t + 2 * nr + s->nparams, res.pidx, (size_t)s->nparams * sizeof *t);
        else
            for (int i = 0; i < s->nparams; i++)
                t[2 * nr + (size_t)s->nparams + (size_t)i] = -1;
    }
    return 0;
}

/* the PolResult of a settled slot, rebuilt from its copies */
static PolResult slot_result(const Run *r, const Slot *sl)
{
    const RtSchema *s = r->s;
    PolResult res = {
        .status = sl->status, .err_code = sl->err_code, .err_loc = sl->err_loc, .out = sl->out};
    const int64_t *t = sl->trace;
    size_t nl = (size_t)s->nledger_fields, nr = (size_t)s->nrules;
    res.ledger_before = t;
    res.ledger_after = t + nl;
    res.keys = t + 2 * nl;
    t += 2 * nl + (size_t)s->nledgers;
    res.rule_val = t;
    res.branch = t + nr;
    res.pver = t + 2 * nr;
    res.pidx = t + 2 * nr + s->nparams;
    return res;
}

static const char *status_text(int status, const char *err)
{
    return status == 0 ? "settled" : status == 1 ? "already settled" : err;
}

/* write the row built in r->line; -1 (run error) when it could not be built */
static int line_flush(Run *r, FILE *f)
{
    Line *l = &r->line;
    if (l->oom) {
        run_error(r, "out of memory");
        return -1;
    }
    fwrite(l->p, 1, l->n, f);
    l->n = 0;
    return 0;
}

/* the results header: claim_id, the outputs, status */
static int write_header(Run *r, FILE *f)
{
    put_cell(&r->line, "claim_id");
    for (int i = 0; i < r->s->noutputs; i++) {
        line_add(&r->line, ",", 1);
        put_cell(&r->line, r->s->outputs[i].name);
    }
    line_add(&r->line, ",status\n", 8);
    return line_flush(r, f);
}

static int write_row(Run *r, FILE *f, const char *id, int status, const int64_t *out,
                     const char *err)
{
    char buf[64];
    put_cell(&r->line, id);
    for (int i = 0; i < r->s->noutputs; i++) {
        line_add(&r->line, ",", 1);
        if (status != -1)
            put_cell(&r->line,
                     rt_format_value(r->s, &r->s->outputs[i].type, out[i], buf, sizeof buf));
    }
    line_add(&r->line, ",", 1);
    put_cell(&r->line, status_text(status, err));
    line_add(&r->line, "\n", 1);
    return line_flush(r, f);
}

/* make the ledger durable up to here and open the next batch */
static int commit_batch(Run *r)
{
    char err[MSG_MAX];
    PolSession *s0 = r->workers[0].sess;
    if (rt_session_commit(s0, err, sizeof err) != 0 || rt_session_begin(s0, err, sizeof err)) {
        run_error(r, "ledger %s: %s", r->o->ledger_db, err);
        return -1;
    }
    return 0;
}

/* A claim refused while settling: its row, read again, goes to the rejects like the rows
 * pass 1 rejected (same message form, the file's line); 0, or -1 (run error set) */
static int reject_late(Run *r, const Slot *sl)
{
    RtRecord rec;
    if (!r->reread && !(r->reread = rt_csv_open(r->o->claims, r->err, sizeof r->err))) {
        r->failed_io = 1;
        return -1;
    }
    if (rt_csv_seek(r->reread, sl->offset, sl->line) < 0 || rt_csv_next(r->reread, &rec) != 1) {
        run_error(r, "cannot re-read %s", r->o->claims);
        return -1;
    }
    return reject(r, &r->rejects, r->rejects_path, r->claims_name, &r->cb, &rec, sl->err);
}

/* A settled claim, in dispatch order: count it, explain it, and write its row (streaming)
 * or keep it for the end (loaded mode: rows come out in input order). A refused one is
 * rejected instead, and has no results row. */
static int retire(Run *r, Slot *sl)
{
    const RtSchema *s = r->s;
    if (sl->refused) {
        if (!r->streaming)
            r->rstatus[sl->seq] = RSTATUS_REJECTED;
        if (reject_late(r, sl) < 0)
            return -1;
        goto committed;
    }
    if (sl->status == 0)
        r->settled++;
    else if (sl->status == 1)
        r->already++;
    else
        r->failed++;
    if (sl->status != -1)
        for (int i = 0; i < s->noutputs; i++)
            if (s->outputs[i].type.kind == RT_MONEY && sl->out[i] != POLRT_NONE &&
                __builtin_add_overflow(r->totals[i], sl->out[i], &r->totals[i]))
                r->total_overflow[i] = 1;
    if (sl->trace) {
        PolResult res = slot_result(r, sl);
        if (r->explain.f)
            polrt_explain_json(r->e, sl->claim_id, sl->fields, &res, r->explain.f);
        if (r->o->explain_claim && strcmp(r->o->explain_claim, sl->claim_id) == 0) {
            progress_clear(r);
            polrt_explain_text(r->e, sl->claim_id, sl->fields, &res, stdout);
            r->explained = 1;
        }
    }
    if (r->streaming) {
        if (r->results.f &&
            write_row(r, r->results.f, sl->claim_id, sl->status, sl->out, sl->err) < 0)
            return -1;
    } else {
        size_t no = (size_t)s->noutputs;
        r->rstatus[sl->seq] = (int8_t)sl->status;
        memcpy(r->rout + (size_t)sl->seq * no, sl->out, no * sizeof *sl->out);
        if (sl->status == -1 &&
            !(r->rerr[sl->seq] = rt_pool_str(&r->pool, sl->err, strlen(sl->err)))) {
            run_error(r, "out of memory");
            return -1;
        }
    }
    /* commit in batches: a kill loses at most the claims since the last commit, which a
     * re-run then settles exactly as this run would have */
committed:
    if (r->o->ledger_db && ++r->since_commit >= RUN_COMMIT_EVERY) {
        r->since_commit = 0;
        if (commit_batch(r) < 0)
            return -1;
    }
    if ((r->next_retire & (PROGRESS_STRIDE - 1)) == 0)
        progress(r, r->next_retire, r->ngood);
    return 0;
}

/* a worker thread: settle the tickets of its queue until told to stop */
static void *worker_main(void *arg)
{
    Worker *w = arg;
    Run *r = w->r;
    pthread_mutex_lock(&r->mu);
    for (;;) {
        while (w->qhead == w->qtail && !r->stop)
            pthread_cond_wait(&w->cv, &r->mu);
        if (w->qhead == w->qtail)
            break;
        int64_t t = w->queue[w->qhead++ % RUN_WINDOW];
        Slot *sl = &r->slots[t % r->window];
        int fatal = r->fatal;
        pthread_mutex_unlock(&r->mu);
        /* after a fatal error nothing more is settled: the run writes no results */
        int rc = fatal ? 0 : settle(w, sl);
        pthread_mutex_lock(&r->mu);
        if (rc < 0 && !r->fatal) {
            r->fatal = 1;
            snprintf(r->fatal_msg, sizeof r->fatal_msg, "%s", polrt_session_errmsg(w->sess));
        }
        sl->done = 1;
        pthread_cond_signal(&r->done_cv);
    }
    pthread_mutex_unlock(&r->mu);
    return NULL;
}

/* Retire finished claims in ticket order; with wait, block until every dispatched one is.
 * Called by the reading thread only. 0, or -1 on a run-level error. */
static int drain(Run *r, int wait)
{
    while (r->next_retire < r->ntickets) {
        Slot *sl = &r->slots[r->next_retire % r->window];
        if (r->nthreads > 1) {
            pthread_mutex_lock(&r->mu);
            while (wait && !sl->done && !r->fatal)
                pthread_cond_wait(&r->done_cv, &r->mu);
            int done = sl->done, fatal = r->fatal;
            if (fatal)
                run_error(r, "%s", r->fatal_msg);
            pthread_mutex_unlock(&r->mu);
            if (fatal)
                return -1;
            if (!done)
                return 0;
        }
        if (retire(r, sl) < 0)
            return -1;
        sl->done = 0;
        r->next_retire++;
    }
    return 0;
}

/* Hand one good claim to its person's worker, or settle it here with -j 1. The id and
 * fields are copied into the slot unless they live as long as the run (loaded mode). pos:
 * the record's offset and line; forget: the person's last claim. */
static int dispatch(Run *r, int64_t seq, int64_t person, const char *id, size_t idlen,
                    const int64_t *fields, int copy, const int64_t pos[2], int forget)
{
    const RtSchema *s = r->s;
    if (r->ntickets - r->next_retire == r->window) {
        /* the window is full: wait for the oldest claim, then write what is ready */
        Slot *head = &r->slots[r->next_retire % r->window];
        if (r->nthreads > 1) {
            pthread_mutex_lock(&r->mu);
            while (!head->done && !r->fatal)
                pthread_cond_wait(&r->done_cv, &r->mu);
            pthread_mutex_unlock(&r->mu);
        }
        if (drain(r, 0) < 0)
            return -1;
    }
    int64_t t = r->ntickets++;
    Slot *sl = &r->slots[t % r->window];
    sl->seq = seq;
    sl->person = person;
    sl->offset = pos[0];
    sl->line = pos[1];
    sl->forget = forget;
    sl->refused = 0;
    if (copy) {
        if (rt_grow(&sl->id_buf, &sl->id_cap, idlen + 1, 1) < 0) {
            run_error(r, "out of memory");
            return -1;
        }
        memcpy(sl->id_buf, id, idlen);
        sl->id_buf[idlen] = '\0';
        memcpy(sl->field_buf, fields, (size_t)s->nclaim * sizeof *fields);
        sl->claim_id = sl->id_buf;
        sl->fields = sl->field_buf;
    } else {
        sl->claim_id = id;
        sl->fields = fields;
    }
    if (r->nthreads == 1) {
        if (settle(&r->workers[0], sl) < 0) {
            run_error(r, "%s", polrt_session_errmsg(r->workers[0].sess));
            return -1;
        }
        return drain(r, 0);
    }
    Worker *w = &r->workers[r->persons[person].worker];
    pthread_mutex_lock(&r->mu);
    w->queue[w->qtail++ % RUN_WINDOW] = t;
    pthread_cond_signal(&w->cv);
    pthread_mutex_unlock(&r->mu);
    return drain(r, 0);
}

/* Pass 2 when each person's claims already come in date order: read, settle and write as
 * we go; memory stays at one window of claims whatever the file's length. */
static int settle_streaming(Run *r, RtCsv *c)
{
    RtRecord rec;
    char why[MSG_MAX];
    int64_t person, seq = 0;
    int got = rt_csv_next(c, &rec); /* the header */
    for (int64_t k = 0; got > 0 && (got = rt_csv_next(c, &rec)) > 0; k++) {
        size_t n;
        const char *id;
        int late = dup_late(r, &rec, &id, &n);
        if (late < 0)
            return -1;
        if (skipped(r, k))
            continue;
        if (late) {
            snprintf(why, sizeof why, "duplicate claim id '%.*s'", (int)n, id);
            if (reject(r, &r->rejects, r->rejects_path, r->claims_name, &r->cb, &rec, why) < 0)
                return -1;
            continue;
        }
        if (claim_row(r, &rec, r->cvals, &person, why, sizeof why) != 0) {
            run_error(r, "%s changed while being read", r->claims_name);
            return -1;
        }
        id = id_cell(&rec, r->cb.id_col, &n);
        int64_t pos[2] = {rec.offset, rec.line};
        if (dispatch(r, seq++, person, id, n, r->cvals, 1, pos, r->persons[person].last_rec == k) <
            0)
            return -1;
    }
    if (got < 0) {
        run_error(r, "cannot read %s: %s", r->claims_name, rt_csv_errmsg(c));
        return -1;
    }
    return drain(r, 1);
}

/* sort keys of the loaded mode: person, then date, then input order */
typedef struct Order {
    int64_t person, date, seq;
} Order;

static int order_cmp(const void *a, const void *b)
{
    const Order *x = a, *y = b;
    if (x->person != y->person)
        return x->person < y->person ? -1 : 1;
    if (x->date != y->date)
        return x->date < y->date ? -1 : 1;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Pass 2 when some person's claims are out of date order: load every good claim, sort by
 * (person, date, input order), settle, then write the rows in input order. */
static int settle_loaded(Run *r, RtCsv *c)
{
    const RtSchema *s = r->s;
    size_t n = (size_t)r->ngood, w = (size_t)s->nclaim, no = (size_t)s->noutputs;
    size_t n1 = n ? n : 1;
    r->ids = polrt_realloc(NULL, n1 * sizeof *r->ids);
    r->cfields = polrt_realloc(NULL, (n1 * w + 1) * sizeof *r->cfields);
    r->cperson = polrt_realloc(NULL, n1 * sizeof *r->cperson);
    r->rstatus = polrt_realloc(NULL, n1);
    r->rout = polrt_realloc(NULL, (n1 * no + 1) * sizeof *r->rout);
    r->rerr = polrt_realloc(NULL, n1 * sizeof *r->rerr);
    r->cpos = polrt_realloc(NULL, 2 * n1 * sizeof *r->cpos);
    Order *ord = polrt_realloc(NULL, n1 * sizeof *ord);
    int rc = -1;
    if (!r->ids || !r->cfields || !r->cperson || !r->rstatus || !r->rout || !r->rerr || !r->cpos ||
        !ord) {
        run_error(r, "out of memory");
        goto out;
    }
    RtRecord rec;
    char why[MSG_MAX];
    size_t seq = 0, late = 0;
    int got = rt_csv_next(c, &rec); /* the header */
    for (int64_t k = 0; got > 0 && (got = rt_csv_next(c, &rec)) > 0; k++) {
        size_t m;
        const char *id;
        int dup = dup_late(r, &rec, &id, &m);
        if (dup < 0)
            goto out;
        if (skipped(r, k))
            continue;
        if (dup) {
            snprintf(why, sizeof why, "duplicate claim id '%.*s'", (int)m, id);
            if (reject(r, &r->rejects, r->rejects_path, r->claims_name, &r->cb, &rec, why) < 0)
                goto out;
            late++;
            continue;
        }
        int64_t *vals = r->cfields + seq * w, person;
        if (seq == n || claim_row(r, &rec, vals, &person, why, sizeof why) != 0) {
            run_error(r, "%s changed while being read", r->claims_name);
            goto out;
        }
        id = id_cell(&rec, r->cb.id_col, &m);
        if (!(r->ids[seq] = rt_pool_str(&r->pool, id, m))) {
            run_error(r, "out of memory");
            goto out;
        }
        r->cperson[seq] = person;
        r->rerr[seq] = NULL;
        r->cpos[2 * seq] = rec.offset;
        r->cpos[2 * seq + 1] = rec.line;
        ord[seq] = (Order){person, r->date_idx >= 0 ? vals[r->date_idx] : 0, (int64_t)seq};
        seq++;
    }
    if (got < 0) {
        run_error(r, "cannot read %s: %s", r->claims_name, rt_csv_errmsg(c));
        goto out;
    }
    if (seq + late != n) {
        run_error(r, "%s changed while being read", r->claims_name);
        goto out;
    }
    n = seq;
    qsort(ord, n, sizeof *ord, order_cmp);
    r->t_settle = rt_now_ns(); /* the rate on the progress line counts settling alone */
    for (size_t i = 0; i < n; i++) {
        int64_t q = ord[i].seq;
        int last = i + 1 == n || ord[i + 1].person != ord[i].person;
        if (dispatch(r, q, r->cperson[q], r->ids[q], 0, r->cfields + (size_t)q * w, 0,
                     r->cpos + 2 * q, last) < 0)
            goto out;
    }
    if (drain(r, 1) < 0)
        goto out;
    for (size_t q = 0; r->results.f && q < n; q++)
        if (r->rstatus[q] != RSTATUS_REJECTED &&
            write_row(r, r->results.f, r->ids[q], r->rstatus[q], r->rout + q * no, r->rerr[q]))
            goto out;
    rc = 0;
out:
    polrt_realloc(ord, 0);
    return rc;
}

/* ---- Sessions and threads ---------------------------------------------------------------- */

/* One session per thread, forked from the first so all share its ledger store; a ledger
 * transaction open from the start (commit_batch closes and reopens it). */
static int start_workers(Run *r)
{
    const RtSchema *s = r->s;
    size_t tl = r->o->explain || r->o->explain_claim ? trace_len(s) : 0;
    r->window = r->nthreads == 1 ? 1 : RUN_WINDOW;
    r->workers = polrt_realloc(NULL, (size_t)r->nthreads * sizeof *r->workers);
    r->slots = polrt_realloc(NULL, (size_t)r->window * sizeof *r->slots);
    if (!r->workers || !r->slots) {
        run_error(r, "out of memory");
        return -1;
    }
    memset(r->workers, 0, (size_t)r->nthreads * sizeof *r->workers);
    memset(r->slots, 0, (size_t)r->window * sizeof *r->slots);
    for (int64_t i = 0; i < r->window; i++) {
        Slot *sl = &r->slots[i];
        sl->field_buf = polrt_realloc(NULL, ((size_t)s->nclaim + 1) * sizeof *sl->field_buf);
        sl->out = polrt_realloc(NULL, ((size_t)s->noutputs + 1) * sizeof *sl->out);
        sl->trace = tl ? polrt_realloc(NULL, tl * sizeof *sl->trace) : NULL;
        if (!sl->field_buf || !sl->out || (tl && !sl->trace)) {
            run_error(r, "out of memory");
            return -1;
        }
    }
    PolSession *s0 = polrt_session_new(r->e, r->o->ledger_db, r->err, sizeof r->err);
    if (!s0) {
        r->failed_io = 1;
        return -1;
    }
    r->workers[0].sess = s0;
    rt_session_trace(s0, tl > 0); /* only explanations read the trace; forks inherit this */
    /* without a ledger file, pass 1 has found every duplicate id: the memory store need not
     * keep the settled claims to answer "already settled" */
    if (!r->o->ledger_db)
        rt_session_keep_claims(s0, 0);
    char err[MSG_MAX];
    if (r->o->ledger_db && rt_session_begin(s0, err, sizeof err) != 0) {
        run_error(r, "ledger %s: %s", r->o->ledger_db, err);
        return -1;
    }
    for (int i = 0; i < r->nthreads; i++) {
        Worker *w = &r->workers[i];
        w->r = r;
        if (i > 0 && !(w->sess = rt_session_fork(s0, r->err, sizeof r->err))) {
            r->failed_io = 1;
            return -1;
        }
    }
    if (r->nthreads == 1)
        return 0;
    for (int i = 0; i < r->nthreads; i++) {
        Worker *w = &r->workers[i];
        if (!(w->queue = polrt_realloc(NULL, RUN_WINDOW * sizeof *w->queue))) {
            run_error(r, "out of memory");
            return -1;
        }
        pthread_cond_init(&w->cv, NULL);
        if (pthread_create(&w->th, NULL, worker_main, w) != 0) {
            pthread_cond_destroy(&w->cv);
            polrt_realloc(w->queue, 0);
            w->queue = NULL;
            run_error(r, "cannot start a thread");
            return -1;
        }
    }
    return 0;
}

/* stop the threads (each finishes its queue first) and free sessions and slots; an open
 * ledger batch not committed by then is rolled back by the store */
static void stop_workers(Run *r)
{
    if (!r->workers)
        return;
    if (r->nthreads > 1) {
        pthread_mutex_lock(&r->mu);
        r->stop = 1;
        for (int i = 0; i < r->nthreads; i++)
            if (r->workers[i].queue)
                pthread_cond_signal(&r->workers[i].cv);
        pthread_mutex_unlock(&r->mu);
        for (int i = 0; i < r->nthreads; i++) {
            Worker *w = &r->workers[i];
            if (!w->queue)
                continue;
            pthread_join(w->th, NULL);
            pthread_cond_destroy(&w->cv);
            polrt_realloc(w->queue, 0);
        }
    }
    for (int i = r->nthreads - 1; i >= 0; i--)
        polrt_session_free(r->workers[i].sess);
    polrt_realloc(r->workers, 0);
    r->workers = NULL;
    for (int64_t i = 0; r->slots && i < r->window; i++) {
        polrt_realloc(r->slots[i].id_buf, 0);
        polrt_realloc(r->slots[i].field_buf, 0);
        polrt_realloc(r->slots[i].out, 0);
        polrt_realloc(r->slots[i].trace, 0);
    }
    polrt_realloc(r->slots, 0);
    r->slots = NULL;
}

/* ---- The summary ------------------------------------------------------------------------- */

static void summary(Run *r, double secs)
{
    const RtSchema *s = r->s;
    long total = r->settled + r->already + r->failed;
    char a[32], b[32], c[32], d[32], e[32];
    fprintf(stderr, "%s: %s claims: %s settled, %s already settled, %s failed, %s rows rejected\n",
            r->claims_name, fmt_count(total, a), fmt_count(r->settled, b), fmt_count(r->already, c),
            fmt_count(r->failed, d), fmt_count(r->rejected, e));
    int width = 0;
    for (int i = 0; i < s->noutputs; i++)
        if (s->outputs[i].type.kind == RT_MONEY && (int)strlen(s->outputs[i].name) > width)
            width = (int)strlen(s->outputs[i].name);
    for (int i = 0; i < s->noutputs; i++) {
        if (s->outputs[i].type.kind != RT_MONEY)
            continue;
        char buf[32];
        fprintf(stderr, "  %-*s %18s yuan\n", width, s->outputs[i].name,
                r->total_overflow[i] ? "(overflow)" : polrt_fmt_money(r->totals[i], buf, 1));
    }
    if (r->empty_rows)
        fprintf(stderr, "  %ld empty rows skipped\n", r->empty_rows);
    if (r->rejected > r->rejected_persons)
        fprintf(stderr, "  rejected claim rows: %s\n", r->rejects_path);
    if (r->rejected_persons)
        fprintf(stderr, "  rejected person rows: %s\n", r->prejects_path);
    fprintf(stderr, "  %s claims/s (%.2f s)\n",
            fmt_count(secs > 0 ? (int64_t)((double)total / secs) : 0, a), secs);
}

/* ---- polrt_run --------------------------------------------------------------------------- */

/* out names an existing device or pipe (/dev/null): nothing may be created beside it */
static int is_device(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && !S_ISREG(st.st_mode);
}

/* the persons rejects file beside the claims one: "x.rejects.csv" -> "x.rejects.persons.csv" */
static char *persons_rejects_path(const char *rejects)
{
    size_t n = strlen(rejects);
    if (n >= 4 && strcmp(rejects + n - 4, ".csv") == 0)
        n -= 4;
    char *p = polrt_realloc(NULL, n + sizeof ".persons.csv");
    if (p) {
        memcpy(p, rejects, n);
        memcpy(p + n, ".persons.csv", sizeof ".persons.csv");
    }
    return p;
}

/* Finish the output files. A completed run commits them all and removes a rejects file an
 * earlier run left (it would mislead); a stopped run keeps its rejects (they say why) and
 * never leaves partial results. */
static void finish_outputs(Run *r, int ok)
{
    OutFile *files[] = {&r->results, &r->explain, &r->rejects, &r->prejects};
    const char *stale[] = {NULL, NULL, r->rejects_path, r->prejects_path};
    char err[MSG_MAX];
    for (int i = 0; i < 4; i++) {
        if (!files[i]->f) {
            if (ok && stale[i] && remove_stale(stale[i]) < 0 && !r->failed_io)
                run_error(r, "cannot remove %s: %s", stale[i], strerror(errno));
            continue;
        }
        if (!ok && i < 2)
            out_abort(files[i]);
        else if (out_commit(files[i], err, sizeof err) < 0 && !r->failed_io)
            run_error(r, "%s", err);
    }
}

static void run_free(Run *r)
{
    stop_workers(r);
    OutFile *files[] = {&r->results, &r->explain, &r->rejects, &r->prejects};
    for (int i = 0; i < 4; i++)
        out_abort(files[i]);
    polrt_realloc(r->prejects_path, 0);
    polrt_realloc(r->persons, 0);
    polrt_realloc(r->ptab, 0);
    polrt_realloc(r->skip, 0);
    polrt_realloc(r->totals, 0);
    polrt_realloc(r->total_overflow, 0);
    polrt_realloc(r->cvals, 0);
    polrt_realloc(r->pvals, 0);
    polrt_realloc(r->hvals, 0);
    polrt_realloc(r->chk_pver, 0);
    polrt_realloc(r->cpos, 0);
    rt_map_free(&r->suspects);
    rt_csv_close(r->reread);
    polrt_realloc(r->ids, 0);
    polrt_realloc(r->cfields, 0);
    polrt_realloc(r->cperson, 0);
    polrt_realloc(r->rstatus, 0);
    polrt_realloc(r->rout, 0);
    polrt_realloc(r->rerr, 0);
    polrt_realloc(r->line.p, 0);
    rt_pool_free(&r->pool);
    pthread_mutex_destroy(&r->mu);
    pthread_cond_destroy(&r->done_cv);
}

/* Without a persons file every person has the declared defaults and no history, so the
 * policy must declare no history and a default for every person field. */
static int persons_optional(Run *r)
{
    const RtSchema *s = r->s;
    for (int k = 0; k < s->nperson; k++)
        if (!s->person[k].has_default && !s->person[k].type.optional) {
            run_error(r, "the policy's person field '%s' has no default: give a persons file",
                      s->person[k].name);
            return -1;
        }
    if (s->nhist) {
        run_error(r, "the policy reads an identity history ('%s', ...): give a persons file",
                  s->hist[0].name);
        return -1;
    }
    return 0;
}

/* Read the claims header and check every row (pass 1). 0, 2 or 3. */
static int open_claims(Run *r, RtCsv *c)
{
    RtRecord rec;
    char why[MSG_MAX];
    int got = rt_csv_next(c, &rec);
    if (got < 0) {
        run_error(r, "cannot read %s: %s", r->claims_name, rt_csv_errmsg(c));
        return 2;
    }
    if (got == 0) {
        fprintf(stderr, "%s:1: empty file (expected a header row)\n", r->claims_name);
        return 3;
    }
    r->bom = rec.nraw >= 3 && memcmp(rec.raw, "\xEF\xBB\xBF", 3) == 0;
    if (bind_header(r, r->claims_name, &rec, &r->cb, why, sizeof why) < 0)
        return header_failed(r, why);
    int rc = check_claims(r, c);
    progress_clear(r);
    if (rc)
        return rc;
    if (r->cb.ignored && !r->o->quiet)
        fprintf(stderr, "polc: note: %s: columns ignored (not in the policy): %s\n", r->claims_name,
                r->cb.ignored);
    if (r->o->explain_claim && !r->explain_found) {
        run_error(r, "claim '%s' is not in %s", r->o->explain_claim, r->claims_name);
        return 2;
    }
    return 0;
}

/* the steps of a run after its set-up; the exit code before rejects count */
static int run_steps(Run *r)
{
    const PolRunOpts *o = r->o;
    if (o->persons) {
        r->have_persons = 1;
        int rc = load_persons(r);
        if (rc)
            return rc;
    } else if (persons_optional(r) < 0)
        return 2;
    RtCsv *c = rt_csv_open(o->claims, r->err, sizeof r->err);
    if (!c) {
        r->failed_io = 1;
        return 2;
    }
    int rc = open_claims(r, c);
    /* outputs open only now: a run stopped by its input leaves earlier results alone. With
     * explain_claim and no out, stdout carries the explanation alone. */
    if (rc == 0 && (o->out || !o->explain_claim) &&
        out_open(&r->results, o->out, r->err, sizeof r->err) < 0)
        rc = 2;
    if (rc == 0 && o->explain && out_open(&r->explain, o->explain, r->err, sizeof r->err) < 0)
        rc = 2;
    if (rc == 2)
        r->failed_io = 1;
    if (rc == 0 && r->results.f) {
        if (r->bom)
            fputs("\xEF\xBB\xBF", r->results.f); /* as the input: spreadsheets read UTF-8 */
        if (write_header(r, r->results.f) < 0)
            rc = 2;
    }
    r->frozen = 1;
    if (rc == 0 && (rt_csv_seek(c, 0, 1) < 0 || start_workers(r) < 0)) {
        if (!r->failed_io)
            run_error(r, "cannot read %s: %s", r->claims_name, rt_csv_errmsg(c));
        rc = 2;
    }
    r->t_settle = rt_now_ns();
    if (rc == 0 && (r->streaming ? settle_streaming(r, c) : settle_loaded(r, c)) < 0)
        rc = 2;
    char err[MSG_MAX];
    if (rc == 0 && o->ledger_db && rt_session_commit(r->workers[0].sess, err, sizeof err)) {
        run_error(r, "ledger %s: %s", o->ledger_db, err);
        rc = 2;
    }
    rt_csv_close(c);
    progress_clear(r);
    return rc;
}

POLRT_API int polrt_run(PolEngine *e, const PolRunOpts *o, PolRunStats *st)
{
    int64_t t0 = rt_now_ns();
    if (st)
        memset(st, 0, sizeof *st);
    if (!e || !o || !o->claims) {
        fprintf(stderr, "polc: no claims file given\n");
        return 2;
    }
    Run run = {0}, *r = &run;
    const RtSchema *s = rt_engine_schema(e);
    r->e = e;
    r->s = s;
    r->o = o;
    r->claims_name = o->claims;
    r->persons_name = o->persons;
    r->nthreads = o->threads < 1 ? 1 : o->threads > RUN_MAX_THREADS ? RUN_MAX_THREADS : o->threads;
    r->progress = o->progress == 1 || (o->progress < 0 && isatty(2));
    r->cb.fixed_id = 1;
    r->date_idx = s->claim_date ? rt_schema_field(s->claim, s->nclaim, s->claim_date) : -1;
    pthread_mutex_init(&r->mu, NULL);
    pthread_cond_init(&r->done_cv, NULL);
    /* rejects: as asked, else beside the results file, else in the current directory */
    char *rj = NULL;
    if (o->rejects)
        r->rejects_path = o->rejects;
    else if (o->out && !is_device(o->out)) {
        size_t n = strlen(o->out);
        if ((rj = polrt_realloc(NULL, n + sizeof ".rejects.csv"))) {
            memcpy(rj, o->out, n);
            memcpy(rj + n, ".rejects.csv", sizeof ".rejects.csv");
        }
        r->rejects_path = rj;
    } else
        r->rejects_path = "rejects.csv";
    r->prejects_path = r->rejects_path ? persons_rejects_path(r->rejects_path) : NULL;
    size_t nc = (size_t)s->nclaim + 1, no = (size_t)s->noutputs + 1;
    r->cb.nf = s->nclaim;
    r->cb.f = rt_pool_alloc(&r->pool, nc * sizeof *r->cb.f);
    r->totals = polrt_realloc(NULL, no * sizeof *r->totals);
    r->total_overflow = polrt_realloc(NULL, no * sizeof *r->total_overflow);
    r->cvals = polrt_realloc(NULL, nc * sizeof *r->cvals);
    r->pvals = polrt_realloc(NULL, ((size_t)s->nperson + 1) * sizeof *r->pvals);
    r->hvals = polrt_realloc(NULL, ((size_t)s->nhist + 1) * sizeof *r->hvals);
    r->chk_pver = polrt_realloc(NULL, ((size_t)s->nparams + 1) * sizeof *r->chk_pver);
    r->defaults = rt_pool_alloc(&r->pool, ((size_t)s->nperson + 1) * sizeof *r->defaults);
    int rc;
    if (!r->rejects_path || !r->prejects_path || !r->cb.f || !r->totals || !r->total_overflow ||
        !r->cvals || !r->pvals || !r->hvals || !r->chk_pver || !r->defaults) {
        run_error(r, "out of memory");
        rc = 2;
    } else if (rt_engine_can_check(e, r->err, sizeof r->err) != 0) {
        r->failed_io = 1;
        rc = 2;
    } else {
        for (int k = 0; k < s->nclaim; k++)
            r->cb.f[k] = &s->claim[k];
        for (int k = 0; k < s->nperson; k++)
            r->defaults[k] = s->person[k].has_default ? s->person[k].def : POLRT_NONE;
        memset(r->totals, 0, no * sizeof *r->totals);
        memset(r->total_overflow, 0, no * sizeof *r->total_overflow);
        rc = run_steps(r);
    }
    stop_workers(r);
    finish_outputs(r, rc == 0);
    int completed = rc == 0 && !r->failed_io;
    if (completed && o->explain_claim && !r->explained)
        fprintf(stderr, "polc: claim '%s' was rejected: nothing to explain\n", o->explain_claim);
    if (r->failed_io) {
        progress_clear(r);
        fprintf(stderr, "polc: %s\n", r->err);
        rc = 2;
    } else if (rc == 0 && (r->rejected || r->failed)) {
        /* rows rejected, or claims their data made fail (status "error: ..."): bad input */
        rc = 3;
    }
    double secs = (double)(rt_now_ns() - t0) / 1e9;
    if (completed && !o->quiet)
        summary(r, secs);
    if (st) {
        st->settled = r->settled;
        st->already = r->already;
        st->rejected = r->rejected;
        st->failed = r->failed;
        st->seconds = secs;
    }
    run_free(r);
    polrt_realloc(rj, 0);
    return rc;
}
