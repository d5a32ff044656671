f() { local v=f; g; echo "f:$v"; }
g() { v=g-changed; }
v=global
f
echo "global:$v"
