set -- a b c d e f g h i j k l
echo $10 ${10} ${12} $#
shift 3; echo $1 $# ${10-none}
shift 20; echo $?
