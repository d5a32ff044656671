i=0; s=0
while [ $i -lt 10 ]; do i=$((i + 1)); s=$((s + i)); done
echo $s
