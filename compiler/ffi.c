/* ffi.c — every libffi call polc makes. A call interface (ffi_cif) is prepared from the
 * signature at run time, so any helper or rule signature works without generated glue. */
#include "ffi.h"

#include <ffi.h>

/* rules and helpers take at most this many int64 arguments besides ctx and loc; the
 * language has no variadic rules and seed rules take one or two */
#define FFI_MAX_ARGS 32

static int64_t call(void (*fn)(void), int with_ctx, PolCtx *ctx, const void *ptr_arg,
                    const int64_t *args, int nargs, int with_loc, int64_t loc)
{
    ffi_type *types[FFI_MAX_ARGS + 3];
    void *values[FFI_MAX_ARGS + 3];
    int n = 0;
    if (nargs > FFI_MAX_ARGS)
        polc_internal_error(__FILE__, __LINE__, "too many arguments (%d)", nargs);
    if (with_ctx) {
        types[n] = &ffi_type_pointer;
        values[n++] = &ctx;
    }
    if (ptr_arg) {
        types[n] = &ffi_type_pointer;
        values[n++] = &ptr_arg;
    }
    for (int i = 0; i < nargs; i++) {
        types[n] = &ffi_type_sint64;
        values[n++] = (void *)&args[i];
    }
    if (with_loc) {
        types[n] = &ffi_type_sint64;
        values[n++] = &loc;
    }
    ffi_cif cif;
    if (ffi_prep_cif(&cif, FFI_DEFAULT_ABI, (unsigned)n, &ffi_type_sint64, types) != FFI_OK)
        polc_internal_error(__FILE__, __LINE__, "ffi_prep_cif failed");
    ffi_arg rv = 0;
    ffi_call(&cif, fn, &rv, values);
    return (int64_t)rv;
}

int64_t ffi_call_host(const IrHost *h, PolCtx *ctx, const int64_t *args, int64_t loc)
{
    return call(h->fn, h->ctx, ctx, NULL, args, h->nargs, h->ctx, loc);
}

int64_t ffi_call_progressive(PolCtx *ctx, const int64_t *seg, int64_t amount, int64_t loc)
{
    return call((void (*)(void))polrt_progressive, 1, ctx, seg, &amount, 1, 1, loc);
}

int64_t ffi_call_rule(void (*fn)(void), PolCtx *ctx, const int64_t *args, int nargs)
{
    return call(fn, 1, ctx, NULL, args, nargs, 0, 0);
}
