/* iofail.c — an LD_PRELOAD shim that makes the file system fail on purpose, for
 * tests/runtime/io_faults.sh: polc's writers (runtime/out.c: temp + fsync + rename) and
 * SQLite's (the ledger, its -wal and journal) call write, writev, pwrite, fsync and rename through
 * the dynamic linker, so this library's definitions take their place.
 *   IOFAIL_OP     write (write, writev, pwrite, pwrite64), sync (fsync, fdatasync) or rename
 *   IOFAIL_MATCH  only calls on a file whose path contains this (rename: the new name); a
 *                 final $ matches the path's end only (l.db$: the database, not l.db-wal)
 *   IOFAIL_NTH    the Nth matching call fails, and every one after it (a full disk stays
 *                 full), default 1
 *   IOFAIL_ERRNO  ENOSPC (default) or EIO
 *   IOFAIL_SHORT  1: the Nth matching write writes half its bytes and returns that count
 *                 (a short write); the ones after it fail
 *   IOFAIL_SLEEP  seconds a failing sync takes before it fails (a disk that stalls, then errs)
 *   IOFAIL_ONCE   1: only the Nth matching call fails, the ones after it pass (as Linux
 *                 reports a lost write-back to a file's fsync once, and later ones succeed)
 * On the first failure it appends "iofail: OP PATH" to $IOFAIL_LOG (when set), so that a test
 * knows the fault was met. Nothing else changes. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static long seen;
static int told;

static int want(const char *op)
{
    const char *o = getenv("IOFAIL_OP");
    return o && strcmp(o, op) == 0;
}

static void fd_path(int fd, char *buf, size_t len)
{
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, buf, len - 1);
    buf[n > 0 ? n : 0] = '\0';
}

/* 0 pass the call through; 1 fail it; 2 make it short (writes) */
static int verdict(const char *op, const char *path)
{
    if (!want(op))
        return 0;
    const char *m = getenv("IOFAIL_MATCH");
    if (m && *m) {
        size_t n = strlen(m), len = strlen(path);
        int hit = m[n - 1] == '$' ? len >= n - 1 && !memcmp(path + len - (n - 1), m, n - 1)
                                  : strstr(path, m) != NULL;
        if (!hit)
            return 0;
    }
    long nth = getenv("IOFAIL_NTH") ? atol(getenv("IOFAIL_NTH")) : 1;
    long k = __atomic_add_fetch(&seen, 1, __ATOMIC_SEQ_CST);
    if (k < nth || (k > nth && getenv("IOFAIL_ONCE") && atoi(getenv("IOFAIL_ONCE"))))
        return 0;
    if (!__atomic_exchange_n(&told, 1, __ATOMIC_SEQ_CST) && getenv("IOFAIL_LOG")) {
        int fd = open(getenv("IOFAIL_LOG"), O_WRONLY | O_CREAT | O_APPEND, 0600);
        if (fd >= 0) {
            dprintf(fd, "iofail: %s %s\n", op, path);
            close(fd);
        }
        return getenv("IOFAIL_SHORT") && atoi(getenv("IOFAIL_SHORT")) ? 2 : 1;
    }
    return 1;
}

static int fail_errno(void)
{
    const char *e = getenv("IOFAIL_ERRNO");
    return e && strcmp(e, "EIO") == 0 ? EIO : ENOSPC;
}

#define REAL(name) ((__typeof__(&name))dlsym(RTLD_NEXT, #name))

ssize_t write(int fd, const void *b, size_t n)
{
    char path[4096];
    int v = 0;
    if (fd > 2 && want("write")) {
        fd_path(fd, path, sizeof path);
        v = verdict("write", path);
    }
    if (v == 2 && n > 1)
        return REAL(write)(fd, b, n / 2);
    if (v) {
        errno = fail_errno();
        return -1;
    }
    return REAL(write)(fd, b, n);
}

/* writev (runtime/out.c writes a batch's results from the threads' buffers): as write, a
 * short one writing half the bytes */
ssize_t writev(int fd, const struct iovec *iov, int n)
{
    char path[4096];
    int v = 0;
    size_t bytes = 0;
    for (int i = 0; i < n; i++)
        bytes += iov[i].iov_len;
    if (fd > 2 && want("write")) {
        fd_path(fd, path, sizeof path);
        v = verdict("write", path);
    }
    if (v == 2 && bytes > 1) {
        /* the pieces up to half the bytes, the last one cut */
        struct iovec half[64];
        int k = 0;
        for (size_t left = bytes / 2; left && k < n && k < 64; k++) {
            half[k] = iov[k];
            if (half[k].iov_len > left)
                half[k].iov_len = left;
            left -= half[k].iov_len;
        }
        return REAL(writev)(fd, half, k);
    }
    if (v) {
        errno = fail_errno();
        return -1;
    }
    return REAL(writev)(fd, iov, n);
}

/* pwrite and pwrite64 (one function on 64-bit glibc, two names) */
static ssize_t faulty_pwrite(ssize_t (*real)(int, const void *, size_t, off_t), int fd,
                             const void *b, size_t n, off_t off)
{
    char path[4096];
    int v = 0;
    if (want("write")) {
        fd_path(fd, path, sizeof path);
        v = verdict("write", path);
    }
    if (v == 2 && n > 1)
        return real(fd, b, n / 2, off);
    if (v) {
        errno = fail_errno();
        return -1;
    }
    return real(fd, b, n, off);
}

ssize_t pwrite(int fd, const void *b, size_t n, off_t off)
{
    return faulty_pwrite(REAL(pwrite), fd, b, n, off);
}

ssize_t pwrite64(int fd, const void *b, size_t n, off_t off)
{
    return faulty_pwrite(REAL(pwrite64), fd, b, n, off);
}

static int faulty_sync(int (*real)(int), int fd)
{
    char path[4096];
    if (want("sync")) {
        fd_path(fd, path, sizeof path);
        if (verdict("sync", path)) {
            if (getenv("IOFAIL_SLEEP"))
                sleep((unsigned)atoi(getenv("IOFAIL_SLEEP")));
            errno = fail_errno();
            return -1;
        }
    }
    return real(fd);
}

int fsync(int fd)
{
    return faulty_sync(REAL(fsync), fd);
}

int fdatasync(int fd)
{
    return faulty_sync(REAL(fdatasync), fd);
}

int rename(const char *from, const char *to)
{
    if (want("rename") && verdict("rename", to)) {
        errno = fail_errno();
        return -1;
    }
    return REAL(rename)(from, to);
}
