printf '%s|%5.2s|%-3c|\n' hello world z
printf '%d %d\n' 1; printf '%x %o\n' -1 -1
printf '%.3e\n' 12345
printf '\\ \a\b\f\v' | od -An -c
printf '%b' '\x41\101\n'
printf "%s\n" "$(printf '%05.1f' 3.14159)"
printf '%i|%3d|%-3d|\n' 010 -2 -2
