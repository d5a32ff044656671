# parse_only: source the generated 20 000-line script ($2), wrapped in
# `if false; then ... fi`, N times.
# Measures: the lexer and parser alone (the whole `if` is one complete
# command, parsed into a tree and then skipped).
n=$1 f=$2 r=0
while [ "$r" -lt "$n" ]; do
	. "$f"
	r=$((r + 1))
done
echo "$r"
