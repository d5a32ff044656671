self=$(readlink /proc/$$/exe)
printf 'echo "$0|$1|$2|$#"\n' > s.sh
"$self" s.sh a 'b c'
"$self" ./s.sh
