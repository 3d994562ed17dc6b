/* csv.c — the one CSV reader (RFC 4180 as spreadsheets write it: UTF-8 with an optional BOM,
 * LF or CRLF, quoted cells with commas, doubled quotes and newlines; strict: a stray quote is a
 * malformed record, never a guess; blank lines skipped; bad UTF-8 makes a record "not UTF-8
 * text", a NUL byte one with a "NUL byte"). Two ways in, one tokenizer:
 *  - over a buffer several threads cut at once (rt_csv_boundary_after finds record starts,
 *    rt_csv_cells cuts one record into cells): the batch pipeline;
 *  - a stream of records from a file or standard input (rt_csv_open/next/seek), each with
 *    its first physical line, byte offset and raw bytes, so a rejected row is copied
 *    unchanged.
 * libcsv was used here before. It hands cells out through a callback per cell and grows its
 * field buffer 128 bytes at a time (under ASan an 18 MiB record took minutes). Reading every
 * record of the 1 M-claim benchmark file (130 MB, 25 M cells) took 0.85-1.28 s through
 * libcsv and 0.38-0.55 s through the stream reader below (alternating runs, a busy 2-core
 * machine): the library was the bottleneck. */
#include "rt_int.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <inttypes.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* bytes per read(2) of the stream reader: a few system calls per megabyte, and the scanned
 * bytes still in the L2 cache when the record's cells are decoded */
#define CSV_CHUNK (256 * 1024)
/* the first read after a seek is this small: seeks re-read a single record, which is rarely
 * longer than a few hundred bytes */
#define CSV_SEEK_CHUNK 512

/* ---- Records: cutting and cells ---------------------------------------------------------
 * A record with no '"' is one line split at commas (memchr finds its end and commas; its
 * UTF-8 is checked in the same pass); a record with a quote runs the state machine below,
 * which is also how batch and block boundaries are found without reading every byte. */

enum { Q_START, Q_PLAIN, Q_QUOTED, Q_QUOTE, Q_AFTER, Q_BAD };
_Static_assert(Q_START == RT_CSV_START && Q_BAD + 1 == RT_CSV_STATES, "rt_int.h's state count");

static int is_blank_ch(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

static int cells_grow(RtCells *c)
{
    {
        int cap = c->cap ? 2 * c->cap : 32;
        const char **np = polrt_realloc(c->p, (size_t)cap * sizeof *np);
        if (!np)
            return -1;
        c->p = np;
        size_t *nl = polrt_realloc(c->len, (size_t)cap * sizeof *nl);
        if (!nl)
            return -1;
        c->len = nl;
        int *nq = polrt_realloc(c->quoted, (size_t)cap * sizeof *nq);
        if (!nq)
            return -1;
        c->quoted = nq;
        c->cap = cap;
    }
    return 0;
}

int rt_cells_add(RtCells *c, const char *p, size_t n, int quoted)
{
    if (c->n == c->cap && cells_grow(c) < 0)
        return -1;
    c->p[c->n] = p;
    c->len[c->n] = n;
    c->quoted[c->n] = quoted;
    c->n++;
    return 0;
}

void rt_cells_free(RtCells *c)
{
    polrt_realloc(c->p, 0);
    polrt_realloc(c->len, 0);
    polrt_realloc(c->quoted, 0);
    polrt_realloc(c->buf, 0);
    memset(c, 0, sizeof *c);
}

const char rt_csv_unterminated[] = "unterminated quoted field";
static const char malformed_quotes[] =
    "malformed quotes (a '\"' inside a cell must be doubled and the cell quoted)";

/* The last cell of a record that ends (at a line feed, or the end of the file) in state st of
 * quoted_record, into c: a plain cell from plain to at, a quoted one c->buf[cell..o), an
 * empty one after a comma; nothing for a record of no cell, or a malformed one. */
static void last_cell(RtCells *c, int st, const char *at, const char *plain, size_t cell, size_t o)
{
    if (st == Q_PLAIN)
        rt_cells_add(c, plain, (size_t)(at - plain), 0);
    else if (st == Q_START && c->n > 0)
        rt_cells_add(c, at, 0, 0);
    else if (st == Q_QUOTE || st == Q_AFTER)
        rt_cells_add(c, c->buf + cell, o - cell, 1);
}

/* The record starting at b[pos] that holds a quote, by the state machine: returns the
 * offset just past its end (after its line feed, or end at the end of the file), or
 * SIZE_MAX when it does not end before end and !eof. Counts its line feeds into *lines; sets
 * *bad for malformed quotes (the record then ends with the line). With c, fills the cells
 * (unquoted text in c->buf, which must hold end - pos bytes). */
static size_t quoted_record(const char *b, size_t pos, size_t end, int eof, RtCells *c,
                            int64_t *lines, const char **bad)
{
    int st = Q_START;
    size_t cell = 0, o = 0;   /* start of the current cell in c->buf, write offset */
    const char *plain = NULL; /* an unquoted cell's start in b */
    *bad = NULL;
    if (c) {
        c->n = 0;
        c->any_quoted = 1;
    }
    for (size_t i = pos; i < end; i++) {
        char ch = b[i];
        if (st == Q_BAD) {
            if (ch == '\n') {
                ++*lines;
                return i + 1;
            }
            continue;
        }
        if (ch == '\n' && st != Q_QUOTED) {
            ++*lines;
            if (c)
                last_cell(c, st, b + i, plain, cell, o);
            return i + 1;
        }
        switch (st) {
        case Q_START:
            if (ch == '"') {
                st = Q_QUOTED;
                cell = o;
            } else if (ch == ',') {
                if (c)
                    rt_cells_add(c, b + i, 0, 0);
            } else if (!is_blank_ch(ch)) {
                st = Q_PLAIN;
                plain = b + i;
            }
            break;
        case Q_PLAIN:
            if (ch == ',') {
                if (c)
                    rt_cells_add(c, plain, (size_t)(b + i - plain), 0);
                st = Q_START;
            } else if (ch == '"') {
                st = Q_BAD;
                *bad = malformed_quotes;
            }
            break;
        case Q_QUOTED:
            if (ch == '"')
                st = Q_QUOTE;
            else {
                if (ch == '\n')
                    ++*lines;
                if (c)
                    c->buf[o++] = ch;
            }
            break;
        case Q_QUOTE:
            if (ch == '"') {
                st = Q_QUOTED;
                if (c)
                    c->buf[o++] = '"';
            } else if (ch == ',') {
                if (c)
                    rt_cells_add(c, c->buf + cell, o - cell, 1);
                st = Q_START;
            } else if (is_blank_ch(ch)) {
                st = Q_AFTER;
            } else {
                st = Q_BAD;
                *bad = malformed_quotes;
            }
            break;
        case Q_AFTER:
            if (ch == ',') {
                if (c)
                    rt_cells_add(c, c->buf + cell, o - cell, 1);
                st = Q_START;
            } else if (!is_blank_ch(ch)) {
                st = Q_BAD;
                *bad = malformed_quotes;
            }
            break;
        }
    }
    if (!eof)
        return SIZE_MAX;
    /* the file ends inside the record */
    if (st == Q_QUOTED)
        *bad = rt_csv_unterminated;
    else if (c)
        last_cell(c, st, b + end, plain, cell, o);
    return end;
}

/* The state machine of quoted_record over a record in pieces, cells aside: where it ends
 * (a line feed outside a quoted field), for a record too long to hold in a buffer. */
size_t rt_csv_scan(RtCsvScan *sc, const char *b, size_t n, int64_t *lines)
{
    int st = sc->state;
    for (size_t i = 0; i < n; i++) {
        char ch = b[i];
        if (ch == '\n') {
            ++*lines;
            if (st != Q_QUOTED) {
                sc->state = Q_START;
                return i + 1;
            }
            continue;
        }
        switch (st) {
        case Q_START:
            st = ch == '"' ? Q_QUOTED : ch == ',' || is_blank_ch(ch) ? Q_START : Q_PLAIN;
            break;
        case Q_PLAIN: st = ch == ',' ? Q_START : ch == '"' ? Q_BAD : Q_PLAIN; break;
        case Q_QUOTED:
            if (ch == '"')
                st = Q_QUOTE;
            break;
        case Q_QUOTE:
            st = ch == '"' ? Q_QUOTED : ch == ',' ? Q_START : is_blank_ch(ch) ? Q_AFTER : Q_BAD;
            break;
        case Q_AFTER: st = ch == ',' ? Q_START : is_blank_ch(ch) ? Q_AFTER : Q_BAD; break;
        case Q_BAD: break;
        }
    }
    sc->state = st;
    return SIZE_MAX;
}

size_t rt_csv_bom_len(const char *b, size_t n)
{
    return n >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* the end of the record at b[pos] (a record start): just past its line feed, end at the end
 * of the file, or SIZE_MAX when it continues past end.
 * An even number of quotes before the first line feed ends the record there, with no walk
 * of the state machine: outside Q_BAD each quote takes it into a quoted cell or out of one
 * (START, QUOTE -> QUOTED; QUOTED -> QUOTE), so an even count leaves it outside one at the
 * line feed, and in Q_BAD the record ends at the line feed anyway. An odd count is a line
 * feed inside a cell or a malformed record: the state machine tells which. Every quoted
 * record ("1,775.22") went through it when the blocks were cut: 2.4 M instructions of the
 * 104,638-claim benchmark's 547.6 M, none now (callgrind). */
size_t rt_csv_record_end(const char *b, size_t pos, size_t end, int eof)
{
    const char *nl = memchr(b + pos, '\n', end - pos);
    size_t stop = nl ? (size_t)(nl - b) : end;
    const char *q = memchr(b + pos, '"', stop - pos);
    if (!q)
        return nl ? stop + 1 : eof ? end : SIZE_MAX;
    if (nl) {
        int odd = 0;
        for (; q; q = memchr(q + 1, '"', (size_t)(nl - q - 1)))
            odd ^= 1;
        if (!odd)
            return stop + 1;
    }
    int64_t lines = 0;
    const char *bad;
    return quoted_record(b, pos, end, eof, NULL, &lines, &bad);
}

/* The first record boundary at or after target, knowing start <= target is one: stretches
 * without a quote are crossed with memchr (every line feed there ends a record); a quote
 * makes its record go through the state machine. SIZE_MAX: none before end (!eof). */
size_t rt_csv_boundary_after(const char *b, size_t start, size_t target, size_t end, int eof)
{
    size_t p = start;
    while (p < target) {
        const char *q = memchr(b + p, '"', end - p);
        size_t qpos = q ? (size_t)(q - b) : end;
        if (qpos >= target) {
            const char *nl = memchr(b + target - 1, '\n', qpos - (target - 1));
            if (nl)
                return (size_t)(nl - b) + 1;
            if (!q)
                return eof ? end : SIZE_MAX;
        }
        /* the quote's line starts after the last line feed before it */
        size_t ls = qpos;
        while (ls > p && b[ls - 1] != '\n')
            ls--;
        size_t e = rt_csv_record_end(b, ls, end, eof);
        if (e == SIZE_MAX)
            return SIZE_MAX;
        p = e;
    }
    return p;
}

/* The record machine's state after the n bytes b[0..n) of a file, for each state it may be in
 * at b[0] (out[s], s < RT_CSV_STATES): the same bytes read from every possible start, so
 * that ranks reading a file's chunks at once can find, by composing their chunks' tables in
 * file order, the exact state at each chunk's start (pipeline.c, across ranks). After its
 * first record end, a start's walk goes record by record (memchr where there is no quote);
 * starts whose first record ends at the same byte share the rest of the walk. */
void rt_csv_chunk_states(const char *b, size_t n, unsigned char *out)
{
    size_t first[RT_CSV_STATES];
    for (int s = 0; s < RT_CSV_STATES; s++) {
        RtCsvScan sc = {s};
        int64_t lines = 0;
        /* inside a quoted cell only a quote changes the state: a file without one stays so */
        size_t skip = 0;
        if (s == Q_QUOTED) {
            const char *q = memchr(b, '"', n);
            skip = q ? (size_t)(q - b) : n;
        }
        first[s] = rt_csv_scan(&sc, b + skip, n - skip, &lines);
        if (first[s] != SIZE_MAX)
            first[s] += skip;
        if (first[s] == SIZE_MAX) {
            out[s] = (unsigned char)sc.state;
            continue;
        }
        int seen = -1;
        for (int t = 0; t < s && seen < 0; t++)
            if (first[t] == first[s])
                seen = t;
        if (seen >= 0) {
            out[s] = out[seen];
            continue;
        }
        /* the last record start: found from near the end (quote-free stretches crossed by
         * memchr), then walked */
        size_t p = first[s], near = n > CSV_CHUNK ? n - CSV_CHUNK : 0;
        if (near > p) {
            size_t q = rt_csv_boundary_after(b, p, near, n, 0);
            if (q != SIZE_MAX)
                p = q;
        }
        for (size_t q; p < n && (q = rt_csv_record_end(b, p, n, 0)) != SIZE_MAX;)
            p = q;
        RtCsvScan tail = {Q_START};
        if (p < n)
            rt_csv_scan(&tail, b + p, n - p, &lines);
        out[s] = (unsigned char)tail.state;
    }
}

/* the ASCII bytes the splitter's byte loop stops at, a line feed aside (it tests that
 * first): 1 comma, 3 quote, 4 NUL (no text has one: rt_utf8_valid refuses it too; the row is
 * rejected as holding a NUL byte) */
static const unsigned char ascii_stop[128] = {[','] = 1, ['"'] = 3, [0] = 4};

/* the low 4 bits of the 3-byte leads E1..EC, EE, EF, as bits: any continuation bytes follow
 * them (E0 and ED restrict the second byte) */
#define UTF8_LEAD_3 0xDFFEu

/* a word read from bytes in memory order as its little-endian value */
static inline uint32_t le32(uint32_t w)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return __builtin_bswap32(w);
#else
    return w;
#endif
}

/* Most Chinese characters are 3 bytes led by E1..EC or EE..EF, whose next two bytes may be
 * any of 80..BF (RFC 3629's table): 1 when p[0..3) is one, by one test of its 3 bytes read
 * as a word (~10 instructions, ~25 through utf8_seq), 0 to ask utf8_seq. Inline in
 * rt_csv_cells' loop and rt_utf8_valid's. */
static inline int utf8_common3(const unsigned char *p, const unsigned char *e)
{
    if (e - p < 4)
        return 0;
    uint32_t w;
    memcpy(&w, p, 4);
    w = le32(w);
    /* 1110xxxx 10xxxxxx 10xxxxxx, lead's low bits 1..C, E or F (not E0, ED) */
    return (w & 0xC0C0F0) == 0x8080E0 && (UTF8_LEAD_3 >> (w & 0xF) & 1);
}

/* The length of the well-formed UTF-8 sequence at p, p[0] >= 0x80 (RFC 3629: no overlong
 * forms, no surrogates, <= U+10FFFF), or 0: the one check of a sequence, for rt_csv_cells
 * and rt_utf8_valid, each of which tries utf8_common3 first */
static int utf8_seq(const unsigned char *p, const unsigned char *e)
{
    unsigned c = p[0], lo = 0x80, hi = 0xBF;
    int k;
    if (c >= 0xC2 && c <= 0xDF)
        k = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
        k = 2;
        lo = c == 0xE0 ? 0xA0 : lo;
        hi = c == 0xED ? 0x9F : hi;
    } else if (c >= 0xF0 && c <= 0xF4) {
        k = 3;
        lo = c == 0xF0 ? 0x90 : lo;
        hi = c == 0xF4 ? 0x8F : hi;
    } else
        return 0;
    if (e - p <= k || p[1] < lo || p[1] > hi)
        return 0;
    for (int i = 2; i <= k; i++)
        if (p[i] < 0x80 || p[i] > 0xBF)
            return 0;
    return k + 1;
}

static const char not_utf8[] = "not UTF-8 text (save the file as CSV UTF-8)";
/* a NUL is valid UTF-8 but no text has one: a binary file, or one saved as UTF-16 */
static const char nul_byte[] = "NUL byte (a binary or UTF-16 file? save the file as CSV UTF-8)";

#ifdef __SSE2__
/* the index of m's lowest set bit, m != 0, as a 64-bit value: gcc's __builtin_ctzll is an int
 * it sign-extends, and clears the register first (a false dependency of tzcnt on some CPUs),
 * two instructions more for each cell of the vector loop. "rep bsf" is tzcnt where there is
 * one and bsf elsewhere: the same for m != 0. */
static inline uint64_t low_bit(uint64_t m)
{
#if defined(__x86_64__) && defined(__GNUC__)
    uint64_t i;
    __asm__("rep bsfq %1, %0" : "=r"(i) : "rm"(m) : "cc");
    return i;
#else
    return (uint64_t)__builtin_ctzll(m);
#endif
}

/* The stop mask of a 16-byte step v of rt_csv_cells whose bytes >= 0x80 (high, a mask) are
 * all common 3-byte characters (utf8_common3) lying wholly in the step: stop less them, bar a
 * lead at byte 14 or 15 whose character runs past the step (the byte loop takes it); stop
 * unchanged when any of them is not, so the byte loop checks them as before. A step of a
 * Chinese cell ("县区", "慢性病门诊") goes on in the vector loop: leaving it for each run of
 * characters and coming back cost ~40 instructions a run, with ~17 a character checked. */
static inline unsigned common3_step(__m128i v, unsigned stop, unsigned high, const unsigned char *p,
                                    const unsigned char *e, unsigned *past)
{
    /* 1110xxxx leads, 10xxxxxx continuations, and E0 or ED leads (not utf8_common3's) */
    unsigned lead = (unsigned)_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xF0)), _mm_set1_epi8((char)0xE0)));
    /* (80..BF are the signed bytes below C0) */
    unsigned cont = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8((char)0xC0)));
    unsigned odd =
        (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE0)),
                                                 _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xED))));
    /* each lead followed by two continuations, each continuation after its lead, nothing else
     * high */
    if ((lead | cont) != high || ((lead << 1 | lead << 2) & 0xFFFF) != cont || odd)
        return stop;
    if (!(lead & 0xC000))
        return stop & ~high;
    /* a lead at 14 or 15: its last continuation bytes (1 or 2) lie past the step. Continuations
     * there, the next step starts after them (*past); else the byte loop takes the character
     * (~30 instructions a character a step boundary cut, one in ~2 claims rows) */
    unsigned k = lead >> 15 ? 2 : 1;
    if (e - p < 16 + (ptrdiff_t)k || (p[16] & 0xC0) != 0x80 || (k == 2 && (p[17] & 0xC0) != 0x80))
        return (stop & ~high) | (lead & 0xC000);
    *past = k;
    return stop & ~high;
}
#endif

/* room a step of rt_csv_cells needs in the cell arrays: a vector step cuts at most 16 cells,
 * a byte step 1 */
#define CELLS_STEP 17

/* the longest quoted cell simple_quoted looks at: past it, a quote the line never closes
 * would have it search far beyond the record */
#define SIMPLE_QUOTED_MAX 256

/* A cell opening with a quote at p that needs no unquoting: its closing quote, followed by a
 * comma, a line feed or the end e, with nothing between the quotes that the state machine
 * would treat apart (no quote, so none doubled; no line feed; no blank at either edge, which
 * RtRecord's readers keep in a quoted cell and trim in a plain one; no NUL and well-formed
 * UTF-8, which the plain path checks as it goes). Its text is then the bytes between the
 * quotes. NULL otherwise: the record goes through the state machine. */
static const unsigned char *simple_quoted(const unsigned char *p, const unsigned char *e)
{
    size_t room = (size_t)(e - p - 1);
    const unsigned char *q =
        memchr(p + 1, '"', room < SIMPLE_QUOTED_MAX ? room : SIMPLE_QUOTED_MAX);
    if (!q || (q + 1 < e && q[1] != ',' && q[1] != '\n'))
        return NULL;
    size_t n = (size_t)(q - p - 1);
    if (n && (is_blank_ch((char)p[1]) || is_blank_ch((char)q[-1])))
        return NULL;
    if (memchr(p + 1, '\n', n) || !rt_utf8_valid((const char *)p + 1, n))
        return NULL;
    return q;
}

/* The record at b[pos..end) that holds a quote simple_quoted does not take: its cells through
 * the state machine, one pass to find its end and one to unquote them into c->buf, then its
 * UTF-8 checked; *next just past it, its line feeds in *lines. 1, or -1 (memory). */
static int machine_cells(const char *b, size_t pos, size_t end, RtCells *c, size_t *next,
                         int64_t *lines, const char **bad)
{
    *lines = 0;
    size_t rend = quoted_record(b, pos, end, 1, NULL, lines, bad);
    if (rt_grow(&c->buf, &c->cap_buf, rend - pos + 1, 1) < 0)
        return -1;
    *lines = 0;
    quoted_record(b, pos, rend, 1, c, lines, bad);
    if (*lines == 0)
        *lines = 1;
    *next = rend;
    if (!*bad && !rt_utf8_valid(b + pos, rend - pos))
        *bad = memchr(b + pos, 0, rend - pos) ? nul_byte : not_utf8;
    return 1;
}

/* The record at b[pos..end), end being a record boundary: its cells into c and *next just
 * past it. A record without a quote is cut at commas in the same pass that finds its end
 * and checks its UTF-8: with SSE2, 16 bytes at a time until a byte that is not plain ASCII
 * text or a comma (a line feed, quote, NUL or other control below it, or a byte >= 0x80 that
 * common3_step does not clear), which the byte loop takes.
 * The byte loop alone read the benchmark's 130 MB at ~0.3 s; 16 at a time, ~0.1 s. A cell
 * quoted with nothing to unquote in it (simple_quoted) is taken on the way; any other quote
 * sends the record through the state machine. Returns 1 (cells), 0 (a blank line: skipped) or
 * -1 (memory); *bad when malformed.
 * The cells of an unquoted record are stored through locals, with room for a whole step
 * made before it (CELLS_STEP), not checked cell by cell: the 104,638-claim benchmark cuts
 * 2.9 M cells, at ~17 instructions each through a checked append, ~6 this way. */
int rt_csv_cells(const char *b, size_t pos, size_t end, RtCells *c, size_t *next, int64_t *lines,
                 const char **bad)
{
    const unsigned char *p = (const unsigned char *)b + pos, *e = (const unsigned char *)b + end;
    const unsigned char *cell = p;
    ptrdiff_t n = 0; /* cells so far: c->n on the way out */
    int quoted = 0;  /* a cell was quoted (simple_quoted): the record is no blank line */
    *bad = NULL;
    c->n = 0;
    c->any_quoted = 0;
#ifdef __SSE2__
    /* the last start of a whole step: an address, not a pointer before b for a short record */
    const uintptr_t vend = (uintptr_t)e - 16;
#endif
    for (;;) {
        if (n > c->cap - CELLS_STEP && cells_grow(c) < 0)
            return -1; /* a doubling leaves room for a step: cap >= 32 */
        const char **cp = c->p;
        size_t *cl = c->len;
        ptrdiff_t lim = c->cap - CELLS_STEP; /* past lim cells, a step may not fit */
#ifdef __SSE2__
        while ((uintptr_t)p <= vend && n <= lim) {
            __m128i v = _mm_loadu_si128((const __m128i *)p);
            /* a quote, or a byte below 0x0B as a signed byte: NUL to line feed (the controls
             * between them stop the step too, and the byte loop takes them as text) and every
             * byte >= 0x80, whose top bit stays set after a saturating subtraction of 0x0B
             * (one instruction, where NUL, line feed and the top bit took five) */
            unsigned stop = (unsigned)_mm_movemask_epi8(_mm_or_si128(
                _mm_subs_epi8(v, _mm_set1_epi8('\n' + 1)), _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))));
            unsigned comma = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(',')));
            unsigned high = stop ? (unsigned)_mm_movemask_epi8(v) : 0, past = 0;
            if (high)
                stop = common3_step(v, stop, high, p, e, &past);
            /* the commas before the first stop, as 64-bit masks: the bit's index needs no
             * sign extension to address with (~3 instructions a cell fewer); a step with no
             * stop (most of them) keeps them all and goes on */
            uint64_t cm = comma;
            if (stop)
                cm &= ((uint64_t)stop - 1) & ~(uint64_t)stop;
            for (; cm; cm &= cm - 1) {
                const unsigned char *at = p + low_bit(cm);
                cp[n] = (const char *)cell;
                cl[n++] = (size_t)(at - cell);
                cell = at + 1;
            }
            if (stop) {
                p += low_bit(stop);
                break;
            }
            p += 16 + past;
        }
#endif
        if (p == e) {
            cp[n] = (const char *)cell;
            cl[n++] = (size_t)(p - cell);
            *next = end;
            *lines = 1;
            break;
        }
        unsigned ch = *p;
        if (ch == '\n') { /* the record's end: the vector loop's usual stop, tested first */
            cp[n] = (const char *)cell;
            cl[n++] = (size_t)(p - cell);
            *next = (size_t)((const char *)p - b) + 1;
            *lines = 1;
            break;
        }
        if (ch >= 0x80) {
            /* a run of non-ASCII characters (a Chinese cell) checked here in one go: back in
             * the vector loop, each character would stop it again */
            do {
                if (utf8_common3(p, e)) {
                    p += 3;
                    continue;
                }
                int k = utf8_seq(p, e);
                if (!k && !*bad)
                    *bad = not_utf8;
                p += k ? k : 1;
            } while (p < e && *p >= 0x80);
            continue;
        }
        unsigned k = ascii_stop[ch];
        if (!k) {
            p++;
            continue;
        }
        if (k == 1) {
            cp[n] = (const char *)cell;
            cl[n++] = (size_t)(p - cell);
            cell = ++p;
            continue;
        }
        if (k == 4) {
            if (!*bad)
                *bad = nul_byte;
            p++;
            continue;
        }
        /* a quote opening a cell whose text needs no unquoting ("1,775.22"): the cell is the
         * text between the quotes, and the record goes on here. The state machine read such
         * records twice and checked them a third time: ~5,300 instructions a record where
         * an unquoted one costs ~1,000; 1.1% of the benchmark's claims have one. The whole
         * run: 553.0 -> 547.6 M instructions (104,638 claims, callgrind). */
        const unsigned char *q = p == cell ? simple_quoted(p, e) : NULL;
        if (q) {
            cp[n] = (const char *)p + 1;
            cl[n++] = (size_t)(q - p - 1);
            quoted = 1;
            if (q + 1 < e && q[1] == ',') {
                cell = p = q + 2;
                continue;
            }
            *next = q + 1 < e ? (size_t)((const char *)q - b) + 2 : end;
            *lines = 1;
            break;
        }
        /* a quote: the whole record through the state machine */
        return machine_cells(b, pos, end, c, next, lines, bad);
    }
    c->n = (int)n;
    /* a line of blanks is no row */
    if (n == 1 && !*bad && !quoted) {
        size_t len = c->len[0];
        rt_trim(c->p[0], &len);
        if (len == 0)
            return 0;
    }
    return 1;
}

/* Well-formed UTF-8 sequences per RFC 3629 (no overlong forms, no surrogates, <= U+10FFFF),
 * and no NUL byte: see rt_int.h */
int rt_utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
#ifdef __SSE2__
        /* 16 bytes of ASCII without NUL at a time */
        while (end - p >= 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)p);
            if (_mm_movemask_epi8(_mm_or_si128(v, _mm_cmpeq_epi8(v, _mm_setzero_si128()))))
                break;
            p += 16;
        }
        if (p == end)
            break;
#endif
        unsigned c = *p;
        if (c < 0x80) {
            if (c == 0)
                return 0;
            p++;
            continue;
        }
        /* a run of non-ASCII characters in one go, as rt_csv_cells checks one: back in the
         * vector loop, each CJK character stopped it again (a single-claim request of
         * examples/, all of it checked by the service: 5,813 -> 4,839 instructions) */
        do {
            int k = utf8_common3(p, end) ? 3 : utf8_seq(p, end);
            if (!k)
                return 0;
            p += k;
        } while (p < end && *p >= 0x80);
    }
    return 1;
}

/* a table, as two tests a cell, where six compares each cost ~9 M instructions on the
 * 104,638-claim benchmark */
const unsigned char rt_trim_edge[256] = {
    [' '] = 1, ['\t'] = 1, ['\r'] = 1, ['\n'] = 1, [0xE3] = 1, [0x80] = 1,
};

/* the cell without leading and trailing blanks: ASCII space, tab, CR, LF and the ideographic
 * space U+3000 (E3 80 80) that Chinese input methods type */
const char *rt_trim_edges(const char *s, size_t *n)
{
    size_t len = *n;
    for (;;) {
        if (len && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) {
            s++;
            len--;
        } else if (len >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0) {
            s += 3;
            len -= 3;
        } else
            break;
    }
    for (;;) {
        char e = len ? s[len - 1] : 'x';
        if (e == ' ' || e == '\t' || e == '\r' || e == '\n')
            len--;
        else if (len >= 3 && memcmp(s + len - 3, "\xE3\x80\x80", 3) == 0)
            len -= 3;
        else
            break;
    }
    *n = len;
    return s;
}

/* ---- The stream reader ------------------------------------------------------------------ */

struct RtCsv {
    int fd;
    int own_fd; /* opened here (not standard input) */
    char *buf;  /* unread bytes are [pos, len) */
    size_t pos, len, cap;
    size_t want; /* size of the next read (CSV_CHUNK, smaller after a seek) */
    int eof;
    int64_t off;   /* file offset of buf[0] */
    int64_t line;  /* physical line of buf[pos], 1-based */
    int64_t size;  /* file size at open (-1: not a regular file) */
    RtCells cells; /* the current record's cells (pointers into buf or cells.buf) */
    char *text;    /* the cells again, each NUL-terminated, for RtRecord.field */
    size_t cap_text;
    char **fieldv; /* handed out in RtRecord.field */
    int cap_fieldv;
    char err[256]; /* message of the last -1 */
    char why[512]; /* RtRecord.error, when worded with the record's span (rt_csv_bad_text) */
    int read_gb;   /* read as GB18030: 1 found from its bytes, 2 as told (rt_csv_bad_text) */
};

RtCsv *rt_csv_open(const char *path, int enc, char *err, size_t errlen)
{
    int stdin_ = strcmp(path, "-") == 0;
    int fd = stdin_ ? 0 : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
        return NULL;
    }
    struct stat st;
    int have_st = fstat(fd, &st) == 0;
    if (have_st && S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "cannot open %s: %s", path, strerror(EISDIR));
        if (!stdin_)
            close(fd);
        return NULL;
    }
    /* a file saved by Chinese Excel (GBK) is read as the batch commands read it: found by its
     * first bytes and converted (polc ledger import's opening balances came from Excel and
     * were refused as "not UTF-8"), standard input too */
    char *pre;
    size_t npre;
    int fd0 = fd, gb = rt_csv_decode_input(&fd, path, enc, &pre, &npre, NULL, 0, err, errlen);
    if (gb < 0) {
        if (!stdin_)
            close(fd);
        return NULL;
    }
    if (fd != fd0)
        have_st = fstat(fd, &st) == 0;
    RtCsv *c = polrt_realloc(NULL, sizeof *c);
    size_t cap = npre > CSV_CHUNK ? npre : CSV_CHUNK;
    char *buf = polrt_realloc(NULL, cap);
    if (!c || !buf) {
        snprintf(err, errlen, "cannot read %s: out of memory", path);
        polrt_realloc(c, 0);
        polrt_realloc(buf, 0);
        polrt_realloc(pre, 0);
        if (!stdin_ || fd != fd0)
            close(fd);
        return NULL;
    }
    memset(c, 0, sizeof *c);
    if (npre)
        memcpy(buf, pre, npre); /* standard input's first bytes, read by the sniffer */
    polrt_realloc(pre, 0);
    c->fd = fd;
    c->own_fd = !stdin_ || fd != fd0;
    c->buf = buf;
    c->len = npre;
    c->cap = cap;
    c->want = CSV_CHUNK;
    c->line = 1;
    c->size = have_st && S_ISREG(st.st_mode) ? (int64_t)st.st_size : -1;
    c->read_gb = !gb ? 0 : enc == RT_ENC_GB18030 ? 2 : 1;
    return c;
}

void rt_csv_close(RtCsv *c)
{
    if (!c)
        return;
    if (c->own_fd)
        close(c->fd);
    polrt_realloc(c->buf, 0);
    rt_cells_free(&c->cells);
    polrt_realloc(c->text, 0);
    polrt_realloc(c->fieldv, 0);
    polrt_realloc(c, 0);
}

const char *rt_csv_errmsg(const RtCsv *c)
{
    return c->err;
}
int64_t rt_csv_size(const RtCsv *c)
{
    return c->size;
}
int64_t rt_csv_offset(const RtCsv *c)
{
    return c->off + (int64_t)c->pos;
}

int rt_csv_seek(RtCsv *c, int64_t offset, int64_t line)
{
    if (lseek(c->fd, (off_t)offset, SEEK_SET) == (off_t)-1) {
        snprintf(c->err, sizeof c->err, "cannot seek: %s", strerror(errno));
        return -1;
    }
    c->pos = c->len = 0;
    c->eof = 0;
    c->off = offset;
    c->line = line;
    c->want = CSV_SEEK_CHUNK;
    return 0;
}

/* Read more: the unread bytes move to the front, then one read(2) (the buffer doubles when
 * it is full of one record). 0, or -1 with a message, -2 for a record longer than
 * RT_CSV_MAX_RECORD (the input's fault, not the system's). */
static int fill(RtCsv *c)
{
    if (c->pos > 0) {
        memmove(c->buf, c->buf + c->pos, c->len - c->pos);
        c->len -= c->pos;
        c->off += (int64_t)c->pos;
        c->pos = 0;
    }
    if (c->len == c->cap) {
        if (c->cap >= RT_CSV_MAX_RECORD) {
            snprintf(c->err, sizeof c->err, "%" PRId64 ": record longer than %d MiB (%s)", c->line,
                     RT_CSV_MAX_RECORD >> 20, rt_csv_long_why(c->buf, c->len));
            return -2;
        }
        char *nb = polrt_realloc(c->buf, c->cap * 2);
        if (!nb) {
            snprintf(c->err, sizeof c->err, "out of memory");
            return -1;
        }
        c->buf = nb;
        c->cap *= 2;
    }
    size_t room = c->cap - c->len, want = c->want < room ? c->want : room;
    ssize_t n;
    do
        n = read(c->fd, c->buf + c->len, want);
    while (n < 0 && errno == EINTR);
    if (n < 0) {
        snprintf(c->err, sizeof c->err, "read error: %s", strerror(errno));
        return -1;
    }
    if (n == 0)
        c->eof = 1;
    c->len += (size_t)n;
    if (c->want < CSV_CHUNK)
        c->want = c->want * 8 < CSV_CHUNK ? c->want * 8 : CSV_CHUNK;
    return 0;
}

int rt_csv_pass_long(RtCsv *c, FILE *out, int64_t *line, int64_t *lines)
{
    RtCsvScan sc = {0};
    int64_t lf = 0;
    char last = 0;
    *line = c->line;
    for (;;) {
        size_t avail = c->len - c->pos, e = rt_csv_scan(&sc, c->buf + c->pos, avail, &lf);
        size_t n = e == SIZE_MAX ? avail : e;
        if (out)
            fwrite(c->buf + c->pos, 1, n, out);
        if (n)
            last = c->buf[c->pos + n - 1];
        c->pos += n;
        if (e != SIZE_MAX || c->eof)
            break;
        if (fill(c) < 0) /* the buffer is empty now: only a read error fails */
            return -1;
    }
    c->line += lf;
    *lines = lf + (last != '\n');
    return 0;
}

char *rt_csv_long_record(int64_t lines, char *buf, size_t n)
{
    snprintf(buf, n,
             "record longer than %d MiB (%" PRId64 " line%s; a quote left open, or not a CSV "
             "file?): rejected whole",
             RT_CSV_MAX_RECORD >> 20, lines, rt_plural(lines));
    return buf;
}

/* the record's cells as RtRecord hands them out: NUL-terminated copies, unquoted cells
 * without surrounding blanks (space, tab, CR), the file's first cell without its BOM */
static int hand_out(RtCsv *c, RtRecord *r)
{
    RtCells *k = &c->cells;
    size_t total = 0;
    for (int i = 0; i < k->n; i++)
        total += k->len[i] + 1;
    if (rt_grow(&c->text, &c->cap_text, total + 1, 1) < 0 ||
        (k->n > c->cap_fieldv && rt_grow(&c->fieldv, &(size_t){(size_t)c->cap_fieldv}, (size_t)k->n,
                                         sizeof *c->fieldv) < 0)) {
        snprintf(c->err, sizeof c->err, "out of memory");
        return -1;
    }
    if (k->n > c->cap_fieldv)
        c->cap_fieldv = k->n;
    char *t = c->text;
    for (int i = 0; i < k->n; i++) {
        const char *s = k->p[i];
        size_t n = k->len[i];
        if (!(k->any_quoted && k->quoted[i])) {
            while (n && (*s == ' ' || *s == '\t' || *s == '\r'))
                s++, n--;
            while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
                n--;
        }
        memcpy(t, s, n);
        t[n] = '\0';
        c->fieldv[i] = t;
        k->len[i] = n;
        t += n + 1;
    }
    r->nfields = k->n;
    r->field = c->fieldv;
    r->len = k->len;
    return 0;
}

int rt_csv_next(RtCsv *c, RtRecord *r)
{
    for (;;) {
        /* a byte order mark is part of the raw bytes, not of the first cell, nor of the
         * record's quoting (a quoted first cell after it is no stray quote) */
        size_t from = c->pos;
        int filled;
        if (c->off + (int64_t)from == 0 && c->len - from < 3 && !c->eof) {
            if ((filled = fill(c)) < 0)
                return filled;
            continue;
        }
        if (c->off + (int64_t)from == 0)
            from += rt_csv_bom_len(c->buf, c->len);
        size_t e = from < c->len ? rt_csv_record_end(c->buf, from, c->len, c->eof) : SIZE_MAX;
        if (e == SIZE_MAX) {
            if (c->eof)
                return 0; /* nothing left */
            if ((filled = fill(c)) < 0)
                return filled;
            continue;
        }
        size_t next;
        int64_t lines = 0;
        const char *bad;
        int k = rt_csv_cells(c->buf, from, e, &c->cells, &next, &lines, &bad);
        if (k < 0) {
            snprintf(c->err, sizeof c->err, "out of memory");
            return -1;
        }
        int64_t line = c->line;
        size_t start = c->pos;
        c->pos = e;
        c->line += lines;
        if (k == 0)
            continue; /* a blank line */
        r->line = line;
        r->offset = c->off + (int64_t)start;
        r->raw = c->buf + start;
        r->nraw = e - start;
        r->error = bad ? rt_csv_bad_text(bad, c->read_gb, lines + (c->buf[e - 1] != '\n'), c->why,
                                         sizeof c->why)
                       : NULL;
        if (bad) {
            r->nfields = 0;
            r->field = c->fieldv;
            r->len = c->cells.len;
            return 1;
        }
        return hand_out(c, r) < 0 ? -1 : 1;
    }
}

/* ---- Other encodings: converted to UTF-8 before the reader -------------------------------
 * Chinese Excel saves "CSV" in the ANSI code page, GBK (GB18030 is its superset). Such a
 * file is converted once, as a whole, into an unlinked temporary file (mode 0600: it holds
 * the same personal data) that the reader then reads as any UTF-8 file. GB18030 keeps every
 * ASCII character as its byte, and the bytes of its longer characters are 0x30 or above, so
 * line feeds, carriage returns, commas and quotes (and so records and line numbers) are
 * those of the original file (across ranks, each rank converts its own chunks: ranks.c). */

/* bytes of a regular file looked at to tell GB18030 from UTF-8: the header and the first
 * few thousand rows, where the labels and enum members are */
#define CSV_SNIFF (1 << 20)

/* the length of the GB18030 character at p (1, 2 or 4), 0 when invalid, -1 when it may be
 * one cut by the end e */
static int gb_seq(const unsigned char *p, const unsigned char *e)
{
    if (p[0] < 0x80)
        return 1;
    if (p[0] == 0x80 || p[0] == 0xFF)
        return 0;
    if (e - p < 2)
        return -1;
    if ((p[1] >= 0x40 && p[1] <= 0x7E) || (p[1] >= 0x80 && p[1] <= 0xFE))
        return 2;
    if (p[1] < 0x30 || p[1] > 0x39)
        return 0;
    if (e - p < 4)
        return -1;
    return p[2] >= 0x81 && p[2] <= 0xFE && p[3] >= 0x30 && p[3] <= 0x39 ? 4 : 0;
}

/* 1 when the bytes read as GB18030 and not as UTF-8: every character well-formed GB18030,
 * no NUL (a UTF-16 file), and most runs of non-ASCII bytes (a cell's Chinese text) not
 * UTF-8. A UTF-8 file with a damaged cell is not taken for GBK (its other Chinese cells are
 * UTF-8), nor is a GBK file whose short words happen to be UTF-8 too (住院 is D7A1 D4BA). */
int rt_csv_sniff_gb18030(const char *buf, size_t n)
{
    const unsigned char *p = (const unsigned char *)buf, *e = p + n;
    /* a UTF-8 byte order mark says so (alone, its bytes would pass for GBK's: EF BB) */
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        return 0;
    long utf8_runs = 0, other_runs = 0;
    while (p < e) {
        if (*p == 0)
            return 0;
        if (*p < 0x80) {
            p++;
            continue;
        }
        const unsigned char *run = p;
        int cut = 0; /* the sample ends inside a character: judge what came before */
        while (p < e && *p >= 0x80 && !cut) {
            int k = gb_seq(p, e);
            if (k == 0)
                return 0;
            if (k < 0)
                cut = 1;
            else
                p += k;
        }
        if (p > run) {
            if (rt_utf8_valid((const char *)run, (size_t)(p - run)))
                utf8_runs++;
            else
                other_runs++;
        }
        if (cut)
            break;
    }
    return other_runs > utf8_runs;
}

/* ASCII case-insensitive comparison with a lower-case name */
static int name_is(const char *s, const char *lower)
{
    for (; *s && *lower; s++, lower++) {
        char c = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
        if (c != *lower)
            return 0;
    }
    return !*s && !*lower;
}

int rt_csv_encoding(const char *name, char *err, size_t errlen)
{
    if (!name)
        return RT_ENC_AUTO;
    if (name_is(name, "utf-8") || name_is(name, "utf8"))
        return RT_ENC_UTF8;
    if (name_is(name, "gb18030") || name_is(name, "gbk") || name_is(name, "gb2312") ||
        name_is(name, "cp936"))
        return RT_ENC_GB18030;
    if (err)
        snprintf(err, errlen,
                 "unknown encoding '%s' (expected utf-8 or gb18030; gbk is read as "
                 "gb18030)",
                 name);
    return -1;
}

/* write all of b[0..n) to fd: 0, or -1 (errno) */
static int write_all(int fd, const char *b, size_t n)
{
    while (n) {
        ssize_t k = write(fd, b, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            return -1;
        b += k;
        n -= (size_t)k;
    }
    return 0;
}

/* GB18030 at *ip (*il bytes) into UTF-8 at *op, which has room for 2 * *il + 16 bytes (UTF-8
 * needs at most 2 bytes per GB18030 byte); both moved on. A byte sequence that is no GB18030
 * character becomes the byte 0xFF, as does each byte of a character cut by the end when eof;
 * else the cut character stays in *ip for the next piece. GB18030 has no shift state, so
 * pieces cut at line feeds convert to what the whole converts to. */
static void gb_convert(iconv_t cd, char **ip, size_t *il, char **op, int eof)
{
    size_t ol = 2 * *il + 16;
    while (*il) {
        if (iconv(cd, ip, il, op, &ol) != (size_t)-1)
            break;
        if (errno == EINVAL && !eof)
            break; /* a character cut by the chunk: kept for the next read */
        if (errno == E2BIG)
            break;             /* cannot happen: room for 2 bytes per GB18030 byte */
        *(*op)++ = (char)0xFF; /* EILSEQ, or a cut character at the end of the file */
        ol--;
        (*ip)++;
        (*il)--;
    }
}

size_t rt_csv_gb18030_utf8(const char *in, size_t n, RtLine *out, int eof)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1 || rt_line_grow(out, 2 * n + 16) < 0) {
        if (cd != (iconv_t)-1)
            iconv_close(cd);
        return SIZE_MAX;
    }
    char *ip = (char *)in, *op = out->p + out->n;
    size_t il = n;
    gb_convert(cd, &ip, &il, &op, eof);
    out->n = (size_t)(op - out->p);
    iconv_close(cd);
    return n - il;
}

/* GB18030 from head[0..nhead) then fd into UTF-8 in the temporary file out. A byte sequence that is
 * no GB18030 character becomes the byte 0xFF, which no UTF-8 text holds: its row is rejected as not
 * UTF-8 text, at its line, never guessed at. 0, or -1 with a message. */
static int convert_gb18030(int fd, const char *head, size_t nhead, int out, const char *path,
                           char *err, size_t errlen)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1) {
        snprintf(err, errlen, "cannot convert %s from GB18030: %s", path, strerror(errno));
        return -1;
    }
    char *in = polrt_realloc(NULL, CSV_CHUNK), *ob = polrt_realloc(NULL, 2 * CSV_CHUNK + 16);
    size_t have = 0; /* unconverted bytes at the start of in */
    int rc = -1, eof = 0;
    if (!in || !ob) {
        snprintf(err, errlen, "cannot convert %s: out of memory", path);
        goto done;
    }
    while (!eof || have) {
        if (!eof) {
            /* the bytes standard input gave the sniffer first, then the rest of fd */
            size_t hk = nhead < CSV_CHUNK - have ? nhead : CSV_CHUNK - have;
            if (hk) { /* (head is NULL for a file: NULL + 0 is undefined) */
                memcpy(in + have, head, hk);
                head += hk;
            }
            nhead -= hk;
            ssize_t k = hk ? (ssize_t)hk : read(fd, in + have, CSV_CHUNK - have);
            if (k < 0 && errno == EINTR)
                continue;
            if (k < 0) {
                snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
                goto done;
            }
            eof = k == 0;
            have += (size_t)k;
        }
        char *ip = in, *op = ob;
        size_t il = have;
        gb_convert(cd, &ip, &il, &op, eof);
        if (write_all(out, ob, (size_t)(op - ob)) < 0) {
            snprintf(err, errlen, "cannot convert %s: %s", path, strerror(errno));
            goto done;
        }
        memmove(in, ip, il);
        have = il;
        if (eof && il == 0)
            break;
    }
    rc = 0;
done:
    iconv_close(cd);
    polrt_realloc(in, 0);
    polrt_realloc(ob, 0);
    return rc;
}

int rt_csv_cr_only(const char *b, size_t n)
{
    return memchr(b, '\r', n) && !memchr(b, '\n', n);
}

const char *rt_csv_long_why(const char *b, size_t n)
{
    if (memchr(b, '"', n))
        return "unterminated quoted field?";
    if (rt_csv_cr_only(b, n))
        return RT_CSV_CR_ONLY;
    return "no line end in it: not a CSV file?";
}

/* Read as GB18030, a byte sequence that is none became 0xFF (gb_convert), which the reader
 * then finds no UTF-8: said as what it is, and why the file was read so. A quote left open
 * takes the line ends after it into its record: how many lines the record took is said, so
 * that "1 row rejected" is not read as one line lost (a stray '"住院,' took three claims
 * after it unnamed). */
const char *rt_csv_bad_text(const char *bad, int read_gb, int64_t span, char *buf, size_t len)
{
    if (bad == rt_csv_unterminated) {
        snprintf(buf, len,
                 "%s: the record starts on this line and runs to the end of the file (%" PRId64
                 " line%s read as one record; close the quote)",
                 bad, span, rt_plural(span));
        return buf;
    }
    if (bad != not_utf8 && span > 1) {
        snprintf(buf, len,
                 "%s: %" PRId64 " lines read as one record, this one and the %" PRId64
                 " after it (a quoted cell ran over their line ends)",
                 bad, span, span - 1);
        return buf;
    }
    if (bad != not_utf8)
        return bad;
    if (!read_gb)
        return "not UTF-8 text (save the file as CSV UTF-8, or name its encoding: --encoding gbk "
               "for Chinese Excel's CSV)";
    return read_gb == 2 ? "not GB18030 (GBK) text, as --encoding says (without --encoding, each "
                          "file's encoding is found from its own first bytes)"
                        : "not GB18030 (GBK) text, as the file's first bytes are (a file of two "
                          "encodings: save it again as CSV UTF-8)";
}

/* cell[0..n) without its surrounding blanks (is_blank_ch: a CRLF row's last cell, as
 * polc run's decoder hands it over, ends in its \r) */
static const char *trim_ascii(const char *s, size_t n, size_t *out)
{
    while (n && is_blank_ch(*s))
        s++, n--;
    while (n && is_blank_ch(s[n - 1]))
        n--;
    *out = n;
    return s;
}

/* how many ASCII digits s[0..n) opens with */
static size_t digits(const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && s[k] >= '0' && s[k] <= '9')
        k++;
    return k;
}

/* The head of an amount a thousands comma split: a sign and a yuan sign (¥ or full-width ￥)
 * in either order ("-¥1" or "¥-1"), then 1 to 3 digits, nothing else; the bytes before the
 * digits in *pre, the sign in *sign (0 when none), whether it has a yuan sign in *yuan. */
static int amount_head(const char *s, size_t n, size_t *pre, char *sign, int *yuan)
{
    size_t i = 0;
    *sign = 0;
    *yuan = 0;
    for (int k = 0; k < 2; k++) {
        if (!*sign && i < n && (s[i] == '-' || s[i] == '+'))
            *sign = s[i++];
        else if (!*yuan && n - i >= 2 && !memcmp(s + i, "\xC2\xA5", 2))
            i += 2, *yuan = 1;
        else if (!*yuan && n - i >= 3 && !memcmp(s + i, "\xEF\xBF\xA5", 3))
            i += 3, *yuan = 1;
    }
    *pre = i;
    size_t d = digits(s + i, n - i);
    return d >= 1 && d <= 3 && i + d == n;
}

/* a thousands group after the comma: 3 digits, then (the last group) a decimal part or not;
 * 2 when it has one (no group follows it), 1 without, 0 when it is no group */
static int amount_group(const char *s, size_t n)
{
    if (digits(s, n) != 3)
        return 0;
    if (n == 3)
        return 1;
    return s[3] == '.' && n > 4 && digits(s + 4, n - 4) == n - 4 ? 2 : 0;
}

/* the longest amount the hint quotes: a split amount is short; longer cells are something
 * else */
#define SPLIT_AMOUNT_MAX 48

char *rt_csv_count_text(int want, int n, const char *const *cell, const size_t *len, char *buf,
                        size_t blen)
{
    int at = snprintf(buf, blen, "expected %d fields, found %d", want, n);
    for (int i = 0; n > want && i + 1 < n && at >= 0 && (size_t)at < blen; i++) {
        size_t hn, pre, gn;
        char sign;
        int yuan;
        const char *h = trim_ascii(cell[i], len[i], &hn);
        if (!amount_head(h, hn, &pre, &sign, &yuan))
            continue;
        /* the groups after it, as many as the extra cells allow */
        char whole[SPLIT_AMOUNT_MAX + 1], plain[SPLIT_AMOUNT_MAX + 1];
        size_t wn = 0, pn = 0;
        /* a plus before an amount in yuan goes: money takes no sign ('+1234' is refused), an
         * int does ('+3') */
        int drop_plus = yuan && sign == '+';
        for (size_t k = 0; k < hn; k++)
            if (!(drop_plus && k < pre && h[k] == '+'))
                whole[wn++] = h[k];
        if (sign && !drop_plus)
            plain[pn++] = sign;
        memcpy(plain + pn, h + pre, hn - pre);
        pn += hn - pre;
        int j = i + 1, kind = 0, cut = 0;
        while (j < n && j - i <= n - want && kind != 2) {
            const char *g = trim_ascii(cell[j], len[j], &gn);
            if ((kind = amount_group(g, gn)) == 0 || (cut = wn + 1 + gn > SPLIT_AMOUNT_MAX))
                break;
            whole[wn++] = ',';
            memcpy(whole + wn, g, gn), wn += gn;
            memcpy(plain + pn, g, gn), pn += gn;
            j++;
        }
        if (cut) /* its groups run on past the longest amount: no amount, nor one of its tails */
            break;
        if (j == i + 1)
            continue;
        const char *many = j - i > 2 ? "s" : "", *to = j - i > 2 ? "to" : "and";
        if (yuan && sign == '-') /* money, and negative: quoted or not, it is refused */
            snprintf(buf + at, blen - (size_t)at,
                     " (fields %d %s %d look like one amount split at its thousands comma%s, "
                     "\"%.*s\", a negative amount: amounts are >= 0)",
                     i + 1, to, j, many, (int)wn, whole);
        else
            snprintf(buf + at, blen - (size_t)at,
                     " (fields %d %s %d look like one amount split at its thousands comma%s: "
                     "quote the field, \"%.*s\", or write %.*s)",
                     i + 1, to, j, many, (int)wn, whole, (int)pn, plain);
        break;
    }
    return buf;
}

int rt_csv_is_gb18030(int fd, const char *path, int enc, char *scratch, size_t nscratch, char *err,
                      size_t errlen)
{
    if (enc != RT_ENC_AUTO)
        return enc == RT_ENC_GB18030;
    /* a regular file is sniffed where it stands (a stream: rt_csv_decode_input reads its
     * first bytes) */
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0)
        return 0;
    /* the caller's buffer, when it has room (the pipeline's batch buffer, which reading the
     * file fills next: a sample of its own was 256 page faults, ~0.8 ms on this VM) */
    char *b = nscratch >= CSV_SNIFF ? scratch : polrt_realloc(NULL, CSV_SNIFF);
    if (!b) {
        snprintf(err, errlen, "cannot read %s: out of memory", path);
        return -1;
    }
    ssize_t k;
    do
        k = pread(fd, b, CSV_SNIFF, 0);
    while (k < 0 && errno == EINTR);
    int gb = k > 0 && rt_csv_sniff_gb18030(b, (size_t)k);
    if (b != scratch)
        polrt_realloc(b, 0);
    if (k < 0) {
        snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
        return -1;
    }
    return gb;
}

/* an unlinked temporary file (rt_temp_fd) open at its start: its descriptor, or -1 with a
 * message */
static int temp_file(const char *path, char *err, size_t errlen)
{
    int out = rt_temp_fd();
    if (out < 0)
        snprintf(err, errlen, "cannot convert %s: a temporary file in %s: %s", path, rt_temp_dir(),
                 strerror(errno));
    return out;
}

/* fd (written) back at its start for reading: 0, or -1 with a message (fd closed) */
static int temp_rewind(int fd, const char *path, char *err, size_t errlen)
{
    if (lseek(fd, 0, SEEK_SET) == 0)
        return 0;
    snprintf(err, errlen, "cannot convert %s: %s", path, strerror(errno));
    close(fd);
    return -1;
}

/* The first CSV_SNIFF bytes of a stream (standard input, a pipe) that cannot be read twice,
 * into *head (*n bytes, fewer at its end). 0, or -1 with a message. */
static int read_head(int fd, const char *path, char **head, size_t *n, char *err, size_t errlen)
{
    *n = 0;
    if (!(*head = polrt_realloc(NULL, CSV_SNIFF))) {
        snprintf(err, errlen, "cannot read %s: out of memory", path);
        return -1;
    }
    while (*n < CSV_SNIFF) {
        ssize_t k = read(fd, *head + *n, CSV_SNIFF - *n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0) {
            snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
            *head = polrt_realloc(*head, 0);
            return -1;
        }
        if (k == 0)
            break;
        *n += (size_t)k;
    }
    return 0;
}

int rt_csv_decode_input(int *fd, const char *path, int enc, char **pre, size_t *npre, char *scratch,
                        size_t nscratch, char *err, size_t errlen)
{
    *pre = NULL;
    *npre = 0;
    char *head = NULL;
    size_t nhead = 0;
    struct stat st;
    int gb;
    if (enc == RT_ENC_AUTO && fstat(*fd, &st) == 0 && !S_ISREG(st.st_mode)) {
        /* standard input is sniffed as a file is (it was taken as UTF-8: Excel's GBK piped
         * in was refused row by row), on its first bytes read here: UTF-8, they go back to
         * the reader, which reads them before the rest */
        if (read_head(*fd, path, &head, &nhead, err, errlen) < 0)
            return -1;
        if (!(gb = nhead > 0 && rt_csv_sniff_gb18030(head, nhead))) {
            *pre = head;
            *npre = nhead;
            return 0;
        }
    } else if ((gb = rt_csv_is_gb18030(*fd, path, enc, scratch, nscratch, err, errlen)) <= 0) {
        return gb;
    }
    int out = temp_file(path, err, errlen);
    if (out >= 0 && convert_gb18030(*fd, head, nhead, out, path, err, errlen) < 0) {
        close(out);
        out = -1;
    }
    polrt_realloc(head, 0);
    if (out < 0 || temp_rewind(out, path, err, errlen) < 0)
        return -1;
    if (*fd > 0)
        close(*fd);
    *fd = out;
    return 1;
}

int rt_csv_temp_text(const char *p, size_t n, const char *path, char *err, size_t errlen)
{
    int out = temp_file(path, err, errlen);
    if (out < 0)
        return -1;
    if (write_all(out, p, n) < 0) {
        snprintf(err, errlen, "cannot convert %s: %s", path, strerror(errno));
        close(out);
        return -1;
    }
    return temp_rewind(out, path, err, errlen) < 0 ? -1 : out;
}
