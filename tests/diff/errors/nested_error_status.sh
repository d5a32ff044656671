f() { return 2; }
f || echo "f failed with $?"
