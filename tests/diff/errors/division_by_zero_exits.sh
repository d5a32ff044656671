echo before
x=$((10 / 0))
echo never
