echo hello world
echo
echo one; echo two
