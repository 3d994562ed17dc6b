/* text.c — values as the people who read polc's output write them:
 * "12,345.67 yuan", "80%", "county". polc call prints them; polc test words its verdicts with
 * them. A policy failure has one wording, the runtime's (polrt_failure_text). */
#include "text.h"

#include <stdio.h>

char *text_value(const Policy *pol, Type t, int64_t v, char *buf, size_t len)
{
    char tmp[64];
    if (t.optional && v == POLRT_NONE) {
        snprintf(buf, len, "(absent)");
        return buf;
    }
    switch (t.kind) {
    case TY_MONEY: snprintf(buf, len, "%s yuan", polrt_fmt_money(v, tmp, 1)); break;
    case TY_RATE: snprintf(buf, len, "%s", polrt_fmt_rate(v, tmp)); break;
    case TY_DATE: snprintf(buf, len, "%s", polrt_fmt_date(v, tmp)); break;
    case TY_BOOL: snprintf(buf, len, "%s", v ? "true" : "false"); break;
    case TY_INT: snprintf(buf, len, "%lld", (long long)v); break;
    case TY_ENUM:
        if (v >= 0 && v < t.en->members.len)
            snprintf(buf, len, "%s", t.en->members.data[v].name);
        else
            snprintf(buf, len, "<%s #%lld>", t.en->name, (long long)v);
        break;
    case TY_DURATION: {
        static const char *u[] = {"days", "workdays", "months", "years"};
        snprintf(buf, len, "%lld %s", (long long)v, u[t.unit]);
        break;
    }
    default: snprintf(buf, len, "%lld", (long long)v); break;
    }
    (void)pol;
    return buf;
}
