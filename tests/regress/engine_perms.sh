#!/bin/sh
# Regression (issue 15, item 9): dlopen runs an engine .so's constructors before polc can see
# that it is no engine (a crafted .so wrote a file, then polc said "not a polc engine"). polc
# cannot check the code, but it now refuses, before dlopen, an engine file or a directory above
# it that someone other than root or the user could have written (group- or world-writable,
# or owned by another user; a sticky world-writable directory, as /tmp, is fine), and says
# which check failed. Each case: the exit code, the exact message, and whether the crafted
# library's constructor ran (it creates $T/ran). Env: POLC (default build/polc), CC (cc).
set -u
cd "$(dirname "$0")/../.." || exit 2
POLC=${POLC:-build/polc}
case $POLC in /*) ;; *) POLC=$(pwd)/$POLC ;; esac
CC=${CC:-cc}
T=$(mktemp -d "${TMPDIR:-/tmp}/polc-regress.XXXXXX") || exit 2
trap 'chmod -R u+w "$T"; rm -rf "$T"' EXIT
chmod 700 "$T"
pass() { echo "[PASS] regress: $1"; }
fail() { echo "[FAIL] regress: $1"; }

# a library with a constructor that leaves a mark, and no polc_* symbols at all
cat >"$T/evil.c" <<EOC
#include <fcntl.h>
#include <unistd.h>
__attribute__((constructor)) static void mark(void)
{
    int fd = open("$T/ran", O_WRONLY | O_CREAT, 0600);
    if (fd >= 0)
        close(fd);
}
EOC
"$CC" -shared -fPIC -o "$T/evil.so" "$T/evil.c" || { fail "cannot build the crafted .so"; exit 1; }
chmod 755 "$T/evil.so"
"$POLC" build policies/anhui/panji-2017.pol -o "$T/panji.so" 2>"$T/err" ||
    { fail "polc build: $(head -n 1 "$T/err")"; exit 1; }

# case NAME SO WANT_RC WANT_MSG WANT_RAN: polc run SO; its exit code, first stderr line and
# whether the constructor ran
case_() {
    name=$1 so=$2 want_rc=$3 want_msg=$4 want_ran=$5
    rm -f "$T/ran"
    "$POLC" run "$so" --claims examples/claims.csv --persons examples/persons.csv \
        --out "$T/res.csv" -q 2>"$T/err"
    rc=$?
    ran=no
    [ -e "$T/ran" ] && ran=yes
    msg=$(head -n 1 "$T/err")
    if [ "$rc" -ne "$want_rc" ]; then
        fail "$name: exit $rc, expected $want_rc: $msg"
    elif [ "$msg" != "$want_msg" ]; then
        fail "$name: message \"$msg\", expected \"$want_msg\""
    elif [ "$ran" != "$want_ran" ]; then
        fail "$name: the library's constructor ran: $ran, expected $want_ran"
    else
        pass "$name"
    fi
}

# a clean engine in a private directory loads and settles (0); the crafted one there is
# trusted as far as the file goes, loaded, and found to be no engine (its constructor ran:
# loading code is trust)
case_ "engine, safe file and directory: loaded" "$T/panji.so" 0 "" no
case_ "crafted .so, safe: loaded, then not an engine" "$T/evil.so" 2 \
    "polc: $T/evil.so: not a polc engine (no polc_schema)" yes

# the file writable by its group, by others
chmod 775 "$T/evil.so"
case_ "group-writable engine file refused before dlopen" "$T/evil.so" 2 \
    "polc: $T/evil.so: refused: file $T/evil.so is writable by its group (mode 0775): someone else could replace the code polc would run (chmod go-w $T/evil.so)" no
chmod 757 "$T/evil.so"
case_ "world-writable engine file refused before dlopen" "$T/evil.so" 2 \
    "polc: $T/evil.so: refused: file $T/evil.so is writable by others (mode 0757): someone else could replace the code polc would run (chmod go-w $T/evil.so)" no
chmod 755 "$T/evil.so"

# a directory above it writable by others (not sticky), two levels up
mkdir -p "$T/open/sub"
chmod 755 "$T/open/sub"
cp "$T/panji.so" "$T/open/sub/panji.so"
chmod 777 "$T/open"
case_ "engine under a world-writable directory refused" "$T/open/sub/panji.so" 2 \
    "polc: $T/open/sub/panji.so: refused: directory $T/open is writable by group and others (mode 0777): someone else could replace the code polc would run (chmod go-w $T/open)" no
# sticky, as /tmp: others cannot rename or remove what is not theirs
chmod 1777 "$T/open"
case_ "engine under a sticky world-writable directory loaded" "$T/open/sub/panji.so" 0 "" no

# a symbolic link from a safe place to an engine in an unsafe one: the target's chain counts
mkdir "$T/grp"
cp "$T/evil.so" "$T/grp/evil.so"
chmod 775 "$T/grp"
ln -s "$T/grp/evil.so" "$T/link.so"
case_ "symlink to an engine in a group-writable directory refused" "$T/link.so" 2 \
    "polc: $T/link.so: refused: directory $T/grp is writable by its group (mode 0775): someone else could replace the code polc would run (chmod go-w $T/grp)" no

# a file owned by another user (as root, or when chown works)
cp "$T/evil.so" "$T/theirs.so"
if chown 65534 "$T/theirs.so" 2>/dev/null; then
    case_ "engine owned by another user refused" "$T/theirs.so" 2 \
        "polc: $T/theirs.so: refused: file $T/theirs.so is owned by uid 65534, neither root nor you (uid $(id -u)): only code that root or you could write is loaded" no
fi
