#!/usr/bin/env minish
# 04-and-or.sh -- && and || run a command depending on the status of the
# previous one.  They are how shell scripts say "if".
#
#   a && b   run b only if a succeeded (status 0)
#   a || b   run b only if a failed
# Both associate left to right with equal precedence.

mkdir -p /tmp 2>/dev/null && echo "mkdir worked"
false || echo "false failed, so this runs"
true || echo "never printed"

# A common idiom: try something, report either way.
grep -q root /etc/passwd && echo "root is listed" || echo "no root?"

# Left to right: (false && x) || y
false && echo "skipped" || echo "the || still runs"

# Subshell vs brace group: ( ) runs in a child, { } in this shell.
(cd /tmp && pwd)
pwd > /dev/null    # unchanged: the cd happened in the child
x=outer
{ x=inner; }
echo "after the group x=$x"
