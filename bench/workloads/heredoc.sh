# heredoc: `cat <<EOF` with an expanded body, N times (output checksummed).
# Measures: building the here-document (expansion, then a pipe or a temp
# file) plus spawning cat for each one.
n=$1 i=0
while [ "$i" -lt "$n" ]; do
	cat <<END
line one $i
line two ${i#1} $((i * 2))
END
	i=$((i + 1))
done | cksum
