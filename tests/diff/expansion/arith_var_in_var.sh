a=3 b=4
n=a
echo $(( $n * b ))
