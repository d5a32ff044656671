sh -c 'if' 2>/dev/null; echo $?
sh -c 'exit 3'; echo $?
