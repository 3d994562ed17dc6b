/* atomic.c — temp file + rename for the compiler's outputs (atomic.h). The temporary is
 * PATH.tmp.XXXXXX with six random characters, opened O_CREAT|O_EXCL|O_NOFOLLOW as mkstemp
 * does, but with the mode a plain open would give (mkstemp's is 0600 whatever the umask). */
#include "atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

/* names tried before giving up: a clash is one in 62^6 per try unless someone plants them */
#define ATOMIC_TRIES 100

static int fail(const AtomicFile *f, char *err, size_t errlen)
{
    snprintf(err, errlen, "cannot write %s: %s", f->path, strerror(errno));
    return -1;
}

/* six characters from [0-9A-Za-z]: getrandom, or the clock and pid if that fails */
static void random_suffix(char *out)
{
    static const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    unsigned char r[6];
    if (getrandom(r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        unsigned long x =
            (unsigned long)ts.tv_nsec ^ ((unsigned long)getpid() << 16) ^ (unsigned long)ts.tv_sec;
        for (int i = 0; i < 6; i++, x = x * 6364136223846793005UL + 1442695040888963407UL)
            r[i] = (unsigned char)(x >> 33);
    }
    for (int i = 0; i < 6; i++)
        out[i] = digits[r[i] % 62];
    out[6] = '\0';
}

int atomic_open(AtomicFile *f, const char *path, int executable, char *err, size_t errlen)
{
    memset(f, 0, sizeof *f);
    f->fd = -1;
    size_t n = strlen(path);
    f->path = malloc(n + 1);
    f->tmp = malloc(n + sizeof ".tmp.XXXXXX");
    if (!f->path || !f->tmp) {
        free(f->path), free(f->tmp);
        memset(f, 0, sizeof *f);
        f->fd = -1;
        snprintf(err, errlen, "cannot write %s: out of memory", path);
        return -1;
    }
    memcpy(f->path, path, n + 1);
    for (int i = 0; i < ATOMIC_TRIES && f->fd < 0; i++) {
        char suffix[7];
        random_suffix(suffix);
        snprintf(f->tmp, n + sizeof ".tmp.XXXXXX", "%s.tmp.%s", path, suffix);
        f->fd = open(f->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                     executable ? 0777 : 0666);
        if (f->fd < 0 && errno != EEXIST)
            break;
    }
    if (f->fd < 0) {
        fail(f, err, errlen);
        free(f->tmp); /* nothing was created */
        f->tmp = NULL;
        atomic_abort(f);
        return -1;
    }
    return 0;
}

int atomic_write(AtomicFile *f, const void *data, size_t n, char *err, size_t errlen)
{
    const char *p = data;
    while (n > 0) {
        ssize_t w = write(f->fd, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            if (w == 0)
                errno = EIO;
            return fail(f, err, errlen);
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

int atomic_sync(AtomicFile *f, char *err, size_t errlen)
{
    if (f->fd < 0)
        return 0;
    int bad = fsync(f->fd) != 0;
    int saved = errno;
    if (close(f->fd) != 0 && !bad) {
        bad = 1;
        saved = errno;
    }
    f->fd = -1;
    errno = saved;
    return bad ? fail(f, err, errlen) : 0;
}

/* the directory entry made by rename reaches the disk with the directory (best effort: some
 * file systems refuse fsync on a directory) */
static void sync_dir(const char *path)
{
    char *copy = strdup(path);
    if (!copy)
        return;
    int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(copy);
}

int atomic_commit(AtomicFile *f, char *err, size_t errlen)
{
    int rc = atomic_sync(f, err, errlen);
    if (rc == 0 && rename(f->tmp, f->path) != 0)
        rc = fail(f, err, errlen);
    if (rc == 0) {
        sync_dir(f->path);
        free(f->tmp);
        f->tmp = NULL; /* in place: nothing to remove */
    }
    atomic_abort(f);
    return rc;
}

void atomic_abort(AtomicFile *f)
{
    if (f->tmp && f->fd >= 0)
        close(f->fd);
    if (f->tmp)
        unlink(f->tmp);
    free(f->path);
    free(f->tmp);
    memset(f, 0, sizeof *f);
    f->fd = -1;
}
