echo start
set -- a
: ${nope?is required}
echo not reached
