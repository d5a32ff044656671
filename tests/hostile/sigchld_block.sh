#!/bin/sh
# sigchld_block.sh SHELL -- issue 5 item 1: SIGCHLD is blocked from before
# fork until the child is in the job table.  So every child must unblock
# it again -- programs, and children that run shell code (subshells,
# pipeline stages, $(...), `&`) -- and the shell must give its own mask
# back once the child is recorded.  Seen in /proc/PID/status: SigBlk must
# be all zeros.  Behaviour test: also run against dash.
sh=$1
. "$(dirname "$0")/lib.sh"
[ -r /proc/self/status ] || skip "no /proc"
zero=$(printf 'SigBlk:\t0000000000000000')

# Each line of the script prints one SigBlk line.  `b` reads the shell's
# own mask from a forked subshell while the shell waits for it: after a
# short sleep, since right after fork the shell may still be recording
# the child (SIGCHLD blocked, as it should be); and not from a vfork
# child, which would see the parent's all-blocked vfork window.
script='
b() { sleep 0.2; grep SigBlk /proc/$1/status; }
( grep SigBlk /proc/self/status )               # subshell that execs
( grep SigBlk /proc/self/status; : )            # subshell running shell code
sh -c "grep SigBlk /proc/self/status"           # a program that is a shell
grep SigBlk /proc/self/status | cat             # pipeline stage: a program
{ grep SigBlk /proc/self/status; :; } | cat     # pipeline stage: shell code
echo "$(grep SigBlk /proc/self/status)"         # $(program)
echo "$(grep SigBlk /proc/self/status; :)"      # $(shell code)
grep SigBlk /proc/self/status & wait            # cmd &
{ grep SigBlk /proc/self/status; :; } & wait    # { shell code; } &
( b $$ )                                        # the shell itself, waiting
true | true; ( b $$ )                           # ... after a pipeline
x=$(true); ( b $$ )                             # ... after $(...)
sleep 1 & ( b $$ ); kill $!                     # ... after starting a job
/bin/true; ( b $$ )                             # ... after a program
:   # (last: the line above must stay a forked subshell, not run in place)
'
lines=14
for mode in fork vfork posix_spawn; do
    out=$(MINISH_SPAWN=$mode "$sh" -c "$script" 2>&1)
    n=$(printf '%s\n' "$out" | grep -cx "$zero")
    [ "$n" = "$lines" ] || fail "spawn=$mode: $n of $lines masks empty:
$out"
    is_minish || break      # dash has no spawn modes: once is enough
done
pass
