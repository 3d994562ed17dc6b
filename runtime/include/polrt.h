/* polrt.h — the one public header of libpolrt, the policy-agnostic settlement runtime.
 * It fixes the ABI between compiled policies (JIT, .so, exe) and the runtime: every value
 * is an int64_t in one of the encodings below, a policy is entered through PolCtx, and its
 * schema (JSON embedded by the compiler) says which field is where. Nothing here names a
 * policy: a new policy never needs a runtime change. */
#ifndef POLRT_H
#define POLRT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#if defined(POLRT_BUILD)
#define POLRT_API __attribute__((visibility("default")))
#else
#define POLRT_API
#endif

/* ---- Value encodings (every scalar is an int64_t) ------------------------------------
 * money     integer fen (1 yuan = 100 fen)
 * rate      integer millionths (80% = 800000; 1.0 = 1000000)
 * int       plain integer
 * bool      0 or 1
 * date      days since 1970-01-01 (proleptic Gregorian)
 * enum      0-based index of the member in declaration order
 * duration  a count in the unit its type names (days, workdays, months, years)
 * optional  any of the above, or POLRT_NONE when absent */
#define POLRT_RATE_ONE 1000000
#define POLRT_NONE     INT64_MIN

/* ---- Errors raised by policy code (PolCtx.err_code) ---------------------------------- */
enum {
    POLRT_OK = 0,
    POLRT_E_OVERFLOW = 1,  /* an amount left the int64 fen range */
    POLRT_E_DIVZERO = 2,   /* division by zero */
    POLRT_E_CALENDAR = 3,  /* a working-day question outside the shipped calendar years */
    POLRT_E_NONE = 4,      /* an absent optional value was used */
    POLRT_E_DATE = 5,      /* a date computation left the supported range */
    POLRT_E_NOVERSION = 6, /* no parameter/rule version covers the claim's date */
    POLRT_E_REJECTED = 7,  /* the claim failed one of the policy's input checks (reject
                              declarations): err_loc is its index in the schema's
                              "rejects", not in "locs" (set by the runtime, not by policies) */
    POLRT_E_UNKNOWN = 8,   /* a table member the policy marks unknown (the notice does not give
                              it) was needed: err_loc's "locs" entry names the param and member */
};

/* ---- The context a compiled policy runs in ------------------------------------------
 * Field order and types are ABI: compiler/cg.c builds the same struct type. All
 * members are pointers or 64-bit integers so the layout has no padding surprises. */
typedef struct PolCtx {
    const int64_t *claim;     /* claim fields, in schema order */
    const int64_t *person;    /* person fields, in schema order */
    const int64_t *hist;      /* history spans, row-major: nhist rows of schema width */
    int64_t nhist;            /* number of history spans of this person */
    const int64_t *ledger_in; /* all ledgers' fields before this claim, schema order */
    int64_t *ledger_out;      /* the same fields after this claim (written by settle) */
    int64_t *out;             /* outputs, schema order */
    const int64_t *params;    /* parameter value table (defaults, or a reform's) */
    /* rule_val, rule_state, branch and pver are required (compiled code writes them without
     * testing): nrules, nrules, nrules and nparams entries; rule_state zeroed per claim */
    int64_t *rule_val;   /* memo: value of each context rule */
    int64_t *rule_state; /* memo: 0 not yet, 1 in progress, 2 done */
    int64_t *branch;     /* trace: branch taken per rule (-1 none) */
    int64_t *pver;       /* trace: version of each parameter last used (-1 none) */
    int64_t asof;        /* the claim's date: picks parameter and rule versions */
    int64_t err_code;    /* POLRT_E_* after a failed settle */
    int64_t err_loc;     /* index into the schema's "locs": rule and source position */
    void *jmp;           /* jmp_buf * that polrt_fail() long-jumps to */
    void *user;          /* the evaluator's own data (the interpreter's IR) */
    int64_t *pidx;       /* trace: the table entry (enum member) of each table param last
                          * read, or NULL for no trace (then nothing is written) */
    void *trace; /* trace: the runtime's record of the history spans the rules read and of the
                  * calls of rules with arguments (polrt_trace_span, polrt_trace_call), or NULL
                  * for none; written by the traced entry points only */
} PolCtx;

/* Entry points every compiled policy exports (symbol names are fixed). */
typedef int64_t (*PolSettleFn)(PolCtx *ctx);           /* returns 0, fails via polrt_fail */
typedef void (*PolKeysFn)(PolCtx *ctx, int64_t *keys); /* one ledger key per ledger */
#define POLRT_SYM_SCHEMA "polc_schema"                 /* const char[]: the JSON schema */
#define POLRT_SYM_PARAMS "polc_params" /* const int64_t[]: default parameter table */
#define POLRT_SYM_SETTLE "polc_settle"
/* int64_t polc_settle_fast(PolCtx *): the same outputs, ledger_out and failures (err_code,
 * err_loc) as polc_settle, without the trace: branch, pver and pidx are not written, and
 * rule_val and rule_state hold at most the memo (an engine built since 2026-12-04 keeps it
 * in locals and writes neither). rule_val, rule_state, branch and pver must still be given
 * (an engine built before this entry existed has none, and the traced one stands in for
 * it; one built before 2026-12-04 reads rule_state, zeroed per claim). */
#define POLRT_SYM_SETTLE_FAST "polc_settle_fast"
#define POLRT_SYM_KEYS        "polc_keys"
/* int64_t polc_check(PolCtx *): the index (schema "rejects") of the first input check the
 * claim row fails, or -1; claim, params, asof and jmp (for failures) must be set, and pver
 * (generated code records the version of each parameter it reads) */
typedef int64_t (*PolCheckFn)(PolCtx *ctx);
#define POLRT_SYM_CHECK "polc_check"
/* const int64_t polc_fast_flags: what polc_settle_fast needs of its caller beyond polc_settle's
 * contract, as bits; an engine without the symbol (built before it existed) needs everything.
 * POLRT_FAST_NO_MEMO: it reads and writes neither rule_val nor rule_state (the memo is in its
 * locals), so they need not be zeroed per claim.
 * POLRT_FAST_LEDGER_IN_PLACE: it writes every field of ledger_out, each after its last read
 * of ledger_in, and none when it fails: ledger_out need not hold ledger_in's values before
 * the call, and may be ledger_in itself (the caller's ledger row, settled in place). */
#define POLRT_SYM_FAST_FLAGS       "polc_fast_flags"
#define POLRT_FAST_NO_MEMO         1
#define POLRT_FAST_LEDGER_IN_PLACE 2

/* ---- Helpers compiled policies call (also the interpreter) --------------------------
 * These are the only implementations of the arithmetic they name: the interpreter and
 * generated code both call them, so all evaluators agree bit for bit. */
POLRT_API _Noreturn void polrt_fail(PolCtx *ctx, int64_t code, int64_t loc);
/* money × rate, rounded to the fen half away from zero (四舍五入): THE rounding rule. */
POLRT_API int64_t polrt_mul_rate(PolCtx *ctx, int64_t amount, int64_t rate, int64_t loc);
/* rate × rate and rate ÷ int, rounded to a millionth the same way */
POLRT_API int64_t polrt_rate_mul_rate(PolCtx *ctx, int64_t a, int64_t b, int64_t loc);
/* a ÷ b for money or int, rounded half away from zero; b == 0 fails */
POLRT_API int64_t polrt_div_round(PolCtx *ctx, int64_t a, int64_t b, int64_t loc);
/* trunc() and floor() of a money × rate or a money ÷ int: the exact result to the fen toward
 * zero, or toward minus infinity, instead of half away from zero */
POLRT_API int64_t polrt_mul_rate_trunc(PolCtx *ctx, int64_t amount, int64_t rate, int64_t loc);
POLRT_API int64_t polrt_mul_rate_floor(PolCtx *ctx, int64_t amount, int64_t rate, int64_t loc);
POLRT_API int64_t polrt_div_trunc(PolCtx *ctx, int64_t a, int64_t b, int64_t loc);
POLRT_API int64_t polrt_div_floor(PolCtx *ctx, int64_t a, int64_t b, int64_t loc);
/* money ÷ money as a rate, rounded to a millionth */
POLRT_API int64_t polrt_ratio(PolCtx *ctx, int64_t a, int64_t b, int64_t loc);
/* progressive brackets: seg = [n, lo_1, rate_1, ..., lo_n, rate_n] (lo ascending);
 * sum over brackets of (min(x, lo_{i+1}) - lo_i)+ × rate_i, rounded once */
POLRT_API int64_t polrt_progressive(PolCtx *ctx, const int64_t *seg, int64_t x, int64_t loc);
POLRT_API int64_t polrt_add_months(PolCtx *ctx, int64_t day, int64_t months, int64_t loc);
POLRT_API int64_t polrt_add_workdays(PolCtx *ctx, int64_t day, int64_t n, int64_t loc);
POLRT_API int64_t polrt_workdays_between(PolCtx *ctx, int64_t from, int64_t to, int64_t loc);
POLRT_API int64_t polrt_year_of(int64_t day);
POLRT_API int64_t polrt_month_of(int64_t day);
POLRT_API int64_t polrt_month_after(PolCtx *ctx, int64_t day, int64_t loc); /* 次月1日 */
POLRT_API int64_t polrt_year_start(int64_t day);                            /* 1 Jan */
/* the traced entry points record, for explanations, each history span an aggregate visits
 * (0-based row of ctx->hist) and each rule-with-arguments call once its value is known (the
 * rule's index, its value, its nargs arguments); nothing when ctx->trace is NULL */
POLRT_API void polrt_trace_span(PolCtx *ctx, int64_t span);
POLRT_API void polrt_trace_call(PolCtx *ctx, int64_t rule, int64_t value, const int64_t *args,
                                int64_t nargs);
/* ... and each candidate of a max or min over history (the schema loc of the aggregate, the
 * span, the candidate's value): the alternatives a best-of (就高不就低) compared */
POLRT_API void polrt_trace_pick(PolCtx *ctx, int64_t loc, int64_t span, int64_t value);

/* ---- Civil dates, money and rate text (shared by compiler and runtime) --------------- */
POLRT_API int64_t polrt_days_from_civil(int64_t y, int64_t m, int64_t d);
POLRT_API void polrt_civil_from_days(int64_t day, int64_t *y, int64_t *m, int64_t *d);
/* parse "YYYY-MM-DD"; 0 on success, -1 when malformed or not a real date */
POLRT_API int polrt_parse_date(const char *s, size_t n, int64_t *out);
/* "1,234.56": 0, -1 not an amount, -2 an amount beyond int64 fen */
POLRT_API int polrt_parse_money(const char *s, size_t n, int64_t *fen);
POLRT_API int polrt_parse_rate(const char *s, size_t n, int64_t *micro); /* "80%", "0.8" */
/* format into buf (>= 32 bytes); return buf */
POLRT_API char *polrt_fmt_money(int64_t fen, char *buf, int grouped); /* 1234.56 / 1,234.56 */
POLRT_API char *polrt_fmt_rate(int64_t micro, char *buf);             /* 80% / 12.5% */
POLRT_API char *polrt_fmt_date(int64_t day, char *buf);               /* 2026-03-01 */
POLRT_API int polrt_is_workday(int64_t day); /* 1, 0, or -1 outside shipped years */
/* "did you mean": the edit distance of a and b in code points (a swap of two neighbours is
 * one edit, the commonest typo), 99 past 63 code points: the checker's names, the reader's
 * headers */
POLRT_API int polrt_edit_distance(const char *a, const char *b);
/* the calendar directory (data files YYYY.txt); default: POLRT_CALENDAR_DIR */
POLRT_API int polrt_calendar_load(const char *dir);
POLRT_API const char *polrt_calendar_error(void);

/* ---- Engines: a compiled policy, loaded ---------------------------------------------- */
typedef struct PolEngine PolEngine;
/* from entry points already in memory (JIT, or the interpreter's trampolines); the schema
 * text must outlive the engine, the params table is copied. NULL on error, message in err. */
POLRT_API PolEngine *polrt_engine_new(const char *schema_json, const int64_t *params,
                                      PolSettleFn settle, PolKeysFn keys, void *user, char *err,
                                      size_t errlen);
/* dlopen a built engine (.so) and bind its polc_* symbols */
POLRT_API PolEngine *polrt_engine_open(const char *so_path, char *err, size_t errlen);
POLRT_API void polrt_engine_free(PolEngine *e);
/* the policy's reject checks (polc_check); polrt_engine_open finds them itself */
POLRT_API void polrt_engine_set_check(PolEngine *e, PolCheckFn check);
/* the untraced entry (polc_settle_fast) of an engine made by polrt_engine_new, used where no
 * explanation is wanted; polrt_engine_open finds it itself. NULL, or never set: the traced
 * settle serves both (an interpreter has one entry). */
POLRT_API void polrt_engine_set_fast(PolEngine *e, PolSettleFn settle_fast);
/* the engine's polc_fast_flags (POLRT_FAST_*) for an engine made by polrt_engine_new;
 * polrt_engine_open finds them itself. Never set: 0, the fast entry needs everything. */
POLRT_API void polrt_engine_set_fast_flags(PolEngine *e, int64_t flags);
POLRT_API const char *polrt_engine_schema(const PolEngine *e); /* the JSON text */
POLRT_API const char *polrt_engine_sha256(const PolEngine *e); /* of the policy source */
/* the policy source's path as the schema records it (its "file"), NULL when it has none */
POLRT_API const char *polrt_engine_file(const PolEngine *e);
/* the days the policy is valid, from <= day < to; each POLRT_NONE when open (polc gen
 * --policy draws claim dates inside them) */
POLRT_API void polrt_engine_validity(const PolEngine *e, int64_t *from, int64_t *to);
/* replace the parameter table (same layout as polc_params; copied) */
POLRT_API int polrt_engine_set_params(PolEngine *e, const int64_t *params, size_t n);
POLRT_API size_t polrt_engine_nparams(const PolEngine *e);
/* the one wording of a policy failure (err_code, err_loc) that every command prints: "dated
 * 2017-01-20, outside the policy's validity" for a claim (claim: its fields in schema order,
 * or NULL for a rule called on its own) dated outside it; "amount overflow in rule basic_pay
 * (line 41, col 9)"; a failed input check's own message. Returns buf. */
POLRT_API char *polrt_failure_text(const PolEngine *e, const int64_t *claim, int64_t code,
                                   int64_t loc, char *buf, size_t len);

/* ---- Sessions: persons, ledgers and claims settled one by one ------------------------ */
typedef struct PolSession PolSession;
typedef struct PolResult {
    int64_t status;            /* 0 settled now, 1 already settled earlier (ledger), -1 error */
    int64_t err_code, err_loc; /* when status == -1 */
    const int64_t *out;        /* outputs (schema "outputs" order) */
    const int64_t *ledger_before, *ledger_after; /* all ledger fields, schema order */
    const int64_t *keys; /* the ledger keys (e.g. the benefit year) per ledger */
    const int64_t *rule_val, *branch, *pver; /* trace, schema "rules"/"params" order (NULL
                                              * when the runtime settled without a trace) */
    const int64_t *pidx;   /* trace: the table entry (enum member) each table param was read at,
                            * -1 when not read (NULL: no such trace) */
    const void *trace;     /* trace: the spans read and the rule-with-arguments calls (PolCtx.trace;
                            * NULL: no such trace) */
    const int64_t *person; /* the person's fields, schema "person" order (NULL: not known) */
    const int64_t *hist;   /* the person's history spans, nhist rows of schema "history" width */
    int64_t nhist;
    /* status 1 in a run (polc explain, run --explain): a late claim dated before it settled it
     * again earlier in this run, so the stored result is the one the run left, not the one
     * stored before it (its change is an adjustment); 0 otherwise */
    int64_t resettled;
} PolResult;
/* ledger_db NULL: ledgers in memory for the session's life; else an SQLite file, created
 * when missing. The engine must outlive its sessions. */
POLRT_API PolSession *polrt_session_new(PolEngine *e, const char *ledger_db, char *err,
                                        size_t errlen);
/* the same, the SQLite ledger encrypted with the key in the file ledger_key (NULL: a plain
 * ledger; spec/PRIVACY.md "Encryption at rest") */
POLRT_API PolSession *polrt_session_open(PolEngine *e, const char *ledger_db,
                                         const char *ledger_key, char *err, size_t errlen);
/* Check the key file of an encrypted SQLite ledger before using it: a regular file of root or
 * the user, mode 0600 or stricter, whose first line is the passphrase (or x'<64 hex digits>',
 * a raw 256-bit key); ledger_db an SQLite file (not NULL, not postgresql://). A POLRT_EXIT_
 * code: 0, 2 (the command line's mistake) or 4 (the file cannot be read); message in err. */
POLRT_API int polrt_ledger_key_check(const char *ledger_db, const char *key_file, char *err,
                                     size_t errlen);
POLRT_API void polrt_session_free(PolSession *s);
/* person fields in schema "person" order; hist is nhist rows of schema "history" width */
POLRT_API int polrt_session_person(PolSession *s, const char *person_id, const int64_t *fields,
                                   const int64_t *hist, int64_t nhist);
/* settle one claim of a known person; the result stays valid until the next call.
 * 0: res holds status 0 (settled now), 1 (settled earlier with the same person and fields:
 * the stored outputs, nothing applied again) or -1 (the policy failed: err_code, err_loc;
 * the ledger is unchanged).
 * -1: the claim is refused, nothing settled, the session carries on: unknown person, an
 * invalid field, one of the policy's input checks it fails (err_code POLRT_E_REJECTED and
 * err_loc the check's index, or the check's own failure; the message is the check's:
 * "claim C: 非合规费用大于总费用"), or a claim id settled earlier with other data.
 * -2: the session could not do its work (ledger I/O, out of memory): stop, or retry later.
 * res->status is -1 after both. Messages are in polrt_session_errmsg. */
POLRT_API int polrt_session_claim(PolSession *s, const char *claim_id, const char *person_id,
                                  const int64_t *fields, PolResult *res);
POLRT_API const char *polrt_session_errmsg(const PolSession *s);

/* ---- Explanations -------------------------------------------------------------------- */
/* an analyst's reading of one settled claim: rules, values, parameter versions, ledger,
 * exceptions, citations */
POLRT_API void polrt_explain_text(const PolEngine *e, const char *claim_id, const int64_t *claim,
                                  const PolResult *r, FILE *f);
POLRT_API void polrt_explain_json(const PolEngine *e, const char *claim_id, const int64_t *claim,
                                  const PolResult *r, FILE *f); /* one JSON line */

/* ---- Output files: the one writer of polc (results, rejects, reports, engines, gen) -----
 * Written under a temporary name beside the final one (O_CREAT|O_EXCL: nothing planted
 * there is followed), then flushed, synced and renamed over it, so a reader sees the old file
 * or the whole new one. A device or pipe (/dev/null) is written in place; a symbolic link's
 * target is replaced; "-" is standard output. NULL / -1 with "cannot write PATH: why". */
typedef struct PolOut PolOut;
POLRT_API PolOut *polrt_out_open(const char *path, int executable, char *err, size_t errlen);
POLRT_API int polrt_out_write(PolOut *o, const void *data, size_t n, char *err, size_t errlen);
/* flush and sync without putting it in place yet (write several, sync all, then commit) */
POLRT_API int polrt_out_sync(PolOut *o, char *err, size_t errlen);
POLRT_API int polrt_out_commit(PolOut *o, char *err, size_t errlen); /* in place; frees o */
POLRT_API void polrt_out_abort(PolOut *o); /* temporary removed; frees o; NULL is harmless */
/* where polc makes its temporary files and directories (the runtime's spills and converted
 * input, the compiler's link directory): $TMPDIR, else /tmp */
POLRT_API const char *polrt_temp_dir(void);

/* ---- The progress line (on stderr, redrawn at most every 200 ms; off: a branch) -------- */
typedef struct PolProgress {
    int on, shown;
    int64_t t0, last; /* when it started, when it was last drawn (monotonic ns) */
} PolProgress;
POLRT_API void polrt_progress_start(PolProgress *p, int on);
/* frac of the work done (0..1; < 0 not known: elapsed time instead of a bar), done UNITs */
POLRT_API void polrt_progress_show(PolProgress *p, const char *what, double frac, int64_t done,
                                   const char *unit);
POLRT_API void polrt_progress_clear(PolProgress *p);           /* before printing anything else */
POLRT_API double polrt_progress_seconds(const PolProgress *p); /* since start */

/* ---- Batch runs: CSV in, CSV out ------------------------------------------------------- */
typedef struct PolRunOpts {
    const char *claims;        /* claims CSV (required) */
    const char *persons;       /* persons CSV (NULL: the policy must declare no person data) */
    const char *ledger_db;     /* SQLite ledger (NULL: in memory) */
    const char *out;           /* results CSV (NULL: stdout) */
    const char *rejects;       /* rejects file (NULL: OUT.rejects.csv or rejects.csv) */
    const char *explain;       /* JSON lines of every claim's explanation (NULL: none) */
    const char *explain_claim; /* print this claim's text explanation to stdout; with no out
                                * and no explain, the exit code is this claim's (0 settled) */
    int threads;               /* -j N (>= 1) */
    long max_rejects;          /* stop after this many rows rejected while checking the files
                                  (0: no limit); rows refused while settling (a claim id the
                                  ledger holds with other data) are counted, never stop it */
    int progress;              /* 1 force, 0 never, -1 when stderr is a terminal */
    int quiet;                 /* no summary */
    int show_ids;       /* row messages name person ids and values (default: file:line only) */
    const char *labels; /* results headed and worded by "zh" labels or by "names" (spec/DATA.md
                           "Labels"); NULL: zh when the policy's outputs have labels */
    const char *keep;   /* input columns copied into the results, "a,b": the claims file's, else
                           the persons file's (NULL: none) */
    /* with ledger_db: claims is a list of settled claims to reverse (claim_id, person_id) */
    int reverse;
    const char *adjustments; /* CSV of the claims settled again (NULL: the audit trail only) */
    int late_reject;         /* a late claim is rejected (default: settled in date order) */
    const char *encoding;    /* the inputs' text encoding: "utf-8", "gb18030" (or "gbk"); NULL:
                                a file that is GB18030 and not UTF-8 is read as GB18030 */
    const char *xlsx;        /* the results also as an Excel workbook (NULL: none); when
                                explain_claim's explanation is all the run writes, its row */
    /* the MPI job polc was started in (runtime/cluster.h, spec/SCALE.md); NULL: alone */
    const struct RtCluster *cluster;
    const char *ledger_key; /* the key file of an encrypted SQLite ledger (NULL: plain) */
    /* the ledger is read, never written (polc explain): opened read-only, no lock held, what
     * the run settles kept in memory (spec/DATA.md); a ledger_db that does not exist is a
     * usage error, not a new ledger */
    int dry_run;
    /* with explain_claim: its explanation goes to explain (JSON) alone, no text on stdout; the
     * exit code and messages stay one claim's (polc explain --reform compares two) */
    int explain_json_only;
} PolRunOpts;
typedef struct PolRunStats {
    long settled, already, rejected, failed;
    double seconds;
} PolRunStats;
/* Exit codes (README "Exit codes", spec/DATA.md): what polrt_run and polrt_sim_run return.
 * SYSTEM: the machine failed the run, not its command line or data: a file could not be read
 * or written (disk full, I/O error, permission), memory ran out, the ledger is locked or
 * unusable. A name that does not exist (ENOENT, ENOTDIR, EISDIR) is the command line's. */
enum {
    POLRT_EXIT_OK = 0,
    POLRT_EXIT_POLICY = 1, /* the policy has errors, a test failed */
    POLRT_EXIT_USAGE = 2,
    POLRT_EXIT_DATA = 3, /* rows rejected, claims failed */
    POLRT_EXIT_SYSTEM = 4,
};
/* the exit code of a failure with errno e: a name that does not exist (ENOENT, ENOTDIR,
 * EISDIR, ENAMETOOLONG, ELOOP) is the command line's, anything else the system's */
POLRT_API int polrt_exit_for_errno(int e);
/* returns a POLRT_EXIT_ code: 0 ok, 2 usage, 3 rejected rows or failed claims, 4 system */
POLRT_API int polrt_run(PolEngine *e, const PolRunOpts *o, PolRunStats *st);

/* ---- Ledger files (polc ledger; spec/DATA.md "Ledger files") ---------------------------
 * import: opening balances from file (person_id, ledger, year, ledger fields by name or
 * label) into the ledger store: a row sets its person-year's ledger row unless that already
 * has settled claims; importing the same file twice leaves the ledger as once. Rejected rows
 * go to rejects (NULL: FILE.rejects.csv). dry_run: everything checked, nothing written.
 * encoding: the file's, as polc run's --encoding (NULL: found from its first bytes; file "-"
 * is standard input).
 * export: every ledger row, in the import's format, to out (NULL: stdout). erase: every row
 * of the person in every table, and an audit row that records the erasure, not whose it
 * was. ledger_key: the key file of an encrypted SQLite ledger (NULL: a plain one). Messages
 * on stderr; POLRT_EXIT_ codes. */
POLRT_API int polrt_ledger_import(PolEngine *e, const char *ledger_db, const char *ledger_key,
                                  const char *file, const char *encoding, const char *rejects,
                                  int dry_run);
POLRT_API int polrt_ledger_export(PolEngine *e, const char *ledger_db, const char *ledger_key,
                                  const char *out);
/* history: the audit trail (adjustments and their causes, reversals, opening balances
 * imported, erasures) in time order, as CSV to out (NULL: stdout), amounts as in results;
 * person_id / claim_id (NULL: every one) keep the person's rows / the claim's and those it
 * caused; labels as polc run's --labels ("zh", "names", NULL: zh when the policy labels its
 * outputs). */
POLRT_API int polrt_ledger_history(PolEngine *e, const char *ledger_db, const char *ledger_key,
                                   const char *person_id, const char *claim_id, const char *out,
                                   const char *labels);
POLRT_API int polrt_ledger_erase(PolEngine *e, const char *ledger_db, const char *ledger_key,
                                 const char *person_id);

#endif
