/* test_schema.c — the schema reader (runtime/schema.c): the fake policy's schema read in
 * full; malformed schemas refused with a message that points at the member; truncated,
 * corrupted, deeply nested and allocation-starved input never crashes or leaks. */
#include "fake_policy.h"
#include "rt_int.h"
#include "unit.h"

#include <stdlib.h>

/* a small valid schema; the cases below change one piece of it */
static const char base[] =
    "{\"schema_version\": 1, \"policy\": \"p\","
    " \"sha256\": \"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\","
    " \"enums\": [{\"name\": \"L\", \"members\": [{\"name\": \"a\", \"label\": \"甲\"},"
    "                                          {\"name\": \"b\", \"label\": null}]}],"
    " \"claim\": [{\"name\": \"d\", \"type\": \"date\", \"label\": null, \"default\": null},"
    "             {\"name\": \"l\", \"type\": \"enum:L\", \"label\": \"级别\", \"default\": 0},"
    "             {\"name\": \"m\", \"type\": \"money\", \"default\": null}],"
    " \"claim_date\": \"d\","
    " \"ledgers\": [{\"name\": \"y\", \"key\": \"year of d\","
    "               \"fields\": [{\"name\": \"f\", \"type\": \"money\"}]}],"
    " \"outputs\": [{\"name\": \"o\", \"type\": \"money\", \"rule\": 0}],"
    " \"params\": [{\"name\": \"t\", \"type\": \"money\", \"index\": \"L\", \"versions\":"
    "   [{\"from\": \"2020-01-01\", \"to\": \"2021-01-01\", \"offset\": 0, \"width\": 2},"
    "    {\"from\": \"2021-01-01\", \"to\": null, \"offset\": 7, \"width\": 2}]},"
    "  {\"name\": \"br\", \"type\": \"money\", \"brackets\": true, \"versions\":"
    "   [{\"from\": \"2020-01-01\", \"to\": null, \"offset\": 2, \"width\": 5}]}],"
    " \"rules\": [{\"name\": \"r\", \"type\": \"money\", \"branches\": [{\"name\": \"default\"}]}],"
    " \"locs\": [{\"rule\": \"r\", \"line\": 1, \"col\": 1}]}";

static char err[512];

/* base with the first occurrence of from replaced by to; parse it; the message */
static const char *parse_changed(const char *from, const char *to)
{
    static char doc[sizeof base + 512];
    const char *at = strstr(base, from);
    if (!at) {
        snprintf(err, sizeof err, "(test bug: '%s' not in base)", from);
        return err;
    }
    snprintf(doc, sizeof doc, "%.*s%s%s", (int)(at - base), base, to, at + strlen(from));
    RtSchema s;
    if (rt_schema_parse(doc, &s, err, sizeof err) == 0) {
        rt_schema_free(&s);
        return "(accepted)";
    }
    return err;
}

#define REFUSED(name, from, to, msg) CHECK_STR(name, parse_changed(from, to), msg)

static void test_valid(void)
{
    RtSchema s;
    CHECK_EQ("base parses", rt_schema_parse(base, &s, err, sizeof err), 0);
    CHECK_EQ("base: params table length is the largest offset + width", s.nparam_values, 9);
    CHECK_EQ("base: brackets", s.params[1].brackets, 1);
    CHECK_EQ("base: open version", s.params[0].versions[1].to, POLRT_NONE);
    CHECK_EQ("base: no rejects member, no checks", s.nrejects, 0);
    rt_schema_free(&s);

    CHECK_EQ("fake policy parses", rt_schema_parse(polc_schema, &s, err, sizeof err), 0);
    CHECK_EQ("claim fields", s.nclaim, FAKE_NCLAIM);
    CHECK_EQ("person fields", s.nperson, FAKE_NPERSON);
    CHECK_EQ("history fields", s.nhist, FAKE_NHIST);
    CHECK_EQ("ledger fields", s.nledger_fields, FAKE_NLEDGER_FIELDS);
    CHECK_EQ("outputs", s.noutputs, FAKE_NOUT);
    CHECK_EQ("rules", s.nrules, FAKE_NRULES);
    CHECK_EQ("params", s.nparams, FAKE_NPARAMS);
    CHECK_EQ("locs", s.nlocs, FAKE_NLOCS);
    CHECK_EQ("params table", s.nparam_values, FAKE_NPARAM_VALUES);
    CHECK_STR("claim_date", s.claim_date, "discharged");
    CHECK_EQ("valid_from", s.valid_from, polrt_days_from_civil(2017, 1, 1));
    CHECK_EQ("valid_to open", s.valid_to, POLRT_NONE);
    CHECK_EQ("level is enum Level", s.claim[FAKE_C_LEVEL].type.enum_idx, 0);
    CHECK_STR("Level label", s.enums[0].labels[FAKE_COUNTY], "县区");
    CHECK_EQ("referral optional", s.claim[FAKE_C_REFERRAL].type.optional, 1);
    CHECK_EQ("emergency default", s.claim[FAKE_C_EMERGENCY].has_default, 1);
    CHECK_EQ("total has no default", s.claim[FAKE_C_TOTAL].has_default, 0);
    CHECK_EQ("deductible indexed by Level", s.params[FAKE_P_DEDUCTIBLE].index_enum, 0);
    CHECK_EQ("output own is rule own_pay", s.outputs[FAKE_O_OWN].rule, FAKE_R_OWN_PAY);
    CHECK_STR("branch name", s.rules[FAKE_R_BACKSTOP].branches[1].name, "over_cap");
    CHECK_STR("loc rule", s.locs[FAKE_LOC_BASIC_SUB].rule, "basic_pay");
    CHECK_EQ("rejects", s.nrejects, FAKE_NREJECTS);
    CHECK_STR("reject message", s.rejects[FAKE_REJECT_NONCOMPLIANT].message, "非合规费用大于总费用");
    CHECK_EQ("reject line", s.rejects[FAKE_REJECT_TOO_BIG].line, 63);
    rt_schema_free(&s);
}

static void test_malformed(void)
{
    RtSchema s;
    CHECK_EQ("no text", rt_schema_parse(NULL, &s, err, sizeof err), -1);
    CHECK_STR("no text: message", err, "schema: no schema text");
    CHECK_EQ("empty", rt_schema_parse("", &s, err, sizeof err), -1);
    CHECK_EQ("not an object", rt_schema_parse("[1, 2]", &s, err, sizeof err), -1);
    CHECK_STR("not an object: message", err, "schema: expected a JSON object");
    CHECK_EQ("cut short", rt_schema_parse("{\"schema_version\": 1,", &s, err, sizeof err), -1);
    CHECK("cut short: message", strncmp(err, "schema: not valid JSON at byte", 30) == 0);
    CHECK_EQ("trailing text", rt_schema_parse("{} x", &s, err, sizeof err), -1);

    REFUSED("version", "\"schema_version\": 1", "\"schema_version\": 2",
            "schema: schema_version: 2 is not supported (this runtime reads 1)");
    REFUSED("version type", "\"schema_version\": 1", "\"schema_version\": \"1\"",
            "schema: schema_version: expected an integer");
    REFUSED("version fraction", "\"schema_version\": 1", "\"schema_version\": 1.5",
            "schema: schema_version: expected an integer");
    REFUSED("no policy", "\"policy\": \"p\",", "", "schema: policy: missing (expected a string)");
    REFUSED("sha256", "0123456789abcdef0123", "0123456789ABCDEF0123",
            "schema: sha256: expected 64 lowercase hex digits");
    REFUSED("bad date", "\"from\": \"2020-01-01\"", "\"from\": \"2020-02-30\"",
            "schema: params[0].versions[0].from: '2020-02-30' is not a date (expected "
            "YYYY-MM-DD)");
    REFUSED("enums not an array", "\"enums\": [", "\"enums\": {\"x\": 1}, \"e2\": [",
            "schema: enums: expected an array");
    REFUSED("enum member twice", "{\"name\": \"b\", \"label\": null}",
            "{\"name\": \"a\", \"label\": null}",
            "schema: enums[0].members[1]: member 'a' of enum 'L' declared twice");
    REFUSED("enum without members", "\"members\": [{\"name\": \"a\", \"label\": \"甲\"},",
            "\"members\": [], \"x\": [", "schema: enums[0]: enum 'L' has no members");
    REFUSED("unknown type", "\"type\": \"money\", \"default\"", "\"type\": \"mony\", \"default\"",
            "schema: claim[2].type: unknown type 'mony'");
    REFUSED("unknown enum", "\"enum:L\"", "\"enum:M\"", "schema: claim[1].type: unknown enum 'M'");
    REFUSED("duration unit", "\"type\": \"money\", \"default\"",
            "\"type\": \"duration:weeks\", \"default\"",
            "schema: claim[2].type: unknown type 'duration:weeks'");
    REFUSED("field twice", "{\"name\": \"m\"", "{\"name\": \"d\"",
            "schema: claim[2]: field 'd' declared twice");
    REFUSED("id column", "{\"name\": \"m\"", "{\"name\": \"claim_id\"",
            "schema: claim[2]: field 'claim_id' clashes with the id column");
    REFUSED("label clash", "\"label\": \"级别\"", "\"label\": \"d\"",
            "schema: claim[1]: field 'l' and field 'd' share a column name");
    REFUSED("enum default out of range", "\"default\": 0}", "\"default\": 2}",
            "schema: claim[1].default: 2 is not a value of the field's type");
    REFUSED("claim_date unknown", "\"claim_date\": \"d\"", "\"claim_date\": \"x\"",
            "schema: claim_date: 'x' is not a claim field");
    REFUSED("claim_date not a date", "\"claim_date\": \"d\"", "\"claim_date\": \"m\"",
            "schema: claim_date: claim field 'm' is not a required date");
    REFUSED("ledger without fields", "\"fields\": [{\"name\": \"f\", \"type\": \"money\"}]",
            "\"fields\": []", "schema: ledgers[0]: ledger 'y' has no fields");
    REFUSED("negative offset", "\"offset\": 0", "\"offset\": -1",
            "schema: params[0].versions[0].offset: -1 is out of range (0..16777215)");
    REFUSED("huge offset", "\"offset\": 0", "\"offset\": 1e300",
            "schema: params[0].versions[0].offset: expected an integer");
    REFUSED("table width", "\"offset\": 0, \"width\": 2", "\"offset\": 0, \"width\": 3",
            "schema: params[0].versions[0]: width 3 does not fit one value per enum member");
    REFUSED("bracket width", "\"offset\": 2, \"width\": 5", "\"offset\": 2, \"width\": 4",
            "schema: params[1].versions[0]: width 4 does not fit brackets [n, lo_1, rate_1, "
            "...]");
    REFUSED("overlap", "\"to\": \"2021-01-01\"", "\"to\": \"2021-06-01\"",
            "schema: params[0].versions[1]: overlaps the version before it");
    REFUSED("ends before start", "\"to\": \"2021-01-01\"", "\"to\": \"2019-01-01\"",
            "schema: params[0].versions[0]: ends before it starts");
    REFUSED("index enum", "\"index\": \"L\"", "\"index\": \"Q\"",
            "schema: params[0].index: unknown enum 'Q'");
    REFUSED("no versions", "\"brackets\": true, \"versions\":",
            "\"brackets\": true, \"versions\": [], \"v\":",
            "schema: params[1]: parameter 'br' has no versions");
    REFUSED("rule without branches", "\"branches\": [{\"name\": \"default\"}]",
            "\"branches\": []", "schema: rules[0]: rule 'r' has no branches");
    REFUSED("output rule out of range", "\"rule\": 0}", "\"rule\": 1}",
            "schema: outputs[0].rule: 1 is out of range (0..0)");
    REFUSED("output type", "{\"name\": \"o\", \"type\": \"money\"",
            "{\"name\": \"o\", \"type\": \"rate\"",
            "schema: outputs[0]: output 'o' and its rule 'r' differ in type");
    REFUSED("loc line", "\"line\": 1, \"col\": 1", "\"col\": 1",
            "schema: locs[0].line: missing (expected an integer)");
    REFUSED("loc not an object", "\"locs\": [{", "\"locs\": [3, {",
            "schema: locs[0]: expected an object");
    REFUSED("rejects not an array", "\"locs\": [", "\"rejects\": {}, \"locs\": [",
            "schema: rejects: expected an array");
    REFUSED("reject without a message", "\"locs\": [", "\"rejects\": [{\"line\": 3}], \"locs\": [",
            "schema: rejects[0].message: missing (expected a string)");
    REFUSED("reject line", "\"locs\": [",
            "\"rejects\": [{\"message\": \"m\", \"line\": -3}], \"locs\": [",
            "schema: rejects[0].line: -3 is out of range (0..10000000)");
    CHECK_STR("rejects null: none", parse_changed("\"locs\": [", "\"rejects\": null, \"locs\": ["),
              "(accepted)");
}

/* Truncation at every byte, deterministic byte corruption and deep nesting: the reader
 * accepts or refuses with a message, and never crashes (ASan and UBSan watch). */
static void test_robust(void)
{
    size_t n = strlen(polc_schema);
    char *doc = malloc(n + 1);
    RtSchema s;
    int refused = 0, messages = 0, crashes_none = 1;
    for (size_t cut = 0; cut < n; cut++) {
        memcpy(doc, polc_schema, cut);
        doc[cut] = '\0';
        err[0] = '\0';
        if (rt_schema_parse(doc, &s, err, sizeof err) == 0)
            rt_schema_free(&s);
        else
            refused++, messages += strncmp(err, "schema: ", 8) == 0;
    }
    CHECK_EQ("every truncation refused", refused, (int64_t)n);
    CHECK_EQ("... each with a message", messages, (int64_t)n);
    uint64_t x = 88172645463325252u; /* xorshift64: the same corruptions on every run */
    for (int i = 0; i < 20000; i++) {
        memcpy(doc, polc_schema, n + 1);
        for (int k = 0; k < 3; k++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            doc[x % n] = (char)(x >> 32 & 0x7f ? x >> 32 & 0x7f : ' ');
        }
        err[0] = '\0';
        if (rt_schema_parse(doc, &s, err, sizeof err) == 0)
            rt_schema_free(&s);
        else if (strncmp(err, "schema: ", 8) != 0)
            crashes_none = 0;
    }
    CHECK("corrupted schemas: accepted or refused with a message", crashes_none);
    free(doc);

    enum { DEPTH = 5000 };
    char *deep = malloc(2 * DEPTH + 1);
    memset(deep, '[', DEPTH);
    memset(deep + DEPTH, ']', DEPTH);
    deep[2 * DEPTH] = '\0';
    CHECK_EQ("deep nesting refused", rt_schema_parse(deep, &s, err, sizeof err), -1);
    free(deep);

    int ok = 0, n_alloc;
    for (n_alloc = 0; n_alloc < 2000 && !ok; n_alloc++) {
        polrt_test_fail_alloc_after(n_alloc);
        int rc = rt_schema_parse(polc_schema, &s, err, sizeof err);
        polrt_test_fail_alloc_after(-1);
        if (rc == 0) {
            ok = s.nrules == FAKE_NRULES;
            rt_schema_free(&s);
        } else if (strcmp(err, "schema: out of memory") != 0) {
            break;
        }
    }
    CHECK("allocation failures: out of memory until all succeed", ok);
}

/* the engine's own checks on top of the schema */
static void test_engine(void)
{
    PolEngine *e = polrt_engine_new(base, NULL, polc_settle, polc_keys, NULL, err, sizeof err);
    CHECK("engine without a params table", e == NULL);
    CHECK_STR("... message", err, "no parameter table (the schema needs 9 values)");
    int64_t t[9] = {1, 2, 2, 0, 100, 0, 50, 3, 4}; /* brackets: lower bounds not ascending */
    e = polrt_engine_new(base, t, polc_settle, polc_keys, NULL, err, sizeof err);
    CHECK("engine with malformed brackets", e == NULL);
    CHECK_STR("... message", err,
              "parameter 'br' version 0: malformed brackets (expected [n, lo_1, rate_1, ...] "
              "with 1 to 2 brackets, lower bounds ascending)");
    t[5] = 200;
    e = polrt_engine_new(base, t, polc_settle, polc_keys, NULL, err, sizeof err);
    CHECK("engine with good brackets", e != NULL);
    CHECK_EQ("nparams", polrt_engine_nparams(e), 9);
    t[2] = 1; /* a version with fewer brackets than the param's most: its segment padded */
    CHECK_EQ("set_params takes fewer brackets", polrt_engine_set_params(e, t, 9), 0);
    t[2] = 3;
    CHECK_EQ("set_params checks brackets", polrt_engine_set_params(e, t, 9), -1);
    polrt_engine_free(e);
    e = polrt_engine_new(base, t, NULL, polc_keys, NULL, err, sizeof err);
    CHECK_STR("engine without settle", err, "no settle function");
    e = polrt_engine_new("{}", t, polc_settle, polc_keys, NULL, err, sizeof err);
    CHECK_STR("engine with a bad schema", err,
              "schema: schema_version: missing (expected an integer)");
}

int main(void)
{
    test_valid();
    test_malformed();
    test_robust();
    test_engine();
    UNIT_END();
}
