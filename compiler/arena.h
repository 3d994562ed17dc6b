/* arena.h — one bump allocator per compilation: AST, types, IR and interned strings live
 * here and are freed together [c3c, Cone, chibicc]. Growable arrays are the VEC family. */
#ifndef POLC_ARENA_H
#define POLC_ARENA_H

#include <stddef.h>
#include <stdint.h>

typedef struct ArenaBlock ArenaBlock;
typedef struct Arena {
    ArenaBlock *head; /* newest block */
    size_t used;      /* bytes used in head */
    size_t total;     /* bytes handed out, for -v statistics */
} Arena;

void arena_init(Arena *a);
void arena_free(Arena *a);
void *arena_alloc(Arena *a, size_t n); /* zeroed, 16-byte aligned */
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_strdup(Arena *a, const char *s);
char *arena_printf(Arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* VEC(T): a growable array in the arena. vec_push copies; the old storage stays in the arena
 * (cheap: arrays here are small and the arena dies with the compilation). */
#define VEC(T)                                                                                     \
    struct {                                                                                       \
        T *data;                                                                                   \
        int len, cap;                                                                              \
    }
#define vec_push(A, v, x)                                                                          \
    do {                                                                                           \
        if ((v)->len == (v)->cap) {                                                                \
            int nc_ = (v)->cap ? (v)->cap * 2 : 4;                                                 \
            void *nd_ = arena_alloc((A), sizeof(*(v)->data) * (size_t)nc_);                        \
            if ((v)->len)                                                                          \
                memcpy(nd_, (v)->data, sizeof(*(v)->data) * (size_t)(v)->len);                     \
            (v)->data = nd_;                                                                       \
            (v)->cap = nc_;                                                                        \
        }                                                                                          \
        (v)->data[(v)->len++] = (x);                                                               \
    } while (0)

/* A compiler bug is not a diagnostic [QBE die()] */
_Noreturn void polc_internal_error(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
#define POLC_UNREACHABLE() polc_internal_error(__FILE__, __LINE__, "unreachable")
#define POLC_ASSERT(c)                                                                             \
    do {                                                                                           \
        if (!(c))                                                                                  \
            polc_internal_error(__FILE__, __LINE__, "assertion failed: %s", #c);                   \
    } while (0)

#endif
