/* emit.c — ahead-of-time output. The module is built by cg, given the host's triple and data
 * layout before the passes [Cone], optimised, and emitted to a memory buffer [c3c]; .so and
 * exe are linked by the system C compiler driver (cc) against libpolrt, in a private scratch
 * directory. Every output is written through atomic.c (temp + rename), so a reader never sees
 * half a file and nothing planted at a temporary name is written through. */
#include "emit.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cg.h"
#include "driver.h"
#include "polrt.h"

extern char **environ;

#ifndef POLC_RT_LIBS
#define POLC_RT_LIBS "-lsqlite3 -lpq -lcjson -lxlsxwriter -lpthread -ldl -lm"
#endif
#ifndef POLC_LINK_EXTRA
#define POLC_LINK_EXTRA ""
#endif

/* ---- the module ------------------------------------------------------------------------- */

/* The policy's module for the host, optimised at opt, as bytes: LLVM IR text, assembly or
 * object code (the caller disposes *buf). 0, or -1 with a message in err. */
static int module_bytes(const IrProgram *ir, const char *schema, EmitKind k, int opt,
                        LLVMMemoryBufferRef *buf, char *err, size_t errlen)
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
    if (k == EMIT_IR) {
        char *text = LLVMPrintModuleToString(m);
        *buf = LLVMCreateMemoryBufferWithMemoryRangeCopy(text, strlen(text), "policy.ll");
        LLVMDisposeMessage(text);
        rc = 0;
    } else if (LLVMTargetMachineEmitToMemoryBuffer(
                   tm, m, k == EMIT_ASM ? LLVMAssemblyFile : LLVMObjectFile, &msg, buf)) {
        snprintf(err, errlen, "code generation failed: %s", msg);
        LLVMDisposeMessage(msg);
    } else {
        rc = 0;
    }
out_tm:
    LLVMDisposeTargetMachine(tm);
out_module:
    LLVMDisposeModule(m);
    LLVMContextDispose(ctx);
    return rc;
}

/* ---- linking ---------------------------------------------------------------------------- */

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

/* The runtime a standalone engine links with, beside polc in its build tree or installed
 * (polc_own_file): 0, or -1 when either is missing */
static int runtime_files(char *lib, char *main_o, size_t len)
{
    return polc_own_file("libpolrt.a", "lib/libpolrt.a", lib, len) == 0 &&
                   polc_own_file("runtime/engine_main.o", "lib/polc/engine_main.o", main_o, len) ==
                       0
               ? 0
               : -1;
}

/* cc's command line: a shared library whose polrt_* helpers resolve against the process that
 * loads it, or a standalone engine linked with libpolrt and its main */
static int link_with_cc(EmitKind k, char *obj, char *linked, char *err, size_t errlen)
{
    if (k == EMIT_SO) {
        /* -Bsymbolic: the engine's own polc_* references bind inside it, even in a process
         * that exports symbols of the same name */
        char *argv[] = {
            (char *)"cc", (char *)"-shared", (char *)"-Wl,-Bsymbolic", (char *)"-o", linked, obj,
            NULL};
        return run_cc(argv, err, errlen);
    }
    char lib[PATH_MAX + 32], main_o[PATH_MAX + 32];
    if (runtime_files(lib, main_o, sizeof lib) < 0) {
        snprintf(err, errlen,
                 "cannot find the runtime (libpolrt.a, engine_main.o) beside polc or in its "
                 "../lib: build it (make) or install it (make install)");
        return -1;
    }
    char *argv[48] = {(char *)"cc", (char *)"-o",
                      linked,       obj,
                      main_o,       (char *)"-Wl,--whole-archive",
                      lib,          (char *)"-Wl,--no-whole-archive"};
    size_t na = 8;
    /* the libraries libpolrt needs, as the Makefile links polc with them (RT_LIBS) */
    char libs[] = POLC_RT_LIBS;
    for (char *tok = strtok(libs, " "); tok && na < 46; tok = strtok(NULL, " "))
        argv[na++] = tok;
    argv[na++] = (char *)"-rdynamic";
    /* a sanitized polc (make asan) links its runtime objects, built with the sanitizers, the
     * same way */
    char extra[] = POLC_LINK_EXTRA;
    for (char *tok = strtok(extra, " "); tok && na < 47; tok = strtok(NULL, " "))
        argv[na++] = tok;
    return run_cc(argv, err, errlen);
}

/* the whole of a file into malloc'd memory */
static int read_all(const char *path, char **data, size_t *n)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    *data = malloc((size_t)st.st_size + 1);
    size_t got = 0;
    while (*data && got < (size_t)st.st_size) {
        ssize_t r = read(fd, *data + got, (size_t)st.st_size - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    if (!*data || got != (size_t)st.st_size) {
        free(*data);
        *data = NULL;
        return -1;
    }
    *n = got;
    return 0;
}

/* Link object code into a .so or an executable. cc works in a scratch directory of its own
 * (mkdtemp: mode 0700, an unpredictable name), so nobody can plant a file where it writes;
 * the result is read back (*linked, malloc'd) to be put in place like every other output.
 * 0, or -1 with a message in err. */
static int link_object(EmitKind k, const char *obj, size_t n, char **linked, size_t *nlinked,
                       char *err, size_t errlen)
{
    char dir[4096], o[4160], out[4160];
    snprintf(dir, sizeof dir, "%s/polc-link.XXXXXX", polrt_temp_dir());
    if (!mkdtemp(dir)) {
        snprintf(err, errlen, "cannot make a directory to link in (%s): %s", dir, strerror(errno));
        return -1;
    }
    snprintf(o, sizeof o, "%s/policy.o", dir);
    snprintf(out, sizeof out, "%s/engine", dir);
    int rc = -1;
    int fd = open(o, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    FILE *fp = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (!fp && fd >= 0)
        close(fd);
    int bad = !fp || fwrite(obj, 1, n, fp) != n;
    if ((fp && fclose(fp) != 0) || bad)
        snprintf(err, errlen, "cannot write %s: %s", o, strerror(errno));
    else if (link_with_cc(k, o, out, err, errlen) == 0) {
        rc = read_all(out, linked, nlinked);
        if (rc != 0)
            snprintf(err, errlen, "cannot read the linked %s: %s", out, strerror(errno));
    }
    unlink(o);
    unlink(out);
    rmdir(dir);
    return rc;
}

/* ---- the file --------------------------------------------------------------------------- */

int emit_file(const IrProgram *ir, const char *schema, EmitKind k, int opt, const char *out,
              char *err, size_t errlen)
{
    LLVMMemoryBufferRef buf;
    if (module_bytes(ir, schema, k, opt, &buf, err, errlen) != 0)
        return -1;
    const char *data = LLVMGetBufferStart(buf);
    size_t n = LLVMGetBufferSize(buf);
    char *linked = NULL;
    int rc = 0;
    if (k == EMIT_SO || k == EMIT_EXE) {
        rc = link_object(k, data, n, &linked, &n, err, errlen);
        data = linked;
    }
    PolOut *f = rc == 0 ? polrt_out_open(out, k == EMIT_SO || k == EMIT_EXE, err, errlen) : NULL;
    if (rc == 0 && !f)
        rc = -1;
    if (f) {
        rc = polrt_out_write(f, data, n, err, errlen);
        if (rc == 0)
            rc = polrt_out_commit(f, err, errlen);
        else
            polrt_out_abort(f);
    }
    free(linked);
    LLVMDisposeMemoryBuffer(buf);
    return rc;
}
