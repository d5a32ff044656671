f() { echo in-f; exit 3; }
f
echo never
