/nonexistent/path/cmd 2>/dev/null
echo $?
