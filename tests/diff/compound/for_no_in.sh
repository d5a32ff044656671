set -- p q "r s"
for x; do echo "[$x]"; done
f() { for a do echo "f:$a"; done; }
f 1 2
