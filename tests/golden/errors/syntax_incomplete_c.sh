"$MINISH" -c 'if true; then echo x' 2>/dev/null
echo "if: $?"
"$MINISH" -c 'echo "open' 2>/dev/null
echo "quote: $?"
"$MINISH" -c 'echo a |' 2>/dev/null
echo "pipe: $?"
"$MINISH" -c '( echo a' 2>/dev/null
echo "paren: $?"
