#!/bin/sh
# tests/runtime/ledger_encrypted.sh — an SQLite ledger encrypted at rest (--ledger-key FILE,
# SQLCipher; spec/PRIVACY.md "Encryption at rest"): a run, a re-run that finds every claim
# already settled, export and erase through the key; the file's bytes hold no id and no
# "SQLite format 3" header (a plain ledger, the control, holds both); and the refusals: no
# key, a wrong key, a key for a plain ledger (exit 4, the ledger cannot be opened), a key file
# others can read, a missing one, one for PostgreSQL or for no ledger (exit 2).
#   sh tests/runtime/ledger_encrypted.sh     env: POLC (build/polc)
. "$(dirname "$0")/lib.sh"
P=$ROOT/tests/runtime/capped.pol
work ledger-encrypted

# check NAME WANT GOT
check() {
    if [ "$2" = "$3" ]; then ok "ledger key: $1"; else bad "ledger key: $1" "got '$3', expected '$2'"; fi
}

# Two claims of one person, long ids so that finding them in random bytes by chance is out
# of the question. By tests/runtime/capped.pol:
#   CLAIM-2024-000001: county, 10,000 yuan: basic (10000 - 300) * 70% = 6790.00, remainder
#     3210.00, own min(3210, 3000 - 0) = 3000.00, backstop 210.00
#   CLAIM-2024-000002: township, 2,000 yuan: basic (2000 - 100) * 70% = 1330.00, remainder
#     670.00, own min(670, 3000 - 3000) = 0.00, backstop 670.00
# and the ledger row PERSON-110101, 2024: own_paid 3000.00, stays 2.
cat >c.csv <<'EOF'
claim_id,person_id,医院级别,出院日期,医疗总费用,非合规费用
CLAIM-2024-000001,PERSON-110101,county,2024-03-01,10000,0
CLAIM-2024-000002,PERSON-110101,township,2024-05-01,2000,0
EOF
umask 077
printf 'correct horse battery staple\n' >good.key
printf 'correct horse battery stapler\n' >wrong.key
printf "x'%s'\n" 2DD29CA851E7B56E4697B0E1F08507293D761A05CE4D1B628663F411A8086D99 >raw.key

"$POLC" run "$P" --claims c.csv --ledger enc.db --ledger-key good.key --out r1.csv -q 2>err
check "a run on a new encrypted ledger exits 0" "0 " "$? $(cat err)"
check "its outputs" "CLAIM-2024-000001,6790.00,3000.00,210.00,settled
CLAIM-2024-000002,1330.00,0.00,670.00,settled" "$(tail -n +2 r1.csv | cut -d, -f1,2,3,4,5)"

# the control: the same run on a plain ledger, whose bytes show the ids and the header
"$POLC" run "$P" --claims c.csv --ledger plain.db --out p.csv -q 2>err
# the distinct ids found in a ledger's files (database, log)
ids() { cat "$1"* | grep -a -o 'CLAIM-2024-00000[12]\|PERSON-110101' | sort -u | wc -l; }
check "the plain ledger (control) holds the 3 ids and the SQLite header" "3 SQLite format 3" \
    "$(ids plain.db) $(head -c 15 plain.db)"
check "the encrypted ledger's files hold no claim id and no person id" "0" "$(ids enc.db)"
check "the encrypted ledger has no SQLite header" "" "$(head -c 16 enc.db | grep -a 'SQLite format')"
check "the encrypted ledger is created 0600" "600" "$(stat -c %a enc.db)"

"$POLC" run "$P" --claims c.csv --ledger enc.db --ledger-key good.key --out r2.csv -q 2>err
check "re-run: every claim already settled, with its outputs" "0 CLAIM-2024-000001,6790.00,3000.00,210.00,already settled
CLAIM-2024-000002,1330.00,0.00,670.00,already settled" \
    "$? $(tail -n +2 r2.csv | cut -d, -f1,2,3,4,5)"

"$POLC" ledger export "$P" --ledger enc.db --ledger-key good.key -o x.csv 2>err
check "export through the key" "0 PERSON-110101,annual,2024,3000.00,2" "$? $(tail -n +2 x.csv)"

# refusals: the ledger cannot be opened (4), the key file is the command line's mistake (2)
"$POLC" run "$P" --claims c.csv --ledger enc.db --out r3.csv -q 2>err
check "no key for an encrypted ledger: exit 4, said" "4 polc: enc.db: not an SQLite file: an encrypted ledger, opened without its --ledger-key, or not a polc ledger" "$? $(head -n 1 err)"
"$POLC" run "$P" --claims c.csv --ledger enc.db --ledger-key wrong.key --out r3.csv -q 2>err
check "a wrong key: exit 4, said" "4 polc: enc.db: cannot be read with the ledger key wrong.key: a wrong key, or not a polc ledger" "$? $(head -n 1 err)"
"$POLC" run "$P" --claims c.csv --ledger enc.db --ledger-key raw.key --out r3.csv -q 2>err
check "a raw key is another key: exit 4" "4" "$?"
"$POLC" run "$P" --claims c.csv --ledger plain.db --ledger-key good.key --out r3.csv -q 2>err
check "a key for a plain ledger: exit 4, said" "4 polc: plain.db: the ledger is not encrypted: open it without --ledger-key (good.key)" "$? $(head -n 1 err)"
check "no results from a refused run" "no" "$( [ -e r3.csv ] && echo yes || echo no)"

cp good.key open.key && chmod 644 open.key
"$POLC" run "$P" --claims c.csv --ledger new.db --ledger-key open.key --out r3.csv -q 2>err
check "a key file others can read: refused, exit 2" "2 polc: the ledger key open.key: refused: group and others can read or write it (mode 0644): chmod 600 open.key" "$? $(head -n 1 err)"
check "a refused key creates no ledger" "no" "$( [ -e new.db ] && echo yes || echo no)"
chmod 640 open.key
"$POLC" ledger export "$P" --ledger enc.db --ledger-key open.key 2>err >/dev/null
check "ledger export: a key file its group can read: refused, exit 2" "2 polc: the ledger key open.key: refused: its group can read or write it (mode 0640): chmod 600 open.key" "$? $(head -n 1 err)"
"$POLC" serve "$P" --ledger enc.db --ledger-key open.key --listen 127.0.0.1:0 2>err
check "serve: the same refusal, exit 2, before listening" "2 polc: serve: the ledger key open.key: refused: its group can read or write it (mode 0640): chmod 600 open.key" "$? $(head -n 1 err)"
"$POLC" run "$P" --claims c.csv --ledger enc.db --ledger-key none.key --out r3.csv -q 2>err
check "a missing key file: exit 2" "2 polc: cannot read the ledger key none.key: No such file or directory" "$? $(head -n 1 err)"
: >empty.key
"$POLC" run "$P" --claims c.csv --ledger enc.db --ledger-key empty.key --out r3.csv -q 2>err
check "an empty key file: exit 2" "2 polc: the ledger key empty.key: the first line is empty: it holds the passphrase" "$? $(head -n 1 err)"
"$POLC" run "$P" --claims c.csv --ledger postgresql://polc@127.0.0.1:1/none --ledger-key good.key --out r3.csv -q 2>err
check "a key for a PostgreSQL ledger: exit 2, pointing to TLS" "2 polc: --ledger-key is for an SQLite ledger: a PostgreSQL ledger is protected by the server, with TLS (sslmode=verify-full in the URL), its roles and an encrypted data directory (spec/PRIVACY.md)" "$? $(head -n 1 err)"
"$POLC" run "$P" --claims c.csv --ledger-key good.key --out r3.csv -q 2>err
check "a key without --ledger: exit 2" "2 polc: --ledger-key good.key without --ledger: a ledger in memory is never written" "$? $(head -n 1 err)"

# a raw key (x'64 hex digits'): its own ledger, round trip
"$POLC" run "$P" --claims c.csv --ledger raw.db --ledger-key raw.key --out r4.csv -q 2>/dev/null &&
    "$POLC" run "$P" --claims c.csv --ledger raw.db --ledger-key raw.key --out r5.csv -q 2>err
check "a raw key: the re-run finds both claims settled" "0 2" "$? $(grep -c ',already settled$' r5.csv)"

# erase through the key: the person's rows go, the export is its header alone
"$POLC" ledger erase "$P" --ledger enc.db --ledger-key good.key --person PERSON-110101 2>err
check "erase through the key" "0 polc: ledger erase: removed 2 settled claims, 1 ledger row; the audit trail records the erasure, not the person" "$? $(head -n 1 err)"
"$POLC" ledger export "$P" --ledger enc.db --ledger-key good.key -o x2.csv 2>err
check "after the erasure the export holds no row" "0 1" "$? $(wc -l <x2.csv)"
finish
