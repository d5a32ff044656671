x='$HOME'; echo $x
y='*'; echo "$y" $(echo "$y" | wc -c)
IFS=: ; v='a:b'; set -- $v; echo $#; echo "$v"; unset IFS
z='a b'; set -- $z"$z"; echo $#
e=''; set -- $e; echo $#; set -- "$e"; echo $#
set -- $(echo); echo $#
