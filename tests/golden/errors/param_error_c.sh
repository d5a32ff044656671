"$MINISH" -c 'echo ${x:?must be set}; echo never'
echo "status $?"
