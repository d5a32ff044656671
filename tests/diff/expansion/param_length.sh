x=hello
echo ${#x}
e=
echo ${#e}
unset u
echo ${#u}
set -- a b c
echo ${#}
