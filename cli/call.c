/* call.c — polc call: evaluate one rule on arguments given on the command line, through
 * libffi (the JIT's compiled function, whose signature is known only from the policy) or the
 * interpreter, and print the value as people read it. Only rules whose inputs are their
 * arguments (and params) qualify: one of no arguments too, when it reads no claim data. */
#include "cli.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "driver.h"
#include "engine.h"
#include "ffi.h"
#include "interp.h"
#include "text.h"

/* the most arguments polc call passes to a rule */
#define CALL_MAX_ARGS 64

/* does rule r depend on anything but its arguments and params (claim, person, ledger,
 * history)? A rule of no arguments is looked into as any other: one that reads only params
 * was refused as "reads the claim" (a new-user pass). */
static const char *impure_node(const IrProgram *p, const IrNode *n, int depth);

static const char *impure_rule(const IrProgram *p, int r, int depth)
{
    if (depth > 64)
        return NULL;
    const IrRule *ru = &p->rules[r];
    for (int i = 0; i < ru->nbr; i++) {
        const char *w = impure_node(p, ru->br[i].guard, depth + 1);
        if (!w)
            w = impure_node(p, ru->br[i].body, depth + 1);
        if (w)
            return w;
    }
    return NULL;
}

static const char *impure_node(const IrProgram *p, const IrNode *n, int depth)
{
    if (!n)
        return NULL;
    switch (n->op) {
    case IR_CLAIM: return "the claim";
    case IR_PERSON: return "the person";
    case IR_LEDGER: return "a ledger";
    case IR_HIST:
    case IR_AGG: return "the person's history";
    case IR_RULE: return impure_rule(p, n->a, depth);
    case IR_CALL: {
        const char *w = impure_rule(p, n->a, depth);
        for (int i = 0; !w && i < n->nargs; i++)
            w = impure_node(p, n->args[i], depth);
        return w;
    }
    case IR_HOST:
        for (int i = 0; i < n->nargs; i++) {
            const char *w = impure_node(p, n->args[i], depth);
            if (w)
                return w;
        }
        return NULL;
    default: {
        const char *w = impure_node(p, n->x, depth);
        if (!w)
            w = impure_node(p, n->y, depth);
        if (!w)
            w = impure_node(p, n->z, depth);
        return w;
    }
    }
}

/* parse one command-line argument as a value of type t */
static int parse_arg(const Policy *pol, Type t, const char *s, int64_t *v)
{
    size_t n = strlen(s);
    if (t.optional && (n == 0 || !strcmp(s, "absent"))) { /* an optional argument left out */
        *v = POLRT_NONE;
        return 0;
    }
    switch (t.kind) {
    case TY_MONEY: {
        if (n > 5 && !strcmp(s + n - 5, " yuan"))
            n -= 5;
        else if (n > 4 && !strcmp(s + n - 4, "yuan"))
            n -= 4;
        return polrt_parse_money(s, n, v);
    }
    case TY_RATE: return polrt_parse_rate(s, n, v);
    case TY_DATE: return polrt_parse_date(s, n, v);
    case TY_BOOL:
        if (!strcmp(s, "true") || !strcmp(s, "是"))
            return *v = 1, 0;
        if (!strcmp(s, "false") || !strcmp(s, "否"))
            return *v = 0, 0;
        return -1;
    case TY_INT:
    case TY_DURATION: {
        char *end;
        long long x = strtoll(s, &end, 10);
        if (end == s || *end)
            return -1;
        *v = x;
        return 0;
    }
    case TY_ENUM:
        for (int i = 0; i < t.en->members.len; i++)
            if (!strcmp(s, t.en->members.data[i].name) ||
                (t.en->members.data[i].label && !strcmp(s, t.en->members.data[i].label)))
                return *v = i, 0;
        return -1;
    default: (void)pol; return -1;
    }
}

/* The rule polc call can evaluate: one of the policy's, whose only inputs are its arguments,
 * given as many arguments as it takes. Its index, or -1 after a message. */
static int callable_rule(Compiled *c, const char *policy, const char *rule, int nargs)
{
    const IrProgram *ir = c->ir;
    int r = -1;
    for (int i = 0; i < ir->nrules; i++)
        if (!strcmp(ir->rules[i].name, rule))
            r = i;
    if (r < 0) {
        fprintf(stderr, "polc: %s has no rule '%s'\n", policy, rule);
        return -1;
    }
    Decl *decl = ir->rules[r].decl;
    const char *why = impure_rule(ir, r, 0);
    if (why) {
        fprintf(stderr,
                "polc: rule '%s' reads %s; polc call evaluates rules whose only inputs "
                "are their arguments\n",
                rule, why);
        return -1;
    }
    if (nargs != decl->fields.len) {
        fprintf(stderr, "polc: rule '%s' takes %d argument%s (", rule, decl->fields.len,
                diag_plural(decl->fields.len));
        for (int i = 0; i < decl->fields.len; i++)
            fprintf(stderr, "%s%s: %s", i ? ", " : "", decl->fields.data[i].name,
                    type_name(&c->arena, decl->fields.data[i].ty));
        fprintf(stderr, "), %d given\n", nargs);
        return -1;
    }
    return r;
}

/* the command line's arguments as values of rule r's argument types; 0, or -1 after a
 * message */
static int arg_values(Compiled *c, int r, const char **args, int nargs, int64_t *vals)
{
    Decl *decl = c->ir->rules[r].decl;
    for (int i = 0; i < nargs; i++)
        if (parse_arg(&c->pol, decl->fields.data[i].ty, args[i], &vals[i]) != 0) {
            fprintf(stderr, "polc: argument %d of '%s' (%s) must be %s, got '%s'\n", i + 1,
                    decl->name, decl->fields.data[i].name,
                    type_name(&c->arena, decl->fields.data[i].ty), args[i]);
            return -1;
        }
    return 0;
}

/* the first param or dated rule with more than one version, or NULL: the date picks which */
static const Decl *versioned(const Policy *pol)
{
    const DeclList *lists[] = {&pol->params, &pol->rules};
    for (int l = 0; l < 2; l++)
        for (int i = 0; i < lists[l]->len; i++)
            if (lists[l]->data[i]->versions.len > 1)
                return lists[l]->data[i];
    return NULL;
}

/* the policy's validity in words: "2017-01-01 to 2026-12-31", "from 2017-01-01 on" */
static const char *validity(const Policy *pol, char *buf, size_t len)
{
    char a[32], b[32];
    if (pol->valid_to == INT64_MAX)
        snprintf(buf, len, "from %s on", polrt_fmt_date(pol->valid_from, a));
    else
        snprintf(buf, len, "%s to %s", polrt_fmt_date(pol->valid_from, a),
                 polrt_fmt_date(pol->valid_to - 1, b));
    return buf;
}

/* The day whose versions apply: --date, which must lie in the policy's validity (no version
 * is in force outside it). Without --date: the policy's start, when every param and rule has
 * one version (any day of the validity gives the same value); a usage error otherwise, since
 * the answer depends on the day (issue 12: today's date was used silently). 0, or -1 after a
 * message. */
static int as_of(const Policy *pol, const char *path, const char *date, int64_t *asof)
{
    char v[80];
    if (!date) {
        const Decl *d = versioned(pol);
        if (d) {
            fprintf(stderr,
                    "polc: %s has more than one version of %s '%s': give --date YYYY-MM-DD "
                    "(valid %s)\n",
                    path, d->kind == DK_PARAM ? "param" : "rule", d->name,
                    validity(pol, v, sizeof v));
            return -1;
        }
        *asof = pol->valid_from;
        return 0;
    }
    if (polrt_parse_date(date, strlen(date), asof) != 0) {
        fprintf(stderr, "polc: --date needs YYYY-MM-DD, got '%s'\n", date);
        return -1;
    }
    if (*asof < pol->valid_from || *asof >= pol->valid_to) {
        fprintf(stderr, "polc: --date %s is outside the policy's validity (%s)\n", date,
                validity(pol, v, sizeof v));
        return -1;
    }
    return 0;
}

/* Evaluate rule r on vals (the JIT's function through libffi, or the interpreter) and print
 * its value, or the failure: exit code 0, or 3 when the rule fails. */
static int evaluate(const Engine *e, int r, const int64_t *vals, int nargs, int64_t asof)
{
    const IrProgram *ir = e->policy->ir;
    int nr = ir->nrules, np = ir->nparams;
    int64_t *memo = calloc((size_t)(3 * nr + np + 4), sizeof(int64_t));
    if (!memo) {
        fputs("polc: out of memory\n", stderr);
        return EXIT_USAGE;
    }
    for (int i = 0; i < nr + np; i++)
        memo[2 * nr + i] = -1;
    jmp_buf jb;
    PolCtx ctx = {.params = e->jit ? polc_backend_loaded()->jit_params(e->jit) : ir->ptable,
                  .rule_val = memo,
                  .rule_state = memo + nr,
                  .branch = memo + 2 * nr,
                  .pver = memo + 3 * nr,
                  .asof = asof,
                  .jmp = &jb,
                  .user = (void *)ir};
    int rc;
    if (setjmp(jb) == 0) {
        int64_t v =
            e->jit ? ffi_call_rule(polc_backend_loaded()->jit_rule(e->jit, r), &ctx, vals, nargs)
                   : interp_call(&ctx, r, vals);
        char buf[128];
        puts(text_value(&e->policy->pol, ir->rules[r].decl->ty, v, buf, sizeof buf));
        rc = EXIT_OK;
    } else {
        char buf[512];
        fprintf(stderr, "polc: %s\n",
                polrt_failure_text(e->pe, NULL, ctx.err_code, ctx.err_loc, buf, sizeof buf));
        rc = EXIT_DATA;
    }
    free(memo);
    return rc;
}

static int call_rule(const char *policy, const char *rule, const char **args, int nargs,
                     const char *date, int interp)
{
    Engine e;
    switch (engine_load(
        &e, &(EngineSpec){.path = policy, .mode = interp ? ENGINE_INTERP : ENGINE_JIT, .opt = 2})) {
    case ENGINE_OK: break;
    case ENGINE_POLICY_ERRORS: engine_free(&e); return EXIT_POLICY;
    case ENGINE_FAILED: engine_free(&e); return EXIT_USAGE;
    case ENGINE_SYSTEM: engine_free(&e); return EXIT_SYSTEM;
    }
    int64_t vals[CALL_MAX_ARGS], asof;
    int r = callable_rule(e.policy, policy, rule, nargs);
    int rc = EXIT_USAGE;
    if (r >= 0 && arg_values(e.policy, r, args, nargs, vals) == 0 &&
        as_of(&e.policy->pol, policy, date, &asof) == 0)
        rc = evaluate(&e, r, vals, nargs, asof);
    engine_free(&e);
    return rc;
}

typedef struct CallArgs {
    const char *date;
    long interp;
} CallArgs;

static const Opt call_opts[] = {
    {"date", 0, OPT_STR, offsetof(CallArgs, date), "YYYY-MM-DD",
     .help = "the versions in force on this day, in the policy's validity (required when a "
             "param or rule has several versions; else the policy's start)"},
    {"interp", 0, OPT_FLAG, offsetof(CallArgs, interp), NULL, 1,
     .help = "evaluate with the reference interpreter, not the JIT"},
    {0},
};

/* polc call POLICY RULE ARG...: arguments may be negative numbers, which opts_parse leaves
 * as operands */
int cmd_call(const Command *cmd, int argc, char **argv)
{
    CallArgs a;
    char **pos;
    int npos, rc = opts_parse(cmd, call_opts, argc, argv, &a, &pos, &npos);
    if (rc != OPTS_PARSED)
        return rc;
    if (npos < 2)
        return opts_usage_error(cmd, call_opts, "give a POLICY and one of its RULEs");
    if (npos - 2 > CALL_MAX_ARGS)
        return opts_usage_error(cmd, call_opts, "too many ARGs (a rule takes at most %d)",
                                CALL_MAX_ARGS);
    return call_rule(pos[0], pos[1], (const char **)pos + 2, npos - 2, a.date, (int)a.interp);
}
