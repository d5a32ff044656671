echo to-file > f
echo to-stdout
cat f
