# set -x with a $(...) in PS4: the substitution runs once per traced
# command and traces nothing itself (not even under its own set -x), as
# in dash; without that guard each trace would fork without end.  Limited
# to 200 processes so that a broken guard fails instead of taking the
# machine down (the runner adds a time limit).  An expansion error in
# PS4 is reported and the text is used as it is; an unset PS4
# gives no prefix.
exec 2>&1
ulimit -u 200 || exit 1
PS4='$(echo X) '
set -x
echo hi
y=$(echo in)
echo "$y"
PS4='[$(set -x; echo $((1+1)))] '
echo nested
PS4='`echo B`$(false)+ '
false || echo st=$?
PS4='${u?unset}> '
echo error
unset PS4
echo unset
set +x
echo done
