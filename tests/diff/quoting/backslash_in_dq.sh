printf "%s\n" "a\nb"
printf "%s\n" "tab\there"
printf "%s\n" "line1\
line2"
