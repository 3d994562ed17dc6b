#!/bin/sh
# Regression: polc build and polc gen wrote their temporaries at predictable names
# (OUT.tmp.PID, OUT.tmp.PID.o; DIR/persons.csv.tmpPID) with fopen / O_CREAT|O_TRUNC, so a
# symlink planted there was followed: the file it pointed at was overwritten, and gen then
# renamed the symlink itself into place. Now every output goes through the one writer
# (runtime/out.c, polrt_out_open), which creates its temporary O_CREAT|O_EXCL (a name already
# taken, by a planted symlink too, is skipped for the next). Each case plants the old names
# and the writer's first name (OUT.tmpPID.0) for the PID polc will run with (sh -c '...; exec
# polc': exec keeps the shell's PID) and checks that the victim is untouched and the output
# is a regular file. Env: POLC (default build/polc).
set -u
cd "$(dirname "$0")/../.." || exit 2
POLC=${POLC:-build/polc}
case $POLC in /*) ;; *) POLC=$(pwd)/$POLC ;; esac
T=$(mktemp -d "${TMPDIR:-/tmp}/polc-regress.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT
export POLC T
P=$(pwd)/policies/anhui/panji-2017.pol
export P

victim() { # a file a symlink points at, with known content
    printf 'precious\n' >"$T/victim.$1"
}
untouched() { [ "$(cat "$T/victim.$1")" = precious ]; }
pass() { echo "[PASS] regress: $1"; }
fail() { echo "[FAIL] regress: $1"; }

# polc build: the output's temporary (IR), and the object file and output of a link (.so)
for k in ir so; do
    victim "$k"
    victim "$k.o"
    OUT=$T/out.$k
    export OUT k
    sh -c 'ln -s "$T/victim.$k" "$OUT.tmp.$$"; ln -s "$T/victim.$k.o" "$OUT.tmp.$$.o"
           ln -s "$T/victim.$k" "$OUT.tmp$$.0"
           exec "$POLC" build "$P" --emit "$k" -o "$OUT"' >"$T/err" 2>&1
    rc=$?
    if [ $rc -ne 0 ]; then
        fail "build --emit $k beside planted symlinks: exit $rc: $(head -n 1 "$T/err")"
    elif ! untouched "$k" || ! untouched "$k.o"; then
        fail "build --emit $k wrote through a symlink planted at its old temporary name"
    elif [ -L "$OUT" ] || [ ! -s "$OUT" ]; then
        fail "build --emit $k: $OUT is not a regular file"
    else
        pass "build --emit $k does not follow a symlink at the old temporary name"
    fi
done

# polc gen: both files' temporaries
mkdir "$T/pop"
victim persons
victim claims
sh -c 'ln -s "$T/victim.persons" "$T/pop/persons.csv.tmp$$"
       ln -s "$T/victim.claims" "$T/pop/claims.csv.tmp$$"
       ln -s "$T/victim.persons" "$T/pop/persons.csv.tmp$$.0"
       ln -s "$T/victim.claims" "$T/pop/claims.csv.tmp$$.0"
       exec "$POLC" gen --no-progress --persons 20 --seed 3 --out "$T/pop"' >"$T/err" 2>&1
rc=$?
if [ $rc -ne 0 ]; then
    fail "gen beside planted symlinks: exit $rc: $(head -n 1 "$T/err")"
elif ! untouched persons || ! untouched claims; then
    fail "gen wrote through a symlink planted at its old temporary name"
elif [ -L "$T/pop/persons.csv" ] || [ -L "$T/pop/claims.csv" ] ||
    ! head -n 1 "$T/pop/persons.csv" | grep -q '^person_id,' ||
    ! head -n 1 "$T/pop/claims.csv" | grep -q '^claim_id,'; then
    fail "gen: persons.csv and claims.csv are not the regular files written"
else
    pass "gen does not follow a symlink at the old temporary name"
fi

# nothing is left behind but what was planted (the planted links are symlinks; polc's own
# temporaries would be regular files)
left=$(find "$T" -name '*tmp*' ! -type l | wc -l)
[ "$left" -eq 0 ] && pass "no temporary of polc's own left behind" ||
    fail "temporaries left: $(find "$T" -name '*tmp*' ! -type l)"
