/* diag.h — every user-facing compiler message goes through here:
 *   file:line:col: error: message / the source line / a caret under the range / note: lines */
#ifndef POLC_DIAG_H
#define POLC_DIAG_H

#include <stdio.h>

#include "source.h"

/* A run stops reporting after this many errors: more is noise, the first ones matter. */
#define DIAG_MAX_ERRORS 20
/* Source lines longer than this are shown as a window around the error: enough for any
 * hand-written line, and a generated 300 KB line does not flood the terminal. */
#define DIAG_MAX_LINE_BYTES 240

/* Where a diagnostic goes instead of out, when set: the language server keeps them (lsp.c).
 * severity is "error", "warning" or "note"; loc.src is NULL for a message with no position. */
typedef void (*DiagSink)(void *ctx, const char *severity, Loc loc, const char *msg);

typedef struct Diag {
    FILE *out;
    DiagSink sink; /* NULL: print to out */
    void *sink_ctx;
    int errors, warnings;
    int too_many; /* the limit was reached; callers stop early */
} Diag;

void diag_init(Diag *d, FILE *out);
void diag_error(Diag *d, Loc loc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void diag_warning(Diag *d, Loc loc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* a note follows the error it explains */
void diag_note(Diag *d, Loc loc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* an error with no source position: "polc: error: ..." */
void diag_plain(Diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* the article of a word a message puts after it: "an" before a vowel ("an int value", "an
 * enum"), else "a" ("a money value", a CJK name, and a vowel sounded as a consonant: "a User",
 * "a unit", "a usage", "a one-off") */
const char *diag_a(const char *word);
/* "s" after a count that is not 1: "1 error", "2 errors". The compiler's and the command
 * line's (cli/, tools/); the runtime, a library shipped without the compiler, has its own
 * rt_plural (runtime/rt_int.h), the same rule */
const char *diag_plural(long long n);

#endif
