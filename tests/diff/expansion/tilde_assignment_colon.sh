HOME=/h
PATHX=~/a:~/b
echo $PATHX
