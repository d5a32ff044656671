echo x > /nonexistent/dir/f 2>/dev/null
echo "status $?"
