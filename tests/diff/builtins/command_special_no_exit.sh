set -- a
command shift 5 2>/dev/null; echo "shift survived $?"
readonly r=1
command export r=2 2>/dev/null; echo "export survived $?"
command unset r 2>/dev/null; echo "unset survived $?"
shift 5 2>/dev/null
echo not reached
