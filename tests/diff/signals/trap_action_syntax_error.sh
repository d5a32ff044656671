# A trap action that does not parse: nothing of it runs, the shell says
# why on stderr and exits 2, whatever the status was (dash 0.5.12).
(trap 'echo <' EXIT; echo body); echo "exit trap $?"
(trap 'echo half; if' EXIT; exit 5); echo "after exit 5: $?"
(trap 'echo before; fi' EXIT; false); echo "after false: $?"
g() { trap 'echo <' EXIT; }
(g; echo set-in-a-function); echo "function $?"
(trap 'echo <' USR1; kill -USR1 "$(exec sh -c 'echo $PPID')"; echo not-reached); echo "usr1 $?"
trap 'echo <' EXIT
echo "status=$?"
