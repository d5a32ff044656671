# . and source: no operand is an error (status 2); a directory is an error
# (status 1) that does not end the script.
mkdir -p dir
. ./dir/
echo "dir=$?"
source
echo "source=$?"
"$MINISH" -c '.; echo not-reached'
echo "dot=$?"
rmdir dir
