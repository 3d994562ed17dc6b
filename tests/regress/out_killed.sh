#!/bin/sh
# Regression (issue 15, 3): a killed run left its results' temporary (OUT.tmpPID.K, mode
# 0644) behind: SIGTERM, SIGINT, SIGHUP (and SIGPIPE) had no handler, SIGKILL cannot have one, and no
# later run removed them. Now the one writer (runtime/out.c) creates its temporaries 0600,
# removes them on SIGTERM/SIGINT/SIGHUP before dying of the signal, and opening OUT first
# removes the temporaries of OUT whose writer is no longer alive.
#
# A run reads its claims from a FIFO held open: the first batch (10 MB) settles, the results'
# temporary is open, and the run waits for more input; it is then killed. SIGINT is restored
# to its default for polc (a background job of a script starts with it ignored).
# Env: POLC (default build/polc).
set -u
cd "$(dirname "$0")/../.." || exit 2
POLC=${POLC:-build/polc}
case $POLC in /*) ;; *) POLC=$(pwd)/$POLC ;; esac
P=$(pwd)/tests/runtime/capped.pol
T=$(mktemp -d "${TMPDIR:-/tmp}/polc-regress.XXXXXX") || exit 2
trap 'exec 3>&- 2>/dev/null; rm -rf "$T"' EXIT
cd "$T" || exit 2
pass() { echo "[PASS] regress: $1"; }
fail() { echo "[FAIL] regress: $1"; }

awk 'BEGIN { print "claim_id,person_id,医院级别,出院日期,医疗总费用,非合规费用"
             for (i = 0; i < 250000; i++) printf "C%d,P%d,county,2024-03-01,1000,10\n", i, i }' \
    >claims.csv

# start a run on the FIFO, feed it the first batch, wait for its temporary: polc's PID
start() {
    rm -f in
    mkfifo in
    env --default-signal=INT,TERM,HUP "$POLC" run "$P" --claims in --out out.csv -q 2>err &
    pid=$!
    exec 3>in
    cat claims.csv >&3
    i=0
    while [ $i -lt 100 ] && ! ls out.csv.tmp"$pid".* >/dev/null 2>&1; do
        sleep 0.1
        i=$((i + 1))
    done
}
temps() { ls out.csv.tmp* 2>/dev/null; }

n=0
for sig in TERM INT HUP; do
    printf 'previous results\n' >out.csv
    start
    tmp=$(temps)
    mode=$(stat -c %a "$tmp" 2>/dev/null)
    kill -s $sig "$pid"
    wait "$pid"
    rc=$?
    exec 3>&-
    n=$((n + 1))
    want=$((128 + n))
    case $sig in TERM) want=143 ;; INT) want=130 ;; HUP) want=129 ;; esac
    if [ -z "$tmp" ]; then
        fail "SIG$sig: no temporary appeared ($(head -n 1 err))"
    elif [ "$mode" != 600 ]; then
        fail "SIG$sig: the temporary $tmp had mode $mode, not 600"
    elif [ -n "$(temps)" ]; then
        fail "SIG$sig left $(temps)"
    elif [ "$rc" -ne "$want" ]; then
        fail "SIG$sig: exit $rc, not $want (killed by the signal)"
    elif [ "$(cat out.csv)" != "previous results" ]; then
        fail "SIG$sig: out.csv changed"
    else
        pass "SIG$sig removes the results' temporary (created 0600) and ends the run"
    fi
done

# SIGPIPE (the reader of standard output went away: `polc run ... | head`): the run ends with
# 141 as before, but the temporaries of its other outputs go too (the explanations' 58 MB
# temporary of a 3,000-person run was left behind); the previous explanations stay
printf 'previous explanations\n' >ex.json
{ env --default-signal=PIPE "$POLC" run "$P" --claims claims.csv --explain ex.json -q 2>err
  echo $? >rc; } | head -n 1 >/dev/null
rc=$(cat rc)
if [ "$rc" -ne 141 ]; then
    fail "SIGPIPE: exit $rc, not 141: $(head -n 1 err)"
elif [ -n "$(ls ex.json.tmp* 2>/dev/null)" ]; then
    fail "SIGPIPE left $(ls ex.json.tmp*)"
elif [ "$(cat ex.json)" != "previous explanations" ]; then
    fail "SIGPIPE: ex.json changed"
else
    pass "SIGPIPE removes the other outputs' temporaries and ends the run (141)"
fi

# SIGKILL: the temporary stays; the next run on the same output removes it, and only it:
# not one of a live process ($$), not one of another output
start
kill -s KILL "$pid"
wait "$pid"
exec 3>&-
killed=$(temps)
dead=$(sh -c 'echo $$')
printf 'x\n' >"out.csv.tmp$dead.3"
printf 'x\n' >"out.csv.tmp$$.0"
printf 'x\n' >"other.csv.tmp$dead.0"
printf 'x\n' >"out.csv.tmp$dead.0.keep"
head -n 3 claims.csv >small.csv
"$POLC" run "$P" --claims small.csv --out out.csv -q 2>err
rc=$?
left=$(ls out.csv.tmp* other.csv.tmp* 2>/dev/null | sort | tr '\n' ' ')
# in ls's order whatever the PIDs' digits (891 sorts after 1002)
expect=$(printf '%s\n' "other.csv.tmp$dead.0" "out.csv.tmp$$.0" "out.csv.tmp$dead.0.keep" | sort | tr '\n' ' ')
if [ -z "$killed" ]; then
    fail "SIGKILL: no temporary to clean up"
elif [ $rc -ne 0 ]; then
    fail "run after SIGKILL: exit $rc: $(head -n 1 err)"
elif [ "$left" != "$expect" ]; then
    fail "run after SIGKILL: left '$left' (expected only the live process's and other names)"
else
    pass "a later run removes the temporaries of dead runs on the same output, only those"
fi
