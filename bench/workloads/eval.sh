# eval: define N variables v0..v(N-1) through eval, then read them all back.
# Measures: eval (re-parsing a string each time) and the variable table as
# it grows to N entries (a small fixed hash table degrades here).
n=$1 i=0 s=0
while [ "$i" -lt "$n" ]; do
	eval "v$i=$i"
	i=$((i + 1))
done
i=0
while [ "$i" -lt "$n" ]; do
	s=$((s + v$i))
	i=$((i + 1))
done
echo "$s"
