nosuch
echo not a program > f
./f
echo status $?
exit_status 300
