# throughput: push 100 MiB through a four-stage pipeline, N times.
# Measures: the shell only sets up the pipes and waits; the time is the
# kernel copying through three pipes and the utilities. A shell loses here
# only by bad set-up (a leaked pipe end that delays EOF, an extra stage).
n=$1 i=0
while [ "$i" -lt "$n" ]; do
	head -c 100M /dev/zero | cat | cat | wc -c
	i=$((i + 1))
done
