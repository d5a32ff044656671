echo "outer 'inner' outer"
echo 'outer "inner" outer'
echo "a"'b'"c"
echo "$(echo "inner quoted")"
