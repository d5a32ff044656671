# A here-document that starts inside $(...) ends inside it, even when one
# started before the $( on the same line is still waiting for its body.
cat <<A; echo "$(cat <<B
inner
B
)"
outer
A
echo end
cat <<C; echo $(cat <<D
d1
D
) x
c1
C
