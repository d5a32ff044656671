readonly R=1; (unset R); echo $?; (R=3 true) ; echo $?
readonly -p | grep 'R='
