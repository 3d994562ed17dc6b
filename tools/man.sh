#!/bin/sh
# tools/man.sh POLC TEMPLATE VERSION DATADIR INCLUDEDIR LIBDIR: the man page polc(1) on
# standard output: TEMPLATE (doc/polc.1.in) with its COMMANDS section made from
# `polc --help` (the command list) and each `polc CMD --help` (its usage, options and
# example), the one table each command parses its options with.
set -eu
polc=$1
tpl=$2
# roff text: backslashes and hyphens escaped, a line starting with . or ' protected
esc() { sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^\([.']\)/\\\\\&\1/"; }
commands() {
    "$polc" --help | awk '/^  [a-z]/ { print $1 }' | while read -r cmd; do
        "$polc" "$cmd" --help | esc | awk '
            NR == 1 { sub(/^usage: /, ""); print ".SS " $0; next }
            NR == 2 { sub(/^  */, ""); print; next }
            /^options:$/ { next }
            /^example:$/ { print ".PP\nExample:\n.EX"; ex = 1; next }
            ex { sub(/^  /, ""); print; next }
            /^  \\-h, \\-\\-help/ { next }
            /^  [^ ]/ {
                # an option: its spelling, then its help after two or more spaces
                line = substr($0, 3)
                n = match(line, /   */)
                print ".TP"
                if (n) { print ".B " substr(line, 1, n - 1); h = substr(line, n); sub(/^ */, "", h); print h }
                else print ".B " line
                next
            }
            /^   */ { sub(/^ */, ""); print; next }
            END { if (ex) print ".EE" }'
    done
}
commands > "${TMPDIR:-/tmp}/polc-man.$$"
awk -v f="${TMPDIR:-/tmp}/polc-man.$$" -v ver="$3" -v data="$4" -v inc="$5" -v lib="$6" '
    /^@COMMANDS@$/ { while ((getline l < f) > 0) print l; next }
    { gsub(/@VERSION@/, ver); gsub(/@DATADIR@/, data); gsub(/@INCLUDEDIR@/, inc);
      gsub(/@LIBDIR@/, lib); print }' "$tpl"
rm -f "${TMPDIR:-/tmp}/polc-man.$$"
