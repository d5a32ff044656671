# read stops at the first readonly or badly named variable: the names after
# it keep their values, as in dash (found by the differential fuzzer).
a=old c=old
readonly b
echo "1 2 3" | { read a b c; echo "st=$? [$a][$c]"; }
echo "4 5 6" | { read a 1x c; echo "st=$? [$a][$c]"; }
echo "7 8" | { read b a; echo "st=$? [$a]"; }
echo after
