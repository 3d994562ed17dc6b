#!/bin/sh
# tests/runtime/ledger_concurrent_kill.sh — ledger_concurrent.sh with a kill: 3 runs at once
# on one SQLite ledger, one of them SIGKILLed at a random point of progress, then one more
# run completes the batch; every claim settled exactly once, the ledger one clean run's.
# 20,000 persons: ~17,500 claims, 2.1 MB, four commits of 512 KiB, so that the kill (at 5-60%
# of the claims) comes before the last. make soak runs more runs and kills, on PostgreSQL too.
#   sh tests/runtime/ledger_concurrent_kill.sh     env: as ledger_concurrent.sh
KILLS=${KILLS:-1} PERSONS=${PERSONS:-20000}
export KILLS PERSONS
exec sh "$(dirname "$0")/ledger_concurrent.sh"
