/* build.c — polc build: compile a policy ahead of time to a shared library (the engine polc run
 * and servers load), a standalone executable, an object file, LLVM IR or assembly. */
#include "cli.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "backend.h"
#include "driver.h"
#include "polrt.h"

typedef struct BuildArgs {
    const char *out, *emit;
    long opt;
} BuildArgs;

#define AT(field) offsetof(BuildArgs, field)
static const Opt build_opts[] = {
    {"out", 'o', OPT_STR, AT(out), "OUT", .help = "the file to write (temp + rename)"},
    {"emit", 0, OPT_STR, AT(emit), "KIND", .help = "so (default), exe, obj, ir or asm"},
    {NULL, 'O', OPT_INT, AT(opt), "N", 0, 3, 2, .help = "optimisation level, 0 to 3 (default 2)"},
    {0},
};
#undef AT

/* --emit's value */
static int emit_kind(const char *s, EmitKind *k)
{
    static const char *const names[] = {"so", "exe", "obj", "ir", "asm"};
    for (int i = 0; i < 5; i++)
        if (!strcmp(s, names[i])) {
            *k = (EmitKind)i;
            return 0;
        }
    return -1;
}

int cmd_build(const Command *cmd, int argc, char **argv)
{
    BuildArgs a;
    char **pol;
    int npol, rc = opts_parse(cmd, build_opts, argc, argv, &a, &pol, &npol);
    if (rc != OPTS_PARSED)
        return rc;
    if (npol != 1)
        return opts_usage_error(cmd, build_opts, "give one POLICY");
    if (!a.out)
        return opts_usage_error(cmd, build_opts, "-o OUT is required");
    /* the output would replace the policy it is built from */
    struct stat so, sp;
    if (stat(a.out, &so) == 0 && stat(pol[0], &sp) == 0 && S_ISREG(so.st_mode) &&
        so.st_dev == sp.st_dev && so.st_ino == sp.st_ino)
        return opts_usage_error(cmd, build_opts, "-o %s is the policy itself; name another file",
                                a.out);
    EmitKind k = EMIT_SO;
    if (a.emit && emit_kind(a.emit, &k) != 0)
        return opts_usage_error(cmd, build_opts, "--emit takes so, exe, obj, ir or asm, got '%s'",
                                a.emit);
    Diag d;
    diag_init(&d, stderr);
    Compiled c;
    driver_init(&c, &d);
    if (driver_compile(&c, pol[0]) != 0) {
        driver_free(&c);
        return EXIT_POLICY;
    }
    char err[1024];
    errno = 0;
    const PolBackend *be = polc_backend(err, sizeof err);
    if (!be) {
        fprintf(stderr, "polc: %s\n", err);
        driver_free(&c);
        return EXIT_SYSTEM;
    }
    rc = be->emit_file(c.ir, c.schema, k, (int)a.opt, a.out, err, sizeof err);
    int e = errno;
    if (rc != 0)
        fprintf(stderr, "polc: %s\n", err);
    driver_free(&c);
    /* -o in a directory that does not exist is the command line's; a full disk, a failed
     * link or code generation, the system's */
    return rc == 0 ? EXIT_OK : e ? polrt_exit_for_errno(e) : EXIT_SYSTEM;
}
