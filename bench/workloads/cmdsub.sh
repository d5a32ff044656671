# cmdsub: command substitution `x=$(echo hi)` N times.
# Measures: pipe + child (dash and bash fork a subshell that runs the echo
# builtin) + reading the output back and stripping newlines.
n=$1 i=0
while [ "$i" -lt "$n" ]; do
	x=$(echo hi)
	i=$((i + 1))
done
echo "$x $i"
