x=1 :; echo $x
y=2 export; echo $y
f() { echo "in $z"; }; z=3 f; echo "out [$z]"
w=4 command :; echo "[$w]"
