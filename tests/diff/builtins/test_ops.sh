t() { "$@"; printf '%s ' $?; }
t test -n a; t test -z a; t test a = a; t test a != a; t [ a '<' b ]; t [ b '>' a ]
t test 1 -eq 1; t test 1 -ne 1; t test 1 -lt 2; t test 1 -le 1; t test 2 -gt 1; t test 2 -ge 3
t test -e /; t test -d /; t test -f /; t test -r /etc/passwd; t test -w /; t test -x /bin/sh
t test -s /etc/passwd; t test -h /bin; t test -L /nonexist; t test -p /dev/null; t test -c /dev/null
t test -b /dev/null; t test -S /dev/null; t test -t 0; t test -u /bin/sh; t test -g /bin/sh
t test ! -n a; t test \( a = a \) -a \( b = c \); t test a = a -o b = c; t [ ]; t test
t [ -n ]; t test x -nt /; t test / -ef /; t test /etc/passwd -ot /
echo
test 1 -eq a; echo $?
[ a = a; echo $?
test 1 2 3 4 5; echo $?
