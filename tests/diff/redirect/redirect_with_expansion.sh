name=out
echo data > "$name.txt"
cat out.txt
