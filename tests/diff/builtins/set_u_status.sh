( set -u; echo $nope ) 2>/dev/null
echo "status $?"
set -u
set -- a
echo $1 $#
