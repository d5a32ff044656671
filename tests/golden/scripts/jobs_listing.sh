sleep 1 &
jobs
wait
echo done
