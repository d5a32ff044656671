trap 'echo cleanup' EXIT
echo work
exit 4
