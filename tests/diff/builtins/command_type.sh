command -v echo; command -v cd; command -v nosuch; echo $?
f() { :; }; alias ll='ls -l'
command -v f; command -v ll
command -V echo 2>&1 | sed 's,/usr,,'
type echo f ll cd 2>&1; type nosuchx >/dev/null 2>&1; echo $?
command echo via; command nosuch 2>/dev/null; echo $?
command -p sh -c 'echo psh'
