#!/bin/sh
# signals_eintr.sh SHELL -- item 3: blocking calls survive a SIGCHLD storm;
# `yes | head -1` ends at once; background children of a non-interactive
# shell ignore SIGINT/SIGQUIT; foreground children get default dispositions
# and an empty signal mask.  Behaviour test: also run against dash.
sh=$1
. "$(dirname "$0")/lib.sh"

# -- a storm of SIGCHLD at the shell while it blocks in open(FIFO), read,
#    waitpid and write.  A stormer process signals the shell's own pid.
fifo=$tmp/fifo
mkfifo "$fifo" || fail "mkfifo"
out=$(timeout 30 "$sh" -c '
  fifo=$1
  (while kill -s CHLD $$ 2>/dev/null; do :; done) & storm=$!
  (sleep 1; exec 3>"$fifo"; sleep 1; echo slow-line >&3) &
  read x < "$fifo"            # blocks in open(), then in read()
  echo "read:$x"
  sleep 1; echo "wait:$?"     # blocks in waitpid()
  big=$(printf "%070000d" 0)  # more than a pipe holds: write() blocks
  (sleep 1; cat "$fifo" | wc -c) &
  echo "$big" > "$fifo"; echo "write:$?"
  kill $storm; wait
' sh "$fifo" 2>&1)
expect "$out" "read:slow-line
wait:0
write:0
70001" "SIGCHLD storm"

# -- SIGPIPE: yes | head -1 must end at once (timeout 5 kills a hang)
out=$(timeout 5 "$sh" -c 'yes | head -1; echo "st:$?"')
expect "$out" "y
st:0" "yes | head -1"

# -- background children of a non-interactive shell ignore SIGINT and SIGQUIT
out=$("$sh" -c 'grep "^SigIgn" /proc/self/status & wait')
mask_has "$out" 2 || fail "background child does not ignore SIGINT: $out"
mask_has "$out" 3 || fail "background child does not ignore SIGQUIT: $out"

# -- foreground children: default dispositions and an empty mask, even when
#    the shell itself was started with signals blocked (python blocks them)
if command -v python3 >/dev/null 2>&1; then
    out=$(python3 -c '
import os, signal, sys
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1, signal.SIGCHLD, signal.SIGINT})
os.execv(sys.argv[1], [sys.argv[1], "-c", "grep -E \"^Sig(Blk|Ign)\" /proc/self/status"])' "$(command -v "$sh")")
    expect "$(echo "$out" | grep SigBlk)" "SigBlk:	0000000000000000" "foreground child mask"
    mask_has "$out" 2 && fail "foreground child ignores SIGINT: $out"
    mask_has "$out" 3 && fail "foreground child ignores SIGQUIT: $out"
fi
pass
