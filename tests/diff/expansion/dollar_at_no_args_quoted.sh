set --
set -- "$@"
echo $#
