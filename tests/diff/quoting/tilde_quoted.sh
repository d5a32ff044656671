HOME=/home/test
echo ~ "~" '~' \~
echo ~/x "~/x"
