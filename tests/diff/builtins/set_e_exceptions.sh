set -e
if false; then :; fi
while false; do :; done
false || true
false && true
! true
true && false || echo "rescued"
echo "still alive"
