/* opts.h — the one option parser, of polc's commands and of a standalone engine. A command
 * declares its options in a table (long name, short letter, kind, where the value goes,
 * help); opts_parse reads argv against it and `polc CMD --help` prints the usage the table
 * describes [git parse-options, in small]. Private to polc and libpolrt. */
#ifndef POLC_OPTS_H
#define POLC_OPTS_H

#include <stddef.h>
#include <stdio.h>

/* the exit code of a usage error (polc's EXIT_USAGE) */
#define OPTS_USAGE 2

/* the most values a repeatable option keeps (simulate's scenarios: a base and 63 more) */
#define OPT_LIST_MAX 64

typedef enum {
    OPT_FLAG, /* no value: stores .lo in a long (1 for "on"; 0 for a --no-... form) */
    OPT_INT,  /* a whole number from .lo to .hi, in a long; given again, the last one counts */
    OPT_STR,  /* a string, in a const char *; given twice is a usage error */
    OPT_LIST, /* repeatable: each value appended to an OptList, at most .hi of them */
} OptKind;

typedef struct OptList {
    const char *v[OPT_LIST_MAX];
    int n;
} OptList;

typedef struct Opt {
    const char *name; /* the long form without "--" ("claims"), or NULL */
    char letter;      /* the short form ('j' for -j), or 0 */
    OptKind kind;
    size_t at;        /* offsetof the value in the command's options struct */
    const char *meta; /* the value's name in usage ("FILE", "N"); NULL for a flag */
    long lo, hi;      /* OPT_INT: the range; OPT_FLAG: lo is stored; OPT_LIST: hi is the most */
    long def;         /* OPT_INT, OPT_FLAG: the value when the option is not given */
    const char *help; /* one line for `polc CMD --help` */
    /* the option writes the ledger (--reverse, --adjustments): a command that only reads it
     * (Command.writer set) refuses it, naming the command that writes, and does not list it */
    int writes;
    /* NULL; or the one command of those sharing the table that takes the option (explain's
     * --reform, in run's table): the others refuse it, naming that command, and do not list it */
    const char *only;
} Opt;

/* one row of main.c's command table */
typedef struct Command Command;
struct Command {
    const char *name;     /* "run" */
    const char *synopsis; /* operands and required options: "POLICY --claims FILE" */
    const char *summary;  /* what it does, one line */
    /* its cmd_NAME (cli.h); NULL for a standalone program (an engine built with --emit exe):
     * then messages say opts_program() instead of "polc NAME", and its options start at
     * argv[1] */
    int (*run)(const Command *cmd, int argc, char **argv);
    const char *example; /* one command line, for --help */
    /* NULL; or, for a command that only reads the ledger (explain), the one that writes it
     * ("run"): options marked Opt.writes are a usage error that names it */
    const char *writer;
};

/* Name the program for every message of the runtime and of the option parser: argv0's base
 * name ("eng" for ./eng); NULL or an empty name keeps "polc". A standalone engine calls it
 * first thing in main; polc never does. */
void opts_set_program(const char *argv0);
/* "polc", or the name opts_set_program gave */
const char *opts_program(void);

/* opts_parse's answer when the command should go on (any other is the exit code) */
#define OPTS_PARSED (-1)

/* Parse argv[2..argc) (argv[1] is the command; argv[1..argc) for a standalone program) against
 * opts, which ends with a row whose name and letter are both empty. Values go into *args, the
 * command's options struct (every field an option's value; NULL for an empty table), zeroed and
 * given the table's defaults first. The operands (arguments that are not options) are moved, in
 * order, to the front of argv+2 (argv+1): *operands points at them, *noperands counts them. "--"
 * ends the options; "-" and a negative number ("-21") are operands. Returns OPTS_PARSED; or 0 after
 * printing the usage for --help or -h; or 2 (a usage error) after "polc: CMD: what is wrong" and
 * the command's usage line on stderr. */
int opts_parse(const Command *cmd, const Opt *opts, int argc, char **argv, void *args,
               char ***operands, int *noperands);

/* "polc: CMD: MESSAGE" and the command's usage line on stderr; returns 2, the usage exit code */
int opts_usage_error(const Command *cmd, const Opt *opts, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* the command's usage, generated from its table, with its example */
void opts_usage(const Command *cmd, const Opt *opts, FILE *out);

/* the batch run's options that go together (OPTS_RUN_ROWS): --claims or --reverse, one of
 * them; --late resettle|reject (*late_reject); --reverse, --late and --adjustments need
 * --ledger. OPTS_PARSED, or 2 after the usage error. */
int opts_run_check(const Command *cmd, const Opt *opts, const char *claims, const char *reverse,
                   const char *late, const char *adjustments, const char *ledger, int *late_reject);

/* The options of a batch run (PolRunOpts), rows of the tables of `polc run` and `polc explain`
 * (cli/run.c) and of a standalone engine (engine_main.c): AT(field) is the offset of the
 * field of the same name in the command's options struct. */
// clang-format off
#define OPTS_RUN_ROWS(AT)                                                                          \
    {"claims", 0, OPT_STR, AT(claims), "FILE", .help = "the claims to settle (CSV, spec/DATA.md)"}, \
    {"persons", 0, OPT_STR, AT(persons), "FILE", .help = "the persons and their identity history"}, \
    {"ledger", 0, OPT_STR, AT(ledger), "DB", .help = "the SQLite ledger, or postgresql://..."},    \
    {"ledger-key", 0, OPT_STR, AT(ledger_key), "FILE",                                             \
     .help = "encrypt the SQLite ledger with the passphrase in FILE (mode 0600)"},                 \
    {"out", 'o', OPT_STR, AT(out), "FILE", .help = "the results CSV (default: standard output)"},  \
    {"explain", 0, OPT_STR, AT(explain), "FILE", .help = "every claim's explanation, JSON lines"}, \
    {"xlsx", 0, OPT_STR, AT(xlsx), "FILE",                                                         \
     .help = "the results also as an Excel workbook (--claim, no --out: that claim's row)"},       \
    {"labels", 0, OPT_STR, AT(labels), "zh|names",                                                 \
     .help = "head results by labels or names (default zh when the policy has labels)"},          \
    {"keep", 0, OPT_STR, AT(keep), "COLS", .help = "copy these input columns into the results"},  \
    {"claim", 0, OPT_STR, AT(claim), "ID", .help = "print this claim's settlement step by step"},  \
    {"rejects", 0, OPT_STR, AT(rejects), "FILE",                                                   \
     .help = "rejected rows (default: OUT.rejects.csv; -: standard output)"},                      \
    {"adjustments", 0, OPT_STR, AT(adjustments), "FILE",                                          \
     .help = "claims settled again (late, reversed): claim, output, old, new, delta (-: stdout)", \
     .writes = 1},                                                                                 \
    {"late", 0, OPT_STR, AT(late), "resettle|reject",                                              \
     .help = "a claim dated before its person-year's settled claims (default: resettle)"},       \
    {"reverse", 0, OPT_STR, AT(reverse), "FILE",                                                   \
     .help = "reverse the settled claims listed (claim_id, person_id) instead of --claims",      \
     .writes = 1},                                                                                 \
    {"encoding", 0, OPT_STR, AT(encoding), "NAME",                                                 \
     .help = "the inputs' encoding: utf-8 or gb18030 (gbk) (default: detected)"},                  \
    {NULL, 'j', OPT_INT, AT(threads), "N", 1, 256, 1, .help = "settle on N threads (default 1)"},  \
    {"max-rejects", 0, OPT_INT, AT(max_rejects), "N", 0, 1000000000, 0,                            \
     .help = "stop after N rejected rows (default 0: no limit)"},                                  \
    {"quiet", 'q', OPT_FLAG, AT(quiet), NULL, 1, .help = "no summary on stderr"},                  \
    {"show-ids", 0, OPT_FLAG, AT(show_ids), NULL, 1,                                               \
     .help = "name person ids and values in row messages (default: file:line only)"},              \
    {"progress", 0, OPT_FLAG, AT(progress), NULL, 1, .def = -1,                                    \
     .help = "show progress (default: when stderr is a terminal)"},                                \
    {"no-progress", 0, OPT_FLAG, AT(progress), NULL, 0, .def = -1, .help = "never show progress"}
// clang-format on

#endif
