/* text.c — values and policy failures as the people who read polc's output write them:
 * "12,345.67 yuan", "80%", "county"; "amount overflow in rule basic_pay (line 41, col 9)".
 * polc call prints them; polc test words its verdicts with them. */
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

static const char *error_name(int64_t code)
{
    switch (code) {
    case POLRT_E_OVERFLOW: return "amount overflow";
    case POLRT_E_DIVZERO: return "division by zero";
    case POLRT_E_CALENDAR: return "date outside the shipped working-day calendar";
    case POLRT_E_NONE: return "an absent value was used";
    case POLRT_E_DATE: return "date out of range";
    case POLRT_E_NOVERSION: return "no version in force on that date";
    case POLRT_E_REJECTED: return "the claim fails an input check";
    default: return "policy failure";
    }
}

char *text_failure(const IrProgram *ir, int64_t code, int64_t loc, char *buf, size_t len)
{
    if (code == POLRT_E_REJECTED && loc >= 0 && loc < ir->nrejects)
        snprintf(buf, len, "%s", ir->reject_msgs[loc]);
    else if (code == POLRT_E_NOVERSION && loc < 0)
        snprintf(buf, len, "the claim is dated outside the policy's validity");
    else if (loc >= 0 && loc < ir->nlocs) {
        /* the failure site: a rule, a ledger update (ledger.field) or a reject check */
        const char *site = ir->locs[loc].rule ? ir->locs[loc].rule : "";
        const char *kind = !strncmp(site, "reject ", 7) ? ""
                           : strchr(site, '.')          ? "ledger update "
                                                        : "rule ";
        snprintf(buf, len, "%s in %s%s (line %d, col %d)", error_name(code), kind, site,
                 ir->locs[loc].line, ir->locs[loc].col);
    } else
        snprintf(buf, len, "%s", error_name(code));
    return buf;
}
