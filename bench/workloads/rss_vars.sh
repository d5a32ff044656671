# rss_vars: define N (10 000) variables, then exit; run under GNU time -f %M.
# Measures: peak resident memory with a large variable table.
n=$1 i=0
while [ "$i" -lt "$n" ]; do
	eval "var_$i=value_$i"
	i=$((i + 1))
done
echo "$var_0 $i"
if [ -n "${BENCH_RSS_PROC-}" ]; then
	grep VmHWM "/proc/$$/status" >&2
fi
