unset $(set | sed -n 's/^\(lsv_[a-z]*\)=.*/\1/p')
lsv_a='x y'; lsv_b="it's"; lsv_c=plain
set | grep '^lsv_'
