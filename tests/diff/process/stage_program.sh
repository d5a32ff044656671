# A pipeline stage or $( ) that only runs a program starts without fork
# when the shell can expand its words and plan its redirections for it;
# everything it does must be what a forked stage would have done.
printf 'one\ntwo\n' > f
echo x | cat > out; cat out
echo x | cat >> out 2>&1; cat out
echo ignored | cat < f
echo ignored | cat - <<EOF
here ${HOME+home}
EOF
echo x | cat 3< f <&3
echo x | cat >&- ; echo "closed stdout: $?"
x="a b"
echo | /bin/echo $x "$x" end
# not found, not executable, a directory, a script without #!
echo x | nosuch_program_here; echo "not found: $?"
echo x | ./f; echo "not executable: $?"
mkdir -p d; echo x | ./d; echo "directory: $?"
printf 'echo from a script without #!\n' > s; chmod +x s
echo x | ./s
# redirections that fail are the stage's own failure
echo x | cat < missing_file; echo "missing input: $?"
set -C; echo x | cat > out; echo "noclobber: $?"; set +C
echo x | cat > d; echo "into a directory: $?"
# words with side effects are expanded by the stage, never by the shell
echo | /bin/echo ${y=set}; echo "y=$y"
echo | /bin/echo $((z = 5)); echo "z=$z"
echo | /bin/echo "$(echo sub)"
# the status is the last stage's
/bin/false | /bin/true; echo "status $?"
/bin/true | /bin/false; echo "status $?"
! /bin/true | /bin/false; echo "negated $?"
# three programs on two pipes
printf 'b\na\nc\n' | sort | head -n 2
# $( ) with redirections
v=$(cat < f); echo "v=$v"
v=$(cat missing_file 2>/dev/null); echo "missing: $? v=$v"
v=$(/bin/echo out; /bin/echo err >&2); echo "v=$v"
# the PATH the stage searches is the shell's at the time
PATH=/nonexistent_dir
echo x | cat; echo "no PATH: $?"
v=$(cat /dev/null); echo "no PATH, \$( ): $?"
unset PATH
echo x | cat; echo "PATH unset: $?"
v=$(cat /dev/null); echo "PATH unset, \$( ): $?"
