for i in 1 2 3; do [ $i = 2 ] && break; echo $i; done
i=0; while [ $i -lt 4 ]; do i=$((i+1)); [ $i = 2 ] && continue; echo $i; done
for a in x; do for b in y; do break 5; done; echo no; done; echo out
