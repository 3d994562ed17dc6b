/* driver.h — parse (applying a reform to its base), check, lower: the front half of every
 * polc command. */
#ifndef POLC_DRIVER_H
#define POLC_DRIVER_H

#include "ir.h"
#include "schema_out.h"

typedef struct Compiled {
    Arena arena;            /* everything below lives here */
    Diag *diag;
    const char *path;       /* as given */
    const char *base_path;  /* a reform's base policy, resolved */
    const char *reform_name;
    Program *prog;          /* the policy (a reform already applied) */
    Policy pol;
    IrProgram *ir;
    char *schema;           /* JSON */
    char sha256[65];
} Compiled;

void driver_init(Compiled *c, Diag *d);
void driver_free(Compiled *c);
int driver_parse(Compiled *c, const char *path);
int driver_check(Compiled *c);
/* parse + check + lower + schema; 0 on success, -1 after diagnostics */
int driver_compile(Compiled *c, const char *path);

#endif
