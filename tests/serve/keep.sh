#!/bin/sh
# tests/serve/keep.sh — the rows a service keeps between a person's requests (service.c
# KEEP_PERSONS, ledger.c let_go) are never read stale: P17's Z025 settles on the service, Z026
# on the same ledger by another process (polc run), then Z027 on the service, which must count
# from the row as Z026 left it, not as the service last saw it. Z027's stored ledger values
# (before and after) equal those of one polc run of the three claims on a fresh ledger,
# byte for byte; and Z026 moved the row (else the check could not tell). On SQLite, or on
# PostgreSQL under tests/serve/postgresql.sh.
#
#   sh tests/serve/keep.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"

serve log --ledger "$SVC" "$PANJI" || { bad "start" "$(cat log)"; finish; }
req GET /v1/policy ""
cp body pol.json
requests "$EX/persons.csv" "$EX/claims.csv" >requests.jsonl
for c in Z025 Z027; do grep "\"claim_id\":\"$c\"" requests.jsonl >$c.json; done

req POST /v1/settle "" Z025.json
check "the service settles Z025" "200 settled" "$CODE $(jq -r .status body)"
(head -1 "$EX/claims.csv" && grep '^Z026,' "$EX/claims.csv") >z026.csv
"$POLC" run "$PANJI" --labels names --claims z026.csv --persons "$EX/persons.csv" --ledger "$SVC" \
    --out z026.out -q 2>z026.err
check "polc run settles Z026 on the service's ledger" "0 1" \
    "$? $(grep -c '^Z026,.*,settled$' z026.out)"
req POST /v1/settle "" Z027.json
check "the service settles Z027" "200 settled" "$CODE $(jq -r .status body)"
stop
check "SIGTERM: exit 0" "0" "$STOPPED"

# the reference: the three claims in one run on a fresh ledger
REF=$(ledger ref)
(head -1 "$EX/claims.csv" && grep -E '^Z02[567],' "$EX/claims.csv") >ref.csv
"$POLC" run "$PANJI" --labels names --claims ref.csv --persons "$EX/persons.csv" --ledger "$REF" \
    --out ref.out -q 2>ref.err || bad "reference run" "$(cat ref.err)"
Q="SELECT claim_id, hex(ledger_before), hex(ledger_after) FROM settled_claims
   WHERE claim_id IN ('Z025', 'Z026', 'Z027') ORDER BY 1"
got=$(sql "$SVC" "$Q")
want=$(sql "$REF" "$Q")
check "Z025 to Z027: the ledger values of one run" "$want" "$got"
z026=$(sql "$REF" "SELECT hex(ledger_before) <> hex(ledger_after) FROM settled_claims
                   WHERE claim_id = 'Z026'" | sed 's/^t$/1/')
check "Z026 changed P17's row" "1" "$z026"
finish
