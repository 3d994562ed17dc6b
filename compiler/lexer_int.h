/* lexer_int.h — what the generated scanner and parser share (not a phase interface). */
#ifndef POLC_LEXER_INT_H
#define POLC_LEXER_INT_H

#include <ctype.h>
#include <stdlib.h>

#include "ast.h"

/* Deeper nesting than this is an error, not a stack overflow: real policies nest a handful
 * of levels; 200 keeps every recursive phase (sema, ir, cg) far from the C stack's limit. */
#define LEX_MAX_DEPTH 200
/* The same reasoning for any expression: a rule deeper than this is refused by the parser
 * (a real rule is a few levels deep; sema, ir, interp and cg recurse once per level, and
 * 1000 frames of the largest of them stay far below the C stack, sanitizers included). */
#define EXPR_MAX_DEPTH 1000

const char *lex_text(Lexer *lx, const char *s, size_t n);
const char *lex_string(Lexer *lx, Loc loc, const char *s, size_t n);
void lex_error(Lexer *lx, Loc loc, const char *msg);
/* “…”: a string in curly quotes (closed by ” or "), reported; its value as lex_string's */
const char *lex_curly_string(Lexer *lx, Loc loc, const char *s, size_t n);
/* "6,000 yuan": a number written with thousands separators before a unit (num without them) */
void lex_thousands(Lexer *lx, Loc loc, const char *num, const char *unit);
/* "2025-1-1", "2025/01/01", "2025.1.1", "2025年1月1日": a date not written YYYY-MM-DD, reported;
 * its YYYY-MM-DD text (the checker then judges the day) */
const char *lex_loose_date(Lexer *lx, Loc loc, const char *s, size_t n);
void lex_bad_byte(Lexer *lx, Loc loc, unsigned char c);
/* "３０００": full-width digits s[0..n) (3 bytes each), reported once; their ASCII number */
const char *lex_wide_digits(Lexer *lx, Loc loc, const char *s, size_t n);
void lex_comment(Lexer *lx, Loc loc, const char *s, size_t n);
int lex_wide_punct(Lexer *lx, Loc loc, const char *s);
int lex_open(Lexer *lx, Loc loc);
/* a '{' (open) or '}' read: kept, so an error can name a '{' not closed */
void lex_brace(Lexer *lx, Loc loc, int open);
int kw_lookup(const char *s, size_t n);

#endif
