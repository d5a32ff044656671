a=foo b=bar
echo $a$b ${a}_$b "$a"-"$b"
