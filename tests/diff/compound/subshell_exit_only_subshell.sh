(exit 3; echo never)
echo "after $?"
