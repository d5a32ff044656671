[ 1 -eq 1 ] && echo eq
[ 1 -ne 2 ] && echo ne
[ 3 -gt 2 ] && echo gt
[ 2 -ge 2 ] && echo ge
[ 1 -lt 2 ] && echo lt
[ 2 -le 1 ] || echo not-le
[ -5 -lt 3 ] && echo negative
