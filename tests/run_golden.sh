#!/usr/bin/env bash
# run_golden.sh -- run minish on every NAME.sh of a directory and compare
# with the expected results written next to it.
#
# Usage: run_golden.sh MINISH DIR [EXPECTDIR]
#
#   NAME.sh      the script, run as `MINISH NAME.sh` in a fresh copy of DIR
#                (the current directory) with stdin from /dev/null (10 s limit)
#   NAME.out     expected stdout (required)
#   NAME.status  expected exit status (optional, default 0)
#   NAME.err     expected stderr, exact (optional; unchecked when absent)
#
# $MINISH is exported, so a script can test `"$MINISH" -c ...` or options.
#
# EXPECTDIR (default DIR) is where the .out/.status/.err files live, so the
# examples/ scripts can keep their expectations under tests/golden/.
# Prints a diff for each failure and ends with "N passed, N failed".
set -u

if [ $# -lt 2 ]; then
    echo "usage: $0 MINISH DIR [EXPECTDIR]" >&2
    exit 2
fi
minish=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$(cd "$2" && pwd) || exit 2
expect=$(cd "${3:-$2}" && pwd) || exit 2
: "${GOLDEN_TIMEOUT:=10}"
# Scripts may start minish again (e.g. `"$MINISH" -c ...` to test -c).
export MINISH="$minish"

# Close descriptors inherited from whoever started us (ctest keeps some
# open), so the scripts see only 0, 1 and 2 as a user's terminal would.
for fd in /proc/$$/fd/*; do
    fd=${fd##*/}
    [ "$fd" -gt 2 ] 2>/dev/null && eval "exec $fd>&-" 2>/dev/null
done

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0
for script in "$dir"/*.sh; do
    [ -e "$script" ] || continue
    name=$(basename "$script" .sh)
    if [ ! -f "$expect/$name.out" ]; then
        echo "FAIL $name: missing $expect/$name.out"
        failed=$((failed + 1))
        continue
    fi
    want_status=0
    [ -f "$expect/$name.status" ] && want_status=$(tr -d ' \n' < "$expect/$name.status")

    # in a fresh copy of DIR: scripts may write files, and the same scripts
    # run at once under each spawn strategy (ctest -j)
    rm -rf "$tmp/work" && cp -R "$dir" "$tmp/work" || exit 2
    (cd "$tmp/work" && timeout "$GOLDEN_TIMEOUT" "$minish" "$name.sh" \
        < /dev/null > "$tmp/out" 2> "$tmp/err")
    status=$?

    ok=1
    if ! cmp -s "$tmp/out" "$expect/$name.out"; then
        ok=0
        echo "FAIL $name: stdout differs (--- expected, +++ minish)"
        diff -u "$expect/$name.out" "$tmp/out" | sed '1,2d'
    fi
    if [ "$status" != "$want_status" ]; then
        ok=0
        echo "FAIL $name: exit status $status, expected $want_status"
        [ "$status" = 124 ] && echo "     (timed out after ${GOLDEN_TIMEOUT}s)"
    fi
    if [ -f "$expect/$name.err" ] && ! cmp -s "$tmp/err" "$expect/$name.err"; then
        ok=0
        echo "FAIL $name: stderr differs (--- expected, +++ minish)"
        diff -u "$expect/$name.err" "$tmp/err" | sed '1,2d'
    fi
    if [ "$ok" = 1 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        if [ ! -f "$expect/$name.err" ] && [ -s "$tmp/err" ]; then
            echo "     stderr was:"
            sed 's/^/     | /' "$tmp/err" | head -20
        fi
    fi
done

echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
