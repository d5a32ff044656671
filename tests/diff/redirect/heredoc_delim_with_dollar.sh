cat <<E$F
hi
E$F
cat <<'$X'
a $X
$X
