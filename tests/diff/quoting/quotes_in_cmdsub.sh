x="$(echo 'a  b')"
echo "$x"
echo $x
