#!/bin/sh
# bench/run.sh — every benchmark, one after the other (`make bench` runs this). Add yours as
# one more line below; bench/README.md describes each and how to read its figures.
cd "$(dirname "$0")/.." || exit 2
rc=0
run() {
    echo "== $*"
    sh "$@" || rc=1
    echo
}

run bench/compile.sh
run bench/pipeline.sh
run bench/simulate.sh
run bench/serve.sh
run bench/mpi.sh

exit $rc
