#!/bin/sh
# tests/runtime/ledger_rerun_failing.sh — a claim the ledger holds as settled, run again, that
# the policy would now fail: `polc run --ledger` settles a claim first and finds its id in
# the ledger when saving it, so a claim settled again against rows that already hold its own
# effect could fail (an amount overflows) where it once settled, and was then reported as a
# failed claim on every later run (exit 3), never "already settled" (spec/DATA.md: the same
# id with the same data settles as already settled, with the outputs stored), and a claim id
# stored with other data as failed, not refused. Found by tests/fuzz's csv-panji target (a
# second run on the ledger must settle nothing). The service looked the claim up already
# (session.c claim_failed); polc run now does the same.
#
# m.pol: pay = claim.a; the ledger acc.paid sums pay per person-year; total = acc.paid + pay.
# c1 of p1: a = 50,000,000,000,000,000 yuan (5e18 fen); c2 of p2: 10 yuan.
#   first run: acc.paid 0, so total = pay: c1 5e18 fen, c2 10 yuan; the ledger holds c1's 5e18
#   again:     settled against paid 5e18, c1's total would be 1e19 fen, past int64 (9.22e18):
#              the stored result answers, 50000000000000000.00 twice, "already settled"
#   c1 with a = 60,000,000,000,000,000 yuan (its total 1.1e19 fen fails too): refused,
#              already settled with other data (exit 3)
. "$(dirname "$0")/lib.sh"
work rerunfail
cat > m.pol <<'POL'
policy "rerun" valid from 2017-01-01 dated by claim.d
claim { d: date  a: money }
ledger acc per person per year of claim.d { paid: money += pay }
rule pay: money = claim.a
rule total: money = acc.paid + pay
output pay, total
POL
printf '%s\n' claim_id,person_id,d,a c1,p1,2017-02-01,50000000000000000 c2,p2,2017-02-01,10 \
    > c.csv
sed 's/50000000000000000/60000000000000000/' c.csv > other.csv
printf '%s\n' claim_id,pay,total,status c1,50000000000000000.00,50000000000000000.00,settled \
    c2,10.00,10.00,settled > want1
sed 's/,settled$/,already settled/' want1 > want2
printf '%s\n' claim_id,pay,total,status c2,10.00,10.00,"already settled" > want3

# run CASE ENGINE CLAIMS WANT EXIT SUMMARY ARGS...: polc run on the ledger l.db
run() {
    name=$1 eng=$2 claims=$3 want=$4 rc_want=$5 summary=$6
    shift 6
    "$POLC" run "$eng" --claims "$claims" --ledger l.db --out r.csv --labels names \
        --no-progress "$@" 2> err
    rc=$?
    tr -d '\357\273\277' < r.csv > got
    if [ $rc = "$rc_want" ] && cmp -s got "$want" && grep -qF "$summary" err; then
        ok "ledger_rerun_failing: $name"
    else
        bad "ledger_rerun_failing: $name" "exit $rc; $(tr '\n' '|' < got) $(tr '\n' '|' < err)"
    fi
}

if "$POLC" build m.pol -o m.so 2> errb; then
    for eng in m.so m.pol; do
        for how in "-j 1" "-j 2" "--explain e.jsonl"; do
            rm -f l.db l.db-wal l.db-shm
            # shellcheck disable=SC2086 # $how is two words
            run "$eng $how: the first run settles both" "$eng" c.csv want1 0 \
                "2 claims: 2 settled, 0 already settled, 0 failed" $how
            # shellcheck disable=SC2086
            run "$eng $how: again, c1 is already settled, not failed" "$eng" c.csv want2 0 \
                "2 claims: 0 settled, 2 already settled, 0 failed" $how
            # shellcheck disable=SC2086
            run "$eng $how: c1 with other data is refused, not failed" "$eng" other.csv want3 3 \
                "c1 was already settled with other data (ledger)" $how
        done
    done
else
    bad "ledger_rerun_failing: build" "$(cat errb)"
fi
finish
