#!/bin/sh
# tests/serve/reload.sh — engine regeneration in polc serve (spec/SERVE.md): a policy saved
# with a new dated version of the backstop cap (第四条, 4,000 yuan from 2018) is picked up
# through inotify while retries keep coming (none fails), and the claims after it settle as a
# batch run of the old policy then the new one on one ledger settles them (claims of 2017
# keep the 3,000 cap); a broken policy (POST /v1/reload: 422, diagnostics at /v1/policy) and
# one whose ledger is keyed differently (409) leave the engine in service; SIGHUP reloads;
# a restart on the same ledger answers the claims settled before "already settled".
#
#   sh tests/serve/reload.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"

printf 'settle s3cret\nadmin 4dmin\n' >tokens
chmod 600 tokens
S=s3cret
A=4dmin
cp "$PANJI" old.pol
sed '/^param backstop_cap\[Level\]/{n;n;s/$/\n  from 2018-01-01: township 0.4 万元, county 0.4 万元, city 0.5 万元, province 1 万元,\n                   out_of_province 1 万元/}' \
    old.pol >new.pol
sed 's/^ledger annual per person per year of claim.discharged {/ledger annual per person per year of claim.admitted {/' \
    old.pol >incompat.pol
sed 's/^rule cap "个人年度自付兜底线": money /rule cap "个人年度自付兜底线": money money /' old.pol >broken.pol
# own_province, a money the policy only adds to, counted as an int: the stored fen are no count
sed 's/^  own_province: money += if claim.level = province then selfpay_counted else 0 yuan/  own_province: int += if claim.level = province then 1 else 0/' \
    new.pol >retyped.pol
for f in new incompat broken retyped; do cmp -s old.pol $f.pol && bad "edit $f" "the sed did nothing"; done
sha() { sha256sum "$1" | cut -d' ' -f1; }

# the reference: claims 1-20 under the old policy, then the rest under the new, one ledger
head -21 "$EX/claims.csv" >first.csv
(head -1 "$EX/claims.csv" && tail -n +22 "$EX/claims.csv") >rest.csv
# (on standard output: no byte order mark, which a results file has for Excel)
"$POLC" run old.pol --labels names --claims first.csv --persons "$EX/persons.csv" --ledger ref.db -q \
    --out - >want1.csv 2>/dev/null
"$POLC" run new.pol --labels names --claims rest.csv --persons "$EX/persons.csv" --ledger ref.db -q \
    --out - >want2.csv 2>/dev/null
# ... and the new cap must change some of them, or the test could not tell the engines apart
"$POLC" run old.pol --labels names --claims first.csv --persons "$EX/persons.csv" --ledger ref_old.db -q \
    --out /dev/null 2>/dev/null
"$POLC" run old.pol --labels names --claims rest.csv --persons "$EX/persons.csv" --ledger ref_old.db -q \
    --out - >old2.csv 2>/dev/null
cmp -s want2.csv old2.csv && bad "reference" "the new cap changes none of claims 21-46"

mkdir pol
cp old.pol pol/panji.pol
serve log --ledger "$SVC" --tokens tokens pol/panji.pol || { bad "start" "$(cat log)"; finish; }
req GET /v1/policy $S
cp body pol.json
check "serving the old policy" "$(sha old.pol)" "$(jq -r .sha256 pol.json)"
requests "$EX/persons.csv" "$EX/claims.csv" >requests.jsonl
post() { # post LINE...: the answers to those requests, one a line
    for i in "$@"; do
        sed -n "${i}p" requests.jsonl >one.json
        curl -s -H "Authorization: Bearer $S" --data-binary @one.json "$URL/v1/settle"
        echo
    done
}
post $(seq 1 20) >answers1.jsonl
as_results answers1.jsonl >got1.csv
cmp -s got1.csv want1.csv && ok "claims 1-20 under the old policy" ||
    bad "claims 1-20 under the old policy" "$(diff want1.csv got1.csv | head -3)"

# ---- saved: inotify picks it up, under retries --------------------------------------------
(
    for i in $(seq 1 60); do
        sed -n "$((i % 20 + 1))p" requests.jsonl >retry.json
        curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $S" \
            --data-binary @retry.json "$URL/v1/settle"
    done >codes
) &
load=$!
sleep 0.2
cp new.pol pol/.panji.pol.tmp && mv pol/.panji.pol.tmp pol/panji.pol
i=0
while [ $i -lt 100 ]; do
    req GET /v1/policy $S
    [ "$(jq -r .sha256 body)" = "$(sha new.pol)" ] && break
    sleep 0.1
    i=$((i + 1))
done
wait $load
check "saved: the new policy in service (inotify)" "$(sha new.pol) reloaded 1" \
    "$(jq -r '.sha256 + " " + .last_reload.result + " " + (.reloads | tostring)' body)"
check "no request failed during the reload" "60" "$(grep -c '^200$' codes)"
echo "  reload: $(grep 'reload: reloaded in' log | head -1 | sed 's/.*reloaded in //') (the save to the swap)"
# the swap is of a -O0 compile; the -O2 one follows, and claims 21-46 settle on it
i=0
while [ $i -lt 100 ] && ! grep -q 'reload: -O2 in service' log; do
    sleep 0.1
    i=$((i + 1))
done
check "saved: then compiled at -O2, swapped in" "1" "$(grep -c 'reload: -O2 in service' log)"
echo "  reload: -O2 compile $(sed -n 's/.*reload: -O2 in service in //p' log) (after the -O0 swap)"
post $(seq 21 46) >answers2.jsonl
as_results answers2.jsonl >got2.csv
cmp -s got2.csv want2.csv && ok "claims 21-46 under the new policy (2017's under the old cap)" ||
    bad "claims 21-46 under the new policy" "$(diff want2.csv got2.csv | head -3)"

# ---- broken: 422, diagnostics, the engine in service stays --------------------------------
cp broken.pol pol/panji.pol
echo '{}' >empty.json
req POST /v1/reload $A empty.json
check "broken policy: 422 failed" "422 failed" "$CODE $(jq -r .result body)"
case $(jq -r .diagnostics body) in
*"panji.pol:"*"error:"*) ok "broken policy: the diagnostics" ;;
*) bad "broken policy: the diagnostics" "$(head -c 300 body)" ;;
esac
# the log says why, the first diagnostic (it said "reload: failed in N ms" alone)
# (the watch's reload of the save may log after the POST's: either line will do)
if grep -q 'reload: failed in [0-9.]* ms: pol/panji.pol:[0-9]*:[0-9]*: error: ' log; then
    ok "broken policy: the log has the first diagnostic"
else bad "broken policy: the log has the first diagnostic" "$(grep 'reload: failed' log)"; fi
req GET /v1/policy $S
check "broken policy: the new engine serves on, /v1/policy tells" "$(sha new.pol) failed" \
    "$(jq -r '.sha256 + " " + .last_reload.result' body)"
sed -n 30p requests.jsonl >again.json
req POST /v1/settle $S again.json
check "broken policy: still settling" "200 already settled" "$CODE $(jq -r .status body)"

# ---- incompatible ledger: 409 ----------------------------------------------------------
cp incompat.pol pol/panji.pol
req POST /v1/reload $A empty.json
check "ledger keyed otherwise: 409 refused" "409 refused" "$CODE $(jq -r .result body)"
case $(jq -r .error body) in
"ledger annual: keyed by year of claim.discharged, by year of claim.admitted"*)
    ok "ledger keyed otherwise: the reason" ;;
*) bad "ledger keyed otherwise: the reason" "$(jq -r .error body)" ;;
esac
req GET /v1/policy $S
check "incompatible: the engine in service stays" "$(sha new.pol)" "$(jq -r .sha256 body)"
# a field's type changed: the reason names both types and the way out (a new-user pass was
# told only "changes type in the new policy")
cp retyped.pol pol/panji.pol
req POST /v1/reload $A empty.json
check "a field retyped: 409 refused" "409 refused" "$CODE $(jq -r .result body)"
check "a field retyped: the reason" "ledger annual: field own_province was money, is int in the \
new policy: keep its type, or give the field a new name (the stored values are then dropped)" \
    "$(jq -r .error body)"
if grep -q 'reload: refused in [0-9.]* ms: ledger annual: field own_province was money' log; then
    ok "a field retyped: the log says why"
else bad "a field retyped: the log says why" "$(grep 'reload: refused' log)"; fi
cp body reload.json
req GET /v1/policy $S
check "a field retyped: the engine in service stays" "$(sha new.pol)" "$(jq -r .sha256 body)"
# last_reload's members are the reload's answer's (its reason was "reason" here, "error" there)
check "a field retyped: /v1/policy's last_reload has the answer's error" \
    "refused $(jq -r .error reload.json)" "$(jq -r '.last_reload | .result + " " + .error' body)"
stop
check "SIGTERM: exit 0" "0" "$STOPPED"

# ---- SIGHUP, after a restart on the same ledger ---------------------------------------------
# served through a link from another directory, so the watch does not see the edit: only
# the signal reloads
cp new.pol pol/panji.pol
mkdir lnk
ln -s ../pol/panji.pol lnk/panji.pol
serve log2 --ledger "$SVC" --tokens tokens lnk/panji.pol || { bad "restart" "$(cat log2)"; finish; }
req POST /v1/settle $S again.json
check "restarted: a claim settled before is already settled" "200 already settled" \
    "$CODE $(jq -r .status body)"
cp old.pol pol/panji.pol
sleep 0.3
req GET /v1/policy $S
check "an edit the watch does not see: no reload" "$(sha new.pol)" "$(jq -r .sha256 body)"
kill -HUP $SPID
i=0
while [ $i -lt 100 ]; do
    req GET /v1/policy $S
    [ "$(jq -r .sha256 body)" = "$(sha old.pol)" ] && break
    sleep 0.1
    i=$((i + 1))
done
check "SIGHUP: reloaded" "$(sha old.pol) reloaded" "$(jq -r '.sha256 + " " + .last_reload.result' body)"
req GET /metrics ""
check "metrics: one reload" "1" "$(sed -n 's/^polc_reloads_total{result="reloaded"} //p' body)"
stop
check "SIGTERM after SIGHUP: exit 0" "0" "$STOPPED"

finish
