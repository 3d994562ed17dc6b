#!/bin/sh
# Excel in and out (spec/DATA.md "Files from Excel", issue 11): a claims and a persons file
# saved by Chinese Excel (GB18030, CRLF, the settlement system's 结算单号/个人编号/身份证号
# headers, dates 2017/3/1, 2017-5-1, 2017年2月1日, amounts ¥10000, ￥20,000.00 and full-width
# １０００) settle as the UTF-8 originals do; a bad cell is still named by file, line and
# column; the results CSV starts with a BOM; --xlsx writes the results and simulate's tables
# as workbooks whose sheet XML is read back cell by cell.
#
# tests/sim/sim.pol (working in tests/cli/simulate.sh): basic = (total - deductible) x 80%
# (deductible township 100, county 300, city 500); patient_pays = the remainder up to the
# 3000 yuan own-payment cap of the year; backstop the rest.
#   c1 p1 county 10000: basic 7760, remainder 2240: pays 2240, backstop 0
#   c2 p1 city 20000: basic 15600, remainder 4400: room 3000-2240 = 760: pays 760, backstop 3640
#   c3 p2 township 1000: basic 720, pays 280, backstop 0
#   c4 p3 county 30000: basic 23760, remainder 6240: pays 3000, backstop 3240
#   c5 p3 township 500 (2018): basic 320, pays 180, backstop 0
set -u
POLC=${POLC:-build/polc}
P=tests/sim/sim.pol
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
pass() { echo "[PASS] excel: $1"; }
fail() { echo "[FAIL] excel: $1"; }
check() { if [ "$2" = "$3" ]; then pass "$1"; else fail "$1: got '$2', expected '$3'"; fi; }
same() { # same NAME FILE EXPECTED-FILE
    if cmp -s "$2" "$3"; then pass "$1"; else fail "$1: $(diff "$3" "$2" | head -5 | tr '\n' ' ')"; fi
}
gbk() { iconv -f UTF-8 -t GB18030; }
BOM=$(printf '\357\273\277')

# ---- the files as Excel saves them -------------------------------------------------------
printf '%s\r\n' '结算单号,个人编号,医疗机构级别,出院日期,医疗总费用' \
    'c1,p1,县区,2017/3/1,¥10000' \
    'c2,p1,市级,2017-5-1,"￥20,000.00"' \
    'c3,p2,乡镇,2017年2月1日,１０００' \
    'c4,p3,县区,2017/04/01,30000.00' \
    'c5,p3,乡镇,2018年1月10日,¥500' > "$d/claims.u8.csv"
printf '%s\r\n' '身份证号,慢性病患者,身份类别,认定日期,退出日期' \
    'p1,否,建档立卡贫困人口,2016/1/1,' \
    'p2,是,低保对象,2016年5月1日,' \
    'p3,否,建档立卡贫困人口,2016-1-1,2017/6/30' \
    'p3,否,低保对象,2017-07-01,' > "$d/persons.u8.csv"
gbk < "$d/claims.u8.csv" > "$d/claims.csv"
gbk < "$d/persons.u8.csv" > "$d/persons.csv"
if iconv -f UTF-8 -t UTF-8 < "$d/claims.csv" > /dev/null 2>&1; then
    fail "the GB18030 claims file is not UTF-8 too"
fi
printf '%s\n' "${BOM}claim_id,basic,patient_pays,backstop,status" \
    'c1,7760.00,2240.00,0.00,settled' \
    'c2,15600.00,760.00,3640.00,settled' \
    'c3,720.00,280.00,0.00,settled' \
    'c4,23760.00,3000.00,3240.00,settled' \
    'c5,320.00,180.00,0.00,settled' > "$d/expected.csv"

run() { "$POLC" run "$P" -q --no-progress "$@"; }

# GB18030 detected: invalid UTF-8 that is valid GB18030
if run --claims "$d/claims.csv" --persons "$d/persons.csv" --out "$d/res.csv" 2> "$d/err"; then
    same "GBK files detected: the results, with a BOM" "$d/res.csv" "$d/expected.csv"
else
    fail "GBK files: exit $?: $(cat "$d/err")"
fi
check "GBK files: nothing on stderr" "$(cat "$d/err")" ""
# the same, given
run --claims "$d/claims.csv" --persons "$d/persons.csv" --encoding GBK --out "$d/res2.csv" \
    2> "$d/err"
same "--encoding GBK: the same results" "$d/res2.csv" "$d/expected.csv"
# --encoding names every input's: a UTF-8 persons file read as GBK is refused as what it is
# not, GB18030 (it once said "not UTF-8 text", of a UTF-8 file)
run --claims "$d/claims.csv" --persons "$d/persons.u8.csv" --encoding gbk --out "$d/res7.csv" \
    2> "$d/err"
check "--encoding gbk on a UTF-8 file: exit 3, said as read" "$? $(sed "s|$d/||" "$d/err")" \
    "3 persons.u8.csv:1: header: not GB18030 (GBK) text, as --encoding says (without --encoding, each file's encoding is found from its own first bytes)"
# a file whose first MiB is GBK, found so, with a byte no GB18030 has (0x80) further on
awk 'BEGIN { print "结算单号,个人编号,医疗机构级别,出院日期,医疗总费用"
             for (i = 0; i < 30000; i++) printf "x%d,p2,乡镇,2017年2月1日,１０００\n", i }' |
    gbk > "$d/long.csv"
printf 'bad,p2,\200,2017/2/1,1000\n' >> "$d/long.csv"
run --claims "$d/long.csv" --persons "$d/persons.csv" --out "$d/res8.csv" 2> "$d/err"
check "a GBK file's bad byte past its first MiB: exit 3, said as read" \
    "$? $(sed "s|$d/||" "$d/err")" \
    "3 long.csv:30002: not GB18030 (GBK) text, as the file's first bytes are (a file of two encodings: save it again as CSV UTF-8)"
# the UTF-8 original: the same results
run --claims "$d/claims.u8.csv" --persons "$d/persons.u8.csv" --out "$d/res3.csv" 2> "$d/err"
same "UTF-8 with Excel's dates, ¥ and full-width digits: the same results" "$d/res3.csv" \
    "$d/expected.csv"
# the converted copy goes to TMPDIR (glibc's tmpfile() would take /tmp), unlinked at once
mkdir "$d/tmp"
TMPDIR="$d/tmp" run --claims "$d/claims.csv" --persons "$d/persons.csv" --out "$d/res5.csv" \
    2> "$d/err"
same "TMPDIR: the same results" "$d/res5.csv" "$d/expected.csv"
check "TMPDIR: nothing left in it" "$(ls -A "$d/tmp")" ""
TMPDIR="$d/no-such-dir" run --claims "$d/claims.csv" --persons "$d/persons.csv" \
    --out "$d/res6.csv" 2> "$d/err"
check "TMPDIR missing: exit 4" "$?" 4
check "TMPDIR missing: the message names it" "$(cat "$d/err")" \
    "polc: cannot convert $d/persons.csv: a temporary file in $d/no-such-dir: No such file or directory"
# GB18030 from standard input, told
run --claims - --persons "$d/persons.csv" --encoding gb18030 --out "$d/res4.csv" \
    < "$d/claims.csv" 2> "$d/err"
same "standard input with --encoding gb18030" "$d/res4.csv" "$d/expected.csv"
# GB18030 through a pipe, not told: standard input is looked at as a file is (it was taken
# for UTF-8 and every row refused)
gbk < "$d/claims.u8.csv" | run --claims - --persons "$d/persons.csv" --out "$d/res9.csv" \
    2> "$d/err"
same "GBK through a pipe: found so" "$d/res9.csv" "$d/expected.csv"
check "GBK through a pipe: nothing on stderr" "$(cat "$d/err")" ""
# UTF-8 through a pipe: the first bytes the sniffer read are read again, then the rest (a
# population longer than its first MiB)
awk 'BEGIN { print "claim_id,person_id,level,discharged,total"
             for (i = 0; i < 40000; i++) printf "x%d,p2,乡镇,2017-02-01,1000\n", i }' > "$d/long.u8.csv"
cat "$d/long.u8.csv" | run --claims - --persons "$d/persons.csv" --out "$d/res10.csv" 2> "$d/err"
run --claims "$d/long.u8.csv" --persons "$d/persons.csv" --out "$d/res11.csv" 2> "$d/err2"
check "UTF-8 through a pipe, past its first MiB: as the file ($(wc -c < "$d/long.u8.csv") bytes)" \
    "$(md5sum < "$d/res10.csv") $(cat "$d/err")" "$(md5sum < "$d/res11.csv") $(cat "$d/err2")"
check "UTF-8 through a pipe: every claim" "$(tail -n +2 "$d/res10.csv" | wc -l)" 40000
# standard output: no BOM (the input had none), the rows as in the file
run --claims "$d/claims.csv" --persons "$d/persons.csv" > "$d/stdout.csv" 2> "$d/err"
check "standard output: no BOM" "$(head -1 "$d/stdout.csv")" "claim_id,basic,patient_pays,backstop,status"

# an encoding not known: a usage error naming it
run --claims "$d/claims.csv" --persons "$d/persons.csv" --encoding latin9 --out "$d/x.csv" \
    2> "$d/err"
check "--encoding latin9: exit 2" "$?" 2
check "--encoding latin9: the message" "$(cat "$d/err")" \
    "polc: unknown encoding 'latin9' (expected utf-8 or gb18030; gbk is read as gb18030)"

# ---- bad cells, in a GB18030 file: file:line, the column, the cell (converted) -----------
printf '%s\r\n' '结算单号,个人编号,医疗机构级别,出院日期,医疗总费用' \
    'c1,p1,县区,2017/2/30,1000' \
    'c2,p1,县区,2017/3/1,¥12a' \
    'c3,p2,乡镇,2017年2月1日,１０００' \
    'c4,p3,县区,2017-13-1,5' \
    'c5,p3,县区,2017年3月,5' | gbk > "$d/bad.csv"
run --claims "$d/bad.csv" --persons "$d/persons.csv" --out "$d/bad.res.csv" 2> "$d/err"
check "bad cells: exit 3" "$?" 3
printf '%s\n' "bad.csv:2: 出院日期: not a date '2017/2/30' (there is no such day: February 2017 has 28 days)" \
    "bad.csv:3: 医疗总费用: not an amount '¥12a' (expected 1234.56 or 1,234.56)" \
    "bad.csv:5: 出院日期: not a date '2017-13-1' (there is no month 13)" \
    "bad.csv:6: 出院日期: not a date '2017年3月' (expected YYYY-MM-DD)" > "$d/bad.err"
sed "s|$d/||" "$d/err" > "$d/bad.got"
same "bad cells: each named by file:line and column" "$d/bad.got" "$d/bad.err"
check "bad cells: the good row settles" "$(tail -n +2 "$d/bad.res.csv")" "c3,720.00,280.00,0.00,settled"
check "bad cells: rejects in UTF-8 with a BOM, the header first" \
    "$(head -2 "$d/bad.res.csv.rejects.csv" | tr -d '\r')" \
    "${BOM}结算单号,个人编号,医疗机构级别,出院日期,医疗总费用
c1,p1,县区,2017/2/30,1000"

# ---- every CSV of a run for people starts as the results do (rt_out_bom) -------------------
# A GBK run with a ledger, a late claim, a bad claim row and a bad persons row: the results,
# the rejects, the persons' rejects and the adjustments each start with one BOM (the rejects
# and adjustments had none, and Excel showed their Chinese as mojibake). c2 alone (city
# 20000): basic 15600, remainder 4400, pays the cap 3000, backstop 1400; the late c1 (county
# 10000, pays 2240) leaves c2 room 760: pays 760, backstop 3640.
first3() { head -c 3 "$1" | od -An -tx1 | tr -d ' \n'; }
H5='结算单号,个人编号,医疗机构级别,出院日期,医疗总费用'
printf '%s\r\n' "$H5" 'c2,p1,市级,2017-5-1,20000' | gbk > "$d/may.csv"
printf '%s\r\n' "$H5" 'c1,p1,县区,2017/3/1,10000' 'c9,p1,县区,2017/3/1,¥12a' | gbk > "$d/march.csv"
{ cat "$d/persons.u8.csv"; printf '%s\r\n' 'p4,否,建档立卡贫困人口,2016/13/1,'; } | gbk \
    > "$d/persons4.csv"
run --claims "$d/may.csv" --persons "$d/persons4.csv" --ledger "$d/l.db" --out "$d/may.res.csv" \
    2> /dev/null
run --claims "$d/march.csv" --persons "$d/persons4.csv" --ledger "$d/l.db" --out "$d/m.csv" \
    --adjustments "$d/adj.csv" 2> /dev/null
check "GBK run: exit 3 (rows rejected)" "$?" 3
for f in m.csv m.csv.rejects.csv m.csv.rejects.persons.csv adj.csv; do
    check "GBK run: $f starts with a BOM" "$(first3 "$d/$f")" efbbbf
done
check "GBK run: the adjustments after the BOM" "$(cat "$d/adj.csv")" "${BOM}claim_id,output,old,new,delta,cause
c2,patient_pays,3000.00,760.00,-2240.00,late claim c1
c2,backstop,1400.00,3640.00,2240.00,late claim c1"
check "GBK run: the rejected row after the BOM, in UTF-8" \
    "$(tr -d '\r' < "$d/m.csv.rejects.csv")" "${BOM}$H5
c9,p1,县区,2017/3/1,¥12a"
# a UTF-8 input with its own BOM: the rejects file has one BOM, not the input's and its own
{ printf '%s' "$BOM"; cat "$d/claims.u8.csv"; printf 'c8,p1,县区,2017/3/1,x\r\n'; } \
    > "$d/bom.csv"
run --claims "$d/bom.csv" --persons "$d/persons.u8.csv" --out "$d/b.csv" 2> /dev/null
check "a BOM input: one BOM in the rejects" "$(head -1 "$d/b.csv.rejects.csv" | tr -d '\r')" \
    "${BOM}$H5"
# polc ledger history to a file: a BOM; to standard output (no input): none
"$POLC" ledger history "$P" --ledger "$d/l.db" -o "$d/h.csv" 2> /dev/null
check "ledger history -o: a BOM" "$(first3 "$d/h.csv")" efbbbf
check "ledger history to standard output: no BOM" \
    "$("$POLC" ledger history "$P" --ledger "$d/l.db" 2> /dev/null | head -1)" \
    "at,event,person_id,claim_id,output,old,new,delta,caused_by,detail"
# polc ledger import's rejects of a GBK opening-balance file: a BOM, the row in UTF-8
printf '%s\r\n' '个人编号,year,own_paid' 'p0,2017,10' 'p2,17,5' | gbk > "$d/open.csv"
"$POLC" ledger import "$P" --ledger "$d/l.db" "$d/open.csv" 2> /dev/null
check "ledger import: a GBK file's rejects with a BOM, in UTF-8" \
    "$(tr -d '\r' < "$d/open.csv.rejects.csv")" "${BOM}个人编号,year,own_paid
p2,17,5"
# simulate --changes: a file gets a BOM; standard output only when the input had one
S=tests/sim
"$POLC" simulate --no-progress -q --base $S/sim.pol --reform $S/cap4000.pol \
    --claims "$d/claims.csv" --persons "$d/persons.csv" --changes "$d/ch.csv" 2> /dev/null
check "simulate --changes FILE: a BOM" "$(first3 "$d/ch.csv")" efbbbf
"$POLC" simulate --no-progress -q --base $S/sim.pol --reform $S/cap4000.pol \
    --claims "$d/claims.csv" --persons "$d/persons.csv" --changes - 2> /dev/null > "$d/ch2.csv"
check "simulate --changes -: no BOM (the input had none)" "$(head -1 "$d/ch2.csv")" \
    "claim_id,person_id,scenario,output,label,base,value,difference"

# a UTF-8 file with one damaged cell is not taken for GBK: that row alone is rejected
{ printf 'claim_id,person_id,level,discharged,total\n'
  printf 'c1,p1,县区,2017-03-01,10000\n'
  printf 'c2,p1,\344\270,2017-05-01,20000\n'
  printf 'c3,p2,乡镇,2017-02-01,1000\n'; } > "$d/damaged.csv"
run --claims "$d/damaged.csv" --persons "$d/persons.csv" --out "$d/dmg.csv" 2> "$d/err"
check "damaged UTF-8: exit 3" "$?" 3
check "damaged UTF-8: the row rejected" "$(sed "s|$d/||" "$d/err")" \
    "damaged.csv:3: not UTF-8 text (save the file as CSV UTF-8, or name its encoding: --encoding gbk for Chinese Excel's CSV)"
check "damaged UTF-8: the others settle as UTF-8" "$(tail -n +2 "$d/dmg.csv" | tr '\n' ' ')" \
    "c1,7760.00,2240.00,0.00,settled c3,720.00,280.00,0.00,settled "

# ---- a header alias given twice is refused, not guessed -----------------------------------
printf 'claim_id,结算单号,person_id,level,discharged,total\nc1,x1,p1,county,2017-03-01,10000\n' \
    > "$d/twice.csv"
run --claims "$d/twice.csv" --persons "$d/persons.csv" --out "$d/tw.csv" 2> "$d/err"
check "claim_id and 结算单号: exit 3" "$?" 3
check "claim_id and 结算单号: the message" "$(sed "s|$d/||" "$d/err")" \
    "twice.csv:1: columns 'claim_id' and '结算单号' both give 'claim_id'"

# ---- XLSX out -----------------------------------------------------------------------------
sheet() { # sheet XLSX N: the sheetData of worksheet N
    rm -rf "$d/x" && mkdir "$d/x" && (cd "$d/x" && unzip -q "$1") &&
        sed -n 's/.*<sheetData>//; s|</sheetData>.*||p' "$d/x/xl/worksheets/sheet$2.xml"
}
run --claims "$d/claims.csv" --persons "$d/persons.csv" --out "$d/r.csv" --xlsx "$d/r.xlsx" \
    2> "$d/err"
check "--xlsx: exit 0" "$?" 0
# row 1: the header, bold (style 1), frozen; money cells: numbers in the 0.00 format (style 2)
hdr='<row r="1"><c r="A1" s="1" t="inlineStr"><is><t>claim_id</t></is></c><c r="B1" s="1" t="inlineStr"><is><t>basic</t></is></c><c r="C1" s="1" t="inlineStr"><is><t>patient_pays</t></is></c><c r="D1" s="1" t="inlineStr"><is><t>backstop</t></is></c><c r="E1" s="1" t="inlineStr"><is><t>status</t></is></c></row>'
row() { # row N ID BASIC PAYS BACKSTOP
    printf '<row r="%s"><c r="A%s" t="inlineStr"><is><t>%s</t></is></c><c r="B%s" s="2"><v>%s</v></c><c r="C%s" s="2"><v>%s</v></c><c r="D%s" s="2"><v>%s</v></c><c r="E%s" t="inlineStr"><is><t>settled</t></is></c></row>' \
        "$1" "$1" "$2" "$1" "$3" "$1" "$4" "$1" "$5" "$1"
}
want="$hdr$(row 2 c1 7760 2240 0)$(row 3 c2 15600 760 3640)$(row 4 c3 720 280 0)$(row 5 c4 23760 3000 3240)$(row 6 c5 320 180 0)"
check "--xlsx: the results sheet, cell by cell" "$(sheet "$d/r.xlsx" 1)" "$want"
check "--xlsx: the header row frozen" \
    "$(grep -o '<pane [^>]*>' "$d/x/xl/worksheets/sheet1.xml")" \
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
check "--xlsx: style 2 is 0.00" "$(grep -o '<numFmt [^>]*>' "$d/x/xl/styles.xml")" \
    '<numFmt numFmtId="164" formatCode="0.00"/>'
check "--xlsx: the sheet is named results" "$(grep -o '<sheet [^>]*>' "$d/x/xl/workbook.xml")" \
    '<sheet name="results" sheetId="1" r:id="rId1"/>'
check "--xlsx: personal data, mode 0600" "$(stat -c %a "$d/r.xlsx")" 600
# refused before anything is read
run --claims "$d/claims.csv" --persons "$d/persons.csv" --xlsx - 2> "$d/err" > /dev/null
check "--xlsx -: exit 2" "$?" 2
run --claims "$d/claims.csv" --persons "$d/persons.csv" --xlsx "$d/claims.csv" 2> "$d/err" \
    > /dev/null
check "--xlsx naming the claims: exit 2" "$?" 2
check "--xlsx naming the claims: the input intact" "$(gbk < "$d/claims.u8.csv" | cmp - "$d/claims.csv" && echo same)" same
# a run stopped by its input leaves an earlier workbook alone
cp "$d/r.xlsx" "$d/keep.xlsx"
printf 'claim_id,person_id,level\n' > "$d/nohdr.csv"
run --claims "$d/nohdr.csv" --persons "$d/persons.csv" --out "$d/r.csv" --xlsx "$d/r.xlsx" \
    2> /dev/null
same "a stopped run: the earlier workbook left alone" "$d/r.xlsx" "$d/keep.xlsx"

# simulate: the report's tables as sheets; totals: the cap-4000 reform's patient_pays row
#   8460 (reform) 6460 (base) +2000, change 2000/6460 = 0.309598
S=tests/sim
"$POLC" simulate --no-progress -q --base $S/sim.pol --reform $S/cap4000.pol \
    --claims "$d/claims.csv" --persons "$d/persons.csv" --xlsx "$d/s.xlsx" 2> "$d/err"
check "simulate --xlsx: exit 0" "$?" 0
tot=$(sheet "$d/s.xlsx" 1)
check "simulate --xlsx: the sheets" "$(grep -o '<sheet name="[^"]*"' "$d/x/xl/workbook.xml" | tr '\n' ' ')" \
    '<sheet name="totals" <sheet name="counts" <sheet name="changes" <sheet name="oop" <sheet name="failures" '
case $tot in
*'<row r="6"><c r="A6" t="inlineStr"><is><t>封顶4000</t></is></c><c r="B6" t="inlineStr"><is><t>patient_pays</t></is></c><c r="C6" s="2"><v>8460</v></c><c r="D6" s="2"><v>6460</v></c><c r="E6" s="2"><v>2000</v></c><c r="F6"><v>0.309598</v></c></row>'*)
    pass "simulate --xlsx: totals, patient_pays +2000 (+30.96%)" ;;
*) fail "simulate --xlsx: totals: $tot" ;;
esac

# polc explain --xlsx: the explanation on standard output, and in the workbook the row of the
# claim it explains (it held every claim's row, which explain does not write); with --out,
# the results again, every row, as polc run's
"$POLC" explain "$P" --claims "$d/claims.csv" --persons "$d/persons.csv" --claim c2 \
    --xlsx "$d/e.xlsx" > "$d/explain.txt" 2> "$d/err"
check "explain --xlsx: exit 0 (c2 settled)" "$?" 0
check "explain --xlsx: the explanation of c2" "$(head -1 "$d/explain.txt" | cut -d" " -f1-2)" "claim c2"
check "explain --xlsx: the header and c2's row alone" "$(sheet "$d/e.xlsx" 1)" \
    "$hdr$(row 2 c2 15600 760 3640)"
"$POLC" explain "$P" --claims "$d/claims.csv" --persons "$d/persons.csv" --claim c2 \
    --out "$d/e.csv" --xlsx "$d/e2.xlsx" > /dev/null 2> "$d/err"
check "explain --out --xlsx: the results' every row, as polc run's" "$(sheet "$d/e2.xlsx" 1)" "$want"
