unset u
echo "${u?custom message}" 2>/dev/null
echo not reached
