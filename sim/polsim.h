/* polsim.h — what-if simulation over the batch pipeline (sim/; spec/SIMULATE.md): the
 * analysis half of polc, apart from the settlement runtime (libpolrt) a deployed engine
 * carries. Linked into polc as libpolsim. */
#ifndef POLSIM_H
#define POLSIM_H

#include "polrt.h"

/* ==== Simulations (simulate.c, report.c) ==================================================
 * Several scenarios (a base policy, reforms, parameter variants) settle the same claims in
 * one pass: each scenario keeps its own ledgers, persons are partitioned over threads, and
 * the results are the same for any thread count. */
typedef struct PolSimScenario {
    const char *name;   /* "base", a reform's name, "cap=4000" (shown in reports) */
    const char *source; /* where it came from (a path, "--set ..."), or NULL */
    PolEngine *engine;  /* settles this scenario; the first scenario is the base */
    double x;           /* a sweep point's parameter value (charts), else 0 */
    const char *x_text; /* the value as the user wrote it ("4000 yuan"), or NULL */
} PolSimScenario;
typedef struct PolSimOpts {
    const char *claims;    /* claims CSV (required) */
    const char *persons;   /* persons CSV (NULL: the policy reads no person data) */
    const char *rejects;   /* rejected rows (NULL: rejects.csv) */
    const char *weight;    /* persons column weighting every total (NULL: each counts 1) */
    const char *oop;       /* output of the patient's own payment (NULL: the first output
                              whose name contains "patient" or "own") */
    const char *cap;       /* output > 0 when the annual cap bound (NULL: the first whose
                              name contains "backstop" or "cap"; none: no at-cap share) */
    const char *const *by; /* claim enum/bool fields to break down by (NULL: "level") */
    int nby;
    int threads;          /* -j N (>= 1) */
    int progress;         /* 1 force, 0 never, -1 when stderr is a terminal */
    const char *sweep;    /* the swept parameter's name: scenarios 1.. are its points */
    const char *changes;  /* CSV of every claim an output of which differs between the base and
                             a scenario, both values (spec/SIMULATE.md "--changes"); NULL: none */
    const char *encoding; /* the inputs' text encoding (NULL: detected; PolRunOpts) */
    /* the MPI job polc was started in (runtime/cluster.h, spec/SCALE.md); NULL: alone. Every
     * rank settles its persons' claims; rank 0 alone gets the results (*out), the others NULL */
    const struct RtCluster *cluster;
    /* what the caller writes after the run (polrt_sim_write_report's directory, _xlsx's
     * workbook; NULL: none): refused before the run, as --changes is, when one of its files
     * would replace an input or another output (exit 2) */
    const char *report, *xlsx;
    /* the workbook's words (--labels): "zh" its sheets and headings in Chinese, "names" in
     * English; NULL: zh when the base policy labels an output (as polc run's results) */
    const char *labels;
} PolSimOpts;
typedef struct PolSim PolSim;
/* Run the simulation: 0 ok, 2 usage/IO (message printed), 3 some rows were rejected (the
 * results cover the good ones) or the input could not be read (a header lacking a column:
 * nothing settled). *out receives the results unless the run stopped (2, 4) or settled
 * nothing (3 without results: write no report over an earlier one). */
POLRT_API int polrt_sim_run(const PolSimScenario *sc, int n, const PolSimOpts *o, PolSim **out);
/* aligned tables for a terminal */
POLRT_API void polrt_sim_print(const PolSim *sim, FILE *f);
/* DIR/totals.csv, changes.csv, oop.csv, breakdown.csv, failures.csv (sweep.csv) and a
 * self-contained DIR/report.html with inline SVG charts; written atomically. 0, or -1 with
 * a message in err. */
POLRT_API int polrt_sim_write_report(const PolSim *sim, const char *dir, char *err, size_t errlen);
/* the same tables as sheets of one Excel workbook (numbers as numbers, two-decimal amounts
 * in a 0.00 format, frozen headers), written atomically. 0, or -1 with a message in err. */
POLRT_API int polrt_sim_write_xlsx(const PolSim *sim, const char *path, char *err, size_t errlen);
POLRT_API void polrt_sim_free(PolSim *sim);

#endif
