# `cmd &` without job control ignores SIGINT and SIGQUIT, for good: the
# background shell cannot reset them, and its children inherit that.
{ trap - INT; sh -c 'kill -INT $$; echo "child survived"'; } & wait $!; echo "status $?"
{ trap 'echo trapped' QUIT; sh -c 'kill -QUIT $PPID'; sh -c 'kill -QUIT $$; echo "quit survived"'; } & wait $!
echo "status $?"
