/* opts.c — the one option parser, of polc's commands and of a standalone engine
 * (engine_main.c): argv against a command's table of options (opts.h). Forms:
 * --name VALUE, --name=VALUE, -x VALUE, -xVALUE (-j2, -O2), flags alone; "--" ends the
 * options. Every mistake is a usage error naming the option and the command (exit 2). */
#include "opts.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* the width of the option column in --help */
#define HELP_COLUMN 26

static int at_end(const Opt *o)
{
    return !o->name && !o->letter;
}

static void *slot(void *args, const Opt *o)
{
    return (char *)args + o->at;
}

/* an option, as opposed to an operand: "-", "-21" and "-.5" are operands (stdin, negative
 * numbers: polc call's arguments) */
static int is_option(const char *a)
{
    if (a[0] != '-' || !a[1])
        return 0;
    if ((a[1] >= '0' && a[1] <= '9') || (a[1] == '.' && a[2] >= '0' && a[2] <= '9'))
        return 0;
    return 1;
}

static const Opt *find_long(const Opt *opts, const char *name, size_t len)
{
    for (const Opt *o = opts; !at_end(o); o++)
        if (o->name && strlen(o->name) == len && !strncmp(o->name, name, len))
            return o;
    return NULL;
}

static const Opt *find_letter(const Opt *opts, char c)
{
    for (const Opt *o = opts; !at_end(o); o++)
        if (o->letter == c)
            return o;
    return NULL;
}

/* whether cmd takes o: not an option of another command sharing the table (Opt.only) */
static int takes(const Command *cmd, const Opt *o)
{
    return !o->only || !strcmp(o->only, cmd->name);
}

/* The program's name, as every message of polc and the runtime begins: "polc", or a
 * standalone engine's own. The one mutable global of the runtime: set once in main, before any
 * thread starts, and read-only after (a context argument to every message would reach through
 * each function that can fail). */
static const char *program = "polc";

void opts_set_program(const char *argv0)
{
    const char *slash = argv0 ? strrchr(argv0, '/') : NULL;
    const char *base = slash ? slash + 1 : argv0;
    if (base && *base)
        program = base;
}

const char *opts_program(void)
{
    return program;
}

/* how messages name the command: "polc run", or a standalone program's own name */
static void put_name(const Command *cmd, FILE *f)
{
    fputs(program, f);
    if (cmd->run)
        fprintf(f, " %s", cmd->name);
}

static void vusage_error(const Command *cmd, const Opt *opts, const char *fmt, va_list ap)
{
    fprintf(stderr, "%s: ", program);
    if (cmd->run)
        fprintf(stderr, "%s: ", cmd->name);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    fputs("usage: ", stderr);
    put_name(cmd, stderr);
    fprintf(stderr, "%s%s%s   (", *cmd->synopsis ? " " : "", cmd->synopsis,
            at_end(opts) ? "" : " [OPTIONS]");
    put_name(cmd, stderr);
    fputs(" --help: every option)\n", stderr);
}

int opts_usage_error(const Command *cmd, const Opt *opts, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vusage_error(cmd, opts, fmt, ap);
    va_end(ap);
    return OPTS_USAGE;
}

/* Store VALUE for option o, spelled SPELT on the command line; 0, or OPTS_USAGE after a
 * message */
static int store(const Command *cmd, const Opt *opts, const Opt *o, const char *spelt,
                 const char *value, void *args)
{
    switch (o->kind) {
    case OPT_FLAG: *(long *)slot(args, o) = o->lo; return 0;
    case OPT_INT: {
        char *end;
        errno = 0;
        long v = strtol(value, &end, 10);
        if (errno || end == value || *end || v < o->lo || v > o->hi)
            return opts_usage_error(cmd, opts, "%s needs a whole number from %ld to %ld, got '%s'",
                                    spelt, o->lo, o->hi, value);
        *(long *)slot(args, o) = v;
        return 0;
    }
    case OPT_STR: {
        const char **dst = slot(args, o);
        if (*dst)
            return opts_usage_error(cmd, opts, "%s is given twice ('%s', then '%s')", spelt, *dst,
                                    value);
        *dst = value;
        return 0;
    }
    case OPT_LIST: {
        OptList *l = slot(args, o);
        if (l->n >= o->hi || l->n >= OPT_LIST_MAX)
            return opts_usage_error(cmd, opts, "too many %s options (at most %ld)", spelt,
                                    o->hi < OPT_LIST_MAX ? o->hi : (long)OPT_LIST_MAX);
        l->v[l->n++] = value;
        return 0;
    }
    }
    return opts_usage_error(cmd, opts, "%s: an option of no known kind", spelt);
}

int opts_parse(const Command *cmd, const Opt *opts, int argc, char **argv, void *args,
               char ***operands, int *noperands)
{
    /* zero, then the defaults of numbers and flags (rows sharing a value share a default) */
    size_t size = 0;
    for (const Opt *o = opts; !at_end(o); o++) {
        size_t end = o->at + (o->kind == OPT_STR    ? sizeof(const char *)
                              : o->kind == OPT_LIST ? sizeof(OptList)
                                                    : sizeof(long));
        if (end > size)
            size = end;
    }
    if (size)
        memset(args, 0, size);
    for (const Opt *o = opts; !at_end(o); o++)
        if (o->kind == OPT_INT || o->kind == OPT_FLAG)
            *(long *)slot(args, o) = o->def;

    /* after the command's name; a standalone program's options follow its own */
    int first = cmd->run ? 2 : 1;
    char **out = argv + first; /* operands are moved here, never past what has been read */
    int n = 0, options_end = 0;
    for (int i = first; i < argc; i++) {
        char *a = argv[i];
        if (options_end || !is_option(a)) {
            out[n++] = a;
            continue;
        }
        if (!strcmp(a, "--")) {
            options_end = 1;
            continue;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            opts_usage(cmd, opts, stdout);
            return 0;
        }
        const Opt *o;
        const char *value = NULL;
        char spelt[64]; /* the option as written, without its value */
        if (a[1] == '-') {
            const char *eq = strchr(a, '=');
            size_t len = eq ? (size_t)(eq - a) : strlen(a);
            o = find_long(opts, a + 2, len - 2);
            value = eq ? eq + 1 : NULL;
            snprintf(spelt, sizeof spelt, "%.*s", (int)len, a);
        } else {
            o = find_letter(opts, a[1]);
            if (o && a[2] && o->kind != OPT_FLAG)
                value = a + 2; /* -j2, -O2 */
            else if (a[2])
                o = NULL; /* no bundled flags: "-qx" is not "-q -x" */
            snprintf(spelt, sizeof spelt, "-%c", a[1]);
        }
        if (!o)
            return opts_usage_error(cmd, opts, "unknown option '%s'", a);
        if (o->writes && cmd->writer)
            return opts_usage_error(cmd, opts,
                                    "%s writes the ledger, and %s only reads it: use polc %s",
                                    spelt, cmd->name, cmd->writer);
        if (!takes(cmd, o))
            return opts_usage_error(cmd, opts, "%s is an option of polc %s", spelt, o->only);
        if (o->kind == OPT_FLAG) {
            if (value)
                return opts_usage_error(cmd, opts, "%s takes no value, got '%s'", spelt, a);
        } else if (!value) {
            if (i + 1 >= argc)
                return opts_usage_error(cmd, opts, "%s needs a value (%s)", spelt,
                                        o->meta ? o->meta : "VALUE");
            value = argv[++i];
        }
        if (store(cmd, opts, o, spelt, value, args) != 0)
            return OPTS_USAGE;
    }
    *operands = out;
    *noperands = n;
    return OPTS_PARSED;
}

void opts_usage(const Command *cmd, const Opt *opts, FILE *f)
{
    fputs("usage: ", f);
    put_name(cmd, f);
    fprintf(f, "%s%s%s\n  %s\n", *cmd->synopsis ? " " : "", cmd->synopsis,
            at_end(opts) ? "" : " [OPTIONS]", cmd->summary);
    if (!at_end(opts))
        fputs("options:\n", f);
    for (const Opt *o = opts; !at_end(o); o++) {
        if ((o->writes && cmd->writer) || !takes(cmd, o))
            continue;
        char left[96];
        int k = 0;
        if (o->letter)
            k += snprintf(left + k, sizeof left - (size_t)k, "-%c%s", o->letter,
                          o->name ? ", " : "");
        if (o->name)
            k += snprintf(left + k, sizeof left - (size_t)k, "--%s", o->name);
        if (o->kind != OPT_FLAG && k < (int)sizeof left)
            snprintf(left + k, sizeof left - (size_t)k, " %s", o->meta ? o->meta : "VALUE");
        if (strlen(left) < HELP_COLUMN - 2)
            fprintf(f, "  %-*s%s\n", HELP_COLUMN - 2, left, o->help);
        else
            fprintf(f, "  %s\n  %-*s%s\n", left, HELP_COLUMN - 2, "", o->help);
    }
    fprintf(f, "  %-*s%s\n", HELP_COLUMN - 2, "-h, --help", "this text");
    if (cmd->example)
        fprintf(f, "example:\n  %s\n", cmd->example);
}

int opts_run_check(const Command *cmd, const Opt *opts, const char *claims, const char *reverse,
                   const char *late, const char *adjustments, const char *ledger, int *late_reject)
{
    *late_reject = late && strcmp(late, "reject") == 0;
    if (!claims == !reverse)
        return opts_usage_error(cmd, opts,
                                reverse ? "give --claims FILE or --reverse FILE, not both"
                                        : "--claims FILE is required");
    if (late && !*late_reject && strcmp(late, "resettle") != 0)
        return opts_usage_error(cmd, opts, "--late takes resettle or reject, not '%s'", late);
    if ((reverse || late || adjustments) && !ledger)
        return opts_usage_error(cmd, opts,
                                "--%s needs --ledger (late claims and reversals change a stored "
                                "ledger)",
                                reverse ? "reverse"
                                : late  ? "late"
                                        : "adjustments");
    return OPTS_PARSED;
}
