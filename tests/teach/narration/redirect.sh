echo out > o.txt 2> e.txt
cat < o.txt
cat /nonexistent 2>> e.txt
cat e.txt
