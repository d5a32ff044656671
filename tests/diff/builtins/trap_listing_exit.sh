trap 'echo bye' EXIT
trap - EXIT
echo no-trap
