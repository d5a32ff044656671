alias a1='echo one'; alias a2='a1 two '; alias a3=three
a1
a2 a3
alias a1; alias | grep a2
unalias a1; a1 2>/dev/null; echo $?
unalias nosuch; echo $?
unalias -a; alias; echo done
