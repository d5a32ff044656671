# POSIX: a lone condition or a leading unsigned number resets; one operand
# that is not a condition is an error.
trap 'echo x' EXIT INT TERM
trap EXIT; trap INT
trap
trap 'echo y' USR1 USR2 HUP
trap 10 12; trap
trap 1; trap
trap foo; echo "foo: $?"
trap 'echo z' NOSUCH USR1; echo "partly bad: $?"
trap
trap -- - USR1; trap
trap -- 'echo w' TERM; trap
