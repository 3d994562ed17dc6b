/* rt_int.h — private to runtime/: the parsed schema and the pieces the runtime's files share.
 * Never included by compiler/ code or by compiled policies. */
#ifndef POLC_RT_INT_H
#define POLC_RT_INT_H

#include "opts.h" /* opts_program(): the name every message begins with */
#include "polrt.h"

#include <string.h>
#include <sys/types.h>

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
    int enum_idx; /* RT_ENUM: index into RtSchema.enums */
    RtUnit unit;  /* RT_DURATION */
    int fen;      /* RT_MONEY: cells are integer fen ("money:fen", `money in fen`), else yuan */
    int optional; /* "T?": an empty cell is POLRT_NONE */
} RtType;

typedef struct RtEnum {
    char *name;
    int n;         /* members */
    char **names;  /* member names as declared */
    char **labels; /* Chinese labels (NULL when none) */
} RtEnum;

typedef struct RtField {
    char *name;
    char *label; /* alternative column header (NULL when none) */
    RtType type;
    int has_default;
    int64_t def; /* encoded default value */
} RtField;

typedef struct RtLedger {
    char *name;
    char *key;       /* how the key is computed, as policy text (for messages) */
    char *key_field; /* the claim field whose year is the key (NULL: lifetime, or another
                        expression) */
    int nfields;
    RtField *fields;
    int offset; /* first field's index in the concatenated ledger arrays */
} RtLedger;

/* what an output is to a reader (spec/SCHEMA.md "outputs"): money a fund pays, the patient's
 * share, information, or an amount the hospital bears; RT_ROLE_NONE when the policy does not
 * say. In the order of the schema's role words (schema.c) */
typedef enum {
    RT_ROLE_NONE,
    RT_ROLE_PAYER,
    RT_ROLE_PATIENT,
    RT_ROLE_INFO,
    RT_ROLE_HOSPITAL
} RtRole;

typedef struct RtOutput {
    char *name;
    char *label; /* the heading a person reads (NULL when none) */
    RtType type;
    int rule; /* index into rules */
    RtRole role;
} RtOutput;

typedef struct RtVersion {
    int64_t from, to;  /* days; to == POLRT_NONE when open */
    int offset, width; /* into the params table */
} RtVersion;

typedef struct RtParam {
    char *name;
    RtType type;
    int index_enum; /* -1 when scalar; else the enum the table is indexed by */
    int brackets;   /* 1 for progressive brackets */
    char *cites;
    int line;
    int nversions;
    RtVersion *versions;
} RtParam;

typedef struct RtBranch {
    char *name; /* "default", an exception's name, or "from YYYY-MM-DD" */
    char *cites;
    int line;
} RtBranch;

typedef struct RtRule {
    char *name;
    char *label; /* what the rule computes, in the notice's words (NULL when none) */
    RtType type;
    char *cites;
    char *doc;
    int line, col;
    int nbranches;
    RtBranch *branches;
    int nargs;     /* 0: a context rule */
    RtField *args; /* the arguments' names and types (explanations show a call's arguments) */
} RtRule;

typedef struct RtLoc {
    char *rule;
    int line, col;
    int param, member; /* a read of a table member the policy marks unknown (the param's
                          index and the member), else -1 */
    int best;          /* a max (1) or min (2) over history whose candidates are traced, or 0 */
    RtType type;       /* best: the candidates' type */
} RtLoc;

/* reject "message" when CONDITION: one of the policy's input checks on a claim row */
typedef struct RtReject {
    char *message; /* what is wrong with the row, as the policy says it */
    int line;      /* of the declaration */
} RtReject;

typedef struct RtSchema {
    char *policy, *source, *file, *sha256, *compiler, *built, *claim_date;
    int64_t valid_from, valid_to; /* POLRT_NONE when open */
    int nenums;
    RtEnum *enums;
    int nclaim, nperson, nhist;
    RtField *claim, *person, *hist;
    int span_from, span_to;       /* the history's `from` and `to` dates (its span), -1 when none */
    int nledgers, nledger_fields; /* nledger_fields: all ledgers' fields together */
    RtLedger *ledgers;
    int noutputs;
    RtOutput *outputs;
    int nparams;
    RtParam *params;
    size_t nparam_values; /* length of the params table */
    int nrules;
    RtRule *rules;
    int nlocs;
    RtLoc *locs;
    int nrejects; /* polc_check's results index this list */
    RtReject *rejects;
} RtSchema;

/* schema.c: parse the embedded JSON (cJSON); 0 on success, else -1 and a message */
int rt_schema_parse(const char *json, RtSchema *s, char *err, size_t errlen);
void rt_schema_free(RtSchema *s);
/* parse one CSV cell as a value of type t: 0 ok, else -1 with *why a static reason such as
 * "not a date (expected YYYY-MM-DD)" or "unknown Level label '三甲'" (written to why_buf) */
/* a cell of spaces only (ASCII or U+3000) */
int rt_cell_blank(const char *s, size_t n);
/* a cell as the value of field f: blank -> the declared default, else parsed, money >= 0;
 * 0, or -1 with "column: reason" in why */
int rt_bind_cell(const RtSchema *s, const RtField *f, const char *column, const char *cell,
                 size_t n, int64_t *v, char *why, size_t len);
int rt_parse_value(const RtSchema *s, const RtType *t, const char *cell, size_t n, int64_t *out,
                   char *why_buf, size_t why_len);
/* format a value for results and explanations ("1234.56", "80%", "2026-03-01", "county") */
char *rt_format_value(const RtSchema *s, const RtType *t, int64_t v, char *buf, size_t len);

/* every runtime allocation goes through one hook, so tests can make it fail */
void *polrt_realloc(void *p, size_t n);
/* test hook (money.c): let the next n allocations succeed and fail every one after, until
 * called again; n < 0 (the default) never fails. Frees (n == 0 in polrt_realloc) always work. */
void polrt_test_fail_alloc_after(long n);

/* The one writer of decimal digits (money.c's tables): amounts, rates, ints and dates are
 * all written by rt_digits_back32, two digits at a time from the right (half the
 * divisions; the results rows of 1 M claims format 10 M amounts), a value past 2^32 first
 * cut down by 64-bit steps. Inline, as the results rows need it: below 2^32, dividing by
 * 100 is a multiply and a shift, half the 64-bit sequence. money.c's digit loop, out.c's
 * two and dates.c's were three writers before. */
/* "s" after a count that is not 1: "1 row imported", "2 rows imported" */
static inline const char *rt_plural(int64_t n)
{
    return n == 1 ? "" : "s";
}
extern const char rt_two_digits[200]; /* "00" to "99" */
extern const uint64_t rt_pow10[20];   /* 10^k */
/* the decimal digits of u (1 for 0), counted from its bit length: 1233 / 4096 is log10 2
 * close enough below 2^64; u | 1 has the digits of u, 10^k being even, and a bit length */
static inline size_t rt_ndigits(uint64_t u)
{
    unsigned t = ((64u - (unsigned)__builtin_clzll(u | 1)) * 1233u) >> 12;
    return t + ((u | 1) >= rt_pow10[t]);
}
/* the digits of y written backwards ending just before end: where the first one is */
static inline __attribute__((always_inline)) char *rt_digits_back32(char *end, uint32_t y)
{
    char *q = end;
    for (; y >= 100; y /= 100) {
        q -= 2;
        memcpy(q, rt_two_digits + 2 * (y % 100), 2);
    }
    if (y >= 10) {
        q -= 2;
        memcpy(q, rt_two_digits + 2 * y, 2);
    } else
        *--q = (char)('0' + y);
    return q;
}
/* u's digits at w (room for 20): past the last; 64-bit steps only while u needs them */
static inline __attribute__((always_inline)) char *rt_put_digits(char *w, uint64_t u)
{
    w += rt_ndigits(u);
    char *q = w;
    for (; u > UINT32_MAX; u /= 100) {
        q -= 2;
        memcpy(q, rt_two_digits + 2 * (u % 100), 2);
    }
    rt_digits_back32(q, (uint32_t)u);
    return w;
}
/* y < 10^width as exactly width digits, zeros first ("2026", "03"), at w: past the last */
static inline __attribute__((always_inline)) char *rt_put_digits0(char *w, uint32_t y, int width)
{
    memset(w, '0', (size_t)width); /* a constant width: a store or two */
    rt_digits_back32(w + width, y);
    return w + width;
}

/* the supported years of dates (dates.c, calendar.c): a closed range, so year and month
 * arithmetic never overflows and the calendar table has a fixed size. It spans the birth
 * dates of every living insured person and any plausible policy horizon. */
#define RT_YEAR_MIN 1900
#define RT_YEAR_MAX 2199

/* ==== engine.c, schema.c, ledger.c, session.c, explain.c (the runtime's core) ========== */

/* schema limits: a malformed schema must fail with a message, never make the runtime
 * allocate without bound. No real policy comes near them. */
#define RT_MAX_ITEMS        100000    /* entries of any schema array (fields, rules, ...) */
#define RT_MAX_PARAM_VALUES (1 << 24) /* params table length: 128 MiB of int64 */
#define RT_MAX_LINE         10000000  /* source lines and columns */

/* A loaded policy (opaque PolEngine of polrt.h). The schema JSON is not copied: it is the
 * caller's (polrt_engine_new) or the .so's; the params table is owned so it can be replaced. */
struct PolEngine {
    RtSchema schema;         /* parsed from json */
    const char *json;        /* the schema text (not owned) */
    int64_t *params;         /* owned copy, schema.nparam_values entries */
    PolSettleFn settle;      /* traced: fills branch, pver, pidx (explanations) */
    PolSettleFn settle_fast; /* untraced, same results (polc_settle_fast); settle when none */
    PolKeysFn keys;
    PolCheckFn check; /* the policy's reject checks on a claim row, or NULL */
    void *user;       /* passed through to PolCtx.user */
    void *dl;         /* dlopen handle (polrt_engine_open), else NULL */
    int date_idx;     /* the claim field that is PolCtx.asof (schema claim_date), or -1 */
    /* settle_fast or polc_keys reads the memo in PolCtx.rule_state, which must then be
     * zeroed per claim: 1 unless the engine says otherwise (POLRT_FAST_NO_MEMO in
     * polc_fast_flags) and no ledger's key is an expression (engine.c, keys_read_memo) */
    int fast_memo;
    /* settle_fast writes every ledger field after reading them, none when it fails
     * (POLRT_FAST_LEDGER_IN_PLACE): after need not be copied from before for it, and the
     * pipeline settles a person's one ledger row in place (pipeline.c, settle_in_place) */
    int fast_in_place;
};
const RtSchema *rt_engine_schema(const PolEngine *e);

/* What an explanation shows beyond the per-rule arrays (PolCtx.trace, explain.c): the history
 * spans the rules' aggregates visited, and each distinct call of a rule with arguments with
 * its value, in the order the values became known. Zero-initialise; reset before each claim. */
typedef struct RtTrace {
    int64_t *span; /* per history row: 1 when read (nspan entries: up to the last read) */
    size_t nspan, cap_span;
    int64_t *calls;   /* records of 3 + nargs words: rule, value, nargs, the arguments */
    size_t ncalls;    /* words used */
    size_t cap_calls; /* words allocated */
    int64_t *picks;   /* triples: loc of a max/min over history, span, its candidate value */
    size_t npicks;    /* words used */
    size_t cap_picks; /* words allocated */
    int lost;         /* memory ran out while recording: the record is incomplete */
} RtTrace;
void rt_trace_reset(RtTrace *t);
void rt_trace_free(RtTrace *t);

/* parse a type string ("money", "enum:Level", "date?", ...) against s's enums: 0 or -1 */
int rt_schema_type(const RtSchema *s, const char *text, RtType *t);
const char *rt_schema_type_text(const RtSchema *s, const RtType *t, char *buf, size_t len);
/* index of the named field in fields[0..n), or -1 */
int rt_schema_field(const RtField *fields, int n, const char *name);
/* the policy's validity in words, into buf: "2017-04-07 to 2026-12-31", "from 2017-04-07" */
char *rt_schema_validity(const RtSchema *s, char *buf, size_t len);
/* a short name of an error code ("amount overflow", ...) */
const char *rt_err_text(int64_t code);
/* the calendar's years in use, as "2017 to 2026, 2030" into buf (len >= 32), or NULL when
 * none (calendar.c; for POLRT_E_CALENDAR's message) */
char *rt_calendar_years(char *buf, size_t len);
/* "amount overflow in rule basic_pay (line 41, col 9)" for a failed settle; for
 * POLRT_E_REJECTED (loc: the check's index in s->rejects) the check's own message */
char *rt_err_describe(const RtSchema *s, int64_t code, int64_t loc, char *buf, size_t len);
/* the one wording of a claim that failed to settle (run's "error: ..." status, a session's
 * message): "dated 2017-01-20, outside the policy's validity" for a claim (dated asof)
 * outside it, else rt_err_describe's */
char *rt_failure_text(const RtSchema *s, int64_t code, int64_t loc, int64_t asof, char *buf,
                      size_t len);
/* The policy's input checks on one claim row (claim fields in schema order): 0 it passes,
 * 1 it is rejected: *code is POLRT_E_REJECTED and *loc the failed check's index, or the
 * check itself failed (an overflow, say) with its code and place (rt_err_describe words
 * both). pver: scratch of s->nparams (generated code records the parameter versions it
 * reads). A claim dated outside the policy's validity passes: nothing is in force then,
 * and settling it reports that. Callers make sure an engine whose schema lists checks has
 * a check function (rt_engine_can_check). */
int rt_engine_check(const PolEngine *e, const int64_t *claim, int64_t *pver, int64_t *code,
                    int64_t *loc);
/* The same for many claims under one landing place, which the caller sets (ctx->jmp) and
 * catches: a failed check long-jumps there with ctx->err_code and err_loc, to be worded as
 * rt_engine_check's *code and *loc. rt_engine_checks: the engine has checks to run (else
 * every claim passes). rt_engine_check_ctx: ctx for them, pver as above. rt_engine_check_in:
 * one claim, 0 it passes, 1 rejected (*code POLRT_E_REJECTED, *loc the check). A setjmp and a
 * context a claim were ~110 instructions of a ~10-instruction check (Panji, callgrind). */
int rt_engine_checks(const PolEngine *e);
void rt_engine_check_ctx(const PolEngine *e, PolCtx *ctx, int64_t *pver);
int rt_engine_check_in(const PolEngine *e, PolCtx *ctx, const int64_t *claim, int64_t *code,
                       int64_t *loc);
/* 0, or -1 with a message when the schema lists checks and the engine has no polc_check */
int rt_engine_can_check(const PolEngine *e, char *err, size_t errlen);

/* A hash map of caller-owned entries by 64-bit hash (ledger.c): open addressing with linear
 * probing; the caller compares keys. Zero-initialise to start empty.
 * A map whose entries hold a tag of their hash (tag_in set before the first put: the entry's
 * uint32_t rt_map_tag of it) places entries by their tags and keeps 16 bits of each per slot
 * (tags) rather than its hash: 10 bytes a slot rather than 16, at 2-4 slots an entry (the
 * persons of a run: ~40 MB less at 2.9 M of them). The entry's own tag is read only where a
 * slot's 16 bits agree: read at every slot, the entries of a probe run missed the caches
 * (the persons file's merge: rt_map_find 34 -> 94-104 perf samples, 10 M claims). Two keys
 * whose tags agree are told apart by the caller's comparison, as are two whose hashes do. */
typedef struct RtMap {
    size_t cap, n;    /* slots (a power of two, or 0), entries */
    uint64_t *hashes; /* per slot; meaningful when the slot holds an entry (NULL with tag_in) */
    uint16_t *tags;   /* with tag_in, per slot: its entry's tag's high 16 bits */
    void **slots;     /* entries, NULL when free */
    size_t tag_in;    /* 0, or RT_MAP_TAG_IN: where each entry holds its tag */
} RtMap;
/* tag_in of a map of entries of type T holding their tag in uint32_t member M */
#define RT_MAP_TAG_IN(T, M) (offsetof(T, M) + 1)
/* the tag of hash h that an entry of a map with tag_in holds */
static inline uint32_t rt_map_tag(uint64_t h)
{
    return (uint32_t)(h ^ (h >> 32));
}
#define RT_HASH_SEED UINT64_C(14695981039346656037)          /* FNV-1a 64-bit offset basis */
uint64_t rt_hash_bytes(uint64_t h, const void *p, size_t n); /* FNV-1a; start at RT_HASH_SEED */
uint64_t rt_hash_i64(uint64_t h, int64_t v);
/* find: the entry with hash h for which eq(entry, key) != 0, or NULL */
void *rt_map_find(const RtMap *m, uint64_t h, int (*eq)(const void *entry, const void *key),
                  const void *key);
int rt_map_put(RtMap *m, uint64_t h, void *entry); /* insert (not present): 0, or -1 (memory) */
/* the lines find and put of h will read, fetched ahead (a table of persons misses the caches) */
void rt_map_prefetch(const RtMap *m, uint64_t h);
/* room for extra more entries without growing again: 0, or -1 (memory; m unchanged) */
int rt_map_reserve(RtMap *m, size_t extra);
/* take out the entry find would return and give it back (the caller frees it), or NULL */
void *rt_map_remove(RtMap *m, uint64_t h, int (*eq)(const void *entry, const void *key),
                    const void *key);
void rt_map_free(RtMap *m);  /* the slots, not the entries (iterate slots[0..cap) first) */
void rt_map_clear(RtMap *m); /* no entries, the slots kept (entries not freed) */

/* Ledger stores (ledger.c): per (person, ledger, key) the ledger's int64 fields, plus the
 * settled claims (the audit trail). In memory, or SQLite when a path is given. One store may
 * serve several sessions (threads); a person is settled by one session at a time. */
typedef struct RtStore RtStore;
/* A person's ledger rows, as a session holds them while it settles the person: each claim
 * reaches them directly. SQLite rows are read from the file once (when first held, or again
 * after another process wrote the file) and written back at commit. */
typedef struct RtLedgerPerson RtLedgerPerson;
/* one settled claim, as stored: the arrays are sized by the schema (claim, outputs, ledgers,
 * nledger_fields twice) and are read by rt_ledger_save, written by rt_ledger_find */
typedef struct RtClaimRec {
    const char *claim_id, *person_id;
    const int64_t *fields; /* the claim's input fields */
    int64_t *out, *keys, *before, *after;
} RtClaimRec;
/* key: an encrypted SQLite ledger's (ledger_key.c), copied into the store; NULL or len 0: a
 * plain ledger */
typedef struct RtLedgerKey RtLedgerKey;
/* The store: in memory (path NULL), an SQLite file or a postgresql:// database. read_only:
 * opened to read (polc explain, polc ledger export): nothing created, upgraded or recorded (a
 * ledger that needs either is refused, saying what makes or upgrades it), no write lock, no
 * transaction held; each read is its own short one, so writers go on. What is saved, settled
 * again or set is kept in memory over the file's for the store's life, never written. */
RtStore *rt_ledger_open(const RtSchema *s, const char *path, const RtLedgerKey *key, int read_only,
                        char *err, size_t errlen);
/* rt_ledger_open's read_only for a dry run (polc ledger import --dry-run): read-only, and a
 * ledger not made yet (no SQLite file, or a file or database without polc's tables) is an
 * empty one in memory, so every row is checked as an import into it would check it, and
 * nothing is created */
#define RT_LEDGER_READ_OR_EMPTY 2
/* A SQLite ledger kept by another number of ranks than nranks (files DB.rankKofM, M not
 * nranks; alone, nranks 1: any M): its persons' rows are where this would not look, so their
 * claims would be settled again, and a new DB would be one no run reads (spec/SCALE.md).
 * 0; or -1 with the message in err, whose fix is a run on M ranks (cmd NULL: polc run) or,
 * for cmd ("polc ledger import"), one rank's file. */
int rt_ledger_ranks_agree(const char *db, int nranks, const char *cmd, char *err, size_t errlen);
/* a ledger that is read, not created: 0 when db is a PostgreSQL URL or a file there; else the
 * exit code (polrt_exit_for_errno), "cannot open ledger DB: why" in err */
int rt_ledger_exists(const char *db, char *err, size_t errlen);
/* db names a PostgreSQL ledger (postgresql:// or postgres://), not a file */
int rt_ledger_is_pg(const char *db);
/* how a message names ledger db: "ledger DB" (in buf), or "the ledger" for a PostgreSQL one,
 * whose URL may hold a password (spec/DATA.md) */
const char *rt_ledger_said(const char *db, char *buf, size_t len);
RtStore *rt_ledger_retain(RtStore *st); /* one more owner (a forked session) */
void rt_ledger_close(RtStore *st);      /* the last owner closes it */
/* group claims into one transaction: commit makes every claim saved so far durable, by any
 * session of the store; without begin each rt_ledger_save commits on its own. A failed
 * commit rolls the whole transaction back (its claims are lost, as if the process had been
 * killed). No-ops in memory. */
int rt_ledger_begin(RtStore *st, char *err, size_t errlen);
/* commit: 0; -1 failed (nothing of it kept); -2 the connection to a PostgreSQL ledger broke
 * at COMMIT: whether the server committed is not known (a claim of it, sent again, answers
 * already settled if it did) */
int rt_ledger_commit(RtStore *st, char *err, size_t errlen);
/* an SQLite ledger written to: its commits are durable against a power cut only once its log
 * is synced (synchronous=NORMAL, spec/DATA.md), which rt_ledger_sync does, from any thread:
 * 0, or -1 (err set) */
int rt_ledger_needs_sync(const RtStore *st);
int rt_ledger_sync(RtStore *st, char *err, size_t errlen);
/* A PostgreSQL ledger's connection (ledger.c "the connection lost and found again"): lost
 * now, how many times so far, when the next try is due, the last loss's reason. */
typedef struct RtLink {
    int lost;
    long losses;
    int64_t wait_ms;
    char why[200];
} RtLink;
/* RT_LINK_PROBE: an idle connection checked without blocking, but for the query of
 * rt_ledger_answer_within (skipped, -1, while a transaction holds the store); RT_LINK_RETRY: a lost
 * one made again when its try is due. 0 with l filled, or -1 (not PostgreSQL, or busy) */
enum { RT_LINK_PROBE, RT_LINK_RETRY };
int rt_ledger_link(RtStore *st, int mode, RtLink *l);
/* a PostgreSQL ledger: the server's answer to a statement awaited at most ms (0, the default:
 * as long as it takes), after which the connection is lost; and PROBE then asks an idle
 * connection a query (at most once a second) to see a server that answers nothing */
void rt_ledger_answer_within(RtStore *st, int ms);
/* undo the open transaction (its claims are lost, as if the process had been killed; cached
 * rows are read again); no-op in memory or outside a transaction */
void rt_ledger_rollback(RtStore *st);
/* claim r->claim_id already settled? 0 no; 1 yes, same person and fields: out, keys, before
 * and after filled from the store; 2 yes, with another person or other fields (a conflict,
 * said in err); -1 error (I/O, memory) */
int rt_ledger_find(RtStore *st, RtClaimRec *r, char *err, size_t errlen);
/* In an open transaction, the claim ids about to be settled and their persons' rows looked
 * up at once (PostgreSQL: one round trip; rt_ledger_find then answers the claims not stored,
 * and rt_ledger_hold_rows the persons, without asking). Elsewhere nothing to do. 0, or -1
 * with a message. */
int rt_ledger_prefetch(RtStore *st, const char *const *ids, size_t n, const char *const *pids,
                       size_t np, char *err, size_t errlen);
int rt_ledger_prefetches(const RtStore *st); /* 1 when rt_ledger_prefetch saves round trips */
/* the settled claim r->claim_id as stored, whoever it was settled for (an audit's reprint):
 * 1 found, its fields (schema "claim" order) into fields, its person into person[0..plen),
 * out, keys, before and after into r; 0 no such claim; -1 error (message in err) */
int rt_ledger_get(RtStore *st, RtClaimRec *r, int64_t *fields, char *person, size_t plen, char *err,
                  size_t errlen);
/* the same of a reversed claim (reversed_claims: its record as it was when reversed, the
 * latest reversal's), and when it was reversed into at[0..atlen) */
int rt_ledger_get_reversed(RtStore *st, RtClaimRec *r, int64_t *fields, char *person, size_t plen,
                           char *at, size_t atlen, char *err, size_t errlen);
/* A store in memory keeps every settled claim (the audit trail that answers "already
 * settled") unless told not to: a batch run that checked its file for duplicate ids itself
 * needs none, and then the store's memory does not grow with the claims and no claim id is
 * looked up. SQLite stores always keep them (that is what a persistent ledger is for). */
void rt_ledger_keep_claims(RtStore *st, int keep);
int rt_ledger_keeps_claims(const RtStore *st); /* 1 when claims are kept (SQLite: always) */
int rt_ledger_is_memory(const RtStore *st);    /* no file: the store is the ledger */
/* A file's or database's store keeps up to `persons` forgotten persons' rows findable (0, the
 * default: none), so a person's next claim reads its rows from memory, not the file, unless
 * another process wrote the file since; a store in memory or read-only ignores it. */
void rt_ledger_keep(RtStore *st, size_t persons);
const char *rt_ledger_path(const RtStore *st); /* the file, or NULL */
/* The person's rows, held by the caller until rt_ledger_release: made empty when new. hash:
 * rt_hash_bytes(RT_HASH_SEED, person_id, strlen(person_id)). NULL when out of memory. */
RtLedgerPerson *rt_ledger_hold(RtStore *st, const char *person_id, uint64_t hash, char *err,
                               size_t errlen);
/* let go of a person; forget: as rt_ledger_forget too */
void rt_ledger_release(RtStore *st, RtLedgerPerson *lp, int forget);
/* the person's ledger rows leave memory (a memory store forgets them; SQLite keeps them in
 * the file, and in memory until written): for a person none of whose claims is still to come */
void rt_ledger_forget(RtStore *st, const char *person_id);
/* every ledger's fields for the person under keys[] (zeros when new) into vals */
int rt_ledger_load(RtStore *st, RtLedgerPerson *lp, const int64_t *keys, int64_t *vals, char *err,
                   size_t errlen);
/* record the claim and r->after as the ledgers' new values, atomically: 0 done; 1 the claim
 * id was stored before or meanwhile (nothing written); 2 the rows loaded for it are stale,
 * another process wrote the file since (nothing written: load and settle it again); -1 error
 * (nothing written) */
int rt_ledger_save(RtStore *st, RtLedgerPerson *lp, const RtClaimRec *r, char *err, size_t errlen);

/* A ledger's history (SQLite and PostgreSQL stores; memory stores keep none). A ledger row
 * knows the date of the latest claim that wrote it; with late_check on, rt_ledger_save
 * refuses a claim dated before that for one of its rows with 3 (late: nothing written): the
 * caller settles the person's later claims again (spec/DATA.md "Late claims"). Off by
 * default. */
void rt_ledger_late_check(RtStore *st, int on);
/* a stored claim: its record (arrays of the schema's sizes, one allocation from fields) */
typedef struct RtStoredClaim {
    char *claim_id;
    int64_t seq;  /* the order it was stored in (0: before numbers were kept) */
    int64_t date; /* its claim date, or POLRT_NONE */
    int64_t *fields, *out, *keys, *before, *after;
} RtStoredClaim;
/* the person's settled claims in date order (then the order stored): 0, or -1 (message) */
int rt_ledger_person_claims(RtStore *st, const char *person_id, RtStoredClaim **list, size_t *n,
                            char *err, size_t errlen);
void rt_ledger_claims_free(RtStoredClaim *c, size_t n);
/* the opening balance imported for the person's row of ledger l under key: 1 with its audit
 * detail in buf ("ledger annual 2017: opening balance from FILE:LINE: field value, ..."), or
 * 0 (none, or it could not be read: an explanation goes without it) */
int rt_ledger_opening(RtStore *st, const char *person_id, int l, int64_t key, char *buf,
                      size_t len);
/* the person's rows read from the store when stale (for the calls below): 0, or -1 */
int rt_ledger_hold_rows(RtStore *st, RtLedgerPerson *lp, char *err, size_t errlen);
/* ledger l's fields of the row under key into vals (all ledgers' layout; zeros when none)
 * and its latest claim date into *last: 1 the row exists, 0 not */
int rt_ledger_row(RtStore *st, RtLedgerPerson *lp, int l, int64_t key, int64_t *vals,
                  int64_t *last);
/* the row of ledger l under key set to vals' ledger l fields (all ledgers' layout), its latest
 * claim date to last; written at commit. 0; 1 the row was written by a later policy with
 * fields this one lacks (rt_ledger_row_newer); or -1 (memory) */
int rt_ledger_set_row(RtStore *st, RtLedgerPerson *lp, int l, int64_t key, const int64_t *vals,
                      int64_t last, char *err, size_t errlen);
/* 1 when ledger l's row under key was written by a later policy with fields this one lacks,
 * which writing it would drop (said in err, as settling on it says it: a conflict); else 0 */
int rt_ledger_row_newer(RtStore *st, RtLedgerPerson *lp, int l, int64_t key, char *err,
                        size_t errlen);
/* a stored claim settled again: its record replaced (same id, person, sequence), r->after
 * into its rows. 0, or -1 */
int rt_ledger_update_claim(RtStore *st, RtLedgerPerson *lp, const RtClaimRec *r, char *err,
                           size_t errlen);
/* a row of the audit trail (ledger_audit): event "adjust" (output old -> now), "reverse",
 * "import", "erase"; NULL and POLRT_NONE for what does not apply. 0, or -1 */
int rt_ledger_audit(RtStore *st, const char *event, const char *claim_id, const char *person_id,
                    const char *output, int64_t old, int64_t now, const char *detail, char *err,
                    size_t errlen);
/* the claim's record moves to reversed_claims (its id may then settle again); its ledger
 * effect is the caller's to undo. 0, or -1 (not stored: message) */
int rt_ledger_reverse(RtStore *st, const char *claim_id, char *err, size_t errlen);
/* every row of the person's, in every table, deleted; an audit row says what was removed
 * (counts, never whose); *nremoved: claims and ledger rows removed; what: the counts by kind,
 * the audit row's words ("1 settled claim, 2 ledger rows, 3 audit rows"). 0, or -1 */
int rt_ledger_erase(RtStore *st, const char *person_id, int64_t *nremoved, char *what,
                    size_t whatlen, char *err, size_t errlen);
/* after an erasure's commit: an SQLite ledger's log copied into the file and emptied, so no
 * earlier frame of it keeps the erased rows while another process holds the file open.
 * 0 (also PostgreSQL), or -1 (message) */
int rt_ledger_erase_log(RtStore *st, char *err, size_t errlen);
/* every ledger row, by person id, ledger and key: fn(arg, person, ledger, key, the ledger's
 * fields, latest claim date) returns 0 to go on. 0, fn's non-zero, or -1 (message) */
typedef int (*RtLedgerRowFn)(void *arg, const char *person_id, int ledger, int64_t key,
                             const int64_t *fields, int64_t last);
int rt_ledger_export(RtStore *st, RtLedgerRowFn fn, void *arg, char *err, size_t errlen);
/* a row of the audit trail as stored (ledger_audit; settled_at from reversed_claims for a
 * reversal): NULL and POLRT_NONE for what the event does not have */
typedef struct RtAuditRow {
    const char *at, *event, *claim_id, *person_id, *output, *detail;
    const char *settled_at; /* a reversal: when the reversed claim was settled */
    int64_t old, now;       /* an adjustment's values, in the stored encoding (money in fen) */
} RtAuditRow;
typedef int (*RtAuditFn)(void *arg, const RtAuditRow *row);
/* the audit trail in time order (the order written within one commit), only the person's
 * (person_id not NULL) or the claim's (claim_id not NULL: the claim's own rows and the
 * adjustments it caused); fn returns 0 to go on. 0, fn's non-zero, or -1 (message) */
int rt_ledger_history(RtStore *st, const char *person_id, const char *claim_id, RtAuditFn fn,
                      void *arg, char *err, size_t errlen);

/* resettle.c: late claims and reversals. undo: the person's stored claims after the point
 * (a late claim: dated after date, with its keys; a reversal: after the claim target, which
 * is undone too) that share a ledger row with it, or with one of them, are undone: each row
 * back to what the earliest of them found. 0; 1 target is not a settled claim of the person;
 * -1 (message). Then reverse (the target's outputs adjusted to 0, its record moved) or the
 * late claim settled and saved, then replay: the undone claims settled again in date order,
 * each changed output an adjustment (adj: CSV rows "claim_id,output,old,new,delta,cause"
 * appended, when not NULL; the audit trail always), cause saying why ("late claim C2"). */
struct RtLine; /* out.c's CSV row, below */
/* an adjustment as data (the service answers them as JSON): claim_id points into the
 * RtResettle's list, cause at the caller's text or "reversed"; valid until rt_resettle_free */
typedef struct RtAdjust {
    const char *claim_id;
    int output; /* schema "outputs" index */
    int64_t old, now;
    const char *cause;
} RtAdjust;
typedef struct RtResettle {
    RtStoredClaim *list; /* the person's claims in date order */
    size_t n;
    uint8_t *redo; /* per claim: undone, to settle again */
    size_t nredo;
    size_t target; /* a reversal: the claim reversed; else SIZE_MAX */
    RtAdjust *adj; /* every adjustment made, in order */
    size_t nadj, cap_adj;
    char *cause; /* the replay's cause, "late claim ID" or "reversal of ID" (rt_resettle_cause) */
} RtResettle;
#define RT_ADJUST_HEADER "claim_id,output,old,new,delta,cause\n"
/* an adjustment's delta: now - old for a money, int or rate output; POLRT_NONE for others
 * (a bool, an enum) and when either is absent */
int64_t rt_adjust_delta(const RtSchema *s, int output, int64_t old, int64_t now);
/* an adjustment's cells "old,new,delta" as the adjustments file and polc ledger history
 * write them (values as in results; with labels, an enum's or bool's label) */
void rt_adjust_cells(struct RtLine *l, const RtSchema *s, int output, int64_t old, int64_t now,
                     int labels);
/* the reason a late claim is refused (--late reject, the service's ?late=reject): "dated D,
 * before a claim of the same person and ledger year dated L already settled (ledger): late
 * claims are refused (--late reject)"; a ledger in memory, which keeps no claims to settle
 * again, says so instead; vals: scratch of nledger_fields */
void rt_resettle_late_text(RtStore *st, const RtSchema *s, RtLedgerPerson *lp, const int64_t *keys,
                           int64_t date, int64_t *vals, char *buf, size_t len);
/* the words of an adjustment's cause (rt_resettle_cause: "late claim ID", "reversal of ID"),
 * as the audit trail stores them and polc ledger history finds a claim's adjustments by */
#define RT_CAUSE_LATE     "late claim"
#define RT_CAUSE_REVERSAL "reversal of"
/* rs->cause set to "WHAT ID", the id whole (whatever its length: the audit trail's detail,
 * which polc ledger history --claim ID matches): 0, or -1 (out of memory, said in err) */
int rt_resettle_cause(RtResettle *rs, const char *what, const char *claim_id, char *err,
                      size_t errlen);
/* a reversal whole: undo (target claim_id), reverse, replay with cause "reversal of ID".
 * 0 done; 1 not a settled claim of the person, RT_UNDO_NEWER (nothing changed in either);
 * -1 (message). rs is the caller's to free (its adjustments stay readable until then). */
int rt_resettle_reverse_claim(PolEngine *e, RtStore *st, RtLedgerPerson *lp, const char *person_id,
                              const int64_t *person, const int64_t *hist, int64_t nhist,
                              const char *claim_id, RtResettle *rs, struct RtLine *adj, char *err,
                              size_t errlen);
/* the reason a reversal of a claim the ledger does not hold for the person is refused */
#define RT_NOT_SETTLED "not a settled claim of this person (ledger): nothing to reverse"
/* rt_resettle_undo's answer when a row it would set back was written by a later policy with
 * fields this one lacks (rt_ledger_row_newer, said in err): nothing undone, the claim refused
 * as settling on that row is (409 in polc serve, exit 4 in polc run) */
#define RT_UNDO_NEWER 2
/* the person's claims (rs) after date (target NULL), or target and those after it sharing its
 * rows, undone: the rows they wrote set back to what the first of them found. 0; 1 target is
 * not a settled claim of the person; RT_UNDO_NEWER; -1 (message) */
int rt_resettle_undo(RtStore *st, const RtSchema *s, RtLedgerPerson *lp, const char *person_id,
                     const int64_t *keys, int64_t date, const char *target, RtResettle *rs,
                     char *err, size_t errlen);
int rt_resettle_reverse(RtStore *st, const RtSchema *s, const char *person_id, RtResettle *rs,
                        struct RtLine *adj, char *err, size_t errlen);
int rt_resettle_replay(PolEngine *e, RtStore *st, RtLedgerPerson *lp, const char *person_id,
                       const int64_t *person, const int64_t *hist, int64_t nhist, RtResettle *rs,
                       struct RtLine *adj, char *err, size_t errlen);
void rt_resettle_free(RtResettle *rs);

/* ==== csv.c, decode.c, run.c (data in, results out) ============================================
 */

/* csv.c: the one CSV reader. A record longer than this is taken as an unterminated quote
 * swallowing the rest of the file: it bounds the reader's memory (a 1 GB file streams in
 * constant space) while leaving room for any real row (free-text notes of a few KB). */
#define RT_CSV_MAX_RECORD (16 << 20)

/* A record's cells over the bytes they were cut from: an unquoted cell points into the
 * input (blanks kept: callers trim), a quoted one into buf (its quotes undone). */
typedef struct RtCells {
    int n, cap;
    const char **p;
    size_t *len;
    char *buf; /* unquoted text of a quoted record's cells */
    size_t cap_buf;
    int *quoted;    /* the cell was quoted, when any_quoted (a quoted cell is not trimmed) */
    int any_quoted; /* quoted[] was filled (a record with a quote): else no cell is quoted */
} RtCells;
int rt_cells_add(RtCells *c, const char *p, size_t n, int quoted); /* 0, or -1 (memory) */
void rt_cells_free(RtCells *c);
/* the reason of a record whose quoted field the file ends inside (compared by address) */
extern const char rt_csv_unterminated[];
/* A record followed across buffers, for one too long to hold (rt_csv_scan): the state of
 * the record state machine where the last buffer ended. Zeroed at the record's start. */
typedef struct RtCsvScan {
    int state;
} RtCsvScan;
/* the bytes b[0..n) of a record that started where sc was zeroed: the offset just past its
 * end (its line feed) and the line feeds before it into *lines, or SIZE_MAX when it goes on
 * past n (all of n's line feeds counted) */
size_t rt_csv_scan(RtCsvScan *sc, const char *b, size_t n, int64_t *lines);
/* the record machine's states (rt_csv_scan): RT_CSV_START at a record's start (and after a
 * comma), RT_CSV_STATES of them */
#define RT_CSV_START  0
#define RT_CSV_STATES 6
/* out[s]: the state after b[0..n) for each state s at b[0] (a chunk read in parallel) */
void rt_csv_chunk_states(const char *b, size_t n, unsigned char *out);
/* the end of the record at b[pos] (a record start): just past its line feed, end at the end
 * of the input (eof), or SIZE_MAX when it continues past end */
size_t rt_csv_record_end(const char *b, size_t pos, size_t end, int eof);
/* the first record boundary at or after target, start <= target being one; SIZE_MAX: none
 * before end (!eof). Stretches without a quote are crossed with memchr. */
size_t rt_csv_boundary_after(const char *b, size_t start, size_t target, size_t end, int eof);
/* Cut the record at b[pos..end) (end a record boundary) into cells, *next just past it and
 * *lines its line feeds (at least 1). 1 cells, 0 a blank line (no row), -1 memory; *bad a
 * static reason when the record is malformed or not UTF-8 text (its cells are then not
 * usable, but it is delimited). */
int rt_csv_cells(const char *b, size_t pos, size_t end, RtCells *c, size_t *next, int64_t *lines,
                 const char **bad);

/* decode.c: a header bound to schema fields, each column with a decoder chosen once from
 * its field's type (money, date, bool, enum label; the general path for the rest and for
 * every error's wording). Fields bind by name, then label; the fixed columns (claim_id,
 * person_id, a weight column) by name only. */
#define RT_BIND_MAX_FIXED 4
typedef enum {
    RT_DEC_GENERAL,
    RT_DEC_MONEY,
    RT_DEC_DATE,
    RT_DEC_BOOL,
    RT_DEC_ENUM,
    RT_DEC_INT,
    RT_DEC_KINDS
} RtDec;
typedef struct RtColumn {
    const RtField *f;
    int col; /* its column, -1 when absent (then the default) */
    RtDec dec;
} RtColumn;
/* an enum's slot table (decode.c): 64 slots keep the seeds' enums (5-10 members, names and
 * labels) mostly one text a slot; a slot holds a member index, none, or "scan the members" */
#define RT_ENUM_SLOTS 64
#define RT_ENUM_NONE  254
#define RT_ENUM_SCAN  255
typedef struct RtBinding {
    const RtSchema *s;
    int ncols;  /* header cells */
    char **hdr; /* the header cells, trimmed (the first without its BOM) */
    int nf;     /* fields bound */
    RtColumn *cols;
    int nfixed;
    int fixed_col[RT_BIND_MAX_FIXED]; /* column of each fixed name, -1 when absent */
    char *ignored;                    /* "'foo', 'bar'": columns bound to nothing, or NULL */
    char *raw;                        /* the header record's bytes (a rejects file's first line) */
    size_t nraw;
    size_t **enum_len; /* per schema enum: name lengths, then label lengths (0: none) */
    uint8_t (*enum_slots)[RT_ENUM_SLOTS]; /* per schema enum: the member a cell's slot names
                                             (decode.c enum_slot), RT_ENUM_NONE, RT_ENUM_SCAN */
    uint8_t *enum_mix;                    /* per schema enum: its enum_slot mix */
    struct RtDecOp *plan;                 /* each field's decoding, grouped by decoder (decode.c) */
    int plan_at[RT_DEC_KINDS + 1]; /* decoder d's group: plan[plan_at[d] .. plan_at[d + 1]) */
} RtBinding;
/* Bind header cells to fields f[0..nf) and the names fixed[0..nfixed) (the first nrequired
 * must be there; fields without a default must be there, optional ones too, so a misspelt
 * header never reads as absent on every row). 0; -1 a file-level error ("FILE:LINE: missing
 * column 'x' (required by the policy)", columns bound twice) in why; -2 out of memory. Free
 * with rt_binding_free either way. */
int rt_binding_init(RtBinding *b, const RtSchema *s, const RtField *const *f, int nf,
                    const char *const *fixed, int nfixed, int nrequired, const char *file,
                    int64_t line, const char *const *cells, const size_t *lens, int ncells,
                    const char *raw, size_t nraw, char *why, size_t len);
void rt_binding_free(RtBinding *b);
/* fields [from, to) of a row into vals[0..): blank -> the declared default (POLRT_NONE when
 * optional), else the decoded value, no negative money; -1 with "column: reason" in why */
int rt_decode_fields(const RtBinding *b, const char *const *cells, const size_t *lens, int from,
                     int to, int64_t *vals, char *why, size_t len);
/* the reason for a span ending before it begins (rt_span_check): -1 */
int rt_span_refuse(const RtSchema *s, const int64_t *span, const RtBinding *b, char *why,
                   size_t len);
/* A decoded history row is a span ending on or after its first day: 0, or -1 with both dates
 * in why, by the columns of b (the persons binding: person fields, then history fields) or,
 * NULL, the fields' names. Inline: it is on every persons row, and refusing is rare. */
static inline int rt_span_check(const RtSchema *s, const int64_t *span, const RtBinding *b,
                                char *why, size_t len)
{
    if (s->span_from < 0)
        return 0;
    int64_t from = span[s->span_from], to = span[s->span_to];
    if (from == POLRT_NONE || to == POLRT_NONE || to >= from)
        return 0;
    return rt_span_refuse(s, span, b, why, len);
}
/* the trimmed text of fixed column k, or NULL when blank or absent */
const char *rt_decode_id(const RtBinding *b, int k, const char *const *cells, const size_t *lens,
                         int ncells, size_t *n);
/* an id cell that is a number Excel showed in scientific notation ("3.40123E+17": a long id
 * typed or pasted into a General cell, its digits past the sixth lost): the reason the row is
 * refused, into why, and 1; 0 for any other id. col names the column. */
int rt_id_excel_number(const char *col, const char *s, size_t n, char *why, size_t len);
/* its first test, in line where every claim's two ids come: a '+' third or fourth from the
 * end (the call was 0.2% of a 10 M-claim simulate's samples, for ids that never have one) */
static inline int rt_id_excel_maybe(const char *s, size_t n)
{
    return n >= 5 && (s[n - 3] == '+' || s[n - 4] == '+');
}

/* The stream reader: records one by one from a file, or standard input for "-". */
typedef struct RtCsv RtCsv;
typedef struct RtRecord {
    int64_t line;    /* physical line (1-based) where the record starts */
    int64_t offset;  /* byte offset of its first byte (rt_csv_seek goes back there) */
    int nfields;     /* cells (0 when error is set) */
    char **field;    /* the cells unquoted, each NUL-terminated; unquoted cells lose
                        surrounding blanks, the first cell of the file its BOM */
    size_t *len;     /* their lengths in bytes */
    const char *raw; /* the record's bytes exactly as in the file, line end included */
    size_t nraw;
    const char *error; /* NULL, or why the record has no usable cells (bad quotes,
                          not UTF-8): the record is still delimited and raw is valid */
} RtRecord;
/* 3 when b[0..n) starts with a UTF-8 byte order mark, else 0. At the start of a file it is
 * skipped before its first record is cut or read: it belongs to no cell and to no quoting */
size_t rt_csv_bom_len(const char *b, size_t n);
/* b[0..n) (a header record, or the start of a file) has carriage returns and no line feed:
 * its lines end in CR alone, which no reader here takes as a line end (the whole file was
 * one header row, and its claims columns not read) */
int rt_csv_cr_only(const char *b, size_t n);
#define RT_CSV_CR_ONLY                                                                             \
    "its lines end in CR only, as an old Mac file's: save it with LF or CRLF line ends"
/* why a record (b[0..n), a file's start) runs past RT_CSV_MAX_RECORD: a quote left open,
 * lines ending in CR, or no line end at all */
const char *rt_csv_long_why(const char *b, size_t n);
/* NULL with "cannot open F: reason" in err; "-" is standard input (not closed). enc: an RT_ENC_
 * (rt_csv_decode_input: GB18030 is read as UTF-8, standard input sniffed as a file is) */
RtCsv *rt_csv_open(const char *path, int enc, char *err, size_t errlen);
/* the next record, valid until the next call: 1, or 0 at the end, or -1 on an I/O error, or
 * -2 on a record longer than RT_CSV_MAX_RECORD (bad input data: rt_csv_errmsg is "LINE:
 * record longer than ...", to follow "FILE:"). Blank lines are skipped. */
int rt_csv_next(RtCsv *c, RtRecord *r);
/* After rt_csv_next gave -2: the record too long to hold (a quote left open, a file that is
 * not CSV), streamed unchanged to out (NULL: dropped) as it is read, never held whole, and
 * reading goes on just after it, as polc run rejects one and goes on. *line its first line,
 * *lines the lines it spans (a last one without a line feed counted). 0, or -1 (a read
 * error: rt_csv_errmsg). */
int rt_csv_pass_long(RtCsv *c, FILE *out, int64_t *line, int64_t *lines);
/* the reason such a record is rejected, of the lines it spans, in buf: every command that
 * reads rows says it in these words (polc run, across ranks, polc ledger import) */
char *rt_csv_long_record(int64_t lines, char *buf, size_t n);
/* continue reading at a record start seen before (RtRecord.offset and .line) */
int rt_csv_seek(RtCsv *c, int64_t offset, int64_t line);
const char *rt_csv_errmsg(const RtCsv *c);
int64_t rt_csv_size(const RtCsv *c);   /* file size at open, -1 when not a regular file */
int64_t rt_csv_offset(const RtCsv *c); /* bytes consumed so far (progress) */
void rt_csv_close(RtCsv *c);
/* The input's text encoding (--encoding): RT_ENC_AUTO sniffs a regular file (GB18030 when
 * rt_csv_sniff_gb18030 says so, else UTF-8), standard input on its first bytes as well. */
enum { RT_ENC_AUTO, RT_ENC_UTF8, RT_ENC_GB18030 };
/* the RT_ENC_ of an --encoding name (utf-8, gb18030, gbk, gb2312, cp936; any case), the
 * default for NULL, -1 for a name not known (with the message in err, when not NULL) */
int rt_csv_encoding(const char *name, char *err, size_t errlen);
/* 1 when buf[0..n) (the start of a file) is GB18030 text that is not UTF-8 */
int rt_csv_sniff_gb18030(const char *buf, size_t n);
/* Make *fd (path, open for reading at its start) read UTF-8: in GB18030 (given, or sniffed),
 * it is converted into an unlinked temporary file, which replaces *fd (the original is
 * closed, unless standard input). A stream (standard input, a pipe) is sniffed on its first
 * bytes, read here: when they are UTF-8 they come back in *pre (*npre bytes, the caller frees
 * it) to be read before the rest of *fd. 1 converted, 0 UTF-8, or -1 with a message (the
 * input cannot be read or converted: a system error). */
int rt_csv_decode_input(int *fd, const char *path, int enc, char **pre, size_t *npre, char *scratch,
                        size_t nscratch, char *err, size_t errlen);
/* 1 when fd (path, a file to read) is to be read as GB18030 (enc says so, or RT_ENC_AUTO and
 * a regular file sniffed so), 0 as UTF-8; -1 with a message (unreadable). The sample is read
 * into scratch (nscratch bytes, its contents lost) when it is large enough, else into memory
 * of its own; rt_csv_decode_input passes them on. */
int rt_csv_is_gb18030(int fd, const char *path, int enc, char *scratch, size_t nscratch, char *err,
                      size_t errlen);
/* a reason rt_csv_cells gave, as the batch commands (which take --encoding) tell it for a
 * file read as GB18030 (read_gb: 1 found from its bytes, 2 as --encoding says) or not (0),
 * with the lines the record took (span: its line feeds, and 1 for a last line without one)
 * when a quote made it more than one; the text in buf[0..len) or static */
const char *rt_csv_bad_text(const char *bad, int read_gb, int64_t span, char *buf, size_t len);
/* "expected 5 fields, found 6" for a record of n cells (cell[i], len[i] bytes) under a header
 * of want, into buf[0..blen); when the record has too many and neighbouring cells look like
 * one amount split at its thousands comma (an unquoted ¥1,234.50), what to do about it */
char *rt_csv_count_text(int want, int n, const char *const *cell, const size_t *len, char *buf,
                        size_t blen);
/* the UTF-8 of GB18030 text in[0..n) appended to out, each byte of a sequence that is no
 * GB18030 character as 0xFF, as rt_csv_decode_input converts a file: a piece of a file cut
 * at line feeds converts to that piece of the whole's conversion (across ranks each rank
 * converts its own chunk). A character cut by the end: 0xFF bytes when eof (the file's end),
 * else left for the next piece. The bytes of in converted, or SIZE_MAX (memory, no
 * converter). */
size_t rt_csv_gb18030_utf8(const char *in, size_t n, struct RtLine *out, int eof);
/* an unlinked temporary file (mode 0600) holding p[0..n), open for reading at its start: its
 * descriptor, or -1 with a message naming path (the input it stands for) */
int rt_csv_temp_text(const char *p, size_t n, const char *path, char *err, size_t errlen);
/* s[0..n) is text: well-formed UTF-8 without NUL bytes (a NUL is valid UTF-8, but no
 * spreadsheet writes one; a file full of them is UTF-16, and a NUL inside an id would make
 * two ids one for every C string function) */
int rt_utf8_valid(const char *s, size_t n);
/* the bytes that may start or end a blank rt_trim removes (U+3000 is E3 80 80) (csv.c) */
extern const unsigned char rt_trim_edge[256];
/* s[0..n), n > 0, may have a blank rt_trim removes at an end: 0 for most cells */
static inline int rt_trim_may(const char *s, size_t n)
{
    return rt_trim_edge[(unsigned char)s[0]] | rt_trim_edge[(unsigned char)s[n - 1]];
}
const char *rt_trim_edges(const char *s, size_t *n); /* rt_trim's work, past its first test */
/* s[0..*n) without leading and trailing blanks (space, tab, CR, LF, U+3000); *n updated.
 * Inline, its first test two table reads: most cells have no blank at either end, and a
 * call for each (~170 k blank tests and ~100 k ids a 100 k-claim run) cost more than the
 * test; the callers had each grown a copy of it */
static inline const char *rt_trim(const char *s, size_t *n)
{
    return *n && rt_trim_may(s, *n) ? rt_trim_edges(s, n) : s;
}

/* Sessions for batch runs (session.c). fork: another session on the same engine and the
 * same ledger store (memory or SQLite), for one session per thread: the store is shared and
 * locked, persons and results are the new session's own; a person must be settled by one
 * session at a time (partition by person); free each session, the store closes with the
 * last. begin/commit: group the claims that follow into one ledger transaction (SQLite; a
 * no-op in memory); commit makes every claim settled so far by any session of the store
 * durable; without begin each claim commits on its own; an uncommitted batch is rolled back
 * when the store closes. 0 / non-NULL, else -1 / NULL with a message in err. */
PolSession *rt_session_fork(PolSession *s, char *err, size_t errlen);
/* One claim through a compiled policy, the steps every way of settling shares (session.c;
 * simulate.c calls it too, so the two cannot drift). ctx has claim, person, hist, nhist,
 * out, params, rule_val, rule_state, branch, pver, asof and user set; this zeroes the memo
 * (rule_state) when the entry reads it (traced, or PolEngine.fast_memo) and sets
 * ledger_in/out to before/after. Outside the policy's validity
 * window: 2, err_code POLRT_E_NOVERSION and err_loc -1. Else the ledger keys (polc_keys) into keys,
 * the ledgers before the claim by load(arg, keys, before), after = before, polc_settle: 0 settled;
 * 1 the policy failed (ctx->err_code, err_loc; after restored to before); -1 load failed (its
 * message is the loader's).
 * trace: 1 settles through polc_settle, which fills branch, pver and pidx (when set) for an
 * explanation; 0 through polc_settle_fast (PolEngine.settle_fast): the same outputs, ledger
 * after, error code and location, but branch, pver, pidx and rule_val are left as they may
 * be (the arrays are still required: an engine without a fast entry settles traced). A
 * caller that writes no explanation passes 0. */
typedef int (*RtLedgerLoadFn)(void *arg, const int64_t *keys, int64_t *before);
int rt_settle_ctx(PolEngine *e, PolCtx *ctx, int64_t *keys, int64_t *before, int64_t *after,
                  RtLedgerLoadFn load, void *arg, int trace);

/* rt_settle_ctx in two steps, for a caller that keeps one landing place for polrt_fail over
 * many claims (the batch pipeline's task_settle: one setjmp a batch, not one a claim) and
 * whose load inlines here. ctx->ledger_in/out already point at before/after.
 * rt_settle_open: the validity window (2, as rt_settle_ctx) and the memo; else 0.
 * rt_settle_steps, under the caller's landing place (ctx->jmp): the keys, load, after =
 * before, the entry; 0 settled, 1 the entry returned a failure (err_code, err_loc set; after
 * is the caller's to restore, as after a polrt_fail), -1 load failed. */
static inline int rt_settle_open(const PolEngine *e, PolCtx *ctx, int trace)
{
    const RtSchema *sc = &e->schema;
    /* the policy's own validity: outside it no version of anything is in force */
    if (ctx->asof != POLRT_NONE && ((sc->valid_from != POLRT_NONE && ctx->asof < sc->valid_from) ||
                                    (sc->valid_to != POLRT_NONE && ctx->asof >= sc->valid_to))) {
        ctx->err_code = POLRT_E_NOVERSION;
        ctx->err_loc = -1;
        return 2;
    }
    /* the memo must start empty: here, for every caller; an untraced entry built since
     * polc_fast_flags keeps it in locals and needs none */
    if (trace || e->fast_memo)
        memset(ctx->rule_state, 0, (size_t)sc->nrules * sizeof *ctx->rule_state);
    return 0;
}

static inline __attribute__((always_inline)) int
rt_settle_steps(const PolEngine *e, PolCtx *ctx, int64_t *keys, int64_t *before, int64_t *after,
                RtLedgerLoadFn load, void *arg, int trace)
{
    if (e->keys)
        e->keys(ctx, keys);
    if (load(arg, keys, before))
        return -1;
    /* fields settle leaves alone keep their value (an entry that writes them all needs none) */
    if (trace || !e->fast_in_place)
        memcpy(after, before, (size_t)e->schema.nledger_fields * sizeof *after);
    int64_t rc = (trace ? e->settle : e->settle_fast)(ctx);
    if (rc == 0)
        return 0;
    /* settle reports failures through polrt_fail; any other result is one too */
    ctx->err_code = rc;
    ctx->err_loc = -1;
    return 1;
}
int rt_session_begin(PolSession *s, char *err, size_t errlen);
int rt_session_commit(PolSession *s, char *err, size_t errlen);
int rt_session_needs_sync(const PolSession *s); /* rt_ledger_needs_sync of its store */
int rt_session_sync(PolSession *s, char *err, size_t errlen); /* rt_ledger_sync of its store */
/* rt_ledger_prefetch of its store; rt_session_prefetches: rt_ledger_prefetches */
int rt_session_prefetches(const PolSession *s);
int rt_session_prefetch(PolSession *s, const char *const *ids, size_t n, const char *const *pids,
                        size_t np, char *err, size_t errlen);
void rt_session_rollback(PolSession *s);                 /* rt_ledger_rollback of its store */
int rt_session_link(PolSession *s, int mode, RtLink *l); /* rt_ledger_link of its store */
void rt_session_answer_within(PolSession *s, int ms);    /* rt_ledger_answer_within, its store */
/* after polrt_session_claim returned -1: 1 when the claim id was settled earlier with other
 * data (a conflict with the ledger), 0 for any other refusal */
int rt_session_conflict(const PolSession *s);
/* on: a claim dated before its person-year's settled claims (SQLite, PostgreSQL stores) is
 * settled in date order: the later claims undone, this one settled, they settled again, each
 * change an adjustment in the audit trail (spec/DATA.md "Late claims"); the store's setting,
 * shared by its forks. Off (the default): it settles on the rows as they are. */
void rt_session_late(PolSession *s, int on);
/* rt_ledger_keep on the store shared by s and its forks */
void rt_session_keep(PolSession *s, size_t persons);
/* on: with rt_session_late, a late claim is refused instead (-1, the message the reason
 * polc run --late reject gives); this session's setting, for its next claims */
void rt_session_late_reject(PolSession *s, int on);
/* the adjustments the last claim (a late one) or reversal made, in order; valid until the
 * session's next claim, reversal or lookup */
const RtAdjust *rt_session_adjustments(const PolSession *s, size_t *n);
/* reverse a settled claim of a registered person (spec/DATA.md "Late claims and reversals"):
 * its ledger effect removed, its record moved to reversed_claims, the person's later claims
 * settled again (rt_session_adjustments). 0 done; 1 the ledger does not hold it for the
 * person (the message RT_NOT_SETTLED); -1 refused (unknown person; a row of a later
 * policy's, rt_session_conflict set); -2 ledger error */
int rt_session_reverse(PolSession *s, const char *claim_id, const char *person_id);
/* polrt_explain_json with, per ledger, the audit detail of the opening balance its row
 * started from (rt_ledger_opening), or NULL: the ledger's "opening" member (spec/DATA.md) */
void rt_explain_json(const PolEngine *e, const char *claim_id, const int64_t *claim,
                     const PolResult *r, const char *const *opening, FILE *f);
/* A claim the ledger had settled, explained (pipeline.c and session.c explain_stored): its
 * stored result (outputs, keys, ledgers before and after) kept while the policy runs again,
 * traced, from the stored ledgers before it; rt_stored_end then keeps the run when it gave
 * that result exactly (1), else puts the stored result back in the arrays (0: no rule may
 * be shown for it). rt_stored_keep: 0, or -1 out of memory. */
typedef struct RtStored {
    int64_t *out, *keys, *before, *after; /* the copies (out owns the memory) */
    size_t no, nk, nf;
} RtStored;
int rt_stored_keep(RtStored *k, const RtSchema *s, const int64_t *out, const int64_t *keys,
                   const int64_t *before, const int64_t *after);
int rt_stored_end(RtStored *k, int rc, int64_t *out, int64_t *keys, int64_t *before,
                  int64_t *after);
/* rt_ledger_opening on the session's store */
int rt_session_opening(PolSession *s, const char *person_id, int ledger, int64_t key, char *buf,
                       size_t len);
/* the person leaves the session, and their ledger rows the memory store: none of their
 * claims is still to come (a batch run knows when a person's last claim has settled) */
void rt_session_forget(PolSession *s, const char *person_id);
/* see rt_ledger_keep_claims: the store shared by s and its forks; not keeping them also
 * spares every claim the "already settled" lookup (the caller has checked its ids) */
void rt_session_keep_claims(PolSession *s, int keep);
/* the settled claim claim_id as stored (rt_ledger_get): 1 with res (status 1: out, keys and
 * ledgers), its fields and person; 2 not settled but reversed (rt_ledger_get_reversed: res
 * as it was, when in reversed_at[0..atlen)); 0 none; -1 error (polrt_session_errmsg) */
int rt_session_get(PolSession *s, const char *claim_id, int64_t *fields, char *person, size_t plen,
                   char *reversed_at, size_t atlen, PolResult *res);
/* the session's ledger lives in memory (its life is the store's, it cannot be reopened) */
int rt_session_is_memory(const PolSession *s);
const char *rt_session_ledger_path(const PolSession *s); /* the file, or NULL (memory) */
/* on (the default, so polrt_session_claim's public contract holds): claims settle through the
 * traced entry and PolResult carries rule_val, branch, pver and pidx for an explanation. Off:
 * through the fast entry (rt_settle_ctx), with the same status, outputs, keys, ledgers and
 * errors, and those four pointers NULL. Forks made afterwards inherit the setting. */
void rt_session_trace(PolSession *s, int on);
/* Persons by handle, for callers that settle many claims: a handle is a small integer the
 * session gives a person when registered, and a claim by handle reaches the person and
 * their ledger rows without hashing the id. A handle is valid until the person is forgotten
 * (then it may be given to another person). person_add: polrt_session_person's contract,
 * returning the person's handle (the same one when the person was known), or -1. handle:
 * the handle of a registered person, or -1. claim_h: polrt_session_claim's contract. */
int64_t rt_session_person_add(PolSession *s, const char *person_id, const int64_t *fields,
                              const int64_t *hist, int64_t nhist);
int64_t rt_session_person_handle(const PolSession *s, const char *person_id);
int rt_session_claim_h(PolSession *s, const char *claim_id, int64_t person, const int64_t *fields,
                       PolResult *res);
void rt_session_forget_h(PolSession *s, int64_t person);

/* ---- out.c: what the runtime writes ---------------------------------------------------- */

/* A file written under a temporary name in the same directory (O_EXCL, so nothing planted
 * there is followed) and renamed over the final name only when complete, so a reader never
 * sees half a file and a killed run leaves the previous one intact. A symbolic link is
 * followed (the file it names is replaced); a device or pipe (/dev/null, /dev/stdout) is
 * written in place, as renaming over it would replace the device. Path NULL or "-": stdout. */
typedef struct RtOutFd RtOutFd;
typedef struct RtOut {
    const char *path; /* the name asked for (NULL: stdout) */
    char *final;      /* the name renamed to (the link's target), NULL when in place */
    char *tmp;        /* temporary name while open */
    FILE *f;
    RtOutFd *io; /* f's descriptor and first write error (NULL: stdout) */
    char *buf;   /* stdio buffer */
    int synced;  /* rt_out_sync done: commit only renames */
    int pending; /* its slot + 1 among the temporaries a signal removes, 0: none */
    mode_t mode; /* the final file's mode before the umask (the temporary is 0600) */
} RtOut;
int rt_out_open(RtOut *o, const char *path, char *err, size_t errlen);
/* The start of a CSV written for people (results, rejects, adjustments, a ledger's history,
 * simulate's tables): a UTF-8 byte order mark, so Chinese Excel reads it as UTF-8 and not as
 * GBK; on standard output only when the input had one (input_bom), as it goes to programs */
void rt_out_bom(RtOut *o, int input_bom);
/* flush and fsync, not yet in place (a pair of files synced before either is renamed) */
int rt_out_sync(RtOut *o, char *err, size_t errlen);
int rt_out_commit(RtOut *o, char *err, size_t errlen); /* flush, sync, rename; -1 + message */
void rt_out_abort(RtOut *o); /* close and remove the temporary, the final name untouched */
/* path and input name one regular file ("-": standard input): writing path would replace it */
int rt_out_same_file(const char *path, const char *input);
/* a file a command reads or writes, and how its message names it ("--out", "the claims file
 * (--claims)") */
typedef struct RtNamedPath {
    const char *path, *what;
} RtNamedPath;
/* Two inputs (files before first_out) both "-" (one standard input), outputs that would
 * replace an input, or each other, or mix into one stream ("-" twice,
 * "-" and /dev/stdout, one terminal or pipe; /dev/null aside), refused before anything is read:
 * no outs[i] may be the same file as files[k] (rt_out_same_file, through any name or link),
 * nor name the same path as files[k] for k >= first_out (outputs, not there yet), unless it
 * is that entry (the same path pointer). A device or "-" is never replaced. 0, or -1 with
 * "WHAT PATH is WHAT: writing it would replace that file; name another" in err. polc run
 * and polc simulate (its report's files too) check their files through it. */
/* output path writes to standard output: "-", or the file, terminal or pipe behind fd 1
 * (/dev/stdout; /dev/null never): where it carries data, the words go to stderr */
int rt_out_is_stdout(const char *path);
int rt_outputs_apart(const RtNamedPath *outs, size_t nouts, const RtNamedPath *files, size_t nfiles,
                     size_t first_out, char *err, size_t errlen);
/* the cause of a failed write to o: the errno of its first failed write (a full disk is
 * ENOSPC, not EIO), else errno, else EIO */
int rt_out_errno(const RtOut *o);
/* n bytes to o: through its stdio buffer, a large block in one write of its own; 0, or -1
 * (rt_out_failed then says so, rt_out_errno why) */
int rt_out_write(RtOut *o, const void *p, size_t n);
/* the pieces iov[0..n) to o in order, as rt_out_write of each would: many bytes in writev(2)
 * calls straight from the pieces, without stdio's copy (iov is consumed); 0, or -1 */
struct iovec;
int rt_out_writev(RtOut *o, struct iovec *iov, int n);
/* a write to o failed (its FILE's error, or one of rt_out_write's own): 1, else 0 */
int rt_out_failed(const RtOut *o);
/* the file at path begins with the line head[0..n) (a file polc wrote with that header; a
 * byte order mark on either side aside) */
int rt_out_first_line_is(const char *path, const char *head, size_t n);

/* xlsx.c: an Excel workbook of sheets of rows (--xlsx), written aside and renamed as out.c
 * writes every output. A column's kind says how its cells (CSV text) become Excel values. */
typedef struct RtXlsx RtXlsx;
enum {
    RT_XLSX_AUTO,  /* by the text: a decimal a number (0.00 with two decimals), else text */
    RT_XLSX_TEXT,  /* text as it is */
    RT_XLSX_MONEY, /* 1234.56 -> the number, format 0.00 */
    RT_XLSX_RATE,  /* 80% -> 0.8, format 0.00% */
    RT_XLSX_DATE,  /* 2026-03-01 -> an Excel date, format yyyy-mm-dd */
    RT_XLSX_INT,   /* 12 -> 12 */
};
/* NULL with a message (errno set) when the file cannot be started; standard output refused */
RtXlsx *rt_xlsx_open(const char *path, char *err, size_t errlen);
/* start a sheet: its name, header cells (lens NULL: NUL-terminated) in bold on a frozen first
 * row, and its columns' kinds (RT_XLSX_; NULL: RT_XLSX_AUTO; kept, not copied) */
int rt_xlsx_sheet(RtXlsx *x, const char *name, const char *const *hdr, const size_t *lens, int n,
                  const unsigned char *kinds);
/* one row of the current sheet (a sheet that is full goes on in a new one): 0, or -1 */
int rt_xlsx_row(RtXlsx *x, const char *const *cells, const size_t *lens, int n);
/* finish, put in place and free: 0, or -1 with a message (errno set) */
int rt_xlsx_commit(RtXlsx *x, char *err, size_t errlen);
void rt_xlsx_abort(RtXlsx *x); /* the temporary removed, the final name untouched; frees */

/* a CSV row built in one buffer */
typedef struct RtLine {
    char *p;
    size_t n, cap;
    int oom; /* an append failed: the row is incomplete */
} RtLine;
/* room for n more bytes: 0, or -1 (memory: the row is marked incomplete) */
int rt_line_grow(RtLine *l, size_t n);
/* the same, in one inline check when there is room (a results row reserves once) */
static inline int rt_line_reserve(RtLine *l, size_t n)
{
    return (l->n + n > l->cap || l->oom) && rt_line_grow(l, n) < 0 ? -1 : 0;
}
/* n bytes appended; inline, as a results row appends a dozen separators */
static inline void rt_line_add(RtLine *l, const char *s, size_t n)
{
    if (rt_line_reserve(l, n) < 0)
        return;
    memcpy(l->p + l->n, s, n);
    l->n += n;
}
/* a cell: quoted when it holds a comma, quote, line break or an edge blank */
void rt_line_cell(RtLine *l, const char *s);
void rt_line_celln(RtLine *l, const char *s, size_t n); /* the same, of n bytes */
/* a value as rt_format_value words it (absent: empty), without its copy; with labels, an enum
 * member as its label and a bool as 是/否 (rt_value_label) */
void rt_line_value(RtLine *l, const RtSchema *s, const RtType *t, int64_t v, int labels);

/* v (not absent) of type t as rt_format_value words it, as a CSV cell, at w (room for
 * RT_PLAIN_MAX bytes): past its end. Money, ints, rates and dates are written without a copy
 * and are never quoted (digits, sign, point, dashes) */
#define RT_PLAIN_MAX 130
char *rt_put_plain(char *w, const RtSchema *s, const RtType *t, int64_t v);

/* A row of values, each column's writer chosen once from its type and the label mode: money
 * formatted in place, enum members and bools copied from a table of their cells (label or
 * name, quoted once if it must be), the row's room reserved once. The bytes are
 * rt_line_value's, value by value; results rows are written this way (run.c). */
typedef struct RtColFmt RtColFmt;
typedef struct RtCellText RtCellText;
typedef struct RtRowFmt {
    const RtSchema *s;
    RtColFmt *col;     /* per column: its writer */
    int n;             /* columns */
    size_t width;      /* the most bytes the columns' values take, their commas included */
    RtCellText *cells; /* the table columns' cells, in text */
    char *text;
} RtRowFmt;
/* the writers of columns of types[0..n) with labels on or off: 0, or -1 (memory) */
int rt_rowfmt_init(RtRowFmt *f, const RtSchema *s, const RtType *const *types, int n, int labels);
void rt_rowfmt_free(RtRowFmt *f);
/* the values v[0..n), each after a comma (an absent one empty), then tail[0..ntail); each
 * money value (not absent) added to the column's sum on the way: spill[column] +
 * sums[column] is the exact sum (sums[column] moves to spill when the next value would
 * overflow it) */
void rt_line_row(RtLine *l, const RtRowFmt *f, const int64_t *v, int64_t *sums, __int128 *spill,
                 const char *tail, size_t ntail);

/* ---- out.c: what a person reads (spec/DATA.md "Labels"): the one source of the headings and
 * value texts of results, whatever writes them (CSV, a spreadsheet, explain, simulate) ----- */
/* labels on (1) or off (0)? want: "zh", "names", or NULL (on when any output of the policy
 * has a label); -1 for any other word, with the usage message in err */
int rt_labels_on(const RtSchema *s, const char *want, char *err, size_t errlen);
/* output i's heading: its label when labels are on and it has one, else its name */
const char *rt_output_heading(const RtSchema *s, int i, int labels);
/* output o counts as an amount: money a fund pays, the patient's share, what the hospital
 * bears, or an amount the policy gives no role; one of role `info` (a cap, a base:
 * spec/LANGUAGE.md §7.5) is no amount paid. polc run's summary totals only these (Panji's yearly
 * cap summed to 176,000 yuan over 46 claims), and simulate counts a claim or person changed only
 * when one of these changes (a city cap raised to 6000 yuan changed Panji's info output cap for 186
 * persons, a paid amount for 3) */
int rt_output_counts(const RtOutput *o);
/* rule i's name for a reader: "label (name)" with labels and a label, else the name */
const char *rt_rule_heading(const RtSchema *s, int i, int labels, char *buf, size_t len);
/* the label text of value v of type t: an enum member's label, 是/否 for a bool; NULL when
 * the value has none (the plain text then) */
const char *rt_value_label(const RtSchema *s, const RtType *t, int64_t v);
/* the results' own words, not the policy's: the claim id's and status's headings, the
 * statuses, the prefix of a failure's status and the workbook's sheet (--xlsx) */
typedef enum {
    RT_W_CLAIM_ID,
    RT_W_STATUS,
    RT_W_SETTLED,
    RT_W_ALREADY,
    RT_W_ERROR,
    RT_W_SHEET,
    RT_NWORDS
} RtWord;
/* word w in Chinese with labels (结算单号, 结算状态, 已结算, ...), else as programs read it
 * (claim_id, status, settled, ...) */
const char *rt_results_word(RtWord w, int labels);

/* ---- ledger_key.c: an encrypted SQLite ledger's key (--ledger-key FILE) ----------------- */
/* the longest passphrase line: a generous bound for a pass phrase (SQLCipher derives the
 * key from any length), short enough to keep on the stack */
#define RT_LEDGER_KEY_MAX 1024
#define RT_LEDGER_RAW_HEX 64 /* x'...' with 64 hex digits: SQLCipher's raw 256-bit key */
struct RtLedgerKey {
    char text[RT_LEDGER_KEY_MAX + 1]; /* the key file's first line, not NUL-terminated */
    int len;                          /* its bytes; 0: no key */
    int raw;                          /* x'<64 hex digits>': a raw key, not a passphrase */
    const char *file;                 /* the key file's name, for messages (the caller's) */
};
/* the key file's first line into k, after checking the file (a regular file of root or the
 * user, mode 0600 or stricter) and the ledger (an SQLite file: not in memory, not
 * PostgreSQL); key_file NULL: no key (k->len 0). 0, or a POLRT_EXIT_ code (2 for the
 * command line's mistakes, 4 when the file cannot be read) with the message in err. */
int rt_ledger_key_read(const char *key_file, const char *ledger, RtLedgerKey *k, char *err,
                       size_t errlen);
void rt_ledger_key_wipe(RtLedgerKey *k); /* the key's bytes overwritten */
/* A secret's file open on fd (what: "the ledger key", "the tokens file") refused unless it is
 * a regular file owned by root or this user that no one else may read or write, as ssh
 * checks a private key: 0, or the exit code with the reason in err */
int rt_secret_refused(int fd, const char *what, const char *path, char *err, size_t errlen);
/* why the SQLite file path is "not a database" to key k (len 0: opened without a key):
 * a plain ledger opened with a key, an encrypted one without, a wrong key; -1, err said */
int rt_ledger_key_mismatch(const char *path, const RtLedgerKey *k, char *err, size_t errlen);

/* ---- util.c: pieces every part of the runtime shares ----------------------------------- */
int64_t rt_now_ns(void); /* monotonic clock */
/* the processors online, at least 1: `polc serve`'s settle threads by default, and whether
 * the pipeline's threads spin before they sleep (pipeline.c spin) */
int rt_ncpu(void);
/* The calling thread named fmt with n (printf), cut to 15 bytes: what `top -H`, `ps -L`, perf
 * and gdb show for it ("polc-settle", "polc-ckpt"), where every thread was "polc" */
void rt_thread_name(const char *fmt, int n);
static inline int64_t rt_now_ms(void)
{
    return rt_now_ns() / 1000000;
}
/* rt_grow's slow path: *v reallocated to hold at least n > *cap */
int rt_grow_more(void *v, size_t *cap, size_t n, size_t sz);
/* grow *v (elements of sz bytes) to hold at least n: 0, or -1 (memory; *v unchanged).
 * Inline: decoding asks once a row, and almost always there is room (the call was ~15
 * instructions a row, callgrind) */
static inline int rt_grow(void *v, size_t *cap, size_t n, size_t sz)
{
    return n <= *cap ? 0 : rt_grow_more(v, cap, n, sz);
}
char *rt_strdup(const char *s); /* through polrt_realloc; NULL when out of memory */
/* s after the first at bytes of buf (len bytes), cut to fit as snprintf cuts, NUL-terminated:
 * the length now in buf (0 when len is 0) */
size_t rt_cut_copy(char *buf, size_t len, size_t at, const char *s);
/* User text (an id, a name, a cell) in a message: whole when it fits in buf (len bytes, the
 * NUL included), else cut back to a character's first byte and marked "...", so a message
 * never holds half a character (printf's %.64s cut a Chinese id mid-character: invalid
 * UTF-8). rt_show returns s itself when it fits; rt_show_n takes n bytes of s, not a string. */
#define RT_SHOW_MARK 4                   /* "..." and the NUL */
#define RT_SHOW_ID   (64 + RT_SHOW_MARK) /* an id or a name: 64 bytes, 21 Chinese characters */
const char *rt_show(char *buf, size_t len, const char *s);
const char *rt_show_n(char *buf, size_t len, const char *s, size_t n);
/* buf (len bytes) that snprintf cut: its end cut back to a character's first byte and marked
 * "...", as rt_show_n marks a cut */
const char *rt_show_cut(char *buf, size_t len);
/* rt_show of an id or a name into a buffer of the statement's own (an argument of a printf) */
#define RT_SHOW(s) rt_show((char[RT_SHOW_ID]){0}, RT_SHOW_ID, (s))
uint64_t rt_hash_id(const char *s, size_t n); /* an id's hash: tables and worker choice */
#define RT_HUGE_PAGE (2u << 20)
/* Bytes that keep one thread's hot data off another's cache line. Structures that threads
 * write side by side (a batch's blocks) end with this much padding, and what a thread writes
 * per claim is allocated by rt_alloc_lines: without it the blocks' and scratch arrays' lines
 * passed back and forth between the cores, and polc run -j 2 took 0.23-0.26 s to decode 1 M
 * claims where -j 1 took 0.32 s (0.18 s with the padding). */
#define RT_CACHE_LINE 64
/* n bytes (zeroed, with zero) on cache lines no other allocation shares (aligned to
 * RT_CACHE_LINE and rounded up to it); freed by polrt_realloc(p, 0), never grown. For what a
 * thread writes per claim, above all its arrays made by the calling thread: malloc put thread
 * 0's per-claim scratch (its ledger rows' indexes) on the line where thread 1's PolCtx began,
 * written by both at every claim, and -j 2's settle phase took 0.356 s against -j 1's 0.39 s
 * (0.277 s on lines of their own; padding an array's end cannot keep off what malloc puts
 * before it). */
void *rt_alloc_lines(size_t n, int zero);
/* n zeroed bytes on huge pages of their own from 1 MiB up (money.c), from the test budget;
 * freed by rt_huge_free with the same n, never by polrt_realloc */
void *rt_huge_alloc(size_t n);
void rt_huge_free(void *p, size_t n);
void rt_advise_huge(void *p, size_t n); /* ask for huge pages on a large block (advice) */
/* a date cell of the right shape naming no day (2017-02-30, month 13, year 2250): 1 with why
 * in buf, else 0 (dates.c; for messages) */
int rt_date_problem(const char *s, size_t n, char *buf, size_t len);
int rt_display_width(const char *s); /* terminal columns; CJK counts two */
/* the candidate closest to word (a misspelt name): one equal but for ASCII case first, else
 * edit distance in code points, a swap of neighbours one edit, at most a third of word's
 * length (1 to 3); its index, or -1 */
int rt_suggest(const char *word, const char *const *cands, int n);
/* an unlinked temporary file in TMPDIR, else /tmp (mode 0600: it may hold the input's
 * personal data), open for reading and writing: its descriptor, or -1 (errno set) (util.c) */
int rt_temp_fd(void);
const char *rt_temp_dir(void); /* where rt_temp_fd makes it: TMPDIR, else /tmp */

/* A bump pool for strings and arrays freed together; reset keeps the chunks for reuse. */
/* 4 MiB: a few per run, a batch's rows fit in a few; each starts on a 2 MiB boundary, so
 * all of it can be huge pages (rt_advise_huge) */
#define RT_POOL_CHUNK (4 << 20)
typedef struct RtPoolChunk {
    char *base; /* the chunk: mem rounded up to a huge page */
    void *mem;  /* the allocation (polrt_realloc) */
    size_t size;
} RtPoolChunk;
typedef struct RtPool {
    RtPoolChunk *chunks;
    size_t nchunks, cap;
    size_t cur;       /* chunk in use */
    char *next, *end; /* its free bytes (NULL, NULL: no chunk yet) */
} RtPool;
/* the next chunk (a new one, or one kept by a reset) with room for n bytes: rt_pool_alloc's
 * slow path; NULL when out of memory */
void *rt_pool_more(RtPool *p, size_t n);
/* n bytes, 8-byte aligned; NULL when out of memory. Inline: decoding asks two or three a
 * claim, and the call was ~38 instructions each where the bump is a handful (callgrind). */
static inline void *rt_pool_alloc(RtPool *p, size_t n)
{
    n = n ? (n + 7) & ~(size_t)7 : 8; /* even 0 bytes have an address of their own */
    if ((uintptr_t)p->end - (uintptr_t)p->next < n)
        return rt_pool_more(p, n);
    void *r = p->next;
    p->next += n;
    return r;
}
char *rt_pool_str(RtPool *p, const char *s, size_t n);
void rt_pool_reset(RtPool *p);
void rt_pool_free(RtPool *p);

#endif
