cat <<A 3<<B
to stdin
A
to three
B
