x=5
echo $((x + 1)) $(($x + 1)) $((x * x))
unset y
echo $((y + 1))
