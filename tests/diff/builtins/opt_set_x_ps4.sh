# set -x: PS4 is expanded as dash does (parameter operations, arithmetic,
# `...`, backslashes as inside "..."); an empty PS4 gives no prefix.
exec 2>&1
x=Xabc n=2
PS4='${x#X}:$((n*3)):${#x}> '
set -x
echo one
set +x
PS4='"q" \$ `echo B` ${n:+set} '
set -x
echo two
set +x
PS4=
set -x
echo four
set +x
echo st=$?
