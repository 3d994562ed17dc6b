/* source.c — loading policy files and mapping byte offsets to lines and columns. */
#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void build_lines(Arena *a, Source *s)
{
    int n = 1;
    for (size_t i = 0; i < s->len; i++)
        if (s->text[i] == '\n')
            n++;
    s->line_start = arena_alloc(a, sizeof(uint32_t) * (size_t)(n + 1));
    s->nlines = n;
    int k = 0;
    /* a leading byte order mark is no part of line 1: its columns, the line a diagnostic
     * echoes and the caret under it start after the mark (a BOM-only file echoed the mark) */
    s->line_start[k++] = s->len >= 3 && memcmp(s->text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    for (size_t i = 0; i < s->len; i++)
        if (s->text[i] == '\n')
            s->line_start[k++] = (uint32_t)(i + 1);
    s->line_start[n] = (uint32_t)s->len + 1;
}

Source *source_from_string(Arena *a, const char *path, const char *text, size_t len)
{
    Source *s = arena_alloc(a, sizeof *s);
    s->path = arena_strdup(a, path);
    s->text = arena_strndup(a, text, len);
    s->len = len;
    build_lines(a, s);
    return s;
}

/* A policy is a regular file: opened without blocking (a FIFO or a device would hang the
 * read or never end) and checked with fstat before a byte is read. */
Source *source_load(Arena *a, const char *path, char *err, size_t errlen)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "cannot read %s: not a regular file (a %s)", path,
                 S_ISDIR(st.st_mode)    ? "directory"
                 : S_ISFIFO(st.st_mode) ? "pipe"
                 : S_ISSOCK(st.st_mode) ? "socket"
                                        : "device");
        close(fd);
        return NULL;
    }
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
        close(fd);
        return NULL;
    }
    Source *s = source_read(a, path, f, err, errlen);
    fclose(f);
    return s;
}

Source *source_read(Arena *a, const char *name, FILE *f, char *err, size_t errlen)
{
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (len == cap) {
            if (cap >= SOURCE_MAX_BYTES) {
                snprintf(err, errlen, "%s: file larger than %u MiB", name, SOURCE_MAX_BYTES >> 20);
                free(buf);
                return NULL;
            }
            cap *= 2;
            char *more = buf ? realloc(buf, cap) : NULL;
            if (!more)
                free(buf);
            buf = more;
        }
        if (!buf) {
            snprintf(err, errlen, "cannot read %s: out of memory", name);
            return NULL;
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0)
            break;
    }
    if (ferror(f)) {
        snprintf(err, errlen, "cannot read %s", name);
        free(buf);
        return NULL;
    }
    Source *s = source_from_string(a, name, buf, len);
    free(buf);
    return s;
}

int utf8_decode(const unsigned char *p, size_t n, uint32_t *cp)
{
    if (n == 0)
        return 0;
    unsigned c = p[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int len;
    uint32_t v, min;
    if ((c & 0xE0) == 0xC0) {
        len = 2, v = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3, v = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4, v = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if ((size_t)len > n)
        return 0;
    for (int i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (p[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

void source_linecol(const Source *s, uint32_t off, int *line, int *col)
{
    int lo = 0, hi = s->nlines - 1;
    while (lo < hi) { /* last line whose start <= off */
        int mid = (lo + hi + 1) / 2;
        if (s->line_start[mid] <= off)
            lo = mid;
        else
            hi = mid - 1;
    }
    *line = lo + 1;
    int c = 1;
    const unsigned char *p = (const unsigned char *)s->text;
    for (uint32_t i = s->line_start[lo]; i < off && i < s->len;) {
        uint32_t cp;
        int k = utf8_decode(p + i, s->len - i, &cp);
        i += k ? (uint32_t)k : 1;
        c++;
    }
    *col = c;
}

Loc loc_span(Loc a, Loc b)
{
    Loc r = a;
    if (b.src == a.src && b.end > r.end)
        r.end = b.end;
    return r;
}

/* East Asian Wide and Fullwidth ranges (Unicode UAX #11), enough for Chinese text */
static int is_wide(uint32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
           (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

int source_display_width(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    int w = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int k = utf8_decode(p + i, n - i, &cp);
        if (!k) {
            i++, w++;
            continue;
        }
        i += (size_t)k;
        w += cp == '\t' ? 1 : is_wide(cp) ? 2 : 1;
    }
    return w;
}

const char *source_flat(Arena *a, const Source *s, uint32_t from, uint32_t to)
{
    char *out = arena_alloc(a, to - from + 1), *o = out;
    for (uint32_t i = from; i < to; i++) {
        char c = s->text[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            if (o > out && o[-1] != ' ')
                *o++ = ' ';
        } else {
            *o++ = c;
        }
    }
    while (o > out && o[-1] == ' ')
        o--;
    *o = 0;
    return out;
}
