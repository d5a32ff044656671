# ${u#pattern} of an unset u trims nothing and does not expand the
# pattern, so a ${c=w} inside it assigns nothing; a set but empty u does
# expand it (found by the differential fuzzer).
unset u
: ${u#${c=w}} ${u##a${d:=w}} ${u%x${e=w}} ${u%%${f:=w}}
echo "c=$c d=$d e=$e f=$f"
: "${u#${g=w}}"
echo "g=$g len=${#u}"
u=
: ${u#${h=w}}
echo "h=$h"
set -- one
shift
printf '[%s]' ${1%%${k=w}}z; echo " k=$k"
