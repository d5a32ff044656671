printf 'l1\nl2\n' > f
exec 6< f
cat <&6
exec 6<&-
