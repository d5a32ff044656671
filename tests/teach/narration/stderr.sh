# The narration goes to the stderr the shell STARTED with (a private copy
# made at startup), never into a command's redirected stderr.
set +o trace
{ set -o trace; echo hi; cat f; } 2>f
set +o trace
echo "f holds $(wc -c < f) bytes"
set -o trace 2>/dev/null
true
