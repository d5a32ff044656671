IFS=:
x=a:b::c
set -- $x
echo $#
for w; do echo "[$w]"; done
