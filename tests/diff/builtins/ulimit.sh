ulimit -c 0; ulimit -c
ulimit -n 64; ulimit -n; ulimit -Sn
(ulimit -n 32; ulimit -n); ulimit -n
ulimit -f; ulimit -t; ulimit -s; ulimit -v
ulimit -Hn 60; ulimit -Hn; ulimit -n 70 2>/dev/null; echo toohigh $?
ulimit -n abc 2>/dev/null; echo bad $?
ulimit -x 2>/dev/null; echo illegal $?
ulimit unlimited; ulimit
