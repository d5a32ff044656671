[ ! -z x ] && echo not
[ 1 = 1 -a 2 = 2 ] && echo and
[ 1 = 2 -o 2 = 2 ] && echo or
[ \( 1 = 1 \) ] && echo parens
[ ! 1 = 2 ] && echo negated
test 1 = 1 -a \( 2 = 3 -o 3 = 3 \) && echo complex
