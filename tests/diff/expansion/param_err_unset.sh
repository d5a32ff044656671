unset u
: ${u?}
echo no
