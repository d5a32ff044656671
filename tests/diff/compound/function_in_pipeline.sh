f() { while read -r l; do echo "f:$l"; done; }
printf '1\n2\n' | f | cat
