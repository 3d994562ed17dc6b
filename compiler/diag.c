/* diag.c — printing diagnostics [cproc format, Bison bistromathic caret, jq ^^^]. Columns are
 * code points; the caret is padded by display width, so it lines up under Chinese text. */
#include "diag.h"

#include <stdarg.h>
#include <string.h>
#include <strings.h>

void diag_init(Diag *d, FILE *out)
{
    memset(d, 0, sizeof *d);
    d->out = out;
}

/* Bytes [a, b) of a source line, with bytes that would garble a terminal shown as '?'. */
static void print_segment(FILE *f, const Source *s, uint32_t a, uint32_t b)
{
    const unsigned char *p = (const unsigned char *)s->text;
    for (uint32_t i = a; i < b;) {
        uint32_t cp;
        int k = utf8_decode(p + i, b - i, &cp);
        if (!k || cp < 0x20 || cp == 0x7F) {
            fputc(cp == '\t' && k ? ' ' : '?', f);
            i += k ? (uint32_t)k : 1;
            continue;
        }
        fwrite(p + i, 1, (size_t)k, f);
        i += (uint32_t)k;
    }
}

/* step back or forward to the start of a UTF-8 character */
static uint32_t char_start(const Source *s, uint32_t i)
{
    while (i > 0 && ((unsigned char)s->text[i] & 0xC0) == 0x80)
        i--;
    return i;
}

static int width_of(const Source *s, uint32_t a, uint32_t b)
{
    /* invalid bytes and control characters print as one '?' cell */
    int w = 0;
    const unsigned char *p = (const unsigned char *)s->text;
    for (uint32_t i = a; i < b;) {
        uint32_t cp;
        int k = utf8_decode(p + i, b - i, &cp);
        if (!k || cp < 0x20 || cp == 0x7F) {
            w++;
            i += k ? (uint32_t)k : 1;
            continue;
        }
        w += source_display_width((const char *)p + i, (size_t)k);
        i += (uint32_t)k;
    }
    return w;
}

static void report(Diag *d, Loc loc, const char *sev, const char *fmt, va_list ap)
{
    if (d->sink) {
        char msg[1024];
        vsnprintf(msg, sizeof msg, fmt, ap);
        d->sink(d->sink_ctx, sev, loc, msg);
        return;
    }
    FILE *f = d->out;
    if (!loc.src) {
        fprintf(f, "polc: %s: ", sev);
        vfprintf(f, fmt, ap);
        fputc('\n', f);
        return;
    }
    const Source *s = loc.src;
    int line, col;
    source_linecol(s, loc.start, &line, &col);
    fprintf(f, "%s:%d:%d: %s: ", s->path, line, col, sev);
    vfprintf(f, fmt, ap);
    fputc('\n', f);
    uint32_t ls = s->line_start[line - 1];
    uint32_t le = s->line_start[line] - 1;
    if (le > s->len)
        le = (uint32_t)s->len;
    if (le > ls && s->text[le - 1] == '\r')
        le--;
    /* a very long line (generated text) is shown as a window around the error */
    uint32_t a = ls, b = le;
    const char *pre = "", *post = "";
    if (le - ls > DIAG_MAX_LINE_BYTES) {
        a = loc.start > ls + DIAG_MAX_LINE_BYTES / 3
                ? char_start(s, loc.start - DIAG_MAX_LINE_BYTES / 3)
                : ls;
        b = a + DIAG_MAX_LINE_BYTES < le ? char_start(s, a + DIAG_MAX_LINE_BYTES) : le;
        pre = a > ls ? "..." : "";
        post = b < le ? "..." : "";
    }
    fprintf(f, "%5d | %s", line, pre);
    print_segment(f, s, a, b);
    fprintf(f, "%s\n", post);
    uint32_t end = loc.end < b ? loc.end : b;
    int pad = (int)strlen(pre) + width_of(s, a, loc.start);
    int w = end > loc.start ? width_of(s, loc.start, end) : 1;
    fprintf(f, "      | %*s^", pad, "");
    for (int i = 1; i < w; i++)
        fputc('~', f);
    fputc('\n', f);
}

void diag_error(Diag *d, Loc loc, const char *fmt, ...)
{
    if (d->too_many)
        return;
    if (d->errors == DIAG_MAX_ERRORS) {
        if (d->sink)
            d->sink(d->sink_ctx, "error", (Loc){0}, "too many errors, stopping");
        else
            fprintf(d->out, "polc: too many errors (%d), stopping\n", DIAG_MAX_ERRORS);
        d->too_many = 1;
        return;
    }
    d->errors++;
    va_list ap;
    va_start(ap, fmt);
    report(d, loc, "error", fmt, ap);
    va_end(ap);
}

void diag_warning(Diag *d, Loc loc, const char *fmt, ...)
{
    if (d->too_many)
        return;
    d->warnings++;
    va_list ap;
    va_start(ap, fmt);
    report(d, loc, "warning", fmt, ap);
    va_end(ap);
}

void diag_note(Diag *d, Loc loc, const char *fmt, ...)
{
    if (d->too_many)
        return;
    va_list ap;
    va_start(ap, fmt);
    report(d, loc, "note", fmt, ap);
    va_end(ap);
}

void diag_plain(Diag *d, const char *fmt, ...)
{
    d->errors++;
    va_list ap;
    va_start(ap, fmt);
    if (d->sink) {
        report(d, (Loc){0}, "error", fmt, ap);
        va_end(ap);
        return;
    }
    fputs("polc: error: ", d->out);
    vfprintf(d->out, fmt, ap);
    fputc('\n', d->out);
    va_end(ap);
}

const char *diag_a(const char *word)
{
    if (!word || !word[0] || !strchr("aeiouAEIOU", word[0]))
        return "a";
    /* a vowel letter sounded "yoo" or "w": "a unit", "a user", "a one-day stay" ("an
     * uninsured year" keeps its "an": "un-" as a prefix) */
    static const char *const consonant_sound[] = {"unit", "union", "unique", "univers", "uniform",
                                                  "usa",  "use",   "usu",    "uti",     "uro",
                                                  "eu",   "one",   "once"};
    for (size_t i = 0; i < sizeof consonant_sound / sizeof *consonant_sound; i++) {
        size_t n = strlen(consonant_sound[i]);
        if (strncasecmp(word, consonant_sound[i], n) == 0)
            return "a";
    }
    return "an";
}

const char *diag_plural(long long n)
{
    return n == 1 ? "" : "s";
}
