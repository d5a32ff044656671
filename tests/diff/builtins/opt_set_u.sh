set -u
echo ${u-ok} ${u:+x}
echo "$@" "$*" $#
echo $u
echo no
