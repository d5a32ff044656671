# set -x: an assignment-only command traces to the stderr it started
# with, not to its own redirection, also in a pipeline stage, a subshell
# or a background job (found by the differential fuzzer).  One traced
# process at a time, so the lines come in a fixed order.
exec 2>&1
{ set -x; m=v 2>/dev/null; } | cat
(set -x; m=1 2>/dev/null)
(set -x; m=2 2>/dev/null) &
wait
{ set -x; m=3 2>&1 >/dev/null; } | sed 's/^/piped: /'
echo "m=$m"
