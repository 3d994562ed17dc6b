#!/bin/sh
# The CSV reader against Python's csv module on 300 generated hostile files, with a fixed
# seed (tests/fuzz/diffcsv.py says what is generated and which documented rules of polc's the
# reference adds to csv.reader). `make fuzz-diffcsv` runs 20,000 files with a new seed.
# Env: BUILD (default build; $BUILD/tests/csvdump is built by make unit).
set -u
cd "$(dirname "$0")/../.." || exit 2
BUILD=${BUILD:-build}
if [ ! -x "$BUILD/tests/csvdump" ]; then
    echo "[FAIL] diffcsv: $BUILD/tests/csvdump missing (make unit builds it)"
    exit 1
fi
python3 tests/fuzz/diffcsv.py --dump "$BUILD/tests/csvdump" --files 300 --seed 15
