# parse_run: source the generated 20 000-line script ($2) N times.
# Measures: parsing plus running every line once (function definitions and
# calls, case, if, for, arithmetic and expansions; no process creation).
n=$1 f=$2 r=0
while [ "$r" -lt "$n" ]; do
	. "$f"
	r=$((r + 1))
done
echo "$r"
