#!/usr/bin/env bash
# run_valgrind.sh -- run every NAME.sh of the given test directories in minish
# under Valgrind, in parallel, and fail on any memory error, definite leak or
# descriptor left open at exit.
#
# Usage: run_valgrind.sh MINISH SUPPRESSIONS DIR...
#        VALGRIND_PART=K/N run_valgrind.sh ...   only every Nth script, from the Kth
#
# Output is not compared here (the golden and diff tests do that); only what
# Valgrind says.  Each script runs in a fresh copy of its directory with stdin
# from /dev/null.  Forked children are silent (--child-silent-after-fork), so
# the report is the shell's own.  Ends with "N passed, N failed".
set -u

# Close descriptors inherited from whoever started us (ctest keeps some
# open), so that Valgrind's descriptor report shows only what minish opened.
for fd in /proc/$$/fd/*; do
    fd=${fd##*/}
    [ "$fd" -gt 2 ] 2>/dev/null && eval "exec $fd>&-" 2>/dev/null
done

# ---- One script (the parallel worker): run_valgrind.sh --one MINISH SUPP SCRIPT
if [ "${1:-}" = --one ]; then
    minish=$2 supp=$3 script=$4
    dir=$(dirname "$script")
    name=$(basename "$script" .sh)
    work=$(mktemp -d) || exit 2
    trap 'rm -rf "$work"' EXIT
    cp -R "$dir/." "$work/"
    log="$work/.valgrind.log"
    (cd "$work" && timeout "${VALGRIND_TIMEOUT:-120}" valgrind -q \
        --leak-check=full --errors-for-leak-kinds=definite \
        --track-fds=yes --child-silent-after-fork=yes \
        --error-exitcode=99 --suppressions="$supp" --log-file="$log" \
        "$minish" "$name.sh" < /dev/null > /dev/null 2>&1)
    status=$?
    why=""
    [ "$status" = 124 ] && why="timed out"
    grep -Eq 'ERROR SUMMARY: [1-9]' "$log" && why="$why memory errors"
    grep -Eq 'definitely lost: [1-9]' "$log" && why="$why definite leak"
    # "Open file descriptor N: PATH" followed by "<inherited from parent>"
    # is fine, as are 0-2; anything else was opened by minish and not closed.
    # Valgrind's own log can sit on fd 3: a script that redirects fd 3 makes
    # minish save and restore it, and Valgrind then books it to minish.
    leaked=$(awk '/Open file descriptor [0-9]+:/ && !/\.valgrind\.log$/ {
                      fd = $0; sub(/.*descriptor /, "", fd); sub(/:.*/, "", fd)
                      getline nxt
                      if (fd + 0 > 2 && nxt !~ /inherited from parent/) printf "%s ", fd
                  }' "$log")
    [ -n "$leaked" ] && why="$why leaked fds: $leaked"
    rel="$(basename "$dir")/$name.sh"
    if [ -n "$why" ]; then
        echo "FAIL $rel:$why"
        sed 's/^/     | /' "$log" | head -60
        exit 1
    fi
    echo "ok   $rel"
    exit 0
fi

if [ $# -lt 3 ]; then
    echo "usage: $0 MINISH SUPPRESSIONS DIR..." >&2
    exit 2
fi
command -v valgrind > /dev/null || { echo "valgrind is not installed" >&2; exit 2; }
abspath() { (cd "$(dirname "$1")" && echo "$(pwd)/$(basename "$1")"); }
minish=$(abspath "$1")
supp=$(abspath "$2")
self=$(abspath "$0")
shift 2

results=$(mktemp) || exit 2
trap 'rm -f "$results"' EXIT
part=${VALGRIND_PART:-1/1}
k=${part%/*} n=${part#*/}
i=0
for d in "$@"; do
    for s in "$(cd "$d" && pwd)"/*.sh; do
        [ -e "$s" ] || continue
        i=$((i + 1))
        [ $(( (i - 1) % n + 1 )) = "$k" ] && printf '%s\0' "$s"
    done
done | xargs -0 -r -n 1 -P "$(nproc 2>/dev/null || echo 2)" \
    "$self" --one "$minish" "$supp" > "$results"

grep -v '^ok ' "$results"
passed=$(grep -c '^ok ' "$results")
failed=$(grep -c '^FAIL ' "$results")
echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
