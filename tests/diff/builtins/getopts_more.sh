set -- -a -- -b
while getopts ab o; do echo $o; done; echo "ind $OPTIND"
OPTIND=1; set -- -ab -c
while getopts abc o; do echo $o; done; echo "ind $OPTIND"
f() { local OPTIND=1; while getopts x o "$@"; do echo "f $o"; done; }; f -x; f -x
