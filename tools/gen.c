/* gen.c — polc gen: a synthetic population for the seed policies (spec/SIMULATE.md §1). Takes
 * a person count and a seed; writes DIR/persons.csv and DIR/claims.csv with the shared
 * columns of spec/DATA.md, claims sorted by person then date so a run can stream them.
 * Every person draws from its own generator seeded by (seed, person number), so the files
 * are the same bytes for a seed whatever the machine's speed or the order of work. */
#include "gen.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "polrt.h"

/* ---- limits and constants ------------------------------------------------------------- */

/* output buffer: flushed when it passes GEN_FLUSH, so one person's rows always fit */
#define GEN_BUF   (1 << 20)
#define GEN_FLUSH (GEN_BUF - 64 * 1024)
/* the most claims one person gets in a year (the chronic-visit and admission tail is cut
 * here so a single row of the mixture cannot blow up the file) */
#define GEN_MAX_YEAR_CLAIMS 60
/* persons between two looks at the clock for the progress line */
#define GEN_PROGRESS_STRIDE 4096
/* the largest claim amount written (fen): 3 million yuan, past any real single stay */
#define GEN_MAX_TOTAL 300000000LL
/* the calendar years the runtime ships (DOMAIN.md "Calendar"): claims fall in these */
static const int default_years[] = {2017, 2018, 2025, 2026};

/* ---- the generator: xoshiro256** seeded through splitmix64 ----------------------------
 * Not rand(): its sequence differs between C libraries and it is one global state. */
typedef struct Rng {
    uint64_t s[4];
} Rng;

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

static void rng_seed(Rng *r, uint64_t seed, uint64_t stream)
{
    uint64_t x = seed ^ (stream * UINT64_C(0xd1342543de82ef95));
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static uint64_t rng_next(Rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

/* uniform in [0, 1) with 53 random bits */
static double unif(Rng *r)
{
    return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

/* uniform integer in [lo, hi] */
static int64_t range(Rng *r, int64_t lo, int64_t hi)
{
    return lo + (int64_t)(unif(r) * (double)(hi - lo + 1));
}

static int chance(Rng *r, double p)
{
    return unif(r) < p;
}

/* standard normal (Box-Muller; one value per call keeps the stream simple) */
static double normal(Rng *r)
{
    double u = 1.0 - unif(r), v = unif(r);
    return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}

/* Poisson by multiplication (Knuth): fine for the small means used here */
static int poisson(Rng *r, double mean)
{
    if (mean <= 0)
        return 0;
    double l = exp(-mean), p = 1.0;
    int k = 0;
    do {
        k++;
        p *= unif(r);
    } while (p > l && k < 1000);
    return k - 1;
}

/* Gamma(shape, 1) by Marsaglia and Tsang; shape < 1 boosted by U^(1/shape) */
static double gamma1(Rng *r, double shape)
{
    if (shape < 1.0)
        return gamma1(r, shape + 1.0) * pow(1.0 - unif(r), 1.0 / shape);
    double d = shape - 1.0 / 3.0, c = 1.0 / sqrt(9.0 * d);
    for (;;) {
        double x = normal(r), v = 1.0 + c * x;
        if (v <= 0)
            continue;
        v = v * v * v;
        double u = 1.0 - unif(r);
        if (log(u) < 0.5 * x * x + d - d * v + d * log(v))
            return d * v;
    }
}

/* log-normal amount in fen with the given median (yuan) and sigma, capped */
static int64_t lognormal_fen(Rng *r, double median_yuan, double sigma)
{
    double y = median_yuan * exp(sigma * normal(r));
    int64_t fen = (int64_t)llround(y * 100.0);
    if (fen < 1000)
        fen = 1000 + fen % 1000; /* at least 10 yuan: no visit costs less */
    return fen > GEN_MAX_TOTAL ? GEN_MAX_TOTAL : fen;
}

/* pick an index from cumulative weights (per mille) */
static int pick(Rng *r, const int *permille, int n)
{
    int u = (int)range(r, 0, 999), acc = 0;
    for (int i = 0; i < n; i++) {
        acc += permille[i];
        if (u < acc)
            return i;
    }
    return n - 1;
}

/* ---- the population model (spec/SIMULATE.md §1 documents every number) -------------- */

enum { ID_POOR, ID_TEKUN, ID_DIBAO, ID_FANPIN, ID_DIBAO_EDGE, ID_MONITORED, ID_ILLNESS, NID };
static const char *const id_name[NID] = {"poor",       "tekun",     "dibao",  "fanpin",
                                         "dibao_edge", "monitored", "illness"};
static const char *const id_label[NID] = {
    "建档立卡贫困人口", "特困人员",         "低保对象",        "返贫致贫人口",
    "低保边缘家庭成员", "防止返贫监测对象", "因病致贫重病患者"};
/* first identity span: most are registered poor (the 2017 scheme's people) */
static const int id_mix[NID] = {620, 50, 120, 40, 50, 90, 30};
/* a second span is one of the 2025 assistance categories, never "poor" again */
static const int id_mix2[NID] = {0, 120, 300, 120, 150, 250, 60};

enum { LV_TOWNSHIP, LV_COUNTY, LV_CITY, LV_PROVINCE, LV_OUT, NLV };
static const char *const lv_name[NLV] = {"township", "county", "city", "province",
                                         "out_of_province"};
static const char *const lv_label[NLV] = {"乡镇", "县区", "市级", "省级", "省外"};
static const int lv_mix[NLV] = {350, 400, 150, 80, 20};
/* median inpatient total (yuan) by level: costlier care higher up */
static const double lv_median[NLV] = {2500, 6000, 12000, 25000, 35000};
/* the generator's rough basic-insurance deductible (yuan) and ratio by level, for the
 * selfpay column only (the S2 policy's input: what basic and critical-illness insurance
 * left); the policies compute their own payments from total */
static const double lv_deduct[NLV] = {200, 500, 800, 1000, 1500};
static const double lv_ratio[NLV] = {0.85, 0.80, 0.70, 0.65, 0.55};

enum { TI_PRIMARY, TI_GRADE2, TI_GRADE3, NTI };
static const char *const ti_name[NTI] = {"primary", "grade2", "grade3"};
static const char *const ti_label[NTI] = {"基层", "二级", "三级"};
/* hospital grade given the level */
static const int ti_mix[NLV][NTI] = {
    {1000, 0, 0}, {100, 700, 200}, {0, 400, 600}, {0, 50, 950}, {0, 100, 900}};

/* ---- output: one buffer per file, flushed in large writes ----------------------------- */
typedef struct Out {
    PolOut *file; /* written under a temporary name, renamed at the end (polrt_out_open) */
    char *buf;
    size_t n;
    int failed;    /* a write failed: the message is in err */
    char err[512]; /* "cannot write DIR/claims.csv: No space left on device" */
} Out;

static int out_flush(Out *o)
{
    if (!o->failed && polrt_out_write(o->file, o->buf, o->n, o->err, sizeof o->err) != 0)
        o->failed = 1;
    o->n = 0;
    return o->failed ? -1 : 0;
}

static void put(Out *o, const char *s, size_t n)
{
    memcpy(o->buf + o->n, s, n);
    o->n += n;
}

static void puts_(Out *o, const char *s)
{
    put(o, s, strlen(s));
}
static void putch(Out *o, char c)
{
    o->buf[o->n++] = c;
}

/* an unsigned integer, at least width digits (zero-padded) */
static void put_uint(Out *o, uint64_t v, int width)
{
    char tmp[24];
    int k = 0;
    do {
        tmp[k++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (k < width)
        tmp[k++] = '0';
    while (k)
        putch(o, tmp[--k]);
}

static void put_date(Out *o, int64_t day)
{
    int64_t y, m, d;
    polrt_civil_from_days(day, &y, &m, &d);
    put_uint(o, (uint64_t)y, 4);
    putch(o, '-');
    put_uint(o, (uint64_t)m, 2);
    putch(o, '-');
    put_uint(o, (uint64_t)d, 2);
}

/* money: "1234.56" mostly; a few grouped and quoted ("1,234.56") as spreadsheets export */
static void put_money(Out *o, Rng *r, int64_t fen)
{
    if (fen >= 100000 && chance(r, 0.02)) {
        char buf[40];
        putch(o, '"');
        puts_(o, polrt_fmt_money(fen, buf, 1));
        putch(o, '"');
        return;
    }
    put_uint(o, (uint64_t)(fen / 100), 1);
    putch(o, '.');
    put_uint(o, (uint64_t)(fen % 100), 2);
}

/* bools as a spreadsheet has them: mostly 1/0, some 是/否, a few true/false */
static void put_bool(Out *o, Rng *r, int v)
{
    double u = unif(r);
    if (u < 0.80)
        putch(o, v ? '1' : '0');
    else if (u < 0.95)
        puts_(o, v ? "是" : "否");
    else
        puts_(o, v ? "true" : "false");
}

/* an enum member by its Chinese label (70%) or its name */
static void put_enum(Out *o, Rng *r, const char *const *names, const char *const *labels, int i)
{
    puts_(o, chance(r, 0.7) ? labels[i] : names[i]);
}

/* ---- one person ------------------------------------------------------------------------- */

typedef struct Gen {
    uint64_t seed;
    long persons;
    int id_width; /* digits of person numbers */
    const int *years;
    int nyears;
    double claim_scale; /* multiplies claim rates (bench: more claims, same persons) */
    int weights;        /* write a weight column */
    Out po, co;
    long nspans, nclaims;
    int64_t first, last; /* the days claims may fall on (GenOpts valid_from, valid_to - 1) */
    int for_policy;      /* --policy: every claim must settle under it */
} Gen;

/* With --policy, no claim is admitted in the last GEN_CALENDAR_MARGIN days before the shipped
 * working-day calendar ends: a policy's working-day counts from a claim (Panji's referral
 * deadline, 5 working days after admission, longer across a holiday) must stay inside it (a
 * claim admitted 2026-12-25 failed with "working day outside the shipped calendar years") */
#define GEN_CALENDAR_MARGIN 30

typedef struct Claim {
    int64_t admitted, discharged;
    int outpatient;
    int level, tier;
} Claim;

static int64_t civil(int y, int m, int d)
{
    return polrt_days_from_civil(y, m, d);
}

/* "N working days after day" (the day itself not counted), or -1 when the calendar does
 * not cover the days counted */
static int64_t workdays_after(int64_t day, int n)
{
    while (n > 0) {
        day++;
        int w = polrt_is_workday(day);
        if (w < 0)
            return -1;
        n -= w;
    }
    return day;
}

static void put_person_id(Out *o, const Gen *g, long k)
{
    putch(o, 'P');
    put_uint(o, (uint64_t)k, g->id_width);
}

/* One identity span row of persons.csv; the person fields repeat on every row. */
static void person_row(Gen *g, Rng *r, long k, const char *pfields, size_t npf, int id,
                       int64_t from, int64_t to, int by_illness, const char *weight)
{
    Out *o = &g->po;
    put_person_id(o, g, k);
    putch(o, ',');
    put(o, pfields, npf);
    put_enum(o, r, id_name, id_label, id);
    putch(o, ',');
    put_date(o, from);
    putch(o, ',');
    if (to >= 0)
        put_date(o, to);
    putch(o, ',');
    put_bool(o, r, by_illness);
    if (weight) {
        putch(o, ',');
        puts_(o, weight);
    }
    putch(o, '\n');
    g->nspans++;
}

static int claim_cmp(const void *a, const void *b)
{
    const Claim *x = a, *y = b;
    if (x->discharged != y->discharged)
        return x->discharged < y->discharged ? -1 : 1;
    return (x->admitted > y->admitted) - (x->admitted < y->admitted);
}

/* The person fields (chronic, refused_enrolment, enrolled, years_uninsured) as CSV cells in
 * pf, and with --weights the weight cell in wbuf; whether the person is chronic */
static int person_fields(const Gen *g, Rng *r, Out *pf, char *wbuf, size_t wlen)
{
    int chronic = chance(r, 0.15);
    int refused = chance(r, 0.01);
    int late = refused || chance(r, 0.03);
    int64_t enrolled = late ? range(r, civil(2024, 1, 1), civil(2026, 6, 30)) : -1;
    int years_uninsured = late ? (int)range(r, 1, refused ? 6 : 3) : 0;
    put_bool(pf, r, chronic);
    putch(pf, ',');
    put_bool(pf, r, refused);
    putch(pf, ',');
    if (enrolled >= 0)
        put_date(pf, enrolled);
    putch(pf, ',');
    put_uint(pf, (uint64_t)years_uninsured, 1);
    putch(pf, ',');
    if (g->weights) {
        /* a sampling weight: how many people this synthetic person stands for */
        int w = (int)range(r, 50, 300);
        snprintf(wbuf, wlen, "%d.%02d", w / 100, w % 100);
    }
    return chronic;
}

/* person k's identity spans: one, or (15%) a second after it */
static void identity_rows(Gen *g, Rng *r, long k, const Out *pf, const char *weight)
{
    int id1 = pick(r, id_mix, NID);
    int64_t from1 = id1 == ID_POOR ? range(r, civil(2014, 1, 1), civil(2016, 12, 31))
                                   : range(r, civil(2015, 1, 1), civil(2025, 6, 30));
    int two = chance(r, 0.15);
    int64_t to1 = -1;
    if (two)
        to1 = range(r, from1 + 180, civil(2026, 6, 30));
    else if (chance(r, 0.08))
        to1 = range(r, from1 + 90, civil(2026, 12, 31));
    if (to1 >= 0 && to1 <= from1)
        to1 = from1 + 1;
    person_row(g, r, k, pf->buf, pf->n, id1, from1, to1, id1 == ID_ILLNESS || chance(r, 0.05),
               weight);
    if (two) {
        int id2 = pick(r, id_mix2, NID);
        if (id2 == id1)
            id2 = id2 == ID_DIBAO ? ID_MONITORED : ID_DIBAO;
        /* contiguous (30%: recognised the day the first ends) or after a gap */
        int64_t from2 = chance(r, 0.3) ? to1 : to1 + range(r, 1, 60);
        int64_t to2 = chance(r, 0.2) ? range(r, from2 + 90, from2 + 720) : -1;
        person_row(g, r, k, pf->buf, pf->n, id2, from2, to2, id2 == ID_ILLNESS || chance(r, 0.05),
                   weight);
    }
}

/* A person's claims over the years, sorted by date: admissions by a negative binomial
 * (Poisson with a Gamma frailty: most people have none in a year, a few have many), chronic
 * outpatient visits for chronic persons. At most max; the count. */
static int draw_claims(const Gen *g, Rng *r, int chronic, Claim *cl, int max)
{
    int n = 0;
    double frailty = gamma1(r, 0.5) / 0.5;
    double rate = 0.25 * frailty * g->claim_scale * (chronic ? 1.6 : 1.0);
    for (int yi = 0; yi < g->nyears; yi++) {
        int y = g->years[yi];
        int64_t y0 = civil(y, 1, 1), y1 = civil(y, 12, 31);
        /* inside the policy's validity (--policy); without it first and last are open and
         * the draws, so the bytes, are as before the option */
        y0 = y0 < g->first ? g->first : y0;
        y1 = y1 > g->last ? g->last : y1;
        if (g->for_policy && polrt_is_workday(civil(y + 1, 1, 1)) < 0 &&
            y1 > civil(y, 12, 31) - GEN_CALENDAR_MARGIN)
            y1 = civil(y, 12, 31) - GEN_CALENDAR_MARGIN;
        if (y0 > y1)
            continue;
        int nin = poisson(r, rate), nout = chronic ? poisson(r, 4.0 * g->claim_scale) : 0;
        if (nin > GEN_MAX_YEAR_CLAIMS / 2)
            nin = GEN_MAX_YEAR_CLAIMS / 2;
        if (nout > GEN_MAX_YEAR_CLAIMS / 2)
            nout = GEN_MAX_YEAR_CLAIMS / 2;
        for (int i = 0; i < nin + nout && n < max; i++) {
            Claim *c = &cl[n++];
            c->outpatient = i >= nin;
            if (c->outpatient) {
                c->level = chance(r, 0.7) ? LV_TOWNSHIP : LV_COUNTY;
                c->tier = c->level == LV_TOWNSHIP ? TI_PRIMARY : TI_GRADE2;
                c->admitted = c->discharged = range(r, y0, y1);
            } else {
                c->level = pick(r, lv_mix, NLV);
                c->tier = pick(r, ti_mix[c->level], NTI);
                /* length of stay: 1 + geometric-ish, longer higher up */
                int los = 1 + (int)(-log(1.0 - unif(r)) * (4.0 + 2.0 * c->level));
                if (los > 90)
                    los = 90;
                c->discharged = range(r, y0, y1);
                c->admitted = c->discharged - los < y0 ? y0 : c->discharged - los;
            }
        }
    }
    qsort(cl, (size_t)n, sizeof cl[0], claim_cmp);
    return n;
}

/* claim_id .. tier: who, what kind, when, where */
static void claim_head(Gen *g, Rng *r, long k, int i, const Claim *c)
{
    Out *co = &g->co;
    putch(co, 'C');
    put_uint(co, (uint64_t)k, g->id_width);
    putch(co, '-');
    put_uint(co, (uint64_t)i + 1, 1);
    putch(co, ',');
    put_person_id(co, g, k);
    putch(co, ',');
    puts_(co, c->outpatient ? (chance(r, 0.7) ? "慢性病门诊" : "chronic_outpatient")
                            : (chance(r, 0.7) ? "住院" : "inpatient"));
    putch(co, ',');
    put_date(co, c->admitted);
    putch(co, ',');
    put_date(co, c->discharged);
    putch(co, ',');
    put_enum(co, r, lv_name, lv_label, c->level);
    putch(co, ',');
    put_enum(co, r, ti_name, ti_label, c->tier);
    putch(co, ',');
}

/* total, noncompliant, consented: log-normal amounts with a long tail */
static void claim_amounts(Gen *g, Rng *r, const Claim *c, int64_t *total, int64_t *noncomp)
{
    Out *co = &g->co;
    *total =
        c->outpatient ? lognormal_fen(r, 300, 0.7) : lognormal_fen(r, lv_median[c->level], 0.9);
    double share = chance(r, 0.3) ? 0 : chance(r, 0.93) ? unif(r) * 0.15 : 0.15 + unif(r) * 0.25;
    *noncomp = (int64_t)llround((double)*total * share);
    put_money(co, r, *total);
    putch(co, ',');
    put_money(co, r, *noncomp);
    putch(co, ',');
    int consented = *noncomp > 0 ? chance(r, 0.85) : chance(r, 0.5);
    put_bool(co, r, consented);
    putch(co, ',');
}

/* designated .. whitelist: the conditions the policies' gates test */
static void claim_flags(Gen *g, Rng *r, const Claim *c, int chronic)
{
    Out *co = &g->co;
    int out = c->outpatient;
    put_bool(co, r, chance(r, 0.97)); /* designated */
    putch(co, ',');
    int outside = c->level >= LV_CITY;
    int emergency = !out && chance(r, 0.08);
    int referred = emergency ? chance(r, 0.2) : outside ? chance(r, 0.85) : chance(r, 0.1);
    put_bool(co, r, referred);
    putch(co, ',');
    put_bool(co, r, emergency);
    putch(co, ',');
    if (emergency && !referred && chance(r, 0.85)) {
        /* the emergency referral filed N working days after admission: mostly within the 5
         * the notice allows, a tail beyond it */
        int delay = chance(r, 0.85) ? (int)range(r, 1, 5) : (int)range(r, 6, 15);
        int64_t filed = workdays_after(c->admitted, delay);
        while (filed < 0 && delay > 1)
            filed = workdays_after(c->admitted, --delay);
        if (filed >= 0)
            put_date(co, filed);
    }
    putch(co, ',');
    put_bool(co, r, chance(r, 0.005)); /* refused referral or discharge */
    putch(co, ',');
    put_bool(co, r, !out && chance(r, chronic ? 0.10 : 0.02)); /* special_chronic */
    putch(co, ',');
    put_bool(co, r, out && chance(r, 0.9)); /* listed_disease */
    putch(co, ',');
    put_bool(co, r, c->level <= LV_CITY); /* in_city */
    putch(co, ',');
    put_bool(co, r, chance(r, 0.85)); /* ma_designated */
    putch(co, ',');
    put_bool(co, r, chance(r, c->tier == TI_PRIMARY ? 0.6 : 0.5)); /* primary_referral */
    putch(co, ',');
    put_bool(co, r, outside && chance(r, 0.7)); /* registered */
    putch(co, ',');
    put_bool(co, r, chance(r, out ? 0.05 : 0.01)); /* dialysis */
    putch(co, ',');
    put_bool(co, r, chance(r, 0.05)); /* whitelist */
    putch(co, ',');
}

/* selfpay: compliant cost less a rough basic-insurance share (see lv_deduct) */
static void claim_selfpay(Gen *g, Rng *r, const Claim *c, int64_t total, int64_t noncomp)
{
    double compliant = (double)(total - noncomp) / 100.0;
    double basic = compliant > lv_deduct[c->level]
                       ? (compliant - lv_deduct[c->level]) * lv_ratio[c->level]
                       : 0;
    if (c->outpatient)
        basic = compliant * 0.75;
    int64_t selfpay = (int64_t)llround((compliant - basic) * 100.0);
    put_money(&g->co, r, selfpay < 0 ? 0 : selfpay);
    putch(&g->co, '\n');
}

/* Person k: its identity rows, then its claims in date order. The draws from the person's
 * generator happen in this order, cell by cell, so the bytes for a seed never change. */
static void gen_person(Gen *g, long k)
{
    Rng rr, *r = &rr;
    rng_seed(r, g->seed, (uint64_t)k);
    Out pf = {.buf = (char[128]){0}};
    char weight[16];
    int chronic = person_fields(g, r, &pf, weight, sizeof weight);
    identity_rows(g, r, k, &pf, g->weights ? weight : NULL);

    Claim cl[GEN_MAX_YEARS * GEN_MAX_YEAR_CLAIMS];
    int n = draw_claims(g, r, chronic, cl, (int)(sizeof cl / sizeof cl[0]));
    for (int i = 0; i < n; i++) {
        int64_t total, noncomp;
        claim_head(g, r, k, i, &cl[i]);
        claim_amounts(g, r, &cl[i], &total, &noncomp);
        claim_flags(g, r, &cl[i], chronic);
        claim_selfpay(g, r, &cl[i], total, noncomp);
        g->nclaims++;
    }
}

/* ---- files ------------------------------------------------------------------------------ */

static int out_open(Out *o, const char *dir, const char *name, char *err, size_t errlen)
{
    memset(o, 0, sizeof *o);
    size_t n = strlen(dir) + strlen(name) + 2;
    char *path = malloc(n);
    o->buf = malloc(GEN_BUF);
    if (!path || !o->buf) {
        free(path);
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    snprintf(path, n, "%s/%s", dir, name);
    o->file = polrt_out_open(path, 0, err, errlen);
    free(path);
    return o->file ? 0 : -1;
}

/* Put both files in place: each flushed and synced before either is renamed, so a failed
 * run leaves the previous pair as it was; or (ok 0) remove both temporaries. 0, or -1 with a
 * message in err. */
static int out_finish(Out *po, Out *co, int ok, char *err, size_t errlen)
{
    Out *outs[2] = {po, co};
    for (int i = 0; i < 2 && ok; i++) {
        if (out_flush(outs[i]) < 0) {
            snprintf(err, errlen, "%s", outs[i]->err);
            ok = 0;
        } else if (polrt_out_sync(outs[i]->file, err, errlen) < 0) {
            ok = 0;
        }
    }
    for (int i = 0; i < 2 && ok; i++) {
        if (polrt_out_commit(outs[i]->file, err, errlen) < 0)
            ok = 0;
        outs[i]->file = NULL;
    }
    for (int i = 0; i < 2; i++) {
        polrt_out_abort(outs[i]->file);
        outs[i]->file = NULL;
        free(outs[i]->buf);
        outs[i]->buf = NULL;
    }
    return ok ? 0 : -1;
}

int gen_population(const GenOpts *o)
{
    const char *dir = o->dir;
    long persons = o->persons;
    int weights = o->weights, progress = o->progress;
    const int *years = o->years ? o->years : default_years;
    int nyears = o->years ? o->nyears : (int)(sizeof default_years / sizeof default_years[0]);
    /* --policy: a claim year must meet the validity, or the files would hold no claim */
    int meets = 0;
    for (int i = 0; i < nyears; i++)
        meets |= (o->valid_from == POLRT_NONE || civil(years[i], 12, 31) >= o->valid_from) &&
                 (o->valid_to == POLRT_NONE || civil(years[i], 1, 1) < o->valid_to);
    if (!meets) {
        char from[32] = "", to[32] = "";
        if (o->valid_from != POLRT_NONE)
            polrt_fmt_date(o->valid_from, from);
        if (o->valid_to != POLRT_NONE)
            polrt_fmt_date(o->valid_to - 1, to);
        fprintf(stderr,
                "polc: --policy: no claim year falls in the policy's validity (%s%s%s%s%s): give "
                "--years\n",
                from[0] ? "from " : "", from, from[0] && to[0] ? " " : "", to[0] ? "to " : "", to);
        return POLRT_EXIT_USAGE;
    }
    struct stat st;
    if (stat(dir, &st) != 0) {
        if (errno != ENOENT || mkdir(dir, 0777) != 0) {
            fprintf(stderr, "polc: cannot create %s: %s\n", dir, strerror(errno));
            return polrt_exit_for_errno(errno);
        }
    } else if (!S_ISDIR(st.st_mode)) {
        fprintf(stderr, "polc: %s is not a directory\n", dir);
        return POLRT_EXIT_USAGE;
    }

    Gen g = {.seed = o->seed,
             .persons = persons,
             .years = years,
             .nyears = nyears,
             .first = o->valid_from == POLRT_NONE ? INT64_MIN : o->valid_from,
             .last = o->valid_to == POLRT_NONE ? INT64_MAX : o->valid_to - 1,
             .for_policy = o->valid_from != POLRT_NONE || o->valid_to != POLRT_NONE,
             .claim_scale = o->claim_scale,
             .weights = weights};
    g.id_width = 7;
    for (long p = 10000000; p <= persons && g.id_width < 9; p *= 10)
        g.id_width++;
    char err[512];
    if (out_open(&g.po, dir, "persons.csv", err, sizeof err) < 0 ||
        out_open(&g.co, dir, "claims.csv", err, sizeof err) < 0) {
        fprintf(stderr, "polc: %s\n", err);
        out_finish(&g.po, &g.co, 0, err, sizeof err);
        return POLRT_EXIT_SYSTEM;
    }
    puts_(&g.po, "person_id,chronic,refused_enrolment,enrolled,years_uninsured,identity,from,to,"
                 "by_illness");
    puts_(&g.po, weights ? ",weight\n" : "\n");
    puts_(&g.co, "claim_id,person_id,kind,admitted,discharged,level,tier,total,noncompliant,"
                 "consented,designated,referred,emergency,referral_filed,refused,"
                 "special_chronic,listed_disease,in_city,ma_designated,primary_referral,"
                 "registered,dialysis,whitelist,selfpay\n");
    int show = progress == 1 || (progress < 0 && isatty(2));
    PolProgress meter;
    polrt_progress_start(&meter, show);
    int failed = 0;
    for (long k = 1; k <= persons && !failed; k++) {
        gen_person(&g, k);
        if (g.po.n > GEN_FLUSH && out_flush(&g.po) < 0)
            failed = 1;
        if (g.co.n > GEN_FLUSH && out_flush(&g.co) < 0)
            failed = 1;
        if (k % GEN_PROGRESS_STRIDE == 0)
            polrt_progress_show(&meter, "gen", (double)k / (double)persons, k, "persons");
    }
    polrt_progress_clear(&meter);
    if (failed)
        snprintf(err, sizeof err, "%s", g.po.failed ? g.po.err : g.co.err);
    int ok = out_finish(&g.po, &g.co, !failed, err, sizeof err) == 0;
    int rc = ok ? 0 : POLRT_EXIT_SYSTEM; /* a full disk, an I/O error */
    if (!ok)
        fprintf(stderr, "polc: %s\n", err);
    if (rc == 0 && show)
        fprintf(stderr,
                "polc: wrote %s/persons.csv (%ld person%s, %ld row%s) and %s/claims.csv "
                "(%ld claim%s) in %.1f s\n",
                dir, persons, diag_plural(persons), g.nspans, diag_plural(g.nspans), dir, g.nclaims,
                diag_plural(g.nclaims), polrt_progress_seconds(&meter));
    return rc;
}
