printf 'one\ntwo\nthree\n' > in
while read -r l; do echo "got $l"; done < in
