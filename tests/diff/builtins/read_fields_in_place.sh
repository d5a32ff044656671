# read ends each field with a '\0' in its own line buffer: neighbouring
# fields, empty ones, more names than fields, more than eight names,
# escaped separators (with and without -r) and a readonly name part-way.
show() { printf '<%s>' "$@"; echo; }
read a b c <<END
one two three four
END
show "$a" "$b" "$c"
read a b c d e <<END
x y
END
show "$a" "$b" "$c" "$d" "$e"
IFS=: read a b c d <<END
p::q:
END
show "$a" "$b" "$c" "$d"
IFS=': ' read a b c <<END
 k : l :: m : 
END
show "$a" "$b" "$c"
read v1 v2 v3 v4 v5 v6 v7 v8 v9 v10 v11 <<END
1 2 3 4 5 6 7 8 9 10 11 12 13
END
show "$v1" "$v2" "$v8" "$v9" "$v10" "$v11"
read a b <<'END'
a\ b c\ d e
END
show "$a" "$b"
read -r a b <<'END'
a\ b c\ d e
END
show "$a" "$b"
read -r a <<'END'
  only\ one  
END
show "$a"
read a <<END

END
show "$a"
readonly r
read a r b <<END
1 2 3
END
echo "status $?"
show "$a" "$r" "$b"
printf 'no newline at end' | { read -r a b; echo "status $?"; show "$a" "$b"; }
