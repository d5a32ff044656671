x='  a   b  c  '
set -- $x
echo $#
echo "[$1][$2][$3]"
