myvar=hello
set | grep '^myvar=' 
