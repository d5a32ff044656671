# Fields are cut straight out of the expanded word: quoted and unquoted
# parts next to split points, empty fields, "$@" boundaries and globbing of
# only some fields of one word must all come out as in dash.
mkdir g && cd g && touch ab ac 'a*' b1 b2
show() { printf '<%s>' "$@"; echo " $#"; }
x='a* b?  c'
show $x
show $x"q*"'r '
show "p"$x
y='  lead trail  '
show $y
show ''$y''
show "$y"$y
IFS=:
z='::one::two:'
show $z
show x$z"y"
show $z''
IFS=' :'
w=' a : b :: c '
show $w
IFS=' 	
'
set -- '' 'a b' '' 'c*'
show "$@"
show x"$@"y
show $@
show "$@"$g
set --
show "$@" "" $y
e=
show $e "" $e'' x$e
g='[ab] a\* *[' 
show $g
set -f
show $x $g
set +f
show a"*" 'a'* "b"?
