/* source.h — policy source files, their line tables, and Loc, the byte range every token
 * and node carries; line/column are computed only when printing [jq locfile, PG]. */
#ifndef POLC_SOURCE_H
#define POLC_SOURCE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"

typedef struct Source {
    const char *path; /* as given on the command line */
    const char *text; /* bytes, NUL-terminated (an embedded NUL is a lexical error) */
    size_t len;
    uint32_t *line_start; /* byte offset of each line's first byte (line 1's after a BOM) */
    int nlines;
} Source;

typedef struct Loc {
    Source *src;
    uint32_t start, end; /* byte range [start, end) */
} Loc;

/* Files larger than this are refused: a policy is a few hundred lines; 64 MiB leaves room
 * for generated policies while keeping a malicious input from exhausting memory. */
#define SOURCE_MAX_BYTES (64u * 1024 * 1024)

Source *source_load(Arena *a, const char *path, char *err, size_t errlen);
/* the policy text f holds up to its end (standard input for `polc fmt -`), named name in
 * messages; f is left open. NULL with the reason in err. */
Source *source_read(Arena *a, const char *name, FILE *f, char *err, size_t errlen);
Source *source_from_string(Arena *a, const char *path, const char *text, size_t len);
void source_linecol(const Source *s, uint32_t off, int *line,
                    int *col); /* 1-based, col in code points */
Loc loc_span(Loc a, Loc b);
/* display width of the UTF-8 bytes [p, p+n): CJK wide characters count 2 */
int source_display_width(const char *p, size_t n);
/* the text of s at [a, b) on one line: each run of white space one space, none at the ends
 * (in a's memory) */
const char *source_flat(Arena *a, const Source *s, uint32_t from, uint32_t to);
/* decode one UTF-8 sequence; returns its length (1..4) or 0 when invalid */
int utf8_decode(const unsigned char *p, size_t n, uint32_t *cp);

#endif
