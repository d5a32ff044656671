false; true; echo $?
sh -c 'exit 200'; echo $?
