set -- -a -b x
while getopts ab o; do echo $o; done; echo $OPTIND
OPTIND=1
set -- -b
while getopts ab o; do echo $o; done; echo $OPTIND
