/* dl.h — the optional libraries, loaded on their first use (dlopen), not at every start.
 *
 * polc links only what every command needs. SQLCipher (SQLite ledgers), libpq (PostgreSQL
 * ledgers), libxlsxwriter (Excel output), libmicrohttpd (polc serve) and Open MPI (the
 * cluster) are opened by the code that uses them, the first time it does: together with the
 * thirty libraries they bring (OpenSSL, GnuTLS, Kerberos, LDAP, SASL, hwloc, libevent...)
 * they were ~8 ms of each polc start of ~16 (perf stat, an empty program linked with and
 * without them: 9.0 against 1.7 ms), paid by `polc check`, by every run without a ledger
 * and by each of the test suite's thousands of polc processes. A built engine needs them
 * only where it uses them too. polc's own LLVM back end is opened the same way
 * (cli/backend.h).
 *
 * A library's functions are a struct of pointers, typed from its own header:
 *
 *     #define PQ_FUNCS(X) X(PQconnectdb) X(PQstatus) ...
 *     static struct { PQ_FUNCS(RT_DL_SLOT) } pq;
 *     static const char *const pq_names[] = {PQ_FUNCS(RT_DL_NAME)};
 *     static RtDl pq_dl = RT_DL_INIT(RT_SONAME_pq, "libpq5", pq_names, &pq, 0);
 *     ... if (rt_dl_load(&pq_dl, err, errlen) < 0) return -1;  then  pq.PQconnectdb(url)
 *
 * The sonames come from the Makefile (the -dev package's link at build time), so that the
 * library loaded is the one compiled against. */
#ifndef POLC_DL_H
#define POLC_DL_H

#include <pthread.h>
#include <stddef.h>

#define RT_DL_SLOT(f) __typeof__(f) *f;
#define RT_DL_NAME(f) #f,

typedef struct RtDl {
    const char *soname;       /* e.g. "libpq.so.5" */
    const char *package;      /* the Debian package that ships it, for the message; NULL for
                               * one of polc's own, soname then its path (cli/backend.h) */
    const char *const *names; /* the functions, in the order of the struct's slots */
    size_t n;
    void *fns;  /* the struct of n function pointers */
    int global; /* RTLD_GLOBAL: Open MPI's plug-ins look up libmpi's own names */
    pthread_mutex_t mu;
    int state;    /* 0 not tried, 1 loaded, -1 failed (err says why) */
    void *handle; /* dlopen's */
    char err[320];
} RtDl;

#define RT_DL_INIT(soname, package, names, fns, global)                                            \
    {                                                                                              \
        (soname), (package), (names), sizeof(names) / sizeof *(names), (fns), (global),            \
            PTHREAD_MUTEX_INITIALIZER, 0, NULL, ""                                                 \
    }

/* a struct of function pointers has a slot for each name and no padding (dl.c fills it slot
 * by slot), and the Makefile found the library's soname (its -dev package is installed) */
#define RT_DL_CHECK(fns, names, soname)                                                            \
    _Static_assert(sizeof(fns) == sizeof(names) / sizeof *(names) * sizeof(void *) &&              \
                       sizeof(soname) > 1,                                                         \
                   #fns ": one pointer a name, and a soname")

/* the library loaded and every slot of its struct set (once a process, from any thread):
 * 0, or -1 with "cannot load SONAME (Debian package PACKAGE): why" in err */
int rt_dl_load(RtDl *d, char *err, size_t errlen);
/* a data symbol of a loaded library (Open MPI's predefined handles), or NULL */
void *rt_dl_sym(RtDl *d, const char *name);

#endif
