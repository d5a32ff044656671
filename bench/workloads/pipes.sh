# pipes: source the generated 1000-line pipeline-heavy script ($2) N times.
# Measures: pipe() and 2-3 children per line (echo/printf builtins in a
# forked stage, cat/tr/wc exec'd), some inside $(...), and the waits.
n=$1 f=$2 r=0
while [ "$r" -lt "$n" ]; do
	. "$f"
	r=$((r + 1))
done
echo "$r"
