(eval 'echo (') 2>/dev/null
echo "status $?"
