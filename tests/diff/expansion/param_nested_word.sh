unset u
a=A
echo ${u:-${a}x}
echo ${u:-$(echo cmd)}
echo ${u:-$((1+2))}
echo "${u:-'quoted'}"
