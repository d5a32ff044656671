# Integer constants out of range: in an expression the nearest value is
# used (INTMAX_MAX), as strtoimax gives it; a variable whose value is out of
# range is an error (status 2 in a subshell here), as in dash (found by the
# differential fuzzer: m *= $m + ... with m at INTMAX_MIN).
echo $((9223372036854775808)) $((-9223372036854775808)) $((99999999999999999999))
echo $((0x8000000000000000)) $((0xffffffffffffffffff)) $((07777777777777777777777))
for v in -9223372036854775808 9223372036854775807 -0x8000000000000000 \
         -99999999999999999999 9223372036854775808 0x8000000000000000; do
    (x=$v; echo "$v: $((x))") 2>/dev/null
    echo "status $?"
done
m=-2 i=0
while [ $i -lt 2 ]; do echo $(((m *= $m + 9 << 1 * m))); i=$((i + 1)); done
