echo $#
set -- x y
echo $#
(exit 5); echo $?
case $- in *f*) echo f-set;; *) echo f-unset;; esac
set -f
case $- in *f*) echo f-set;; *) echo f-unset;; esac
