test -a; echo $?
test -o; echo $?
test !; echo $?
test ! -z; echo $?
test -n; echo $?
test "(" x ")"; echo $?
test ! x = y; echo $?
test x = y -o a = a; echo $?
test 1 -eq 1 -a 2 -gt 1; echo $?
test abc; echo $?
test ''; echo $?
[ -f = -f ]; echo $?
test ! ! x; echo $?
