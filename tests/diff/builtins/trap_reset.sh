trap 'echo caught' USR1
kill -USR1 $$
trap - USR1
sh -c 'kill -USR1 $$'
echo "child status $?"
