/* rt_int.h — private to runtime/: the parsed schema and the pieces the runtime's files share.
 * Never included by compiler/ code or by compiled policies. */
#ifndef POLC_RT_INT_H
#define POLC_RT_INT_H

#include "polrt.h"

typedef enum {
    RT_MONEY,
    RT_RATE,
    RT_INT,
    RT_BOOL,
    RT_DATE,
    RT_ENUM,
    RT_DURATION,
} RtKind;

typedef enum { RT_DAYS, RT_WORKDAYS, RT_MONTHS, RT_YEARS } RtUnit;

typedef struct RtType {
    RtKind kind;
    int enum_idx;   /* RT_ENUM: index into RtSchema.enums */
    RtUnit unit;    /* RT_DURATION */
    int optional;   /* "T?": an empty cell is POLRT_NONE */
} RtType;

typedef struct RtEnum {
    char *name;
    int n;          /* members */
    char **names;   /* member names as declared */
    char **labels;  /* Chinese labels (NULL when none) */
} RtEnum;

typedef struct RtField {
    char *name;
    char *label;    /* alternative column header (NULL when none) */
    RtType type;
    int has_default;
    int64_t def;    /* encoded default value */
} RtField;

typedef struct RtLedger {
    char *name;
    char *key;      /* how the key is computed, as policy text (for messages) */
    int nfields;
    RtField *fields;
    int offset;     /* first field's index in the concatenated ledger arrays */
} RtLedger;

typedef struct RtOutput {
    char *name;
    RtType type;
    int rule;       /* index into rules */
} RtOutput;

typedef struct RtVersion {
    int64_t from, to;   /* days; to == POLRT_NONE when open */
    int offset, width;  /* into the params table */
} RtVersion;

typedef struct RtParam {
    char *name;
    RtType type;
    int index_enum;     /* -1 when scalar; else the enum the table is indexed by */
    int brackets;       /* 1 for progressive brackets */
    char *cites;
    int line;
    int nversions;
    RtVersion *versions;
} RtParam;

typedef struct RtBranch {
    char *name;         /* "default", an exception's name, or "from YYYY-MM-DD" */
    char *cites;
    int line;
} RtBranch;

typedef struct RtRule {
    char *name;
    RtType type;
    char *cites;
    char *doc;
    int line, col;
    int nbranches;
    RtBranch *branches;
} RtRule;

typedef struct RtLoc {
    char *rule;
    int line, col;
} RtLoc;

typedef struct RtSchema {
    char *policy, *source, *file, *sha256, *compiler, *built, *claim_date;
    int64_t valid_from, valid_to;   /* POLRT_NONE when open */
    int nenums;
    RtEnum *enums;
    int nclaim, nperson, nhist;
    RtField *claim, *person, *hist;
    int nledgers, nledger_fields;   /* nledger_fields: all ledgers' fields together */
    RtLedger *ledgers;
    int noutputs;
    RtOutput *outputs;
    int nparams;
    RtParam *params;
    size_t nparam_values;           /* length of the params table */
    int nrules;
    RtRule *rules;
    int nlocs;
    RtLoc *locs;
} RtSchema;

/* schema.c: parse the embedded JSON (cJSON); 0 on success, else -1 and a message */
int rt_schema_parse(const char *json, RtSchema *s, char *err, size_t errlen);
void rt_schema_free(RtSchema *s);
/* parse one CSV cell as a value of type t: 0 ok, else -1 with *why a static reason such as
 * "not a date (expected YYYY-MM-DD)" or "unknown Level label '三甲'" (written to why_buf) */
int rt_parse_value(const RtSchema *s, const RtType *t, const char *cell, size_t n, int64_t *out,
                   char *why_buf, size_t why_len);
/* format a value for results and explanations ("1234.56", "80%", "2026-03-01", "county") */
char *rt_format_value(const RtSchema *s, const RtType *t, int64_t v, char *buf, size_t len);

/* every runtime allocation goes through one hook, so tests can make it fail */
void *polrt_realloc(void *p, size_t n);
/* test hook (money.c): let the next n allocations succeed and fail every one after, until
 * called again; n < 0 (the default) never fails. Frees (n == 0 in polrt_realloc) always work. */
void polrt_test_fail_alloc_after(long n);

/* the supported years of dates (dates.c, calendar.c): a closed range, so year and month
 * arithmetic never overflows and the calendar table has a fixed size. It spans the birth
 * dates of every living insured person and any plausible policy horizon. */
#define RT_YEAR_MIN 1900
#define RT_YEAR_MAX 2199

/* ==== csvin.c, run.c (data in, results out) ============================================ */

/* A streaming CSV reader (csvin.c, on libcsv): UTF-8 with an optional BOM, LF or CRLF,
 * quoted cells with commas, quotes and newlines. Reads in chunks, one record in memory. */
typedef struct RtCsv RtCsv;
typedef struct RtRecord {
    int64_t line;           /* physical line (1-based) where the record starts */
    int64_t offset;         /* byte offset of its first byte (rt_csv_seek goes back there) */
    int nfields;            /* cells (0 when error is set) */
    char **field;           /* the cells unquoted, each NUL-terminated; unquoted cells lose
                               surrounding blanks, the first cell of the file its BOM */
    size_t *len;            /* their lengths in bytes */
    const char *raw;        /* the record's bytes exactly as in the file, line end included */
    size_t nraw;
    const char *error;      /* NULL, or why the record has no usable cells (bad quotes,
                               not UTF-8): the record is still delimited and raw is valid */
} RtRecord;
/* NULL with "cannot open F: reason" in err */
RtCsv *rt_csv_open(const char *path, char *err, size_t errlen);
/* the next record, valid until the next call: 1, or 0 at the end, or -1 on an I/O error or
 * a runaway record (rt_csv_errmsg). Blank lines are skipped. */
int rt_csv_next(RtCsv *c, RtRecord *r);
/* continue reading at a record start seen before (RtRecord.offset and .line) */
int rt_csv_seek(RtCsv *c, int64_t offset, int64_t line);
const char *rt_csv_errmsg(const RtCsv *c);
int64_t rt_csv_size(const RtCsv *c);    /* file size at open, -1 when not a regular file */
int64_t rt_csv_offset(const RtCsv *c);  /* bytes consumed so far (progress) */
void rt_csv_close(RtCsv *c);
/* s[0..n) is well-formed UTF-8 */
int rt_utf8_valid(const char *s, size_t n);

#endif
