f() { y=set-in-f; }
f
echo $y
