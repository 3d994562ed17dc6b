#!/bin/sh
# tests/ir/run.sh — golden IR tests. For each tests/ir/NAME.pol, `polc ir` must print exactly
# NAME.ir and `polc build --emit ir -O0` must write exactly NAME.ll, give or take the lines
# that depend on the host: the target triple and datalayout, and target-cpu/target-features
# attributes. The embedded schema's build time is pinned with SOURCE_DATE_EPOCH=0 and the
# policy path is given relative to the repository root, so the schema string is stable.
#
#   sh tests/ir/run.sh [--bless] [NAME.pol...]   env: POLC (build/polc); POLC_BLESS=1 = --bless
# --bless rewrites the .ir/.ll files from the current compiler: review the diff, then commit.
set -u
cd "$(dirname "$0")/../.." || exit 2
POLC=${POLC:-build/polc}
BLESS=${POLC_BLESS:-0}
if [ "${1:-}" = "--bless" ]; then
    BLESS=1
    shift
fi
SOURCE_DATE_EPOCH=0
export SOURCE_DATE_EPOCH

WORK=$(mktemp -d "${TMPDIR:-/tmp}/polc-ir.XXXXXX") || exit 2
trap 'rm -rf "$WORK"' EXIT

pass=0
fail=0

# LLVM IR without the host-dependent lines
host_filter() {
    sed -e '/^target datalayout = /d' -e '/^target triple = /d' \
        -e 's/ *"target-cpu"="[^"]*"//g' -e 's/ *"target-features"="[^"]*"//g' \
        -e 's/ *"tune-cpu"="[^"]*"//g'
}

# the @polc_schema string of an .ll, one JSON member per line (\22 is a quote)
schema_lines() {
    grep '^@polc_schema = ' "$1" | sed -e 's/^[^"]*c"//' -e 's/\\00"$//' -e 's/\\22/"/g' \
        -e 's/,"/,\n"/g' -e 's/\[{/[\n{/g'
}

# compare (or bless) one output: $1 golden file, $2 what the compiler produced, $3 its rc
check() {
    golden=$1 got=$2 rc=$3
    if [ "$rc" -ne 0 ]; then
        echo "[FAIL] $golden: the compiler exited $rc"
        sed 's/^/    /' "$got.err" | head -5
        fail=$((fail + 1))
    elif [ "$BLESS" = 1 ]; then
        if cmp -s "$got" "$golden"; then
            echo "[PASS] $golden (unchanged)"
        else
            cp "$got" "$golden"
            echo "[PASS] $golden (blessed: review git diff $golden)"
        fi
        pass=$((pass + 1))
    elif [ ! -f "$golden" ]; then
        echo "[FAIL] $golden: missing (run tests/ir/run.sh --bless and review it)"
        fail=$((fail + 1))
    elif cmp -s "$got" "$golden"; then
        echo "[PASS] $golden"
        pass=$((pass + 1))
    else
        echo "[FAIL] $golden: differs (expected -, got +):"
        diff -u "$golden" "$got" | sed -n '3,23p' | cut -c1-200 | sed 's/^/    /'
        # the embedded schema is one long line: show its difference member by member
        if grep -q "^@polc_schema" "$got"; then
            schema_lines "$golden" >"$WORK/g.schema"
            schema_lines "$got" >"$WORK/n.schema"
            if [ -s "$WORK/g.schema" ] && ! cmp -s "$WORK/g.schema" "$WORK/n.schema"; then
                echo "    the embedded schema, member by member:"
                diff -u "$WORK/g.schema" "$WORK/n.schema" | sed -n '3,30p' | cut -c1-200 |
                    sed 's/^/    /'
            fi
        fi
        fail=$((fail + 1))
    fi
}

if [ $# -gt 0 ]; then list="$*"; else list=$(ls tests/ir/*.pol); fi
for pol in $list; do
    base=${pol%.pol}
    name=$(basename "$base")
    "$POLC" ir "$pol" >"$WORK/$name.ir" 2>"$WORK/$name.ir.err"
    check "$base.ir" "$WORK/$name.ir" $?
    "$POLC" build "$pol" --emit ir -O0 -o "$WORK/$name.raw.ll" 2>"$WORK/$name.ll.err"
    rc=$?
    if [ $rc -eq 0 ]; then host_filter <"$WORK/$name.raw.ll" >"$WORK/$name.ll"; fi
    check "$base.ll" "$WORK/$name.ll" $rc
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
