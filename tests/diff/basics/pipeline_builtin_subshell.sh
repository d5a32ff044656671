x=1
echo 5 | read x
echo $x
