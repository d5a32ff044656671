a=1 b=2
echo $a $b
c=$a$b; echo $c
