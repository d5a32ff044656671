# POSIX: with three arguments and a binary primary in the middle, the binary
# test is done: -a and -o join two non-empty strings (dash says "unexpected
# operator" for these).
test -z -o -z; echo $?
test -n -a -n; echo $?
test -z -a -z; echo $?
