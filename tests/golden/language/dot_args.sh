# `. FILE ARGS` sets the positional parameters for FILE (bash, ksh; dash ignores them)
echo 'echo "in: $# $1"' > inc.sh
set -- outer
. ./inc.sh a b
echo "out: $# $1"
rm -f inc.sh
