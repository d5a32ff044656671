#!/usr/bin/env bash
# zombies.sh -- minish reaps its children: `ps` never shows a zombie (state
# Z) child of minish for longer than a moment.
#
# Usage: zombies.sh MINISH
#
# Every case asks `ps -o stat= --ppid $$` from INSIDE minish, so the children
# of minish itself are listed (the ps process shows up too, as R or S).  The
# last case looks from outside, while minish is still running.
# shellcheck disable=SC2016  # the scripts are for minish: no expansion here
set -u
[ $# = 1 ] || { echo "usage: $0 MINISH" >&2; exit 2; }
minish=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
command -v ps > /dev/null || { echo "ps (procps) is not installed" >&2; exit 2; }
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2
failed=0

# check NAME SCRIPT: run SCRIPT in minish; fail if any ps line shows a Z.
check() {
    printf '%s\n' "$2" > "$1.sh"
    timeout 30 "$minish" "$1.sh" < /dev/null > "$1.out" 2> "$1.err"
    local status=$?
    if [ "$status" != 0 ] || grep -q Z "$1.out"; then
        echo "FAIL $1 (status $status): ps lines of minish's children:"
        sed 's/^/     | /' "$1.out" "$1.err"
        failed=$((failed + 1))
    else
        echo "ok   $1"
    fi
}

check twenty_jobs_then_wait '
i=0
while [ $i -lt 20 ]; do sleep 0.1 & i=$((i + 1)); done
wait
ps -o stat= --ppid $$'

check twenty_jobs_no_wait '
sleep 0.1 & sleep 0.1 & sleep 0.1 & sleep 0.1 & sleep 0.1 &
sleep 0.1 & sleep 0.1 & sleep 0.1 & sleep 0.1 & sleep 0.1 &
true & true & true & true & true & false & false & false & false & false &
sleep 1
ps -o stat= --ppid $$'

check background_pipelines '
true | true & sleep 0.1 | cat & (exit 3) & { false; } &
sleep 1
ps -o stat= --ppid $$'

check foreground_after_background '
sleep 0.1 &
sleep 0.5
echo hi | cat > /dev/null
: $(true)
ps -o stat= --ppid $$'

check killed_jobs '
sleep 10 & p1=$!
sleep 10 & p2=$!
kill $p1 $p2
sleep 1
ps -o stat= --ppid $$
wait'

# From outside: minish is still running (sleep 3) long after its background
# children finished; none of them may be left as a zombie meanwhile.
printf '%s\n' 'true & true & sleep 0.1 & false &' 'sleep 3' > outside.sh
timeout 30 "$minish" outside.sh < /dev/null > /dev/null 2>&1 &
pid=$!
sleep 1.5
zombies=$(ps -o pid=,stat=,args= --ppid "$pid" | awk '$2 ~ /Z/')
wait "$pid"
if [ -n "$zombies" ]; then
    echo "FAIL outside: zombie children of minish (pid $pid):"
    printf "     | %s\n" "$zombies"
    failed=$((failed + 1))
else
    echo "ok   outside"
fi

[ "$failed" = 0 ] && echo "no zombies (6 cases)"
[ "$failed" = 0 ]
