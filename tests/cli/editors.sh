#!/bin/sh
# tests/cli/editors.sh — the highlighting of editors/ follows the language: every keyword and
# Chinese alias of the lexer's one table (compiler/parser.y, kw_lookup) and every type and
# built-in function name of the checker is in the VS Code grammar and the Vim syntax; the
# extension's JSON files parse (jq); package.json points at files that exist and starts
# `polc lsp`, claiming no VS Code older than its client needs; the full-width punctuation and
# curly quotes the lexer reports are shown as errors.
#
#   sh tests/cli/editors.sh
set -u
cd "$(dirname "$0")/../.." || exit 2
WORK=$(mktemp -d "${TMPDIR:-/tmp}/polc-editors.XXXXXX") || exit 2
trap 'rm -rf "$WORK"' EXIT

pass=0
fail=0
ok() {
    pass=$((pass + 1))
    echo "[PASS] $1"
}
bad() {
    fail=$((fail + 1))
    echo "[FAIL] $1: $2"
}

V=editors/vscode
for f in $V/package.json $V/language-configuration.json $V/syntaxes/pol.tmLanguage.json; do
    if jq -e . "$f" >/dev/null 2>"$WORK/err"; then ok "$f is JSON"; else bad "$f" "$(cat "$WORK/err")"; fi
done
grammar=$(jq -r '.contributes.grammars[0].path' $V/package.json)
conf=$(jq -r '.contributes.languages[0].configuration' $V/package.json)
main=$(jq -r '.main' $V/package.json)
if [ -f "$V/$grammar" ] && [ -f "$V/$conf" ] && [ -f "$V/$main" ] &&
    grep -q "args: \['lsp'\]" "$V/$main" &&
    [ "$(jq -r '.contributes.languages[0].extensions[0]' $V/package.json)" = .pol ]; then
    ok "package.json: grammar, configuration, client for .pol files running polc lsp"
else
    bad "package.json" "a path is missing or the client does not start polc lsp"
fi

# vscode-languageclient 9 refuses to start below VS Code 1.82 (its engines, and a check when the
# client is made): the extension must not claim an older VS Code it cannot run in
client=$(jq -r '.dependencies["vscode-languageclient"]' $V/package.json)
engine=$(jq -r '.engines.vscode' $V/package.json)
case $client in
^9.*) need=1.82 ;;
*) need="" ;;
esac
if [ -n "$need" ] &&
    printf '%s\n%s\n' "$need" "$(echo "$engine" | sed 's/^[^0-9]*//' | cut -d. -f1,2)" |
    sort -V -C; then
    ok "package.json: engines.vscode $engine, as vscode-languageclient $client needs"
else
    bad "package.json" "engines.vscode $engine with vscode-languageclient $client (needs ${need:-a known client})"
fi

# the words: the lexer's keyword table, the checker's type names and built-ins
sed -n '/static const struct { const char \*kw; int tok; } kws/,/};/p' compiler/parser.y |
    grep -o '{"[^"]*", TOK_' | sed 's/{"\([^"]*\)".*/\1/' >"$WORK/words"
nkw=$(wc -l <"$WORK/words")
grep -o 'strcmp(tr->name, "[^"]*")' compiler/sema.c | sed 's/.*"\(.*\)")/\1/' >>"$WORK/words"
sed -n '/^} builtins\[\] = {/,/^};/p;/^static const struct {$/,/^} builtins/p' compiler/sema.c |
    grep -o '{"[^"]*", BI_' | sed 's/{"\([^"]*\)".*/\1/' >>"$WORK/words"
total=$(wc -l <"$WORK/words")
jq -r '.. | .match? // empty' $V/syntaxes/pol.tmLanguage.json >"$WORK/tm"
miss_tm=""
miss_vim=""
while read -r w; do
    # a whole alternative of a (?:a|b|c) group in the grammar
    grep -qE "[(|:]$w[|)]" "$WORK/tm" || miss_tm="$miss_tm $w"
    # a whole word of a syn keyword line, or an alternative of a syn match
    grep -E '^syn (keyword|match)' editors/vim/syntax/pol.vim | grep -qE "[ |(]$w([ |\\\\]|$)" ||
        miss_vim="$miss_vim $w"
done <"$WORK/words"
[ "$nkw" -gt 80 ] && [ -z "$miss_tm" ] &&
    ok "the grammar has all $total keywords, aliases, types and built-ins" ||
    bad "the grammar lacks" "$miss_tm (of $total)"
[ -z "$miss_vim" ] && ok "the Vim syntax has all $total" || bad "the Vim syntax lacks" "$miss_vim"
# what the lexer reports and reads as its ASCII twin: full-width punctuation (lex_wide_punct in
# parser.y) and curly quotes (lexer.l) are shown as errors in both
{
    sed -n '/^int lex_wide_punct/,/^}/p' compiler/parser.y | grep -o '{"\\x[^"]*", "' |
        sed 's/{"\(.*\)", "/\1/'
    sed -n 's/^[LR]QUOTE *//p' compiler/lexer.l
} | LC_ALL=C awk 'function hex(c) { return index("0123456789ABCDEF", c) - 1 }
    { # "\xEF\xBC\x8C" -> its bytes
    n = split($0, h, /\\x/); s = ""
    for (i = 2; i <= n; i++)
        s = s sprintf("%c", 16 * hex(substr(h[i], 1, 1)) + hex(substr(h[i], 2, 1)))
    print s }' >"$WORK/wide"
tmw=$(jq -r '.repository.fullwidth.match' $V/syntaxes/pol.tmLanguage.json)
vimw=$(grep '^syn match *polFullWidth' editors/vim/syntax/pol.vim)
miss_w=""
while read -r c; do
    case $tmw in *"$c"*) ;; *) miss_w="$miss_w tm:$c" ;; esac
    case $vimw in *"$c"*) ;; *) miss_w="$miss_w vim:$c" ;; esac
done <"$WORK/wide"
[ "$(wc -l <"$WORK/wide")" -gt 16 ] && [ -z "$miss_w" ] &&
    ok "both show the $(wc -l <"$WORK/wide") full-width marks and curly quotes the lexer reports" ||
    bad "full-width marks not shown as errors" "$miss_w"
grep -q 'setfiletype pol' editors/vim/ftdetect/pol.vim && ok "vim: *.pol is filetype pol" ||
    bad "vim ftdetect" "no setfiletype pol"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
