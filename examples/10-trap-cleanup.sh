#!/usr/bin/env minish
# 10-trap-cleanup.sh -- clean up a temporary file however the script ends.
#
# `trap 'CMDS' EXIT` runs CMDS when the shell exits -- normally, through
# `exit`, or after an error.  Traps on signals (INT, TERM) let a script tidy
# up when it is interrupted.  The shell only sets a flag in the signal
# handler and runs the trap later, at a safe point.

tmp=$(mktemp)
cleanup() {
    rm -f "$tmp"
    echo "cleanup: removed the temporary file"
}
trap cleanup EXIT

echo "working in a temporary file"
printf '3\n1\n2\n' > "$tmp"
sort -n "$tmp" | tr '\n' ' '
echo

# A worker that is interrupted: its TERM trap runs, then it exits 143.
sh -c 'trap "echo worker: got TERM, tidying up; exit 143" TERM
       kill -TERM $$
       echo never' 
echo "worker exit status: $?"

# Leave through `exit`: the EXIT trap still runs.
[ -f "$tmp" ] && echo "the file exists before exit"
exit 0
