# startup: start the shell under test N times with `-c true`.
# Usage: DRIVER startup.sh N SHELL   (the driver is always dash, so the loop
# and the vfork/exec around each start cost the same for every shell).
# Measures: exec + dynamic linking + the shell's own initialisation + exit.
# A failing start (crash, missing binary) ends the loop with its status.
n=$1 sh=$2 i=0
while [ "$i" -lt "$n" ]; do
	"$sh" -c true || exit
	i=$((i + 1))
done
echo "started $i"
