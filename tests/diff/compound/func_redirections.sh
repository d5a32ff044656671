f() { echo out; } > /dev/null; f; echo after
g() { cat; } <<E
body
E
g
