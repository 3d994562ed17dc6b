#!/bin/sh
# deps.sh PKG... — make sure Debian packages are installed. As root, install what is missing
# (apt-get update first); otherwise print the exact command and fail. Used by `make deps`.
missing=""
for p in "$@"; do
    st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
    case "$st" in
        *"install ok installed"*) ;;
        *) missing="$missing $p" ;;
    esac
done
[ -z "$missing" ] && exit 0
echo "polc: missing Debian packages:$missing" >&2
if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2 || { echo "polc: apt-get update failed" >&2; exit 1; }
    apt-get install -y -q --no-install-recommends $missing >&2 || {
        echo "polc: apt-get install failed for:$missing" >&2; exit 1; }
    exit 0
fi
echo "polc: run as root:  apt-get update && apt-get install -y --no-install-recommends$missing" >&2
exit 1
