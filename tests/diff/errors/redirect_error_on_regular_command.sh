cat > /nonexistent/x 2>/dev/null
echo "continued $?"
