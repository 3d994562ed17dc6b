/* jit.h — compile a policy in memory with ORC LLJIT (polc run, test, simulate, call): no file
 * is written. The runtime's helpers are given to the JIT by address from an explicit list. */
#ifndef POLC_JIT_H
#define POLC_JIT_H

#include "ir.h"
#include "polrt.h"

typedef struct Jit Jit;

Jit *jit_create(const IrProgram *ir, const char *schema, int opt, char *err, size_t errlen);
void jit_free(Jit *j);
PolSettleFn jit_settle(Jit *j);
PolSettleFn jit_settle_fast(Jit *j); /* polc_settle_fast: no trace (polrt_engine_set_fast) */
int64_t jit_fast_flags(Jit *j);      /* polc_fast_flags (polrt_engine_set_fast_flags) */
PolKeysFn jit_keys(Jit *j);
PolCheckFn jit_check(Jit *j);
const int64_t *jit_params(Jit *j);
const char *jit_schema(Jit *j);
void (*jit_rule(Jit *j, int ridx))(void);
/* milliseconds spent: codegen+verify, optimisation, and loading (lookup of the entry points) */
void jit_times(Jit *j, double *cg_ms, double *opt_ms, double *load_ms);
void jit_shutdown(void);

#endif
