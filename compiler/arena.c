/* arena.c — bump allocation in 64 KiB blocks; with POLC_ARENA_DEBUG (make asan) every
 * allocation is its own malloc so AddressSanitizer sees overruns. */
#include "arena.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Big enough that a seed policy needs a handful of blocks, small enough to not matter. */
#define ARENA_BLOCK_SIZE (64 * 1024)

struct ArenaBlock {
    ArenaBlock *next;
    size_t size;
    _Alignas(16) unsigned char data[];
};

void arena_init(Arena *a)
{
    memset(a, 0, sizeof *a);
}

void arena_free(Arena *a)
{
    ArenaBlock *b = a->head;
    while (b) {
        ArenaBlock *next = b->next;
        free(b);
        b = next;
    }
    memset(a, 0, sizeof *a);
}

static ArenaBlock *new_block(Arena *a, size_t size)
{
    ArenaBlock *b = malloc(sizeof(ArenaBlock) + size);
    if (!b) {
        fputs("polc: out of memory\n", stderr);
        exit(2);
    }
    b->size = size;
    b->next = a->head;
    a->head = b;
    a->used = 0;
    return b;
}

void *arena_alloc(Arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if (n == 0)
        n = 16;
    a->total += n;
#ifdef POLC_ARENA_DEBUG
    ArenaBlock *b = new_block(a, n);
    a->used = n;
    memset(b->data, 0, n);
    return b->data;
#else
    if (n > ARENA_BLOCK_SIZE / 4) {
        /* a large object gets its own block, linked behind the current one */
        ArenaBlock *b = malloc(sizeof(ArenaBlock) + n);
        if (!b) {
            fputs("polc: out of memory\n", stderr);
            exit(2);
        }
        b->size = n;
        if (a->head) {
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = NULL;
            a->head = b;
            a->used = n;
        }
        memset(b->data, 0, n);
        return b->data;
    }
    if (!a->head || a->used + n > a->head->size)
        new_block(a, ARENA_BLOCK_SIZE);
    void *p = a->head->data + a->used;
    a->used += n;
    memset(p, 0, n);
    return p;
#endif
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *arena_strdup(Arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_printf(Arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void polc_internal_error(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    fputs("polc: internal error: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    const char *base = strrchr(file, '/');
    fprintf(stderr, " (%s:%d)\n", base ? base + 1 : file, line);
    abort();
}
