alias greet='echo hello'
greet world
alias ll='echo listing'
ll
unalias greet
greet 2>/dev/null; echo $?
