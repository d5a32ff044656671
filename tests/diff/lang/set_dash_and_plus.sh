# set -: -x and -v off, end of options; a lone + is ignored.
set -x -v; set - a b c; echo "$- $#" 2>&1
set -x - -v; echo "$- $# $1"
set -x; set -; echo "[$-]"
set a b; set -; echo "$#"
set a b; set +; echo "$# $1"
set - +; echo "$#:$1"; set + -; echo "$#:$1"
set +; echo "[$-] $#"
