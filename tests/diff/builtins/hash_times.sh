hash; hash -r; hash nosuchcmd; echo $?
times >/dev/null; echo $?
true; echo $?; false; echo $?
