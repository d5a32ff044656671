set -o nonexistent_option 2>/dev/null
echo never
