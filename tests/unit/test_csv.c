/* test_csv.c — the streaming CSV reader (records, lines, raw bytes, quoting, BOM, CRLF,
 * chunk boundaries, seeks) and the cell values of rt_parse_value / rt_format_value, on
 * fixtures written into a fresh temporary directory. */
#include "rt_int.h"
#include "unit.h"

#include <stdlib.h>
#include <unistd.h>

static char dir[] = "/tmp/polc-csv-XXXXXX";

/* write text (n bytes) to dir/name; the path is returned in a static buffer */
static const char *fixture(const char *name, const char *text, size_t n)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(text, 1, n, f) != n || fclose(f) != 0) {
        printf("[FAIL] cannot write %s\n", path);
        exit(1);
    }
    return path;
}
#define FIXTURE(name, lit) fixture(name, lit, sizeof lit - 1)

/* rt_show: user text in a message whole when it fits, else cut back to a character's first
 * byte with "..." (printf's %.64s cut a Chinese id after its 64th byte, mid-character) */
static void test_show(void)
{
    char buf[RT_SHOW_ID], id[128] = "";
    for (int i = 0; i < 30; i++) /* 30 x 甲 (3 bytes each): 90 bytes */
        strcat(id, "甲");
    /* 64 bytes of text at most: 21 characters (63 bytes), the 22nd would need 66 */
    CHECK_STR("30 Chinese characters: 21 and ...", rt_show(buf, sizeof buf, id),
              "甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲甲...");
    CHECK("... valid UTF-8", rt_utf8_valid(buf, strlen(buf)));
    id[66] = '\0'; /* 22 characters, 66 bytes: they fit (67 bytes with the NUL, of 68) */
    CHECK("22 Chinese characters: whole, itself", rt_show(buf, sizeof buf, id) == id);
    /* ASCII: 67 bytes fit, 68 are cut to 64 */
    char a[80];
    memset(a, 'x', sizeof a);
    a[68] = '\0';
    CHECK_EQ("68 ASCII bytes: 64 and ...", strlen(rt_show(buf, sizeof buf, a)), 67);
    CHECK_STR("... ending in ...", buf + 64, "...");
    /* n bytes of a longer text: "ab甲" cut to fit 6 bytes (2 of text): "ab..." */
    char small[6];
    CHECK_STR("rt_show_n: bytes, not a string", rt_show_n(small, sizeof small, "ab甲cd", 7),
              "ab...");
    CHECK_STR("rt_show_n: what fits, copied", rt_show_n(small, sizeof small, "ab甲cd", 5), "ab甲");
}

/* the record's raw bytes as a C string (static) */
static const char *raw_of(const RtRecord *r)
{
    static char buf[1024];
    snprintf(buf, sizeof buf, "%.*s", (int)r->nraw, r->raw);
    return buf;
}

static void test_quoting(void)
{
    /* BOM, CRLF, a quoted comma, doubled quotes, a quoted CRLF inside a cell, a blank line */
    const char *p = FIXTURE("q.csv", "\xEF\xBB\xBF"
                                     "claim_id,note,amount\r\n"
                                     "C1,\"a, b\",1\r\n"
                                     "C2,\"say \"\"hi\"\"\",2\r\n"
                                     "\r\n"
                                     "C3,\"two\r\nlines\", 3 \r\n"
                                     "C4,last,4");
    char err[256];
    RtCsv *c = rt_csv_open(p, RT_ENC_AUTO, err, sizeof err);
    CHECK("open", c != NULL);
    RtRecord r;
    CHECK_EQ("header", rt_csv_next(c, &r), 1);
    CHECK_EQ("header line", r.line, 1);
    CHECK_EQ("header cells", r.nfields, 3);
    CHECK_STR("BOM not in the first cell", r.field[0], "claim_id");
    CHECK_STR("CR not in the last cell", r.field[2], "amount");
    CHECK_STR("BOM kept in raw", raw_of(&r),
              "\xEF\xBB\xBF"
              "claim_id,note,amount\r\n");

    CHECK_EQ("C1", rt_csv_next(c, &r), 1);
    CHECK_EQ("C1 line", r.line, 2);
    CHECK_STR("quoted comma", r.field[1], "a, b");
    CHECK_STR("C1 raw", raw_of(&r), "C1,\"a, b\",1\r\n");

    CHECK_EQ("C2", rt_csv_next(c, &r), 1);
    CHECK_STR("doubled quotes", r.field[1], "say \"hi\"");
    CHECK_EQ("C2 len", r.len[1], 8);

    CHECK_EQ("C3", rt_csv_next(c, &r), 1);
    CHECK_EQ("C3 line (blank line 4 skipped)", r.line, 5);
    CHECK_STR("quoted CRLF kept", r.field[1], "two\r\nlines");
    CHECK_STR("blanks trimmed", r.field[2], "3");
    CHECK_STR("C3 raw spans two lines", raw_of(&r), "C3,\"two\r\nlines\", 3 \r\n");
    CHECK_EQ("C3 offset", r.offset, 3 + 22 + 13 + 19 + 2);

    CHECK_EQ("C4 without final newline", rt_csv_next(c, &r), 1);
    CHECK_EQ("C4 line", r.line, 7);
    CHECK_STR("C4 cell", r.field[2], "4");
    CHECK_STR("C4 raw", raw_of(&r), "C4,last,4");
    CHECK_EQ("end", rt_csv_next(c, &r), 0);
    CHECK_EQ("end again", rt_csv_next(c, &r), 0);

    /* back to C3, as the duplicate check does */
    CHECK_EQ("seek", rt_csv_seek(c, 3 + 22 + 13 + 19 + 2, 5), 0);
    CHECK_EQ("C3 again", rt_csv_next(c, &r), 1);
    CHECK_STR("C3 again cell", r.field[0], "C3");
    CHECK_EQ("C3 again line", r.line, 5);
    rt_csv_close(c);
}

/* A BOM, then a quoted first cell with a line break in it (found by tests/fuzz/diffcsv.py):
 * the mark was cut as text, the quote after it was a stray one and the record ended at the
 * first line feed, "a" becoming an unterminated record of its own. */
static void test_bom_quoted(void)
{
    const char *p = FIXTURE("bq.csv", "\xEF\xBB\xBF\"x\ny\",z\nnext,1\n");
    char err[256];
    RtCsv *c = rt_csv_open(p, RT_ENC_AUTO, err, sizeof err);
    RtRecord r;
    CHECK_EQ("bom+quoted: a record", rt_csv_next(c, &r), 1);
    CHECK("bom+quoted: well formed", r.error == NULL);
    CHECK_EQ("bom+quoted: 2 cells", r.nfields, 2);
    CHECK_STR("bom+quoted: the quoted cell keeps its line break", r.nfields ? r.field[0] : "",
              "x\ny");
    CHECK_EQ("bom+quoted: the next record", rt_csv_next(c, &r), 1);
    CHECK_EQ("bom+quoted: on line 3", r.line, 3);
    CHECK_STR("bom+quoted: its first cell", r.nfields ? r.field[0] : "", "next");
    CHECK_EQ("bom+quoted: end", rt_csv_next(c, &r), 0);
    rt_csv_close(c);
}

static void test_bad_records(void)
{
    const char *p = FIXTURE("bad.csv", "a,b\n"
                                       "1,x\"y\n"
                                       "2,\"ok\"\n"
                                       "3,\xC3\x28\n"
                                       "4,\"open\n"
                                       "5,z\n");
    char err[256];
    RtCsv *c = rt_csv_open(p, RT_ENC_AUTO, err, sizeof err);
    RtRecord r;
    rt_csv_next(c, &r);
    CHECK_EQ("stray quote", rt_csv_next(c, &r), 1);
    CHECK_EQ("stray quote line", r.line, 2);
    CHECK_STR("stray quote reason", r.error,
              "malformed quotes (a '\"' inside a cell must be doubled and the cell quoted)");
    CHECK_STR("stray quote raw", raw_of(&r), "1,x\"y\n");
    CHECK_EQ("resync", rt_csv_next(c, &r), 1);
    CHECK("resync clean", r.error == NULL);
    CHECK_STR("resync cell", r.field[1], "ok");
    CHECK_EQ("bad UTF-8", rt_csv_next(c, &r), 1);
    /* the reason every reader gives (rt_csv_bad_text): ledger import has --encoding too */
    CHECK_STR("bad UTF-8 reason", r.error,
              "not UTF-8 text (save the file as CSV UTF-8, or name its encoding: --encoding gbk "
              "for Chinese Excel's CSV)");
    CHECK_EQ("bad UTF-8 cells", r.nfields, 0);
    CHECK_EQ("open quote", rt_csv_next(c, &r), 1);
    CHECK_EQ("open quote line", r.line, 5);
    /* the lines it took, as polc run says them (rt_csv_bad_text) */
    CHECK_STR("open quote reason", r.error,
              "unterminated quoted field: the record starts on this line and runs to the end of "
              "the file (2 lines read as one record; close the quote)");
    CHECK_STR("open quote raw runs to the end", raw_of(&r), "4,\"open\n5,z\n");
    CHECK_EQ("then the end", rt_csv_next(c, &r), 0);
    rt_csv_close(c);
}

/* rt_csv_count_text: a record of the wrong width, and the hint for an unquoted amount its
 * thousands comma split */
static void test_count_text(void)
{
    char buf[256];
    const char *c1[] = {"c1", "p1",
                        "\xC2\xA5"
                        "1",
                        "234.50", "x"};
    const char *c2[] = {"c1", " -1", "234", "567", "x"};
    const char *c3[] = {"c1",
                        "p1",
                        "\xEF\xBF\xA5"
                        "12",
                        "345",
                        "x",
                        "y"};
    const char *c4[] = {"c1", "p1", "1", "2345", "x"};
    size_t l1[] = {2, 2, 3, 6, 1}, l2[] = {2, 3, 3, 3, 1}, l3[] = {2, 2, 5, 3, 1, 1},
           l4[] = {2, 2, 1, 4, 1};
    CHECK_STR("too few: the count alone", rt_csv_count_text(5, 4, c1, l1, buf, sizeof buf),
              "expected 5 fields, found 4");
    CHECK_STR("¥1,234.50 split in two", rt_csv_count_text(4, 5, c1, l1, buf, sizeof buf),
              "expected 4 fields, found 5 (fields 3 and 4 look like one amount split at its "
              "thousands comma: quote the field, \"\xC2\xA5"
              "1,234.50\", or write 1234.50)");
    /* two extra cells: the three groups of -1,234,567 (a blank before the sign trimmed) */
    CHECK_STR("-1,234,567 split in three", rt_csv_count_text(3, 5, c2, l2, buf, sizeof buf),
              "expected 3 fields, found 5 (fields 2 to 4 look like one amount split at its "
              "thousands commas: quote the field, \"-1,234,567\", or write -1234567)");
    /* one extra cell: no more than two cells are one amount */
    CHECK_STR("as many groups as extra cells", rt_csv_count_text(4, 5, c2, l2, buf, sizeof buf),
              "expected 4 fields, found 5 (fields 2 and 3 look like one amount split at its "
              "thousands comma: quote the field, \"-1,234\", or write -1234)");
    CHECK_STR("full-width yuan sign", rt_csv_count_text(5, 6, c3, l3, buf, sizeof buf),
              "expected 5 fields, found 6 (fields 3 and 4 look like one amount split at its "
              "thousands comma: quote the field, \"\xEF\xBF\xA5"
              "12,345\", or write 12345)");
    CHECK_STR("no group of three digits: no hint", rt_csv_count_text(4, 5, c4, l4, buf, sizeof buf),
              "expected 4 fields, found 5");
    /* a CRLF row's last cell, as polc run's decoder hands it over, ends in \r: no hint was
     * given for a file Excel saved */
    const char *c5[] = {"c1", "1", "234.50\r"};
    size_t l5[] = {2, 1, 7};
    CHECK_STR("the last cell's \\r trimmed", rt_csv_count_text(2, 3, c5, l5, buf, sizeof buf),
              "expected 2 fields, found 3 (fields 2 and 3 look like one amount split at its "
              "thousands comma: quote the field, \"1,234.50\", or write 1234.50)");
    /* groups past the longest amount (1 and 14 groups: 57 bytes): no hint, not the first 47
     * bytes' (quoted so, the row still had three cells too many) */
    const char *c6[16] = {"c1", "1"};
    size_t l6[16] = {2, 1};
    for (int i = 2; i < 16; i++)
        c6[i] = "234", l6[i] = 3;
    CHECK_STR("groups past the longest amount: no hint",
              rt_csv_count_text(2, 16, c6, l6, buf, sizeof buf), "expected 2 fields, found 16");
    /* a plus before an amount in yuan: money takes no sign, so neither fix has it ('+1234'
     * and '+¥1,234' are refused); before a bare number, which may be an int's, it stays */
    const char *c7[] = {"c1",
                        "+\xC2\xA5"
                        "1",
                        "234", "x"},
               *c8[] = {"c1", "+1", "234", "x"};
    size_t l7[] = {2, 4, 3, 1}, l8[] = {2, 2, 3, 1};
    CHECK_STR("+¥1,234: the fixes without the plus",
              rt_csv_count_text(3, 4, c7, l7, buf, sizeof buf),
              "expected 3 fields, found 4 (fields 2 and 3 look like one amount split at its "
              "thousands comma: quote the field, \"\xC2\xA5"
              "1,234\", or write 1234)");
    CHECK_STR("+1,234: the plus kept", rt_csv_count_text(3, 4, c8, l8, buf, sizeof buf),
              "expected 3 fields, found 4 (fields 2 and 3 look like one amount split at its "
              "thousands comma: quote the field, \"+1,234\", or write +1234)");
}

static void test_empty(void)
{
    char err[256];
    RtRecord r;
    RtCsv *c = rt_csv_open(FIXTURE("empty.csv", ""), RT_ENC_AUTO, err, sizeof err);
    CHECK_EQ("empty file", rt_csv_next(c, &r), 0);
    rt_csv_close(c);
    c = rt_csv_open(FIXTURE("bom.csv", "\xEF\xBB\xBF"), RT_ENC_AUTO, err, sizeof err);
    CHECK_EQ("BOM only", rt_csv_next(c, &r), 0);
    rt_csv_close(c);
    c = rt_csv_open(FIXTURE("blank.csv", "\n\r\n  \n"), RT_ENC_AUTO, err, sizeof err);
    CHECK_EQ("blank lines only", rt_csv_next(c, &r), 0);
    rt_csv_close(c);
    c = rt_csv_open(FIXTURE("hdr.csv", "claim_id,level\r\n"), RT_ENC_AUTO, err, sizeof err);
    CHECK_EQ("header only", rt_csv_next(c, &r), 1);
    CHECK_EQ("header only: then end", rt_csv_next(c, &r), 0);
    rt_csv_close(c);
    c = rt_csv_open("/nonexistent/claims.csv", RT_ENC_AUTO, err, sizeof err);
    CHECK("missing file", c == NULL);
    CHECK_STR("missing file message", err,
              "cannot open /nonexistent/claims.csv: No such file or directory");
    c = rt_csv_open(dir, RT_ENC_AUTO, err, sizeof err);
    CHECK("directory", c == NULL);
}

/* 20,000 records of varying length: many cross the 64 KiB chunk boundary, some inside a
 * quoted cell that holds a newline */
static void test_chunks(void)
{
    enum { N = 20000 };
    char path[256];
    snprintf(path, sizeof path, "%s/big.csv", dir);
    FILE *f = fopen(path, "wb");
    for (int i = 0; i < N; i++) {
        if (i % 7 == 0)
            fprintf(f, "R%d,\"multi\nline %d, with comma\",%0*d\r\n", i, i, i % 50 + 1, i);
        else
            fprintf(f, "R%d,plain %d,%0*d\n", i, i, i % 50 + 1, i);
    }
    fclose(f);
    char err[256];
    RtCsv *c = rt_csv_open(path, RT_ENC_AUTO, err, sizeof err);
    RtRecord r;
    int ok = 1, n = 0;
    int64_t line = 1;
    char want[128];
    while (rt_csv_next(c, &r) == 1) {
        snprintf(want, sizeof want, "R%d", n);
        ok = ok && r.nfields == 3 && !r.error && strcmp(r.field[0], want) == 0 && r.line == line;
        if (n % 7 == 0)
            snprintf(want, sizeof want, "multi\nline %d, with comma", n);
        else
            snprintf(want, sizeof want, "plain %d", n);
        ok = ok && strcmp(r.field[1], want) == 0 && atoi(r.field[2]) == n;
        ok = ok && (int)r.len[2] == snprintf(want, sizeof want, "%0*d", n % 50 + 1, n);
        if (!ok) {
            printf("first difference at record %d (line %" PRId64 ")\n", n, r.line);
            break;
        }
        line += n % 7 == 0 ? 2 : 1;
        n++;
    }
    CHECK_EQ("records across chunks", n, N);
    CHECK("cells, lines and lengths across chunks", ok);
    CHECK_EQ("whole file consumed", rt_csv_offset(c), rt_csv_size(c));
    rt_csv_close(c);
}

/* chunk boundaries the cases below straddle (csv.c reads CSV_CHUNK = 256 KiB at a time, a
 * multiple of this) */
#define CHUNK (64 * 1024)

/* one record longer than a chunk; a CRLF and a three-byte UTF-8 character split by a chunk
 * boundary; a NUL byte (UTF-16 files are full of them): not text, the row alone refused */
static void test_edges(void)
{
    char path[256];
    snprintf(path, sizeof path, "%s/edges.csv", dir);
    FILE *f = fopen(path, "wb");
    /* record 1: a 200,000-byte cell */
    fputs("A,", f);
    for (int i = 0; i < 200000; i++)
        putc('a' + i % 26, f);
    fputs(",1\n", f);
    long at = ftell(f);
    /* record 2 ends with CR at the last byte of chunk 4 and LF at the first of chunk 5 */
    long cr = 4L * CHUNK - 1;
    fputs("B,", f);
    for (long i = at + 2; i < cr - 2; i++)
        putc('b', f);
    fputs(",2\r\n", f);
    /* record 3: 县 (E5 8E BF) with its first byte the last of chunk 5 */
    long han = 5L * CHUNK - 1;
    at = ftell(f);
    fputs("C,", f);
    for (long i = at + 2; i < han; i++)
        putc('c', f);
    fputs("\xE5\x8E\xBF,3\n", f);
    fwrite("D,x\0y,4\n", 1, 8, f);
    fputs("E,ok,5\n", f);
    fclose(f);

    char err[256];
    RtCsv *c = rt_csv_open(path, RT_ENC_AUTO, err, sizeof err);
    RtRecord r;
    CHECK_EQ("long record", rt_csv_next(c, &r), 1);
    CHECK_EQ("long record: its cell whole", r.len[1], 200000);
    CHECK("long record: its bytes", r.field[1][199999] == 'a' + 199999 % 26 && r.nfields == 3);
    CHECK_EQ("CRLF split by a chunk", rt_csv_next(c, &r), 1);
    CHECK("CRLF split: no CR in the last cell", r.nfields == 3 && strcmp(r.field[2], "2") == 0);
    CHECK_EQ("CRLF split: raw ends with it", r.raw[r.nraw - 2] == '\r' && r.raw[r.nraw - 1] == '\n',
             1);
    CHECK_EQ("UTF-8 split by a chunk", rt_csv_next(c, &r), 1);
    CHECK("UTF-8 split: still text", r.error == NULL && r.nfields == 3);
    CHECK("UTF-8 split: the character whole",
          r.len[1] >= 3 && memcmp(r.field[1] + r.len[1] - 3, "\xE5\x8E\xBF", 3) == 0);
    CHECK_EQ("NUL byte", rt_csv_next(c, &r), 1);
    CHECK_STR("NUL byte: said so, not 'not UTF-8' (issue 15)", r.error,
              "NUL byte (a binary or UTF-16 file? save the file as CSV UTF-8)");
    CHECK_EQ("NUL byte: raw kept for the rejects", r.nraw, 8);
    CHECK_EQ("after the NUL row", rt_csv_next(c, &r), 1);
    CHECK("after the NUL row: clean", r.error == NULL && strcmp(r.field[1], "ok") == 0);
    CHECK_EQ("then the end", rt_csv_next(c, &r), 0);

    /* back to record 3, past several chunks, then on to the end: a seek starts with a
     * small read and grows back to whole chunks */
    CHECK_EQ("seek past chunks", rt_csv_seek(c, han - (han - at), 3), 0);
    int ok = rt_csv_next(c, &r) == 1 && r.line == 3 && strcmp(r.field[0], "C") == 0;
    ok = ok && rt_csv_next(c, &r) == 1 && r.line == 4 && r.error;
    ok = ok && rt_csv_next(c, &r) == 1 && r.line == 5 && strcmp(r.field[0], "E") == 0;
    CHECK("seek past chunks: the records after it", ok && rt_csv_next(c, &r) == 0);
    rt_csv_close(c);
    unlink(path);

    /* an unterminated quote swallowing the file: stopped at 16 MiB, not read whole */
    snprintf(path, sizeof path, "%s/runaway.csv", dir);
    f = fopen(path, "wb");
    fputs("id,note\n1,\"never closed\n", f);
    static char line[4096];
    memset(line, 'x', sizeof line - 1);
    line[sizeof line - 2] = '\n';
    for (int i = 0; i < 4500; i++) /* 18 MiB */
        fputs(line, f);
    fclose(f);
    c = rt_csv_open(path, RT_ENC_AUTO, err, sizeof err);
    CHECK_EQ("runaway: header", rt_csv_next(c, &r), 1);
    /* -2: the input's fault (polc ledger import exits 3 on it), not -1, the system's */
    CHECK_EQ("runaway: a data error, not a record", rt_csv_next(c, &r), -2);
    CHECK_STR("runaway: message, after FILE:", rt_csv_errmsg(c),
              "2: record longer than 16 MiB (unterminated quoted field?)");
    CHECK("runaway: stopped near the limit", rt_csv_offset(c) < 17 * 1024 * 1024);
    /* passed over as one rejected row (polc ledger import, as polc run): from line 2 to the
     * end, 4501 lines (4500 line feeds, the last line without one), then nothing */
    int64_t first = 0, spans = 0;
    CHECK_EQ("runaway: passed over", rt_csv_pass_long(c, NULL, &first, &spans), 0);
    CHECK("runaway: its first line and the lines it spans", first == 2 && spans == 4501);
    CHECK_EQ("runaway: then the end", rt_csv_next(c, &r), 0);
    CHECK_STR("runaway: the reason, in polc run's words",
              rt_csv_long_record(spans, err, sizeof err),
              "record longer than 16 MiB (4501 lines; a quote left open, or not a CSV file?): "
              "rejected whole");
    rt_csv_close(c);
    unlink(path);
}

/* UTF-8 by its definition, not by csv.c's table of lead bytes: each sequence decoded to its
 * code point, which must need that many bytes (no overlong form), not be a surrogate and
 * not pass U+10FFFF; no NUL byte. 1 when s[0..n) is such text. */
static int utf8_by_code_point(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        /* continuation bytes after the lead: 0xxxxxxx 0, 110xxxxx 1, 1110xxxx 2, 11110xxx 3 */
        int k = c < 0x80             ? 0
                : (c & 0xE0) == 0xC0 ? 1
                : (c & 0xF0) == 0xE0 ? 2
                : (c & 0xF8) == 0xF0 ? 3
                                     : -1;
        if (c == 0 || k < 0 || i + (size_t)k >= n)
            return 0;
        uint32_t cp = k == 0 ? c : c & (0x3Fu >> k);
        for (int j = 1; j <= k; j++) {
            if ((s[i + j] & 0xC0) != 0x80)
                return 0;
            cp = cp << 6 | (s[i + j] & 0x3Fu);
        }
        static const uint32_t least[4] = {0, 0x80, 0x800, 0x10000};
        if (cp < least[k] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return 0;
        i += (size_t)k + 1;
    }
    return 1;
}

/* The tokenizer's UTF-8 check and rt_utf8_valid (one sequence check, utf8_seq, with a word
 * test for the common 3-byte characters) against the definition above, on every lead byte
 * C0..F7 followed by every pair of bytes 0x30..0xFF (no comma, quote, line feed or NUL among
 * them): the sequence in the middle of a cell, after a Chinese character, and at the very
 * end of the input (fewer than 4 bytes left, where the word is not read). */
static void test_utf8_cells(void)
{
    RtCells c = {0};
    long wrong = 0, seen_bad = 0, seen_good = 0;
    for (unsigned b0 = 0xC0; b0 <= 0xF7; b0++)
        for (unsigned b1 = 0x30; b1 <= 0xFF; b1++)
            for (unsigned b2 = 0x30; b2 <= 0xFF; b2++)
                for (int layout = 0; layout < 3; layout++) {
                    char rec[16];
                    size_t n = 0, next;
                    int64_t lines;
                    const char *bad;
                    if (layout == 1)
                        n += (size_t)snprintf(rec, sizeof rec, "\xE4\xB8\xAD"); /* 中 */
                    else
                        rec[n++] = 'a';
                    rec[n++] = (char)b0, rec[n++] = (char)b1, rec[n++] = (char)b2;
                    if (layout < 2) {
                        memcpy(rec + n, "x,1\n", 4);
                        n += 4;
                    }
                    if (rt_csv_cells(rec, 0, n, &c, &next, &lines, &bad) < 0)
                        wrong++;
                    int valid = utf8_by_code_point((const unsigned char *)rec, n);
                    seen_bad += !valid;
                    seen_good += valid;
                    if (((bad == NULL) != valid || rt_utf8_valid(rec, n) != valid) && !wrong++)
                        printf("# %02X %02X %02X (layout %d): tokenizer says %s, rt_utf8_valid "
                               "%d\n",
                               b0, b1, b2, layout, bad ? bad : "valid", rt_utf8_valid(rec, n));
                }
    rt_cells_free(&c);
    CHECK_EQ("tokenizer and rt_utf8_valid = UTF-8 by code point, 2.4 M sequences", wrong, 0);
    CHECK("both verdicts seen", seen_bad > 0 && seen_good > 0);
}

/* The same verdicts from the tokenizer's vector loop, which takes a 16-byte step's common
 * 3-byte characters without the byte loop: a lead 80..FF and two bytes from each range the
 * checks tell apart (ASCII, 80..8F, 90..9F, A0..BF, C0 and up), at every offset of a step
 * (14 and 15: the character runs past it), after ASCII or after 中 in the same step, with a
 * cell of 32 bytes and a second cell after it, or the text cut inside the character: the
 * verdict is UTF-8 by code point, and the cells are as written when it is text. */
static void test_utf8_steps(void)
{
    static const unsigned char pick[] = {0x30, 0x7F, 0x80, 0x8F, 0x90, 0x9F,
                                         0xA0, 0xBF, 0xC0, 0xE4, 0xFF};
    RtCells c = {0};
    long wrong = 0, seen_bad = 0, seen_good = 0;
    for (unsigned b0 = 0x80; b0 <= 0xFF; b0++)
        for (size_t i1 = 0; i1 < sizeof pick; i1++)
            for (size_t i2 = 0; i2 < sizeof pick; i2++)
                for (int layout = 0; layout < 32; layout++) {
                    char rec[48];
                    size_t off = (size_t)layout % 16, n = 0, next;
                    int64_t lines;
                    const char *bad;
                    if (layout >= 16 && off < 3)
                        continue;
                    if (layout >= 16)
                        n += (size_t)snprintf(rec, sizeof rec, "\xE4\xB8\xAD"); /* 中 */
                    while (n < off)
                        rec[n++] = 'a';
                    rec[n++] = (char)b0, rec[n++] = (char)pick[i1], rec[n++] = (char)pick[i2];
                    while (n < 32)
                        rec[n++] = 'x';
                    memcpy(rec + n, ",1\n", 3);
                    n += 3;
                    if (rt_csv_cells(rec, 0, n, &c, &next, &lines, &bad) < 0)
                        wrong++;
                    int valid = utf8_by_code_point((const unsigned char *)rec, n);
                    seen_bad += !valid;
                    seen_good += valid;
                    int ok = (bad == NULL) == valid && next == n && lines == 1 &&
                             (!valid || (c.n == 2 && c.p[0] == rec && c.len[0] == 32 &&
                                         c.len[1] == 1 && c.p[1][0] == '1'));
                    if (!ok && !wrong++)
                        printf("# %02X %02X %02X (layout %d): tokenizer says %s, %d cells\n", b0,
                               pick[i1], pick[i2], layout, bad ? bad : "valid", c.n);
                }
    /* the text ending inside a character that runs past the step (no line feed): nothing
     * past the end is read (ASan), and the verdict is the same */
    for (unsigned b0 = 0xE1; b0 <= 0xEF; b0++)
        for (size_t i1 = 0; i1 < sizeof pick; i1++)
            for (size_t off = 14; off <= 15; off++)
                for (size_t cut = 16 - off; cut <= 2; cut++) {
                    char *rec = malloc(off + cut);
                    size_t next;
                    int64_t lines;
                    const char *bad;
                    memset(rec, 'a', off);
                    rec[off] = (char)b0;
                    if (cut == 2)
                        rec[off + 1] = (char)pick[i1];
                    if (rt_csv_cells(rec, 0, off + cut, &c, &next, &lines, &bad) < 0)
                        wrong++;
                    int valid = utf8_by_code_point((const unsigned char *)rec, off + cut);
                    if (((bad == NULL) != valid || next != off + cut) && !wrong++)
                        printf("# %02X %02X cut at %zu: tokenizer says %s\n", b0, pick[i1],
                               off + cut, bad ? bad : "valid");
                    free(rec);
                }
    rt_cells_free(&c);
    CHECK_EQ("vector loop: tokenizer = UTF-8 by code point, 449 k records", wrong, 0);
    CHECK("vector loop: both verdicts seen", seen_bad > 0 && seen_good > 0);
}

/* ---- values ----------------------------------------------------------------------------- */

static char lv_name[] = "Level", m0[] = "township", m1[] = "county", m2[] = "city";
static char l0[] = "乡镇", l1[] = "县区", l2[] = "市级";
static char *lv_names[] = {m0, m1, m2};
static char *lv_labels[] = {l0, l1, l2};
static RtEnum enums[] = {{lv_name, 3, lv_names, lv_labels}};
static const RtSchema schema = {.nenums = 1, .enums = enums};

/* parse text as t; the value, or -999 with the reason in why */
static int64_t val(RtKind k, int optional, const char *text, char *why)
{
    RtType t = {.kind = k, .optional = optional, .unit = RT_MONTHS};
    int64_t v;
    why[0] = '\0';
    if (rt_parse_value(&schema, &t, text, strlen(text), &v, why, 256) < 0)
        return -999;
    return v;
}

/* spreadsheet spellings (spec/DATA.md "Files from Excel"): 2026-03-01 is day 20513 */
static void test_excel_cells(void)
{
    char why[256];
    CHECK_EQ("date 2026/3/1", val(RT_DATE, 0, "2026/3/1", why), 20513);
    CHECK_EQ("date 2026-3-1", val(RT_DATE, 0, "2026-3-1", why), 20513);
    CHECK_EQ("date 2026/03/01", val(RT_DATE, 0, "2026/03/01", why), 20513);
    CHECK_EQ("date 2026年3月1日", val(RT_DATE, 0, "2026年3月1日", why), 20513);
    CHECK_EQ("date full-width", val(RT_DATE, 0, "２０２６年３月１日", why), 20513);
    CHECK_EQ("date separators mixed", val(RT_DATE, 0, "2026/3-1", why), -999);
    CHECK_EQ("date 2026/2/30", val(RT_DATE, 0, "2026/2/30", why), -999);
    CHECK_EQ("date two-digit year", val(RT_DATE, 0, "26/3/1", why), -999);
    CHECK_EQ("date month of 3 digits", val(RT_DATE, 0, "2026/003/1", why), -999);
    CHECK_EQ("date 年 without 日", val(RT_DATE, 0, "2026年3月1", why), -999);
    CHECK_EQ("money ¥", val(RT_MONEY, 0, "¥20000.00", why), 2000000);
    CHECK_EQ("money ￥ grouped", val(RT_MONEY, 0, "￥1,234.56", why), 123456);
    CHECK_EQ("money full-width", val(RT_MONEY, 0, "１２３４．５６", why), 123456);
    CHECK_EQ("money ¥ twice", val(RT_MONEY, 0, "¥¥1", why), -999);
    CHECK_EQ("money ¥ after", val(RT_MONEY, 0, "1¥", why), -999);
    CHECK_EQ("rate full-width", val(RT_RATE, 0, "８０％", why), 800000);
    CHECK_EQ("int full-width", val(RT_INT, 0, "１２", why), 12);
    CHECK_EQ("int ¥ is no integer", val(RT_INT, 0, "¥12", why), -999);
}

/* GB18030 told from UTF-8 by the look of a file's start */
static void test_sniff(void)
{
    /* "结算单号,住院,县区\n" in GB18030: 住院 (D7A1 D4BA) happens to be UTF-8 too, the other
     * two runs are not: GB18030 two to one */
    const char gbk[] = "\xBD\xE1\xCB\xE3\xB5\xA5\xBA\xC5,\xD7\xA1\xD4\xBA,\xCF\xD8\xC7\xF8\n";
    CHECK_EQ("GBK header: GB18030", rt_csv_sniff_gb18030(gbk, sizeof gbk - 1), 1);
    CHECK_EQ("住院 alone: UTF-8 wins", rt_csv_sniff_gb18030(gbk + 9, 5), 0);
    CHECK_EQ("结算单号,住院: a tie, UTF-8 wins", rt_csv_sniff_gb18030(gbk, 14), 0);
    const char u8[] = "结算单号,住院\nC1,县区\n";
    CHECK_EQ("UTF-8: not GB18030", rt_csv_sniff_gb18030(u8, sizeof u8 - 1), 0);
    /* a UTF-8 file with one damaged cell (E4 B8 cut) among good ones stays UTF-8 */
    const char dmg[] = "a,\xE4\xB8,c\n县区,县区,县区\n";
    CHECK_EQ("UTF-8, one damaged cell: not GB18030", rt_csv_sniff_gb18030(dmg, sizeof dmg - 1), 0);
    CHECK_EQ("ASCII: not GB18030", rt_csv_sniff_gb18030("a,b\n", 4), 0);
    /* a UTF-8 byte order mark alone: its EF BB would pass for a GBK character (a file of
     * only a BOM, read by ledger import, was converted and came out a header) */
    CHECK_EQ("a UTF-8 BOM alone: not GB18030", rt_csv_sniff_gb18030("\xEF\xBB\xBF", 3), 0);
    CHECK_EQ("a UTF-8 BOM, then GBK-looking bytes: UTF-8",
             rt_csv_sniff_gb18030("\xEF\xBB\xBF\xBD\xE1", 5), 0);
    CHECK_EQ("0xFF: no GB18030", rt_csv_sniff_gb18030("\xFF\xFF,\xFF\n", 5), 0);
    CHECK_EQ("NUL (UTF-16): not GB18030", rt_csv_sniff_gb18030("\xBD\xE1\0a", 4), 0);
    /* ¥ is a four-byte GB18030 character (81 30 84 36); one cut by the end is left out */
    CHECK_EQ("four-byte character", rt_csv_sniff_gb18030("\x81\x30\x84\x36", 4), 1);
    CHECK_EQ("cut at the end", rt_csv_sniff_gb18030("\xBD\xE1\xCB\xE3\x81\x30", 6), 1);
    CHECK_EQ("--encoding names",
             rt_csv_encoding("GBK", NULL, 0) * 10 + rt_csv_encoding("utf8", NULL, 0),
             RT_ENC_GB18030 * 10 + RT_ENC_UTF8);
    CHECK_EQ("--encoding unknown", rt_csv_encoding("latin1", NULL, 0), -1);
}

static void test_values(void)
{
    char why[256];
    CHECK_EQ("money", val(RT_MONEY, 0, "1234.56", why), 123456);
    CHECK_EQ("money grouped", val(RT_MONEY, 0, " 1,234.56 ", why), 123456);
    CHECK_EQ("money whole", val(RT_MONEY, 0, "3000", why), 300000);
    CHECK_EQ("money bad", val(RT_MONEY, 0, "12a", why), -999);
    CHECK_STR("money bad why", why, "not an amount '12a' (expected 1234.56 or 1,234.56)");
    CHECK_EQ("money, a third decimal", val(RT_MONEY, 0, "-1,234.567", why), -999);
    CHECK_STR("money, a third decimal: why", why,
              "not an amount '-1,234.567' (at most two decimals: yuan to the fen, as 1234.56)");
    CHECK_EQ("money, two points", val(RT_MONEY, 0, "12.3.4", why), -999);
    CHECK_STR("money, two points: why", why,
              "not an amount '12.3.4' (expected 1234.56 or 1,234.56)");
    /* a unit in the cell (newuser8): refused, the reason giving the amount in yuan to write;
     * 0.5万元 = 0.5 x 10,000 = 5,000 yuan, 1.2万 = 12,000, 1,234.50元 = 1,234.50 */
    CHECK_EQ("money in 万元", val(RT_MONEY, 0, "0.5万元", why), -999);
    CHECK_STR("money in 万元: why", why,
              "not an amount '0.5万元' (amounts are in yuan, without a unit: write 5000.00)");
    CHECK_EQ("money in 万", val(RT_MONEY, 0, "1.2 万", why), -999);
    CHECK_STR("money in 万: why", why,
              "not an amount '1.2 万' (amounts are in yuan, without a unit: write 12000.00)");
    CHECK_EQ("money in 元", val(RT_MONEY, 0, "1,234.50元", why), -999);
    CHECK_STR("money in 元: why", why,
              "not an amount '1,234.50元' (amounts are in yuan, without a unit: write 1234.50)");
    CHECK_EQ("元 alone", val(RT_MONEY, 0, "元", why), -999);
    CHECK_STR("元 alone: why", why, "not an amount '元' (expected 1234.56 or 1,234.56)");
    CHECK_EQ("a negative amount in 万元", val(RT_MONEY, 0, "-1万元", why), -999);
    CHECK_STR("a negative amount in 万元: why", why,
              "not an amount '-1万元' (expected 1234.56 or 1,234.56)");
    CHECK_EQ("rate %", val(RT_RATE, 0, "80%", why), 800000);
    CHECK_EQ("rate decimal", val(RT_RATE, 0, "0.8", why), 800000);
    CHECK_EQ("rate bad", val(RT_RATE, 0, "80 percent", why), -999);
    CHECK_STR("rate bad why", why, "not a rate '80 percent' (expected 80% or 0.8)");
    CHECK_EQ("date", val(RT_DATE, 0, "2026-03-01", why), 20513);
    CHECK_EQ("date trimmed", val(RT_DATE, 0, " 2026-03-01\t", why), 20513);
    CHECK_EQ("date bad", val(RT_DATE, 0, "2026-02-30", why), -999);
    CHECK_STR("date bad why", why,
              "not a date '2026-02-30' (there is no such day: February 2026 has 28 days)");
    /* Excel's text of a date-and-time cell (newuser8): refused, told to write the date alone */
    CHECK_EQ("date and time", val(RT_DATE, 0, "2026/1/5 0:00", why), -999);
    CHECK_STR("date and time: why", why,
              "not a date '2026/1/5 0:00' (a date with a time of day: write the date alone, "
              "2026-01-05)");
    CHECK_EQ("date and time, seconds", val(RT_DATE, 0, "2026-01-05 08:30:00", why), -999);
    CHECK_STR("date and time, seconds: why", why,
              "not a date '2026-01-05 08:30:00' (a date with a time of day: write the date "
              "alone, 2026-01-05)");
    CHECK_EQ("date, then a word", val(RT_DATE, 0, "2026-01-05 ab", why), -999);
    CHECK_STR("date, then a word: why", why, "not a date '2026-01-05 ab' (expected YYYY-MM-DD)");
    const char *yes[] = {"true", "TRUE", "1", "是", "yes", "Yes"};
    const char *no[] = {"false", "False", "0", "否", "no", "NO"};
    int ok = 1;
    for (int i = 0; i < 6; i++)
        ok = ok && val(RT_BOOL, 0, yes[i], why) == 1 && val(RT_BOOL, 0, no[i], why) == 0;
    CHECK("bools", ok);
    CHECK_EQ("bool bad", val(RT_BOOL, 0, "对", why), -999);
    /* the texts the loop above takes, each of them, and only those */
    CHECK_STR("bool bad why", why,
              "not a yes/no value '对' (expected true/false, yes/no (any case), 1/0, 是/否)");
    CHECK_EQ("bool Y", val(RT_BOOL, 0, "Y", why), -999);
    CHECK_EQ("int", val(RT_INT, 0, "-42", why), -42);
    CHECK_EQ("int max", val(RT_INT, 0, "9223372036854775807", why), INT64_MAX);
    CHECK_EQ("int NONE pattern", val(RT_INT, 0, "-9223372036854775808", why), -999);
    CHECK_EQ("int overflow", val(RT_INT, 0, "99999999999999999999", why), -999);
    CHECK_EQ("duration", val(RT_DURATION, 0, "6", why), 6);
    CHECK_EQ("duration unit", val(RT_DURATION, 0, "6 months", why), 6);
    CHECK_EQ("duration 个月", val(RT_DURATION, 0, "6个月", why), 6);
    CHECK_EQ("duration wrong unit", val(RT_DURATION, 0, "6 days", why), -999);
    CHECK_STR("duration why", why, "not a number of months '6 days'");

    RtType lv = {.kind = RT_ENUM, .enum_idx = 0};
    int64_t v = -1;
    CHECK_EQ("enum name", rt_parse_value(&schema, &lv, "county", 6, &v, why, 256), 0);
    CHECK_EQ("enum name value", v, 1);
    const char *label = " 市级\xE3\x80\x80"; /* a space before, an ideographic space after */
    CHECK_EQ("enum label", rt_parse_value(&schema, &lv, label, strlen(label), &v, why, 256), 0);
    CHECK_EQ("enum label value", v, 2);
    CHECK_EQ("enum unknown", rt_parse_value(&schema, &lv, "三甲", 6, &v, why, 256), -1);
    CHECK_STR("enum unknown why", why, "unknown Level label '三甲' (expected 乡镇, 县区 or 市级)");
    CHECK_EQ("enum case matters", rt_parse_value(&schema, &lv, "County", 6, &v, why, 256), -1);

    CHECK_EQ("optional empty", val(RT_DATE, 1, "  ", why), POLRT_NONE);
    CHECK_EQ("required empty", val(RT_MONEY, 0, "", why), -999);
    CHECK_STR("required empty why", why, "missing value");

    char buf[64];
    RtType t = {.kind = RT_MONEY};
    CHECK_STR("fmt money", rt_format_value(&schema, &t, 123456, buf, sizeof buf), "1234.56");
    CHECK_STR("fmt none", rt_format_value(&schema, &t, POLRT_NONE, buf, sizeof buf), "");
    t.kind = RT_RATE;
    CHECK_STR("fmt rate", rt_format_value(&schema, &t, 125000, buf, sizeof buf), "12.5%");
    t.kind = RT_DATE;
    CHECK_STR("fmt date", rt_format_value(&schema, &t, 20513, buf, sizeof buf), "2026-03-01");
    t.kind = RT_BOOL;
    CHECK_STR("fmt bool", rt_format_value(&schema, &t, 1, buf, sizeof buf), "true");
    t.kind = RT_INT;
    CHECK_STR("fmt int", rt_format_value(&schema, &t, -7, buf, sizeof buf), "-7");
    t.kind = RT_DURATION;
    t.unit = RT_WORKDAYS;
    CHECK_STR("fmt duration", rt_format_value(&schema, &t, 5, buf, sizeof buf), "5 workdays");
    CHECK_STR("fmt duration 1", rt_format_value(&schema, &t, 1, buf, sizeof buf), "1 workday");
    CHECK_STR("fmt enum", rt_format_value(&schema, &lv, 1, buf, sizeof buf), "county");
    CHECK_STR("fmt cut to buffer", rt_format_value(&schema, &lv, 0, buf, 5), "town");
}

/* one enum cell through a bound column (the decoder rt_binding_init chooses): the member, or
 * -999 with the reason in why */
static int64_t bound_enum(const RtSchema *s, const char *cell, char *why)
{
    static char name[] = "e";
    RtField f = {.name = name, .type = {.kind = RT_ENUM, .enum_idx = 0}};
    const RtField *fp = &f;
    const char *hdr[] = {"e"}, *cells[] = {cell};
    size_t hlen[] = {1}, lens[] = {strlen(cell)};
    RtBinding b;
    int64_t v = -999;
    why[0] = '\0';
    if (rt_binding_init(&b, s, &fp, 1, NULL, 0, 0, "t.csv", 1, hdr, hlen, 1, "e", 1, why, 256) ==
            0 &&
        rt_decode_fields(&b, cells, lens, 0, 1, &v, why, 256) < 0)
        v = -999;
    rt_binding_free(&b);
    return v;
}

/* Enum cells looked up by their slot (decode.c enum_slot: length and end bytes): members
 * alone in their slot, members sharing one (scanned in member order), a text that is one
 * member's name and an earlier one's label, a cell whose slot is empty or names another
 * member, and an enum too large for a slot to name every member. */
static void test_bound_enums(void)
{
    char why[256];
    CHECK_EQ("bound enum name", bound_enum(&schema, "county", why), 1);
    CHECK_EQ("bound enum label", bound_enum(&schema, "市级", why), 2);
    CHECK_EQ("bound enum trimmed", bound_enum(&schema, " 乡镇\xE3\x80\x80", why), 0);
    CHECK_EQ("bound enum unknown", bound_enum(&schema, "三甲", why), -999);
    CHECK_STR("bound enum unknown why", why,
              "e: unknown Level label '三甲' (expected 乡镇, 县区 or 市级)");

    /* "ab", "ds" and "fi" share a slot: 2 × 13 + 3 × 'a' + 7 × 'b' = 1003, 43 mod 64, and
     * 26 + 3 × 'd' + 7 × 's' = 1131, 26 + 3 × 'f' + 7 × 'i' = 1067, both 43 mod 64 too; "ds"
     * is member 2's name and member 0's label: member 0, as rt_parse_value finds it first */
    static char pair[] = "Pair", n0[] = "ab", n1[] = "xy", n2[] = "ds", b0[] = "ds", b1[] = "fi",
                b2[] = "zz";
    static char *names[] = {n0, n1, n2}, *labels[] = {b0, b1, b2};
    RtEnum en = {pair, 3, names, labels};
    RtSchema s = {.nenums = 1, .enums = &en};
    CHECK_EQ("shared slot: ab", bound_enum(&s, "ab", why), 0);
    CHECK_EQ("shared slot: fi (label of 1)", bound_enum(&s, "fi", why), 1);
    CHECK_EQ("shared slot: ds (name of 2, label of 0)", bound_enum(&s, "ds", why), 0);
    CHECK_EQ("alone: xy", bound_enum(&s, "xy", why), 1);
    CHECK_EQ("alone: zz", bound_enum(&s, "zz", why), 2);
    /* "iz" has the shared slot (26 + 3 × 'i' + 7 × 'z' = 1195, 43 mod 64), "bg" xy's alone
     * (26 + 294 + 721 = 1041 and 26 + 360 + 847 = 1233, both 17 mod 64), "a" an empty one
     * (13 + 291 + 679 = 983, 23): none is a member */
    CHECK_EQ("shared slot, no member", bound_enum(&s, "iz", why), -999);
    CHECK_STR("shared slot, no member why", why,
              "e: unknown Pair label 'iz' (expected ds, fi or zz)");
    CHECK_EQ("another member's slot", bound_enum(&s, "bg", why), -999);
    CHECK_EQ("an empty slot", bound_enum(&s, "a", why), -999);

    /* 300 members "m0".."m299": those past 253 are found by scanning */
    static char text[300][16];
    static char *many[300];
    for (int i = 0; i < 300; i++) {
        snprintf(text[i], sizeof text[i], "m%d", i);
        many[i] = text[i];
    }
    static char bigname[] = "Big";
    RtEnum big = {bigname, 300, many, NULL};
    RtSchema sb = {.nenums = 1, .enums = &big};
    int ok = 1;
    for (int i = 0; i < 300; i++)
        ok &= bound_enum(&sb, text[i], why) == i;
    CHECK("300 members, each found", ok);
    CHECK_EQ("300 members, m300 is none", bound_enum(&sb, "m300", why), -999);
}

static void cleanup(void)
{
    const char *names[] = {"q.csv",     "bad.csv", "empty.csv", "bom.csv",
                           "blank.csv", "hdr.csv", "big.csv"};
    char path[256];
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
}

/* rt_csv_chunk_states: the state after a chunk for each state at its first byte, worked by
 * hand with the machine's states (csv.c: 0 start, 1 plain, 2 quoted, 3 quote, 4 after, 5
 * bad). The chunk `b\n",2\nx"y\n3,4`: */
static void test_chunk_states(void)
{
    const char *b = "b\n\",2\nx\"y\n3,4";
    unsigned char out[RT_CSV_STATES];
    rt_csv_chunk_states(b, strlen(b), out);
    /* from start, plain, quote (b makes it bad), after (bad) or bad: the record ends at the
     * first line feed; its `"` then opens a quoted cell holding `,2\nx`, closed by the quote of
     * x"y, whose y makes the record bad; it ends at the next line feed, and `3,4` leaves a
     * plain cell: 1 */
    CHECK_EQ("from start", out[0], 1);
    CHECK_EQ("from plain", out[1], 1);
    CHECK_EQ("from quote", out[3], 1);
    CHECK_EQ("from after", out[4], 1);
    CHECK_EQ("from bad", out[5], 1);
    /* from inside a quoted cell: `b\n` is quoted text, the quote closes the cell, `,2\n` ends
     * the record; `x"y` is plain then bad, ending at its line feed; `3,4`: plain, 1 */
    CHECK_EQ("from quoted", out[2], 1);
    /* `a\n"b`: from start the record ends, then `"b` is a quoted cell still open: 2; from
     * quoted, `a\n` is quoted text, the quote closes the cell and b makes it bad: 5 */
    rt_csv_chunk_states("a\n\"b", 4, out);
    CHECK_EQ("open quote: from start", out[0], 2);
    CHECK_EQ("open quote: from quoted", out[2], 5);
    /* no quote, no line feed: plain text keeps start (blanks) or plain, quoted stays quoted */
    rt_csv_chunk_states("abc", 3, out);
    CHECK_EQ("plain from start", out[0], 1);
    CHECK_EQ("plain from quoted", out[2], 2);
}

/* rt_csv_record_end against the record machine in pieces (rt_csv_scan), on every text of 1
 * to 7 bytes over a, comma, quote, line feed and blank: the end of the first record, or none
 * (SIZE_MAX) before the text ends. Where the record_end counts quotes instead of walking the
 * machine, the two must still agree. */
static void test_record_ends(void)
{
    static const char abc[] = "a,\"\n ";
    char t[8];
    long wrong = 0, texts = 0;
    for (int len = 1; len <= 7; len++) {
        long total = 1;
        for (int i = 0; i < len; i++)
            total *= 5;
        for (long k = 0; k < total; k++, texts++) {
            long x = k;
            for (int i = 0; i < len; i++, x /= 5)
                t[i] = abc[x % 5];
            RtCsvScan sc = {RT_CSV_START};
            int64_t lines = 0;
            size_t want = rt_csv_scan(&sc, t, (size_t)len, &lines);
            size_t got = rt_csv_record_end(t, 0, (size_t)len, 0);
            if (got != want && !wrong++)
                fprintf(stderr, "record_end of '%.*s': %zu, not %zu\n", len, t, got, want);
        }
    }
    CHECK_EQ("record_end = the record machine, every text of 1-7 bytes", wrong, 0);
    CHECK_EQ("texts tried: 5 + 25 + ... + 78125", texts, 97655);
}

/* rt_csv_cells on generated well-formed records: cells plain (letters, a blank inside, a
 * Chinese character) or quoted (besides those, commas, doubled quotes, line feeds, blanks at
 * the edges, blanks before the opening quote), each cell's text known from how it was made.
 * Quoted cells take the state machine or, when nothing in them needs it, the splitter's own
 * path (simple_quoted); the cells, the record's end and its line count must not tell which. */
static void test_cells_generated(void)
{
    static const char *const plain[] = {"a", "b c", "中", "1.5"};
    static const char *const inner[] = {"a", ",", "\"\"", "\n", " ", "中", "x"};
    unsigned seed = 12345;
    long wrong = 0;
    RtCells c = {0};
    for (int rec = 0; rec < 20000 && !wrong; rec++) {
        char text[512], want[8][128];
        size_t wl[8], tn = 0;
        int ncell = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 5, feeds = 0;
        for (int i = 0; i < ncell; i++) {
            if (i)
                text[tn++] = ',';
            unsigned r = (seed = seed * 1103515245u + 12345u) >> 16;
            wl[i] = 0;
            if (r % 3 == 0) { /* plain, or empty (not alone: a blank line is no record) */
                const char *p = r % 9 == 0 && ncell > 1 ? "" : plain[(r >> 4) % 4];
                memcpy(text + tn, p, strlen(p));
                tn += strlen(p);
                memcpy(want[i], p, strlen(p));
                wl[i] = strlen(p);
                continue;
            }
            if (r % 7 == 1)
                text[tn++] = ' '; /* a blank before the opening quote */
            text[tn++] = '"';
            int parts = (int)(r >> 8) % 5;
            for (int k = 0; k < parts; k++) {
                const char *p = inner[((seed = seed * 1103515245u + 12345u) >> 16) % 7];
                size_t pn = strlen(p);
                memcpy(text + tn, p, pn);
                tn += pn;
                if (p[0] == '"') {
                    want[i][wl[i]++] = '"';
                } else {
                    memcpy(want[i] + wl[i], p, pn);
                    wl[i] += (int)pn;
                }
                feeds += p[0] == '\n';
            }
            text[tn++] = '"';
        }
        int last = rec % 4 != 0; /* the record's line feed, or the end of the text */
        if (last)
            text[tn++] = '\n';
        size_t next = 0;
        int64_t lines = 0;
        const char *bad = "unset";
        int k = rt_csv_cells(text, 0, tn, &c, &next, &lines, &bad);
        int ok = k == 1 && !bad && c.n == ncell && next == tn &&
                 lines == (feeds + last ? feeds + last : 1) &&
                 rt_csv_record_end(text, 0, tn, 1) == tn;
        for (int i = 0; ok && i < ncell; i++)
            ok = c.len[i] == wl[i] && memcmp(c.p[i], want[i], wl[i]) == 0;
        if (!ok && !wrong++)
            fprintf(stderr,
                    "cells of record %d '%.*s': k %d, bad %s, %d cells, next %zu, lines %lld\n",
                    rec, (int)tn, text, k, bad ? bad : "-", c.n, next, (long long)lines);
    }
    rt_cells_free(&c);
    CHECK_EQ("rt_csv_cells: 20,000 generated records, cells as made", wrong, 0);
}

int main(void)
{
    if (!mkdtemp(dir)) {
        printf("[FAIL] mkdtemp\n");
        return 1;
    }
    test_quoting();
    test_bom_quoted();
    test_bad_records();
    test_count_text();
    test_empty();
    test_chunks();
    test_chunk_states();
    test_record_ends();
    test_cells_generated();
    test_edges();
    test_values();
    test_bound_enums();
    test_utf8_cells();
    test_utf8_steps();
    test_excel_cells();
    test_sniff();
    test_show();
    cleanup();
    UNIT_END();
}
