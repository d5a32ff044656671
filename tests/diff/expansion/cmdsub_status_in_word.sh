echo $(exit 4) $?
x=$(exit 5); echo $?
false; echo $(true) $?
