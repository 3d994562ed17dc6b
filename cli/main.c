/* main.c — the polc command line: the table of commands. Each command lives in its own file
 * of cli/ (cli.h), parses its options with the one parser (runtime/opts.c) and reads as the
 * pipeline it runs [QBE main.c]: parse, check, lower, then interpret, JIT-compile or emit, and hand
 * the engine to the runtime. Exit codes (DESIGN.md, README): 0 success, 1 policy errors or
 * failed tests, 2 usage, 3 bad data, 4 system failure (I/O, disk full, locked ledger). */
#include "cli.h"

#include <string.h>

#include "cluster.h"
#include "engine.h"
#include "schema_out.h"

static const Command commands[] = {
    {"check", "POLICY...", "type-check; diagnostics only", cmd_check,
     .example =
         "polc check policies/anhui/panji-2017.pol policies/anhui/medical-assistance-2025.pol"},
    {"build", "POLICY -o OUT", "compile to an engine: so, exe, obj, ir, asm", cmd_build,
     .example = "polc build policies/anhui/panji-2017.pol -o panji.so"},
    {"run", "POLICY|ENGINE.so --claims FILE", "settle claims and write the results", cmd_run,
     .example = "polc run panji.so --claims examples/claims.csv --persons examples/persons.csv "
                "--out results.csv"},
    {"test", "POLICY...", "run the policies' own test cases", cmd_test,
     .example = "polc test policies/anhui/panji-2017.pol"},
    {"explain", "POLICY|ENGINE.so --claims FILE --claim ID", "one claim's settlement, step by step",
     cmd_explain,
     .example = "polc explain policies/anhui/panji-2017.pol --claims examples/claims.csv "
                "--persons examples/persons.csv --claim Z005",
     .writer = "run"},
    {"simulate", "--base POLICY --claims FILE", "what-if: reforms on the same claims", cmd_simulate,
     .example = "polc simulate --base policies/anhui/panji-2017.pol "
                "--reform policies/anhui/reforms/county-cap-4000.pol --claims examples/claims.csv "
                "--persons examples/persons.csv"},
    {"call", "POLICY RULE [ARG...]", "evaluate one rule on its arguments", cmd_call,
     .example = "polc call policies/anhui/medical-assistance-2025.pol benefit_start 2026-03-15 "
                "--date 2026-03-15"},
    {"gen", "--persons N --seed S --out DIR", "a synthetic population", cmd_gen,
     .example = "polc gen --persons 10000 --seed 1 --out pop"},
    {"serve", "POLICY|ENGINE.so [--listen A:P]", "settle claims over HTTP/JSON (spec/SERVE.md)",
     cmd_serve,
     .example =
         "polc serve policies/anhui/panji-2017.pol --listen 127.0.0.1:8080 --ledger ledger.db "
         "--tokens tokens.txt"},
    {"ledger", "import|export|history|erase POLICY --ledger DB",
     "opening balances in, rows out, the audit trail, a person erased", cmd_ledger,
     .example = "polc ledger import policies/anhui/panji-2017.pol --ledger ledger.db "
                "examples/opening.csv"},
    {"ir", "POLICY", "print the policy IR", cmd_ir,
     .example = "polc ir policies/anhui/panji-2017.pol"},
    {"fmt", "[--check] FILE...", "lay policies out in the canonical layout", cmd_fmt,
     .example = "polc fmt --check policies/anhui/*.pol policies/anhui/reforms/*.pol"},
    {"lsp", "", "the language server for editors (stdio)", cmd_lsp, .example = "polc lsp"},
    {"doc", "POLICY -o DIR", "the policy as an HTML document for review", cmd_doc,
     .example = "polc doc policies/anhui/panji-2017.pol -o panji-doc"},
};
#define NCOMMANDS (int)(sizeof commands / sizeof commands[0])

/* the width of polc --help's synopsis column: the longest synopsis but ledger's, and a space */
#define SYNOPSIS_COLS 43

static void usage(FILE *f)
{
    fputs("usage: polc COMMAND [ARGS]        (polc COMMAND --help: its options, an example)\n\n",
          f);
    /* a synopsis as wide as its column puts the summary on a line of its own (ledger's ran
     * into it: "--ledger DBopening balances") */
    for (int i = 0; i < NCOMMANDS; i++)
        if (strlen(commands[i].synopsis) < SYNOPSIS_COLS)
            fprintf(f, "  %-10s%-*s%s\n", commands[i].name, SYNOPSIS_COLS, commands[i].synopsis,
                    commands[i].summary);
        else
            fprintf(f, "  %-10s%s\n  %-*s%s\n", commands[i].name, commands[i].synopsis,
                    10 + SYNOPSIS_COLS, "", commands[i].summary);
    fputs("\nExit codes: 0 success, 1 policy errors or failed tests, 2 usage, 3 bad input data,\n"
          "4 system failure (disk full, I/O error, locked ledger).\n"
          "The language: spec/LANGUAGE.md; data formats: spec/DATA.md.\n",
          f);
}

static const Command *find_command(const char *name)
{
    for (int i = 0; i < NCOMMANDS; i++)
        if (!strcmp(commands[i].name, name))
            return &commands[i];
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    int help = !strcmp(name, "-h") || !strcmp(name, "--help") || !strcmp(name, "help");
    /* polc --version, polc --help take nothing more, and polc help one command: an extra word
     * is a mistake, not ignored (exit 2, as every usage error) */
    if ((!strcmp(name, "--version") && argc > 2) || (help && argc > (name[0] == 'h' ? 3 : 2))) {
        fprintf(stderr, "polc: %s takes %s, not '%s'\n", name,
                name[0] == 'h' ? "one command" : "nothing more", argv[name[0] == 'h' ? 3 : 2]);
        return EXIT_USAGE;
    }
    if (!strcmp(name, "--version")) {
        puts(POLC_VERSION_STRING);
        return EXIT_OK;
    }
    if (!strcmp(name, "help") && argc == 3) {
        /* polc help CMD is polc CMD --help */
        const Command *c = find_command(argv[2]);
        if (!c) {
            fprintf(stderr, "polc: help: unknown command '%s'\n", argv[2]);
            usage(stderr);
            return EXIT_USAGE;
        }
        char opt[] = "--help";
        char *hv[] = {argv[0], argv[2], opt, NULL};
        return c->run(c, 3, hv);
    }
    if (help) {
        usage(stdout);
        return EXIT_OK;
    }
    const Command *cmd = find_command(name);
    if (!cmd) {
        fprintf(stderr, "polc: unknown command '%s'\n", name);
        usage(stderr);
        return EXIT_USAGE;
    }
    /* POLRT_CALENDAR_DIR: later years' working-day calendars, or corrected ones, for every
     * command (check's warning, call, test, run, explain, simulate) */
    if (polrt_calendar_load(NULL) != 0) {
        fprintf(stderr, "polc: POLRT_CALENDAR_DIR: %s\n", polrt_calendar_error());
        return EXIT_USAGE;
    }
    /* started by mpirun: the batch commands run across the ranks (spec/SCALE.md) */
    const RtCluster *cl = rt_cluster_start(&argc, &argv);
    if (cl && strcmp(cmd->name, "run") != 0 && strcmp(cmd->name, "simulate") != 0) {
        fprintf(stderr, "polc: %s does not run across ranks (mpirun): only run and simulate do\n",
                cmd->name);
        return rt_cluster_end(cl, EXIT_USAGE);
    }
    int rc = cmd->run(cmd, argc, argv);
    engine_shutdown();
    return cl ? rt_cluster_end(cl, rc) : rc;
}
