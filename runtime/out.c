/* out.c — what the runtime writes: files written atomically (temp + rename), and CSV rows
 * built in a buffer and written with one call. The one writer of results, rejects,
 * explanations and reports. */
#include "rt_int.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* stdio buffer of each output file */
#define OUT_BUFSIZE (1 << 16)

/* ---- CSV rows ----------------------------------------------------------------------------- */

int rt_line_grow(RtLine *l, size_t n)
{
    if (l->n + n > l->cap && !l->oom && rt_grow(&l->p, &l->cap, l->n + n, 1) < 0)
        l->oom = 1;
    return l->oom ? -1 : 0;
}

/* a CSV cell: quoted when it holds a comma, quote, line break or edge blank */
void rt_line_cell(RtLine *l, const char *s)
{
    size_t n = strlen(s);
    int q = n && (s[0] == ' ' || s[n - 1] == ' ');
    for (size_t i = 0; i < n && !q; i++)
        q = s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
    if (!q) {
        rt_line_add(l, s, n);
        return;
    }
    rt_line_add(l, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            rt_line_add(l, "\"", 1);
        rt_line_add(l, s + i, 1);
    }
    rt_line_add(l, "\"", 1);
}

/* "00" to "99": money is written two digits at a time (half the divisions; the results rows
 * of 1 M claims format 10 M amounts) */
static const char two_digits[] = "00010203040506070809101112131415161718192021222324252627282930"
                                 "31323334353637383940414243444546474849505152535455565758596061"
                                 "62636465666768697071727374757677787980818283848586878889909192"
                                 "93949596979899";

/* v fen as polrt_fmt_money(v, buf, 0) writes it, at p (room for 24 bytes): its length */
static size_t money_text(char *p, int64_t v)
{
    uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v, y = u / 100;
    unsigned c = (unsigned)(u % 100);
    size_t k = 1; /* digits of the yuan */
    for (uint64_t t = y; t >= 10; t /= 10)
        k++;
    char *q = p + (v < 0) + k; /* just past the yuan */
    if (v < 0)
        *p = '-';
    for (; y >= 100; y /= 100) {
        q -= 2;
        memcpy(q, two_digits + 2 * (y % 100), 2);
    }
    if (y >= 10) {
        q -= 2;
        memcpy(q, two_digits + 2 * y, 2);
    } else
        *--q = (char)('0' + y);
    q = p + (v < 0) + k;
    q[0] = '.';
    memcpy(q + 1, two_digits + 2 * c, 2);
    return (size_t)(v < 0) + k + 3;
}

void rt_line_value(RtLine *l, const RtSchema *s, const RtType *t, int64_t v)
{
    if (v == POLRT_NONE)
        return;
    switch (t->kind) {
    case RT_MONEY:
        /* as polrt_fmt_money(v, buf, 0) writes it, straight into the row */
        if ((l->n + 24 > l->cap || l->oom) && rt_line_grow(l, 24) < 0)
            return;
        l->n += money_text(l->p + l->n, v);
        return;
    case RT_BOOL:
        if (v == 0 || v == 1) {
            rt_line_add(l, v ? "true" : "false", v ? 4 : 5);
            return;
        }
        break;
    case RT_ENUM:
        if (v >= 0 && v < s->enums[t->enum_idx].n) {
            const char *name = s->enums[t->enum_idx].names[v];
            rt_line_add(l, name, strlen(name)); /* an identifier: nothing to quote */
            return;
        }
        break;
    default: break;
    }
    char buf[64];
    rt_line_cell(l, rt_format_value(s, t, v, buf, sizeof buf));
}

/* ---- Output files: temp + rename -------------------------------------------------------- */

/* A file written under a temporary name in the same directory and renamed over the final
 * name only when complete, so a reader never sees half a file and a killed run leaves the
 * previous one intact. A symbolic link is followed (the file it names is replaced); a
 * device or pipe (/dev/null, /dev/stdout) is written in place, as renaming over it would
 * replace the device. path NULL: stdout. */
static void out_release(RtOut *o)
{
    polrt_realloc(o->tmp, 0);
    polrt_realloc(o->final, 0);
    polrt_realloc(o->buf, 0);
    o->tmp = o->final = o->buf = NULL;
    o->f = NULL;
}

/* the file a dangling link names (to be created): its target, relative to the link's
 * directory; 0, or -1 with errno */
static int dangling(const char *link, char real[PATH_MAX])
{
    char target[PATH_MAX];
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n < 0)
        return -1;
    target[n] = '\0';
    const char *slash = strrchr(link, '/');
    int dirlen = target[0] == '/' || !slash ? 0 : (int)(slash - link + 1);
    if (snprintf(real, PATH_MAX, "%.*s%s", dirlen, link, target) >= PATH_MAX) {
        errno = ENAMETOOLONG;
        return -1;
    }
    return 0;
}

static int out_open(RtOut *o, const char *path, mode_t mode, char *err, size_t errlen)
{
    memset(o, 0, sizeof *o);
    o->path = path;
    if (!path || strcmp(path, "-") == 0) {
        o->path = NULL;
        o->f = stdout;
        return 0;
    }
    if (!(o->buf = polrt_realloc(NULL, OUT_BUFSIZE)))
        goto oom;
    struct stat st;
    int fd = -1;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        fd = open(path, O_WRONLY | O_CLOEXEC);
        if (fd < 0)
            goto fail;
    } else {
        char real[PATH_MAX];
        const char *name = path;
        if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
            if (!realpath(path, real) && (errno != ENOENT || dangling(path, real) < 0))
                goto fail;
            name = real;
        }
        size_t n = strlen(name) + 48;
        if (!(o->final = rt_strdup(name)) || !(o->tmp = polrt_realloc(NULL, n)))
            goto oom;
        for (int k = 0; k < 100 && fd < 0; k++) {
            snprintf(o->tmp, n, "%s.tmp%ld.%d", name, (long)getpid(), k);
            fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
            if (fd < 0 && errno != EEXIST)
                break;
        }
        if (fd < 0)
            goto fail;
    }
    if (!(o->f = fdopen(fd, "wb"))) {
        int e = errno;
        close(fd);
        if (o->tmp)
            unlink(o->tmp);
        errno = e;
        goto fail;
    }
    setvbuf(o->f, o->buf, _IOFBF, OUT_BUFSIZE);
    return 0;
oom:
    errno = ENOMEM;
fail:
    snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
    out_release(o);
    return -1;
}

int rt_out_open(RtOut *o, const char *path, char *err, size_t errlen)
{
    return out_open(o, path, 0666, err, errlen);
}

int rt_out_sync(RtOut *o, char *err, size_t errlen)
{
    if (!o->f || o->synced)
        return 0;
    int bad = ferror(o->f) || fflush(o->f) != 0 || (o->tmp && fsync(fileno(o->f)) != 0);
    if (bad) {
        snprintf(err, errlen, "cannot write %s: %s", o->path ? o->path : "results",
                 strerror(errno ? errno : EIO));
        return -1;
    }
    o->synced = 1;
    return 0;
}

/* finish: flush, and for a file written aside sync and rename it over the final name; -1
 * with a message on any error (the final name then keeps its old content) */
int rt_out_commit(RtOut *o, char *err, size_t errlen)
{
    if (!o->f)
        return 0;
    int bad = ferror(o->f) || fflush(o->f) != 0;
    int e = errno;
    if (!bad && o->tmp && !o->synced && fsync(fileno(o->f)) != 0) {
        bad = 1;
        e = errno;
    }
    if (o->f != stdout && fclose(o->f) != 0 && !bad) {
        bad = 1;
        e = errno;
    }
    o->f = NULL;
    if (!bad && o->tmp && rename(o->tmp, o->final) != 0) {
        bad = 1;
        e = errno;
    }
    if (bad) {
        snprintf(err, errlen, "cannot write %s: %s", o->path ? o->path : "results",
                 strerror(e ? e : EIO));
        if (o->tmp)
            unlink(o->tmp);
    }
    out_release(o);
    return bad ? -1 : 0;
}

/* give up: close and remove the temporary file, leave the final name alone */
void rt_out_abort(RtOut *o)
{
    if (o->f == stdout)
        fflush(stdout);
    else if (o->f)
        fclose(o->f);
    if (o->f && o->tmp)
        unlink(o->tmp);
    out_release(o);
}

/* ---- The public face of the writer (polrt.h): polc build and polc gen write through it --- */

struct PolOut {
    RtOut o;
};

POLRT_API PolOut *polrt_out_open(const char *path, int executable, char *err, size_t errlen)
{
    PolOut *p = polrt_realloc(NULL, sizeof *p);
    if (!p) {
        snprintf(err, errlen, "cannot write %s: out of memory", path);
        return NULL;
    }
    if (out_open(&p->o, path, executable ? 0777 : 0666, err, errlen) < 0) {
        polrt_realloc(p, 0);
        return NULL;
    }
    return p;
}

POLRT_API int polrt_out_write(PolOut *p, const void *data, size_t n, char *err, size_t errlen)
{
    if (n && fwrite(data, 1, n, p->o.f) != n) {
        snprintf(err, errlen, "cannot write %s: %s", p->o.path ? p->o.path : "output",
                 strerror(errno ? errno : EIO));
        return -1;
    }
    return 0;
}

POLRT_API int polrt_out_sync(PolOut *p, char *err, size_t errlen)
{
    return rt_out_sync(&p->o, err, errlen);
}

POLRT_API int polrt_out_commit(PolOut *p, char *err, size_t errlen)
{
    int rc = rt_out_commit(&p->o, err, errlen);
    polrt_realloc(p, 0);
    return rc;
}

POLRT_API void polrt_out_abort(PolOut *p)
{
    if (!p)
        return;
    rt_out_abort(&p->o);
    polrt_realloc(p, 0);
}
