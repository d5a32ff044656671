echo before
: ${nothing:?is required} 2>/dev/null
echo never
