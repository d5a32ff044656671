# `exit` and `return` without an operand in a trap action use $? as it was
# when the action started, not the action's last command.
me=$(readlink /proc/$$/exe)
"$me" -c "trap 'echo trapped; exit' EXIT; false"; echo "exit trap: $?"
"$me" -c "trap 'true; exit' USR1; (exit 7); kill -USR1 \$\$; echo not reached"; echo "usr1: $?"
trap 'return 11' USR1
f() { kill -USR1 $$; echo not reached; }
f; echo "return 11: $?"
trap 'false; return' USR2
g() { (exit 5); kill -USR2 $$; echo not reached; }
g; echo "return: $?"
trap 'true; return' USR2
h() { false; kill -USR2 $$; echo not reached; }
h; echo "return after false: $?"
trap - USR1 USR2
k() { true; }
trap 'k; echo "k gave $?"' USR1; kill -USR1 $$; echo "after: $?"
