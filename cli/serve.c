/* serve.c — polc serve (spec/SERVE.md): the settle core (runtime/service.c) behind HTTP/JSON
 * on libmicrohttpd, a pool of polling threads (a request waiting for the settling threads is
 * suspended). Around it: bearer tokens with two roles, body
 * and time limits, Prometheus metrics, a log without person ids, the engine regenerated on a
 * thread of its own (inotify on the policy file, SIGHUP, POST /v1/reload), and a graceful
 * stop on SIGTERM. The main thread only waits for signals. */
#include "cli.h"

#include <arpa/inet.h>
#include <cjson/cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "dl.h"
#include "engine.h"
#include "rt_int.h"
#include "service.h"

/* libmicrohttpd, opened when the service starts (runtime/dl.h): linked, it and the GnuTLS it
 * brings (with p11-kit, gmp, nettle's hogweed, libtasn1, idn2, unistring) were loaded and
 * initialised at every polc start, 0.6 M instructions of GnuTLS's constructors alone */
#define MHD_FUNCS(X)                                                                               \
    X(MHD_start_daemon)                                                                            \
    X(MHD_stop_daemon)                                                                             \
    X(MHD_quiesce_daemon)                                                                          \
    X(MHD_get_daemon_info)                                                                         \
    X(MHD_lookup_connection_value)                                                                 \
    X(MHD_get_connection_values)                                                                   \
    X(MHD_http_unescape)                                                                           \
    X(MHD_create_response_from_buffer)                                                             \
    X(MHD_add_response_header)                                                                     \
    X(MHD_queue_response)                                                                          \
    X(MHD_destroy_response)                                                                        \
    X(MHD_suspend_connection)                                                                      \
    X(MHD_get_connection_info)                                                                     \
    X(MHD_resume_connection)
static struct {
    MHD_FUNCS(RT_DL_SLOT)
} mhd;
static const char *const mhd_names[] = {MHD_FUNCS(RT_DL_NAME)};
RT_DL_CHECK(mhd, mhd_names, RT_SONAME_microhttpd);
static RtDl mhd_dl = RT_DL_INIT(RT_SONAME_microhttpd, "libmicrohttpd12", mhd_names, &mhd, 0);

/* the most tokens a tokens file holds (a counter's staff, a few systems, the admins) */
#define MAX_TOKENS 256
/* longest line of a tokens file, and of a token */
#define TOKEN_LINE 512
/* how long SIGTERM waits for the requests in flight before it stops anyway: longer than
 * any settlement takes, shorter than a supervisor's kill timeout (systemd: 90 s) */
#define STOP_WAIT_MS 30000
/* how long SIGTERM waits for bodies still arriving: a request whose body is complete by then
 * is answered (503: stopping); one still sending is cut off, not waited for up to --timeout
 * (a client that sent headers and half a body held the stop for 29 s: operations pass) */
#define STOP_BODY_GRACE_MS 2000
/* an editor's save may be several writes and a rename: events this close are one save (a
 * save's writes come within a millisecond or two; every ms here is a ms of the reload) */
#define WATCH_SETTLE_MS 20
/* the latency histogram of /metrics: upper bounds in seconds (Prometheus "le") */
static const double buckets[] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                 0.05,   0.1,   0.25,   0.5,   1,    2.5};
#define NBUCKETS (int)(sizeof buckets / sizeof buckets[0])
/* libmicrohttpd's memory a connection (its read buffer, half of it at first, the request's
 * headers, the answer's header): it zeroes the whole of it after every request, so its 32 KiB
 * default was 49,000 instructions a request of bench/serve.sh, a third of a request's with an
 * SQLite ledger (callgrind, which counts `rep stosb` a byte an instruction: the CPU's own cost
 * is nearer 1 us). 8 KiB holds a request's headers ~16 times over (a bearer token, the
 * client's few), and a body passes through it in 4 KiB reads, copied out as they come
 * (read_body). */
#define CONN_MEMORY 8192
/* the largest body buffer a connection keeps for its next request: a big batch's (up to
 * --max-body) is given back once answered, so 32 idle connections do not hold 32 MB */
#define KEEP_BODY 65536
/* A group's log lines are written together (group_end), before its answers go out: a write
 * a request was a twentieth of the service's system calls under bench/serve.sh (2 writes a
 * request: its line, and libmicrohttpd's wake-up of its polling thread); now 1.09 (groups of
 * ~11 requests there), its CPU within the noise (83.8 us a request, medians of 3 either
 * way). Lines are never held past their answers, so a crash loses no line of an answered
 * request. Room for ~200 lines; more are written as the room fills. */
#define LOG_BATCH 16384

typedef enum { ROLE_NONE, ROLE_SETTLE, ROLE_ADMIN } Role;

typedef struct Bearer {
    Role role;
    char *text;
} Bearer;

typedef enum { RELOAD_RELOADED, RELOAD_UNCHANGED, RELOAD_FAILED, RELOAD_REFUSED, NRELOAD } Reload;
static const char *const reload_name[NRELOAD] = {"reloaded", "unchanged", "failed", "refused"};

typedef struct ServeArgs {
    const char *listen, *ledger, *ledger_key, *tokens, *tls_cert, *tls_key;
    long max_body, max_claims, timeout, opt, threads;
} ServeArgs;

/* where a request is */
typedef enum { REQ_READING, REQ_WAITING, REQ_ANSWERED } ReqState;

/* one request's state while its body arrives and while it waits (suspended) for the settling
 * threads or a reload: a polling thread serves many connections, so it never blocks. One a
 * connection (connection_event), its body's buffer kept for the connection's next request:
 * a calloc, a realloc and two frees a request were ~1,200 instructions (callgrind, bench/serve.sh's
 * single-claim POSTs on keep-alive connections) */
typedef struct Req {
    char *body;
    size_t n, cap;
    int too_big; /* the body passed --max-body: read and dropped, answered 413 */
    int held;    /* counted in Server.held */
    int64_t t0;
    ReqState state;
    struct MHD_Connection *c;
    struct Server *S;
    ServiceReply r;   /* a settle or claim answer */
    int ep;           /* the endpoint (Ep) of a request in the settle core */
    int logged;       /* its log line was written with its group's (group_end) */
    long gen;         /* POST /v1/reload: the reload it waits for */
    struct Req *next; /* Server.waiting, or Server.resume */
} Req;

typedef struct Server {
    ServeArgs a;
    const char *policy; /* the POLICY or ENGINE.so operand */
    int is_so;
    Service *svc;
    int listen_fd; /* bound before anything else starts (open_listener), then libmicrohttpd's */
    struct MHD_Daemon *d;
    Bearer tokens[MAX_TOKENS];
    int ntokens; /* 0: no authentication */
    atomic_int stopping;
    atomic_int active; /* requests begun and not yet completed */
    atomic_int held;   /* of those, requests whose body arrived (in the settle core, or being
                          answered): SIGTERM waits for these, not for bodies still arriving */

    pthread_mutex_t mu; /* the engine in service, its description, reload results */
    Engine *engine;
    char *policy_json;  /* service_policy_json of engine */
    char loaded_at[32]; /* when it went into service */
    long reloads;       /* swaps done */
    int tried;          /* a reload was tried */
    Reload last;        /* its result */
    char last_at[32];
    char *last_msg; /* its diagnostics or reason (malloc'd) */
    char *last_sha; /* the engine's sha256 after it */

    /* the reload thread: reload requests are numbered; done is the last one answered */
    pthread_t reload_th, watch_th;
    int reload_started, watch_started;
    pthread_cond_t reload_cv;
    long want, done;
    int reload_stop;
    int watch_fd;
    atomic_llong saved_us; /* when the watch saw the policy saved (mono_us), 0: no save pending */
    struct Req *waiting;   /* POST /v1/reload requests suspended until their reload is done */

    /* a group's answers (settled, group_end; the settling thread's only): their log lines,
     * written at once, and the requests to resume once they are */
    char group_log[LOG_BATCH];
    size_t group_n;
    struct Req *resume;

    /* metrics */
    atomic_llong codes[600];
    atomic_llong hist[NBUCKETS + 1]; /* per bucket, then +Inf */
    atomic_llong lat_us, nlat;
    atomic_llong reload_count[NRELOAD];
} Server;

/* ---- small helpers -------------------------------------------------------------------- */

static void now_iso(char *buf, size_t len)
{
    struct timespec ts;
    struct tm tm;
    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int64_t mono_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* a log line on stderr: what happened, never a body, a person id or a reason text. Formatted
 * once and written whole by one write(2), so lines of concurrent requests never interleave:
 * fprintf to the unbuffered stderr formatted every request's line twice (5% of the service's
 * CPU under bench/serve.sh, perf) */
static const char log_prefix[] = "polc: serve: ";

/* Where the log goes. A log read through a pipe (systemd's journal, `| logger`, a tee) whose
 * reader stops would block the thread writing a line: since a group's lines are written by
 * the settling thread, every settlement would wait on the log's reader. A pipe's lines are
 * written through a descriptor of our own, non-blocking (stderr reopened through /proc, so the
 * parent's stderr keeps its flags); a socket's are sent with MSG_DONTWAIT. A write the reader
 * has no room for drops its lines and counts them; the next write that goes through says how
 * many were dropped, first. A file or a terminal is written as before. */
enum { LOG_BLOCKING, LOG_PIPE, LOG_SOCKET };
static int log_fd = STDERR_FILENO, log_kind = LOG_BLOCKING;
static atomic_long log_dropped; /* lines no room was found for since the last told */

static void log_open(void)
{
    struct stat st;
    if (fstat(STDERR_FILENO, &st) != 0)
        return;
    if (S_ISFIFO(st.st_mode)) {
        int fd = open("/proc/self/fd/2", O_WRONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd >= 0) {
            log_fd = fd;
            log_kind = LOG_PIPE;
        }
    } else if (S_ISSOCK(st.st_mode))
        log_kind = LOG_SOCKET;
}

/* buf[0..len) to the log whole, blocking; 0, or -1 */
static int log_all(const char *buf, size_t len)
{
    for (size_t off = 0; off < len;) { /* a short write: the rest */
        ssize_t w = write(STDERR_FILENO, buf + off, len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        off += (size_t)w;
    }
    return 0;
}

/* whole lines buf[0..len) (len <= PIPE_BUF: a pipe takes them at once or not at all), without
 * waiting for the reader: 1 written, 0 no room (nothing written), -1 the log is gone */
static int log_try(const char *buf, size_t len)
{
    for (;;) {
        ssize_t w = log_kind == LOG_SOCKET
                        ? send(STDERR_FILENO, buf, len, MSG_DONTWAIT | MSG_NOSIGNAL)
                        : write(log_fd, buf, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -1;
        /* a stream socket may take part: the rest is waited for, not torn */
        return (size_t)w == len || log_all(buf + w, len - (size_t)w) == 0 ? 1 : -1;
    }
}

static long count_lines(const char *buf, size_t len)
{
    long n = 0;
    for (const char *p = buf; (p = memchr(p, '\n', (size_t)(buf + len - p))); p++)
        n++;
    return n;
}

/* log lines (each with its newline) written whole */
static void log_write(const char *buf, size_t len)
{
    if (log_kind == LOG_BLOCKING) {
        log_all(buf, len);
        return;
    }
    while (len) {
        /* the most whole lines that fit in one atomic write */
        size_t n = len;
        if (n > PIPE_BUF) {
            n = PIPE_BUF;
            while (n > 0 && buf[n - 1] != '\n')
                n--;
            if (n == 0) /* a line longer than PIPE_BUF (logf_'s are 512 bytes at most) */
                n = PIPE_BUF;
        }
        /* a load first: the exchange (a locked instruction) only when lines were dropped */
        long dropped = atomic_load_explicit(&log_dropped, memory_order_relaxed)
                           ? atomic_exchange(&log_dropped, 0)
                           : 0;
        if (dropped) {
            char note[160];
            int k = snprintf(note, sizeof note,
                             "%s%ld log line%s dropped: the log's reader did not keep up\n",
                             log_prefix, dropped, dropped == 1 ? "" : "s");
            if (log_try(note, (size_t)k) != 1) {
                atomic_fetch_add(&log_dropped, dropped + count_lines(buf, len));
                return;
            }
        }
        if (log_try(buf, n) != 1) {
            atomic_fetch_add(&log_dropped, count_lines(buf, len));
            return;
        }
        buf += n;
        len -= n;
    }
}

__attribute__((format(printf, 1, 2))) static void logf_(const char *fmt, ...)
{
    char line[512];
    memcpy(line, log_prefix, sizeof log_prefix - 1);
    va_list ap;
    va_start(ap, fmt);
    size_t room = sizeof line - sizeof log_prefix; /* the message and its NUL; then the newline */
    int n = vsnprintf(line + sizeof log_prefix - 1, room, fmt, ap);
    va_end(ap);
    size_t len = sizeof log_prefix - 1 + (n < 0 ? 0 : (size_t)n < room ? (size_t)n : room - 1);
    line[len++] = '\n';
    log_write(line, len);
}

/* a line of the settle core (service_set_log) */
static void log_line(const char *line)
{
    logf_("%s", line);
}

/* s at w: past it */
static char *put_text(char *w, const char *s, size_t n)
{
    memcpy(w, s, n);
    return w + n;
}

/* v in decimal at w: past it */
static char *put_num(char *w, long long v)
{
    char digits[24], *d = digits + sizeof digits;
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    do
        *--d = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        *w++ = '-';
    return put_text(w, d, (size_t)(digits + sizeof digits - d));
}

/* room for a request's log line (log_format) */
#define LOG_LINE (sizeof log_prefix + 128)

/* A request's log line, "METHOD PATH CODE N claims MS ms" ("1 claim"; the method cut at 8
 * bytes, the milliseconds to two places), the bytes logf_ wrote with "%.8s %s %d %d claim%s
 * %.2f ms", at line (LOG_LINE bytes): its length.
 * Made without vsnprintf, which was ~2,600 instructions a request (callgrind under
 * bench/serve.sh; %.2f of a double half of it), most of answering one */
static size_t log_format(char *line, const char *method, const char *path, int code, int nclaims,
                         int64_t us)
{
    char *w = line;
    long long cs = (long long)(us + 5) / 10; /* hundredths of a millisecond, rounded */
    w = put_text(w, log_prefix, sizeof log_prefix - 1);
    w = put_text(w, method, strnlen(method, 8));
    *w++ = ' ';
    w = put_text(w, path, strlen(path)); /* one of finish's names: 16 bytes at most */
    *w++ = ' ';
    w = put_num(w, code);
    *w++ = ' ';
    w = put_num(w, nclaims);
    w = put_text(w, " claim", 6);
    w = put_text(w, diag_plural(nclaims), nclaims != 1);
    *w++ = ' ';
    w = put_num(w, cs / 100);
    *w++ = '.';
    *w++ = (char)('0' + cs % 100 / 10);
    *w++ = (char)('0' + cs % 10);
    w = put_text(w, " ms\n", 4);
    return (size_t)(w - line);
}

static void log_request(const char *method, const char *path, int code, int nclaims, int64_t us)
{
    char line[LOG_LINE];
    log_write(line, log_format(line, method, path, code, nclaims, us));
}

static char *read_file(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len + 4096 + 1 > cap) {
            cap = cap ? cap * 2 : 8192;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
        }
        size_t got = fread(buf + len, 1, cap - len - 1, f);
        len += got;
        if (got == 0)
            break;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return NULL;
    }
    buf[len] = '\0';
    if (n)
        *n = len;
    return buf;
}

/* ---- tokens ------------------------------------------------------------------------------ */

/* "ROLE TOKEN" lines; 0, or -1 after a message */
static int load_tokens(Server *S, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "polc: serve: cannot read %s: %s\n", path, strerror(errno));
        return -1;
    }
    char why[512]; /* a token is a password: checked as --ledger-key's file is */
    if (rt_secret_refused(fileno(f), "the tokens file", path, why, sizeof why)) {
        fprintf(stderr, "polc: serve: %s\n", why);
        fclose(f);
        return -1;
    }
    char line[TOKEN_LINE];
    int lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char role[32], tok[TOKEN_LINE], extra[8];
        char *p = line + strspn(line, " \t");
        if (*p == '#' || *p == '\n' || *p == '\r' || !*p)
            continue;
        int n = sscanf(p, "%31s %511s %7s", role, tok, extra);
        Role r = !strcmp(role, "settle")  ? ROLE_SETTLE
                 : !strcmp(role, "admin") ? ROLE_ADMIN
                                          : ROLE_NONE;
        if (n != 2 || r == ROLE_NONE) {
            fprintf(stderr, "polc: serve: %s:%d: expected 'settle TOKEN' or 'admin TOKEN'\n", path,
                    lineno);
            fclose(f);
            return -1;
        }
        if (S->ntokens == MAX_TOKENS) {
            fprintf(stderr, "polc: serve: %s: more than %d tokens\n", path, MAX_TOKENS);
            fclose(f);
            return -1;
        }
        S->tokens[S->ntokens].role = r;
        S->tokens[S->ntokens++].text = strdup(tok);
    }
    fclose(f);
    if (S->ntokens == 0) {
        fprintf(stderr, "polc: serve: %s: no tokens\n", path);
        return -1;
    }
    return 0;
}

/* equal strings, in time that depends on the lengths only (no early exit on a byte) */
static int same_secret(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    unsigned char diff = n != m;
    for (size_t i = 0; i < n && i < m; i++)
        diff |= (unsigned char)(a[i] ^ b[i]);
    return diff == 0;
}

/* the role of the request's bearer token: ROLE_ADMIN when no tokens are configured */
static Role role_of(Server *S, struct MHD_Connection *c, int *given)
{
    *given = 0;
    if (S->ntokens == 0)
        return ROLE_ADMIN;
    const char *h = mhd.MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
    if (!h || strncasecmp(h, "Bearer ", 7) != 0)
        return ROLE_NONE;
    *given = 1;
    const char *t = h + 7;
    Role r = ROLE_NONE;
    for (int i = 0; i < S->ntokens; i++)
        if (same_secret(S->tokens[i].text, t) && S->tokens[i].role > r)
            r = S->tokens[i].role;
    return r;
}

/* ---- answering ------------------------------------------------------------------------------- */

static enum MHD_Result answer(struct MHD_Connection *c, int code, char *body, size_t len,
                              const char *ctype, const char *allow)
{
    struct MHD_Response *r = mhd.MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(body);
        return MHD_NO;
    }
    mhd.MHD_add_response_header(r, "Content-Type", ctype);
    if (code == 401)
        mhd.MHD_add_response_header(r, "WWW-Authenticate", "Bearer");
    if (allow)
        mhd.MHD_add_response_header(r, "Allow", allow);
    enum MHD_Result rc = mhd.MHD_queue_response(c, (unsigned)code, r);
    mhd.MHD_destroy_response(r);
    return rc;
}

static char *error_body(const char *msg, size_t *len)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "error", msg);
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    *len = s ? strlen(s) : 0;
    return s;
}

/* ---- the engine and its reloads -------------------------------------------------------------- */

/* put engine e (loaded) into the server's record: its description, when */
static void engine_in_service(Server *S, Engine *e)
{
    char *pj = service_policy_json(e->pe);
    pthread_mutex_lock(&S->mu);
    free(S->policy_json);
    S->policy_json = pj;
    S->engine = e;
    now_iso(S->loaded_at, sizeof S->loaded_at);
    pthread_mutex_unlock(&S->mu);
}

/* Compile the policy again at JIT level opt and put it in service: the result, with
 * diagnostics or the reason in *msg (malloc'd, or NULL). again: the policy in service
 * compiled better (the same source swaps too). Only the reload thread calls it. */
static Reload reload_once(Server *S, int opt, int again, char **msg)
{
    *msg = NULL;
    if (S->is_so) {
        *msg = strdup("a built ENGINE.so is not reloaded: serve the policy to have it reloaded");
        return RELOAD_REFUSED;
    }
    if (!S->a.ledger) {
        *msg = strdup("the ledger is in memory: it cannot carry over to a new engine (serve "
                      "with --ledger FILE)");
        return RELOAD_REFUSED;
    }
    Engine *ne = calloc(1, sizeof *ne);
    if (!ne) {
        *msg = strdup("out of memory");
        return RELOAD_FAILED;
    }
    char *dbuf = NULL;
    size_t dlen = 0;
    FILE *df = open_memstream(&dbuf, &dlen);
    EngineSpec spec = {.path = S->policy, .mode = ENGINE_JIT, .opt = opt, .diag = df};
    EngineStatus st = engine_load(ne, &spec);
    if (df)
        fclose(df);
    ne->diag.out = stderr; /* the memory stream is gone */
    if (st != ENGINE_OK) {
        engine_free(ne);
        free(ne);
        *msg = dbuf && dlen ? dbuf : strdup("the policy could not be compiled (see the log)");
        if (*msg != dbuf)
            free(dbuf);
        return RELOAD_FAILED;
    }
    free(dbuf);
    pthread_mutex_lock(&S->mu);
    Engine *old = S->engine;
    pthread_mutex_unlock(&S->mu);
    /* again: only the same source (a save meanwhile is the next reload's) */
    int same = !strcmp(polrt_engine_sha256(old->pe), polrt_engine_sha256(ne->pe));
    if (same != again) {
        engine_free(ne);
        free(ne);
        return RELOAD_UNCHANGED;
    }
    char err[512];
    int rc = service_swap(S->svc, ne->pe, err, sizeof err);
    if (rc != 0) {
        engine_free(ne);
        free(ne);
        *msg = strdup(err);
        return rc == 1 ? RELOAD_REFUSED : RELOAD_FAILED;
    }
    engine_in_service(S, ne);
    engine_free(old); /* the settling thread has let go of it */
    free(old);
    return RELOAD_RELOADED;
}

static int reload_answer(Server *S, char **body, size_t *len);

/* the POST /v1/reload requests whose reload is done: answered, resumed (S->mu held) */
static void answer_waiting(Server *S)
{
    for (Req **p = &S->waiting; *p;) {
        Req *q = *p;
        if (q->gen > S->done && !S->reload_stop) {
            p = &q->next;
            continue;
        }
        *p = q->next;
        q->r.code = reload_answer(S, &q->r.body, &q->r.len);
        q->state = REQ_ANSWERED;
        mhd.MHD_resume_connection(q->c);
    }
}

/* the most of a failed reload's first diagnostic the log shows (bytes): a line of the log
 * holds 512, and a diagnostic's first line is ~100 */
#define RELOAD_WHY_LOGGED 300

static void *reload_main(void *arg)
{
    Server *S = arg;
    rt_thread_name("polc-reload", 0);
    pthread_mutex_lock(&S->mu);
    for (;;) {
        while (S->want == S->done && !S->reload_stop)
            pthread_cond_wait(&S->reload_cv, &S->mu);
        if (S->reload_stop)
            break;
        long gen = S->want;
        pthread_mutex_unlock(&S->mu);
        int64_t t0 = mono_us(), saved = atomic_exchange(&S->saved_us, 0);
        char *msg;
        /* -O0 first: LLVM's optimisation is most of a compile, and the results are the same
         * bit for bit at every level; the -O level asked for follows (below) */
        Reload r = reload_once(S, 0, 0, &msg);
        atomic_fetch_add(&S->reload_count[r], 1);
        int64_t t1 = mono_us();
        /* a failed or refused reload's first line (the first diagnostic, or the ledger's
         * reason), cut on a character, so the operator watching the log sees why; the whole
         * text is /v1/policy's. A policy's text holds no person's data. */
        const char *why = (r == RELOAD_FAILED || r == RELOAD_REFUSED) && msg ? msg : "";
        int wn = (int)strcspn(why, "\n");
        if (wn > RELOAD_WHY_LOGGED)
            for (wn = RELOAD_WHY_LOGGED; wn > 0 && (why[wn] & 0xC0) == 0x80;)
                wn--;
        char after[64] = "";
        if (saved)
            snprintf(after, sizeof after, ", %.1f ms after the save",
                     (double)(t1 - saved) / 1000.0);
        logf_("reload: %s in %.1f ms%s%s%.*s", reload_name[r], (double)(t1 - t0) / 1000.0, after,
              wn ? ": " : "", wn, why);
        pthread_mutex_lock(&S->mu);
        S->tried = 1;
        S->last = r;
        now_iso(S->last_at, sizeof S->last_at);
        free(S->last_msg);
        S->last_msg = msg;
        free(S->last_sha);
        S->last_sha = strdup(polrt_engine_sha256(S->engine->pe));
        if (r == RELOAD_RELOADED)
            S->reloads++;
        S->done = gen;
        answer_waiting(S);
        if (r == RELOAD_RELOADED && S->a.opt > 0 && S->want == S->done && !S->reload_stop) {
            /* the same policy at -O as asked, swapped in when compiled; a save meanwhile is
             * the next reload's (want moved on), and this one is then dropped */
            pthread_mutex_unlock(&S->mu);
            char *m2 = NULL;
            int64_t t2 = mono_us();
            Reload r2 = reload_once(S, (int)S->a.opt, 1, &m2);
            logf_("reload: -O%ld %s in %.1f ms", S->a.opt,
                  r2 == RELOAD_RELOADED    ? "in service"
                  : r2 == RELOAD_UNCHANGED ? "dropped (the policy changed meanwhile)"
                                           : "failed",
                  (double)(mono_us() - t2) / 1000.0);
            free(m2);
            pthread_mutex_lock(&S->mu);
        }
    }
    pthread_mutex_unlock(&S->mu);
    return NULL;
}

/* ask for a reload (S->mu held): its number, done once S->done reaches it */
static long reload_ask(Server *S)
{
    long gen = ++S->want;
    pthread_cond_signal(&S->reload_cv);
    return gen;
}

static long reload_request(Server *S)
{
    pthread_mutex_lock(&S->mu);
    long gen = reload_ask(S);
    pthread_mutex_unlock(&S->mu);
    return gen;
}

/* The policy file's directory, watched: a save (a write closed, or a file renamed over it)
 * asks for a reload. The directory, not the file: an editor that saves by renaming replaces
 * the file, and a watch on the old one would see nothing more. */
static void *watch_main(void *arg)
{
    Server *S = arg;
    rt_thread_name("polc-watch", 0);
    const char *slash = strrchr(S->policy, '/');
    const char *base = slash ? slash + 1 : S->policy;
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    while (!atomic_load(&S->stopping)) {
        struct pollfd p = {S->watch_fd, POLLIN, 0};
        if (poll(&p, 1, 200) <= 0)
            continue;
        int hit = 0;
        int64_t first = mono_us();
        for (;;) {
            ssize_t n = read(S->watch_fd, buf, sizeof buf);
            if (n <= 0)
                break;
            for (char *q = buf; q < buf + n;) {
                struct inotify_event *ev = (struct inotify_event *)q;
                if (ev->len && !strcmp(ev->name, base))
                    hit = 1;
                q += sizeof *ev + ev->len;
            }
            struct pollfd more = {S->watch_fd, POLLIN, 0};
            if (poll(&more, 1, WATCH_SETTLE_MS) <= 0)
                break;
        }
        if (hit) {
            logf_("reload: the policy file changed");
            int64_t none = 0;
            atomic_compare_exchange_strong(&S->saved_us, &none, first);
            reload_request(S);
        }
    }
    return NULL;
}

/* ---- endpoints ----------------------------------------------------------------------------- */

static char *metrics_text(Server *S, size_t *len)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    if (!f)
        return NULL;
    int64_t counts[SVC_NSTATUS];
    service_counts(S->svc, counts);
    fputs("# HELP polc_claims_total Claims answered, by status.\n"
          "# TYPE polc_claims_total counter\n",
          f);
    for (int i = 0; i < SVC_NSTATUS; i++)
        fprintf(f, "polc_claims_total{status=\"%s\"} %lld\n", service_status_name[i],
                (long long)counts[i]);
    fputs("# HELP polc_requests_total HTTP requests, by status code.\n"
          "# TYPE polc_requests_total counter\n",
          f);
    for (int c = 100; c < 600; c++) {
        long long v = atomic_load(&S->codes[c]);
        if (v)
            fprintf(f, "polc_requests_total{code=\"%d\"} %lld\n", c, v);
    }
    fputs("# HELP polc_settle_seconds Time to answer POST /v1/settle.\n"
          "# TYPE polc_settle_seconds histogram\n",
          f);
    long long cum = 0;
    for (int b = 0; b <= NBUCKETS; b++) {
        cum += atomic_load(&S->hist[b]);
        if (b < NBUCKETS)
            fprintf(f, "polc_settle_seconds_bucket{le=\"%g\"} %lld\n", buckets[b], cum);
        else
            fprintf(f, "polc_settle_seconds_bucket{le=\"+Inf\"} %lld\n", cum);
    }
    fprintf(f, "polc_settle_seconds_sum %.6f\npolc_settle_seconds_count %lld\n",
            (double)atomic_load(&S->lat_us) / 1e6, (long long)atomic_load(&S->nlat));
    fputs("# HELP polc_reloads_total Engine reloads, by result.\n"
          "# TYPE polc_reloads_total counter\n",
          f);
    for (int r = 0; r < NRELOAD; r++)
        fprintf(f, "polc_reloads_total{result=\"%s\"} %lld\n", reload_name[r],
                (long long)atomic_load(&S->reload_count[r]));
    fclose(f);
    *len = n;
    return buf;
}

static char *policy_text(Server *S, size_t *len)
{
    pthread_mutex_lock(&S->mu);
    cJSON *o = cJSON_Parse(S->policy_json ? S->policy_json : "{}");
    if (!o)
        o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "loaded_at", S->loaded_at);
    cJSON_AddNumberToObject(o, "reloads", (double)S->reloads);
    if (S->tried) {
        cJSON *l = cJSON_AddObjectToObject(o, "last_reload");
        cJSON_AddStringToObject(l, "at", S->last_at);
        cJSON_AddStringToObject(l, "result", reload_name[S->last]);
        if (S->last_msg)
            cJSON_AddStringToObject(l, S->last == RELOAD_FAILED ? "diagnostics" : "error",
                                    S->last_msg); /* the members of POST /v1/reload's answer */
    } else {
        cJSON_AddNullToObject(o, "last_reload"); /* spec/SERVE.md: null until a reload is tried */
    }
    pthread_mutex_unlock(&S->mu);
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    *len = s ? strlen(s) : 0;
    return s;
}

/* POST /v1/reload's answer: the last reload's result (S->mu held); its status code */
static int reload_answer(Server *S, char **body, size_t *len)
{
    cJSON *o = cJSON_CreateObject();
    Reload r = S->last;
    cJSON_AddStringToObject(o, "result", reload_name[r]);
    if (S->last_sha)
        cJSON_AddStringToObject(o, "sha256", S->last_sha);
    if (S->last_msg)
        cJSON_AddStringToObject(o, r == RELOAD_FAILED ? "diagnostics" : "error", S->last_msg);
    *body = cJSON_PrintUnformatted(o);
    *len = *body ? strlen(*body) : 0;
    cJSON_Delete(o);
    return r == RELOAD_RELOADED || r == RELOAD_UNCHANGED ? 200 : r == RELOAD_FAILED ? 422 : 409;
}

/* ---- the request handler -------------------------------------------------------------------- */

/* a yes/no query parameter's value: 1 yes, 0 no, -1 another (refusal() answers 400) */
static int yes_no(const char *v)
{
    if (v && (!strcmp(v, "1") || !strcmp(v, "true") || !strcmp(v, "yes")))
        return 1;
    return v && (!strcmp(v, "0") || !strcmp(v, "false") || !strcmp(v, "no")) ? 0 : -1;
}

/* the path's and the query's percent-decoding (MHD_OPTION_UNESCAPE_CALLBACK): libmicrohttpd's,
 * but a %00 decodes to C0 80, which no UTF-8 check passes, so GET /v1/claims/Z001%00xyz is a
 * 400 (not UTF-8 text) and ?late=reject%00x a bad value: decoded to a NUL, the string ended
 * there, and Z001's reprint answered for a claim id no claim has */
static size_t unescape(void *cls, struct MHD_Connection *c, char *s)
{
    (void)cls, (void)c;
    char *w = s;
    for (const char *r = s; *r;) {
        if (r[0] == '%' && r[1] == '0' && r[2] == '0') {
            *w++ = (char)0xC0;
            *w++ = (char)0x80;
            r += 3;
        } else {
            *w++ = *r++;
        }
    }
    *w = 0;
    return mhd.MHD_http_unescape(s);
}

static void request_done(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
    Server *S = cls;
    Req *q = *con_cls;
    (void)c;
    (void)toe;
    if (!q)
        return;
    if (q->held)
        atomic_fetch_sub(&S->held, 1);
    if (q->cap > KEEP_BODY) {
        free(q->body);
        q->body = NULL;
        q->cap = 0;
    }
    *con_cls = NULL; /* the Req is the connection's (connection_event frees it) */
    atomic_fetch_sub(&S->active, 1);
}

/* a connection's Req, made when it opens and freed when it closes (after its last request's
 * request_done) */
static void connection_event(void *cls, struct MHD_Connection *c, void **socket_context,
                             enum MHD_ConnectionNotificationCode toe)
{
    (void)cls;
    (void)c;
    if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
        *socket_context = calloc(1, sizeof(Req)); /* NULL: its requests are refused (handle) */
    } else if (*socket_context) {
        Req *q = *socket_context;
        free(q->body);
        free(q);
        *socket_context = NULL;
    }
}

/* the route of a request path: the endpoint's methods, its role, its log name */
typedef enum {
    EP_SETTLE,
    EP_CLAIM,
    EP_POLICY,
    EP_RELOAD,
    EP_HEALTH,
    EP_METRICS,
    EP_REVERSE,
    EP_NONE
} Ep;

/* an endpoint's name in the log */
static const char *const log_name[] = {"/v1/settle", "/v1/claims/{id}", "/v1/policy",  "/v1/reload",
                                       "/v1/health", "/metrics",        "/v1/reverse", "?"};

static Ep route(const char *url)
{
    if (!strcmp(url, "/v1/settle"))
        return EP_SETTLE;
    /* the rest of the path, percent-decoded by libmicrohttpd, is the id: a claim id may hold
     * a slash (ZY2017/0001, sent as ZY2017%2F0001), and was once "no such endpoint" */
    if (!strncmp(url, "/v1/claims/", 11) && url[11])
        return EP_CLAIM;
    if (!strcmp(url, "/v1/policy"))
        return EP_POLICY;
    if (!strcmp(url, "/v1/reload"))
        return EP_RELOAD;
    if (!strcmp(url, "/v1/health"))
        return EP_HEALTH;
    if (!strcmp(url, "/metrics"))
        return EP_METRICS;
    if (!strcmp(url, "/v1/reverse"))
        return EP_REVERSE;
    return EP_NONE;
}

/* the answer of a request: metrics, the log line, queued */
static enum MHD_Result finish(Server *S, struct MHD_Connection *c, Req *q, Ep ep,
                              const char *method, int code, char *body, size_t len, int nclaims,
                              const char *ctype, const char *allow)
{
    if (!body) {
        code = 500;
        body = strdup("{\"error\":\"out of memory\"}");
        len = body ? strlen(body) : 0;
    }
    int64_t us = mono_us() - q->t0;
    if (code >= 100 && code < 600)
        atomic_fetch_add(&S->codes[code], 1);
    if (ep == EP_SETTLE) {
        int b = 0;
        while (b < NBUCKETS && (double)us / 1e6 > buckets[b])
            b++;
        atomic_fetch_add(&S->hist[b], 1);
        atomic_fetch_add(&S->lat_us, us);
        atomic_fetch_add(&S->nlat, 1);
    }
    if (ep != EP_HEALTH && ep != EP_METRICS && !q->logged)
        log_request(method, log_name[ep], code, nclaims, us);
    return answer(c, code, body, len, ctype, allow);
}

/* a group's log lines written, then its requests' connections resumed (the settling thread) */
static void group_end(void *arg)
{
    Server *S = arg;
    log_write(S->group_log, S->group_n);
    S->group_n = 0;
    for (Req *q = S->resume, *next; q; q = next) {
        next = q->next; /* q is its connection's again once resumed */
        mhd.MHD_resume_connection(q->c);
    }
    S->resume = NULL;
}

/* a settle or claim request is answered (on the settling thread): its log line joins its
 * group's, and its connection resumes at the group's end (group_end) */
static void settled(void *arg)
{
    Req *q = arg;
    Server *S = q->S;
    q->state = REQ_ANSWERED;
    if (S->group_n + LOG_LINE > sizeof S->group_log) {
        log_write(S->group_log, S->group_n);
        S->group_n = 0;
    }
    S->group_n += log_format(S->group_log + S->group_n, q->ep == EP_CLAIM ? "GET" : "POST",
                             log_name[q->ep], q->r.code, q->r.nclaims, mono_us() - q->t0);
    q->logged = 1;
    q->next = S->resume;
    S->resume = q;
}

/* A piece of a request's body (data[0..*size)) kept, or dropped past --max-body (answered 413
 * once it is all read); a body that takes longer than --timeout closes the connection */
static enum MHD_Result read_body(Server *S, Req *q, const char *url, const char *method,
                                 const char *data, size_t *size)
{
    /* --timeout bounds a whole request too, not only the silence between its bytes: a
     * client trickling a body a byte at a time is cut off (the connection closed) */
    if (mono_us() - q->t0 > (int64_t)S->a.timeout * 1000000) {
        atomic_fetch_add(&S->codes[408], 1);
        logf_("%.8s %s: the body took longer than %ld s: connection closed", method,
              route(url) == EP_NONE ? "?" : "request", S->a.timeout);
        return MHD_NO;
    }
    if (!q->too_big && q->n + *size > (size_t)S->a.max_body) {
        q->too_big = 1;
        free(q->body);
        q->body = NULL;
        q->n = q->cap = 0;
    }
    if (!q->too_big) {
        if (q->n + *size + 1 > q->cap) {
            size_t cap = q->cap ? q->cap : 4096;
            while (cap < q->n + *size + 1)
                cap *= 2;
            char *nb = realloc(q->body, cap);
            if (!nb)
                return MHD_NO;
            q->body = nb;
            q->cap = cap;
        }
        memcpy(q->body + q->n, data, *size);
        q->n += *size;
    }
    *size = 0;
    return MHD_YES;
}

/* the query parameters of a request (MHD_get_connection_values): the first one its endpoint
 * does not take, the first given twice (?explain=1&explain=0: MHD_lookup_connection_value
 * reads the first alone, so a second ?late=bogus went unchecked), whether explain was given
 * a value it does not take, and late's value (a bare ?explain or ?late has none: "") */
typedef struct QueryCheck {
    Ep ep;
    const char *unknown;
    const char *twice;
    int bad_explain;
    const char *explain;
    const char *late;
    int not_text;
} QueryCheck;

static enum MHD_Result query_known(void *cls, enum MHD_ValueKind kind, const char *key,
                                   const char *value)
{
    QueryCheck *k = cls;
    (void)kind;
    /* echoed in a message, its bytes made the answer's JSON not UTF-8 (?explain=%FF) */
    if (!rt_utf8_valid(key, strlen(key)) || (value && !rt_utf8_valid(value, strlen(value)))) {
        k->not_text = 1;
        return MHD_NO;
    }
    int explain = !strcmp(key, "explain");
    if (k->ep == EP_SETTLE && (explain || !strcmp(key, "late"))) {
        const char **seen = explain ? &k->explain : &k->late;
        if (*seen) {
            k->twice = key;
            return MHD_NO;
        }
        *seen = value ? value : "";
        k->bad_explain = explain && yes_no(value) < 0;
        return k->bad_explain ? MHD_NO : MHD_YES;
    }
    k->unknown = key;
    return MHD_NO;
}

/* An answer that refuses the request before its endpoint sees it (no such endpoint, the
 * method, the token, stopping, a query parameter unknown or of a bad value, the body too big):
 * the status code with the body in *body (and an Allow header's value in *allow), or 0: the
 * endpoint answers, with the query's SVC_EXPLAIN and SVC_LATE_REJECT in *flags */
static int refusal(Server *S, struct MHD_Connection *c, Req *q, Ep ep, const char *method,
                   char **body, size_t *len, const char **allow, int *flags)
{
    int get = !strcmp(method, "GET"), post = !strcmp(method, "POST");
    int given;
    Role need = ep == EP_HEALTH || ep == EP_METRICS ? ROLE_NONE
                : ep == EP_RELOAD                   ? ROLE_ADMIN
                                                    : ROLE_SETTLE;
    int want_post = ep == EP_SETTLE || ep == EP_RELOAD || ep == EP_REVERSE;
    if (ep == EP_NONE) {
        *body = error_body("no such endpoint", len);
        return 404;
    }
    if ((want_post && !post) || (!want_post && !get)) {
        *allow = want_post ? "POST" : "GET";
        *body = error_body(
            want_post ? "method not allowed: use POST" : "method not allowed: use GET", len);
        return 405;
    }
    if (need != ROLE_NONE && role_of(S, c, &given) < need) {
        Role have = role_of(S, c, &given);
        int code = have == ROLE_NONE ? 401 : 403;
        *body = error_body(code == 401 ? (given ? "unknown token" : "a bearer token is required")
                                       : "the token's role does not allow this (admin needed)",
                           len);
        return code;
    }
    if (atomic_load(&S->stopping) && ep != EP_METRICS) {
        if (ep == EP_HEALTH) {
            *body = strdup("{\"status\":\"stopping\"}");
            *len = *body ? strlen(*body) : 0;
        } else {
            *body = error_body("the service is stopping", len);
        }
        return 503;
    }
    /* a parameter mistyped (?explian=1) or sent where it does nothing (a reprint's
     * ?explain=1) was ignored without a word: the answer simply lacked what was asked for */
    QueryCheck k = {ep, NULL, NULL, 0, NULL, NULL, 0};
    if (ep == EP_SETTLE || ep == EP_REVERSE || ep == EP_CLAIM)
        mhd.MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, query_known, &k);
    if (k.not_text) {
        *body = error_body("query: not UTF-8 text (percent-decoded)", len);
        return 400;
    }
    if (k.unknown) {
        char msg[200];
        snprintf(msg, sizeof msg, "query: unknown parameter '%s' (%s)", RT_SHOW(k.unknown),
                 ep == EP_SETTLE ? "POST /v1/settle takes explain and late"
                 : ep == EP_CLAIM
                     ? "GET /v1/claims/{id} takes none: POST /v1/settle?explain=1 explains a claim"
                     : "POST /v1/reverse takes none");
        *body = error_body(msg, len);
        return 400;
    }
    if (k.twice) {
        char msg[160];
        snprintf(msg, sizeof msg, "query: %s given twice", k.twice);
        *body = error_body(msg, len);
        return 400;
    }
    if (k.bad_explain) {
        char msg[160];
        snprintf(msg, sizeof msg, "explain: takes 1 or 0, not '%s'", RT_SHOW(k.explain));
        *body = error_body(msg, len);
        return 400;
    }
    if (k.late && strcmp(k.late, "resettle") && strcmp(k.late, "reject")) {
        char msg[160];
        snprintf(msg, sizeof msg, "late: takes resettle or reject, not '%s'", RT_SHOW(k.late));
        *body = error_body(msg, len);
        return 400;
    }
    if (q->too_big) {
        char msg[96];
        snprintf(msg, sizeof msg, "body: longer than %ld bytes (--max-body)", S->a.max_body);
        *body = error_body(msg, len);
        return 413;
    }
    /* ?late=resettle (the default) or reject, as polc run --late */
    *flags = (k.explain && yes_no(k.explain) > 0 ? SVC_EXPLAIN : 0) |
             (k.late && !strcmp(k.late, "reject") ? SVC_LATE_REJECT : 0);
    return 0;
}

/* GET /v1/health's body, its status in *code: 503 while a PostgreSQL ledger's connection is
 * lost, so a load balancer sends elsewhere until it is back */
static char *health_text(Server *S, size_t *len, int *code)
{
    char why[512];
    int lost = service_health(S->svc, why, sizeof why);
    *code = lost ? 503 : 200;
    pthread_mutex_lock(&S->mu);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "status", lost ? "unavailable" : "ok");
    cJSON_AddStringToObject(o, "sha256", polrt_engine_sha256(S->engine->pe));
    cJSON_AddStringToObject(o, "ledger",
                            !S->a.ledger                           ? "memory"
                            : !strncmp(S->a.ledger, "postgres", 8) ? "postgresql"
                                                                   : "sqlite");
    if (lost)
        cJSON_AddStringToObject(o, "error", why);
    pthread_mutex_unlock(&S->mu);
    char *body = cJSON_PrintUnformatted(o);
    *len = body ? strlen(body) : 0;
    cJSON_Delete(o);
    return body;
}

/* A request to the settle core (settle, reverse, a stored claim) or a reload: suspended until
 * its answer is ready, then resumed (handle answers it then) */
static enum MHD_Result suspend(Server *S, struct MHD_Connection *c, Req *q, Ep ep, const char *url,
                               int flags)
{
    /* suspended first, so the settling thread's resume always finds it suspended */
    q->c = c;
    q->ep = ep;
    q->state = REQ_WAITING;
    mhd.MHD_suspend_connection(c);
    if (ep == EP_RELOAD) {
        /* answered by the reload thread once this reload is done (answer_waiting) */
        pthread_mutex_lock(&S->mu);
        q->gen = reload_ask(S);
        q->next = S->waiting;
        S->waiting = q;
        answer_waiting(S);
        pthread_mutex_unlock(&S->mu);
        return MHD_YES;
    }
    const char *body = q->body ? q->body : "";
    if (ep == EP_SETTLE
            ? service_settle(S->svc, body, q->n, flags, S->a.max_claims, &q->r, settled, q)
        : ep == EP_REVERSE ? service_reverse(S->svc, body, q->n, S->a.max_claims, &q->r, settled, q)
                           : service_claim(S->svc, url + 11, &q->r, settled, q)) {
        q->state = REQ_ANSWERED; /* at once: a 400, 413 or 503 */
        mhd.MHD_resume_connection(c);
    }
    return MHD_YES;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *data,
                              size_t *size, void **con_cls)
{
    Server *S = cls;
    Req *q = *con_cls;
    (void)version;
    if (!q) {
        const union MHD_ConnectionInfo *ci =
            mhd.MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
        if (!ci || !(q = ci->socket_context))
            return MHD_NO; /* its Req could not be made: out of memory */
        char *keep = q->body;
        size_t cap = q->cap;
        memset(q, 0, sizeof *q);
        q->body = keep;
        q->cap = cap;
        q->t0 = mono_us();
        q->S = S;
        *con_cls = q;
        atomic_fetch_add(&S->active, 1);
        return MHD_YES;
    }
    if (*size)
        return read_body(S, q, url, method, data, size);

    if (!q->held) { /* the body is in: SIGTERM waits for its answer */
        q->held = 1;
        atomic_fetch_add(&S->held, 1);
    }
    Ep ep = route(url);
    if (q->state == REQ_WAITING)
        return MHD_YES; /* not yet answered (resumed only once it is) */
    if (q->state == REQ_ANSWERED) {
        if (ep != EP_RELOAD)
            service_reply(&q->r);
        q->state = REQ_READING;
        return finish(S, c, q, ep, method, q->r.code, q->r.body, q->r.len, q->r.nclaims,
                      "application/json", NULL);
    }
    char *body = NULL;
    size_t len = 0;
    const char *ctype = "application/json";
    const char *allow = NULL;
    int flags = 0;
    int code = refusal(S, c, q, ep, method, &body, &len, &allow, &flags);
    if (!code) {
        switch (ep) {
        case EP_SETTLE:
        case EP_CLAIM:
        case EP_REVERSE:
        case EP_RELOAD: return suspend(S, c, q, ep, url, flags);
        case EP_POLICY:
            code = 200;
            body = policy_text(S, &len);
            break;
        case EP_HEALTH: body = health_text(S, &len, &code); break;
        case EP_METRICS:
            code = 200;
            ctype = "text/plain; version=0.0.4";
            body = metrics_text(S, &len);
            break;
        case EP_NONE: POLC_UNREACHABLE();
        }
    }
    return finish(S, c, q, ep, method, code, body, len, 0, ctype, allow);
}

/* ---- the command ---------------------------------------------------------------------------- */

#define AT(field) offsetof(ServeArgs, field)
static const Opt serve_opts[] = {
    {"listen", 0, OPT_STR, AT(listen), "ADDR:PORT",
     .help = "where to listen (default 127.0.0.1:8080; port 0: any free one)"},
    {"ledger", 0, OPT_STR, AT(ledger), "DB|URL",
     .help = "the SQLite ledger, or postgresql://... (default: in memory)"},
    {"ledger-key", 0, OPT_STR, AT(ledger_key), "FILE",
     .help = "encrypt the SQLite ledger with the passphrase in FILE (mode 0600)"},
    {"tokens", 0, OPT_STR, AT(tokens), "FILE",
     .help = "bearer tokens, 'settle TOKEN' or 'admin TOKEN' a line (default: none needed)"},
    {"tls-cert", 0, OPT_STR, AT(tls_cert), "FILE", .help = "PEM certificate: serve HTTPS"},
    {"tls-key", 0, OPT_STR, AT(tls_key), "FILE", .help = "PEM private key of --tls-cert"},
    {"max-body", 0, OPT_INT, AT(max_body), "BYTES", 64, 1L << 30, 1L << 20,
     .help = "largest request body (default 1048576)"},
    {"max-claims", 0, OPT_INT, AT(max_claims), "N", 1, 1000000, 1000,
     .help = "most claims in one request (default 1000)"},
    {"timeout", 0, OPT_INT, AT(timeout), "S", 1, 3600, 30,
     .help = "seconds a connection may stay idle, and a request's body may take (default 30)"},
    {NULL, 'O', OPT_INT, AT(opt), "N", 0, 3, 2,
     .help = "JIT optimisation level, 0 to 3 (default 2)"},
    {NULL, 'j', OPT_INT, AT(threads), "N", 0, 256, 0,
     .help = "settle different persons on N threads (default 0: one a processor)"},
    {0},
};
#undef AT

/* "ADDR:PORT" into sa; 0, or -1 with what is wrong in why */
static int parse_listen(const char *s, struct sockaddr_in *sa, char *why, size_t len)
{
    const char *colon = strrchr(s, ':');
    if (!colon || colon == s || colon - s >= 64) {
        snprintf(why, len, "expected ADDR:PORT (127.0.0.1:8080)");
        return -1;
    }
    char host[64];
    memcpy(host, s, (size_t)(colon - s));
    host[colon - s] = '\0';
    /* decimal digits alone: strtol took a sign, leading blanks (' 80', '+80', '-0') and a
     * leading zero ('080', which some tools read as octal) */
    const char *p = colon + 1;
    size_t nd = strspn(p, "0123456789");
    long port = nd && nd <= 5 && !p[nd] && (p[0] != '0' || nd == 1) ? strtol(p, NULL, 10) : -1;
    if (port < 0 || port > 65535) {
        snprintf(why, len,
                 "the port '%s' is not a number from 0 to 65535 (digits only: no sign, space or "
                 "leading zero; 0: any free one)",
                 p);
        return -1;
    }
    memset(sa, 0, sizeof *sa);
    sa->sin_family = AF_INET;
    sa->sin_port = htons((uint16_t)port);
    if (inet_pton(AF_INET, host, &sa->sin_addr) == 1)
        return 0;
    /* --listen localhost:8443 said only "expected ADDR:PORT" (operations pass) */
    snprintf(why, len,
             "'%s' is not an IPv4 address (a name is not looked up: 127.0.0.1 for this machine "
             "alone, 0.0.0.0 for every interface)",
             host);
    return -1;
}

static void server_free(Server *S)
{
    for (int i = 0; i < S->ntokens; i++)
        free(S->tokens[i].text);
    free(S->policy_json);
    free(S->last_msg);
    free(S->last_sha);
    if (S->engine) {
        engine_free(S->engine);
        free(S->engine);
    }
    if (S->listen_fd >= 0)
        close(S->listen_fd);
    pthread_mutex_destroy(&S->mu);
    pthread_cond_destroy(&S->reload_cv);
    free(S);
}

/* SIGTERM: stop listening, let the requests in flight finish, stop the threads, commit */
static void stop(Server *S)
{
    atomic_store(&S->stopping, 1);
    MHD_socket fd = mhd.MHD_quiesce_daemon(S->d);
    if (fd != MHD_INVALID_SOCKET)
        close(fd);
    int ms = 0;
    for (; atomic_load(&S->active) > 0 && ms < STOP_WAIT_MS; ms += 10) {
        if (ms >= STOP_BODY_GRACE_MS && atomic_load(&S->held) == 0)
            break; /* only bodies still arriving: not waited for */
        usleep(10000);
    }
    int cut = atomic_load(&S->active);
    if (cut > 0)
        logf_("stopping: closed %d connection%s %s", cut, cut == 1 ? "" : "s",
              ms >= STOP_WAIT_MS ? "unanswered after 30 s" : "with a body still arriving");
    /* every suspended request answered and resumed before the daemon stops, which refuses
     * to stop with one suspended (MHD_PANIC, an abort: a group whose log took longer than
     * STOP_WAIT_MS to sync, a disk stalling, aborted the stop). Past STOP_WAIT_MS only those
     * in the settle core are waited for, however long their ledger takes: a supervisor's kill
     * bounds it. */
    pthread_mutex_lock(&S->mu);
    S->reload_stop = 1;
    pthread_cond_broadcast(&S->reload_cv);
    answer_waiting(S);
    pthread_mutex_unlock(&S->mu);
    if (S->reload_started)
        pthread_join(S->reload_th, NULL);
    if (S->watch_started)
        pthread_join(S->watch_th, NULL);
    if (S->watch_fd >= 0)
        close(S->watch_fd);
    service_stop(S->svc);
    /* and their answers sent (request_done), which a resume only asks the daemon's thread to
     * do: stopped at once, it could close the connection first (C2's client had none, once) */
    for (int t = 0; atomic_load(&S->held) > 0 && t < STOP_BODY_GRACE_MS; t += 10)
        usleep(10000);
    mhd.MHD_stop_daemon(S->d);
    service_free(S->svc);
}

/* The options checked, the tokens read: OPTS_PARSED with the policy operand in *policy and
 * the address in sa, or the exit code (after a message) */
static int serve_args(Server *S, const Command *cmd, int argc, char **argv, const char **policy,
                      struct sockaddr_in *sa)
{
    char **pol;
    int npol, rc = opts_parse(cmd, serve_opts, argc, argv, &S->a, &pol, &npol);
    if (rc != OPTS_PARSED)
        return rc;
    const char *listen = S->a.listen ? S->a.listen : "127.0.0.1:8080";
    if (npol != 1)
        return opts_usage_error(cmd, serve_opts, "give one POLICY or ENGINE.so");
    char why[256];
    if (parse_listen(listen, sa, why, sizeof why) != 0)
        return opts_usage_error(cmd, serve_opts, "--listen %s: %s", listen, why);
    if (!S->a.tls_cert != !S->a.tls_key)
        return opts_usage_error(cmd, serve_opts, "--tls-cert and --tls-key go together");
    if (S->a.tokens && load_tokens(S, S->a.tokens) != 0)
        return EXIT_USAGE;
    if (S->a.ledger_key) {
        /* the key file's mistakes exit 2 (or 4 when it cannot be read), as in polc run, not
         * as a ledger that cannot be opened */
        char kerr[512];
        int krc = polrt_ledger_key_check(S->a.ledger, S->a.ledger_key, kerr, sizeof kerr);
        if (krc) {
            fprintf(stderr, "polc: serve: %s\n", kerr);
            return krc;
        }
    }
    *policy = pol[0];
    return OPTS_PARSED;
}

/* --tls-cert and --tls-key read into *cert and *key (both NULL without TLS): 0, or -1 after a
 * message */
static int read_tls(Server *S, char **cert, char **key)
{
    *cert = *key = NULL;
    if (!S->a.tls_cert)
        return 0;
    *cert = read_file(S->a.tls_cert, NULL);
    *key = read_file(S->a.tls_key, NULL);
    if (*cert && *key)
        return 0;
    fprintf(stderr, "polc: serve: cannot read %s: %s\n", *cert ? S->a.tls_key : S->a.tls_cert,
            strerror(errno));
    free(*cert);
    free(*key);
    *cert = *key = NULL;
    return -1;
}

/* The engine compiled (or the ENGINE.so opened) and the settle core started on it with
 * workers threads: EXIT_OK, or the exit code after a message */
static int start_service(Server *S, int workers)
{
    Engine *e = calloc(1, sizeof *e);
    EngineSpec spec = {.path = S->policy, .mode = ENGINE_JIT, .opt = (int)S->a.opt, .open_so = 1};
    EngineStatus es = e ? engine_load(e, &spec) : ENGINE_FAILED;
    if (es != ENGINE_OK) {
        if (e)
            engine_free(e);
        free(e);
        return engine_exit(es);
    }
    char err[512];
    if (!(S->svc = service_new(e->pe, S->a.ledger, S->a.ledger_key, workers, err, sizeof err))) {
        fprintf(stderr, "polc: serve: %s\n", err);
        engine_free(e);
        free(e);
        return EXIT_SYSTEM; /* as every command whose ledger cannot be opened */
    }
    service_set_log(S->svc, log_line);
    service_set_group_end(S->svc, group_end, S);
    engine_in_service(S, e);
    return EXIT_OK;
}

/* The socket, bound first: an address in use (another service on the port) is told with its
 * cause before the engine is compiled or the ledger file made, where libmicrohttpd said
 * "Failed to bind to port 0" of the port asked (a new-user pass) and the ledger was already
 * created. It listens only when the service can answer (start_daemon): connections made while
 * the policy compiles are refused, not left waiting. 0, or -1 after a message. */
static int open_listener(Server *S, const struct sockaddr_in *sa)
{
    const char *where = S->a.listen ? S->a.listen : "127.0.0.1:8080";
    int one = 1, fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    /* a restart may bind while the last run's connections wait out TIME_WAIT, as
     * libmicrohttpd's own socket did */
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
        bind(fd, (const struct sockaddr *)sa, sizeof *sa) != 0) {
        fprintf(stderr, "polc: serve: cannot listen on %s: %s\n", where, strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    S->listen_fd = fd;
    return 0;
}

/* libmicrohttpd's (and through it GnuTLS's) error lines, as the service's own: prefixed,
 * one line each, written whole (they reached stderr raw: "Error: received handshake message
 * out of context." of a client speaking plain HTTP or a bad TLS, among the service's lines) */
static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    char msg[400];
    vsnprintf(msg, sizeof msg, fmt, ap);
    size_t n = strlen(msg);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == '\r' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    for (char *c = msg; *c; c++) /* one log line */
        if (*c == '\n' || *c == '\r')
            *c = ' ';
    logf_("libmicrohttpd: %s", msg);
}

/* libmicrohttpd on the listening socket (HTTPS with cert and key): 0, or -1 after a message */
static int start_daemon(Server *S, long ncpu, char *cert, char *key)
{
    /* a pool of polling threads (epoll), one a processor: a request waiting for its group
     * is suspended, not a thread asleep, so 32 connections cost no 32 threads' switches */
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME |
                     MHD_USE_ERROR_LOG;
    if (cert)
        flags |= MHD_USE_TLS;
    struct MHD_OptionItem mo[] = {
        {MHD_OPTION_EXTERNAL_LOGGER, (intptr_t)mhd_log, NULL}, /* first, or it warns */
        {MHD_OPTION_LISTEN_SOCKET, S->listen_fd, NULL},
        {MHD_OPTION_THREAD_POOL_SIZE, ncpu > 1 ? (intptr_t)ncpu : 1, NULL},
        {MHD_OPTION_CONNECTION_TIMEOUT, (intptr_t)S->a.timeout, NULL},
        {MHD_OPTION_CONNECTION_MEMORY_LIMIT, CONN_MEMORY, NULL},
        {MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)request_done, S},
        {MHD_OPTION_NOTIFY_CONNECTION, (intptr_t)connection_event, NULL},
        {MHD_OPTION_UNESCAPE_CALLBACK, (intptr_t)unescape, NULL},
        {cert ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, 0, cert},
        {cert ? MHD_OPTION_HTTPS_MEM_KEY : MHD_OPTION_END, 0, key},
        {MHD_OPTION_END, 0, NULL},
    };
    const char *where = S->a.listen ? S->a.listen : "127.0.0.1:8080";
    char err[400];
    if (rt_dl_load(&mhd_dl, err, sizeof err) < 0) {
        fprintf(stderr, "polc: serve: %s\n", err);
        return -1;
    }
    if (listen(S->listen_fd, SOMAXCONN) != 0) {
        fprintf(stderr, "polc: serve: cannot listen on %s: %s\n", where, strerror(errno));
        return -1;
    }
    S->d =
        mhd.MHD_start_daemon(flags, 0, NULL, NULL, handle, S, MHD_OPTION_ARRAY, mo, MHD_OPTION_END);
    S->listen_fd = -1; /* libmicrohttpd's now, whether it started (it closes it if not) */
    if (!S->d) {
        fprintf(stderr, "polc: serve: cannot serve on %s%s\n", where,
                cert ? " (the certificate and key are not usable)" : "");
        return -1;
    }
    struct sockaddr_in at;
    socklen_t len = sizeof at;
    char host[INET_ADDRSTRLEN] = "?";
    unsigned port = 0;
    if (getsockname(mhd.MHD_get_daemon_info(S->d, MHD_DAEMON_INFO_LISTEN_FD)->listen_fd,
                    (struct sockaddr *)&at, &len) == 0) {
        inet_ntop(AF_INET, &at.sin_addr, host, sizeof host);
        port = ntohs(at.sin_port);
    }
    logf_("listening on %s://%s:%u (policy %s, ledger %s)", cert ? "https" : "http", host, port,
          polrt_engine_sha256(S->engine->pe),
          !S->a.ledger                           ? "in memory"
          : !strncmp(S->a.ledger, "postgres", 8) ? "PostgreSQL"
                                                 : S->a.ledger);
    return 0;
}

/* the reload thread, and the watch of the policy file's directory (not of an ENGINE.so) */
static void start_reloads(Server *S)
{
    if (pthread_create(&S->reload_th, NULL, reload_main, S) == 0)
        S->reload_started = 1;
    if (S->is_so)
        return;
    char dir[PATH_MAX];
    const char *slash = strrchr(S->policy, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - S->policy) : 1,
             slash ? S->policy : ".");
    if (slash == S->policy)
        snprintf(dir, sizeof dir, "/");
    S->watch_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (S->watch_fd < 0 || inotify_add_watch(S->watch_fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO) < 0)
        logf_("warning: cannot watch %s (%s): reload with SIGHUP or POST /v1/reload", dir,
              strerror(errno));
    else if (pthread_create(&S->watch_th, NULL, watch_main, S) == 0)
        S->watch_started = 1;
}

/* the main thread's part: SIGHUP reloads, until SIGTERM or SIGINT */
static void wait_signals(Server *S, sigset_t *sigs)
{
    for (;;) {
        int sig;
        if (sigwait(sigs, &sig) != 0)
            continue;
        if (sig == SIGHUP) {
            logf_("reload: SIGHUP");
            reload_request(S);
            continue;
        }
        int active = atomic_load(&S->active);
        logf_("stopping (%s): finishing %d request%s in flight",
              sig == SIGTERM ? "SIGTERM" : "SIGINT", active, diag_plural(active));
        return;
    }
}

int cmd_serve(const Command *cmd, int argc, char **argv)
{
    Server *S = calloc(1, sizeof *S);
    if (!S)
        return EXIT_USAGE;
    pthread_mutex_init(&S->mu, NULL);
    pthread_cond_init(&S->reload_cv, NULL);
    S->watch_fd = -1;
    S->listen_fd = -1;
    struct sockaddr_in sa;
    int rc = serve_args(S, cmd, argc, argv, &S->policy, &sa);
    char *cert = NULL, *key = NULL;
    if (rc == OPTS_PARSED && read_tls(S, &cert, &key) != 0)
        rc = EXIT_USAGE;
    if (rc != OPTS_PARSED) {
        server_free(S);
        return rc;
    }
    log_open();
    /* the signals go to the main thread's sigwait: every thread inherits the mask, the
     * settle core's too (started by start_service: a SIGHUP or SIGTERM the kernel gave one
     * of them, as it may when the main thread is not in sigwait, ended the process there) */
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGTERM);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    size_t n = strlen(S->policy);
    S->is_so = n > 3 && !strcmp(S->policy + n - 3, ".so");
    int ncpu = rt_ncpu();
    rc = open_listener(S, &sa) == 0 ? start_service(S, S->a.threads ? (int)S->a.threads : ncpu)
                                    : EXIT_USAGE;
    if (rc != EXIT_OK) {
        free(cert);
        free(key);
        server_free(S);
        return rc;
    }
    if (S->ntokens == 0)
        logf_("warning: no --tokens: every request is allowed");

    signal(SIGPIPE, SIG_IGN);

    if (start_daemon(S, ncpu, cert, key) != 0) {
        service_free(S->svc);
        free(cert);
        free(key);
        server_free(S);
        return EXIT_USAGE;
    }
    start_reloads(S);
    wait_signals(S, &sigs);
    stop(S);
    logf_("stopped");
    free(cert);
    free(key);
    server_free(S);
    return EXIT_OK;
}
