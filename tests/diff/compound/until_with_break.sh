n=0
until false; do n=$((n+1)); [ $n -eq 3 ] && break; done
echo $n
