/* randdata.c — seeded, schema-driven random claims and persons for differential testing.
 * Reads a compiled policy's schema (dlopen an engine .so and read polc_schema/polc_params, or
 * a JSON file) and writes DIR/persons.csv and DIR/claims.csv whose cells are drawn per
 * declared type: money with a long tail (0, amounts at and around the policy's own money
 * parameters, amounts near the int64-fen limit), rates, dates inside the validity and around
 * version boundaries (a few before it), enums by name and label, bools in every accepted
 * spelling, empty optional cells, identity-history spans. Same seed, same bytes.
 *
 *   randdata (--engine ENGINE.so | --schema SCHEMA.json) --out DIR
 *            [--claims N] [--persons M] [--seed S] [--huge P] [--empty P] [--spans K]
 *
 * Every row it writes is valid data: evaluators are compared on settlement, not on rejects. */
#include <cjson/cJSON.h>
#include <dlfcn.h>
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- limits -------------------------------------------------------------------------- */
#define MAX_FIELDS 256  /* fields per record: the seed policies declare about 30 */
#define MAX_THRESH 4096 /* remembered parameter values per type */
#define MAX_BOUNDS 512  /* remembered version-boundary dates */
#define MAX_SPANS  4    /* history spans per person (--spans): enough to exercise 就高不就低 */
#define DAY_NONE   INT64_MIN

/* ---- the PRNG: xoshiro256**, seeded through splitmix64 (deterministic on every host) --- */
static uint64_t rng_s[4];

static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static uint64_t rnd(void)
{
    uint64_t r = rotl(rng_s[1] * 5, 7) * 9, t = rng_s[1] << 17;
    rng_s[2] ^= rng_s[0];
    rng_s[3] ^= rng_s[1];
    rng_s[1] ^= rng_s[2];
    rng_s[0] ^= rng_s[3];
    rng_s[2] ^= t;
    rng_s[3] = rotl(rng_s[3], 45);
    return r;
}

/* uniform in [0, n) (n > 0); the modulo bias is irrelevant for test data */
static uint64_t below(uint64_t n)
{
    return rnd() % n;
}
/* uniform in [lo, hi] */
static int64_t between(int64_t lo, int64_t hi)
{
    return hi <= lo ? lo : lo + (int64_t)below((uint64_t)(hi - lo) + 1);
}
/* true with probability p */
static int chance(double p)
{
    return (double)(rnd() >> 11) * 0x1.0p-53 < p;
}
/* roughly log-uniform in [10^lo, 10^hi): a decade at random, then uniform inside it. Integer
 * only, so the data do not depend on the host's libm */
static int64_t log_uniform(int lo, int hi)
{
    int k = (int)between(lo, hi - 1);
    int64_t p = 1;
    for (int i = 0; i < k; i++)
        p *= 10;
    return between(p, p * 10 - 1);
}

/* ---- civil dates (days since 1970-01-01), independent of the runtime's ---------------- */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, int64_t *m, int64_t *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

static int parse_day(const char *s, int64_t *out)
{
    int y, m, d;
    if (!s || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3)
        return -1;
    *out = days_from_civil(y, m, d);
    return 0;
}

/* ---- the schema, as much of it as data generation needs ------------------------------ */
typedef enum { T_MONEY, T_RATE, T_INT, T_BOOL, T_DATE, T_ENUM, T_DUR } Kind;
static const char *dur_words[][3] = {
    {"days", "天", "day"},
    {"workdays", "工作日", "workday"},
    {"months", "个月", "month"},
    {"years", "年", "year"},
};

typedef struct Enum {
    const char *name;
    int n;
    const char **names, **labels;
} Enum;

typedef struct Field {
    const char *name, *label;
    Kind kind;
    int optional;
    int has_default;
    int64_t def; /* the default, encoded (has_default) */
    int en;      /* enum index (T_ENUM) */
    int unit;    /* duration unit (T_DUR), index into dur_words */
    int fen;     /* T_MONEY: cells in integer fen ("money:fen") */
} Field;

typedef struct Record {
    Field f[MAX_FIELDS];
    int n;
} Record;

typedef struct Schema {
    Enum *enums;
    int nenums;
    Record claim, person, hist;
    int claim_date;                /* index of the claim's date field, -1 none */
    int64_t lo, hi;                /* claim dates are drawn in [lo, hi) */
    int64_t thresh[5][MAX_THRESH]; /* parameter values by kind: money rate int date dur */
    int nthresh[5];
    int64_t bounds[MAX_BOUNDS]; /* version boundaries, validity ends */
    int nbounds;
} Schema;

static Schema S;

static _Noreturn void die(const char *fmt, const char *a)
{
    fprintf(stderr, "randdata: ");
    fprintf(stderr, fmt, a);
    fputc('\n', stderr);
    exit(2);
}

static const char *str_item(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int enum_index(const char *name)
{
    for (int i = 0; i < S.nenums; i++)
        if (!strcmp(S.enums[i].name, name))
            return i;
    die("schema names an unknown enum '%s'", name);
}

/* a schema type string: money rate int bool date enum:NAME duration:UNIT, optional '?' */
static void parse_type(const char *t, Field *f)
{
    size_t n = strlen(t);
    f->optional = n && t[n - 1] == '?';
    char buf[256];
    snprintf(buf, sizeof buf, "%.*s", (int)(f->optional ? n - 1 : n), t);
    if (!strcmp(buf, "money"))
        f->kind = T_MONEY;
    else if (!strcmp(buf, "money:fen"))
        f->kind = T_MONEY, f->fen = 1;
    else if (!strcmp(buf, "rate"))
        f->kind = T_RATE;
    else if (!strcmp(buf, "int"))
        f->kind = T_INT;
    else if (!strcmp(buf, "bool"))
        f->kind = T_BOOL;
    else if (!strcmp(buf, "date"))
        f->kind = T_DATE;
    else if (!strncmp(buf, "enum:", 5))
        f->kind = T_ENUM, f->en = enum_index(buf + 5);
    else if (!strncmp(buf, "duration:", 9)) {
        f->kind = T_DUR;
        f->unit = -1;
        for (int i = 0; i < 4; i++)
            if (!strcmp(buf + 9, dur_words[i][0]))
                f->unit = i;
        if (f->unit < 0)
            die("unknown duration unit in '%s'", t);
    } else
        die("unknown field type '%s'", t);
}

static void read_record(const cJSON *root, const char *key, Record *r)
{
    const cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, key), *it;
    r->n = 0;
    cJSON_ArrayForEach(it, arr)
    {
        if (r->n == MAX_FIELDS)
            die("more than MAX_FIELDS fields in '%s'", key);
        Field *f = &r->f[r->n++];
        memset(f, 0, sizeof *f);
        f->name = str_item(it, "name");
        f->label = str_item(it, "label");
        const char *t = str_item(it, "type");
        if (!f->name || !t)
            die("a field of '%s' has no name or type", key);
        parse_type(t, f);
        const cJSON *def = cJSON_GetObjectItemCaseSensitive(it, "default");
        f->has_default = cJSON_IsNumber(def);
        f->def = f->has_default ? (int64_t)def->valuedouble : 0;
    }
}

static void add_bound(int64_t d)
{
    for (int i = 0; i < S.nbounds; i++)
        if (S.bounds[i] == d)
            return;
    if (S.nbounds < MAX_BOUNDS)
        S.bounds[S.nbounds++] = d;
}

static void add_thresh(int k, int64_t v)
{
    for (int i = 0; i < S.nthresh[k]; i++)
        if (S.thresh[k][i] == v)
            return;
    if (S.nthresh[k] < MAX_THRESH)
        S.thresh[k][S.nthresh[k]++] = v;
}

/* parameter values become thresholds the data straddles; version dates become boundaries */
static void read_params(const cJSON *root, const int64_t *ptable)
{
    const cJSON *it;
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(root, "params"))
    {
        const char *t = str_item(it, "type");
        const cJSON *v;
        cJSON_ArrayForEach(v, cJSON_GetObjectItemCaseSensitive(it, "versions"))
        {
            int64_t d;
            if (parse_day(str_item(v, "from"), &d) == 0)
                add_bound(d);
            if (parse_day(str_item(v, "to"), &d) == 0)
                add_bound(d);
            if (!ptable || !t)
                continue;
            const cJSON *off = cJSON_GetObjectItemCaseSensitive(v, "offset");
            const cJSON *w = cJSON_GetObjectItemCaseSensitive(v, "width");
            if (!cJSON_IsNumber(off) || !cJSON_IsNumber(w))
                continue;
            const int64_t *p = ptable + (int64_t)off->valuedouble;
            int width = (int)w->valuedouble;
            const cJSON *isbr = cJSON_GetObjectItemCaseSensitive(it, "brackets");
            if (!strcmp(t, "brackets") || cJSON_IsTrue(isbr)) { /* [n, lo_1, rate_1, ...] */
                for (int64_t i = 0; i < p[0] && 2 + 2 * i < width; i++) {
                    add_thresh(T_MONEY, p[1 + 2 * i]);
                    add_thresh(T_RATE, p[2 + 2 * i]);
                }
                continue;
            }
            Field f = {0};
            parse_type(t, &f);
            int k = f.kind == T_MONEY  ? 0
                    : f.kind == T_RATE ? 1
                    : f.kind == T_INT  ? 2
                    : f.kind == T_DATE ? 3
                    : f.kind == T_DUR  ? 4
                                       : -1;
            for (int i = 0; k >= 0 && i < width; i++)
                if (p[i] != INT64_MIN)
                    add_thresh(k, p[i]);
        }
    }
    /* rules' dated versions are branches named "from YYYY-MM-DD" */
    cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(root, "rules"))
    {
        const cJSON *b;
        cJSON_ArrayForEach(b, cJSON_GetObjectItemCaseSensitive(it, "branches"))
        {
            const char *nm = str_item(b, "name");
            int64_t d;
            if (nm && !strncmp(nm, "from ", 5) && parse_day(nm + 5, &d) == 0)
                add_bound(d);
        }
    }
}

static void read_schema(const char *json, const int64_t *ptable)
{
    cJSON *root = cJSON_Parse(json);
    if (!root)
        die("%s", "the schema is not valid JSON");
    const cJSON *it;
    const cJSON *enums = cJSON_GetObjectItemCaseSensitive(root, "enums");
    S.nenums = cJSON_GetArraySize(enums);
    S.enums = calloc((size_t)S.nenums + 1, sizeof *S.enums);
    int i = 0;
    cJSON_ArrayForEach(it, enums)
    {
        Enum *e = &S.enums[i++];
        e->name = str_item(it, "name");
        const cJSON *ms = cJSON_GetObjectItemCaseSensitive(it, "members"), *m;
        e->n = cJSON_GetArraySize(ms);
        e->names = calloc((size_t)e->n + 1, sizeof *e->names);
        e->labels = calloc((size_t)e->n + 1, sizeof *e->labels);
        int j = 0;
        cJSON_ArrayForEach(m, ms)
        {
            e->names[j] = str_item(m, "name");
            e->labels[j++] = str_item(m, "label");
        }
        if (!e->name || e->n == 0)
            die("%s", "an enum without a name or members");
    }
    read_record(root, "claim", &S.claim);
    read_record(root, "person", &S.person);
    read_record(root, "history", &S.hist);
    S.claim_date = -1;
    const char *cd = str_item(root, "claim_date");
    for (int k = 0; cd && k < S.claim.n; k++)
        if (!strcmp(S.claim.f[k].name, cd))
            S.claim_date = k;
    if (parse_day(str_item(root, "valid_from"), &S.lo) != 0)
        S.lo = days_from_civil(2017, 1, 1);
    int64_t to;
    int have_to = parse_day(str_item(root, "valid_to"), &to) == 0;
    add_bound(S.lo);
    if (have_to)
        add_bound(to);
    read_params(root, ptable);
    /* open-ended validity: two years past the start or a year past the last boundary */
    S.hi = S.lo + 731;
    for (int k = 0; k < S.nbounds; k++)
        if (S.bounds[k] + 366 > S.hi)
            S.hi = S.bounds[k] + 366;
    if (have_to)
        S.hi = to;
    if (S.hi <= S.lo)
        S.hi = S.lo + 1;
    /* the schema's strings stay referenced: root is not freed (the process is short) */
}

/* ---- value generation ------------------------------------------------------------------ */
/* money in fen: zero, around the policy's amounts, a long tail, and near the int64 limit */
static int64_t gen_money(double huge)
{
    if (chance(huge)) {
        switch (below(4)) {
        case 0: return INT64_MAX - between(0, 1000000);
        case 1: return INT64_MAX / 2 + between(-2, 2); /* a + a overflows or not */
        case 2: return INT64_MAX / 3 + between(-2, 2);
        default: return between(9000000000000000000ll, INT64_MAX); /* ~9e16 yuan */
        }
    }
    uint64_t r = below(100);
    if (r < 8)
        return 0;
    if (r < 38 && S.nthresh[0]) {
        int64_t t = S.thresh[0][below((uint64_t)S.nthresh[0])];
        static const int64_t deltas[] = {-100, -1, 0, 0, 1, 100, 50};
        int64_t v;
        /* thresholds near the int64 limits (overflow policies) must not overflow here */
        int64_t d = deltas[below(7)];
        switch (below(4)) {
        case 0:
            if (__builtin_mul_overflow(t, 2, &v) || __builtin_add_overflow(v, d, &v))
                v = t;
            break;
        case 1:
            if (__builtin_add_overflow(t, between(-5000, 5000), &v))
                v = t;
            break;
        default:
            if (__builtin_add_overflow(t, d, &v))
                v = t;
            break;
        }
        return v < 0 ? 0 : v;
    }
    if (r < 45)
        return between(1, 10000); /* under 100 yuan, odd fen */
    if (r < 90) {
        int64_t v = log_uniform(2, 8); /* 1 to 999,999 yuan */
        return chance(0.5) ? v / 100 * 100 : v;
    }
    return log_uniform(8, 12); /* 1e6 to 1e10 yuan */
}

static int64_t gen_rate(void)
{
    uint64_t r = below(100);
    if (r < 10)
        return 0;
    if (r < 20)
        return 1000000;
    if (r < 45 && S.nthresh[1])
        return S.thresh[1][below((uint64_t)S.nthresh[1])] +
               between(-1, 1) * (chance(0.5) ? 1 : 100);
    if (r < 80)
        return between(0, 100) * 10000; /* whole percents */
    if (r < 95)
        return between(0, 1000000);   /* any millionth */
    return between(1000001, 3000000); /* above 100% */
}

static int64_t gen_int(double huge, int kind)
{
    if (chance(huge))
        return chance(0.5) ? INT64_MAX - between(0, 3) : -INT64_MAX + between(0, 3);
    uint64_t r = below(100);
    int k = kind == T_DUR ? 4 : 2;
    if (r < 30 && S.nthresh[k])
        return S.thresh[k][below((uint64_t)S.nthresh[k])] + between(-1, 1);
    if (r < 70)
        return between(0, 6);
    if (r < 90)
        return between(0, 100);
    if (r < 95)
        return between(-5, -1);
    return between(100, 100000);
}

/* a claim date: near a version boundary, around a new year (ledgers are kept per year) or
 * uniformly in [lo, hi); about 3% fall before the validity */
static int64_t gen_day(void)
{
    uint64_t r = below(100);
    int64_t d = between(S.lo, S.hi - 1);
    if (r < 2)
        return S.lo - between(1, 400);
    if (r < 40 && S.nbounds) {
        d = S.bounds[below((uint64_t)S.nbounds)] + between(-10, 10);
    } else if (r < 47) {
        int64_t y, m, dd;
        civil_from_days(d, &y, &m, &dd);
        d = days_from_civil(y, 1, 1) + between(-3, 3);
    }
    if (d < S.lo && !chance(0.1)) /* the boundary is the validity's start: mostly inside */
        d = S.lo + between(0, 10);
    return d;
}

/* ---- cell text ------------------------------------------------------------------------ */
typedef struct Buf {
    char *p;
    size_t n, cap;
} Buf;

static void put(Buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        if (!(b->p = realloc(b->p, b->cap)))
            die("%s", "out of memory");
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}
static void puts_(Buf *b, const char *s)
{
    put(b, s, strlen(s));
}

/* append one CSV cell, quoted when it must be */
static void cell(Buf *row, int first, const char *s)
{
    if (!first)
        put(row, ",", 1);
    if (!strpbrk(s, ",\"\n\r")) {
        puts_(row, s);
        return;
    }
    put(row, "\"", 1);
    for (; *s; s++) {
        if (*s == '"')
            put(row, "\"", 1);
        put(row, s, 1);
    }
    put(row, "\"", 1);
}

static void fmt_money(int64_t fen, char *out, size_t len)
{
    uint64_t u = (uint64_t)fen; /* fen >= 0 here */
    uint64_t y = u / 100, f = u % 100;
    char digits[32];
    snprintf(digits, sizeof digits, "%" PRIu64, y);
    char grouped[48];
    size_t n = strlen(digits), k = 0;
    int style = (int)below(100);
    for (size_t i = 0; i < n; i++) {
        if (style < 15 && i && (n - i) % 3 == 0)
            grouped[k++] = ','; /* "1,234.56": a quoted cell */
        grouped[k++] = digits[i];
    }
    grouped[k] = 0;
    if (f == 0 && style >= 80)
        snprintf(out, len, "%s", grouped); /* "1234" */
    else if (f % 10 == 0 && style >= 70)
        snprintf(out, len, "%s.%" PRIu64, grouped, f / 10); /* "1234.5" */
    else
        snprintf(out, len, "%s.%02" PRIu64, grouped, f);
}

static void fmt_rate(int64_t micro, char *out, size_t len)
{
    int neg = micro < 0;
    uint64_t u = neg ? (uint64_t)-micro : (uint64_t)micro;
    if (u % 100 == 0 && chance(0.7)) { /* percent with up to 4 decimals */
        uint64_t w = u / 10000, fr = u % 10000;
        char fb[8];
        snprintf(fb, sizeof fb, "%04" PRIu64, fr);
        for (int i = 3; i > 0 && fb[i] == '0'; i--)
            fb[i] = 0;
        if (fr == 0)
            snprintf(out, len, "%s%" PRIu64 "%%", neg ? "-" : "", w);
        else
            snprintf(out, len, "%s%" PRIu64 ".%s%%", neg ? "-" : "", w, fb);
    } else { /* a decimal fraction */
        char fb[8];
        snprintf(fb, sizeof fb, "%06" PRIu64, u % 1000000);
        for (int i = 5; i > 0 && fb[i] == '0'; i--)
            fb[i] = 0;
        snprintf(out, len, "%s%" PRIu64 ".%s", neg ? "-" : "", u / 1000000, fb);
    }
}

static void fmt_day(int64_t day, char *out, size_t len)
{
    int64_t y, m, d;
    civil_from_days(day, &y, &m, &d);
    snprintf(out, len, "%04" PRId64 "-%02" PRId64 "-%02" PRId64, y, m, d);
}

/* an amount as field f's cells hold it: yuan, or integer fen */
static void fmt_amount(const Field *f, int64_t fen, char *out, size_t len)
{
    if (f->fen)
        snprintf(out, len, "%" PRId64, fen);
    else
        fmt_money(fen, out, len);
}

static const char *bool_words[2][4] = {{"false", "0", "否", "no"}, {"true", "1", "是", "yes"}};

static void fmt_day(int64_t day, char *out, size_t len);

/* the text of an encoded value v of field f (the field's declared default) */
static void value_text(const Field *f, int64_t v, char *out, size_t len)
{
    switch (f->kind) {
    case T_MONEY: fmt_amount(f, v < 0 ? 0 : v, out, len); return;
    case T_RATE: fmt_rate(v, out, len); return;
    case T_INT: snprintf(out, len, "%" PRId64, v); return;
    case T_BOOL: snprintf(out, len, "%s", bool_words[v != 0][below(4)]); return;
    case T_DATE: fmt_day(v, out, len); return;
    case T_ENUM: {
        const Enum *e = &S.enums[f->en];
        int m = v >= 0 && v < e->n ? (int)v : 0;
        snprintf(out, len, "%s", e->labels[m] && chance(0.5) ? e->labels[m] : e->names[m]);
        return;
    }
    case T_DUR: snprintf(out, len, "%" PRId64, v); return;
    }
}

/* the text of one value of field f (day: the date to write for a date field). part_of >= 0:
 * a money field that is mostly a part of that amount (the claim's first money field, its
 * total: non-compliant cost and self-pay are parts of it, and policies reject rows where
 * they are not). *money: the amount written (-1: none) */
static void gen_cell(const Field *f, int64_t day, double huge, double empty, int64_t part_of,
                     int64_t *money, char *out, size_t len)
{
    if (money)
        *money = -1;
    if ((f->optional && chance(0.2)) || (f->has_default && chance(empty))) {
        out[0] = 0;
        return;
    }
    /* a declared default is the ordinary case (emergency = false): mostly that, so that
     * claims get past a policy's gates as often as they trip them */
    if (f->has_default && chance(0.6)) {
        value_text(f, f->def, out, len);
        return;
    }
    switch (f->kind) {
    case T_MONEY: {
        int64_t v = gen_money(huge);
        if (part_of >= 0 && chance(0.85)) {
            uint64_t r = below(100);
            v = r < 20 ? 0 : r < 30 ? part_of : between(0, part_of);
        }
        if (money)
            *money = v;
        fmt_amount(f, v, out, len);
        return;
    }
    case T_RATE: fmt_rate(gen_rate(), out, len); return;
    case T_INT: snprintf(out, len, "%" PRId64, gen_int(huge, T_INT)); return;
    case T_BOOL: snprintf(out, len, "%s", bool_words[below(2)][below(4)]); return;
    case T_DATE: fmt_day(day == DAY_NONE ? gen_day() : day, out, len); return;
    case T_ENUM: {
        /* the first member is often the base case (Kind inpatient, Identity poor) */
        const Enum *e = &S.enums[f->en];
        int m = chance(0.3) ? 0 : (int)below((uint64_t)e->n);
        snprintf(out, len, "%s", e->labels[m] && chance(0.5) ? e->labels[m] : e->names[m]);
        return;
    }
    case T_DUR: {
        int64_t v = gen_int(huge, T_DUR);
        if (chance(0.7))
            snprintf(out, len, "%" PRId64, v);
        else
            snprintf(out, len, "%" PRId64 "%s%s", v, chance(0.5) ? " " : "",
                     dur_words[f->unit][below(3)]);
        return;
    }
    }
}

/* ---- files ---------------------------------------------------------------------------- */
/* the column order and header text of a record: fields shuffled, each under its name or its
 * label (both bind), plus an ignored text column */
typedef struct Cols {
    int order[MAX_FIELDS];
    int n;
} Cols;

static void shuffle_cols(const Record *r, Cols *c)
{
    c->n = r->n;
    for (int i = 0; i < r->n; i++)
        c->order[i] = i;
    for (int i = r->n - 1; i > 0; i--) {
        int j = (int)below((uint64_t)i + 1), t = c->order[i];
        c->order[i] = c->order[j];
        c->order[j] = t;
    }
}

/* the header cells of a record's fields, in column order, after the id columns */
static void header_cells(Buf *row, const Record *r, const Cols *c)
{
    for (int i = 0; i < c->n; i++) {
        const Field *f = &r->f[c->order[i]];
        cell(row, 0, f->label && chance(0.5) ? f->label : f->name);
    }
}

static const char *notes[] = {"", "ok", "a, b", "他说\"好\"", "two\nlines", "普通"};

static FILE *open_out(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f)
        die("cannot write %s", path);
    return f;
}

static void person_id(int64_t i, char *out, size_t len)
{
    /* some ids are Chinese text: ids are strings, compared byte for byte */
    snprintf(out, len, i % 10 == 7 ? "人员%05" PRId64 : "p%05" PRId64, i);
}

/* one history span: the first date field starts in or before the validity; later date fields
 * (the exit) follow it */
static void span_cells(Buf *row, const Cols *c, double huge)
{
    char v[128];
    /* most identities were recognised before the claims and are still held */
    int64_t start = chance(0.6) ? between(S.lo - 730, S.lo) : between(S.lo, S.hi - 1);
    if (chance(0.3) && S.nbounds)
        start = S.bounds[below((uint64_t)S.nbounds)] + between(-40, 40);
    int64_t day = start;
    int64_t dates[MAX_FIELDS];
    for (int i = 0; i < S.hist.n; i++) {
        dates[i] = DAY_NONE;
        if (S.hist.f[i].kind == T_DATE) {
            dates[i] = day;
            day += between(0, 500);
        }
    }
    for (int i = 0; i < c->n; i++) {
        int k = c->order[i];
        const Field *f = &S.hist.f[k];
        if (f->optional && f->kind == T_DATE && chance(0.3))
            v[0] = 0; /* an open span: still held */
        else
            gen_cell(f, dates[k], huge, 0.1, -1, NULL, v, sizeof v);
        cell(row, 0, v);
    }
}

static void write_persons(const char *dir, int64_t npersons, int64_t max_spans, double huge,
                          double empty)
{
    FILE *f = open_out(dir, "persons.csv");
    Buf row = {0};
    Cols pc, hc;
    /* header: person_id, person fields (shuffled), history fields (shuffled), an ignored note */
    shuffle_cols(&S.person, &pc);
    shuffle_cols(&S.hist, &hc);
    cell(&row, 1, "person_id");
    header_cells(&row, &S.person, &pc);
    header_cells(&row, &S.hist, &hc);
    cell(&row, 0, "备注 note");
    put(&row, "\n", 1);
    fwrite(row.p, 1, row.n, f);
    char id[64];
    for (int64_t p = 0; p < npersons; p++) {
        char pcells[MAX_FIELDS][128];
        for (int i = 0; i < S.person.n; i++) {
            const Field *fl = &S.person.f[i];
            int64_t day = fl->kind == T_DATE ? between(S.lo - 1100, S.hi - 1) : DAY_NONE;
            gen_cell(fl, day, huge, empty, -1, NULL, pcells[i], sizeof pcells[i]);
        }
        person_id(p, id, sizeof id);
        uint64_t r = below(100);
        int nspans = S.hist.n == 0 ? 1
                     : r < 20      ? 0
                     : r < 70      ? 1
                     : r < 90      ? 2
                                   : (int)between(3, max_spans);
        for (int s = 0; s < (nspans ? nspans : 1); s++) {
            row.n = 0;
            cell(&row, 1, id);
            for (int i = 0; i < pc.n; i++)
                cell(&row, 0, pcells[pc.order[i]]);
            if (nspans && S.hist.n)
                span_cells(&row, &hc, huge);
            else
                for (int i = 0; i < hc.n; i++)
                    cell(&row, 0, ""); /* all history cells empty: no span */
            cell(&row, 0, notes[below(6)]);
            put(&row, "\n", 1);
            fwrite(row.p, 1, row.n, f);
        }
    }
    free(row.p);
    if (fclose(f) != 0)
        die("%s", "cannot write persons.csv");
}

static void write_claims(const char *dir, int64_t nclaims, int64_t npersons, double huge,
                         double empty)
{
    FILE *f = open_out(dir, "claims.csv");
    Buf row = {0};
    Cols cc;
    shuffle_cols(&S.claim, &cc);
    cell(&row, 1, "claim_id");
    cell(&row, 0, "person_id");
    header_cells(&row, &S.claim, &cc);
    cell(&row, 0, "备注 note");
    put(&row, "\n", 1);
    fwrite(row.p, 1, row.n, f);
    int64_t frequent = npersons / 10 + 1; /* a tenth of the people make half the claims */
    char id[64], pid[64];
    static char ccells[MAX_FIELDS][128];
    for (int64_t c = 0; c < nclaims; c++) {
        int64_t p =
            chance(0.5) ? (int64_t)below((uint64_t)frequent) : (int64_t)below((uint64_t)npersons);
        int64_t day = gen_day();
        int64_t dates[MAX_FIELDS];
        for (int i = 0; i < S.claim.n; i++) {
            dates[i] = DAY_NONE;
            if (S.claim.f[i].kind != T_DATE)
                continue;
            if (i == S.claim_date)
                dates[i] = day;
            else if (chance(0.85)) /* admission and the like: before the claim's date */
                dates[i] = day - (chance(0.3) ? 0 : between(0, 60));
            else
                dates[i] = day + between(0, 30);
        }
        row.n = 0;
        snprintf(id, sizeof id, "c%07" PRId64, c);
        person_id(p, pid, sizeof pid);
        cell(&row, 1, id);
        cell(&row, 0, pid);
        /* cells in declaration order (the first money field is the whole the later ones
         * are parts of), written in column order */
        int64_t whole = -1;
        for (int i = 0; i < S.claim.n; i++) {
            const Field *fl = &S.claim.f[i];
            int64_t m;
            gen_cell(fl, dates[i], huge, empty, fl->kind == T_MONEY ? whole : -1, &m, ccells[i],
                     sizeof ccells[i]);
            if (fl->kind == T_MONEY && whole < 0 && m >= 0)
                whole = m;
        }
        for (int i = 0; i < cc.n; i++)
            cell(&row, 0, ccells[cc.order[i]]);
        cell(&row, 0, notes[below(6)]);
        put(&row, "\n", 1);
        fwrite(row.p, 1, row.n, f);
    }
    free(row.p);
    if (fclose(f) != 0)
        die("%s", "cannot write claims.csv");
}

/* ---- main ----------------------------------------------------------------------------- */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die("cannot read %s", path);
    Buf b = {0};
    char tmp[65536];
    size_t n;
    while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
        put(&b, tmp, n);
    fclose(f);
    if (!b.p)
        die("%s is empty", path);
    return b.p;
}

static const char usage_text[] =
    "usage: randdata (--engine ENGINE.so | --schema SCHEMA.json) --out DIR\n"
    "                [--claims N] [--persons M] [--seed S] [--huge P] [--empty P] [--spans K]\n"
    "  --claims N   claims to write (10000)\n"
    "  --persons M  persons (N/8, at least 1)\n"
    "  --seed S     the PRNG seed (1): the same seed writes the same bytes\n"
    "  --huge P     probability of an amount near the int64-fen limit (0.005)\n"
    "  --empty P    probability of an empty cell where a field has a default (0.1)\n"
    "  --spans K    the most history spans a person has, at least 3 (4)\n";

int main(int argc, char **argv)
{
    const char *engine = NULL, *schema = NULL, *out = NULL;
    int64_t nclaims = 10000, npersons = -1, max_spans = MAX_SPANS;
    uint64_t seed = 1;
    double huge = 0.005, empty = 0.1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage_text, stdout);
            return 0;
        }
        if (!v) {
            fputs(usage_text, stderr);
            return 2;
        }
        i++;
        if (!strcmp(a, "--engine"))
            engine = v;
        else if (!strcmp(a, "--schema"))
            schema = v;
        else if (!strcmp(a, "--out"))
            out = v;
        else if (!strcmp(a, "--claims"))
            nclaims = strtoll(v, NULL, 10);
        else if (!strcmp(a, "--persons"))
            npersons = strtoll(v, NULL, 10);
        else if (!strcmp(a, "--seed"))
            seed = strtoull(v, NULL, 10);
        else if (!strcmp(a, "--huge"))
            huge = strtod(v, NULL);
        else if (!strcmp(a, "--empty"))
            empty = strtod(v, NULL);
        else if (!strcmp(a, "--spans"))
            max_spans = strtoll(v, NULL, 10);
        else {
            fprintf(stderr, "randdata: unknown option '%s'\n", a);
            fputs(usage_text, stderr);
            return 2;
        }
    }
    if (!out || !!engine == !!schema || nclaims < 0 || max_spans < 3) {
        fputs(usage_text, stderr);
        return 2;
    }
    if (npersons < 1)
        npersons = nclaims / 8 > 0 ? nclaims / 8 : 1;
    uint64_t x = seed;
    for (int i = 0; i < 4; i++)
        rng_s[i] = splitmix(&x);

    const char *json;
    const int64_t *ptable = NULL;
    if (engine) {
        /* the engine's undefined polrt_* functions bind lazily: only data is read */
        char path[4096];
        snprintf(path, sizeof path, "%s%s", strchr(engine, '/') ? "" : "./", engine);
        void *h = dlopen(path, RTLD_LAZY | RTLD_LOCAL);
        if (!h)
            die("%s", dlerror());
        json = dlsym(h, "polc_schema");
        ptable = dlsym(h, "polc_params");
        if (!json)
            die("%s has no polc_schema", engine);
    } else {
        json = slurp(schema);
    }
    read_schema(json, ptable);
    if (mkdir(out, 0777) != 0 && errno != EEXIST)
        die("cannot create %s", out);
    write_persons(out, npersons, max_spans, huge, empty);
    write_claims(out, nclaims, npersons, huge, empty);
    return 0;
}
