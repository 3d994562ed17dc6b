/* pipeline.c — the one batch pipeline (pipeline.h): source, decode, partition by person,
 * settle on N threads, sinks. polc run (run.c) and polc simulate (sim/) are its sinks.
 * Read in one pass, so standard input works as a file does: each batch is cut into blocks
 * the threads decode at once (phase 1); every thread then numbers its rows and checks the
 * claim ids of its part of the hashes in input order (task_number); each thread settles the
 * batch's claims of its own persons in input order (phase 2); the calling thread writes
 * the bad rows to the rejects file in input order, and the sink's batch step (results in
 * input order) runs on the last thread while the next batch is read and decoded
 * (sink_start). A person's claims must come in date order (a claim dated before one already
 * settled for its person is rejected: re-settling is not a batch pipeline's job). */
#include "pipeline.h"
#include "pipeline_int.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ---- limits ------------------------------------------------------------------------------ */

/* bytes read per batch: enough records (~15,000 claims) that the three barriers a batch
 * costs are noise, few enough that a batch's rows (128 bytes each) and values stay in the
 * caches from one phase to the next. With threads two batches are in memory at once (the
 * sink writes one while the next is decoded): 8 MiB batches then took 45 MB more at the
 * peak than one (polc run -j 2, 2 M claims of 47 bytes: 160 MB -> 205 MB). 2 MiB against
 * 4 MiB: 122 -> 111 MB (-j 1) and 165 -> 145 MB (-j 2) there; polc run of 1,047,029 claims,
 * 11 alternated runs under SCHED_FIFO, medians: -j 1 836 -> 824 ms, -j 2 564 -> 527 ms. */
#define PIPE_BATCH (2 << 20)
/* across ranks a round of chunks is a batch (spec/SCALE.md), and each round costs collective
 * exchanges: the batch measured there (bench/mpi.sh) */
#define PIPE_BATCH_RANKS (8 << 20)
/* bytes read per batch of the persons file: its rows are short (~60 bytes), so an 8 MiB
 * batch made 140,000 rows, whose row array (25 MB) and values were fresh memory, each page
 * a fault on this VM; 1 MiB batches reuse the same few megabytes. 300,000 persons read in
 * 0.32-0.42 s with 8 MiB batches, 0.15-0.24 s with 1 MiB (polc run -j1) */
#define PIPE_BATCH_PERSONS (1 << 20)
/* blocks per thread per batch: the decode phase hands blocks out dynamically, so a few per
 * thread even out blocks of unequal cost */
#define PIPE_BLOCKS_PER_THREAD 4
/* with a ledger on disk each batch is one transaction: smaller batches, so that a killed
 * run loses seconds of work (about 4,000 claims), and the commit's sync is still noise */
#define PIPE_BATCH_LEDGER (512 << 10)
/* most threads: more cannot help two barriers per batch */
#define PIPE_MAX_THREADS 256
/* weight of one person when there is no weight column: 1.000000 */
#define ONE_WEIGHT 1000000

/* the sink's batch step on the last thread (RtPipe.sink_state) */
enum { SINK_NONE, SINK_DUE, SINK_DONE };

enum {
    TASK_NONE,
    TASK_DECODE,
    TASK_NUMBER,
    TASK_MERGE_PERSONS,
    TASK_SETTLE,
    TASK_FINISH,
    TASK_EXIT
};

/* ---- small helpers ------------------------------------------------------------------------ */

static size_t test_batch; /* rt_pipe_test_batch: 0, or the batch size the tests force */
void rt_pipe_test_batch(size_t bytes)
{
    test_batch = bytes;
}

/* the run fails: the first failure's message and exit code are kept */
static void pipe_vfail(RtPipe *m, int code, const char *fmt, va_list ap)
{
    if (m->failed)
        return;
    vsnprintf(m->err, sizeof m->err, fmt, ap);
    m->failed = 1;
    m->code = code;
}

/* a failure of the command line or the files it names: exit POLRT_EXIT_USAGE */
__attribute__((format(printf, 2, 3))) void rt_pipe_error(RtPipe *m, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pipe_vfail(m, POLRT_EXIT_USAGE, fmt, ap);
    va_end(ap);
}

/* a failure of the system (memory, a thread, I/O): exit POLRT_EXIT_SYSTEM; with errno e,
 * the usage code when e says a name does not exist (polrt_exit_for_errno) */
__attribute__((format(printf, 3, 4))) void rt_pipe_sys_error(RtPipe *m, int e, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pipe_vfail(m, e ? polrt_exit_for_errno(e) : POLRT_EXIT_SYSTEM, fmt, ap);
    va_end(ap);
}

int rt_pipe_maxout(const RtPipe *p)
{
    return p->maxout;
}
int rt_pipe_date_idx(const RtPipe *p)
{
    return p->date_idx;
}
const RtPipeStats *rt_pipe_stats(const RtPipe *p)
{
    return p->st;
}
char *const *rt_pipe_header(const RtPipe *p, int *n)
{
    *n = p->bind.ncols;
    return p->bind.hdr;
}
int rt_pipe_id_col(const RtPipe *p)
{
    return p->bind.fixed_col[COL_CLAIM_ID];
}
int rt_pipe_person_col(const RtPipe *p, int k)
{
    return p->keep_pcol ? p->keep_pcol[k] : -1;
}

/* where person p's parts after its id begin in its allocation (fields, kept cells, span) */
static inline char *person_tail(const RtPerson *p)
{
    return (char *)p + ((offsetof(RtPerson, id) + p->nid + 1 + 7) & ~(size_t)7);
}

/* the kept cells follow the fields, which a person of the persons file always has room for */
const char *const *rt_pipe_person_kept(const RtPipe *p, const RtPerson *q)
{
    return p->nkeep_pcol && q->line
               ? (const char *const *)(void *)(person_tail(q) + p->person_fields_b)
               : NULL;
}

/* --keep: the persons header's column of each kept name (-1 none, -2 two of them); 0, or -1
 * (memory) */
static int find_person_cols(RtPipe *m)
{
    int n = m->o->nkeep;
    if (!n)
        return 0;
    if (!m->keep_pcol && !(m->keep_pcol = polrt_realloc(NULL, (size_t)n * sizeof *m->keep_pcol)))
        return -1;
    m->nkeep_pcol = 0;
    for (int k = 0; k < n; k++) {
        int col = -1;
        for (int c = 0; c < m->bind.ncols; c++)
            if (m->bind.hdr[c] && strcmp(m->bind.hdr[c], m->o->keep[k]) == 0)
                col = col == -1 ? c : -2;
        m->keep_pcol[k] = col;
        m->nkeep_pcol += col >= 0;
    }
    return 0;
}

/* the bytes a person of the persons file has after its id (person_add): its fields, its kept
 * cells when the file has a kept column, and with room for a span, the span's */
static void person_sizes(RtPipe *m)
{
    m->person_fields_b = (size_t)m->s->nperson * sizeof(int64_t);
    m->person_tail_b =
        m->person_fields_b + (m->nkeep_pcol ? (size_t)m->o->nkeep * sizeof(char *) : 0);
    m->span_b = (size_t)m->s->nhist * sizeof(int64_t);
}

/* --keep: a person's kept cells, from its first persons row r (its bytes still in the batch),
 * copied into the partition's pool; 0, or -1 (memory) */
static int keep_person_cells(RtPipe *m, RtPThread *t, RtPerson *p, const RtRow *r)
{
    size_t next;
    int64_t lines;
    const char *bad = NULL;
    int n = m->o->nkeep;
    /* a good row was cut into cells before: cut again, the same cells */
    if (rt_csv_cells(r->raw, 0, r->nraw, &t->cells, &next, &lines, &bad) < 0)
        return -1;
    const char **kept = (const char **)(void *)(person_tail(p) + m->person_fields_b);
    for (int k = 0; k < n; k++) {
        int c = m->keep_pcol[k];
        kept[k] = NULL;
        if (c < 0 || c >= t->cells.n || bad)
            continue;
        size_t len = t->cells.len[c];
        const char *v = rt_trim(t->cells.p[c], &len);
        if (!(kept[k] = rt_pool_str(&t->pool, v, len)))
            return -1;
    }
    return 0;
}

char *rt_pipe_persons_rejects(const char *rejects)
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

/* ---- progress (progress.c) ------------------------------------------------------------ */

/* The meter under the pool's mutex: the sink's step clears it from the last thread (run.c,
 * before a --claim explanation on stdout) while the calling thread reads the next batch and
 * shows it (review: a race ThreadSanitizer found with the window widened) */
void rt_pipe_progress_clear(RtPipe *m)
{
    pthread_mutex_lock(&m->mu);
    polrt_progress_clear(&m->meter);
    pthread_mutex_unlock(&m->mu);
}

static void progress(RtPipe *m, const char *what)
{
    pthread_mutex_lock(&m->mu);
    polrt_progress_show(&m->meter, what, m->size > 0 ? (double)m->consumed / (double)m->size : -1,
                        m->seq, "rows");
    pthread_mutex_unlock(&m->mu);
}

/* ---- the thread pool ---------------------------------------------------------------------- */

static void run_task(RtPThread *t, int task);
static void sink_batch(RtPipe *m);

/* A thread waiting for the others' part of a step (parallel), for the next step or for the
 * sink's (thread_main, sink_wait) spins up to SPIN_NS before it sleeps on the condition.
 * Asleep, it woke late: in polc simulate over 10.1 M claims at -j 2 (bench/README.md), the
 * main thread waited 0.21-0.26 s in all for a worker whose settle steps took only ~0.05 s
 * longer than its own (a futex waking an idle virtual CPU, ~0.3 ms a step, three steps a
 * batch of 2 MiB). Spinning: simulate 3.27-3.32 -> 2.87-2.99 s, run -j 2 1-5% faster. Only
 * where each thread has a core of its own: with more threads than cores, a spinning thread
 * takes the core the one it waits for needs. */
#define SPIN_NS 1000000

static int all_done(const RtPipe *m, uint64_t seen)
{
    (void)seen;
    return atomic_load_explicit(&m->running, memory_order_acquire) == 0;
}

static int step_given(const RtPipe *m, uint64_t seen)
{
    return atomic_load_explicit(&m->generation, memory_order_acquire) != seen;
}

/* for the last thread, which runs the sink's step too */
static int step_or_sink(const RtPipe *m, uint64_t seen)
{
    return step_given(m, seen) || m->sink_state == SINK_DUE;
}

static int read_pending(const RtPipe *m);
/* a step, or pieces of a read to share (read_shared) */
static int step_or_read(const RtPipe *m, uint64_t seen)
{
    return step_given(m, seen) || read_pending(m);
}

static int step_sink_or_read(const RtPipe *m, uint64_t seen)
{
    return step_or_sink(m, seen) || read_pending(m);
}

static int sink_over(const RtPipe *m, uint64_t seen)
{
    (void)seen;
    return m->sink_state != SINK_DUE;
}

/* spin until ready(m, arg), at most SPIN_NS; the caller then takes the lock and checks again
 * (the lock orders what the other thread wrote before it). Where other work shares the cores,
 * the thread waited for is often not running, and spinning only takes its core: with a
 * second process busy on one of the two cores, simulate took 8.8-9.7 s spinning, 6.2-6.3 s
 * sleeping. So after SPIN_TRIAL waits, the threads stop spinning for the run once more than
 * one wait in SPIN_MISS_RATIO outlasted the spin: quiet, 59-65 of simulate's 5,194 waits
 * did, and it spun to the end (2.99-3.01 s); beside the busy process 14 of the first 55
 * did, and it slept from then on (5.78-6.06 s, sleeping from the start 5.90-6.40 s). */
#define SPIN_TRIAL      32
#define SPIN_MISS_RATIO 4
static void spin(RtPipe *m, int (*ready)(const RtPipe *, uint64_t), uint64_t arg)
{
    if (!atomic_load_explicit(&m->spin, memory_order_relaxed))
        return;
    int64_t until = rt_now_ns() + SPIN_NS;
    unsigned missed = 0;
    for (unsigned i = 1; !ready(m, arg); i++) {
#if defined(__x86_64__) || defined(__i386__)
        __builtin_ia32_pause();
#endif
        if (i % 64 == 0 && rt_now_ns() > until) {
            missed = 1;
            break;
        }
    }
    unsigned n = atomic_fetch_add_explicit(&m->spins, 1, memory_order_relaxed) + 1, k;
    k = atomic_fetch_add_explicit(&m->spins_missed, missed, memory_order_relaxed) + missed;
    if (n >= SPIN_TRIAL && k * SPIN_MISS_RATIO > n)
        atomic_store_explicit(&m->spin, 0, memory_order_relaxed);
}

/* rd_take: the read's round (bits 32 up), its pieces (16 up) and the next to take: one word,
 * so that a piece is taken only of the round whose count it saw (read_piece) */
#define RD_ROUND(w)  ((w) >> 32)
#define RD_PIECES(w) ((unsigned)((w) >> 16) & 0xFFFFu)
#define RD_NEXT(w)   ((unsigned)(w)&0xFFFFu)

/* A piece of the shared read (read_shared) taken and read, if one is left: 1, else 0. Its
 * bytes read go to rd_got, or -errno; rd_done counts it. The piece is taken by a CAS on
 * rd_take, whose acquire pairs with read_shared's release of the round: the fields read after
 * it are the round's, as the next round is not set up before every piece of this one is
 * done. */
static int read_piece(RtPipe *m)
{
    uint64_t w = atomic_load_explicit(&m->rd_take, memory_order_acquire);
    do {
        if (RD_NEXT(w) >= RD_PIECES(w))
            return 0;
    } while (!atomic_compare_exchange_weak_explicit(&m->rd_take, &w, w + 1, memory_order_acq_rel,
                                                    memory_order_acquire));
    unsigned i = RD_NEXT(w);
    size_t at = (size_t)i * m->rd_piece;
    size_t want = at + m->rd_piece < m->rd_want ? m->rd_piece : m->rd_want - at, got = 0;
    ssize_t k = 0;
    while (got < want) {
        k = pread(m->fd, m->rd_dst + at + got, want - got, m->rd_off + (int64_t)(at + got));
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        got += (size_t)k;
    }
    m->rd_got[i] = k < 0 ? -(ssize_t)errno : (ssize_t)got;
    atomic_fetch_add_explicit(&m->rd_done, 1, memory_order_release);
    return 1;
}

/* the round's np pieces all read */
static int reads_done(const RtPipe *m, uint64_t np)
{
    return atomic_load_explicit(&m->rd_done, memory_order_acquire) >= np;
}

static int read_pending(const RtPipe *m)
{
    uint64_t w = atomic_load_explicit(&m->rd_take, memory_order_acquire);
    return RD_NEXT(w) < RD_PIECES(w);
}

static void *thread_main(void *arg)
{
    RtPThread *t = arg;
    RtPipe *m = t->pipe;
    rt_thread_name("polc-pipe%d", (int)(t - m->th));
    uint64_t seen = 0;
    int last = t->id == m->nthreads - 1;
    for (;;) {
        while (read_piece(m))
            ;
        spin(m, last ? step_sink_or_read : step_or_read, seen);
        pthread_mutex_lock(&m->mu);
        while (m->generation == seen && !(last && m->sink_state == SINK_DUE) && !read_pending(m))
            pthread_cond_wait(&m->go, &m->mu);
        if (m->generation == seen && !(last && m->sink_state == SINK_DUE)) {
            pthread_mutex_unlock(&m->mu); /* a read to share: its pieces, above */
            continue;
        }
        /* the sink's step first: a task given meanwhile waits for it (parallel's decode
         * then has this thread's part of the blocks decoded by the others) */
        if (last && m->sink_state == SINK_DUE) {
            pthread_mutex_unlock(&m->mu); /* still due while it runs: sink_wait waits */
            sink_batch(m);
            pthread_mutex_lock(&m->mu);
            m->sink_state = SINK_DONE;
            pthread_cond_signal(&m->done);
            pthread_mutex_unlock(&m->mu);
            continue;
        }
        seen = m->generation;
        int task = m->task;
        pthread_mutex_unlock(&m->mu);
        if (task == TASK_EXIT)
            return NULL;
        run_task(t, task);
        pthread_mutex_lock(&m->mu);
        if (--m->running == 0)
            pthread_cond_signal(&m->done);
        pthread_mutex_unlock(&m->mu);
    }
}

/* every thread (the caller is thread 0) runs task; returns when all have finished */
static void parallel(RtPipe *m, int task)
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
        spin(m, all_done, 0);
        pthread_mutex_lock(&m->mu);
        while (m->running > 0)
            pthread_cond_wait(&m->done, &m->mu);
        pthread_mutex_unlock(&m->mu);
    }
}

/* after a parallel task: a thread out of memory or with a ledger error stops the run */
static int check_threads(RtPipe *m)
{
    for (int i = 0; i < m->nthreads; i++) {
        if (m->th[i].fatal[0]) {
            rt_pipe_sys_error(m, 0, "%s", m->th[i].fatal);
            return -1;
        }
        if (m->th[i].oom) {
            rt_pipe_sys_error(m, 0, "out of memory");
            return -1;
        }
    }
    return 0;
}

/* the first n bytes of the batch are done with: the rest moves to the front */
static void drop(RtPipe *m, size_t n)
{
    memmove(m->buf, m->buf + n, m->len - n);
    m->len -= n;
    m->buf_off += (int64_t)n;
}

/* Read want bytes of a regular file at fpos into dst, the threads waiting for their next
 * step sharing the work: the read of each batch was the one serial step of any size left
 * (simulate over 10.1 M claims: 0.16-0.20 s of its 2.2, the other thread waiting through it,
 * as the simulate sink's batch step is empty; bench/README.md). The pieces go to whoever takes
 * them: this thread, the others while they wait (thread_main), the last one once its sink's
 * step is done (polc run's results: then this thread reads alone, as before). Bytes read
 * (fewer at the end of the file), or -1 (the error said). */
static ssize_t read_shared(RtPipe *m, char *dst, size_t want)
{
    size_t piece = (want + PIPE_READ_PIECES - 1) / PIPE_READ_PIECES;
    /* the tests' tiny batches (rt_pipe_test_batch) are shared too, a few bytes a piece: the
     * pieces' ends then fall inside records and at the file's end */
    if (m->nthreads < 2 || piece < (test_batch ? 1 : PIPE_READ_PIECE_MIN))
        return rt_pipe_read(m, dst, want, m->fpos);
    uint64_t round = RD_ROUND(atomic_load_explicit(&m->rd_take, memory_order_relaxed)) + 1;
    unsigned np = (unsigned)((want + piece - 1) / piece);
    m->rd_dst = dst;
    m->rd_want = want;
    m->rd_piece = piece;
    m->rd_off = m->fpos;
    atomic_store_explicit(&m->rd_done, 0, memory_order_relaxed);
    pthread_mutex_lock(&m->mu);
    atomic_store_explicit(&m->rd_take, round << 32 | (uint64_t)np << 16, memory_order_release);
    pthread_cond_broadcast(&m->go);
    pthread_mutex_unlock(&m->mu);
    while (read_piece(m))
        ;
    /* the pieces others took: each a pread of a few hundred KiB, waited for as a step is */
    spin(m, reads_done, np);
    while (!reads_done(m, np))
        sched_yield();
    size_t n = 0;
    for (unsigned i = 0; i < np; i++) {
        ssize_t got = m->rd_got[i];
        if (got < 0) {
            rt_pipe_sys_error(m, (int)-got, "cannot read %s: %s", m->path, strerror((int)-got));
            return -1;
        }
        n += (size_t)got;
        if ((size_t)got < (i + 1 < np ? piece : want - (size_t)i * piece))
            break; /* the end of the file: what later pieces read came after it */
    }
    return (ssize_t)n;
}

/* The batch up to m->batch bytes, fewer at the end of the input (m->eof); -1 on error. A
 * regular file that ends before the size it had when opened was truncated or rewritten by
 * another program while it was read: what was read of it is not the file, so the run stops as
 * a failed read does (exit 4: the previous results stay in place, the ledger holds only
 * committed batches); before, the half read was settled, its last record rejected as cut. */
static int fill(RtPipe *m)
{
    if (m->eof || m->len >= m->batch)
        return 0;
    size_t want = m->batch - m->len;
    /* a regular file, once the sniffer's bytes are used: read at fpos, shared */
    if (!m->pread_on && m->size > 0 && m->pre_at >= m->npre && !m->o->cluster) {
        off_t at = lseek(m->fd, 0, SEEK_CUR);
        if (at >= 0) {
            m->pread_on = 1;
            m->fpos = at;
        }
    }
    ssize_t n = m->pread_on ? read_shared(m, m->buf + m->len, want)
                            : rt_pipe_read(m, m->buf + m->len, want, -1);
    if (n > 0 && m->pread_on)
        m->fpos += n;
    if (n < 0)
        return -1;
    m->eof = (size_t)n < want;
    m->len += (size_t)n;
    if (m->eof && m->size > 0 && m->buf_off + (int64_t)m->len < m->size) {
        rt_pipe_sys_error(m, 0, RT_PIPE_SHRANK, m->path);
        return -1;
    }
    return 0;
}

/* ---- source: batches of complete records ---------------------------------------------------- */

/* open path to be read in batches of about batch bytes */
static int open_input(RtPipe *m, const char *path, size_t batch)
{
    m->path = path;
    m->batch = batch < m->cap ? batch : m->cap;
    int stdin_ = strcmp(path, "-") == 0;
    m->fd = stdin_ ? 0 : open(path, O_RDONLY | O_CLOEXEC);
    if (m->fd < 0) {
        rt_pipe_sys_error(m, errno, "cannot open %s: %s", path, strerror(errno));
        return -1;
    }
    struct stat st;
    int have = fstat(m->fd, &st) == 0;
    if (have && S_ISDIR(st.st_mode)) {
        rt_pipe_error(m, "cannot open %s: %s", path, strerror(EISDIR));
        return -1;
    }
    /* GBK from Excel: converted to UTF-8 first (csv.c), the size then the converted one */
    char why[512];
    int enc = rt_csv_encoding(m->o->encoding, why, sizeof why);
    if (enc < 0) {
        rt_pipe_error(m, "%s", why);
        return -1;
    }
    int fd0 = m->fd;
    /* across ranks each rank converts its own chunks (ranks.c) */
    int conv = m->o->cluster ? rt_ranks_gb18030(m, enc) : 0;
    if (conv < 0)
        return -1;
    if (!conv && rt_csv_decode_input(&m->fd, path, enc, &m->pre, &m->npre, m->buf, m->cap, why,
                                     sizeof why) < 0) {
        rt_pipe_sys_error(m, 0, "%s", why);
        return -1;
    }
    if (m->fd != fd0)
        have = fstat(m->fd, &st) == 0;
    /* read as GB18030 (converted here, or by each rank): its bad bytes are no GB18030 */
    m->read_gb = !(conv || m->fd != fd0) ? 0 : enc == RT_ENC_GB18030 ? 2 : 1;
    m->size = have && S_ISREG(st.st_mode) ? (int64_t)st.st_size : -1;
    /* standard input may be a file already read into (a script that skipped a title line):
     * what is left of it is what fill() must find */
    off_t at = m->size > 0 ? lseek(m->fd, 0, SEEK_CUR) : -1;
    if (at > 0)
        m->size = at < m->size ? m->size - at : 0;
    m->consumed = 0;
    polrt_progress_start(&m->meter, m->o->progress);
    m->buf_off = 0;
    m->len = m->start = m->complete = 0;
    m->eof = m->cut_end = m->pread_on = 0;
    m->line = 1;
    m->seq = 0;
    return 0;
}

static void close_input(RtPipe *m)
{
    if (m->fd > 0)
        close(m->fd);
    m->fd = -1;
    m->pre = polrt_realloc(m->pre, 0);
    m->npre = m->pre_at = 0;
    if (m->raw_fd > 0)
        close(m->raw_fd);
    m->raw_fd = -1;
}

ssize_t rt_pipe_read(RtPipe *m, char *p, size_t n, int64_t off)
{
    size_t got = 0;
    if (off < 0 && m->pre_at < m->npre) { /* the bytes the sniffer read first */
        got = m->npre - m->pre_at < n ? m->npre - m->pre_at : n;
        memcpy(p, m->pre + m->pre_at, got);
        m->pre_at += got;
    }
    while (got < n) {
        ssize_t k = off < 0 ? read(m->fd, p + got, n - got)
                            : pread(m->fd, p + got, n - got, off + (int64_t)got);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            rt_pipe_sys_error(m, errno, "cannot read %s: %s", m->path, strerror(errno));
            return -1;
        }
        if (k == 0)
            break;
        got += (size_t)k;
    }
    return (ssize_t)got;
}

int rt_pipe_buf_grow(RtPipe *m, size_t cap)
{
    char *nb = rt_huge_alloc(cap);
    if (!nb) {
        rt_pipe_sys_error(m, 0, "out of memory");
        return -1;
    }
    memcpy(nb, m->buf, m->len);
    rt_huge_free(m->buf, m->cap);
    m->buf = nb;
    m->cap = cap;
    return 0;
}

static int reject_long_record(RtPipe *m);

/* Read the next batch: keep the unfinished record, fill the buffer, and find where the last
 * complete record ends. 1 with records in [start, complete), 0 at the end, -1 on error, -2 a header
 * longer than RT_CSV_MAX_RECORD (said). */
static int next_batch(RtPipe *m)
{
    drop(m, m->complete);
    m->start = m->complete = 0;
    for (;;) {
        if (fill(m) < 0)
            return -1;
        if (m->len == 0)
            return 0;
        if (m->eof) {
            m->complete = m->len;
            m->cut_end = m->buf[m->len - 1] != '\n';
            return 1;
        }
        /* the last complete record: walk records from a boundary near the end */
        /* the file's first record starts after its byte order mark, if any */
        size_t fs = m->buf_off == 0 ? rt_csv_bom_len(m->buf, m->len) : 0;
        size_t from = m->len > PIPE_TAIL ? m->len - PIPE_TAIL : 0;
        size_t p = from > fs ? rt_csv_boundary_after(m->buf, fs, from, m->len, 0) : fs;
        if (p != SIZE_MAX) {
            for (;;) {
                size_t e = rt_csv_record_end(m->buf, p, m->len, 0);
                if (e == SIZE_MAX)
                    break;
                p = e;
            }
            if (p > fs) {
                m->complete = p;
                return 1;
            }
        }
        /* not one complete record: a longer batch, in a longer buffer when it is full; a
         * row longer than the limit is rejected, and reading goes on after it */
        if (m->batch >= RT_CSV_MAX_RECORD) {
            /* the walk from near the end met the long record: the complete ones before it,
             * walked from the start; none, and it is the first in the buffer */
            size_t q = fs;
            for (size_t e; (e = rt_csv_record_end(m->buf, q, m->len, 0)) != SIZE_MAX;)
                q = e;
            if (q > fs) {
                m->complete = q;
                return 1;
            }
            if (!m->in_header) {
                if (reject_long_record(m) < 0)
                    return -1;
                continue;
            }
        }
        if (m->batch >= RT_CSV_MAX_RECORD) {
            /* only a header gets here (a longer row is rejected above): bad input, exit 3,
             * said as read_header says the header's other faults */
            fprintf(stderr, "%s:%" PRId64 ": header: record longer than %d MiB (%s)\n", m->path,
                    m->line, RT_CSV_MAX_RECORD >> 20, rt_csv_long_why(m->buf, m->len));
            return -2;
        }
        if (m->batch == m->cap && rt_pipe_buf_grow(m, m->cap * 2) < 0)
            return -1;
        m->batch = 2 * m->batch < m->cap ? 2 * m->batch : m->cap;
    }
}

static RtBlock *add_block(RtPipe *m)
{
    RtBlock *b = &m->blocks[m->used_blocks++];
    b->nrows = 0;
    b->lines = 0;
    return b;
}

/* Cut [start, complete) into blocks at record boundaries (at most want: the last takes the
 * rest), in the half of the block store the batch before did not use. The blocks shrink
 * from first to last (block k's share of the bytes is want - k parts of want (want + 1) / 2):
 * the decode hands them out in order, so a thread that starts late (at -j 2 the last one
 * runs the sink's step first, ~0.9 ms a batch against the reader's ~0.35) takes fewer of the
 * big ones and the two end within a small block of each other. With equal blocks each took
 * half and the first waited ~0.5 ms a batch at the decode's end (a timeline of 1 M claims:
 * 30 ms of a 400 ms claims pass). */
static int cut_blocks(RtPipe *m)
{
    size_t want = (size_t)m->nthreads * PIPE_BLOCKS_PER_THREAD;
    size_t n = m->complete - m->start, parts = want * (want + 1) / 2;
    if (!m->block_store) {
        m->nblocks = 2 * want;
        m->block_store = rt_alloc_lines(m->nblocks * sizeof *m->block_store, 1);
        if (!m->block_store) {
            rt_pipe_sys_error(m, 0, "out of memory");
            return -1;
        }
    }
    m->half = m->nthreads > 1 && !m->o->cluster ? !m->half : 0; /* claims_pass's overlap */
    m->blocks = m->block_store + (m->half ? want : 0);
    m->used_blocks = 0;
    /* the cells of this half's rows two batches ago are done with (sink_wait) */
    for (int i = 0; i < m->nthreads; i++)
        rt_pool_reset(&m->th[i].cells_pool[m->half]);
    size_t prev = m->start;
    for (size_t k = 1; prev < m->complete; k++) {
        /* the first k blocks' parts: want + (want - 1) + ... + (want - k + 1) */
        size_t target =
            k < want ? m->start + n * (k * want - k * (k - 1) / 2) / parts : m->complete;
        size_t cut = target <= prev ? prev
                     : target >= m->complete
                         ? m->complete
                         : rt_csv_boundary_after(m->buf, prev, target, m->complete, 1);
        if (cut == SIZE_MAX || cut > m->complete)
            cut = m->complete;
        if (cut == prev)
            continue;
        RtBlock *b = add_block(m);
        b->from = prev;
        b->to = cut;
        prev = cut;
    }
    return 0;
}

/* ---- headers ---------------------------------------------------------------------------- */

/* Bind the header cells (claims: the claim fields; persons: person then history fields).
 * 0, or -1 with a file-level message, -2 a usage error (the --weight column is missing),
 * -3 out of memory. */
static int bind_header(RtPipe *m, const RtCells *c, int64_t line, const char *raw, size_t nraw,
                       char *why, size_t len)
{
    const RtSchema *s = m->s;
    /* claims to reverse bind no claim field: the ledger holds them */
    int nf = m->is_persons ? s->nperson + s->nhist : m->o->reverse ? 0 : s->nclaim;
    rt_binding_free(&m->bind);
    polrt_realloc(m->bind_fields, 0);
    const RtField **f = m->bind_fields = polrt_realloc(NULL, (size_t)(nf + 1) * sizeof *f);
    if (!f)
        return -3;
    for (int k = 0; k < nf; k++)
        f[k] = !m->is_persons   ? &s->claim[k]
               : k < s->nperson ? &s->person[k]
                                : &s->hist[k - s->nperson];
    const char *fixed[] = {m->is_persons ? NULL : "claim_id", "person_id",
                           m->is_persons ? m->o->weight : NULL};
    int rc = rt_binding_init(&m->bind, s, f, nf, fixed, 3, 2, m->path, line, c->p, c->len, c->n,
                             raw, nraw, why, len);
    if (rc == -2)
        return -3;
    if (rc < 0)
        return -1;
    if (m->is_persons && m->o->weight && m->bind.fixed_col[COL_WEIGHT] < 0) {
        snprintf(why, len, "%s:%" PRId64 ": no column '%s' (the --weight column)", m->path, line,
                 m->o->weight);
        return -2;
    }
    return 0;
}

/* Read the header record of the open file and bind it: 0, 2 (I/O, usage) or 3 (bad header). */
static int read_header(RtPipe *m)
{
    m->in_header = 1;
    int got = next_batch(m);
    m->in_header = 0;
    if (got < 0)
        return got == -2 ? 3 : 2;
    if (got == 0) {
        fprintf(stderr, "%s:1: empty file (expected a header row)\n", m->path);
        return 3;
    }
    RtCells *c = &m->th[0].cells;
    char why[MSG_MAX];
    for (;;) {
        /* a byte order mark is part of the raw bytes, not of the first cell: nor of the
         * record's quoting (read as text, it made a quoted first cell a stray quote, and a
         * line break in a quoted header cell then ended the header) */
        size_t from = m->start;
        int bom = m->buf_off + (int64_t)from == 0 && rt_csv_bom_len(m->buf, m->len);
        if (bom)
            from += 3;
        size_t e = rt_csv_record_end(m->buf, from, m->len, m->eof);
        if (e == SIZE_MAX)
            e = m->complete;
        size_t next;
        int64_t lines = 0;
        const char *bad;
        int k = rt_csv_cells(m->buf, from, e, c, &next, &lines, &bad);
        if (k < 0) {
            rt_pipe_sys_error(m, 0, "out of memory");
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
        if (rt_csv_cr_only(m->buf + rs, e - rs)) {
            fprintf(stderr, "%s:%" PRId64 ": header: " RT_CSV_CR_ONLY "\n", m->path, line);
            return 3;
        }
        if (bad) {
            fprintf(
                stderr, "%s:%" PRId64 ": header: %s\n", m->path, line,
                rt_csv_bad_text(bad, m->read_gb, lines + (m->buf[e - 1] != '\n'), why, sizeof why));
            return 3;
        }
        if (!m->is_persons)
            m->st->bom = bom;
        m->crlf_hdr = e - rs >= 2 && m->buf[e - 2] == '\r' && m->buf[e - 1] == '\n';
        if (!m->is_persons)
            m->st->crlf = m->crlf_hdr;
        int bh = bind_header(m, c, line, m->buf + rs, e - rs, why, sizeof why);
        if (bh == -3) {
            rt_pipe_sys_error(m, 0, "out of memory");
            return 2;
        }
        if (bh < 0) {
            fprintf(stderr, "%s\n", why);
            return bh == -2 ? 2 : 3;
        }
        if (m->is_persons && find_person_cols(m) < 0) {
            rt_pipe_sys_error(m, 0, "out of memory");
            return 2;
        }
        if (m->is_persons)
            person_sizes(m);
        if (m->bind.ignored && m->o->notes)
            fprintf(stderr, "%s: note: %s: columns ignored (not in the policy): %s\n",
                    opts_program(), m->path, m->bind.ignored);
        return 0;
    }
}

/* ---- decode: rows into values (phase 1) ---------------------------------------------------- */

typedef struct IdKey {
    const char *s;
    size_t n;
} IdKey;

static int person_eq(const void *entry, const void *key)
{
    const RtPerson *p = entry;
    const IdKey *k = key;
    return p->nid == k->n && memcmp(p->id, k->s, k->n) == 0;
}

static RtPerson *person_find(const RtPipe *m, const char *id, size_t n, uint64_t h)
{
    IdKey k = {id, n};
    return rt_map_find(&m->th[h % (uint64_t)m->nthreads].persons, h, person_eq, &k);
}

/* A new person in thread t's partition, with hash h of its id, in one allocation: its id,
 * room for its fields from the persons file (and kept cells), and with span room for its
 * first span (person_sizes); NULL on memory */
static RtPerson *person_add(RtPipe *m, RtPThread *t, const char *id, size_t n, uint64_t h, int span)
{
    size_t head = (offsetof(RtPerson, id) + n + 1 + 7) & ~(size_t)7;
    RtPerson *p = rt_pool_alloc(&t->pool, head + m->person_tail_b + (span ? m->span_b : 0));
    if (!p)
        return NULL;
    *p = (RtPerson){.fields = m->defaults,
                    .weight = ONE_WEIGHT,
                    .tag = rt_map_tag(h),
                    .nid = (uint32_t)n,
                    .part = (uint8_t)t->id};
    memcpy(p->id, id, n);
    p->id[n] = '\0';
    if (span) /* room for one */
        p->hist = (int64_t *)(void *)((char *)p + head + m->person_tail_b);
    t->npersons++;
    if (rt_map_put(&t->persons, h, p) < 0)
        return NULL;
    return p;
}

void rt_pipe_bad_row(RtPool *pool, RtRow *r, const char *why)
{
    r->status = RT_ROW_BAD;
    r->why = rt_pool_str(pool, why, strlen(why));
    if (!r->why)
        r->why = "out of memory";
}

/* a persons row: its id, person fields, identity span and weight; 0, or -1 (memory) */
static int person_row(RtPipe *m, RtBlock *b, RtRow *r, const RtCells *c, const char *pid, size_t pn)
{
    const RtSchema *s = m->s;
    char why[MSG_MAX];
    if (!pid) {
        snprintf(why, sizeof why, "%s: missing value",
                 m->bind.hdr[m->bind.fixed_col[COL_PERSON_ID]]);
        rt_pipe_bad_row(b->pool, r, why);
        return 0;
    }
    r->pid = rt_pool_str(b->pool, pid, pn);
    r->npid = (uint32_t)pn;
    r->hash = rt_hash_id(pid, pn);
    int any = 0; /* a history cell not blank: the row holds a span */
    for (int f = s->nperson; f < m->bind.nf && !any; f++) {
        int col = m->bind.cols[f].col;
        any = col >= 0 && !rt_cell_blank(c->p[col], c->len[col]);
    }
    /* the person's fields and the span's in one array, decoded at once (one pass over the
     * binding's plan where two ranged ones cost ~230 instructions a row more) */
    r->fields = rt_pool_alloc(b->pool, ((size_t)s->nperson + (any ? (size_t)s->nhist : 0) + 1) *
                                           sizeof *r->fields);
    if (!r->pid || !r->fields)
        return -1;
    if (any ? rt_decode_fields(&m->bind, c->p, c->len, 0, m->bind.nf, r->fields, why, sizeof why)
            : rt_decode_fields(&m->bind, c->p, c->len, 0, s->nperson, r->fields, why, sizeof why)) {
        rt_pipe_bad_row(b->pool, r, why);
        return 0;
    }
    if (any) {
        r->hvals = r->fields + s->nperson;
        if (rt_span_check(s, r->hvals, &m->bind, why, sizeof why) < 0) {
            rt_pipe_bad_row(b->pool, r, why);
            return 0;
        }
    }
    r->weight = ONE_WEIGHT;
    int wcol = m->bind.fixed_col[COL_WEIGHT];
    if (wcol >= 0) {
        size_t wn = c->len[wcol];
        const char *w = rt_trim(c->p[wcol], &wn);
        if (wn == 0 || polrt_parse_rate(w, wn, &r->weight) < 0 || r->weight < 0) {
            snprintf(why, sizeof why,
                     "%s: not a weight '%.*s' (expected a number >= 0 such as 1.25)",
                     m->bind.hdr[wcol], (int)(wn > 40 ? 40 : wn), w);
            rt_pipe_bad_row(b->pool, r, why);
        }
    }
    return 0;
}

/* a claims row: its id, fields and person, and listed for the policy's input checks when
 * there are any to run (check); 0, or -1 */
static int claim_row(RtPipe *m, RtPThread *t, RtBlock *b, RtRow *r, const RtCells *c,
                     const char *pid, size_t pn, RtPerson **last, int check)
{
    const RtSchema *s = m->s;
    char why[MSG_MAX];
    size_t n;
    const char *id = rt_decode_id(&m->bind, COL_CLAIM_ID, c->p, c->len, c->n, &n);
    if (!id) {
        snprintf(why, sizeof why, "%s: missing value",
                 m->bind.hdr[m->bind.fixed_col[COL_CLAIM_ID]]);
        rt_pipe_bad_row(b->pool, r, why);
        return 0;
    }
    if (rt_id_excel_maybe(id, n) &&
        rt_id_excel_number(m->bind.hdr[m->bind.fixed_col[COL_CLAIM_ID]], id, n, why, sizeof why)) {
        rt_pipe_bad_row(b->pool, r, why);
        return 0;
    }
    r->fields = rt_pool_alloc(b->pool, ((size_t)s->nclaim + 1) * sizeof *r->fields);
    r->id = rt_pool_str(b->pool, id, n);
    if (!r->fields || !r->id)
        return -1;
    r->hash = rt_hash_id(id, n);
    if (!r->hash)
        r->hash = 1; /* 0 marks a row without a claim id */
    if (!pid) {
        snprintf(why, sizeof why, "%s: missing value",
                 m->bind.hdr[m->bind.fixed_col[COL_PERSON_ID]]);
        rt_pipe_bad_row(b->pool, r, why);
        return 0;
    }
    if (!m->o->reverse &&
        rt_decode_fields(&m->bind, c->p, c->len, 0, s->nclaim, r->fields, why, sizeof why) < 0) {
        rt_pipe_bad_row(b->pool, r, why);
        return 0;
    }
    /* the base policy's own input checks (reject ... when ...): once the block is decoded */
    if (check) {
        if (t->nchk == t->cap_chk &&
            rt_grow(&t->chk_rows, &t->cap_chk, t->nchk + 1, sizeof *t->chk_rows) < 0)
            return -1;
        t->chk_rows[t->nchk++] = (size_t)(r - b->rows);
    }
    /* rows of one person usually come together: one lookup for them; and claims files
     * ordered as the persons file find the next person beside the last one, with no hash and
     * no table lookup (its random reads missed the cache: ~9% of the time of a 1 M-claim run) */
    int same = *last && (*last)->nid == pn && memcmp((*last)->id, pid, pn) == 0;
    RtPerson *next = !same && *last ? (*last)->next : NULL;
    if (next && !(next->nid == pn && memcmp(next->id, pid, pn) == 0))
        next = NULL;
    uint64_t h = same || next ? 0 : rt_hash_id(pid, pn);
    r->phash = h;
    if (!m->o->persons) {
        /* persons made from the claims: the calling thread adds them after this phase */
        if (!(r->pid = rt_pool_str(b->pool, pid, pn)))
            return -1;
        r->npid = (uint32_t)pn;
        r->phash = h ? h : rt_hash_id(pid, pn);
        return 0;
    }
    RtPerson *p = same ? *last : next ? next : person_find(m, pid, pn, h);
    *last = p;
    if (!p) {
        /* personal data: a person id only when asked (--show-ids); file:line finds the row */
        if (m->o->show_ids)
            snprintf(why, sizeof why, "unknown person '%.*s' (not in %s)", (int)pn, pid,
                     m->o->persons);
        else
            snprintf(why, sizeof why, "unknown person (the person_id is not in %s)", m->o->persons);
        rt_pipe_bad_row(b->pool, r, why);
        return 0;
    }
    if (p->bad) {
        if (m->o->show_ids)
            snprintf(why, sizeof why, "person '%.*s' has a rejected row (%s:%" PRId64 ")", (int)pn,
                     pid, m->o->persons, p->bad_line);
        else
            snprintf(why, sizeof why, "the person has a rejected row (%s:%" PRId64 ")",
                     m->o->persons, p->bad_line);
        rt_pipe_bad_row(b->pool, r, why);
        return 0;
    }
    r->p = p;
    r->thread = p->part;
    return 0;
}

/* Room for one more row in b. The array is on cache lines of its own, each row on two lines
 * of its own: the threads settle neighbouring rows and write their ends (settled, the sink's
 * offsets), and rows that shared a line passed it back and forth between the cores at every
 * claim. */
_Static_assert(sizeof(RtRow) % RT_CACHE_LINE == 0, "RtRow: whole cache lines");
/* Full at byte pos of the block, the array grows to what the whole block will need at the
 * density of its rows so far, an eighth more, at most 32 times the rows so far (a block
 * whose first rows are far shorter than the rest takes more steps, not a huge array).
 * Doubling from 1,024 copied the rows 4-5 times in a 2 MiB block of claims (~17,000 rows of
 * 128 bytes): the copies were 8.8 M of the 557.6 M instructions of polc run -j 1 on 104,638
 * claims; growing once from the first 1,024 rows, 3.4 M (callgrind). */
static int grow_rows(RtBlock *b, size_t pos)
{
    size_t cap = b->cap_rows ? 2 * b->cap_rows : 1024;
    if (b->nrows && pos > b->from) {
        double est = (double)b->nrows * (double)(b->to - b->from) / (double)(pos - b->from);
        est = est * 1.125 + 16;
        if (est > 32.0 * (double)b->nrows)
            est = 32.0 * (double)b->nrows;
        if (est > (double)cap)
            cap = (size_t)est;
    }
    if (cap > SIZE_MAX / sizeof *b->rows)
        return -1;
    RtRow *v = rt_alloc_lines(cap * sizeof *v, 0); /* decode clears each row it fills */
    if (!v)
        return -1;
    if (b->nrows)
        memcpy(v, b->rows, b->nrows * sizeof *v);
    polrt_realloc(b->rows, 0);
    b->rows = v;
    b->cap_rows = cap;
    return 0;
}

/* row r of b rejected by the base policy's input check loc, or by the check's failure */
static void check_reject(RtPipe *m, RtBlock *b, RtRow *r, int64_t code, int64_t loc)
{
    char why[MSG_MAX];
    rt_err_describe(m->s, code, loc, why, sizeof why);
    rt_pipe_bad_row(b->pool, r, why);
}

/* The base policy's input checks of the block's claims that decoded (t->chk_rows), in one
 * pass under one landing place: a check that fails (an overflow, say) long-jumps back here
 * and the pass goes on after its row (t->chk_at, in memory, says where). A row a check
 * rejects takes the check's reason even when its person was not found either, as when each
 * claim was checked before its person was looked up. One setjmp and context a claim were
 * ~110 of the ~120 instructions its check cost; ~55 now (Panji, callgrind: polc run -j 1 on
 * 104,638 claims 545.3 -> 538.6 M). */
static void check_rows(RtPipe *m, RtPThread *t, RtBlock *b)
{
    const PolEngine *e = m->eng[0].e;
    PolCtx *ctx = &t->chk_ctx;
    jmp_buf jb;
    rt_engine_check_ctx(e, ctx, t->chk_pver);
    ctx->jmp = &jb;
    t->chk_at = 0;
    if (setjmp(jb)) {
        check_reject(m, b, &b->rows[t->chk_rows[t->chk_at]], ctx->err_code, ctx->err_loc);
        t->chk_at++;
    }
    for (; t->chk_at < t->nchk; t->chk_at++) {
        RtRow *r = &b->rows[t->chk_rows[t->chk_at]];
        int64_t code, loc;
        if (rt_engine_check_in(e, ctx, r->fields, &code, &loc))
            check_reject(m, b, r, code, loc);
    }
}

/* r zeroed, as eight aligned 16-byte stores (rows sit on cache lines of their own):
 * memset's rep stos cost 25 instructions a row, these 8 (callgrind) */
static inline void clear_row(RtRow *r)
{
#ifdef __SSE2__
    __m128i z = _mm_setzero_si128(), *v = (__m128i *)(void *)r;
    _Static_assert(sizeof *r == 8 * sizeof z, "RtRow: eight 16-byte stores");
    _mm_store_si128(v, z), _mm_store_si128(v + 1, z), _mm_store_si128(v + 2, z);
    _mm_store_si128(v + 3, z), _mm_store_si128(v + 4, z), _mm_store_si128(v + 5, z);
    _mm_store_si128(v + 6, z), _mm_store_si128(v + 7, z);
#else
    memset(r, 0, sizeof *r);
#endif
}

static int ids_part(uint64_t h, int n);

/* The rows of b routed to the threads that take them next (a stable counting sort into
 * b->route): merge_persons and task_number then walk a thread's own rows, where each
 * thread walked every row of the batch (at -j 2, 37-41 ms of claim-id numbering a thread
 * against 62 ms for one thread doing all; the persons merge 22 against 31). The groups, in
 * b->at: persons rows by the partition that merges them (none: a blank row, or one without
 * an id); claims rows, a good one to its person's thread (0..n-1), another to the block's
 * owner (n, which numbers it), and with a claim id also to the thread of its id's part
 * (n+1..2n). Done where the rows are known: after decode, or after resolve_persons makes
 * the persons of a run without a persons file. 0, or -1 (memory). */
static int route_block(RtPipe *m, RtBlock *b)
{
    enum { NONE = 0xFFFF };
    int n = m->nthreads, persons = m->is_persons;
    size_t groups = 2 * (size_t)n + 1;
    if (!b->at && !(b->at = polrt_realloc(NULL, (groups + 1) * sizeof *b->at)))
        return -1;
    if (2 * b->nrows > b->cap_route) {
        /* the route, then each row's two groups while it is made */
        size_t cap = 2 * b->cap_rows;
        uint32_t *v = polrt_realloc(b->route, cap * (sizeof *v + sizeof(uint16_t)));
        if (!v)
            return -1;
        b->route = v;
        b->cap_route = cap;
    }
    uint32_t *at = b->at, *route = b->route;
    /* (no route yet while the block has had no row: NULL + 0 is undefined) */
    uint16_t *grp = route ? (uint16_t *)(void *)(route + b->cap_route) : NULL;
    memset(at, 0, (groups + 1) * sizeof *at);
    for (size_t k = 0; k < b->nrows; k++) {
        const RtRow *r = &b->rows[k];
        unsigned g, id = NONE;
        if (persons)
            g = r->status == RT_ROW_EMPTY || !r->pid ? NONE : (unsigned)(r->hash % (uint64_t)n);
        else {
            g = r->status == RT_ROW_OK ? r->thread : (unsigned)n;
            if (r->hash)
                id = (unsigned)(n + 1 + ids_part(r->hash, n));
        }
        grp[2 * k] = (uint16_t)g;
        grp[2 * k + 1] = (uint16_t)id;
        if (g != NONE)
            at[g + 1]++;
        if (id != NONE)
            at[id + 1]++;
    }
    for (size_t g = 1; g <= groups; g++)
        at[g] += at[g - 1];
    for (size_t k = 0; k < b->nrows; k++) {
        if (grp[2 * k] != NONE)
            route[at[grp[2 * k]]++] = (uint32_t)k;
        if (grp[2 * k + 1] != NONE)
            route[at[grp[2 * k + 1]]++] = (uint32_t)k;
    }
    /* at[g] is now group g's end: shifted back, [at[g], at[g + 1]) is group g */
    memmove(at + 1, at, groups * sizeof *at);
    at[0] = 0;
    return 0;
}

/* A persons record rejected whole (bad quotes, not UTF-8, a NUL, a wrong field count) still
 * names its person when the id column's cell can be read: the person's claims then say "the
 * person has a rejected row (persons.csv:4)", not "unknown person". In a record the reader
 * could not cut (whole 0), only a plain cell on its first line is taken: after a quote that
 * ran over a line end, cells come from other lines. 0, or -1 (memory). */
static int bad_person_id(RtBlock *b, RtRow *r, const RtBinding *bind, const RtCells *c, int whole)
{
    size_t pn;
    const char *pid = rt_decode_id(bind, COL_PERSON_ID, c->p, c->len, c->n, &pn);
    if (!pid || !rt_utf8_valid(pid, pn))
        return 0;
    if (!whole) {
        const char *lf = memchr(r->raw, '\n', r->nraw), *end = lf ? lf : r->raw + r->nraw;
        if (pid < r->raw || pid + pn > end)
            return 0;
    }
    if (!(r->pid = rt_pool_str(b->pool, pid, pn)))
        return -1;
    r->npid = (uint32_t)pn;
    r->hash = rt_hash_id(pid, pn);
    return 0;
}

/* Decode one block into rows (phase 1, any thread). */
static void decode_block(RtPipe *m, RtPThread *t, RtBlock *b)
{
    RtCells *c = &t->cells;
    char why[MSG_MAX];
    const char *buf = m->buf;
    size_t pos = b->from;
    int64_t line = 0;
    RtPerson *last = NULL;
    int check = !m->is_persons && !m->o->reverse && rt_engine_checks(m->eng[0].e);
    t->nchk = 0;
    b->pool = &t->cells_pool[m->half];
    while (pos < b->to) {
        size_t e;
        const char *bad;
        int64_t lines = 0;
        int k = rt_csv_cells(buf, pos, b->to, c, &e, &lines, &bad);
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
        if (b->nrows == b->cap_rows && grow_rows(b, rpos) < 0) {
            t->oom = 1;
            return;
        }
        RtRow *r = &b->rows[b->nrows++];
        clear_row(r);
        r->line = rline;
        r->raw = buf + rpos;
        r->nraw = (uint32_t)(e - rpos);
        if (bad) {
            rt_pipe_bad_row(
                b->pool, r,
                rt_csv_bad_text(bad, m->read_gb, lines + (buf[e - 1] != '\n'), why, sizeof why));
            if (m->is_persons && bad_person_id(b, r, &m->bind, c, 0) < 0) {
                t->oom = 1;
                return;
            }
            continue;
        }
        /* a first cell opening with a printable ASCII byte is no blank (rt_trim's blanks are
         * spaces, controls and U+3000): the test of each cell cost ~26 instructions a row */
        unsigned char c0 = c->len[0] ? (unsigned char)c->p[0][0] : 0;
        int blank = !(c0 > ' ' && c0 < 0x7F);
        for (int i = 0; i < c->n && blank; i++)
            blank = rt_cell_blank(c->p[i], c->len[i]);
        if (blank) {
            r->status = RT_ROW_EMPTY;
            continue;
        }
        if (c->n != m->bind.ncols) {
            rt_csv_count_text(m->bind.ncols, c->n, c->p, c->len, why, sizeof why);
            rt_pipe_bad_row(b->pool, r, why);
            if (m->is_persons && bad_person_id(b, r, &m->bind, c, 1) < 0) {
                t->oom = 1;
                return;
            }
            continue;
        }
        size_t pn;
        const char *pid = rt_decode_id(&m->bind, COL_PERSON_ID, c->p, c->len, c->n, &pn);
        /* a person id Excel shortened: the row refused (persons: and the claims of that text) */
        if (pid && rt_id_excel_maybe(pid, pn) &&
            rt_id_excel_number(m->bind.hdr[m->bind.fixed_col[COL_PERSON_ID]], pid, pn, why,
                               sizeof why)) {
            rt_pipe_bad_row(b->pool, r, why);
            if (m->is_persons && bad_person_id(b, r, &m->bind, c, 1) < 0) {
                t->oom = 1;
                return;
            }
            continue;
        }
        int rc = m->is_persons ? person_row(m, b, r, c, pid, pn)
                               : claim_row(m, t, b, r, c, pid, pn, &last, check);
        if (rc < 0) {
            t->oom = 1;
            return;
        }
    }
    b->lines = line;
    if (t->nchk)
        check_rows(m, t, b);
    /* counted while the rows are in this core's cache: reject_batch then walks a batch's
     * rows only when one was rejected (the walk, on the calling thread while the others
     * waited, was ~3.6 ms of a 1 M-claim run) */
    b->nbad = b->nempty = 0;
    for (size_t k = 0; k < b->nrows; k++) {
        b->nbad += b->rows[k].status == RT_ROW_BAD;
        b->nempty += b->rows[k].status == RT_ROW_EMPTY;
    }
    /* (across ranks, ranks.c numbers the claims and hands them out) */
    if ((m->is_persons || (m->o->persons && !m->o->cluster)) && route_block(m, b) < 0)
        t->oom = 1;
}

static void task_decode(RtPThread *t)
{
    RtPipe *m = t->pipe;
    for (;;) {
        size_t k = atomic_fetch_add(&m->next_block, 1);
        if (k >= m->used_blocks)
            break;
        decode_block(m, t, &m->blocks[k]);
        if (t->oom)
            break;
    }
}

/* ---- rejects ------------------------------------------------------------------------------ */

/* Count a bad row and tell it on stderr (the first max_told, or all; only the explained
 * claim's when explaining one, id being the row's claim id or NULL) */
static void tell_row(RtPipe *m, int64_t line, const char *why, const char *id)
{
    m->st->rejected++;
    if (m->is_persons)
        m->st->rejected_persons++;
    if (m->o->tell_only && !m->is_persons && id && strcmp(id, m->o->tell_only) != 0)
        return;
    if (!m->o->max_told || m->told < m->o->max_told) {
        rt_pipe_progress_clear(m);
        fprintf(stderr, "%s:%" PRId64 ": %s\n", m->path, line, why);
    }
    m->told++;
}

/* the rejects file open, its first line the header, started as every CSV for people is
 * (rt_out_bom; a GBK file's rows are copied as UTF-8, so Excel needs it): 0, or -1 (run
 * error set) */
static int rejects_open(RtPipe *m)
{
    if (m->rejects.f || m->not_rank0)
        return 0;
    char err[MSG_MAX];
    if (rt_out_open(&m->rejects, m->cur_rejects, err, sizeof err) < 0) {
        rt_pipe_sys_error(m, errno, "%s", err);
        return -1;
    }
    size_t b = rt_csv_bom_len(m->bind.raw, m->bind.nraw);
    rt_out_bom(&m->rejects, b != 0);
    fwrite(m->bind.raw + b, 1, m->bind.nraw - b, m->rejects.f);
    if (m->bind.nraw && m->bind.raw[m->bind.nraw - 1] != '\n')
        fputs(m->crlf_hdr ? "\r\n" : "\n", m->rejects.f);
    return 0;
}

/* Tell a bad row and copy it unchanged to the rejects file: 0, or -1 (run error set) */
static int reject_row(RtPipe *m, const RtRow *r)
{
    tell_row(m, r->line, r->why, r->id);
    if (rejects_open(m) < 0)
        return -1;
    if (m->not_rank0)
        return 0;
    if (!r->raw) /* across ranks, a record too long to send: copied from the file */
        return rt_ranks_long_copy(m, r);
    fwrite(r->raw, 1, r->nraw, m->rejects.f);
    if (r->nraw && r->raw[r->nraw - 1] != '\n')
        fputs(m->crlf_hdr ? "\r\n" : "\n", m->rejects.f);
    return 0;
}

static int sink_wait(RtPipe *m);

/* A record longer than RT_CSV_MAX_RECORD (a quote left open, a file that is not CSV) at the
 * start of the buffer, the rows before it all handled: one rejected row, its bytes streamed
 * unchanged to the rejects file as they are read (never held whole), told with its first
 * line and the lines it spans; reading goes on just after it. It has no claim id, so no later
 * row's id is taken by it. 0, or -1 (run error set). */
static int reject_long_record(RtPipe *m)
{
    int64_t line = m->line, lines = 0;
    RtCsvScan sc = {0};
    char last = 0;
    /* the batch before's results first, as with one thread: the record goes out in pieces,
     * and a rejects file on the results' stream would get rows between them */
    if (sink_wait(m) < 0 || rejects_open(m) < 0)
        return -1;
    for (;;) {
        size_t e = rt_csv_scan(&sc, m->buf, m->len, &lines);
        size_t n = e == SIZE_MAX ? m->len : e;
        if (!m->not_rank0)
            fwrite(m->buf, 1, n, m->rejects.f);
        if (n)
            last = m->buf[n - 1];
        drop(m, n);
        if (e != SIZE_MAX || m->eof)
            break;
        if (fill(m) < 0)
            return -1;
    }
    if (last != '\n' && !m->not_rank0)
        fputs(m->crlf_hdr ? "\r\n" : "\n", m->rejects.f);
    char why[MSG_MAX];
    tell_row(m, line, rt_csv_long_record(lines + (last != '\n'), why, sizeof why), NULL);
    m->line += lines;
    return 0;
}

/* the batch's bad rows (of blocks[0..n)) to stderr and the rejects file, in input order; 0,
 * -1 (run error), 1 too many rejected rows (told) */
static int reject_batch(RtPipe *m, RtBlock *blocks, size_t n)
{
    /* none rejected (the counts of decode_block and the later steps; across ranks the
     * outcomes' block is not decoded here): only the counts */
    if (!m->o->cluster) {
        size_t bad = 0, empty = 0, rows = 0;
        for (int i = 0; i < m->nthreads; i++)
            bad += (size_t)m->th[i].late_bad;
        for (size_t bi = 0; bi < n; bi++) {
            bad += blocks[bi].nbad;
            empty += blocks[bi].nempty;
            rows += blocks[bi].nrows;
        }
        if (!bad) {
            m->st->empty_rows += (int64_t)empty;
            if (!m->is_persons)
                m->st->claims += (int64_t)(rows - empty);
            return 0;
        }
    }
    for (size_t bi = 0; bi < n; bi++)
        for (size_t k = 0; k < blocks[bi].nrows; k++) {
            RtRow *r = &blocks[bi].rows[k];
            if (r->status == RT_ROW_EMPTY)
                m->st->empty_rows++;
            else if (r->status == RT_ROW_BAD) {
                if (reject_row(m, r) < 0)
                    return -1;
                /* a record too long (across ranks: no raw bytes) stops nothing, as alone
                 * (reject_long_record) */
                if (m->o->max_rejects && r->raw && m->st->rejected >= m->o->max_rejects) {
                    rt_pipe_progress_clear(m);
                    fprintf(stderr,
                            "%s: %s: stopped after %" PRId64
                            " rejected row%s (max %ld); nothing was settled\n",
                            opts_program(), m->path, m->st->rejected, rt_plural(m->st->rejected),
                            m->o->max_rejects);
                    return 1;
                }
            } else if (!m->is_persons)
                m->st->claims++;
        }
    return 0;
}

/* rows of the whole file, from the first batch's share of its bytes and its rows (0: not
 * known) */
static size_t estimate_rows(const RtPipe *m, size_t rows_so_far)
{
    if (m->size <= 0 || m->buf_off != 0 || m->complete == 0)
        return 0;
    double rows = (double)rows_so_far * (double)m->size / (double)m->complete;
    return rows > 1e10 ? 0 : (size_t)(rows * 1.05) + 16;
}

/* ---- numbering and duplicate claim ids (every thread, its part in input order) ------------ */

/* The claim-id table's budget: IDS_SLOTS_A_PERSON slots for each person loaded, at least
 * IDS_MIN_SLOTS (2^22: 32 MiB, 3.1 M ids), and as much again for the filter once it spills.
 * The filter then sets 8 bits of 512 per id: at 10.5 M claims (1 M persons, gen
 * --claim-scale 3) it has ~25 bits an id, and about one id in 30,000 not seen before is
 * looked up on disk in vain. Peak memory of simulate base + reform -j 2 over 1 M persons
 * (bench/maxrss): 652 and 815 MB with 3.5 and 10.5 M claims when the table grew without
 * bound (128 MiB at 10.5 M), 653 and 754 MB with a fixed 2^22. A budget by the persons keeps
 * the check bounded by them, as the rest of memory is, and lets a population's usual claims
 * (gen: ~3.5 a person) fit without a spill: simulate base + reform over 10.1 M claims of 2.9 M
 * persons, -j 2, spilled three times with the fixed 2^22 (each run a 32 MiB write, every id
 * also reading the filter): 2.50-2.68 s, user CPU 4.33-4.41 s, peak 1,017 MB; with 8 slots a
 * person (2^24 at -j 2: its threads' shares are powers of two), no spill: 2.17-2.34 s,
 * 3.99-4.11 s, 1,084 MB (alternated, idle). */
#define IDS_MIN_SLOTS      ((size_t)1 << 22)
#define IDS_SLOTS_A_PERSON 8
/* entries ahead whose line is fetched where each misses the caches: a persons row's slot in
 * its partition's table (merge_persons). It was first the claim ids' look-ahead, in input
 * order: 1.05 M claims, perf samples at 4 kHz in that pass 323, 234, 227 without, 216, 203,
 * 175 fetching 32 ahead (8: no gain); the ids now go region by region (IDS_REGION_BITS) and
 * fetch IDS_AHEAD on */
#define IDS_PREFETCH 32
/* A batch's ids are looked up region by region of the table (a counting sort by the top bits
 * of their home slots, stable, so an id's rows keep their input order): with 2^21 slots a
 * region is 64 KiB, which the cache keeps while its ids are looked up, where ids in input
 * order missed it at nearly every look-up (~75 ns an id: rt_ids_add had 7-8% of a
 * polc run -j 1's perf samples, fetching ahead or not) */
#define IDS_REGION_BITS 8
/* ids whose slot (and filter block) is fetched ahead of the look-up in region order, in a
 * table past the caches (2 MiB: 2^18 slots). perf samples of rt_ids_add and ids_add_sorted:
 * 10 M claims, simulate -j 2 (tables of 2^21 slots and a spill) 8-9% -> 4.5-5%; 1.05 M
 * claims, polc run -j 1, 127-131 -> 72-77 samples at 4 kHz. It costs ~11 instructions an id
 * (callgrind, 104,638 claims, where the table is 2^18 slots). */
#define IDS_AHEAD     16
#define IDS_AHEAD_MIN ((size_t)1 << 18)
/* slots read from a run at a time when looking an id up on disk: 4 KiB */
#define IDS_READ 512
/* the filter's bit choice: a second mix of the id's hash (the block is its low bits) */
#define IDS_MIX 0x9E3779B97F4A7C15ull

static size_t test_ids; /* rt_pipe_test_ids: 0, or the budget the tests force */
void rt_pipe_test_ids(size_t slots)
{
    test_ids = slots;
}

/* the slot where probing for h starts */
static size_t ids_home(const IdSet *s, uint64_t h)
{
    return (size_t)(h >> 7) & (s->cap - 1);
}

/* the table rebuilt with cap slots: 0, or -1 on memory */
static int ids_rehash(IdSet *s, size_t cap)
{
    uint64_t *ns = rt_huge_alloc(cap * sizeof *ns);
    if (!ns) {
        s->err = 0;
        return -1;
    }
    for (size_t i = 0; i < s->cap; i++)
        if (s->slot[i]) {
            size_t j = (size_t)(s->slot[i] >> 7) & (cap - 1);
            while (ns[j])
                j = (j + 1) & (cap - 1);
            ns[j] = s->slot[i];
        }
    rt_huge_free(s->slot, s->cap * sizeof *s->slot);
    s->slot = ns;
    s->cap = cap;
    return 0;
}

/* the n sets' budget for npersons persons loaded (before any id is added): each set its
 * share, a power of two, at least 2 (a table keeps a slot free, or probing would not end) */
static void ids_budget(IdSet *v, int n, size_t npersons)
{
    size_t slots =
        npersons < SIZE_MAX / IDS_SLOTS_A_PERSON ? IDS_SLOTS_A_PERSON * npersons : SIZE_MAX;
    if (slots < IDS_MIN_SLOTS)
        slots = IDS_MIN_SLOTS;
    size_t share = (test_ids ? test_ids : slots) / (size_t)n, cap = 2;
    while (2 * cap <= share && 2 * cap > cap)
        cap *= 2;
    for (int i = 0; i < n; i++)
        v[i].max_cap = cap;
}

/* the persons this process holds, in all its partitions */
static uint64_t persons_held(const RtPipe *m)
{
    uint64_t n = 0;
    for (int i = 0; i < m->nthreads; i++)
        n += (uint64_t)m->th[i].npersons;
    return n;
}

/* n empty sets on cache lines of their own, with the budget of no persons; NULL on memory */
static IdSet *ids_parts(int n)
{
    IdSet *v = rt_alloc_lines((size_t)n * sizeof *v, 1);
    if (v)
        ids_budget(v, n, 0);
    return v;
}

int rt_ids_reserve(IdSet *s, size_t n)
{
    if (4 * n <= 3 * s->cap || s->cap == s->max_cap)
        return 0;
    size_t cap = s->cap ? 2 * s->cap : 1 << 16;
    while (3 * cap < 4 * n && cap < s->max_cap)
        cap *= 2;
    return ids_rehash(s, cap < s->max_cap ? cap : s->max_cap);
}

/* h's block of the filter: the one of its home slot's line in a table of max_cap slots (the
 * table's size once it spilled), so that ids taken region by region (ids_add_sorted) read the
 * filter region by region too, and a spill writes it in order; before, a random line of the
 * 32 MiB filter for every id, a miss (rt_ids_add: 10-11% of a 10 M-claim simulate's samples) */
static uint64_t *ids_block(const IdSet *s, uint64_t h)
{
    return s->filter + 8 * (((size_t)(h >> 7) & (s->max_cap - 1)) / 8 & (s->fblocks - 1));
}

/* the bit of word i of h's block */
static uint64_t ids_bit(uint64_t h, int i)
{
    return 1ull << ((h * IDS_MIX >> (16 + 6 * i)) & 63);
}

static int ids_maybe(const IdSet *s, uint64_t h)
{
    const uint64_t *b = ids_block(s, h);
    for (int i = 0; i < 8; i++)
        if (!(b[i] & ids_bit(h, i)))
            return 0;
    return 1;
}

/* bytes of p read from (wr 0) or written to (wr 1) the runs' file at off, whole: 0, or -1
 * (s->err) */
static int ids_io(IdSet *s, int wr, void *p, size_t bytes, size_t off)
{
    for (size_t done = 0; done < bytes;) {
        char *q = (char *)p + done;
        ssize_t k = wr ? pwrite(s->fd, q, bytes - done, (off_t)(off + done))
                       : pread(s->fd, q, bytes - done, (off_t)(off + done));
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            s->err = k < 0 ? errno : wr ? ENOSPC : EIO;
            return -1;
        }
        done += (size_t)k;
    }
    return 0;
}

/* n slots of run r from slot j, into s->rbuf: 0, or -1 (s->err) */
static int ids_read(IdSet *s, int64_t r, size_t j, size_t n)
{
    return ids_io(s, 0, s->rbuf, n * sizeof *s->rbuf,
                  ((size_t)r * s->max_cap + j) * sizeof *s->rbuf);
}

/* h in a run on disk: 1, 0 not, -1 (s->err). Each run is a table of max_cap slots, the
 * current one's size, probed as in memory. */
static int ids_on_disk(IdSet *s, uint64_t h)
{
    for (int64_t r = 0; r < s->nruns; r++) {
        size_t j = ids_home(s, h);
        for (;;) {
            size_t n = s->max_cap - j < IDS_READ ? s->max_cap - j : IDS_READ;
            if (ids_read(s, r, j, n) < 0)
                return -1;
            size_t i = 0;
            while (i < n && s->rbuf[i] && s->rbuf[i] != h)
                i++;
            if (i < n && s->rbuf[i] == h)
                return 1;
            if (i < n)
                break; /* a free slot: not in this run */
            j = (j + n) & (s->max_cap - 1);
        }
    }
    return 0;
}

/* The table, full at its budget, appended to the file as a run, its ids into the filter; the
 * table then empty. 0, or -1 (s->err). */
static int ids_spill(IdSet *s)
{
    if (!s->filter) {
        s->fblocks = s->max_cap / 8 ? s->max_cap / 8 : 1;
        s->filter = polrt_realloc(NULL, s->fblocks * 8 * sizeof *s->filter);
        s->rbuf = polrt_realloc(NULL, IDS_READ * sizeof *s->rbuf);
        if (!s->filter || !s->rbuf) {
            s->err = 0;
            return -1;
        }
        /* huge pages, as the table: every id reads a random line of it */
        rt_advise_huge(s->filter, s->fblocks * 8 * sizeof *s->filter);
        memset(s->filter, 0, s->fblocks * 8 * sizeof *s->filter);
        if ((s->fd = rt_temp_fd()) < 0) {
            s->err = errno;
            return -1;
        }
    }
    size_t want = s->cap * sizeof *s->slot;
    if (ids_io(s, 1, s->slot, want, (size_t)s->nruns * want) < 0)
        return -1;
    /* the slots in order write the filter's blocks in order (ids_block); when each id's block
     * was a random line, every one of the 3.1 M ids of a spill waited for memory unless
     * fetched ahead (perf, simulate over 10.1 M claims: rt_ids_add 12% of the samples) */
    for (size_t i = 0; i < s->cap; i++) {
        if (s->slot[i]) {
            uint64_t *b = ids_block(s, s->slot[i]);
            for (int w = 0; w < 8; w++)
                b[w] |= ids_bit(s->slot[i], w);
        }
    }
    memset(s->slot, 0, want);
    s->n = 0;
    s->nruns++;
    return 0;
}

int rt_ids_add(IdSet *s, uint64_t h)
{
    if (h == 0)
        h = 1;
    if (!s->cap && rt_ids_reserve(s, 1) < 0)
        return -1;
    size_t j = ids_home(s, h);
    while (s->slot[j]) {
        if (s->slot[j] == h)
            return 1;
        j = (j + 1) & (s->cap - 1);
    }
    if (s->nruns && ids_maybe(s, h)) {
        int on = ids_on_disk(s, h);
        if (on)
            return on;
    }
    if (4 * (s->n + 1) > 3 * s->cap) {
        if (s->cap < s->max_cap ? ids_rehash(s, 2 * s->cap) : ids_spill(s))
            return -1;
        j = ids_home(s, h);
        while (s->slot[j])
            j = (j + 1) & (s->cap - 1);
    }
    s->slot[j] = h;
    s->n++;
    return 0;
}

void rt_ids_free(IdSet *s)
{
    if (s->filter && s->fd >= 0)
        close(s->fd);
    rt_huge_free(s->slot, s->cap * sizeof *s->slot);
    polrt_realloc(s->filter, 0);
    polrt_realloc(s->rbuf, 0);
    memset(s, 0, sizeof *s);
}

void rt_ids_fail(RtPipe *m, const IdSet *s)
{
    if (s->err)
        /* exit 4 whatever errno says, as for the converted input's temporary file: a
         * missing TMPDIR is the system's set-up, not a file the command line named */
        rt_pipe_sys_error(m, 0, "claim ids: the duplicate check's temporary file in %s: %s",
                          rt_temp_dir(), strerror(s->err));
    else
        rt_pipe_sys_error(m, 0, "out of memory");
}

/* the part of the claim ids that hash h falls in, of n: its high half, which neither the
 * table's slot (bits 7 up) nor the filter's block (the low bits) is chosen by */
static int ids_part(uint64_t h, int n)
{
    return (int)(((h >> 32) * (uint64_t)n) >> 32);
}

/* a claim id of the batch, and its row */
typedef struct RtIdRef {
    uint64_t h;
    RtRow *r;
} RtIdRef;

/* bits of the home slot below its region (IDS_REGION_BITS) */
static int ids_region_shift(const IdSet *s)
{
    int bits = __builtin_ctzll((unsigned long long)s->cap); /* a power of two */
    return bits > IDS_REGION_BITS ? bits - IDS_REGION_BITS : 0;
}

/* Thread t's ids of the batch (n of them, in input order in t->idref) looked up region by
 * region: 0, or -1 (the set's error) */
static int ids_add_sorted(RtPThread *t, IdSet *set, size_t n)
{
    size_t at[(1 << IDS_REGION_BITS) + 1] = {0};
    RtIdRef *in = t->idref, *out = t->idref + n;
    int shift = ids_region_shift(set);
    for (size_t i = 0; i < n; i++)
        at[(ids_home(set, in[i].h) >> shift) + 1]++;
    for (size_t g = 1; g <= (1 << IDS_REGION_BITS); g++)
        at[g] += at[g - 1];
    for (size_t i = 0; i < n; i++)
        out[at[ids_home(set, in[i].h) >> shift]++] = in[i];
    /* in region order the lines an id reads are near its neighbours', but each is still a
     * miss in a table (and filter) of megabytes: fetched IDS_AHEAD ids on */
    size_t ahead = set->cap >= IDS_AHEAD_MIN ? IDS_AHEAD : n;
    for (size_t i = 0; i < n; i++) {
        if (i + ahead < n) {
            uint64_t h = out[i + IDS_AHEAD].h;
            __builtin_prefetch(&set->slot[ids_home(set, h)]);
            if (set->nruns)
                __builtin_prefetch(ids_block(set, h));
        }
        int dup = rt_ids_add(set, out[i].h);
        if (dup < 0)
            return -1;
        if (dup)
            out[i].r->dup = 1;
        /* a row rejected already (no person_id, a bad cell) says both in one line; a good
         * one is told when its thread comes to it (settle_work) */
        if (dup && out[i].r->status == RT_ROW_BAD)
            rt_pipe_dup_row(&t->batch, out[i].r);
    }
    return 0;
}

void rt_pipe_dup_row(RtPool *pool, RtRow *r)
{
    char why[MSG_MAX];
    int bad = r->status == RT_ROW_BAD;
    if ((size_t)snprintf(why, sizeof why, "%s%sduplicate claim id '%s'", bad ? r->why : "",
                         bad ? "; " : "", r->id) >= sizeof why)
        rt_show_cut(why, sizeof why);
    rt_pipe_bad_row(pool, r, why);
}

/* The batch's rows numbered (each row's line, which decode counted from its block's start,
 * and rank among the file's data rows) and, with check_ids, their claim ids checked against
 * those seen before and the good rows given to their threads: the blocks' first lines and
 * ranks here, the rest on every thread at once (task_number). On the calling thread alone
 * this was ~0.1 s of a 1 M-claim run that the other threads waited through (-j 2: 0.86 s in
 * all). 0, or -1 (memory, or the id check's error set). */
static int number_rows(RtPipe *m, int ids)
{
    size_t rows = 0;
    for (size_t bi = 0; bi < m->used_blocks; bi++) {
        RtBlock *b = &m->blocks[bi];
        b->base_line = m->line;
        b->base_seq = m->seq;
        m->line += b->lines;
        m->seq += (int64_t)b->nrows;
        rows += b->nrows;
    }
    if (ids) {
        /* sized once from the first batch: growing rehashes the whole set */
        size_t est = estimate_rows(m, (size_t)m->seq);
        for (int i = 0; i < m->nids; i++) {
            IdSet *s = &m->ids[i];
            /* s->n is this part's own count; est, the file's */
            size_t share = est / (size_t)m->nids;
            size_t want = (share > s->n ? share : s->n) + rows / (size_t)m->nids;
            if (rt_ids_reserve(s, want + want / 16 + 64) < 0)
                return -1;
        }
        for (int i = 0; i < m->nthreads; i++) {
            RtPThread *t = &m->th[i];
            t->nwork = 0;
            if (rt_grow(&t->work, &t->cap_work, rows, sizeof *t->work) < 0 ||
                rt_grow(&t->idref, &t->cap_idref, 2 * rows, sizeof *t->idref) < 0)
                return -1;
        }
    }
    m->check_ids = ids;
    parallel(m, TASK_NUMBER);
    for (int i = 0; ids && i < m->nids; i++)
        if (m->ids[i].failed) {
            rt_ids_fail(m, &m->ids[i]);
            return -1;
        }
    return 0;
}

/* Thread t's part of number_rows. It numbers its own good rows and, of the bad ones, those
 * of its blocks; with ids, it lists its good rows and the ids of its part in input order,
 * then adds those ids (ids_add_sorted), marking a row whose id was there (its own thread
 * rejects it, task_settle: a row is written by one thread). It finds them in the blocks'
 * routes (route_block), reads the second cache line (hash) of the rows of its ids' part
 * and writes only its rows' first (line, seq), so no line is written by two cores. */
/* row k of block b numbered: its line (decode counted it from the block's start) and rank */
static inline void number_row(const RtBlock *b, size_t k)
{
    b->rows[k].line += b->base_line;
    b->rows[k].seq = b->base_seq + (int64_t)k;
}

static void task_number(RtPThread *t)
{
    RtPipe *m = t->pipe;
    int n = m->nthreads, me = t->id, ids = m->check_ids;
    IdSet *set = ids ? &m->ids[me] : NULL;
    size_t nid = 0;
    for (size_t bi = 0; bi < m->used_blocks; bi++) {
        const RtBlock *b = &m->blocks[bi];
        int mine = (int)(bi % (size_t)n) == me;
        if (!ids) {
            /* the persons file's rows, numbered by the block's owner */
            for (size_t k = 0; mine && k < b->nrows; k++)
                number_row(b, k);
            continue;
        }
        const uint32_t *at = b->at, *ix = b->route;
        for (uint32_t j = at[me]; j < at[me + 1]; j++) {
            number_row(b, ix[j]);
            t->work[t->nwork++] = &b->rows[ix[j]];
        }
        /* the block's rejected rows: its owner's */
        for (uint32_t j = at[n]; mine && j < at[n + 1]; j++)
            number_row(b, ix[j]);
        /* a rejected row's id counts too: its id is taken */
        for (uint32_t j = at[n + 1 + me]; j < at[n + 2 + me]; j++)
            t->idref[nid++] = (RtIdRef){b->rows[ix[j]].hash, &b->rows[ix[j]]};
    }
    if (set && nid && ids_add_sorted(t, set, nid) < 0)
        set->failed = 1;
}

/* ---- persons ------------------------------------------------------------------------------- */

/* person p named by rejected persons row r: its first such row kept (its claims are rejected
 * citing it) in place of its spans, which nothing reads now */
static void person_bad(RtPerson *p, const RtRow *r)
{
    if (!p->bad) {
        p->bad = 1;
        p->bad_line = r->line;
        p->nspans = 0;
    }
}

/* A later persons row of person p: its fields and weight must agree with the first row's.
 * 1 when they differ (the row refused, its reason in the batch's pool), else 0. */
static int person_differs(RtPThread *t, RtPerson *p, RtRow *r)
{
    RtPipe *m = t->pipe;
    const RtSchema *s = m->s;
    char why[MSG_MAX];
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
    if (!what)
        return 0;
    if (m->o->show_ids)
        snprintf(why, sizeof why, "person '%s': %s is '%s' here but '%s' on line %" PRId64, p->id,
                 what, a, bb, p->line);
    else /* personal data: no id, no values unless asked */
        snprintf(why, sizeof why, "%s differs from the same person's row on line %" PRId64, what,
                 p->line);
    r->status = RT_ROW_BAD;
    t->late_bad++;
    r->why = rt_pool_str(&t->batch, why, strlen(why));
    if (!r->why)
        r->why = "person fields differ from an earlier row";
    person_bad(p, r);
    return 1;
}

/* person p's first persons row r: its line, weight, fields and kept cells taken (t->oom set
 * when out of memory) */
static void person_first(RtPThread *t, RtPerson *p, const RtRow *r)
{
    RtPipe *m = t->pipe;
    const RtSchema *s = m->s;
    p->line = r->line;
    p->weight = r->weight;
    t->nfile++;
    t->wfile += r->weight;
    if (s->nperson) {
        p->fields = (int64_t *)(void *)person_tail(p);
        memcpy(p->fields, r->fields, (size_t)s->nperson * sizeof *p->fields);
    }
    if (m->nkeep_pcol && keep_person_cells(m, t, p, r) < 0)
        t->oom = 1;
}

/* a span (the history fields' values) added to person p's; 0, or -1 (memory). The first is
 * inside the person when its first row had one; more live in the partition's pool: a person
 * with more spans than room gets a new, doubled array (the old one stays unused). Room is
 * for a power of two of spans, so full at 1, 2, 4, ... (RtPerson.nspans) */
static int add_span(RtPThread *t, RtPerson *p, const int64_t *span)
{
    size_t w = (size_t)t->pipe->s->nhist;
    uint32_t n = p->nspans;
    /* full: no room yet, or a power of two of spans (the room) */
    if (n ? !(n & (n - 1)) : !p->hist) {
        if (n > UINT32_MAX / 4)
            return -1; /* 2^31 spans: memory would have run out first */
        size_t cap = n ? 2 * (size_t)n : 1;
        int64_t *h = rt_pool_alloc(&t->pool, cap * w * sizeof *h);
        if (!h)
            return -1;
        if (n)
            memcpy(h, p->hist, (size_t)n * w * sizeof *h);
        p->hist = h;
    }
    memcpy(p->hist + (size_t)p->nspans * w, span, w * sizeof *p->hist);
    p->nspans++;
    return 0;
}

/* A persons batch, phase 2: thread t takes the rows of its partition, in file order. */
static void merge_persons(RtPThread *t)
{
    RtPipe *m = t->pipe;
    RtPerson *last = NULL, *added = NULL; /* the person found last, the one added last */
    uint64_t last_hash = 0;
    for (size_t bi = 0; bi < m->used_blocks; bi++) {
        RtBlock *b = &m->blocks[bi];
        if (!b->nrows)
            continue; /* nor a route (route_block): NULL + 0 is undefined */
        /* the rows of this partition (route_block) */
        const uint32_t *ix = b->route + b->at[t->id], *end = b->route + b->at[t->id + 1];
        for (; ix < end; ix++) {
            RtRow *r = &b->rows[*ix];
            /* a new person's find and put miss the caches at its slot: fetched some
             * rows ahead (IDS_PREFETCH) */
            if (end - ix > IDS_PREFETCH)
                rt_map_prefetch(&t->persons, b->rows[ix[IDS_PREFETCH]].hash);
            RtPerson *p = last && r->hash == last_hash && last->nid == r->npid &&
                                  memcmp(last->id, r->pid, r->npid) == 0
                              ? last
                              : person_find(m, r->pid, r->npid, r->hash);
            if (!p) {
                /* its first row's span goes inside it */
                int span = r->status != RT_ROW_BAD && r->hvals;
                if (!(p = person_add(m, t, r->pid, r->npid, r->hash, span))) {
                    t->oom = 1;
                    return;
                }
                if (added)
                    added->next = p;
                added = p;
            }
            last = p;
            last_hash = r->hash;
            if (r->status == RT_ROW_BAD) {
                person_bad(p, r);
                continue;
            }
            if (!p->line)
                person_first(t, p, r);
            else if (person_differs(t, p, r))
                continue;
            if (t->oom)
                return;
            if (r->hvals && !p->bad && add_span(t, p, r->hvals) < 0) {
                t->oom = 1;
                return;
            }
        }
    }
}

/* the batch pools of the threads start over (reasons of the last batch's rows are told) */
static void reset_batch_pools(RtPipe *m)
{
    for (int i = 0; i < m->nthreads; i++) {
        rt_pool_reset(&m->th[i].batch);
        m->th[i].late_bad = 0;
    }
}

/* A file whose last line has no line end may be one a copy or a download cut short, inside
 * its last row: an amount 20000.00 read as 2000 settles, nothing to tell it from a file
 * written without the last line end. Said, once the file is read (newuser8). */
static void note_cut_end(const RtPipe *m)
{
    if (m->cut_end && m->seq > 0 && m->o->notes)
        fprintf(stderr,
                "%s: note: %s: its last line has no line end: if the file was cut short (a copy "
                "or download that stopped), so is its last row\n",
                opts_program(), m->path);
}

/* Read the persons file into the partitions: 0, 2 or 3. */
static int load_persons(RtPipe *m)
{
    m->is_persons = 1;
    m->cur_rejects = m->o->prejects;
    if (open_input(m, m->o->persons, test_batch ? test_batch : PIPE_BATCH_PERSONS) < 0)
        return 2;
    const RtCluster *cl = m->o->cluster;
    int rc = read_header(m);
    if (rc == 0 && cl && rt_ranks_begin(m) < 0)
        return 2;
    while (rc == 0) {
        if (cut_blocks(m) < 0)
            return 2;
        reset_batch_pools(m);
        parallel(m, TASK_DECODE);
        if (check_threads(m) < 0)
            return 2;
        if (cl ? rt_ranks_rows(m, NULL) < 0 : number_rows(m, 0) < 0) {
            rt_pipe_sys_error(m, 0, "out of memory");
            return 2;
        }
        /* each partition's table sized once from the first batch (growing rehashes it);
         * across ranks, a batch is not the file's share it measures */
        size_t est = cl ? 0 : estimate_rows(m, (size_t)m->seq);
        for (int i = 0; est && i < m->nthreads; i++)
            if (rt_map_reserve(&m->th[i].persons, est / (size_t)m->nthreads + 16) < 0) {
                rt_pipe_sys_error(m, 0, "out of memory");
                return 2;
            }
        parallel(m, TASK_MERGE_PERSONS);
        if (check_threads(m) < 0)
            return 2;
        if (cl && rt_ranks_outcomes(m) < 0)
            return 2;
        /* across ranks, rank 0 alone has every row's outcome: it decides whether the job
         * stops */
        int rj = m->not_rank0 ? 0
                 : cl         ? reject_batch(m, &m->oblk, 1)
                              : reject_batch(m, m->blocks, m->used_blocks);
        if (rj < 0)
            return 2;
        if (cl) {
            int64_t v = rj;
            cl->bcast(cl, &v, 1);
            rj = (int)v;
        }
        if (rj > 0) {
            close_input(m);
            return 3;
        }
        if (!cl)
            m->consumed = m->buf_off + (int64_t)m->complete;
        progress(m, "reading persons");
        int got = cl ? rt_ranks_read(m) : next_batch(m);
        if (got < 0)
            return 2;
        if (got == 0)
            break;
    }
    if (!rc)
        note_cut_end(m);
    close_input(m);
    if (rc)
        return rc;
    for (int i = 0; i < m->nthreads; i++) {
        m->st->npersons += m->th[i].nfile;
        m->st->persons_w += m->th[i].wfile;
    }
    if (cl)
        rt_ranks_persons(m);
    return 0;
}

/* Without a persons file every person has the declared defaults and no history. */
static int persons_optional(RtPipe *m)
{
    const RtSchema *s = m->s;
    for (int k = 0; k < s->nperson; k++)
        if (!s->person[k].has_default && !s->person[k].type.optional) {
            rt_pipe_error(m, "the policy's person field '%s' has no default: give a persons file",
                          s->person[k].name);
            return -1;
        }
    if (s->nhist) {
        rt_pipe_error(m, "the policy reads an identity history ('%s', ...): give a persons file",
                      s->hist[0].name);
        return -1;
    }
    m->defaults = polrt_realloc(NULL, ((size_t)s->nperson + 1) * sizeof *m->defaults);
    if (!m->defaults) {
        rt_pipe_sys_error(m, 0, "out of memory");
        return -1;
    }
    for (int k = 0; k < s->nperson; k++)
        m->defaults[k] = s->person[k].has_default ? s->person[k].def : POLRT_NONE;
    return 0;
}

/* claims without a persons file: their persons, made on first sight (calling thread) */
static int resolve_persons(RtPipe *m)
{
    for (size_t bi = 0; bi < m->used_blocks; bi++) {
        RtBlock *b = &m->blocks[bi];
        for (size_t k = 0; k < b->nrows; k++) {
            RtRow *r = &b->rows[k];
            if (r->status != RT_ROW_OK || r->p)
                continue;
            RtPerson *p = person_find(m, r->pid, r->npid, r->phash);
            if (!p)
                p = person_add(m, &m->th[r->phash % (uint64_t)m->nthreads], r->pid, r->npid,
                               r->phash, 0);
            if (!p)
                return -1;
            r->p = p;
            r->thread = p->part;
        }
        if (!m->o->cluster && route_block(m, b) < 0)
            return -1;
    }
    return 0;
}

/* ---- settle (phase 2) ----------------------------------------------------------------------- */

/* A person state's memory ledger rows, per engine: where they are, how many, room for how
 * many. The three arrays follow the state and the sink's part at m->pstate_rows
 * (enter_person); found from there rather than pointed to, 24 bytes a person less. */
typedef struct PsRows {
    int64_t **rows;
    int32_t *n, *cap;
} PsRows;

static inline PsRows ps_rows(const RtPipe *m, const RtPState *ps)
{
    int64_t **rows = (int64_t **)((char *)ps + m->pstate_rows);
    int32_t *n = (int32_t *)(rows + m->neng);
    return (PsRows){rows, n, n + m->neng};
}

/* the index of the person's memory ledger row (ledger l, key) of engine ei, or -1 */
static int64_t ledger_row(const RtPipe *m, const RtPState *ps, const Eng *x, int ei, int l,
                          int64_t key)
{
    PsRows pr = ps_rows(m, ps);
    const int64_t *r = pr.rows[ei];
    for (int32_t i = 0; i < pr.n[ei]; i++, r += x->stride)
        if (r[0] == l && r[1] == key)
            return i;
    return -1;
}

typedef struct RowLoad {
    RtPipe *m;
    RtPThread *t;
    RtPState *ps;
    int ei;
    int failed; /* the store could not load (t->fatal says why) */
} RowLoad;

/* rt_settle_ctx's ledgers from memory: the person's rows. A row's fields are contiguous, as
 * are a ledger's in before: one copy each (callgrind: the element loops were ~60 instructions
 * a claim of Panji's 8 fields). Each row found is kept (RtScratch.rowi) for row_store, which
 * searched the rows again (~40 a claim). Inlined where the plain path calls it. */
static inline int row_load_mem(void *arg, const int64_t *keys, int64_t *before)
{
    RowLoad *l = arg;
    const Eng *x = &l->m->eng[l->ei];
    const RtSchema *s = x->s;
    int64_t *rowi = l->t->scr[l->ei].rowi;
    for (int k = 0; k < s->nledgers; k++) {
        const RtLedger *L = &s->ledgers[k];
        int64_t i = rowi[k] = ledger_row(l->m, l->ps, x, l->ei, k, keys[k]);
        size_t n = (size_t)L->nfields * sizeof *before;
        if (i >= 0)
            memcpy(before + L->offset, ps_rows(l->m, l->ps).rows[l->ei] + i * x->stride + 2, n);
        else
            memset(before + L->offset, 0, n);
    }
    return 0;
}

/* rt_settle_ctx's ledgers: the person's rows in memory, or the store's */
static int row_load(void *arg, const int64_t *keys, int64_t *before)
{
    RowLoad *l = arg;
    if (l->ei == 0 && l->m->o->store) {
        if (l->t->replay) {
            memcpy(before, l->t->replay, (size_t)l->m->eng[0].s->nledger_fields * sizeof *before);
            return 0;
        }
        if (rt_ledger_load(l->m->o->store, l->ps->lp, keys, before, l->t->fatal,
                           sizeof l->t->fatal) != 0) {
            l->failed = 1;
            return -1;
        }
        return 0;
    }
    return row_load_mem(arg, keys, before);
}

/* the person's row of ledger l of an earlier key than key, which a row of key takes over
 * (Eng.latest: no claim reads it again), or NULL */
static inline __attribute__((always_inline)) int64_t *row_older(RtPThread *t, RtPState *ps, int ei,
                                                                int l, int64_t key)
{
    const Eng *x = &t->pipe->eng[ei];
    PsRows pr = ps_rows(t->pipe, ps);
    if (x->latest[l]) {
        int64_t *r = pr.rows[ei];
        for (int32_t i = 0; i < pr.n[ei]; i++, r += x->stride)
            if (r[0] == l && r[1] < key)
                return r;
    }
    return NULL;
}

/* the person's next free row of engine ei, not yet counted; NULL (memory). Rows live in the
 * partition's pool: a fuller person gets a doubled array (the old one stays in the pool,
 * unused). */
static inline __attribute__((always_inline)) int64_t *row_free(RtPThread *t, RtPState *ps, int ei)
{
    const Eng *x = &t->pipe->eng[ei];
    PsRows pr = ps_rows(t->pipe, ps);
    if (pr.n[ei] == pr.cap[ei]) {
        int32_t cap = 2 * pr.cap[ei];
        int64_t *nr = rt_pool_alloc(&t->pool, (size_t)cap * (size_t)x->stride * 8);
        if (!nr)
            return NULL;
        if (pr.n[ei])
            memcpy(nr, pr.rows[ei], (size_t)pr.n[ei] * (size_t)x->stride * 8);
        pr.rows[ei] = nr;
        pr.cap[ei] = cap;
    }
    return pr.rows[ei] + (size_t)pr.n[ei] * (size_t)x->stride;
}

/* row r (row_older's, or row_free's when fresh) made the person's row of ledger l and key */
static inline __attribute__((always_inline)) void
row_take(RtPThread *t, RtPState *ps, int ei, int64_t *r, int fresh, int l, int64_t key)
{
    if (fresh) {
        ps_rows(t->pipe, ps).n[ei]++;
        r[0] = l;
    }
    r[1] = key;
}

/* the row of ledger l for the claim's key where row_load found none: a row of an earlier key
 * taken over, or a new one; NULL (memory) */
static int64_t *row_new(RtPThread *t, RtPState *ps, int ei, int l)
{
    int64_t key = t->scr[ei].keys[l];
    int64_t *r = row_older(t, ps, ei, l, key);
    int fresh = !r;
    if (fresh && !(r = row_free(t, ps, ei)))
        return NULL;
    row_take(t, ps, ei, r, fresh, l, key);
    return r + 2;
}

/* the new ledger values into the person's rows (memory ledgers), where row_load found them
 * (the keys have not changed since); 0, or -1 (memory). Inlined, the new rows apart (one
 * claim in three of Panji's makes one), as a found person's state is (enter_person): the
 * settle phase 615 -> 585 instructions a claim (task_settle's figure). */
static inline int row_store(RtPThread *t, RtPState *ps, int ei)
{
    const Eng *x = &t->pipe->eng[ei];
    const RtSchema *s = x->s;
    const RtScratch *sc = &t->scr[ei];
    for (int l = 0; l < s->nledgers; l++) {
        const RtLedger *L = &s->ledgers[l];
        int64_t *row = sc->rowi[l] >= 0
                           ? ps_rows(t->pipe, ps).rows[ei] + sc->rowi[l] * x->stride + 2
                           : row_new(t, ps, ei, l);
        if (!row)
            return -1;
        memcpy(row, sc->after + L->offset, (size_t)L->nfields * sizeof *row);
    }
    return 0;
}

/* the in-place entry's result (rt_settle_steps' 0 or 1) */
static inline int in_place_rc(PolCtx *ctx, int64_t rc)
{
    if (rc == 0)
        return 0;
    /* settle reports failures through polrt_fail; any other result is one too */
    ctx->err_code = rc;
    ctx->err_loc = -1;
    return 1;
}

/* settle_in_place's claim whose key has no row yet: the entry reads zeros (what a missing row
 * loads as) and writes the row that will hold the key, as row_new finds it; the row becomes
 * the key's only once the entry has returned, so a claim that failed (the entry writes
 * nothing then, and polrt_fail does not come back) leaves the rows as they were. -1 out of
 * memory (t->oom). */
static inline __attribute__((always_inline)) int settle_new_row(RtPThread *t, int ei, RtPState *ps)
{
    const Eng *x = &t->pipe->eng[ei];
    PolCtx *ctx = &t->scr[ei].ctx;
    int64_t key = t->scr[ei].keys[0];
    int64_t *row = row_older(t, ps, ei, 0, key), *fresh = NULL;
    if (!row && !(row = fresh = row_free(t, ps, ei))) {
        t->oom = 1;
        return -1;
    }
    ctx->ledger_in = x->zeros;
    ctx->ledger_out = row + 2;
    int rc = in_place_rc(ctx, x->e->settle_fast(ctx));
    if (rc == 0)
        row_take(t, ps, ei, row, fresh != NULL, 0, key);
    return rc;
}

/* The plain case's keys, ledger and entry for an engine that settles in place (Eng.in_place):
 * its one ledger's row for the claim's key is ledger_in and ledger_out at once, so nothing is
 * copied in, out or across (the load's memcpy or memset, after = before and row_store were
 * ~125 of Panji's ~255 runtime instructions a claim; callgrind, settle_bench, 104,638 claims
 * of polc gen --persons 30000 --seed 1: 242.3 -> 124.3, with settle_new_row inlined too, in a
 * loop of its own (PLAIN_IN_PLACE); 191.2 with neither inlined, 150.3 with a new row settled
 * into after and copied into the row_new made; the search counting rows down rather than up
 * to the rows' end, whose multiply and loads were ~6 a claim: 130.3 -> 124.3). before, after
 * and rowi are left alone: no sink of the plain case reads them (an explanation is traced, a
 * store's record is not plain). rt_settle_steps' results; -1 is out of memory (t->oom). */
static inline __attribute__((always_inline)) int settle_in_place(RtPThread *t, int ei, RtPState *ps)
{
    const Eng *x = &t->pipe->eng[ei];
    RtScratch *sc = &t->scr[ei];
    PolCtx *ctx = &sc->ctx;
    x->e->keys(ctx, sc->keys);
    int64_t key = sc->keys[0];
    PsRows pr = ps_rows(t->pipe, ps);
    /* the rows are all of ledger 0 */
    int64_t *r = pr.rows[ei];
    for (int32_t i = pr.n[ei]; i > 0; i--, r += x->stride)
        if (r[1] == key) {
            ctx->ledger_in = ctx->ledger_out = r + 2;
            return in_place_rc(ctx, x->e->settle_fast(ctx));
        }
    return settle_new_row(t, ei, ps);
}

/* the trace an explanation reads, as it stands when no rule ran */
static void reset_trace_only(const RtSchema *s, RtScratch *sc)
{
    for (int i = 0; i < s->nrules; i++) {
        sc->rule_val[i] = 0;
        sc->branch[i] = -1;
    }
    for (int i = 0; i < s->nparams; i++)
        sc->pver[i] = sc->pidx[i] = -1;
    rt_trace_reset(&sc->tr);
}

/* ... and the ledgers too, as they stand before a claim */
static void reset_trace(const RtSchema *s, RtScratch *sc)
{
    reset_trace_only(s, sc);
    for (int i = 0; i < s->nledger_fields; i++)
        sc->before[i] = sc->after[i] = 0;
}

/* engine ei's policy failed on the claim: nothing is stored, the ledger stays as it was
 * (rt_settle_ctx does the same for its callers) */
static inline void ledger_kept(RtPThread *t, int ei)
{
    RtScratch *sc = &t->scr[ei];
    memcpy(sc->after, sc->before, (size_t)t->pipe->eng[ei].s->nledger_fields * sizeof *sc->after);
}

/* engine ei's policy failed on the claim (the entry's result, or polrt_fail landing in
 * task_settle): why, for the sink */
static inline void settle_failed(RtPThread *t, int ei)
{
    const RtSchema *s = t->pipe->eng[ei].s;
    RtScratch *sc = &t->scr[ei];
    t->err_code[ei] = sc->ctx.err_code;
    t->err_loc[ei] = sc->ctx.err_loc;
    if (!sc->ctx.trace) {
        /* nothing of the claim before shows in a failed one (no sink reads them) */
        memset(sc->out, 0, (size_t)s->noutputs * sizeof *sc->out);
        memset(sc->keys, 0, (size_t)s->nledgers * sizeof *sc->keys);
    }
}

/* settle_one's plain, a constant at each call: PLAIN the run's common case (below), PLAIN_ONE
 * the same with one engine (polc run's), whose engine index then folds to 0 at every use:
 * the settle phase 529.3 -> 490.1 instructions a claim (callgrind, settle_bench, Panji);
 * PLAIN_IN_PLACE the same again with the engine settling in place (Eng.in_place), whose test
 * then folds away in both: medical assistance (two ledgers, not in place) paid ~3
 * instructions a claim for a branch it never takes */
enum { PLAIN = 1, PLAIN_ONE = 2, PLAIN_IN_PLACE = 3 };

/* Settle row r of person ps in engine ei: 0 settled, 1 the policy failed (t->err_code,
 * err_loc), -1 a run-level error (t->fatal or t->oom). The thread's PolCtx has all but the
 * claim's own fields set (thread_init): building one a claim, zeroing the outputs, keys and
 * memo before it, was ~110 instructions of Panji's claim. Inlined into its callers: the
 * settle phase 711.5 → 696.4 instructions a claim (callgrind, settle_bench, Panji, 104,638
 * claims of polc gen --persons 30000 --seed 1), the call and its frame saved.
 * plain (a constant at each call): the run's common case (memory ledgers, no trace, no
 * reversal), whose polrt_fail lands in task_settle (one setjmp a batch) and whose ledger rows
 * are loaded inline; else through rt_settle_ctx, a landing place a claim. */
static inline __attribute__((always_inline)) int settle_one(RtPThread *t, int ei, RtPState *ps,
                                                            const RtRow *r, const int plain)
{
    RtPipe *m = t->pipe;
    const Eng *x = &m->eng[ei];
    const RtSchema *s = x->s;
    RtScratch *sc = &t->scr[ei];
    PolCtx *ctx = &sc->ctx;
    int trace = !plain && ctx->trace != NULL;
    int in_place = plain == PLAIN_IN_PLACE || (plain == PLAIN && x->in_place);
    if (trace) {
        /* an explanation shows the outputs and keys as they stand when a rule fails (the
         * memo is rt_settle_ctx's to clear) */
        memset(sc->out, 0, (size_t)s->noutputs * sizeof *sc->out);
        memset(sc->keys, 0, (size_t)s->nledgers * sizeof *sc->keys);
    }
    const RtPerson *p = ps->p;
    ctx->claim = r->fields;
    ctx->person = p->fields;
    ctx->hist = p->hist;
    ctx->nhist = p->nspans;
    ctx->params = x->e->params; /* a reform's table, when it was set after thread_init */
    ctx->asof = x->date_idx >= 0 ? r->fields[x->date_idx] : POLRT_NONE;
    RowLoad load = {m, t, ps, ei, 0};
    int rc;
    if (plain) {
        t->set_ei = ei; /* where a polrt_fail of this engine lands: task_settle */
        rc = rt_settle_open(x->e, ctx, 0);
        if (!rc && in_place)
            rc = settle_in_place(t, ei, ps);
        else if (!rc && (rc = rt_settle_steps(x->e, ctx, sc->keys, sc->before, sc->after,
                                              row_load_mem, &load, 0)) == 1)
            ledger_kept(t, ei);
        if (rc < 0) /* out of memory; row_load_mem does not fail today */
            return -1;
    } else {
        rc = rt_settle_ctx(x->e, ctx, sc->keys, sc->before, sc->after, row_load, &load, trace);
        if (rc < 0)
            return -1;
    }
    if (rc > 0) {
        settle_failed(t, ei);
        return 1;
    }
    if ((!plain && ei == 0 && m->o->store) || in_place)
        return 0; /* settle_stored saves it; or it is in its row already */
    return row_store(t, ps, ei) < 0 ? (t->oom = 1, -1) : 0;
}

/* the person's settle state, made on its first claim: one allocation, laid out as
 * [RtPState][the sink's part][rows, nrows, cap_rows per engine][each engine's inline rows] */
static RtPState *person_state(RtPThread *t, RtPerson *p)
{
    RtPipe *m = t->pipe;
    char *b = rt_pool_alloc(&t->pool, m->pstate_size);
    if (!b || (t->nstates == t->cap_states &&
               rt_grow(&t->states, &t->cap_states, t->nstates + 1, sizeof *t->states) < 0))
        return NULL;
    memset(b, 0, m->pstate_size);
    RtPState *ps = (RtPState *)b;
    size_t n = (size_t)m->neng;
    PsRows pr = ps_rows(m, ps);
    int64_t *rows = (int64_t *)(pr.cap + n);
    for (size_t i = 0; i < n; i++) {
        pr.rows[i] = rows;
        pr.cap[i] = m->eng[i].s->nledgers;
        rows += m->eng[i].inline_b / sizeof *rows;
    }
    ps->p = p;
    ps->last_date = POLRT_NONE;
    p->state = ps;
    t->states[t->nstates++] = ps;
    return ps;
}

static inline RtPState *enter_person(RtPThread *t, RtPerson *p)
{
    return p->state ? p->state : person_state(t, p);
}

/* a row rejected while settling: the reason in the thread's batch pool */
static void settle_reject(RtPThread *t, RtRow *r, const char *why)
{
    rt_pipe_bad_row(&t->batch, r, why);
    t->late_bad++;
}

/* Times a claim is settled again when another process wrote the ledger file between reading
 * the person's rows and saving the claim (rt_ledger_save's 2): each retry follows a commit of
 * that process, so one or two are the rule; this many means the file never stops changing
 * (as session.c) */
#define STALE_RETRIES 100

/* a run of adjustment rows of one claim row (RtPThread.adj) */
typedef struct RtPAdj {
    int64_t seq;   /* the claim row's rank in the file */
    size_t off, n; /* its bytes in adj */
} RtPAdj;

/* the adjustments written since adj held start bytes, as the row's */
static int adj_tag(RtPThread *t, const RtRow *r, size_t start)
{
    if (t->adj.oom)
        return -1;
    if (t->adj.n == start)
        return 0;
    if (rt_grow(&t->adjv, &t->cap_adj, t->nadj + 1, sizeof *t->adjv))
        return -1;
    t->adjv[t->nadj++] = (RtPAdj){r->seq, start, t->adj.n - start};
    return 0;
}

/* The late claim r (its ledger rows were written by claims dated after it): rejected with
 * --late reject; else the person's later claims that share rows with it undone into rs, to
 * be settled again once r has (late_end). 0 go on and settle r; 1 rejected; -1 fatal. */
static int late_claim(RtPThread *t, RtPState *ps, RtRow *r, RtResettle *rs)
{
    RtPipe *m = t->pipe;
    RtStore *st = m->o->store;
    const RtSchema *s = m->eng[0].s;
    RtScratch *sc = &t->scr[0];
    int64_t date = m->date_idx >= 0 ? r->fields[m->date_idx] : POLRT_NONE;
    if (m->o->late_reject) {
        char why[MSG_MAX];
        rt_resettle_late_text(st, s, ps->lp, sc->keys, date, sc->before, why, sizeof why);
        settle_reject(t, r, why);
        return 1;
    }
    char why[MSG_MAX];
    if (rt_resettle_undo(st, s, ps->lp, ps->p->id, sc->keys, date, NULL, rs, why, sizeof why)) {
        snprintf(t->fatal, sizeof t->fatal, "claim %s: %.400s", RT_SHOW(r->id), why);
        rt_resettle_free(rs);
        return -1;
    }
    return 0;
}

static int id_eq(const void *entry, const void *key)
{
    return strcmp(entry, key) == 0;
}

/* with a trace: the claims rs settled again, kept by id (RtPThread.resettled), under the hash
 * a claims row has of its id (RtRow.hash), which answer_stored looks them up by. 0, or -1
 * (memory) */
static int note_resettled(RtPThread *t, const RtResettle *rs)
{
    for (size_t i = 0; rs->redo && i < rs->n; i++) {
        const char *id = rs->list[i].claim_id;
        uint64_t h = rt_hash_id(id, strlen(id));
        h = h ? h : 1; /* as claim_row makes it */
        if (!rs->redo[i] || rt_map_find(&t->resettled, h, id_eq, id))
            continue;
        char *kept = rt_pool_str(&t->pool, id, strlen(id));
        if (!kept || rt_map_put(&t->resettled, h, kept) < 0)
            return -1;
    }
    return 0;
}

/* the end of a claim on a store: the claims a late claim undid settled again, their
 * adjustments tagged with r's rank. rc passed through, or -1. */
static int late_end(RtPThread *t, RtPState *ps, RtRow *r, RtResettle *rs, int rc)
{
    if (!rs->list)
        return rc;
    RtPipe *m = t->pipe;
    if (rc >= 0) { /* settled, failed or refused, the undone claims settle again */
        size_t start = t->adj.n;
        RtPerson *p = ps->p;
        if (rt_resettle_cause(rs, RT_CAUSE_LATE, r->id, t->fatal, sizeof t->fatal) ||
            rt_resettle_replay(m->eng[0].e, m->o->store, ps->lp, p->id, p->fields, p->hist,
                               p->nspans, rs, &t->adj, t->fatal, sizeof t->fatal) < 0)
            rc = -1;
        else if (adj_tag(t, r, start) < 0 || (m->o->trace && note_resettled(t, rs) < 0))
            rc = (t->oom = 1, -1);
        else {
            t->nresettled += (int64_t)rs->nredo;
            t->nadjustment += (int64_t)rs->nadj;
        }
    }
    rt_resettle_free(rs);
    return rc;
}

/* A claim to reverse (--reverse): its ledger effect undone, its record moved to the reversed
 * claims, its outputs adjusted to 0 and the later claims of the person-year settled again.
 * 0 done; 1 rejected (not a settled claim of the person); -1 fatal. */
static int reverse_row(RtPThread *t, RtPState *ps, RtRow *r)
{
    RtPipe *m = t->pipe;
    RtStore *st = m->o->store;
    if (!ps->lp && !(ps->lp = rt_ledger_hold(
                         st, ps->p->id, rt_hash_bytes(RT_HASH_SEED, ps->p->id, strlen(ps->p->id)),
                         t->fatal, sizeof t->fatal)))
        return -1;
    RtResettle rs;
    size_t start = t->adj.n;
    int rc =
        rt_resettle_reverse_claim(m->eng[0].e, st, ps->lp, ps->p->id, ps->p->fields, ps->p->hist,
                                  ps->p->nspans, r->id, &rs, &t->adj, t->fatal, sizeof t->fatal);
    if (rc == 0) {
        t->nresettled += (int64_t)rs.nredo;
        t->nadjustment += (int64_t)rs.nadj;
    }
    rt_resettle_free(&rs);
    if (rc == 1) {
        settle_reject(t, r, RT_NOT_SETTLED);
        return 1;
    }
    if (rc == RT_UNDO_NEWER) /* the run stops, as settling on that row does (the reason said) */
        return -1;
    if (rc == 0 && adj_tag(t, r, start) < 0)
        rc = (t->oom = 1, -1);
    if (rc == 0)
        t->nreversed++;
    return rc < 0 ? -1 : 0;
}

/* a run of adjustments of one thread's buffer */
typedef struct AdjRef {
    RtPAdj a;
    int th;
} AdjRef;

static int adj_order(const void *x, const void *y)
{
    int64_t a = ((const AdjRef *)x)->a.seq, b = ((const AdjRef *)y)->a.seq;
    return a < b ? -1 : a > b;
}

int rt_pipe_take_adjustments(RtPipe *m, RtLine *out)
{
    size_t n = 0;
    for (int i = 0; i < m->nthreads; i++)
        n += m->th[i].nadj;
    AdjRef *all = n ? polrt_realloc(NULL, n * sizeof *all) : NULL;
    if (n && !all)
        return -1;
    /* one run per claim row: its rank orders them */
    size_t k = 0;
    for (int i = 0; i < m->nthreads; i++)
        for (size_t j = 0; j < m->th[i].nadj; j++)
            all[k++] = (AdjRef){m->th[i].adjv[j], i};
    if (n > 1)
        qsort(all, n, sizeof *all, adj_order);
    for (k = 0; k < n; k++)
        rt_line_add(out, m->th[all[k].th].adj.p + all[k].a.off, all[k].a.n);
    for (int i = 0; i < m->nthreads; i++) {
        m->th[i].adj.n = 0;
        m->th[i].nadj = 0;
    }
    polrt_realloc(all, 0);
    return out->oom ? -1 : 0;
}

/* Engine 0 on a ledger store: the person's rows held, the claim settled and saved with its
 * new rows atomically; a claim id the store holds already answers with its stored record
 * (status 1), or is refused when stored with other data. There is no lookup before settling:
 * the save finds a stored id (the audit table's key), and a claim the policy fails is looked
 * up then, as the service does (session.c claim_failed): settled against rows that already
 * hold its own effect and its later claims', a stored claim can fail (an amount overflows)
 * where it once settled, and was reported failed on every run again, not already settled.
 * 0 settled or answered (r->settled, t->ok[0]), 1 rejected (reason set), -1 a run-level
 * error (t->fatal). */
/* A claim the ledger had settled, explained (polc explain --ledger): the stored record
 * (sc's outputs, keys, ledgers before and after, as rt_ledger_find left them) is what the
 * claim answers; the policy runs again with the trace, from the ledgers as they stood before
 * the claim (the record's ledger_before, not the store's rows, which later claims moved), so
 * that the explanation shows the rules and params behind the stored result. The run is kept
 * only when it gives the stored keys, outputs and ledgers exactly (a policy edited since may
 * not); else the stored result is shown alone, with no rule. Nothing is written. 0, or -1
 * (t->fatal or t->oom set). */
static int explain_stored(RtPThread *t, RtPState *ps, RtRow *r)
{
    const RtSchema *s = t->pipe->eng[0].s;
    RtScratch *sc = &t->scr[0];
    RtStored k;
    if (rt_stored_keep(&k, s, sc->out, sc->keys, sc->before, sc->after) < 0) {
        t->oom = 1;
        return -1;
    }
    reset_trace_only(s, sc);
    t->replay = k.before;
    int rc = settle_one(t, 0, ps, r, 0);
    t->replay = NULL;
    if (!rt_stored_end(&k, rc, sc->out, sc->keys, sc->before, sc->after))
        reset_trace_only(s, sc); /* no rule ran for this answer */
    return rc < 0 ? -1 : 0;
}

/* settle_stored's claim whose id the store holds (found: rt_ledger_find's 1 or 2, or -1 with
 * why): answered with its stored record, or refused when stored with other data; as
 * settle_stored returns */
static int answer_stored(RtPThread *t, RtPState *ps, RtRow *r, RtResettle *rs, int found, char *why,
                         size_t whylen)
{
    if (found == 2) {
        snprintf(why, whylen, "claim id %s was already settled with other data (ledger)", r->id);
        settle_reject(t, r, why);
        return late_end(t, ps, r, rs, 1);
    }
    if (found != 1) {
        snprintf(t->fatal, sizeof t->fatal, "claim %s: %.400s", RT_SHOW(r->id),
                 found < 0 ? why : "settled meanwhile, but not found");
        return late_end(t, ps, r, rs, -1);
    }
    if (t->pipe->o->trace && explain_stored(t, ps, r) < 0)
        return late_end(t, ps, r, rs, -1);
    r->settled = 1;
    r->again = t->pipe->o->trace && rt_map_find(&t->resettled, r->hash, id_eq, r->id) != NULL;
    t->ok[0] = 1;
    return late_end(t, ps, r, rs, 0);
}

static int settle_stored(RtPThread *t, RtPState *ps, RtRow *r)
{
    RtPipe *m = t->pipe;
    RtStore *st = m->o->store;
    RtScratch *sc = &t->scr[0];
    if (!ps->lp && !(ps->lp = rt_ledger_hold(
                         st, ps->p->id, rt_hash_bytes(RT_HASH_SEED, ps->p->id, strlen(ps->p->id)),
                         t->fatal, sizeof t->fatal)))
        return -1;
    RtClaimRec rec = {r->id, ps->p->id, r->fields, sc->out, sc->keys, sc->before, sc->after};
    RtResettle rs = {0}; /* a late claim: the later claims undone, to settle again */
    for (int tries = 0;; tries++) {
        int rc = settle_one(t, 0, ps, r, 0);
        if (rc < 0)
            return late_end(t, ps, r, &rs, -1);
        if (rc > 0) {
            char why[MSG_MAX];
            int found = rt_ledger_keeps_claims(st) ? rt_ledger_find(st, &rec, why, sizeof why) : 0;
            if (found != 0)
                return answer_stored(t, ps, r, &rs, found, why, sizeof why);
            t->ok[0] = 0;
            r->settled = -1;
            return late_end(t, ps, r, &rs, 0);
        }
        int saved = rt_ledger_save(st, ps->lp, &rec, t->fatal, sizeof t->fatal);
        if (saved < 0)
            return late_end(t, ps, r, &rs, -1);
        if (saved == 0) {
            t->ok[0] = 1;
            return late_end(t, ps, r, &rs, 0);
        }
        if (saved == 3 && !rs.list) {
            /* late: a claim already stored under this id answers as below; else the later
             * claims of the person-year are undone and this one settles again */
            char why[MSG_MAX];
            int found = rt_ledger_find(st, &rec, why, sizeof why);
            if (found < 0) {
                snprintf(t->fatal, sizeof t->fatal, "%s", why);
                return -1;
            }
            if (found == 0) {
                int lr = late_claim(t, ps, r, &rs);
                if (lr != 0)
                    return lr;
                if (m->o->trace)
                    reset_trace(m->eng[0].s, sc);
                continue;
            }
            saved = 1;
        } else if (saved == 3) {
            snprintf(t->fatal, sizeof t->fatal,
                     "claim %s: still late once the later claims "
                     "were undone",
                     RT_SHOW(r->id));
            rt_resettle_free(&rs);
            return -1;
        }
        if (saved == 1) {
            /* settled before, or by another process meanwhile: the stored record answers */
            char why[MSG_MAX];
            int found = rt_ledger_find(st, &rec, why, sizeof why);
            return answer_stored(t, ps, r, &rs, found, why, sizeof why);
        }
        if (tries == STALE_RETRIES) {
            snprintf(t->fatal, sizeof t->fatal,
                     "claim %s: the ledger changed under every attempt to settle it (another "
                     "process keeps writing it)",
                     r->id);
            return -1;
        }
        if (m->o->trace)
            reset_trace(m->eng[0].s, sc);
    }
}

/* engine ei's outcome of the claim r (settle_one's 0 or 1), for the sink */
static inline void engine_done(RtPThread *t, RtRow *r, int ei, int rc)
{
    t->ok[ei] = rc == 0;
    if (ei == 0 && rc)
        r->settled = -1;
}

/* Engines from .. neng of the claim r, then its sink: 0, or -1 (run-level error) */
static inline __attribute__((always_inline)) int settle_engines(RtPThread *t, RtPState *ps,
                                                                RtRow *r, int from, const int plain)
{
    RtPipe *m = t->pipe;
    int neng = plain >= PLAIN_ONE ? 1 : m->neng;
    for (int ei = from; ei < neng; ei++) {
        int rc = settle_one(t, ei, ps, r, plain);
        if (rc < 0)
            return -1;
        engine_done(t, r, ei, rc);
    }
    if (r->settled == -1 && ps->last_line == r->line)
        ps->last_line = -r->line;
    return m->sink->claim(m->sink->self, t, ps, r) < 0 ? (t->oom = 1, -1) : 0;
}

/* the claim r dated d, before the person's last settled claim: rejected, and why. Out of line
 * and cold, its message buffer off the settle loop's frame: the settle phase 484.7 -> 482.8
 * instructions a claim (callgrind, settle_bench, Panji) */
static __attribute__((noinline, cold)) void reject_late(RtPThread *t, const RtPState *ps, RtRow *r,
                                                        int64_t d)
{
    char why[MSG_MAX], a[32], b[32];
    snprintf(why, sizeof why,
             "dated %s, before the claim of the same person dated %s on line %" PRId64
             ", %s: a person's claims must come in date order (sort the file by date)",
             polrt_fmt_date(d, a), polrt_fmt_date(ps->last_date, b),
             ps->last_line < 0 ? -ps->last_line : ps->last_line,
             ps->last_line < 0 ? "which failed to settle" : "already settled");
    settle_reject(t, r, why);
}

/* Settle a good row in every engine: 0, or -1 (run-level error). plain: settle_one's. */
static inline __attribute__((always_inline)) int settle_row(RtPThread *t, RtPState *ps, RtRow *r,
                                                            const int plain)
{
    RtPipe *m = t->pipe;
    /* a person's claims in date order: an earlier claim after a later one was settled would
     * have been settled against the future */
    if (!plain && m->o->reverse) {
        int rc = reverse_row(t, ps, r);
        return rc < 0 ? -1 : 0;
    }
    /* (a ledger store settles a late claim in date order itself: settle_stored) */
    if (m->date_idx >= 0 && (plain || !m->o->store)) {
        int64_t d = r->fields[m->date_idx];
        if (d != POLRT_NONE && ps->last_date != POLRT_NONE && d < ps->last_date) {
            reject_late(t, ps, r, d);
            return 0;
        }
        if (d != POLRT_NONE) {
            ps->last_date = d;
            ps->last_line = r->line;
        }
    }
    int first = 0;
    r->settled = 0;
    if (!plain && m->o->trace)
        reset_trace(m->eng[0].s, &t->scr[0]);
    if (!plain && m->o->store) {
        int rc = settle_stored(t, ps, r);
        if (rc != 0)
            return rc < 0 ? -1 : 0; /* 1: rejected (a conflict with the ledger) */
        first = 1;
    }
    return settle_engines(t, ps, r, first, plain);
}

/* phase 2: the thread's claims of the batch, in input order (t->set_at, in memory: the
 * landing place below reads it after a long jump). plain: settle_one's, a constant. */
static inline __attribute__((always_inline)) void settle_work(RtPThread *t, const int plain)
{
    for (; t->set_at < t->nwork; t->set_at++) {
        RtRow *r = t->work[t->set_at];
        if (r->dup) {
            rt_pipe_dup_row(&t->batch, r);
            t->late_bad++;
            continue;
        }
        RtPState *ps = enter_person(t, r->p);
        if (!ps) {
            t->oom = 1;
            return;
        }
        if (settle_row(t, ps, r, plain) < 0)
            return;
    }
}

/* task_settle's plain case, out of the frame that calls setjmp: gcc keeps no value of a
 * function that calls setjmp in a register across a call, and the whole settle path inlined
 * into task_settle paid for it (490.1 -> 484.7 instructions a claim). A polrt_fail lands in
 * task_settle, whose frame outlives this one; what it reads is in memory (t->set_at). The
 * one-engine loops are functions of their own, each with its own registers: Panji's claim
 * 134.5 -> 132.6 instructions, medical assistance's 385.3 -> 384.3. */
static __attribute__((noinline)) void settle_plain_in_place(RtPThread *t)
{
    settle_work(t, PLAIN_IN_PLACE);
}

static __attribute__((noinline)) void settle_plain_one(RtPThread *t)
{
    settle_work(t, PLAIN_ONE);
}

static __attribute__((noinline)) void settle_plain(RtPThread *t)
{
    if (t->pipe->neng == 1 && t->pipe->eng[0].in_place)
        settle_plain_in_place(t);
    else if (t->pipe->neng == 1)
        settle_plain_one(t);
    else
        settle_work(t, PLAIN);
}

/* Phase 2. In the plain case (settle_one) every engine's polrt_fail lands here, one setjmp a
 * batch where rt_settle_ctx took one a claim: the claim in progress (set_at) is failed in the
 * engine that failed (set_ei), its other engines and its sink run, and the batch goes on
 * after it, as check_rows does. With the loads of the person's ledger rows inlined and the
 * case's tests folded away, the settle phase (settle_bench, Panji, 104,638 claims of polc gen
 * --persons 30000 --seed 1, callgrind) 735 -> 615 instructions a claim. */
static void task_settle(RtPThread *t)
{
    RtPipe *m = t->pipe;
    t->set_at = 0;
    if (m->o->reverse || m->o->store || m->o->trace) {
        settle_work(t, 0);
        return;
    }
    jmp_buf jb;
    for (int ei = 0; ei < m->neng; ei++)
        t->scr[ei].ctx.jmp = &jb;
    if (setjmp(jb)) {
        RtRow *r = t->work[t->set_at];
        int ei = t->set_ei;
        ledger_kept(t, ei);
        settle_failed(t, ei);
        engine_done(t, r, ei, 1);
        if (settle_engines(t, r->p->state, r, ei + 1, PLAIN) < 0)
            return;
        t->set_at++;
    }
    settle_plain(t);
}

/* states fetched ahead of the end's walk (task_finish): a state's person 2 steps ahead, and
 * the sink fetches what its person_end reads beyond them 1 ahead */
#define FINISH_AHEAD 8

/* the end: every person of the thread that had a claim. Walked by their states in the order
 * they were made, one after another in memory: the walk of the persons table in hash order
 * read every person, those without a claim too (1.9 M of simulate's 3.3 M over 10 M claims),
 * and each state where its first claim had put it */
static void task_finish(RtPThread *t)
{
    RtPipe *m = t->pipe;
    /* nothing to hand over (polc run's memory ledger) */
    if (!m->o->store && !m->sink->person_end)
        return;
    size_t n = t->nstates;
    for (size_t k = 0; k < n; k++) {
        if (k + 2 * FINISH_AHEAD < n)
            __builtin_prefetch(t->states[k + 2 * FINISH_AHEAD]->p);
        if (k + FINISH_AHEAD < n && m->sink->person_ahead)
            m->sink->person_ahead(m->sink->self, t->states[k + FINISH_AHEAD]);
        RtPState *ps = t->states[k];
        /* the store writes the person's changed rows at the next commit */
        if (ps->lp) {
            rt_ledger_release(m->o->store, ps->lp, 1);
            ps->lp = NULL;
        }
        if (m->sink->person_end && m->sink->person_end(m->sink->self, t, ps) < 0) {
            t->oom = 1;
            return;
        }
    }
}

static void sink_batch(RtPipe *m)
{
    m->sink_rc = m->sink->batch(m->sink->self, m, m->sink_blocks, m->sink_nblocks, m->sink_err,
                                sizeof m->sink_err);
}

/* the sink's step just run: 0, or -1 (its error set) */
static int sink_result(RtPipe *m)
{
    if (m->sink_rc < 0) {
        rt_pipe_error(m, "%s", m->sink_err);
        return -1;
    }
    return 0;
}

/* the sink's step begun by sink_start, finished: 0, or -1 (its error set) */
static int sink_wait(RtPipe *m)
{
    spin(m, sink_over, 0);
    pthread_mutex_lock(&m->mu);
    while (m->sink_state == SINK_DUE)
        pthread_cond_wait(&m->done, &m->mu);
    int ran = m->sink_state == SINK_DONE;
    m->sink_state = SINK_NONE;
    pthread_mutex_unlock(&m->mu);
    return ran ? sink_result(m) : 0;
}

/* The sink's batch step of blocks[0..n): with threads (not across ranks, whose sinks
 * exchange with rank 0), on the last thread, while the calling thread reads the next batch
 * and the others decode it (the rows of the two batches are in different halves of the block
 * store); else here. On the calling thread between the batches it was ~0.07 s of a 1 M-claim
 * run -j 2 during which the other thread waited. 0, or -1 (error set). */
static int sink_start(RtPipe *m, RtBlock *blocks, size_t n)
{
    m->sink_blocks = blocks;
    m->sink_nblocks = n;
    if (m->o->cluster || m->nthreads == 1) {
        sink_batch(m);
        return sink_result(m);
    }
    pthread_mutex_lock(&m->mu);
    m->sink_state = SINK_DUE;
    pthread_cond_broadcast(&m->go);
    pthread_mutex_unlock(&m->mu);
    return 0;
}

static void run_task(RtPThread *t, int task)
{
    switch (task) {
    case TASK_DECODE: task_decode(t); break;
    case TASK_NUMBER: task_number(t); break;
    case TASK_MERGE_PERSONS: merge_persons(t); break;
    case TASK_SETTLE: task_settle(t); break;
    case TASK_FINISH: task_finish(t); break;
    default: break;
    }
}

/* One pass over the claims: 0 done, 2 error, 3 a bad header or too many rejects. */
static int claims_pass(RtPipe *m)
{
    m->is_persons = 0;
    m->cur_rejects = m->o->rejects;
    if (open_input(m, m->o->claims, m->cap) < 0)
        return 2;
    const RtCluster *cl = m->o->cluster;
    int rc = read_header(m);
    if (rc) {
        close_input(m);
        return rc;
    }
    if (cl && rt_ranks_begin(m) < 0)
        goto fail;
    for (;;) {
        if (cut_blocks(m) < 0)
            goto fail;
        reset_batch_pools(m);
        int64_t t_decode = rt_now_ns();
        parallel(m, TASK_DECODE);
        m->st->decode_ns += rt_now_ns() - t_decode;
        if (sink_wait(m) < 0 || check_threads(m) < 0)
            goto fail;
        if (!m->o->persons && resolve_persons(m) < 0) {
            rt_pipe_sys_error(m, 0, "out of memory");
            goto fail;
        }
        if (cl ? rt_ranks_rows(m, &m->ids[0]) < 0 : number_rows(m, 1) < 0) {
            rt_pipe_sys_error(m, 0, "out of memory");
            goto fail;
        }
        /* the batch's transaction begun once it is read (the sink commits it, or the rank
         * at its turn's end): a stalled input holds no writers' lock */
        if (m->o->store && rt_ranks_ledger_turn(m, 1) < 0)
            goto fail;
        int64_t t_settle = rt_now_ns();
        parallel(m, TASK_SETTLE);
        m->st->settle_ns += rt_now_ns() - t_settle;
        if (check_threads(m) < 0)
            goto fail;
        if (m->o->ledger_turns && rt_ranks_ledger_turn(m, 0) < 0)
            goto fail;
        if (cl && rt_ranks_outcomes(m) < 0)
            goto fail;
        /* across ranks, rank 0 alone has every row's outcome (the round's rows, m->oblk): it
         * decides whether the job stops, and its sink writes them; the other ranks' sinks see
         * their own rows (their ledgers commit) */
        RtBlock *ob = cl && !m->not_rank0 ? &m->oblk : m->blocks;
        size_t on = cl && !m->not_rank0 ? 1 : m->used_blocks;
        int rj = m->not_rank0 ? 0 : reject_batch(m, ob, on);
        if (rj < 0)
            goto fail;
        if (cl) {
            int64_t v = rj;
            cl->bcast(cl, &v, 1);
            rj = (int)v;
        }
        if (rj > 0) {
            close_input(m);
            return 3;
        }
        if (m->sink->batch && sink_start(m, ob, on) < 0)
            goto fail;
        if (!cl)
            m->consumed = m->buf_off + (int64_t)m->complete;
        progress(m, m->o->verb ? m->o->verb : "settling");
        int got = cl ? rt_ranks_read(m) : next_batch(m);
        if (got < 0)
            goto fail;
        if (got == 0)
            break;
    }
    if (sink_wait(m) < 0)
        goto fail;
    note_cut_end(m);
    close_input(m);
    parallel(m, TASK_FINISH);
    for (int i = 0; i < m->nthreads; i++) {
        m->st->reversed += m->th[i].nreversed;
        m->st->resettled += m->th[i].nresettled;
        m->st->adjustments += m->th[i].nadjustment;
    }
    return check_threads(m) < 0 ? 2 : 0;
fail:
    sink_wait(m); /* its error, if any, comes after the first */
    close_input(m);
    return 2;
}

/* ---- set-up ------------------------------------------------------------------------------ */

static int same_fields(const RtSchema *a, const RtField *fa, int na, const RtSchema *b,
                       const RtField *fb, int nb, char *why, size_t len)
{
    if (na != nb) {
        snprintf(why, len, "%d field%s where the base has %d", nb, rt_plural(nb), na);
        return -1;
    }
    for (int i = 0; i < na; i++) {
        const RtType *x = &fa[i].type, *y = &fb[i].type;
        int same = strcmp(fa[i].name, fb[i].name) == 0 && x->kind == y->kind &&
                   x->optional == y->optional && x->unit == y->unit;
        if (same && x->kind == RT_ENUM) {
            const RtEnum *ea = &a->enums[x->enum_idx], *eb = &b->enums[y->enum_idx];
            same = ea->n == eb->n;
            for (int k = 0; same && k < ea->n; k++)
                same = strcmp(ea->names[k], eb->names[k]) == 0;
        }
        if (!same) {
            snprintf(why, len, "field '%s' differs", fb[i].name);
            return -1;
        }
    }
    return 0;
}

/* Engines must read the same data: the base's columns are decoded once for all of them. */
int rt_pipe_same_data(const RtSchema *s, const RtSchema *t, char *why, size_t len)
{
    if (same_fields(s, s->claim, s->nclaim, t, t->claim, t->nclaim, why, len) < 0 ||
        same_fields(s, s->person, s->nperson, t, t->person, t->nperson, why, len) < 0 ||
        same_fields(s, s->hist, s->nhist, t, t->hist, t->nhist, why, len) < 0)
        return -1;
    return 0;
}

static int set_engines(RtPipe *m, PolEngine *const *engines, int n)
{
    char why[MSG_MAX];
    m->eng = polrt_realloc(NULL, (size_t)n * sizeof *m->eng);
    if (!m->eng) {
        rt_pipe_sys_error(m, 0, "out of memory");
        return -1;
    }
    memset(m->eng, 0, (size_t)n * sizeof *m->eng);
    m->neng = n;
    m->maxout = 1;
    const RtSchema *s = m->s;
    for (int i = 0; i < n; i++) {
        Eng *x = &m->eng[i];
        x->e = engines[i];
        x->s = rt_engine_schema(x->e);
        const RtSchema *t = x->s;
        if (i > 0 && rt_pipe_same_data(s, t, why, sizeof why) < 0) {
            rt_pipe_error(m, "engine %d reads other data than the base: %s", i, why);
            return -2;
        }
        x->date_idx = x->e->date_idx;
        int widest = 1;
        for (int l = 0; l < t->nledgers; l++)
            if (t->ledgers[l].nfields > widest)
                widest = t->ledgers[l].nfields;
        x->stride = 2 + widest;
        x->inline_b = (size_t)t->nledgers * (size_t)x->stride * sizeof(int64_t);
        x->latest = polrt_realloc(NULL, (size_t)t->nledgers + 1);
        if (!x->latest) {
            rt_pipe_sys_error(m, 0, "out of memory");
            return -1;
        }
        for (int l = 0; l < t->nledgers; l++) {
            const char *k = t->ledgers[l].key_field;
            x->latest[l] = k && m->s->claim_date && strcmp(k, m->s->claim_date) == 0;
        }
        /* an engine made by polrt_engine_new may have no keys function: it settles by
         * rt_settle_steps, which checks for one */
        x->in_place = x->e->fast_in_place && x->e->keys && t->nledgers == 1;
        size_t nz = (size_t)t->nledger_fields + 1; /* + 1: never an allocation of 0 */
        if (x->in_place && !(x->zeros = polrt_realloc(NULL, nz * sizeof *x->zeros))) {
            rt_pipe_sys_error(m, 0, "out of memory");
            return -1;
        }
        if (x->in_place)
            memset(x->zeros, 0, nz * sizeof *x->zeros);
        if (t->noutputs > m->maxout)
            m->maxout = t->noutputs;
    }
    m->date_idx = m->eng[0].date_idx;
    return 0;
}

static int thread_init(RtPipe *m, RtPThread *t, int id)
{
    memset(t, 0, sizeof *t);
    t->pipe = m;
    t->persons.tag_in = RT_MAP_TAG_IN(RtPerson, tag);
    t->id = id;
    size_t ns = (size_t)m->neng;
    /* on lines of their own: the threads write them at every claim (rt_int.h) */
    t->scr = rt_alloc_lines(ns * sizeof *t->scr, 1); /* zeroed: thread_free frees each scr[i].mem */
    t->outs = rt_alloc_lines((ns * (size_t)m->maxout + 1) * sizeof *t->outs, 1);
    t->ok = rt_alloc_lines(ns * sizeof *t->ok, 1);
    t->err_code = rt_alloc_lines(ns * sizeof *t->err_code, 1);
    t->err_loc = rt_alloc_lines(ns * sizeof *t->err_loc, 1);
    t->chk_pver = rt_alloc_lines(((size_t)m->s->nparams + 1) * sizeof *t->chk_pver, 1);
    if (!t->scr || !t->outs || !t->ok || !t->err_code || !t->err_loc || !t->chk_pver)
        return -1;
    for (size_t i = 0; i < ns; i++) {
        const RtSchema *s = m->eng[i].s;
        RtScratch *x = &t->scr[i];
        size_t n = 2 * (size_t)s->nledgers + 2 * (size_t)s->nledger_fields + 3 * (size_t)s->nrules +
                   2 * (size_t)s->nparams + 1;
        if (!(x->mem = rt_alloc_lines(n * sizeof *x->mem, 1)))
            return -1;
        x->keys = x->mem;
        x->before = x->keys + s->nledgers;
        x->after = x->before + s->nledger_fields;
        x->out = t->outs + i * (size_t)m->maxout; /* the claim's outputs, read in place */
        x->rule_val = x->after + s->nledger_fields;
        x->rule_state = x->rule_val + s->nrules;
        x->branch = x->rule_state + s->nrules;
        x->pver = x->branch + s->nrules;
        x->pidx = x->pver + s->nparams;
        x->rowi = x->pidx + s->nparams;
        int trace = i == 0 && m->o->trace;
        /* .jmp is set where the claims settle: by rt_settle_ctx a claim, or by task_settle a
         * batch in the plain case, where it is left pointing at task_settle's finished frame
         * between batches: nothing but settle_one may call the policy through this context */
        x->ctx = (PolCtx){
            .ledger_in = x->before,
            .ledger_out = x->after,
            .out = x->out,
            .rule_val = x->rule_val,
            .rule_state = x->rule_state,
            .branch = x->branch,
            .pver = x->pver,
            .pidx = trace ? x->pidx : NULL,
            .trace = trace ? &x->tr : NULL,
            .user = m->eng[i].e->user,
        };
    }
    if (m->sink->thread_init && m->sink->thread_init(m->sink->self, t) < 0)
        return -1;
    return 0;
}

static void thread_free(RtPipe *m, RtPThread *t)
{
    if (m->sink->thread_free)
        m->sink->thread_free(m->sink->self, t);
    rt_cells_free(&t->cells);
    for (int i = 0; t->scr && i < m->neng; i++) {
        polrt_realloc(t->scr[i].mem, 0);
        rt_trace_free(&t->scr[i].tr);
    }
    polrt_realloc(t->scr, 0);
    polrt_realloc(t->outs, 0);
    polrt_realloc(t->ok, 0);
    polrt_realloc(t->err_code, 0);
    polrt_realloc(t->err_loc, 0);
    polrt_realloc(t->chk_pver, 0);
    polrt_realloc(t->chk_rows, 0);
    polrt_realloc(t->work, 0);
    polrt_realloc(t->idref, 0);
    polrt_realloc(t->adj.p, 0);
    polrt_realloc(t->adjv, 0);
    rt_map_free(&t->persons);
    polrt_realloc(t->states, 0);
    rt_map_free(&t->resettled);
    rt_pool_free(&t->pool);
    rt_pool_free(&t->batch);
    rt_pool_free(&t->cells_pool[0]);
    rt_pool_free(&t->cells_pool[1]);
}

static void cleanup(RtPipe *m)
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
    for (size_t i = 0; m->block_store && i < m->nblocks; i++) {
        polrt_realloc(m->block_store[i].rows, 0);
        polrt_realloc(m->block_store[i].route, 0);
        polrt_realloc(m->block_store[i].at, 0);
    }
    polrt_realloc(m->block_store, 0);
    rt_binding_free(&m->bind);
    polrt_realloc(m->bind_fields, 0);
    rt_huge_free(m->buf, m->cap);
    for (int i = 0; m->eng && i < m->neng; i++) {
        polrt_realloc(m->eng[i].latest, 0);
        polrt_realloc(m->eng[i].zeros, 0);
    }
    polrt_realloc(m->eng, 0);
    polrt_realloc(m->defaults, 0);
    polrt_realloc(m->keep_pcol, 0);
    for (int i = 0; m->ids && i < m->nids; i++)
        rt_ids_free(&m->ids[i]);
    polrt_realloc(m->ids, 0);
    polrt_realloc(m->xout.p, 0);
    polrt_realloc(m->cbuf.p, 0);
    polrt_realloc(m->conv.p, 0);
    polrt_realloc(m->longs, 0);
    polrt_realloc(m->xin.p, 0);
    polrt_realloc(m->xback.p, 0);
    for (int k = 0; m->xto && k < m->o->cluster->size; k++)
        polrt_realloc(m->xto[k].p, 0);
    polrt_realloc(m->xto, 0);
    polrt_realloc(m->xcnt, 0);
    polrt_realloc(m->xbase, 0);
    polrt_realloc(m->xstates, 0);
    polrt_realloc(m->xline, 0);
    polrt_realloc(m->xseq, 0);
    polrt_realloc(m->oblk.rows, 0);
    rt_pool_free(&m->opool);
    rt_out_abort(&m->rejects);
    close_input(m);
    pthread_mutex_destroy(&m->mu);
    pthread_cond_destroy(&m->go);
    pthread_cond_destroy(&m->done);
}

/* the rejects file of a file: committed when rows were rejected, else a stale one removed:
 * only a regular file an earlier run left, recognised by its first line, the header of the
 * file just read (any other file of that name is not polc's to delete); 0, or -1 (run error) */
static int finish_rejects(RtPipe *m, const char *path, int64_t rejected)
{
    char err[MSG_MAX];
    if (m->rejects.f) {
        if (rt_out_commit(&m->rejects, err, sizeof err) < 0) {
            rt_pipe_sys_error(m, errno, "%s", err);
            return -1;
        }
        return 0;
    }
    struct stat st;
    if (!rejected && path && m->o->remove_stale && !m->not_rank0 && m->bind.raw &&
        lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
        rt_out_first_line_is(path, m->bind.raw, m->bind.nraw) && unlink(path) != 0 &&
        errno != ENOENT) {
        rt_pipe_sys_error(m, errno, "cannot remove %s: %s", path, strerror(errno));
        return -1;
    }
    return 0;
}

int rt_pipe_run(PolEngine *const *engines, int n, const RtPipeOpts *o, const RtPipeSink *sink,
                RtPipeStats *st, char *err, size_t errlen)
{
    RtPipe pipe = {0}, *m = &pipe;
    memset(st, 0, sizeof *st);
    m->o = o;
    m->sink = sink;
    m->st = st;
    m->fd = m->raw_fd = -1;
    m->s = rt_engine_schema(engines[0]);
    m->nthreads = o->threads < 1                  ? 1
                  : o->threads > PIPE_MAX_THREADS ? PIPE_MAX_THREADS
                                                  : o->threads;
    pthread_mutex_init(&m->mu, NULL);
    pthread_cond_init(&m->go, NULL);
    pthread_cond_init(&m->done, NULL);
    int rc = 2;
    const RtCluster *cl = o->cluster;
    m->not_rank0 = cl && cl->rank != 0;
    /* ranks may share a machine's cores (mpirun --oversubscribe): none spins */
    m->spin = m->nthreads > 1 && m->nthreads <= rt_ncpu() && !cl;
    if (cl && cl->size > RT_CLUSTER_MAX_RANKS) {
        rt_pipe_error(m, "%d ranks: at most %d", cl->size, RT_CLUSTER_MAX_RANKS);
        goto done;
    }
    if (cl && (!strcmp(o->claims, "-") || (o->persons && !strcmp(o->persons, "-")))) {
        rt_pipe_error(m, "standard input cannot be read across %d ranks: name a file", cl->size);
        goto done;
    }
    /* a rejects file naming an input would replace it: refused before anything is read */
    const char *outs[] = {o->rejects, o->prejects}, *ins[] = {o->claims, o->persons};
    for (int i = 0; i < 4; i++)
        if (rt_out_same_file(outs[i / 2], ins[i % 2])) {
            rt_pipe_error(m, "the rejects file %s is the %s file %s: name another (--rejects)",
                          outs[i / 2], i % 2 ? "persons" : "claims", ins[i % 2]);
            goto done;
        }
    if (set_engines(m, engines, n) < 0)
        goto done;
    /* 8-byte alignment is all a state's parts need (a pool gives no more): 16 cost the
     * simulate sink's 104 bytes 8 more, 12 MB at 1.5 M persons with a claim */
    m->pstate_rows = RT_PSTATE_BASE + ((sink->pstate_extra + 7) & ~(size_t)7);
    m->pstate_size = m->pstate_rows + (size_t)n * (sizeof(int64_t *) + 2 * sizeof(int32_t));
    for (int i = 0; i < n; i++)
        m->pstate_size += m->eng[i].inline_b;
    if (rt_engine_can_check(engines[0], m->err, sizeof m->err) != 0) {
        m->failed = 1;
        goto done;
    }
    m->cap = test_batch ? test_batch
             : o->store ? PIPE_BATCH_LEDGER
             : cl       ? PIPE_BATCH_RANKS
                        : PIPE_BATCH;
    m->buf = rt_huge_alloc(m->cap);
    m->th = rt_alloc_lines((size_t)m->nthreads * sizeof *m->th, 1);
    m->nids = cl ? 1 : m->nthreads;
    m->ids = ids_parts(m->nids);
    if (!m->buf || !m->th || !m->ids) {
        rt_pipe_sys_error(m, 0, "out of memory");
        goto done;
    }
    for (int i = 0; i < m->nthreads; i++)
        if (thread_init(m, &m->th[i], i) < 0) {
            rt_pipe_sys_error(m, 0, "out of memory");
            goto done;
        }
    for (int i = 1; i < m->nthreads; i++) {
        if (pthread_create(&m->th[i].th, NULL, thread_main, &m->th[i]) != 0) {
            rt_pipe_sys_error(m, 0, "cannot start a thread");
            goto done;
        }
        m->th[i].started = 1;
    }
    if (o->persons) {
        rc = load_persons(m);
        if (rc == 0 && finish_rejects(m, o->prejects, st->rejected_persons) < 0)
            rc = 2;
        if (rc)
            goto done;
    } else if (persons_optional(m) < 0)
        goto done;
    else if (finish_rejects(m, o->prejects, 0) < 0)
        goto done;
    /* no id added yet: the check's budget follows the persons this process holds */
    ids_budget(m->ids, m->nids, (size_t)persons_held(m));
    m->told = 0;
    rc = claims_pass(m);
    if (cl && rc == 0)
        cl->tell(cl, m->cut_bytes, persons_held(m));
    /* a run stopped by too many rejected rows keeps them: they say why */
    if ((rc == 0 || rc == 3) &&
        finish_rejects(m, o->rejects, st->rejected - st->rejected_persons) < 0)
        rc = 2;
done:
    rt_pipe_progress_clear(m);
    if (m->failed) {
        snprintf(err, errlen, "%s", m->err);
        rc = m->code ? m->code : POLRT_EXIT_USAGE;
    }
    if (o->max_told && m->told > o->max_told)
        fprintf(stderr, "%s: ... %" PRId64 " more row%s rejected (each in %s)\n", opts_program(),
                m->told - o->max_told, rt_plural(m->told - o->max_told), o->rejects);
    cleanup(m);
    return rc;
}
