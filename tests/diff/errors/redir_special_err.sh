: < /nonexistent; echo "colon $?"
echo hi > /nonexistent/x; echo "echo $?"
