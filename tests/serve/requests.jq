# requests.jq — CSV (one record a line: quoted cells, no line breaks in them) into polc serve requests, one JSON line per
# claim: {"person": {...}, "claim": {...}}. Columns bind as polc run binds them (by field name
# or label, spec/DATA.md); columns the policy does not declare are left out, as polc run
# ignores them. Person rows of one person_id are one person, each row a history span (a row
# whose history cells are all empty adds none).
#   jq -n -c --slurpfile pol POLICY.json --rawfile persons P.csv --rawfile claims C.csv \
#      -f requests.jq                      [--arg order date]
# With order=date the claims dated within the policy's validity come in the order of their
# claim date (stable: a day's claims keep the file's order), as they reach a hospital's
# counter: a person's claims then arrive days apart, not side by side on concurrent
# connections (bench/serve.sh).
def cells: [scan("(?:^|,)(\"(?:[^\"]|\"\")*\"|[^,]*)") | .[0]
             | if startswith("\"") then .[1:-1] | gsub("\"\""; "\"") else . end];
def rows: split("\n") | map(sub("\r$"; "") | select(length > 0) | cells);
def objs: rows as $r | $r[0] as $h | $r[1:] | map([$h, .] | transpose
          | map({(.[0]): (.[1] // "")}) | add);
def names($fs): [$fs[] | .name, (.label // empty)];
def pick($o; $keys): $o | with_entries(select(.key as $k | $keys | index($k)));
($pol[0]) as $p
| names($p.person) as $pn | names($p.history) as $hn | names($p.claim) as $cn
| ($persons | objs | group_by(.person_id)
   | map({key: .[0].person_id,
          value: (pick(.[0]; $pn) + {person_id: .[0].person_id}
                  + {history: [.[] | pick(.; $hn) | select(any(.[]; . != ""))]})})
   | from_entries) as $people
| $p.claim_date as $date
| $claims | objs
| if $ARGS.named.order == "date" then
    map(select((.[$date] // "") as $d | $d >= $p.valid_from
                                        and ($p.valid_to == null or $d <= $p.valid_to)))
    | sort_by(.[$date])
  else . end
| .[]
| {person: $people[.person_id], claim: (pick(.; $cn + ["claim_id", "person_id"]))}
