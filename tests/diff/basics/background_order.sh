sleep 0.2 && echo second > f2 &
echo first
wait
cat f2
