unset u
echo ${u:?custom msg}
echo not reached
