printf 'a\nb\n' > in
cat < in
wc -l < in | tr -d ' '
