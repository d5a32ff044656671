# The PATH cache is used only while its file is still there: a program
# removed or replaced between two runs is searched for again, as a plain
# command and as a pipeline stage (whose PATH search the shell does before
# the fork, for the child).
d=$(mktemp -d) || exit 1
mkdir "$d/a" "$d/b"
printf '#!/bin/sh\necho "a: $*"\n' > "$d/a/prog"
printf '#!/bin/sh\necho "b: $*"\n' > "$d/b/prog"
chmod +x "$d/a/prog" "$d/b/prog"
PATH=$d/a:$d/b:$PATH
prog one
prog two | cat
rm "$d/a/prog"
prog three | cat
prog four
rm "$d/b/prog"
prog five | cat
echo "status $?"
prog six 2>/dev/null
echo "status $?"
rm -r "$d"
