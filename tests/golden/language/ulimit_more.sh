ulimit -u >/dev/null; echo $?
ulimit -a | cut -c1-20 | sed 's/ *$//'
