# command keeps a special builtin's error from ending the shell, also inside
# eval and ., but not exit or set -e; command exec keeps its redirections.
readonly v=1
command eval v=2; echo "eval st=$?"
command . ./missing; echo "dot st=$?"
command shift 5; echo "shift st=$?"
command eval 'shift 5; echo not-reached'; echo "eval-shift st=$?"
command exec 8</dev/null
if { true <&8; } 2>/dev/null; then echo fd8-kept; else echo fd8-gone; fi
command command exec 7</dev/null
if { true <&7; } 2>/dev/null; then echo fd7-kept; else echo fd7-gone; fi
(set -e; command eval false; echo not-reached); echo "errexit st=$?"
(command eval 'exit 3'; echo not-reached); echo "exit st=$?"
exec 7<&- 8<&-   # the script closes what it opened (the Valgrind run counts open fds)
