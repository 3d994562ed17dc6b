# tests/fault/preload.sh — sourced (not run) by the tests that inject faults with the shim
# tests/fault/iofail.c. `preload SHIM.so` prints the LD_PRELOAD value that loads the shim into
# $POLC: under AddressSanitizer (make asan) the sanitizer's runtime must come first, or the
# process refuses to start; its interceptors then call the shim's functions as the next ones.
preload() {
    asan=$(ldd "$POLC" 2>/dev/null | sed -n 's/.*=> \(\/[^ ]*libasan[^ ]*\) .*/\1/p' | head -n 1)
    echo "${asan:+$asan:}$1"
}
