echo hello | { read 2>/dev/null; echo "status $?"; }
echo hello | { read x; echo "[$x]"; }
