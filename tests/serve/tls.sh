#!/bin/sh
# tests/serve/tls.sh — polc serve over HTTPS (--tls-cert, --tls-key): a client that trusts the
# certificate settles a claim and reads health; plain HTTP on that port gets no answer; a
# missing key file is a usage error (exit 2), a certificate that is not one cannot listen.
#
#   sh tests/serve/tls.sh        env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"
command -v openssl >/dev/null || { echo "[SKIP] tls: no openssl"; exit 0; }

openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 2 \
    -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 >/dev/null 2>&1 ||
    { bad "a certificate" "openssl failed"; finish; }
"$POLC" serve "$PANJI" --tls-cert cert.pem --tls-key nokey.pem --listen 127.0.0.1:0 2>err
check "a missing key: exit 2" "2" "$?"
echo "not a certificate" >bad.pem
"$POLC" serve "$PANJI" --tls-cert bad.pem --tls-key key.pem --listen 127.0.0.1:0 2>err
check "a certificate that is not one: exit 2" "2" "$?"
# a certificate and a key that do not match: libmicrohttpd's and GnuTLS's lines come through
# the service's log, prefixed, before its own
openssl req -x509 -newkey rsa:2048 -nodes -keyout key2.pem -out cert2.pem -days 2 \
    -subj /CN=127.0.0.1 >/dev/null 2>&1
"$POLC" serve "$PANJI" --tls-cert cert2.pem --tls-key key.pem --listen 127.0.0.1:0 2>err
check "a certificate and another key: exit 2" "2" "$?"
check "... the cause, prefixed" \
    "polc: serve: libmicrohttpd: GnuTLS failed to setup x509 certificate/key: The certificate and the given key do not match." \
    "$(grep -m1 'GnuTLS' err)"
check "... polc's own message last" \
    "polc: serve: cannot serve on 127.0.0.1:0 (the certificate and key are not usable)" "$(tail -1 err)"
check "... no line without the prefix" "" "$(grep -v '^polc: serve: ' err)"

serve log "$PANJI" --ledger "$SVC" --tls-cert cert.pem --tls-key key.pem || { bad "start" "$(cat log)"; finish; }
grep -q 'listening on https://' log && ok "the log says https" || bad "the log says https" "$(cat log)"
code=$(curl -s -o body -w '%{http_code}' --cacert cert.pem "https://127.0.0.1:$PORT/v1/health")
check "https: health" "200 ok" "$code $(jq -r .status body)"
curl -s -o pol.json --cacert cert.pem "https://127.0.0.1:$PORT/v1/policy"
requests "$EX/persons.csv" "$EX/claims.csv" | head -1 >one.json
code=$(curl -s -o body -w '%{http_code}' --cacert cert.pem --data-binary @one.json \
    "https://127.0.0.1:$PORT/v1/settle")
check "https: a claim settles" "200 settled 13790.00" \
    "$code $(jq -r '.status + " " + .outputs.basic' body)"
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://127.0.0.1:$PORT/v1/health")
check "plain HTTP to the HTTPS port: no answer" "000" "$code"
check "... logged with the prefix" "1" \
    "$(grep -c '^polc: serve: libmicrohttpd: Error: received handshake message out of context\.$' log)"
code=$(curl -s -o /dev/null -w '%{http_code}' "https://127.0.0.1:$PORT/v1/health")
check "an untrusted certificate: refused by the client" "000" "$code"
stop
check "SIGTERM: exit 0" "0" "$STOPPED"
check "no line in the log without the prefix" "" "$(grep -v '^polc: serve: ' log)"

# spec/SERVE.md's example: a certificate that names localhost, reached with --resolve
openssl req -x509 -newkey rsa:2048 -nodes -keyout lkey.pem -out lcert.pem -days 2 \
    -subj /CN=localhost -addext subjectAltName=DNS:localhost >/dev/null 2>&1
serve log2 "$PANJI" --tls-cert lcert.pem --tls-key lkey.pem || { bad "start" "$(cat log2)"; finish; }
code=$(curl -s -o body -w '%{http_code}' --cacert lcert.pem --resolve "localhost:$PORT:127.0.0.1" \
    "https://localhost:$PORT/v1/health")
check "a localhost certificate: --cacert and --resolve" "200 ok" "$code $(jq -r .status body)"
code=$(curl -s -o /dev/null -w '%{http_code}' --cacert lcert.pem "https://127.0.0.1:$PORT/v1/health")
check "... by address, the name does not match: refused by the client" "000" "$code"
stop
finish
