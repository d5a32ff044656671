IFS=:
x=a:b:c
echo "$x"
set -- $x
echo $#
set -- "$x"
echo $#
