/* fmt.h — polc fmt: a policy's text in the one canonical layout (spec/LANGUAGE.md §16.1). */
#ifndef POLC_FMT_H
#define POLC_FMT_H

#include "ast.h"

/* Lines longer than this are broken where the layout allows (after a comma, and, or; before
 * then, else, when, where, default): the width of the team's C code and of a printed A4 page
 * in a monospace font at 9 pt. */
#define FMT_WIDTH 100

/* Lay out src. On success *out (in the arena, NUL-terminated) holds the formatted text and 0
 * is returned; a file with syntax errors is not formatted: -1 after its diagnostics. The
 * tokens of the result are those of src, in order (checked: a difference is an internal
 * error), so formatting never changes what a policy means. */
int fmt_source(Arena *a, Diag *d, Source *src, char **out, size_t *outlen);

#endif
