set -e
false || true
if false; then :; fi
while false; do :; done
! true
false && true
f() { false; echo in_f; }; f || true
x=$(false; echo ran); echo "$x"
echo before; false; echo after
