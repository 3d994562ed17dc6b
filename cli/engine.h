/* engine.h — the one way a polc command gets an engine: a built ENGINE.so opened as it is, or
 * a policy (or reform, with --set changes) compiled now and run by the JIT or the reference
 * interpreter. An Engine owns what it compiled and the PolEngine the runtime settles with. */
#ifndef POLC_ENGINE_H
#define POLC_ENGINE_H

#include "driver.h"
#include "backend.h"
#include "polrt.h"

typedef enum {
    ENGINE_JIT,    /* LLVM's ORC JIT compiles the policy in memory */
    ENGINE_INTERP, /* the reference interpreter walks the IR */
} EngineMode;

typedef struct EngineSpec {
    const char *path;        /* a policy, a reform, or (with open_so) a built ENGINE.so */
    EngineMode mode;         /* for a policy: how it runs */
    int opt;                 /* the JIT's optimisation level, 0 to 3 (engine_choose_opt) */
    const char *const *sets; /* --set NAME[MEMBER]=VALUE[@DATE] changes, before checking */
    int nsets;
    int open_so; /* a path ending in .so is a built engine, opened as it is (run, explain);
                    without it every path is policy text (test, call, simulate read it) */
    FILE *diag;  /* where the policy's diagnostics go (NULL: stderr; serve keeps a rejected
                    reload's for GET /v1/policy) */
    int defer;   /* a policy checked and lowered now, its engine made by engine_start_all */
} EngineSpec;

typedef enum {
    ENGINE_OK,
    ENGINE_POLICY_ERRORS, /* the policy or a --set has errors; the diagnostics are printed */
    ENGINE_FAILED,        /* no engine (a .so that cannot be opened, --set on a .so, the JIT or
                             the runtime refused); the message is printed */
    ENGINE_SYSTEM,        /* polc's own back end cannot be loaded (an installation's fault);
                             the message is printed */
} EngineStatus;

/* the exit code of a command whose engine did not load (cli.h's EXIT_*): the policy's
 * errors 1, the command line's 2, the system's 4 */
int engine_exit(EngineStatus st);

/* Does not move once loaded (the compiled policy points at its Diag). */
typedef struct Engine {
    Compiled *policy; /* the policy checked and lowered: &own, or shared; NULL for a .so */
    Jit *jit;         /* the compiled code, or NULL (the interpreter; a .so carries its own) */
    PolEngine *pe;    /* what the runtime settles with */
    int owns_jit;     /* jit was compiled for this engine (not shared with a sweep point) */
    EngineMode mode;  /* with EngineSpec.defer: how engine_start_all is to make pe */
    int opt;
    Compiled own; /* the policy, when this engine compiled it */
    Diag diag;    /* own's diagnostics, to stderr */
} Engine;

/* -O not given: the level is chosen by the work (engine_choose_opt) */
#define ENGINE_OPT_AUTO (-1)

/* The JIT's level: opt when -O was given (0 to 3); else (ENGINE_OPT_AUTO) 0 or 2, the one
 * whose compiles and settling cost least when every claim of the file `claims` is settled in
 * `scenarios` scenarios by `compiles` compiled policies (run: 1 and 1; a simulate sweep: its
 * points and the base, and 1). `what` gets the progress line's words for the compile. */
int engine_choose_opt(int opt, const char *claims, int scenarios, int compiles, char *what,
                      size_t len);
EngineStatus engine_load(Engine *e, const EngineSpec *spec);
/* The engines of policies loaded with EngineSpec.defer, made on up to `threads` threads at
 * once (the JIT's compiles, each policy's own). While the JIT compiles, the progress line
 * (`progress` 1 on, 0 off, -1 when stderr is a terminal) shows `what` (engine_choose_opt's;
 * NULL: nothing). ENGINE_OK, or the failure of the first engine in es that failed (each
 * failure's message is printed). */
EngineStatus engine_start_all(Engine *const *es, int n, int threads, const char *what,
                              int progress);
/* the policy `from` compiled, run another way (polc test: the interpreter, then the JIT) */
EngineStatus engine_again(Engine *e, const Engine *from, EngineMode mode, int opt);
/* the code of `from` with another params table of n entries (a sweep point) */
EngineStatus engine_with_params(Engine *e, const Engine *from, const int64_t *params, size_t n);
/* frees what e owns; an engine sharing from another is freed before that one */
void engine_free(Engine *e);
/* at exit, after every engine is freed: LLVM's global state */
void engine_shutdown(void);

#endif
