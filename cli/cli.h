/* cli.h — the commands cli/main.c's table calls, one file each, and the exit codes of the
 * DESIGN.md contract. A command's entry is cmd_NAME, not FILE_..., so the table reads as the
 * command line [git builtin.h]; each parses its own options with opts_parse. */
#ifndef POLC_CLI_H
#define POLC_CLI_H

#include "opts.h"

/* EXIT_SYSTEM: a file could not be read or written (disk full, I/O error, permission), memory
 * ran out, the ledger is locked or unusable; polrt.h's POLRT_EXIT_SYSTEM */
enum { EXIT_OK = 0, EXIT_POLICY = 1, EXIT_USAGE = OPTS_USAGE, EXIT_DATA = 3, EXIT_SYSTEM = 4 };

int cmd_check(const Command *cmd, int argc, char **argv);    /* check.c */
int cmd_ir(const Command *cmd, int argc, char **argv);       /* check.c */
int cmd_build(const Command *cmd, int argc, char **argv);    /* build.c */
int cmd_run(const Command *cmd, int argc, char **argv);      /* run.c */
int cmd_explain(const Command *cmd, int argc, char **argv);  /* run.c */
int cmd_test(const Command *cmd, int argc, char **argv);     /* test.c */
int cmd_simulate(const Command *cmd, int argc, char **argv); /* simulate.c */
int cmd_call(const Command *cmd, int argc, char **argv);     /* call.c */
int cmd_gen(const Command *cmd, int argc, char **argv);      /* gen.c */
int cmd_fmt(const Command *cmd, int argc, char **argv);      /* fmt.c */
int cmd_lsp(const Command *cmd, int argc, char **argv);      /* lsp.c */
int cmd_doc(const Command *cmd, int argc, char **argv);      /* doc.c */
int cmd_serve(const Command *cmd, int argc, char **argv);    /* serve.c */
int cmd_ledger(const Command *cmd, int argc, char **argv);   /* ledger.c */

#endif
