/* tool.h — the smaller commands and helpers shared by commands: polc call, stale-engine
 * warnings, value formatting for people, error texts; polc simulate and polc gen. */
#ifndef POLC_TOOL_H
#define POLC_TOOL_H

#include "ir.h"
#include "polrt.h"

int tool_call(const char *policy, const char *rule, const char **args, int nargs, const char *date,
              int interp);
/* "12,345.67 yuan", "80%", "2026-03-01", "county", "true", "5 workdays" */
char *tool_format(const Policy *pol, Type t, int64_t v, char *buf, size_t len);
/* "amount overflow in rule basic_pay (line 41, col 9)" */
char *tool_error_text(const IrProgram *ir, int64_t code, int64_t loc, char *buf, size_t len);

#endif
