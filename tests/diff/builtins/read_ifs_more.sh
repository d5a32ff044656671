printf ' a , b ,c \n' | { IFS=, read x y z; echo "[$x][$y][$z]"; }
printf 'a b c d\n' | { read x y; echo "[$x][$y]"; }
printf 'a:b::\n' | { IFS=: read x y z w; echo "[$x][$y][$z][$w]"; }
printf 'a  \n' | { IFS= read x; echo "[$x]"; }
