(exit 3) & wait $!; echo $?
wait 99999; echo $?
sleep 0.1 & sleep 0.1 & wait; echo $?
