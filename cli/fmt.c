/* fmt.c — polc fmt: lay policies out in the one canonical layout (compiler/fmt.c), in place
 * (temp + rename, only the files that change), or with --check only name the files that would
 * change. A file with syntax errors is left alone: its diagnostics, exit 1. "-" reads standard
 * input and writes the formatted text to standard output (--check: names it, changes nothing). */
#include "cli.h"

#include <errno.h>
#include <string.h>

#include "fmt.h"
#include "polrt.h"

typedef struct FmtArgs {
    long check, to_stdout;
} FmtArgs;

/* how messages and --check name standard input ("-") */
#define STDIN_NAME "<stdin>"

#define AT(field) offsetof(FmtArgs, field)
static const Opt fmt_opts[] = {
    {"check", 0, OPT_FLAG, AT(check), NULL, 1,
     .help = "change nothing; name the files that would change, exit 1 if any"},
    {"stdout", 0, OPT_FLAG, AT(to_stdout), NULL, 1,
     .help = "print the formatted text instead of rewriting the file"},
    {0},
};
#undef AT

/* write text over path atomically; 0, or the exit code of the failure after a message (4 for
 * a full disk or an I/O error). polrt_out_commit frees o whether it succeeds or not: only a
 * failed write is aborted (aborting after a failed commit freed o twice). */
static int rewrite(const char *path, const char *text, size_t len)
{
    char err[512];
    PolOut *o = polrt_out_open(path, 0, err, sizeof err);
    int rc = o ? polrt_out_write(o, text, len, err, sizeof err) : -1;
    if (o && rc != 0)
        polrt_out_abort(o);
    else if (o)
        rc = polrt_out_commit(o, err, sizeof err);
    if (rc != 0) {
        int e = errno;
        fprintf(stderr, "polc: fmt: %s\n", err);
        return polrt_exit_for_errno(e);
    }
    return 0;
}

int cmd_fmt(const Command *cmd, int argc, char **argv)
{
    FmtArgs a;
    char **files;
    int nfiles, rc = opts_parse(cmd, fmt_opts, argc, argv, &a, &files, &nfiles);
    if (rc != OPTS_PARSED)
        return rc;
    if (nfiles == 0)
        return opts_usage_error(cmd, fmt_opts, "give at least one FILE");
    if (a.check && a.to_stdout)
        return opts_usage_error(cmd, fmt_opts, "--check and --stdout do not go together");
    /* "-" is standard input, as for the data commands' files: read once, so given once */
    int dashes = 0;
    for (int i = 0; i < nfiles; i++)
        dashes += !strcmp(files[i], "-");
    if (dashes > 1)
        return opts_usage_error(cmd, fmt_opts, "- (standard input) given %d times", dashes);
    int bad = 0, changed = 0, sys = 0;
    for (int i = 0; i < nfiles; i++) {
        Arena ar;
        arena_init(&ar);
        Diag d;
        diag_init(&d, stderr);
        char err[512];
        int in = !strcmp(files[i], "-");
        Source *src = in ? source_read(&ar, STDIN_NAME, stdin, err, sizeof err)
                         : source_load(&ar, files[i], err, sizeof err);
        char *out;
        size_t len;
        if (!src) {
            diag_plain(&d, "%s", err);
            bad = 1;
        } else if (fmt_source(&ar, &d, src, &out, &len) != 0) {
            fprintf(stderr, "%s: not formatted: it has syntax errors\n", src->path);
            bad = 1;
        } else if (a.to_stdout || (in && !a.check)) { /* standard input cannot be rewritten */
            fwrite(out, 1, len, stdout);
        } else if (len != src->len || memcmp(out, src->text, len) != 0) {
            changed = 1;
            if (a.check)
                printf("%s\n", src->path);
            else if ((rc = rewrite(files[i], out, len)) != 0)
                sys = rc;
        }
        arena_free(&ar);
    }
    if (sys)
        return sys;
    return bad || (a.check && changed) ? EXIT_POLICY : EXIT_OK;
}
