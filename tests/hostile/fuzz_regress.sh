#!/bin/sh
# fuzz_regress.sh SHELL -- every crash the fuzzers found, as a shell test:
# the minimised behaviour with dash's output, and each raw input of
# tests/fuzz/regress/ replayed (any status, but no crash and no hang).
# Under Valgrind or an ASan build these also catch the memory error itself.
sh=$1
. "$(dirname "$0")/lib.sh"
regress=$(cd "$(dirname "$0")/../fuzz/regress" && pwd)

# expand-uaf-trim-assign: the pattern of ${x#...} assigned x and freed the
# value being trimmed (heap-use-after-free; printed garbage).
out=$("$sh" -c 'x=abcdefghijklmnopqrstuvwxyz; echo ${x#$((x=5))}; x=abcdef; echo ${x%$((x=1))f} ${#x}' 2>&1)
expect "$out" "abcdefghijklmnopqrstuvwxyz
abcdef 1" "\${x#\$((x=5))}"

for f in "$regress"/*; do
    (cd "$tmp" && timeout 20 "$sh" "$f" > /dev/null 2>&1 < /dev/null)
    st=$?
    [ $st != 124 ] && [ $st -lt 128 ] || fail "$(basename "$f"): status $st"
done
pass
