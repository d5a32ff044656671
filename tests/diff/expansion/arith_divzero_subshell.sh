( echo $((5 % 0)) ) 2>/dev/null
echo "status $?"
