# An interactive shell ignores SIGTERM for itself; its children must have
# the default from their first instruction, or `kill $!` is lost in the
# moment before the child resets it.  Twenty times in a row, each in a new
# `minish -i` (no terminal, so no job control: the job stays in our group).
i=0
while [ $i -lt 20 ]; do
    "$MINISH" -i -c 'sleep 100 & kill $!; wait $!; echo "term $?"' 2>/dev/null
    i=$((i + 1))
done
