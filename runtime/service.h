/* service.h — the settle core of polc serve (spec/SERVE.md), without HTTP: JSON requests in,
 * JSON answers out, settled on the engine in service by workers (one session each, session.c;
 * a person always by the same one), in groups that share one ledger transaction. cli/serve.c puts
 * it behind HTTP. Private to polc and libpolrt, as opts.h. */
#ifndef POLC_SERVICE_H
#define POLC_SERVICE_H

#include <stddef.h>
#include <stdint.h>

#include "polrt.h"

typedef struct Service Service;

/* the statuses of a claim answer, in the order of service_counts */
enum { SVC_SETTLED, SVC_ALREADY, SVC_REJECTED, SVC_ERROR, SVC_CONFLICT, SVC_REVERSED, SVC_NSTATUS };
/* service_settle's flags: ?explain=1 (each claim's explanation), ?late=reject (a late claim is
 * refused, not settled in date order) */
enum { SVC_EXPLAIN = 1, SVC_LATE_REJECT = 2 };
extern const char *const service_status_name[SVC_NSTATUS];

/* an answer: the HTTP status and the JSON body (malloc'd, NUL-terminated: the caller frees
 * it with free(), as libmicrohttpd's MHD_RESPMEM_MUST_FREE does) */
typedef struct ServiceReply {
    int code;
    char *body;
    size_t len;
    int nclaims; /* claims in the request (for the log) */
    void *job;   /* the request until service_reply (private) */
} ServiceReply;

/* A service on engine e and the ledger (an SQLite file, a postgresql:// URL, or NULL: in
 * memory; ledger_key the key file of an encrypted SQLite one, or NULL, read again by
 * service_swap: it must outlive the service), its settling threads started: workers (>= 1) settle
 * different persons in parallel. NULL with a message in err. The engine must outlive its use
 * (service_swap hands over to another; service_free ends it). */
Service *service_new(PolEngine *e, const char *ledger, const char *ledger_key, int workers,
                     char *err, size_t errlen);
/* where the service's own log lines go (a PostgreSQL ledger's connection lost, and back),
 * one line a call without its newline; NULL: nowhere */
void service_set_log(Service *sv, void (*log)(const char *line));
/* end(arg) is called on the settling thread after the done() calls of each group's requests
 * (the caller may gather what done() does and finish it there, once a group); NULL: nothing */
void service_set_group_end(Service *sv, void (*end)(void *arg), void *arg);
/* GET /v1/health's ledger: 0 fine; 1 a PostgreSQL ledger's connection is lost, or an SQLite
 * ledger's sync failed (the reason in why): nothing can settle until it is back, or until
 * the service restarts */
int service_health(Service *sv, char *why, size_t len);
/* stop taking requests (503 at once), settle those queued and answer them (each done()
 * called), however long their ledger takes; the service stays for service_health and
 * service_counts until service_free. Once; service_free does it when it was not done */
void service_stop(Service *sv);
/* stop taking requests, settle those queued, commit, close the ledger */
void service_free(Service *sv);
/* POST /v1/settle: body[0..n) is the request; flags SVC_EXPLAIN, SVC_LATE_REJECT; more
 * than max_claims claims answer 413. 1: answered at once (a 400, 413 or 503; r holds the
 * body); 0: queued, and done(arg) is called on a settling thread once the claims are
 * settled and committed (r holds the answer); then the caller calls service_reply(r). r and body
 * are the caller's until then. Never blocks on the ledger. */
int service_settle(Service *sv, const char *body, size_t n, int flags, long max_claims,
                   ServiceReply *r, void (*done)(void *arg), void *arg);
/* POST /v1/reverse: the request's claims (claim_id, person_id) reversed, as service_settle */
int service_reverse(Service *sv, const char *body, size_t n, long max_claims, ServiceReply *r,
                    void (*done)(void *arg), void *arg);
/* GET /v1/claims/{id}, as service_settle (claim_id is the caller's until done) */
int service_claim(Service *sv, const char *claim_id, ServiceReply *r, void (*done)(void *arg),
                  void *arg);
/* after done: the request's own memory freed (r keeps code, body and len); after an answer at
 * once, nothing */
void service_reply(ServiceReply *r);
/* Settle with engine e from the next group on; returns once the settling thread has let go of
 * the old engine (the caller may free it then). 0 done; 1 refused (a ledger in memory, or the
 * new policy cannot read the stored ledger: the message in err, the old engine serves on);
 * -1 failed (the ledger could not be opened for it: err). */
int service_swap(Service *sv, PolEngine *e, char *err, size_t errlen);
/* claims answered so far per status */
void service_counts(Service *sv, int64_t counts[SVC_NSTATUS]);
/* what GET /v1/policy tells of an engine, as a JSON object text (malloc'd): its schema's
 * policy, source, file, hashes, dates and params with each version's values worded */
char *service_policy_json(const PolEngine *e);

#endif
