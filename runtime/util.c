/* util.c — small pieces every part of the runtime uses: a clock, growable arrays, string
 * copies, the hash that places persons, a bump pool, temporary files, and the width of text
 * on a terminal.
 * One copy each: run.c, simulate.c, explain.c and report.c call these. */
#include "rt_int.h"

#include <sys/mman.h>
#include <sys/prctl.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

int64_t rt_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int rt_ncpu(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

void rt_thread_name(const char *fmt, int n)
{
    char name[16]; /* the kernel keeps 15 bytes */
    snprintf(name, sizeof name, fmt, n);
    prctl(PR_SET_NAME, name, 0, 0, 0);
}

int rt_grow_more(void *v, size_t *cap, size_t n, size_t sz)
{
    size_t c = *cap ? *cap : 16;
    while (c < n)
        c *= 2;
    void *p = polrt_realloc(*(void **)v, c * sz);
    if (!p)
        return -1;
    if (c * sz >= 2 * RT_HUGE_PAGE)
        rt_advise_huge(p, c * sz);
    *(void **)v = p;
    *cap = c;
    return 0;
}

size_t rt_cut_copy(char *buf, size_t len, size_t at, const char *s)
{
    if (len == 0)
        return 0;
    size_t n = strlen(s);
    if (at > len - 1)
        at = len - 1;
    if (n > len - 1 - at)
        n = len - 1 - at;
    memcpy(buf + at, s, n);
    buf[at + n] = '\0';
    return at + n;
}

const char *rt_show_cut(char *buf, size_t len)
{
    size_t k = len > RT_SHOW_MARK ? len - RT_SHOW_MARK : 0;
    while (k > 0 && ((unsigned char)buf[k] & 0xC0) == 0x80) /* back to a character's first byte */
        k--;
    memcpy(buf + k, "...", len > RT_SHOW_MARK ? RT_SHOW_MARK : 0);
    if (len)
        buf[len > RT_SHOW_MARK ? k + 3 : 0] = '\0';
    return buf;
}

const char *rt_show_n(char *buf, size_t len, const char *s, size_t n)
{
    if (n < len) {
        memcpy(buf, s, n);
        buf[n] = '\0';
        return buf;
    }
    if (len)
        memcpy(buf, s, len - 1);
    return rt_show_cut(buf, len);
}

const char *rt_show(char *buf, size_t len, const char *s)
{
    size_t n = strlen(s);
    return n < len ? s : rt_show_n(buf, len, s, n);
}

char *rt_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = polrt_realloc(NULL, n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* the one string hash (FNV-1a, 64 bits) */
#define FNV_PRIME UINT64_C(1099511628211)

/* FNV-1a, its values unchanged (rt_hash_id's are a file format), unrolled: eight bytes a loop
 * step, then 4, 2 and 1. The byte loop spent half its instructions on the loop itself (6 a
 * byte): 65 -> 52 instructions a call of the benchmark's 8- and 10-byte ids (callgrind) */
uint64_t rt_hash_bytes(uint64_t h, const void *p, size_t n)
{
#define FNV_STEP(i) h = (h ^ b[i]) * FNV_PRIME
    const unsigned char *b = p;
    for (; n >= 8; n -= 8, b += 8) {
        FNV_STEP(0), FNV_STEP(1), FNV_STEP(2), FNV_STEP(3);
        FNV_STEP(4), FNV_STEP(5), FNV_STEP(6), FNV_STEP(7);
    }
    if (n & 4) {
        FNV_STEP(0), FNV_STEP(1), FNV_STEP(2), FNV_STEP(3);
        b += 4;
    }
    if (n & 2) {
        FNV_STEP(0), FNV_STEP(1);
        b += 2;
    }
    if (n & 1)
        FNV_STEP(0);
    return h;
#undef FNV_STEP
}

uint64_t rt_hash_i64(uint64_t h, int64_t v)
{
    uint64_t u = (uint64_t)v;
    for (int i = 0; i < 8; i++, u >>= 8) {
        h ^= u & 0xff;
        h *= FNV_PRIME;
    }
    return h;
}

/* FNV-1a with splitmix64's finaliser, so the low bits index tables and pick workers evenly.
 * Its values are part of a file format: across N ranks a person's rows live in the SQLite
 * ledger LEDGER.rankKofN of rank (h >> 32) mod N (spec/SCALE.md), so a different hash would
 * look for a person in another rank's file and settle its claims again. A faster hash (8
 * bytes a step: ~39 instructions a 10-byte id against ~85, ~1% of a run) was tried and
 * withdrawn for that reason; it would need the rank ledgers to record which hash wrote them.
 * test_session pins the values. */
uint64_t rt_hash_id(const char *s, size_t n)
{
    uint64_t h = rt_hash_bytes(RT_HASH_SEED, s, n);
    h ^= h >> 30;
    h *= UINT64_C(0xbf58476d1ce4e5b9);
    h ^= h >> 27;
    h *= UINT64_C(0x94d049bb133111eb);
    return h ^ (h >> 31);
}

const char *rt_temp_dir(void)
{
    const char *dir = getenv("TMPDIR");
    return dir && *dir ? dir : "/tmp";
}

/* the compiler's way to it (polc links the runtime, whose rt_ names are hidden) */
POLRT_API const char *polrt_temp_dir(void)
{
    return rt_temp_dir();
}

int rt_temp_fd(void)
{
    /* in TMPDIR as users expect (glibc's tmpfile() ignores it and takes /tmp, which may be
     * small: the duplicate-id check spills 8 bytes a claim there); named for no longer than
     * it takes to unlink it, readable by this user only */
    char path[PATH_MAX];
    if (snprintf(path, sizeof path, "%s/polc-XXXXXX", rt_temp_dir()) >= (int)sizeof path) {
        errno = ENAMETOOLONG;
        return -1;
    }
    int fd = mkstemp(path); /* mode 0600 */
    if (fd >= 0) {
        unlink(path);
        fcntl(fd, F_SETFD, FD_CLOEXEC);
    }
    return fd;
}

/* Chunks stay in order and are kept on reset, so the next batch reuses them; a request
 * larger than a chunk gets a chunk of its own size. Pointers never move.
 * A chunk is allocated one huge page larger and used from its first 2 MiB boundary: with
 * malloc's alignment only the inner 2 MiB of a 4 MiB chunk could be a huge page, and the
 * rest took a 4 KiB fault per page (1 M claims: 31,000 faults, a fifth of the run's time
 * in the kernel on this VM). The unused head and tail are never touched, so cost nothing. */
void *rt_pool_more(RtPool *p, size_t n)
{
    if (p->nchunks && p->cur + 1 < p->nchunks && p->chunks[p->cur + 1].size >= n) {
        p->cur++; /* a chunk kept by a reset */
    } else {
        size_t size = n > RT_POOL_CHUNK ? n : RT_POOL_CHUNK;
        if (rt_grow(&p->chunks, &p->cap, p->nchunks + 1, sizeof *p->chunks) < 0)
            return NULL;
        char *mem = polrt_realloc(NULL, size + RT_HUGE_PAGE);
        if (!mem)
            return NULL;
        char *base = (char *)(((uintptr_t)mem + RT_HUGE_PAGE - 1) & ~(uintptr_t)(RT_HUGE_PAGE - 1));
        rt_advise_huge(base, size);
        /* the new chunk goes right after the current one, keeping later ones for reuse */
        size_t at = p->nchunks ? p->cur + 1 : 0;
        memmove(p->chunks + at + 1, p->chunks + at, (p->nchunks - at) * sizeof *p->chunks);
        p->chunks[at] = (RtPoolChunk){base, mem, size};
        p->nchunks++;
        p->cur = at;
    }
    /* n fits the chunk: the rest of it is the pool's free room */
    char *r = p->chunks[p->cur].base;
    p->next = r + n;
    p->end = r + p->chunks[p->cur].size;
    return r;
}

char *rt_pool_str(RtPool *p, const char *s, size_t n)
{
    char *d = rt_pool_alloc(p, n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

void rt_pool_reset(RtPool *p)
{
    p->cur = 0;
    p->next = p->nchunks ? p->chunks[0].base : NULL;
    p->end = p->nchunks ? p->chunks[0].base + p->chunks[0].size : NULL;
}

void rt_pool_free(RtPool *p)
{
    for (size_t i = 0; i < p->nchunks; i++)
        polrt_realloc(p->chunks[i].mem, 0);
    polrt_realloc(p->chunks, 0);
    memset(p, 0, sizeof *p);
}

/* Columns a UTF-8 string takes on a terminal: East Asian wide and full-width characters
 * take two (the CJK blocks; enough for the names and labels of Chinese policies). */
/* the code point at *pp of NUL-terminated text, *pp moved past it (lenient: text for people,
 * not checked here) */
static unsigned next_cp(const unsigned char **pp)
{
    const unsigned char *p = *pp;
    unsigned c = *p;
    int k = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    unsigned cp = k == 0 ? c : c & (0x3Fu >> k);
    int i = 1;
    for (; i <= k && (p[i] & 0xC0) == 0x80; i++)
        cp = (cp << 6) | (p[i] & 0x3F);
    *pp = p + i;
    return cp;
}

int rt_display_width(const char *s)
{
    int w = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned cp = next_cp(&p);
        int wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                   (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                   (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                   (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
        w += wide ? 2 : 1;
    }
    return w;
}

/* optimal string alignment over code points (polrt.h) */
POLRT_API int polrt_edit_distance(const char *a, const char *b)
{
    unsigned x[64], y[64];
    size_t n = 0, m = 0;
    for (const unsigned char *p = (const unsigned char *)a; *p; n++)
        if (n == 63)
            return 99;
        else
            x[n] = next_cp(&p);
    for (const unsigned char *p = (const unsigned char *)b; *p; m++)
        if (m == 63)
            return 99;
        else
            y[m] = next_cp(&p);
    int d[64][64];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            int v = d[i - 1][j - 1] + (x[i - 1] != y[j - 1]);
            if (d[i - 1][j] + 1 < v)
                v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[n][m];
}

int rt_suggest(const char *word, const char *const *cands, int n)
{
    /* a header in capitals (TOTAL for total) is five edits from the name, past the limit,
     * and one that differs only in case is the one meant */
    for (int i = 0; i < n; i++)
        if (cands[i] && strcasecmp(word, cands[i]) == 0)
            return i;
    int len = 0;
    for (const unsigned char *p = (const unsigned char *)word; *p; len++)
        next_cp(&p);
    int lim = len / 3 < 1 ? 1 : len / 3 > 3 ? 3 : len / 3, best = -1, dist = lim + 1;
    for (int i = 0; i < n; i++) {
        int d = cands[i] ? polrt_edit_distance(word, cands[i]) : 99;
        if (d < dist) {
            best = i;
            dist = d;
        }
    }
    return best;
}

/* Random access into tables of tens of megabytes (persons, claim-id hashes) misses the TLB
 * on almost every access with 4 KiB pages, and on a virtual machine each first touch of a
 * page is a costly fault: 1 M claims touched 62,800 pages (0.54 s of system time). Huge
 * pages where the kernel grants them on request (transparent_hugepage=madvise) cut both;
 * only the 2 MiB-aligned inside of the block can have them. */
void rt_advise_huge(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
    uintptr_t a = ((uintptr_t)p + RT_HUGE_PAGE - 1) & ~(uintptr_t)(RT_HUGE_PAGE - 1);
    uintptr_t e = ((uintptr_t)p + n) & ~(uintptr_t)(RT_HUGE_PAGE - 1);
    if (e > a)
        madvise((void *)a, e - a, MADV_HUGEPAGE); /* advice: failure changes nothing */
#else
    (void)p;
    (void)n;
#endif
}
