OPTIND=1
while getopts ":ab:" o -x -b; do
  case $o in
    \?) echo "unknown $OPTARG";;
    :) echo "missing arg for $OPTARG";;
    *) echo "opt $o";;
  esac
done
