/* emit.c — ahead-of-time output. The module is built by cg, given the host's triple and data
 * layout before the passes [Cone], optimised, and emitted to a memory buffer [c3c]; .so and
 * exe are linked by the system C compiler driver (cc) against libpolrt. Every file is written
 * to OUT.tmp.PID and renamed, so a reader never sees half a file. */
#include "emit.h"

#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cg.h"

extern char **environ;

#ifndef POLC_LIBDIR
#define POLC_LIBDIR "build"
#endif
#ifndef POLC_LINK_EXTRA
#define POLC_LINK_EXTRA ""
#endif

int emit_kind(const char *s, EmitKind *k)
{
    static const char *names[] = {"so", "exe", "obj", "ir", "asm"};
    for (int i = 0; i < 5; i++)
        if (!strcmp(s, names[i])) {
            *k = (EmitKind)i;
            return 0;
        }
    return -1;
}

static int write_file(const char *path, const char *data, size_t n, char *err, size_t errlen)
{
    FILE *f = fopen(path, "wb");
    if (!f) {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        return -1;
    }
    size_t w = fwrite(data, 1, n, f);
    int bad = w != n || fflush(f) != 0 || fsync(fileno(f)) != 0;
    if (fclose(f) != 0 || bad) {
        snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
        unlink(path);
        return -1;
    }
    return 0;
}

static int run_cc(char *const argv[], char *err, size_t errlen)
{
    pid_t pid;
    int rc = posix_spawnp(&pid, argv[0], NULL, NULL, argv, environ);
    if (rc != 0) {
        snprintf(err, errlen, "cannot run the linker '%s': %s", argv[0], strerror(rc));
        return -1;
    }
    int st;
    if (waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        snprintf(err, errlen, "linking failed (%s exited with status %d)", argv[0],
                 WIFEXITED(st) ? WEXITSTATUS(st) : -1);
        return -1;
    }
    return 0;
}

int emit_file(const IrProgram *ir, const char *schema, EmitKind k, int opt, const char *out,
              char *err, size_t errlen)
{
    int rc = -1;
    char *msg = NULL;
    LLVMContextRef ctx = LLVMContextCreate();
    LLVMModuleRef m = cg_module(ctx, ir, schema, k == EMIT_IR || k == EMIT_ASM, &msg);
    if (!m) {
        fprintf(stderr, "polc: internal error: %s\n", msg);
        abort();
    }
    LLVMTargetMachineRef tm = cg_target_machine(opt, 1, &msg);
    if (!tm) {
        snprintf(err, errlen, "%s", msg);
        free(msg);
        goto out_module;
    }
    char *triple = LLVMGetTargetMachineTriple(tm);
    LLVMSetTarget(m, triple);
    LLVMDisposeMessage(triple);
    LLVMTargetDataRef td = LLVMCreateTargetDataLayout(tm);
    char *dl = LLVMCopyStringRepOfTargetData(td);
    LLVMSetDataLayout(m, dl);
    LLVMDisposeMessage(dl);
    LLVMDisposeTargetData(td);
    if (cg_optimize(m, tm, opt, 0, &msg) != 0) {
        snprintf(err, errlen, "optimisation failed: %s", msg);
        free(msg);
        goto out_tm;
    }

    char tmp[4096], obj[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld", out, (long)getpid());
    if (k == EMIT_IR) {
        char *text = LLVMPrintModuleToString(m);
        rc = write_file(tmp, text, strlen(text), err, errlen);
        LLVMDisposeMessage(text);
    } else {
        LLVMMemoryBufferRef buf;
        char *emsg = NULL;
        if (LLVMTargetMachineEmitToMemoryBuffer(
                tm, m, k == EMIT_ASM ? LLVMAssemblyFile : LLVMObjectFile, &emsg, &buf)) {
            snprintf(err, errlen, "code generation failed: %s", emsg);
            LLVMDisposeMessage(emsg);
            goto out_tm;
        }
        const char *data = LLVMGetBufferStart(buf);
        size_t n = LLVMGetBufferSize(buf);
        if (k == EMIT_OBJ || k == EMIT_ASM) {
            rc = write_file(tmp, data, n, err, errlen);
        } else {
            snprintf(obj, sizeof obj, "%s.tmp.%ld.o", out, (long)getpid());
            rc = write_file(obj, data, n, err, errlen);
            if (rc == 0) {
                if (k == EMIT_SO) {
                    /* polrt_* helpers resolve against the process that loads the engine */
                    /* -Bsymbolic: the engine's own polc_* references bind inside it, even in a
                     * process that exports symbols of the same name */
                    char *argv[] = {(char *)"cc",
                                    (char *)"-shared",
                                    (char *)"-Wl,-Bsymbolic",
                                    (char *)"-o",
                                    tmp,
                                    obj,
                                    NULL};
                    rc = run_cc(argv, err, errlen);
                } else {
                    static const char *const link[] = {"-Wl,--whole-archive",
                                                       POLC_LIBDIR "/libpolrt.a",
                                                       "-Wl,--no-whole-archive",
                                                       "-lsqlite3",
                                                       "-lcjson",
                                                       "-lcsv",
                                                       "-lpthread",
                                                       "-ldl",
                                                       "-lm",
                                                       "-rdynamic"};
                    char *argv[32] = {(char *)"cc", (char *)"-o", tmp, obj,
                                      (char *)POLC_LIBDIR "/runtime/engine_main.o"};
                    size_t na = 5;
                    for (size_t i = 0; i < sizeof link / sizeof link[0]; i++)
                        argv[na++] = (char *)link[i];
                    /* a sanitized polc (make asan) links its runtime objects, built with the
                     * sanitizers, the same way */
                    char extra[] = POLC_LINK_EXTRA;
                    for (char *tok = strtok(extra, " "); tok && na < 31; tok = strtok(NULL, " "))
                        argv[na++] = tok;
                    rc = run_cc(argv, err, errlen);
                }
                unlink(obj);
            }
        }
        LLVMDisposeMemoryBuffer(buf);
    }
    if (rc == 0 && rename(tmp, out) != 0) {
        snprintf(err, errlen, "cannot rename %s to %s: %s", tmp, out, strerror(errno));
        rc = -1;
    }
    if (rc != 0)
        unlink(tmp);
out_tm:
    LLVMDisposeTargetMachine(tm);
out_module:
    LLVMDisposeModule(m);
    LLVMContextDispose(ctx);
    return rc;
}
