# A here-document whose body is in the alias text, in part or whole: the body
# is read from the alias text first, then from the rest of the line and the
# lines after it, as dash reads it.
alias al0='cat <<E
x
E
'
al0
echo after0
alias a1='cat <<E
x
'
a1
y
E
echo after1
alias a3='cat <<E
x'
a3 more
E
echo after3
alias a4='cat <<E; echo in4
x
E'
a4
echo after4
alias a5='cat <<E
x
E
echo tail5'
a5; echo semi5
echo after5
alias two='cat <<A <<-B
a1
A
	b1
	B
'
two
alias q="cat <<'Q'
\$HOME \\
Q
"
q
alias u='cat <<U
v=$v \
U
U
'
v=1 u
alias inner='cat <<I
in
I
'
alias outer='inner
echo outer
'
outer
alias h='cat <<E'
h
body
E
alias p='cat <<E
pre'
p; echo post
E
echo end
