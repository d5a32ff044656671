# A job the shell waited for that died of a signal is reported on the
# shell's stderr, in dash's words; not for SIGINT nor SIGPIPE.
{
for s in TERM HUP USR1 USR2 INT PIPE KILL ALRM; do
    sh -c "kill -$s \$\$"; echo "$s $?"
done
x=$(sh -c 'kill $$'); echo "cmdsub $?"
(sh -c 'kill $$'); echo "subshell $?"
sh -c 'kill $$' | cat; echo "first stage $?"
true | sh -c 'kill $$'; echo "last stage $?"
sh -c 'ulimit -c 0; kill -SEGV $$'; echo "segv $?"
sh -c 'kill $$' & wait $!; echo "waited $?"
f() { sh -c 'kill -HUP $$'; }; f; echo "function $?"
} 2>&1
