/* emit.h — polc build: the policy as a shared library, a standalone engine, an object file,
 * LLVM IR or assembly. Outputs are written to a temporary name and renamed. */
#ifndef POLC_EMIT_H
#define POLC_EMIT_H

#include <stddef.h>

#include "ir.h"

typedef enum { EMIT_SO, EMIT_EXE, EMIT_OBJ, EMIT_IR, EMIT_ASM } EmitKind;

/* 0 on success; -1 with a message in err */
int emit_file(const IrProgram *ir, const char *schema, EmitKind k, int opt, const char *out,
              char *err, size_t errlen);

#endif
