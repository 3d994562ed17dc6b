/* pipeline.h — the one batch pipeline every batch command runs (private to runtime/ and sim/):
 *
 *   source (a file, or standard input) -> decode (records cut and bound in parallel blocks)
 *   -> partition by person -> settle on N threads -> sinks (rejects here; results, ledger,
 *   explanations in run.c; what-if aggregates in sim/)
 *
 * The input is read once, in batches of a few MiB: the threads cut a batch's records into values
 * (phase 1), the claim ids are checked for duplicates in input order, then every thread settles the
 * batch's claims of its own persons in input order (phase 2), and the sink sees the batch's rows in
 * input order. Results do not depend on the thread count. Memory: the persons (fields, history,
 * ledger rows), one batch, and the duplicate check's fixed budget (its claim ids beyond it go to a
 * temporary file: pipeline_int.h IdSet). */
#ifndef POLC_PIPELINE_H
#define POLC_PIPELINE_H

#include "cluster.h"
#include "rt_int.h"

#include <pthread.h>

typedef struct RtPipe RtPipe;
typedef struct RtPThread RtPThread;
typedef struct RtPState RtPState;

/* a person: fields and history from the persons file (or the defaults). One allocation in its
 * partition's pool: this, its id, then its fields, kept cells and room for its first span
 * (pipeline.c person_add). A run holds millions, and each page of them costs a fault and its
 * zeroing when first written (dear on this VM): 152 bytes a person of Panji in four
 * allocations (96 of this, 16 of id, 8 of fields and 32 of span) are 104 in one. */
typedef struct RtPerson {
    int64_t *fields; /* schema "person" values: inside (persons file), else the defaults */
    union {
        /* nspans rows of schema "history" width: the first inside, more in the pool */
        int64_t *hist;
        /* with bad: a rejected persons row named it, on this line. Its claims are rejected
         * (pipeline.c claim_row), so nothing reads its spans: it has none (nspans 0) */
        int64_t bad_line;
    };
    RtPState *state; /* while its claims settle: ledger rows, date, the sink's part */
    /* the person its partition took in after it from the same persons batch (file order), or
     * NULL: where a claims file follows the persons file's order, decode finds the next
     * claim's person here (pipeline.c claim_row) */
    struct RtPerson *next;
    int64_t weight; /* millionths: the --weight column, else 1000000 */
    int64_t line;   /* its first row in the persons file (0: made from a claim) */
    uint32_t tag;   /* rt_map_tag of its id's hash: its partition's table reads it (RtMap) */
    /* its spans: room for a power of two of them (1 to start), or none yet (hist NULL). A
     * person's rows of the persons file are fewer than 2^31 (at 8 bytes a span or more, 16
     * GiB of memory) */
    uint32_t nspans;
    uint32_t nid; /* bytes of id: found by memcmp, not strncmp */
    uint8_t part; /* the thread that settles its claims */
    uint8_t bad;  /* a rejected persons row named it: bad_line, no spans */
    char id[];    /* nid bytes and a NUL */
} RtPerson;

/* the settle state of a person with a claim: written only by the person's thread */
struct RtPState {
    RtPerson *p;
    int64_t last_date;  /* date of its latest claim settled (POLRT_NONE: none yet) */
    int64_t last_line;  /* and that claim's line, negated when it failed to settle (so an
                           earlier-dated claim after it is not told it was settled) */
    RtLedgerPerson *lp; /* engine 0's rows held in the ledger store, when there is one */
    /* the sink's per-person state follows (RtPipeSink.pstate_extra bytes, zeroed), then per
     * engine its memory ledger rows (pipeline.c PsRows): rows of (ledger, key, fields...);
     * room for one row per ledger is inside the state, more go to the thread's pool. A ledger
     * keyed by the year of the claim date keeps only its latest year's row. */
};
/* the sink's part of a person state, RT_PSTATE_BASE bytes in: a constant, where a call to
 * say where was ~5 instructions of each claim of the simulate sink's (callgrind) */
#define RT_PSTATE_BASE      ((sizeof(RtPState) + 7) & ~(size_t)7)
#define RT_PSTATE_EXTRA(ps) ((void *)((char *)(ps) + RT_PSTATE_BASE))

/* one data row of a batch. Every pass over a batch walks its rows (60,000 a batch, not
 * cache-resident), and decode clears each: 128 bytes, from 176 (decode's memset alone had
 * ~250 perf samples of a 1 M-claim run at 4 kHz). */
enum { RT_ROW_OK, RT_ROW_BAD, RT_ROW_EMPTY };
typedef struct RtRow {
    RtPerson *p;
    const char *id;  /* claim id (the block's pool) */
    int64_t *fields; /* claim values (the block's pool) */
    int64_t line;    /* physical line of its first byte */
    int64_t seq;     /* rank among the data rows of the file */
    const char *raw; /* its bytes, for the rejects file */
    const char *why; /* RT_ROW_BAD: the reason */
    uint64_t phash;  /* claims rows: hash of the person id (0: same person as the row before) */
    /* the second cache line: what every thread reads of every row while the claim ids are
     * checked (pipeline.c task_number), apart from what a row's own thread writes then (line,
     * seq), so that no line passes between the cores */
    uint64_t hash;   /* persons rows: hash of the person id; claims rows: of the claim id, never
                        0 (0: the row has no claim id) */
    const char *pid; /* persons rows: the person id; claims rows: when unresolved */
    uint32_t nraw;   /* bytes of raw (a record is at most RT_CSV_MAX_RECORD) */
    uint32_t npid;   /* bytes of pid */
    int8_t status;   /* RT_ROW_OK, RT_ROW_BAD or RT_ROW_EMPTY */
    int8_t settled;  /* RT_ROW_OK once settled: 0 settled, 1 already settled earlier (the
                        ledger's stored outputs), -1 the policy failed (engine 0) */
    uint16_t thread; /* RT_ROW_OK: the thread that settles it (its person's part) */
    uint8_t dup;     /* its claim id was seen before: its thread rejects it (task_settle) */
    uint8_t again;   /* settled 1 and traced: a late claim settled it again in this run, so its
                        stored result is the one this run left (PolResult.resettled) */
    union {
        struct {            /* persons rows */
            int64_t *hvals; /* the span's values, NULL when none */
            int64_t weight;
        };
        struct { /* claims rows: the sink's text for the row in its settling thread's
                    buffers (run.c) */
            size_t out_off, out_len, x_off, x_len;
        };
    };
} RtRow;

typedef struct RtBlock {
    size_t from, to;   /* bytes of the batch buffer */
    int64_t base_line; /* line of its first byte */
    int64_t base_seq;  /* rank of its first row among the file's data rows */
    int64_t lines;     /* line feeds in it */
    RtRow *rows;
    size_t nrows, cap_rows;
    RtPool *pool; /* its rows' cells and texts: the decoding thread's (RtPThread.cells_pool) */
    /* the rows routed to the threads that take them next (pipeline.c route_block): indexes
     * into rows, grouped by at[] (2 × threads + 2 bounds), so that a thread walks its own
     * rows rather than every row of the batch */
    uint32_t *route, *at;
    size_t cap_route;
    size_t nbad, nempty;     /* its rows decode rejected or found blank (pipeline.c reject_batch) */
    char pad[RT_CACHE_LINE]; /* threads decode neighbouring blocks at once: rt_int.h */
} RtBlock;

/* a thread's view of the claim being settled, per engine. before and after hold the claim's
 * ledgers only where something reads them (an explanation's trace, a ledger store's record,
 * a reversal): in the plain case an engine that settles in place (pipeline_int.h Eng.in_place)
 * settles the person's row itself and leaves them as they were, and no sink reads them */
typedef struct RtScratch {
    int64_t *keys, *before, *after, *out, *rule_val, *rule_state, *branch, *pver, *pidx;
    /* memory ledgers, per ledger: the index in the person's rows of the claim key's row,
     * found when loading it (-1: none yet), where the new values are stored */
    int64_t *rowi;
    int64_t *mem;
    RtTrace tr; /* trace: the spans read and the rule-with-arguments calls */
    PolCtx ctx; /* the claim's context: pointers into the above set once, the claim's own
                   fields per claim (settle_one) */
} RtScratch;

struct RtPThread {
    RtPipe *pipe;
    int id;
    RtScratch *scr; /* per engine */
    int64_t *outs;  /* per engine: outputs of the current claim (RtPipe.maxout each) */
    int *ok;        /* per engine: the claim settled (else err_code, err_loc) */
    int64_t *err_code, *err_loc;
    void *sink;   /* the sink's per-thread state */
    RtPool batch; /* reasons of rows rejected while settling: reset per batch */
    /* below: the pipeline's own */
    pthread_t th;
    int started;
    RtCells cells;
    int64_t *chk_pver;
    /* the batch's good claim rows of this thread's persons, in input order: listed by the
     * serial pass, so a settling thread never reads the rows of another (reading them to
     * skip them pulled the cache lines the other thread was writing: -j 2 settled no faster
     * than -j 1) */
    RtRow **work;
    size_t nwork, cap_work;
    /* the batch's claim ids of this thread's part, twice: in input order, then sorted by the
     * region of the id table each falls in (pipeline.c task_number) */
    struct RtIdRef *idref;
    size_t cap_idref;
    RtMap persons; /* the persons whose part is this thread */
    /* the settle states of those of them with a claim, in the order they were made (which is
     * their order in pool): the end's walk (task_finish) */
    RtPState **states;
    size_t nstates, cap_states;
    RtPool pool; /* persons, their ids, fields, history and states */
    /* the cells and texts of the rows it decodes, per half of the block store (cut_blocks).
     * One a thread, not one a block: each block's took at least a huge page of fresh memory,
     * 16 of them at -j 2 (1 M claims: peak memory 181 -> 156 MB at -j 2, 152 -> 144 at -j 1;
     * on this VM a fresh page costs a fault in the host as well) */
    RtPool cells_pool[2];
    int64_t npersons;
    /* of them, those of the persons file and their weight, counted as merged: a walk of the
     * tables afterwards read every slot and person (~15 ms of serial time for 300,000) */
    int64_t nfile, wfile;
    int64_t nreversed;   /* --reverse: claims reversed */
    int64_t nresettled;  /* claims settled again (late claims, reversals) */
    int64_t nadjustment; /* adjustments made (late claims and reversals) */
    int64_t late_bad;    /* rows of the batch rejected after their decode (reject_batch) */
    int oom;
    char fatal[512]; /* a ledger error while settling (the run stops) */
    /* explain_stored: the ledgers before a stored claim, read in place of the store's rows */
    const int64_t *replay;
    /* with a trace (polc explain): the ids of the claims a late claim settled again in this
     * run (late_end), so that such a claim met again is explained as settled again, not as
     * the result stored before the run (newuser8); entries: ids in pool */
    RtMap resettled;
    /* adjustments (rt_resettle_replay's CSV rows) of the batch's claims of this thread, each
     * run of them tagged with its row's rank, for rt_pipe_take_adjustments */
    RtLine adj;
    struct RtPAdj *adjv;
    size_t nadj, cap_adj;
    /* the policy's input checks of a block's claims, after it is decoded (check_rows): the
     * rows that decoded, by index, the one being checked, and the checks' context */
    size_t *chk_rows, nchk, cap_chk, chk_at;
    size_t set_at; /* task_settle: the claim (in work) being settled, and in which engine */
    int set_ei;
    PolCtx chk_ctx;
    char pad[RT_CACHE_LINE]; /* the threads' states sit side by side: rt_int.h */
};

typedef struct RtPipeSink {
    void *self;
    size_t pstate_extra; /* bytes of the sink's state per person (zeroed when made) */
    int (*thread_init)(void *self, RtPThread *t); /* 0, or -1 (memory) */
    void (*thread_free)(void *self, RtPThread *t);
    /* a good claim settled in every engine (t->ok, t->outs, t->err_code/loc per engine; for
     * engine 0 also r->settled): in the thread of its person, in input order among that
     * person's claims. 0, or -1 (memory). */
    int (*claim)(void *self, RtPThread *t, RtPState *ps, RtRow *r);
    /* the end: each person that had a claim, once, in its thread; 0 or -1 (memory) */
    int (*person_end)(void *self, RtPThread *t, RtPState *ps);
    /* NULL, or a person whose person_end comes a few persons later, its state already in the
     * caches: prefetch what person_end will read beyond the state (the end's walk misses the
     * caches at every person: task_finish) */
    void (*person_ahead)(void *self, const RtPState *ps);
    /* after a batch settled: its rows in input order (rejected ones already told and copied
     * to the rejects file). With threads (not across ranks) it runs on the last thread while
     * the next batch is decoded, so it reads only the rows and its own per-thread state (the
     * input buffer's bytes, r->raw, are the next batch's by then), and its threads' claim
     * hooks run again only after it returns. 0, or -1 with the message in err. */
    int (*batch)(void *self, RtPipe *p, RtBlock *blocks, size_t n, char *err, size_t errlen);
    /* across ranks (RtPipeOpts.cluster), NULL when the sink keeps nothing per row: on the rank
     * that settled good row r, its text (up to RT_PIPE_TEXTS pieces: text[i], len[i]) sent to
     * rank 0 after the batch settled; on rank 0, row_remote receives them for every good row
     * of the round (its own too), before the batch hook, which on rank 0 gets the round's rows
     * in input order as one process's batch. 0, or -1 (memory). */
    void (*row_text)(void *self, const RtRow *r, const char **text, size_t *len);
    int (*row_remote)(void *self, RtRow *r, const char *const *text, const size_t *len);
} RtPipeSink;
#define RT_PIPE_TEXTS 2

typedef struct RtPipeOpts {
    const char *claims;   /* claims CSV, "-" for standard input */
    const char *persons;  /* persons CSV (NULL: the policy must declare no person data) */
    const char *rejects;  /* rejects file of the claims rows */
    const char *prejects; /* rejects file of the persons rows */
    int remove_stale;     /* a run with no rejected rows removes an earlier run's rejects file */
    const char *weight;   /* persons column weighting each person (NULL: none) */
    int threads;          /* >= 1 */
    int progress;         /* show a progress line on stderr */
    const char *verb;     /* what the progress line says ("settling", "simulating") */
    long max_rejects;     /* stop when this many rows are rejected (0: no limit) */
    long max_told;        /* rejected rows told on stderr before the rest are counted (0: all) */
    /* explain one claim: of the claims file's rejected rows only this claim's (and rows with
     * no claim id) are told; the others are counted and copied as ever */
    const char *tell_only;
    int trace;      /* engine 0 settles through its traced entry (explanations) */
    int notes;      /* tell the columns a file has that the policy does not read */
    int show_ids;   /* row messages may name person ids and their fields' values */
    RtStore *store; /* engine 0's ledger (NULL: in memory, beside the persons) */
    /* with a store: a claim dated before a claim of its person-year already settled is
     * settled in date order, the later ones settled again (adjustments); late_reject:
     * rejected instead */
    int late_reject;
    /* with a store: the claims file lists claims to reverse (claim_id, person_id; no claim
     * fields); each is reversed, the later claims settled again (adjustments) */
    int reverse;
    const char *encoding; /* the inputs' text encoding (--encoding; NULL: sniffed, csv.c) */
    /* --keep (run.c): columns a sink copies into its rows as text; those the persons file has
     * are kept with each person (rt_pipe_person_kept), for the claims file may lack them */
    char *const *keep;
    int nkeep;
    /* across MPI ranks (NULL: this process alone): every rank reads its chunks of the files
     * and sends each record to its person's rank, decodes and settles its persons' rows and
     * sends their outcome to rank 0, which alone writes rejects and feeds the sink's batch
     * hook every row; the run's first failure ends the job (spec/SCALE.md) */
    const RtCluster *cluster;
    /* across ranks on one ledger they share (PostgreSQL, whose writers take turns: each
     * transaction holds its one-writer lock): each batch's transaction begun just before
     * this rank settles its claims and committed just after, so that no rank holds the lock
     * while it waits for the others at an exchange (ranks.c, spec/SCALE.md "The ledger") */
    int ledger_turns;
} RtPipeOpts;

/* the end of a stop's message that says the run wrote nothing (a file that shrank while it
 * was read): a sink that committed ledger batches says what it wrote instead (run.c) */
#define RT_PIPE_NOTHING_WRITTEN "; nothing written"
/* the stop for an input file that shrank while it was read (its path the one %s), alone and
 * across ranks: exit 4, one spelling (pipeline.c's fill, ranks.c) */
#define RT_PIPE_SHRANK                                                                             \
    "cannot read %s: it shrank while it was read (another program truncated or rewrote "           \
    "it)" RT_PIPE_NOTHING_WRITTEN

typedef struct RtPipeStats {
    int64_t claims;               /* good claim rows */
    int64_t rejected;             /* rows rejected (both files) */
    int64_t rejected_persons;     /* of them, persons rows */
    int64_t empty_rows;           /* blank data rows (both files) */
    int64_t npersons, persons_w;  /* persons in the persons file, their weight */
    int64_t reversed;             /* --reverse: the claims reversed */
    int64_t resettled;            /* claims settled again after late claims and reversals */
    int64_t adjustments;          /* the outputs they (and reversals) changed: adjustment rows */
    int bom;                      /* the claims file starts with a byte order mark */
    int crlf;                     /* its header ends with CRLF */
    int64_t decode_ns, settle_ns; /* the claims' decode and settle phases, all threads (wall) */
} RtPipeStats;

/* Run the pipeline: n engines settle every claim (engine 0 is the base; the others must read
 * the same claim, person and history fields). 0 done; 2 a run-level error (I/O, memory, a
 * ledger error: message in err); 3 the input could not be read (a bad header, too many
 * rejected rows: told on stderr). Rejected rows alone do not change the return (st->rejected
 * says). */
int rt_pipe_run(PolEngine *const *engines, int n, const RtPipeOpts *o, const RtPipeSink *sink,
                RtPipeStats *st, char *err, size_t errlen);

/* 0 when engine schema t reads the same claim, person and history fields as s; else -1 with
 * the difference in why */
int rt_pipe_same_data(const RtSchema *s, const RtSchema *t, char *why, size_t len);

/* test hook: batches of this many bytes (0: the default), so that a small file puts records
 * across batch and block boundaries */
void rt_pipe_test_batch(size_t bytes);
/* test hook: the claim-id table's budget in slots (a power of two >= 2; 0: the default), so
 * that a small file spills it to disk */
void rt_pipe_test_ids(size_t slots);

/* the persons file's rejects beside the claims': "x.rejects.csv" -> "x.rejects.persons.csv"
 * (allocated; NULL on memory) */
char *rt_pipe_persons_rejects(const char *rejects);

/* for sinks: */
int rt_pipe_maxout(const RtPipe *p);
int rt_pipe_date_idx(const RtPipe *p); /* engine 0's claim date field, or -1 */
const RtPipeStats *rt_pipe_stats(const RtPipe *p);
/* the header cells of the file being read (trimmed), their number in *n: a sink reads the
 * claims header from its first claim on (run.c --keep) */
char *const *rt_pipe_header(const RtPipe *p, int *n);
/* the claims header's claim id column (the results' first column) */
int rt_pipe_id_col(const RtPipe *p);
/* RtPipeOpts.keep[k] in the persons file's header: its column (>= 0), -1 when the header lacks
 * it (or there is no persons file), -2 when two columns have that name */
int rt_pipe_person_col(const RtPipe *p, int k);
/* person q's kept cells: per RtPipeOpts.keep name, the trimmed text of its first persons row
 * (NULL where the persons file lacks the column); NULL when the persons file has none of them */
const char *const *rt_pipe_person_kept(const RtPipe *p, const RtPerson *q);
/* the batch's adjustments, in input order of the claims that caused them, appended to out
 * (the threads' buffers start over): 0, or -1 (memory) */
int rt_pipe_take_adjustments(RtPipe *p, RtLine *out);
void rt_pipe_progress_clear(RtPipe *p);

#endif
