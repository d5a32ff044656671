#!/usr/bin/env bash
# fds.sh -- a command started by minish sees only descriptors 0, 1 and 2
# (plus what its own redirections name), wherever it runs: alone, in a
# pipeline, after a failed redirection, in $(...), in the background, ...
#
# Usage: fds.sh MINISH
#
# The probe is `sh -c 'ls /proc/$$/fd'`: ls lists the descriptors of the sh
# that minish started (ls's own directory descriptor is in ls, not in sh).
# minish itself is started with only 0-2 open, so anything else it leaks
# shows up in the listing.
set -u
[ $# = 1 ] || { echo "usage: $0 MINISH" >&2; exit 2; }
minish=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2
printf 'line\n' > data

cat > fds.sh <<'SCRIPT'
echo "== alone"
sh -c 'ls /proc/$$/fd'
echo "== first stage of a pipeline"
sh -c 'ls /proc/$$/fd' | cat
echo "== middle stage of a pipeline"
echo x | sh -c 'ls /proc/$$/fd; cat > /dev/null' | cat
echo "== last stage of a pipeline"
echo x | echo y | sh -c 'cat > /dev/null; ls /proc/$$/fd'
echo "== after a failed input redirection"
cat < /nope/missing 2> /dev/null
sh -c 'ls /proc/$$/fd'
echo "== after a failed redirection on a builtin"
echo hi > /nope/missing 2> /dev/null
sh -c 'ls /proc/$$/fd'
echo "== inside command substitution"
echo "$(sh -c 'ls /proc/$$/fd')"
echo "== background job"
sh -c 'ls /proc/$$/fd' > bg.out &
wait
cat bg.out
echo "== subshell"
(sh -c 'ls /proc/$$/fd')
echo "== brace group with redirected output"
{ sh -c 'ls /proc/$$/fd'; } > group.out
cat group.out
echo "== loop with redirected input"
while read -r l; do sh -c 'ls /proc/$$/fd'; done < data
echo "== function with redirected output"
f() { sh -c 'ls /proc/$$/fd'; }
f > func.out
cat func.out
echo "== here-document"
sh -c 'cat > /dev/null; ls /proc/$$/fd' <<END
body
END
echo "== after exec 3>file and exec 3>&-"
exec 3> three.out
exec 3>&-
sh -c 'ls /proc/$$/fd'
echo "== an explicit redirection of fd 4 is seen"
sh -c 'ls /proc/$$/fd' 4> /dev/null
SCRIPT

expect() {
    for c in "alone" "first stage of a pipeline" "middle stage of a pipeline" \
             "last stage of a pipeline" "after a failed input redirection" \
             "after a failed redirection on a builtin" "inside command substitution" \
             "background job" "subshell" "brace group with redirected output" \
             "loop with redirected input" "function with redirected output" \
             "here-document" "after exec 3>file and exec 3>&-"; do
        printf '== %s\n0\n1\n2\n' "$c"
    done
    printf '== an explicit redirection of fd 4 is seen\n0\n1\n2\n4\n'
}
expect > expected

# Start minish with nothing but 0-2 open, whatever the test harness holds.
(
    for fd in "/proc/$BASHPID/fd/"*; do
        fd=${fd##*/}
        [ "$fd" -gt 2 ] && eval "exec $fd>&-"
    done 2> /dev/null
    exec timeout 20 "$minish" fds.sh < /dev/null > actual 2> stderr
)
status=$?
if cmp -s expected actual && [ "$status" = 0 ]; then
    echo "fd hygiene ok (15 cases)"
    exit 0
fi
echo "FAIL: a child saw descriptors it should not have (status $status)"
diff -u expected actual
sed 's/^/stderr: /' stderr
exit 1
