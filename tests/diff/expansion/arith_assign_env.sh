x=5; echo $((x=x*2)) $x; unset y; echo $((y+=1)) $y
echo $(( (x>5) && (y<2) ))
