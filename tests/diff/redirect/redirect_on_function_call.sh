f() { echo "f says $1"; }
f hi > f.out
cat f.out
