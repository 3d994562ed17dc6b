/* ledger_io.c — polc ledger import, export and erase (spec/DATA.md "Ledger files"): opening
 * balances read from a CSV into a ledger store (what the previous system recorded for a
 * person-year before the policy's first claim), every ledger row written out in the same
 * format, and a person's data erased with an audit row that records the erasure, not the
 * data. The CSV is read by csv.c and bound by decode.c, as claims are. */
#include "rt_int.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* longest message about a row */
#define MSG_MAX 512
/* rejected rows told on stderr before the rest are only counted */
#define MAX_TOLD 20

/* the fixed columns of a ledger file */
enum { COL_PERSON, COL_LEDGER, COL_YEAR, NCOLS };
static const char *const fixed_cols[NCOLS] = {"person_id", "ledger", "year"};

/* a lifetime ledger has one row per person, under key 0 (cg.c's polc_keys) */
static int lifetime(const RtLedger *l)
{
    return strcmp(l->key, "lifetime") == 0;
}

typedef struct Import {
    const RtSchema *s;
    RtStore *st;
    const char *file;
    RtField *fields; /* every ledger's fields, as optional columns (blank: 0) */
    const RtField **fp;
    RtBinding bind;   /* the header bound to every ledger's fields (a name two share: the first) */
    RtBinding *lbind; /* each ledger's fields bound alone: a row's values are read within the
                         ledger it names, whose field names another ledger's may share */
    int64_t *vals;
    RtOut rej;
    int rej_open;
    long imported, unchanged, rejected;
    RtMap seen;  /* the rows this file gave a ledger row, by person, ledger and key (Seen) */
    RtPool pool; /* their Seen entries */
} Import;

/* A ledger row this file gave already: a second row for it with other values is refused,
 * naming this one's line, as persons.csv refuses a person whose rows differ (the last would
 * otherwise win without a word). */
typedef struct Seen {
    int64_t line; /* the row that gave it */
    int64_t key;
    int ledger;
    size_t n; /* person id bytes */
    char id[];
} Seen;

/* a bad row told (the first MAX_TOLD) and counted */
static void tell(Import *im, int64_t line, const char *why)
{
    if (im->rejected++ < MAX_TOLD)
        fprintf(stderr, "%s:%" PRId64 ": %s\n", im->file, line, why);
}

/* the rejects file open, its first line the file's header: 0, or -1 (err, errno) */
static int rejects_open(Import *im, const char *rejects, char *err, size_t errlen)
{
    if (im->rej_open)
        return 0;
    if (rt_out_open(&im->rej, rejects, err, errlen) < 0)
        return -1;
    im->rej_open = 1;
    size_t b = rt_csv_bom_len(im->bind.raw, im->bind.nraw);
    rt_out_bom(&im->rej, b != 0);
    fwrite(im->bind.raw + b, 1, im->bind.nraw - b, im->rej.f);
    return 0;
}

/* a bad row: told, counted, copied to the rejects file */
static int reject(Import *im, const RtRecord *r, const char *why, const char *rejects, char *err,
                  size_t errlen)
{
    tell(im, r->line, why);
    if (rejects_open(im, rejects, err, errlen) < 0)
        return -1;
    fwrite(r->raw, 1, r->nraw, im->rej.f);
    /* the file's last row without its line end: one of the header's kind, as polc run adds
     * (a row rejected after it would run on in the same line) */
    if (r->nraw && r->raw[r->nraw - 1] != '\n') {
        const char *h = im->bind.raw;
        size_t n = im->bind.nraw;
        fputs(n >= 2 && h[n - 2] == '\r' && h[n - 1] == '\n' ? "\r\n" : "\n", im->rej.f);
    }
    return 0;
}

/* A record longer than RT_CSV_MAX_RECORD (rt_csv_next gave -2): one bad row, as polc run
 * has it, streamed whole to the rejects file and told in run's words; the rows after it are
 * read. It stopped the import with nothing imported. 0, or the exit code (err set). */
static int reject_long(Import *im, RtCsv *csv, const char *rejects, char *err, size_t errlen)
{
    int64_t line, lines;
    char why[MSG_MAX];
    if (rejects_open(im, rejects, err, errlen) < 0)
        return polrt_exit_for_errno(errno);
    if (rt_csv_pass_long(csv, im->rej.f, &line, &lines) < 0) {
        snprintf(err, errlen, "%s: %s", im->file, rt_csv_errmsg(csv));
        return POLRT_EXIT_SYSTEM;
    }
    tell(im, line, rt_csv_long_record(lines, why, sizeof why));
    return POLRT_EXIT_OK;
}

/* 1 when no day of year y lies in the policy's validity */
static int outside_validity(const RtSchema *s, int64_t y)
{
    return (s->valid_from != POLRT_NONE && y < polrt_year_of(s->valid_from)) ||
           (s->valid_to != POLRT_NONE && y > polrt_year_of(s->valid_to - 1));
}

/* a person id's bytes and its NUL, as imported: ids are short (an 18-character ID number); a
 * longer one is rejected, not cut */
#define IMPORT_PERSON_MAX 256

/* A row's person (into person[IMPORT_PERSON_MAX]), ledger (*l: the ledger column, or the policy's
 * only one) and key (*key: its year, 0 for a lifetime ledger). 0, or 1 rejected (why). */
static int row_target(Import *im, const RtRecord *r, char *person, int *l, int64_t *key, char *why,
                      size_t wlen)
{
    const RtSchema *s = im->s;
    const char *const *cells = (const char *const *)r->field;
    size_t n;
    /* the check decode_block makes for polc run: a short row's missing cells are not left
     * to whatever the cell array held before, nor an extra cell dropped */
    if (r->nfields != im->bind.ncols)
        return rt_csv_count_text(im->bind.ncols, r->nfields, cells, r->len, why, wlen), 1;
    const char *pid = rt_decode_id(&im->bind, COL_PERSON, cells, r->len, r->nfields, &n);
    if (!pid)
        return snprintf(why, wlen, "person_id: missing value"), 1;
    if (rt_id_excel_number("person_id", pid, n, why, wlen))
        return 1;
    if (n >= IMPORT_PERSON_MAX)
        return snprintf(why, wlen, "person_id: longer than %zu bytes",
                        (size_t)IMPORT_PERSON_MAX - 1),
               1;
    memcpy(person, pid, n);
    person[n] = '\0';
    *l = 0;
    const char *lname = rt_decode_id(&im->bind, COL_LEDGER, cells, r->len, r->nfields, &n);
    if (lname) {
        while (*l < s->nledgers &&
               !(strlen(s->ledgers[*l].name) == n && memcmp(s->ledgers[*l].name, lname, n) == 0))
            (*l)++;
        if (*l == s->nledgers)
            return snprintf(why, wlen, "ledger: '%.*s' is not a ledger of the policy", (int)n,
                            lname),
                   1;
    } else if (s->nledgers != 1) {
        return snprintf(why, wlen, "ledger: missing value (the policy has %d ledgers)",
                        s->nledgers),
               1;
    }
    const RtLedger *led = &s->ledgers[*l];
    *key = 0;
    const char *year = rt_decode_id(&im->bind, COL_YEAR, cells, r->len, r->nfields, &n);
    if (!lifetime(led)) {
        if (!year)
            return snprintf(why, wlen, "year: missing value (ledger %s is per %s)", led->name,
                            led->key),
                   1;
        /* read as polc run reads an int cell (full-width digits too, as Chinese spreadsheets
         * write them: strtol refused ２０１７) */
        static const RtType int_type = {.kind = RT_INT};
        char w[MSG_MAX];
        int64_t y;
        if (rt_parse_value(s, &int_type, year, n, &y, w, sizeof w) < 0 || y < RT_YEAR_MIN ||
            y > RT_YEAR_MAX)
            return snprintf(why, wlen, "year: '%.*s' is not a year (%d to %d)", (int)n, year,
                            RT_YEAR_MIN, RT_YEAR_MAX),
                   1;
        *key = y;
        /* a year keyed by the claim's date (the date that picks the policy's versions) with no
         * day of the policy's validity: no claim of it settles, so its balance opens nothing */
        if (led->key_field && s->claim_date && !strcmp(led->key_field, s->claim_date) &&
            outside_validity(s, y)) {
            char v[80];
            return snprintf(why, wlen,
                            "year: %" PRId64 " is outside the policy's validity (%s): no claim "
                            "of that year settles under it",
                            y, rt_schema_validity(s, v, sizeof v)),
                   1;
        }
    } else if (year) {
        return snprintf(why, wlen, "year: ledger %s is for a lifetime, not per year", led->name), 1;
    }
    return 0;
}

/* A row's values of ledger l into im->vals, each column read as the field of that name or
 * label in ledger l; a value in a column only another ledger's field takes would be dropped:
 * said, not guessed. 0, or 1 rejected (why). */
static int row_values(Import *im, const RtRecord *r, int l, char *why, size_t wlen)
{
    const RtLedger *led = &im->s->ledgers[l];
    const RtBinding *lb = &im->lbind[l];
    const char *const *cells = (const char *const *)r->field;
    if (rt_decode_fields(lb, cells, r->len, 0, led->nfields, im->vals + led->offset, why, wlen) < 0)
        return 1;
    for (int i = 0; i < im->s->nledger_fields; i++) {
        int col = im->bind.cols[i].col, own = 0;
        for (int f = 0; f < led->nfields && !own; f++)
            own = lb->cols[f].col == col;
        if (col >= 0 && !own && r->len[col] && !rt_cell_blank(cells[col], r->len[col]))
            return snprintf(why, wlen, "%s: a field of another ledger than %s", im->bind.hdr[col],
                            led->name),
                   1;
    }
    return 0;
}

/* The opening balance (im->vals) stored as ledger l's row key of person, with an audit row
 * that says where it came from and what it was (explanations show it). 0, or -1 (err). */
static int store_opening(Import *im, const RtRecord *r, RtLedgerPerson *lp, const char *person,
                         int l, int64_t key, char *err, size_t errlen)
{
    const RtSchema *s = im->s;
    const RtLedger *led = &s->ledgers[l];
    char src[MSG_MAX], v[64];
    size_t at =
        (size_t)snprintf(src, sizeof src, "ledger %s %" PRId64 ": opening balance from %s:%" PRId64,
                         led->name, key, im->file, r->line);
    for (int f = 0; f < led->nfields && at < sizeof src; f++)
        at += (size_t)snprintf(
            src + at, sizeof src - at, "%s %s %s", f ? "," : ":", led->fields[f].name,
            rt_format_value(s, &led->fields[f].type, im->vals[led->offset + f], v, sizeof v));
    int rc = rt_ledger_set_row(im->st, lp, l, key, im->vals, POLRT_NONE, err, errlen);
    if (rc == 0)
        rc = rt_ledger_audit(im->st, "import", NULL, person, NULL, POLRT_NONE, POLRT_NONE, src, err,
                             errlen);
    return rc;
}

typedef struct SeenKey {
    const char *id;
    size_t n;
    int ledger;
    int64_t key;
} SeenKey;

static int seen_eq(const void *entry, const void *key)
{
    const Seen *e = entry;
    const SeenKey *k = key;
    return e->ledger == k->ledger && e->key == k->key && e->n == k->n &&
           memcmp(e->id, k->id, k->n) == 0;
}

/* The row of this file that gave person's ledger l, key already (*first, NULL for none); a
 * new entry for it when there is none (*first then NULL, *added it). 0, or -1 (memory). */
static int seen_row(Import *im, const char *person, int l, int64_t key, const RtRecord *r,
                    const Seen **first, Seen **added)
{
    SeenKey k = {person, strlen(person), l, key};
    uint64_t h = rt_hash_i64(rt_hash_i64(rt_hash_bytes(RT_HASH_SEED, k.id, k.n), l), key);
    Seen *e = rt_map_find(&im->seen, h, seen_eq, &k);
    *first = e && e->line ? e : NULL;
    *added = NULL;
    if (*first)
        return 0;
    if (!e) {
        if (!(e = rt_pool_alloc(&im->pool, sizeof *e + k.n)) || rt_map_put(&im->seen, h, e) < 0)
            return -1;
        *e = (Seen){.key = key, .ledger = l, .n = k.n};
        memcpy(e->id, person, k.n);
    }
    e->line = r->line; /* line 0: an entry whose row was not taken */
    *added = e;
    return 0;
}

/* one row: 0 imported or unchanged, 1 rejected (why), -1 the store failed (err) */
static int import_row(Import *im, const RtRecord *r, char *why, size_t wlen, char *err,
                      size_t errlen)
{
    const RtSchema *s = im->s;
    char person[IMPORT_PERSON_MAX];
    int l;
    int64_t key;
    if (row_target(im, r, person, &l, &key, why, wlen))
        return 1;
    const RtLedger *led = &s->ledgers[l];
    if (row_values(im, r, l, why, wlen))
        return 1;
    const Seen *first;
    Seen *added;
    if (seen_row(im, person, l, key, r, &first, &added) < 0)
        return snprintf(err, errlen, "out of memory"), -1;
    RtLedgerPerson *lp = rt_ledger_hold(
        im->st, person, rt_hash_bytes(RT_HASH_SEED, person, strlen(person)), err, errlen);
    if (!lp)
        return -1;
    int rc = rt_ledger_hold_rows(im->st, lp, err, errlen);
    int64_t *cur = im->vals + s->nledger_fields, last;
    int had = rc == 0 ? rt_ledger_row(im->st, lp, l, key, cur, &last) : 0;
    int same = had, d = 0;
    for (; same && d < led->nfields; d++)
        same = cur[led->offset + d] == im->vals[led->offset + d];
    if (rc == 0 && first && !same) {
        /* the row holds what the first of the file's rows for it gave: d - 1 differs */
        snprintf(why, wlen, "%s differs from the same person's row on line %" PRId64,
                 led->fields[d > 0 ? d - 1 : 0].name, first->line);
        rt_ledger_release(im->st, lp, 0);
        return 1;
    }
    /* with claims settled on the row, the opening balance is what the first of them found:
     * the same values import as unchanged (a file imported again), others are refused */
    RtStoredClaim *claims = NULL;
    size_t nc = 0, settled = 0;
    if (rc == 0 && !same)
        rc = rt_ledger_person_claims(im->st, person, &claims, &nc, err, errlen);
    for (size_t i = 0; rc == 0 && i < nc; i++)
        if (claims[i].keys[l] == key && settled++ == 0) {
            same = 1;
            for (int f = led->offset; same && f < led->offset + led->nfields; f++)
                same = claims[i].before[f] == im->vals[f];
        }
    rt_ledger_claims_free(claims, nc);
    if (rc == 0 && same) {
        im->unchanged++;
    } else if (rc == 0 && settled) {
        /* an opening balance is what the ledger held before the year's first claim */
        snprintf(why, wlen,
                 "the person's %s %" PRId64 " already has %zu settled claim%s: an opening balance "
                 "goes before them (reverse them first)",
                 led->name, key, settled, rt_plural(settled));
        rc = 1;
    } else if (rc == 0 && (rc = store_opening(im, r, lp, person, l, key, err, errlen)) == 0) {
        im->imported++;
    } else if (rc == 1) {
        /* a row of a later policy's, which this one would write without the fields it lacks
         * (rt_ledger_set_row): the row rejected with that reason (it was told with none) */
        snprintf(why, wlen, "%s", err);
        err[0] = '\0';
    }
    if (rc != 0 && added) /* not taken: a later row for the key is judged on its own */
        added->line = 0;
    rt_ledger_release(im->st, lp, 0);
    return rc;
}

/* the ledger store with its key (NULL: plain): NULL with *rc the exit code, message in err:
 * 2 or 4 for the key file (ledger_key.c), 4 for a ledger that cannot be opened */
static RtStore *open_store(const RtSchema *s, const char *ledger_db, const char *ledger_key,
                           int read_only, int *rc, char *err, size_t errlen)
{
    RtLedgerKey key;
    RtStore *st = NULL;
    if ((*rc = rt_ledger_key_read(ledger_key, ledger_db, &key, err, errlen)) == 0 &&
        !(st = rt_ledger_open(s, ledger_db, &key, read_only, err, errlen)))
        *rc = POLRT_EXIT_SYSTEM;
    rt_ledger_key_wipe(&key);
    return st;
}

/* The fields a ledger file may give, every one optional (a column left out or blank: 0), into
 * im->fields and the pointers the binding takes, im->fp */
static void import_fields(Import *im)
{
    const RtSchema *s = im->s;
    for (int l = 0; l < s->nledgers; l++)
        for (int f = 0; f < s->ledgers[l].nfields; f++) {
            RtField *x = &im->fields[s->ledgers[l].offset + f];
            *x = s->ledgers[l].fields[f];
            x->has_default = 1;
            x->def = 0;
            im->fp[s->ledgers[l].offset + f] = x;
        }
}

/* A header every row of which would be refused, or read as nothing: no year column when
 * every ledger is kept per year (each row "year: missing value"), or no column for any ledger
 * field (each row an opening balance of zeros, the columns' names misspelt). 1 (err set), or 0. */
static int header_incomplete(const Import *im, int64_t line, char *err, size_t errlen)
{
    const RtSchema *s = im->s;
    int per_year = 0, given = 0;
    for (int l = 0; l < s->nledgers; l++)
        per_year += !lifetime(&s->ledgers[l]);
    if (im->bind.fixed_col[COL_YEAR] < 0 && s->nledgers && per_year == s->nledgers) {
        if (s->nledgers == 1)
            snprintf(err, errlen, "%s:%" PRId64 ": missing column 'year' (ledger %s is per %s)",
                     im->file, line, s->ledgers[0].name, s->ledgers[0].key);
        else
            snprintf(err, errlen,
                     "%s:%" PRId64 ": missing column 'year' (every ledger of the policy is kept "
                     "per year)",
                     im->file, line);
        return 1;
    }
    for (int i = 0; i < s->nledger_fields; i++)
        given += im->bind.cols[i].col >= 0;
    if (given || !s->nledger_fields)
        return 0;
    size_t at = (size_t)snprintf(err, errlen, "%s:%" PRId64 ": no column names a ledger field (",
                                 im->file, line);
    for (int l = 0; l < s->nledgers; l++)
        for (int f = 0; f < s->ledgers[l].nfields && at < errlen; f++)
            at += (size_t)snprintf(err + at, errlen - at, "%s%s%s%s",
                                   at && err[at - 1] != '(' ? ", " : "",
                                   s->nledgers > 1 ? s->ledgers[l].name : "",
                                   s->nledgers > 1 ? "." : "", s->ledgers[l].fields[f].name);
    if (at < errlen)
        snprintf(err + at, errlen - at, "): every row would import as zeros");
    return 1;
}

/* The header row read and bound (im->bind, im->lbind). 0, or the exit code (err set). */
static int import_header(Import *im, RtCsv *csv, char *err, size_t errlen)
{
    char why[MSG_MAX];
    RtRecord r;
    int got = rt_csv_next(csv, &r);
    if (got > 0 && rt_csv_cr_only(r.raw, r.nraw)) {
        snprintf(err, errlen, "%s:%" PRId64 ": header: " RT_CSV_CR_ONLY, im->file, r.line);
        return POLRT_EXIT_DATA;
    }
    if (got <= 0 || r.error) {
        /* a header too long stops the import as it stops polc run, in run's words:
         * "FILE:1: header: record longer than 16 MiB (...)" */
        const char *msg = rt_csv_errmsg(csv), *colon = strchr(msg, ':');
        if (got == -2 && colon)
            snprintf(err, errlen, "%s:%.*s: header%s", im->file, (int)(colon - msg), msg, colon);
        else
            snprintf(err, errlen, "%s: %s", im->file,
                     got < 0    ? msg
                     : got == 0 ? "empty: no header row"
                                : r.error);
        return got == -1 ? POLRT_EXIT_SYSTEM : POLRT_EXIT_DATA;
    }
    /* the header bound to every ledger's fields (l = -1), then to each ledger's alone */
    for (int l = -1; l < im->s->nledgers; l++) {
        const RtLedger *led = l >= 0 ? &im->s->ledgers[l] : NULL;
        int b = rt_binding_init(
            l >= 0 ? &im->lbind[l] : &im->bind, im->s, im->fp + (led ? led->offset : 0),
            led ? led->nfields : im->s->nledger_fields, fixed_cols, NCOLS, 1, im->file, r.line,
            (const char *const *)r.field, r.len, r.nfields, r.raw, r.nraw, why, sizeof why);
        if (b < 0) {
            snprintf(err, errlen, "%s", b == -2 ? "out of memory" : why);
            return b == -2 ? POLRT_EXIT_SYSTEM : POLRT_EXIT_DATA;
        }
    }
    if (im->bind.ignored)
        fprintf(stderr, "%s: note: %s: columns not read: %s\n", opts_program(), im->file,
                im->bind.ignored);
    if (header_incomplete(im, r.line, err, errlen))
        return POLRT_EXIT_DATA;
    return POLRT_EXIT_OK;
}

/* Every row after the header imported, or rejected to the rejects file. 0, or the exit code
 * (err set). */
static int import_rows(Import *im, RtCsv *csv, const char *rejects, char *err, size_t errlen)
{
    char why[MSG_MAX];
    RtRecord r;
    int got;
    while ((got = rt_csv_next(csv, &r)) != 0) {
        if (got == -1) {
            snprintf(err, errlen, "%s: %s", im->file, rt_csv_errmsg(csv));
            return POLRT_EXIT_SYSTEM;
        }
        int rc;
        if (got == -2 && (rc = reject_long(im, csv, rejects, err, errlen)) != POLRT_EXIT_OK)
            return rc;
        if (got == -2)
            continue;
        int k = r.error ? (snprintf(why, sizeof why, "%s", r.error), 1)
                        : import_row(im, &r, why, sizeof why, err, errlen);
        if (k < 0)
            return POLRT_EXIT_SYSTEM;
        if (k > 0 && reject(im, &r, why, rejects, err, errlen) < 0)
            return polrt_exit_for_errno(errno);
    }
    return POLRT_EXIT_OK;
}

/* The ledger polc ledger CMD works on: one file, not a ledger that MPI ranks split into
 * DB.rankKofN (a new DB beside them would be one no run reads); and for export and erase
 * (must_exist), one that is there: a name that is not is the command line's mistake (opening
 * it would create an empty ledger). 0, or the exit code after saying so. */
static int ledger_check(const char *ledger_db, const char *cmd, int must_exist)
{
    char err[MSG_MAX];
    int rc = rt_ledger_ranks_agree(ledger_db, 1, cmd, err, sizeof err) < 0 ? POLRT_EXIT_USAGE : 0;
    if (!rc && must_exist)
        rc = rt_ledger_exists(ledger_db, err, sizeof err);
    if (rc)
        fprintf(stderr, "%s: %s\n", opts_program(), err);
    return rc;
}

/* The import committed (rolled back for a dry run), the rejects file put in place, the counts
 * told. The exit code: 3 when rows were rejected (err set on a failure). */
static int import_finish(Import *im, const char *rejects, int dry_run, char *err, size_t errlen)
{
    if (dry_run)
        rt_ledger_rollback(im->st);
    else if (rt_ledger_commit(im->st, err, errlen))
        return POLRT_EXIT_SYSTEM;
    if (im->rej_open) {
        im->rej_open = 0;
        if (rt_out_commit(&im->rej, err, errlen) < 0)
            return polrt_exit_for_errno(errno);
    }
    if (im->rejected > MAX_TOLD)
        fprintf(stderr, "%s: %ld more row%s rejected\n", opts_program(), im->rejected - MAX_TOLD,
                rt_plural(im->rejected - MAX_TOLD));
    fprintf(stderr, "%s: ledger import: %ld row%s %s, %ld unchanged, %ld rejected%s%s%s%s\n",
            opts_program(), im->imported, rt_plural(im->imported),
            dry_run ? "to import" : "imported", im->unchanged, im->rejected,
            im->rejected ? " (" : "", im->rejected ? rejects : "", im->rejected ? ")" : "",
            dry_run ? "; dry run: the ledger is unchanged" : "");
    return im->rejected ? POLRT_EXIT_DATA : POLRT_EXIT_OK;
}

POLRT_API int polrt_ledger_import(PolEngine *e, const char *ledger_db, const char *ledger_key,
                                  const char *file, const char *encoding, const char *rejects,
                                  int dry_run)
{
    const RtSchema *s = rt_engine_schema(e);
    char err[MSG_MAX] = "";
    Import im = {.s = s, .file = file};
    int rc = POLRT_EXIT_OK;
    char *rej_buf = NULL;
    if (!rejects) {
        size_t n = strlen(file);
        if ((rej_buf = polrt_realloc(NULL, n + sizeof ".rejects.csv"))) {
            memcpy(rej_buf, file, n);
            memcpy(rej_buf + n, ".rejects.csv", sizeof ".rejects.csv");
        }
        rejects = rej_buf;
    }
    size_t nf = (size_t)s->nledger_fields + 1;
    im.fields = polrt_realloc(NULL, nf * sizeof *im.fields);
    im.fp = polrt_realloc(NULL, nf * sizeof *im.fp);
    im.vals = polrt_realloc(NULL, 2 * nf * sizeof *im.vals);
    if ((im.lbind = polrt_realloc(NULL, ((size_t)s->nledgers + 1) * sizeof *im.lbind)))
        memset(im.lbind, 0, ((size_t)s->nledgers + 1) * sizeof *im.lbind);
    RtCsv *csv = NULL;
    if (!im.fields || !im.fp || !im.vals || !im.lbind || !rejects) {
        snprintf(err, sizeof err, "out of memory");
        rc = POLRT_EXIT_SYSTEM;
        goto done;
    }
    /* the ledger is written too: naming the file imported (exit 4, "not an SQLite file"
     * after opening it) is the command line's mistake, as polc run says it */
    const RtNamedPath outs[] = {{ledger_db, "--ledger"}, {rejects, "the rejects file (--rejects)"}},
                      files[] = {{file, "the file imported"}, {ledger_db, "the ledger (--ledger)"}};
    if (rt_outputs_apart(outs, 2, files, 2, 1, err, sizeof err) < 0) {
        rc = POLRT_EXIT_USAGE;
        goto done;
    }
    import_fields(&im);
    int enc = rt_csv_encoding(encoding, err, sizeof err);
    if (enc < 0) {
        rc = POLRT_EXIT_USAGE;
        goto done;
    }
    if (!(csv = rt_csv_open(file, enc, err, sizeof err))) {
        rc = polrt_exit_for_errno(errno);
        goto done;
    }
    if ((rc = ledger_check(ledger_db, "polc ledger import", 0)) != 0)
        goto done;
    /* the header first: a file refused at its header creates no ledger (it made the file,
     * its tables and the policy's layout, with nothing imported: newuser8) */
    if ((rc = import_header(&im, csv, err, sizeof err)) != POLRT_EXIT_OK)
        goto done;
    /* a dry run reads the ledger as export does: no write lock, nothing created, upgraded or
     * recorded; the rows it would import are kept in memory over the ledger's */
    if (!(im.st = open_store(s, ledger_db, ledger_key, dry_run ? RT_LEDGER_READ_OR_EMPTY : 0, &rc,
                             err, sizeof err)))
        goto done;
    if (rt_ledger_begin(im.st, err, sizeof err)) {
        rc = POLRT_EXIT_SYSTEM;
        goto done;
    }
    if ((rc = import_rows(&im, csv, rejects, err, sizeof err)) == POLRT_EXIT_OK)
        rc = import_finish(&im, rejects, dry_run, err, sizeof err);
done:
    if (rc != POLRT_EXIT_OK && err[0])
        fprintf(stderr, "%s: %s\n", opts_program(), err);
    if (im.rej_open)
        rt_out_abort(&im.rej);
    rt_binding_free(&im.bind);
    for (int l = 0; im.lbind && l < s->nledgers; l++)
        rt_binding_free(&im.lbind[l]);
    polrt_realloc(im.lbind, 0);
    rt_map_free(&im.seen);
    rt_pool_free(&im.pool);
    rt_csv_close(csv);
    rt_ledger_close(im.st); /* an uncommitted import is rolled back */
    polrt_realloc(im.fields, 0);
    polrt_realloc(im.fp, 0);
    polrt_realloc(im.vals, 0);
    polrt_realloc(rej_buf, 0);
    return rc;
}

/* What a command that reads the ledger and writes a CSV (export, history) opens: the ledger
 * (*st), which must exist, and out (NULL: stdout), which must not be it. 0, or the exit code
 * (the message in err, or said by ledger_check). */
static int open_reader(const RtSchema *s, const char *ledger_db, const char *ledger_key,
                       const char *out, const char *cmd, RtStore **st, RtOut *o, char *err,
                       size_t errlen)
{
    int rc;
    if ((rc = ledger_check(ledger_db, cmd, 1)) != 0)
        return rc;
    if (out && rt_out_same_file(out, ledger_db)) {
        snprintf(err, errlen, "--out %s is the ledger: name another", out);
        return POLRT_EXIT_USAGE;
    }
    if (!(*st = open_store(s, ledger_db, ledger_key, 1, &rc, err, errlen))) /* read */
        return rc;
    return rt_out_open(o, out, err, errlen) < 0 ? polrt_exit_for_errno(errno) : 0;
}

typedef struct Export {
    const RtSchema *s;
    RtOut out;
    RtLine l;
    int headed; /* the heading is written: held back until the ledger is known to export whole */
} Export;

/* Field i of the policy's ledger fields (schema order) heads a column of its own: no ledger
 * before its own has a field of its name. A name two ledgers share is one column, which
 * import reads within the ledger a row names. */
static int own_column(const RtSchema *s, int l, int f)
{
    const char *name = s->ledgers[l].fields[f].name;
    for (int m = 0; m < l; m++)
        for (int g = 0; g < s->ledgers[m].nfields; g++)
            if (strcmp(s->ledgers[m].fields[g].name, name) == 0)
                return 0;
    return 1;
}

/* the heading: the fixed columns, then every ledger's fields, a name once */
static void export_heading(Export *x)
{
    const RtSchema *s = x->s;
    x->headed = 1;
    for (int i = 0; i < NCOLS; i++)
        fprintf(x->out.f, "%s%s", i ? "," : "", fixed_cols[i]);
    for (int l = 0; l < s->nledgers; l++)
        for (int f = 0; f < s->ledgers[l].nfields; f++) {
            if (!own_column(s, l, f))
                continue;
            fputc(',', x->out.f);
            x->l.n = 0;
            rt_line_cell(&x->l, s->ledgers[l].fields[f].name);
            fwrite(x->l.p, 1, x->l.n, x->out.f);
        }
    fputc('\n', x->out.f);
}

/* one ledger row as a CSV row: person, ledger, year (blank for a lifetime), then under each
 * column the row's ledger's field of that name, the others empty. A row of zeros is left
 * out: a missing row reads as zeros, and such a row (a person-year whose claims were all
 * reversed) made the export differ from a clean run's and, imported, an opening balance of
 * nothing */
static int export_row(void *arg, const char *person_id, int ledger, int64_t key,
                      const int64_t *fields, int64_t last)
{
    Export *x = arg;
    const RtSchema *s = x->s;
    const RtLedger *led = &s->ledgers[ledger];
    (void)last;
    int nz = 0;
    while (nz < led->nfields && fields[nz] == 0)
        nz++;
    if (nz == led->nfields)
        return 0;
    if (!x->headed)
        export_heading(x);
    x->l.n = 0;
    rt_line_cell(&x->l, person_id);
    rt_line_add(&x->l, ",", 1);
    rt_line_cell(&x->l, led->name);
    rt_line_add(&x->l, ",", 1);
    if (!lifetime(led)) {
        char num[24];
        int n = snprintf(num, sizeof num, "%" PRId64, key);
        rt_line_add(&x->l, num, (size_t)n);
    }
    for (int l = 0; l < s->nledgers; l++)
        for (int f = 0; f < s->ledgers[l].nfields; f++) {
            if (!own_column(s, l, f))
                continue;
            rt_line_add(&x->l, ",", 1);
            const char *name = s->ledgers[l].fields[f].name;
            for (int g = 0; g < led->nfields; g++)
                if (strcmp(led->fields[g].name, name) == 0)
                    rt_line_value(&x->l, s, &led->fields[g].type, fields[g], 0);
        }
    rt_line_add(&x->l, "\n", 1);
    if (x->l.oom)
        return -1;
    fwrite(x->l.p, 1, x->l.n, x->out.f);
    return 0;
}

POLRT_API int polrt_ledger_export(PolEngine *e, const char *ledger_db, const char *ledger_key,
                                  const char *out)
{
    const RtSchema *s = rt_engine_schema(e);
    char err[MSG_MAX] = "";
    Export x = {.s = s};
    int rc = POLRT_EXIT_OK, opened = 0;
    RtStore *st = NULL;
    if ((rc = open_reader(s, ledger_db, ledger_key, out, "polc ledger export", &st, &x.out, err,
                          sizeof err)) != 0)
        goto done;
    opened = 1;
    int k = rt_ledger_export(st, export_row, &x, err, sizeof err);
    if (k != 0) {
        if (k > 0)
            snprintf(err, sizeof err, "out of memory");
        rc = POLRT_EXIT_SYSTEM;
        goto done;
    }
    if (!x.headed) /* an empty ledger: the heading alone */
        export_heading(&x);
    opened = 0;
    if (rt_out_commit(&x.out, err, sizeof err) < 0)
        rc = polrt_exit_for_errno(errno);
done:
    if (rc != POLRT_EXIT_OK && err[0])
        fprintf(stderr, "%s: %s\n", opts_program(), err);
    if (opened)
        rt_out_abort(&x.out);
    rt_ledger_close(st);
    polrt_realloc(x.l.p, 0);
    return rc;
}

/* polc ledger history's columns, as programs and (labels) as people read them; the claim
 * id's heading is the results' (结算单号), the person id's the persons file's alias (个人编号) */
enum { H_AT, H_EVENT, H_PERSON, H_CLAIM, H_OUTPUT, H_OLD, H_NEW, H_DELTA, H_CAUSE, H_DETAIL, NH };
static const char *const history_cols[NH][2] = {
    [H_AT] = {"at", "时间"},
    [H_EVENT] = {"event", "事件"},
    [H_PERSON] = {"person_id", "个人编号"},
    [H_CLAIM] = {"claim_id", "结算单号"},
    [H_OUTPUT] = {"output", "输出项"},
    [H_OLD] = {"old", "原值"},
    [H_NEW] = {"new", "新值"},
    [H_DELTA] = {"delta", "差额"},
    [H_CAUSE] = {"caused_by", "起因结算单号"},
    [H_DETAIL] = {"detail", "说明"},
};
/* the events of ledger_audit (spec/DATA.md) in Chinese */
static const char *const history_events[][2] = {
    {"adjust", "调整"}, {"reverse", "冲销"}, {"import", "期初余额导入"}, {"erase", "删除个人数据"}};

typedef struct History {
    const RtSchema *s;
    RtOut out;
    RtLine l;
    int labels;
    long n;
    int stale; /* an output the policy no longer has was met (told once) */
} History;

/* the claim that caused an adjustment, from its stored cause (resettle.c): "late claim ID",
 * "reversal of ID", or "reversed" (the claim's own reversal); NULL for other events */
static const char *caused_by(const RtAuditRow *r)
{
    static const char *const pre[] = {RT_CAUSE_LATE " ", RT_CAUSE_REVERSAL " "};
    if (!r->detail || strcmp(r->event, "adjust") != 0)
        return NULL;
    for (size_t i = 0; i < sizeof pre / sizeof *pre; i++)
        if (strncmp(r->detail, pre[i], strlen(pre[i])) == 0)
            return r->detail + strlen(pre[i]);
    return strcmp(r->detail, "reversed") == 0 ? r->claim_id : NULL;
}

/* The words polc stores in an audit row's detail (resettle.c, rt_ledger_erase, store_opening)
 * as a Chinese-labelled history words them: {English, Chinese}, matched at the detail's start
 * (the rest, an id, a source or the policy's names and values, copied as stored); an erasure's
 * counts, "3 settled claims, 1 reversed claim", after it by erased_kinds */
enum { DW_LATE, DW_REVERSAL, DW_REVERSED, DW_KEPT, DW_ERASED, DW_OPENING, NDW };
static const char *const detail_words[NDW][2] = {
    [DW_LATE] = {RT_CAUSE_LATE " ", "迟到结算单 "},
    [DW_REVERSAL] = {RT_CAUSE_REVERSAL " ", "冲销结算单 "},
    [DW_REVERSED] = {"reversed", "已冲销"},
    [DW_KEPT] = {"record kept in reversed_claims", "记录保留在 reversed_claims"},
    [DW_ERASED] = {"a person's data erased: ", "删除个人数据："},
    [DW_OPENING] = {"ledger ", "台账 "},
};
static const char *const erased_kinds[][2] = {{"settled claim", "条已结算单"},
                                              {"reversed claim", "条已冲销结算单"},
                                              {"ledger row", "条台账行"},
                                              {"audit row", "条审计行"}};
#define NKINDS       (sizeof erased_kinds / sizeof *erased_kinds)
#define OPENING_FROM ": opening balance from "

/* r's detail cell: as stored, or (labels) with polc's words in Chinese; a reversal's adds
 * when the claim it undid was settled (reversed_claims) */
static void history_detail(RtLine *l, const RtAuditRow *r, int labels)
{
    char d[MSG_MAX];
    const char *t = r->detail ? r->detail : "";
    size_t at = 0;
    int w = 0;
    while (labels && w < NDW && strncmp(t, detail_words[w][0], strlen(detail_words[w][0])))
        w++;
    if (labels && w < NDW) {
        at = (size_t)snprintf(d, sizeof d, "%s", detail_words[w][1]);
        t += strlen(detail_words[w][0]);
    }
    /* an erasure's "N kind[s]" a time, ", " between, while they are polc's words */
    for (int first = 1; w == DW_ERASED && *t && at < sizeof d; first = 0) {
        char *e;
        long long k = strtoll(t, &e, 10);
        size_t j = 0;
        while (j < NKINDS &&
               (*e != ' ' || strncmp(e + 1, erased_kinds[j][0], strlen(erased_kinds[j][0])) != 0))
            j++;
        if (j == NKINDS)
            break;
        e += 1 + strlen(erased_kinds[j][0]);
        e += *e == 's';
        at += (size_t)snprintf(d + at, sizeof d - at, "%s%lld %s", first ? "" : "，", k,
                               erased_kinds[j][1]);
        t = e + (strncmp(e, ", ", 2) == 0 ? 2 : 0);
    }
    /* an opening balance's "ledger NAME KEY: opening balance from SRC: values" */
    const char *from = w == DW_OPENING ? strstr(t, OPENING_FROM) : NULL;
    if (from && at < sizeof d) {
        at += (size_t)snprintf(d + at, sizeof d - at, "%.*s：期初余额，来自 ", (int)(from - t), t);
        t = from + strlen(OPENING_FROM);
    }
    if (at < sizeof d)
        snprintf(d + at, sizeof d - at, "%s", t);
    if (r->settled_at) { /* a reversal: when the claim it undid was settled (reversed_claims) */
        at = strlen(d);
        snprintf(d + at, sizeof d - at, labels ? "（原结算于 %s）" : " (settled %s)",
                 r->settled_at);
    }
    rt_line_cell(l, d);
}

/* one audit row as a CSV row: its amounts worded as in results, its output named (labelled)
 * as the policy names it */
static int history_row(void *arg, const RtAuditRow *r)
{
    History *h = arg;
    const RtSchema *s = h->s;
    RtLine *l = &h->l;
    const char *event = r->event ? r->event : "";
    for (size_t i = 0; i < sizeof history_events / sizeof *history_events; i++)
        if (strcmp(event, history_events[i][0]) == 0)
            event = history_events[i][h->labels != 0];
    int k = -1;
    for (int i = 0; r->output && i < s->noutputs && k < 0; i++)
        if (strcmp(s->outputs[i].name, r->output) == 0)
            k = i;
    const char *cells[] = {r->at ? r->at : "", event, r->person_id ? r->person_id : "",
                           r->claim_id ? r->claim_id : "",
                           k >= 0      ? rt_output_heading(s, k, h->labels)
                           : r->output ? r->output
                                       : ""};
    l->n = 0;
    for (size_t i = 0; i < sizeof cells / sizeof *cells; i++) {
        rt_line_cell(l, cells[i]);
        rt_line_add(l, ",", 1);
    }
    if (k >= 0 && (r->old != POLRT_NONE || r->now != POLRT_NONE)) {
        rt_adjust_cells(l, s, k, r->old, r->now, h->labels);
    } else if (r->output) {
        /* a row of an output the policy has lost: its values as stored, said so once */
        if (!h->stale++)
            fprintf(stderr,
                    "%s: note: output %s, and any other the policy does not have: values "
                    "shown as stored (money in fen)\n",
                    opts_program(), r->output);
        char num[3][24] = {"", "", ""};
        if (r->old != POLRT_NONE)
            snprintf(num[0], sizeof num[0], "%" PRId64, r->old);
        if (r->now != POLRT_NONE)
            snprintf(num[1], sizeof num[1], "%" PRId64, r->now);
        if (r->old != POLRT_NONE && r->now != POLRT_NONE)
            snprintf(num[2], sizeof num[2], "%" PRId64, r->now - r->old);
        for (int i = 0; i < 3; i++) {
            if (i)
                rt_line_add(l, ",", 1);
            rt_line_cell(l, num[i]);
        }
    } else {
        rt_line_add(l, ",,", 2);
    }
    rt_line_add(l, ",", 1);
    const char *cause = caused_by(r);
    rt_line_cell(l, cause ? cause : "");
    rt_line_add(l, ",", 1);
    history_detail(l, r, h->labels);
    rt_line_add(l, "\n", 1);
    if (l->oom)
        return 1;
    h->n++;
    return rt_out_write(&h->out, l->p, l->n) < 0 ? 2 : 0;
}

POLRT_API int polrt_ledger_history(PolEngine *e, const char *ledger_db, const char *ledger_key,
                                   const char *person_id, const char *claim_id, const char *out,
                                   const char *labels)
{
    const RtSchema *s = rt_engine_schema(e);
    char err[MSG_MAX] = "";
    History h = {.s = s};
    int rc = POLRT_EXIT_OK, opened = 0;
    RtStore *st = NULL;
    if ((h.labels = rt_labels_on(s, labels, err, sizeof err)) < 0) {
        fprintf(stderr, "%s: %s\n", opts_program(), err);
        return POLRT_EXIT_USAGE;
    }
    if ((rc = open_reader(s, ledger_db, ledger_key, out, "polc ledger history", &st, &h.out, err,
                          sizeof err)) != 0)
        goto done;
    opened = 1;
    rt_out_bom(&h.out, 0);
    for (int i = 0; i < NH; i++) {
        if (i)
            rt_line_add(&h.l, ",", 1);
        rt_line_cell(&h.l, history_cols[i][h.labels != 0]);
    }
    rt_line_add(&h.l, "\n", 1);
    if (h.l.oom) {
        snprintf(err, sizeof err, "out of memory");
        rc = POLRT_EXIT_SYSTEM;
        goto done;
    }
    rt_out_write(&h.out, h.l.p, h.l.n); /* a failure: the commit says why */
    /* 2, a write that failed: the commit says why */
    int k = rt_ledger_history(st, person_id, claim_id, history_row, &h, err, sizeof err);
    if (k < 0 || k == 1) {
        if (k == 1)
            snprintf(err, sizeof err, "out of memory");
        rc = POLRT_EXIT_SYSTEM;
        goto done;
    }
    opened = 0;
    if (rt_out_commit(&h.out, err, sizeof err) < 0) {
        rc = polrt_exit_for_errno(errno);
        goto done;
    }
    /* no event for the person or claim asked of: say why, or it reads as a wrong id */
    fprintf(stderr, "%s: ledger history: %ld event%s%s\n", opts_program(), h.n, rt_plural(h.n),
            h.n         ? ""
            : person_id ? ": a person's claims settled once, in date order, leave none, as "
                          "does a person the ledger never held or has erased (polc explain "
                          "--ledger shows how a claim was paid)"
            : claim_id  ? ": a claim settled once, in date order, and never reversed, leaves "
                          "none, as does a claim the ledger never held or has erased (polc "
                          "explain --ledger shows how it was paid)"
                        : "");
done:
    if (rc != POLRT_EXIT_OK && err[0])
        fprintf(stderr, "%s: %s\n", opts_program(), err);
    if (opened)
        rt_out_abort(&h.out);
    rt_ledger_close(st);
    polrt_realloc(h.l.p, 0);
    return rc;
}

POLRT_API int polrt_ledger_erase(PolEngine *e, const char *ledger_db, const char *ledger_key,
                                 const char *person_id)
{
    const RtSchema *s = rt_engine_schema(e);
    char err[MSG_MAX] = "";
    int rc = POLRT_EXIT_OK;
    int64_t removed = 0;
    char what[200];
    if ((rc = ledger_check(ledger_db, "polc ledger erase", 1)) != 0)
        return rc;
    RtStore *st = open_store(s, ledger_db, ledger_key, 0, &rc, err, sizeof err);
    if (!st) {
        /* rc said by open_store */
    } else if (rt_ledger_begin(st, err, sizeof err) ||
               rt_ledger_erase(st, person_id, &removed, what, sizeof what, err, sizeof err)) {
        rc = POLRT_EXIT_SYSTEM;
    } else if (removed == 0) {
        /* nothing of the person: no erasure to record */
        rt_ledger_rollback(st);
        char name[MSG_MAX];
        snprintf(err, sizeof err, "%s holds nothing of that person: nothing erased",
                 rt_ledger_said(ledger_db, name, sizeof name));
        rc = POLRT_EXIT_DATA;
    } else if (rt_ledger_commit(st, err, sizeof err) || rt_ledger_erase_log(st, err, sizeof err)) {
        rc = POLRT_EXIT_SYSTEM;
    } else {
        fprintf(stderr,
                "%s: ledger erase: removed %s; the audit trail records the erasure, not the "
                "person\n",
                opts_program(), what);
    }
    if (rc != POLRT_EXIT_OK)
        fprintf(stderr, "%s: %s\n", opts_program(), err);
    rt_ledger_close(st);
    return rc;
}
