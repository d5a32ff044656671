#!/usr/bin/env minish
# 01-simple.sh -- simple commands.
#
# A simple command is a name and its arguments.  The shell looks the name
# up (function? builtin? a file in $PATH?), then runs it.  `echo` and `cd`
# are builtins: they run inside the shell.  `date` or `uname` are programs:
# the shell fork()s a child and the child execve()s the program.
#
# Try it:  minish examples/01-simple.sh
#          minish --trace examples/01-simple.sh   (narrates fork/exec/wait)

echo "hello from a builtin"

# An external program: the shell forks, the child execs /usr/bin/printf.
command printf '%s and %s\n' "external" "arguments"

# Every command leaves an exit status in $?: 0 means success.
true
echo "true gave $?"
false
echo "false gave $?"

# Variables are set with NAME=value (no spaces around =).
greeting="hi there"
echo "$greeting"
