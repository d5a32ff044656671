parse() { OPTIND=1; while getopts ':ab:c' o "$@"; do case $o in b) echo "b=$OPTARG";; \?) echo "bad $OPTARG";; :) echo "need $OPTARG";; *) echo $o;; esac; done; shift $((OPTIND-1)); echo "rest: $*"; }
parse -a -b val -c x y
parse -ab val
parse -bval -- -a
parse -x -b
parse -ac
