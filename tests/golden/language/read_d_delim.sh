# read -d DELIM (POSIX.1-2024): the line ends at DELIM instead of a newline.
printf 'a:b\nc:rest' | { read -d : x; read -d : y; read -d : z; echo "st=$? [$x] [$y] [$z]"; }
printf 'one\0two\0' | { read -d '' a; read -r -d '' b; echo "[$a] [$b]"; }
printf 'p q,r\n' | { IFS=' ' read -d , f1 f2; echo "[$f1] [$f2]"; }
printf 'x\\,y,z' | { read -d , v; echo "[$v]"; }
printf 'x\\,y,z' | { read -r -d , v; echo "[$v]"; }
printf 'no-delim' | { read -d ';' w; echo "st=$? [$w]"; }
printf 'line\nnext;' | { read -d ';' w; echo "[$w]"; }
