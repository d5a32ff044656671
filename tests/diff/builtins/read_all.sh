printf 'a b c\n' | { read x y; echo "[$x][$y]"; }
printf '  lead  trail  \n' | { read x; echo "[$x]"; }
printf 'a\\ b\\\ncont\n' | { read x; echo "[$x]"; }
printf 'a\\ b\n' | { read -r x; echo "[$x]"; }
printf 'a:b:c\n' | { IFS=: read x y; echo "[$x][$y]"; }
printf 'noeol' | { read x; echo "$? [$x]"; }
printf '' | { read x; echo "$? [$x]"; }
printf 'a b\n' | { read x y z; echo "[$x][$y][$z]"; }
printf 'l1\nl2\n' | { read a; read b; echo $a $b; }
