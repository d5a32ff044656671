set -- -x; echo $1; set - a b; echo $1 $-
set -- ; echo $#
set -o bogus; echo $?
