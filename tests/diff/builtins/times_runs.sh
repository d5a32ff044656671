times > /dev/null
echo $?
