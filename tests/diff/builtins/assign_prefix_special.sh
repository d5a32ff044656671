x=1 eval 'echo $x'; echo "[$x]"
y=2 set -- a; echo "[$y]"
