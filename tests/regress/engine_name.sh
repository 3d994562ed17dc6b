#!/bin/sh
# Regression (a new-user pass): a standalone engine (polc build --emit exe) printed its
# runtime's messages as "polc: ...", though its usage lines named it and its operator never
# typed polc. Every message of the runtime now begins with the program's name (opts_program):
# the engine's base name, "polc" for polc. Env: POLC (default build/polc).
. "$(dirname "$0")/../runtime/lib.sh"
work engine-name
P=$ROOT/policies/anhui/panji-2017.pol
C=$ROOT/examples/claims.csv

if ! "$POLC" build "$P" --emit exe -o eng 2>err; then
    bad "regress: build --emit exe" "$(head -n 1 err)"
    finish
    exit
fi
# panji reads the identity history, so claims without --persons cannot settle (exit 2)
msg="the policy reads an identity history ('identity', ...): give a persons file"
# $1 label, $2 expected stderr; the command follows
expect() {
    label=$1 want=$2
    shift 2
    "$@" >out 2>err
    rc=$?
    if [ $rc -eq 2 ] && [ "$(cat err)" = "$want" ]; then
        ok "regress: $label"
    else
        bad "regress: $label" "exit $rc: $(cat err)"
    fi
}
expect "an engine's runtime message names the engine" "eng: $msg" ./eng --claims "$C" -q
expect "run by a path, the engine's base name" "eng: $msg" "$WORK/eng" --claims "$C" -q
expect "polc's own message is unchanged" "polc: $msg" "$POLC" run "$P" --claims "$C" -q
# the option parser's usage error says the same name as the runtime's messages
expect "an engine's usage error names the engine" "eng: -j needs a whole number from 1 to 256, got '0'
usage: eng --claims FILE [OPTIONS]   (eng --help: every option)" "$WORK/eng" -j 0 --claims "$C"
finish
