nope_minish_test 2>/dev/null
echo "after not found: $?"
cat /nonexistent/file 2>/dev/null
echo "after failed cat: $?"
