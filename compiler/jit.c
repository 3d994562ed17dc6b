/* jit.c — ORC LLJIT [ORC-ex]: a JITTargetMachineBuilder for the host, the runtime's helpers
 * as absolute symbols from an explicit list [PG], the optimised module added as a
 * ThreadSafeModule, entry points looked up by name. */
#include "jit.h"

#include <llvm-c/Error.h>
#include <llvm-c/LLJIT.h>
#include <llvm-c/Orc.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "cg.h"

struct Jit {
    LLVMOrcLLJITRef jit;
    PolSettleFn settle;
    PolSettleFn settle_fast;
    int64_t fast_flags; /* polc_fast_flags */
    PolKeysFn keys;
    PolCheckFn check;
    const int64_t *params;
    const char *schema;
    int nrules;
    void (**rules)(void);
    double cg_ms, opt_ms, load_ms;
};

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* turn an LLVMErrorRef into text and dispose of it [PG llvm_error_message] */
static void take_error(LLVMErrorRef e, const char *what, char *err, size_t errlen)
{
    char *msg = LLVMGetErrorMessage(e);
    snprintf(err, errlen, "%s: %s", what, msg);
    LLVMDisposeErrorMessage(msg);
}

static int lookup(Jit *j, const char *name, LLVMOrcExecutorAddress *addr, char *err, size_t errlen)
{
    LLVMErrorRef e = LLVMOrcLLJITLookup(j->jit, addr, name);
    if (e) {
        take_error(e, name, err, errlen);
        return -1;
    }
    return 0;
}

/* j->jit made: the JIT's own target machine carries the -O level, so instruction selection
 * follows it (DetectHost would always use the default level: -O0 would still pay for -O2
 * codegen). 0, or -1 (err set). */
static int make_lljit(Jit *j, int opt, char *err, size_t errlen)
{
    char *msg = NULL;
    LLVMTargetMachineRef jit_tm = cg_target_machine(opt, 0, &msg);
    if (!jit_tm) {
        snprintf(err, errlen, "%s", msg);
        free(msg);
        return -1;
    }
    LLVMOrcJITTargetMachineBuilderRef jtmb =
        LLVMOrcJITTargetMachineBuilderCreateFromTargetMachine(jit_tm);
    LLVMOrcLLJITBuilderRef builder = LLVMOrcCreateLLJITBuilder();
    LLVMOrcLLJITBuilderSetJITTargetMachineBuilder(builder, jtmb);
    LLVMErrorRef e = LLVMOrcCreateLLJIT(&j->jit, builder);
    if (e) {
        take_error(e, "cannot create the JIT", err, errlen);
        return -1;
    }
    return 0;
}

/* m given the JIT's target and data layout, then optimised at -O opt. 0, or -1 (err set). */
static int optimize_for_jit(Jit *j, LLVMModuleRef m, int opt, char *err, size_t errlen)
{
    char *msg = NULL;
    LLVMSetTarget(m, LLVMOrcLLJITGetTripleString(j->jit));
    LLVMSetDataLayout(m, LLVMOrcLLJITGetDataLayoutStr(j->jit));
    LLVMTargetMachineRef tm = cg_target_machine(opt, 0, &msg);
    if (!tm) {
        snprintf(err, errlen, "%s", msg);
        free(msg);
        return -1;
    }
    int rc = cg_optimize(m, tm, opt, 0, &msg);
    LLVMDisposeTargetMachine(tm);
    if (rc != 0) {
        snprintf(err, errlen, "optimisation failed: %s", msg);
        free(msg);
        return -1;
    }
    return 0;
}

/* The runtime's helpers defined in the JIT's main dylib, by address: only these may be called
 * from policy code. The dylib, or NULL (err set). */
static LLVMOrcJITDylibRef define_runtime(Jit *j, char *err, size_t errlen)
{
    static const struct {
        const char *name;
        void (*fn)(void);
    } rt[] = {
        {"polrt_fail", (void (*)(void))polrt_fail},
        {"polrt_progressive", (void (*)(void))polrt_progressive},
        {"polrt_trace_span", (void (*)(void))polrt_trace_span}, /* the traced entry's record */
        {"polrt_trace_call", (void (*)(void))polrt_trace_call},
        {"polrt_trace_pick", (void (*)(void))polrt_trace_pick},
    };
    enum { NRT = sizeof rt / sizeof rt[0] };
    LLVMOrcCSymbolMapPair syms[H_NHOST + NRT];
    size_t ns = 0;
    for (int h = 0; h < H_NHOST + NRT; h++) {
        const char *name = h < H_NHOST ? ir_hosts[h].symbol : rt[h - H_NHOST].name;
        void (*fn)(void) = h < H_NHOST ? ir_hosts[h].fn : rt[h - H_NHOST].fn;
        syms[ns++] = (LLVMOrcCSymbolMapPair){
            LLVMOrcLLJITMangleAndIntern(j->jit, name),
            {(LLVMOrcExecutorAddress)(uintptr_t)fn,
             {LLVMJITSymbolGenericFlagsExported | LLVMJITSymbolGenericFlagsCallable, 0}}};
    }
    LLVMOrcJITDylibRef jd = LLVMOrcLLJITGetMainJITDylib(j->jit);
    LLVMErrorRef e = LLVMOrcJITDylibDefine(jd, LLVMOrcAbsoluteSymbols(syms, ns));
    if (e) {
        take_error(e, "cannot define runtime symbols", err, errlen);
        return NULL;
    }
    return jd;
}

/* The compiled policy's entry points and data, looked up by name (which compiles the module).
 * 0, or -1 (err set). */
static int lookup_entries(Jit *j, char *err, size_t errlen)
{
    LLVMOrcExecutorAddress settle, fast, flags, keys, check, params, schema;
    if (lookup(j, POLRT_SYM_SETTLE, &settle, err, errlen) ||
        lookup(j, POLRT_SYM_SETTLE_FAST, &fast, err, errlen) ||
        lookup(j, POLRT_SYM_FAST_FLAGS, &flags, err, errlen) ||
        lookup(j, POLRT_SYM_KEYS, &keys, err, errlen) ||
        lookup(j, POLRT_SYM_CHECK, &check, err, errlen) ||
        lookup(j, POLRT_SYM_PARAMS, &params, err, errlen) ||
        lookup(j, POLRT_SYM_SCHEMA, &schema, err, errlen))
        return -1;
    j->settle = (PolSettleFn)(uintptr_t)settle;
    j->settle_fast = (PolSettleFn)(uintptr_t)fast;
    j->fast_flags = *(const int64_t *)(uintptr_t)flags;
    j->keys = (PolKeysFn)(uintptr_t)keys;
    j->check = (PolCheckFn)(uintptr_t)check;
    j->params = (const int64_t *)(uintptr_t)params;
    j->schema = (const char *)(uintptr_t)schema;
    return 0;
}

/* LLVM's targets registered when the back end is opened (dlopen runs this once, on one
 * thread): registering them adds to a list unguarded, and polc simulate compiles its
 * scenarios on several threads at once (cli/engine.c, engine_start_all), each with its own
 * context, module and LLJIT, which LLVM allows once the registry is set */
__attribute__((constructor)) static void jit_targets(void)
{
    LLVMInitializeNativeTarget();
    LLVMInitializeNativeAsmPrinter();
}

/* The policy compiled [ORC-ex]: codegen, optimisation, the module added with the runtime's
 * helpers, the entry points looked up; each phase timed for --times. Callable from several
 * threads at once, each compiling its own policy. */
Jit *jit_create(const IrProgram *ir, const char *schema, int opt, char *err, size_t errlen)
{
    Jit *j = calloc(1, sizeof *j);
    double t0 = now_ms();
    LLVMOrcThreadSafeContextRef tsc = LLVMOrcCreateNewThreadSafeContext();
    LLVMContextRef ctx = LLVMOrcThreadSafeContextGetContext(tsc);
    char *msg = NULL;
    LLVMModuleRef m = cg_module(ctx, ir, schema, 0, &msg);
    if (!m) {
        fprintf(stderr, "polc: internal error: %s\n", msg);
        abort();
    }
    double t1 = now_ms();
    if (make_lljit(j, opt, err, errlen) < 0 || optimize_for_jit(j, m, opt, err, errlen) < 0)
        goto fail;
    double t2 = now_ms();
    LLVMOrcJITDylibRef jd = define_runtime(j, err, errlen);
    if (!jd)
        goto fail;
    LLVMOrcThreadSafeModuleRef tsm = LLVMOrcCreateNewThreadSafeModule(m, tsc);
    m = NULL;
    LLVMErrorRef e = LLVMOrcLLJITAddLLVMIRModule(j->jit, jd, tsm);
    if (e) {
        LLVMOrcDisposeThreadSafeModule(tsm);
        take_error(e, "cannot add the module", err, errlen);
        goto fail;
    }
    LLVMOrcDisposeThreadSafeContext(tsc);
    tsc = NULL;
    if (lookup_entries(j, err, errlen) < 0)
        goto fail;
    j->nrules = ir->nrules;
    j->rules = calloc((size_t)ir->nrules + 1, sizeof *j->rules);
    j->cg_ms = t1 - t0;
    j->opt_ms = t2 - t1;
    j->load_ms = now_ms() - t2;
    return j;

fail:
    if (j->jit) {
        LLVMErrorRef de = LLVMOrcDisposeLLJIT(j->jit);
        if (de)
            LLVMConsumeError(de);
    }
    if (m)
        LLVMDisposeModule(m);
    if (tsc)
        LLVMOrcDisposeThreadSafeContext(tsc);
    free(j);
    return NULL;
}

void jit_free(Jit *j)
{
    if (!j)
        return;
    LLVMErrorRef e = LLVMOrcDisposeLLJIT(j->jit);
    if (e) {
        char *msg = LLVMGetErrorMessage(e);
        fprintf(stderr, "polc: warning: disposing the JIT: %s\n", msg);
        LLVMDisposeErrorMessage(msg);
    }
    free(j->rules);
    free(j);
}

PolSettleFn jit_settle(Jit *j)
{
    return j->settle;
}
PolSettleFn jit_settle_fast(Jit *j)
{
    return j->settle_fast;
}
int64_t jit_fast_flags(Jit *j)
{
    return j->fast_flags;
}
PolKeysFn jit_keys(Jit *j)
{
    return j->keys;
}
const int64_t *jit_params(Jit *j)
{
    return j->params;
}
const char *jit_schema(Jit *j)
{
    return j->schema;
}

void (*jit_rule(Jit *j, int ridx))(void)
{
    if (ridx < 0 || ridx >= j->nrules)
        return NULL;
    if (!j->rules[ridx]) {
        char *sym = cg_rule_symbol(ridx);
        LLVMOrcExecutorAddress a;
        char err[256];
        if (lookup(j, sym, &a, err, sizeof err) == 0)
            j->rules[ridx] = (void (*)(void))(uintptr_t)a;
        free(sym);
    }
    return j->rules[ridx];
}

void jit_times(Jit *j, double *cg_ms, double *opt_ms, double *load_ms)
{
    *cg_ms = j->cg_ms;
    *opt_ms = j->opt_ms;
    *load_ms = j->load_ms;
}

void jit_shutdown(void)
{
    LLVMShutdown();
}

PolCheckFn jit_check(Jit *j)
{
    return j->check;
}
