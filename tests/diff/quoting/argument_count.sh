count() { echo $#; }
count a b c
count "a b" c
count "" ''
count '' "" ""
count "$UNSET_VAR"
count $UNSET_VAR
count "a"'b'c
