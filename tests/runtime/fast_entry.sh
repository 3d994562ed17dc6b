#!/bin/sh
# tests/runtime/fast_entry.sh — an engine .so built before polc_settle_fast existed still
# runs: polrt_engine_open falls back to its traced entry. Stands in for such an engine: the
# Panji policy's object with polc_settle_fast made local (objcopy), linked as polc build
# links a .so. Without --explain (where polc run asks for the fast entry), with --explain,
# and through polc explain, it must give exactly what the engine with both entries gives.
# Also an engine executable (--emit exe), which binds its fast entry at link time.
#
#   sh tests/runtime/fast_entry.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"
P=$ROOT/policies/anhui/panji-2017.pol
work fast
finish() {
    echo "$pass passed, $fail failed"
    [ "$fail" -eq 0 ]
    exit
}

if ! command -v objcopy >/dev/null 2>&1; then
    echo "[PASS] fast_entry: an engine without polc_settle_fast (skipped: no objcopy)"
    finish
fi
if ! "$POLC" build "$P" -o new.so 2>build.err ||
    ! "$POLC" build "$P" --emit obj -o engine.o 2>>build.err ||
    ! "$POLC" build "$P" --emit exe -o engine.exe 2>>build.err ||
    ! "$POLC" gen --persons 400 --seed 11 --out data >gen.out 2>&1; then
    bad "fast_entry: build and data" "$(head -n 1 build.err gen.out)"
    finish
fi
# the old engine: the same code, polc_settle_fast no longer exported
objcopy --localize-symbol=polc_settle_fast engine.o old.o &&
    cc -shared -Wl,-Bsymbolic -o old.so old.o 2>link.err
if nm -D old.so 2>/dev/null | grep -q polc_settle_fast ||
    ! nm -D new.so | grep -q ' T polc_settle_fast$'; then
    bad "fast_entry: the stand-in engines" "old.so exports polc_settle_fast, or new.so does not"
    finish
fi
ok "fast_entry: new.so exports polc_settle_fast, old.so does not"

# run ENGINE NAME ARGS...: polc run on the data into NAME.csv, NAME.err, NAME.rc
run() {
    engine=$1 name=$2
    shift 2
    "$POLC" run "$engine" --claims data/claims.csv --persons data/persons.csv \
        --out "$name.csv" --rejects rejects.csv -q "$@" >"$name.out" 2>"$name.err"
    echo $? >"$name.rc"
}
same() {
    if cmp -s "$2.csv" "$3.csv" && cmp -s "$2.err" "$3.err" && cmp -s "$2.rc" "$3.rc" &&
        { [ ! -f "$2.jsonl" ] || cmp -s "$2.jsonl" "$3.jsonl"; }; then
        ok "fast_entry: $1"
    else
        bad "fast_entry: $1" "results, explanations, messages or exit codes differ ($2 vs $3)"
    fi
}
run ./new.so new
run ./old.so old
same "old.so without --explain settles like new.so" new old
run ./new.so new-x --explain new-x.jsonl
run ./old.so old-x --explain old-x.jsonl
same "old.so with --explain settles like new.so" new-x old-x
same "new.so: fast results = traced results" new new-x
if [ "$(head -c 1 new.rc)" != 0 ] && [ "$(head -c 1 new.rc)" != 3 ]; then
    bad "fast_entry: polc run new.so" "exit $(cat new.rc): $(head -n 1 new.err)"
fi
./engine.exe --claims data/claims.csv --persons data/persons.csv --out exe.csv \
    --rejects rejects.csv -q >exe.out 2>exe.err
echo $? >exe.rc
same "the engine executable settles like new.so" new exe

# polc explain re-settles one claim through the traced entry, either way
id=$(sed -n '2p' new.csv | cut -d, -f1)
"$POLC" explain ./new.so --claims data/claims.csv --persons data/persons.csv --claim "$id" \
    >explain.new 2>&1
"$POLC" explain ./old.so --claims data/claims.csv --persons data/persons.csv --claim "$id" \
    >explain.old 2>&1
if [ -s explain.new ] && cmp -s explain.new explain.old && grep -q "$id" explain.new; then
    ok "fast_entry: polc explain --claim $id, old.so = new.so"
else
    bad "fast_entry: polc explain --claim $id" "$(diff explain.new explain.old | head -n 3)"
fi
finish
