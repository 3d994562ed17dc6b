/* fake_policy.c — a compiled policy written by hand: the schema, parameter table, keys and
 * settle function that polc would emit for a small 351-style policy, so the runtime can be
 * tested without the compiler. Rules are memoised through rule_state and traced through
 * rule_val / branch / pver exactly as generated code does.
 *
 * The policy (money in yuan; versions by the claim's discharge date):
 *   deductible[Level]  from 2017-01-01: township 100, county 300, city 500
 *                      from 2025-01-01: township 200, county 400, city 600
 *   ratio 75%          cap 3000 (yearly own payment, ledger "year" = year of discharged)
 *   compliant = total - noncompliant                                     第七条
 *   deduct    = deductible[level]; chronic: 0                            第三条 / 第五条
 *   referred  = referral present; emergency: yes                         第八条
 *   basic_pay = (compliant - deduct)+ × ratio; unreferred (level above
 *               township and not referred): 0                            第三条 / 第八条
 *   own_share = compliant - basic_pay
 *   eligible  = an identity span covers the discharge date               第二条
 *   backstop  = 0; over_cap: own_share - (cap - own_paid)+;
 *               not_eligible: 0                                          第四条 / 第二条
 *   own_pay   = own_share - backstop; ledger: own_paid += own_pay, claims += 1
 *   outputs basic = basic_pay, own = own_pay, backstop = backstop
 *   reject "非合规费用大于总费用" when noncompliant > total                  (polc_check 0)
 *   reject "金额超出结算范围" when total + noncompliant > 90,000,000,000,000,000.00
 *          (polc_check 1; the sum overflows near the int64 limit: the check itself fails)
 *
 * Hand computation (the first claims of tests/unit/test_session.c; person not chronic,
 * identity poor from 2016-01-01, open):
 *   A  2024-03-10 county, total 12,000.00, noncompliant 1,000.00, referral 2024-03-01
 *      compliant 11,000.00; deduct 300.00 (version 0); referred (default)
 *      basic = (11,000.00 - 300.00) × 75% = 8,025.00; own_share = 2,975.00
 *      own_paid before 0.00: room 3,000.00 >= 2,975.00, backstop 0.00 (default)
 *      → basic 8,025.00, own 2,975.00, backstop 0.00; ledger 2024: 2,975.00, 1 claim
 *   B  2024-06-01 city, total 5,000.00, emergency, no referral
 *      referred (emergency); basic = (5,000.00 - 500.00) × 75% = 3,375.00; own_share 1,625.00
 *      room = 3,000.00 - 2,975.00 = 25.00; backstop (over_cap) = 1,625.00 - 25.00 = 1,600.00
 *      → basic 3,375.00, own 25.00, backstop 1,600.00; ledger 2024: 3,000.00, 2 claims
 *   C  2024-09-01 township, total 1,000.02 (referred not evaluated: township)
 *      basic = 900.02 × 75% = 675.015 → 675.02 (half away from zero); own_share 325.00
 *      room 0.00: backstop 325.00, own 0.00; ledger 2024: 3,000.00, 3 claims
 *   D  2025-02-01 county, total 12,000.00, noncompliant 1,000.00, referral 2025-01-20
 *      deduct 400.00 (version 1); basic = 10,600.00 × 75% = 7,950.00; own_share 3,050.00
 *      new year, ledger 2025 starts at 0: backstop 50.00 (over_cap), own 3,000.00
 */
#include "fake_policy.h"

#include <stddef.h>

/* Days since 1970-01-01 of the version boundaries, as the compiler folds them. */
#define DAY_2017_01_01 17167
#define DAY_2025_01_01 20089

const char polc_schema[] =
    "{\"schema_version\": 1,"
    " \"policy\": \"测试用医疗保障政策 (fake)\","
    " \"source\": \"tests/unit/support/fake_policy.c\","
    " \"file\": \"tests/unit/support/fake.pol\","
    " \"sha256\": \"04798bb486152150cc09eb25bfe3a916e2ec89c5b8be7002709b4c8aede44bef\","
    " \"compiler\": \"hand-written\","
    " \"built\": \"2026-11-22T10:00:00Z\","
    " \"valid_from\": \"2017-01-01\", \"valid_to\": null,"
    " \"claim_date\": \"discharged\","
    " \"enums\": ["
    "  {\"name\": \"Level\", \"members\": ["
    "    {\"name\": \"township\", \"label\": \"乡镇\"},"
    "    {\"name\": \"county\", \"label\": \"县区\"},"
    "    {\"name\": \"city\", \"label\": \"市级\"}]},"
    "  {\"name\": \"Identity\", \"members\": ["
    "    {\"name\": \"poor\", \"label\": \"建档立卡\"},"
    "    {\"name\": \"dibao\", \"label\": \"低保\"}]}],"
    " \"claim\": ["
    "  {\"name\": \"level\", \"type\": \"enum:Level\", \"label\": \"医院级别\", \"default\": null},"
    "  {\"name\": \"discharged\", \"type\": \"date\", \"label\": \"出院日期\", \"default\": null},"
    "  {\"name\": \"total\", \"type\": \"money\", \"label\": \"总费用\", \"default\": null},"
    "  {\"name\": \"noncompliant\", \"type\": \"money\", \"label\": \"非合规费用\","
    "   \"default\": null},"
    "  {\"name\": \"emergency\", \"type\": \"bool\", \"label\": \"急诊\", \"default\": 0},"
    "  {\"name\": \"referral\", \"type\": \"date?\", \"label\": \"转诊日期\", \"default\": null}],"
    " \"person\": ["
    "  {\"name\": \"chronic\", \"type\": \"bool\", \"label\": \"慢性病\", \"default\": 0}],"
    " \"history\": ["
    "  {\"name\": \"identity\", \"type\": \"enum:Identity\", \"label\": \"身份\","
    "   \"default\": null},"
    "  {\"name\": \"from\", \"type\": \"date\", \"label\": \"认定日期\", \"default\": null},"
    "  {\"name\": \"to\", \"type\": \"date?\", \"label\": \"退出日期\", \"default\": null}],"
    " \"ledgers\": ["
    "  {\"name\": \"year\", \"key\": \"year of claim.discharged\","
    "   \"key_field\": \"discharged\", \"fields\": ["
    "    {\"name\": \"own_paid\", \"type\": \"money\"},"
    "    {\"name\": \"claims\", \"type\": \"int\"}]}],"
    " \"outputs\": ["
    "  {\"name\": \"basic\", \"type\": \"money\", \"rule\": 3},"
    "  {\"name\": \"own\", \"type\": \"money\", \"rule\": 7},"
    "  {\"name\": \"backstop\", \"type\": \"money\", \"rule\": 6}],"
    " \"params\": ["
    "  {\"name\": \"deductible\", \"type\": \"money\", \"index\": \"Level\", \"cites\": \"第三条\","
    "   \"line\": 12, \"versions\": ["
    "    {\"from\": \"2017-01-01\", \"to\": \"2025-01-01\", \"offset\": 0, \"width\": 3},"
    "    {\"from\": \"2025-01-01\", \"to\": null, \"offset\": 3, \"width\": 3}]},"
    "  {\"name\": \"ratio\", \"type\": \"rate\", \"index\": null, \"cites\": \"第三条\","
    "   \"line\": 18, \"versions\": ["
    "    {\"from\": \"2017-01-01\", \"to\": null, \"offset\": 6, \"width\": 1}]},"
    "  {\"name\": \"cap\", \"type\": \"money\", \"index\": null, \"cites\": \"第四条\","
    "   \"line\": 20, \"versions\": ["
    "    {\"from\": \"2017-01-01\", \"to\": null, \"offset\": 7, \"width\": 1}]}],"
    " \"rules\": ["
    "  {\"name\": \"compliant\", \"type\": \"money\", \"cites\": \"第七条\", \"line\": 30,"
    "   \"col\": 1, \"doc\": \"合规费用 = 总费用 - 非合规费用\", \"branches\": ["
    "    {\"name\": \"default\", \"cites\": null, \"line\": 30}]},"
    "  {\"name\": \"deduct\", \"type\": \"money\", \"cites\": \"第三条\", \"line\": 34,"
    "   \"col\": 1, \"doc\": \"起付线\", \"branches\": ["
    "    {\"name\": \"default\", \"cites\": null, \"line\": 34},"
    "    {\"name\": \"chronic\", \"cites\": \"第五条\", \"line\": 36}]},"
    "  {\"name\": \"referred\", \"type\": \"bool\", \"cites\": \"第八条\", \"line\": 38,"
    "   \"col\": 1, \"doc\": null, \"branches\": ["
    "    {\"name\": \"default\", \"cites\": null, \"line\": 38},"
    "    {\"name\": \"emergency\", \"cites\": \"第八条\", \"line\": 39}]},"
    "  {\"name\": \"basic_pay\", \"type\": \"money\", \"cites\": \"第三条\", \"line\": 41,"
    "   \"col\": 1, \"doc\": \"基本医保\", \"branches\": ["
    "    {\"name\": \"default\", \"cites\": null, \"line\": 41},"
    "    {\"name\": \"unreferred\", \"cites\": \"第八条\", \"line\": 43}]},"
    "  {\"name\": \"own_share\", \"type\": \"money\", \"cites\": null, \"line\": 45,"
    "   \"col\": 1, \"doc\": null, \"branches\": ["
    "    {\"name\": \"default\", \"cites\": null, \"line\": 45}]},"
    "  {\"name\": \"eligible\", \"type\": \"bool\", \"cites\": \"第二条\", \"line\": 48,"
    "   \"col\": 1, \"doc\": null, \"branches\": ["
    "    {\"name\": \"default\", \"cites\": null, \"line\": 48}]},"
    "  {\"name\": \"backstop\", \"type\": \"money\", \"label\": \"兜底\", \"cites\": \"第四条\","
    "   \"line\": 50,"
    "   \"col\": 1, \"doc\": \"政府兜底\", \"branches\": ["
    "    {\"name\": \"default\", \"cites\": null, \"line\": 50},"
    "    {\"name\": \"over_cap\", \"cites\": \"第四条\", \"line\": 52},"
    "    {\"name\": \"not_eligible\", \"cites\": \"第二条\", \"line\": 54}]},"
    "  {\"name\": \"own_pay\", \"type\": \"money\", \"cites\": null, \"line\": 57,"
    "   \"col\": 1, \"doc\": null, \"branches\": ["
    "    {\"name\": \"default\", \"cites\": null, \"line\": 57}]}],"
    " \"locs\": ["
    "  {\"rule\": \"compliant\", \"line\": 30, \"col\": 17},"
    "  {\"rule\": \"deduct\", \"line\": 34, \"col\": 13},"
    "  {\"rule\": \"basic_pay\", \"line\": 41, \"col\": 9},"
    "  {\"rule\": \"basic_pay\", \"line\": 41, \"col\": 34},"
    "  {\"rule\": \"basic_pay\", \"line\": 41, \"col\": 30},"
    "  {\"rule\": \"own_share\", \"line\": 45, \"col\": 13},"
    "  {\"rule\": \"backstop\", \"line\": 51, \"col\": 12},"
    "  {\"rule\": \"backstop\", \"line\": 51, \"col\": 16},"
    "  {\"rule\": \"backstop\", \"line\": 52, \"col\": 15},"
    "  {\"rule\": \"own_pay\", \"line\": 57, \"col\": 11},"
    "  {\"rule\": \"ledger year\", \"line\": 60, \"col\": 24},"
    "  {\"rule\": \"reject \\\"金额超出结算范围\\\"\", \"line\": 63, \"col\": 31}],"
    " \"rejects\": ["
    "  {\"message\": \"非合规费用大于总费用\", \"line\": 62},"
    "  {\"message\": \"金额超出结算范围\", \"line\": 63}]"
    "}";

/* deductible (two versions × 3 levels), ratio, cap — offsets as in the schema */
const int64_t polc_params[FAKE_NPARAM_VALUES] = {
    10000,  30000, 50000, /* deductible from 2017-01-01: 100 / 300 / 500 yuan */
    20000,  40000, 60000, /* deductible from 2025-01-01: 200 / 400 / 600 yuan */
    750000,               /* ratio 75% */
    300000,               /* cap 3000 yuan (第四条) */
};

/* ---- helpers generated code would inline -------------------------------------------- */

static int64_t sub(PolCtx *c, int64_t a, int64_t b, int64_t loc)
{
    int64_t r;
    if (__builtin_sub_overflow(a, b, &r))
        polrt_fail(c, POLRT_E_OVERFLOW, loc);
    return r;
}

static int64_t add(PolCtx *c, int64_t a, int64_t b, int64_t loc)
{
    int64_t r;
    if (__builtin_add_overflow(a, b, &r))
        polrt_fail(c, POLRT_E_OVERFLOW, loc);
    return r;
}

/* Pick the version of parameter p in force at ctx->asof, record it in pver, and return
 * the table offset of that version: versions are [from, to), to 0 meaning open here. */
static int64_t version(PolCtx *c, int p, const int64_t (*v)[3], int nv, int64_t loc)
{
    for (int i = 0; i < nv; i++) {
        if (c->asof >= v[i][0] && (v[i][1] == 0 || c->asof < v[i][1])) {
            c->pver[p] = i;
            return v[i][2];
        }
    }
    polrt_fail(c, POLRT_E_NOVERSION, loc);
}

static const int64_t deductible_versions[2][3] = {
    {DAY_2017_01_01, DAY_2025_01_01, 0},
    {DAY_2025_01_01, 0, 3},
};
static const int64_t ratio_versions[1][3] = {{DAY_2017_01_01, 0, FAKE_OFF_RATIO}};
static const int64_t cap_versions[1][3] = {{DAY_2017_01_01, 0, FAKE_OFF_CAP}};

/* memoised rule evaluation, as generated code does it: state 2 = value cached */
#define RULE_BEGIN(r)                                                                              \
    do {                                                                                           \
        if (c->rule_state[r] == 2)                                                                 \
            return c->rule_val[r];                                                                 \
        c->rule_state[r] = 1;                                                                      \
    } while (0)
#define RULE_END(r, br, v)                                                                         \
    do {                                                                                           \
        c->rule_val[r] = (v);                                                                      \
        c->branch[r] = (br);                                                                       \
        c->rule_state[r] = 2;                                                                      \
        return c->rule_val[r];                                                                     \
    } while (0)

/* ---- the rules ----------------------------------------------------------------------- */

/* 第七条: non-compliant cost never enters a payer's base */
static int64_t r_compliant(PolCtx *c)
{
    RULE_BEGIN(FAKE_R_COMPLIANT);
    int64_t v = sub(c, c->claim[FAKE_C_TOTAL], c->claim[FAKE_C_NONCOMPLIANT], FAKE_LOC_COMPLIANT);
    RULE_END(FAKE_R_COMPLIANT, 0, v);
}

/* 第三条 deductible by level; 第五条 chronic patients have none */
static int64_t r_deduct(PolCtx *c)
{
    RULE_BEGIN(FAKE_R_DEDUCT);
    if (c->person[FAKE_P_CHRONIC])
        RULE_END(FAKE_R_DEDUCT, 1, 0);
    int64_t off = version(c, FAKE_P_DEDUCTIBLE, deductible_versions, 2, FAKE_LOC_DEDUCT_VERSION);
    if (c->pidx) /* the table entry read, as generated code traces it */
        c->pidx[FAKE_P_DEDUCTIBLE] = c->claim[FAKE_C_LEVEL];
    RULE_END(FAKE_R_DEDUCT, 0, c->params[off + c->claim[FAKE_C_LEVEL]]);
}

/* 第八条: referred, or an emergency (exempt from referral) */
static int64_t r_referred(PolCtx *c)
{
    RULE_BEGIN(FAKE_R_REFERRED);
    if (c->claim[FAKE_C_EMERGENCY])
        RULE_END(FAKE_R_REFERRED, 1, 1);
    RULE_END(FAKE_R_REFERRED, 0, c->claim[FAKE_C_REFERRAL] != POLRT_NONE);
}

/* 第三条: (compliant - deductible)+ × ratio; 第八条: nothing above township unreferred */
static int64_t r_basic_pay(PolCtx *c)
{
    RULE_BEGIN(FAKE_R_BASIC_PAY);
    if (c->claim[FAKE_C_LEVEL] != FAKE_TOWNSHIP && !r_referred(c))
        RULE_END(FAKE_R_BASIC_PAY, 1, 0);
    int64_t base = sub(c, r_compliant(c), r_deduct(c), FAKE_LOC_BASIC_SUB);
    if (base < 0)
        base = 0;
    int64_t off = version(c, FAKE_P_RATIO, ratio_versions, 1, FAKE_LOC_RATIO_VERSION);
    RULE_END(FAKE_R_BASIC_PAY, 0, polrt_mul_rate(c, base, c->params[off], FAKE_LOC_BASIC_MUL));
}

static int64_t r_own_share(PolCtx *c)
{
    RULE_BEGIN(FAKE_R_OWN_SHARE);
    RULE_END(FAKE_R_OWN_SHARE, 0, sub(c, r_compliant(c), r_basic_pay(c), FAKE_LOC_OWN_SHARE));
}

/* 第二条: an identity span [from, to) covers the discharge date */
static int64_t r_eligible(PolCtx *c)
{
    RULE_BEGIN(FAKE_R_ELIGIBLE);
    int64_t day = c->claim[FAKE_C_DISCHARGED], yes = 0;
    for (int64_t i = 0; i < c->nhist && !yes; i++) {
        const int64_t *h = c->hist + i * FAKE_NHIST;
        polrt_trace_span(c, i); /* as generated code records the spans it reads */
        yes = h[FAKE_H_FROM] <= day && (h[FAKE_H_TO] == POLRT_NONE || day < h[FAKE_H_TO]);
    }
    RULE_END(FAKE_R_ELIGIBLE, 0, yes);
}

/* 第四条: yearly own payment capped; the backstop pays the rest (only for the eligible) */
static int64_t r_backstop(PolCtx *c)
{
    RULE_BEGIN(FAKE_R_BACKSTOP);
    if (!r_eligible(c))
        RULE_END(FAKE_R_BACKSTOP, 2, 0);
    int64_t off = version(c, FAKE_P_CAP, cap_versions, 1, FAKE_LOC_CAP_VERSION);
    int64_t room = sub(c, c->params[off], c->ledger_in[FAKE_L_OWN_PAID], FAKE_LOC_ROOM);
    if (room < 0)
        room = 0;
    int64_t share = r_own_share(c);
    if (share > room)
        RULE_END(FAKE_R_BACKSTOP, 1, sub(c, share, room, FAKE_LOC_OVER_CAP));
    RULE_END(FAKE_R_BACKSTOP, 0, 0);
}

static int64_t r_own_pay(PolCtx *c)
{
    RULE_BEGIN(FAKE_R_OWN_PAY);
    RULE_END(FAKE_R_OWN_PAY, 0, sub(c, r_own_share(c), r_backstop(c), FAKE_LOC_OWN_PAY));
}

/* ---- entry points -------------------------------------------------------------------- */

int64_t polc_settle(PolCtx *c)
{
    c->out[FAKE_O_BASIC] = r_basic_pay(c);
    c->out[FAKE_O_OWN] = r_own_pay(c);
    c->out[FAKE_O_BACKSTOP] = r_backstop(c);
    c->ledger_out[FAKE_L_OWN_PAID] =
        add(c, c->ledger_in[FAKE_L_OWN_PAID], c->out[FAKE_O_OWN], FAKE_LOC_LEDGER);
    c->ledger_out[FAKE_L_CLAIMS] = add(c, c->ledger_in[FAKE_L_CLAIMS], 1, FAKE_LOC_LEDGER);
    return 0;
}

/* ledger "year": the calendar year of the discharge date (DOMAIN.md [assumed]) */
void polc_keys(PolCtx *c, int64_t *keys)
{
    keys[0] = polrt_year_of(c->claim[FAKE_C_DISCHARGED]);
}

/* the input checks: the first that holds, or -1 */
int64_t polc_check(PolCtx *c)
{
    if (c->claim[FAKE_C_NONCOMPLIANT] > c->claim[FAKE_C_TOTAL])
        return FAKE_REJECT_NONCOMPLIANT;
    if (add(c, c->claim[FAKE_C_TOTAL], c->claim[FAKE_C_NONCOMPLIANT], FAKE_LOC_CHECK_SUM) >
        INT64_C(9000000000000000000)) /* 90,000,000,000,000,000.00 yuan */
        return FAKE_REJECT_TOO_BIG;
    return -1;
}

PolEngine *fake_policy_engine(char *err, size_t errlen)
{
    PolEngine *e =
        polrt_engine_new(polc_schema, polc_params, polc_settle, polc_keys, NULL, err, errlen);
    polrt_engine_set_check(e, polc_check);
    return e;
}

static int64_t check_nothing(PolCtx *c)
{
    (void)c;
    return -1;
}

PolEngine *fake_policy_engine_unchecked(char *err, size_t errlen)
{
    PolEngine *e =
        polrt_engine_new(polc_schema, polc_params, polc_settle, polc_keys, NULL, err, errlen);
    polrt_engine_set_check(e, check_nothing);
    return e;
}
