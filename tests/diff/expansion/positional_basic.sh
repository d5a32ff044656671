set -- one two three
echo $1 $2 $3
echo $#
shift
echo $1 $#
