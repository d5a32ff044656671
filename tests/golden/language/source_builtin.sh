# `source` is another name for `.`, as in bash: same file, same arguments.
source ./source_helper.inc one
. ./source_helper.inc two
source ./no-such-file.inc
echo "status $?"
