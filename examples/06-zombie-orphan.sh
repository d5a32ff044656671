#!/usr/bin/env minish
# 06-zombie-orphan.sh -- zombies and orphans, seen with ps.
#
# A ZOMBIE is a child that has exited but whose parent has not yet called
# waitpid() on it: the kernel keeps its exit status (state Z in ps).  A
# shell must reap every child, so zombies never pile up.
# An ORPHAN is a child whose parent exited first: the kernel re-parents it
# to init (or to a "subreaper"), which reaps it later.

# 1. A background child that finishes is reaped: after it is done, ps shows
#    no Z child of this shell.
sleep 0.1 &
sleep 0.5                         # the child is long done by now
if ps -o stat= --ppid $$ | grep -q Z; then
    echo "a zombie child is still there"
else
    echo "no zombie children: the finished job was reaped"
fi
wait

# 2. An orphan: the middle shell starts `sleep` in the background, prints
#    its pid and exits at once.  The sleep's parent pid is then no longer
#    the middle shell.
pids=$(sh -c 'sleep 1 & echo "$$ $!"')
middle=${pids% *}
orphan=${pids#* }
sleep 0.2
newparent=$(ps -o ppid= -p "$orphan" | tr -d ' ')
if [ -n "$newparent" ] && [ "$newparent" != "$middle" ]; then
    echo "the orphan was re-parented (its parent is no longer the exited shell)"
else
    echo "unexpected: orphan parent '$newparent'"
fi
