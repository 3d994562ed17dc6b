/* gen.h — polc gen's generator: a synthetic population for the seed policies
 * (spec/SIMULATE.md §1), written as DIR/persons.csv and DIR/claims.csv. cli/gen.c reads the
 * command line; this is the tool itself, apart from what an engine carries. */
#ifndef POLC_GEN_H
#define POLC_GEN_H

#include <stdint.h>

/* the most persons gen writes: 100 million rows is past any county's population and keeps
 * ids at a fixed 9 digits; beyond it the files would not fit a spreadsheet tool anyway */
#define GEN_MAX_PERSONS 100000000L
/* years in --years: more than the calendar ships */
#define GEN_MAX_YEARS 16

typedef struct GenOpts {
    long persons;       /* 0 to GEN_MAX_PERSONS */
    uint64_t seed;      /* the same seed writes the same bytes */
    const char *dir;    /* created when missing */
    const int *years;   /* claim years, each in the shipped calendar; NULL: all it ships */
    int nyears;         /* 1 to GEN_MAX_YEARS */
    double claim_scale; /* multiplies claim rates, above 0 and at most 20 */
    int weights;        /* add a weight column to persons.csv */
    int progress;       /* 1 always, 0 never, -1 when stderr is a terminal */
    /* claim dates (admission and discharge) only on from <= day < to (a policy's validity,
     * --policy); each POLRT_NONE when open. A year outside them has no claims. */
    int64_t valid_from, valid_to;
} GenOpts;

/* write both files (temp + rename, both complete before either is renamed); 0, or 2 after a
 * message on stderr */
int gen_population(const GenOpts *o);

#endif
