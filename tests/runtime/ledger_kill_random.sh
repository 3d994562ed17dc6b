#!/bin/sh
# tests/runtime/ledger_kill_random.sh — ledger_kill.sh with more kills, at random moments: a
# run on an SQLite ledger (then on PostgreSQL with KILL_PG=1) SIGKILLed eight times at points
# drawn from a seed (printed; set KILL_SEED to repeat one), each time going on from what the
# last one committed, must end where one uninterrupted run ends, every claim settled exactly
# once.
#
#   sh tests/runtime/ledger_kill_random.sh     env: as ledger_kill.sh
KILL_POINTS=${KILL_POINTS:-random 8} KILL_CLAIMS=${KILL_CLAIMS:-200000}
export KILL_POINTS KILL_CLAIMS
exec sh "$(dirname "$0")/ledger_kill.sh"
