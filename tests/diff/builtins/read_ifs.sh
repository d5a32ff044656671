printf 'a:b:c\n' | { IFS=: read x y z; echo "$x $y $z"; }
printf '  lead  trail  \n' | { read x; echo "[$x]"; }
printf '  lead  trail  \n' | { IFS= read -r x; echo "[$x]"; }
