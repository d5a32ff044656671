! false; echo $?
! sh -c 'exit 3'; echo $?
