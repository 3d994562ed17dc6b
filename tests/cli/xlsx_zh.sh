#!/bin/sh
# Workbooks in Chinese (--xlsx): polc simulate's sheet names and column headings were English
# (totals, scenario, output, ...) beside the Chinese labels of the policy's outputs and
# scenario names (spec/SIMULATE.md "--xlsx"), and polc run's one sheet was "results" above
# Chinese headings. With --labels zh, the default when the (base) policy labels an output,
# they are Chinese; --labels names keeps them English; another word is a usage error
# (simulate). The sheet XML is read back (unzip).
# tests/sim/sim.pol (its outputs unlabelled), as tests/cli/excel.sh settles it: the cap-4000
# reform's patient_pays 8460 against 6460, +2000, change 2000/6460 = 0.309598.
set -u
cd "$(dirname "$0")/../.." || exit 2
POLC=${POLC:-build/polc}
case $POLC in /*) ;; */*) POLC=$(pwd)/$POLC ;; esac
ROOT=$(pwd)
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
np=0 nf=0
pass() { np=$((np + 1)); echo "[PASS] xlsx zh: $1"; }
fail() { nf=$((nf + 1)); echo "[FAIL] xlsx zh: $1"; }
check() { if [ "$2" = "$3" ]; then pass "$1"; else fail "$1: got '$2', expected '$3'"; fi; }
sheet() { # sheet XLSX N: the sheetData of worksheet N (the workbook's XML in $d/x)
    rm -rf "$d/x" && mkdir "$d/x" && (cd "$d/x" && unzip -q "$1") &&
        sed -n 's/.*<sheetData>//; s|</sheetData>.*||p' "$d/x/xl/worksheets/sheet$2.xml"
}
sheets() { grep -o '<sheet name="[^"]*"' "$d/x/xl/workbook.xml" | tr '\n' ' '; }
# a header row of bold (style 1) text cells
hdr() {
    out='<row r="1">' col=A
    for h in "$@"; do
        out="$out<c r=\"${col}1\" s=\"1\" t=\"inlineStr\"><is><t>$h</t></is></c>"
        col=$(echo "$col" | tr 'A-Y' 'B-Z')
    done
    echo "$out</row>"
}

printf '%s\n' 'claim_id,person_id,level,discharged,total' \
    'c1,p1,county,2017-03-01,10000' 'c2,p1,city,2017-05-01,20000' \
    'c3,p2,township,2017-02-01,1000' 'c4,p3,county,2017-04-01,30000' \
    'c5,p3,township,2018-01-10,500' >"$d/claims.csv"
printf '%s\n' 'person_id,chronic,identity,from,to' 'p1,false,poor,2016-01-01,' \
    'p2,true,dibao,2016-05-01,' 'p3,false,poor,2016-01-01,2017-06-30' \
    'p3,false,dibao,2017-07-01,' >"$d/persons.csv"
# the same policy with its outputs labelled, and its reform beside it
mkdir "$d/lab"
sed 's/^output basic, patient_pays, backstop$/output basic "基本医保", patient_pays "个人自付", backstop "兜底保障"/' \
    "$ROOT/tests/sim/sim.pol" >"$d/lab/sim.pol"
cp "$ROOT/tests/sim/cap4000.pol" "$d/lab/"
grep -q '个人自付' "$d/lab/sim.pol" || fail "the labelled policy: sed found no output line"

sim() { # sim DIR XLSX [OPTION...]
    dir=$1 x=$2
    shift 2
    "$POLC" simulate --no-progress -q --base "$dir/sim.pol" --reform "$dir/cap4000.pol" \
        --claims "$d/claims.csv" --persons "$d/persons.csv" --rejects "$d/rej.csv" \
        --xlsx "$x" "$@" 2>"$d/err"
}
zh_sheets='<sheet name="支付合计" <sheet name="结算单与人数" <sheet name="个人负担变化" <sheet name="年度个人负担" <sheet name="结算失败" '
en_sheets='<sheet name="totals" <sheet name="counts" <sheet name="changes" <sheet name="oop" <sheet name="failures" '
row6='<row r="6"><c r="A6" t="inlineStr"><is><t>封顶4000</t></is></c><c r="B6" t="inlineStr"><is><t>patient_pays</t></is></c><c r="C6" s="2"><v>8460</v></c><c r="D6" s="2"><v>6460</v></c><c r="E6" s="2"><v>2000</v></c><c r="F6"><v>0.309598</v></c>'

# the labelled policy: Chinese by default
sim "$d/lab" "$d/a.xlsx"
check "labelled outputs: exit 0" "$? $(cat "$d/err")" "0 "
tot=$(sheet "$d/a.xlsx" 1)
check "labelled outputs: the sheets in Chinese" "$(sheets)" "$zh_sheets"
check "labelled outputs: totals headed in Chinese" "${tot%%</row>*}</row>" \
    "$(hdr 方案 输出项 合计 基准 差额 变化率 名称 类别)"
case $tot in
*"$row6"'<c r="G6" t="inlineStr"><is><t>个人自付</t></is></c>'*)
    pass "labelled outputs: totals' values as before (patient_pays 8460, +2000, 0.309598)" ;;
*) fail "labelled outputs: totals: $tot" ;;
esac
check "labelled outputs: counts headed in Chinese" "$(sheet "$d/a.xlsx" 2 | sed 's|</row>.*|</row>|')" \
    "$(hdr 方案 已结算 结算失败 有变化的结算单 占比 有变化的人数 占比)"
check "labelled outputs: oop headed in Chinese" "$(sheet "$d/a.xlsx" 4 | sed 's|</row>.*|</row>|')" \
    "$(hdr 维度 分组 方案 人年数 人均 中位数 90分位 99分位 最大值 封顶占比)"
# --labels names: English, as a program reads it
sim "$d/lab" "$d/b.xlsx" --labels names
check "--labels names: exit 0" "$?" 0
tot=$(sheet "$d/b.xlsx" 1)
check "--labels names: the sheets in English" "$(sheets)" "$en_sheets"
check "--labels names: totals headed in English" "${tot%%</row>*}</row>" \
    "$(hdr scenario output total base difference change label role)"
# the unlabelled policy: English by default, Chinese when asked
sim "$ROOT/tests/sim" "$d/c.xlsx"
sheet "$d/c.xlsx" 1 >/dev/null
check "unlabelled outputs: the sheets in English" "$(sheets)" "$en_sheets"
sim "$ROOT/tests/sim" "$d/e.xlsx" --labels zh
sheet "$d/e.xlsx" 1 >/dev/null
check "unlabelled outputs, --labels zh: the sheets in Chinese" "$(sheets)" "$zh_sheets"
# a sweep: its parameter's and outputs' headings stay as the policy names them
"$POLC" simulate --no-progress -q --base "$d/lab/sim.pol" --sweep cap=3000..4000:1000 \
    --claims "$d/claims.csv" --persons "$d/persons.csv" --rejects "$d/rej.csv" \
    --xlsx "$d/s.xlsx" 2>"$d/err"
check "sweep: exit 0" "$? $(cat "$d/err")" "0 "
# (a sweep has no changes sheet: the sweep is the fifth; no output has a role: all three pay)
sw=$(sheet "$d/s.xlsx" 5)
check "sweep: the sheets in Chinese" "$(sheets)" \
    '<sheet name="支付合计" <sheet name="结算单与人数" <sheet name="年度个人负担" <sheet name="结算失败" <sheet name="参数扫描" '
check "sweep: the parameter and the payers by their names and labels" "${sw%%</row>*}</row>" \
    "$(hdr 方案 cap 单位 基本医保 个人自付 兜底保障 人均个人负担 封顶占比)"
# a word --labels does not take: refused before anything is read or written
sim "$d/lab" "$d/f.xlsx" --labels en
check "--labels en: exit 2, said" "$? $(cat "$d/err")" \
    "2 polc: --labels takes zh or names, not 'en'"
[ ! -e "$d/f.xlsx" ] && pass "--labels en: no workbook" || fail "--labels en: a workbook written"
# polc run --xlsx: its sheet 结算结果 (results) with labels, above the results' Chinese headings
# (c1 county 10000: basic 7760, patient_pays 2240, backstop 0, as tests/cli/excel.sh)
"$POLC" run "$d/lab/sim.pol" -q --no-progress --claims "$d/claims.csv" --persons "$d/persons.csv" \
    --rejects "$d/rej.csv" --out "$d/r.csv" --xlsx "$d/r.xlsx" 2>"$d/err"
check "run --xlsx: exit 0" "$? $(cat "$d/err")" "0 "
res=$(sheet "$d/r.xlsx" 1)
check "run --xlsx: the sheet 结算结果" "$(sheets)" '<sheet name="结算结果" '
check "run --xlsx: headed by labels" "${res%%</row>*}</row>" \
    "$(hdr 结算单号 基本医保 个人自付 兜底保障 结算状态)"
"$POLC" run "$d/lab/sim.pol" -q --no-progress --claims "$d/claims.csv" --persons "$d/persons.csv" \
    --rejects "$d/rej.csv" --labels names --out "$d/r2.csv" --xlsx "$d/r2.xlsx" 2>"$d/err"
sheet "$d/r2.xlsx" 1 >/dev/null
check "run --xlsx --labels names: the sheet results" "$(sheets)" '<sheet name="results" '
echo "$np passed, $nf failed"
[ "$nf" = 0 ]
