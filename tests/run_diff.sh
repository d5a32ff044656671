#!/usr/bin/env bash
# run_diff.sh -- differential tests: every NAME.sh of a directory must give
# the same stdout and exit status in the reference shell and in minish.
#
# Usage: run_diff.sh MINISH REFERENCE DIR
#
# Each shell runs `SHELL NAME.sh` in its own fresh copy of DIR (so scripts
# may create files), with stdin from /dev/null and a 10 s limit.  stderr is
# not compared (messages differ between shells); scripts check $? instead.
# Prints diffs and ends with "N passed, N failed".
set -u

if [ $# -ne 3 ]; then
    echo "usage: $0 MINISH REFERENCE DIR" >&2
    exit 2
fi
abspath() { (cd "$(dirname "$1")" && echo "$(pwd)/$(basename "$1")"); }
minish=$(abspath "$1")
ref=$(command -v "$2") || { echo "reference shell '$2' not found" >&2; exit 2; }
dir=$(cd "$3" && pwd) || exit 2
: "${DIFF_TIMEOUT:=10}"

# Close descriptors inherited from whoever started us (ctest keeps some
# open), so the scripts see only 0, 1 and 2 as a user's terminal would.
for fd in /proc/$$/fd/*; do
    fd=${fd##*/}
    [ "$fd" -gt 2 ] 2>/dev/null && eval "exec $fd>&-" 2>/dev/null
done

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

# run SHELL NAME TAG: run NAME.sh in a fresh copy of DIR; leaves TAG.out,
# TAG.err and TAG.status in $tmp.
run() {
    local work="$tmp/work"     # same path for both shells: `pwd` output must match
    rm -rf "$work" && cp -R "$dir" "$work" || return
    (cd "$work" && timeout "$DIFF_TIMEOUT" "$1" "$2.sh" \
        < /dev/null > "$tmp/$3.out" 2> "$tmp/$3.err")
    echo $? > "$tmp/$3.status"
    rm -rf "$work"
}

passed=0
failed=0
for script in "$dir"/*.sh; do
    [ -e "$script" ] || continue
    name=$(basename "$script" .sh)
    run "$ref" "$name" ref
    run "$minish" "$name" min
    ok=1
    if ! cmp -s "$tmp/ref.out" "$tmp/min.out"; then
        ok=0
        echo "FAIL $name: stdout differs (--- $(basename "$ref"), +++ minish)"
        diff -u "$tmp/ref.out" "$tmp/min.out" | sed '1,2d'
    fi
    if ! cmp -s "$tmp/ref.status" "$tmp/min.status"; then
        ok=0
        echo "FAIL $name: exit status $(cat "$tmp/min.status"), $(basename "$ref") gives $(cat "$tmp/ref.status")"
    fi
    if [ "$ok" = 1 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        if [ -s "$tmp/min.err" ]; then
            echo "     minish stderr:"
            sed 's/^/     | /' "$tmp/min.err" | head -20
        fi
    fi
done

echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
