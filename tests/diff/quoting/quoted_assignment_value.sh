x='a b  c'
echo "$x"
y="pre $x post"
echo "$y"
