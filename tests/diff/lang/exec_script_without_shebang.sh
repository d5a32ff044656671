# exec of a file without #! runs it as a shell script (POSIX, ENOEXEC);
# assignments before `exec cmd` reach cmd's environment.
printf 'echo hello "$BLAH" "$@"\n' > noshebang; chmod +x noshebang
(BLAH=1; ./noshebang a)
(BLAH=2; exec ./noshebang b)
(BLAH=3 exec ./noshebang c)
(B4=4 exec env) | grep '^B4='
rm noshebang
