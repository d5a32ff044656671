# heredoc_read: a `while read` loop over a 10-line here-document, N times.
# Measures: here-document set-up without any child, and the read builtin
# (which must read byte by byte from a pipe, so it is system-call bound).
n=$1 r=0 t=0
while [ "$r" -lt "$n" ]; do
	while read -r a b c; do
		t=$((t + a + ${#b}))
	done <<END
1 alpha x
2 beta y
3 gamma z
4 delta x
5 epsilon y
6 zeta z
7 eta x
8 theta y
9 iota z
10 kappa $r
END
	r=$((r + 1))
done
echo "$t $c"
