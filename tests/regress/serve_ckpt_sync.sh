#!/bin/sh
# Regression: the checkpointer (thread polc-ckpt) syncs the database file after each pass
# that copied frames of the log, and ignored that sync's failure: polc serve went on answering
# 200. Linux reports a write-back it lost once and marks the pages clean, and SQLite counts
# the frames copied, so no later checkpoint writes them again and no later sync covers them:
# the answers vouched for a ledger the disk may not hold. The failure now fails the ledger's
# syncs, so the service answers 503 until it restarts; and nothing checkpoints again, the
# close included, which would let SQLite start the log again over the only good copy of
# those pages (the close's checkpoint copies from where the failed pass ended): the log stays
# for the next open, whose recovery copies all of it. Shown with the database's first
# fdatasync failing once (tests/fault/iofail.c: l.db$ matches the database, not its -wal):
# single-claim requests until it has failed (~230 of them fill the 1,000 pages of log
# after which a pass is due), then one more: 503. After a restart without the fault that
# claim answers already settled (committed, its group's sync meeting the failure) or settles
# (refused unsettled, an earlier sync having met it), as its 503 said, and every claim is
# kept once. Again with a reload between
# the failure and that claim: the failure, which the old sessions' store alone knew, is kept
# when they are swapped. cap.pol: 1,000 yuan a person-year, so a first claim of 100 yuan
# pays 100.
#   env: POLC (build/polc), CC (cc)
. "$(dirname "$0")/../serve/lib.sh"
[ $BACKEND = sqlite ] || { echo "serve_ckpt_sync.sh: an SQLite ledger's test"; finish; }

shim
printf 'claim_id,person_id,discharged,total\n' >none.csv
cat >load.py <<'PY'
import http.client, json, os, sys, time
c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]))
def settle(i):
    body = json.dumps({"claims": [{"claim_id": "K%d" % i, "person_id": "Q%d" % i,
                                   "discharged": "2017-03-01", "total": "100"}]})
    c.request("POST", "/v1/settle", body, {"Content-Type": "application/json"})
    r = c.getresponse()
    return r.status, json.loads(r.read())
codes, i = {}, 0
while i < 5000 and not os.path.exists("iofail.log"):
    code, _ = settle(i)
    codes[code] = codes.get(code, 0) + 1
    i += 1
print("met" if os.path.exists("iofail.log") else "not met", i)
time.sleep(0.3)  # the thread's failure recorded after the shim's line
if len(sys.argv) > 2:  # the policy saved and reloaded: the sessions and their store new
    with open("cap.pol", "a") as f:
        f.write("# saved again\n")
    c.request("POST", "/v1/reload", "{}", {"Content-Type": "application/json"})
    r = c.getresponse()
    r.read()
code, body = settle(i)
print(code, body.get("error", body.get("results", [{}])[0].get("status")), "K%d" % i)
PY

for how in "" reload; do
    rm -f l.db l.db-wal l.db-shm iofail.log
    "$POLC" run cap.pol --claims none.csv --ledger l.db -q -o r.csv 2>err ||
        { bad "the ledger made" "$(cat err)"; finish; }
    faulty l.db IOFAIL_OP=sync 'IOFAIL_MATCH=l.db$' IOFAIL_NTH=1 IOFAIL_ONCE=1 IOFAIL_ERRNO=EIO
    python3 load.py "$PORT" $how >out 2>&1 || bad "the requests" "$(cat out)"
    case $(sed -n 1p out) in
        "met "*) ok "the fault met: $(cat iofail.log)" ;;
        *) bad "the fault met" "$(cat out)" ;;
    esac
    last=$(sed -n 2p out)
    case $last in
        "503 ledger: "*"l.db: a checkpoint could not sync it to the disk"*)
            ok "the claim after it${how:+, a reload between}: 503 naming the checkpoint's sync" ;;
        *) bad "the claim after it${how:+, a reload between}" "$last" ;;
    esac
    stop
    [ "$STOPPED" = 0 ] && ok "stopped: exit 0" || bad "stopped" "exit $STOPPED"
    [ -s l.db-wal ] && ok "the log kept, not checkpointed at the close" ||
        bad "the log kept" "$(ls -l l.db*)"

    k=${last##* }
    one_claim "$k" "Q${k#K}" 100
    serve log2 cap.pol --ledger l.db || { bad "restarted" "$(cat log2)"; finish; }
    req POST /v1/settle "" "$k.json"
    # committed when its own group's sync met the failure, refused unsettled when an earlier
    # sync had (the 503 says which; the reload's swap syncs the old store first)
    case $last in
        *"nothing settled"*) want="200 settled 100.00" ;;
        *) want="200 already settled 100.00" ;;
    esac
    check "$k after the restart: as its 503 said" "$want" "$(outcome)"
    stop
    check "the log copied and removed at the restart's close" "" "$(ls l.db-wal 2>/dev/null)"
    n=$(sed -n 's/^met \([0-9]*\)$/\1/p' out)
    check "each claim kept once" "$((n + 1)) $((n + 1))" \
        "$(sqlite3 l.db 'SELECT count(*), count(DISTINCT claim_id) FROM settled_claims' |
            tr '|' ' ')"
done
finish
