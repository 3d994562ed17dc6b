/* backend.h — the LLVM back end (compiler/cg.c, jit.c, emit.c), a shared object polc opens
 * the first time a command compiles (runtime/dl.h's mechanism), not at every start.
 *
 * Linked into polc, LLVM made `polc --version` cost 7.25 ms of CPU and 1,168 page faults; a
 * polc without it, 0.73 ms and 90 (perf stat, 30 runs): the commands that never compile
 * (`polc run ENGINE.so`, `polc serve ENGINE.so`, ledger, gen, fmt, check) do not pay for
 * LLVM's relocations and constructors (the Makefile's BACKEND_SO says what is in it). It
 * is found beside polc or installed (polc_own_file: build/polc-backend.so,
 * PREFIX/lib/polc/polc-backend.so), and calls back into polc only for polrt_* and the names
 * the Makefile's BACKEND_IMPORTS exports.
 *
 *     const PolBackend *be = polc_backend(err, sizeof err);
 *     if (!be) ...; Jit *j = be->jit_create(ir, schema, opt, err, sizeof err);
 */
#ifndef POLC_BACKEND_H
#define POLC_BACKEND_H

#include <stddef.h>

#include "dl.h"
#include "emit.h"
#include "jit.h"

#define POLC_BACKEND_FUNCS(X)                                                                      \
    X(jit_create)                                                                                  \
    X(jit_free)                                                                                    \
    X(jit_settle)                                                                                  \
    X(jit_settle_fast)                                                                             \
    X(jit_fast_flags)                                                                              \
    X(jit_keys)                                                                                    \
    X(jit_check)                                                                                   \
    X(jit_params)                                                                                  \
    X(jit_schema)                                                                                  \
    X(jit_rule)                                                                                    \
    X(jit_shutdown)                                                                                \
    X(emit_file)

typedef struct PolBackend {
    POLC_BACKEND_FUNCS(RT_DL_SLOT)
} PolBackend;

/* the back end, opened on the first call (from any thread): NULL with "cannot load ..." and
 * what to do in err when it is missing or not this polc's */
const PolBackend *polc_backend(char *err, size_t errlen);
/* the back end if a command has opened it, else NULL (nothing to shut down) */
const PolBackend *polc_backend_loaded(void);

#endif
