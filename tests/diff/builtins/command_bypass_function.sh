ls() { echo fake; }
ls /nonexistent 2>/dev/null; echo $?
command ls -d / ; echo $?
