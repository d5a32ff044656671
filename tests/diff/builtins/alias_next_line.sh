alias a1='echo a1'; a1 2>/dev/null; echo "same line status $?"
a1
