#!/bin/sh
# tests/cli/lsp.sh — polc lsp, spoken to over its pipes as an editor would (Content-Length
# framing, JSON-RPC): initialize; didOpen of a policy with errors (the checker's diagnostics,
# a cycle's notes as relatedInformation); hover on a param (its dated versions and citation),
# a rule (type, citation), a claim field (its label), an enum member; definition; references;
# completion after "claim." (and "claim.tot"), and after "Level." while the text does not parse; the outline; a didChange and formatting through polc fmt;
# shutdown and exit. Every response is compared exactly. Then: a file with 25 errors (20
# reported, then the stop), an empty file, a seed policy (no diagnostics, hover on a param),
# exit without shutdown (exit 1), garbage input; a reform (hover on its param: the base's and
# its versions; definition: in the base policy); a rule nothing reads (polc check's warning);
# check's calendar and unit-slip warnings too;
# hover and definition on enum members in a test's data (they returned null there);
# a text that starts with a byte order mark (line 1's columns were one short: the editor
# counts the mark) and didChange range edits (each replaced the whole text with its piece);
# didClose clears the document's diagnostics (they stayed); didSave analyses an open reform
# again (its base's error, fixed and saved, stayed); completion and hover in a text that never
# parsed give a rule's type as written (it was '<error>'); an untitled reform's base has file
# URIs (it had "./base.pol").
#
#   sh tests/cli/lsp.sh        env: POLC (build/polc)
set -u
cd "$(dirname "$0")/../.." || exit 2
POLC=${POLC:-build/polc}
case $POLC in /*) ;; */*) POLC=$(pwd)/$POLC ;; esac
ROOT=$(pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/polc-lsp.XXXXXX") || exit 2
trap 'rm -rf "$WORK"' EXIT
cd "$WORK" || exit 2

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

# one framed message
J() { printf 'Content-Length: %d\r\n\r\n%s' "$(printf %s "$1" | LC_ALL=C wc -c)" "$1"; }
# a file's text as a JSON string body
jtext() { sed 's/\\/\\\\/g;s/"/\\"/g' "$1" | awk '{printf "%s\\n", $0}'; }
# the server's messages one a line, after checking each Content-Length against its body
unframe() {
    LC_ALL=C awk 'BEGIN { RS = "Content-Length: "; bad = 0 }
        NR > 1 {
            n = index($0, "\r\n\r\n"); len = substr($0, 1, n - 1) + 0; body = substr($0, n + 4)
            if (length(body) != len) { print "BAD LENGTH " len " " length(body); bad = 1 }
            print body
        }' "$1"
}
# lsp IN GOT: the server on the messages of IN, its answers one a line in GOT
lsp() { "$POLC" lsp <"$1" >"$1.out" 2>&1; unframe "$1.out" >"$2"; }
# same NAME WANT GOT LINES: the lines LINES (sed's "2,6") of GOT are WANT
same() {
    sed -n "${4}p" "$3" >"$3.b"
    if cmp -s "$3.b" "$2"; then ok "$1"; else bad "$1" "$(diff "$2" "$3.b" | head -n 8)"; fi
}
at() { # at ID METHOD URI LINE CHAR [EXTRA]
    J '{"jsonrpc":"2.0","id":'$1',"method":"textDocument/'$2'","params":{"textDocument":{"uri":"'$3'"},"position":{"line":'$4',"character":'$5'}'"${6:-}"'}}'
}

cat >t.pol <<'EOF'
policy "t" valid from 2017-01-01 dated by claim.d
enum Level "级别" { county "县区", city "市级" }
claim {
  d: date "出院日期"
  level: Level "医院级别"
  total: money in fen "总费用"
}
# 第四条
param cap[Level]: money cites "第四条"
  from 2017-01-01: county 3000 yuan, city 5000 yuan
  from 2018-01-01: county 4000 yuan, city 5000 yuan
rule own: money cites "第四条" = min(claim.total, cap[claim.level])
rule bad: money = own * own
rule a: money = b
rule b: money = a
output own
EOF
# the same policy, checked, unformatted
cat >messy.pol <<'EOF'
policy "t" valid from 2017-01-01 dated by claim.d
claim { d: date   total: money }
param r: rate from 2017-01-01: 80 %
rule own : money = claim.total*r
output own
EOF
U=file://$WORK/t.pol
{
    J '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}'
    J '{"jsonrpc":"2.0","method":"initialized","params":{}}'
    J '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"'$U'","languageId":"pol","version":1,"text":"'"$(jtext t.pol)"'"}}}'
    at 2 hover "$U" 11 48
    at 3 hover "$U" 12 19
    at 4 hover "$U" 11 45
    at 5 hover "$U" 9 20
    at 6 definition "$U" 12 19
    at 7 references "$U" 4 10 ',"context":{"includeDeclaration":true}'
    at 8 completion "$U" 11 44
    J '{"jsonrpc":"2.0","id":9,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"'$U'"}}}'
    at 13 completion "$U" 11 40
    J '{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"'$U'","version":2},"contentChanges":[{"text":"'"$(jtext t.pol)"'rule c: bool = claim.level = Level.\n"}]}}'
    at 14 completion "$U" 16 35
    J '{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"'$U'","version":2},"contentChanges":[{"text":"'"$(jtext messy.pol)"'"}]}}'
    J '{"jsonrpc":"2.0","id":10,"method":"textDocument/formatting","params":{"textDocument":{"uri":"'$U'"},"options":{"tabSize":2,"insertSpaces":true}}}'
    J '{"jsonrpc":"2.0","id":11,"method":"textDocument/rename","params":{}}'
    J '{"jsonrpc":"2.0","id":12,"method":"shutdown"}'
    J '{"jsonrpc":"2.0","method":"exit"}'
} >in
"$POLC" lsp <in >out 2>err
rc=$?
unframe out >got
cat >want <<EOF
{"jsonrpc":"2.0","id":1,"result":{"capabilities":{"textDocumentSync":{"openClose":true,"change":1,"save":true},"hoverProvider":true,"definitionProvider":true,"referencesProvider":true,"completionProvider":{"triggerCharacters":["."]},"documentSymbolProvider":true,"documentFormattingProvider":true},"serverInfo":{"name":"polc","version":"0.1.0"}}}
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"$U","diagnostics":[{"range":{"start":{"line":12,"character":18},"end":{"line":12,"character":27}},"severity":1,"source":"polc","message":"cannot multiply money by money"},{"range":{"start":{"line":13,"character":5},"end":{"line":13,"character":6}},"severity":1,"source":"polc","message":"rule 'a' depends on itself","relatedInformation":[{"location":{"uri":"$U","range":{"start":{"line":13,"character":16},"end":{"line":13,"character":17}}},"message":"'a' uses 'b' here"},{"location":{"uri":"$U","range":{"start":{"line":14,"character":16},"end":{"line":14,"character":17}}},"message":"'b' uses 'a' here"}]}]}}
{"jsonrpc":"2.0","id":2,"result":{"contents":{"kind":"markdown","value":"**param** \`cap[Level]\`: \`money\` — cites \"第四条\"\n\n| from | to | value |\n|---|---|---|\n| 2017-01-01 | 2017-12-31 | county 3000 yuan, city 5000 yuan |\n| 2018-01-01 |  | county 4000 yuan, city 5000 yuan |\n"},"range":{"start":{"line":11,"character":47},"end":{"line":11,"character":50}}}}
{"jsonrpc":"2.0","id":3,"result":{"contents":{"kind":"markdown","value":"**rule** \`own\`: \`money\` — cites \"第四条\"\n\noutput 1 of 1, column \"own\"; role none written: counted as a payer (no output of the policy has a role)"},"range":{"start":{"line":12,"character":18},"end":{"line":12,"character":21}}}}
{"jsonrpc":"2.0","id":4,"result":{"contents":{"kind":"markdown","value":"**claim field** \`total\`: \`money in fen\` — 总费用"},"range":{"start":{"line":11,"character":40},"end":{"line":11,"character":45}}}}
{"jsonrpc":"2.0","id":5,"result":{"contents":{"kind":"markdown","value":"**Level.county** — 县区 (enum member)"},"range":{"start":{"line":9,"character":19},"end":{"line":9,"character":25}}}}
{"jsonrpc":"2.0","id":6,"result":{"uri":"$U","range":{"start":{"line":11,"character":5},"end":{"line":11,"character":8}}}}
{"jsonrpc":"2.0","id":7,"result":[{"uri":"$U","range":{"start":{"line":1,"character":5},"end":{"line":1,"character":10}}},{"uri":"$U","range":{"start":{"line":4,"character":9},"end":{"line":4,"character":14}}},{"uri":"$U","range":{"start":{"line":8,"character":10},"end":{"line":8,"character":15}}}]}
{"jsonrpc":"2.0","id":8,"result":[{"label":"total","kind":5,"detail":"money in fen 总费用"}]}
{"jsonrpc":"2.0","id":9,"result":[{"name":"Level","detail":"enum","kind":10,"range":{"start":{"line":1,"character":0},"end":{"line":1,"character":42}},"selectionRange":{"start":{"line":1,"character":5},"end":{"line":1,"character":10}},"children":[{"name":"county","kind":22,"range":{"start":{"line":1,"character":18},"end":{"line":1,"character":24}},"selectionRange":{"start":{"line":1,"character":18},"end":{"line":1,"character":24}}},{"name":"city","kind":22,"range":{"start":{"line":1,"character":31},"end":{"line":1,"character":35}},"selectionRange":{"start":{"line":1,"character":31},"end":{"line":1,"character":35}}}]},{"name":"claim","detail":"record","kind":5,"range":{"start":{"line":2,"character":0},"end":{"line":7,"character":5}},"selectionRange":{"start":{"line":2,"character":0},"end":{"line":2,"character":5}},"children":[{"name":"d","kind":8,"range":{"start":{"line":3,"character":2},"end":{"line":3,"character":3}},"selectionRange":{"start":{"line":3,"character":2},"end":{"line":3,"character":3}}},{"name":"level","kind":8,"range":{"start":{"line":4,"character":2},"end":{"line":4,"character":7}},"selectionRange":{"start":{"line":4,"character":2},"end":{"line":4,"character":7}}},{"name":"total","kind":8,"range":{"start":{"line":5,"character":2},"end":{"line":5,"character":7}},"selectionRange":{"start":{"line":5,"character":2},"end":{"line":5,"character":7}}}]},{"name":"cap","detail":"param","kind":14,"range":{"start":{"line":8,"character":0},"end":{"line":10,"character":51}},"selectionRange":{"start":{"line":8,"character":6},"end":{"line":8,"character":9}}},{"name":"own","detail":"rule","kind":12,"range":{"start":{"line":11,"character":0},"end":{"line":11,"character":64}},"selectionRange":{"start":{"line":11,"character":5},"end":{"line":11,"character":8}}},{"name":"bad","detail":"rule","kind":12,"range":{"start":{"line":12,"character":0},"end":{"line":12,"character":27}},"selectionRange":{"start":{"line":12,"character":5},"end":{"line":12,"character":8}}},{"name":"a","detail":"rule","kind":12,"range":{"start":{"line":13,"character":0},"end":{"line":13,"character":17}},"selectionRange":{"start":{"line":13,"character":5},"end":{"line":13,"character":6}}},{"name":"b","detail":"rule","kind":12,"range":{"start":{"line":14,"character":0},"end":{"line":16,"character":0}},"selectionRange":{"start":{"line":14,"character":5},"end":{"line":14,"character":6}}}]}
{"jsonrpc":"2.0","id":13,"result":[{"label":"d","kind":5,"detail":"date 出院日期"},{"label":"level","kind":5,"detail":"Level 医院级别"},{"label":"total","kind":5,"detail":"money in fen 总费用"}]}
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"$U","diagnostics":[{"range":{"start":{"line":16,"character":35},"end":{"line":17,"character":0}},"severity":1,"source":"polc","message":"unexpected end of file, expected identifier, from, to, by, of or at"}]}}
{"jsonrpc":"2.0","id":14,"result":[{"label":"county","kind":20,"detail":"县区"},{"label":"city","kind":20,"detail":"市级"}]}
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"$U","diagnostics":[]}}
{"jsonrpc":"2.0","id":10,"result":[{"range":{"start":{"line":0,"character":0},"end":{"line":5,"character":0}},"newText":"policy \"t\" valid from 2017-01-01 dated by claim.d\nclaim { d: date total: money }\nparam r: rate from 2017-01-01: 80%\nrule own: money = claim.total * r\noutput own\n"}]}
{"jsonrpc":"2.0","id":11,"error":{"code":-32601,"message":"method not supported"}}
{"jsonrpc":"2.0","id":12,"result":null}
EOF
[ $rc = 0 ] && [ ! -s err ] && ok "initialize ... shutdown, exit: exit 0, nothing on stderr" ||
    bad "exit" "rc $rc, $(head -3 err)"
n=0
while IFS= read -r w; do
    n=$((n + 1))
    g=$(sed -n "${n}p" got)
    what=$(printf '%s' "$w" | sed -n 's/.*"id":\([0-9]*\),.*/response \1/p;s/.*"method":"\([^"]*\)".*/\1/p' | head -1)
    if [ "$g" = "$w" ]; then ok "$what"; else bad "$what" "got $g"; fi
done <want
[ "$(wc -l <got)" = "$(wc -l <want)" ] && ok "no other message" || bad "messages" "$(wc -l <got) lines"

# 25 errors: 20 diagnostics and the stop; an empty file: it holds no policy text
echo 'policy "many" valid from 2017-01-01 dated by claim.d' >many.pol
echo 'claim { d: date x: money }' >>many.pol
i=0
while [ $i -lt 25 ]; do
    echo "rule r$i: money = claim.x * claim.x"
    i=$((i + 1))
done >>many.pol
: >empty.pol
{
    J '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
    J '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file://'$WORK'/many.pol","languageId":"pol","version":1,"text":"'"$(jtext many.pol)"'"}}}'
    J '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file://'$WORK'/empty.pol","languageId":"pol","version":1,"text":""}}}'
    J '{"jsonrpc":"2.0","id":2,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file://'$WORK'/empty.pol"}}}'
    J '{"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{"textDocument":{"uri":"file://'$WORK'/empty.pol"},"position":{"line":0,"character":0}}}'
    J '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file://'$ROOT'/policies/anhui/panji-2017.pol","languageId":"pol","version":1,"text":"'"$(jtext "$ROOT/policies/anhui/panji-2017.pol")"'"}}}'
    J '{"jsonrpc":"2.0","id":4,"method":"textDocument/hover","params":{"textDocument":{"uri":"file://'$ROOT'/policies/anhui/panji-2017.pol"},"position":{"line":'$(($(grep -n '^param backstop_cap' "$ROOT/policies/anhui/panji-2017.pol" | cut -d: -f1) - 1))',"character":8}}}'
    printf 'Content-Length: 5\r\n\r\n{"a":'
    J '{"jsonrpc":"2.0","method":"exit"}'
} >in2
"$POLC" lsp <in2 >out2 2>err2
rc=$?
unframe out2 >got2
many=$(sed -n 2p got2)
nd=$(printf '%s' "$many" | grep -o '"severity":1' | wc -l)
printf '%s' "$many" | grep -q '"message":"too many errors, stopping"}]}}$' && [ "$nd" = 21 ] &&
    printf '%s' "$many" | grep -q '"range":{"start":{"line":21,"character":18},"end":{"line":21,"character":35}},"severity":1,"source":"polc","message":"cannot multiply money by money"}' &&
    ok "25 errors: the first 20 and the stop" || bad "25 errors" "$nd: $many"
w='{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"file://'$WORK'/empty.pol","diagnostics":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"severity":1,"source":"polc","message":"the file holds no policy text; a policy starts with its header: policy \"NAME\" valid from YYYY-MM-DD dated by claim.FIELD"}]}}'
[ "$(sed -n 3p got2)" = "$w" ] && ok "an empty file: one diagnostic" || bad "empty file" "$(sed -n 3p got2)"
[ "$(sed -n 4p got2)" = '{"jsonrpc":"2.0","id":2,"result":[]}' ] &&
    [ "$(sed -n 5p got2)" = '{"jsonrpc":"2.0","id":3,"result":null}' ] &&
    ok "an empty file: no symbols, no hover" || bad "empty file" "$(sed -n 4,5p got2)"
sed -n 6p got2 | grep -q '"diagnostics":\[\]}}$' && ok "panji-2017.pol: no diagnostics" ||
    bad "panji diagnostics" "$(sed -n 6p got2 | cut -c1-300)"
sed -n 7p got2 | grep -q '"value":"\*\*param\*\* `backstop_cap\[Level\]`: `money` — cites \\"第四条\\"\\n\\n| from | to | value |\\n|---|---|---|\\n| 2017-04-07 |  | township 0.3 万元, county 0.3 万元, city 0.5 万元, province 1 万元, out_of_province 1 万元 |\\n"' &&
    ok "panji-2017.pol: hover on backstop_cap" || bad "panji hover" "$(sed -n 7p got2)"
[ "$(sed -n 8p got2)" = '{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"not a JSON-RPC message"}}' ] &&
    ok "garbage: a parse error, and the server goes on" || bad "garbage" "$(sed -n 8p got2)"
[ $rc = 1 ] && ok "exit without shutdown: exit 1" || bad "exit without shutdown" "rc $rc"
grep -q 'BAD LENGTH' got got2 && bad "framing" "a Content-Length is wrong" || ok "every Content-Length right"

# a reform: its param's name names the base's param, its versions merged (the base's version
# the reform cuts ends the day before the reform's starts: it showed no end); definition: the
# base
R=$ROOT/policies/anhui/reforms/county-cap-4000.pol
{
    J '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
    J '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file://'$R'","languageId":"pol","version":1,"text":"'"$(jtext "$R")"'"}}}'
    at 2 hover "file://$R" 5 8
    at 3 definition "file://$R" 5 8
    J '{"jsonrpc":"2.0","id":4,"method":"shutdown"}'
    J '{"jsonrpc":"2.0","method":"exit"}'
} >in3
"$POLC" lsp <in3 >out3 2>&1
unframe out3 >got3
[ "$(sed -n 2p got3)" = '{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"file://'$R'","diagnostics":[]}}' ] &&
    ok "reform: no diagnostics" || bad "reform diagnostics" "$(sed -n 2p got3)"
w='{"jsonrpc":"2.0","id":2,"result":{"contents":{"kind":"markdown","value":"**param** `backstop_cap[Level]`: `money` — cites \"第四条\"\n\n| from | to | value |\n|---|---|---|\n| 2017-04-07 | 2017-12-31 | township 0.3 万元, county 0.3 万元, city 0.5 万元, province 1 万元, out_of_province 1 万元 |\n| 2018-01-01 |  | township 4000 yuan, county 4000 yuan, city 0.5 万元, province 1 万元, out_of_province 1 万元 |\n"},"range":{"start":{"line":5,"character":6},"end":{"line":5,"character":18}}}}'
[ "$(sed -n 3p got3)" = "$w" ] && ok "reform: hover, the base's versions and the reform's" ||
    bad "reform hover" "$(sed -n 3p got3)"
l=$(($(grep -n '^param backstop_cap' "$ROOT/policies/anhui/panji-2017.pol" | cut -d: -f1) - 1))
w='{"jsonrpc":"2.0","id":3,"result":{"uri":"file://'$ROOT'/policies/anhui/panji-2017.pol","range":{"start":{"line":'$l',"character":6},"end":{"line":'$l',"character":18}}}}'
[ "$(sed -n 4p got3)" = "$w" ] && ok "reform: definition in the base policy" ||
    bad "reform definition" "$(sed -n 4p got3)"

# labels and roles (spec §7.5): hover on an output in the output list shows the rule's label,
# its place, its column's heading (the output list's label over the rule's) and its role;
# completion's detail of a rule: its type, label, and whether it is an output and of what role
cat >lab.pol <<'EOF'
policy "标签" valid from 2017-01-01 dated by claim.d
claim { d: date  cost: money }
param ratio: rate from 2017-01-01: 70%
rule basic "基本医保": money cites "第三条" = claim.cost * ratio
rule own "个人自付": money = claim.cost - basic
rule covered: bool = basic > 0 yuan
rule spare "备用": money = own
output basic 基金, own "自付金额" patient, covered "享受报销" info
EOF
U=file://$WORK/lab.pol
{
    J '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
    J '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"'$U'","languageId":"pol","version":1,"text":"'"$(jtext lab.pol)"'"}}}'
    at 2 hover "$U" 7 8
    at 3 hover "$U" 7 18
    at 4 hover "$U" 7 44
    at 5 hover "$U" 6 6
    at 6 completion "$U" 6 29
    J '{"jsonrpc":"2.0","id":7,"method":"shutdown"}'
    J '{"jsonrpc":"2.0","method":"exit"}'
} >in4
lsp in4 got4
cat >want4 <<EOF
{"jsonrpc":"2.0","id":2,"result":{"contents":{"kind":"markdown","value":"**rule** \`basic\`: \`money\` — 基本医保 — cites \"第三条\"\n\noutput 1 of 3, column \"基本医保\"; role payer (基金): money a fund pays, counted as a cost in reports"},"range":{"start":{"line":7,"character":7},"end":{"line":7,"character":12}}}}
{"jsonrpc":"2.0","id":3,"result":{"contents":{"kind":"markdown","value":"**rule** \`own\`: \`money\` — 个人自付\n\noutput 2 of 3, column \"自付金额\"; role patient (个人): what the patient pays"},"range":{"start":{"line":7,"character":17},"end":{"line":7,"character":20}}}}
{"jsonrpc":"2.0","id":4,"result":{"contents":{"kind":"markdown","value":"**rule** \`covered\`: \`bool\`\n\noutput 3 of 3, column \"享受报销\"; role info (信息): shown, not counted as a cost"},"range":{"start":{"line":7,"character":37},"end":{"line":7,"character":44}}}}
{"jsonrpc":"2.0","id":5,"result":{"contents":{"kind":"markdown","value":"**rule** \`spare\`: \`money\` — 备用"},"range":{"start":{"line":6,"character":5},"end":{"line":6,"character":10}}}}
{"jsonrpc":"2.0","id":6,"result":[{"label":"own","kind":3,"detail":"rule: money 个人自付, output (patient)"}]}
EOF
sed -n '3,7p' got4 >got4b
if cmp -s got4b want4; then
    ok "labels and roles: hover on outputs (payer, patient, info), a rule that is none; completion"
else
    bad "labels and roles" "$(diff want4 got4b | head -n 6)"
fi

# a rule nothing reads: polc check's warning, as a warning diagnostic (xref_unused_rules)
cat >unused.pol <<'EOF'
policy "t" valid from 2017-01-01 dated by claim.d
claim { d: date  cost: money }
rule held: money = claim.cost
rule hold: money = claim.cost
output hold
EOF
U=file://$WORK/unused.pol
{
    J '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
    J '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"'$U'","languageId":"pol","version":1,"text":"'"$(jtext unused.pol)"'"}}}'
    J '{"jsonrpc":"2.0","method":"exit"}'
} >in5
lsp in5 got5
w='{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"'$U'","diagnostics":[{"range":{"start":{"line":2,"character":5},"end":{"line":2,"character":9}},"severity":2,"source":"polc","message":"rule '"'held'"' is used by nothing: no output, ledger, test or other rule reads it; remove it, or use it"}]}}'
[ "$(sed -n 2p got5)" = "$w" ] && ok "a rule nothing reads: a warning" ||
    bad "unused rule" "$(sed -n 2p got5)"

# polc check's other warnings, from the one place check takes them (driver_warnings): the
# working-day calendar lacking years of the validity (2027-2028: 2017-2026 ship) and a unit
# slip (6000 万元 for 6000 yuan); the editor showed neither
cat >warn.pol <<'EOF'
policy "t" valid from 2017-01-01 to 2028-12-31 dated by claim.d
claim { d: date  cost: money }
param window: workdays from 2017-01-01: 5 workdays
param cap: money from 2017-01-01: 6000 万元
rule due: date = claim.d + window
rule pay: money = min(claim.cost, cap)
output due, pay
EOF
U=file://$WORK/warn.pol
{
    J '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
    J '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"'$U'","languageId":"pol","version":1,"text":"'"$(jtext warn.pol)"'"}}}'
    J '{"jsonrpc":"2.0","method":"exit"}'
} >in6
(unset POLRT_CALENDAR_DIR; lsp in6 got6)
w='{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"'$U'","diagnostics":[{"range":{"start":{"line":4,"character":17},"end":{"line":4,"character":33}},"severity":2,"source":"polc","message":"working days are counted, but the calendar has no data for 2027-2028, which the policy'"'"'s validity covers: a claim that needs those years fails (add runtime/calendar/YYYY.txt, or set POLRT_CALENDAR_DIR)"},{"range":{"start":{"line":3,"character":34},"end":{"line":3,"character":41}},"severity":2,"source":"polc","message":"6000 万元 is 60,000,000.00 yuan; did you mean 6000 yuan?"}]}}'
[ "$(sed -n 2p got6)" = "$w" ] && ok "polc check's calendar and unit-slip warnings, as warning diagnostics" ||
    bad "calendar and unit-slip warnings" "$(sed -n 2p got6)"
# and they are check's, one for one: its lines and columns (1-based) are the ranges' starts
(unset POLRT_CALENDAR_DIR; "$POLC" check warn.pol 2>&1) | sed -n 's/^warn\.pol:\([0-9]*\):\([0-9]*\): warning: .*/\1:\2/p' >check6
[ "$(tr '\n' ' ' <check6)" = "5:18 4:35 " ] && ok "polc check gives the same two warnings" ||
    bad "polc check's warnings" "$(cat check6)"

# enum members in a test's data: a history row's field and an expectation, as in a formula
cat >members.pol <<'EOF'
policy "t" valid from 2025-01-01 dated by claim.d
enum Identity { tekun "特困人员", dibao "低保对象" }
claim { d: date  cost: money }
history identities { identity: Identity  from: date }
rule best: Identity = min(h.identity for h in identities default dibao)
rule pay: money = if best = tekun then claim.cost else 0 yuan
output pay
test "members" {
  person p {}
  history p { identity: dibao, from: 2024-01-01 }
  claim c of p { d: 2025-03-01, cost: 100 yuan }
  expect c { best: dibao, pay: 0 yuan }
}
EOF
U=file://$WORK/members.pol
{
    J '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
    J '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"'$U'","languageId":"pol","version":1,"text":"'"$(jtext members.pol)"'"}}}'
    at 2 hover "$U" 9 26
    at 3 definition "$U" 9 26
    at 4 hover "$U" 11 20
    at 5 definition "$U" 11 20
    J '{"jsonrpc":"2.0","method":"exit"}'
} >in6
lsp in6 got6
cat >want6 <<EOF
{"jsonrpc":"2.0","id":2,"result":{"contents":{"kind":"markdown","value":"**Identity.dibao** — 低保对象 (enum member)"},"range":{"start":{"line":9,"character":24},"end":{"line":9,"character":29}}}}
{"jsonrpc":"2.0","id":3,"result":{"uri":"$U","range":{"start":{"line":1,"character":30},"end":{"line":1,"character":35}}}}
{"jsonrpc":"2.0","id":4,"result":{"contents":{"kind":"markdown","value":"**Identity.dibao** — 低保对象 (enum member)"},"range":{"start":{"line":11,"character":19},"end":{"line":11,"character":24}}}}
{"jsonrpc":"2.0","id":5,"result":{"uri":"$U","range":{"start":{"line":1,"character":30},"end":{"line":1,"character":35}}}}
EOF
same "a test's data: hover and definition on enum members" want6 got6 3,6

# a text that starts with a byte order mark: the editor holds U+FEFF as line 0's first
# character, so every column on that line counts it (they were one short: 'q' is at 49, after
# the mark and `policy "t" valid from 2017-01-01 dated by claim.`, 1 + 48 units); on line 2,
# 𠮷 (U+20BB7) is two UTF-16 units: 'zz' is at 39 (`rule own "` 10, 𠮷 2, `自付": money =
# claim.total * ` 27). Then range edits, applied in order to the text the server holds: 'q'
# made 'd' (0:49-0:50), hover on it the claim field (the header's `dated by claim.d` was no
# use of the field: hover found nothing), and ' * zz' taken out (2:36-2:41): no diagnostics; hover on 'total' at
# 2:33 is the claim field, 31-36 (a range edit replaced the whole text with its piece)
printf '\357\273\277policy "t" valid from 2017-01-01 dated by claim.q\nclaim { d: date  total: money "总费用" }\nrule own "\360\240\256\267自付": money = claim.total * zz\noutput own\n' >bom.pol
U=file://$WORK/bom.pol
ch() { # ch VERSION SL SC EL EC TEXT
    J '{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"'$U'","version":'$1'},"contentChanges":[{"range":{"start":{"line":'$2',"character":'$3'},"end":{"line":'$4',"character":'$5'}},"text":"'$6'"}]}}'
}
{
    J '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
    J '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"'$U'","languageId":"pol","version":1,"text":"'"$(jtext bom.pol)"'"}}}'
    ch 2 0 49 0 50 d
    at 2 hover "$U" 0 49
    ch 3 2 36 2 41 ''
    at 3 hover "$U" 2 33
    J '{"jsonrpc":"2.0","method":"exit"}'
} >in7
lsp in7 got7
cat >want7 <<EOF
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"$U","diagnostics":[{"range":{"start":{"line":0,"character":49},"end":{"line":0,"character":50}},"severity":1,"source":"polc","message":"the claim record has no field 'q'; did you mean 'd'?"},{"range":{"start":{"line":2,"character":39},"end":{"line":2,"character":41}},"severity":1,"source":"polc","message":"unknown name 'zz'"}]}}
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"$U","diagnostics":[{"range":{"start":{"line":2,"character":39},"end":{"line":2,"character":41}},"severity":1,"source":"polc","message":"unknown name 'zz'"}]}}
{"jsonrpc":"2.0","id":2,"result":{"contents":{"kind":"markdown","value":"**claim field** \`d\`: \`date\`"},"range":{"start":{"line":0,"character":49},"end":{"line":0,"character":50}}}}
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"$U","diagnostics":[]}}
{"jsonrpc":"2.0","id":3,"result":{"contents":{"kind":"markdown","value":"**claim field** \`total\`: \`money\` — 总费用"},"range":{"start":{"line":2,"character":31},"end":{"line":2,"character":36}}}}
EOF
same "a byte order mark: line 0's columns count it; range edits applied in order" \
    want7 got7 2,6

# didClose clears the document's diagnostics (they stayed in the editor's problems list, for a
# file closed, or renamed: close of the old name, open of the new); a close of a document
# never opened says nothing
printf 'policy "t" valid from 2017-01-01 dated by claim.d\nclaim { d: date  x: money }\nrule r: money = claim.x * claim.x\noutput r\n' >closed.pol
U=file://$WORK/closed.pol
{
    J '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
    J '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"'$U'","languageId":"pol","version":1,"text":"'"$(jtext closed.pol)"'"}}}'
    J '{"jsonrpc":"2.0","method":"textDocument/didClose","params":{"textDocument":{"uri":"'$U'"}}}'
    J '{"jsonrpc":"2.0","method":"textDocument/didClose","params":{"textDocument":{"uri":"'$U'"}}}'
    J '{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"'$U'"},"position":{"line":2,"character":6}}}'
    J '{"jsonrpc":"2.0","method":"exit"}'
} >in8
lsp in8 got8
cat >want8 <<EOF
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"$U","diagnostics":[{"range":{"start":{"line":2,"character":16},"end":{"line":2,"character":33}},"severity":1,"source":"polc","message":"cannot multiply money by money"}]}}
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"$U","diagnostics":[]}}
{"jsonrpc":"2.0","id":2,"result":null}
EOF
same "didClose: the document's diagnostics cleared, once" want8 got8 '2,$'

# didSave: a reform open in the editor reads its base from disk; the base fixed and saved, the
# reform is analysed again (its error from the base stayed until the reform itself changed)
mkdir -p sv/reforms
printf 'policy "b" valid from 2017-01-01 dated by claim.d\nclaim { d: date  x: money }\nparam cap: money from 2017-01-01: 30%%\nrule r: money = min(claim.x, cap)\noutput r\n' >sv/base.pol
printf 'reform "r" of "../base.pol"\nrule r: money = claim.x - min(claim.x, cap)\n' >sv/reforms/r.pol
B=file://$WORK/sv/base.pol
U=file://$WORK/sv/reforms/r.pol
{
    J '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
    J '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"'$U'","languageId":"pol","version":1,"text":"'"$(jtext sv/reforms/r.pol)"'"}}}'
    J '{"jsonrpc":"2.0","id":2,"method":"x/sync"}'
} >in9a
{
    J '{"jsonrpc":"2.0","method":"textDocument/didSave","params":{"textDocument":{"uri":"'$B'"}}}'
    J '{"jsonrpc":"2.0","method":"exit"}'
} >in9b
mkfifo to9
"$POLC" lsp <to9 >out9 2>&1 &
lsp_pid=$!
exec 9>to9
cat in9a >&9
n=0
until grep -q '"id":2' out9 2>/dev/null || [ $n -ge 100 ]; do sleep 0.1; n=$((n + 1)); done
sed -i 's/30%/3000 yuan/' sv/base.pol
cat in9b >&9
exec 9>&-
wait $lsp_pid
unframe out9 >got9
cat >want9 <<EOF
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"$U","diagnostics":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"severity":1,"source":"polc","message":"$WORK/sv/reforms/../base.pol:3:35: expected a money value, found rate"}]}}
{"jsonrpc":"2.0","id":2,"error":{"code":-32601,"message":"method not supported"}}
{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"$U","diagnostics":[]}}
EOF
same "didSave: an open reform analysed again, its base's fixed error gone" want9 got9 '2,$'

# completion and hover in a text that never parsed: a rule's type as written (it was
# '<error>', the unchecked type)
printf 'policy "t" valid from 2017-01-01 dated by claim.d\nclaim { d: date  x: money }\nrule own "自付": money = claim.x\nrule r: money = ow +\noutput r\n' >unparsed.pol
U=file://$WORK/unparsed.pol
{
    J '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
    J '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"'$U'","languageId":"pol","version":1,"text":"'"$(jtext unparsed.pol)"'"}}}'
    at 2 completion "$U" 3 18
    at 3 hover "$U" 2 6
    J '{"jsonrpc":"2.0","method":"exit"}'
} >in10
lsp in10 got10
w='{"jsonrpc":"2.0","id":2,"result":[{"label":"own","kind":3,"detail":"rule: money 自付"}]}'
[ "$(sed -n 3p got10)" = "$w" ] && ok "completion in a text that never parsed: the type as written" ||
    bad "completion, unparsed" "$(sed -n 3p got10)"
w='{"jsonrpc":"2.0","id":3,"result":{"contents":{"kind":"markdown","value":"**rule** `own`: `money` — 自付"},"range":{"start":{"line":2,"character":5},"end":{"line":2,"character":8}}}}'
[ "$(sed -n 4p got10)" = "$w" ] && ok "hover in a text that never parsed: the type as written" ||
    bad "hover, unparsed" "$(sed -n 4p got10)"

# an untitled buffer's reform: its base is found from the server's folder, and a location in
# the base is a file URI (it was "./ubase.pol", which no editor can open)
printf 'policy "b" valid from 2017-01-01 dated by claim.d\nclaim { d: date  x: money }\nparam cap: money from 2017-01-01: 3000 yuan\nrule r: money = min(claim.x, cap)\noutput r\n' >ubase.pol
U=untitled:Untitled-1
{
    J '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
    J '{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"'$U'","languageId":"pol","version":1,"text":"reform \"u\" of \"ubase.pol\"\nparam cap from 2018-01-01: 4000 yuan\n"}}}'
    at 2 definition "$U" 1 7
    J '{"jsonrpc":"2.0","method":"exit"}'
} >in11
lsp in11 got11
w='{"jsonrpc":"2.0","id":2,"result":{"uri":"file://'$(pwd -P)'/ubase.pol","range":{"start":{"line":2,"character":6},"end":{"line":2,"character":9}}}}'
[ "$(sed -n 3p got11)" = "$w" ] && ok "an untitled reform: its base's locations are file URIs" ||
    bad "untitled reform" "$(sed -n 2,3p got11)"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
