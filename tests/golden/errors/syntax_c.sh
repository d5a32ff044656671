"$MINISH" -c 'echo )'
echo "status $?"
