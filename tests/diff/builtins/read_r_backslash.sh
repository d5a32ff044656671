printf 'a\\tb c\\\nd\n' > in
read -r x < in; echo "$x"
read x < in; echo "$x"
