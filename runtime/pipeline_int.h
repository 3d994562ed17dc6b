/* pipeline_int.h — the batch pipeline's private parts (pipeline.c), shared with its half that
 * runs across MPI ranks (ranks.c): the pipeline's state, its failure helpers, the claim-id
 * set, and the calls pipeline.c makes into ranks.c. Nothing outside the two includes it. */
#ifndef POLC_PIPELINE_INT_H
#define POLC_PIPELINE_INT_H

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>

#include "pipeline.h"

/* looking back from a batch's end for its last complete record: longer than any real row */
#define PIPE_TAIL 65536
/* a message about a row or a claim */
#define MSG_MAX 512
/* most pieces a batch's read is cut into, to be shared by the threads (pipeline.c
 * read_shared) */
#define PIPE_READ_PIECES 8
/* the least piece worth sharing: a smaller read is this thread's alone */
#define PIPE_READ_PIECE_MIN (128 << 10)

/* fixed columns: claim_id, person_id and the --weight column, bound by name (decode.c) */
enum { COL_CLAIM_ID, COL_PERSON_ID, COL_WEIGHT };

/* an engine and the layout of its ledger rows in a person state */
typedef struct Eng {
    PolEngine *e;
    const RtSchema *s;
    int date_idx;    /* its claim date field, -1 none */
    int stride;      /* int64 per ledger row: ledger, key, the widest ledger's fields */
    size_t inline_b; /* bytes of the rows inside the person state: one per ledger */
    /* per ledger: 1 when its key is the year of the claim date, which a person's claims
     * follow in order (the date-order check): a row of an earlier key is never read again,
     * so the new year's row takes its place and a person holds one row per ledger */
    uint8_t *latest;
    /* its fast entry settles the person's row in place (PolEngine.fast_in_place) and it has
     * one ledger, whose fields a row holds as ledger_in lays them out: pipeline.c,
     * settle_in_place */
    int in_place;
    int64_t *zeros; /* in place: its ledger fields as a key with no row reads them, or NULL */
} Eng;

/* Across ranks, a record longer than RT_CSV_MAX_RECORD (a quote left open), rejected whole as
 * alone: told to rank 0 by where it is, never sent or held, and copied from the file into the
 * rejects file in its place (rt_ranks_long_copy) */
typedef struct RtLong {
    int64_t seq, line; /* its row number (across ranks it has one) and first line */
    int64_t off, len;  /* its bytes in the file */
    int64_t lines;     /* the lines it spans, as told */
} RtLong;

/* Claim ids seen so far, as their 64-bit hashes: two different ids whose hashes agree, about
 * one chance in 10^11 per claim for a file of 100 million claims, count as one (the later row
 * is then rejected as a duplicate, never lost). The recent ids are an open-addressing table in
 * memory (0 marks a free slot; a hash of 0 is stored as 1), at most three quarters full: linear
 * probing then still finds most ids in the first cache line. The table grows up to a budget
 * (max_cap slots); full at the budget, it is written as it stands to a temporary file (a run),
 * its ids go into a fixed-size filter, and it starts empty. An id not in the table that the
 * filter may hold is looked up exactly in each run on disk, as in memory (its home slot, then
 * the next ones up to a free slot): memory stays the table and the filter however many claims
 * come. pipeline.c rt_ids_add. */
typedef struct IdSet {
    uint64_t *slot; /* the table: cap slots, a power of two, at most max_cap */
    size_t cap, n;  /* n: the ids in it */
    size_t max_cap; /* its budget (set on first use) */
    /* once it spilled: a blocked Bloom filter of the ids in the runs (fblocks blocks of 8
     * words: one bit set in each word per id), the runs (nruns tables of max_cap slots in
     * the file fd), a buffer for reading them */
    uint64_t *filter, *rbuf;
    size_t fblocks;
    int fd;
    int64_t nruns;
    int failed;              /* rt_ids_add failed (while the threads check ids: task_number) */
    int err;                 /* why: a failed spill's errno (0: memory) */
    char pad[RT_CACHE_LINE]; /* each thread adds to its own set, side by side: rt_int.h */
} IdSet;

struct RtPipe {
    const RtPipeOpts *o;
    const RtPipeSink *sink;
    RtPipeStats *st;
    int neng;
    Eng *eng;
    const RtSchema *s; /* engine 0's */
    int maxout;
    int date_idx;
    size_t pstate_size; /* RtPState, the sink's part, the rows arrays and inline rows */
    size_t pstate_rows; /* offset of the rows arrays in it */
    /* threads */
    int nthreads;
    RtPThread *th;
    pthread_mutex_t mu;
    pthread_cond_t go, done;
    int task;
    /* read without the lock by a thread spinning before it sleeps (pipeline.c spin) */
    _Atomic uint64_t generation;
    _Atomic int running;
    /* threads spin before sleeping (pipeline.c spin): a core for each, and spinning found
     * what it waited for often enough; the waits spun and those that outlasted the spin */
    _Atomic int spin;
    atomic_uint spins, spins_missed;
    atomic_size_t next_block;
    /* a batch's read shared by the threads waiting for their next step (pipeline.c
     * read_shared): pieces of rd_piece bytes of [rd_dst, rd_dst + rd_want) from file offset
     * rd_off; rd_take is the round, its pieces and the next piece to take (pipeline.c
     * RD_ROUND), rd_done the pieces read; each piece's bytes read (or -errno) in rd_got */
    _Atomic uint64_t rd_take;
    atomic_uint rd_done;
    char *rd_dst;
    size_t rd_want, rd_piece;
    int64_t rd_off;
    ssize_t rd_got[PIPE_READ_PIECES];
    int pread_on; /* a regular file read by pread at fpos (read_shared), not read() */
    int64_t fpos;
    /* input */
    int fd;
    char *pre;           /* standard input's first bytes, read by the sniffer (csv.c), */
    size_t npre, pre_at; /* read before the rest of fd: [pre_at, npre) are left */
    const char *path;
    int64_t size, consumed;
    char *buf;
    size_t len, cap, start, complete;
    size_t batch; /* bytes a batch reads (<= cap: the buffer's size) */
    int eof;
    int cut_end;  /* at eof: the input's last byte is no line end (note_cut_end) */
    int64_t line; /* line of buf[start] */
    int64_t seq;  /* data rows so far */
    int64_t buf_off;
    /* the batch's blocks: one half of block_store (2 × PIPE_BLOCKS_PER_THREAD a thread, made
     * once, never moved), the other half the batch before, which the sink may still be
     * writing (sink_start) while this one is decoded */
    RtBlock *blocks, *block_store;
    size_t nblocks, used_blocks;
    int half;
    /* the sink's batch step of the batch before: the last thread runs it while the next
     * batch is read and decoded (pipeline.c sink_start), its result in sink_rc, sink_err */
    _Atomic int sink_state;
    int sink_rc;
    RtBlock *sink_blocks;
    size_t sink_nblocks;
    char sink_err[MSG_MAX];
    RtBinding bind;
    const RtField **bind_fields;
    int is_persons;
    int64_t *defaults; /* person fields when there is no persons file */
    int *keep_pcol;    /* per RtPipeOpts.keep name: its persons column (rt_pipe_person_col) */
    int nkeep_pcol;    /* of them, those found once: each person keeps their text */
    /* a person's bytes after its id (pipeline.c person_add): its fields from the persons file,
     * then those and its kept cells, and its first span's */
    size_t person_fields_b, person_tail_b, span_b;
    /* the claim ids seen so far, in parts by hash (rt_ids_part): thread i checks part i in
     * input order, so the first row with an id keeps it whatever the threads; across ranks
     * one part, the rank's, checked by the calling thread (nids 1) */
    IdSet *ids;
    int nids;
    int check_ids; /* number_rows checks this batch's ids (the claims file) */
    /* rejects */
    RtOut rejects;
    const char *cur_rejects;
    int64_t told;
    int crlf_hdr;      /* the file's header ends with CRLF: rejected rows copied end so too */
    int in_header;     /* reading the header: a record too long is the file's error */
    PolProgress meter; /* restarted for each file */
    char err[MSG_MAX];
    int failed;
    int code; /* the exit code of the failure (POLRT_EXIT_USAGE or _SYSTEM) */
    /* across ranks (ranks.c): a rank other than 0, which writes no
     * rejects file (rank 0 does) */
    int not_rank0;
    int64_t data0;          /* the file's first byte after its header */
    size_t chunk;           /* bytes of a chunk: a round is N of them */
    int64_t round;          /* rounds read */
    int cstate;             /* the record machine's state at the next round's first byte */
    int64_t rline, rseq;    /* line and row number of the next round's first row */
    int64_t oseq0, rrows;   /* the round read: its first row number and its rows (all ranks) */
    RtLine cbuf;            /* this rank's chunk, the byte before it, its last record's tail */
    RtLine *xto;            /* per rank: what goes there (records, ids, answers) */
    RtLine xout;            /* what this rank sends: the lists, or its rows' outcomes */
    RtLine xin, xback;      /* what it receives: records or ids; answers (kept buffers) */
    size_t *xcnt;           /* bytes sent to each rank, then bytes from each rank */
    int64_t *xbase;         /* per rank: its chunk's first line and row; the allgather's */
    unsigned char *xstates; /* per rank: the state table of its chunk */
    int64_t *xline, *xseq;  /* the received records' lines and row numbers, in order */
    size_t xn, xcap_line, xcap_seq;
    RtBlock oblk;       /* rank 0: the round's rows, every rank's outcome in its place */
    RtPool opool;       /* and their texts */
    uint64_t cut_bytes; /* bytes of records this rank cut from the files */
    /* across ranks, a GB18030 file: each rank converts its own chunks' records (rt_ranks_read)
     * and no rank the whole file; the header is read from a converted copy of the file's
     * start (rt_ranks_gb18030) while raw_fd holds the file itself */
    int gb;
    /* the input is read as GB18030 (converted, either way), as its first bytes are (1) or as
     * --encoding says (2): rt_csv_bad_text */
    int read_gb;
    int raw_fd;                  /* the file itself while fd reads the header's copy, or -1 */
    int64_t raw_size, raw_data0; /* its size and its first byte after the header */
    RtLine conv;                 /* a chunk's records in UTF-8 */
    RtLong *longs;               /* rank 0: the round's records over RT_CSV_MAX_RECORD */
    size_t nlongs, cap_longs;
};

/* ---- pipeline.c's helpers that ranks.c calls too ---------------------------------------- */

/* a failure of the command line or the files it names: exit POLRT_EXIT_USAGE */
__attribute__((format(printf, 2, 3))) void rt_pipe_error(RtPipe *m, const char *fmt, ...);
/* a failure of the system (memory, a thread, I/O): exit POLRT_EXIT_SYSTEM; with errno e,
 * the usage code when e says a name does not exist (polrt_exit_for_errno) */
__attribute__((format(printf, 3, 4))) void rt_pipe_sys_error(RtPipe *m, int e, const char *fmt,
                                                             ...);
/* the batch buffer grown to cap bytes, its first m->len kept: 0, or -1 (error set) */
int rt_pipe_buf_grow(RtPipe *m, size_t cap);
/* Up to n bytes of the input into p: at off (pread), or where the file stands (off < 0: a
 * pipe has no offsets). Interrupted and short reads are retried, so fewer than n only at
 * the file's end. The bytes read, or -1 (error set). The one read loop of the pipeline. */
ssize_t rt_pipe_read(RtPipe *m, char *p, size_t n, int64_t off);
/* row r rejected for why (copied into pool) */
void rt_pipe_bad_row(RtPool *pool, RtRow *r, const char *why);
/* room in s's table for n ids (up to its budget) without growing: 0, or -1 on memory */
int rt_ids_reserve(IdSet *s, size_t n);
/* 1 when h was in s, 0 when added now, -1 when it could not be checked (memory, or the
 * temporary file: s->err) */
int rt_ids_add(IdSet *s, uint64_t h);
/* s's table, filter and file freed */
void rt_ids_free(IdSet *s);
/* "claim ids: ..." why rt_ids_add failed, into m's failure */
void rt_ids_fail(RtPipe *m, const IdSet *s);
/* the reason of a row whose claim id was seen before, into pool (the batch's); after its
 * reason when the row was rejected already */
void rt_pipe_dup_row(RtPool *pool, RtRow *r);

/* ---- across ranks (ranks.c; spec/SCALE.md "What is split") ------------------------------ */

/* after the header: the records start here, read in rounds of chunks; the first round read.
 * 0, or -1 (error set) */
int rt_ranks_begin(RtPipe *m);
/* this rank's chunk of the next round read, its records routed to their persons' ranks and
 * this rank's persons' records of the round received into m->buf: 1, 0 at the end, -1 */
int rt_ranks_read(RtPipe *m);
/* the batch's rows numbered as in the file, their claim ids checked (ids: the claims file),
 * the good ones given to their threads: 0, or -1 (error set) */
int rt_ranks_rows(RtPipe *m, IdSet *ids);
/* every row's outcome gathered to rank 0, into the round's rows (m->oblk): 0, or -1 */
int rt_ranks_outcomes(RtPipe *m);
/* Across ranks, an input to be read as GB18030 (enc, or sniffed): its header's bytes
 * converted into a temporary file that m->fd reads for read_header, the file itself kept
 * (m->raw_fd) for the ranks' chunks. 1 so, 0 not GB18030 (nothing done), -1 (error set). */
int rt_ranks_gb18030(RtPipe *m, int enc);
/* rank 0: the rejected row r, a record over RT_CSV_MAX_RECORD (no raw bytes), copied from the
 * file into the rejects file (converted from GB18030 as alone). 0, or -1 (error set). */
int rt_ranks_long_copy(RtPipe *m, const RtRow *r);
/* the persons file read: the job's persons summed (a collective) */
void rt_ranks_persons(RtPipe *m);
/* with RtPipeOpts.ledger_turns: this rank's turn at the shared ledger, begun (begin 1: before
 * it settles the batch, waiting for the writer's lock) or committed (0: after): 0, or -1 */
int rt_ranks_ledger_turn(RtPipe *m, int begin);

#endif
