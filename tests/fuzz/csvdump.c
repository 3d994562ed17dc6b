/* csvdump.c — print every record polc's CSV reader (runtime/csv.c: rt_csv_open/rt_csv_next,
 * the tokenizer the pipeline cuts its batches with) finds in FILE, one JSON object a line:
 *   {"line":N,"cells":["a","b"]}      a record and its cells (unquoted cells trimmed)
 *   {"line":N,"error":"..."}          a malformed record (bad quotes, not UTF-8, a NUL byte)
 * and at the end {"end":"ok"} or {"end":"MESSAGE"} (an I/O error, a runaway record). For the
 * differential test against Python's csv module (tests/fuzz/diffcsv.py). Exit 0, or 2 when
 * the file cannot be opened. */
#include <stdio.h>
#include <string.h>

#include "rt_int.h"

static void json_str(const char *s, size_t n)
{
    putchar('"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            printf("\\%c", c);
        else if (c < 0x20)
            printf("\\u%04x", c);
        else
            putchar(c);
    }
    putchar('"');
}

int main(int argc, char **argv)
{
    char err[512];
    if (argc != 2) {
        fprintf(stderr, "usage: csvdump FILE\n");
        return 2;
    }
    RtCsv *c = rt_csv_open(argv[1], RT_ENC_UTF8, err, sizeof err); /* the bytes as they are */
    if (!c) {
        fprintf(stderr, "csvdump: %s\n", err);
        return 2;
    }
    RtRecord r;
    int rc;
    while ((rc = rt_csv_next(c, &r)) == 1) {
        printf("{\"line\":%lld,", (long long)r.line);
        if (r.error) {
            printf("\"error\":");
            json_str(r.error, strlen(r.error));
        } else {
            printf("\"cells\":[");
            for (int i = 0; i < r.nfields; i++) {
                if (i)
                    putchar(',');
                json_str(r.field[i], r.len[i]);
            }
            putchar(']');
        }
        printf("}\n");
    }
    printf("{\"end\":");
    const char *m = rc < 0 ? rt_csv_errmsg(c) : "ok";
    json_str(m, strlen(m));
    printf("}\n");
    rt_csv_close(c);
    return 0;
}
