/* out.c — what the runtime writes: files written atomically (temp + rename), and CSV rows
 * built in a buffer and written with one call. The one writer of results, rejects,
 * explanations and reports. */
/* fopencookie (glibc, musl): the writer's FILE writes through write_all, which keeps the
 * errno of a failed write; with fdopen, stdio drops it and leaves only ferror (a full disk
 * was reported as "Input/output error") */
#define _GNU_SOURCE
#include "rt_int.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* stdio buffer of each output file */
#define OUT_BUFSIZE (1 << 16)

/* ---- CSV rows ----------------------------------------------------------------------------- */

int rt_line_grow(RtLine *l, size_t n)
{
    if (l->n + n > l->cap && !l->oom && rt_grow(&l->p, &l->cap, l->n + n, 1) < 0)
        l->oom = 1;
    return l->oom ? -1 : 0;
}

/* the bytes that make a cell quoted: a comma, a quote, a line break (an edge blank too) */
static const unsigned char quote_byte[256] = {['\n'] = 1, ['\r'] = 1, ['"'] = 1, [','] = 1};

#ifdef __SSE2__
/* 16 bytes hold a comma, a quote or a line break */
static inline int quote_in16(__m128i v)
{
    __m128i m =
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(',')), _mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
    m = _mm_or_si128(m, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
                                     _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
    return _mm_movemask_epi8(m) != 0;
}
#endif

/* s[0..n) needs quotes as a CSV cell: 1 or 0. Where SSE2 is, sixteen bytes a step, the last
 * ones read again rather than byte by byte, 8 to 15 bytes (a claim id) as two overlapping
 * halves: a claim id of 10 bytes cost ~90 instructions byte by byte, ~25 so */
static inline __attribute__((always_inline)) int needs_quotes(const char *s, size_t n)
{
    if (n && (s[0] == ' ' || s[n - 1] == ' '))
        return 1;
    size_t i = 0;
#ifdef __SSE2__
    if (n >= 16) {
        for (; i + 16 <= n; i += 16)
            if (quote_in16(_mm_loadu_si128((const __m128i *)(s + i))))
                return 1;
        return i < n && quote_in16(_mm_loadu_si128((const __m128i *)(s + n - 16)));
    }
    if (n >= 8)
        return quote_in16(_mm_unpacklo_epi64(_mm_loadl_epi64((const __m128i *)s),
                                             _mm_loadl_epi64((const __m128i *)(s + n - 8))));
#endif
    unsigned q = 0;
    for (; i < n; i++)
        q |= quote_byte[(unsigned char)s[i]];
    return (int)q;
}

/* s[0..n) quoted, its quotes doubled, at w (room for 2n + 2): past its end */
static char *put_quoted(char *w, const char *s, size_t n)
{
    const char *e = s + n, *q;
    *w++ = '"';
    while ((q = memchr(s, '"', (size_t)(e - s)))) {
        memcpy(w, s, (size_t)(q + 1 - s));
        w += q + 1 - s;
        *w++ = '"';
        s = q + 1;
    }
    memcpy(w, s, (size_t)(e - s));
    w += e - s;
    *w++ = '"';
    return w;
}

/* a CSV cell: quoted when it holds a comma, quote, line break or edge blank. Inline in both
 * entries: a results row's claim id went through three calls and a byte loop (~180
 * instructions an id, 19 M of the benchmark's 104,638 ids), ~75 now */
static inline __attribute__((always_inline)) void put_cell(RtLine *l, const char *s, size_t n)
{
    if (!needs_quotes(s, n)) {
        rt_line_add(l, s, n);
        return;
    }
    if (rt_line_reserve(l, 2 * n + 2) < 0)
        return;
    l->n = (size_t)(put_quoted(l->p + l->n, s, n) - l->p);
}

void rt_line_cell(RtLine *l, const char *s)
{
    put_cell(l, s, strlen(s));
}

void rt_line_celln(RtLine *l, const char *s, size_t n)
{
    put_cell(l, s, n);
}

/* the most bytes a value of a kind with a bounded text takes: money ("-92233720368547758.08",
 * 21), an int (20), a rate, a date (polrt_fmt_date writes into 32 bytes) */
#define VALUE_MAX 32
/* rt_format_value's buffer for the other kinds (durations, values outside their type), and
 * the most room its cell takes, every byte a quote at worst */
#define GENERAL_MAX  64
#define GENERAL_CELL (2 * GENERAL_MAX + 2)
/* a table cell this short is copied as one move of this many bytes (RtRowFmt.text is padded
 * with as many, and each column has room for GENERAL_CELL > this) */
#define CELL_MOVE 16

/* ".05": c fen (< 100) after the yuan, at w: past them */
static inline __attribute__((always_inline)) char *put_fen(char *w, unsigned c)
{
    w[0] = '.';
    memcpy(w + 1, rt_two_digits + 2 * c, 2);
    return w + 3;
}

/* v fen as polrt_fmt_money(v, buf, 0) writes it, at w (room for VALUE_MAX): past its end;
 * inline in the row's loop. Most amounts are below 2^32 fen (42.9 M yuan): their yuan and
 * fen are taken apart by one 32-bit division and written in 32 bits */
static inline __attribute__((always_inline)) char *put_money(char *w, int64_t v)
{
    if (v == 0) { /* half the amounts of a results file are 0.00 (~35 instructions) */
        memcpy(w, "0.00", 4);
        return w + 4;
    }
    uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;
    if (v < 0)
        *w++ = '-';
    if (__builtin_expect(u <= UINT32_MAX, 1)) { /* laid out first: -0.6 M instructions */
        uint32_t y = (uint32_t)u / 100;
        return put_fen(rt_put_digits(w, y), (uint32_t)u - y * 100);
    }
    uint64_t y = u / 100;
    return put_fen(rt_put_digits(w, y), (unsigned)(u - y * 100));
}

/* v as "%" PRId64 writes it, at w (room for VALUE_MAX): past its end */
static char *put_int(char *w, int64_t v)
{
    if (v < 0)
        *w++ = '-';
    return rt_put_digits(w, v < 0 ? -(uint64_t)v : (uint64_t)v);
}

/* v of type t (not absent) as rt_format_value words it, as a cell, at w (room for
 * GENERAL_CELL); money, ints, rates and dates without its copy. Enum members and bools by
 * name are the callers' (their names are not bounded) */
static char *put_plain(char *w, const RtSchema *s, const RtType *t, int64_t v)
{
    switch (t->kind) {
    case RT_MONEY: return put_money(w, v);
    case RT_INT: return put_int(w, v);
    case RT_RATE: return w + strlen(polrt_fmt_rate(v, w)); /* in place, its NUL past it */
    case RT_DATE: return w + strlen(polrt_fmt_date(v, w));
    case RT_BOOL:
    case RT_ENUM:
    case RT_DURATION: break;
    }
    char buf[GENERAL_MAX];
    rt_format_value(s, t, v, buf, sizeof buf);
    size_t n = strlen(buf);
    if (needs_quotes(buf, n))
        return put_quoted(w, buf, n);
    memcpy(w, buf, n);
    return w + n;
}

void rt_line_value(RtLine *l, const RtSchema *s, const RtType *t, int64_t v, int labels)
{
    if (v == POLRT_NONE)
        return;
    const char *lab = labels ? rt_value_label(s, t, v) : NULL;
    if (lab) {
        rt_line_cell(l, lab);
        return;
    }
    if (t->kind == RT_BOOL && (v == 0 || v == 1)) {
        rt_line_add(l, v ? "true" : "false", v ? 4 : 5);
        return;
    }
    if (t->kind == RT_ENUM && v >= 0 && v < s->enums[t->enum_idx].n) {
        const char *name = s->enums[t->enum_idx].names[v];
        rt_line_add(l, name, strlen(name)); /* an identifier: nothing to quote */
        return;
    }
    if (rt_line_reserve(l, GENERAL_CELL) < 0)
        return;
    l->n = (size_t)(put_plain(l->p + l->n, s, t, v) - l->p);
}

/* put_plain for other files (polc serve's JSON answers): the room it needs is RT_PLAIN_MAX */
_Static_assert(GENERAL_CELL <= RT_PLAIN_MAX, "rt_put_plain's room");
char *rt_put_plain(char *w, const RtSchema *s, const RtType *t, int64_t v)
{
    return put_plain(w, s, t, v);
}

/* ---- Rows of values: a writer per column, chosen once --------------------------------------
 * rt_line_value per value of a results row cost ~80 instructions a value (the label lookup,
 * the kind's switch, a capacity check per piece): 96 M of the benchmark's 874 M. A row's
 * columns get their writer once, from the type and the label mode; enum members and bools
 * are cells of a table made then (label or name, quoted once if it must be); the row's room
 * is reserved once. The bytes are rt_line_value's: the table is made by it. */

/* how a column is written */
enum { COL_MONEY, COL_TABLE, COL_PLAIN };

/* a table cell: bytes [off, off + len) of RtRowFmt.text (offsets: text grows as it is made) */
struct RtCellText {
    uint32_t off, len;
};

struct RtColFmt {
    const RtType *t;
    unsigned char how;       /* COL_* */
    int ncells;              /* COL_TABLE: the values 0..ncells-1 have a cell in cells */
    const RtCellText *cells; /* COL_TABLE: into RtRowFmt.cells */
};

void rt_rowfmt_free(RtRowFmt *f)
{
    polrt_realloc(f->col, 0);
    polrt_realloc(f->cells, 0);
    polrt_realloc(f->text, 0);
    memset(f, 0, sizeof *f);
}

int rt_rowfmt_init(RtRowFmt *f, const RtSchema *s, const RtType *const *types, int n, int labels)
{
    memset(f, 0, sizeof *f);
    f->s = s;
    f->n = n;
    size_t ncells = 0;
    for (int i = 0; i < n; i++)
        ncells += types[i]->kind == RT_BOOL   ? 2
                  : types[i]->kind == RT_ENUM ? (size_t)s->enums[types[i]->enum_idx].n
                                              : 0;
    RtLine text = {0};
    if (!(f->col = polrt_realloc(NULL, (size_t)(n ? n : 1) * sizeof *f->col)) ||
        !(f->cells = polrt_realloc(NULL, (ncells ? ncells : 1) * sizeof *f->cells)))
        goto oom;
    size_t at = 0;
    for (int i = 0; i < n; i++) {
        RtColFmt *c = &f->col[i];
        c->t = types[i];
        c->how = c->t->kind == RT_MONEY ? COL_MONEY : COL_PLAIN;
        size_t width = c->how == COL_MONEY ? VALUE_MAX : GENERAL_CELL;
        if (c->t->kind == RT_BOOL || c->t->kind == RT_ENUM) {
            c->how = COL_TABLE;
            c->ncells = c->t->kind == RT_BOOL ? 2 : s->enums[c->t->enum_idx].n;
            c->cells = f->cells + at;
            for (int v = 0; v < c->ncells; v++) {
                size_t from = text.n;
                rt_line_value(&text, s, c->t, v, labels);
                if (text.oom || text.n > UINT32_MAX)
                    goto oom;
                f->cells[at + (size_t)v] = (RtCellText){(uint32_t)from, (uint32_t)(text.n - from)};
                if (text.n - from > width)
                    width = text.n - from;
            }
            at += (size_t)c->ncells;
        }
        f->width += 1 + width; /* its comma and its text */
    }
    /* the padding the 16-byte moves of the last cells read */
    static const char pad[CELL_MOVE];
    rt_line_add(&text, pad, sizeof pad);
    if (text.oom)
        goto oom;
    f->text = text.p;
    return 0;
oom:
    polrt_realloc(text.p, 0);
    rt_rowfmt_free(f);
    return -1;
}

void rt_line_row(RtLine *l, const RtRowFmt *f, const int64_t *v, int64_t *sums, __int128 *spill,
                 const char *tail, size_t ntail)
{
    if (rt_line_reserve(l, f->width + ntail) < 0)
        return;
    /* in locals: the row's stores are of char, which the compiler must assume alias *f */
    const RtColFmt *col = f->col;
    const char *text = f->text;
    int n = f->n;
    char *w = l->p + l->n;
    for (int i = 0; i < n; i++) {
        const RtColFmt *c = &col[i];
        int64_t x = v[i];
        *w++ = ',';
        if (x == POLRT_NONE)
            continue;
        /* money first: 10 of the benchmark's 12 outputs (a test and a branch, where the
         * switch's jump table took 7 instructions) */
        if (c->how == COL_MONEY) {
            w = put_money(w, x);
            /* an int64 sum, its rare overflow kept exact in spill: the 128-bit sum cost
             * ~14 instructions more a row of ~10 amounts (callgrind) */
            int64_t sum;
            if (__builtin_add_overflow(sums[i], x, &sum)) {
                spill[i] += (__int128)sums[i] + x;
                sum = 0;
            }
            sums[i] = sum;
        } else if (c->how == COL_TABLE && (uint64_t)x < (uint64_t)c->ncells) {
            /* a short cell as one 16-byte move (text is padded, the row has the room): a
             * memcpy call of its length was ~25 instructions */
            const RtCellText *t = &c->cells[x];
            if (t->len <= CELL_MOVE)
                memcpy(w, text + t->off, CELL_MOVE);
            else
                memcpy(w, text + t->off, t->len);
            w += t->len;
        } else /* any other kind, or not a member: as rt_line_value words it */
            w = put_plain(w, f->s, c->t, x);
    }
    memcpy(w, tail, ntail);
    l->n = (size_t)(w + ntail - l->p);
}

/* ---- What a person reads: labels -------------------------------------------------------- */

int rt_labels_on(const RtSchema *s, const char *want, char *err, size_t errlen)
{
    if (want && (!strcmp(want, "zh") || !strcmp(want, "names")))
        return want[0] == 'z';
    if (want) {
        snprintf(err, errlen, "--labels takes zh or names, not '%s'", want);
        return -1;
    }
    for (int i = 0; i < s->noutputs; i++)
        if (s->outputs[i].label)
            return 1;
    return 0;
}

const char *rt_output_heading(const RtSchema *s, int i, int labels)
{
    return labels && s->outputs[i].label ? s->outputs[i].label : s->outputs[i].name;
}

int rt_output_counts(const RtOutput *o)
{
    return o->type.kind == RT_MONEY && o->role != RT_ROLE_INFO;
}

const char *rt_rule_heading(const RtSchema *s, int i, int labels, char *buf, size_t len)
{
    const RtRule *r = &s->rules[i];
    if (!labels || !r->label)
        return r->name;
    snprintf(buf, len, "%s (%s)", r->label, r->name);
    return buf;
}

const char *rt_value_label(const RtSchema *s, const RtType *t, int64_t v)
{
    if (v == POLRT_NONE)
        return NULL;
    if (t->kind == RT_BOOL && (v == 0 || v == 1))
        return v ? "是" : "否";
    if (t->kind == RT_ENUM && v >= 0 && v < s->enums[t->enum_idx].n && s->enums[t->enum_idx].labels)
        return s->enums[t->enum_idx].labels[v];
    return NULL;
}

/* The claim id's heading with labels is the alias its input column takes (spec/DATA.md
 * "claims.csv"), so a labelled results file binds as a claims file's id column does */
const char *rt_results_word(RtWord w, int labels)
{
    static const char *const words[RT_NWORDS][2] = {
        [RT_W_CLAIM_ID] = {"claim_id", "结算单号"},
        [RT_W_STATUS] = {"status", "结算状态"},
        [RT_W_SETTLED] = {"settled", "已结算"},
        [RT_W_ALREADY] = {"already settled", "此前已结算"},
        [RT_W_ERROR] = {"error: ", "结算失败："},
        [RT_W_SHEET] = {"results", "结算结果"},
    };
    return words[w][labels != 0];
}

/* ---- Output files: temp + rename -------------------------------------------------------- */

/* A file written under a temporary name in the same directory and renamed over the final
 * name only when complete, so a reader never sees half a file and a killed run leaves the
 * previous one intact. A symbolic link is followed (the file it names is replaced); a
 * device or pipe (/dev/null, /dev/stdout) is written in place, as renaming over it would
 * replace the device. path NULL: stdout.
 *
 * The temporary is NAME.tmpPID.K, created 0600 (O_EXCL: nothing planted there is followed)
 * and given the final mode only when complete. SIGTERM, SIGINT, SIGHUP and SIGPIPE remove the
 * temporaries open at that moment (a handler installed where the signal's action is the
 * default), then end the process as the signal would have; SIGKILL cannot be caught, so
 * opening NAME first removes the temporaries of NAME that processes no longer alive left. */

/* Temporaries open now, for the signal handler: a fixed table, as a handler may neither
 * allocate nor take a lock. The one mutable global of the runtime, because a signal handler
 * has no other way to reach them. 32: a run writes at most three files at once (results,
 * rejects, explanations), simulate's report one at a time, gen two, build one. */
#define OUT_MAX_PENDING 32
enum { SLOT_FREE, SLOT_FILLING, SLOT_ARMED };
static struct {
    atomic_int state;    /* SLOT_*: the handler reads name only when SLOT_ARMED */
    char name[PATH_MAX]; /* the temporary's path */
} open_temps[OUT_MAX_PENDING];
static atomic_int handlers_installed;

/* the signals that end a process politely: their default action ends it, leaving files.
 * SIGPIPE too: `polc run --explain e.json ... | head` ended at the first write to a closed
 * pipe and left e.json.tmpPID.K (58 MB of a 3,000-person population) behind */
static const int out_signals[] = {SIGTERM, SIGINT, SIGHUP, SIGPIPE};

/* async-signal-safe: unlink, sigaction, raise; errno kept */
static void on_signal(int sig)
{
    int e = errno;
    for (int i = 0; i < OUT_MAX_PENDING; i++)
        if (atomic_load(&open_temps[i].state) == SLOT_ARMED)
            unlink(open_temps[i].name);
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    raise(sig); /* blocked until this handler returns, then the default action: the end */
    errno = e;
}

/* once per process: only where the action is still the default, so a program's own handler
 * (or SIG_IGN, as nohup sets for SIGHUP) is left alone */
static void install_handlers(void)
{
    if (atomic_exchange(&handlers_installed, 1))
        return;
    for (size_t i = 0; i < sizeof out_signals / sizeof out_signals[0]; i++) {
        struct sigaction old, sa;
        if (sigaction(out_signals[i], NULL, &old) != 0 || (old.sa_flags & SA_SIGINFO) ||
            old.sa_handler != SIG_DFL)
            continue;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigfillset(&sa.sa_mask); /* no other of them runs the table at the same time */
        sigaction(out_signals[i], &sa, NULL);
    }
}

/* the temporary into the table: its slot + 1, or 0 (table full, name too long: it is then
 * only swept by a later run). 0 is none, so a zeroed RtOut never opened holds no slot. */
static int pending_add(const char *tmp)
{
    size_t n = strlen(tmp);
    if (n >= PATH_MAX)
        return 0;
    install_handlers();
    for (int i = 0; i < OUT_MAX_PENDING; i++) {
        int free_ = SLOT_FREE;
        if (atomic_compare_exchange_strong(&open_temps[i].state, &free_, SLOT_FILLING)) {
            memcpy(open_temps[i].name, tmp, n + 1);
            atomic_store(&open_temps[i].state, SLOT_ARMED);
            return i + 1;
        }
    }
    return 0;
}

static void pending_drop(int slot)
{
    if (slot > 0)
        atomic_store(&open_temps[slot - 1].state, SLOT_FREE);
}

/* Remove what killed runs left: in final's directory, regular files of this user named
 * BASE.tmpPID.K whose PID is no live process (kill(PID, 0) fails with ESRCH). A live PID,
 * even one reused by another program, keeps its file: only a provably dead writer's is
 * removed. Best effort: nothing here fails the open. */
static void sweep_stale(const char *final)
{
    const char *slash = strrchr(final, '/');
    const char *base = slash ? slash + 1 : final;
    char dir[PATH_MAX];
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (snprintf(dir, sizeof dir, "%.*s", slash == final ? 1 : (int)(slash - final), final) >=
             (int)sizeof dir)
        return;
    DIR *d = opendir(dir);
    if (!d)
        return;
    size_t bl = strlen(base);
    long self = (long)getpid();
    struct dirent *ent;
    while ((ent = readdir(d))) {
        const char *nm = ent->d_name;
        if (strncmp(nm, base, bl) != 0 || strncmp(nm + bl, ".tmp", 4) != 0)
            continue;
        const char *p = nm + bl + 4;
        long pid = 0;
        int digits = 0;
        for (; *p >= '0' && *p <= '9' && pid < 1L << 40; p++, digits++)
            pid = pid * 10 + (*p - '0');
        if (!digits || *p++ != '.' || !(*p >= '0' && *p <= '9'))
            continue;
        while (*p >= '0' && *p <= '9')
            p++;
        if (*p || pid <= 0 || pid == self || pid > INT_MAX)
            continue;
        if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
            continue; /* alive, or not ours to signal: alive */
        struct stat st;
        if (fstatat(dirfd(d), nm, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
            st.st_uid == geteuid())
            unlinkat(dirfd(d), nm, 0);
    }
    closedir(d);
}

/* the process's umask, without setting it (umask(2) would, racing other threads' creates):
 * from /proc/self/status where there is one */
static mode_t current_umask(void)
{
    FILE *f = fopen("/proc/self/status", "re");
    if (f) {
        char line[256];
        unsigned m;
        while (fgets(line, sizeof line, f))
            if (sscanf(line, "Umask: %o", &m) == 1) {
                fclose(f);
                return (mode_t)m;
            }
        fclose(f);
    }
    mode_t m = umask(077);
    umask(m);
    return m;
}

/* The file under a FILE: its descriptor and the first write error (a cookie of
 * fopencookie, allocated so it never moves while the FILE is open). */
struct RtOutFd {
    int fd;
    int err; /* errno of the first failed write, sync or close; 0: none */
};

/* iov[0..n) through writev(2), the calls retried when interrupted or short; iov is
 * consumed. The bytes written: all of them, or fewer with the cause kept in io->err. */
static size_t writev_all(RtOutFd *io, struct iovec *iov, int n)
{
    size_t done = 0;
    for (; n > 0 && !iov->iov_len; n--)
        iov++; /* nothing to write: no call */
    while (n > 0) {
        ssize_t k = writev(io->fd, iov, n < IOV_MAX ? n : IOV_MAX);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            if (!io->err)
                io->err = k < 0 ? errno : EIO;
            break;
        }
        done += (size_t)k;
        for (; n > 0 && (size_t)k >= iov->iov_len; n--, iov++)
            k -= (ssize_t)iov->iov_len;
        if (n > 0) { /* a short write: the rest of this piece next */
            iov->iov_base = (char *)iov->iov_base + k;
            iov->iov_len -= (size_t)k;
        }
    }
    return done;
}

static ssize_t write_all(void *cookie, const char *p, size_t n)
{
    struct iovec v = {(void *)p, n};
    return (ssize_t)writev_all(cookie, &v, 1); /* short: stdio sets the error flag */
}

static int close_fd(void *cookie)
{
    RtOutFd *io = cookie;
    int rc = close(io->fd);
    if (rc != 0 && !io->err)
        io->err = errno;
    io->fd = -1;
    return rc;
}

/* the cause of o's failure: the recorded write error, else errno, else EIO */
int rt_out_errno(const RtOut *o)
{
    if (o->io && o->io->err)
        return o->io->err;
    return errno ? errno : EIO;
}

static void out_release(RtOut *o)
{
    polrt_realloc(o->io, 0);
    o->io = NULL;
    pending_drop(o->pending);
    o->pending = 0;
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

static int out_open(RtOut *o, const char *path, mode_t mode, char *err, size_t errlen)
{
    memset(o, 0, sizeof *o);
    o->path = path;
    o->mode = mode;
    if (!path || strcmp(path, "-") == 0) {
        o->path = NULL;
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
        sweep_stale(name);
        for (int k = 0; k < 100 && fd < 0; k++) {
            snprintf(o->tmp, n, "%s.tmp%ld.%d", name, (long)getpid(), k);
            fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
            if (fd < 0 && errno != EEXIST)
                break;
        }
        if (fd < 0)
            goto fail;
        o->pending = pending_add(o->tmp);
    }
    cookie_io_functions_t fns = {.write = write_all, .close = close_fd};
    if (!(o->io = polrt_realloc(NULL, sizeof *o->io)) ||
        !(o->f = (o->io->fd = fd, o->io->err = 0, fopencookie(o->io, "wb", fns)))) {
        int e = o->io ? errno : ENOMEM;
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
fail:;
    int e = errno; /* the cause, for the caller too (polrt_exit_for_errno) */
    snprintf(err, errlen, "cannot write %s: %s", path, strerror(e));
    out_release(o);
    errno = e;
    return -1;
}

/* results, rejects, explanations, reports: personal data (the 2025 notice §一, 信息保密),
 * so 0600, or less with a stricter umask */
int rt_out_open(RtOut *o, const char *path, char *err, size_t errlen)
{
    return out_open(o, path, 0600, err, errlen);
}

void rt_out_bom(RtOut *o, int input_bom)
{
    if (o->f && (o->path || input_bom))
        fwrite("\xEF\xBB\xBF", 1, 3, o->f);
}

int rt_out_failed(const RtOut *o)
{
    return o->f && (ferror(o->f) || (o->io && o->io->err));
}

/* Pieces of OUT_BUFSIZE or more in all go out in writev(2) calls of their own, after what
 * stdio holds, straight from where they are: through stdio a batch of results was copied
 * into its 64 KB buffer piece by piece (~300 instructions a piece, a piece a run of one
 * thread's rows: callgrind, -j 2), and a block over 64 KB took two writes (strace -c of the
 * 104,638-claim benchmark: 5 writes to the results, two of them 64 KB; the hand-written
 * program's 3). Fewer bytes, or standard output, go through stdio. A failed write keeps its
 * cause in io->err, which rt_out_failed and the commit read. iov is consumed. */
int rt_out_writev(RtOut *o, struct iovec *iov, int n)
{
    size_t bytes = 0;
    for (int i = 0; i < n; i++)
        bytes += iov[i].iov_len;
    if (bytes < OUT_BUFSIZE || !o->io) {
        for (int i = 0; i < n; i++)
            if (fwrite(iov[i].iov_base, 1, iov[i].iov_len, o->f) != iov[i].iov_len)
                return -1;
        return 0;
    }
    if (rt_out_failed(o) || fflush(o->f) != 0)
        return -1;
    return writev_all(o->io, iov, n) == bytes ? 0 : -1;
}

int rt_out_write(RtOut *o, const void *p, size_t n)
{
    struct iovec v = {(void *)p, n};
    return rt_out_writev(o, &v, 1);
}

/* the written bytes flushed, errors seen: 0, or the errno of the first failure */
static int out_flush(RtOut *o)
{
    errno = 0;
    if (!rt_out_failed(o) && fflush(o->f) == 0)
        return 0;
    return rt_out_errno(o);
}

int rt_out_sync(RtOut *o, char *err, size_t errlen)
{
    if (!o->f || o->synced)
        return 0;
    int e = out_flush(o);
    if (!e && o->tmp && fsync(o->io->fd) != 0)
        e = errno;
    if (e) {
        snprintf(err, errlen, "cannot write %s: %s", o->path ? o->path : "results", strerror(e));
        errno = e;
        return -1;
    }
    o->synced = 1;
    return 0;
}

/* finish: flush, and for a file written aside sync and rename it over the final name; -1
 * with a message naming the file and the cause (errno set to it) on any error, the final
 * name then keeping its old content */
int rt_out_commit(RtOut *o, char *err, size_t errlen)
{
    if (!o->f)
        return 0;
    int e = out_flush(o);
    /* the final mode, as open(2) would have given it, once the content is complete */
    mode_t want = o->mode & ~current_umask() & 07777;
    if (!e && o->tmp && want != 0600 && fchmod(o->io->fd, want) != 0)
        e = errno;
    if (!e && o->tmp && !o->synced && fsync(o->io->fd) != 0)
        e = errno;
    if (o->f != stdout && fclose(o->f) != 0 && !e)
        e = rt_out_errno(o);
    o->f = NULL;
    if (!e && o->tmp && rename(o->tmp, o->final) != 0)
        e = errno;
    if (e) {
        snprintf(err, errlen, "cannot write %s: %s", o->path ? o->path : "results", strerror(e));
        if (o->tmp)
            unlink(o->tmp);
    }
    out_release(o);
    errno = e;
    return e ? -1 : 0;
}

/* give up: close and remove the temporary file, leave the final name alone */
void rt_out_abort(RtOut *o)
{
    if (o->f == stdout)
        fflush(stdout);
    else if (o->f)
        fclose(o->f);
    if (o->f && o->tmp)
        unlink(o->tmp);
    out_release(o);
}

/* ---- Outputs and inputs ------------------------------------------------------------------ */

/* 1 when path names an existing regular file that input also names (same device and inode;
 * input "-": standard input), else 0. Devices are written in place, never replaced, so
 * /dev/null may be both. */
int rt_out_same_file(const char *path, const char *input)
{
    struct stat a, b;
    if (!path || !input || strcmp(path, "-") == 0 || stat(path, &a) != 0 || !S_ISREG(a.st_mode))
        return 0;
    int got = strcmp(input, "-") == 0 ? fstat(0, &b) : stat(input, &b);
    return got == 0 && S_ISREG(b.st_mode) && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* a and b name one path: the same text, or the same name in one existing directory
 * ("rep/x.csv" and "./rep//x.csv"); a file not there yet has no inode to compare */
static int same_path(const char *a, const char *b)
{
    if (!strcmp(a, b))
        return 1;
    const char *sa = strrchr(a, '/'), *sb = strrchr(b, '/');
    const char *na = sa ? sa + 1 : a, *nb = sb ? sb + 1 : b;
    if (strcmp(na, nb) != 0)
        return 0;
    char da[PATH_MAX], db[PATH_MAX], ra[PATH_MAX], rb[PATH_MAX];
    snprintf(da, sizeof da, "%.*s", sa ? (int)(sa - a) + 1 : 1, sa ? a : ".");
    snprintf(db, sizeof db, "%.*s", sb ? (int)(sb - b) + 1 : 1, sb ? b : ".");
    return realpath(da, ra) && realpath(db, rb) && !strcmp(ra, rb);
}

/* what output path p writes to, in *st: 1 for standard output ("-") and any file or device
 * that exists, but /dev/null (every output may be thrown away); else 0 */
static int stream_of(const char *p, struct stat *st)
{
    struct stat nul;
    if (!p)
        return 0;
    if (!strcmp(p, "-")) {
        if (fstat(1, st) != 0)
            memset(st, 0, sizeof *st); /* stdout closed: every "-" still one stream */
        return 1;
    }
    if (stat(p, st) != 0)
        return 0;
    return !(S_ISCHR(st->st_mode) && stat("/dev/null", &nul) == 0 && st->st_rdev == nul.st_rdev);
}

int rt_out_is_stdout(const char *path)
{
    struct stat a, b;
    return stream_of(path, &a) &&
           (!strcmp(path, "-") ||
            (fstat(1, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino));
}

/* Two outputs that write to one stream (standard output twice, "-" and /dev/stdout, one
 * terminal or pipe) would mix their lines into one: the outputs are outs, then files from
 * first_out on (an entry of both counted once). 0, or -1 with the message in err. */
static int streams_apart(const RtNamedPath *outs, size_t nouts, const RtNamedPath *files,
                         size_t nfiles, size_t first_out, char *err, size_t errlen)
{
    const RtNamedPath *all[16];
    size_t n = 0;
    for (size_t i = 0; i < nouts && n < 16; i++)
        all[n++] = &outs[i];
    for (size_t k = first_out; k < nfiles && n < 16; k++) {
        size_t i = 0;
        while (i < nouts && outs[i].path != files[k].path)
            i++;
        if (i == nouts)
            all[n++] = &files[k];
    }
    struct stat a, b;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1, si = stream_of(all[i]->path, &a); si && j < n; j++)
            if (stream_of(all[j]->path, &b) && a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
                /* "--explain -", "the rejects file", "the results" (no --out, or --out -) */
                int pi = !strncmp(all[i]->what, "--", 2) || strcmp(all[i]->path, "-");
                int pj = !strncmp(all[j]->what, "--", 2) || strcmp(all[j]->path, "-");
                snprintf(err, errlen,
                         "%s%s%s and %s%s%s write to one stream%s: their lines would mix; name a "
                         "file for one",
                         all[i]->what, pi ? " " : "", pi ? all[i]->path : "", all[j]->what,
                         pj ? " " : "", pj ? all[j]->path : "",
                         !strcmp(all[i]->path, "-") || !strcmp(all[j]->path, "-")
                             ? " (standard output)"
                             : "");
                return -1;
            }
    return 0;
}

int rt_outputs_apart(const RtNamedPath *outs, size_t nouts, const RtNamedPath *files, size_t nfiles,
                     size_t first_out, char *err, size_t errlen)
{
    /* standard input is one stream: two inputs cannot both be read from it (the second found
     * it used up: "-:1: missing column") */
    for (size_t i = 0; i < first_out && i < nfiles; i++)
        for (size_t k = i + 1; files[i].path && !strcmp(files[i].path, "-") && k < first_out; k++)
            if (files[k].path && !strcmp(files[k].path, "-")) {
                snprintf(err, errlen,
                         "%s and %s cannot both be standard input (-): name a file for one",
                         files[i].what, files[k].what);
                return -1;
            }
    for (size_t i = 0; i < nouts; i++) {
        const char *p = outs[i].path;
        struct stat st;
        if (!p || !strcmp(p, "-") || (stat(p, &st) == 0 && !S_ISREG(st.st_mode)))
            continue; /* standard output, a device or a pipe (/dev/null) */
        for (size_t k = 0; k < nfiles; k++)
            if (files[k].path && files[k].path != p &&
                (rt_out_same_file(p, files[k].path) ||
                 (k >= first_out && same_path(p, files[k].path)))) {
                snprintf(err, errlen,
                         "%s %s is %s: writing it would replace that file; name another",
                         outs[i].what, p, files[k].what);
                return -1;
            }
    }
    return streams_apart(outs, nouts, files, nfiles, first_out, err, errlen);
}

/* 1 when the regular file at path (not through a link) begins with the line head[0..n) (its
 * own line end, if any, aside) followed by LF or CRLF: a file polc wrote with that first line */
int rt_out_first_line_is(const char *path, const char *head, size_t n)
{
    /* a byte order mark on either side is no part of the line (rt_out_bom writes one) */
    size_t hb = rt_csv_bom_len(head, n);
    head += hb, n -= hb;
    while (n && (head[n - 1] == '\n' || head[n - 1] == '\r'))
        n--;
    if (!n)
        return 0;
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return 0;
    struct stat st;
    char *buf = NULL;
    size_t got = 0, want = n + 5; /* a BOM, the line, CR LF */
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (buf = polrt_realloc(NULL, want)))
        while (got < want) {
            ssize_t k = read(fd, buf + got, want - got);
            if (k <= 0)
                break;
            got += (size_t)k;
        }
    close(fd);
    if (!buf)
        return 0;
    size_t b = rt_csv_bom_len(buf, got);
    const char *line = buf + b;
    got -= b;
    int same = got >= n + 1 && memcmp(line, head, n) == 0 &&
               (line[n] == '\n' || (got >= n + 2 && line[n] == '\r' && line[n + 1] == '\n'));
    polrt_realloc(buf, 0);
    return same;
}

POLRT_API int polrt_exit_for_errno(int e)
{
    switch (e) {
    case ENOENT:
    case ENOTDIR:
    case EISDIR:
    case ENAMETOOLONG:
    case ELOOP: return POLRT_EXIT_USAGE;
    default: return POLRT_EXIT_SYSTEM;
    }
}

/* ---- The public face of the writer (polrt.h): polc build and polc gen write through it --- */

struct PolOut {
    RtOut o;
    char *path; /* o.path: the caller's name may not outlive the open (gen's did not) */
};

POLRT_API PolOut *polrt_out_open(const char *path, int executable, char *err, size_t errlen)
{
    PolOut *p = polrt_realloc(NULL, sizeof *p);
    if (!p) {
        snprintf(err, errlen, "cannot write %s: out of memory", path);
        return NULL;
    }
    if (!(p->path = rt_strdup(path))) {
        polrt_realloc(p, 0);
        snprintf(err, errlen, "cannot write %s: out of memory", path);
        errno = ENOMEM;
        return NULL;
    }
    if (out_open(&p->o, p->path, executable ? 0777 : 0666, err, errlen) < 0) {
        int e = errno;
        polrt_realloc(p->path, 0);
        polrt_realloc(p, 0);
        errno = e;
        return NULL;
    }
    return p;
}

POLRT_API int polrt_out_write(PolOut *p, const void *data, size_t n, char *err, size_t errlen)
{
    if (n && fwrite(data, 1, n, p->o.f) != n) {
        int e = rt_out_errno(&p->o);
        snprintf(err, errlen, "cannot write %s: %s", p->o.path ? p->o.path : "output", strerror(e));
        errno = e;
        return -1;
    }
    return 0;
}

POLRT_API int polrt_out_sync(PolOut *p, char *err, size_t errlen)
{
    return rt_out_sync(&p->o, err, errlen);
}

POLRT_API int polrt_out_commit(PolOut *p, char *err, size_t errlen)
{
    int rc = rt_out_commit(&p->o, err, errlen);
    int e = errno;
    polrt_realloc(p->path, 0);
    polrt_realloc(p, 0);
    errno = e;
    return rc;
}

POLRT_API void polrt_out_abort(PolOut *p)
{
    if (!p)
        return;
    rt_out_abort(&p->o);
    polrt_realloc(p->path, 0);
    polrt_realloc(p, 0);
}
