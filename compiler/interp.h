/* interp.h — the reference interpreter of the IR (the semantics; the differential oracle). */
#ifndef POLC_INTERP_H
#define POLC_INTERP_H

#include "ir.h"
#include "polrt.h"

/* entry points with the compiled-policy ABI; ctx->user must be the IrProgram */
int64_t interp_settle(PolCtx *ctx);
void interp_keys(PolCtx *ctx, int64_t *keys);
/* the index of the first reject check the claim row fails, or -1 */
int64_t interp_check(PolCtx *ctx);
/* evaluate one rule (polc call --interp); args in the rule's declared order */
int64_t interp_call(PolCtx *ctx, int rule, const int64_t *args);

#endif
