hash ls 2>/dev/null
echo $?
