sleep 5 & p=$!
kill -s TERM $p; wait $p; echo $?
sleep 5 & kill -9 $!; wait $!; echo $?
kill -l 15; kill -l 137
kill -s NOPE $$; echo $?
