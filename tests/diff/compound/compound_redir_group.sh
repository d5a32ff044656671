{ echo a; echo b >&2; } 2>/dev/null > out
cat out
