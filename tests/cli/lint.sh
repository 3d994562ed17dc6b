#!/bin/sh
# The C sources are formatted as .clang-format says (STYLE.md: K&R, 4 spaces, 100 columns).
cd "$(dirname "$0")/../.." || exit 2
bad=$(for f in compiler/*.c compiler/*.h cli/*.c cli/*.h tools/*.c tools/*.h runtime/*.c \
    runtime/*.h runtime/include/*.h sim/*.c sim/*.h; do
    clang-format --dry-run "$f" 2>&1 | grep -q 'warning:' && echo "$f"
done)
if [ -z "$bad" ]; then
    echo "[PASS] lint: compiler/, cli/, tools/, runtime/ and sim/ are clang-formatted"
else
    echo "[FAIL] lint: not clang-formatted (run clang-format -i):" $bad
fi
