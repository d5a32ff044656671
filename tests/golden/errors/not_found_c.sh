"$MINISH" -c 'nope_minish_test'
echo "status $?"
