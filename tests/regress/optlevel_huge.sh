#!/bin/sh
# Regression: the JIT's level for a claims file of 2^47 bytes or more (spec/LANGUAGE.md §16
# "The JIT's level"). Its estimate, size × rows / bytes of rows, was one signed product, which
# overflows from 2^47 bytes: a 4 EiB sparse file (tmpfs holds one) was counted as -1 claims
# ("of unknown number") here, as ~1.8e15 for examples/claims.csv's rows (a product that wraps
# lower chooses -O0), and the sanitizer build stopped there, exit 1. The estimate is now
# size / bytes × rows plus the remainder's share: 4 EiB less the 2 header bytes, over 4 rows
# of 2 bytes each ("1\n"), is 2^61 - 1 claims, and -O2. The run then stops at the missing
# persons file, before it reads the claims.
# Env: POLC (default build/polc).
. "$(dirname "$0")/../runtime/lib.sh"
work optlevel-huge

# a file of 4 EiB: where the work directory's file system allows one, else on tmpfs
big=$WORK/c.csv
if ! { printf 'd\n1\n1\n1\n1\n' >"$big" && truncate -s 4E "$big"; } 2>/dev/null; then
    big=$(mktemp /dev/shm/polc-optlevel-huge.XXXXXX 2>/dev/null) || big=
    CLEANUP='rm -f "$big"'
    if [ -z "$big" ] || ! { printf 'd\n1\n1\n1\n1\n' >"$big" && truncate -s 4E "$big"; } 2>/dev/null
    then
        ok "optlevel_huge: skipped (no file system here holds a 4 EiB sparse file)"
        finish
        exit
    fi
fi

"$POLC" run "$ROOT/policies/anhui/panji-2017.pol" --claims "$big" --persons nope.csv -o r.csv \
    --progress >out 2>err
rc=$?
said=$(tr '\r' '\n' <err | sed -n 's/^polc: \(compiling at [^ ]*.*polic[iesy]*\)  [0-9]* s *$/\1/p')
# (2^62 - 2) / 8 × 4 + (2^62 - 2) % 8 × 4 / 8 = (2^59 - 1) × 4 + 3 = 2^61 - 1
want="compiling at -O2: ~2305843009213693951 claims  1 policy"
if [ "$said" = "$want" ]; then
    ok "optlevel_huge: a 4 EiB claims file is counted without overflow"
else
    why=$(tr '\r' '\n' <err | grep -a -v compiling | head -n 2)
    bad "optlevel_huge" "got '$said' (exit $rc: $why), expected '$want'"
fi
if [ $rc -eq 2 ] && grep -q 'cannot open nope.csv' err; then
    ok "optlevel_huge: the run goes on to its own error (the missing persons file)"
else
    bad "optlevel_huge" "exit $rc, expected 2 and 'cannot open nope.csv': $(head -c 300 err)"
fi
finish
