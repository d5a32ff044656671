i=0
while [ $i -lt 3 ]; do
  for j in x y; do echo $i$j; done
  i=$((i + 1))
done
