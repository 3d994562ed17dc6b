#!/bin/sh
# run.sh [--replay] [TARGET] [SECONDS] — fuzz TARGET with libFuzzer for SECONDS seconds
# (default 60). TARGET (default frontend):
#   frontend  the front end (lexer, parser, checker, IR lowering): fuzz_frontend.c
#   csv       the claims reader, through polrt_run (fuzz_runtime.c)
#   persons   the persons reader, through polrt_run (fuzz_runtime.c)
#   explain   POST /v1/settle bodies with explanations, through the service (fuzz_runtime.c)
#   csv-panji, persons-panji
#             csv and persons with the shipped Panji policy (policies/anhui/panji-2017.pol)
#             built by $BUILD/polc into $BUILD/fuzz/panji.so for their engine, not the unit
#             tests' fake one: its fast entry, its keys function, its ledger row settled in
#             place; their fixed good files tests/fuzz/seeds/persons-panji/good.csv and
#             seeds/csv-panji/good.csv (polc gen --persons 50 --seed 1 --policy ...)
# --replay: run every seed and every saved crash of TARGET once (no fuzzing), e.g. to check
# that the crashes found are fixed.
# frontend: builds $BUILD/fuzz/fuzz_frontend with clang-19
# -fsanitize=fuzzer,address,undefined from the compiler's front-end sources and the few
# runtime sources they call (dates, money, calendar), running bison and flex as the Makefile
# does. The runtime targets: the Makefile builds libpolrt into $BUILD/fuzz/rt with the same
# sanitizers (and -fsanitize=fuzzer-no-link), linked with the unit tests' fake policy.
# Seeds: frontend tests/fuzz/corpus/, tests/check/ok/, tests/check/err/; the others
# tests/fuzz/seeds/TARGET/. New inputs go to $BUILD/fuzz/corpus-TARGET/ (not the repo);
# crashes, leaks and timeouts to tests/fuzz/crashes/ (named TARGET-crash-..., frontend's
# crash-...).
# Exit: 0 when the run found nothing, 1 when it found a crash, 2 when it could not build.
# Env: BUILD (default build), CLANG (default clang-19), FUZZ_JOBS (default 1).
set -eu
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
REPLAY=0
if [ "${1:-}" = "--replay" ]; then
    REPLAY=1
    shift
fi
TARGET=frontend
case "${1:-}" in
frontend | csv | persons | explain | csv-panji | persons-panji)
    TARGET=$1
    shift
    ;;
esac
SECONDS_TO_RUN=${1:-60}
BUILD=${BUILD:-build}
CLANG=${CLANG:-clang-19}
out=$BUILD/fuzz
mkdir -p "$out/obj" tests/fuzz/crashes

command -v "$CLANG" >/dev/null 2>&1 || {
    echo "fuzz: $CLANG not found; run 'make fuzz-frontend' (it installs clang-19 and libclang-rt-19-dev)" >&2
    exit 2
}

SAN="-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

if [ "$TARGET" != frontend ]; then
    # libpolrt as the Makefile builds it, instrumented for coverage-guided fuzzing
    make --no-print-directory BUILD="$out/rt" CC="$CLANG" SAN=1 OPT="-O1 -g" \
        CFLAGS="-fsanitize=fuzzer-no-link -w" "$out/rt/libpolrt.a" || exit 2
    case $TARGET in
    csv | csv-panji) def=-DFUZZ_TARGET_CSV=1 ;;
    persons | persons-panji) def=-DFUZZ_TARGET_PERSONS=1 ;;
    explain) def=-DFUZZ_TARGET_SERVICE=1 ;;
    esac
    abs=$ROOT/$out
    case $out in /*) abs=$out ;; esac
    bin=$abs/fuzz_$TARGET
    dict=$ROOT/tests/fuzz/csv.dict
    case $TARGET in
    *-panji)
        # the engine as polc run loads it: built by polc (its own, uninstrumented build), its
        # polrt_* calls bound to the fuzzer's runtime, which exports them as polc does
        make --no-print-directory BUILD="$BUILD" "$BUILD/polc" || exit 2
        "$BUILD/polc" build policies/anhui/panji-2017.pol -o "$out/panji.so" || exit 2
        export FUZZ_ENGINE="$abs/panji.so"
        # libFuzzer takes one -dict: the readers' tokens and the policy's values
        cat tests/fuzz/csv.dict tests/fuzz/panji.dict >"$out/panji.dict"
        dict=$abs/panji.dict
        case $TARGET in
        csv-panji) export FUZZ_FIXED="$ROOT/tests/fuzz/seeds/persons-panji/good.csv" ;;
        *) export FUZZ_FIXED="$ROOT/tests/fuzz/seeds/csv-panji/good.csv" ;;
        esac
        ;;
    esac
    # shellcheck disable=SC2086
    $CLANG -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O1 -g -w $SAN $def \
        -Iruntime/include -Iruntime -Itests/unit/support -o "$bin" tests/fuzz/fuzz_runtime.c \
        tests/unit/support/fake_policy.c -Wl,--whole-archive "$out/rt/libpolrt.a" \
        -Wl,--no-whole-archive -Wl,--export-dynamic-symbol='polrt_*' \
        -lsqlcipher -lpq -lcjson -lpthread -ldl -lm || exit 2
    mkdir -p "$out/corpus-$TARGET" "$out/run-$TARGET"
    export FUZZ_ROOT="$ROOT"
    seeds="$ROOT/tests/fuzz/seeds/$TARGET"
    # TARGET's saved crashes, leaks, timeouts (csv's are not csv-panji's)
    own_crashes() {
        find "$ROOT/tests/fuzz/crashes" -type f | sort |
            grep -E "/$TARGET-(crash|leak|timeout|oom|slow-unit)-" || true
    }
    crashes=$(own_crashes)
    # libFuzzer writes worker logs into the current folder: never the repo
    cd "$out/run-$TARGET"
    set +e
    if [ "$REPLAY" -eq 1 ]; then
        # shellcheck disable=SC2086
        # (libFuzzer takes folders or files, not both: the seeds, then the crashes)
        { "$bin" -runs=0 -timeout=20 -rss_limit_mb=4096 -close_fd_mask=3 $seeds &&
            { [ -z "$crashes" ] || "$bin" -timeout=20 -rss_limit_mb=4096 -close_fd_mask=3 $crashes; }
            echo $? >rc; } 2>&1 | tee last-replay.log
        rc=$(cat rc)
        echo "fuzz: $TARGET: replayed the seeds and $(echo "$crashes" | grep -c .) saved crash(es): exit $rc"
        [ "$rc" -eq 0 ] || exit 1
        exit 0
    fi
    echo "fuzz: built $bin; running for ${SECONDS_TO_RUN}s"
    # -max_len 4 KiB: dozens of rows, records across the 64-byte batches (a run costs ~50 ms
    # under ASan, mostly the first allocations: longer inputs add little); -timeout: two runs
    # of 4 KiB take well under a second, 20 s is a hang
    # (the exit code goes through a file: a pipeline's status is tee's)
    { "$bin" -max_total_time="$SECONDS_TO_RUN" -max_len=4096 -timeout=20 -rss_limit_mb=4096 \
        -close_fd_mask=3 -print_final_stats=1 -dict="$dict" \
        -artifact_prefix="$ROOT/tests/fuzz/crashes/$TARGET-" \
        "$abs/corpus-$TARGET" "$seeds"; echo $? >rc; } 2>&1 | tee last-run.log
    rc=$(cat rc)
    set -e
    n=$(own_crashes | wc -l)
    echo "fuzz: $TARGET: exit $rc, $n file(s) in tests/fuzz/crashes/"
    [ "$rc" -eq 0 ] || exit 1
    exit 0
fi
mkdir -p "$out/corpus"

# the generated front end, as the Makefile makes it
bison -Wall -Werror --defines="$out/parser.h" -o "$out/parser.c" compiler/parser.y
flex --header-file="$out/lexer.h" -o "$out/lexer.c" compiler/lexer.l
sh runtime/calendar/embed.sh runtime/calendar > "$out/calendar_data.c"

CFLAGS="-std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -O1 -g -DPOLC_ARENA_DEBUG \
 -Iruntime/include -iquote $out -iquote compiler -w"
FRONT="compiler/arena.c compiler/source.c compiler/diag.c compiler/ast.c compiler/sema.c compiler/ir.c"
RT="runtime/money.c runtime/dates.c runtime/calendar.c runtime/util.c"
objs=""
for f in $FRONT "$out/parser.c" "$out/lexer.c" tests/fuzz/fuzz_frontend.c; do
    o=$out/obj/$(basename "$f" .c).o
    # shellcheck disable=SC2086
    $CLANG $CFLAGS $SAN -c "$f" -o "$o" || exit 2
    objs="$objs $o"
done
for f in $RT "$out/calendar_data.c"; do
    o=$out/obj/rt_$(basename "$f" .c).o
    # shellcheck disable=SC2086
    $CLANG $CFLAGS -fsanitize=address,undefined -fno-sanitize-recover=undefined -fPIC \
        -fvisibility=hidden -DPOLRT_BUILD -Iruntime -c "$f" -o "$o" || exit 2
    objs="$objs $o"
done
# shellcheck disable=SC2086
$CLANG $SAN -o "$out/fuzz_frontend" $objs -lpthread -lm || exit 2
echo "fuzz: built $out/fuzz_frontend; running for ${SECONDS_TO_RUN}s"

# -max_len: seed policies are a few KiB; 64 KiB leaves room for deep nesting and long lines.
# -timeout: a front end that takes 10 s on 64 KiB is hung. -rss_limit_mb: the machine has 24 GiB
# and other work on it. libFuzzer writes its worker logs (fuzz-N.log) into the current folder,
# so it runs in $out, never in the repo.
bin=$ROOT/$out/fuzz_frontend
case $out in /*) bin=$out/fuzz_frontend ;; esac
seeds="$ROOT/tests/fuzz/corpus $ROOT/tests/check/ok $ROOT/tests/check/err"
crashes=$(find "$ROOT/tests/fuzz/crashes" -type f -name 'crash-*' -o -type f -name 'leak-*' -o -type f -name 'timeout-*' | sort)
cd "$(dirname "$bin")"
set +e
if [ "$REPLAY" -eq 1 ]; then
    # shellcheck disable=SC2086
    { "$bin" -runs=0 -timeout=10 -rss_limit_mb=4096 $seeds &&
        { [ -z "$crashes" ] || "$bin" -timeout=10 -rss_limit_mb=4096 $crashes; }
        echo $? >rc; } 2>&1 |
        tee last-replay.log
    rc=$(cat rc)
    echo "fuzz: replayed the seeds and $(echo "$crashes" | grep -c .) saved crash(es): exit $rc"
    [ "$rc" -eq 0 ] || exit 1
    exit 0
fi
jobs=${FUZZ_JOBS:-1}
par=""
[ "$jobs" -gt 1 ] && par="-jobs=$jobs -workers=$jobs"
# shellcheck disable=SC2086
{ "$bin" -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -dict="$ROOT/tests/fuzz/pol.dict" -print_final_stats=1 $par \
    -artifact_prefix="$ROOT/tests/fuzz/crashes/" \
    "$(pwd)/corpus" $seeds; echo $? >rc; } 2>&1 | tee last-run.log
rc=$(cat rc)
set -e
n=$(find "$ROOT/tests/fuzz/crashes" -type f -name 'crash-*' -o -type f -name 'leak-*' -o -type f -name 'timeout-*' | wc -l)
echo "fuzz: exit $rc, $n file(s) in tests/fuzz/crashes/"
[ "$rc" -eq 0 ] || exit 1
exit 0
