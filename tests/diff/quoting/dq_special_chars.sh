echo "* ? [a]"
echo "~"
echo "a;b|c&d"
echo "<>()"
