/* ffi.h — libffi calls: the interpreter's calls into the runtime's helpers, and `polc call`'s
 * call of a compiled rule whose signature is known only from the schema. */
#ifndef POLC_FFI_H
#define POLC_FFI_H

#include <stdint.h>

#include "ir.h"
#include "polrt.h"

int64_t ffi_call_host(const IrHost *h, PolCtx *ctx, const int64_t *args, int64_t loc);
int64_t ffi_call_progressive(PolCtx *ctx, const int64_t *seg, int64_t amount, int64_t loc);
/* call fn(PolCtx *ctx, int64_t a0, ..., a{n-1}) -> int64_t through an ffi_cif built at run time */
int64_t ffi_call_rule(void (*fn)(void), PolCtx *ctx, const int64_t *args, int nargs);

#endif
