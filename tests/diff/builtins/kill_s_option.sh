sleep 30 &
kill -s KILL $!
wait $!
echo $?
