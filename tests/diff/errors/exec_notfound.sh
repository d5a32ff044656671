exec /nonexistent/cmd
echo no
