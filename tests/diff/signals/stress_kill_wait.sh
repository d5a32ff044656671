# 1000 times: start a job, kill it at once, wait for it: always 143.
i=0 ok=0
while [ $i -lt 1000 ]; do
    sleep 100 & kill $!; wait $!
    [ $? -eq 143 ] && ok=$((ok + 1))
    i=$((i + 1))
done
echo "$ok of $i were 143"
