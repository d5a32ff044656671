# The death message of a program the shell waited for goes where that
# program's own stderr went (dash applies a simple command's redirections
# in the shell): nowhere for 2>/dev/null or 2>&-, into the file for
# 2>file (after what the program wrote), to stdout for 2>&1.  The
# redirections of a group, a subshell or a pipeline stage do not count.
{
sh -c 'kill $$' 2>/dev/null; echo "null $?"
sh -c 'kill $$' 2>&-; echo "closed $?"
sh -c 'kill $$' 2</dev/null; echo "read-only $?"
sh -c 'echo first >&2; kill $$' 2>err; echo "file $?"; cat err
sh -c 'echo again >&2; kill -HUP $$' 2>>err; echo "append $?"; cat err
sh -c 'kill $$' 2>&1 >/dev/null | sed 's/^/piped: /'; echo "to stdout $?"
{ sh -c 'kill $$' 2>&1; } 2>/dev/null; echo "dup of stdout $?"
{ sh -c 'kill $$' 2>&3; } 3>&1 2>/dev/null; echo "dup of fd 3 $?"
sh -c 'kill $$' 2>/dev/null 2>&1; echo "last one wins $?"
sh -c 'ulimit -c 0; kill -SEGV $$' 2>/dev/null; echo "segv $?"
x=$(sh -c 'kill $$' 2>/dev/null); echo "cmdsub $?"
# these report on the shell's own stderr: the group and the function
# redirect it, the subshell and the pipeline stages do not
{ sh -c 'kill $$'; } 2>/dev/null; echo "group $?"
(sh -c 'kill $$') 2>/dev/null; echo "subshell $?"
sh -c 'kill $$' 2>/dev/null | cat; echo "first stage $?"
true | sh -c 'kill $$' 2>/dev/null; echo "last stage $?"
f() { sh -c 'kill $$'; }
f 2>/dev/null; echo "function $?"
} 2>&1
