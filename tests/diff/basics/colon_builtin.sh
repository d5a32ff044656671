: ignored args here
echo $?
