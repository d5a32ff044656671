OPTIND=1
set -- -x arg
while getopts x: o; do echo "$o $OPTARG"; done
echo "OPTIND=$OPTIND"
