# export, readonly, local (also through command) expand NAME=value operands
# as assignments: no splitting, no globbing, tilde after = and :.
v="1 2"; export e=$v; echo "[$e]"
f(){ local d=$1; echo "[$d]"; }; f 'void *'
HOME=/h; export a=~/x; echo $a
export p=~/x:~/y q=x~/q; echo $p $q
readonly r=$v; echo "[$r]"
command export c=$v; echo "[$c]"
command command export c2=$v; echo "[$c2]"
e2=export; $e2 g=$v; echo "[$g]"
x=z=~/p; export $x; echo $z
set -- "a b" c; export s="$@"; echo "[$s]"
export t=* ; echo "[$t]"
export "u=$v" w=$v'x'; echo "[$u] [$w]"
HOME=/home/bar; x=~:${undef-~:~}; echo $x
y=~:${undef-~:a}; echo $y
echo ${undef-~:~} "${undef-~}"
