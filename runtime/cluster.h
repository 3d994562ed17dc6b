/* cluster.h — a batch job across MPI ranks (runtime/cluster.c; spec/SCALE.md). The interface
 * holds no MPI type: the pipeline and its sinks call through these pointers, so libpolrt and a
 * built engine carry no MPI; only polc links cluster.c and Open MPI. NULL wherever a cluster
 * is asked for: this process alone, exactly as before. */
#ifndef POLC_CLUSTER_H
#define POLC_CLUSTER_H

#include <stddef.h>
#include <stdint.h>

/* most ranks: more would make the reading's chunks and each exchange's tables (a few words
 * a rank, every batch) outweigh the records they carry */
#define RT_CLUSTER_MAX_RANKS 65535

typedef struct RtCluster RtCluster;
struct RtCluster {
    int rank, size; /* this process's rank in MPI_COMM_WORLD, and the ranks */
    /* Every rank's n bytes to rank 0, which gets all[k] (size bytes each, lens[k]) for every
     * rank k, its own included, in one block it frees with polrt_realloc(all[0], 0); the other
     * ranks get nothing. A collective: every rank calls it. 0, or -1 (memory, too large). */
    int (*gather)(const RtCluster *c, const void *buf, size_t n, char **all, size_t *lens);
    /* rank 0's n values to every rank (a collective) */
    void (*bcast)(const RtCluster *c, int64_t *v, int n);
    /* every rank's n bytes (the same n on every rank) to every rank: all (size * n bytes)
     * holds rank k's at all + k * n. A collective. */
    void (*allgather)(const RtCluster *c, const void *mine, size_t n, void *all);
    /* Every rank sends send[0..) to the ranks in order, scount[k] bytes to rank k, and gets
     * rcount[k] bytes from each rank k, in rank order, into *recv: a buffer of *cap bytes the
     * caller keeps from one exchange to the next (grown here with polrt_realloc, freed by the
     * caller), so a batch's exchanges reuse the same memory. A collective: 0, or -1 on every
     * rank when any rank is out of memory or an exchange is over 2 GiB (MPI counts are int). */
    int (*alltoallv)(const RtCluster *c, const char *send, const size_t *scount, char **recv,
                     size_t *cap, size_t *rcount);
    /* figures for POLC_CLUSTER_STATS (bench/mpi.sh, tests/runtime/mpi.sh), told at the end:
     * the bytes of records this rank cut from the files, and the persons it held */
    void (*tell)(const RtCluster *c, uint64_t bytes_cut, uint64_t persons);
    /* A failure the other ranks cannot hear of at a collective (they would wait for this rank
     * for ever): the message on this rank's stderr, then every rank is stopped with exit code
     * code (MPI_Abort). Does not return. */
    void (*fail)(const RtCluster *c, int code, const char *msg);
    /* the test hook (POLC_CLUSTER_TEST_KILL=RANK): that rank kills itself at its first batch
     * exchange, as a crashed or lost node would */
    int kill_rank;
    /* the test hook POLC_CLUSTER_TEST_CHUNK=BYTES: the reading's chunks this small (0: the
     * pipeline's own size), so a small file puts records across many chunk boundaries */
    size_t chunk;
};

/* the job polc was started in: MPI initialised when mpirun started this process (Open MPI's
 * OMPI_COMM_WORLD_SIZE), else NULL and nothing done. Ranks other than 0 write no stdout and
 * no stderr from here on (rank 0 speaks for the job) except their fail() messages. */
const RtCluster *rt_cluster_start(int *argc, char ***argv);
/* the job rt_cluster_start started, or NULL */
const RtCluster *rt_cluster_job(void);
/* the end of the job: every rank returns rank 0's exit code rc (a collective); MPI finalised */
int rt_cluster_end(const RtCluster *c, int rc);

#endif
