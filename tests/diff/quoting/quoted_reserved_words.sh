'if' 2>/dev/null; echo $?
"echo" if then fi
echo for while do done
