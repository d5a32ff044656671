printf '%d %i %o %u %x %X %c %s %%\n' 42 -7 8 9 255 255 abc str
printf '%5d|%-5d|%05d|%+d|% d|%.3d\n' 1 2 3 4 5 6
printf '%10s|%-10s|%.2s|%*s|%-*s|\n' a b cdef 4 e 3 f
printf '%e %f %g %.2f %E %G\n' 1.5 2.25 0.0001 3.14159 1e10 1e-10
printf '%s\n' a b c
printf '%s %s\n' a b c
printf '%b\n' 'a\tb\n' '\0101' '\c' after
printf 'x\101\x41\n'
printf '%d\n' "'A" '"B' 0x10 010 -0
printf '%d\n' abc; echo $?
printf '%d\n' 12abc; echo $?
printf '%s'; echo "[$?]"
printf '\n%5.1f|\n' 3.14159
printf '%#o %#x\n' 8 255
printf '%c' ''; echo
printf -- '-%s\n' x
printf '%z\n' 1; echo $?
