x=$(exit 3)
echo $?
x=$(true)
echo $?
$(exit 4)
echo $?
