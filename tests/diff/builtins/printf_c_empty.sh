printf '%c' '' | od -An -c
printf '%3c|' '' | od -An -c
printf '%c%c\n' ab ''  | od -An -c
