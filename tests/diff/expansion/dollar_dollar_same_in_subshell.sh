a=$$
b=$(echo $$)
[ "$a" = "$b" ] && echo same
( [ "$a" = "$$" ] && echo same-in-subshell )
