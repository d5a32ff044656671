printf '%s\n' "a b" c
printf '[%s]\n' '' "" x
