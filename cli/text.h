/* text.h — values in words, for polc call and polc test. */
#ifndef POLC_TEXT_H
#define POLC_TEXT_H

#include "ir.h"
#include "polrt.h"

/* "12,345.67 yuan", "80%", "2026-03-01", "county", "true", "5 workdays" */
char *text_value(const Policy *pol, Type t, int64_t v, char *buf, size_t len);

#endif
