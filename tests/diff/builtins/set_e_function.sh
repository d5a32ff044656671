set -e
f() { false; echo never; }
f || echo "f failed"
echo continuing
