echo a#b 'c #d' "#e"
echo #hidden
