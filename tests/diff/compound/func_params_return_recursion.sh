f() { echo "$# $1"; set -- z; echo $1; }; set -- a b; f x; echo $1 $#
g() { return 3; echo no; }; g; echo $?
fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(($1-1))) )); fi; }; fact 5
echo() { builtin echo wrapped "$@" 2>/dev/null || command printf '%s\n' "w $*"; }; echo hi; unset -f echo
cd() { :; }; cd /nonexist && echo shadow; unset -f cd
h() { echo "$0"; }; h | sed 's,.*/,,'
f2() { local v=1; echo $v; }; f2
