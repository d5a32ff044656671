trap 'echo parent' EXIT
( echo sub )
x=$(trap); echo "[$x]" | head -1
