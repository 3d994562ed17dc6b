/* ledger_key.c — the key of an encrypted SQLite ledger (--ledger-key FILE; spec/PRIVACY.md
 * "Encryption at rest"): the key file read and checked (its owner and mode, as ssh checks a
 * private key), its first line kept for SQLCipher, wiped after use; and the words for a
 * ledger that the key given (or none) cannot open. ledger.c hands the key to SQLCipher. */
#include "rt_int.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* the first 16 bytes of every plain SQLite 3 file; an encrypted one's are random */
static const char sqlite_magic[16] = "SQLite format 3";

__attribute__((format(printf, 3, 4))) static int say(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return -1;
}

/* x'<64 hex digits>': SQLCipher's raw 256-bit key, used as it is (no key derivation) */
static int raw_key(const char *s, size_t n)
{
    if (n != 3 + RT_LEDGER_RAW_HEX || s[0] != 'x' || s[1] != '\'' || s[n - 1] != '\'')
        return 0;
    for (size_t i = 2; i < n - 1; i++)
        if (!strchr("0123456789abcdefABCDEF", s[i]))
            return 0;
    return 1;
}

int rt_secret_refused(int fd, const char *what, const char *path, char *err, size_t errlen)
{
    struct stat sb;
    int rc = 0;
    if (fstat(fd, &sb) != 0) {
        rc = polrt_exit_for_errno(errno);
        say(err, errlen, "cannot read %s %s: %s", what, path, strerror(errno));
    } else if (!S_ISREG(sb.st_mode)) {
        rc = POLRT_EXIT_USAGE;
        say(err, errlen, "%s %s: refused: not a regular file", what, path);
    } else if (sb.st_uid != geteuid() && sb.st_uid != 0) {
        rc = POLRT_EXIT_USAGE;
        say(err, errlen, "%s %s: refused: owned by uid %ld, neither root nor you (uid %ld)", what,
            path, (long)sb.st_uid, (long)geteuid());
    } else if (sb.st_mode & 077) {
        /* as ssh refuses a private key others can read: the secret is as good as the data */
        rc = POLRT_EXIT_USAGE;
        say(err, errlen, "%s %s: refused: %s can read or write it (mode %04o): chmod 600 %s", what,
            path,
            (sb.st_mode & 070) && (sb.st_mode & 07) ? "group and others"
            : (sb.st_mode & 070)                    ? "its group"
                                                    : "others",
            (unsigned)(sb.st_mode & 07777), path);
    }
    return rc;
}

/* The passphrase: the key file's first line (CRLF tolerated), not empty, not over
 * RT_LEDGER_KEY_MAX bytes, no NUL, into *k. 0, or the exit code (err set). */
static int key_first_line(int fd, const char *key_file, RtLedgerKey *k, char *err, size_t errlen)
{
    /* read up to one byte more than the longest allowed */
    size_t got = 0;
    ssize_t n = 0;
    while (got < sizeof k->text && (n = read(fd, k->text + got, sizeof k->text - got)) > 0)
        got += (size_t)n;
    if (n < 0) {
        int rc = polrt_exit_for_errno(errno);
        say(err, errlen, "cannot read the ledger key %s: %s", key_file, strerror(errno));
        return rc;
    }
    size_t len = 0;
    while (len < got && k->text[len] != '\n')
        len++;
    if (len > 0 && k->text[len - 1] == '\r')
        len--;
    if (len == got && got == sizeof k->text) {
        say(err, errlen, "the ledger key %s: the first line is longer than %d bytes", key_file,
            RT_LEDGER_KEY_MAX);
        return POLRT_EXIT_USAGE;
    }
    if (len == 0) {
        say(err, errlen, "the ledger key %s: the first line is empty: it holds the passphrase",
            key_file);
        return POLRT_EXIT_USAGE;
    }
    if (memchr(k->text, '\0', len)) {
        say(err, errlen, "the ledger key %s: a NUL byte in the passphrase", key_file);
        return POLRT_EXIT_USAGE;
    }
    k->len = (int)len;
    k->raw = raw_key(k->text, len);
    k->file = key_file;
    return 0;
}

int rt_ledger_key_read(const char *key_file, const char *ledger, RtLedgerKey *k, char *err,
                       size_t errlen)
{
    memset(k, 0, sizeof *k);
    if (!key_file)
        return 0;
    if (!ledger) {
        say(err, errlen, "--ledger-key %s without --ledger: a ledger in memory is never written",
            key_file);
        return POLRT_EXIT_USAGE;
    }
    if (rt_ledger_is_pg(ledger)) {
        say(err, errlen,
            "--ledger-key is for an SQLite ledger: a PostgreSQL ledger is protected by the "
            "server, with TLS (sslmode=verify-full in the URL), its roles and an encrypted data "
            "directory (spec/PRIVACY.md)");
        return POLRT_EXIT_USAGE;
    }
    int fd = open(key_file, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        int e = errno;
        say(err, errlen, "cannot read the ledger key %s: %s", key_file, strerror(e));
        return polrt_exit_for_errno(e);
    }
    int rc = rt_secret_refused(fd, "the ledger key", key_file, err, errlen);
    if (rc == 0)
        rc = key_first_line(fd, key_file, k, err, errlen);
    close(fd);
    if (rc)
        rt_ledger_key_wipe(k);
    return rc;
}

void rt_ledger_key_wipe(RtLedgerKey *k)
{
    /* explicit_bzero: a memset before the memory's last use could be optimised away */
    explicit_bzero(k->text, sizeof k->text);
    k->len = 0;
    k->raw = 0;
}

/* The ledger at path could not be read as a database (SQLite said "file is not a
 * database") with key k (len 0: none): say why in err, from the file's first bytes. A
 * plain file starts "SQLite format 3"; an encrypted one (or anything else) does not. */
int rt_ledger_key_mismatch(const char *path, const RtLedgerKey *k, char *err, size_t errlen)
{
    char head[16] = {0};
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    ssize_t n = fd >= 0 ? read(fd, head, sizeof head) : -1;
    if (fd >= 0)
        close(fd);
    int plain = n == (ssize_t)sizeof head && !memcmp(head, sqlite_magic, sizeof head);
    if (k->len && plain)
        return say(err, errlen,
                   "%s: the ledger is not encrypted: open it without --ledger-key (%s)", path,
                   k->file);
    if (k->len)
        return say(err, errlen,
                   "%s: cannot be read with the ledger key %s: a wrong key, or not a polc "
                   "ledger",
                   path, k->file);
    return say(err, errlen,
               "%s: not an SQLite file: an encrypted ledger, opened without its --ledger-key, "
               "or not a polc ledger",
               path);
}

POLRT_API int polrt_ledger_key_check(const char *ledger_db, const char *key_file, char *err,
                                     size_t errlen)
{
    RtLedgerKey k;
    int rc = rt_ledger_key_read(key_file, ledger_db, &k, err, errlen);
    rt_ledger_key_wipe(&k);
    return rc;
}
