#!/bin/sh
# frontend.sh — `polc check` never crashes or hangs, whatever the input: invalid UTF-8, a GBK or
# UTF-16 file (one error naming the encoding), NUL
# bytes, an empty file, a 10 MB generated policy, 10,000 nested parentheses, 10,000 chained
# unary minus, a long binary chain, a file of `{`, binary garbage from a fixed seed, ...
# Each must exit 1 with diagnostics (0 where the input is valid), never 124 (timeout) or 134
# / 139 (abort, crash). Also the usage errors (exit 2). Prints [PASS]/[FAIL] per case.
# Env: POLC (default build/polc), BUILD (default build). Run by tests/run.
set -u
cd "$(dirname "$0")/../.." || exit 2
POLC=${POLC:-build/polc}
case $POLC in /*) ;; *) POLC=$(pwd)/$POLC ;; esac
T=$(mktemp -d "${TMPDIR:-/tmp}/polc-frontend.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT

HDR='policy "t" valid from 2025-01-01 dated by claim.d
claim { d: date  x: money }
output r
'

# Memory cap for polc so a runaway compile cannot take the machine down: `ulimit -v` for a
# plain build; an ASan build reserves terabytes of address space, so it gets ASan's own
# RSS limit instead.
MEM_MB=4096
run_polc() {   # run_polc SECONDS ARGS... ; output in $T/out, exit code in $rc
    secs=$1
    shift
    if [ -n "${ASAN_OPTIONS:-}" ]; then
        ASAN_OPTIONS="$ASAN_OPTIONS:hard_rss_limit_mb=$MEM_MB" \
            timeout "$secs" "$POLC" "$@" >"$T/out" 2>&1
    else
        (ulimit -v $((MEM_MB * 1024)) && exec timeout "$secs" "$POLC" "$@") >"$T/out" 2>&1
    fi
    rc=$?
}

# case NAME WANT_RC FILE [GREP]: polc check FILE exits WANT_RC, its output matches GREP
case_check() {
    name=$1 want=$2 file=$3 pat=${4:-}
    secs=${SECS:-60}
    run_polc "$secs" check "$file"
    if grep -Eq 'Sanitizer|runtime error:|internal error' "$T/out"; then
        echo "[FAIL] frontend: $name: $(grep -Em1 'Sanitizer|runtime error:|internal error' "$T/out")"
    elif [ "$rc" -eq 124 ]; then
        echo "[FAIL] frontend: $name: hung (killed after ${secs}s)"
    elif [ "$rc" -ne "$want" ]; then
        echo "[FAIL] frontend: $name: exit $rc, expected $want: $(head -c 300 "$T/out" | head -n 1)"
    elif [ -n "$pat" ] && ! grep -Eq "$pat" "$T/out"; then
        echo "[FAIL] frontend: $name: no diagnostic matching /$pat/: $(head -c 300 "$T/out" | head -n 1)"
    elif [ "$want" -eq 1 ] && ! grep -Eq '(^|: )error: ' "$T/out"; then
        echo "[FAIL] frontend: $name: exit 1 without a diagnostic"
    else
        echo "[PASS] frontend: $name"
    fi
}

# case_usage NAME WANT_RC ARGS...: usage errors say what is wrong and exit 2
case_usage() {
    name=$1 want=$2
    shift 2
    run_polc 20 "$@"
    if [ "$rc" -ne "$want" ]; then
        echo "[FAIL] frontend: usage: $name: exit $rc, expected $want"
    elif [ "$want" -eq 2 ] && ! grep -q 'usage: polc' "$T/out"; then
        echo "[FAIL] frontend: usage: $name: no usage text"
    else
        echo "[PASS] frontend: usage: $name"
    fi
}

# n copies of a string, without a trailing newline
rep() { awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'; }

# ---- inputs --------------------------------------------------------------------------
printf '%s' "$HDR" >"$T/valid.pol"
printf 'rule r: money = claim.x\n' >>"$T/valid.pol"
case_check "a valid policy" 0 "$T/valid.pol"

: >"$T/empty.pol"
case_check "empty file" 1 "$T/empty.pol" 'the file holds no policy text; a policy starts with its header'

printf '\357\273\277' >"$T/bom.pol"
case_check "only a byte order mark" 1 "$T/bom.pol" 'the file holds no policy text; a policy starts with its header'

printf '%s' "$HDR" | sed 's/$/\r/' >"$T/crlf.pol"
printf 'rule r: money = claim.x\r\n' >>"$T/crlf.pol"
case_check "CRLF line ends" 0 "$T/crlf.pol"

{ printf '%s' "$HDR"; printf 'rule r: money = claim.x \377\376 \300\200 \355\240\200\n'; } >"$T/utf8.pol"
case_check "invalid UTF-8 (stray bytes, overlong, surrogate)" 1 "$T/utf8.pol" 'invalid UTF-8 byte 0xFF'

# a file saved in another encoding than UTF-8, as Chinese Windows tools do: one error that
# names it and says what to do, not one per byte (20, then the stop, all on one comment)
one_error() { # one_error NAME: the last case gave exactly one error
    [ "$(grep -c 'error: ' "$T/out")" = 1 ] && echo "[PASS] frontend: $1: one error" ||
        echo "[FAIL] frontend: $1: $(grep -c 'error: ' "$T/out") errors, expected 1"
}
# 基本医保 in GBK
{ printf '%s' "$HDR"; printf 'rule r "\273\371\261\276\322\275\261\243": money = claim.x\n'; } >"$T/gbk.pol"
case_check "a GBK file" 1 "$T/gbk.pol" \
    'gbk.pol:4:9: error: the file is not UTF-8 but GBK \(GB18030\); save it as UTF-8 \(iconv -f GB18030 -t UTF-8\)$'
one_error "a GBK file"
printf '\377\376p\000o\000l\000' >"$T/utf16.pol"
case_check "a UTF-16 file" 1 "$T/utf16.pol" \
    'utf16.pol:1:1: error: the file is not UTF-8 but UTF-16; save it as UTF-8 \(iconv -f UTF-16 -t UTF-8\)$'
one_error "a UTF-16 file"

{ printf '%s' "$HDR"; printf 'rule r: money = claim.x \000\000 + claim.x\n'; } >"$T/nul.pol"
case_check "NUL bytes" 1 "$T/nul.pol" 'NUL byte in policy text'

{ printf '%s' "$HDR"; printf 'rule r: money cites "\000\377" = claim.x\n'; } >"$T/nulstr.pol"
case_check "NUL and bad bytes inside a string" 1 "$T/nulstr.pol" 'string is not valid UTF-8'

{ printf '%s' "$HDR"; printf 'rule r: money = '; rep 10000 '('; printf 'claim.x'; rep 10000 ')'; echo; } >"$T/parens.pol"
case_check "10,000 nested parentheses" 1 "$T/parens.pol" 'parentheses nested more than 200 deep'

{ printf '%s' "$HDR"; printf 'rule r: money = '; rep 10000 '（'; printf 'claim.x'; rep 10000 '）'; echo; } >"$T/wparens.pol"
case_check "10,000 nested full-width parentheses" 1 "$T/wparens.pol" "full-width '（' here; write '\\('"

{ printf '%s' "$HDR"; printf 'rule r: money = '; rep 10000 '- '; printf 'claim.x\n'; } >"$T/neg.pol"
case_check "10,000 chained unary minus" 1 "$T/neg.pol" 'expression nested more than 1000 deep'

{ printf '%s' "$HDR"; printf 'rule r: bool = '; rep 10000 'not '; printf 'true\n'; } >"$T/not.pol"
case_check "10,000 chained not" 1 "$T/not.pol" 'expression nested more than 1000 deep'

{ printf '%s' "$HDR"; printf 'rule r: money = '; rep 1000000 '- '; printf 'claim.x\n'; } >"$T/neg1m.pol"
case_check "1,000,000 chained unary minus" 1 "$T/neg1m.pol" 'expression nested more than 1000 deep'

{ printf '%s' "$HDR"; printf 'param k: money from 2025-01-01: 1 yuan\nrule r: money = claim.x'; rep 100000 ' + k'; echo; } >"$T/chain.pol"
case_check "a 100,000-term sum" 1 "$T/chain.pol" 'expression nested more than 1000 deep'
{ printf '%s' "$HDR"; printf 'param k: money from 2025-01-01: 1 yuan\nrule r: money = claim.x'; rep 998 ' + k'; echo; } >"$T/chain999.pol"
case_check "a 999-term sum (under the depth limit)" 0 "$T/chain999.pol"

rep 1000000 '{' >"$T/braces.pol"
case_check "a file of 1,000,000 '{'" 1 "$T/braces.pol" 'error: unexpected \{'

{ printf '%s' "$HDR"; printf 'rule r: money = claim.x\ntest "t" '; rep 100000 '{'; echo; } >"$T/braces2.pol"
case_check "100,000 '{' after a test" 1 "$T/braces2.pol" 'error: unexpected'

{ printf '%s' "$HDR"; printf 'rule r: money = '; rep 1000000 'x'; echo; } >"$T/longname.pol"
case_check "a 1 MB identifier" 1 "$T/longname.pol" "unknown name 'xxxx"

{ printf '%s' "$HDR"; printf 'rule r: money = claim.x\nparam p: money from 2025-01-01: '; rep 100000 '9'; printf ' yuan\n'; } >"$T/bignum.pol"
case_check "a 100,000-digit number" 1 "$T/bignum.pol" 'number too large'

{ printf '%s' "$HDR"; printf 'rule r: money = claim.x\n'; i=0; while [ $i -lt 100 ]; do printf 'rule e%d: money = claim.nope%d\n' $i $i; i=$((i + 1)); done; } >"$T/many.pol"
case_check "100 errors stop at 20" 1 "$T/many.pol" 'too many errors \(20\), stopping'

# binary garbage from a fixed seed (an LCG, exact in double arithmetic), alone and after a
# valid header, so the parser gets past the first token too
garbage() {
    awk -v n="$1" -v seed="$2" 'BEGIN { x = seed
        for (i = 0; i < n; i++) { x = (x * 69069 + 1) % 4294967296; printf "%c", int(x / 16777216) } }'
}
garbage 1048576 42 >"$T/garbage.pol"
case_check "1 MB of binary garbage (seed 42)" 1 "$T/garbage.pol"
{ printf '%s' "$HDR"; garbage 65536 7; } >"$T/garbage2.pol"
case_check "a header, then 64 KB of garbage (seed 7)" 1 "$T/garbage2.pol"
# ASCII-only garbage reaches the parser's recovery more often than random bytes
{ printf '%s' "$HDR"; garbage 262144 9 | tr -c 'a-z(){}[]:=+*,.%0-9\n ' ' '; } >"$T/garbage3.pol"
case_check "a header, then 256 KB of token soup (seed 9)" 1 "$T/garbage3.pol"

# 10 MB: a small policy buried in comments and long strings (the lexer's throughput) ...
{
    printf '%s' "$HDR"
    printf 'rule r: money cites "'
    rep 100000 '第四条'
    printf '" = claim.x\n'
    awk 'BEGIN { for (i = 0; i < 90000; i++) printf "# 一段很长的注释：第%d行 lorem ipsum dolor sit amet, consectetur\n", i }'
} >"$T/ten_mb_comments.pol"
SECS=120 case_check "10 MB of comments and strings" 0 "$T/ten_mb_comments.pol"

# ... and 10 MB of declarations, as a generator would write them: params, rules using them
awk 'BEGIN {
    print "policy \"generated\" valid from 2025-01-01 dated by claim.d"
    print "enum Level { township, county, city }"
    print "claim { d: date  x: money  level: Level }"
    for (i = 0; i < 80000; i++) {
        printf "param p%d[Level]: money from 2025-01-01: township %d yuan, county %d yuan, city 1 yuan\n", i, i, i + 1
        printf "rule r%d: money cites \"第%d条\" = min(claim.x, p%d[claim.level])%s\n", i, i, i, i ? " + r" (i - 1) : ""
    }
    print "output r79999"
}' >"$T/ten_mb_decls.pol"
SECS=60 case_check "10 MB of generated declarations" 0 "$T/ten_mb_decls.pol"

# ---- usage errors --------------------------------------------------------------------
case_usage "no command" 2
case_usage "unknown command" 2 frobnicate x.pol
case_usage "check without a policy" 2 check
case_usage "test without a policy" 2 test
case_usage "build without -o" 2 build "$T/valid.pol"
case_usage "run without --claims" 2 run "$T/valid.pol"
case_usage "explain without --claim" 2 explain "$T/valid.pol" --claims "$T/none.csv"
case_usage "unknown option" 2 check --no-such-option "$T/valid.pol"
case_usage "option without its value" 2 build "$T/valid.pol" -o
case_usage "bad -j" 2 run "$T/valid.pol" --claims x.csv -j zero
case_usage "--help" 0 --help
run_polc 20 check "$T/no-such-file.pol"
if [ "$rc" -eq 1 ] && grep -q "cannot open" "$T/out"; then
    echo "[PASS] frontend: a missing policy file: exit 1, cannot open"
else
    echo "[FAIL] frontend: a missing policy file: exit $rc: $(head -n 1 "$T/out")"
fi
run_polc 20 check "$T"
if [ "$rc" -eq 1 ] && grep -q "cannot read" "$T/out"; then
    echo "[PASS] frontend: a directory as the policy: exit 1, cannot read"
else
    echo "[FAIL] frontend: a directory as the policy: exit $rc: $(head -n 1 "$T/out")"
fi
