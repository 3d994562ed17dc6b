#!/bin/sh
# make install PREFIX=... into a temporary prefix (issue 11): polc, libpolrt static and shared
# (versioned soname, only polrt_* exported), polrt.h, polrt.pc, the calendars, the man page and
# the bash completion; examples/embed/host.c built with pkg-config against the prefix and run;
# the prefix moved elsewhere, its polc still builds a standalone engine (--emit exe links the
# installed runtime found from polc's own place, no build-tree or prefix path compiled in).
#
# examples/embed/embed.pol: basic = (total - deductible) x 80%, deductible county 300, city
# 500; the patient pays the remainder up to 3000 a year; the backstop the rest.
#   C1 county 10000: basic 9700 x 0.8 = 7760, remainder 2240: pays 2240, backstop 0
#   C2 city 20000: basic 19500 x 0.8 = 15600, remainder 4400: room 3000 - 2240 = 760:
#      pays 760, backstop 4400 - 760 = 3640
set -u
POLC=${POLC:-build/polc}
BUILD=${BUILD:-build}
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
pass() { echo "[PASS] install: $1"; }
fail() { echo "[FAIL] install: $1"; }
check() { if [ "$2" = "$3" ]; then pass "$1"; else fail "$1: got '$2', expected '$3'"; fi; }

V=$(sed -n 's/.*POLC_VERSION_STRING "polc \(.*\)"/\1/p' compiler/schema_out.h)
P=$d/a
if MAKEFLAGS='' ${MAKE:-make} -s --no-print-directory BUILD="$BUILD" install PREFIX="$P" \
    > "$d/make" 2>&1; then
    pass "make install PREFIX=..."
else
    fail "make install: $(tail -n 5 "$d/make")"
    exit 1
fi
missing=
for f in bin/polc lib/libpolrt.a "lib/libpolrt.so.$V" lib/libpolrt.so.0 lib/libpolrt.so \
    lib/polc/engine_main.o lib/polc/polc-backend.so include/polrt.h lib/pkgconfig/polrt.pc share/polc/calendar/2026.txt \
    share/man/man1/polc.1 share/bash-completion/completions/polc; do
    [ -e "$P/$f" ] || missing="$missing $f"
done
check "every file installed" "$missing" ""
check "libpolrt.so -> libpolrt.so.0 -> libpolrt.so.$V" \
    "$(readlink "$P/lib/libpolrt.so") $(readlink "$P/lib/libpolrt.so.0")" "libpolrt.so.0 libpolrt.so.$V"
check "the soname is versioned" \
    "$(readelf -d "$P/lib/libpolrt.so.$V" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')" "libpolrt.so.0"
check "the shared runtime exports polrt_* names only" \
    "$(nm -D --defined-only "$P/lib/libpolrt.so.$V" | awk '{ print $3 }' | grep -v '^polrt_' | grep -v '^_' | head -3)" ""
check "pkg-config polrt" "$(PKG_CONFIG_PATH=$P/lib/pkgconfig pkg-config --cflags --libs polrt | sed 's/ *$//')" \
    "-I$P/include -L$P/lib -lpolrt"
check "the calendars, as shipped" "$(cd runtime/calendar && ls ./*.txt | wc -l)" \
    "$(ls "$P"/share/polc/calendar/*.txt | wc -l)"

# the man page: renders without a warning, names every command and the new options
man -l --warnings "$P/share/man/man1/polc.1" > "$d/man.txt" 2> "$d/man.err" || true
check "man polc: no warnings" "$(cat "$d/man.err")" ""
cmds=$("$POLC" --help | awk '/^  [a-z]/ { print $1 }')
absent=
for c in $cmds; do grep -q "^   polc $c" "$d/man.txt" || absent="$absent $c"; done
check "man polc: a section per command ($(echo $cmds | wc -w))" "$absent" ""
# run, explain and simulate take both, ledger (import) --encoding
check "man polc: --xlsx and --encoding of run, explain, simulate; --encoding of ledger" \
    "$(grep -c -e '--xlsx FILE' -e '--encoding NAME' "$d/man.txt")" 7

# `make man`: the same page in the build tree, to read before installing (paths of the
# default prefix)
if MAKEFLAGS='' ${MAKE:-make} -s --no-print-directory BUILD="$BUILD" man > "$d/make" 2>&1; then
    sed "s|$P|/usr/local|g" "$P/share/man/man1/polc.1" > "$d/polc.1"
    check "make man: $BUILD/polc.1 is the page make install writes" \
        "$(cmp "$d/polc.1" "$BUILD/polc.1" 2>&1)" ""
else
    fail "make man: $(tail -n 5 "$d/make")"
fi

# the embed example, built with pkg-config against the prefix, on an engine the installed
# polc builds (a sanitized runtime, make asan, needs the sanitizers in the host too)
san=
nm -D --undefined-only "$P/lib/libpolrt.so.$V" | grep -q __asan_ && san=-fsanitize=address,undefined
if "$P/bin/polc" build examples/embed/embed.pol -o "$d/embed.so" 2> "$d/err" &&
    cc $san examples/embed/host.c $(PKG_CONFIG_PATH=$P/lib/pkgconfig pkg-config --cflags --libs polrt) \
        -Wl,-rpath,"$P/lib" -o "$d/host" 2> "$d/err"; then
    pass "examples/embed/host.c builds with pkg-config"
else
    fail "examples/embed: $(head -n 5 "$d/err")"
fi
check "host: two claims settled (working above)" "$("$d/host" "$d/embed.so" 2>&1)" \
    "C1 basic 7760.00 patient_pays 2240.00 backstop 0.00
C2 basic 15600.00 patient_pays 760.00 backstop 3640.00"
check "host: linked with the installed shared runtime" \
    "$(ldd "$d/host" | awk '/libpolrt/ { print $3 }')" "$P/lib/libpolrt.so.0"

# moved: no path of the build tree or of the prefix is compiled into polc
mv "$P" "$d/b"
P=$d/b
printf 'claim_id,person_id,level,discharged,total\nC1,P1,county,2024-03-01,10000\n' > "$d/c.csv"
if (cd "$d" && "$P/bin/polc" build "$OLDPWD/examples/embed/embed.pol" --emit exe -o engine) \
    2> "$d/err"; then
    pass "a moved install builds a standalone engine"
else
    fail "--emit exe from the moved install: $(head -n 3 "$d/err")"
fi
check "the standalone engine settles" "$("$d/engine" --claims "$d/c.csv" -q --out - 2>&1)" \
    "claim_id,basic,patient_pays,backstop,status
C1,7760.00,2240.00,0.00,settled"
check "the engine needs no libpolrt.so (linked whole)" "$(ldd "$d/engine" | grep -c libpolrt)" 0
if grep -q -F -e "$(pwd)/$BUILD" "$P/bin/polc"; then
    fail "polc holds the build tree's path"
else
    pass "polc holds no build-tree path"
fi

# bash completion: commands, a command's options, option values
cat > "$d/comp.sh" << EOF
PATH=$P/bin:\$PATH
. $P/share/bash-completion/completions/polc
t() { COMP_WORDS=("\$@"); COMP_CWORD=\$((\${#COMP_WORDS[@]} - 1)); COMPREPLY=(); _polc; echo "\${COMPREPLY[*]}"; }
t polc si
t polc run --xl
t polc simulate --enc
t polc run --encoding g
t polc build x.pol --emit e
t polc help exp
t polc run --cl
t polc serve --tls
t polc run --re
t polc run x.pol --labels ""
t polc run x.pol --late r
t polc ledger ""
EOF
# each option once (the option column only: --claims was offered twice, from --reverse's help,
# --tls-cert from --tls-key's), run without explain's --reform, the values of --labels and
# --late (spelt a|b in --help), ledger's subcommands
check "bash completion" "$(bash "$d/comp.sh" 2>&1)" "simulate
--xlsx
--encoding
gb18030 gbk
exe
explain
--claims --claim
--tls-cert --tls-key
--rejects --reverse
zh names
resettle reject
import export history erase"
