set -e
f() { false; return 0; }
if f; then echo fine; fi
g() { false; }
g && echo no || echo "g failed"
! false
for i in 1; do false || true; done
(set +e; false; echo sub-ok)
true | false | true
echo reached
false | true
echo reached2
x=$(false) || echo assign-failed
echo end
