"$MINISH" -c 'true; false'
echo "$?"
"$MINISH" -c 'exit 42'
echo "$?"
