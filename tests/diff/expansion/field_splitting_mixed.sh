IFS=' :'
x='a : b:c  d'
set -- $x
echo $#
for w; do echo "[$w]"; done
