# arith: the classic counting loop, N iterations.
# Measures: the interpreter: while/test builtin/arithmetic expansion/
# assignment, with no process creation at all.
n=$1 i=0
while [ "$i" -lt "$n" ]; do
	i=$((i + 1))
done
echo "$i"
