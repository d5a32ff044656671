printf '%s\n' hello
printf '%s-%s\n' a b c d
printf '%s\n'
printf 'no newline'
echo
printf '%5s|%-5s|%.2s\n' ab ab abcdef
