for i in 1 2; do break 0 2>/dev/null; echo "loop $i"; done
echo after
