#!/usr/bin/env minish
# 05-jobs.sh -- background jobs and wait.
#
# `cmd &` forks a child and does NOT wait for it: the shell goes on at
# once.  $! is the pid of the last background job.  `wait` blocks until the
# children are done and reaps them with waitpid(), collecting their exit
# statuses.  The output below is deterministic because each job writes to
# its own file and we only look after `wait`.

dir=$(mktemp -d)

( sleep 0.2; echo "slow job done" > "$dir/slow" ) &
slow=$!
( echo "fast job done" > "$dir/fast"; exit 3 ) &
fast=$!

echo "both jobs started; the shell is free"

wait "$fast"
echo "fast job exit status: $?"
wait "$slow"
echo "slow job exit status: $?"

cat "$dir/fast" "$dir/slow"

# Many jobs, one wait: every child is reaped, none is left a zombie.
for i in 1 2 3 4 5; do
    ( echo "$i" > "$dir/job$i" ) &
done
wait
cat "$dir"/job* | tr '\n' ' '
echo
rm -rf "$dir"
