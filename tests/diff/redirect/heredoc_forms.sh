x=val
cat <<E
a $x $(echo c) $((1+2)) \$x \\ \` "q" 'q'
E
cat <<'E'
a $x
E
cat <<"E"
a $x
E
cat <<\E
a $x
E
cat <<-E
	tab $x
		two
	E
cat <<A; cat <<B
one
A
two
B
cat <<E
line\
joined
E
cat << E
sp
E
