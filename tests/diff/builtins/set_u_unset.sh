set -u
x=1
echo $x
echo ${nope:-default}
echo "$nope" 2>/dev/null
echo never
