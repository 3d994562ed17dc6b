/* engine.c — a compiled policy made usable: from entry points already in memory (JIT,
 * interpreter trampolines) or from a built .so (dlopen), with its schema parsed and checked
 * and its parameter table copied so a reform can replace it. Also the policy error texts
 * sessions and explanations share. */
#include "rt_int.h"

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* the parameters of type brackets must hold [n, lo_1, rate_1, ..., lo_n, rate_n] with the
 * lower bounds ascending, or polrt_progressive would read past its table */
static int check_params(const RtSchema *s, const int64_t *t, char *err, size_t errlen)
{
    for (int i = 0; i < s->nparams; i++) {
        const RtParam *p = &s->params[i];
        if (!p->brackets)
            continue;
        for (int k = 0; k < p->nversions; k++) {
            const int64_t *seg = t + p->versions[k].offset;
            int64_t width = p->versions[k].width, n = seg[0];
            /* a version may have fewer brackets than the param's most (its segment padded) */
            int ok = n >= 1 && n <= (width - 1) / 2;
            for (int64_t j = 1; ok && j < n; j++)
                ok = seg[1 + 2 * j] > seg[1 + 2 * (j - 1)];
            if (!ok) {
                if (err && errlen)
                    snprintf(err, errlen,
                             "parameter '%s' version %d: malformed brackets (expected "
                             "[n, lo_1, rate_1, ...] with 1 to %lld brackets, lower bounds "
                             "ascending)",
                             p->name, k, (long long)((width - 1) / 2));
                return -1;
            }
        }
    }
    return 0;
}

/* the engine over settle/keys, taking dl (may be NULL) even when it fails */
static PolEngine *engine_make(const char *json, const int64_t *params, PolSettleFn settle,
                              PolKeysFn keys, void *user, void *dl, const char *what, char *err,
                              size_t errlen)
{
    char msg[512];
    PolEngine *e = polrt_realloc(NULL, sizeof *e);
    if (!e) {
        snprintf(msg, sizeof msg, "out of memory");
        goto fail;
    }
    memset(e, 0, sizeof *e);
    e->dl = dl;
    dl = NULL;
    if (rt_schema_parse(json, &e->schema, msg, sizeof msg))
        goto fail;
    const RtSchema *s = &e->schema;
    if (!settle) {
        snprintf(msg, sizeof msg, "no settle function");
        goto fail;
    }
    if (!keys && s->nledgers > 0) {
        snprintf(msg, sizeof msg, "no keys function, but the policy has ledgers");
        goto fail;
    }
    if (s->nparam_values > 0) {
        if (!params) {
            snprintf(msg, sizeof msg, "no parameter table (the schema needs %zu values)",
                     s->nparam_values);
            goto fail;
        }
        if (check_params(s, params, msg, sizeof msg))
            goto fail;
        if (!(e->params = polrt_realloc(NULL, s->nparam_values * sizeof *e->params))) {
            snprintf(msg, sizeof msg, "out of memory");
            goto fail;
        }
        memcpy(e->params, params, s->nparam_values * sizeof *e->params);
    }
    e->json = json;
    e->settle = settle;
    e->settle_fast = settle;
    e->fast_memo = 1;
    /* looked up once: rt_engine_check's search by name was ~105 instructions a claim */
    e->date_idx = s->claim_date ? rt_schema_field(s->claim, s->nclaim, s->claim_date) : -1;
    e->keys = keys;
    e->user = user;
    return e;
fail:
    if (err && errlen)
        snprintf(err, errlen, "%s%s%s", what ? what : "", what ? ": " : "", msg);
    if (dl)
        dlclose(dl);
    polrt_engine_free(e);
    return NULL;
}

POLRT_API PolEngine *polrt_engine_new(const char *schema_json, const int64_t *params,
                                      PolSettleFn settle, PolKeysFn keys, void *user, char *err,
                                      size_t errlen)
{
    return engine_make(schema_json, params, settle, keys, user, NULL, NULL, err, errlen);
}

/* ---- Trusting an engine file before dlopen ---------------------------------------------------
 * dlopen runs the library's constructors before polc can see whether it is an engine at all,
 * so loading a .so is trusting whoever could write it. As ssh does with keys, polc refuses an
 * engine that someone other than root or the user running polc could have replaced: the file
 * must be a regular file owned by root or the user and not writable by group or others, and so
 * must every directory from it up to /, both along the path as given and along the path its
 * symbolic links resolve to. A directory writable by group or others is accepted only with the
 * sticky bit (as /tmp): there no one else can rename or remove the user's entries. */

/* the refusal: "ENGINE: refused: WHY" in err (when there is one); -1 */
__attribute__((format(printf, 4, 5))) static int refuse(char *err, size_t errlen,
                                                        const char *so_path, const char *fmt, ...)
{
    if (!err || !errlen)
        return -1;
    int n = snprintf(err, errlen, "%s: refused: ", so_path);
    if (n >= 0 && (size_t)n < errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
        va_end(ap);
    }
    return -1;
}

/* 0 when st (of path, a file or a directory) is safe; else -1 with the failed check in err */
static int trusted(const char *so_path, const char *path, const struct stat *st, int dir, char *err,
                   size_t errlen)
{
    const char *what = dir ? "directory" : "file";
    uid_t me = geteuid();
    if (!dir && !S_ISREG(st->st_mode))
        return refuse(err, errlen, so_path, "not a regular file");
    if (st->st_uid != 0 && st->st_uid != me)
        return refuse(err, errlen, so_path,
                      "%s %s is owned by uid %ld, neither root nor you (uid %ld): only code that "
                      "root or you could write is loaded",
                      what, path, (long)st->st_uid, (long)me);
    /* a sticky directory (as /tmp) lets no one else rename or remove the user's entries */
    if (dir && (st->st_mode & S_ISVTX))
        return 0;
    int others = (st->st_mode & S_IWOTH) != 0;
    if ((st->st_mode & S_IWGRP) || others)
        return refuse(err, errlen, so_path,
                      "%s %s is writable by %s (mode %04o): someone else could replace the code "
                      "polc would run (chmod go-w %s)",
                      what, path,
                      (st->st_mode & S_IWGRP) && others ? "group and others"
                      : (st->st_mode & S_IWGRP)         ? "its group"
                                                        : "others",
                      (unsigned)(st->st_mode & 07777), path);
    return 0;
}

/* the directories above path (absolute), each checked; 0 or -1 with err */
static int trusted_dirs(const char *so_path, const char *path, char *err, size_t errlen)
{
    char d[PATH_MAX];
    snprintf(d, sizeof d, "%s", path);
    for (;;) {
        char *slash = strrchr(d, '/');
        if (!slash)
            return 0;
        if (slash == d)
            slash[1] = 0; /* "/" itself, last */
        else
            *slash = 0;
        struct stat st;
        if (stat(d, &st) != 0)
            return refuse(err, errlen, so_path, "cannot check directory %s: %s", d,
                          strerror(errno));
        if (trusted(so_path, d, &st, 1, err, errlen))
            return -1;
        if (slash == d)
            return 0;
    }
}

/* 0 when the engine at so_path may be loaded, 1 when it does not exist (dlopen says so in its
 * words), -1 refused with the check that failed in err */
static int engine_trusted(const char *so_path, char *err, size_t errlen)
{
    char real[PATH_MAX], given[PATH_MAX];
    struct stat st;
    if (stat(so_path, &st) != 0 || !realpath(so_path, real))
        return 1;
    if (so_path[0] == '/') {
        snprintf(given, sizeof given, "%s", so_path);
    } else {
        char cwd[PATH_MAX];
        if (!getcwd(cwd, sizeof cwd))
            return refuse(err, errlen, so_path, "cannot check the current directory: %s",
                          strerror(errno));
        int n = snprintf(given, sizeof given, "%s/%s", cwd, so_path);
        if (n < 0 || (size_t)n >= sizeof given)
            snprintf(given, sizeof given, "%s", real);
    }
    if (trusted(so_path, real, &st, 0, err, errlen) || trusted_dirs(so_path, real, err, errlen))
        return -1;
    if (strcmp(given, real) != 0 && trusted_dirs(so_path, given, err, errlen))
        return -1;
    return 0;
}

/* A built engine: RTLD_NOW so a missing runtime symbol fails here, not mid-claim;
 * RTLD_LOCAL so two engines' polc_* symbols never meet. */
POLRT_API PolEngine *polrt_engine_open(const char *so_path, char *err, size_t errlen)
{
    static const char *const syms[] = {POLRT_SYM_SCHEMA, POLRT_SYM_PARAMS, POLRT_SYM_SETTLE,
                                       POLRT_SYM_KEYS};
    void *addr[4];
    if (!so_path) {
        if (err && errlen)
            snprintf(err, errlen, "no engine path");
        return NULL;
    }
    /* a bare file name would make dlopen search the library path, not the directory */
    char local[4096];
    if (!strchr(so_path, '/') && strlen(so_path) + 3 <= sizeof local) {
        snprintf(local, sizeof local, "./%s", so_path);
        so_path = local;
    }
    if (engine_trusted(so_path, err, errlen) < 0)
        return NULL;
    void *dl = dlopen(so_path, RTLD_NOW | RTLD_LOCAL);
    if (!dl) {
        const char *why = dlerror();
        if (!why)
            why = "cannot load";
        if (err && errlen) {
            /* glibc names the file first; say it ourselves when it does not */
            if (strncmp(why, so_path, strlen(so_path)) == 0)
                snprintf(err, errlen, "%s", why);
            else
                snprintf(err, errlen, "%s: %s", so_path, why);
        }
        return NULL;
    }
    for (int i = 0; i < 4; i++) {
        dlerror();
        addr[i] = dlsym(dl, syms[i]);
        if (!addr[i]) {
            if (err && errlen)
                snprintf(err, errlen, "%s: not a polc engine (no %s)", so_path, syms[i]);
            dlclose(dl);
            return NULL;
        }
    }
    /* ISO C has no cast from void * to a function pointer; POSIX guarantees this copy */
    PolSettleFn settle;
    PolKeysFn keys;
    memcpy(&settle, &addr[2], sizeof settle);
    memcpy(&keys, &addr[3], sizeof keys);
    PolEngine *e = engine_make(addr[0], addr[1], settle, keys, NULL, dl, so_path, err, errlen);
    /* the input checks are optional: an engine built before they existed has none, and its
     * schema lists none; one that lists checks must have them */
    void *chk = e ? dlsym(dl, POLRT_SYM_CHECK) : NULL;
    if (chk)
        memcpy(&e->check, &chk, sizeof e->check);
    /* the untraced entry likewise: an engine built before it existed settles traced */
    void *fast = e ? dlsym(dl, POLRT_SYM_SETTLE_FAST) : NULL;
    if (fast)
        memcpy(&e->settle_fast, &fast, sizeof e->settle_fast);
    const int64_t *flags = e ? dlsym(dl, POLRT_SYM_FAST_FLAGS) : NULL;
    if (flags && fast)
        polrt_engine_set_fast_flags(e, *flags);
    if (e && rt_engine_can_check(e, NULL, 0) != 0) {
        if (err && errlen)
            snprintf(err, errlen,
                     "%s: not a polc engine (no %s, but the schema lists %d input checks)", so_path,
                     POLRT_SYM_CHECK, e->schema.nrejects);
        polrt_engine_free(e);
        return NULL;
    }
    return e;
}

POLRT_API void polrt_engine_set_check(PolEngine *e, PolCheckFn check)
{
    if (e)
        e->check = check;
}

POLRT_API void polrt_engine_set_fast(PolEngine *e, PolSettleFn settle_fast)
{
    if (e) {
        e->settle_fast = settle_fast ? settle_fast : e->settle;
        e->fast_memo = 1; /* until the new entry's flags say otherwise */
        e->fast_in_place = 0;
    }
}

/* whether polc_keys may read the memo: a key that is neither lifetime nor a claim field's
 * year (key_field) is an expression, which may call a context rule, and polc_keys (traced, as
 * every engine built so far) computes that through rule_state. Left uncleared, the first
 * claim's key was every later claim's (tests/runtime/key_rule.sh). */
static int keys_read_memo(const RtSchema *s)
{
    for (int i = 0; i < s->nledgers; i++) {
        const RtLedger *l = &s->ledgers[i];
        if (!l->key_field && (!l->key || strcmp(l->key, "lifetime") != 0))
            return 1;
    }
    return 0;
}

POLRT_API void polrt_engine_set_fast_flags(PolEngine *e, int64_t flags)
{
    /* the traced entry standing in for a missing fast one keeps its memo whatever the flags */
    if (e) {
        e->fast_memo = !(flags & POLRT_FAST_NO_MEMO) || e->settle_fast == e->settle ||
                       keys_read_memo(&e->schema);
        e->fast_in_place = (flags & POLRT_FAST_LEDGER_IN_PLACE) && e->settle_fast != e->settle;
    }
}

POLRT_API void polrt_engine_free(PolEngine *e)
{
    if (!e)
        return;
    rt_schema_free(&e->schema);
    polrt_realloc(e->params, 0);
    if (e->dl)
        dlclose(e->dl);
    polrt_realloc(e, 0);
}

POLRT_API const char *polrt_engine_schema(const PolEngine *e)
{
    return e ? e->json : NULL;
}

POLRT_API const char *polrt_engine_sha256(const PolEngine *e)
{
    return e ? e->schema.sha256 : NULL;
}

POLRT_API const char *polrt_engine_file(const PolEngine *e)
{
    return e ? e->schema.file : NULL;
}

POLRT_API void polrt_engine_validity(const PolEngine *e, int64_t *from, int64_t *to)
{
    *from = e->schema.valid_from;
    *to = e->schema.valid_to;
}

/* A reform's table: same length as the schema's, brackets well formed. Not while a
 * session of this engine is settling (sessions read the table in place). */
POLRT_API int polrt_engine_set_params(PolEngine *e, const int64_t *params, size_t n)
{
    if (!e || n != e->schema.nparam_values || (n && !params))
        return -1;
    if (check_params(&e->schema, params, NULL, 0))
        return -1;
    if (n)
        memcpy(e->params, params, n * sizeof *params);
    return 0;
}

POLRT_API size_t polrt_engine_nparams(const PolEngine *e)
{
    return e ? e->schema.nparam_values : 0;
}

const RtSchema *rt_engine_schema(const PolEngine *e)
{
    return &e->schema;
}

/* ---- input checks ------------------------------------------------------------------------ */

int rt_engine_can_check(const PolEngine *e, char *err, size_t errlen)
{
    if (e->schema.nrejects == 0 || e->check)
        return 0;
    if (err && errlen)
        snprintf(err, errlen,
                 "the policy declares %d input checks (reject), but the engine has no "
                 "check function",
                 e->schema.nrejects);
    return -1;
}

/* polc_check with polrt_fail's landing place set; ctx is the caller's, so nothing local
 * changes between setjmp and a long jump (no volatile needed). 0, or -1 when it failed. */
static int run_check(PolCtx *ctx, const PolEngine *e, const int64_t *claim, int64_t *code,
                     int64_t *loc, int *rejected)
{
    jmp_buf jb;
    ctx->jmp = &jb;
    if (setjmp(jb))
        return -1;
    *rejected = rt_engine_check_in(e, ctx, claim, code, loc);
    return 0;
}

int rt_engine_checks(const PolEngine *e)
{
    return e->check && e->schema.nrejects > 0;
}

void rt_engine_check_ctx(const PolEngine *e, PolCtx *ctx, int64_t *pver)
{
    /* pver is scratch (rt_int.h): nothing reads what the checks write there, so it is not
     * cleared first (~20 instructions a claim) */
    *ctx = (PolCtx){.params = e->params, .pver = pver, .user = e->user};
}

int rt_engine_check_in(const PolEngine *e, PolCtx *ctx, const int64_t *claim, int64_t *code,
                       int64_t *loc)
{
    const RtSchema *s = &e->schema;
    int64_t asof = e->date_idx >= 0 ? claim[e->date_idx] : POLRT_NONE;
    if (asof != POLRT_NONE && ((s->valid_from != POLRT_NONE && asof < s->valid_from) ||
                               (s->valid_to != POLRT_NONE && asof >= s->valid_to)))
        return 0;
    ctx->claim = claim;
    ctx->asof = asof;
    int64_t idx = e->check(ctx);
    if (idx < 0)
        return 0;
    *code = POLRT_E_REJECTED;
    *loc = idx;
    return 1;
}

int rt_engine_check(const PolEngine *e, const int64_t *claim, int64_t *pver, int64_t *code,
                    int64_t *loc)
{
    if (!rt_engine_checks(e))
        return 0;
    PolCtx ctx;
    rt_engine_check_ctx(e, &ctx, pver);
    int rejected = 0;
    if (run_check(&ctx, e, claim, code, loc, &rejected) != 0) {
        *code = ctx.err_code;
        *loc = ctx.err_loc;
        return 1;
    }
    return rejected;
}

/* ---- policy errors, in words ----------------------------------------------------------- */

const char *rt_err_text(int64_t code)
{
    switch (code) {
    case POLRT_OK: return "no error";
    case POLRT_E_OVERFLOW: return "amount overflow";
    case POLRT_E_DIVZERO: return "division by zero";
    case POLRT_E_CALENDAR: return "working day outside the shipped calendar years";
    case POLRT_E_NONE: return "absent value used";
    case POLRT_E_DATE: return "date out of range";
    case POLRT_E_NOVERSION: return "no version in force on the claim date";
    case POLRT_E_REJECTED: return "rejected by an input check";
    case POLRT_E_UNKNOWN: return "a table value the policy marks unknown was needed";
    default: return "unknown policy error";
    }
}

/* "amount overflow in rule basic_pay (line 41, col 9)"; a loc that names no rule (a ledger
 * update, say) reads "in ledger year (...)" */
char *rt_failure_text(const RtSchema *s, int64_t code, int64_t loc, int64_t asof, char *buf,
                      size_t len)
{
    if (code == POLRT_E_NOVERSION && loc < 0 && asof != POLRT_NONE) {
        /* the failure of every claim dated outside the policy (6.6% of polc gen's claims for
         * Panji): joined in place, cut as snprintf would cut it, for the ~1,700 instructions
         * its format parsing cost a claim (callgrind) */
        char day[32];
        size_t n = rt_cut_copy(buf, len, 0, "dated ");
        n = rt_cut_copy(buf, len, n, polrt_fmt_date(asof, day));
        rt_cut_copy(buf, len, n, ", outside the policy's validity");
        return buf;
    }
    return rt_err_describe(s, code, loc, buf, len);
}

POLRT_API char *polrt_failure_text(const PolEngine *e, const int64_t *claim, int64_t code,
                                   int64_t loc, char *buf, size_t len)
{
    const RtSchema *s = &e->schema;
    int64_t asof = claim && e->date_idx >= 0 ? claim[e->date_idx] : POLRT_NONE;
    return rt_failure_text(s, code, loc, asof, buf, len);
}

char *rt_err_describe(const RtSchema *s, int64_t code, int64_t loc, char *buf, size_t len)
{
    const char *what = rt_err_text(code);
    /* which years there are (a new-user pass was told only "outside the shipped years") */
    char years[160], list[96];
    if (code == POLRT_E_CALENDAR && rt_calendar_years(list, sizeof list)) {
        snprintf(years, sizeof years, "%s (%s)", what, list);
        what = years;
    }
    if (code == POLRT_E_REJECTED) { /* the policy's own words for what is wrong */
        if (loc >= 0 && loc < s->nrejects)
            snprintf(buf, len, "%s", s->rejects[loc].message);
        else
            snprintf(buf, len, "%s (unknown check %lld)", what, (long long)loc);
        return buf;
    }
    if (loc < 0) { /* raised by the runtime, not at a place in the policy */
        snprintf(buf, len, "%s", what);
        return buf;
    }
    if (loc >= s->nlocs) {
        snprintf(buf, len, "%s (error code %lld at unknown location %lld)", what, (long long)code,
                 (long long)loc);
        return buf;
    }
    const RtLoc *l = &s->locs[loc];
    int is_rule = 0;
    for (int i = 0; i < s->nrules && !is_rule; i++)
        is_rule = strcmp(s->rules[i].name, l->rule) == 0;
    char unknown[512];
    if (code == POLRT_E_UNKNOWN && l->param >= 0) {
        /* "deductible[county] is unknown (第三条 does not give it)": the param, the member and
         * the article, so the analyst knows which value the notice leaves open */
        const RtParam *p = &s->params[l->param];
        snprintf(unknown, sizeof unknown, "%s[%s] is unknown (%s does not give it)", p->name,
                 s->enums[p->index_enum].names[l->member], p->cites ? p->cites : "the notice");
        what = unknown;
    }
    snprintf(buf, len, "%s in %s%s (line %d, col %d)", what, is_rule ? "rule " : "", l->rule,
             l->line, l->col);
    return buf;
}
