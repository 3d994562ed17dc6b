/* driver.h — parse (applying a reform to its base), check, lower: the front half of every
 * polc command. */
#ifndef POLC_DRIVER_H
#define POLC_DRIVER_H

#include "ir.h"
#include "schema_out.h"
#include "xref.h"

typedef struct Compiled {
    Arena arena; /* everything below lives here */
    Diag *diag;
    const char *path;      /* as given */
    const char *base_path; /* a reform's base policy, resolved */
    const char *reform_name;
    Program *prog;      /* the policy (a reform already applied) */
    Program *file_prog; /* the file's own program (a reform: before it is applied); after a
                         * syntax error, what the parser recovered */
    TokenList tokens;   /* driver_parse_text: the file's tokens and comments */
    Policy pol;
    IrProgram *ir;
    char *schema; /* JSON */
    char sha256[65];
    const char **set_params; /* the params --set changed (driver_add_set): their slips are
                                warned of after the check, as polc check warns of the text's */
    int nset_params;
} Compiled;

void driver_init(Compiled *c, Diag *d);
void driver_free(Compiled *c);
int driver_parse(Compiled *c, const char *path);
/* the identity a built engine keeps of the text at path (c->sha256, as driver_parse sets it):
 * a policy's text is hashed as it is, unparsed; a reform is parsed for its base's. 0, or -1
 * when it cannot be read or parsed (quietly: c's diagnostics) */
int driver_source_sha256(Compiled *c, const char *path);
/* the same for text held in memory (an editor's unsaved buffer); path names it in messages
 * and locates a reform's base. The tokens are kept in c->tokens. */
int driver_parse_text(Compiled *c, const char *path, const char *text, size_t len);
/* after driver_parse, before driver_check: apply "--set NAME[=member]=VALUE[@YYYY-MM-DD]" as a
 * one-line reform (no date: for the whole run). 0, or -1 after a diagnostic */
int driver_add_set(Compiled *c, const char *spec);
int driver_check(Compiled *c);
/* after a driver_check without errors: the warnings polc check gives beyond the checker's
 * (working days the calendar lacks, unit slips in money params, rules nothing reads), xr the
 * cross-reference of c->prog. polc check and the language server both call this, so an
 * editor shows what check prints. */
void driver_warnings(Compiled *c, const XrefList *xr);
/* after driver_compile: encode TEXT ("4000 yuan", "80%") as a value of param NAME's type,
 * for parameter sweeps that rewrite the params table instead of recompiling */
int driver_encode_param_value(Compiled *c, const char *param, const char *text, int64_t *out);
/* parse + check + lower + schema; 0 on success, -1 after diagnostics */
int driver_compile(Compiled *c, const char *path);
/* the same with --set overrides applied before checking */
int driver_compile_with(Compiled *c, const char *path, const char *const *sets, int nsets);

/* A file polc ships, found from where polc itself is, never from a path compiled in: beside it
 * in its build tree (build/polc, build/IN_BUILD), else installed (PREFIX/bin/polc,
 * PREFIX/INSTALLED), so an installed polc moved elsewhere still finds it. 0 with its path in
 * out, or -1 when it is in neither place. The back end (cli/backend.h) and the runtime a
 * standalone engine links with (compiler/emit.c) are found so. */
int polc_own_file(const char *in_build, const char *installed, char *out, size_t len);

#endif
