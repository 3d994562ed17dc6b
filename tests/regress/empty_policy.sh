#!/bin/sh
# Regression: a policy file of a UTF-8 byte order mark alone echoed the mark's bytes back in
# its diagnostic ("1 | <EF BB BF>"), and said only that a policy starts with its header, as
# for a file of declarations without one. An empty (or BOM-only, blank, comment-only) file
# now gets one message saying it holds no policy text; a leading BOM is no part of line 1,
# so no diagnostic echoes it and columns on line 1 count from after it (they counted it).
# Env: POLC (default build/polc). The runtime tests' preamble (ok/bad/finish, work DIR).
. "$(dirname "$0")/../runtime/lib.sh"
work regress-empty

HEAD='policy "NAME" valid from YYYY-MM-DD dated by claim.FIELD'
# $1 what, $2 file: polc check exits 1 with exactly stdin's text on stderr
same() {
    cat >want
    "$POLC" check "$2" 2>got
    rc=$?
    if [ "$rc" -eq 1 ] && cmp -s want got; then
        ok "$1"
    else
        bad "$1" "exit $rc; got: $(od -c got | head -n 4)"
    fi
}

for f in empty bom blank; do
    case $f in
    empty) : >$f.pol ;;
    bom) printf '\357\273\277' >$f.pol ;;
    blank) printf '\357\273\277\n  \n# only a comment\n' >$f.pol ;;
    esac
    same "$f file: one message, no byte order mark echoed" $f.pol <<OUT
$f.pol:1:1: error: the file holds no policy text; a policy starts with its header: $HEAD
    1 | 
      | ^
$f.pol: 1 error
OUT
done

# a declaration without a header is told apart from an empty file
printf 'claim { d: date }\n' >nohead.pol
same "declarations without a header" nohead.pol <<OUT
nohead.pol:1:1: error: a policy starts with its header: $HEAD
    1 | claim { d: date }
      | ^
nohead.pol: 1 error
OUT

# with a BOM before the header, claim.x's x is column 49 as an editor shows it (was 50), and
# the echoed line holds no BOM
printf '\357\273\277policy "t" valid from 2017-01-01 dated by claim.x\n' >bomhead.pol
same "a BOM before the header: columns from after it" bomhead.pol <<OUT
bomhead.pol:1:49: error: the claim record has no field 'x'
    1 | policy "t" valid from 2017-01-01 dated by claim.x
      |                                                 ^
bomhead.pol: 1 error
OUT
finish
