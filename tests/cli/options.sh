#!/bin/sh
# options.sh — the one option parser (runtime/opts.c) as every command sees it: `polc CMD --help`
# (and -h, polc help CMD) prints the command's usage with an example and exits 0; the forms
# --opt VALUE, --opt=VALUE, -j2, -j 2, -O2, -O 2 mean the same; "--" ends the options; an
# unknown option, a missing value, a number out of range, a value given to a flag and a file
# option given twice are usage errors (exit 2) naming the option and the command, followed
# by the command's usage line. Env: POLC (default build/polc).
set -u
cd "$(dirname "$0")/../.." || exit 2
POLC=${POLC:-build/polc}
T=$(mktemp -d "${TMPDIR:-/tmp}/polc-options.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
P=policies/anhui/panji-2017.pol
C="--claims examples/claims.csv --persons examples/persons.csv"

pass() { echo "[PASS] options: $1"; }
fail() { echo "[FAIL] options: $1"; }

# help CMD: --help, -h and `polc help CMD` print the same usage, with an example, exit 0
for cmd in check build run test explain simulate call gen ir; do
    "$POLC" "$cmd" --help >"$T/h1" 2>"$T/e1"
    rc1=$?
    "$POLC" "$cmd" -h >"$T/h2" 2>&1
    "$POLC" help "$cmd" >"$T/h3" 2>&1
    if [ $rc1 -ne 0 ] || [ -s "$T/e1" ]; then
        fail "$cmd --help: exit $rc1 $(head -n 1 "$T/e1")"
    elif ! head -n 1 "$T/h1" | grep -q "^usage: polc $cmd " || ! grep -q '^example:' "$T/h1" ||
        ! grep -q "^  polc $cmd " "$T/h1"; then
        fail "$cmd --help: no usage line or example: $(head -n 1 "$T/h1")"
    elif ! cmp -s "$T/h1" "$T/h2" || ! cmp -s "$T/h1" "$T/h3"; then
        fail "$cmd: -h or polc help $cmd differs from --help"
    else
        pass "$cmd --help, -h, polc help $cmd"
    fi
done

# every example a --help shows runs as written (a newcomer copies it): from a directory that
# has the repository's policies/ and examples/, in the order a newcomer would (build makes
# the panji.so run uses). Not run: serve and lsp (they wait). call's example once needed a
# --date it did not give, and ledger's named an opening.csv nobody had (a new-user pass).
ABS=$(pwd)
POLC_ABS=$(cd "$(dirname "$POLC")" && pwd)/$(basename "$POLC")
mkdir "$T/ex" && ln -s "$ABS/policies" "$ABS/examples" "$T/ex/"
for cmd in check build run explain simulate call gen test fmt doc ledger; do
    ex=$("$POLC" "$cmd" --help | sed -n '/^example:/{n;s/^  polc //;p;}')
    # shellcheck disable=SC2086 # the example's words, as a shell would split them
    if (cd "$T/ex" && "$POLC_ABS" $ex >"$T/ex.out" 2>"$T/ex.err"); then
        pass "$cmd's example runs as written"
    else
        fail "$cmd's example 'polc $ex': exit $?: $(head -n 2 "$T/ex.err" | tr '\n' ' ')"
    fi
done

# polc --help: each command's summary stands apart from its synopsis (ledger's long synopsis
# ran into it: "--ledger DBopening balances in")
for cmd in $("$POLC" --help | awk '/^  [a-z]/ { print $1 }'); do
    summary=$("$POLC" "$cmd" --help | sed -n '2s/^  //p')
    if "$POLC" --help | grep -qF -- " $summary"; then
        pass "polc --help: $cmd's summary apart from its synopsis"
    else
        fail "polc --help: $cmd's summary '$summary' runs into its synopsis"
    fi
done

# err NAME TEXT ARGS...: exit 2, TEXT on stderr, then the command's usage line
err() {
    name=$1 text=$2
    shift 2
    "$POLC" "$@" >"$T/out" 2>"$T/err"
    rc=$?
    if [ $rc -ne 2 ]; then
        fail "$name: exit $rc, expected 2: $(head -n 1 "$T/err")"
    elif ! grep -qF -- "$text" "$T/err"; then
        fail "$name: no '$text' in: $(head -n 1 "$T/err")"
    elif ! grep -q "^usage: polc" "$T/err"; then
        fail "$name: no usage line after the message"
    else
        pass "$name"
    fi
}
err "unknown option, named with its command" "polc: run: unknown option '--bogus'" \
    run "$P" $C --bogus
err "an option another command has" "polc: check: unknown option '-j2'" check -j2 "$P"
err "missing value" "polc: build: -o needs a value (OUT)" build "$P" -o
err "missing value, long form" "polc: run: --claims needs a value (FILE)" run "$P" --claims
err "-j out of range" "polc: run: -j needs a whole number from 1 to 256, got '0'" \
    run "$P" $C -j 0
err "-j not a number" "polc: simulate: -j needs a whole number from 1 to 256, got 'two'" \
    simulate --base "$P" $C -jtwo
err "-O out of range" "polc: build: -O needs a whole number from 0 to 3, got '4'" \
    build "$P" -o "$T/x.so" -O4
err "a flag given a value" "polc: run: --interp takes no value" run "$P" $C --interp=yes
err "a file option given twice" "polc: run: --out is given twice" \
    run "$P" $C --out "$T/a.csv" --out "$T/b.csv"
err "bundled short options are not a thing" "polc: run: unknown option '-qj2'" run "$P" $C -qj2
err "gen: unknown option" "polc: gen: unknown option '--bogus'" gen --persons 1 --seed 1 \
    --out "$T/g" --bogus
err "unknown command" "polc: unknown command 'frobnicate'" frobnicate
# explain is a question: it reads the ledger and writes nothing (a new-user pass saw
# `explain --reverse` really reverse the claim); the options that write it are run's, and
# its --help does not list them
for o in reverse adjustments; do
    err "explain --$o is run's" \
        "polc: explain: --$o writes the ledger, and explain only reads it: use polc run" \
        explain "$P" $C --claim Z005 --ledger "$T/never.db" --$o "$T/x.csv"
done
if [ -e "$T/never.db" ]; then
    fail "explain with an option that writes created the ledger"
elif "$POLC" explain --help | grep -qE -- '--(reverse|adjustments)'; then
    fail "explain --help lists an option that writes the ledger"
elif ! "$POLC" run --help | grep -q -- '--reverse FILE'; then
    fail "run --help lost --reverse"
else
    pass "explain --help lists no option that writes the ledger; run's lists them"
fi

# --reform is explain's alone (run's table holds it): run refuses it, naming explain, and run's
# --help, hence the man page and the bash completion, no longer offer it (it once listed it)
err "run --reform is explain's" "polc: run: --reform is an option of polc explain" \
    run "$P" $C --reform policies/anhui/reforms/county-cap-4000.pol
if "$POLC" run --help | grep -q -- '--reform'; then
    fail "run --help lists --reform"
elif ! "$POLC" explain --help | grep -q -- '--reform REFORM'; then
    fail "explain --help lost --reform"
else
    pass "run --help does not list --reform; explain's does"
fi

# every spelling of the same options gives the same results
"$POLC" run "$P" $C --interp -q -j 2 --out "$T/r1.csv" >/dev/null 2>&1
"$POLC" run "$P" --claims=examples/claims.csv --persons=examples/persons.csv --interp --quiet \
    -j2 --out="$T/r2.csv" >/dev/null 2>&1
"$POLC" run --interp -q "$P" $C -o "$T/r3.csv" >/dev/null 2>&1
if [ -s "$T/r1.csv" ] && cmp -s "$T/r1.csv" "$T/r2.csv" && cmp -s "$T/r1.csv" "$T/r3.csv"; then
    pass "--opt VALUE, --opt=VALUE, -j 2, -j2, -o and options before operands agree"
else
    fail "spellings of the same options gave different results"
fi
"$POLC" build "$P" --emit ir -O 0 -o "$T/a.ll" 2>/dev/null
"$POLC" build "$P" --emit=ir -O0 -o "$T/b.ll" 2>/dev/null
# the schema embeds the build time: compare without it
sed 's/built[^,]*,//' "$T/a.ll" >"$T/a2" 2>/dev/null
sed 's/built[^,]*,//' "$T/b.ll" >"$T/b2" 2>/dev/null
if [ -s "$T/a2" ] && cmp -s "$T/a2" "$T/b2"; then
    pass "-O 0 and -O0 agree"
else
    fail "-O 0 and -O0 differ"
fi

# "--" ends the options: what follows is an operand even if it looks like an option
"$POLC" check -- "-no-such.pol" >"$T/out" 2>&1
rc=$?
if [ $rc -eq 1 ] && grep -q -- "-no-such.pol" "$T/out"; then
    pass "-- ends the options (the file '-no-such.pol' is read, and missing: exit 1)"
else
    fail "--: exit $rc: $(head -n 1 "$T/out")"
fi

# gen: -q is --no-progress, and --quiet as run and simulate spell it (gen refused it)
for q in -q --quiet; do
    rm -rf "$T/g"
    if "$POLC" gen $q --persons 5 --seed 1 --out "$T/g" 2>"$T/err" && [ ! -s "$T/err" ] &&
        [ -s "$T/g/claims.csv" ]; then
        pass "gen $q"
    else
        fail "gen $q: $(head -n 1 "$T/err")"
    fi
done

# a word too many for polc help or polc --version is a usage error, not ignored (exit 0)
err "polc help of no command" "polc: help: unknown command 'nosuch'" help nosuch
for args in "--version extra" "--help extra" "help run extra"; do
    # shellcheck disable=SC2086 # the words of args
    "$POLC" $args >"$T/out" 2>"$T/err"
    rc=$?
    if [ $rc -eq 2 ] && grep -q "^polc: .* takes .*, not 'extra'$" "$T/err" && [ ! -s "$T/out" ]; then
        pass "polc $args: exit 2"
    else
        fail "polc $args: exit $rc: $(head -n 1 "$T/err")"
    fi
done

# standard input is one stream: --claims - and --persons - both is a usage error (it was
# exit 3, "-:1: missing column", the persons read from what the claims left)
for cmd in "run $P" "simulate --base $P"; do
    # shellcheck disable=SC2086 # the command's words
    "$POLC" $cmd --claims - --persons - -q <examples/claims.csv >/dev/null 2>"$T/err"
    rc=$?
    if [ $rc -eq 2 ] && [ "$(cat "$T/err")" = "polc: the claims file (--claims) and the persons file (--persons) cannot both be standard input (-): name a file for one" ]; then
        pass "${cmd%% *} --claims - --persons -: a usage error"
    else
        fail "${cmd%% *} --claims - --persons -: exit $rc: $(head -n 1 "$T/err")"
    fi
done

# a standalone engine (--emit exe) reads polc run's options with the same parser: its usage
# and messages name the program by its base name; -j2 and --out= work; a bad -j is a usage
# error (exit 2)
if "$POLC" build "$P" --emit exe -o "$T/engine" 2>"$T/err"; then
    "$T/engine" --help >"$T/h" 2>&1
    rc=$?
    if [ $rc -eq 0 ] && head -n 1 "$T/h" | grep -q "^usage: engine --claims FILE" &&
        grep -q '^  -j N  ' "$T/h"; then
        pass "engine --help: its own name, polc run's options"
    else
        fail "engine --help: exit $rc: $(head -n 2 "$T/h")"
    fi
    "$T/engine" -j 0 $C >"$T/out" 2>"$T/err"
    rc=$?
    if [ $rc -eq 2 ] && grep -qxF "engine: -j needs a whole number from 1 to 256, got '0'" "$T/err" &&
        grep -qF "usage: engine --claims FILE [OPTIONS]" "$T/err"; then
        pass "engine -j 0: a usage error naming the program"
    else
        fail "engine -j 0: exit $rc: $(head -n 2 "$T/err")"
    fi
    "$T/engine" -j2 $C --out="$T/e.csv" -q 2>"$T/err"
    rc=$?
    "$POLC" run "$P" $C -o "$T/p.csv" -q 2>/dev/null
    if [ $rc -eq 0 ] && [ -s "$T/e.csv" ] && cmp -s "$T/e.csv" "$T/p.csv"; then
        pass "engine -j2 --out=FILE: polc run's results"
    else
        fail "engine -j2 --out=: exit $rc $(head -n 1 "$T/err")"
    fi
else
    fail "build --emit exe: $(head -n 1 "$T/err")"
fi

# test: a policy that cannot be read is its error alone, exit 1 (it was followed by "0 passed,
# 0 failed", as if there had been nothing to test); with one that can, the count is given
"$POLC" test "$T/nope.pol" >"$T/out" 2>&1
rc=$?
if [ $rc -eq 1 ] && [ "$(cat "$T/out")" = "polc: error: cannot open $T/nope.pol: No such file or directory" ]; then
    pass "test of a missing policy: its error alone, exit 1"
else
    fail "test of a missing policy: exit $rc: $(cat "$T/out")"
fi
"$POLC" test "$T/nope.pol" policies/anhui/panji-2017.pol >"$T/out" 2>&1
rc=$?
if [ $rc -eq 1 ] && tail -n 1 "$T/out" | grep -q '^[1-9][0-9]* passed, 0 failed$'; then
    pass "test of a missing and a good policy: the good one counted, exit 1"
else
    fail "test of a missing and a good policy: exit $rc: $(tail -n 2 "$T/out")"
fi

# the synopses of spec/ name exactly the options `polc CMD --help` lists (SIMULATE.md lacked
# --changes, DATA.md's ledger lines --ledger-key): each "polc CMD" line of a fenced block and
# the indented lines that continue it
synopsis_opts() { # FILE CMD: the --options of CMD's synopsis lines in FILE
    awk -v cmd="polc $2" '/^```/ { inb = !inb; on = 0; next }
        inb && index($0, cmd " ") == 1 { on = 1; print; next }
        inb && on && /^ +[[-]/ { print; next } { on = 0 }' "$1" |
        grep -o -- '--[a-z][a-z-]*' | sort -u
}
help_opts() { "$POLC" "$1" --help | awk '/^  -/' | grep -o -- '--[a-z][a-z-]*' | grep -vx -- --help | sort -u; }
for pair in spec/SIMULATE.md:simulate spec/SIMULATE.md:gen spec/SERVE.md:serve spec/DATA.md:ledger; do
    f=${pair%%:*} cmd=${pair#*:}
    synopsis_opts "$f" "$cmd" >"$T/syn"
    help_opts "$cmd" >"$T/hlp"
    d=$(diff "$T/syn" "$T/hlp" | grep '^[<>]' | tr '\n' ' ')
    if [ ! -s "$T/syn" ]; then
        fail "$f has no synopsis of polc $cmd"
    elif [ -n "$d" ]; then
        fail "$f's synopsis of polc $cmd and its --help differ (< spec only, > help only): $d"
    else
        pass "$f's synopsis of polc $cmd names the options --help lists"
    fi
done

# spec/LANGUAGE.md §16's command summary lists exactly the commands `polc help` lists (it
# lacked serve and ledger, and two lines ended in "..."), each line's options ones that its
# --help lists; the full synopses are checked above against their own spec
awk '/^## 16\. /{on = 1} on && /^```/ {if (inb) exit; inb = 1; next} inb' spec/LANGUAGE.md >"$T/s16"
awk '$1 == "polc" { print $2 }' "$T/s16" | sort >"$T/s16.cmds"
"$POLC" help | awk '/^  [a-z]/ { print $1 }' | sort >"$T/help.cmds"
d=$(diff "$T/s16.cmds" "$T/help.cmds" | grep '^[<>]' | tr '\n' ' ')
if [ ! -s "$T/s16.cmds" ] || [ -n "$d" ]; then
    fail "LANGUAGE.md §16 and polc help list other commands (< spec only, > help only): $d"
else
    pass "LANGUAGE.md §16 lists every command polc help lists ($(wc -l <"$T/s16.cmds" | tr -d ' '))"
fi
if grep -q '\.\.\.$' "$T/s16"; then
    fail "LANGUAGE.md §16: a line ends in '...': $(grep '\.\.\.$' "$T/s16" | head -n 1)"
else
    pass "LANGUAGE.md §16: no line ends in '...'"
fi
while read -r cmd; do
    synopsis_opts spec/LANGUAGE.md "$cmd" >"$T/syn"
    help_opts "$cmd" >"$T/hlp"
    extra=$(comm -23 "$T/syn" "$T/hlp" | tr '\n' ' ')
    if [ -n "$extra" ]; then
        fail "LANGUAGE.md §16's polc $cmd names options its --help lacks: $extra"
    else
        pass "LANGUAGE.md §16's polc $cmd: its options are --help's"
    fi
done <"$T/s16.cmds"

# every --sweep example of SIMULATE.md runs on the example claims (ratio=70..90:5% did not:
# ratio is a table over Level)
grep -o '`--sweep [^`]*`' spec/SIMULATE.md | tr -d '`' | sed 's/^--sweep //' | grep -v '[A-Z]' |
    while IFS= read -r sw; do
        if "$POLC" simulate -q --base "$P" $C --sweep "$sw" >/dev/null 2>"$T/err"; then
            pass "SIMULATE.md's --sweep $sw runs"
        else
            fail "SIMULATE.md's --sweep $sw: $(head -n 1 "$T/err")"
        fi
    done
