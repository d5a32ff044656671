x='  a  b   c  '; for w in $x; do echo "[$w]"; done
IFS=:; x='a::b:'; for w in $x; do echo "[$w]"; done
IFS=' :'; x=' a : b :: c '; for w in $x; do echo "[$w]"; done
IFS=; x='a b'; for w in $x; do echo "[$w]"; done
unset IFS; x=' a	b '; for w in $x; do echo "[$w]"; done
IFS=x; v=axbxxc; echo $v; set -- $v; echo $#
