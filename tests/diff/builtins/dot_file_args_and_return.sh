printf 'echo "from lib"\nreturn 3\necho never\n' > lib.sh
. ./lib.sh
echo "status $?"
