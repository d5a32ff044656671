cat < /nonexistent/file 2>/dev/null
echo "status $?"
echo after
