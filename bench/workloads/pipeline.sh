# pipeline: run the two-stage pipeline `echo x | cat` N times.
# Measures: pipe() + two children per pipeline (one runs the echo builtin,
# one execs cat) + waiting for both.
n=$1 i=0
while [ "$i" -lt "$n" ]; do
	echo x | cat >/dev/null
	i=$((i + 1))
done
echo "$i" | cat
