#!/bin/sh
# bench/handwritten/panji.c, the hand-written Panji settlement issue 9 measures polc against,
# writes the results.csv of `polc run ENGINE.so` byte for byte, with the same exit code: two
# generated populations (3000 persons, seeds 11 and 12); then the second one reshaped as a
# spreadsheet could (BOM, CRLF, Chinese labels for headers, columns reordered, quoted claim
# ids with a comma and a doubled quote), that with its first claim moved to the end, and
# seed 12 with its claims shuffled (both reject the claims dated before one already settled
# for their person). If this fails, the benchmark table compares polc with a program that
# computes something else.
set -u
POLC=${POLC:-build/polc}
BUILD=${BUILD:-build}
HAND=$BUILD/bench/panji_hand
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
pass() { echo "[PASS] handwritten: $1"; }
fail() { echo "[FAIL] handwritten: $1"; }

# built by `make all`; made here too when the script runs alone (a no-op when up to date)
if ! MAKEFLAGS='' ${MAKE:-make} -s --no-print-directory BUILD="$BUILD" "$HAND" >"$d/make" 2>&1; then
    fail "cannot build $HAND: $(head -n 5 "$d/make")"
    exit 1
fi
if ! "$POLC" build policies/anhui/panji-2017.pol -o "$d/panji.so" 2>"$d/err"; then
    fail "polc build panji-2017.pol: $(head -n 3 "$d/err")"
    exit 1
fi

# both programs on DIR/persons.csv and DIR/claims.csv; cmp the results and the exit codes
same() {
    name=$1 dir=$2
    "$POLC" run "$d/panji.so" --claims "$dir/claims.csv" --persons "$dir/persons.csv" \
        --out "$dir/polc.csv" --labels names -q 2>"$dir/polc.err"
    prc=$?
    "$HAND" "$dir/persons.csv" "$dir/claims.csv" "$dir/hand.csv" 2>"$dir/hand.err"
    hrc=$?
    # the rows compared, a byte order mark aside (polc's results file always has one; the
    # hand-written program copies the input's)
    sed '1s/^\xEF\xBB\xBF//' "$dir/hand.csv" >"$dir/hand.rows" 2>/dev/null
    if [ "$prc" -ne 0 ] && [ "$prc" -ne 3 ]; then
        fail "$name: polc run exited $prc: $(head -n 3 "$dir/polc.err")"
    elif [ "$hrc" -ne "$prc" ]; then
        fail "$name: panji_hand exited $hrc, polc run $prc: $(head -n 3 "$dir/hand.err")"
    elif [ "$(head -c 3 "$dir/polc.csv" | od -An -tx1 | tr -d ' ')" != efbbbf ]; then
        fail "$name: polc's results file does not start with a byte order mark"
    elif ! tail -c +4 "$dir/polc.csv" | cmp - "$dir/hand.rows" >"$dir/cmp" 2>&1; then
        fail "$name: results differ: $(cat "$dir/cmp")"
    else
        pass "$name: $(($(wc -l <"$dir/polc.csv") - 1)) results rows identical, exit $prc"
    fi
}

for seed in 11 12; do
    if ! "$POLC" gen --no-progress --persons 3000 --seed $seed --out "$d/s$seed" 2>"$d/err"; then
        fail "polc gen --seed $seed: $(head -n 3 "$d/err")"
        continue
    fi
    same "gen --persons 3000 --seed $seed" "$d/s$seed"
done

# seed 11 and a poor person's emergency admitted 2026-12-25 without a referral, filed
# 2026-12-29: its five working days for the referral run into 2027, which the shipped
# calendar lacks, so the claim fails with the calendar's message, which names the years
if [ -s "$d/s11/claims.csv" ]; then
    mkdir -p "$d/cal"
    { cat "$d/s11/persons.csv"; echo "P9999999,false,0,,0,poor,2015-05-19,,0"; } \
        >"$d/cal/persons.csv"
    { cat "$d/s11/claims.csv"
      echo "C9999999-1,P9999999,inpatient,2026-12-25,2026-12-28,省级,grade2,92731.68,2832.51,0,1,否,1,2026-12-29,0,否,0,0,1,false,1,否,0,32114.71"
    } >"$d/cal/claims.csv"
    same "seed 11 and a claim past the shipped calendar" "$d/cal"
    if grep -q '^C9999999-1,.*"error: working day outside the shipped calendar years (2017 to 2026) in rule referral_deadline' "$d/cal/hand.csv"; then
        pass "the claim past the calendar fails with the calendar's message"
    else
        fail "the claim past the calendar: $(grep '^C9999999-1,' "$d/cal/hand.csv")"
    fi
fi

# seed 11 with duplicate claim ids: row 100 twice in a row, and the last row again at the end
# (each copy the same person and date as its first, so no date-order rule refuses it): the
# copies rejected, their first rows settled, as polc's duplicate check does (spec/DATA.md)
if [ -s "$d/s11/claims.csv" ]; then
    mkdir -p "$d/dup"
    cp "$d/s11/persons.csv" "$d/dup/persons.csv"
    awk '{ print } NR == 101 { print } END { print }' "$d/s11/claims.csv" >"$d/dup/claims.csv"
    same "seed 11 with two duplicate claim ids" "$d/dup"
    n=$(grep -c "duplicate claim id" "$d/dup/polc.err")
    h=$(grep -c "duplicate claim id" "$d/dup/hand.err")
    if [ "$n" -eq 2 ] && [ "$h" -eq 2 ]; then
        pass "both reject the 2 duplicate rows"
    else
        fail "duplicates: polc rejected $n, the hand-written program $h (expected 2)"
    fi
fi

# seed 12 as a spreadsheet might save it. Columns reversed; the headers kind, level, total
# and identity by their labels; every 7th claim id quoted with ',x""y' added; CRLF; a BOM.
mkdir -p "$d/sheet"
reshape() {
    awk -F, -v OFS=, -v ids="$2" '
    NR == 1 {
        for (i = 1; i <= NF; i++) {
            if ($i == "kind") $i = "就诊类型"
            if ($i == "level") $i = "医疗机构级别"
            if ($i == "total") $i = "医疗总费用"
            if ($i == "identity") $i = "身份类别"
        }
    }
    NR > 1 && ids && NR % 7 == 0 { $1 = "\"" $1 ",x\"\"y\"" }
    # quoted money ("1,234.56") is one cell of two fields here: glue such pairs back first
    {
        n = 0
        for (i = 1; i <= NF; i++) {
            if (substr($i, 1, 1) == "\"" && substr($i, length($i), 1) != "\"" && i < NF) {
                c[++n] = $i "," $(i + 1); i++
            } else c[++n] = $i
        }
        line = c[n]
        for (i = n - 1; i >= 1; i--) line = line "," c[i]
        printf "%s\r\n", line
    }' "$1"
}
if [ -s "$d/s12/claims.csv" ]; then
    printf '\357\273\277' >"$d/sheet/claims.csv"
    reshape "$d/s12/claims.csv" 1 >>"$d/sheet/claims.csv"
    reshape "$d/s12/persons.csv" 0 >"$d/sheet/persons.csv"
    same "seed 12 with BOM, CRLF, labels, reversed columns, quoted ids" "$d/sheet"

    # the first claim moved to the end: its person's claims are out of date order only at
    # the last row, after every quoted id has been read (and unescaped) once
    mkdir -p "$d/late"
    cp "$d/sheet/persons.csv" "$d/late/persons.csv"
    { head -n 1 "$d/sheet/claims.csv"; tail -n +3 "$d/sheet/claims.csv"
      sed -n 2p "$d/sheet/claims.csv"; } >"$d/late/claims.csv"
    same "the same, its first claim moved to the end" "$d/late"

    # claims shuffled (a fixed awk seed): each person's claims out of date order in the file
    mkdir -p "$d/shuf"
    cp "$d/s12/persons.csv" "$d/shuf/persons.csv"
    { head -n 1 "$d/s12/claims.csv"
      tail -n +2 "$d/s12/claims.csv" | awk 'BEGIN { srand(12) } { printf "%.9f\t%s\n", rand(), $0 }' |
          sort -n | cut -f 2-; } >"$d/shuf/claims.csv"
    same "seed 12, claims shuffled" "$d/shuf"
    # both reject each claim dated before one already settled for its person
    hr=$(sed -n 's/.*, \([0-9]*\) rows rejected$/\1/p' "$d/shuf/hand.err")
    pr=$(grep -c "a person's claims must come in date order" "$d/shuf/polc.err")
    if [ -n "$hr" ] && [ "$hr" = "$pr" ] && [ "$pr" -gt 0 ]; then
        pass "the shuffled claims: the same $pr late claims rejected"
    else
        fail "the shuffled claims: hand rejected '$hr', polc '$pr'"
    fi
fi
