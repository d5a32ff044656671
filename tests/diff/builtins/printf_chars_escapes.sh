printf '%c%c\n' abc def
printf 'a\tb\n'
printf '\101\102\n'
printf '%%\n'
printf '%b\n' 'x\ty' 'oct\0101'
