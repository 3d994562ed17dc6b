/* ranks.c — the batch pipeline (pipeline.c) across MPI ranks: each file read in rounds of
 * chunks, one a rank, each record sent to its person's rank, claim ids checked on the rank of
 * the id, every row's outcome gathered to rank 0 in input order (spec/SCALE.md "What is
 * split"). The exchanges go through cluster.h's calls, so this file holds no MPI: cluster.c
 * speaks it, linked into polc only. */
#include "pipeline_int.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* across ranks, the smallest chunk a rank reads in a round: a round costs each rank six
 * exchanges (states, counts, records, ids, answers, outcomes), tens of microseconds; 64 KiB
 * of records is ~500 claims, whose decoding takes far longer */
#define PIPE_MIN_CHUNK (64 << 10)
/* the pieces a record too long (RtLong) is scanned and copied in, held one at a time */
#define PIPE_LONG_PIECE (1 << 20)

/* Across ranks, the rank of an id (a person's; a claim id's, for the duplicate check) from
 * its hash: other bits than the thread's (h % threads), so every thread of every rank gets its
 * share */
static int rank_of(const RtPipe *m, uint64_t h)
{
    return (int)((h >> 32) % (uint64_t)m->o->cluster->size);
}

/* ---- across ranks (cluster.h, spec/SCALE.md "What is split") ---------------------------------
 * Each file is read in rounds: round r is the file's chunks rN .. rN+N-1 (N ranks), in file
 * order, and rank k reads the k-th of them. A chunk's records are those that start in its
 * bytes; every record goes to the rank of its person (a record whose person id cannot be read,
 * a blank or malformed one, to rank 0, which rejects it as one process would), with its line
 * and row number. Received in rank order, a round's records are in file order on every rank,
 * so each rank's batch is its persons' records in input order and settles as one process's.
 * Claim ids are checked on the rank of the id. Every row's outcome then goes to rank 0, which
 * puts the round's rows in order (m->oblk) for the rejects file and the sink. */

/* a routed record: its line, its row number and its length, then its bytes */
typedef struct XRec {
    int64_t line, seq;
    uint32_t n;
} XRec;
#define XREC_BYTES (2 * sizeof(int64_t) + sizeof(uint32_t))
/* the length of a record too long to send (RtLong): its offset, length and lines follow */
#define XREC_LONG UINT32_MAX

/* an id to check: its hash and its row's number */
#define XID_BYTES (sizeof(uint64_t) + sizeof(int64_t))

/* n bytes of the file at off appended to m->cbuf: the bytes read (fewer at its end), or -1
 * (error set) */
static ssize_t read_at(RtPipe *m, int64_t off, size_t n)
{
    if (rt_line_grow(&m->cbuf, n) < 0) {
        rt_pipe_sys_error(m, 0, "out of memory");
        return -1;
    }
    ssize_t got = rt_pipe_read(m, m->cbuf.p + m->cbuf.n, n, off);
    if (got > 0)
        m->cbuf.n += (size_t)got;
    return got;
}

/* the per-rank lists m->xto emptied (made by cluster_begin) */
static void xto_reset(RtPipe *m)
{
    int nr = m->o->cluster->size;
    for (int k = 0; k < nr; k++)
        m->xto[k].n = 0;
}

/* The per-rank lists, one after another, exchanged (alltoallv): the bytes from each rank in
 * *recv (the buffer of in: m->xin, m->xback), m->xcnt[N + k] of them from rank k. 0, or -1
 * (error set). */
static int xto_exchange(RtPipe *m, RtLine *in, char **recv)
{
    const RtCluster *c = m->o->cluster;
    int nr = c->size;
    RtLine *l = &m->xout;
    l->n = 0;
    int oom = 0;
    for (int k = 0; k < nr; k++) {
        oom |= m->xto[k].oom;
        m->xcnt[k] = m->xto[k].n;
        if (m->xto[k].n)
            rt_line_add(l, m->xto[k].p, m->xto[k].n);
    }
    /* a rank short of memory still takes part (the others are at the exchange): with nothing
     * to send, it fails after */
    if (oom || l->oom)
        for (int k = 0; k < nr; k++)
            m->xcnt[k] = 0;
    if (c->alltoallv(c, l->p, m->xcnt, &in->p, &in->cap, m->xcnt + nr) < 0 || oom || l->oom) {
        rt_pipe_sys_error(m, 0, "out of memory");
        return -1;
    }
    *recv = in->p;
    return 0;
}

/* Across ranks, after the header: the records start at m->data0, read in chunks; the first
 * round read. 0, or -1 (error set). */
int rt_ranks_begin(RtPipe *m)
{
    const RtCluster *c = m->o->cluster;
    if (m->size < 0) {
        rt_pipe_error(m, "%s is not a regular file: it cannot be read across %d ranks", m->path,
                      c->size);
        return -1;
    }
    m->gb = m->raw_fd >= 0;
    if (m->gb) {
        /* the header was read from its converted copy, to its end: the records are read from
         * the file itself */
        if (m->buf_off + (int64_t)m->start != m->size) {
            rt_pipe_sys_error(
                m, 0, "internal error: %s: header of %" PRId64 " bytes, read %" PRId64 " (%s:%d)",
                m->path, m->size, m->buf_off + (int64_t)m->start, __FILE__, __LINE__);
            return -1;
        }
        close(m->fd);
        m->fd = m->raw_fd;
        m->raw_fd = -1;
        m->size = m->raw_size;
        m->data0 = m->raw_data0;
    } else
        m->data0 = m->buf_off + (int64_t)m->start;
    size_t nr = (size_t)c->size;
    if (!m->xto) {
        m->xto = polrt_realloc(NULL, nr * sizeof *m->xto);
        m->xcnt = polrt_realloc(NULL, 2 * nr * sizeof *m->xcnt);
        m->xbase = polrt_realloc(NULL, 4 * nr * sizeof *m->xbase);
        m->xstates = polrt_realloc(NULL, nr * RT_CSV_STATES);
        if (m->xto)
            memset(m->xto, 0, nr * sizeof *m->xto);
        if (!m->xto || !m->xcnt || !m->xbase || !m->xstates) {
            rt_pipe_sys_error(m, 0, "out of memory");
            return -1;
        }
    }
    /* a round reads what one process's batch does, in N chunks; not so small that the
     * exchanges' few words a rank outweigh the records */
    size_t chunk = m->batch / (size_t)c->size;
    m->chunk = c->chunk ? c->chunk : chunk > PIPE_MIN_CHUNK ? chunk : PIPE_MIN_CHUNK;
    m->round = 0;
    m->cstate = RT_CSV_START;
    m->rline = m->line;
    m->rseq = 0;
    return rt_ranks_read(m) < 0 ? -1 : 0;
}

/* The record at a + p (a record start, m->cbuf holding the chunk from a - pre) that crosses
 * this rank's chunk's end and has not ended in the RT_CSV_MAX_RECORD bytes read from it
 * (GB18030: half that, whose UTF-8 may be twice as long): too long or not as alone decides
 * (next_batch, reject_long_record): its text (UTF-8) longer than RT_CSV_MAX_RECORD to its
 * end, or, unended, at least that long to the file's end. Scanned in pieces held one at a
 * time. Too long: 1, *l where it is and the lines told, *lfs its line feeds, m->cbuf cut back
 * to its start. Not: 0, its bytes read whole into m->cbuf. -1 (error set). */
static int long_record(RtPipe *m, int64_t a, size_t pre, size_t p, RtLong *l, int64_t *lfs)
{
    int64_t q = a + (int64_t)p, at = q, lines = 0, ulen = 0;
    RtCsvScan sc = {0};
    char last = 0;
    int ended = 0;
    m->cbuf.n = pre + p;
    while (!ended && at < m->size) {
        ssize_t k = read_at(m, at, PIPE_LONG_PIECE);
        if (k <= 0) {
            if (k == 0)
                rt_pipe_sys_error(m, 0, RT_PIPE_SHRANK, m->path);
            return -1;
        }
        const char *piece = m->cbuf.p + m->cbuf.n - k;
        size_t e = rt_csv_scan(&sc, piece, (size_t)k, &lines);
        size_t n = e == SIZE_MAX ? (size_t)k : e;
        ended = e != SIZE_MAX;
        if (n)
            last = piece[n - 1];
        at += (int64_t)n;
        m->cbuf.n -= (size_t)k;
    }
    ulen = m->gb ? 0 : at - q;
    for (int64_t c = q; m->gb && c < at;) { /* GB18030: the length of its UTF-8 */
        size_t want = at - c < PIPE_LONG_PIECE ? (size_t)(at - c) : PIPE_LONG_PIECE;
        ssize_t k = read_at(m, c, want);
        if (k < 0)
            return -1;
        m->conv.n = 0;
        size_t used =
            k ? rt_csv_gb18030_utf8(m->cbuf.p + m->cbuf.n - k, (size_t)k, &m->conv, c + k >= at)
              : 0;
        m->cbuf.n -= (size_t)k;
        if (used == SIZE_MAX || used == 0) {
            rt_pipe_sys_error(m, 0, "cannot convert %s from GB18030 at byte %" PRId64, m->path, c);
            return -1;
        }
        ulen += (int64_t)m->conv.n;
        c += (int64_t)used;
    }
    if (ended ? ulen <= RT_CSV_MAX_RECORD : ulen < RT_CSV_MAX_RECORD) {
        /* not too long: read whole, as any record that crosses the chunk's end */
        ssize_t k = read_at(m, q, (size_t)(at - q));
        return k < 0 ? -1 : 0;
    }
    *l = (RtLong){.off = q, .len = at - q, .lines = lines + (last != '\n')};
    *lfs = lines;
    return 1;
}

int rt_ranks_long_copy(RtPipe *m, const RtRow *r)
{
    const RtLong *l = NULL;
    for (size_t i = 0; i < m->nlongs && !l; i++)
        if (m->longs[i].seq == r->seq)
            l = &m->longs[i];
    if (!l) {
        rt_pipe_sys_error(m, 0, "internal error: row %" PRId64 " has no bytes (%s:%d)", r->seq,
                          __FILE__, __LINE__);
        return -1;
    }
    /* m->cbuf: the round's chunk was cut and sent before, the buffer is free */
    char last = 0;
    m->cbuf.n = 0;
    for (int64_t at = l->off, e = l->off + l->len; at < e;) {
        size_t want = e - at < PIPE_LONG_PIECE ? (size_t)(e - at) : PIPE_LONG_PIECE;
        ssize_t k = read_at(m, at, want);
        if (k < 0)
            return -1;
        const char *out = m->cbuf.p;
        size_t on = (size_t)k, used = (size_t)k;
        if (m->gb) {
            m->conv.n = 0;
            used = k ? rt_csv_gb18030_utf8(m->cbuf.p, (size_t)k, &m->conv, at + k >= e) : 0;
            out = m->conv.p;
            on = m->conv.n;
        }
        m->cbuf.n = 0;
        if (used == SIZE_MAX || used == 0) {
            rt_pipe_sys_error(m, 0, "cannot copy a record of %s at byte %" PRId64, m->path, at);
            return -1;
        }
        fwrite(out, 1, on, m->rejects.f);
        if (on)
            last = out[on - 1];
        at += (int64_t)used;
    }
    if (last != '\n')
        fputs(m->crlf_hdr ? "\r\n" : "\n", m->rejects.f);
    return 0;
}

/* This rank's chunk of a round: where it is and the records that start in it */
typedef struct Chunk {
    int64_t a;         /* its first byte in the file */
    size_t pre;        /* 1: the byte before it was read too, into m->cbuf.p[0] */
    size_t nominal;    /* its bytes (fewer at the file's end, 0 past it) */
    size_t start, end; /* its records, from m->cbuf.p + pre */
    size_t cut;        /* where a record too long starts (end when there is none) */
    RtLong lng;        /* that record (len 0: none) */
    int64_t lfs;       /* its line feeds */
} Chunk;

/* The record machine's state at this rank's chunk's start: every rank's table of its chunk,
 * composed in file order from the round's first byte, whose state is known (m->cstate, set to
 * the next round's) */
static int chunk_state(RtPipe *m, const Chunk *ck)
{
    const RtCluster *c = m->o->cluster;
    unsigned char f[RT_CSV_STATES], *all = m->xstates;
    for (int s = 0; s < RT_CSV_STATES; s++)
        f[s] = (unsigned char)s;
    if (ck->nominal)
        rt_csv_chunk_states(m->cbuf.p + ck->pre, ck->nominal, f);
    c->allgather(c, f, sizeof f, all);
    int st = m->cstate, mine = st;
    for (int k = 0; k < c->size; k++) {
        if (k == c->rank)
            mine = st;
        st = all[(size_t)k * RT_CSV_STATES + (size_t)st];
    }
    m->cstate = st;
    return mine;
}

/* This rank's records (ck->start, end, cut, lng): from the first record start at or after
 * ck->a, in state mine there, to the first at or after a + nominal (the next chunk's first),
 * reading on past the chunk for its last. 0, or -1 (error set). */
static int chunk_records(RtPipe *m, Chunk *ck, int mine)
{
    int64_t a = ck->a;
    size_t pre = ck->pre, nominal = ck->nominal;
    ck->start = ck->end = nominal;
    ck->cut = SIZE_MAX;
    if (!nominal)
        return 0;
    if (!pre || (mine == RT_CSV_START && m->cbuf.p[0] == '\n'))
        ck->start = 0;
    else {
        RtCsvScan sc = {mine};
        int64_t lines = 0;
        size_t e = rt_csv_scan(&sc, m->cbuf.p + pre, nominal, &lines);
        ck->start = e == SIZE_MAX ? nominal : e;
    }
    size_t p = ck->start;
    int eof = a + (int64_t)nominal >= m->size;
    while (p < nominal) {
        size_t len = m->cbuf.n - pre;
        /* the first record start at or after the chunk's end (quote-free stretches crossed
         * by memchr) */
        size_t e = rt_csv_boundary_after(m->cbuf.p + pre, p, nominal, len, eof);
        if (e != SIZE_MAX) {
            p = e;
            continue;
        }
        /* the record that crosses the chunk's end has not ended in what was read: p to its
         * start, then, past the length where it may be too long, decided */
        for (size_t r;
             p < nominal && (r = rt_csv_record_end(m->cbuf.p + pre, p, len, eof)) != SIZE_MAX;)
            p = r;
        size_t most = m->gb ? RT_CSV_MAX_RECORD / 2 : RT_CSV_MAX_RECORD;
        if (len - p >= most) {
            int rc = long_record(m, a, pre, p, &ck->lng, &ck->lfs);
            if (rc < 0)
                return -1;
            if (rc > 0) { /* too long: rejected whole, reading goes on after it */
                ck->cut = p;
                p = (size_t)(ck->lng.off + ck->lng.len - a);
                break;
            }
            eof = a + (int64_t)(m->cbuf.n - pre) >= m->size;
            continue; /* read whole: it ends now */
        }
        /* more, doubling (the record is walked from its start again), up to where it may
         * be too long: exactly there, as alone (a record that ends past it is) */
        size_t more = len - p > PIPE_TAIL ? len - p : PIPE_TAIL;
        if (more > most - (len - p))
            more = most - (len - p);
        ssize_t k = read_at(m, a - (int64_t)pre + (int64_t)m->cbuf.n, more);
        if (k < 0)
            return -1;
        eof = (size_t)k < more;
    }
    ck->end = p;
    return 0;
}

/* a routed record's head appended to the list of its rank */
static void put_xrec(RtLine *to, const XRec *x)
{
    rt_line_add(to, (const char *)&x->line, sizeof x->line);
    rt_line_add(to, (const char *)&x->seq, sizeof x->seq);
    rt_line_add(to, (const char *)&x->n, sizeof x->n);
}

/* Each of the chunk's records (b, from start to cut) to its person's rank (m->xto), with its
 * line and row number in the chunk; the record too long to rank 0 by where it is. Its lines and
 * rows counted in lr[0], lr[1]. 0, or -1 (error set). */
static int route_records(RtPipe *m, const Chunk *ck, const char *b, size_t start, size_t cut,
                         int64_t lr[2])
{
    xto_reset(m);
    RtCells *cells = &m->th[0].cells;
    int64_t line = 0, rows = 0;
    for (size_t pos = start; pos < cut;) {
        size_t e;
        const char *bad;
        int64_t lines = 0;
        int k = rt_csv_cells(b, pos, cut, cells, &e, &lines, &bad);
        if (k < 0) {
            rt_pipe_sys_error(m, 0, "out of memory");
            return -1;
        }
        XRec x = {line, rows, (uint32_t)(e - pos)};
        line += lines;
        size_t rpos = pos;
        pos = e;
        if (k == 0)
            continue;
        rows++;
        int dest = 0;
        if (!bad && cells->n == m->bind.ncols) {
            size_t pn;
            const char *pid =
                rt_decode_id(&m->bind, COL_PERSON_ID, cells->p, cells->len, cells->n, &pn);
            if (pid)
                dest = rank_of(m, rt_hash_id(pid, pn));
        }
        put_xrec(&m->xto[dest], &x);
        rt_line_add(&m->xto[dest], b + rpos, x.n);
    }
    if (ck->lng.len) {
        /* the record too long: to rank 0 by where it is (a row of its own there) */
        XRec x = {line, rows++, XREC_LONG};
        int64_t where[3] = {ck->lng.off, ck->lng.len, ck->lng.lines};
        line += ck->lfs;
        put_xrec(&m->xto[0], &x);
        rt_line_add(&m->xto[0], (const char *)where, sizeof where);
    }
    lr[0] = line;
    lr[1] = rows;
    return 0;
}

/* Every chunk's lines and rows (this rank's lr) gathered: where each chunk's first row is in
 * the file (m->xbase: line, row number a rank), and the round counted */
static void round_bases(RtPipe *m, int64_t lr[2])
{
    const RtCluster *c = m->o->cluster;
    int nr = c->size;
    int64_t *base = m->xbase;
    c->allgather(c, lr, 2 * sizeof *lr, base + 2 * nr);
    int64_t l0 = m->rline, s0 = m->rseq;
    m->oseq0 = s0;
    for (int k = 0; k < nr; k++) {
        base[2 * k] = l0;
        base[2 * k + 1] = s0;
        l0 += base[2 * nr + 2 * k];
        s0 += base[2 * nr + 2 * k + 1];
    }
    m->rline = l0;
    m->rrows = s0 - m->rseq;
    m->rseq = s0;
    m->round++;
}

/* The round's records of this rank's persons (recv, from each rank in rank order: file order)
 * into m->buf, their lines and row numbers in m->xline, m->xseq; rank 0's records too long in
 * m->longs. 0, or -1 (error set). */
static int take_records(RtPipe *m, const char *recv)
{
    int nr = m->o->cluster->size;
    const int64_t *base = m->xbase;
    size_t total = 0;
    for (int k = 0; k < nr; k++)
        total += m->xcnt[nr + k];
    if (total > m->cap && rt_pipe_buf_grow(m, total) < 0)
        return -1;
    m->len = 0;
    m->xn = 0;
    m->nlongs = 0;
    const char *at = recv;
    for (int k = 0; k < nr; k++) {
        const char *stop = at + m->xcnt[nr + k];
        while (at < stop) {
            XRec x;
            memcpy(&x.line, at, sizeof x.line);
            memcpy(&x.seq, at + sizeof x.line, sizeof x.seq);
            memcpy(&x.n, at + 2 * sizeof x.line, sizeof x.n);
            at += XREC_BYTES;
            if (x.n == XREC_LONG) { /* rank 0: a record too long, where it is in the file */
                if (rt_grow(&m->longs, &m->cap_longs, m->nlongs + 1, sizeof *m->longs) < 0) {
                    rt_pipe_sys_error(m, 0, "out of memory");
                    return -1;
                }
                RtLong *l = &m->longs[m->nlongs++];
                l->line = base[2 * k] + x.line;
                l->seq = base[2 * k + 1] + x.seq;
                memcpy(&l->off, at, sizeof l->off);
                memcpy(&l->len, at + sizeof l->off, sizeof l->len);
                memcpy(&l->lines, at + 2 * sizeof l->off, sizeof l->lines);
                at += 3 * sizeof l->off;
                continue;
            }
            if (rt_grow(&m->xline, &m->xcap_line, m->xn + 1, sizeof *m->xline) < 0 ||
                rt_grow(&m->xseq, &m->xcap_seq, m->xn + 1, sizeof *m->xseq) < 0) {
                rt_pipe_sys_error(m, 0, "out of memory");
                return -1;
            }
            m->xline[m->xn] = base[2 * k] + x.line;
            m->xseq[m->xn++] = base[2 * k + 1] + x.seq;
            memcpy(m->buf + m->len, at, x.n);
            m->len += x.n;
            at += x.n;
        }
    }
    return 0;
}

/* Read this rank's chunk of the next round and route its records: the records of this rank's
 * persons, of the whole round, into m->buf in file order, their lines and row numbers in
 * m->xline, m->xseq. 1, 0 when the file is done, -1 (error set). */
int rt_ranks_read(RtPipe *m)
{
    const RtCluster *c = m->o->cluster;
    int nr = c->size;
    int64_t per_round = (int64_t)m->chunk * nr;
    /* one round at least: a header alone still makes the outputs */
    if (m->round > 0 && m->round * per_round >= m->size - m->data0)
        return 0;
    Chunk ck = {.a = m->data0 + (m->round * nr + c->rank) * (int64_t)m->chunk};
    ck.nominal = ck.a < m->size ? (size_t)(m->size - ck.a < (int64_t)m->chunk ? m->size - ck.a
                                                                              : (int64_t)m->chunk)
                                : 0;
    /* the byte before the chunk too: a line feed there may end a record */
    ck.pre = ck.a > m->data0 ? 1 : 0;
    m->cbuf.n = 0;
    ssize_t got = ck.nominal ? read_at(m, ck.a - (int64_t)ck.pre, ck.pre + ck.nominal) : 0;
    if (got < 0)
        return -1;
    if ((size_t)got != (ck.nominal ? ck.pre + ck.nominal : 0)) {
        rt_pipe_sys_error(m, 0, RT_PIPE_SHRANK, m->path);
        return -1;
    }
    if (chunk_records(m, &ck, chunk_state(m, &ck)) < 0)
        return -1;
    size_t start = ck.start, cut = ck.cut > ck.end ? ck.end : ck.cut;
    m->cut_bytes += ck.end - ck.start;
    const char *b = m->cbuf.p + ck.pre;
    if (m->gb) {
        /* GB18030: a line feed, comma or quote is never part of another character, so the
         * records were found in the file's own bytes; they start and end at line feeds (or
         * the file's end), where the conversion of a piece is the whole's */
        m->conv.n = 0;
        if (rt_csv_gb18030_utf8(b + start, cut - start, &m->conv, 1) == SIZE_MAX) {
            rt_pipe_sys_error(m, 0, "cannot convert %s from GB18030: out of memory", m->path);
            return -1;
        }
        b = m->conv.p;
        start = 0;
        cut = m->conv.n;
    }
    int64_t lr[2];
    if (route_records(m, &ck, b, start, cut, lr) < 0)
        return -1;
    round_bases(m, lr);
    char *recv;
    if (xto_exchange(m, &m->xin, &recv) < 0 || take_records(m, recv) < 0)
        return -1;
    m->start = 0;
    m->complete = m->len;
    m->seq = m->rseq;
    m->consumed =
        m->round * per_round < m->size - m->data0 ? m->round * per_round : m->size - m->data0;
    m->consumed += m->data0;
    return 1;
}

/* An entry of the duplicate check on an id's rank: its row's number and where it came */
typedef struct XId {
    int64_t seq;
    size_t at; /* its place among the entries received */
} XId;

static int xid_order(const void *x, const void *y)
{
    const XId *a = x, *b = y;
    return (a->seq > b->seq) - (a->seq < b->seq);
}

/* The duplicate claim ids of the batch: every row with a claim id (a rejected one too: its id
 * is taken) sends its hash and row number to the rank of the id, which checks the round's ids
 * in file order against those it has seen, as one process does, and answers each whether its
 * id was taken before. 0, or -1 (error set). */
static int cluster_ids(RtPipe *m, IdSet *ids)
{
    const RtCluster *c = m->o->cluster;
    int nr = c->size;
    xto_reset(m);
    for (size_t bi = 0; bi < m->used_blocks; bi++)
        for (size_t k = 0; k < m->blocks[bi].nrows; k++) {
            const RtRow *r = &m->blocks[bi].rows[k];
            if (!r->id)
                continue;
            RtLine *to = &m->xto[rank_of(m, r->hash)];
            rt_line_add(to, (const char *)&r->hash, sizeof r->hash);
            rt_line_add(to, (const char *)&r->seq, sizeof r->seq);
        }
    char *recv = NULL, *back = NULL;
    XId *order = NULL;
    if (xto_exchange(m, &m->xin, &recv) < 0)
        return -1;
    size_t n = 0;
    for (int k = 0; k < nr; k++)
        n += m->xcnt[nr + k] / XID_BYTES;
    order = polrt_realloc(NULL, (n ? n : 1) * sizeof *order);
    int oom = !order || rt_ids_reserve(ids, ids->n + n) < 0;
    /* the answers, in the order the entries came: 1 when the id was taken before */
    xto_reset(m);
    if (!oom) {
        for (size_t i = 0; i < n; i++) {
            memcpy(&order[i].seq, recv + i * XID_BYTES + sizeof(uint64_t), sizeof order[i].seq);
            order[i].at = i;
        }
        qsort(order, n, sizeof *order, xid_order);
        for (size_t i = 0; i < n; i++) {
            uint64_t h;
            memcpy(&h, recv + order[i].at * XID_BYTES, sizeof h);
            int dup = rt_ids_add(ids, h);
            if (dup < 0 && !oom) {
                rt_ids_fail(m, ids); /* the first failure's message is kept */
                oom = 1;
            }
            recv[order[i].at * XID_BYTES] = (char)(dup > 0);
        }
        size_t i = 0;
        for (int k = 0; k < nr; k++)
            for (size_t j = 0; j < m->xcnt[nr + k] / XID_BYTES; j++, i++)
                rt_line_add(&m->xto[k], &recv[i * XID_BYTES], 1);
    }
    polrt_realloc(order, 0);
    if (oom) /* at the exchange still, as the others are, then failed */
        m->xto[0].oom = 1;
    if (xto_exchange(m, &m->xback, &back) < 0)
        return -1;
    /* each rank's answers in the order this rank sent it the ids */
    size_t *cur = m->xcnt; /* reused: the next answer from each rank */
    size_t off = 0;
    for (int k = 0; k < nr; k++) {
        size_t got = m->xcnt[nr + k];
        cur[k] = off;
        off += got;
    }
    for (size_t bi = 0; bi < m->used_blocks; bi++) {
        RtBlock *b = &m->blocks[bi];
        for (size_t k = 0; k < b->nrows; k++) {
            RtRow *r = &b->rows[k];
            if (!r->id)
                continue;
            int dup = back[cur[rank_of(m, r->hash)]++];
            if (dup)
                rt_pipe_dup_row(b->pool, r);
        }
    }
    return 0;
}

/* Across ranks, the batch's rows (decoded here: this rank's persons' records) numbered with
 * the lines and row numbers they had in the file, their claim ids checked (ids: the claims
 * file), and the good ones given to their threads. 0, or -1 (error set). */
int rt_ranks_rows(RtPipe *m, IdSet *ids)
{
    size_t i = 0;
    for (size_t bi = 0; bi < m->used_blocks; bi++)
        for (size_t k = 0; k < m->blocks[bi].nrows; k++, i++)
            if (i < m->xn) {
                m->blocks[bi].rows[k].line = m->xline[i];
                m->blocks[bi].rows[k].seq = m->xseq[i];
            }
    if (i != m->xn) {
        rt_pipe_sys_error(m, 0, "internal error: %zu records routed here, %zu rows cut (%s:%d)",
                          m->xn, i, __FILE__, __LINE__);
        return -1;
    }
    if (!ids)
        return 0;
    if (cluster_ids(m, ids) < 0)
        return -1;
    for (int t = 0; t < m->nthreads; t++) {
        m->th[t].nwork = 0;
        if (rt_grow(&m->th[t].work, &m->th[t].cap_work, m->xn, sizeof *m->th[t].work) < 0) {
            rt_pipe_sys_error(m, 0, "out of memory");
            return -1;
        }
    }
    for (size_t bi = 0; bi < m->used_blocks; bi++)
        for (size_t k = 0; k < m->blocks[bi].nrows; k++) {
            RtRow *r = &m->blocks[bi].rows[k];
            if (r->status == RT_ROW_OK) {
                RtPThread *t = &m->th[r->thread];
                t->work[t->nwork++] = r;
            }
        }
    return 0;
}

/* a piece of a row's outcome: its length (4 bytes), then its bytes */
static void put_text(RtLine *l, const char *p, size_t n)
{
    uint32_t k = (uint32_t)n;
    rt_line_add(l, (const char *)&k, sizeof k);
    if (n) /* p may be NULL then (no explanation) */
        rt_line_add(l, p, n);
}

/* the next piece from *at (before end), or NULL when the bytes run out */
static const char *get_text(const char **at, const char *end, size_t *n)
{
    uint32_t k;
    if ((size_t)(end - *at) < sizeof k)
        return NULL;
    memcpy(&k, *at, sizeof k);
    *at += sizeof k;
    if ((size_t)(end - *at) < k)
        return NULL;
    const char *p = *at;
    *at += k;
    *n = k;
    return p;
}

/* the head of a row's outcome: row number, status and settled byte (a rejected row's line
 * follows: the others' rank 0 does not need) */
#define XOUT_HEAD (sizeof(int64_t) + 2)
/* a place among the round's rows on rank 0 that no outcome has filled yet */
#define ROW_UNSEEN (-1)

/* one outcome rank k sent, into its row of the round on rank 0: 0, or -1 (error set) */
static int take_outcome(RtPipe *m, int k, const char **at, const char *end)
{
    const RtPipeSink *sk = m->sink;
    RtBlock *ob = &m->oblk;
    int64_t seq, line = 0;
    if ((size_t)(end - *at) < XOUT_HEAD) {
        rt_pipe_sys_error(m, 0, "rank %d sent a truncated outcome", k);
        return -1;
    }
    memcpy(&seq, *at, sizeof seq);
    int status = (*at)[sizeof seq], settled = (int8_t)(*at)[sizeof seq + 1];
    *at += XOUT_HEAD;
    if (status == RT_ROW_BAD) {
        if ((size_t)(end - *at) < sizeof line) {
            rt_pipe_sys_error(m, 0, "rank %d sent a truncated outcome", k);
            return -1;
        }
        memcpy(&line, *at, sizeof line);
        *at += sizeof line;
    }
    RtRow *r = seq >= m->oseq0 && seq - m->oseq0 < m->rrows ? &ob->rows[seq - m->oseq0] : NULL;
    if (!r || r->status != ROW_UNSEEN) {
        rt_pipe_sys_error(
            m, 0, "rank %d sent the outcome of row %" PRId64 " twice or out of the round", k, seq);
        return -1;
    }
    ob->nrows++;
    r->seq = seq;
    r->line = line;
    r->status = (int8_t)status;
    r->settled = (int8_t)settled;
    const char *text[RT_PIPE_TEXTS] = {0};
    size_t len[RT_PIPE_TEXTS] = {0};
    int ok = status == RT_ROW_OK && !m->is_persons;
    int pieces = status == RT_ROW_BAD ? 2 : ok && sk->row_text ? RT_PIPE_TEXTS : 0;
    for (int i = 0; i < pieces; i++)
        if (!(text[i] = get_text(at, end, &len[i]))) {
            rt_pipe_sys_error(m, 0, "rank %d sent a truncated outcome", k);
            return -1;
        }
    if (status == RT_ROW_BAD) {
        char *raw = rt_pool_alloc(&m->opool, len[1] + 1);
        r->why = rt_pool_str(&m->opool, text[0], len[0]);
        if (!raw || !r->why) {
            rt_pipe_sys_error(m, 0, "out of memory");
            return -1;
        }
        memcpy(raw, text[1], len[1]);
        r->raw = raw;
        r->nraw = (uint32_t)len[1];
    } else if (ok && sk->row_remote && sk->row_remote(sk->self, r, text, len) < 0) {
        rt_pipe_sys_error(m, 0, "out of memory");
        return -1;
    }
    return 0;
}

/* rank 0: a record too long (l), rejected whole as alone (reject_long_record), into its row of
 * the round, without raw bytes: rt_ranks_long_copy copies them. 0, or -1 (error set). */
static int take_long(RtPipe *m, const RtLong *l)
{
    RtBlock *ob = &m->oblk;
    RtRow *r =
        l->seq >= m->oseq0 && l->seq - m->oseq0 < m->rrows ? &ob->rows[l->seq - m->oseq0] : NULL;
    if (!r || r->status != ROW_UNSEEN) {
        rt_pipe_sys_error(m, 0, "a record too long at row %" PRId64 " twice or out of the round",
                          l->seq);
        return -1;
    }
    char why[MSG_MAX];
    rt_csv_long_record(l->lines, why, sizeof why);
    ob->nrows++;
    r->seq = l->seq;
    r->line = l->line;
    r->status = RT_ROW_BAD;
    r->raw = NULL;
    r->nraw = 0;
    if (!(r->why = rt_pool_str(&m->opool, why, strlen(why)))) {
        rt_pipe_sys_error(m, 0, "out of memory");
        return -1;
    }
    return 0;
}

/* Across ranks, after a batch settled (claims) or merged (persons): every row's outcome (of
 * the persons file, the rejected and blank rows', the rest unseen on rank 0), in input order (its
 * row number, status and settled byte, then the line, the reason and the bytes of a rejected row,
 * or the sink's pieces of text of a good claim), gathered to rank 0, which puts each into its place
 * among the round's rows (m->oblk): from there on rank 0 sees the round as one process would see
 * its batch. 0, or -1 (error set). */
int rt_ranks_outcomes(RtPipe *m)
{
    const RtCluster *c = m->o->cluster;
    const RtPipeSink *sk = m->sink;
    RtLine *l = &m->xout;
    l->n = 0;
    for (size_t bi = 0; bi < m->used_blocks; bi++)
        for (size_t k = 0; k < m->blocks[bi].nrows; k++) {
            const RtRow *r = &m->blocks[bi].rows[k];
            /* a good persons row: nothing for rank 0 to write or count (a national persons
             * file is 1.3 billion rows) */
            if (m->is_persons && r->status == RT_ROW_OK)
                continue;
            char head[XOUT_HEAD];
            memcpy(head, &r->seq, sizeof r->seq);
            head[sizeof r->seq] = (char)r->status;
            head[sizeof r->seq + 1] = (char)r->settled;
            rt_line_add(l, head, sizeof head);
            if (r->status == RT_ROW_BAD) {
                rt_line_add(l, (const char *)&r->line, sizeof r->line);
                put_text(l, r->why, strlen(r->why));
                put_text(l, r->raw, r->nraw);
            } else if (r->status == RT_ROW_OK && !m->is_persons && sk->row_text) {
                const char *text[RT_PIPE_TEXTS] = {0};
                size_t len[RT_PIPE_TEXTS] = {0};
                sk->row_text(sk->self, r, text, len);
                for (int i = 0; i < RT_PIPE_TEXTS; i++)
                    put_text(l, text[i], len[i]);
            }
        }
    char **all = polrt_realloc(NULL, (size_t)c->size * sizeof *all);
    size_t *lens = polrt_realloc(NULL, (size_t)c->size * sizeof *lens);
    /* a rank short of memory stops the job (the others are at the gather) */
    if (l->oom || !all || !lens || c->gather(c, l->p, l->n, all, lens) < 0) {
        polrt_realloc(all, 0);
        polrt_realloc(lens, 0);
        rt_pipe_sys_error(m, 0, "out of memory");
        return -1;
    }
    int rc = 0;
    if (c->rank == 0) {
        RtBlock *ob = &m->oblk;
        rt_pool_reset(&m->opool);
        ob->nrows = 0;
        if (rt_grow(&ob->rows, &ob->cap_rows, (size_t)m->rrows + 1, sizeof *ob->rows) < 0) {
            rt_pipe_sys_error(m, 0, "out of memory");
            rc = -1;
        } else {
            memset(ob->rows, 0, (size_t)m->rrows * sizeof *ob->rows);
            for (int64_t i = 0; i < m->rrows; i++)
                ob->rows[i].status = ROW_UNSEEN;
        }
        for (int k = 0; k < c->size && rc == 0; k++) {
            const char *at = all[k], *end = all[k] + lens[k];
            while (at < end && rc == 0)
                rc = take_outcome(m, k, &at, end);
        }
        for (size_t i = 0; i < m->nlongs && rc == 0; i++)
            rc = take_long(m, &m->longs[i]);
        /* the persons file's good rows send nothing: the round's rows are all there, those
         * unseen skipped (they were read as the first rows only, and a rejected row past
         * them went untold) */
        if (rc == 0 && m->is_persons)
            ob->nrows = (size_t)m->rrows;
        if (rc == 0 && !m->is_persons && ob->nrows != (size_t)m->rrows) {
            rt_pipe_sys_error(m, 0, "the ranks sent %zu outcomes of a round of %" PRId64 " rows",
                              ob->nrows, m->rrows);
            rc = -1;
        }
        polrt_realloc(all[0], 0);
    }
    polrt_realloc(all, 0);
    polrt_realloc(lens, 0);
    return rc;
}

/* Across ranks, the persons file read: this rank's persons counted, the job's summed (rank 0
 * reports them) */
void rt_ranks_persons(RtPipe *m)
{
    const RtCluster *c = m->o->cluster;
    int64_t mine[2] = {m->st->npersons, m->st->persons_w};
    int64_t *all = m->xbase + 2 * c->size; /* 2 words a rank, as cluster_read's */
    c->allgather(c, mine, sizeof mine, all);
    m->st->npersons = m->st->persons_w = 0;
    for (int k = 0; k < c->size; k++) {
        m->st->npersons += all[2 * k];
        m->st->persons_w += all[2 * k + 1];
    }
}

/* Across ranks on a shared ledger (RtPipeOpts.ledger_turns, a PostgreSQL one), each writing
 * transaction holds the ledger's one-writer lock until it ends. Held by a rank waiting for the
 * others at an exchange while another waits for it, it would stop the job for ever (the first
 * try hung). So a rank's transaction spans only its settling of a batch, where it waits for no
 * rank: begun just before (waiting there, if need be, for the rank that holds the lock to
 * commit) and committed just after, before the outcomes go to rank 0, which writes the rows'
 * results only then: every claim is in the ledger before its result is written, as alone. A
 * rank with no claim in the batch takes no turn. Alone (or on its own SQLite file) a batch's
 * transaction is begun here too, and committed by the sink (run.c): none is held while the
 * input is read. 0, or -1 (error set: exit 4). */
int rt_ranks_ledger_turn(RtPipe *m, int begin)
{
    char err[MSG_MAX];
    size_t work = 0;
    for (int i = 0; i < m->nthreads; i++)
        work += m->th[i].nwork;
    if (begin && !work)
        return 0;
    if ((begin ? rt_ledger_begin : rt_ledger_commit)(m->o->store, err, sizeof err) != 0) {
        rt_pipe_sys_error(m, 0, "%s", err);
        return -1;
    }
    return 0;
}

int rt_ranks_gb18030(RtPipe *m, int enc)
{
    char why[MSG_MAX];
    struct stat st;
    int gb = rt_csv_is_gb18030(m->fd, m->path, enc, m->buf, m->cap, why, sizeof why);
    if (gb < 0) {
        rt_pipe_sys_error(m, 0, "%s", why);
        return -1;
    }
    /* not a regular file: converted whole as alone, and then refused (rt_ranks_begin) */
    if (!gb || fstat(m->fd, &st) != 0 || !S_ISREG(st.st_mode))
        return 0;
    /* the header's end in the file's own bytes: the first record that has a cell (blank lines
     * before it are skipped, as read_header does), found as alone in the converted text (a
     * line feed, comma or quote is never part of another GB18030 character); read in pieces
     * growing to the longest record */
    int64_t size = (int64_t)st.st_size;
    size_t want = PIPE_MIN_CHUNK, h = SIZE_MAX;
    m->cbuf.n = 0;
    while (h == SIZE_MAX) {
        size_t have = m->cbuf.n;
        if ((int64_t)want > size)
            want = (size_t)size;
        if (want > have && read_at(m, (int64_t)have, want - have) < 0)
            return -1;
        have = m->cbuf.n;
        int eof = (int64_t)have >= size;
        for (size_t pos = 0;;) {
            size_t e = rt_csv_record_end(m->cbuf.p, pos, have, eof), next;
            int64_t lines;
            const char *bad;
            if (e == SIZE_MAX || e <= pos) {
                if (eof)
                    h = have; /* blank lines alone: read_header says the file is empty */
                break;
            }
            int k = rt_csv_cells(m->cbuf.p, pos, e, &m->th[0].cells, &next, &lines, &bad);
            if (k < 0) {
                rt_pipe_sys_error(m, 0, "out of memory");
                return -1;
            }
            pos = e;
            if (k > 0) {
                h = e;
                break;
            }
        }
        if (h == SIZE_MAX && have >= RT_CSV_MAX_RECORD) {
            rt_pipe_error(m, "%s:1: record longer than %d MiB (%s)", m->path,
                          RT_CSV_MAX_RECORD >> 20, rt_csv_long_why(m->cbuf.p, have));
            return -1;
        }
        want *= 2;
    }
    m->conv.n = 0;
    if (rt_csv_gb18030_utf8(m->cbuf.p, h, &m->conv, 1) == SIZE_MAX) {
        rt_pipe_sys_error(m, 0, "cannot convert %s from GB18030: out of memory", m->path);
        return -1;
    }
    int fd = rt_csv_temp_text(m->conv.p, m->conv.n, m->path, why, sizeof why);
    if (fd < 0) {
        rt_pipe_sys_error(m, 0, "%s", why);
        return -1;
    }
    m->raw_fd = m->fd;
    m->fd = fd;
    m->raw_size = size;
    m->raw_data0 = (int64_t)h;
    return 1;
}
