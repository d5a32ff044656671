set -- a; shift 5
echo not reached
