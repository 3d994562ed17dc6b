/* fake_policy.h — a hand-written stand-in for a compiled policy, for the runtime's unit tests:
 * the same polc_* symbols the compiler emits (see spec/SCHEMA.md), plus named indices into
 * its claim / person / history / ledger / output / rule / param arrays so tests read clearly.
 * The arithmetic of a sample claim is worked by hand at the top of fake_policy.c. */
#ifndef POLC_FAKE_POLICY_H
#define POLC_FAKE_POLICY_H

#include "polrt.h"

/* the exported symbols, exactly as a built engine has them */
extern const char polc_schema[];
extern const int64_t polc_params[];
int64_t polc_settle(PolCtx *ctx);
void polc_keys(PolCtx *ctx, int64_t *keys);
int64_t polc_check(PolCtx *ctx);

/* an engine over the symbols above (polrt_engine_new); NULL with a message in err */
PolEngine *fake_policy_engine(char *err, size_t errlen);
/* the same policy with input checks that pass every claim, for tests that feed settle values
 * its checks refuse (a negative total, so that a rule overflows) */
PolEngine *fake_policy_engine_unchecked(char *err, size_t errlen);

/* enum Level and enum Identity: member indices */
enum { FAKE_TOWNSHIP, FAKE_COUNTY, FAKE_CITY };
enum { FAKE_POOR, FAKE_DIBAO };

/* claim fields, in schema order */
enum {
    FAKE_C_LEVEL,        /* enum:Level */
    FAKE_C_DISCHARGED,   /* date: the claim date (asof) and the ledger key's source */
    FAKE_C_TOTAL,        /* money */
    FAKE_C_NONCOMPLIANT, /* money */
    FAKE_C_EMERGENCY,    /* bool, default 0 */
    FAKE_C_REFERRAL,     /* date? */
    FAKE_NCLAIM
};
/* person fields */
enum { FAKE_P_CHRONIC, FAKE_NPERSON };
/* history fields (one row per identity span) */
enum { FAKE_H_IDENTITY, FAKE_H_FROM, FAKE_H_TO, FAKE_NHIST };
/* ledger "year" (the only ledger) fields, and the number of ledgers */
enum { FAKE_L_OWN_PAID, FAKE_L_CLAIMS, FAKE_NLEDGER_FIELDS };
#define FAKE_NLEDGERS 1
/* outputs */
enum { FAKE_O_BASIC, FAKE_O_OWN, FAKE_O_BACKSTOP, FAKE_NOUT };
/* rules, in schema order (PolCtx.rule_val / branch) */
enum {
    FAKE_R_COMPLIANT,
    FAKE_R_DEDUCT,
    FAKE_R_REFERRED,
    FAKE_R_BASIC_PAY,
    FAKE_R_OWN_SHARE,
    FAKE_R_ELIGIBLE,
    FAKE_R_BACKSTOP,
    FAKE_R_OWN_PAY,
    FAKE_NRULES
};
/* parameters (PolCtx.pver) */
enum { FAKE_P_DEDUCTIBLE, FAKE_P_RATIO, FAKE_P_CAP, FAKE_NPARAMS };
/* length of polc_params */
#define FAKE_NPARAM_VALUES 8
/* polc_params offsets a reform test may overwrite */
#define FAKE_OFF_RATIO 6
#define FAKE_OFF_CAP 7
/* schema "locs" indices where the policy can fail */
enum {
    FAKE_LOC_COMPLIANT,      /* total - noncompliant */
    FAKE_LOC_DEDUCT_VERSION, /* no deductible version for the claim date */
    FAKE_LOC_BASIC_SUB,      /* compliant - deduct */
    FAKE_LOC_RATIO_VERSION,  /* no ratio version */
    FAKE_LOC_BASIC_MUL,      /* × ratio */
    FAKE_LOC_OWN_SHARE,      /* compliant - basic_pay */
    FAKE_LOC_CAP_VERSION,    /* no cap version */
    FAKE_LOC_ROOM,           /* cap - own_paid */
    FAKE_LOC_OVER_CAP,       /* own_share - room */
    FAKE_LOC_OWN_PAY,        /* own_share - backstop */
    FAKE_LOC_LEDGER,         /* own_paid + own_pay, claims + 1 */
    FAKE_LOC_CHECK_SUM,      /* total + noncompliant in the second input check */
    FAKE_NLOCS
};
/* the input checks (schema "rejects", polc_check's results) */
enum { FAKE_REJECT_NONCOMPLIANT, FAKE_REJECT_TOO_BIG, FAKE_NREJECTS };

#endif
