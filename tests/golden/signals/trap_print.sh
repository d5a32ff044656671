# trap -p [condition...] (POSIX.1-2024): re-inputable commands, the
# default shown as `-`; `trap -p` alone lists every condition.
trap 'echo "bye"' EXIT
trap '' USR2
trap 'echo it'"'"'s INT' INT
trap -p INT USR2 EXIT TERM
trap -p > all
grep -c '^trap -- ' all
sed -n '1p;/INT$/p;/USR2$/p;/TERM$/p' all
trap -p INT > saved
trap - INT
trap -p INT
. ./saved
trap -p INT
rm -f all saved
trap -p NOSUCH; echo "status $?"
trap -p 0
