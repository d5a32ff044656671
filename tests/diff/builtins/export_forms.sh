export X1 X2=2; X1=1; sh -c 'echo $X1 $X2'
export -n X1 2>/dev/null; echo $?
unset X2; sh -c 'echo "[$X2]"'
readonly RO; RO=1 2>/dev/null; echo no
