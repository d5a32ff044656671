"$MINISH" -c 'echo $((1 / 0)); echo never'
echo "status $?"
