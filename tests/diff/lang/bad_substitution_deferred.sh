# A ${...} with no valid form (${x/a/b} is bash's) is an error only when it
# is expanded, as in dash: a branch that never runs, a function never
# called and the body of a here-document that is never read are no syntax
# errors; expanding one ends the script with status 2.
f() { echo ${x/a/b}; }
false && echo ${)} ${x:1} ${#x-y} "${!x}"
echo one
false && cat <<E
${#@x} never
E
echo two
echo ${x^} three
echo not reached
