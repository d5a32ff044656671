f() { exit 3; }
trap 'echo cleanup' EXIT
f
echo no
