set -v
echo one
set +v
echo two
