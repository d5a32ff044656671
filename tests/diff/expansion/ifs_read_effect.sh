IFS=,
x="1,2,3"
for n in $x; do echo n=$n; done
