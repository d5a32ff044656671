set -- "" a ""
echo $#
for w in "$@"; do echo "[$w]"; done
