echo x > /nope/x 2>/dev/null; echo $?
: > /nope/x 2>/dev/null; echo $?
