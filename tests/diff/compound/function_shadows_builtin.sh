echo() { command echo "wrapped: $*"; }
echo hi
unset -f echo
echo plain
