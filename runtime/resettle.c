/* resettle.c — late claims and reversals on a ledger store (spec/DATA.md "Late claims and
 * reversals"). A person's claims stored after a point that share ledger rows with the claim
 * arriving late (or being reversed) are undone, newest first, each row back to the values the
 * claim found; then, after the late claim settles (or the reversed one leaves), they are
 * settled again in date order, and every output that changed is an adjustment: a row of the
 * adjustments file and of the ledger's audit trail. So a ledger equals the one a date-ordered
 * run would have made, whatever order the claims came in, and the adjustments are exactly the
 * differences from what was reported before. */
#include "rt_int.h"

#include <stdint.h>
#include <string.h>

void rt_resettle_free(RtResettle *rs)
{
    rt_ledger_claims_free(rs->list, rs->n);
    polrt_realloc(rs->redo, 0);
    polrt_realloc(rs->adj, 0);
    polrt_realloc(rs->cause, 0);
    memset(rs, 0, sizeof *rs);
}

int rt_resettle_cause(RtResettle *rs, const char *what, const char *claim_id, char *err,
                      size_t errlen)
{
    size_t n = strlen(what) + 1 + strlen(claim_id) + 1;
    polrt_realloc(rs->cause, 0);
    if (!(rs->cause = polrt_realloc(NULL, n))) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    snprintf(rs->cause, n, "%s %s", what, claim_id);
    return 0;
}

int64_t rt_adjust_delta(const RtSchema *s, int output, int64_t old, int64_t now)
{
    /* a difference of amounts (money, int, rate); other outputs have none */
    RtKind k = s->outputs[output].type.kind;
    if ((k != RT_MONEY && k != RT_INT && k != RT_RATE) || old == POLRT_NONE || now == POLRT_NONE)
        return POLRT_NONE;
    return now - old;
}

void rt_adjust_cells(struct RtLine *l, const RtSchema *s, int output, int64_t old, int64_t now,
                     int labels)
{
    const RtType *t = &s->outputs[output].type;
    rt_line_value(l, s, t, old, labels);
    rt_line_add(l, ",", 1);
    rt_line_value(l, s, t, now, labels);
    rt_line_add(l, ",", 1);
    int64_t delta = rt_adjust_delta(s, output, old, now);
    if (delta != POLRT_NONE)
        rt_line_value(l, s, t, delta, 0);
}

void rt_resettle_late_text(RtStore *st, const RtSchema *s, RtLedgerPerson *lp, const int64_t *keys,
                           int64_t date, int64_t *vals, char *buf, size_t len)
{
    /* the latest claim date of the claim's rows */
    int64_t last = POLRT_NONE, l1;
    for (int l = 0; l < s->nledgers; l++)
        if (rt_ledger_row(st, lp, l, keys[l], vals, &l1) && l1 != POLRT_NONE &&
            (last == POLRT_NONE || l1 > last))
            last = l1;
    char a[32], b[32];
    snprintf(buf, len,
             "dated %s, before a claim of the same person and %s dated %s already settled %s",
             polrt_fmt_date(date, a), s->nledgers == 1 ? "ledger year" : "ledger years",
             polrt_fmt_date(last, b),
             rt_ledger_is_memory(st) ? "(ledger in memory): it keeps no claims to settle again "
                                       "in date order (serve with --ledger FILE)"
                                     : "(ledger): late claims are refused (--late reject)");
}

/* claim c writes a row in touched[0..n) (pairs of ledger, key) */
static int touches(const RtStoredClaim *c, const int64_t *touched, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (c->keys[touched[2 * i]] == touched[2 * i + 1])
            return 1;
    return 0;
}

/* the rows of c into touched (pairs), those not there yet; 0, or -1 (memory) */
static int touch(const RtSchema *s, const int64_t *keys, int64_t **touched, size_t *n, size_t *cap)
{
    for (int l = 0; l < s->nledgers; l++) {
        size_t i = 0;
        while (i < *n && !((*touched)[2 * i] == l && (*touched)[2 * i + 1] == keys[l]))
            i++;
        if (i < *n)
            continue;
        if (rt_grow(touched, cap, 2 * (*n + 1), sizeof **touched))
            return -1;
        (*touched)[2 * *n] = l;
        (*touched)[2 * *n + 1] = keys[l];
        (*n)++;
    }
    return 0;
}

/* The claims to settle again, from rs->list[first] on, into rs->redo: the closure of those
 * reading a row (keys: the late or reversed claim's) that an undone claim wrote. The rows
 * they write into *touched (pairs of ledger, key; *nt of them). 0, or -1 (memory). */
static int undo_closure(const RtSchema *s, RtResettle *rs, size_t first, const int64_t *keys,
                        int64_t **touched, size_t *nt, char *err, size_t errlen)
{
    size_t cap = 0;
    rs->redo = polrt_realloc(NULL, rs->n + 1);
    if (!rs->redo || touch(s, keys, touched, nt, &cap)) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    memset(rs->redo, 0, rs->n + 1);
    /* the closure: a later claim that reads a row an undone claim wrote is undone too */
    for (size_t i = first; i < rs->n; i++) {
        if (!touches(&rs->list[i], *touched, *nt))
            continue;
        rs->redo[i] = 1;
        rs->nredo++;
        if (touch(s, rs->list[i].keys, touched, nt, &cap)) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
    }
    return 0;
}

/* Each row written by an undone claim (touched[0..nt)) goes back to what the earliest of
 * them found; its latest claim is then the latest of the claims that stay. 0, or -1. */
static int undo_rows(RtStore *st, RtLedgerPerson *lp, const RtResettle *rs, const int64_t *touched,
                     size_t nt, char *err, size_t errlen)
{
    for (size_t k = 0; k < nt; k++) {
        int l = (int)touched[2 * k];
        int64_t key = touched[2 * k + 1], last = POLRT_NONE;
        const int64_t *vals = NULL;
        for (size_t i = 0; i < rs->n; i++) {
            const RtStoredClaim *c = &rs->list[i];
            if (c->keys[l] != key)
                continue;
            if (rs->redo[i] || i == rs->target) {
                if (!vals)
                    vals = c->before;
            } else if (c->date != POLRT_NONE && (last == POLRT_NONE || c->date > last)) {
                last = c->date;
            }
        }
        if (vals && rt_ledger_set_row(st, lp, l, key, vals, last, err, errlen))
            return -1; /* (not newer: rt_resettle_undo looked) */
    }
    return 0;
}

int rt_resettle_undo(RtStore *st, const RtSchema *s, RtLedgerPerson *lp, const char *person_id,
                     const int64_t *keys, int64_t date, const char *target, RtResettle *rs,
                     char *err, size_t errlen)
{
    memset(rs, 0, sizeof *rs);
    rs->target = SIZE_MAX;
    if (rt_ledger_hold_rows(st, lp, err, errlen) ||
        rt_ledger_person_claims(st, person_id, &rs->list, &rs->n, err, errlen))
        return -1;
    size_t first = 0; /* the first claim that may be settled again */
    if (target) {
        while (first < rs->n && strcmp(rs->list[first].claim_id, target) != 0)
            first++;
        if (first == rs->n)
            return 1; /* not settled (for this person) */
        rs->target = first;
        keys = rs->list[first].keys;
        first++;
    } else {
        while (first < rs->n &&
               (rs->list[first].date == POLRT_NONE || rs->list[first].date <= date))
            first++;
    }
    int64_t *touched = NULL;
    size_t nt = 0;
    int rc = undo_closure(s, rs, first, keys, &touched, &nt, err, errlen);
    /* late against rows no stored claim explains: undoing nothing would leave it as late, and
     * its caller would try again for ever (a ledger whose later claim was deleted by hand) */
    if (rc == 0 && !target && rs->nredo == 0) {
        snprintf(err, errlen,
                 "the ledger's rows say a claim of this person dated after this one was settled, "
                 "but no such claim is stored: the ledger's rows and settled claims disagree "
                 "(changed outside polc?)");
        rc = -1;
    }
    /* a row of a later policy's, which this one would write back without the fields it
     * lacks: refused before any row is set, so nothing is half undone and the claims settled
     * beside it (a service's group) commit */
    for (size_t k = 0; rc == 0 && k < nt; k++)
        if (rt_ledger_row_newer(st, lp, (int)touched[2 * k], touched[2 * k + 1], err, errlen))
            rc = RT_UNDO_NEWER;
    if (rc == 0)
        rc = undo_rows(st, lp, rs, touched, nt, err, errlen);
    polrt_realloc(touched, 0);
    return rc;
}

/* an adjustment: kept in rs, a row of the adjustments file (when adj) and of the audit trail */
static int adjust(RtStore *st, const RtSchema *s, RtResettle *rs, const char *claim_id,
                  const char *person_id, int k, int64_t old, int64_t now, const char *cause,
                  RtLine *adj, char *err, size_t errlen)
{
    const RtOutput *o = &s->outputs[k];
    if (rt_grow(&rs->adj, &rs->cap_adj, rs->nadj + 1, sizeof *rs->adj)) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    rs->adj[rs->nadj++] = (RtAdjust){claim_id, k, old, now, cause};
    if (adj) {
        rt_line_cell(adj, claim_id);
        rt_line_add(adj, ",", 1);
        rt_line_cell(adj, o->name);
        rt_line_add(adj, ",", 1);
        rt_adjust_cells(adj, s, k, old, now, 0);
        rt_line_add(adj, ",", 1);
        rt_line_cell(adj, cause);
        rt_line_add(adj, "\n", 1);
        if (adj->oom) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
    }
    return rt_ledger_audit(st, "adjust", claim_id, person_id, o->name, old, now, cause, err,
                           errlen);
}

/* rt_settle_ctx's ledgers: the person's rows in the store */
typedef struct Load {
    RtStore *st;
    RtLedgerPerson *lp;
    char *err;
    size_t errlen;
} Load;

static int load_rows(void *arg, const int64_t *keys, int64_t *before)
{
    Load *l = arg;
    return rt_ledger_load(l->st, l->lp, keys, before, l->err, l->errlen);
}

int rt_resettle_reverse(RtStore *st, const RtSchema *s, const char *person_id, RtResettle *rs,
                        RtLine *adj, char *err, size_t errlen)
{
    const RtStoredClaim *c = &rs->list[rs->target];
    /* the amounts it paid go back to 0 (what the claim decided otherwise is in the record) */
    for (int k = 0; k < s->noutputs; k++)
        if (s->outputs[k].type.kind == RT_MONEY && c->out[k] != 0 && c->out[k] != POLRT_NONE &&
            adjust(st, s, rs, c->claim_id, person_id, k, c->out[k], 0, "reversed", adj, err,
                   errlen))
            return -1;
    if (rt_ledger_audit(st, "reverse", c->claim_id, person_id, NULL, POLRT_NONE, POLRT_NONE,
                        "record kept in reversed_claims", err, errlen))
        return -1;
    return rt_ledger_reverse(st, c->claim_id, err, errlen);
}

int rt_resettle_replay(PolEngine *e, RtStore *st, RtLedgerPerson *lp, const char *person_id,
                       const int64_t *person, const int64_t *hist, int64_t nhist, RtResettle *rs,
                       RtLine *adj, char *err, size_t errlen)
{
    const char *cause = rs->cause;
    const RtSchema *s = rt_engine_schema(e);
    if (rs->nredo == 0)
        return 0;
    size_t n = (size_t)s->noutputs + (size_t)s->nledgers + 2 * (size_t)s->nledger_fields +
               4 * (size_t)s->nrules + 2 * (size_t)s->nparams + 1;
    int64_t *mem = polrt_realloc(NULL, n * sizeof *mem);
    if (!mem) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    int64_t *out = mem, *keys = out + s->noutputs, *before = keys + s->nledgers,
            *after = before + s->nledger_fields, *rule_val = after + s->nledger_fields,
            *rule_state = rule_val + s->nrules, *branch = rule_state + s->nrules,
            *pver = branch + s->nrules;
    int date_idx = e->date_idx;
    Load ld = {st, lp, err, errlen};
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < rs->n; i++) {
        if (!rs->redo[i])
            continue;
        const RtStoredClaim *c = &rs->list[i];
        memset(mem, 0, n * sizeof *mem);
        PolCtx ctx = {
            .claim = c->fields,
            .person = person,
            .hist = hist,
            .nhist = nhist,
            .out = out,
            .params = e->params,
            .rule_val = rule_val,
            .rule_state = rule_state,
            .branch = branch,
            .pver = pver,
            .asof = date_idx >= 0 ? c->fields[date_idx] : POLRT_NONE,
            .user = e->user,
        };
        int settled = rt_settle_ctx(e, &ctx, keys, before, after, load_rows, &ld, 0);
        if (settled < 0) {
            rc = -1;
            break;
        }
        if (settled > 0) {
            /* it settled before on other rows; now the policy fails on it (an amount
             * overflows): the run cannot leave the ledger half re-settled */
            char why[256];
            snprintf(err, errlen, "claim %s, settled again after %s: %s", RT_SHOW(c->claim_id),
                     RT_SHOW(cause),
                     rt_failure_text(s, ctx.err_code, ctx.err_loc,
                                     settled == 2 ? ctx.asof : POLRT_NONE, why, sizeof why));
            rc = -1;
            break;
        }
        for (int k = 0; rc == 0 && k < s->noutputs; k++)
            if (out[k] != c->out[k])
                rc = adjust(st, s, rs, c->claim_id, person_id, k, c->out[k], out[k], cause, adj,
                            err, errlen);
        RtClaimRec rec = {c->claim_id, person_id, c->fields, out, keys, before, after};
        if (rc == 0)
            rc = rt_ledger_update_claim(st, lp, &rec, err, errlen);
    }
    polrt_realloc(mem, 0);
    return rc;
}

int rt_resettle_reverse_claim(PolEngine *e, RtStore *st, RtLedgerPerson *lp, const char *person_id,
                              const int64_t *person, const int64_t *hist, int64_t nhist,
                              const char *claim_id, RtResettle *rs, RtLine *adj, char *err,
                              size_t errlen)
{
    const RtSchema *s = rt_engine_schema(e);
    int rc = rt_resettle_undo(st, s, lp, person_id, NULL, POLRT_NONE, claim_id, rs, err, errlen);
    if (rc != 0)
        return rc;
    rc = rt_resettle_cause(rs, RT_CAUSE_REVERSAL, claim_id, err, errlen);
    if (rc == 0)
        rc = rt_resettle_reverse(st, s, person_id, rs, adj, err, errlen);
    if (rc == 0)
        rc = rt_resettle_replay(e, st, lp, person_id, person, hist, nhist, rs, adj, err, errlen);
    return rc < 0 ? -1 : 0;
}
