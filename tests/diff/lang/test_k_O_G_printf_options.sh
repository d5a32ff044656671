# test -k (sticky), -O (owned by the effective user), -G (effective group);
# printf has no options: -v and friends are errors, not the format.
touch f; mkdir -m 1777 sticky; mkdir plain
test -k sticky && echo k-sticky
test -k plain || echo k-plain
test -k f || echo k-file
test -O f && echo O-mine
test -G f && echo G-mine
test -O missing || echo O-missing
[ -k sticky ] && echo bracket-k
rmdir sticky plain; rm f
printf -v x '%s' hi; echo " st=$?"
printf -x; echo " st=$?"
printf -- '%s\n' dashdash
printf -; echo " st=$?"
