set -- a b c
echo $# $*
set --
echo $#
set -- "x y" z
echo $1
