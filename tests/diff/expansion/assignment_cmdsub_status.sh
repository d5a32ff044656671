x=$(false)
echo $?
x=$(true) y=$(exit 2)
echo $?
