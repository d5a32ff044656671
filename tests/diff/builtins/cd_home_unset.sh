unset HOME; cd; echo $?
