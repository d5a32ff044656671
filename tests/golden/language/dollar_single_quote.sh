# $'...' (POSIX.1-2024): backslash escapes inside single quotes; the result is quoted.
p() { printf '[%s]\n' "$@"; }
p $'a\nb' $'t\tt' $'q\'q' $'d\"d' $'b\\b' $'x\x41\x4a\x7' $'o\101\0102' $'c\cA\c[' $'e\e' $'u\qv' $'' $'z\0gone' 'x'$'y'"z"
v=$'a b'; p $v ${u:-$'d\tq'}
case $'\t' in $'\t') echo tab-case;; esac
echo "$'not'" '$'"'"
p $'a\
b'
