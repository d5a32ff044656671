echo start
(echo bg; exit 3) > bg.txt &
wait $!
echo "status $?"
cat bg.txt
