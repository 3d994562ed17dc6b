/* atomic.h — write a file so that a reader sees the old one or the whole new one, never half
 * of it: a temporary beside it (same directory, so rename is atomic), created with
 * O_CREAT|O_EXCL|O_NOFOLLOW under an unpredictable name, so a file or symlink planted there is
 * never written through; then fsync and rename. polc build (emit.c) and polc gen
 * (tools/gen.c) write through it. The runtime's own writer (polrt_out_open/commit/abort,
 * issue 9) is meant to replace it: this file is the one place to swap. */
#ifndef POLC_ATOMIC_H
#define POLC_ATOMIC_H

#include <stddef.h>

typedef struct AtomicFile {
    char *path; /* the final name */
    char *tmp;  /* the temporary beside it; NULL once committed or aborted */
    int fd;     /* open on tmp; -1 once synced and closed */
} AtomicFile;

/* Create the temporary for path (mode 0666, or 0777 when executable, less the umask).
 * 0, or -1 with "cannot write PATH: why" in err. */
int atomic_open(AtomicFile *f, const char *path, int executable, char *err, size_t errlen);
/* all n bytes, or -1 with a message */
int atomic_write(AtomicFile *f, const void *data, size_t n, char *err, size_t errlen);
/* fsync and close the temporary: its data is on disk, not yet in place (gen syncs both of its
 * files before renaming either). 0, or -1 with a message */
int atomic_sync(AtomicFile *f, char *err, size_t errlen);
/* sync if not yet done, then rename over path. Either way f is finished: on failure the
 * temporary is removed. 0, or -1 with a message */
int atomic_commit(AtomicFile *f, char *err, size_t errlen);
/* remove the temporary and forget f; harmless after atomic_commit, after a failed
 * atomic_open, and on a zeroed AtomicFile */
void atomic_abort(AtomicFile *f);

#endif
