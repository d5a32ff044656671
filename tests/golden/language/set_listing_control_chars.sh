# `set` shows a value with control characters as $'...' on one line, so
# `set | grep` and `.` restore it whole.
_nl='a
b'
_mix=$'t\tr\re\033q\'x'
_plain='it'"'"'s'
set | grep '^_[a-z][a-z]*=' > vars.txt
cat vars.txt
unset _nl _mix _plain
. ./vars.txt
[ "$_nl" = 'a
b' ] && echo nl-ok
[ "$_mix" = "$(printf 't\tr\re\033q')'x" ] && echo mix-ok
[ "$_plain" = "it's" ] && echo plain-ok
rm vars.txt
