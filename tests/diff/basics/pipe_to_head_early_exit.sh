yes | head -2
echo $?
