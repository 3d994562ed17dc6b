#!/bin/sh
# tests/coverage.sh BUILD — the lines executed per source file and per directory (runtime/,
# compiler/, cli/, sim/), from the .gcda counters under BUILD (make coverage). gcov -n reads
# them without writing .gcov files. Generated sources (the parser, the lexer, the embedded
# calendar) are left out: their lines are Bison's and Flex's.
set -u
cd "$(dirname "$0")/.." || exit 2
B=${1:-build/cov}
for dir in runtime compiler cli sim; do
    for src in "$dir"/*.c; do
        obj=$B/$dir/$(basename "$src" .c)
        # no .gcda: never run, gcov -n still counts its lines from the .gcno
        [ -f "$obj.gcno" ] || continue # not built (a source of another configuration)
        gcov -n -o "$B/$dir" "$src" 2>/dev/null | awk -v f="$src" '
            $1 == "File" { cur = $2; gsub(/\047/, "", cur) }
            $1 == "Lines" && cur == f { split($2, a, ":"); sub(/%/, "", a[2]); n = $4
                printf "%s %d %d\n", f, int(a[2] * n / 100 + 0.5), n; exit }'
    done
done | awk '
    { split($1, p, "/"); d = p[1]; hit[d] += $2; all[d] += $3
      printf "  %-26s %5d of %5d lines  %5.1f%%\n", $1, $2, $3, $3 ? 100 * $2 / $3 : 0 }
    END { for (d in hit) printf "%s/: %d of %d lines executed, %.1f%%\n", d, hit[d], all[d],
                                100 * hit[d] / all[d] }'
