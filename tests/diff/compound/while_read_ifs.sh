printf 'a:b:c\nd:e:f\n' > data
while IFS=: read -r x y z; do echo "$z $y $x"; done < data
