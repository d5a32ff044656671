printf 'echo from stdin\nx=5\necho $((x * 2))\n' | "$MINISH"
echo "status $?"
