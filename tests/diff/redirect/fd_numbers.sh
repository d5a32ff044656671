exec 4> four
echo to4 >&4
exec 4>&-
cat four
exec 5< four
read -r line <&5
echo "read: $line"
exec 5<&-
