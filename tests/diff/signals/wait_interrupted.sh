# A trapped signal ends `wait` at once with 128+N, then the trap runs
# (XCU 2.11).  The sender waits until the shell sleeps in `wait`.
trap 'echo got USR1' USR1
sleep 5 & p=$!
(while [ "$(cut -d' ' -f3 /proc/$$/stat)" != S ]; do :; done; kill -USR1 $$) &
wait $p; echo "wait gave $?"
kill $p; wait $p; echo "then $?"
trap 'echo got TERM' TERM
sleep 5 & p=$!
(while [ "$(cut -d' ' -f3 /proc/$$/stat)" != S ]; do :; done; kill -TERM $$) &
wait; echo "wait (all) gave $?"
kill $p; wait $p 2>/dev/null; echo "then reaped"
