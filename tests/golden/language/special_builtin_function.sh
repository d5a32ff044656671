# A function named like a special builtin never runs: the builtin wins (POSIX
# 2.9.1 search order); dash refuses the definition with a syntax error.
set() { echo myset; }
set -- a
echo $1
