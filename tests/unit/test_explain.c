/* test_explain.c — explanations of the fake policy's claims (support/fake_policy.c): the
 * analyst text of claim B (an emergency over the yearly cap) compared byte for byte, a
 * failed claim's text, and the JSON line read back with cJSON. */
#include "fake_policy.h"
#include "rt_int.h"
#include "unit.h"

#include <cjson/cJSON.h>
#include <stdlib.h>

/* Claim B of fake_policy.c's comment, after claim A: every number is worked there. */
static const char golden_b[] =
    "claim B — 测试用医疗保障政策 (fake) (tests/unit/support/fake.pol)\n"
    "status: settled\n"
    "inputs:\n"
    "  医院级别 (level)           city (市级)\n"
    "  出院日期 (discharged)      2024-06-01\n"
    "  总费用 (total)             5,000.00 yuan\n"
    "  非合规费用 (noncompliant)  0.00 yuan\n"
    "  急诊 (emergency)           true\n"
    "  转诊日期 (referral)        none\n"
    "person:\n"
    "  chronic           false\n"
    /* eligible (第二条) read the one span, still open: no end date */
    "history (the spans the rules read):\n"
    "  #1  identity poor (建档立卡), from 2016-01-01, to (open)\n"
    "rules (in policy order, those this claim needed):\n"
    "  compliant        5,000.00 yuan  — 第七条: 合规费用 = 总费用 - 非合规费用\n"
    "  deduct           500.00 yuan  — 第三条: 起付线\n"
    "  referred         true  (exception emergency)  — 第八条\n"
    "  basic_pay        3,375.00 yuan  — 第三条: 基本医保\n"
    "  own_share        1,625.00 yuan\n"
    "  eligible         true  — 第二条\n"
    "  兜底 (backstop)  1,600.00 yuan  (exception over_cap)  — 第四条: 政府兜底\n"
    "  own_pay          25.00 yuan\n"
    "parameters:\n"
    "  deductible[city] = 500.00 yuan (in force from 2017-01-01 to 2024-12-31)  — 第三条\n"
    "  ratio = 75% (in force from 2017-01-01)  — 第三条\n"
    "  cap = 3,000.00 yuan (in force from 2017-01-01)  — 第四条\n"
    "ledger year (year of claim.discharged = 2024):\n"
    "  own_paid    2,975.00 yuan → 3,000.00 yuan\n"
    "  claims      1 → 2\n"
    "outputs:\n"
    "  basic       3,375.00 yuan\n"
    "  own         25.00 yuan\n"
    "  backstop    1,600.00 yuan\n";

/* a claim that overflows in basic_pay: the rules done before it, then the error */
static const char golden_x[] =
    "claim X — 测试用医疗保障政策 (fake) (tests/unit/support/fake.pol)\n"
    "status: error\n"
    "inputs:\n"
    "  医院级别 (level)           county (县区)\n"
    "  出院日期 (discharged)      2024-06-01\n"
    "  总费用 (total)             -92,233,720,368,547,757.08 yuan\n"
    "  非合规费用 (noncompliant)  0.00 yuan\n"
    "  急诊 (emergency)           false\n"
    "  转诊日期 (referral)        2024-03-01\n"
    "person:\n"
    "  chronic           false\n"
    /* basic_pay failed before eligible read the span */
    "rules (in policy order, those this claim needed):\n"
    "  compliant        -92,233,720,368,547,757.08 yuan  — 第七条: 合规费用 = 总费用 - 非合规费用\n"
    "  deduct           300.00 yuan  — 第三条: 起付线\n"
    "  referred         true  — 第八条\n"
    "parameters:\n"
    "  deductible[county] = 300.00 yuan (in force from 2017-01-01 to 2024-12-31)  — 第三条\n"
    "error: amount overflow in rule basic_pay (line 41, col 9)\n"
    "ledgers unchanged\n";

static int64_t day(int y, int m, int d)
{
    return polrt_days_from_civil(y, m, d);
}

/* what an explain function writes, as a string (caller frees) */
static char *capture(void (*fn)(const PolEngine *, const char *, const int64_t *, const PolResult *,
                                FILE *),
                     const PolEngine *e, const char *id, const int64_t *claim, const PolResult *r)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    fn(e, id, claim, r, f);
    fclose(f);
    return buf;
}

/* the integer at a path of object members ("outputs", "basic", "value"), or -1 */
static int64_t json_at(const cJSON *j, const char *a, const char *b, const char *c)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(j, a);
    if (b)
        v = cJSON_GetObjectItemCaseSensitive(v, b);
    if (c)
        v = cJSON_GetObjectItemCaseSensitive(v, c);
    return cJSON_IsNumber(v) ? (int64_t)v->valuedouble : -1;
}

int main(void)
{
    char err[256];
    /* claim X's negative total makes a rule overflow; the policy's input checks would refuse
     * it before settling, so this engine's pass everything */
    PolEngine *e = fake_policy_engine_unchecked(err, sizeof err);
    PolSession *s = e ? polrt_session_new(e, NULL, err, sizeof err) : NULL;
    CHECK("session", s != NULL);
    if (!s) {
        printf("  %s\n", err);
        return 1;
    }
    int64_t no[1] = {0}, poor[FAKE_NHIST] = {FAKE_POOR, day(2016, 1, 1), POLRT_NONE};
    polrt_session_person(s, "P1", no, poor, 1);
    int64_t a[FAKE_NCLAIM] = {FAKE_COUNTY, day(2024, 3, 10), 1200000, 100000, 0, day(2024, 3, 1)};
    int64_t b[FAKE_NCLAIM] = {FAKE_CITY, day(2024, 6, 1), 500000, 0, 1, POLRT_NONE};
    int64_t x[FAKE_NCLAIM] = {FAKE_COUNTY, day(2024, 6, 1), INT64_MIN + 100, 0, 0, day(2024, 3, 1)};
    PolResult r;

    polrt_session_claim(s, "A", "P1", a, &r);
    polrt_session_claim(s, "B", "P1", b, &r);
    char *text = capture(polrt_explain_text, e, "B", b, &r);
    CHECK_STR("text of claim B", text, golden_b);
    free(text);

    char *line = capture(polrt_explain_json, e, "B", b, &r);
    CHECK("json: one line", strchr(line, '\n') == line + strlen(line) - 1);
    cJSON *j = cJSON_Parse(line);
    CHECK("json: parses", j != NULL);
    CHECK_EQ("json: explain_version", json_at(j, "explain_version", NULL, NULL), 1);
    CHECK_STR("json: claim_id", cJSON_GetStringValue(cJSON_GetObjectItem(j, "claim_id")), "B");
    CHECK_STR("json: status", cJSON_GetStringValue(cJSON_GetObjectItem(j, "status")), "settled");
    CHECK_EQ("json: basic", json_at(j, "outputs", "basic", "value"), 337500);
    CHECK_EQ("json: backstop", json_at(j, "outputs", "backstop", "value"), 160000);
    CHECK_EQ("json: input date", json_at(j, "inputs", "discharged", "value"), day(2024, 6, 1));
    CHECK("json: absent referral is null",
          cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetObjectItem(j, "inputs"), "referral")->child));
    const cJSON *rules = cJSON_GetObjectItem(j, "rules");
    CHECK_EQ("json: every rule ran", cJSON_GetArraySize(rules), FAKE_NRULES);
    const cJSON *bs = cJSON_GetArrayItem(rules, FAKE_R_BACKSTOP);
    CHECK_STR("json: backstop branch", cJSON_GetStringValue(cJSON_GetObjectItem(bs, "branch")),
              "over_cap");
    CHECK_STR("json: backstop cites", cJSON_GetStringValue(cJSON_GetObjectItem(bs, "cites")),
              "第四条");
    const cJSON *led = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "ledgers"), 0);
    CHECK_EQ("json: ledger key", json_at(led, "key", NULL, NULL), 2024);
    const cJSON *own = cJSON_GetArrayItem(cJSON_GetObjectItem(led, "fields"), 0);
    CHECK_EQ("json: own_paid before", json_at(own, "before", "value", NULL), 297500);
    CHECK_EQ("json: own_paid after", json_at(own, "after", "value", NULL), 300000);
    CHECK("json: no error", cJSON_IsNull(cJSON_GetObjectItem(j, "error")));
    CHECK_EQ("json: person", json_at(j, "person", "chronic", "value"), 0);
    const cJSON *span = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "history"), 0);
    CHECK_EQ("json: the span read", json_at(span, "span", NULL, NULL), 1);
    CHECK_EQ("json: its from", json_at(cJSON_GetObjectItem(span, "fields"), "from", "value", NULL),
             day(2016, 1, 1));
    CHECK_EQ("json: no calls", cJSON_GetArraySize(cJSON_GetObjectItem(j, "calls")), 0);
    cJSON_Delete(j);
    free(line);

    polrt_session_claim(s, "X", "P1", x, &r);
    text = capture(polrt_explain_text, e, "X", x, &r);
    CHECK_STR("text of a failed claim", text, golden_x);
    free(text);
    line = capture(polrt_explain_json, e, "X", x, &r);
    /* exact beyond 2^53: the raw decimal, not a double */
    CHECK("json: exact large integers", strstr(line, "\"value\":-9223372036854775708") != NULL);
    j = cJSON_Parse(line);
    CHECK_STR("json: error status", cJSON_GetStringValue(cJSON_GetObjectItem(j, "status")),
              "error");
    CHECK_EQ("json: error line", json_at(j, "error", "line", NULL), 41);
    CHECK_STR("json: error rule",
              cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetObjectItem(j, "error"), "rule")),
              "basic_pay");
    CHECK("json: no outputs", cJSON_IsNull(cJSON_GetObjectItem(j, "outputs")));
    cJSON_Delete(j);
    free(line);

    polrt_session_claim(s, "A", "P1", a, &r);
    text = capture(polrt_explain_text, e, "A", a, &r);
    /* the session is traced: the stored result explained by the policy run again from the
     * ledgers before the claim (session.c explain_stored) */
    CHECK("text of an already settled claim",
          strstr(text,
                 "status: already settled earlier; nothing was applied again (the stored "
                 "result, explained from the ledgers as they stood before this claim)\n") != NULL &&
              strstr(text, "rules (in policy order") != NULL &&
              strstr(text, "  basic       8,025.00 yuan\n"));
    free(text);

    polrt_session_free(s);
    polrt_engine_free(e);
    UNIT_END();
}
