sleep 30 &
p=$!
kill $p
wait $p
echo $?
