# tests/runtime/lib.sh — sourced by the runtime and regress tests (not run itself), as
# tests/serve/lib.sh is by the service's: the repository as ROOT, POLC made absolute,
# ok/bad/finish, and `work NAME`: a new work directory WORK as the current directory, removed
# at exit after running CLEANUP (e.g. CLEANUP=pg_stop when the test started a PostgreSQL).
#   . "$(dirname "$0")/lib.sh"; work NAME        env: POLC (build/polc)
set -u
cd "$(dirname "$0")/../.." || exit 2
ROOT=$(pwd)
POLC=${POLC:-build/polc}
case $POLC in /*) ;; */*) POLC=$ROOT/$POLC ;; esac
CLEANUP=:
# a results file starts with a UTF-8 byte order mark, for Excel (spec/DATA.md)
BOM=$(printf '\357\273\277')
work() {
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/polc-$1.XXXXXX") || exit 2
    trap 'eval "$CLEANUP"; rm -rf "$WORK"' EXIT
    cd "$WORK" || exit 2
}

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
finish() {
    echo "$pass passed, $fail failed"
    [ "$fail" -eq 0 ]
}

# import WHAT POLICY TEXT EXIT STDERR ROWS: `polc ledger import POLICY` of TEXT (a printf
# format) as open.csv into a new ledger l.db must exit EXIT, say STDERR and leave the rows
# ROWS (export's lines after its heading)
import() {
    rm -f l.db l.db-wal l.db-shm
    printf "$3" >open.csv
    "$POLC" ledger import "$2" open.csv --ledger l.db >out 2>err
    rc=$?
    rows=$("$POLC" ledger export "$2" --ledger l.db 2>/dev/null | tail -n +2)
    if [ $rc = "$4" ] && [ "$(cat err)" = "$5" ] && [ "$rows" = "$6" ]; then
        ok "$1"
    else
        bad "$1" "exit $rc, said: $(cat err); rows: $rows"
    fi
}
