eval 'if then' 2>/dev/null
echo never
