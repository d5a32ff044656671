# spawn: run the external command /bin/true N times from a while loop.
# Measures: fork/vfork/posix_spawn + execve + waitpid (the spawn floor).
n=$1 i=0
while [ "$i" -lt "$n" ]; do
	/bin/true
	i=$((i + 1))
done
echo "spawned $i"
