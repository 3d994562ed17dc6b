#!/bin/sh
# Regression (newuser8): a claims file cut short inside its last field (a copy or download
# that stopped: ...,2000 where the file had ...,20000.00) settled the cut row, exit 0, not a
# word; nothing tells such a row from a whole one of a file written without its last line
# end. polc now notes a file whose last line has no line end, once it is read, naming it;
# not a file that ends with one, nor with -q. Env: POLC (default build/polc).
. "$(dirname "$0")/../runtime/lib.sh"
work cut-last-line
P=$ROOT/tests/runtime/capped.pol
H='claim_id,person_id,医院级别,出院日期,医疗总费用,非合规费用'
N='its last line has no line end: if the file was cut short (a copy or download that stopped), so is its last row'

printf '%s\nC1,P1,county,2024-03-01,1000,0\nC2,P1,county,2024-03-02,2000,10' "$H" >cut.csv
"$POLC" run "$P" --claims cut.csv --out out.csv 2>err
rc=$?
# the cut row settles (it is a whole row to the reader): non-compliant 10 yuan where the
# whole file said 10.50
if [ $rc -eq 0 ] && [ "$(grep -c "^polc: note: cut.csv: $N\$" err)" = 1 ] &&
    [ "$(tail -n 1 out.csv | cut -d, -f1)" = C2 ]; then
    ok "a file without its last line end: settled, and noted once"
else
    bad "cut.csv" "exit $rc, said: $(cat err)"
fi
"$POLC" run "$P" --claims cut.csv --out out.csv -q 2>err
if [ ! -s err ]; then ok "-q: no note"; else bad "-q" "said: $(cat err)"; fi
printf '\n' >>cut.csv
"$POLC" run "$P" --claims cut.csv --out out.csv 2>err
if ! grep -q 'line end' err; then ok "a file that ends with a line end: no note"
else bad "whole file" "said: $(cat err)"; fi
# standard input too, and the persons file, each named
printf 'person_id,chronic\nP1,0' >persons.csv
printf '%s\nC1,P1,county,2024-03-01,1000,0' "$H" | "$POLC" run "$P" --claims - \
    --persons persons.csv --out out.csv 2>err
rc=$?
if [ $rc -eq 0 ] && grep -q "^polc: note: persons.csv: $N\$" err &&
    [ "$(grep -c "line end" err)" = 2 ]; then
    ok "the persons file and standard input noted, each"
else
    bad "stdin and persons" "exit $rc, said: $(cat err)"
fi
finish
