# test's integer operands: blanks around a number are allowed, but blanks
# alone are no number (status 2, as in dash); found by the differential
# fuzzer ([ $n -lt \<TAB> ] was false instead of an error).
for v in '	' ' ' '' ' 3' '3 ' ' -3 ' '+3' '3x'; do
    [ 30 -lt "$v" ] 2>/dev/null
    echo "[$v] $?"
    test "$v" -eq 3 2>/dev/null
    echo "[$v] eq $?"
done
