echo $((1 +)) 2>/dev/null
echo never
