printf 'one two three four\n' | { read a b c; echo "[$a][$b][$c]"; }
printf 'x\n' | { read a b; echo "[$a][$b]"; }
