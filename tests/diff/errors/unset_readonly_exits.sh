readonly x=1
unset x 2>/dev/null
echo never
