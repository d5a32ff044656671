# SIGINT of a script with no trap is the default action.  Once a script
# has waited for a child it keeps a handler for SIGINT, which only defers
# the signal while the shell waits (it dies of it after the child) and
# acts as the default at any other time, in the shell and in its subshells.
me=$(readlink /proc/$$/exe)
"$me" -c '/bin/true; kill -INT $$; echo survived'
echo "builtin after a program: $?"
"$me" -c '/bin/true | /bin/cat; kill -INT $$; echo survived'
echo "builtin after a pipeline: $?"
"$me" -c 'x=$(/bin/echo a); kill -INT $$; echo survived $x'
echo "builtin after a command substitution: $?"
"$me" -c '/bin/true; sh -c "kill -INT \$PPID; echo child done"; echo survived'
echo "during a wait, after the child: $?"
"$me" -c '/bin/true; (/bin/true; kill -INT $$; echo subshell done); echo survived'
echo "subshell kills its parent while it waits: $?"
"$me" -c '/bin/true; (/bin/true; sh -c "kill -INT \$PPID"; echo not printed); echo "subshell $?"'
echo "subshell dies of it after its own wait: $?"
"$me" -c '/bin/true; trap "echo trapped" INT; kill -INT $$; trap - INT; kill -INT $$; echo survived'
echo "trapped, then the default again: $?"
"$me" -c '/bin/true; sh -c "kill -INT \$\$; echo not printed"; echo "child $?"'
echo "the program gets the default: $?"
