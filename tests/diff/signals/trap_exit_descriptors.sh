# The EXIT trap of a subshell or a background job runs with the shell's
# own descriptors, not the redirections of the command that set it.
trap 'echo foo' EXIT >/dev/null & wait
f() { trap 'echo bar' EXIT; }
f >/dev/null & wait
( trap 'echo baz' EXIT ) >/dev/null
echo | { trap 'echo qux' EXIT; } >/dev/null
echo end
