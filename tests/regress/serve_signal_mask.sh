#!/bin/sh
# Regression: polc serve blocked SIGTERM, SIGINT and SIGHUP (for its main thread's sigwait)
# only after it had started the settle core's threads (polc-settle, polc-sync, polc-ckpt),
# which so took them: the kernel gives a process's signal to a thread that does not block
# it when the main thread is not waiting in sigwait, and their default action ended the
# service without its stop (SIGHUP, the reload, killed it once in a burst of them; SIGTERM,
# exit 143 with a sync stalling). Every thread now blocks the three (the main thread's mask
# shows them open while it waits in sigwait): bits 0x4003 of SigBlk in /proc. And 200
# SIGHUPs in a burst leave the service running; SIGTERM then stops it, exit 0.
#   env: POLC (build/polc)
. "$(dirname "$0")/../serve/lib.sh"

cp "$ROOT/tests/runtime/cap.pol" cap.pol
serve log cap.pol --ledger l.db || { bad "polc serve started" "$(cat log)"; finish; }
open=""
for t in /proc/$SPID/task/*; do
    [ "${t##*/}" = "$SPID" ] && continue # the main thread, in sigwait
    blk=$(sed -n 's/^SigBlk:[[:space:]]*//p' "$t/status")
    [ $((0x$blk & 0x4003)) = $((0x4003)) ] || open="$open $(cat "$t/comm"):$blk"
done
check "every thread but the main one blocks SIGHUP, SIGINT and SIGTERM" "" "$open"
i=0
while [ $i -lt 200 ] && kill -HUP $SPID 2>/dev/null; do i=$((i + 1)); done
sleep 1
kill -0 $SPID 2>/dev/null && ok "200 SIGHUPs: still serving" || bad "200 SIGHUPs" "$(tail -3 log)"
stop
check "SIGTERM: exit 0" "0" "$STOPPED"
finish
