/* cluster.c — the one file that speaks MPI (cluster.h, spec/SCALE.md): started by mpirun,
 * polc initialises MPI and hands the pipeline an RtCluster whose calls are MPI collectives.
 * Linked into polc only: libpolrt and a built engine carry no MPI. The job is process-wide
 * by nature (MPI_COMM_WORLD), so its state is this file's one static. */
#include "cluster.h"
#include "dl.h"

#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <mpi.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Open MPI, opened by rt_cluster_start when mpirun started polc (dl.h: a process on its own
 * never loads it). Its predefined handles (MPI_COMM_WORLD, MPI_BYTE, MPI_MIN...) are the
 * addresses of the library's own objects, named by OMPI_PREDEFINED_GLOBAL in mpi.h: looked
 * up in the loaded library instead, as each is used (a few a batch). RTLD_GLOBAL: Open MPI's
 * components, which it opens itself, look up libmpi's names. */
// clang-format off
#define MPI_FUNCS(X) X(MPI_Abort) X(MPI_Allgather) X(MPI_Allreduce) X(MPI_Alltoall) \
    X(MPI_Alltoallv) X(MPI_Bcast) X(MPI_Comm_rank) X(MPI_Comm_size) X(MPI_Finalize) X(MPI_Gather) \
    X(MPI_Gatherv) X(MPI_Init_thread)
// clang-format on
static struct {
    MPI_FUNCS(RT_DL_SLOT)
} mpi;
static const char *const mpi_names[] = {MPI_FUNCS(RT_DL_NAME)};
RT_DL_CHECK(mpi, mpi_names, RT_SONAME_mpi);
static RtDl mpi_dl = RT_DL_INIT(RT_SONAME_mpi, "libopenmpi3", mpi_names, &mpi, 1);
#undef OMPI_PREDEFINED_GLOBAL
#define OMPI_PREDEFINED_GLOBAL(type, global) ((type)rt_dl_sym(&mpi_dl, #global))

#include "rt_int.h"

static RtCluster job;
static int err_fd = -1; /* a rank other than 0: its own stderr, kept for fail() */
/* what this rank sent (gather's payloads to rank 0, alltoallv's to the other ranks), cut and
 * held, told at the end when POLC_CLUSTER_STATS is set (bench/mpi.sh) */
static uint64_t sent_bytes, gathers, moved_bytes, exchanges, cut_bytes, held_persons;
/* wall time inside MPI's collectives: the waits for the other ranks (and the transfers). Open
 * MPI polls while it waits, so a rank's CPU seconds count its waits too: its work is its CPU
 * time less these (bench/mpi.sh) */
static int64_t mpi_ns;
/* a collective call, timed */
#define TIMED(call)                                                                                \
    do {                                                                                           \
        int64_t t0_ = rt_now_ns();                                                                 \
        call;                                                                                      \
        mpi_ns += rt_now_ns() - t0_;                                                               \
    } while (0)

static void bcast(const RtCluster *c, int64_t *v, int n)
{
    (void)c;
    TIMED(mpi.MPI_Bcast(v, n, MPI_INT64_T, 0, MPI_COMM_WORLD));
}

static int gather(const RtCluster *c, const void *buf, size_t n, char **all, size_t *lens)
{
    if (c->kill_rank == c->rank)
        raise(SIGKILL); /* the test hook: a rank lost mid-job */
    /* the sizes first, so rank 0 can place every rank's bytes */
    uint64_t mine = n;
    sent_bytes += n;
    gathers++;
    uint64_t *sizes = NULL;
    int *counts = NULL, *displs = NULL;
    int ok = n <= INT_MAX;
    if (c->rank == 0) {
        sizes = malloc((size_t)c->size * sizeof *sizes);
        counts = malloc((size_t)c->size * sizeof *counts);
        displs = malloc((size_t)c->size * sizeof *displs);
        ok = ok && sizes && counts && displs;
    }
    TIMED(mpi.MPI_Gather(&mine, 1, MPI_UINT64_T, sizes, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD));
    char *block = NULL;
    if (c->rank == 0 && ok) {
        uint64_t total = 0;
        for (int k = 0; k < c->size; k++) {
            displs[k] = (int)total;
            counts[k] = (int)sizes[k];
            total += sizes[k];
        }
        /* MPI counts are int: a batch's outcomes are a few megabytes */
        ok = total <= INT_MAX && (block = polrt_realloc(NULL, total ? total : 1));
        for (int k = 0; ok && k < c->size; k++) {
            all[k] = block + displs[k];
            lens[k] = (size_t)sizes[k];
        }
    }
    /* rank 0 out of memory still takes part, so the others do not wait for ever; it then
     * reports the failure */
    int64_t go = ok;
    bcast(c, &go, 1);
    if (go)
        TIMED(mpi.MPI_Gatherv(buf, (int)n, MPI_BYTE, block, counts, displs, MPI_BYTE, 0,
                              MPI_COMM_WORLD));
    free(sizes);
    free(counts);
    free(displs);
    if (!go) {
        polrt_realloc(block, 0);
        return -1;
    }
    return 0;
}

__attribute__((noreturn)) static void fail(const RtCluster *c, int code, const char *msg);

static void allgather(const RtCluster *c, const void *mine, size_t n, void *all)
{
    (void)c;
    TIMED(mpi.MPI_Allgather(mine, (int)n, MPI_BYTE, all, (int)n, MPI_BYTE, MPI_COMM_WORLD));
}

static int alltoallv(const RtCluster *c, const char *send, const size_t *scount, char **recv,
                     size_t *cap, size_t *rcount)
{
    if (c->kill_rank == c->rank)
        raise(SIGKILL); /* the test hook: a rank lost mid-job */
    size_t nr = (size_t)c->size;
    uint64_t *sz = malloc(2 * nr * sizeof *sz);
    int *cnt = malloc(4 * nr * sizeof *cnt);
    if (!sz || !cnt) /* a few words a rank: the others cannot be told at this collective */
        fail(c, POLRT_EXIT_SYSTEM, "out of memory");
    uint64_t out = 0, in = 0;
    for (size_t k = 0; k < nr; k++) {
        sz[k] = scount[k];
        out += scount[k];
    }
    TIMED(mpi.MPI_Alltoall(sz, 1, MPI_UINT64_T, sz + nr, 1, MPI_UINT64_T, MPI_COMM_WORLD));
    for (size_t k = 0; k < nr; k++)
        in += sz[nr + k];
    /* MPI counts and displacements are int: an exchange is a batch's records, megabytes */
    int ok = out <= INT_MAX && in <= INT_MAX;
    if (ok && in > *cap) {
        char *nb = polrt_realloc(*recv, in);
        if (nb) {
            *recv = nb;
            *cap = in;
        } else
            ok = 0;
    }
    int go = ok, all_go;
    TIMED(mpi.MPI_Allreduce(&go, &all_go, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD));
    if (all_go) {
        int *sc = cnt, *sd = cnt + nr, *rc = cnt + 2 * nr, *rd = cnt + 3 * nr;
        int so = 0, ro = 0;
        for (size_t k = 0; k < nr; k++) {
            sc[k] = (int)sz[k];
            sd[k] = so;
            so += sc[k];
            rc[k] = (int)sz[nr + k];
            rd[k] = ro;
            ro += rc[k];
            rcount[k] = (size_t)rc[k];
        }
        TIMED(mpi.MPI_Alltoallv(send, sc, sd, MPI_BYTE, *recv, rc, rd, MPI_BYTE, MPI_COMM_WORLD));
        moved_bytes += out - scount[c->rank];
        exchanges++;
    }
    free(sz);
    free(cnt);
    return all_go ? 0 : -1;
}

static void tell(const RtCluster *c, uint64_t bytes_cut, uint64_t persons)
{
    (void)c;
    cut_bytes += bytes_cut;
    held_persons += persons;
}

static void fail(const RtCluster *c, int code, const char *msg)
{
    /* A fault every rank meets (a claims file shrunk under the job: each rank reads its own
     * part) was told by two ranks at once, under load (tests/runtime/mpi.sh). Rank 0 speaks
     * for the job: another rank waits a moment first, and rank 0's MPI_Abort, if it met the
     * fault too, ends it before it speaks; one meeting a fault of its own still says it. */
    if (c->rank != 0)
        nanosleep(&(struct timespec){.tv_nsec = 300 * 1000 * 1000}, NULL);
    char line[1024];
    int n = snprintf(line, sizeof line, "%s: rank %d of %d: %s; stopping every rank\n",
                     opts_program(), c->rank, c->size, msg);
    if (n > (int)sizeof line - 1)
        n = (int)sizeof line - 1;
    fflush(stderr);
    if (write(err_fd >= 0 ? err_fd : 2, line, (size_t)n) < 0) {
        /* nothing more to say it with */
    }
    mpi.MPI_Abort(MPI_COMM_WORLD, code ? code : POLRT_EXIT_SYSTEM);
    _exit(code ? code : POLRT_EXIT_SYSTEM);
}

const RtCluster *rt_cluster_start(int *argc, char ***argv)
{
    if (!getenv("OMPI_COMM_WORLD_SIZE"))
        return NULL;
    char err[400];
    if (rt_dl_load(&mpi_dl, err, sizeof err) < 0) {
        /* each rank on its own would write the same outputs: no run at all */
        fprintf(stderr, "%s: started by mpirun, but %s\n", opts_program(), err);
        exit(POLRT_EXIT_SYSTEM);
    }
    /* the pipeline's threads never call MPI: only the calling thread does */
    int provided;
    if (mpi.MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS)
        return NULL;
    mpi.MPI_Comm_rank(MPI_COMM_WORLD, &job.rank);
    mpi.MPI_Comm_size(MPI_COMM_WORLD, &job.size);
    job.gather = gather;
    job.bcast = bcast;
    job.allgather = allgather;
    job.alltoallv = alltoallv;
    job.tell = tell;
    job.fail = fail;
    const char *kill = getenv("POLC_CLUSTER_TEST_KILL");
    job.kill_rank = kill && *kill ? atoi(kill) : -1;
    const char *chunk = getenv("POLC_CLUSTER_TEST_CHUNK");
    job.chunk = chunk && *chunk ? (size_t)strtoul(chunk, NULL, 10) : 0;
    if (job.rank != 0) {
        /* rank 0 speaks for the job: the others would only say the same again */
        fflush(stdout);
        fflush(stderr);
        err_fd = fcntl(2, F_DUPFD_CLOEXEC, 3);
        int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
        if (null >= 0) {
            dup2(null, 1);
            dup2(null, 2);
            close(null);
        }
    }
    return &job;
}

const RtCluster *rt_cluster_job(void)
{
    return job.size ? &job : NULL;
}

int rt_cluster_end(const RtCluster *c, int rc)
{
    if (getenv("POLC_CLUSTER_STATS")) {
        char line[320];
        int n = snprintf(line, sizeof line,
                         "%s: rank %d of %d: sent %" PRIu64 " bytes to rank 0 in %" PRIu64
                         " gathers, %" PRIu64 " bytes to other ranks in %" PRIu64
                         " exchanges; cut %" PRIu64 " bytes of records, held %" PRIu64
                         " persons; %.2f s in MPI\n",
                         opts_program(), c->rank, c->size, sent_bytes, gathers, moved_bytes,
                         exchanges, cut_bytes, held_persons, (double)mpi_ns / 1e9);
        if (write(err_fd >= 0 ? err_fd : 2, line, (size_t)n) < 0) {
            /* a figure for a benchmark: nothing to do */
        }
    }
    int64_t v = rc;
    bcast(c, &v, 1);
    mpi.MPI_Finalize();
    return (int)v;
}
