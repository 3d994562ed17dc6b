/* cg.h — LLVM code generation from the IR, and the target machine and pass pipeline shared by
 * the JIT and the emitter. Only cg, jit, emit and ffi include LLVM [Cone]. */
#ifndef POLC_CG_H
#define POLC_CG_H

#include <llvm-c/Core.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>

#include "ir.h"

/* the verified module; NULL with *err (malloc'd) when verification fails (a compiler bug) */
LLVMModuleRef cg_module(LLVMContextRef c, const IrProgram *p, const char *schema, int names,
                        char **err);
LLVMTargetMachineRef cg_target_machine(int opt, int pic, char **err);
/* LLVMRunPasses("default<On>") */
int cg_optimize(LLVMModuleRef m, LLVMTargetMachineRef tm, int opt, int verify_each, char **err);
/* the symbol of rule i (malloc'd) */
char *cg_rule_symbol(int ridx);

#endif
