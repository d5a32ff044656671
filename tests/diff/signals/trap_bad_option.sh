# An operand that looks like an option is one: a usage error, and trap is
# a special builtin, so the script ends with status 2.
trap 'echo x' TERM
trap -1 EXIT
echo not reached
