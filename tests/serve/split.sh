#!/bin/sh
# tests/serve/split.sh — a group's claims go to the -j workers only when the group holds 32
# claims or more (service.c SPLIT_MIN: waking a worker costs more than a few claims take):
# single-claim requests one after another never wake a worker (their schedstat counts of
# times run stay as they were), four batches of 40 claims of one person each do, and either
# way the answers are those of a service at -j 1 and those worked out by hand.
#   sh tests/serve/split.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"

cp "$ROOT/tests/runtime/cap.pol" cap.pol
# batch K: person PK's 40 claims of 30 yuan, one a day from 2017-01-02
for k in 1 2 3 4; do
    i=1
    printf '{"claims": [' >b$k.json
    while [ $i -le 40 ]; do
        [ $i -gt 1 ] && printf ', ' >>b$k.json
        printf '{"claim_id": "P%d-%02d", "person_id": "P%d", "discharged": "%s", "total": "30"}' \
            $k $i $k "$(date -u -d "2017-01-01 + $i days" +%F)" >>b$k.json
        i=$((i + 1))
    done
    printf ']}' >>b$k.json
done

# times the workers polc-settle1.. have run (the third field of schedstat)
worker_runs() {
    n=0
    for t in /proc/$SPID/task/*; do
        case $(cat "$t/comm") in
        polc-settle?*) n=$((n + $(cut -d' ' -f3 "$t/schedstat"))) ;;
        esac
    done
    echo $n
}

for j in 3 1; do
    serve log.$j cap.pol -j $j --ledger "$(ledger j$j)" || { bad "-j $j: start" "$(cat log.$j)"; continue; }
    before=$(worker_runs)
    i=1
    while [ $i -le 10 ]; do
        printf '{"claim": {"claim_id": "S%d", "person_id": "S%d", "discharged": "2017-03-01", "total": "600"}}' \
            $i $i >one.json
        req POST /v1/settle "" one.json
        [ "$CODE" = 200 ] || bad "-j $j: a single claim" "$CODE $(cat body)"
        i=$((i + 1))
    done
    after=$(worker_runs)
    [ $j = 3 ] && check "-j 3: ten single claims: no worker woken" "$before" "$after"
    pids=""
    for k in 1 2 3 4; do
        curl -s -o a$k.$j -X POST -H 'Content-Type: application/json' --data-binary @b$k.json \
            "$URL/v1/settle" &
        pids="$pids $!"
    done
    # shellcheck disable=SC2086 # the clients' pids, not the service's
    wait $pids
    [ $j = 3 ] && { [ "$(worker_runs)" -gt "$after" ] && ok "-j 3: batches of 40 claims: the workers ran" ||
        bad "-j 3: batches of 40 claims: the workers ran" "schedstat $after -> $(worker_runs)"; }
    stop
done

for k in 1 2 3 4; do
    check "P$k: -j 3 answers as -j 1" "$(cat a$k.1)" "$(cat a$k.3)"
    # 33 claims of 30 yuan pay 990, the 34th the 10 left of the 1,000 cap, the rest nothing
    check "P$k: what the claims pay" "33x30.00 1x10.00 6x0.00 total 1000.00" \
        "$(jq -r '[.results[].outputs.pays] | group_by(.) | sort_by(-(.[0] | tonumber))
            | map("\(length)x\(.[0])") | join(" ")' a$k.3) total $(jq -r '[.results[].outputs.pays
            | tonumber] | add | . * 100 | round / 100 | tostring + (if . == floor then ".00" else "" end)' a$k.3)"
done
finish
