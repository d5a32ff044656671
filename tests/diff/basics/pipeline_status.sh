true | false; echo $?
false | true; echo $?
! true | false; echo $?
echo a | cat | cat | cat | cat | cat
