#!/usr/bin/env bash
# ptree.sh -- minish's process tree is dash's: every pipeline stage (in the
# foreground or the background) a child of the shell itself, in one process
# group, $! the last stage; `(a)`, `(a; b)`, `x=$(a)` and `sh -c 'a'` exec
# their last program in place instead of keeping a shell in between.
#
# Usage: ptree.sh MINISH
#
# The probe is `cat /proc/self/stat`: cat prints its own pid, parent and
# process group (fields 1, 4, 5).  Each case runs in dash and in minish;
# the pids are then renamed by role -- S the shell ($$), B the pid in $!,
# G the shell's process group, P1, P2, ... any other pid in the order it
# first appears -- and the two results must be the same.  Then the job
# table: `jobs -l` lists every stage, and `kill $!` + `wait` reaps them all.
set -u
[ $# = 1 ] || { echo "usage: $0 MINISH" >&2; exit 2; }
minish=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dash=$(command -v dash) || { echo "dash is not installed: skipped"; exit 77; }
work=$(mktemp -d) || exit 2
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 2
failed=0

# The probe: pid ppid pgid of the cat that reads it.
probe='cat /proc/self/stat'

# run SHELL SCRIPT: run SCRIPT (with $SH naming SHELL, for a nested `sh -c`) (which prints stat lines and a "shell $$ $! pgid"
# line) and print "pid ppid pgid" lines with the pids renamed by role.
run() {
    SH=$1 "$1" -c "$2" < /dev/null 2>&1 | awk '
        $1 == "shell" { roles[$2] = "S"; if ($3 != "") roles[$3] = "B"; roles[$4] = "G"; next }
        { lines[n++] = $1 " " $4 " " $5 }
        END {
            for (i = 0; i < n; i++) {
                split(lines[i], f, " ")
                out = ""
                for (k = 1; k <= 3; k++) {
                    p = f[k]
                    if (!(p in roles)) roles[p] = "P" (++next_id)
                    out = out (k > 1 ? " " : "") roles[p]
                }
                print out
            }
        }'
}

# check NAME SCRIPT [REFERENCE]: the renamed tree must be the same in
# REFERENCE (dash unless given) and minish.
check() {
    local want got
    want=$(run "${3:-$dash}" "$2")
    got=$(run "$minish" "$2")
    if [ -z "$want" ] || [ "$want" != "$got" ]; then
        echo "FAIL $1: script: $2"
        echo "     ${3:-dash}: $(echo "$want" | tr '\n' ';')"
        echo "     minish: $(echo "$got" | tr '\n' ';')"
        failed=$((failed + 1))
    else
        echo "ok   $1: $(echo "$got" | tr '\n' ';')"
    fi
}

# the "shell" line: $$, $! (or nothing), and the shell's process group
me='b=${bg:-$!}; echo shell $$ ${b:--} $(cut -d" " -f5 /proc/$$/stat)'

check 'a | b &' "$probe > o1 | $probe > o2 & bg=\$!; wait; cat o1 o2; $me"
check 'a | b' "$probe | cat; $me"
check 'a | b | c' "$probe > o1 | $probe > o2 | $probe; cat o1 o2; $me"
check 'a &' "$probe > o1 & bg=\$!; wait; cat o1; $me"
check '(a)' "($probe); $me"
check '(a; b)' "($probe; $probe); $me"
check '(a; (b))' "($probe; ($probe)); $me"
check '{ a; b; } | c' "{ $probe; $probe; } | cat; $me"
check 'x=$(a)' "x=\$($probe); echo \"\$x\"; $me"
check 'x=$(a; b)' "x=\$($probe; $probe); echo \"\$x\"; $me"
# `sh -c`: dash 0.5.12 forks even for the last command there; bash, and
# minish, exec it in place
bash=$(command -v bash)
check "sh -c 'a'" "\"\$SH\" -c '$probe'; $me" "$bash"
check "sh -c 'a; b'" "\"\$SH\" -c '$probe; $probe'; $me" "$bash"
check 'if in a subshell' "(if true; then $probe; fi); $me"
check 'trap EXIT keeps the subshell' "(trap ':' EXIT; $probe); $me"

# ---- the job table: every stage in it; kill $! then wait reaps them all ----
# count the pids jobs -l lists, and check none of them survives the wait
out=$(timeout 20 "$minish" -c '
sleep 0.3 | sleep 0.3 | sleep 30 &
last=$!
jobs -l > jobs.out
pids=$(awk "{ for (i = 1; i <= NF; i++) if (\$i ~ /^[0-9]+\$/) { print \$i; break } }" jobs.out)
echo "listed $(echo "$pids" | wc -l)"
case $pids in *"$last"*) echo "last listed" ;; esac
for p in $pids; do
    [ "$(cut -d" " -f4 /proc/$p/stat)" = $$ ] && echo "child $p"
done | wc -l | sed "s/^ */children /"
kill $last; wait
alive=0
for p in $pids; do [ -e /proc/$p ] && alive=$((alive + 1)); done
echo "alive $alive"
kill %1 2> err; echo "kill status $?"; cat err
' 2>&1)
want='listed 3
last listed
children 3
alive 0
kill status 1
minish: kill: %1: no such job'
if [ "$out" = "$want" ]; then
    echo "ok   jobs -l, kill \$!, wait"
else
    echo "FAIL jobs -l, kill \$!, wait:"
    echo "$out" | sed 's/^/     | /'
    failed=$((failed + 1))
fi

[ "$failed" = 0 ] || { echo "$failed failed"; exit 1; }
echo "all passed"
