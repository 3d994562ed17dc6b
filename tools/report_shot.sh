#!/bin/sh
# tools/report_shot.sh — `make report-shot`: simulate's report.html of the shipped example, as
# a person sees it, rendered by headless Chromium to PNG files to look at (issue 11): the base
# Panji policy against its three shipped reforms (examples/ claims and persons), and a sweep of
# the county cap. Writes build/report-shot/{reforms,sweep}/report.html and .png.
#
#   sh tools/report_shot.sh        env: POLC (build/polc), CHROMIUM (chromium), WIDTH (1200)
set -eu
cd "$(dirname "$0")/.."
POLC=${POLC:-build/polc}
CHROMIUM=${CHROMIUM:-chromium}
WIDTH=${WIDTH:-1200}
OUT=build/report-shot
P=policies/anhui/panji-2017.pol
R=policies/anhui/reforms
mkdir -p "$OUT"

command -v "$CHROMIUM" >/dev/null 2>&1 || {
    echo "report_shot: no $CHROMIUM (make report-shot installs it)" >&2
    exit 2
}

# a page's height: Chromium's window is the screenshot, so make it as tall as the page says
# (the SVGs' heights and ~24 px a table row, generously), capped
shot() { # shot DIR
    rows=$(grep -c '<tr>' "$1/report.html" || true)
    svg=$(sed -n 's/.*<svg viewBox="0 0 [0-9]* \([0-9]*\)".*/\1/p' "$1/report.html" |
        awk '{ s += $1 } END { print s + 0 }')
    h=$((svg + rows * 26 + 40 * 12 + 400))
    [ "$h" -gt 16000 ] && h=16000
    prof=$(mktemp -d "${TMPDIR:-/tmp}/report-shot.XXXXXX")
    "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --disable-background-networking --disable-component-update --disable-sync \
        --no-first-run --user-data-dir="$prof" --window-size="$WIDTH,$h" \
        --screenshot="$(pwd)/$1/report.png" "file://$(pwd)/$1/report.html" >/dev/null 2>&1
    rm -rf "$prof"
    [ -s "$1/report.png" ] || { echo "report_shot: no screenshot of $1" >&2; exit 4; }
    echo "$1/report.png ($WIDTH x $h)"
}

"$POLC" simulate --no-progress -q --base $P --reform $R/county-cap-4000.pol \
    --reform $R/current-stay-level.pol --reform $R/separate-cap-per-level.pol \
    --claims examples/claims.csv --persons examples/persons.csv --report "$OUT/reforms"
shot "$OUT/reforms"
"$POLC" simulate --no-progress -q --base $P --sweep 'backstop_cap[county]=1000..8000:1000' \
    --claims examples/claims.csv --persons examples/persons.csv --report "$OUT/sweep"
shot "$OUT/sweep"
