# lib.sh -- helpers for the tests/hostile/ scripts (sourced; $sh is set).
# A test exits 0 (pass), 1 (fail) or 77 (skipped, with the reason: only for
# what no package can give, such as a missing /proc).
tmp=$(mktemp -d "${TMPDIR:-/tmp}/minish-hostile.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
name=$(basename "$0" .sh)

fail() { echo "FAIL $name ($sh): $*" >&2; exit 1; }
skip() { echo "SKIP $name: $*" >&2; exit 77; }
# need COMMAND PACKAGE: a missing tool fails the test, saying what to install
# (`make test` installs every test package; a skip would hide the gap)
need() {
    command -v "$1" >/dev/null 2>&1 && return 0
    echo "FAIL $name: needs $1 (apt-get install $2, or make test-deps)" >&2
    exit 1
}
pass() { echo "ok $name ($sh)"; exit 0; }

# expect ACTUAL EXPECTED WHAT
expect() {
    [ "$1" = "$2" ] && return 0
    printf 'FAIL %s (%s): %s\n--- expected\n%s\n--- got\n%s\n' "$name" "$sh" "$3" "$2" "$1" >&2
    exit 1
}

# mask_has "SigIgn:\tHEX" N: is signal N set in the hex mask?
mask_has() {
    hex=$(printf '%s\n' "$1" | sed -n 's/^SigIgn:[[:space:]]*//p' | head -1)
    [ -n "$hex" ] || return 1
    [ $(( (0x$hex >> ($2 - 1)) & 1 )) = 1 ]
}

# is_minish: the shell under test is minish (checks of minish's own messages)
is_minish() { case $(basename "$sh") in minish*) return 0;; esac; return 1; }
