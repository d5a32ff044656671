"$MINISH" -n -c 'echo should-not-print'
echo "ok: $?"
"$MINISH" -n -c 'if then' 2>/dev/null
echo "bad: $?"
