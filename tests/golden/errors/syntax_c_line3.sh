"$MINISH" -c 'echo one
echo two
echo a | | b'
echo "status $?"
