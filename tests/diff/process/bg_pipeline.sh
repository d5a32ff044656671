# A background pipeline is N children of the shell itself: `ps` finds both
# sleeps among the shell's children (no shell in between; with one, this
# loop would never end), $! is the last stage, and after `kill $!` `wait`
# waits for the other stage to end too.
sleep 2 | sleep 2 &
until [ "$(ps -o comm= --ppid $$ | grep -c '^sleep$')" = 2 ]; do sleep 0.05; done
echo "both stages are children of the shell"
kill %1
wait
echo "waited $?"
sleep 0.3 | sleep 30 &
kill $!
wait
echo "waited again: $(ps -o comm= --ppid $$ | grep -c sleep) sleeps left"
# a job that has finished: kill fails with status 1
sleep 0 & sleep 0.2
kill %1 2>/dev/null; echo "kill of a finished job: $?"
