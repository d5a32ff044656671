set -- a b
echo "x$@y"
IFS=,; x="$*"; echo $x
set -- "1 2" 3; IFS=' '; a=$@; echo "$a"
echo ${1+"$@"}
