for w in a1 b22 '*' x.c ''; do
  case $w in
    [a-z][0-9]) echo "one digit: $w";;
    ?22) echo "ends 22: $w";;
    \*) echo star;;
    *.c) echo "c file";;
    '') echo empty;;
  esac
done
