set -- 1 2 3; shift; echo $*; shift 2; echo $#; shift; echo $?
