x=val
echo "x=$x"
echo "two  spaces"
printf "%s\n" "\$x \` \\ \" \a"
echo "a'b'c"
