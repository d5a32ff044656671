# string: parameter-expansion loop, N iterations.
# Measures: pattern removal ${x%..} ${x%%..} ${x#..} ${x##..}, length ${#x},
# and the word expansion machinery, with no process creation.
n=$1 i=0 t=0
x=/usr/local/lib/libexample.so.1.2.3
while [ "$i" -lt "$n" ]; do
	a=${x%.*} b=${x##*/} c=${x#/usr} d=${x%%.*}
	t=$((t + ${#a} + ${#b} + ${#c} + ${#d}))
	i=$((i + 1))
done
echo "$t $a $b $c $d"
