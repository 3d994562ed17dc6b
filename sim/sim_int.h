/* sim_int.h — private to sim/: the merged results of a simulation, as simulate.c makes them
 * and report.c shows them. */
#ifndef POLC_SIM_INT_H
#define POLC_SIM_INT_H

#include "pipeline.h"
#include "polsim.h"

/* Σ weight × amount: weights are millionths and amounts fen, so a population of millions
 * with amounts in the millions of yuan needs more than 64 bits; exact in any order */
__extension__ typedef __int128 RtWide;

/* bands of a person's change in own payment (yuan, scenario − base), report.c's names:
 * less by >1000, 100-1000, 10-100, 1-10, 0.01-1, unchanged, more by 0.01-1, ... >1000 */
#define RT_SIM_NBANDS    11
#define RT_SIM_UNCHANGED 5
/* buckets of the yearly own-payment chart: 0, (0,100], (100,500], (500,1000], (1000,3000],
 * (3000,5000], (5000,10000], above 10000 yuan */
#define RT_SIM_NOOPB 8
/* failure reasons kept per scenario (code and place); the rest are counted together */
#define RT_SIM_MAX_REASONS 16

/* the yearly own payment of one group of person-years, summarised */
typedef struct RtSimStat {
    int64_t n;                        /* person-years with a settled claim */
    int64_t w;                        /* their weight (millionths; 1000000 each when unweighted) */
    int64_t capped_n, capped_w;       /* those at the cap: the cap output paid on one of them */
    RtWide sum;                       /* Σ weight × own payment */
    int64_t mean, p50, p90, p99, max; /* fen; percentiles by nearest rank over weights */
    int approx;                       /* percentiles from the histogram (above RT_SIM_EXACT_MAX) */
    int64_t buckets[RT_SIM_NOOPB];    /* weight per chart bucket */
} RtSimStat;

typedef struct RtSimReason {
    int64_t code, loc; /* POLRT_E_*, index into the schema's locs (-1 none) */
    int64_t count;
    int64_t seq;   /* the example's rank in the claims file */
    char *example; /* where it is: "line N" of the claims file (never its claim id) */
    char *text;    /* "no version in force ... (line 3, col 1)" */
} RtSimReason;

/* one scenario's results */
typedef struct RtSimScen {
    const char *name, *source, *x_text;
    double x;
    const RtSchema *s;
    int *out_of;                         /* per compared output (PolSim.money): index here, or -1 */
    int oop, cap;                        /* own-payment and cap outputs here, or -1 */
    RtWide *totals;                      /* per compared output: Σ weight × amount */
    int64_t settled, failed;             /* claims */
    int64_t aff_claims, aff_persons;     /* differ from the base (counts) */
    int64_t aff_claims_w, aff_persons_w; /* the same, weighted */
    int64_t band_n[RT_SIM_NBANDS], band_w[RT_SIM_NBANDS];
    RtWide band_sum[RT_SIM_NBANDS]; /* Σ weight × change (fen) per band */
    RtSimStat *groups;              /* per group of PolSim */
    RtSimReason reasons[RT_SIM_MAX_REASONS];
    int nreasons;
    int64_t other_failed; /* failures past the kept reasons */
} RtSimScen;

/* a dimension of the breakdown: a claim field, or the person's first identity */
typedef struct RtSimDim {
    const char *name; /* the field's name */
    int person;       /* 1: first history row of the person; 0: the claim's */
    int field;        /* index in the schema's claim or history fields */
    int first;        /* its first group in PolSim.groups; n values + "(none)" */
    int n;            /* groups (members, or false/true, then "(none)") */
} RtSimDim;

struct PolSim {
    int nscen;
    RtSimScen *scen; /* [0] is the base */
    const RtSchema *base;
    int nmoney;
    int *money; /* the base's money outputs compared (indices) */
    int npay;
    int *pay;     /* of them (indices into money), the payers: those of role payer when the
                     policy gives roles, else all (the cost tables and charts show these) */
    int oop, cap; /* base output indices (-1: none) */
    int ndims;
    RtSimDim *dims;
    int ngroups;        /* 1 (all person-years) + the dimensions' groups */
    char **group_name;  /* "county", "(none)"; [0] "all" */
    char **group_label; /* "县区", or NULL */
    int *group_dim;     /* the group's dimension, -1 for [0] */
    int weighted;
    const char *weight_col;
    const char *claims_path, *persons_path, *rejects_path;
    const char *sweep; /* the swept parameter, or NULL */
    int labels;        /* the workbook's sheets and headings in Chinese (PolSimOpts.labels) */
    int64_t nclaims;   /* good claim rows */
    int64_t rejected, empty_rows;
    int64_t npersons, persons_w;            /* persons in the persons file */
    int64_t claim_persons, claim_persons_w; /* persons with a good claim */
    int threads;
    const char *mode; /* "streamed", "streamed (persons interleaved)", "sorted" */
    double seconds;
};

/* n (value, weight) pairs, 2n int64s, into ascending order of value, each pair kept whole, for
 * the exact percentiles (which read the values only: equal values may come in any order of
 * weight): 0, or -1 (memory) */
int rt_sim_sort_vw(int64_t *vw, size_t n);
/* "1,234,567.89" for a weighted sum: Σ w × fen / 1000000, rounded half away from zero */
int64_t rt_wide_fen(RtWide v);
/* The claims that failed to settle, per scenario ("failed to settle, not in the totals: 2
 * claims in base, 1 claim in X"), written to f (NULL: only counted; html: names escaped): the
 * scenarios with a failed claim. The report's header and simulate's note on stderr. */
int rt_sim_failed(const PolSim *m, FILE *f, int html);
/* the outputs of a simulation (--changes, --xlsx, the --report directory's files) apart from
 * its inputs and from each other (rt_outputs_apart, as polc run's): 0, or -1 with the
 * message in err. report.c, which names the report's files. */
int rt_sim_outputs_apart(const PolSimOpts *o, const char *rejects, char *err, size_t errlen);

#endif
