# `!` does not invert the status of return or exit.
f() { ! return 5; }; f; echo "f=$?"
g() { ! return; }; false; g; echo "g=$?"
h() { ! true; }; h; echo "h=$?"
(! exit 3); echo "exit=$?"
(! exit); echo "exit0=$?"
! true; echo "true=$?"
! false; echo "false=$?"
