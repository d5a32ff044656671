# An expansion error in a here-document body is a redirection error, as in
# dash: the command fails with status 2 and the script goes on, except
# after a special builtin (found by the differential fuzzer).
n=v
cat <<E
${u?oops}
E
echo "cat: $?"
{ cat; } <<E
$((n+1))
E
echo "group: $?"
x=$(cat <<E
$((n+1))
E
)
echo "cmdsub: $? x=$x"
f() { cat; }
f <<E
$((n+1))
E
echo "function: $?"
if cat <<E
$((n+1))
E
then echo then; else echo "else: $?"; fi
: <<E
$((n+1))
E
echo "special builtin: not reached"
