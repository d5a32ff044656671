eval false; echo $?
eval 'true; (exit 6)'; echo $?
eval ''; echo $?
