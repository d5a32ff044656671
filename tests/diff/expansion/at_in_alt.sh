set -- "a b" c
for x in ${1:+"$@"}; do echo "[$x]"; done
for x in "${1:+"$@"}"; do echo "<$x>"; done
x="${u-"$@"}"; echo "$x"
set -- ; for x in "$@"x; do echo "{$x}"; done
