echo a b c
echo -n no-newline
echo
echo -- dashes
echo -e not-an-option-in-dash
