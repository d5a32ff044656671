mkdir -p base/target
CDPATH=$PWD/base
cd target > /dev/null
basename $PWD
