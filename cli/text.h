/* text.h — values and policy failures in words, for polc call and polc test. */
#ifndef POLC_TEXT_H
#define POLC_TEXT_H

#include "ir.h"
#include "polrt.h"

/* "12,345.67 yuan", "80%", "2026-03-01", "county", "true", "5 workdays" */
char *text_value(const Policy *pol, Type t, int64_t v, char *buf, size_t len);
/* "amount overflow in rule basic_pay (line 41, col 9)" */
char *text_failure(const IrProgram *ir, int64_t code, int64_t loc, char *buf, size_t len);

#endif
