/* simulate.c — polrt_sim_run: what-if aggregation (spec/SIMULATE.md §2), a sink of the batch
 * pipeline (runtime/pipeline.h). Several scenarios (a base policy, reforms, parameter
 * variants) settle the same claims in one pass, each on its own ledgers; each settled claim
 * is folded into its thread's accumulators and its person-year's own payment, each person
 * into the distributions when the pass ends, and the threads' accumulators are merged, so
 * the results do not depend on the thread count. Analysis, not settlement: a deployed
 * engine does not carry this file (it is not in libpolrt). */
#include "sim_int.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- limits ------------------------------------------------------------------------------ */

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
/* a message */
#define MSG_MAX 512

/* ---- the simulation's state ------------------------------------------------------------ */

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

/* a person's part of the pipeline's person state: per (year, breakdown group) the own
 * payment and whether the cap bound, per scenario */
typedef struct SimPS {
    /* the person-years not yet in the distributions: entries of 1 + nscen int64: the key
     * (SIM_KEY: year, dimension, group), then per scenario the own payment and whether the
     * cap bound (SIM_ADD). A person's claims come in date order, so a year is folded in when
     * the next one starts: a person holds one year's entries. The first SIM_INLINE are inside
     * the person state (SIM_ENTRIES; years NULL until the first, so until a good claim was
     * settled), more come from the thread's pool (SimT.years), kept to the end as malloc'd
     * ones were: a malloc and free per person cost ~230 instructions a claim (callgrind,
     * 100,000 persons, 348,337 claims) and 144 bytes a person, and each free at the end of
     * 10 M claims a miss or two. */
    int64_t *years;
    uint32_t nyears, cap_years; /* entries */
    /* then, inside the person state: int64_t sum_oop[nscen], the own payment of all the
     * person's claims and whether one differs from the base (SIM_ADD), SIM_INLINE entries */
} SimPS;
#define SIM_PS_HEAD    ((sizeof(SimPS) + 7) & ~(size_t)7)
#define SIM_SUM_OOP(x) ((int64_t *)((char *)(x) + SIM_PS_HEAD))
/* bytes from the sink's part to its inline entries */
#define SIM_ENTRIES_OFF(n) (SIM_PS_HEAD + 8 * (size_t)(n))
#define SIM_ENTRIES(x, n)  ((int64_t *)((char *)(x) + SIM_ENTRIES_OFF(n)))
#define SIM_STRIDE(n)      (1 + (size_t)(n)) /* int64 an entry */
/* entries inside the person state: a person-year's claims of up to two levels (Sim.tdim) */
#define SIM_INLINE 2
/* an entry's key: the year, the dimension (-1: all the person's claims; its first identity's
 * group counted with them) and the group (0 for -1); years are >= 0 */
#define SIM_KEY(year, dim, g) (((int64_t)(year) << 24) | ((int64_t)((dim) + 1) << 16) | (g))
#define SIM_KEY_YEAR(k)       ((k) >> 24)
#define SIM_KEY_DIM(k)        ((int)(((k) >> 16) & 0xff) - 1)
#define SIM_KEY_GROUP(k)      ((int)((k)&0xffff))
/* a word of an amount and a flag: twice the amount (fen), plus 1 once the flag is set.
 * SIM_ADD(v, oop, flag) is v with oop added and flag set if true. An entry's word of a
 * scenario holds the person-year's own payment and whether the cap bound on a claim; sum_oop
 * the person's own payment and whether a claim differs from the base. A word of its own for
 * the flags made an entry of 2 scenarios 32 bytes (24 now), and a state 8 bytes more. An own
 * payment of a person or person-year stays within +-2^62 fen (4.6 * 10^16 yuan), as its int64
 * sum within 2^63 did. */
#define SIM_ADD(v, oop, flag)                                                                      \
    ((int64_t)(((uint64_t)(v) + ((uint64_t)(oop) << 1)) | (uint64_t)(flag)))
#define SIM_OOP(v)  ((v) >> 1) /* arithmetic shift (gcc, clang): floor((2 oop + f) / 2) */
#define SIM_FLAG(v) ((int)((v)&1))

/* one pipeline thread's accumulators */
typedef struct SimT {
    Acc *acc; /* per scenario */
    int64_t claim_persons, claim_persons_w;
    RtPool years;            /* persons' entries past SIM_INLINE (year_entry) */
    size_t maxout;           /* rt_pipe_maxout: each scenario's outputs in RtPThread.outs */
    RtLine chg;              /* --changes rows of the batch's claims of this thread */
    char pad[RT_CACHE_LINE]; /* the threads' parts sit side by side: rt_int.h */
} SimT;

/* a compared money output of a scenario, looked up once (claim() resolved each per claim:
 * ~480 instructions a claim of Panji's 12 outputs in two scenarios) */
typedef struct SimMoney {
    int k;      /* the compared output (PolSim.money index) */
    int o;      /* its index in the scenario's outputs */
    int b;      /* the base's index of it, -1 when the base has none */
    int counts; /* a change of it is a change of the claim (rt_output_counts: not `info`) */
} SimMoney;

typedef struct Scen {
    PolEngine *e;
    const RtSchema *s;
    int *out_of;  /* per base output: the same output here (by name), or -1 (--changes) */
    SimMoney *mo; /* the compared outputs it has */
    int nmo;
    /* where every output that counts is at the base's index: the outputs eq_lo to eq_lo +
     * eq_n - 1 hold them all, and equal there means no counted change (counted_change's fast
     * path); eq_n -1 otherwise */
    int eq_lo, eq_n;
    /* a reform with eq_n >= 0: its first nsame compared outputs (mo) are those that count, at
     * the base's indexes. A claim settled in both and equal there (eq_lo ...) adds to their
     * totals what it adds to the base's, so claim() adds nothing to them for it, and for every
     * other claim its own amounts less the base's; merge_results adds the base's totals
     * (exact: integer sums). Nearly every claim is the same in a reform: -130 instructions a
     * claim of Panji in county-cap-4000 (callgrind). 0 otherwise (and in the base). */
    int nsame;
} Scen;

typedef struct Sim {
    const PolSimOpts *o;
    int nscen;
    Scen *scen;
    const RtSchema *s; /* the base's */
    PolSim *res;
    int nthreads;
    SimT *th;
    int ndims, ngroups;
    RtSimDim *dims;
    /* the first claim dimension (0), whose groups hold each claim once, or -1 (none). With
     * one, a person-year's own payment over all its claims is the sum of its entries of that
     * dimension, and has no entry of its own: with "level", 54% of Panji's person-years have
     * claims of one level and 41% of two, which took 3 entries (10 M claims, 2.9 M persons:
     * 92 MB of entries past the inline ones; 24 MB now) */
    int tdim;
    int money_n;
    int *money;
    int date_idx;
    RtOut changes; /* --changes, opened at the first batch (after the claims header) */
    int changes_open;
    char err[MSG_MAX];
    int failed;
    int code;   /* the exit code of a failure of the sink (the pipeline says 2 for any) */
    int unread; /* the input could not be read (a header lacking a column): nothing settled,
                   so nothing is written over an earlier report or --changes file */
} Sim;

__attribute__((format(printf, 2, 3))) static void sim_error(Sim *m, const char *fmt, ...)
{
    if (m->failed)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m->err, sizeof m->err, fmt, ap);
    va_end(ap);
    m->failed = 1;
}

/* ---- accumulating ---------------------------------------------------------------------- */

/* the chart bucket of a yearly own payment (fen) */
static int oop_bucket(int64_t v)
{
    static const int64_t edge[RT_SIM_NOOPB - 1] = {0,      10000,  50000,  100000,
                                                   300000, 500000, 1000000};
    /* the count of edges below v, by halves (3 tests, not up to 7: every dist_add asks) */
    int b = v > edge[3] ? 4 : 0;
    b += v > edge[b + 1] ? 2 : 0;
    return b + (v > edge[b]);
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

/* dist_add's rarer part: v, weight w, into d's exact values when their array is full, or d
 * into the histogram once past SIM_EXACT_MAX. 0, or -1 (memory). */
static int dist_add_more(Dist *d, int64_t v, int64_t w)
{
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

/* a person-year's own payment v (fen), weight w, into d; inline, the rest in dist_add_more
 * (a call's saving of registers was a quarter of its instructions). 0, or -1 (memory). */
static inline __attribute__((always_inline)) int dist_add(Dist *d, int64_t v, int64_t w, int capped)
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
    if (d->hist) {
        d->hist[hist_bucket(v)] += w;
        return 0;
    }
    if (d->n > SIM_EXACT_MAX || 2 * (d->nvals + 1) > d->cap_vals)
        return dist_add_more(d, v, w);
    d->vals[2 * d->nvals] = v;
    d->vals[2 * d->nvals + 1] = w;
    d->nvals++;
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

/* With a claim dimension (Sim.tdim): the totals of the person's years before `year` over all
 * their claims, each the sum of the year's entries of that dimension, into thread t's
 * distributions of all person-years (group 0) and of its first identity (idg, -1 none). 0, or
 * -1 (memory). */
static int fold_totals(Sim *m, SimT *t, const SimPS *x, int64_t year, int64_t w, int idg)
{
    int ns = m->nscen;
    size_t stride = SIM_STRIDE(ns);
    const int64_t *ys = x->years;
    for (size_t i = 0; i < x->nyears; i++) {
        const int64_t *y = ys + i * stride;
        int64_t yr = SIM_KEY_YEAR(y[0]);
        if (yr >= year || SIM_KEY_DIM(y[0]) != m->tdim)
            continue;
        size_t j = 0; /* the year's first entry of the dimension sums them */
        while (j < i &&
               !(SIM_KEY_YEAR(ys[j * stride]) == yr && SIM_KEY_DIM(ys[j * stride]) == m->tdim))
            j++;
        if (j < i)
            continue;
        for (int si = 0; si < ns; si++) {
            int64_t oop = 0;
            int capped = 0;
            for (j = i; j < x->nyears; j++) {
                const int64_t *z = ys + j * stride;
                if (SIM_KEY_YEAR(z[0]) == yr && SIM_KEY_DIM(z[0]) == m->tdim) {
                    oop += SIM_OOP(z[1 + si]);
                    capped |= SIM_FLAG(z[1 + si]);
                }
            }
            Dist *dd = t->acc[si].dist;
            if (dist_add(&dd[0], oop, w, capped) < 0 ||
                (idg >= 0 && dist_add(&dd[idg], oop, w, capped) < 0))
                return -1;
        }
    }
    return 0;
}

/* Fold the person's years before `year` (all: INT64_MAX) into thread t's distributions, and
 * keep the others. 0, or -1 (memory). */
static int fold_years(Sim *m, SimT *t, RtPState *ps, int64_t year)
{
    SimPS *x = RT_PSTATE_EXTRA(ps);
    RtPerson *p = ps->p;
    int64_t w = p->weight;
    int ns = m->nscen;
    size_t stride = SIM_STRIDE(ns);
    int idg = -1;
    for (int d = 0; d < m->ndims; d++)
        if (m->dims[d].person) {
            const RtSimDim *D = &m->dims[d];
            int64_t v = p->nspans > 0 ? p->hist[D->field] : POLRT_NONE;
            idg = D->first + (v == POLRT_NONE || v < 0 || v >= D->n - 1 ? D->n - 1 : (int)v);
        }
    if (m->tdim >= 0 && fold_totals(m, t, x, year, w, idg) < 0)
        return -1;
    size_t kept = 0;
    for (size_t i = 0; i < x->nyears; i++) {
        const int64_t *y = x->years + i * stride;
        if (SIM_KEY_YEAR(y[0]) >= year) {
            if (kept != i)
                memmove(x->years + kept * stride, y, stride * sizeof *y);
            kept++;
            continue;
        }
        /* the entry's groups: all the person's claims and its first identity's, or one */
        int g[2] = {SIM_KEY_DIM(y[0]) < 0 ? 0 : SIM_KEY_GROUP(y[0]), idg};
        int ng = SIM_KEY_DIM(y[0]) < 0 && idg >= 0 ? 2 : 1;
        for (int si = 0; si < ns; si++) {
            int64_t oop = SIM_OOP(y[1 + si]);
            int capped = SIM_FLAG(y[1 + si]);
            Dist *dd = t->acc[si].dist;
            for (int j = 0; j < ng; j++)
                if (dist_add(&dd[g[j]], oop, w, capped) < 0)
                    return -1;
        }
    }
    x->nyears = kept;
    return 0;
}

/* Fold a finished person into thread t's accumulators. */
static int finalize(Sim *m, SimT *t, RtPState *ps)
{
    SimPS *x = RT_PSTATE_EXTRA(ps);
    int64_t w = ps->p->weight;
    int ns = m->nscen;
    const int64_t *sum_oop = SIM_SUM_OOP(x);
    if (fold_years(m, t, ps, INT64_MAX) < 0)
        return -1;
    for (int si = 1; si < ns; si++) {
        Acc *a = &t->acc[si];
        int64_t change = SIM_OOP(sum_oop[si]) - SIM_OOP(sum_oop[0]);
        int band = change_band(change);
        a->band_n[band]++;
        a->band_w[band] += w;
        a->band_sum[band] += (RtWide)change * w;
        if (SIM_FLAG(sum_oop[si])) { /* a claim differs */
            a->aff_persons++;
            a->aff_persons_w += w;
        }
    }
    return 0;
}

/* year_entry's part for a key the person has no entry of: a new entry, zeroed; its index,
 * or -1 on memory */
static long year_entry_new(Sim *m, SimT *t, SimPS *ps, int64_t key)
{
    size_t stride = SIM_STRIDE(m->nscen);
    if (!ps->years) {
        ps->years = SIM_ENTRIES(ps, m->nscen);
        ps->cap_years = SIM_INLINE;
    }
    if (ps->nyears == ps->cap_years) {
        int64_t *y = rt_pool_alloc(&t->years, 2 * ps->cap_years * stride * sizeof *y);
        if (!y)
            return -1;
        memcpy(y, ps->years, ps->nyears * stride * sizeof *y);
        ps->years = y;
        ps->cap_years *= 2;
    }
    int64_t *y = ps->years + ps->nyears * stride;
    memset(y, 0, stride * sizeof *y);
    y[0] = key;
    return (long)ps->nyears++;
}

/* the index of the person's entry of key, created when new; -1 on memory (the array may
 * move: callers keep indices, not pointers). In line: claim() asks twice a claim, and the
 * entry is nearly always there (the call was a third of its instructions). */
static inline __attribute__((always_inline)) long year_entry(Sim *m, SimT *t, SimPS *ps,
                                                             int64_t key)
{
    size_t stride = SIM_STRIDE(m->nscen);
    for (uint32_t i = 0; i < ps->nyears; i++)
        if (ps->years[i * stride] == key)
            return (long)i;
    return year_entry_new(m, t, ps, key);
}

/* where a failed claim is: "line N" of the claims file, never its claim id (the report is
 * shared beyond those who may see claim and person ids: issue 15); allocated, NULL on memory */
static char *example_of(const RtRow *r)
{
    char b[32];
    snprintf(b, sizeof b, "line %" PRId64, r->line);
    return rt_strdup(b);
}

static void note_failure(Acc *a, const RtRow *r, int64_t code, int64_t loc)
{
    a->failed++;
    for (int i = 0; i < a->nreasons; i++) {
        RtSimReason *x = &a->reasons[i];
        if (x->code == code && x->loc == loc) {
            x->count++;
            if (r->seq < x->seq) {
                char *e = example_of(r);
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
    x->example = example_of(r); /* NULL (memory) only loses the example */
}

/* a claim settled in the base and scenario x differs in an output that counts (a cap of role
 * info changing alone is no change to anyone: spec/SIMULATE.md §2.5) */
static int counted_change(const Scen *x, const int64_t *base, const int64_t *out)
{
    /* nearly every claim is the same in a reform: one memcmp, not a test per output (~150
     * instructions a claim of Panji's 20 money outputs, callgrind) */
    if (x->eq_n >= 0 && !memcmp(out + x->eq_lo, base + x->eq_lo, (size_t)x->eq_n * sizeof *out))
        return 0;
    for (int i = 0; i < x->nmo; i++) {
        const SimMoney *q = &x->mo[i];
        if (q->counts && q->b >= 0 && out[q->o] != POLRT_NONE && out[q->o] != base[q->b])
            return 1;
    }
    return 0;
}

/* --changes: the claim's rows, one per scenario in which it is a claim with a change
 * (counted_change) and output whose value differs from the base's (both settled; info outputs
 * too): claim_id, person_id, scenario, output, label, base, value, difference (money only).
 * Into the thread's buffer; batch() writes them in input order. 0, or -1. */
static int changed_rows(Sim *m, SimT *t, RtPThread *pt, RtPState *pps, RtRow *r)
{
    const RtSchema *s = m->s;
    RtLine *l = &t->chg;
    size_t maxout = (size_t)rt_pipe_maxout(pt->pipe);
    const int64_t *base = pt->outs;
    r->out_off = l->n;
    for (int si = 1; si < m->nscen && pt->ok[0]; si++) {
        if (!pt->ok[si])
            continue; /* a failure is in failures.csv */
        const Scen *x = &m->scen[si];
        const int64_t *out = pt->outs + (size_t)si * maxout;
        if (!counted_change(x, base, out))
            continue; /* not a claim with a change: its info outputs alone differ */
        for (int i = 0; i < s->noutputs; i++) {
            int o = x->out_of[i];
            if (o < 0 || out[o] == base[i])
                continue;
            const RtType *ty = &s->outputs[i].type;
            rt_line_cell(l, r->id);
            rt_line_add(l, ",", 1);
            rt_line_cell(l, pps->p->id);
            rt_line_add(l, ",", 1);
            rt_line_cell(l, m->res->scen[si].name);
            rt_line_add(l, ",", 1);
            rt_line_cell(l, s->outputs[i].name);
            rt_line_add(l, ",", 1);
            rt_line_cell(l, rt_output_heading(s, i, 1));
            rt_line_add(l, ",", 1);
            rt_line_value(l, s, ty, base[i], 1);
            rt_line_add(l, ",", 1);
            rt_line_value(l, s, ty, out[o], 1);
            rt_line_add(l, ",", 1);
            if (ty->kind == RT_MONEY && base[i] != POLRT_NONE && out[o] != POLRT_NONE)
                rt_line_value(l, s, ty, out[o] - base[i], 0);
            rt_line_add(l, "\n", 1);
        }
    }
    r->out_len = l->n - r->out_off;
    return l->oom ? -1 : 0;
}

/* The sink's part of a good claim the pipeline settled in every scenario: its totals, its
 * person-year's own payment, whether it differs from the base. 0, or -1 (memory). */
static int claim(void *self, RtPThread *pt, RtPState *pps, RtRow *r)
{
    Sim *m = self;
    SimT *t = &m->th[pt->id];
    SimPS *ps = RT_PSTATE_EXTRA(pps);
    int ns = m->nscen;
    int64_t w = pps->p->weight;
    int64_t *sum_oop = SIM_SUM_OOP(ps);
    int64_t year = m->date_idx >= 0 && r->fields[m->date_idx] != POLRT_NONE
                       ? polrt_year_of(r->fields[m->date_idx])
                       : 0;
    /* an earlier year is finished: the pipeline settles a person's claims in date order */
    if (ps->nyears && SIM_KEY_YEAR(ps->years[0]) < year && fold_years(m, t, pps, year) < 0)
        return -1;
    long ent[1 + SIM_MAX_DIMS];
    int nent = 0;
    /* the person-year's entry of all its claims, unless a claim dimension sums to it */
    if (m->tdim < 0 && (ent[nent++] = year_entry(m, t, ps, SIM_KEY(year, -1, 0))) < 0)
        return -1;
    for (int d = 0; d < m->ndims; d++) {
        const RtSimDim *D = &m->dims[d];
        if (D->person)
            continue;
        int64_t v = r->fields[D->field];
        int g = D->first + (v == POLRT_NONE || v < 0 || v >= D->n - 1 ? D->n - 1 : (int)v);
        if ((ent[nent++] = year_entry(m, t, ps, SIM_KEY(year, d, g))) < 0)
            return -1;
    }
    const int64_t *base = pt->outs;
    size_t maxout = t->maxout, stride = SIM_STRIDE(ns);
    for (int si = 0; si < ns; si++) {
        const RtSimScen *rs = &m->res->scen[si];
        const Scen *x = &m->scen[si];
        Acc *a = &t->acc[si];
        const int64_t *out = pt->outs + (size_t)si * maxout;
        int differs = pt->ok[si] != pt->ok[0];
        /* the same as the base in the outputs that count: their totals are the base's (nsame) */
        int same = x->nsame && pt->ok[si] && pt->ok[0] &&
                   !memcmp(out + x->eq_lo, base + x->eq_lo, (size_t)x->eq_n * sizeof *out);
        if (x->nsame && !same && pt->ok[0])
            for (int i = 0; i < x->nsame; i++) {
                const SimMoney *q = &x->mo[i];
                int64_t v = base[q->b];
                if (v != POLRT_NONE)
                    a->totals[q->k] -= (RtWide)v * w;
            }
        if (!pt->ok[si]) {
            note_failure(a, r, pt->err_code[si], pt->err_loc[si]);
        } else {
            a->settled++;
            for (int i = same ? x->nsame : 0; i < x->nmo; i++) {
                const SimMoney *q = &x->mo[i];
                int64_t v = out[q->o];
                if (v != POLRT_NONE)
                    a->totals[q->k] += (RtWide)v * w;
            }
            differs |= si > 0 && pt->ok[0] && !same && counted_change(x, base, out);
            int64_t oop = rs->oop >= 0 && out[rs->oop] != POLRT_NONE ? out[rs->oop] : 0;
            int capped = rs->cap >= 0 && out[rs->cap] != POLRT_NONE && out[rs->cap] > 0;
            sum_oop[si] = SIM_ADD(sum_oop[si], oop, 0);
            int64_t *ys = ps->years + 1 + si;
            for (int e = 0; e < nent; e++) {
                int64_t *v = ys + (size_t)ent[e] * stride;
                *v = SIM_ADD(*v, oop, capped);
            }
        }
        if (si > 0 && differs) {
            a->aff_claims++;
            a->aff_claims_w += w;
            sum_oop[si] |= 1; /* a claim differs (SIM_FLAG) */
        }
    }
    return m->o->changes ? changed_rows(m, t, pt, pps, r) : 0;
}

static int acc_init(Sim *m, Acc *a)
{
    memset(a, 0, sizeof *a);
    /* a thread's, written at every claim: on lines of their own (rt_int.h) */
    a->totals = rt_alloc_lines(((size_t)m->money_n + 1) * sizeof *a->totals, 1);
    a->dist = rt_alloc_lines((size_t)m->ngroups * sizeof *a->dist, 1);
    return !a->totals || !a->dist ? -1 : 0;
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

/* ---- the sink's hooks -------------------------------------------------------------------- */

static int thread_init(void *self, RtPThread *pt)
{
    Sim *m = self;
    SimT *t = &m->th[pt->id];
    memset(t, 0, sizeof *t);
    t->maxout = (size_t)rt_pipe_maxout(pt->pipe); /* asked once, not a call a claim */
    t->acc = rt_alloc_lines((size_t)m->nscen * sizeof *t->acc, 1);
    if (!t->acc)
        return -1;
    for (int i = 0; i < m->nscen; i++)
        if (acc_init(m, &t->acc[i]) < 0)
            return -1;
    return 0;
}

/* the end of a person's claims: the person-years into the distributions */
static int person_end(void *self, RtPThread *pt, RtPState *ps)
{
    Sim *m = self;
    SimT *t = &m->th[pt->id];
    SimPS *x = RT_PSTATE_EXTRA(ps);
    int claimed = x->years != NULL; /* a good claim was settled */
    int rc = claimed ? finalize(m, t, ps) : 0;
    if (claimed) {
        t->claim_persons++;
        t->claim_persons_w += ps->p->weight;
    }
    x->years = NULL;
    x->nyears = x->cap_years = 0;
    return rc;
}

/* a person whose person_end comes soon (the pipeline's end walk): its entries past SIM_INLINE
 * and its first identity, which fold_years reads, fetched now; they were its misses (perf) */
static void person_ahead(void *self, const RtPState *ps)
{
    Sim *m = self;
    const SimPS *x = RT_PSTATE_EXTRA(ps);
    if (x->years && x->years != SIM_ENTRIES(x, m->nscen)) {
        __builtin_prefetch(x->years);
        __builtin_prefetch((const char *)x->years + RT_CACHE_LINE);
    }
    if (ps->p->nspans > 0)
        __builtin_prefetch(ps->p->hist);
}

/* the --changes file open, its header written (started as every CSV for people, as the
 * report's CSV files: rt_out_bom): 0, or -1 (message in err) */
static int changes_open(Sim *m, int input_bom, char *err, size_t errlen)
{
    if (rt_out_open(&m->changes, strcmp(m->o->changes, "-") ? m->o->changes : NULL, err, errlen) <
        0)
        return -1;
    m->changes_open = 1;
    rt_out_bom(&m->changes, input_bom);
    fputs("claim_id,person_id,scenario,output,label,base,value,difference\n", m->changes.f);
    return 0;
}

/* --changes: after each batch, its claims' rows in input order (as polc run writes results);
 * the file is opened at the first batch, once the claims header was read */
static int batch(void *self, RtPipe *p, RtBlock *blocks, size_t n, char *err, size_t errlen)
{
    Sim *m = self;
    if (!m->changes_open && changes_open(m, rt_pipe_stats(p)->bom, err, errlen) < 0) {
        m->code = polrt_exit_for_errno(errno); /* memory, a full disk: 4 */
        return -1;
    }
    for (size_t bi = 0; bi < n; bi++)
        for (size_t k = 0; k < blocks[bi].nrows; k++) {
            const RtRow *row = &blocks[bi].rows[k];
            if (row->status == RT_ROW_OK && row->out_len)
                fwrite(m->th[row->thread].chg.p + row->out_off, 1, row->out_len, m->changes.f);
        }
    for (int i = 0; i < m->nthreads; i++)
        m->th[i].chg.n = 0;
    if (ferror(m->changes.f)) {
        int e = rt_out_errno(&m->changes);
        snprintf(err, errlen, "cannot write %s: %s", m->o->changes, strerror(e));
        m->code = polrt_exit_for_errno(e);
        return -1;
    }
    return 0;
}

static void sim_free_threads(Sim *m)
{
    for (int i = 0; m->th && i < m->nthreads; i++) {
        for (int k = 0; m->th[i].acc && k < m->nscen; k++)
            acc_free(m, &m->th[i].acc[k]);
        polrt_realloc(m->th[i].acc, 0);
        polrt_realloc(m->th[i].chg.p, 0);
        rt_pool_free(&m->th[i].years);
    }
    polrt_realloc(m->th, 0);
    m->th = NULL;
}

/* ---- set-up and results ------------------------------------------------------------------ */

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

/* The breakdown's dimensions into m->dims: the --by claim fields (default "level" when the
 * policy has it) and the person's first identity (the first enum field of the history).
 * 0, -1 (memory), -2 (usage, m->err). */
static int add_dims(Sim *m)
{
    const RtSchema *s = m->s;
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
    m->res->dims = m->dims; /* the results own it from here, errors or not */
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
    if (m->ngroups > 0xffff) { /* SIM_KEY holds a group in 16 bits */
        sim_error(m, "--by: %d groups, at most 65535", m->ngroups);
        return -2;
    }
    return 0;
}

/* The groups of the results: "all", then each dimension's values (enum members or false/true)
 * and "(none)", with their labels. 0, or -1 (memory). */
static int name_groups(Sim *m)
{
    const RtSchema *s = m->s;
    PolSim *res = m->res;
    size_t ng = (size_t)m->ngroups;
    res->group_name = polrt_realloc(NULL, ng * sizeof *res->group_name);
    res->group_label = polrt_realloc(NULL, ng * sizeof *res->group_label);
    res->group_dim = polrt_realloc(NULL, ng * sizeof *res->group_dim);
    if (!res->group_name || !res->group_label || !res->group_dim)
        return -1;
    memset(res->group_name, 0, ng * sizeof *res->group_name);
    memset(res->group_label, 0, ng * sizeof *res->group_label);
    /* counted only now: polrt_sim_free frees ngroups names, which must not be garbage when
     * an allocation above failed (test_oom) */
    res->ngroups = m->ngroups;
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

/* The breakdown: its dimensions and groups, in m and in the results; 0, -1 (memory), -2
 * (usage, m->err) */
static int set_dims(Sim *m)
{
    int k = add_dims(m);
    if (k < 0)
        return k;
    m->res->ndims = m->ndims;
    m->res->dims = m->dims;
    m->tdim = m->ndims > 0 && !m->dims[0].person ? 0 : -1;
    return name_groups(m);
}

/* The compared outputs (the base's money outputs), the payers among them (the outputs of role
 * payer when the policy says which are, spec/LANGUAGE.md "Outputs", else every money output)
 * and the own payment and cap outputs; 0, -1 (memory), -2 (usage, m->err) */
static int set_outputs(Sim *m)
{
    PolSim *res = m->res;
    const RtSchema *s = m->s;
    m->money = polrt_realloc(NULL, ((size_t)s->noutputs + 1) * sizeof *m->money);
    if (!m->money)
        return -1;
    m->money_n = 0;
    for (int i = 0; i < s->noutputs; i++)
        if (s->outputs[i].type.kind == RT_MONEY)
            m->money[m->money_n++] = i;
    res->money = m->money;
    res->nmoney = m->money_n;
    if (!(res->pay = polrt_realloc(NULL, ((size_t)m->money_n + 1) * sizeof *res->pay)))
        return -1;
    int roles = 0, patient = -1;
    for (int i = 0; i < s->noutputs; i++) {
        roles |= s->outputs[i].role != RT_ROLE_NONE;
        if (s->outputs[i].role == RT_ROLE_PATIENT && patient < 0)
            patient = i;
    }
    res->npay = 0;
    for (int k = 0; k < m->money_n; k++)
        if (!roles || s->outputs[m->money[k]].role == RT_ROLE_PAYER)
            res->pay[res->npay++] = k;
    /* the patient's share is the own payment */
    static const char *const oop_words[] = {"patient", "own", NULL};
    static const char *const cap_words[] = {"backstop", "cap", NULL};
    res->oop = m->o->oop      ? named_output(m, "--oop", m->o->oop)
               : patient >= 0 ? patient
                              : output_like(s, oop_words);
    res->cap = m->o->cap ? named_output(m, "--cap", m->o->cap) : output_like(s, cap_words);
    return res->oop == -2 || res->cap == -2 ? -2 : 0;
}

/* Scenario i: its engine's outputs matched to the base's by name, in m->scen[i] and in the
 * results; 0, -1 (memory), -2 (usage: it reads other data than the base, m->err) */
static int set_scenario(Sim *m, const PolSimScenario *sc, int i)
{
    PolSim *res = m->res;
    const RtSchema *s = m->s;
    char why[MSG_MAX];
    Scen *x = &m->scen[i];
    RtSimScen *rs = &res->scen[i];
    x->e = sc[i].engine;
    x->s = rt_engine_schema(x->e);
    const RtSchema *t = x->s;
    if (!(x->out_of = polrt_realloc(NULL, ((size_t)s->noutputs + 1) * sizeof *x->out_of)))
        return -1;
    for (int k = 0; k < s->noutputs; k++)
        x->out_of[k] = output_index(t, s->outputs[k].name);
    if (i > 0 && rt_pipe_same_data(s, t, why, sizeof why) < 0) {
        sim_error(m, "scenario '%s' reads other data than the base: %s", sc[i].name, why);
        return -2;
    }
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
    if (!(x->mo = polrt_realloc(NULL, ((size_t)m->money_n + 1) * sizeof *x->mo)))
        return -1;
    x->nmo = 0;
    for (int k = 0; k < m->money_n; k++)
        if (rs->out_of[k] >= 0)
            x->mo[x->nmo++] = (SimMoney){k, rs->out_of[k], i ? res->scen[0].out_of[k] : -1,
                                         rt_output_counts(&s->outputs[m->money[k]])};
    int lo = INT_MAX, hi = -1, same = 1;
    for (int k = 0; k < x->nmo; k++) {
        const SimMoney *q = &x->mo[k];
        if (!q->counts || q->b < 0)
            continue;
        same &= q->o == q->b;
        lo = q->o < lo ? q->o : lo;
        hi = q->o + 1 > hi ? q->o + 1 : hi;
    }
    x->eq_lo = same && hi > lo ? lo : 0;
    x->eq_n = same && hi > lo ? hi - lo : -1;
    x->nsame = 0;
    for (int k = 0; i > 0 && x->eq_n >= 0 && k < x->nmo; k++)
        if (x->mo[k].counts && x->mo[k].b >= 0) { /* to the front: the order is no matter */
            SimMoney q = x->mo[k];
            x->mo[k] = x->mo[x->nsame];
            x->mo[x->nsame++] = q;
        }
    rs->oop = res->oop >= 0 ? output_index(t, s->outputs[res->oop].name) : -1;
    rs->cap = res->cap >= 0 ? output_index(t, s->outputs[res->cap].name) : -1;
    return 0;
}

/* the scenarios' layout in m and in the results; -1 (memory), -2 (usage, m->err) */
static int set_scenarios(Sim *m, const PolSimScenario *sc, int n)
{
    PolSim *res = m->res;
    m->scen = polrt_realloc(NULL, (size_t)n * sizeof *m->scen);
    res->scen = polrt_realloc(NULL, (size_t)n * sizeof *res->scen);
    if (!m->scen || !res->scen)
        return -1;
    memset(m->scen, 0, (size_t)n * sizeof *m->scen);
    memset(res->scen, 0, (size_t)n * sizeof *res->scen);
    res->nscen = m->nscen = n;
    int k = set_outputs(m);
    for (int i = 0; k == 0 && i < n; i++)
        k = set_scenario(m, sc, i);
    if (k < 0)
        return k;
    const RtSchema *b = m->scen[0].s;
    m->date_idx = b->claim_date ? rt_schema_field(b->claim, b->nclaim, b->claim_date) : -1;
    return 0;
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

/* bits a digit of rt_sim_sort_vw sorts by: amounts in fen differ in their low 20-30 bits,
 * 2-3 passes of 11 where bytes took 3-4, with tables (8 KB each) still in the L1 cache */
#define SIM_DIGIT_BITS 11
#define SIM_DIGITS     (1 << SIM_DIGIT_BITS)

/* sim_int.h: a least-significant-digit radix sort on the bits that differ between the values
 * (the sign bit flipped, so negatives come first), SIM_DIGIT_BITS at a time; bits alike in
 * every value (money's top bytes) leave the order as it stands. qsort with a comparison
 * callback took 181 M instructions of a county-sized simulate's 1,677 M (callgrind: the
 * 104,638 claims of polc gen --persons 30000, base + one reform, -j 1); a sort by the 8 bytes
 * 34 M, by the bytes that differ 29 M; the same tables and report. */
int rt_sim_sort_vw(int64_t *vw, size_t n)
{
    if (n < 2)
        return 0;
    uint64_t all = ~UINT64_C(0), any = 0;
    for (size_t i = 0; i < n; i++) {
        all &= (uint64_t)vw[2 * i];
        any |= (uint64_t)vw[2 * i];
    }
    if (all == any)
        return 0; /* one value throughout */
    int lo = __builtin_ctzll(all ^ any), hi = 63 - __builtin_clzll(all ^ any);
    int npass = (hi - lo + SIM_DIGIT_BITS) / SIM_DIGIT_BITS;
    int64_t *tmp = polrt_realloc(NULL, 2 * n * sizeof *tmp);
    uint32_t(*count)[SIM_DIGITS] = calloc((size_t)npass, sizeof *count);
    if (!tmp || !count) {
        polrt_realloc(tmp, 0);
        free(count);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        uint64_t u = ((uint64_t)vw[2 * i] ^ (UINT64_C(1) << 63)) >> lo;
        for (int q = 0; q < npass; q++)
            count[q][(u >> (SIM_DIGIT_BITS * q)) & (SIM_DIGITS - 1)]++;
    }
    int64_t *src = vw, *dst = tmp;
    for (int q = 0; q < npass; q++) {
        int shift = lo + SIM_DIGIT_BITS * q;
        size_t at[SIM_DIGITS], sum = 0;
        for (int k = 0; k < SIM_DIGITS; k++) {
            at[k] = sum;
            sum += count[q][k];
        }
        for (size_t i = 0; i < n; i++) {
            uint64_t u = (uint64_t)src[2 * i] ^ (UINT64_C(1) << 63);
            size_t j = at[(u >> shift) & (SIM_DIGITS - 1)]++;
            dst[2 * j] = src[2 * i];
            dst[2 * j + 1] = src[2 * i + 1];
        }
        int64_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != vw)
        memcpy(vw, src, 2 * n * sizeof *vw);
    polrt_realloc(tmp, 0);
    free(count);
    return 0;
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
        if (rt_sim_sort_vw(vw, nv) < 0) {
            polrt_realloc(vw, 0);
            return -1;
        }
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
            for (int k = 0; i == 0 && k < m->scen[si].nsame; k++) { /* claim(): less the base */
                int q = m->scen[si].mo[k].k;
                rs->totals[q] += res->scen[0].totals[q];
            }
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
        res->claim_persons += m->th[i].claim_persons;
        res->claim_persons_w += m->th[i].claim_persons_w;
    }
    return 0;
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
    polrt_realloc(r->pay, 0);
    polrt_realloc(r, 0);
}

/* ---- across ranks (runtime/cluster.h) ----------------------------------------------------- */

/* A rank's accumulators as bytes, for rank 0: its thread count, then per thread its counts
 * and per scenario its Acc (totals, counts, bands, kept failure reasons with their examples,
 * and per group the distribution: its exact values or its histogram), in this file's own
 * layout: every rank runs this same polc. */
static void put(RtLine *l, const void *p, size_t n)
{
    if (n) /* p may be NULL then (no values): memcpy must not see it */
        rt_line_add(l, p, n);
}

static void put_acc(Sim *m, RtLine *l, const Acc *a)
{
    put(l, a->totals, (size_t)m->money_n * sizeof *a->totals);
    int64_t c[] = {a->settled,     a->failed,        a->aff_claims,   a->aff_claims_w,
                   a->aff_persons, a->aff_persons_w, a->other_failed, a->nreasons};
    put(l, c, sizeof c);
    put(l, a->band_n, sizeof a->band_n);
    put(l, a->band_w, sizeof a->band_w);
    put(l, a->band_sum, sizeof a->band_sum);
    for (int k = 0; k < a->nreasons; k++) {
        const RtSimReason *x = &a->reasons[k];
        int64_t e = x->example ? (int64_t)strlen(x->example) : -1;
        int64_t r[] = {x->code, x->loc, x->count, x->seq, e};
        put(l, r, sizeof r);
        if (e > 0)
            put(l, x->example, (size_t)e);
    }
    for (int g = 0; g < m->ngroups; g++) {
        const Dist *d = &a->dist[g];
        int64_t h[] = {d->n,           d->w, d->capped_n, d->capped_w, d->max, (int64_t)d->nvals,
                       d->hist != NULL};
        put(l, h, sizeof h);
        put(l, &d->sum, sizeof d->sum);
        put(l, d->buckets, sizeof d->buckets);
        put(l, d->vals, 2 * d->nvals * sizeof *d->vals);
        if (d->hist)
            put(l, d->hist, SIM_HBUCKETS * sizeof *d->hist);
    }
}

/* reading what put_acc wrote: -1 when the bytes run out */
typedef struct Rd {
    const char *p, *end;
} Rd;

static int get(Rd *rd, void *v, size_t n)
{
    if (n == 0)
        return 0;
    if ((size_t)(rd->end - rd->p) < n)
        return -1;
    memcpy(v, rd->p, n);
    rd->p += n;
    return 0;
}

/* one thread's Acc (initialised by acc_init) from rd: 0, or -1 (memory, short) */
static int get_acc(Sim *m, Rd *rd, Acc *a)
{
    int64_t c[8];
    if (get(rd, a->totals, (size_t)m->money_n * sizeof *a->totals) < 0 ||
        get(rd, c, sizeof c) < 0 || get(rd, a->band_n, sizeof a->band_n) < 0 ||
        get(rd, a->band_w, sizeof a->band_w) < 0 || get(rd, a->band_sum, sizeof a->band_sum) < 0 ||
        c[7] < 0 || c[7] > RT_SIM_MAX_REASONS)
        return -1;
    a->settled = c[0], a->failed = c[1], a->aff_claims = c[2], a->aff_claims_w = c[3];
    a->aff_persons = c[4], a->aff_persons_w = c[5], a->other_failed = c[6];
    for (int k = 0; k < (int)c[7]; k++) {
        RtSimReason *x = &a->reasons[a->nreasons++];
        memset(x, 0, sizeof *x);
        int64_t r[5];
        if (get(rd, r, sizeof r) < 0 || r[4] > rd->end - rd->p)
            return -1;
        x->code = r[0], x->loc = r[1], x->count = r[2], x->seq = r[3];
        if (r[4] >= 0) {
            if (!(x->example = polrt_realloc(NULL, (size_t)r[4] + 1)))
                return -1;
            get(rd, x->example, (size_t)r[4]);
            x->example[r[4]] = '\0';
        }
    }
    for (int g = 0; g < m->ngroups; g++) {
        Dist *d = &a->dist[g];
        int64_t h[7];
        if (get(rd, h, sizeof h) < 0 || get(rd, &d->sum, sizeof d->sum) < 0 ||
            get(rd, d->buckets, sizeof d->buckets) < 0 || h[5] < 0 || h[5] > (rd->end - rd->p) / 16)
            return -1;
        d->n = h[0], d->w = h[1], d->capped_n = h[2], d->capped_w = h[3], d->max = h[4];
        if (h[5] && rt_grow(&d->vals, &d->cap_vals, 2 * (size_t)h[5], sizeof *d->vals) < 0)
            return -1;
        d->nvals = (size_t)h[5];
        get(rd, d->vals, 2 * d->nvals * sizeof *d->vals);
        if (h[6]) {
            if (!(d->hist = polrt_realloc(NULL, SIM_HBUCKETS * sizeof *d->hist)) ||
                get(rd, d->hist, SIM_HBUCKETS * sizeof *d->hist) < 0)
                return -1;
        }
    }
    return 0;
}

/* Across ranks, after the pipeline: every rank's thread accumulators to rank 0, where the
 * other ranks' threads join its own (m->th grows), so merge_results sees one process's
 * threads: sums in any order, exact percentiles over every value, one example per reason by
 * its rank in the file. A collective. 0, or -1 (memory, a short message: error set). */
static int gather_ranks(Sim *m, const RtCluster *c)
{
    RtLine l = {0};
    int64_t nt = m->nthreads;
    put(&l, &nt, sizeof nt);
    for (int i = 0; i < m->nthreads; i++) {
        int64_t cp[] = {m->th[i].claim_persons, m->th[i].claim_persons_w};
        put(&l, cp, sizeof cp);
        for (int si = 0; si < m->nscen; si++)
            put_acc(m, &l, &m->th[i].acc[si]);
    }
    char **all = polrt_realloc(NULL, (size_t)c->size * sizeof *all);
    size_t *lens = polrt_realloc(NULL, (size_t)c->size * sizeof *lens);
    int rc = l.oom || !all || !lens || c->gather(c, l.p, l.n, all, lens) < 0 ? -1 : 0;
    polrt_realloc(l.p, 0);
    for (int k = 1; rc == 0 && c->rank == 0 && k < c->size; k++) {
        Rd rd = {all[k], all[k] + lens[k]};
        int64_t n;
        SimT *th;
        if (get(&rd, &n, sizeof n) < 0 || n < 1 || n > 256 ||
            !(th = polrt_realloc(m->th, ((size_t)m->nthreads + (size_t)n) * sizeof *th))) {
            rc = -1;
            break;
        }
        m->th = th;
        for (int64_t i = 0; i < n && rc == 0; i++) {
            SimT *t = &m->th[m->nthreads++];
            memset(t, 0, sizeof *t);
            int64_t cp[2];
            if (!(t->acc = polrt_realloc(NULL, (size_t)m->nscen * sizeof *t->acc)) ||
                get(&rd, cp, sizeof cp) < 0) {
                rc = -1;
                break;
            }
            memset(t->acc, 0, (size_t)m->nscen * sizeof *t->acc);
            t->claim_persons = cp[0], t->claim_persons_w = cp[1];
            for (int si = 0; si < m->nscen && rc == 0; si++)
                rc = acc_init(m, &t->acc[si]) < 0 || get_acc(m, &rd, &t->acc[si]) < 0 ? -1 : 0;
        }
    }
    if (all && c->rank == 0 && rc == 0)
        polrt_realloc(all[0], 0);
    polrt_realloc(all, 0);
    polrt_realloc(lens, 0);
    if (rc < 0)
        sim_error(m, "out of memory, or a rank's accumulators arrived short");
    return rc;
}

/* ---- polrt_sim_run ------------------------------------------------------------------------ */

/* the claims through the pipeline, the simulation as its sink: rt_pipe_run's exit code,
 * its figures into m->res */
static int sim_pipeline(Sim *m, const PolSimScenario *sc, int n, const char *rejects,
                        const char *prejects)
{
    const PolSimOpts *o = m->o;
    PolEngine **engines = polrt_realloc(NULL, (size_t)n * sizeof *engines);
    if (!engines) {
        sim_error(m, "out of memory");
        return POLRT_EXIT_SYSTEM;
    }
    for (int i = 0; i < n; i++)
        engines[i] = sc[i].engine;
    RtPipeOpts po = {
        .claims = o->claims,
        .persons = o->persons,
        .rejects = rejects,
        .prejects = prejects,
        .remove_stale = o->rejects != NULL, /* the default name may be polc run's */
        .weight = o->weight,
        .threads = m->nthreads,
        .progress = o->progress == 1 || (o->progress < 0 && isatty(2)),
        .verb = "simulating",
        .encoding = o->encoding,
        .max_told = SIM_MAX_TOLD,
        .cluster = o->cluster,
    };
    RtPipeSink sink = {
        .self = m,
        .pstate_extra =
            SIM_ENTRIES_OFF(m->nscen) + SIM_INLINE * SIM_STRIDE(m->nscen) * sizeof(int64_t),
        .thread_init = thread_init,
        .claim = claim,
        .person_end = person_end,
        .person_ahead = person_ahead,
        .batch = m->o->changes ? batch : NULL,
    };
    RtPipeStats st;
    int rc = rt_pipe_run(engines, n, &po, &sink, &st, m->err, sizeof m->err);
    polrt_realloc(engines, 0);
    if (rc == POLRT_EXIT_USAGE && m->code)
        rc = m->code;
    if (rc == POLRT_EXIT_USAGE || rc == POLRT_EXIT_SYSTEM)
        m->failed = 1;
    m->unread = rc == POLRT_EXIT_DATA; /* rejected rows alone return 0 (rt_pipe_run) */
    if (rc == 0 || rc == 3) {
        PolSim *res = m->res;
        res->nclaims = st.claims;
        res->npersons = st.npersons;
        res->persons_w = st.persons_w;
        res->rejected = st.rejected;
        res->empty_rows = st.empty_rows;
    }
    return rc;
}

/* What a simulation refuses before it starts: 0, or the exit code (the message printed) */
static int sim_refused(const PolSimScenario *sc, int n, const PolSimOpts *o, const char *rejects)
{
    if (!sc || n < 1 || !o || !o->claims) {
        fprintf(stderr, "%s: simulate needs a base scenario and a claims file\n", opts_program());
        return 2;
    }
    /* a person-year's entry marks the scenarios whose cap bound in one 64-bit word (SimPS) */
    if (n > 64) {
        fprintf(stderr, "%s: simulate: %d scenarios, at most 64\n", opts_program(), n);
        return 2;
    }
    /* each rank knows only its persons' changed claims, and one file has one writer */
    if (o->changes && o->cluster && o->cluster->size > 1) {
        fprintf(stderr, "%s: --changes is not a job for %d ranks yet: run it alone\n",
                opts_program(), o->cluster->size);
        return 2;
    }
    char err[1024];
    if (o->labels && rt_labels_on(NULL, o->labels, err, sizeof err) < 0) {
        fprintf(stderr, "%s: %s\n", opts_program(), err);
        return 2;
    }
    if (rt_sim_outputs_apart(o, rejects, err, sizeof err) < 0) {
        fprintf(stderr, "%s: %s\n", opts_program(), err);
        return 2;
    }
    return 0;
}

/* The scenarios set up, the claims settled, the ranks' figures gathered and the results
 * merged (rank 0); a failure reported (to every rank too). The exit code. */
static int sim_settle(Sim *m, const PolSimScenario *sc, int n, const char *rejects,
                      const char *prejects)
{
    const RtCluster *cl = m->o->cluster;
    int rc = 2;
    int k = set_dims(m);
    if (k == 0)
        k = set_scenarios(m, sc, n);
    if (k == -1) {
        sim_error(m, "out of memory");
        rc = POLRT_EXIT_SYSTEM;
    }
    if (k == 0) {
        rc = sim_pipeline(m, sc, n, rejects, prejects);
        if (cl && (rc == 0 || rc == 3) && gather_ranks(m, cl) < 0)
            rc = POLRT_EXIT_SYSTEM;
        /* across ranks, rank 0 alone has the results */
        int merge = rc == 0 && (!cl || cl->rank == 0);
        if (merge && merge_results(m) < 0) {
            sim_error(m, "out of memory");
            rc = POLRT_EXIT_SYSTEM;
        } else if (merge) {
            rc = m->res->rejected ? 3 : 0;
            /* a what-if is no settlement: claims that failed leave it complete for the others
             * (exit 0), but are not in the totals, so stderr says so even under -q */
            if (rt_sim_failed(m->res, NULL, 0)) {
                fprintf(stderr, "%s: simulate: ", opts_program());
                rt_sim_failed(m->res, stderr, 0);
                fputs(" (the report's failures table says why)\n", stderr);
            }
        }
    }
    if (m->failed) {
        if (rc != POLRT_EXIT_SYSTEM)
            rc = POLRT_EXIT_USAGE;
        /* across ranks a failure stops every rank: the others may be waiting for this one */
        if (cl)
            cl->fail(cl, rc, m->err[0] ? m->err : "failed");
        /* a message the pipeline printed itself (a file's line: no --weight column) leaves
         * err empty: nothing more to say (an empty "polc: " line followed it) */
        if (m->err[0])
            fprintf(stderr, "%s: %s\n", opts_program(), m->err);
    }
    return rc;
}

/* --changes in place only after a complete run (rejected rows aside), as polc run's results;
 * a stopped run leaves an earlier file alone. The exit code, rc unless the file fails. */
static int changes_finish(Sim *m, int rc)
{
    if (m->o->changes && (rc == 0 || rc == 3) && !m->unread) {
        char err[MSG_MAX];
        if ((!m->changes_open && changes_open(m, 0, err, sizeof err) < 0) ||
            rt_out_commit(&m->changes, err, sizeof err) < 0) {
            rc = polrt_exit_for_errno(errno); /* before fprintf may change errno */
            fprintf(stderr, "%s: %s\n", opts_program(), err);
        }
        m->changes_open = 0;
    }
    if (m->changes_open)
        rt_out_abort(&m->changes);
    return rc;
}

POLRT_API int polrt_sim_run(const PolSimScenario *sc, int n, const PolSimOpts *o, PolSim **out)
{
    if (out)
        *out = NULL;
    const char *rejects = o && o->rejects ? o->rejects : "rejects.csv";
    int refused = sim_refused(sc, n, o, rejects);
    if (refused)
        return refused;
    int64_t t0 = rt_now_ns();
    Sim sim = {0}, *m = &sim;
    m->o = o;
    m->s = rt_engine_schema(sc[0].engine);
    m->nthreads = o->threads < 1 ? 1 : o->threads > 256 ? 256 : o->threads;
    char *prejects = rt_pipe_persons_rejects(rejects);
    PolSim *res = polrt_realloc(NULL, sizeof *res);
    m->th = rt_alloc_lines((size_t)m->nthreads * sizeof *m->th, 1);
    if (!res || !prejects || !m->th) {
        polrt_realloc(res, 0);
        polrt_realloc(prejects, 0);
        polrt_realloc(m->th, 0);
        fprintf(stderr, "%s: out of memory\n", opts_program());
        return POLRT_EXIT_SYSTEM;
    }
    memset(res, 0, sizeof *res);
    m->res = res;
    res->base = m->s;
    res->threads = m->nthreads;
    res->weighted = o->weight != NULL;
    res->weight_col = o->weight;
    res->claims_path = o->claims;
    res->persons_path = o->persons;
    res->rejects_path = rejects;
    res->sweep = o->sweep;
    res->labels = rt_labels_on(m->s, o->labels, NULL, 0); /* (a bad word refused before) */
    res->mode = "streamed";
    int rc = changes_finish(m, sim_settle(m, sc, n, rejects, prejects));
    sim_free_threads(m);
    for (int i = 0; m->scen && i < m->nscen; i++) {
        polrt_realloc(m->scen[i].out_of, 0);
        polrt_realloc(m->scen[i].mo, 0);
    }
    polrt_realloc(m->scen, 0);
    polrt_realloc(prejects, 0);
    res->seconds = (double)(rt_now_ns() - t0) / 1e9;
    const RtCluster *cl = o->cluster;
    if (rc == POLRT_EXIT_USAGE || rc == POLRT_EXIT_SYSTEM || m->unread || !out ||
        (cl && cl->rank != 0)) {
        polrt_sim_free(res);
        return rc;
    }
    *out = res;
    return rc;
}
