echo before
echo still
echo )
echo never
